//! The localStorage value.
//!
//! Key [`STORAGE_KEY`]; value `{"version":1,"items":{"<id>":"done",...}}` with only items
//! that are not "not started" ([`to_stored`]). An optional `"updated"` and any other extra
//! top-level field are accepted and ignored on reading. [`load_stored`] never fails: an
//! unusable value yields an empty progress, a notice for the page and the raw value to save
//! under [`BACKUP_KEY`].

use super::export::{count_items, known_progress, list_ids, read_document, Document};
use super::state::Progress;
use super::BACKUP_KEY;
use crate::data::Roadmap;
use crate::plan::Plan;

/// What [`load_stored`] made of the stored value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredLoad {
    /// The progress to show (empty when nothing usable was stored).
    pub progress: Progress,
    /// The notes, estimates and pace stored with it ([`load_stored_plan`]; empty from
    /// [`load_stored`]).
    pub plan: Plan,
    /// A sentence for the page when something was dropped or could not be read.
    pub notice: Option<String>,
    /// When the stored value was unusable: the raw value, to save under [`BACKUP_KEY`] before
    /// anything overwrites [`STORAGE_KEY`].
    pub backup: Option<String>,
}

/// Reads the value stored under [`STORAGE_KEY`] (`None` when the key is absent). Never fails:
/// - absent or blank: empty progress, no notice;
/// - valid: its progress; ids the roadmap no longer has are dropped with a gentle notice
///   (no backup: everything still in the roadmap is kept);
/// - not JSON, the wrong shape, an unknown version or state, over 1 MB: empty progress, a
///   notice saying why and that the value was kept under [`BACKUP_KEY`], and `backup` set to
///   the raw value.
pub fn load_stored(raw: Option<&str>, roadmap: &Roadmap) -> StoredLoad {
    StoredLoad {
        plan: Plan::new(),
        ..load_stored_plan(raw, roadmap)
    }
}

/// [`load_stored`], with the plan stored alongside (notes and estimates of items the roadmap
/// no longer has are dropped, and named in the same notice).
pub fn load_stored_plan(raw: Option<&str>, roadmap: &Roadmap) -> StoredLoad {
    let Some(raw) = raw.filter(|raw| !raw.trim().is_empty()) else {
        return StoredLoad::default();
    };
    match read_document(raw) {
        Ok((states, plan)) => {
            let (progress, plan, unknown) = known_progress(states, plan, roadmap);
            let notice = (!unknown.is_empty()).then(|| {
                format!(
                    "Saved progress for {} that {} no longer in the roadmap was dropped: {}.",
                    count_items(unknown.len()),
                    if unknown.len() == 1 { "is" } else { "are" },
                    list_ids(&unknown)
                )
            });
            StoredLoad {
                progress,
                plan,
                notice,
                backup: None,
            }
        }
        Err(err) => StoredLoad {
            progress: Progress::new(),
            plan: Plan::new(),
            notice: Some(format!(
                "Your saved progress could not be read ({}); it was kept under the backup key “{BACKUP_KEY}” and the roadmap starts clean.",
                err.storage_reason()
            )),
            backup: Some(raw.to_string()),
        },
    }
}

/// The value to store under [`STORAGE_KEY`]: compact JSON
/// `{"version":1,"items":{"<id>":"<state>",...}}`, marked items only, in id order.
pub fn to_stored(progress: &Progress) -> String {
    to_stored_plan(progress, &Plan::new())
}

/// [`to_stored`] with the plan: version 2 when the plan has anything, else the same as
/// [`to_stored`].
pub fn to_stored_plan(progress: &Progress, plan: &Plan) -> String {
    let document = Document {
        note: None,
        summary: None,
        items: progress.iter().collect(),
        plan,
    };
    serde_json::to_string(&document).unwrap_or_default()
}
