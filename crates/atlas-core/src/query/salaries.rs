//! The Salaries page's URL state: `levels`, `sources`, `period` and `salary` (a public
//! contract: links to the page keep working as long as these keep their meaning).
//!
//! - `levels=junior,senior`: canonical level ids; default all levels (left out of the URL).
//! - `sources=<id>,<id>`: dataset source ids; default all sources with salary figures (left
//!   out). Written in alphabetical order, so the URL does not depend on how the page lists them.
//! - `period=month|year`: default `year` (left out).
//! - `salary=<number>`: the "where do I stand" value in `period` units; finite, more than 0 and
//!   at most [`MAX_SALARY`]; rounded to cents; written without a trailing `.0` and with at most
//!   two decimals.
//! - `bls=1`: show BLS's national 10th–90th percentile (OEWS) as a reference band; default off
//!   (left out).
//!
//! Lists are de-duplicated and written in canonical order; a list naming every choice is the
//! default and is left out. Empty values (`period=`) and unknown items are ignored with a
//! notice each. The shared rules (last occurrence wins, long values, unknown names) are in
//! [`crate::query`].

use super::{encode_component, last_value, parse_pairs, push_once, shown, Notice};
use crate::data::{Level, Period};

/// Largest `salary=` accepted.
pub const MAX_SALARY: f64 = 100_000_000.0;

#[derive(Debug, Clone, PartialEq)]
pub struct SalariesQuery {
    /// Selected levels in [`Level`] order; empty = all.
    pub levels: Vec<Level>,
    /// Selected source ids in alphabetical order; empty = all.
    pub sources: Vec<String>,
    pub period: Period,
    /// "Where do I stand", in `period` units.
    pub salary: Option<f64>,
    /// `bls=1`: BLS's national 10th–90th percentile as a reference band.
    pub bls: bool,
}

impl Default for SalariesQuery {
    fn default() -> Self {
        SalariesQuery {
            levels: Vec::new(),
            sources: Vec::new(),
            period: Period::Year,
            salary: None,
            bls: false,
        }
    }
}

impl SalariesQuery {
    /// `known_sources`: ids valid for the `sources` filter. Unknown/hostile values are dropped
    /// with a [`Notice`] each; never panics.
    pub fn parse(query: &str, known_sources: &[&str]) -> (SalariesQuery, Vec<Notice>) {
        let pairs = parse_pairs(query);
        let mut notices = Vec::new();
        let mut q = SalariesQuery::default();
        if let Some(value) = last_value(&pairs, "levels", &mut notices) {
            q.levels = parse_levels(value, &mut notices);
        }
        if let Some(value) = last_value(&pairs, "sources", &mut notices) {
            q.sources = parse_sources(value, known_sources, &mut notices);
        }
        if let Some(period) = period_param(&pairs, &mut notices) {
            q.period = period;
        }
        q.salary = salary_param(&pairs, &mut notices);
        if let Some(value) = last_value(&pairs, "bls", &mut notices) {
            match value.trim() {
                "1" => q.bls = true,
                "0" => {}
                _ => notices.push(Notice(format!(
                    "Ignored bls value “{}” (use 1 to show the BLS reference band).",
                    shown(value)
                ))),
            }
        }
        (q, notices)
    }

    /// Query string without '?' in a stable order (levels, sources, period, salary), defaults
    /// left out; "" when all default. Lists are de-duplicated and sorted; all six levels are
    /// the default; an invalid salary is left out.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let levels = canonical_levels(&self.levels);
        if !levels.is_empty() {
            let ids: Vec<&str> = levels.iter().map(|level| level.id()).collect();
            parts.push(format!("levels={}", ids.join(",")));
        }
        let mut sources: Vec<&str> = self.sources.iter().map(String::as_str).collect();
        crate::small_sort::sort(&mut sources);
        sources.dedup();
        if !sources.is_empty() {
            let ids: Vec<String> = sources.into_iter().map(encode_component).collect();
            parts.push(format!("sources={}", ids.join(",")));
        }
        if self.period != Period::Year {
            parts.push(format!("period={}", period_id(self.period)));
        }
        if let Some(salary) = self.salary.and_then(valid_salary) {
            parts.push(format!("salary={}", format_salary(salary)));
        }
        if self.bls {
            parts.push("bls=1".to_owned());
        }
        parts.join("&")
    }

    /// The same selection in the form [`SalariesQuery::parse`] returns: lists sorted and
    /// de-duplicated, unknown sources dropped, a full list emptied (= all), salary rounded to
    /// cents or dropped when invalid. `parse(q.to_query()) == q.normalized()` for every `q`.
    pub fn normalized(&self, known_sources: &[&str]) -> SalariesQuery {
        let mut sources: Vec<String> = self
            .sources
            .iter()
            .filter(|id| known_sources.contains(&id.as_str()))
            .cloned()
            .collect();
        crate::small_sort::sort(&mut sources);
        sources.dedup();
        if covers_all(&sources, known_sources) {
            sources.clear();
        }
        SalariesQuery {
            levels: canonical_levels(&self.levels),
            sources,
            period: self.period,
            salary: self.salary.and_then(valid_salary),
            bls: self.bls,
        }
    }

    /// Whether `level` is shown (every level is when none is selected).
    pub fn shows_level(&self, level: Level) -> bool {
        self.levels.is_empty() || self.levels.contains(&level)
    }

    /// Whether source `id` is shown (every source is when none is selected).
    pub fn shows_source(&self, id: &str) -> bool {
        self.sources.is_empty() || self.sources.iter().any(|s| s == id)
    }
}

/// `"month"` / `"year"`, as in the URL.
pub fn period_id(period: Period) -> &'static str {
    match period {
        Period::Month => "month",
        Period::Year => "year",
    }
}

/// `month` / `year`, ASCII case-insensitive.
pub fn parse_period(value: &str) -> Option<Period> {
    let value = value.trim();
    if value.eq_ignore_ascii_case("month") {
        Some(Period::Month)
    } else if value.eq_ignore_ascii_case("year") {
        Some(Period::Year)
    } else {
        None
    }
}

/// Sorted, de-duplicated, and empty when every level is named.
fn canonical_levels(levels: &[Level]) -> Vec<Level> {
    let mut levels = levels.to_vec();
    crate::small_sort::sort(&mut levels);
    levels.dedup();
    if levels.len() == Level::ALL.len() {
        levels.clear();
    }
    levels
}

fn list_items(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

fn parse_levels(value: &str, notices: &mut Vec<Notice>) -> Vec<Level> {
    if list_items(value).next().is_none() {
        notices.push(Notice("levels is empty; all levels are shown.".into()));
        return Vec::new();
    }
    let mut levels = Vec::new();
    for item in list_items(value) {
        match Level::ALL
            .into_iter()
            .find(|level| level.id().eq_ignore_ascii_case(item))
        {
            // Each level once, however often it is repeated: the list stays short to sort.
            Some(level) if levels.contains(&level) => {}
            Some(level) => levels.push(level),
            None => push_once(
                notices,
                format!(
                    "Ignored levels value “{}” (not a seniority level).",
                    shown(item)
                ),
            ),
        }
    }
    canonical_levels(&levels)
}

fn parse_sources(value: &str, known: &[&str], notices: &mut Vec<Notice>) -> Vec<String> {
    if list_items(value).next().is_none() {
        notices.push(Notice("sources is empty; all sources are shown.".into()));
        return Vec::new();
    }
    let mut sources: Vec<String> = Vec::new();
    for item in list_items(value) {
        match known.iter().find(|id| id.eq_ignore_ascii_case(item)) {
            // Each source once, however often it is repeated: the list stays short to sort.
            Some(id) if sources.iter().any(|s| s == id) => {}
            Some(id) => sources.push((*id).to_string()),
            None => push_once(
                notices,
                format!(
                    "Ignored sources value “{}” (not a source with salary figures).",
                    shown(item)
                ),
            ),
        }
    }
    crate::small_sort::sort(&mut sources);
    sources.dedup();
    if covers_all(&sources, known) {
        sources.clear();
    }
    sources
}

/// Whether sorted, de-duplicated `selected` (all known) names every known source.
fn covers_all(selected: &[String], known: &[&str]) -> bool {
    let mut all: Vec<&str> = known.to_vec();
    crate::small_sort::sort(&mut all);
    all.dedup();
    !selected.is_empty() && selected.len() == all.len()
}

/// The `period=` parameter (`month` or `year`), with a notice when it is empty or unknown. Shared
/// by every page with a salary box.
pub fn period_param(pairs: &[(String, String)], notices: &mut Vec<Notice>) -> Option<Period> {
    let value = last_value(pairs, "period", notices)?;
    match parse_period(value) {
        Some(period) => Some(period),
        None if value.trim().is_empty() => {
            notices.push(Notice("period is empty; yearly figures are shown.".into()));
            None
        }
        None => {
            notices.push(Notice(format!(
                "Ignored period value “{}” (use month or year).",
                shown(value)
            )));
            None
        }
    }
}

/// The `salary=` parameter, with a notice when it is empty or not a valid salary.
pub fn salary_param(pairs: &[(String, String)], notices: &mut Vec<Notice>) -> Option<f64> {
    let value = last_value(pairs, "salary", notices)?;
    match parse_salary(value) {
        Some(salary) => Some(salary),
        None if value.trim().is_empty() => {
            notices.push(Notice("salary is empty; ignored.".into()));
            None
        }
        None => {
            notices.push(Notice(format!(
                "Ignored salary value “{}” (not a number above 0 and up to 100,000,000).",
                shown(value)
            )));
            None
        }
    }
}

fn parse_salary(value: &str) -> Option<f64> {
    crate::number::parse_decimal(value.trim()).and_then(valid_salary)
}

/// Rounded to cents; `None` unless finite, above 0 and at most [`MAX_SALARY`]. The one rule
/// for a salary, whether it comes from the URL or the page's salary box.
pub fn valid_salary(salary: f64) -> Option<f64> {
    if !salary.is_finite() || salary > MAX_SALARY {
        return None;
    }
    let rounded = (salary * 100.0).round() / 100.0;
    (rounded > 0.0).then_some(rounded)
}

/// `4500` -> "4500", `4500.5` -> "4500.5", `4500.25` -> "4500.25" (input already in cents).
/// A salary as the salary box shows it: "95000", "4166.67".
pub fn salary_to_input(value: f64) -> String {
    crate::format::fixed(value, if value.fract() == 0.0 { 0 } else { 2 })
}

/// The salary box's text as a salary: accepts "95000", "95,000", "$95 000"; anything else is
/// `None` (the box is cleared).
pub fn salary_from_input(text: &str) -> Option<f64> {
    crate::number::parse_decimal(&crate::number::strip_money_marks(text)).and_then(valid_salary)
}

pub fn format_salary(salary: f64) -> String {
    let cents = (salary * 100.0).round() as u64;
    let (whole, fraction) = (cents / 100, cents % 100);
    if fraction == 0 {
        whole.to_string()
    } else if fraction.is_multiple_of(10) {
        format!("{whole}.{}", fraction / 10)
    } else {
        format!("{whole}.{fraction:02}")
    }
}
