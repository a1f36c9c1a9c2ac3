//! The Roadmap page's URL state: `progress`, `stage` and `item` (a public contract: links to
//! the page keep working as long as these keep their meaning).
//!
//! - `progress=<code>`: someone's progress as a share code ([`crate::progress::encode`]); the
//!   page shows it read-only with a button to adopt it. Stored canonical (re-encoded), so
//!   `1AA` reads as `1`. Default none (left out).
//! - `stage=1..N`: the stage to scroll to and expand, by its number (N = number of stages).
//!   Default none (left out).
//! - `item=<id>`: the roadmap item to open (ASCII case-insensitive; stored as the dataset's
//!   id). Default none (left out). The page expands the item's stage too
//!   ([`crate::progress::stage_of`]).
//!
//! Empty values (`stage=`), out-of-range stages, unknown items and codes that do not decode
//! are ignored with a notice each. The shared rules (last occurrence wins, long values,
//! unknown names) are in [`crate::query`].

use super::{encode_component, last_value, parse_pairs, shown, Notice};
use crate::data::Roadmap;
use crate::progress::{self, Progress};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoadmapQuery {
    /// A share code that decodes against the roadmap, in canonical form.
    pub progress: Option<String>,
    /// A stage number, 1-based (`Stage::number`).
    pub stage: Option<u8>,
    /// The id of a roadmap item.
    pub item: Option<String>,
}

impl RoadmapQuery {
    /// Reads the query string against `roadmap`. Unknown/hostile values are dropped with a
    /// [`Notice`] each; never panics.
    pub fn parse(query: &str, roadmap: &Roadmap) -> (RoadmapQuery, Vec<Notice>) {
        let pairs = parse_pairs(query);
        let mut notices = Vec::new();
        let mut q = RoadmapQuery::default();
        if let Some(value) = last_value(&pairs, "progress", &mut notices) {
            if value.trim().is_empty() {
                notices.push(Notice("progress is empty; ignored.".into()));
            } else {
                match progress::decode(value, roadmap) {
                    Ok(shared) => q.progress = Some(progress::encode(&shared, roadmap)),
                    Err(err) => notices.push(Notice(format!(
                        "Ignored progress value “{}”. {err}",
                        shown(value)
                    ))),
                }
            }
        }
        if let Some(value) = last_value(&pairs, "stage", &mut notices) {
            let stages = roadmap.stages.len();
            #[expect(clippy::disallowed_methods, reason = "an integer: no float parser")]
            let stage = value.trim().parse::<u8>();
            match stage {
                _ if value.trim().is_empty() => {
                    notices.push(Notice("stage is empty; ignored.".into()))
                }
                Ok(number) if number >= 1 && usize::from(number) <= stages => {
                    q.stage = Some(number)
                }
                _ => notices.push(Notice(format!(
                    "Ignored stage value “{}” (use a stage number from 1 to {stages}).",
                    shown(value)
                ))),
            }
        }
        if let Some(value) = last_value(&pairs, "item", &mut notices) {
            let wanted = value.trim();
            let found = roadmap
                .stages
                .iter()
                .flat_map(|stage| &stage.items)
                .find(|item| item.id.eq_ignore_ascii_case(wanted));
            match found {
                _ if wanted.is_empty() => notices.push(Notice("item is empty; ignored.".into())),
                Some(item) => q.item = Some(item.id.clone()),
                None => notices.push(Notice(format!(
                    "Ignored item value “{}” (not an item of the roadmap).",
                    shown(value)
                ))),
            }
        }
        (q, notices)
    }

    /// Query string without '?' in a stable order (progress, stage, item), defaults left out;
    /// "" when all default. For a query from [`RoadmapQuery::parse`],
    /// `parse(q.to_query()) == q` with no notices.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(code) = &self.progress {
            parts.push(format!("progress={}", encode_component(code)));
        }
        if let Some(stage) = self.stage {
            parts.push(format!("stage={stage}"));
        }
        if let Some(item) = &self.item {
            parts.push(format!("item={}", encode_component(item)));
        }
        parts.join("&")
    }

    /// The shared progress to show read-only, when the link carries one.
    pub fn shared_progress(&self, roadmap: &Roadmap) -> Option<Progress> {
        self.progress
            .as_deref()
            .and_then(|code| progress::decode(code, roadmap).ok())
    }
}
