//! Offers kept, exported and shared: the localStorage value, the JSON file and the share code.
//! All three carry the drafts as typed ([`Draft`]), so a field that does not parse yet is kept
//! too; a document that cannot be read is refused whole, with a sentence for the page.
//!
//! - Stored value, key [`STORAGE_KEY`]: `{"version":1,"offers":[{…draft…},…]}`. An unreadable
//!   value is handed back as [`StoredLoad::backup`], for the page to keep under [`BACKUP_KEY`]
//!   before anything overwrites it.
//! - Export file: the same document, pretty, with a human `note` (ignored when read).
//! - Share code ([`share_code`]): `1.` then the URL-safe base64 (no padding) of a JSON array
//!   holding one array of the twelve field texts per offer, in [`Draft`] field order. The figures
//!   are in the link itself: the page says so before it makes one.

use super::draft::Draft;
use crate::data::{is_area_code, Level};
use crate::format::json_kind;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;
use serde_json::Value;

/// localStorage key of the saved offers (`v1`: the storage format version).
pub const STORAGE_KEY: &str = "backend-atlas.offers.v1";
/// localStorage key where an unreadable saved value is kept.
pub const BACKUP_KEY: &str = "backend-atlas.offers.backup";
/// The `"version"` of stored values and export files.
pub const FORMAT_VERSION: u64 = 1;
/// At most this many offers are compared.
pub const MAX_OFFERS: usize = 4;
/// The longest text a field keeps.
pub const MAX_FIELD_CHARS: usize = 200;
const MAX_FILE_BYTES: usize = 100_000;
/// The longest share code read.
pub const MAX_CODE_CHARS: usize = 4_000;
const CODE_PREFIX: &str = "1.";

/// Everything that can be wrong with an import file, a share code or a stored value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OffersError {
    #[error("The file is empty. Choose an offers file exported from this page.")]
    EmptyFile,
    #[error("The file is {} KB; an offers file is at most 100 KB. Choose an offers file exported from this page.", .bytes / 1000)]
    FileTooLarge { bytes: usize },
    #[error("The file is not valid JSON (line {line}, column {column}). Choose an offers file exported from this page.")]
    NotJson { line: usize, column: usize },
    /// Valid JSON of the wrong shape; `detail` is a clause such as `it has no “offers” list`.
    #[error("The file is not a Backend Atlas offers file: {detail}.")]
    NotOffersFile { detail: String },
    #[error("The file has offers format version {found}; this app reads version 1. It may come from a newer version of Backend Atlas.")]
    UnsupportedVersion { found: String },
    #[error("The share link holds no offers code.")]
    EmptyCode,
    #[error("The share link's offers code is {chars} characters long; codes are at most 4,000. It was changed or is not from Backend Atlas.")]
    CodeTooLong { chars: usize },
    #[error("The share link's offers code has format “{found}”; this app reads format 1. It may come from a newer version of Backend Atlas.")]
    UnsupportedCode { found: String },
    /// Not base64, not JSON, or the wrong shape: the link was cut short or changed.
    #[error("The share link's offers code is damaged ({detail}). Ask for the link again.")]
    DamagedCode { detail: String },
}

impl OffersError {
    /// The reason as a clause for the storage notice.
    fn storage_reason(&self) -> String {
        match self {
            OffersError::NotJson { line, column } => {
                format!("it is not valid JSON: line {line}, column {column}")
            }
            OffersError::NotOffersFile { detail } => detail.clone(),
            OffersError::UnsupportedVersion { found } => {
                format!("it was saved in format version {found}, and this app reads version 1")
            }
            OffersError::FileTooLarge { .. } => "it is larger than 100 KB".to_owned(),
            other => other.to_string(),
        }
    }
}

fn not_offers(detail: impl Into<String>) -> OffersError {
    OffersError::NotOffersFile {
        detail: detail.into(),
    }
}

/// Checks what a form could not have produced: too many offers, texts too long, unknown
/// choices. Field texts themselves may still be wrong (they are checked at the field).
fn checked(drafts: Vec<Draft>) -> Result<Vec<Draft>, String> {
    if drafts.len() > MAX_OFFERS {
        return Err(format!(
            "it holds {} offers, and at most {MAX_OFFERS} are compared",
            drafts.len()
        ));
    }
    for (i, d) in drafts.iter().enumerate() {
        let n = i + 1;
        if d.texts()
            .iter()
            .any(|t| t.chars().count() > MAX_FIELD_CHARS)
        {
            return Err(format!(
                "offer {n} has a field longer than {MAX_FIELD_CHARS} characters"
            ));
        }
        if !(d.area.is_empty() || is_area_code(&d.area)) {
            return Err(format!(
                "offer {n} has “{}” as its location, which is not a BLS area code",
                d.area
            ));
        }
        if !d.level.is_empty() && Level::from_id(&d.level).is_none() {
            return Err(format!("offer {n} has the unknown level “{}”", d.level));
        }
        if !matches!(d.base_period.as_str(), "year" | "month") {
            return Err(format!(
                "offer {n}'s base period is “{}” instead of year or month",
                d.base_period
            ));
        }
        if !matches!(d.bonus_kind.as_str(), "percent" | "amount") {
            return Err(format!(
                "offer {n}'s bonus kind is “{}” instead of percent or amount",
                d.bonus_kind
            ));
        }
    }
    Ok(drafts)
}

#[derive(Serialize)]
struct Document<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'static str>,
    version: u64,
    offers: &'a [Draft],
}

/// Reads a stored value or an export file: `{"version":1,"offers":[…]}`, a `note` and other
/// top-level fields ignored, a UTF-8 byte-order mark allowed. All or nothing.
pub fn read_document(text: &str) -> Result<Vec<Draft>, OffersError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(OffersError::FileTooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(OffersError::EmptyFile);
    }
    #[expect(
        clippy::disallowed_methods,
        reason = "into a Value, read field by field"
    )]
    let value: Value = serde_json::from_str(text).map_err(|err| OffersError::NotJson {
        line: err.line(),
        column: err.column(),
    })?;
    let Value::Object(mut object) = value else {
        return Err(not_offers(format!(
            "it is {} instead of an object",
            json_kind(&value)
        )));
    };
    match object.get("version") {
        None => return Err(not_offers("it has no “version” field")),
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
        Some(other) => {
            return Err(OffersError::UnsupportedVersion {
                found: other.to_string().chars().take(20).collect(),
            })
        }
    }
    let offers = match object.remove("offers") {
        None => return Err(not_offers("it has no “offers” list")),
        Some(Value::Array(list)) => list,
        Some(other) => {
            return Err(not_offers(format!(
                "“offers” is {} instead of a list",
                json_kind(&other)
            )))
        }
    };
    let drafts = offers
        .into_iter()
        .enumerate()
        .map(|(i, v)| draft_from(v, i + 1))
        .collect::<Result<Vec<_>, _>>()
        .map_err(not_offers)?;
    checked(drafts).map_err(not_offers)
}

/// Offer `n` (from 1) from its JSON object: each field text (a missing one keeps the blank
/// offer's value), nothing else. Read by hand, as `data::decode` reads the dataset: serde's
/// derived reader would bring its own JSON deserializer into the page.
fn draft_from(value: Value, n: usize) -> Result<Draft, String> {
    let Value::Object(map) = value else {
        return Err(format!(
            "offer {n} is {} instead of an object",
            json_kind(&value)
        ));
    };
    let mut draft = Draft::default();
    for (name, value) in map {
        let shown: String = name.chars().take(40).collect();
        let Some(slot) = draft.field_mut(&name) else {
            return Err(format!("offer {n} has the unknown field “{shown}”"));
        };
        let Value::String(text) = value else {
            return Err(format!(
                "offer {n}'s “{shown}” is {} instead of text",
                json_kind(&value)
            ));
        };
        *slot = text;
    }
    Ok(draft)
}

/// The value to store under [`STORAGE_KEY`]: compact JSON.
pub fn to_stored(offers: &[Draft]) -> String {
    serde_json::to_string(&Document {
        note: None,
        version: FORMAT_VERSION,
        offers,
    })
    .unwrap_or_default()
}

/// The export file: pretty JSON with a note on what it is.
pub fn export_json(offers: &[Draft]) -> String {
    let mut text = serde_json::to_string_pretty(&Document {
        note: Some(
            "Backend Atlas job offers, as typed (amounts in US dollars). Import this file on the Offers page to restore them.",
        ),
        version: FORMAT_VERSION,
        offers,
    })
    .unwrap_or_default();
    text.push('\n');
    text
}

/// What [`load_stored`] made of the stored value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredLoad {
    pub offers: Vec<Draft>,
    /// A sentence for the page when the value could not be read.
    pub notice: Option<String>,
    /// The unreadable raw value, to keep under [`BACKUP_KEY`] before anything overwrites it.
    pub backup: Option<String>,
}

/// Reads the value under [`STORAGE_KEY`] (`None`: nothing stored). Never fails: an unreadable
/// value gives no offers, a notice saying why, and the value itself as `backup`.
pub fn load_stored(raw: Option<&str>) -> StoredLoad {
    let Some(raw) = raw.filter(|raw| !raw.trim().is_empty()) else {
        return StoredLoad::default();
    };
    match read_document(raw) {
        Ok(offers) => StoredLoad {
            offers,
            ..StoredLoad::default()
        },
        Err(err) => StoredLoad {
            offers: Vec::new(),
            notice: Some(format!(
                "Your saved offers could not be read ({}); they were kept under the backup key “{BACKUP_KEY}” and the comparison starts empty.",
                err.storage_reason()
            )),
            backup: Some(raw.to_owned()),
        },
    }
}

/// The share code of `offers` (module docs). Deterministic.
pub fn share_code(offers: &[Draft]) -> String {
    let rows: Vec<[&str; 12]> = offers.iter().map(Draft::texts).collect();
    let json = serde_json::to_string(&rows).unwrap_or_default();
    format!("{CODE_PREFIX}{}", URL_SAFE_NO_PAD.encode(json))
}

/// Reads a share code (all or nothing).
pub fn from_share_code(code: &str) -> Result<Vec<Draft>, OffersError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(OffersError::EmptyCode);
    }
    let chars = code.chars().count();
    if chars > MAX_CODE_CHARS {
        return Err(OffersError::CodeTooLong { chars });
    }
    let Some(body) = code.strip_prefix(CODE_PREFIX) else {
        let found: String = code
            .split('.')
            .next()
            .unwrap_or("")
            .chars()
            .take(8)
            .collect();
        return Err(OffersError::UnsupportedCode { found });
    };
    let damaged = |detail: &str| OffersError::DamagedCode {
        detail: detail.to_owned(),
    };
    let text = URL_SAFE_NO_PAD
        .decode(body)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| damaged("it is not in the code's alphabet or was cut short"))?;
    #[expect(
        clippy::disallowed_methods,
        reason = "into a Value, read field by field"
    )]
    let Ok(Value::Array(rows)) = serde_json::from_str::<Value>(&text) else {
        return Err(damaged("its content cannot be read"));
    };
    let drafts = rows
        .into_iter()
        .map(|row| {
            let texts: Option<Vec<String>> = match row {
                Value::Array(texts) if texts.len() == Draft::FIELDS.len() => texts
                    .into_iter()
                    .map(|t| match t {
                        Value::String(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => None,
            };
            let texts = texts.ok_or_else(|| damaged("an offer does not have its twelve fields"))?;
            let mut draft = Draft::default();
            for (name, text) in Draft::FIELDS.into_iter().zip(texts) {
                if let Some(slot) = draft.field_mut(name) {
                    *slot = text;
                }
            }
            Ok(draft)
        })
        .collect::<Result<Vec<_>, OffersError>>()?;
    if drafts.is_empty() {
        return Err(damaged("it holds no offer"));
    }
    checked(drafts).map_err(|detail| OffersError::DamagedCode { detail })
}
