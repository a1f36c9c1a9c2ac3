//! The Locations page's URL state (a public contract: shared links keep opening the same view).
//!
//! | parameter | values | default (left out) |
//! | --- | --- | --- |
//! | `occ` | a SOC code the release has a file for, e.g. `15-1254` | the release's first (`15-1252`) |
//! | `stat` | `p10`, `p25`, `median`, `p75`, `p90`, `mean` | `median` |
//! | `areas` | up to [`MAX_AREAS`] 7-digit BLS area codes (`0012420`, `0600000`), in the order added | none |
//! | `state` | the list's state filter: a postal code (`TX`) | none |
//! | `q` | the list's search text | none |
//! | `sort` | the list's order: `name`, `emp` or a statistic | `name` |
//! | `span` | the recruiter's span: `p25-p75`, `p10-p90`, `p25-median`, `median-p75` | `p25-p75` |
//! | `ranges` | `1`: overlay the other sources' seniority ranges on the box plots | off |
//! | `salary`, `period` | as on Salaries | none, `year` |
//!
//! Unknown or hostile values are dropped with a notice each (the shared rules are in
//! [`crate::query`]); whether an area code exists is known only once the occupation's file
//! has loaded, so the page reports unknown areas then.

use super::salaries::{format_salary, period_id, period_param, salary_param, valid_salary};
use super::{encode_component, last_value, parse_pairs, push_once, shown, Notice};
use crate::data::{is_area_code, Period};
use crate::oews::{Sort, Span, Stat};

/// At most this many areas are compared (the nation is always shown besides them).
pub const MAX_AREAS: usize = 6;

/// The longest `q=` kept.
pub const MAX_QUERY_CHARS: usize = 80;

/// Postal codes of the states and territories OEWS publishes.
pub const POSTAL_CODES: [&str; 54] = [
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID", "IL",
    "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH",
    "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA",
    "VI", "VT", "WA", "WI", "WV", "WY",
];

#[derive(Debug, Clone, PartialEq)]
pub struct LocationsQuery {
    /// `None`: the release's default occupation.
    pub occ: Option<String>,
    pub stat: Stat,
    /// Compared areas, in the order they were added, without duplicates or the nation.
    pub areas: Vec<String>,
    pub state: Option<String>,
    pub q: String,
    pub sort: Sort,
    pub span: Span,
    pub ranges: bool,
    pub salary: Option<f64>,
    pub period: Period,
}

impl Default for LocationsQuery {
    fn default() -> Self {
        LocationsQuery {
            occ: None,
            stat: Stat::default(),
            areas: Vec::new(),
            state: None,
            q: String::new(),
            sort: Sort::default(),
            span: Span::default(),
            ranges: false,
            salary: None,
            period: Period::Year,
        }
    }
}

impl LocationsQuery {
    /// `occupations`: the release's SOC codes, the default first. Never panics.
    pub fn parse(query: &str, occupations: &[&str]) -> (LocationsQuery, Vec<Notice>) {
        let pairs = parse_pairs(query);
        let mut notices = Vec::new();
        let mut q = LocationsQuery::default();
        if let Some(value) = last_value(&pairs, "occ", &mut notices) {
            match occupations
                .iter()
                .find(|code| code.eq_ignore_ascii_case(value.trim()))
            {
                Some(code) if Some(code) == occupations.first() => {}
                Some(code) => q.occ = Some((*code).to_owned()),
                None => notices.push(Notice(format!(
                    "Ignored occ value “{}” (not an occupation this page has: {}).",
                    shown(value),
                    occupations.join(", ")
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "stat", &mut notices) {
            match Stat::from_id(value) {
                Some(stat) => q.stat = stat,
                None => notices.push(Notice(format!(
                    "Ignored stat value “{}” (use p10, p25, median, p75, p90 or mean).",
                    shown(value)
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "areas", &mut notices) {
            q.areas = parse_areas(value, &mut notices);
        }
        if let Some(value) = last_value(&pairs, "state", &mut notices) {
            let upper = value.trim().to_ascii_uppercase();
            match POSTAL_CODES.iter().find(|c| **c == upper) {
                Some(code) => q.state = Some((*code).to_owned()),
                None => notices.push(Notice(format!(
                    "Ignored state value “{}” (use a two-letter postal code such as TX).",
                    shown(value)
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "q", &mut notices) {
            q.q = clean_text(value);
            if value.chars().count() > MAX_QUERY_CHARS {
                notices.push(Notice(format!(
                    "The search text was cut to {MAX_QUERY_CHARS} characters."
                )));
            }
        }
        if let Some(value) = last_value(&pairs, "sort", &mut notices) {
            match Sort::from_id(value) {
                Some(sort) => q.sort = sort,
                None => notices.push(Notice(format!(
                    "Ignored sort value “{}” (use name, emp, p10, p25, median, p75, p90 or mean).",
                    shown(value)
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "span", &mut notices) {
            match Span::from_id(value) {
                Some(span) => q.span = span,
                None => notices.push(Notice(format!(
                    "Ignored span value “{}” (use p25-p75, p10-p90, p25-median or median-p75).",
                    shown(value)
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "ranges", &mut notices) {
            match value.trim() {
                "1" => q.ranges = true,
                "0" => {}
                _ => notices.push(Notice(format!(
                    "Ignored ranges value “{}” (use 1 to show the seniority ranges).",
                    shown(value)
                ))),
            }
        }
        if let Some(period) = period_param(&pairs, &mut notices) {
            q.period = period;
        }
        q.salary = salary_param(&pairs, &mut notices);
        (q, notices)
    }

    /// The query string without `?`, defaults left out, in a stable order.
    pub fn to_query(&self) -> String {
        let n = self.normalized();
        let mut parts: Vec<String> = Vec::new();
        if let Some(occ) = &n.occ {
            parts.push(format!("occ={}", encode_component(occ)));
        }
        if n.stat != Stat::default() {
            parts.push(format!("stat={}", n.stat.id()));
        }
        if !n.areas.is_empty() {
            parts.push(format!("areas={}", n.areas.join(",")));
        }
        if let Some(state) = &n.state {
            parts.push(format!("state={state}"));
        }
        if !n.q.is_empty() {
            parts.push(format!("q={}", encode_component(&n.q)));
        }
        if n.sort != Sort::default() {
            parts.push(format!("sort={}", n.sort.id()));
        }
        if n.span != Span::default() {
            parts.push(format!("span={}", n.span.id()));
        }
        if n.ranges {
            parts.push("ranges=1".to_owned());
        }
        if let Some(salary) = n.salary {
            parts.push(format!("salary={}", format_salary(salary)));
        }
        if n.period != Period::Year {
            parts.push(format!("period={}", period_id(n.period)));
        }
        parts.join("&")
    }

    /// The form [`LocationsQuery::parse`] returns: areas valid, unique and at most
    /// [`MAX_AREAS`], text cleaned, salary valid. `parse(q.to_query())` gives `q.normalized()`
    /// when `occ` is `None` for the default occupation, as the page keeps it (this type does not
    /// know which occupation is the default; `parse` does).
    pub fn normalized(&self) -> LocationsQuery {
        let mut areas: Vec<String> = Vec::new();
        for code in &self.areas {
            if is_area_code(code) && code != NATION && !areas.contains(code) {
                areas.push(code.clone());
            }
        }
        areas.truncate(MAX_AREAS);
        LocationsQuery {
            occ: self.occ.clone(),
            stat: self.stat,
            areas,
            state: self
                .state
                .clone()
                .filter(|s| POSTAL_CODES.contains(&s.as_str())),
            q: clean_text(&self.q),
            sort: self.sort,
            span: self.span,
            ranges: self.ranges,
            salary: self.salary.and_then(valid_salary),
            period: self.period,
        }
    }

    /// Adds `code` to the comparison (the oldest is dropped past [`MAX_AREAS`]) or removes it.
    pub fn toggle_area(&mut self, code: &str) {
        if let Some(i) = self.areas.iter().position(|a| a == code) {
            self.areas.remove(i);
        } else if code != NATION {
            self.areas.push(code.to_owned());
            if self.areas.len() > MAX_AREAS {
                self.areas.remove(0);
            }
        }
    }

    /// The salary as a yearly figure (a monthly one × 12).
    pub fn yearly_salary(&self) -> Option<f64> {
        self.salary.map(|s| match self.period {
            Period::Year => s,
            Period::Month => s * 12.0,
        })
    }
}

/// The nation's area code: always shown, so never listed in `areas`.
pub const NATION: &str = "0000000";

/// Search text as kept: control characters dropped, outer spaces trimmed, at most
/// [`MAX_QUERY_CHARS`] characters.
pub fn clean_text(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUERY_CHARS)
        .collect::<String>()
        .trim()
        .to_owned()
}

fn parse_areas(value: &str, notices: &mut Vec<Notice>) -> Vec<String> {
    let mut areas: Vec<String> = Vec::new();
    let mut extra = 0;
    for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        if !is_area_code(item) {
            push_once(
                notices,
                format!(
                    "Ignored areas value “{}” (not a 7-digit BLS area code).",
                    shown(item)
                ),
            );
        } else if item == NATION {
            // Always shown as the reference.
        } else if areas.iter().any(|a| a == item) {
        } else if areas.len() == MAX_AREAS {
            extra += 1;
        } else {
            areas.push(item.to_owned());
        }
    }
    if extra > 0 {
        notices.push(Notice(format!(
            "Only {MAX_AREAS} areas can be compared; {extra} more were left out."
        )));
    }
    areas
}
