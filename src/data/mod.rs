//! The bundled dataset: serde types, parsing with precise errors, and validation.
//!
//! Pure: no leptos, no web_sys, no I/O. The app fetches the JSON text and hands it to
//! [`parse`]; everything that can be wrong with it comes back as one [`DataError`].

mod error;
pub mod model;
mod validate;

pub use error::{DataError, Problem};
pub use model::*;
pub use validate::validate;

/// Parses and validates dataset JSON. Returns every validation problem at once.
pub fn parse(text: &str) -> Result<Dataset, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::Empty);
    }
    // Check the version before the shape, so an old or future file says so instead of
    // failing on whichever field changed.
    if let Ok(probe) = serde_json::from_str::<VersionProbe>(text) {
        if probe.schema_version != Some(SCHEMA_VERSION) {
            return Err(DataError::UnsupportedVersion {
                found: probe.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
    }
    let dataset: Dataset = serde_json::from_str(text).map_err(DataError::from_json)?;
    let problems = validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(DataError::Invalid(problems))
    }
}

#[derive(serde::Deserialize)]
struct VersionProbe {
    schema_version: Option<u32>,
}
