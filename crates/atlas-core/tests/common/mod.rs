//! Helpers shared by the native integration tests (`mod common;`).
#![allow(dead_code)]
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

use std::sync::OnceLock;

use atlas_core::data::{self, Dataset};

/// The bundled dataset, parsed and validated once per test binary: the one loader of every
/// native test (62 KB of JSON is not re-parsed per call).
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        data::parse(include_str!("../../../../public/data/atlas.json"))
            .expect("the bundled dataset is valid")
    })
}

/// proptest's settings for a property of `cases` cases. A failure prints its minimal input;
/// no regression file is written into the repository.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    }
}

/// Runs `property` on `cases` inputs drawn from `strategy`, as `proptest!` does (a failure
/// panics with its shrunk input), for a test that then asserts something about all the cases
/// together (a rate, a count); the property records what it needs in `Cell`s it captures.
pub fn run_property<S>(
    cases: u32,
    strategy: S,
    property: impl Fn(S::Value) -> Result<(), proptest::test_runner::TestCaseError>,
) where
    S: proptest::strategy::Strategy,
{
    let mut runner = proptest::test_runner::TestRunner::new(proptest_config(cases));
    if let Err(error) = runner.run(&strategy, property) {
        panic!("{error}");
    }
}

/// The `<text>` boxes of an SVG drawing: (left, top, right, bottom, text), their width
/// estimated at 0.6 em a character.
pub fn text_boxes(svg: &str) -> Vec<(f64, f64, f64, f64, String)> {
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[at..].split('"').next()?.parse().ok()
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let (tag, after) = rest.split_once('>')?;
            let text = after.split("</text>").next()?.trim().to_owned();
            let (x, y, size) = (attr(tag, "x")?, attr(tag, "y")?, attr(tag, "font-size")?);
            let w = text.chars().count() as f64 * size * 0.6;
            let left = if tag.contains("text-anchor=\"end\"") {
                x - w
            } else if tag.contains("text-anchor=\"middle\"") {
                x - w / 2.0
            } else {
                x
            };
            // Plotters writes the baseline or a dy offset; a box of the font's height around y
            // is enough to tell rows apart.
            Some((left, y - size / 2.0, left + w, y + size / 2.0, text))
        })
        .collect()
}

/// No text runs past the canvas's edges and no two texts overlap.
pub fn assert_texts_fit(boxes: &[(f64, f64, f64, f64, String)], width: f64) {
    for b in boxes {
        assert!(b.0 >= 0.0 && b.2 <= width, "{:?} is clipped", b.4);
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "{:?} overlaps {:?}", a.4, b.4);
        }
    }
}

/// The share codes' alphabet (URL-safe base64), for building codes by hand.
pub const CODE_ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A progress code `body` with its check character, found by trying all 64 over the real
/// roadmap: exactly one passes the check.
pub fn with_check(body: &str) -> String {
    use atlas_core::progress::{decode, ProgressError};
    let r = &dataset().roadmap;
    let matching: Vec<String> = CODE_ALPHABET
        .chars()
        .map(|c| format!("{body}{c}"))
        .filter(|code| decode(code, r) != Err(ProgressError::CodeCheckFailed))
        .collect();
    assert_eq!(matching.len(), 1, "{body}: {matching:?}");
    matching.into_iter().next().unwrap_or_default()
}
