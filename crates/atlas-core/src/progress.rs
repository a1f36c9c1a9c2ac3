//! Roadmap progress: each item's state, per-stage and overall summaries, the compact code for
//! share links, the localStorage format (with recovery from unreadable values) and the JSON
//! export/import file.
//!
//! Pure: no leptos, no web_sys, no clock, no I/O. The Roadmap page reads and writes
//! localStorage, files and the URL; everything here turns text into a [`Progress`] (or a
//! [`ProgressError`] / notice saying what was wrong) and back. Nothing here panics on any input.
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
//! # Share code (`progress=` in the URL), format 1
//! `"1"` (the format version), then one segment per stage in roadmap order separated by `.`,
//! then one check character. A segment packs its stage's items in order, three per character:
//! each item is a base-4 digit ([`ItemState::digit`]: 0 not started, 1 learning, 2 done,
//! 3 skipped) and a character is `d0 + 4·d1 + 16·d2` (`d0` the first of the three) written in
//! the URL-safe base64 alphabet `A-Z a-z 0-9 - _` (`A` = 0). The check character is a hash of
//! everything before it (FNV-1a, folded to 6 bits, same alphabet), so a link cut short or
//! mistyped is rejected instead of silently showing less progress (1 in 64 damaged codes slips
//! through). Every character is unreserved in URLs, so codes are never percent-encoded.
//!
//! The encoder drops trailing `A`s of each segment and trailing empty segments, so it is
//! deterministic: nothing marked is `"1"` + check (2 characters); the real roadmap (4 stages of
//! 5 items) needs at most 13 (`1` + 4×2 + 3 dots + check), typically fewer because progress
//! fills the early stages first.
//!
//! Per-stage segments cost up to three `.` but keep old links valid when the roadmap grows:
//! items appended to the END of any stage, and stages appended at the end, decode as not
//! started (a shorter segment or a missing stage simply means "not started"). Reordering or
//! removing items changes what old codes mean: bump the version then. A code that marks an item
//! the roadmap does not have is rejected ([`ProgressError::CodeForOtherRoadmap`]); extra `A`
//! characters or empty segments (with a matching check character) are accepted.
//!
//! # Storage (localStorage)
//! Key [`STORAGE_KEY`]; value `{"version":1,"items":{"<id>":"done",...}}` with only items
//! that are not "not started" ([`to_stored`]). An optional `"updated"` and any other extra
//! top-level field are accepted and ignored on reading. [`load_stored`] never fails: an
//! unusable value yields an empty progress, a notice for the page and the raw value to save
//! under [`BACKUP_KEY`].
//!
//! # Export file
//! [`export_json`] writes the same shape (pretty-printed, every roadmap item in roadmap order,
//! including `"not_started"`, plus a human `note`); [`import_json`] reads both that and the
//! storage value, all-or-nothing: an error changes nothing.
//!
//! # Version 2: the reader's plan
//! A document that carries a [`Plan`] (notes, estimates, hours per week: `crate::plan`) is
//! written as `"version":2` with up to three more fields after `items`:
//! `"hours_per_week":"7.5"`, `"estimates":{"<id>":"12"}` (hours as decimal text, so no float
//! code is needed to write them; numbers are accepted on reading) and `"notes":{"<id>":"text"}`.
//! A document without a plan is still written as version 1, which every earlier build reads;
//! both versions are read ([`load_stored_plan`], [`import_with_plan`]). The share code never
//! carries any of the plan: notes are private.

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use crate::data::{Roadmap, Stage};
use crate::plan::{self, Hours, Plan};
use crate::query::shown;

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

/// URL-safe base64 alphabet; a character's index is its value.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SEGMENT_SEPARATOR: char = '.';
const ITEMS_PER_CHAR: usize = 3;
/// How many ids a notice lists before "and N more".
const LISTED_IDS: usize = 5;

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
    fn from_digit(digit: u8) -> ItemState {
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
    fn storage_reason(&self) -> String {
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

// ---------------------------------------------------------------------------------------------
// Share code

/// The share code for `progress` over `roadmap` (format in the module docs). Ids the roadmap
/// does not have are left out. Deterministic: equal progress gives equal codes.
pub fn encode(progress: &Progress, roadmap: &Roadmap) -> String {
    let mut segments: Vec<String> = roadmap
        .stages
        .iter()
        .map(|stage| {
            let mut segment: Vec<u8> = stage
                .items
                .chunks(ITEMS_PER_CHAR)
                .map(|chunk| {
                    let value = chunk
                        .iter()
                        .rev()
                        .fold(0u8, |acc, item| acc * 4 + progress.get(&item.id).digit());
                    ALPHABET[usize::from(value)]
                })
                .collect();
            while segment.last() == Some(&ALPHABET[0]) {
                segment.pop();
            }
            segment.into_iter().map(char::from).collect()
        })
        .collect();
    while segments.last().is_some_and(String::is_empty) {
        segments.pop();
    }
    let mut code = String::from(CODE_VERSION);
    code.push_str(&segments.join(&SEGMENT_SEPARATOR.to_string()));
    code.push(check_char(&code));
    code
}

/// FNV-1a over the code's bytes, folded to one alphabet character.
fn check_char(text: &str) -> char {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    let folded = (hash ^ (hash >> 6) ^ (hash >> 12) ^ (hash >> 18) ^ (hash >> 24)) & 63;
    char::from(ALPHABET[folded as usize])
}

/// Reads a share code (surrounding whitespace ignored). Shorter codes (from before items or
/// stages were appended) leave the missing items not started; see the module docs. Checks, in
/// order: length, version, characters, check character, then that every marked item exists.
/// Never panics; any problem is a [`ProgressError`] and no partial result.
pub fn decode(code: &str, roadmap: &Roadmap) -> Result<Progress, ProgressError> {
    let code = code.trim();
    if code.chars().nth(MAX_CODE_CHARS).is_some() {
        return Err(ProgressError::CodeTooLong {
            chars: code.chars().count(),
        });
    }
    match code.chars().next() {
        None => return Err(ProgressError::EmptyCode),
        Some(CODE_VERSION) => {}
        Some(found) if found.is_ascii_digit() => {
            return Err(ProgressError::UnsupportedCodeVersion { found })
        }
        Some(_) => return Err(ProgressError::NotACode),
    }
    // Position 1 is the version character.
    for (position, c) in (1..).zip(code.chars()).skip(1) {
        if c != SEGMENT_SEPARATOR && char_value(c).is_none() {
            return Err(ProgressError::BadCodeCharacter {
                character: shown(&c.to_string()),
                position,
            });
        }
    }
    let mut chars = code.chars();
    let check = chars.next_back();
    let body = chars.as_str();
    if body.is_empty() || check != Some(check_char(body)) {
        return Err(ProgressError::CodeCheckFailed);
    }
    let payload = body.strip_prefix(CODE_VERSION).unwrap_or(body);
    let mut progress = Progress::new();
    for (stage_index, segment) in payload.split(SEGMENT_SEPARATOR).enumerate() {
        for (char_index, c) in segment.chars().enumerate() {
            let value = char_value(c).unwrap_or(0);
            for slot in 0..ITEMS_PER_CHAR {
                let state = ItemState::from_digit(value >> (2 * slot));
                if state == ItemState::NotStarted {
                    continue;
                }
                let item = roadmap
                    .stages
                    .get(stage_index)
                    .and_then(|stage| stage.items.get(char_index * ITEMS_PER_CHAR + slot))
                    .ok_or(ProgressError::CodeForOtherRoadmap)?;
                progress.set(&item.id, state);
            }
        }
    }
    Ok(progress)
}

fn char_value(c: char) -> Option<u8> {
    let byte = u8::try_from(c).ok()?;
    let index = ALPHABET.iter().position(|&b| b == byte)?;
    u8::try_from(index).ok()
}

// ---------------------------------------------------------------------------------------------
// Storage

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

// ---------------------------------------------------------------------------------------------
// Export / import file

/// The content of an exported progress file: pretty JSON with `version`, a human `note`, a
/// `summary` line and `items` holding EVERY roadmap item in roadmap order (`"not_started"`
/// included, so the file reads as a checklist). Ids the roadmap does not have are left out.
pub fn export_json(progress: &Progress, roadmap: &Roadmap) -> String {
    export_with_plan(progress, &Plan::new(), roadmap)
}

/// [`export_json`] with the plan (version 2 when it has anything: notes, estimates, pace).
pub fn export_with_plan(progress: &Progress, plan: &Plan, roadmap: &Roadmap) -> String {
    let overall = progress.overall(roadmap);
    let summary = format!(
        "{} of {} done ({}%), {} learning, {} skipped",
        overall.done, overall.total, overall.percent_done, overall.learning, overall.skipped
    );
    let document = Document {
        note: Some(
            "Backend Atlas roadmap progress. Import this file on the Roadmap page to restore it. \
             States: not_started, learning, done, skipped.",
        ),
        summary: Some(summary),
        items: roadmap
            .stages
            .iter()
            .flat_map(|stage| &stage.items)
            .map(|item| (item.id.as_str(), progress.get(&item.id)))
            .collect(),
        plan,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads an export file (or a stored value): `{"version":1,"items":{"<id>":"<state>"}}`, other
/// top-level fields ignored, a UTF-8 byte-order mark allowed, state names ASCII
/// case-insensitive. All or nothing: any problem is a [`ProgressError`] for the page.
///
/// On success, the warnings list what was ignored: ids the roadmap does not have (unless their
/// state is `not_started`, which says nothing). The progress holds roadmap items only.
pub fn import_json(
    text: &str,
    roadmap: &Roadmap,
) -> Result<(Progress, Vec<String>), ProgressError> {
    import_with_plan(text, roadmap).map(|(progress, _, warnings)| (progress, warnings))
}

/// [`import_json`] with the plan the file carries (empty for a version 1 file).
pub fn import_with_plan(
    text: &str,
    roadmap: &Roadmap,
) -> Result<(Progress, Plan, Vec<String>), ProgressError> {
    let (states, plan) = read_document(text)?;
    let (progress, plan, unknown) = known_progress(states, plan, roadmap);
    let mut warnings = Vec::new();
    if !unknown.is_empty() {
        warnings.push(format!(
            "Ignored {} that {} not in this roadmap: {}.",
            count_items(unknown.len()),
            if unknown.len() == 1 { "is" } else { "are" },
            list_ids(&unknown)
        ));
    }
    Ok((progress, plan, warnings))
}

/// The file / stored shape. Serialized by hand so `version` comes first and `items` keep the
/// order given (serde_json's own map would sort them).
struct Document<'a> {
    note: Option<&'static str>,
    summary: Option<String>,
    items: Vec<(&'a str, ItemState)>,
    plan: &'a Plan,
}

/// An object of (id, text) pairs, in the order given.
struct Texts<'a>(&'a [(&'a str, String)]);

impl Serialize for Texts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, text) in self.0 {
            map.serialize_entry(id, text)?;
        }
        map.end()
    }
}

struct Items<'b, 'a>(&'b [(&'a str, ItemState)]);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let plan = self.plan;
        let version = if plan.is_empty() {
            FORMAT_VERSION
        } else {
            PLAN_FORMAT_VERSION
        };
        map.serialize_entry("version", &version)?;
        if let Some(note) = self.note {
            map.serialize_entry("note", note)?;
        }
        if let Some(summary) = &self.summary {
            map.serialize_entry("summary", summary)?;
        }
        map.serialize_entry("items", &Items(&self.items))?;
        if let Some(pace) = plan.hours_per_week {
            map.serialize_entry("hours_per_week", &pace.text())?;
        }
        let estimates: Vec<(&str, String)> =
            plan.estimates().map(|(id, h)| (id, h.text())).collect();
        if !estimates.is_empty() {
            map.serialize_entry("estimates", &Texts(&estimates))?;
        }
        let notes: Vec<(&str, String)> = plan.notes().map(|(id, n)| (id, n.to_owned())).collect();
        if !notes.is_empty() {
            map.serialize_entry("notes", &Texts(&notes))?;
        }
        map.end()
    }
}

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, state) in self.0 {
            map.serialize_entry(id, state.id())?;
        }
        map.end()
    }
}

/// Every (id, state) pair of a file or stored value, checked for size, syntax, shape, version
/// and state names (in that order, so an old or future file says so before anything else).
fn read_document(text: &str) -> Result<(Vec<(String, ItemState)>, Plan), ProgressError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ProgressError::FileTooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ProgressError::EmptyFile);
    }
    let value: Value = serde_json::from_str(text).map_err(|err| ProgressError::NotJson {
        line: err.line(),
        column: err.column(),
    })?;
    let Value::Object(object) = value else {
        return Err(not_progress(format!(
            "it is {} instead of an object",
            kind(&value)
        )));
    };
    let version = match object.get("version") {
        None => return Err(not_progress("it has no “version” field".to_string())),
        Some(Value::Number(n))
            if n.as_u64() == Some(FORMAT_VERSION) || n.as_u64() == Some(PLAN_FORMAT_VERSION) =>
        {
            n.as_u64().unwrap_or(FORMAT_VERSION)
        }
        Some(other) => {
            return Err(ProgressError::UnsupportedVersion {
                found: shown(&other.to_string()),
            })
        }
    };
    let items = match object.get("items") {
        None => return Err(not_progress("it has no “items” field".to_string())),
        Some(Value::Object(items)) => items,
        Some(other) => {
            return Err(not_progress(format!(
                "“items” is {} instead of an object of item ids and states",
                kind(other)
            )))
        }
    };
    let states = items
        .iter()
        .map(|(id, state)| {
            let Value::String(name) = state else {
                return Err(not_progress(format!(
                    "the state of item “{}” is {} instead of a state name",
                    shown(id),
                    kind(state)
                )));
            };
            ItemState::from_id(name)
                .map(|state| (id.clone(), state))
                .ok_or_else(|| ProgressError::UnknownState {
                    item: shown(id),
                    state: shown(name),
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Version 1 has no plan (other fields are ignored, as they always were).
    let plan = if version == PLAN_FORMAT_VERSION {
        read_plan(&object)?
    } else {
        Plan::new()
    };
    Ok((states, plan))
}

/// The plan fields of a version 2 document, each checked as the page checks what is typed.
fn read_plan(object: &serde_json::Map<String, Value>) -> Result<Plan, ProgressError> {
    let mut plan = Plan::new();
    if let Some(pace) = object.get("hours_per_week").filter(|v| !v.is_null()) {
        let hours = hours_value(pace, plan::parse_pace, plan::pace_from)
            .map_err(|e| not_progress(format!("its “hours_per_week” is not usable ({e})")))?;
        plan.hours_per_week = Some(hours);
    }
    for (id, value) in fields(object, "estimates")? {
        let hours = hours_value(value, plan::parse_estimate, plan::estimate_from).map_err(|e| {
            not_progress(format!(
                "the estimate of item “{}” is not usable ({e})",
                shown(id)
            ))
        })?;
        plan.set_estimate(id, Some(hours));
    }
    for (id, value) in fields(object, "notes")? {
        let Value::String(note) = value else {
            return Err(not_progress(format!(
                "the note of item “{}” is {} instead of a text",
                shown(id),
                kind(value)
            )));
        };
        plan.set_note(id, note).map_err(|e| {
            not_progress(format!(
                "the note of item “{}” is too long ({e})",
                shown(id)
            ))
        })?;
    }
    Ok(plan)
}

/// The entries of an optional object field (`"notes"`, `"estimates"`).
fn fields<'v>(
    object: &'v serde_json::Map<String, Value>,
    name: &str,
) -> Result<Vec<(&'v String, &'v Value)>, ProgressError> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Object(map)) => Ok(map.iter().collect()),
        Some(other) => Err(not_progress(format!(
            "“{name}” is {} instead of an object of item ids",
            kind(other)
        ))),
    }
}

/// Hours written as decimal text (as this app writes them) or as a number.
fn hours_value(
    value: &Value,
    parse: fn(&str) -> Result<Option<Hours>, plan::HoursError>,
    from_number: fn(f64) -> Result<Hours, plan::HoursError>,
) -> Result<Hours, plan::HoursError> {
    match value {
        Value::String(text) => parse(text)?.ok_or(plan::HoursError::NotANumber),
        Value::Number(n) => from_number(n.as_f64().unwrap_or(f64::NAN)),
        _ => Err(plan::HoursError::NotANumber),
    }
}

fn not_progress(detail: String) -> ProgressError {
    ProgressError::NotProgressFile { detail }
}

/// "a list", "a number"... for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The roadmap's items from `states`, and the ids (sorted) that are not in the roadmap and
/// carry a state other than not started.
fn known_progress(
    states: Vec<(String, ItemState)>,
    mut plan: Plan,
    roadmap: &Roadmap,
) -> (Progress, Plan, Vec<String>) {
    let mut progress = Progress::new();
    for (id, state) in states {
        progress.set(&id, state);
    }
    let mut unknown = progress.retain_known(roadmap);
    for id in plan.retain_known(roadmap) {
        if !unknown.contains(&id) {
            unknown.push(id);
        }
    }
    crate::small_sort::sort(&mut unknown);
    (progress, plan, unknown)
}

fn count_items(n: usize) -> String {
    if n == 1 {
        "1 item".to_string()
    } else {
        format!("{n} items")
    }
}

/// `“a”, “b”, “c”, “d”, “e”, and 3 more`, each id cut for display.
fn list_ids(ids: &[String]) -> String {
    let mut listed: Vec<String> = ids
        .iter()
        .take(LISTED_IDS)
        .map(|id| format!("“{}”", shown(id)))
        .collect();
    if ids.len() > LISTED_IDS {
        listed.push(format!("and {} more", ids.len() - LISTED_IDS));
    }
    listed.join(", ")
}
