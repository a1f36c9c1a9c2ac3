//! The Salaries page's offers histogram, with its percentile markers.

use super::axis::{nice_ticks, short_money};
use super::marks::{text_width, FONT};
use super::paint::{Align, Painter};
use super::table::Table;
use super::{ink, series_color, ChartError, ChartStyle, Hit};
use crate::format::{money, trimmed};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// Chart 3: offers histogram with percentile markers.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramChart {
    /// (lower, upper, offers) per bucket, contiguous.
    pub buckets: Vec<(f64, f64, u128)>,
    /// Vertical markers: label and value (p25, median, p75, you).
    pub markers: Vec<(String, f64)>,
    pub per: &'static str,
    pub series: usize,
}

impl HistogramChart {
    pub const HEIGHT: f64 = 280.0;

    pub fn table(&self) -> Table {
        let mut rows: Vec<Vec<String>> = self
            .buckets
            .iter()
            .map(|&(lo, hi, n)| {
                vec![
                    format!("{} – under {}", money(lo), money(hi)),
                    n.to_string(),
                    self.per.to_owned(),
                ]
            })
            .collect();
        rows.extend(
            self.markers
                .iter()
                .map(|(label, v)| vec![label.clone(), money(*v), self.per.to_owned()]),
        );
        Table {
            headers: ["Salary bucket / marker", "Offers / value", "Period"]
                .map(String::from)
                .to_vec(),
            rows,
        }
    }
}

/// The height of one marker label's row above the histogram.
const MARKER_ROW: f64 = 14.0;

pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &HistogramChart,
    style: ChartStyle,
) -> Result<Vec<Hit>, ChartError> {
    let ink = ink(style.theme);
    let mut p = Painter::new(area, style.scale);
    p.fill(ink.background)?;
    let (width, height) = p.size();
    // The markers' labels (P25, median, P75, You) get a row each in a band above the plot: no
    // marker's line crosses a label and no two labels overlap, at any width.
    let band = MARKER_ROW * chart.markers.len() as f64;
    let (left, right, top, bottom) = (52.0, width - 16.0, 24.0 + band, height - 40.0);
    let (Some(first), Some(last)) = (chart.buckets.first(), chart.buckets.last()) else {
        p.text(
            "No offers to show yet.",
            width / 2.0,
            height / 2.0,
            FONT + 1.0,
            ink.muted,
            Align::Center,
        )?;
        p.present()?;
        return Ok(p.hits);
    };
    let (lo, hi) = (first.0, last.1);
    let span = (hi - lo).max(1.0);
    let x = |v: f64| left + ((v - lo) / span).clamp(0.0, 1.0) * (right - left);
    let max_count = chart.buckets.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64;
    let (count_ticks, count_max) = nice_ticks(max_count, 4);
    let y = |n: f64| bottom - (n / count_max) * (bottom - top);
    for tick in count_ticks {
        p.line(&[(left, y(tick)), (right, y(tick))], ink.grid, 1.0)?;
        p.text(
            &trimmed(tick, 1),
            left - 6.0,
            y(tick),
            FONT,
            ink.muted,
            Align::Right,
        )?;
    }
    let rgb = series_color(style.theme, chart.series);
    // As many bucket labels as fit side by side (a phone gets fewer); one that would run past
    // the canvas's edge is left out rather than clipped.
    let bucket_label = |b_lo: f64| format!("{}+", short_money(b_lo));
    let widest = chart
        .buckets
        .iter()
        .map(|b| text_width(&bucket_label(b.0), FONT - 1.0))
        .fold(0.0, f64::max);
    let slots = (((right - left) / (widest + 8.0)).floor() as usize).max(1);
    let label_every = chart.buckets.len().div_ceil(slots).max(1);
    for (i, &(b_lo, b_hi, n)) in chart.buckets.iter().enumerate() {
        let (x0, x1) = (x(b_lo) + 1.0, x(b_hi) - 1.0);
        if n > 0 {
            p.rect(x0, y(n as f64), x1.max(x0 + 1.0), bottom, rgb, 0.85)?;
        }
        p.hit(
            x0,
            top,
            x1.max(x0 + 1.0),
            bottom,
            format!(
                "{} – under {}: {n} offer(s) ({})",
                money(b_lo),
                money(b_hi),
                chart.per
            ),
        );
        let label = bucket_label(b_lo);
        if i % label_every == 0 && x0 + text_width(&label, FONT - 1.0) <= width - 2.0 {
            p.text(
                &label,
                x0,
                bottom + 12.0,
                FONT - 1.0,
                ink.muted,
                Align::Left,
            )?;
        }
    }
    p.text(
        &format!("USD {} (bucket lower bounds)", chart.per),
        right,
        bottom + 28.0,
        FONT - 1.0,
        ink.muted,
        Align::Right,
    )?;
    p.text(
        "Offers",
        left,
        top - 12.0,
        FONT - 1.0,
        ink.muted,
        Align::Right,
    )?;
    for (i, (label, value)) in chart.markers.iter().enumerate() {
        let mx = x(*value);
        let color = if label.starts_with("You") {
            ink.marker
        } else {
            ink.text
        };
        p.dashed_vline(mx, top, bottom, color, 1.5)?;
        // Centred over its line, kept inside the canvas, in its own row of the band.
        let text = format!("{label} {}", short_money(*value));
        let w = text_width(&text, FONT - 1.0);
        // Never left of the plot, where the "Offers" title is.
        let tx = (mx - w / 2.0).min(width - 2.0 - w).max(left);
        let ty = 24.0 + (i as f64) * MARKER_ROW;
        p.text(&text, tx, ty, FONT - 1.0, color, Align::Left)?;
        p.hit(
            mx - 4.0,
            top,
            mx + 4.0,
            bottom,
            format!("{label}: {} {}", money(*value), chart.per),
        );
    }
    p.present()?;
    Ok(p.hits)
}
