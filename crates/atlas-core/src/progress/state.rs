//! Roadmap progress as values: each item's [`ItemState`], the per-stage [`StageSummary`] (the
//! percent rule is in the module docs of [`crate::progress`]), the [`Progress`] map and the
//! [`ProgressError`]s every reader returns.

use std::collections::BTreeMap;

use crate::data::{Roadmap, Stage};

/// Where the visitor is with one roadmap item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ItemState {
    #[default]
    NotStarted,
    Learning,
    Done,
    Skipped,
}

impl ItemState {
    /// In the order the UI offers them.
    pub const ALL: [ItemState; 4] = [
        ItemState::NotStarted,
        ItemState::Learning,
        ItemState::Done,
        ItemState::Skipped,
    ];

    /// Keyboard shortcut: `r` (reset to not started), `l`, `d`, `s`.
    #[inline]
    pub fn key(self) -> char {
        match self {
            ItemState::NotStarted => 'r',
            ItemState::Learning => 'l',
            ItemState::Done => 'd',
            ItemState::Skipped => 's',
        }
    }

    /// The state for a pressed key (ASCII case-insensitive); `None` for any other key.
    pub fn from_key(key: char) -> Option<ItemState> {
        let key = key.to_ascii_lowercase();
        ItemState::ALL.into_iter().find(|state| state.key() == key)
    }

    /// For buttons and screen readers: "Not started", "Learning", "Done", "Skipped".
    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            ItemState::NotStarted => "Not started",
            ItemState::Learning => "Learning",
            ItemState::Done => "Done",
            ItemState::Skipped => "Skipped",
        }
    }

    /// The name in stored values and export files: `not_started`, `learning`, `done`,
    /// `skipped`.
    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            ItemState::NotStarted => "not_started",
            ItemState::Learning => "learning",
            ItemState::Done => "done",
            ItemState::Skipped => "skipped",
        }
    }

    /// The state named `id` (ASCII case-insensitive, surrounding spaces ignored).
    pub fn from_id(id: &str) -> Option<ItemState> {
        let id = id.trim();
        ItemState::ALL
            .into_iter()
            .find(|state| state.id().eq_ignore_ascii_case(id))
    }

    /// The base-4 digit in share codes: 0 not started, 1 learning, 2 done, 3 skipped. Part of
    /// the share-code contract: never renumber.
    pub fn digit(self) -> u8 {
        match self {
            ItemState::NotStarted => 0,
            ItemState::Learning => 1,
            ItemState::Done => 2,
            ItemState::Skipped => 3,
        }
    }

    /// Inverse of [`ItemState::digit`]; only the low two bits are read.
    pub(super) fn from_digit(digit: u8) -> ItemState {
        match digit & 3 {
            1 => ItemState::Learning,
            2 => ItemState::Done,
            3 => ItemState::Skipped,
            _ => ItemState::NotStarted,
        }
    }
}

/// Counts for one stage (or, from [`Progress::overall`], the whole roadmap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StageSummary {
    pub done: usize,
    pub learning: usize,
    pub skipped: usize,
    /// Items in the stage (of every state).
    pub total: usize,
    /// 0..=100 by the rule in the module docs: done out of the items not skipped.
    pub percent_done: u8,
}

impl StageSummary {
    fn from_counts(done: usize, learning: usize, skipped: usize, total: usize) -> Self {
        StageSummary {
            done,
            learning,
            skipped,
            total,
            percent_done: percent_done(done, skipped, total),
        }
    }

    /// Items neither done, learning nor skipped.
    pub fn not_started(&self) -> usize {
        self.total
            .saturating_sub(self.done + self.learning + self.skipped)
    }

    /// Items that count towards the percentage: all but the skipped ones.
    pub fn applicable(&self) -> usize {
        self.total.saturating_sub(self.skipped)
    }

    /// Every applicable item is done (true for a stage whose items are all skipped; false for
    /// an empty stage).
    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.done == self.applicable()
    }
}

/// `done / (total - skipped)` in whole percent; see the module docs.
fn percent_done(done: usize, skipped: usize, total: usize) -> u8 {
    let applicable = total.saturating_sub(skipped);
    if applicable == 0 {
        return if total > 0 { 100 } else { 0 };
    }
    let done = done.min(applicable);
    // Rounded half up, in integers.
    let rounded = (done * 200 + applicable) / (2 * applicable);
    let clamped = if done > 0 && rounded == 0 {
        1
    } else if done < applicable && rounded >= 100 {
        99
    } else {
        rounded.min(100)
    };
    u8::try_from(clamped).unwrap_or(100)
}

/// Each roadmap item's state. Only items that are not [`ItemState::NotStarted`] are kept, in
/// id order, so two equal progresses compare, store and export identically.
///
/// It may hold ids the roadmap does not have (set by hand); summaries and codes ignore them
/// and [`Progress::retain_known`] drops them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    items: BTreeMap<String, ItemState>,
}

impl Progress {
    pub fn new() -> Self {
        Progress::default()
    }

    /// The state of item `id` ([`ItemState::NotStarted`] when never set).
    pub fn get(&self, id: &str) -> ItemState {
        self.items.get(id).copied().unwrap_or_default()
    }

    /// Sets item `id`'s state (`NotStarted` removes it) and returns the previous state.
    pub fn set(&mut self, id: &str, state: ItemState) -> ItemState {
        let previous = if state == ItemState::NotStarted {
            self.items.remove(id)
        } else {
            self.items.insert(id.to_string(), state)
        };
        previous.unwrap_or_default()
    }

    /// Item `id` is neither done nor skipped (what a plan counts as still to do).
    pub fn still_to_do(&self, id: &str) -> bool {
        !matches!(self.get(id), ItemState::Done | ItemState::Skipped)
    }

    /// No item marked.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many items are marked (not "not started").
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Marked items in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, ItemState)> + '_ {
        self.items.iter().map(|(id, state)| (id.as_str(), *state))
    }

    /// Resets every item to not started.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Counts for `stage`'s items.
    pub fn stage_summary(&self, stage: &Stage) -> StageSummary {
        let (mut done, mut learning, mut skipped) = (0, 0, 0);
        for item in &stage.items {
            match self.get(&item.id) {
                ItemState::Done => done += 1,
                ItemState::Learning => learning += 1,
                ItemState::Skipped => skipped += 1,
                ItemState::NotStarted => {}
            }
        }
        StageSummary::from_counts(done, learning, skipped, stage.items.len())
    }

    /// Counts over every stage; the percentage is computed from the summed counts (so a big
    /// stage weighs more than a small one), not averaged over stages.
    pub fn overall(&self, roadmap: &Roadmap) -> StageSummary {
        let (mut done, mut learning, mut skipped, mut total) = (0, 0, 0, 0);
        for stage in &roadmap.stages {
            let summary = self.stage_summary(stage);
            done += summary.done;
            learning += summary.learning;
            skipped += summary.skipped;
            total += summary.total;
        }
        StageSummary::from_counts(done, learning, skipped, total)
    }

    /// Drops ids that are not items of `roadmap` and returns them in id order.
    pub fn retain_known(&mut self, roadmap: &Roadmap) -> Vec<String> {
        let mut dropped = Vec::new();
        self.items.retain(|id, _| {
            let known = stage_of(roadmap, id).is_some();
            if !known {
                dropped.push(id.clone());
            }
            known
        });
        dropped
    }
}

/// The stage holding item `item_id` (for `item=` links: expand its stage first).
pub fn stage_of<'a>(roadmap: &'a Roadmap, item_id: &str) -> Option<&'a Stage> {
    roadmap
        .stages
        .iter()
        .find(|stage| stage.items.iter().any(|item| item.id == item_id))
}

/// Everything that can be wrong with a share code or an import file (and, worded for the
/// storage notice, with a stored value). Messages are full sentences for the page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    #[error("The file is empty. Choose a progress file exported from the Roadmap page.")]
    EmptyFile,
    #[error(
        "The file is {} MB; a progress file can be at most 1 MB. Choose a progress file exported from the Roadmap page.",
        crate::format::megabytes(*.bytes)
    )]
    FileTooLarge { bytes: usize },
    #[error("The file is not valid JSON (line {line}, column {column}). Choose a progress file exported from the Roadmap page.")]
    NotJson { line: usize, column: usize },
    /// Valid JSON of the wrong shape; `detail` is a clause such as `it has no “items” field`.
    #[error("The file is not a Backend Atlas progress file: {detail}.")]
    NotProgressFile { detail: String },
    /// `found` is the version as written in the file (JSON text, cut for display).
    #[error("The file has progress format version {found}; this app reads versions 1 and 2. It may come from a newer version of Backend Atlas.")]
    UnsupportedVersion { found: String },
    #[error("Item “{item}” has the unknown state “{state}”; the states are not_started, learning, done and skipped.")]
    UnknownState { item: String, state: String },
    #[error("The shared progress code is empty.")]
    EmptyCode,
    #[error("The shared progress code is {chars} characters long; codes are at most 200.")]
    CodeTooLong { chars: usize },
    #[error("This is not a Backend Atlas progress code: codes start with the format number 1.")]
    NotACode,
    #[error("The shared progress code has format {found}; this app reads format 1. It may come from a newer version of Backend Atlas.")]
    UnsupportedCodeVersion { found: char },
    /// `position` counts characters from 1, including the version.
    #[error("The shared progress code contains “{character}” at position {position}, which progress codes never contain.")]
    BadCodeCharacter { character: String, position: usize },
    /// The check character does not match: the link was cut short or changed.
    #[error("The shared progress code is incomplete or damaged (its check character does not match). Ask for the link again.")]
    CodeCheckFailed,
    #[error("The shared progress code marks items this roadmap does not have; it was made for a different roadmap.")]
    CodeForOtherRoadmap,
}

impl ProgressError {
    /// The reason as a clause for the storage notice ("it is not valid JSON: line 1, column 2").
    pub(super) fn storage_reason(&self) -> String {
        match self {
            ProgressError::EmptyFile => "it is empty".to_string(),
            ProgressError::FileTooLarge { .. } => "it is larger than 1 MB".to_string(),
            ProgressError::NotJson { line, column } => {
                format!("it is not valid JSON: line {line}, column {column}")
            }
            ProgressError::NotProgressFile { detail } => detail.clone(),
            ProgressError::UnsupportedVersion { found } => {
                format!(
                    "it was saved in format version {found}, and this app reads versions 1 and 2"
                )
            }
            ProgressError::UnknownState { item, state } => {
                format!("item “{item}” has the unknown state “{state}”")
            }
            other => other.to_string(),
        }
    }
}
