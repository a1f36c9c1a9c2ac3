//! The Offers page's URL state (a public contract: shared links keep opening the same view).
//!
//! | parameter | values | default (left out) |
//! | --- | --- | --- |
//! | `total` | which total the chart shows: `first-year` or `annualized` | `first-year` |
//! | `occ` | the BLS occupation the base salaries are placed in, e.g. `15-1254` | the release's first (`15-1252`) |
//! | `shared` | a share code ([`crate::offers::saved::share_code`]): offers shown read-only | none |
//!
//! Offers are never in the URL unless the reader makes a share link. A share code may be longer
//! than other values (up to [`MAX_CODE_CHARS`]); whether it reads is known to the page, which
//! says so.

use super::{encode_component, last_value, parse_pairs, shown, Notice};
use crate::offers::compare::Basis;
use crate::offers::saved::MAX_CODE_CHARS;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffersQuery {
    pub total: Basis,
    /// `None`: the release's default occupation.
    pub occ: Option<String>,
    /// The share code, as given (read by the page).
    pub shared: Option<String>,
}

impl OffersQuery {
    /// `occupations`: the release's SOC codes, the default first. Never panics.
    pub fn parse(query: &str, occupations: &[&str]) -> (OffersQuery, Vec<Notice>) {
        let pairs = parse_pairs(query);
        let mut notices = Vec::new();
        let mut q = OffersQuery::default();
        if let Some(value) = last_value(&pairs, "total", &mut notices) {
            match Basis::from_id(value.trim()) {
                Some(basis) => q.total = basis,
                None => notices.push(Notice(format!(
                    "Ignored total value “{}” (use first-year or annualized).",
                    shown(value)
                ))),
            }
        }
        // As `query::locations` reads it; not shared code, which would split the Locations
        // page's pack into more chunks (BENCHMARKS.md, run S).
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
        // Not through `last_value`: a share code is longer than other values.
        let shared: Vec<&str> = pairs
            .iter()
            .filter(|(name, _)| name == "shared")
            .map(|(_, value)| value.as_str())
            .collect();
        if shared.len() > 1 {
            notices.push(Notice(format!(
                "shared was given {} times; the last value is used.",
                shared.len()
            )));
        }
        if let Some(code) = shared.last() {
            let chars = code.chars().count();
            if chars > MAX_CODE_CHARS {
                notices.push(Notice(format!(
                    "Ignored the shared offers (the code is {chars} characters long; codes are at most {MAX_CODE_CHARS})."
                )));
            } else {
                q.shared = Some(code.trim().to_owned());
            }
        }
        (q, notices)
    }

    /// The query string without `?`, defaults left out, in a stable order.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.total != Basis::default() {
            parts.push(format!("total={}", self.total.id()));
        }
        if let Some(occ) = &self.occ {
            parts.push(format!("occ={}", encode_component(occ)));
        }
        if let Some(code) = &self.shared {
            parts.push(format!("shared={}", encode_component(code)));
        }
        parts.join("&")
    }
}
