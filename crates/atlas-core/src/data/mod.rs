//! The bundled dataset: model types, parsing with precise errors, and validation.
//!
//! Pure: no leptos, no web_sys, no I/O. The app fetches the JSON text and hands it to
//! [`parse`]; everything that can be wrong with it comes back as one [`DataError`].

mod decode;
mod error;
mod fingerprint;
pub mod model;
pub mod oews;
mod oews_check;
mod path;
mod validate;

pub use error::{DataError, Problem};

/// Identifier of a [`Source`] (for example `"upstaff-fastapi-2024"`). Here, not in `model`,
/// because the OEWS release (`oews`) names its source too and `model` holds the release.
pub type SourceId = String;

pub use fingerprint::{fingerprint, SHIPPED_DATASET};
pub use model::*;
pub use oews::*;
pub use oews_check::{is_area_code, is_soc_code};
pub use validate::validate;

/// Parses and validates dataset JSON. Returns every validation problem at once.
pub fn parse(text: &str) -> Result<Dataset, DataError> {
    let decoded = decode(text)?;
    check(&decoded.dataset)?;
    Ok(decoded.dataset)
}

/// A dataset read without its checks, and whether it is the file this build ships.
#[derive(Debug)]
pub struct Decoded {
    pub dataset: Dataset,
    /// Its fingerprint is [`SHIPPED_DATASET`]: the file the test suite validates, so the app
    /// need not run [`validate`] on it (fingerprint.rs says why).
    pub shipped: bool,
}

/// Parses dataset JSON into the model (syntax, version and shape errors), without [`validate`].
pub fn decode(text: &str) -> Result<Decoded, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::Empty);
    }
    // Parsed once into a tree (syntax errors get their line and column), then decoded by hand
    // (decode.rs says why not serde's derives).
    #[expect(
        clippy::disallowed_methods,
        reason = "into a Value, which data::decode reads"
    )]
    let value: serde_json::Value = serde_json::from_str(text).map_err(DataError::from_json)?;
    // Check the version before the shape, so an old or future file says so instead of
    // failing on whichever field changed.
    if let Some(found) = schema_version(&value) {
        if found != Some(SCHEMA_VERSION) {
            return Err(DataError::UnsupportedVersion {
                found,
                expected: SCHEMA_VERSION,
            });
        }
    }
    let dataset = decode::decode_dataset(&value)?;
    Ok(Decoded {
        dataset,
        shipped: fingerprint(&value) == SHIPPED_DATASET,
    })
}

/// Every validation problem of a decoded dataset, as one error.
pub fn check(dataset: &Dataset) -> Result<(), DataError> {
    let problems = validate(dataset);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DataError::Invalid(problems))
    }
}

/// Parses and checks an OEWS occupation file fetched for `occupation` (a SOC code);
/// `footnotes`: the footnote codes the release in the dataset explains.
pub fn parse_area_file(
    text: &str,
    occupation: &str,
    footnotes: &[u8],
) -> Result<AreaFile, DataError> {
    let value = parse_json(text)?;
    let file = decode::decode_area_file(&value)?;
    let problems = oews_check::area_file(&file, occupation, footnotes);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(DataError::Invalid(problems))
    }
}

/// Parses and checks the OEWS state map.
pub fn parse_states_map(text: &str) -> Result<StatesMap, DataError> {
    let value = parse_json(text)?;
    let map = decode::decode_states_map(&value)?;
    let problems = oews_check::states_map(&map);
    if problems.is_empty() {
        Ok(map)
    } else {
        Err(DataError::Invalid(problems))
    }
}

#[expect(
    clippy::disallowed_methods,
    reason = "into a Value, which data::decode reads"
)]
fn parse_json(text: &str) -> Result<serde_json::Value, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::Empty);
    }
    serde_json::from_str(text).map_err(DataError::from_json)
}

/// The top-level `schema_version` when it can be read: `Some(None)` when it is missing or
/// null, `None` when the file is not an object or the field is not a u32 (the shape error then
/// says what is wrong).
fn schema_version(value: &serde_json::Value) -> Option<Option<u32>> {
    match value.as_object()?.get("schema_version") {
        None | Some(serde_json::Value::Null) => Some(None),
        Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()).map(Some),
    }
}
