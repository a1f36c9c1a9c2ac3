//! The Frameworks page's URL state: `compare`, `lang`, `async`, `sort` and the chooser's
//! answers `q1`..`q4` (a public contract: links such as "here is why we use FastAPI" keep
//! working as long as these keep their meaning).
//!
//! - `compare=fastapi,flask,django`: framework ids in the order the table shows them; 2 to
//!   [`MAX_COMPARE`] make a comparison. Unknown ids are dropped with a notice each;
//!   repeats are dropped silently (nothing is lost); after that, ids beyond the fourth are
//!   dropped with one notice naming them. A single id is KEPT without a notice: it is a
//!   selection in progress (the page itself writes `compare=<id>` after the first pick, and a
//!   reload must not nag); [`FrameworksQuery::can_compare`] says whether to show the table.
//!   Ids are matched ASCII case-insensitively and written back as the dataset spells them.
//! - `lang=python`: a language id from [`crate::frameworks::languages`]; the value is
//!   slugified first, so `lang=C%23` (`C#`) means `c-sharp`. Default: every language.
//! - `async=native|no|unknown`: what the sources say about async support
//!   ([`crate::frameworks::async_id`]). Default: any.
//! - `sort=stated|name|language|year`: default `stated` (left out): FastAPI first, then the
//!   frameworks the sources state most about. Links from before it was the default carry no
//!   `sort` and meant `name`; they now open in the default order (the issue that made it the
//!   default asked for exactly that).
//! - `q1=apis|fullstack_admin`, `q2=yes|no|unsure`, `q3=yes|no`, `q4=max|conventions`: the
//!   chooser's answers, one parameter per question (see [`crate::frameworks::QUESTIONS`]),
//!   so a partial answer is a valid link. Unanswered questions are left out.
//!
//! Written in a stable order: compare, lang, async, sort, q1..q4; defaults left out. Empty
//! values (`sort=`) and unknown values are ignored with a notice each. The shared rules (last
//! occurrence wins, long values, unknown names) are in [`crate::query`].

use super::{encode_component, last_value, parse_pairs, push_once, shown, Notice};
use crate::data::{AsyncSupport, Framework};
use crate::frameworks::{
    async_from_id, async_id, languages, matches_language, slugify, sorted, Answers, SortKey,
    QUESTIONS,
};
use crate::Lowercase;

/// Most frameworks compared at once; more in `compare=` are dropped with a notice.
pub const MAX_COMPARE: usize = 4;

/// Fewest frameworks that make a comparison table.
pub const MIN_COMPARE: usize = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrameworksQuery {
    /// Framework ids to compare, in column order; empty = no comparison.
    pub compare: Vec<String>,
    /// Language id filter; `None` = every language.
    pub lang: Option<String>,
    /// Async support filter; `None` = any.
    pub async_support: Option<AsyncSupport>,
    pub sort: SortKey,
    /// Chooser answers; empty = chooser not started.
    pub answers: Answers,
}

impl FrameworksQuery {
    /// `fws`: the dataset's frameworks (they define the valid `compare` and `lang` values).
    /// Unknown/hostile values are dropped with a [`Notice`] each; never panics.
    pub fn parse(
        query: &str,
        fws: &[Framework],
        lowercase: Lowercase,
    ) -> (FrameworksQuery, Vec<Notice>) {
        let pairs = parse_pairs(query);
        let mut notices = Vec::new();
        let mut q = FrameworksQuery::default();
        if let Some(value) = last_value(&pairs, "compare", &mut notices) {
            q.compare = parse_compare(value, fws, &mut notices);
        }
        if let Some(value) = last_value(&pairs, "lang", &mut notices) {
            if value.trim().is_empty() {
                notices.push(Notice("lang is empty; every language is shown.".into()));
            } else {
                match known_language(value, fws, lowercase) {
                    Some(id) => q.lang = Some(id),
                    None => notices.push(Notice(format!(
                        "Ignored lang value “{}” (not a language of the listed frameworks).",
                        shown(value)
                    ))),
                }
            }
        }
        if let Some(value) = last_value(&pairs, "async", &mut notices) {
            match async_from_id(value) {
                Some(support) => q.async_support = Some(support),
                None if value.trim().is_empty() => notices.push(Notice(
                    "async is empty; frameworks are shown whatever their async support.".into(),
                )),
                None => notices.push(Notice(format!(
                    "Ignored async value “{}” (use native, no, sources_differ or unknown).",
                    shown(value)
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "sort", &mut notices) {
            match SortKey::from_id(value) {
                Some(key) => q.sort = key,
                None if value.trim().is_empty() => notices.push(Notice(
                    "sort is empty; sorted by what the sources state most about.".into(),
                )),
                None => notices.push(Notice(format!(
                    "Ignored sort value “{}” (use stated, name, language or year).",
                    shown(value)
                ))),
            }
        }
        for question in &QUESTIONS {
            let Some(value) = last_value(&pairs, question.id, &mut notices) else {
                continue;
            };
            if value.trim().is_empty() {
                notices.push(Notice(format!("{} is empty; ignored.", question.id)));
            } else if !q.answers.set(question.id, value) {
                let ids: Vec<&str> = question.options.iter().map(|(id, _)| *id).collect();
                notices.push(Notice(format!(
                    "Ignored {} value “{}” (use {}).",
                    question.id,
                    shown(value),
                    or_list(&ids)
                )));
            }
        }
        (q, notices)
    }

    /// Query string without '?' in a stable order (compare, lang, async, sort, q1..q4),
    /// defaults left out; "" when all default. `compare` is written in its own order with
    /// exact repeats and empty ids removed but NOT cut to [`MAX_COMPARE`] (this does not know
    /// the dataset, and the cut depends on which ids are known): [`FrameworksQuery::parse`]
    /// enforces the limit and [`FrameworksQuery::toggle_compare`] never exceeds it.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut compare: Vec<&str> = Vec::new();
        for id in self.compare.iter().map(String::as_str) {
            if !id.is_empty() && !compare.contains(&id) {
                compare.push(id);
            }
        }
        if !compare.is_empty() {
            let ids: Vec<String> = compare.into_iter().map(encode_component).collect();
            parts.push(format!("compare={}", ids.join(",")));
        }
        if let Some(lang) = self.lang.as_deref().filter(|lang| !lang.is_empty()) {
            parts.push(format!("lang={}", encode_component(lang)));
        }
        if let Some(support) = self.async_support {
            parts.push(format!("async={}", async_id(support)));
        }
        if self.sort != SortKey::default() {
            parts.push(format!("sort={}", self.sort.id()));
        }
        for (question, option) in self.answers.iter() {
            parts.push(format!("{question}={option}"));
        }
        parts.join("&")
    }

    /// The same state in the form [`FrameworksQuery::parse`] returns: compare ids known,
    /// canonical, de-duplicated and cut to [`MAX_COMPARE`]; lang a known id or `None`.
    /// `parse(q.to_query(), fws, l).0 == q.normalized(fws, l)` for every `q`.
    pub fn normalized(&self, fws: &[Framework], lowercase: Lowercase) -> FrameworksQuery {
        let mut compare: Vec<String> = Vec::new();
        for id in &self.compare {
            if let Some(known) = known_framework(id, fws) {
                if !compare.contains(&known) {
                    compare.push(known);
                }
            }
        }
        compare.truncate(MAX_COMPARE);
        FrameworksQuery {
            compare,
            lang: self
                .lang
                .as_deref()
                .and_then(|lang| known_language(lang, fws, lowercase)),
            async_support: self.async_support,
            sort: self.sort,
            answers: self.answers.clone(),
        }
    }

    /// Whether `fw` passes the language and async filters.
    pub fn shows(&self, fw: &Framework, lowercase: Lowercase) -> bool {
        self.lang
            .as_deref()
            .is_none_or(|lang| matches_language(fw, lang, lowercase))
            && self
                .async_support
                .is_none_or(|support| fw.async_support == support)
    }

    /// Whether framework `id` is picked for comparison.
    pub fn is_compared(&self, id: &str) -> bool {
        self.compare.iter().any(|picked| picked == id)
    }

    /// Picks `id` for comparison (appended as the last column) or un-picks it. Returns
    /// `false` and changes nothing when `id` is not picked and [`MAX_COMPARE`] already are
    /// (the page disables the other checkboxes then).
    pub fn toggle_compare(&mut self, id: &str) -> bool {
        if let Some(index) = self.compare.iter().position(|picked| picked == id) {
            self.compare.remove(index);
            return true;
        }
        if self.compare.len() >= MAX_COMPARE {
            return false;
        }
        self.compare.push(id.to_owned());
        true
    }

    /// Whether enough frameworks are picked for the comparison table (2 to [`MAX_COMPARE`]).
    pub fn can_compare(&self) -> bool {
        (MIN_COMPARE..=MAX_COMPARE).contains(&self.compare.len())
    }
}

/// The cards the page shows: `q`'s language and async filters applied, in `q.sort` order.
pub fn visible<'a>(
    fws: &'a [Framework],
    q: &FrameworksQuery,
    lowercase: Lowercase,
) -> Vec<&'a Framework> {
    sorted(fws, q.sort, lowercase)
        .into_iter()
        .filter(|fw| q.shows(fw, lowercase))
        .collect()
}

/// The frameworks `q.compare` names, in URL order (unknown ids skipped). The page shows the
/// table when this has 2 to [`MAX_COMPARE`] entries.
pub fn compared<'a>(fws: &'a [Framework], q: &FrameworksQuery) -> Vec<&'a Framework> {
    q.compare
        .iter()
        .filter_map(|id| fws.iter().find(|fw| fw.id == *id))
        .collect()
}

fn list_items(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// The dataset's spelling of framework id `id` (ASCII case-insensitive), if known.
fn known_framework(id: &str, fws: &[Framework]) -> Option<String> {
    let id = id.trim();
    fws.iter()
        .find(|fw| fw.id.eq_ignore_ascii_case(id))
        .map(|fw| fw.id.clone())
}

/// The language id `value` names (slugified first), if a framework is written in it.
fn known_language(value: &str, fws: &[Framework], lowercase: Lowercase) -> Option<String> {
    let slug = slugify(value, lowercase);
    languages(fws, lowercase)
        .into_iter()
        .map(|(id, _)| id)
        .find(|id| *id == slug)
}

fn parse_compare(value: &str, fws: &[Framework], notices: &mut Vec<Notice>) -> Vec<String> {
    if list_items(value).next().is_none() {
        notices.push(Notice("compare is empty; nothing is compared.".into()));
        return Vec::new();
    }
    let mut ids: Vec<String> = Vec::new();
    for item in list_items(value) {
        match known_framework(item, fws) {
            Some(id) if ids.contains(&id) => {}
            Some(id) => ids.push(id),
            None => push_once(
                notices,
                format!(
                    "Ignored compare value “{}” (not a framework id).",
                    shown(item)
                ),
            ),
        }
    }
    if ids.len() > MAX_COMPARE {
        let dropped = ids.split_off(MAX_COMPARE);
        notices.push(Notice(format!(
            "compare names {} frameworks; only the first {MAX_COMPARE} are compared (dropped: {}).",
            MAX_COMPARE + dropped.len(),
            dropped.join(", ")
        )));
    }
    ids
}

/// `["a"]` -> "a", `["a", "b"]` -> "a or b", `["a", "b", "c"]` -> "a, b or c".
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}
