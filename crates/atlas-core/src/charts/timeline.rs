//! First-release timeline of frameworks, runtimes and languages (the Frameworks page).

use super::axis::nice_ticks;
use super::paint::{Align, Painter};
use super::table::Table;
use super::{ink, series_color, ChartError, ChartStyle, Hit};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePoint {
    pub name: String,
    pub year: u16,
    /// "framework", "runtime" or "language / platform".
    pub kind: &'static str,
    pub creator: Option<String>,
    /// Colour index of the source (one colour per source, as everywhere).
    pub series: usize,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChart {
    pub points: Vec<TimelinePoint>,
}

impl TimelineChart {
    pub const HEIGHT: f64 = 220.0;

    pub fn table(&self) -> Table {
        Table {
            headers: ["Name", "Kind", "First release", "Creator", "Source"]
                .map(String::from)
                .to_vec(),
            rows: self
                .points
                .iter()
                .map(|p| {
                    vec![
                        p.name.clone(),
                        p.kind.to_owned(),
                        p.year.to_string(),
                        p.creator.clone().unwrap_or_else(|| "not stated".into()),
                        p.source.clone(),
                    ]
                })
                .collect(),
        }
    }
}

/// Points on a years axis; labels alternate above and below the axis so neighbours don't collide.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &TimelineChart,
    style: ChartStyle,
) -> Result<Vec<Hit>, ChartError> {
    let ink = ink(style.theme);
    let mut p = Painter::new(area, style.scale);
    p.fill(ink.background)?;
    let (width, height) = p.size();
    let years = chart.points.iter().map(|pt| f64::from(pt.year));
    let (Some(first), Some(last)) = (years.clone().reduce(f64::min), years.reduce(f64::max)) else {
        p.text(
            "No release years in the sources.",
            width / 2.0,
            height / 2.0,
            13.0,
            ink.muted,
            Align::Center,
        )?;
        p.present()?;
        return Ok(p.hits);
    };
    // A round span of years around the data, ticks every 5 or 10 years.
    let lo = (first / 5.0).floor() * 5.0;
    let (ticks, span) = nice_ticks((last - lo).max(5.0) + 2.0, 6);
    let (left, right, axis_y) = (24.0, width - 24.0, height / 2.0);
    let x = |year: f64| left + (year - lo) / span * (right - left);
    p.line(&[(left, axis_y), (right, axis_y)], ink.muted, 1.5)?;
    for tick in ticks {
        let tx = x(lo + tick);
        p.line(&[(tx, axis_y - 4.0), (tx, axis_y + 4.0)], ink.muted, 1.0)?;
        p.text(
            &format!("{}", (lo + tick) as i32),
            tx,
            height - 12.0,
            11.0,
            ink.muted,
            Align::Center,
        )?;
    }
    for (i, pt) in chart.points.iter().enumerate() {
        let px = x(f64::from(pt.year));
        let up = i % 2 == 0;
        let label_y = if up {
            axis_y - 46.0 - (i % 4) as f64 * 7.0
        } else {
            axis_y + 46.0 + (i % 4) as f64 * 7.0
        };
        let rgb = series_color(style.theme, pt.series);
        p.line(
            &[(px, axis_y), (px, label_y + if up { 9.0 } else { -9.0 })],
            ink.grid,
            1.0,
        )?;
        p.circle(px, axis_y, 6.0, rgb, ink.background)?;
        let align = if px < width * 0.15 {
            Align::Left
        } else if px > width * 0.85 {
            Align::Right
        } else {
            Align::Center
        };
        p.text(
            &format!("{} {}", pt.name, pt.year),
            px,
            label_y,
            12.0,
            ink.text,
            align,
        )?;
        let creator = pt
            .creator
            .as_deref()
            .map(|c| format!(", by {c}"))
            .unwrap_or_default();
        p.hit(
            px - 8.0,
            axis_y - 8.0,
            px + 8.0,
            axis_y + 8.0,
            format!(
                "{} ({}): first released {}{creator}. Source: {}",
                pt.name, pt.kind, pt.year, pt.source
            ),
        );
    }
    p.present()?;
    Ok(p.hits)
}
