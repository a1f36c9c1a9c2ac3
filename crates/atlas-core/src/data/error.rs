//! What can go wrong with the dataset, in words a reader of the error panel can act on.

use thiserror::Error;

/// One validation problem, with the JSON path it concerns (`salary_bands[3].salary.max`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum DataError {
    #[error("could not download the dataset from {url}: {message}")]
    Network { url: String, message: String },
    #[error("the server answered {status} for {url}")]
    Http { url: String, status: u16 },
    #[error("the dataset file is empty")]
    Empty,
    /// Not JSON at all, or cut off part-way (a truncated download).
    #[error("the dataset is not valid JSON (line {line}, column {column}): {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON of the wrong shape: a missing field, a wrong type, an unknown field. `path`
    /// is where (`salary_bands[3].salary.max`), empty for the top level.
    #[error(
        "the dataset does not match the expected shape{}: {message}",
        at_path(path)
    )]
    Shape { path: String, message: String },
    #[error("the dataset has {}, this app reads version {expected}", version_text(*found))]
    UnsupportedVersion { found: Option<u32>, expected: u32 },
    #[error("the dataset has {} problem(s)", .0.len())]
    Invalid(Vec<Problem>),
    /// The dataset is not the file this build ships, and the code that checks it (its own wasm
    /// chunk) could not be fetched.
    #[error("the dataset is not the one this version of the site was tested with, and the code that checks it could not be downloaded")]
    Unchecked,
}

impl DataError {
    /// A JSON syntax error: not JSON at all, or cut off part-way.
    pub(crate) fn from_json(err: serde_json::Error) -> Self {
        DataError::Syntax {
            line: err.line(),
            column: err.column(),
            message: err.to_string(),
        }
    }

    /// The individual problems to list under the headline (empty for single-cause errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            DataError::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

/// " at salary_bands[3]" for a shape error's headline; nothing at the top level.
fn at_path(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" at {path}")
    }
}

/// "schema version 2" or "no schema version".
fn version_text(found: Option<u32>) -> String {
    match found {
        Some(version) => format!("schema version {version}"),
        None => "no schema version".to_owned(),
    }
}
