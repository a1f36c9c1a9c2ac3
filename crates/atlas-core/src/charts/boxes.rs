//! The Locations comparison: one horizontal box plot per area on one dollar axis (p10–p90
//! whiskers, a p25–p75 box, a median line), the nation first as the reference, optionally the
//! other sources' seniority ranges below them, and "You" where a salary was entered.

use super::axis::nice_ticks;
use super::marks::{grid, mark_bar, you_marker, Mark};
use super::paint::{Align, Painter};
use super::table::Table;
use super::{ink, series_color, ChartError, ChartStyle, Hit};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// One area's published percentiles (annual US dollars); `None` where not released.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxRow {
    pub label: String,
    /// p10, p25, median, p75, p90.
    pub points: [Option<f64>; 5],
    /// Which of them are top-coded (lower bounds).
    pub top_coded: [bool; 5],
    /// The nation: drawn in the text colour as the reference.
    pub reference: bool,
    /// The tooltip.
    pub tip: String,
    /// Table cells after the label.
    pub cells: Vec<String>,
}

/// Another source's seniority range, drawn in that source's colour.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeRow {
    pub label: String,
    pub series: usize,
    pub mark: Mark,
    pub tip: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BoxChart {
    pub boxes: Vec<BoxRow>,
    /// The colour of the areas' boxes: BLS's series (the nation is drawn in the text colour).
    pub series: usize,
    pub ranges: Vec<RangeRow>,
    /// The user's yearly salary.
    pub marker: Option<f64>,
    /// Table headings after "Area".
    pub columns: Vec<String>,
}

const ROW: f64 = 42.0;
const RANGE_ROW: f64 = 22.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 34.0;
const SECTION: f64 = 26.0;
const FONT: f64 = 12.0;

impl BoxChart {
    pub fn height(&self) -> f64 {
        let ranges = if self.ranges.is_empty() {
            0.0
        } else {
            SECTION + self.ranges.len() as f64 * RANGE_ROW
        };
        TOP + BOTTOM + self.boxes.len() as f64 * ROW + ranges
    }

    fn axis_max(&self) -> f64 {
        let data = self
            .boxes
            .iter()
            .flat_map(|b| b.points.iter().flatten().copied())
            .chain(self.ranges.iter().map(|r| match r.mark {
                Mark::Range { max, .. } => max,
                Mark::Open { min, stated_top } => stated_top.unwrap_or(min),
                Mark::Point { value } => value,
            }))
            .chain(self.marker)
            .fold(0.0, f64::max);
        nice_ticks(data * 1.05, 5).1
    }

    pub fn table(&self) -> Table {
        let mut headers = vec!["Area".to_owned()];
        headers.extend(self.columns.iter().cloned());
        let mut rows: Vec<Vec<String>> = self
            .boxes
            .iter()
            .map(|b| {
                let mut row = vec![b.label.clone()];
                row.extend(b.cells.iter().cloned());
                row
            })
            .collect();
        for r in &self.ranges {
            let mut row = vec![r.label.clone(), r.mark.describe()];
            row.resize(headers.len(), String::new());
            rows.push(row);
        }
        Table { headers, rows }
    }
}

/// A label's width in pixels at `font` (0.6 em a character).
fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * font * 0.6
}

/// `text`, or as much of it as fits `room` pixels at `font` followed by "…".
fn shortened(text: &str, room: f64, font: f64) -> String {
    if text_width(text, font) <= room {
        return text.to_owned();
    }
    let fit = ((room / (font * 0.6)).floor() as usize).saturating_sub(1);
    let mut out: String = text
        .chars()
        .take(fit)
        .collect::<String>()
        .trim_end()
        .to_owned();
    out.push('…');
    out
}

/// Draws the comparison and returns its tooltip regions.
pub fn draw_boxes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BoxChart,
    style: ChartStyle,
) -> Result<Vec<Hit>, ChartError> {
    let ink = ink(style.theme);
    let mut p = Painter::new(area, style.scale);
    p.fill(ink.background)?;
    let (width, height) = p.size();
    let (left, right) = (12.0, width - 16.0);
    let axis_max = chart.axis_max();
    let x = |v: f64| left + (v / axis_max).clamp(0.0, 1.0) * (right - left);
    let bottom = height - BOTTOM;
    grid(&p, &ink, axis_max, left, right, TOP - 6.0, bottom, "a year")?;

    let mut y = TOP;
    for row in &chart.boxes {
        let color = if row.reference {
            ink.text
        } else {
            series_color(style.theme, chart.series)
        };
        // A long metro name is shortened on a phone (the tooltip and table have it whole).
        let label = shortened(&row.label, right - left, FONT);
        p.text(&label, left, y + 8.0, FONT, ink.text, Align::Left)?;
        let (y0, y1) = (y + 17.0, y + ROW - 5.0);
        let mid = (y0 + y1) / 2.0;
        let [p10, p25, median, p75, p90] = row.points;
        if row.points.iter().all(Option::is_none) {
            p.text(
                "BLS released no wage percentiles for this area",
                left,
                mid,
                FONT,
                ink.muted,
                Align::Left,
            )?;
        } else {
            // Whiskers: p10 to the box, the box to p90 (an arrow when p90 is a lower bound).
            if let (Some(lo), Some(b)) = (p10, p25.or(median)) {
                p.line(&[(x(lo), mid), (x(b), mid)], color, 1.5)?;
                p.line(&[(x(lo), y0 + 4.0), (x(lo), y1 - 4.0)], color, 1.5)?;
            }
            if let (Some(b), Some(hi)) = (p75.or(median), p90) {
                p.line(&[(x(b), mid), (x(hi), mid)], color, 1.5)?;
                if row.top_coded[4] {
                    let hx = x(hi);
                    p.polygon(&[(hx, mid - 5.0), (hx + 8.0, mid), (hx, mid + 5.0)], color)?;
                } else {
                    p.line(&[(x(hi), y0 + 4.0), (x(hi), y1 - 4.0)], color, 1.5)?;
                }
            }
            if let (Some(a), Some(b)) = (p25, p75) {
                // The reference (the nation) is hollow, the compared areas filled.
                let fill = if row.reference { 0.0 } else { 0.35 };
                p.rect(x(a), y0, x(b).max(x(a) + 2.0), y1, color, fill)?;
                p.outline(x(a), y0, x(b).max(x(a) + 2.0), y1, color, 1.5)?;
            }
            if let Some(m) = median {
                p.line(&[(x(m), y0 - 2.0), (x(m), y1 + 2.0)], color, 3.0)?;
            }
            let lo = row
                .points
                .iter()
                .flatten()
                .copied()
                .fold(f64::MAX, f64::min);
            let hi = row.points.iter().flatten().copied().fold(0.0, f64::max);
            p.hit(x(lo) - 4.0, y0, x(hi) + 4.0, y1, row.tip.clone());
        }
        y += ROW;
    }
    if !chart.ranges.is_empty() {
        // The long heading where it fits, a short one on a phone.
        let long = "Seniority ranges from the other sources (a different population: see the note)";
        let fits = long.chars().count() as f64 * (FONT - 1.0) * 0.6 <= width - left - 2.0;
        p.text(
            if fits {
                long
            } else {
                "Other sources' seniority ranges (see the note)"
            },
            left,
            y + SECTION / 2.0,
            FONT - 1.0,
            ink.muted,
            Align::Left,
        )?;
        y += SECTION;
        for r in &chart.ranges {
            let (y0, y1) = (y + 4.0, y + RANGE_ROW - 4.0);
            mark_bar(
                &mut p,
                r.mark,
                series_color(style.theme, r.series),
                &ink,
                x,
                x(axis_max),
                y0,
                y1,
                r.tip.clone(),
            )?;
            // Beside the bar, on the side with more room; shortened with "…" where even that
            // is too narrow (a phone), never cut off. The tooltip and table have it whole.
            let (lo_x, hi_x) = match r.mark {
                Mark::Range { min, max } => (x(min), x(max)),
                Mark::Point { value } => (x(value) - 4.0, x(value) + 4.0),
                Mark::Open { min, .. } => (x(min), right),
            };
            let (room_right, room_left) = (right - hi_x - 6.0, lo_x - 6.0 - left);
            let (label_x, align, room) =
                if room_right >= text_width(&r.label, FONT - 1.0) || room_right >= room_left {
                    (hi_x + 6.0, Align::Left, room_right)
                } else {
                    (lo_x - 6.0, Align::Right, room_left)
                };
            let (label_x, align, room) = if room < 40.0 {
                (right, Align::Right, right - left)
            } else {
                (label_x, align, room)
            };
            p.text(
                &shortened(&r.label, room, FONT - 1.0),
                label_x,
                (y0 + y1) / 2.0,
                FONT - 1.0,
                ink.muted,
                align,
            )?;
            y += RANGE_ROW;
        }
    }
    if let Some(value) = chart.marker {
        you_marker(&mut p, &ink, x(value), TOP - 6.0, bottom, value, "a year")?;
    }
    p.present()?;
    Ok(p.hits)
}
