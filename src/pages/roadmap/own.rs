//! The reader's own progress and plan, loaded once from storage and saved together on every
//! change (with the backup of an unreadable value).

use crate::data::Roadmap as RoadmapData;
use crate::plan::Plan;
use crate::progress::{self, ItemState, Progress, BACKUP_KEY, STORAGE_KEY};
use crate::storage;
use leptos::prelude::*;

/// The reader's own progress and plan (notes, estimates, pace): loaded once from storage, saved
/// together on every change.
#[derive(Clone, Copy)]
pub(super) struct Own {
    pub(super) progress: RwSignal<Progress>,
    pub(super) plan: RwSignal<Plan>,
    /// What happened with storage, if anything worth saying.
    pub(super) notice: RwSignal<Option<String>>,
}

impl Own {
    pub(super) fn load(roadmap: &RoadmapData) -> Own {
        let (progress, plan, notice) = match storage::get(STORAGE_KEY) {
            Ok(raw) => {
                let loaded = progress::load_stored_plan(raw.as_deref(), roadmap);
                if let Some(backup) = &loaded.backup {
                    // Keep the unreadable value so nothing is lost; ignore a failure here, the
                    // notice already says what happened.
                    let _ = storage::set(BACKUP_KEY, backup);
                }
                (loaded.progress, loaded.plan, loaded.notice)
            }
            Err(e) => (
                Progress::new(),
                Plan::new(),
                Some(format!(
                    "Progress cannot be saved ({}): it is kept only until you close this tab.",
                    e.0
                )),
            ),
        };
        Own {
            progress: RwSignal::new(progress),
            plan: RwSignal::new(plan),
            notice: RwSignal::new(notice),
        }
    }

    /// Replaces the item states; the plan stays.
    pub(super) fn replace(self, progress: Progress) {
        self.progress.set(progress);
        self.save();
    }

    /// Replaces the states and the plan (an imported file).
    pub(super) fn replace_all(self, progress: Progress, plan: Plan) {
        self.progress.set(progress);
        self.plan.set(plan);
        self.save();
    }

    /// Changes the plan and saves; returns whether storage took it.
    pub(super) fn update_plan(self, change: impl FnOnce(&mut Plan)) -> bool {
        self.plan.update(change);
        self.save()
    }

    pub(super) fn set_item(self, id: &str, state: ItemState) {
        self.progress.update(|p| {
            p.set(id, state);
        });
        self.save();
    }

    /// Writes progress and plan to storage; on failure the notice says so and `false`.
    pub(super) fn save(self) -> bool {
        let stored = self.progress.with_untracked(|progress| {
            self.plan
                .with_untracked(|plan| progress::to_stored_plan(progress, plan))
        });
        if let Err(e) = storage::set(STORAGE_KEY, &stored) {
            self.notice.set(Some(format!(
                "Progress cannot be saved ({}): it is kept only until you close this tab.",
                e.0
            )));
            return false;
        }
        true
    }
}
