//! The offers chart: one horizontal bar per offer, stacked from its pay parts (base, bonus,
//! sign-on, equity, other cash) under the chosen total, the total at the bar's end, the highest
//! outlined and marked, and every other offer's difference from it.

use super::axis::nice_ticks;
use super::paint::{Align, Painter};
use super::table::Table;
use super::{ink, ChartError, ChartStyle, Hit, Rgb, Theme};
use crate::offers::compare::{dollars, part_values, Basis, Row, PART_NAMES};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

const FONT: f64 = 12.0;
const ROW: f64 = 48.0;
const BAR: f64 = 26.0;

/// The pay parts' colours. Parts are not sources, so these hues are their own (and each chart
/// that shows parts uses them): light variants darker, dark ones lighter for 3:1 contrast.
const PARTS_LIGHT: [Rgb; 5] = [
    Rgb(0x2b, 0x4c, 0x7e), // base: navy
    Rgb(0x3f, 0x8f, 0x9f), // bonus: teal
    Rgb(0xc7, 0x7c, 0x1e), // sign-on: amber
    Rgb(0x7a, 0x5c, 0xa8), // equity: violet
    Rgb(0x80, 0x80, 0x80), // other cash: grey
];
const PARTS_DARK: [Rgb; 5] = [
    Rgb(0x7f, 0xa8, 0xe0),
    Rgb(0x6c, 0xc9, 0xd6),
    Rgb(0xf0, 0xb0, 0x5a),
    Rgb(0xbf, 0xa2, 0xeb),
    Rgb(0xb8, 0xb8, 0xb8),
];

/// The colour of pay part `index` ([`PART_NAMES`] order).
pub fn part_color(theme: Theme, index: usize) -> Rgb {
    let palette = match theme {
        Theme::Light => &PARTS_LIGHT,
        Theme::Dark => &PARTS_DARK,
    };
    palette[index % palette.len()]
}

/// What the chart draws.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffersChart {
    pub basis: Basis,
    pub rows: Vec<Row>,
}

impl OffersChart {
    pub fn height(&self) -> f64 {
        20.0 + self.rows.len() as f64 * ROW + 36.0
    }

    pub fn table(&self) -> Table {
        let mut headers: Vec<String> = vec!["Offer".into()];
        headers.extend(PART_NAMES.iter().map(|n| format!("{n} (USD a year)")));
        headers.push(format!("{} total (USD a year)", self.basis.label()));
        headers.push("Below the highest by (USD)".into());
        Table {
            headers,
            rows: self
                .rows
                .iter()
                .map(|r| {
                    let mut row = vec![r.label.clone()];
                    row.extend(part_values(r.parts).into_iter().map(dollars));
                    row.push(dollars(r.total));
                    row.push(if r.highest {
                        "highest".into()
                    } else {
                        dollars(r.behind)
                    });
                    row
                })
                .collect(),
        }
    }
}

/// Room left of the bars for the longest label (0.6 em a character, as the other bar chart).
fn label_width(chart: &OffersChart) -> f64 {
    let longest = chart
        .rows
        .iter()
        .map(|r| r.label.chars().count().min(24))
        .max()
        .unwrap_or(0);
    longest as f64 * FONT * 0.6 + 12.0
}

/// A label cut to 24 characters for the axis (the table has it whole).
fn short_label(label: &str) -> String {
    if label.chars().count() > 24 {
        let mut cut: String = label.chars().take(23).collect();
        cut.push('…');
        cut
    } else {
        label.to_owned()
    }
}

pub fn draw_offers<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &OffersChart,
    style: ChartStyle,
) -> Result<Vec<Hit>, ChartError> {
    let ink = ink(style.theme);
    let mut p = Painter::new(area, style.scale);
    p.fill(ink.background)?;
    let (width, height) = p.size();
    let (left, right, top, bottom) = (
        label_width(chart).min(width * 0.4),
        width - 96.0,
        12.0,
        height - 34.0,
    );
    let data_max = chart.rows.iter().map(|r| r.total).max().unwrap_or(0) as f64 / 100.0;
    let (ticks, axis_max) = nice_ticks(data_max.max(1.0), 4);
    let x = |cents: u64| left + (cents as f64 / 100.0 / axis_max).clamp(0.0, 1.0) * (right - left);
    let place = |tick: f64| left + (tick / axis_max).clamp(0.0, 1.0) * (right - left);
    p.money_grid(
        ticks.into_iter().map(|t| (t, place(t))),
        top,
        bottom,
        &ink,
        FONT,
    )?;
    p.text(
        &format!("USD a year, {}", chart.basis.phrase()),
        width - 4.0,
        bottom + 26.0,
        FONT - 1.0,
        ink.muted,
        Align::Right,
    )?;
    for (i, row) in chart.rows.iter().enumerate() {
        let y0 = top + 8.0 + i as f64 * ROW;
        let y1 = y0 + BAR;
        let mid = (y0 + y1) / 2.0;
        p.text(
            &short_label(&row.label),
            left - 8.0,
            mid,
            FONT,
            ink.text,
            Align::Right,
        )?;
        let mut sum = 0u64;
        for (part, value) in part_values(row.parts).into_iter().enumerate() {
            if value == 0 {
                continue;
            }
            let (x0, x1) = (x(sum), x(sum + value));
            sum += value;
            p.rect(x0, y0, x1, y1, part_color(style.theme, part), 0.95)?;
            p.hit(
                x0,
                y0,
                x1,
                y1,
                format!(
                    "{}: {} {} (USD a year, {})",
                    row.label,
                    PART_NAMES[part],
                    dollars(value),
                    chart.basis.phrase()
                ),
            );
        }
        let end = x(row.total);
        if row.highest {
            p.outline(left - 1.0, y0 - 2.0, end + 1.0, y1 + 2.0, ink.text, 2.0)?;
        }
        p.text(
            &dollars(row.total),
            end + 6.0,
            mid - 6.0,
            FONT,
            ink.text,
            Align::Left,
        )?;
        let note = if row.highest {
            "highest".to_owned()
        } else {
            format!("−{}", dollars(row.behind))
        };
        p.text(
            &note,
            end + 6.0,
            mid + 8.0,
            FONT - 1.0,
            if row.highest { ink.text } else { ink.muted },
            Align::Left,
        )?;
        p.hit(
            end,
            y0,
            end + 90.0,
            y1,
            if row.highest {
                format!(
                    "{}: {} a year, the highest total",
                    row.label,
                    dollars(row.total)
                )
            } else {
                format!(
                    "{}: {} a year, {} below the highest",
                    row.label,
                    dollars(row.total),
                    dollars(row.behind)
                )
            },
        );
    }
    p.present()?;
    Ok(p.hits)
}
