//! The Salaries page's four charts: ranges by seniority, bands by years of experience, the
//! offers histogram, and the PayScale averages. Inputs are plain data built by the page; every
//! chart also yields the table (and CSV) of exactly what it draws.

use super::axis::{nice_ticks, short_money};
use super::paint::{Align, Painter};
use super::{ink, series_color, ChartError, ChartStyle, Hit, Ink};
use crate::format::{money, trimmed};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// A salary figure on a chart, already in the chart's period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    Range {
        min: f64,
        max: f64,
    },
    /// At least `min`, no upper bound; `stated_top` is a printed "…+" top figure.
    Open {
        min: f64,
        stated_top: Option<f64>,
    },
    Point {
        value: f64,
    },
}

impl Mark {
    /// The largest number the mark mentions (for the axis).
    fn extent(self) -> f64 {
        match self {
            Mark::Range { max, .. } => max,
            Mark::Open { min, stated_top } => stated_top.unwrap_or(min),
            Mark::Point { value } => value,
        }
    }

    pub fn describe(self) -> String {
        match self {
            Mark::Range { min, max } => format!("{} – {}", money(min), money(max)),
            Mark::Open {
                min,
                stated_top: None,
            } => format!("{}+ (no upper bound)", money(min)),
            Mark::Open {
                min,
                stated_top: Some(top),
            } => {
                format!("{} – {}+ (no upper bound)", money(min), money(top))
            }
            Mark::Point { value } => format!("{} (single average)", money(value)),
        }
    }

    /// (min, max) columns for tables: open ends and points stay explicit.
    fn columns(self) -> (String, String, String) {
        match self {
            Mark::Range { min, max } => (money(min), money(max), "range".into()),
            Mark::Open { min, stated_top } => (
                money(min),
                stated_top
                    .map_or_else(|| "none (open)".into(), |t| format!("{}+ (open)", money(t))),
                "open-ended".into(),
            ),
            Mark::Point { value } => (money(value), money(value), "single average".into()),
        }
    }
}

/// A table of what a chart shows: for the "Table" view and the CSV download.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// RFC 4180 CSV: fields with commas, quotes or newlines are quoted.
    pub fn to_csv(&self) -> String {
        let line = |cells: &[String]| {
            cells
                .iter()
                .map(|c| {
                    if c.contains([',', '"', '\n', '\r']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut out = line(&self.headers);
        for row in &self.rows {
            out.push_str("\r\n");
            out.push_str(&line(row));
        }
        out.push_str("\r\n");
        out
    }
}

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
const FONT: f64 = 12.0;

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

/// A horizontal bar for one mark between `y0` and `y1`.
#[allow(clippy::too_many_arguments)]
pub(super) fn mark_bar<DB: DrawingBackend>(
    p: &mut Painter<'_, DB>,
    mark: Mark,
    rgb: super::Rgb,
    ink: &Ink,
    x: impl Fn(f64) -> f64,
    x_end: f64,
    y0: f64,
    y1: f64,
    tip: String,
) -> Result<(), ChartError> {
    match mark {
        Mark::Range { min, max } => {
            let (a, b) = (x(min), x(max).max(x(min) + 2.0));
            p.rect(a, y0, b, y1, rgb, 0.9)?;
            p.hit(a, y0, b, y1, tip);
        }
        Mark::Open { min, stated_top } => {
            let a = x(min);
            let solid = stated_top.map_or(a + 6.0, &x).max(a + 6.0);
            p.rect(a, y0, solid, y1, rgb, 0.9)?;
            fade(p, solid, x_end - 8.0, y0, y1, rgb)?;
            // Arrow head: the range continues past the axis.
            let mid = (y0 + y1) / 2.0;
            p.polygon(
                &[
                    (x_end - 8.0, y0 - 1.0),
                    (x_end, mid),
                    (x_end - 8.0, y1 + 1.0),
                ],
                rgb,
            )?;
            p.hit(a, y0, x_end, y1, tip);
        }
        Mark::Point { value } => {
            let cx = x(value);
            let mid = (y0 + y1) / 2.0;
            p.circle(cx, mid, 5.0, rgb, ink.background)?;
            p.hit(cx - 7.0, mid - 7.0, cx + 7.0, mid + 7.0, tip);
        }
    }
    Ok(())
}

/// Open ends fade out in steps (no gradient support needed from the backend).
fn fade<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    from: f64,
    to: f64,
    y0: f64,
    y1: f64,
    rgb: super::Rgb,
) -> Result<(), ChartError> {
    const STEPS: usize = 8;
    if to <= from {
        return Ok(());
    }
    let step = (to - from) / STEPS as f64;
    for i in 0..STEPS {
        let alpha = 0.75 * (1.0 - (i as f64 + 0.5) / STEPS as f64);
        let a = from + i as f64 * step;
        p.rect(a, y0, a + step + 0.5, y1, rgb, alpha)?;
    }
    Ok(())
}

/// Vertical grid lines with money labels along the bottom, and the unit.
#[allow(clippy::too_many_arguments)]
pub(super) fn grid<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    ink: &Ink,
    axis_max: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    per: &str,
) -> Result<(), ChartError> {
    let (ticks, _) = nice_ticks(axis_max, 5);
    let place = |tick: f64| left + tick / axis_max * (right - left);
    p.money_grid(
        ticks.into_iter().map(|t| (t, place(t))),
        top,
        bottom,
        ink,
        FONT,
    )?;
    p.text(
        &format!("USD {per}"),
        right,
        bottom + 26.0,
        FONT - 1.0,
        ink.muted,
        Align::Right,
    )?;
    Ok(())
}

pub(super) fn you_marker<DB: DrawingBackend>(
    p: &mut Painter<'_, DB>,
    ink: &Ink,
    mx: f64,
    top: f64,
    bottom: f64,
    value: f64,
    per: &str,
) -> Result<(), ChartError> {
    p.dashed_vline(mx, top, bottom, ink.marker, 2.0)?;
    let (width, _) = p.size();
    let align = if mx > width * 0.75 {
        Align::Right
    } else {
        Align::Left
    };
    let tx = if matches!(align, Align::Right) {
        mx - 4.0
    } else {
        mx + 4.0
    };
    p.text(
        &format!("You: {}", money(value)),
        tx,
        top - 8.0,
        FONT,
        ink.marker,
        align,
    )?;
    p.hit(
        mx - 5.0,
        top,
        mx + 5.0,
        bottom,
        format!("Your salary: {} {per}", money(value)),
    );
    Ok(())
}

/// One source's band over years of experience.
#[derive(Debug, Clone, PartialEq)]
pub struct YearsBand {
    pub series: usize,
    pub source: String,
    pub source_label: String,
    /// Years of experience; `None` upper end is open ("8+").
    pub years: (f64, Option<f64>),
    pub mark: Mark,
}

/// Chart 2: each source's bands over a years-of-experience axis.
#[derive(Debug, Clone, PartialEq)]
pub struct YearsChart {
    pub bands: Vec<YearsBand>,
    pub marker: Option<f64>,
    pub per: &'static str,
}

impl YearsChart {
    pub const HEIGHT: f64 = 320.0;

    /// The chart's legend: each source once, as (colour index, name), in the bands' order.
    pub fn sources(&self) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        for band in &self.bands {
            if !out.iter().any(|(series, _)| *series == band.series) {
                out.push((band.series, band.source.clone()));
            }
        }
        out
    }

    fn years_max(&self) -> f64 {
        let stated = self
            .bands
            .iter()
            .map(|b| b.years.1.unwrap_or(b.years.0))
            .fold(0.0, f64::max);
        // Open-ended years run past the last stated figure.
        (stated + 3.0).ceil()
    }

    pub fn table(&self) -> Table {
        let rows = self
            .bands
            .iter()
            .map(|b| {
                let (min, max, kind) = b.mark.columns();
                let years = match b.years.1 {
                    Some(to) => format!("{}–{}", trimmed(b.years.0, 1), trimmed(to, 1)),
                    None => format!("{}+", trimmed(b.years.0, 1)),
                };
                vec![
                    b.source.clone(),
                    b.source_label.clone(),
                    years,
                    min,
                    max,
                    kind,
                    self.per.to_owned(),
                ]
            })
            .collect();
        Table {
            headers: [
                "Source",
                "Source's label",
                "Years",
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

/// Draws chart 2 (salary on the vertical axis, years on the horizontal one).
pub fn draw_years<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &YearsChart,
    style: ChartStyle,
) -> Result<Vec<Hit>, ChartError> {
    let ink = ink(style.theme);
    let mut p = Painter::new(area, style.scale);
    p.fill(ink.background)?;
    let (width, height) = p.size();
    let (left, right, top, bottom) = (56.0, width - 16.0, 24.0, height - 40.0);
    let data_max = chart
        .bands
        .iter()
        .map(|b| b.mark.extent())
        .chain(chart.marker)
        .fold(0.0, f64::max);
    let (salary_ticks, salary_max) = nice_ticks(data_max * 1.12, 5);
    let years_max = chart.years_max().max(1.0);
    let x = |years: f64| left + (years / years_max).clamp(0.0, 1.0) * (right - left);
    let y = |salary: f64| bottom - (salary / salary_max).clamp(0.0, 1.0) * (bottom - top);

    for tick in salary_ticks {
        p.line(&[(left, y(tick)), (right, y(tick))], ink.grid, 1.0)?;
        p.text(
            &short_money(tick),
            left - 6.0,
            y(tick),
            FONT,
            ink.muted,
            Align::Right,
        )?;
    }
    let step = if years_max > 12.0 { 2 } else { 1 };
    for year in (0..=years_max as u32).step_by(step) {
        p.text(
            &year.to_string(),
            x(f64::from(year)),
            bottom + 12.0,
            FONT,
            ink.muted,
            Align::Center,
        )?;
    }
    p.text(
        "Years of experience",
        (left + right) / 2.0,
        bottom + 28.0,
        FONT - 1.0,
        ink.muted,
        Align::Center,
    )?;
    p.text(
        &format!("USD {}", chart.per),
        left + 4.0,
        top - 6.0,
        FONT - 1.0,
        ink.muted,
        Align::Left,
    )?;

    for band in &chart.bands {
        let rgb = series_color(style.theme, band.series);
        let x0 = x(band.years.0);
        let open_years = band.years.1.is_none();
        let x1 = band.years.1.map_or(right, &x).max(x0 + 3.0);
        let years_text = match band.years.1 {
            Some(to) => format!("{}–{} years", trimmed(band.years.0, 1), trimmed(to, 1)),
            None => format!("{}+ years", trimmed(band.years.0, 1)),
        };
        let tip = format!(
            "{} (“{}”), {years_text}: {} {}",
            band.source,
            band.source_label,
            band.mark.describe(),
            chart.per
        );
        match band.mark {
            Mark::Range { min, max } => {
                p.rect(x0, y(max), x1, y(min), rgb, 0.28)?;
                p.outline(x0, y(max), x1, y(min), rgb, 1.5)?;
                p.hit(x0, y(max), x1, y(min), tip);
            }
            Mark::Open { min, stated_top } => {
                let solid_top = stated_top.map_or(y(min) - 6.0, &y);
                p.rect(x0, solid_top, x1, y(min), rgb, 0.28)?;
                // Fade upwards: no upper bound.
                let steps = 6;
                let h = (solid_top - top) / f64::from(steps);
                for i in 0..steps {
                    let alpha = 0.22 * (1.0 - (f64::from(i) + 0.5) / f64::from(steps));
                    let a = solid_top - f64::from(i) * h;
                    p.rect(x0, a - h - 0.5, x1, a, rgb, alpha)?;
                }
                p.line(&[(x0, y(min)), (x1, y(min))], rgb, 2.0)?;
                p.hit(x0, top, x1, y(min), tip);
            }
            Mark::Point { value } => {
                p.line(&[(x0, y(value)), (x1, y(value))], rgb, 3.0)?;
                p.hit(x0, y(value) - 5.0, x1, y(value) + 5.0, tip);
            }
        }
        if open_years {
            let mid = match band.mark {
                Mark::Range { min, max } => y((min + max) / 2.0),
                Mark::Open { min, .. } => y(min) - 8.0,
                Mark::Point { value } => y(value),
            };
            p.polygon(
                &[
                    (right - 7.0, mid - 5.0),
                    (right, mid),
                    (right - 7.0, mid + 5.0),
                ],
                rgb,
            )?;
        }
    }
    if let Some(value) = chart.marker {
        let my = y(value);
        p.line(&[(left, my), (right, my)], ink.marker, 2.0)?;
        p.text(
            &format!("You: {}", money(value)),
            right,
            my - 9.0,
            FONT,
            ink.marker,
            Align::Right,
        )?;
        p.hit(
            left,
            my - 4.0,
            right,
            my + 4.0,
            format!("Your salary: {} {}", money(value), chart.per),
        );
    }
    p.present()?;
    Ok(p.hits)
}

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

/// A text's width in pixels, estimated at 0.6 em a character (the charts' sans-serif font,
/// digits and lower case; capitals run a little wider, hence the margins around it).
fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * font * 0.6
}

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
