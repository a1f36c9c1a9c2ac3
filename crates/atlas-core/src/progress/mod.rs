//! Roadmap progress: each item's state, per-stage and overall summaries, the compact code for
//! share links, the localStorage format (with recovery from unreadable values) and the JSON
//! export/import file.
//!
//! Pure: no leptos, no web_sys, no clock, no I/O. The Roadmap page reads and writes
//! localStorage, files and the URL; everything here turns text into a [`Progress`] (or a
//! [`ProgressError`] / notice saying what was wrong) and back. Nothing here panics on any input.
//!
//! Split by job: [`state`] (the items' states, summaries and errors), [`share`] (the `progress=`
//! code), [`storage`] (the localStorage value) and [`export`] (the JSON file, and the reader
//! both storage and import use).
//!
//! # States
//! [`ItemState`]: not started (the default, never stored), learning, done, skipped. Keyboard
//! letters: `r` (reset to not started), `l`, `d`, `s` ([`ItemState::key`]).
//!
//! # Percent rule
//! Skipped items count as "not applicable": `percent_done = done / (total - skipped)`, rounded
//! to the nearest whole percent, but never 0 while something is done and never 100 while
//! something applicable is not done. A stage whose items are all skipped is 100 (nothing is left
//! to do); a stage with no items is 0. See [`StageSummary`].
//!
//! # Version 2: the reader's plan
//! A document that carries a [`Plan`] (notes, estimates, hours per week: `crate::plan`) is
//! written as `"version":2` with up to three more fields after `items`:
//! `"hours_per_week":"7.5"`, `"estimates":{"<id>":"12"}` (hours as decimal text, so no float
//! code is needed to write them; numbers are accepted on reading) and `"notes":{"<id>":"text"}`.
//! A document without a plan is still written as version 1, which every earlier build reads;
//! both versions are read ([`load_stored_plan`], [`import_with_plan`]). The share code never
//! carries any of the plan: notes are private.

pub mod export;
pub mod share;
pub mod state;
pub mod storage;

pub use export::{export_json, export_with_plan, import_json, import_with_plan};
pub use share::{decode, encode};
pub use state::*;
pub use storage::{load_stored, load_stored_plan, to_stored, to_stored_plan, StoredLoad};

/// localStorage key of the saved progress (the `v1` is the storage format version).
pub const STORAGE_KEY: &str = "backend-atlas.progress.v1";
/// localStorage key where an unreadable saved value is kept (see [`StoredLoad::backup`]).
pub const BACKUP_KEY: &str = "backend-atlas.progress.backup";
/// The `"version"` written in stored values and export files without a plan.
pub const FORMAT_VERSION: u64 = 1;
/// The `"version"` of a document with a plan (module docs, "Version 2").
pub const PLAN_FORMAT_VERSION: u64 = 2;
/// The first character of every share code this build writes.
pub const CODE_VERSION: char = '1';
/// Longest share code accepted (the query layer ignores longer values anyway).
pub const MAX_CODE_CHARS: usize = 200;
/// Largest import file (and stored value) accepted, in bytes of UTF-8 text.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
