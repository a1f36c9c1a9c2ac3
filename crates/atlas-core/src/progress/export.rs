//! The export file, and the document reader storage and import share.
//!
//! [`export_json`] writes the same shape (pretty-printed, every roadmap item in roadmap order,
//! including `"not_started"`, plus a human `note`); [`import_json`] reads both that and the
//! storage value, all-or-nothing: an error changes nothing.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::state::{ItemState, Progress, ProgressError};
use super::{FORMAT_VERSION, MAX_FILE_BYTES, PLAN_FORMAT_VERSION};
use crate::data::Roadmap;
use crate::format::{json_kind, shown};
use crate::plan::{self, Hours, Plan};

/// How many ids a notice lists before "and N more".
const LISTED_IDS: usize = 5;

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
pub(super) struct Document<'a> {
    pub(super) note: Option<&'static str>,
    pub(super) summary: Option<String>,
    pub(super) items: Vec<(&'a str, ItemState)>,
    pub(super) plan: &'a Plan,
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
pub(super) fn read_document(text: &str) -> Result<(Vec<(String, ItemState)>, Plan), ProgressError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ProgressError::FileTooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ProgressError::EmptyFile);
    }
    #[expect(
        clippy::disallowed_methods,
        reason = "into a Value, read field by field"
    )]
    let value: Value = serde_json::from_str(text).map_err(|err| ProgressError::NotJson {
        line: err.line(),
        column: err.column(),
    })?;
    let Value::Object(object) = value else {
        return Err(not_progress(format!(
            "it is {} instead of an object",
            json_kind(&value)
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
                json_kind(other)
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
                    json_kind(state)
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
                json_kind(value)
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
            json_kind(other)
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

/// The roadmap's items from `states`, and the ids (sorted) that are not in the roadmap and
/// carry a state other than not started.
pub(super) fn known_progress(
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

pub(super) fn count_items(n: usize) -> String {
    if n == 1 {
        "1 item".to_string()
    } else {
        format!("{n} items")
    }
}

/// `“a”, “b”, “c”, “d”, “e”, and 3 more`, each id cut for display.
pub(super) fn list_ids(ids: &[String]) -> String {
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
