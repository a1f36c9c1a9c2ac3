//! The Salaries page's view model: from the dataset and the URL state to chart inputs and
//! "where do I stand" verdicts. Pure (no leptos), so the numbers on the page are tested natively.

use crate::charts::bars::BarsChart;
use crate::charts::marks::Mark;
use crate::charts::ranges::{RangeBar, RangeChart, RangeGroup, Reference};
use crate::charts::years::{YearsBand, YearsChart};
use crate::data::{Dataset, Level, Period, SalaryBand, SalaryFigure, Source};
use crate::format::{fixed, money, per};
use crate::query::salaries::SalariesQuery;
use crate::stats::{consensus_by_level, monthly_to_yearly, yearly_to_monthly};

/// Converts a figure stated per `from` into `to` (x12 / ÷12).
pub fn convert(value: f64, from: Period, to: Period) -> f64 {
    match (from, to) {
        (Period::Year, Period::Month) => yearly_to_monthly(value),
        (Period::Month, Period::Year) => monthly_to_yearly(value),
        _ => value,
    }
}

/// A dataset figure as a chart mark in `period` units.
pub fn mark(figure: &SalaryFigure, from: Period, to: Period) -> Mark {
    let c = |v: u32| convert(f64::from(v), from, to);
    match *figure {
        SalaryFigure::Range { min, max } => Mark::Range {
            min: c(min),
            max: c(max),
        },
        SalaryFigure::OpenRange { min, stated_top } => Mark::Open {
            min: c(min),
            stated_top: stated_top.map(c),
        },
        SalaryFigure::Point { value } => Mark::Point { value: c(value) },
    }
}

fn source_name(dataset: &Dataset, id: &str) -> String {
    dataset
        .source(id)
        .map_or_else(|| id.to_owned(), Source::label)
}

/// Sources that have salary bands, in dataset order: the ones the `sources=` filter can name.
pub fn band_sources(dataset: &Dataset) -> Vec<&Source> {
    dataset
        .sources
        .iter()
        .filter(|s| dataset.salary_bands.iter().any(|b| b.source == s.id))
        .collect()
}

/// The bands the filters select, in dataset order.
pub fn visible_bands<'d>(dataset: &'d Dataset, q: &SalariesQuery) -> Vec<&'d SalaryBand> {
    dataset
        .salary_bands
        .iter()
        .filter(|b| q.shows_level(b.level) && q.shows_source(&b.source))
        .collect()
}

/// The selected bands the years chart cannot place, their source giving no years: "FastAPI
/// hiring guide: Senior Salary (US)".
pub fn bands_without_years(dataset: &Dataset, q: &SalariesQuery) -> Vec<String> {
    visible_bands(dataset, q)
        .into_iter()
        .filter(|b| b.years.is_none())
        .map(|b| format!("{}: {}", source_name(dataset, &b.source), b.source_label))
        .collect()
}

/// The Salaries page's seniority chart's title.
pub const RANGE_TITLE: &str = "Salary by seniority, per source";
/// The Overview's seniority chart's title.
pub const OVERVIEW_TITLE: &str = "Salary by seniority across sources";

/// The seniority chart's text alternative, for screen readers and as its caption.
pub fn range_summary(chart: &RangeChart) -> String {
    let bars: usize = chart.groups.iter().map(|g| g.bars.len()).sum();
    let reference = chart
        .reference
        .as_ref()
        .map(|r| {
            format!(
                " A shaded band behind every level marks {}: {} – {} {}.",
                r.label,
                money(r.min),
                money(r.max),
                chart.per
            )
        })
        .unwrap_or_default();
    format!(
        "Floating bars: {bars} salary figure(s) for {} level(s), in US dollars {}. Open-ended ranges fade out into an arrow; single averages are dots; diamonds mark each level's consensus (method below).{reference}",
        chart.groups.len(),
        chart.per,
    )
}

/// The Overview's seniority chart's text alternative (the default chart, every source).
pub fn overview_summary(dataset: &Dataset, chart: &RangeChart) -> String {
    format!(
        "Salary ranges for {} seniority levels across {} sources, in US dollars a year.",
        chart.groups.len(),
        band_sources(dataset).len()
    )
}

/// Chart 1: one group per selected level, one bar per selected source, consensus per level.
pub fn range_chart(dataset: &Dataset, q: &SalariesQuery) -> RangeChart {
    let bands = visible_bands(dataset, q);
    let consensus = consensus_by_level(&bands);
    let groups = Level::ALL
        .into_iter()
        .filter(|&level| q.shows_level(level))
        .map(|level| RangeGroup {
            label: level.label().to_owned(),
            bars: bands
                .iter()
                .filter(|b| b.level == level)
                .map(|b| RangeBar {
                    series: dataset.series_index(&b.source),
                    source: source_name(dataset, &b.source),
                    source_label: b.source_label.clone(),
                    mark: mark(&b.salary, b.period, q.period),
                })
                .collect(),
            consensus: consensus
                .iter()
                .find(|c| c.level == level)
                .and_then(|c| c.consensus)
                .map(|yearly| convert(yearly, Period::Year, q.period)),
        })
        .collect();
    RangeChart {
        groups,
        marker: q.salary,
        per: per(q.period),
        reference: q
            .bls
            .then(|| national_reference(dataset, q.period))
            .flatten(),
    }
}

/// BLS's national 10th–90th percentile for its default occupation (Software Developers), in
/// `period` units; `None` when the dataset has no OEWS release or BLS released neither end.
pub fn national_reference(dataset: &Dataset, period: Period) -> Option<Reference> {
    let release = dataset.oews.as_ref()?;
    let occupation = release.occupations.first()?;
    let f = &occupation.national;
    let (min, max) = (f.p10?, f.p90?);
    Some(Reference {
        short_label: "BLS: US, 10th–90th percentile".into(),
        label: format!(
            "BLS OEWS {}: US {}, 10th–90th percentile, all levels",
            release.release, occupation.name
        ),
        source: source_name(dataset, &release.source),
        series: dataset.series_index(&release.source),
        min: convert(f64::from(min), Period::Year, period),
        max: convert(f64::from(max), Period::Year, period),
    })
}

/// The widest salary span the sources state, lowest figure to highest, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct OverallRange {
    /// "$50,000 – $220,000+".
    pub text: String,
    /// Which levels and how many sources it spans.
    pub note: String,
}

pub fn overall_range(dataset: &Dataset) -> OverallRange {
    let yearly = |v: u32, p: Period| convert(f64::from(v), p, Period::Year);
    let mut low: Option<(f64, Level)> = None;
    let mut high: Option<(f64, Level, bool)> = None;
    for band in &dataset.salary_bands {
        let (min, max, open) = match band.salary {
            SalaryFigure::Range { min, max } => {
                (yearly(min, band.period), yearly(max, band.period), false)
            }
            SalaryFigure::OpenRange { min, stated_top } => {
                let m = yearly(min, band.period);
                (m, stated_top.map_or(m, |t| yearly(t, band.period)), true)
            }
            SalaryFigure::Point { value } => (
                yearly(value, band.period),
                yearly(value, band.period),
                false,
            ),
        };
        if low.is_none_or(|(l, _)| min < l) {
            low = Some((min, band.level));
        }
        if high.is_none_or(|(h, _, _)| max > h) {
            high = Some((max, band.level, open));
        }
    }
    match (low, high) {
        (Some((lo, lo_level)), Some((hi, hi_level, open))) => OverallRange {
            text: format!(
                "{} – {}{}",
                money(lo),
                money(hi),
                if open { "+" } else { "" }
            ),
            note: format!(
                "From the lowest {} figure to the highest {} figure, across {} sources.",
                lo_level.id(),
                hi_level.id(),
                band_sources(dataset).len()
            ),
        },
        _ => OverallRange {
            text: "–".into(),
            note: "The sources give no salary ranges.".into(),
        },
    }
}

/// Chart 2: every selected band that states its years of experience, over them.
pub fn years_chart(dataset: &Dataset, q: &SalariesQuery) -> YearsChart {
    let bands = visible_bands(dataset, q)
        .into_iter()
        .filter_map(|b| {
            let years = b.years.as_ref()?;
            Some(YearsBand {
                series: dataset.series_index(&b.source),
                source: source_name(dataset, &b.source),
                source_label: b.source_label.clone(),
                years: (f64::from(years.min), years.max.map(f64::from)),
                mark: mark(&b.salary, b.period, q.period),
            })
        })
        .collect();
    YearsChart {
        bands,
        marker: q.salary,
        per: per(q.period),
    }
}

/// Chart 4: the published averages (PayScale via the article), in the page's period.
pub fn averages_chart(dataset: &Dataset, q: &SalariesQuery) -> BarsChart {
    let bars = dataset
        .averages
        .iter()
        .map(|a| {
            let cited = a
                .cited_from
                .as_deref()
                .map(|c| format!("{c} via "))
                .unwrap_or_default();
            (
                a.role.clone(),
                convert(f64::from(a.value), a.period, q.period),
                dataset.series_index(&a.source),
                format!("{cited}{}", source_name(dataset, &a.source)),
            )
        })
        .collect();
    BarsChart {
        bars,
        marker: q.salary,
        per: per(q.period),
    }
}

/// Where a salary sits relative to one source's figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Below {
        by: f64,
    },
    /// Inside a closed range, `percent` of the way from min to max.
    Inside {
        percent: f64,
    },
    Above {
        by: f64,
    },
    /// At or above the minimum of an open-ended range (no top to compare with).
    AtLeastMin,
    /// Compared with a single average: `percent` above (positive) or below (negative) it.
    VsAverage {
        percent: f64,
    },
}

impl Verdict {
    pub fn describe(&self, per_text: &str) -> String {
        match *self {
            Verdict::Below { by } => format!("below the range by {} {per_text}", money(by)),
            Verdict::Inside { percent } => format!(
                "inside the range, {}% of the way from its minimum to its maximum",
                fixed(percent, 0)
            ),
            Verdict::Above { by } => format!("above the range by {} {per_text}", money(by)),
            Verdict::AtLeastMin => {
                "at or above the minimum of an open-ended range (the source gives no maximum)"
                    .to_owned()
            }
            Verdict::VsAverage { percent } if percent.abs() < 0.5 => {
                "about equal to the single average".to_owned()
            }
            Verdict::VsAverage { percent } if percent > 0.0 => {
                format!("{}% above the single average", fixed(percent, 0))
            }
            Verdict::VsAverage { percent } => {
                format!("{}% below the single average", fixed(-percent, 0))
            }
        }
    }

    /// A short word for the table's first column.
    pub fn short(&self) -> &'static str {
        match self {
            Verdict::Below { .. } => "Below",
            Verdict::Inside { .. } => "Inside",
            Verdict::Above { .. } => "Above",
            Verdict::AtLeastMin => "At or above min",
            Verdict::VsAverage { percent } if percent.abs() < 0.5 => "At average",
            Verdict::VsAverage { percent } if *percent > 0.0 => "Above average",
            Verdict::VsAverage { .. } => "Below average",
        }
    }
}

pub fn verdict(salary: f64, mark: Mark) -> Verdict {
    match mark {
        Mark::Range { min, .. } if salary < min => Verdict::Below { by: min - salary },
        Mark::Range { max, .. } if salary > max => Verdict::Above { by: salary - max },
        Mark::Range { min, max } => {
            let percent = if max > min {
                (salary - min) / (max - min) * 100.0
            } else {
                100.0
            };
            Verdict::Inside { percent }
        }
        Mark::Open { min, .. } if salary < min => Verdict::Below { by: min - salary },
        Mark::Open { .. } => Verdict::AtLeastMin,
        Mark::Point { value } => Verdict::VsAverage {
            percent: (salary - value) / value * 100.0,
        },
    }
}

/// One row of the "where do I stand" table.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub level: Level,
    pub source: String,
    pub source_label: String,
    pub figure: String,
    pub verdict: Verdict,
}

/// Where `q.salary` stands against every selected band; empty without a salary.
pub fn standings(dataset: &Dataset, q: &SalariesQuery) -> Vec<Standing> {
    let Some(salary) = q.salary else {
        return Vec::new();
    };
    visible_bands(dataset, q)
        .into_iter()
        .map(|b| {
            let m = mark(&b.salary, b.period, q.period);
            Standing {
                level: b.level,
                source: source_name(dataset, &b.source),
                source_label: b.source_label.clone(),
                figure: format!("{} {}", m.describe(), per(q.period)),
                verdict: verdict(salary, m),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        let range = Mark::Range {
            min: 50_000.0,
            max: 70_000.0,
        };
        assert_eq!(verdict(40_000.0, range), Verdict::Below { by: 10_000.0 });
        assert_eq!(verdict(50_000.0, range), Verdict::Inside { percent: 0.0 });
        assert_eq!(verdict(65_000.0, range), Verdict::Inside { percent: 75.0 });
        assert_eq!(verdict(70_000.0, range), Verdict::Inside { percent: 100.0 });
        assert_eq!(verdict(71_000.0, range), Verdict::Above { by: 1_000.0 });
        let open = Mark::Open {
            min: 130_000.0,
            stated_top: None,
        };
        assert_eq!(verdict(129_999.0, open), Verdict::Below { by: 1.0 });
        assert_eq!(verdict(500_000.0, open), Verdict::AtLeastMin);
        assert_eq!(
            verdict(55_000.0, Mark::Point { value: 50_000.0 }),
            Verdict::VsAverage { percent: 10.0 }
        );
        assert_eq!(
            Verdict::VsAverage { percent: -10.0 }.describe("a year"),
            "10% below the single average"
        );
        assert_eq!(
            Verdict::Below { by: 10_000.0 }.describe("a year"),
            "below the range by $10,000 a year"
        );
    }

    #[test]
    fn overall_range_spans_junior_to_principal() {
        let d =
            crate::data::parse(include_str!("../../../public/data/atlas.json")).expect("dataset");
        let r = overall_range(&d);
        assert_eq!(r.text, "$50,000 – $220,000+");
        assert!(
            r.note.contains("junior")
                && r.note.contains("principal")
                && r.note.contains("4 sources"),
            "{}",
            r.note
        );
    }

    #[test]
    fn conversions_are_x12() {
        assert_eq!(convert(120_000.0, Period::Year, Period::Month), 10_000.0);
        assert_eq!(convert(7_707.0, Period::Month, Period::Year), 92_484.0);
        assert_eq!(convert(5.0, Period::Month, Period::Month), 5.0);
    }
}
