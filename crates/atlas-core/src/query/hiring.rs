//! The Hiring page's URL state: `usecase`, `level` and `kit` (a public contract: links to the
//! page keep working as long as these keep their meaning).
//!
//! - `usecase=apis|ml|microservices`: a `hiring.use_cases` id; default none (left out).
//! - `level=junior|middle|senior|lead`: the interview levels ([`LEVELS`]); `architect` and
//!   `principal` are seniority levels elsewhere in the app but not here, and are ignored with a
//!   notice. Default none (left out).
//! - `kit=<code>`: the kept questions and points, coded as in [`crate::kit`]. Default: every
//!   question and point ([`Kit::all`]), left out of the URL; an explicit empty kit is `1.`.
//!   Notes are never in the URL.
//!
//! Values are matched ASCII case-insensitively after trimming (the kit code exactly); empty and
//! unknown values are ignored with a notice each. The shared rules (last occurrence wins, long
//! values, unknown names) are in [`crate::query`].

use super::{last_value, parse_pairs, shown, Notice};
use crate::data::{Hiring, Level, UseCase};
use crate::kit::{self, Kit};

/// The levels the `level=` parameter accepts, in ladder order.
pub const LEVELS: [Level; 4] = [Level::Junior, Level::Middle, Level::Senior, Level::Lead];

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HiringQuery {
    /// A `hiring.use_cases` id (`apis`, `ml`, `microservices`); `None` = no use case chosen.
    pub usecase: Option<String>,
    /// One of [`LEVELS`]; `None` = no level chosen.
    pub level: Option<Level>,
    /// `None` = the default kit, every question and point ([`HiringQuery::kit_or_all`]).
    pub kit: Option<Kit>,
}

impl HiringQuery {
    /// Reads the page's parameters from `query` (with or without `?`). Unknown or hostile
    /// values are dropped with a [`Notice`] each; never panics.
    pub fn parse(query: &str, hiring: &Hiring) -> (HiringQuery, Vec<Notice>) {
        let pairs = parse_pairs(query);
        let mut notices = Vec::new();
        let mut q = HiringQuery::default();
        if let Some(value) = last_value(&pairs, "usecase", &mut notices) {
            let value = value.trim();
            match find_use_case(hiring, value) {
                Some(u) => q.usecase = Some(u.id.clone()),
                None if value.is_empty() => {
                    notices.push(Notice("usecase is empty; no use case is chosen.".into()))
                }
                None => notices.push(Notice(format!(
                    "Ignored usecase value “{}” (use {}).",
                    shown(value),
                    or_list(hiring.use_cases.iter().map(|u| u.id.as_str()))
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "level", &mut notices) {
            let value = value.trim();
            match parse_level(value) {
                Some(level) => q.level = Some(level),
                None if value.is_empty() => {
                    notices.push(Notice("level is empty; no level is chosen.".into()))
                }
                None => notices.push(Notice(format!(
                    "Ignored level value “{}” (use {}).",
                    shown(value),
                    or_list(LEVELS.iter().map(|level| level.id()))
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "kit", &mut notices) {
            match kit::decode(value, hiring) {
                Err(kit::KitError::Empty) => notices.push(Notice(
                    "kit is empty; every question and point is shown.".into(),
                )),
                Ok(kit) if kit == Kit::all(hiring) => {}
                Ok(kit) => q.kit = Some(kit),
                Err(err) => notices.push(Notice(format!(
                    "Ignored kit value “{}” ({err}); every question and point is shown.",
                    shown(value)
                ))),
            }
        }
        (q, notices)
    }

    /// Query string without `?` in a stable order (usecase, level, kit), defaults left out;
    /// `""` when all default. Values `parse` would drop (an unknown use case, architect or
    /// principal, a kit equal to [`Kit::all`]) are left out too.
    pub fn to_query(&self, hiring: &Hiring) -> String {
        let q = self.normalized(hiring);
        let mut parts: Vec<String> = Vec::new();
        if let Some(usecase) = &q.usecase {
            // Dataset ids are URL-safe (lowercase letters), so no escaping is needed.
            parts.push(format!("usecase={usecase}"));
        }
        if let Some(level) = q.level {
            parts.push(format!("level={}", level.id()));
        }
        if let Some(kit) = &q.kit {
            parts.push(format!("kit={}", kit::encode(kit, hiring)));
        }
        parts.join("&")
    }

    /// The same state in the form [`HiringQuery::parse`] returns: the use case's dataset id or
    /// `None`, a level of [`LEVELS`] or `None`, the kit without unknown ids and `None` when it
    /// keeps everything. `parse(q.to_query()) == q.normalized()` for every `q`.
    pub fn normalized(&self, hiring: &Hiring) -> HiringQuery {
        let kit = self
            .kit
            .as_ref()
            .map(|kit| kit.normalized(hiring))
            .filter(|kit| *kit != Kit::all(hiring));
        HiringQuery {
            usecase: self
                .usecase
                .as_deref()
                .and_then(|id| find_use_case(hiring, id))
                .map(|u| u.id.clone()),
            level: self.level.filter(|level| LEVELS.contains(level)),
            kit,
        }
    }

    /// The chosen use case, when it is one of `hiring`'s.
    pub fn use_case<'h>(&self, hiring: &'h Hiring) -> Option<&'h UseCase> {
        self.usecase
            .as_deref()
            .and_then(|id| find_use_case(hiring, id))
    }

    /// The kit to show: the chosen one, or every question and point.
    pub fn kit_or_all(&self, hiring: &Hiring) -> Kit {
        self.kit.clone().unwrap_or_else(|| Kit::all(hiring))
    }
}

/// `junior|middle|senior|lead`, ASCII case-insensitive; `None` for anything else.
pub fn parse_level(value: &str) -> Option<Level> {
    let value = value.trim();
    LEVELS
        .into_iter()
        .find(|level| level.id().eq_ignore_ascii_case(value))
}

fn find_use_case<'h>(hiring: &'h Hiring, id: &str) -> Option<&'h UseCase> {
    hiring
        .use_cases
        .iter()
        .find(|u| u.id.eq_ignore_ascii_case(id.trim()))
}

/// `a, b or c`.
fn or_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    match items.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => "nothing".to_string(),
    }
}
