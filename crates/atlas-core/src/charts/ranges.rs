//! The Salaries page's first chart: salary ranges by seniority, one bar per source and level,
//! with the consensus band and "you" marker. The input is plain data built by `salaries`; the
//! chart also yields the table (and CSV) of exactly what it draws.

use super::axis::nice_ticks;
use super::marks::{grid, mark_bar, text_width, you_marker, Mark, FONT};
use super::paint::{Align, Painter};
use super::table::Table;
use super::{ink, series_color, ChartError, ChartStyle, Hit};
use crate::format::money;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// One source's figure at one level.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeBar {
    /// Colour index: the source's position in the dataset.
    pub series: usize,
    pub source: String,
    /// The source's own label for the row ("Expert/Team Lead FastApi Developer").
    pub source_label: String,
    pub mark: Mark,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RangeGroup {
    pub label: String,
    pub bars: Vec<RangeBar>,
    pub consensus: Option<f64>,
}

/// Chart 1: floating bars per level, one colour per source, consensus diamonds.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeChart {
    pub groups: Vec<RangeGroup>,
    /// "Where do I stand": the user's salary, same period.
    pub marker: Option<f64>,
    /// "a year" / "a month".
    pub per: &'static str,
    /// A band behind every level (BLS's national 10th–90th percentile), labelled above the plot.
    pub reference: Option<Reference>,
}

/// A labelled reference band across the whole chart, in its source's colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// The label on a narrow canvas ("BLS: US, 10th–90th percentile").
    pub short_label: String,
    /// Shown above the plot and in the table.
    pub label: String,
    pub source: String,
    pub series: usize,
    pub min: f64,
    pub max: f64,
}

/// Room above the plot for the reference band's label.
const REFERENCE_ROW: f64 = 18.0;

const ROW: f64 = 18.0;
const GROUP_GAP: f64 = 14.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 34.0;

impl RangeChart {
    /// CSS height the chart needs for its rows.
    pub fn height(&self) -> f64 {
        let rows: usize = self.groups.iter().map(|g| g.bars.len().max(1)).sum();
        self.top() + BOTTOM + rows as f64 * ROW + self.groups.len() as f64 * GROUP_GAP
    }

    /// Where the first row starts: lower when a reference band's label sits above the plot.
    fn top(&self) -> f64 {
        TOP + if self.reference.is_some() {
            REFERENCE_ROW
        } else {
            0.0
        }
    }

    fn axis_max(&self) -> f64 {
        let data = self
            .groups
            .iter()
            .flat_map(|g| g.bars.iter().map(|b| b.mark.extent()).chain(g.consensus))
            .chain(self.marker)
            .chain(self.reference.as_ref().map(|r| r.max))
            .fold(0.0, f64::max);
        // Room past the largest figure for open-ended bars to fade out.
        nice_ticks(data * 1.12, 5).1
    }

    pub fn table(&self) -> Table {
        let mut rows = Vec::new();
        for group in &self.groups {
            for bar in &group.bars {
                let (min, max, kind) = bar.mark.columns();
                rows.push(vec![
                    group.label.clone(),
                    bar.source.clone(),
                    bar.source_label.clone(),
                    min,
                    max,
                    kind,
                    self.per.to_owned(),
                ]);
            }
            if let Some(c) = group.consensus {
                rows.push(vec![
                    group.label.clone(),
                    "Consensus (median of closed-range midpoints)".into(),
                    String::new(),
                    money(c),
                    money(c),
                    "consensus".into(),
                    self.per.to_owned(),
                ]);
            }
        }
        if let Some(r) = &self.reference {
            rows.push(vec![
                "All levels (reference)".into(),
                r.source.clone(),
                r.label.clone(),
                money(r.min),
                money(r.max),
                "reference band".into(),
                self.per.to_owned(),
            ]);
        }
        Table {
            headers: [
                "Level",
                "Source",
                "Source's label",
                "Min (USD)",
                "Max (USD)",
                "Kind",
                "Period",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        }
    }
}

/// Draws chart 1 and returns its tooltip regions.
pub fn draw_ranges<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &RangeChart,
    style: ChartStyle,
) -> Result<Vec<Hit>, ChartError> {
    let ink = ink(style.theme);
    let mut p = Painter::new(area, style.scale);
    p.fill(ink.background)?;
    let (width, height) = p.size();
    let left = 96.0_f64.min(width * 0.3);
    let right = width - 16.0;
    let axis_max = chart.axis_max();
    let x = |v: f64| left + (v / axis_max).clamp(0.0, 1.0) * (right - left);
    let plot_bottom = height - BOTTOM;
    let top = chart.top();

    grid(
        &p,
        &ink,
        axis_max,
        left,
        right,
        top - 6.0,
        plot_bottom,
        chart.per,
    )?;
    if let Some(r) = &chart.reference {
        let rgb = series_color(style.theme, r.series);
        let (a, b) = (x(r.min), x(r.max));
        p.rect(a, top - 6.0, b, plot_bottom, rgb, 0.12)?;
        p.dashed_vline(a, top - 6.0, plot_bottom, rgb, 1.0)?;
        p.dashed_vline(b, top - 6.0, plot_bottom, rgb, 1.0)?;
        // The whole label where it fits the canvas, the short one on a phone; kept inside the
        // canvas, starting at the band's edge where it can.
        let label = if text_width(&r.label, FONT - 1.0) <= width - 4.0 {
            &r.label
        } else {
            &r.short_label
        };
        let w = text_width(label, FONT - 1.0);
        let start = if a > width * 0.5 { b - w } else { a };
        let tx = start.min(width - 2.0 - w).max(2.0);
        // Above the "You" marker's label, which sits at top - 14.
        p.text(label, tx, top - 30.0, FONT - 1.0, ink.muted, Align::Left)?;
        p.hit(
            a,
            top - 38.0,
            b,
            top - 22.0,
            format!(
                "{}: {} – {} {} ({})",
                r.label,
                money(r.min),
                money(r.max),
                chart.per,
                r.source
            ),
        );
    }

    let mut y = top;
    for group in &chart.groups {
        let rows = group.bars.len().max(1) as f64;
        let group_mid = y + rows * ROW / 2.0;
        p.text(
            &group.label,
            left - 8.0,
            group_mid,
            FONT,
            ink.text,
            Align::Right,
        )?;
        for bar in &group.bars {
            let (y0, y1) = (y + 3.0, y + ROW - 3.0);
            let tip = format!(
                "{} · {} (“{}”): {} {}",
                group.label,
                bar.source,
                bar.source_label,
                bar.mark.describe(),
                chart.per
            );
            mark_bar(
                &mut p,
                bar.mark,
                series_color(style.theme, bar.series),
                &ink,
                x,
                x(axis_max),
                y0,
                y1,
                tip,
            )?;
            y += ROW;
        }
        if group.bars.is_empty() {
            p.text(
                "no figure in the selected sources",
                left + 4.0,
                group_mid,
                FONT,
                ink.muted,
                Align::Left,
            )?;
            y += ROW;
        }
        if let Some(c) = group.consensus {
            let cx = x(c);
            let top = group_mid - rows * ROW / 2.0;
            p.line(&[(cx, top), (cx, top + rows * ROW)], ink.text, 1.0)?;
            p.diamond(cx, group_mid, 6.0, ink.text)?;
            p.hit(
                cx - 7.0,
                group_mid - 7.0,
                cx + 7.0,
                group_mid + 7.0,
                format!(
                    "{} consensus: {} {} (median of the sources' closed-range midpoints)",
                    group.label,
                    money(c),
                    chart.per
                ),
            );
        }
        y += GROUP_GAP;
    }
    if let Some(value) = chart.marker {
        you_marker(
            &mut p,
            &ink,
            x(value),
            top - 6.0,
            plot_bottom,
            value,
            chart.per,
        )?;
    }
    p.present()?;
    Ok(p.hits)
}
