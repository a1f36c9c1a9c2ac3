//! The Salaries page's second chart: each source's salary band over years of experience.

use super::axis::{nice_ticks, short_money};
use super::marks::{Mark, FONT};
use super::paint::{Align, Painter};
use super::table::Table;
use super::{ink, series_color, ChartError, ChartStyle, Hit};
use crate::format::{money, trimmed};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

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
