//! A few labelled horizontal bars (the Salaries page's PayScale averages).

use super::axis::nice_ticks;
use super::marks::{you_marker, FONT};
use super::paint::{Align, Painter};
use super::table::Table;
use super::{ink, series_color, ChartError, ChartStyle, Hit};
use crate::format::money;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// Chart 4: a few labelled horizontal bars (the PayScale averages).
#[derive(Debug, Clone, PartialEq)]
pub struct BarsChart {
    /// Label, value, colour index, source name.
    pub bars: Vec<(String, f64, usize, String)>,
    pub marker: Option<f64>,
    pub per: &'static str,
}

impl BarsChart {
    pub fn height(&self) -> f64 {
        40.0 + self.bars.len() as f64 * 36.0 + 20.0
    }

    pub fn table(&self) -> Table {
        Table {
            headers: ["Role", "Average (USD)", "Period", "Source"]
                .map(String::from)
                .to_vec(),
            rows: self
                .bars
                .iter()
                .map(|(label, v, _, source)| {
                    vec![
                        label.clone(),
                        money(*v),
                        self.per.to_owned(),
                        source.clone(),
                    ]
                })
                .collect(),
        }
    }
}

/// Room left of the bars for the longest label, right-aligned 8 px from the bar: the canvas has
/// no text metrics here, so a width is estimated at 0.6 em a character (wider than the average
/// sans-serif letter), so that a phone does not cut a label's first letters off.
pub fn bar_label_width(chart: &BarsChart) -> f64 {
    let longest = chart
        .bars
        .iter()
        .map(|b| b.0.chars().count())
        .max()
        .unwrap_or(0);
    longest as f64 * FONT * 0.6 + 12.0
}

pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarsChart,
    style: ChartStyle,
) -> Result<Vec<Hit>, ChartError> {
    let ink = ink(style.theme);
    let mut p = Painter::new(area, style.scale);
    p.fill(ink.background)?;
    let (width, height) = p.size();
    let (left, right, top, bottom) = (
        bar_label_width(chart).min(width * 0.45),
        width - 70.0,
        16.0,
        height - 34.0,
    );
    let data_max = chart
        .bars
        .iter()
        .map(|b| b.1)
        .chain(chart.marker)
        .fold(0.0, f64::max);
    let (ticks, axis_max) = nice_ticks(data_max * 1.05, 4);
    let x = |v: f64| left + (v / axis_max).clamp(0.0, 1.0) * (right - left);
    p.money_grid(
        ticks.into_iter().map(|t| (t, x(t))),
        top,
        bottom,
        &ink,
        FONT,
    )?;
    p.text(
        &format!("USD {}", chart.per),
        right + 60.0,
        bottom + 26.0,
        FONT - 1.0,
        ink.muted,
        Align::Right,
    )?;
    for (i, (label, value, series, source)) in chart.bars.iter().enumerate() {
        let y0 = top + 8.0 + i as f64 * 36.0;
        let y1 = y0 + 22.0;
        let rgb = series_color(style.theme, *series);
        p.text(
            label,
            left - 8.0,
            (y0 + y1) / 2.0,
            FONT,
            ink.text,
            Align::Right,
        )?;
        p.rect(left, y0, x(*value), y1, rgb, 0.9)?;
        p.text(
            &money(*value),
            x(*value) + 6.0,
            (y0 + y1) / 2.0,
            FONT,
            ink.text,
            Align::Left,
        )?;
        p.hit(
            left,
            y0,
            x(*value),
            y1,
            format!("{label}: {} {} ({source})", money(*value), chart.per),
        );
    }
    if let Some(value) = chart.marker {
        you_marker(&mut p, &ink, x(value), top, bottom, value, chart.per)?;
    }
    p.present()?;
    Ok(p.hits)
}
