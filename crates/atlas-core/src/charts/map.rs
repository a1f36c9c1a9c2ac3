//! The Locations map: a choropleth of the US states (pre-projected outlines from the state
//! map file), each state filled with the colour class of the chosen statistic. The legend is
//! HTML (the page builds it from [`bin_color`] and the same edges); hovering a state shows its
//! figures, clicking or Enter on it picks its area code.

use super::paint::Painter;
use super::table::Table;
use super::{ink, ChartError, ChartStyle, Hit, Rgb, Theme};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// One state as the map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    /// OEWS area code: "0600000".
    pub area: String,
    pub name: String,
    /// Closed rings in map units.
    pub rings: Vec<Vec<(f64, f64)>>,
    /// Its colour class, or `None` when BLS released no figure for it.
    pub bin: Option<usize>,
    /// The tooltip: name, the statistic, p10–p90 and employment.
    pub tip: String,
    /// The table's cells for it (after the name).
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapChart {
    /// Width and height of the map's coordinate space.
    pub width: f64,
    pub height: f64,
    pub states: Vec<MapState>,
    /// How many colour classes there are.
    pub bins: usize,
    /// The classes' inner edges in dollars (the legend's, from `oews::bin_edges`).
    pub edges: Vec<u32>,
    /// Compared areas: drawn with a strong outline.
    pub selected: Vec<String>,
    /// Table headings after "State".
    pub columns: Vec<String>,
}

/// Light theme: light to dark blue; dark theme: dark to light blue. One hue whose lightness
/// alone orders the classes, so they read for colour-blind readers and in grey print.
const LIGHT: [Rgb; 5] = [
    Rgb(0xde, 0xeb, 0xf7),
    Rgb(0x9e, 0xca, 0xe1),
    Rgb(0x5a, 0xa1, 0xcf),
    Rgb(0x21, 0x71, 0xb5),
    Rgb(0x08, 0x40, 0x81),
];
const DARK: [Rgb; 5] = [
    Rgb(0x1c, 0x33, 0x4f),
    Rgb(0x25, 0x55, 0x86),
    Rgb(0x3d, 0x82, 0xbf),
    Rgb(0x7c, 0xb6, 0xe6),
    Rgb(0xc9, 0xe4, 0xfa),
];

/// The most colour classes the map uses.
pub const MAX_BINS: usize = 5;

/// The fill of class `bin` out of `bins` (spread over the palette), or of "no figure".
pub fn bin_color(theme: Theme, bin: Option<usize>, bins: usize) -> Rgb {
    let palette = match theme {
        Theme::Light => &LIGHT,
        Theme::Dark => &DARK,
    };
    match palette_index(bin, bins) {
        None => match theme {
            Theme::Light => Rgb(0xf1, 0xf1, 0xf1),
            Theme::Dark => Rgb(0x26, 0x2d, 0x35),
        },
        Some(index) => palette[index],
    }
}

/// The legend swatch of class `bin` out of `bins`: a class (`swatch map-<n>`, `swatch
/// map-none`) that style/main.css colours as [`bin_color`] does in each theme (tests/charts.rs
/// keeps them equal), so the legend carries no inline style.
pub fn bin_class(bin: Option<usize>, bins: usize) -> String {
    match palette_index(bin, bins) {
        Some(index) => format!("swatch map-{index}"),
        None => "swatch map-none".to_owned(),
    }
}

/// Where class `bin` out of `bins` falls in the five-colour palette.
fn palette_index(bin: Option<usize>, bins: usize) -> Option<usize> {
    let b = bin?;
    let bins = bins.clamp(1, MAX_BINS);
    Some(if bins == 1 {
        MAX_BINS / 2
    } else {
        b.min(bins - 1) * (MAX_BINS - 1) / (bins - 1)
    })
}

impl MapChart {
    /// CSS height for a CSS width: the map's own aspect ratio.
    pub fn aspect(&self) -> f64 {
        if self.width > 0.0 {
            self.height / self.width
        } else {
            0.6
        }
    }

    pub fn table(&self) -> Table {
        let mut headers = vec!["State".to_owned()];
        headers.extend(self.columns.iter().cloned());
        Table {
            headers,
            rows: self
                .states
                .iter()
                .map(|s| {
                    let mut row = vec![s.name.clone()];
                    row.extend(s.cells.iter().cloned());
                    row
                })
                .collect(),
        }
    }
}

/// Draws the map to fit the area and returns one hit per state (its outline, its area code).
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &MapChart,
    style: ChartStyle,
) -> Result<Vec<Hit>, ChartError> {
    let ink = ink(style.theme);
    let p = Painter::new(area, style.scale);
    p.fill(ink.background)?;
    let (width, height) = p.size();
    if chart.width <= 0.0 || chart.height <= 0.0 {
        p.present()?;
        return Ok(p.hits);
    }
    let k = (width / chart.width).min(height / chart.height);
    let (dx, dy) = (
        (width - chart.width * k) / 2.0,
        (height - chart.height * k) / 2.0,
    );
    let to_css = |&(x, y): &(f64, f64)| (dx + x * k, dy + y * k);
    // Hits in the states' own order (the arrow keys step through them), whatever the drawing
    // order: selected states are drawn last, so a neighbour's fill does not cover their outline.
    let mut hits: Vec<Option<Hit>> = vec![None; chart.states.len()];
    let order = chart
        .states
        .iter()
        .enumerate()
        .filter(|(_, s)| !chart.selected.contains(&s.area))
        .chain(
            chart
                .states
                .iter()
                .enumerate()
                .filter(|(_, s)| chart.selected.contains(&s.area)),
        );
    for (i, state) in order {
        let selected = chart.selected.contains(&state.area);
        let fill = bin_color(style.theme, state.bin, chart.bins);
        let (outline, width) = if selected {
            (ink.text, 2.0)
        } else {
            (ink.background, 0.75)
        };
        let rings: Vec<Vec<(f64, f64)>> = state
            .rings
            .iter()
            .map(|r| r.iter().map(to_css).collect())
            .collect();
        for ring in &rings {
            p.shape(ring, fill, outline, width)?;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in rings.iter().flatten() {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        if x0 <= x1 {
            hits[i] = Some(Hit {
                x0,
                y0,
                x1,
                y1,
                text: state.tip.clone(),
                rings,
                key: Some(state.area.clone()),
            });
        }
    }
    p.present()?;
    Ok(hits.into_iter().flatten().collect())
}
