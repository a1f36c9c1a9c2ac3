//! What the bar charts share: a salary figure as a [`Mark`] (range, open-ended or single
//! figure), its bar with faded open ends, the money grid along the bottom, the "you" marker, the
//! font size and a text's estimated width.

use super::axis::nice_ticks;
use super::paint::{Align, Painter};
use super::{ChartError, Ink};
use crate::format::money;
use plotters::prelude::DrawingBackend;

/// The charts' font size, in CSS pixels (times the style's scale).
pub(super) const FONT: f64 = 12.0;

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
    pub(super) fn extent(self) -> f64 {
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
    pub(super) fn columns(self) -> (String, String, String) {
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

/// A text's width in pixels, estimated at 0.6 em a character (the charts' sans-serif font,
/// digits and lower case; capitals run a little wider, hence the margins around it).
pub(super) fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * font * 0.6
}
