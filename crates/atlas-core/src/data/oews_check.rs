//! Checks the OEWS data for what the decoder cannot: codes, names, the order of the
//! percentiles, footnotes that exist, and an occupation file that is the one asked for. Every
//! problem is returned with its JSON path, like the dataset's own validation.

use super::error::Problem;
use super::oews::*;
use super::path::Path;

/// Problems in the atlas's `oews` block. `source_ids`: the dataset's source ids.
pub(crate) fn release(r: &OewsRelease, source_ids: &[&str]) -> Vec<Problem> {
    let mut c = Check::default();
    let root = Path::root("oews");
    if !source_ids.contains(&r.source.as_str()) {
        c.report(
            &root.field("source"),
            format!("unknown source \"{}\" (not in sources)", r.source),
        );
    }
    for (field, value) in [
        ("release", &r.release),
        ("release_code", &r.release_code),
        ("published", &r.published),
        ("retrieved", &r.retrieved),
    ] {
        c.text(&root.field(field), value);
    }
    for (field, value) in [("published", &r.published), ("retrieved", &r.retrieved)] {
        if !is_iso_date(value) {
            c.report(
                &root.field(field),
                format!("\"{value}\" is not a date (YYYY-MM-DD)"),
            );
        }
    }
    for (i, f) in r.files.iter().enumerate() {
        let at = root.field("files").index(i);
        if !f.url.starts_with("https://") && !f.url.starts_with("http://") {
            c.report(&at.field("url"), "must be an http(s) address");
        }
        if !is_sha256(&f.sha256) {
            c.report(&at.field("sha256"), "must be 64 hexadecimal digits");
        }
    }
    if !is_sha256(&r.carrier.sha256) {
        c.report(
            &root.field("carrier").field("sha256"),
            "must be 64 hexadecimal digits",
        );
    }
    let mut codes: Vec<u8> = Vec::new();
    for (i, f) in r.footnotes.iter().enumerate() {
        let at = root.field("footnotes").index(i);
        c.text(&at.field("text"), &f.text);
        if codes.contains(&f.code) {
            c.report(
                &at.field("code"),
                format!("footnote {} is listed twice", f.code),
            );
        }
        codes.push(f.code);
    }
    if r.occupations.is_empty() {
        c.report(
            &root.field("occupations"),
            "must list at least one occupation",
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, o) in r.occupations.iter().enumerate() {
        let at = root.field("occupations").index(i);
        if !is_soc_code(&o.code) {
            c.report(
                &at.field("code"),
                format!("\"{}\" is not a SOC code like 15-1252", o.code),
            );
        }
        if seen.contains(&o.code.as_str()) {
            c.report(
                &at.field("code"),
                format!("occupation {} is listed twice", o.code),
            );
        }
        seen.push(&o.code);
        c.text(&at.field("name"), &o.name);
        c.figures(&at.field("national"), &o.national, &codes);
    }
    c.problems
}

/// Problems in an occupation file. `expected`: the SOC code the file was fetched for;
/// `footnotes`: the footnote codes the release explains.
pub fn area_file(f: &AreaFile, expected: &str, footnotes: &[u8]) -> Vec<Problem> {
    let mut c = Check::default();
    if f.format != OEWS_FORMAT {
        c.report(
            &Path::root("format"),
            format!("format {} is not {OEWS_FORMAT}", f.format),
        );
    }
    if f.occupation.code != expected {
        c.report(
            &Path::root("occupation").field("code"),
            format!(
                "the file is for occupation {}, not {expected}",
                f.occupation.code
            ),
        );
    }
    c.text(&Path::root("occupation").field("name"), &f.occupation.name);
    if f.areas.first().map(|a| a.kind) != Some(AreaKind::National) {
        c.report(&Path::root("areas"), "the nation must come first");
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, a) in f.areas.iter().enumerate() {
        let at = Path::root("areas").index(i);
        if !is_area_code(&a.code) {
            c.report(
                &at.field("code"),
                format!("\"{}\" is not a 7-digit BLS area code", a.code),
            );
        }
        if (a.kind == AreaKind::National) != (a.code == "0000000") {
            c.report(&at.field("kind"), "only area 0000000 is the nation");
        }
        if seen.contains(&a.code.as_str()) {
            c.report(
                &at.field("code"),
                format!("area {} is listed twice", a.code),
            );
        }
        seen.push(&a.code);
        c.text(&at.field("name"), &a.name);
        for (j, s) in a.states.iter().enumerate() {
            if !is_postal(s) {
                c.report(
                    &at.field("states").index(j),
                    format!("\"{s}\" is not a two-letter postal code"),
                );
            }
        }
        c.figures(&at, &a.figures, footnotes);
    }
    c.problems
}

/// Problems in the state map: at least one state, each with a name, codes and a ring of three
/// or more points inside the map.
pub fn states_map(m: &StatesMap) -> Vec<Problem> {
    let mut c = Check::default();
    if m.format != OEWS_FORMAT {
        c.report(
            &Path::root("format"),
            format!("format {} is not {OEWS_FORMAT}", m.format),
        );
    }
    if m.width <= 0.0 || m.height <= 0.0 {
        c.report(&Path::root("width"), "the map needs a width and a height");
    }
    if m.states.is_empty() {
        c.report(&Path::root("states"), "the map has no states");
    }
    for (i, s) in m.states.iter().enumerate() {
        let at = Path::root("states").index(i);
        c.text(&at.field("name"), &s.name);
        if !is_postal(&s.postal) {
            c.report(
                &at.field("postal"),
                format!("\"{}\" is not a postal code", s.postal),
            );
        }
        if !is_area_code(&s.area) || !s.area.starts_with(s.fips.as_str()) {
            c.report(
                &at.field("area"),
                format!("\"{}\" is not the area code of FIPS {}", s.area, s.fips),
            );
        }
        if s.rings.is_empty() || s.rings.iter().any(|r| r.len() < 3) {
            c.report(&at.field("rings"), "every ring needs three points or more");
        }
        let outside = s.rings.iter().flatten().any(|&(x, y)| {
            !(-m.width..=2.0 * m.width).contains(&x) || !(-m.height..=2.0 * m.height).contains(&y)
        });
        if outside {
            c.report(&at.field("rings"), "a point lies far outside the map");
        }
    }
    c.problems
}

#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
}

impl Check {
    fn report(&mut self, path: &Path, message: impl Into<String>) {
        self.problems.push(Problem::new(path.to_string(), message));
    }

    fn text(&mut self, path: &Path, value: &str) {
        if value.trim().is_empty() {
            self.report(path, "must not be empty");
        }
    }

    /// Percentiles in order wherever released, RSEs that read as BLS writes them, and every
    /// footnote one the release explains.
    fn figures(&mut self, path: &Path, f: &Figures, footnotes: &[u8]) {
        let points = [
            ("p10", f.p10),
            ("p25", f.p25),
            ("median", f.median),
            ("p75", f.p75),
            ("p90", f.p90),
        ];
        let mut last: Option<(&str, u32)> = None;
        for (name, value) in points {
            let Some(value) = value else { continue };
            if let Some((before, low)) = last {
                if value < low {
                    self.report(
                        &path.field(name),
                        format!("{name} {value} is below {before} {low}"),
                    );
                }
            }
            last = Some((name, value));
        }
        for (name, value) in [("emp_rse", &f.emp_rse), ("wage_rse", &f.wage_rse)] {
            if let Some(text) = value {
                if !is_percentage(text) {
                    self.report(&path.field(name), format!("\"{text}\" is not a percentage"));
                }
            }
        }
        for (field, code) in &f.notes {
            if !footnotes.is_empty() && !footnotes.contains(code) {
                self.report(
                    &path.field("notes"),
                    format!("{field} cites footnote {code}, which the release does not explain"),
                );
            }
            if !FIELDS.contains(&field.as_str()) {
                self.report(
                    &path.field("notes"),
                    format!("a note on an unknown field \"{field}\""),
                );
            }
        }
    }
}

/// The fields a footnote may qualify.
const FIELDS: [&str; 9] = [
    "emp", "emp_rse", "mean", "wage_rse", "p10", "p25", "median", "p75", "p90",
];

fn all_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

/// "15-1252".
pub fn is_soc_code(s: &str) -> bool {
    s.is_ascii()
        && s.len() == 7
        && all_digits(&s[..2], 2)
        && s.as_bytes()[2] == b'-'
        && all_digits(&s[3..], 4)
}

/// "0012420".
pub fn is_area_code(s: &str) -> bool {
    all_digits(s, 7)
}

/// BLS's RSE text: digits with at most one decimal point ("0.6", "18.6", "12").
fn is_percentage(s: &str) -> bool {
    let mut parts = s.split('.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
        && parts.next().is_none()
}

fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_postal(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    s.is_ascii()
        && s.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && all_digits(&s[..4], 4)
        && all_digits(&s[5..7], 2)
        && all_digits(&s[8..], 2)
}
