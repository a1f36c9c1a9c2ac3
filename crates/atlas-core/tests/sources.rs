#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The dataset against its five source documents: every salary band's row,
//! every published figure and every field shown or stored as the source's words must be found in
//! the document its record cites.
//!
//! The documents live outside the repository, in `../shared/sources/` next to it (see
//! `shared/sources/README.md`). Where that folder does not exist (a plain clone, CI) every test
//! here prints why and returns: it is a check of the data against the documents, not of the code.
//! Where the folder exists, every file a source names must be in it.
//!
//! # Normalisation
//!
//! Applied to the document and to the dataset text alike:
//! - every run of whitespace (newlines, tabs, no-break spaces) is one space, ends trimmed;
//! - a thousands separator goes: `$50,000` reads as `$50000` ("number formats"); `$150k` is
//!   150,000 where a figure is compared as a number;
//! - in dataset text only, ` [sic]` (after an obvious typo kept from the source) is dropped.
//!
//! Nothing else is forgiven: dashes (`-`, `–`, `—`), quotation marks, apostrophes (`'` vs `’`),
//! letter case and final full stops must be as the document prints them. A text must also start
//! and end on a boundary: it may not split a word or a number (a letter next to a digit counts
//! as a boundary, since the extracted tables glue cells together:
//! `Junior FastApi Developer0-2$50,000 - $70,000`).
//!
//! # What is checked (current data structure)
//!
//! - [`salary_bands_are_rows_of_their_documents`]: for every `salary_bands[i]`, some occurrence
//!   of `source_label` in the cited document is followed, within 40 characters and before the
//!   first `$`, by the years (`"0-2"` for `{min: 0, max: 2}`, `"8+"` for `{min: 8, max: null}`),
//!   and then by the salary cell, parsed to exactly `salary` (`$a - $b` = `range`, `$a+` =
//!   `open_range` without `stated_top`, `$a - $b+` = `open_range` with `stated_top: b`, `$a` =
//!   `point`); and the amounts in `quote` parse to `salary` too.
//! - [`published_figures_are_in_their_documents`]: `offer_stats.total_offers` (`Total: 571`),
//!   `median_expectation` (`Median Salary Expectations: $7,707`), `proposals` (`Proposals: 1`),
//!   `bucket_width` (`>= $5,000 and < $5,500`); each `averages[i].value` is the amount in its
//!   `quote`; `market_snapshot.salary` is the amounts of `salary_quote`, and
//!   `time_to_hire_weeks` the numbers of `time_to_hire_quote`.
//! - [`quoted_fields_are_verbatim`]: each field in [`quoted_fields`] is found in the document
//!   of its source. A field whose source has no file (`microsoft-aspnet`, `bls-oews-2025`) is
//!   listed as unchecked, not failed.
//! - [`offer_stats_quote_the_median_definition`]: the sentence the document gives as the
//!   definition of its "Median Salary Expectation" is held verbatim by an `offer_stats` field.
//! - [`resume_flag_keywords_are_the_flags_own_words`]: each `hiring.{green,yellow}_flags[i]
//!   .keywords[k]` occurs in that flag's own `text` (case-insensitive, whole words, `-` = space,
//!   as the resume check matches them).
//!
//! Not checked, because they are the dataset's own summaries by name and are shown as plain
//! text: `frameworks[i].summary`, `fastapi.top_related[i].summary`, `fastapi.used_for[i]`, `skills[i].summary`,
//! `sources[i].measures.note`, `offer_stats.period_note`; nor ids, levels, names of
//! technologies and frameworks, or the BLS figures (checked in `tests/oews.rs`).
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use atlas_core::data::{Dataset, SalaryBand, SalaryFigure, YearsRange};

// ---- the documents ----------------------------------------------------------------------------

/// `../shared/sources/`, next to the repository (this crate is `crates/atlas-core` in it).
fn sources_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../..")
        .join("shared")
        .join("sources")
}

/// The bundled dataset and, for each source id that names a file, the file's normalised text;
/// `None`, after printing why, when the folder is not there.
fn setup(test: &str) -> Option<(&'static Dataset, BTreeMap<String, String>)> {
    let dir = sources_dir();
    if !dir.is_dir() {
        println!(
            "{test}: skipped, {} does not exist (the five source documents are not next to the \
             repository), so the dataset is not checked against them",
            dir.display()
        );
        return None;
    }
    let dataset = common::dataset();
    let mut docs = BTreeMap::new();
    for source in &dataset.sources {
        let Some(file) = &source.file else { continue };
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "source {} names {}, which cannot be read: {e}",
                source.id,
                path.display()
            )
        });
        docs.insert(source.id.clone(), normalise(&text));
    }
    assert!(!docs.is_empty(), "no source names a file");
    Some((dataset, docs))
}

/// Whitespace runs to one space (ends trimmed) and thousands separators removed; nothing else.
fn normalise(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    let chars: Vec<char> = spaced.chars().collect();
    let mut out = String::with_capacity(spaced.len());
    for (i, &c) in chars.iter().enumerate() {
        let separator = c == ','
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|digits| digits.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        if !separator {
            out.push(c);
        }
    }
    out
}

/// Dataset text as searched: `[sic]` markers dropped, then [`normalise`]d.
fn normalise_quote(text: &str) -> String {
    normalise(&text.replace(" [sic]", ""))
}

/// Whether `a` and `b` belong to one word or one number: letters with letters, digits with
/// digits (a letter next to a digit is a boundary).
fn same_run(a: char, b: char) -> bool {
    (a.is_alphabetic() && b.is_alphabetic()) || (a.is_ascii_digit() && b.is_ascii_digit())
}

/// Byte offset of the first occurrence of `needle` in `doc` that splits no word or number.
fn find_bounded(doc: &str, needle: &str) -> Option<usize> {
    let first = needle.chars().next()?;
    let last = needle.chars().next_back()?;
    let mut from = 0;
    while let Some(pos) = doc[from..].find(needle) {
        let at = from + pos;
        let before = doc[..at].chars().next_back();
        let after = doc[at + needle.len()..].chars().next();
        if !before.is_some_and(|b| same_run(b, first)) && !after.is_some_and(|a| same_run(last, a))
        {
            return Some(at);
        }
        from = at + first.len_utf8();
    }
    None
}

// ---- numbers ----------------------------------------------------------------------------------

/// A dollar amount at the start of `s` (`$50000`, `$50,000`, `$150k`) and the text after it.
fn amount(s: &str) -> Option<(u32, &str)> {
    let rest = s.strip_prefix('$')?;
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(rest.len());
    let digits: String = rest[..end].chars().filter(char::is_ascii_digit).collect();
    let mut value: u32 = digits.parse().ok()?;
    let mut rest = &rest[end..];
    if let Some(after) = rest.strip_prefix(['k', 'K']) {
        value = value.checked_mul(1000)?;
        rest = after;
    }
    Some((value, rest))
}

/// A salary cell at the start of `s`, as a [`SalaryFigure`]: `$a - $b` a range, `$a - $b+` an
/// open range with a stated top, `$a+` an open range, `$a` a point.
fn figure(s: &str) -> Option<SalaryFigure> {
    let (first, rest) = amount(s)?;
    for separator in [" - ", " – ", "-", "–"] {
        if let Some((second, after)) = rest.strip_prefix(separator).and_then(amount) {
            return Some(if after.starts_with('+') {
                SalaryFigure::OpenRange {
                    min: first,
                    stated_top: Some(second),
                }
            } else {
                SalaryFigure::Range {
                    min: first,
                    max: second,
                }
            });
        }
    }
    Some(if rest.starts_with('+') {
        SalaryFigure::OpenRange {
            min: first,
            stated_top: None,
        }
    } else {
        SalaryFigure::Point { value: first }
    })
}

/// The salary figure of the first amount in `text` (after normalising), if any.
fn figure_in(text: &str) -> Option<SalaryFigure> {
    let text = normalise(text);
    figure(&text[text.find('$')?..])
}

/// How a document prints a years span: `"0-2"`, or `"8+"` when open.
fn years_token(years: &YearsRange) -> String {
    match years.max {
        Some(max) => format!("{}-{max}", years.min),
        None => format!("{}+", years.min),
    }
}

/// `"5-7 weeks"` -> `{min: 5, max: 7}`; `"8+"` -> `{min: 8, max: None}`.
fn leading_span(text: &str) -> Option<YearsRange> {
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let end = digits(text);
    let min: u8 = text[..end].parse().ok()?;
    let rest = &text[end..];
    if rest.starts_with('+') {
        return Some(YearsRange { min, max: None });
    }
    let rest = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–'))?;
    let max: u8 = rest[..digits(rest)].parse().ok()?;
    Some(YearsRange {
        min,
        max: Some(max),
    })
}

/// Whether `text` holds `token` not glued to other digits.
fn has_number_token(text: &str, token: &str) -> bool {
    text.match_indices(token).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + token.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Whether some occurrence of the band's label in `doc` is followed by its years and its
/// salary cell (the rules in the module docs).
fn row_matches(doc: &str, band: &SalaryBand) -> bool {
    let label = normalise(&band.source_label);
    let step = label.chars().next().map_or(1, char::len_utf8);
    let mut from = 0;
    while let Some(pos) = doc[from..].find(&label) {
        let at = from + pos;
        from = at + step;
        let rest = &doc[at + label.len()..];
        // "Senior" must not match the start of "Seniority".
        if rest.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let Some(dollar) = rest.find('$') else {
            continue;
        };
        let prefix = &rest[..dollar];
        if prefix.chars().count() <= 40
            // A band without years (the hiring guide's "Senior Salary (US)") has no token.
            && band
                .years
                .as_ref()
                .is_none_or(|years| has_number_token(prefix, &years_token(years)))
            && figure(&rest[dollar..]) == Some(band.salary)
        {
            return true;
        }
    }
    false
}

// ---- the fields -------------------------------------------------------------------------------

/// One dataset text that must be the source's words.
struct Field {
    path: String,
    text: String,
    source: String,
}

/// The fields collected so far.
#[derive(Default)]
struct Fields(Vec<Field>);

impl Fields {
    fn add(&mut self, path: String, text: &str, source: &str) {
        self.0.push(Field {
            path,
            text: text.to_owned(),
            source: source.to_owned(),
        });
    }
}

/// Every field the dataset names a quote, the UI shows in quotation marks, or the model
/// documents as a source's words ([`atlas_core::data::Claim`]: "One sentence or list item
/// from a source"), with the source it cites:
///
/// - named quote: `salary_bands[i].quote`, `averages[i].quote`,
///   `market_snapshot.{salary_quote,time_to_hire_quote}` (and `hiring_difficulty`, shown as
///   the guide's figure);
/// - shown in quotation marks: `salary_bands[i].source_label` and
///   `responsibilities[i].source_label` (`(“…”)`), `frameworks[i].async_notes[j].text` (card,
///   `— “…”`), `frameworks[i].{pros,cons,use_when}[j].text` (the chooser's `<q>`, "in the
///   sources' words"), `fastapi.facts[i].text` (`<q>`), `hiring.questions[i].question`
///   (`“…”`), `oews.footnotes[i].text` (`“…”`, BLS: no file, so unchecked);
/// - a source's words (Claims, code, lists taken as printed): `backend_duties[i].text`,
///   `backend_uses[i].text`, `frameworks[i].hello_world.code`, `fastapi.top_related[i].code`,
///   `responsibilities[i].items[j]`, `roadmap.stages[i].{duration_label,summary}`,
///   `roadmap.stages[i].items[j].text`, and every text of `hiring` (builds, profile, mistakes,
///   flag texts, terms, questions with both answers, use cases, FAQ).
fn quoted_fields(d: &Dataset) -> Vec<Field> {
    let mut out = Fields::default();
    for (i, b) in d.salary_bands.iter().enumerate() {
        out.add(format!("salary_bands[{i}].quote"), &b.quote, &b.source);
        out.add(
            format!("salary_bands[{i}].source_label"),
            &b.source_label,
            &b.source,
        );
    }
    for (i, a) in d.averages.iter().enumerate() {
        out.add(format!("averages[{i}].quote"), &a.quote, &a.source);
    }
    let m = &d.market_snapshot;
    for (name, text) in [
        ("salary_quote", &m.salary_quote),
        ("time_to_hire_quote", &m.time_to_hire_quote),
        ("hiring_difficulty", &m.hiring_difficulty),
    ] {
        out.add(format!("market_snapshot.{name}"), text, &m.source);
    }
    for (i, f) in d.frameworks.iter().enumerate() {
        for (j, note) in f.async_notes.iter().enumerate() {
            out.add(
                format!("frameworks[{i}].async_notes[{j}].text"),
                &note.text,
                &note.source,
            );
        }
        for (name, claims) in [
            ("pros", &f.pros),
            ("cons", &f.cons),
            ("use_when", &f.use_when),
        ] {
            for (j, c) in claims.iter().enumerate() {
                out.add(
                    format!("frameworks[{i}].{name}[{j}].text"),
                    &c.text,
                    &c.source,
                );
            }
        }
        if let Some(sample) = &f.hello_world {
            out.add(
                format!("frameworks[{i}].hello_world.code"),
                &sample.code,
                &sample.source,
            );
        }
    }
    for (i, c) in d.fastapi.facts.iter().enumerate() {
        out.add(format!("fastapi.facts[{i}].text"), &c.text, &c.source);
    }
    for (i, t) in d.fastapi.top_related.iter().enumerate() {
        if let Some(code) = &t.code {
            out.add(format!("fastapi.top_related[{i}].code"), code, &t.source);
        }
    }
    for (name, claims) in [
        ("backend_duties", &d.backend_duties),
        ("backend_uses", &d.backend_uses),
    ] {
        for (i, c) in claims.iter().enumerate() {
            out.add(format!("{name}[{i}].text"), &c.text, &c.source);
        }
    }
    if let Some(role) = &d.role {
        out.add("role.overview".to_owned(), &role.overview, &role.source);
        for (name, list) in [
            ("work_environment", &role.work_environment),
            ("frameworks", &role.frameworks),
        ] {
            for (i, text) in list.iter().enumerate() {
                out.add(format!("role.{name}[{i}]"), text, &role.source);
            }
        }
    }
    for (i, r) in d.responsibilities.iter().enumerate() {
        out.add(
            format!("responsibilities[{i}].source_label"),
            &r.source_label,
            &r.source,
        );
        for (j, item) in r.items.iter().enumerate() {
            out.add(format!("responsibilities[{i}].items[{j}]"), item, &r.source);
        }
    }
    let roadmap = &d.roadmap;
    for (i, s) in roadmap.stages.iter().enumerate() {
        let at = format!("roadmap.stages[{i}]");
        out.add(
            format!("{at}.duration_label"),
            &s.duration_label,
            &roadmap.source,
        );
        out.add(format!("{at}.summary"), &s.summary, &roadmap.source);
        for (j, item) in s.items.iter().enumerate() {
            out.add(format!("{at}.items[{j}].text"), &item.text, &roadmap.source);
        }
    }
    let h = &d.hiring;
    let hs = h.source.as_str();
    for (i, b) in h.builds.iter().enumerate() {
        out.add(format!("hiring.builds[{i}].title"), &b.title, hs);
        for (j, p) in b.points.iter().enumerate() {
            out.add(format!("hiring.builds[{i}].points[{j}]"), p, hs);
        }
    }
    for (i, p) in h.profile.iter().enumerate() {
        out.add(format!("hiring.profile[{i}].title"), &p.title, hs);
        for (j, point) in p.points.iter().enumerate() {
            out.add(format!("hiring.profile[{i}].points[{j}]"), point, hs);
        }
        if let Some(note) = &p.note {
            out.add(format!("hiring.profile[{i}].note"), note, hs);
        }
    }
    for (i, m) in h.mistakes.iter().enumerate() {
        out.add(format!("hiring.mistakes[{i}].title"), &m.title, hs);
        out.add(format!("hiring.mistakes[{i}].problem"), &m.problem, hs);
        out.add(format!("hiring.mistakes[{i}].fix"), &m.fix, hs);
    }
    for (name, flags) in [
        ("green_flags", &h.green_flags),
        ("yellow_flags", &h.yellow_flags),
    ] {
        for (i, f) in flags.iter().enumerate() {
            out.add(format!("hiring.{name}[{i}].text"), &f.text, hs);
        }
    }
    for (i, t) in h.terms.iter().enumerate() {
        out.add(format!("hiring.terms[{i}].term"), &t.term, hs);
        out.add(format!("hiring.terms[{i}].meaning"), &t.meaning, hs);
    }
    for (i, q) in h.questions.iter().enumerate() {
        out.add(format!("hiring.questions[{i}].question"), &q.question, hs);
        out.add(
            format!("hiring.questions[{i}].junior_answer"),
            &q.junior_answer,
            hs,
        );
        out.add(
            format!("hiring.questions[{i}].senior_answer"),
            &q.senior_answer,
            hs,
        );
    }
    for (i, u) in h.use_cases.iter().enumerate() {
        out.add(format!("hiring.use_cases[{i}].title"), &u.title, hs);
        out.add(format!("hiring.use_cases[{i}].priority"), &u.priority, hs);
        out.add(
            format!("hiring.use_cases[{i}].interview_focus"),
            &u.interview_focus,
            hs,
        );
        out.add(format!("hiring.use_cases[{i}].red_flag"), &u.red_flag, hs);
    }
    for (i, f) in h.faq.iter().enumerate() {
        if let Some(question) = &f.question {
            out.add(format!("hiring.faq[{i}].question"), question, hs);
        }
        out.add(format!("hiring.faq[{i}].answer"), &f.answer, hs);
    }
    if let Some(oews) = &d.oews {
        for (i, f) in oews.footnotes.iter().enumerate() {
            out.add(format!("oews.footnotes[{i}].text"), &f.text, &oews.source);
        }
    }
    out.0
}

/// Fails with every problem at once, one a line.
fn assert_none(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} {what}:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

// ---- the tests --------------------------------------------------------------------------------

#[test]
fn salary_bands_are_rows_of_their_documents() {
    let Some((d, docs)) = setup("salary_bands_are_rows_of_their_documents") else {
        return;
    };
    let mut problems = Vec::new();
    let mut checked = 0;
    for (i, band) in d.salary_bands.iter().enumerate() {
        let Some(doc) = docs.get(&band.source) else {
            println!(
                "salary_bands[{i}] ({}): source {} has no file",
                band.id, band.source
            );
            continue;
        };
        checked += 1;
        if !row_matches(doc, band) {
            problems.push(format!(
                "salary_bands[{i}] ({}): no “{}” followed by {} and {:?} in {}",
                band.id,
                band.source_label,
                band.years.as_ref().map_or("no years".into(), years_token),
                band.salary,
                band.source
            ));
        }
        if figure_in(&band.quote) != Some(band.salary) {
            problems.push(format!(
                "salary_bands[{i}].quote {:?} does not state {:?}",
                band.quote, band.salary
            ));
        }
    }
    assert!(checked > 0, "no salary band cites a source with a file");
    assert_none("salary band(s) not found as printed", &problems);
}

#[test]
fn published_figures_are_in_their_documents() {
    let Some((d, docs)) = setup("published_figures_are_in_their_documents") else {
        return;
    };
    let mut problems = Vec::new();

    let o = &d.offer_stats;
    let doc = docs
        .get(&o.source)
        .unwrap_or_else(|| panic!("offer_stats cites {}, which has no file", o.source));
    for needle in [
        format!("Total: {}", o.total_offers),
        format!("Median Salary Expectations: ${}", o.median_expectation),
        format!("Proposals: {}", o.proposals),
    ] {
        if find_bounded(doc, &needle).is_none() {
            problems.push(format!("offer_stats: “{needle}” not in {}", o.source));
        }
    }
    // "5k+ includes candidates with salaries >= $5,000 and < $5,500": the bucket width.
    let bucket = doc.find(">= $").and_then(|at| {
        let (low, rest) = amount(&doc[at + 3..])?;
        let (high, _) = amount(rest.strip_prefix(" and < ")?)?;
        high.checked_sub(low)
    });
    if bucket != Some(o.bucket_width) {
        problems.push(format!(
            "offer_stats.bucket_width {} is not the document's bucket ({bucket:?})",
            o.bucket_width
        ));
    }

    for (i, a) in d.averages.iter().enumerate() {
        if figure_in(&a.quote) != Some(SalaryFigure::Point { value: a.value }) {
            problems.push(format!(
                "averages[{i}].value {} is not the amount in its quote {:?}",
                a.value, a.quote
            ));
        }
    }

    let m = &d.market_snapshot;
    if figure_in(&m.salary_quote) != Some(m.salary) {
        problems.push(format!(
            "market_snapshot.salary {:?} is not its salary_quote {:?}",
            m.salary, m.salary_quote
        ));
    }
    if leading_span(&normalise(&m.time_to_hire_quote)) != Some(m.time_to_hire_weeks) {
        problems.push(format!(
            "market_snapshot.time_to_hire_weeks {:?} is not its time_to_hire_quote {:?}",
            m.time_to_hire_weeks, m.time_to_hire_quote
        ));
    }
    assert_none("published figure(s) not found", &problems);
}

#[test]
fn quoted_fields_are_verbatim() {
    let Some((d, docs)) = setup("quoted_fields_are_verbatim") else {
        return;
    };
    let mut problems = Vec::new();
    let mut unchecked = Vec::new();
    let fields = quoted_fields(d);
    for f in &fields {
        let Some(doc) = docs.get(&f.source) else {
            unchecked.push(format!("{} ({})", f.path, f.source));
            continue;
        };
        if find_bounded(doc, &normalise_quote(&f.text)).is_none() {
            problems.push(format!("{} [{}]: {:?}", f.path, f.source, f.text));
        }
    }
    if !unchecked.is_empty() {
        println!(
            "{} field(s) cite a source without a file and are not checked: {}",
            unchecked.len(),
            unchecked.join(", ")
        );
    }
    assert!(fields.len() > unchecked.len(), "nothing was checked");
    assert_none(
        "field(s) shown or stored as the source's words are not in the cited document",
        &problems,
    );
}

#[test]
fn offer_stats_quote_the_median_definition() {
    let Some((d, docs)) = setup("offer_stats_quote_the_median_definition") else {
        return;
    };
    let o = &d.offer_stats;
    let doc = docs
        .get(&o.source)
        .unwrap_or_else(|| panic!("offer_stats cites {}, which has no file", o.source));
    // The document's own sentence, from its term to the first full stop that ends a sentence.
    let start = doc
        .find("Median Salary Expectation –")
        .expect("the document defines its Median Salary Expectation");
    let end = doc[start..]
        .find(". ")
        .map_or(doc.len(), |at| start + at + 1);
    let definition = &doc[start..end];
    // The method is quoted sentence by sentence; the definition is one of them.
    let held = o.method.iter().any(|m| normalise_quote(m) == definition);
    assert!(
        held,
        "no offer_stats field holds the document's definition verbatim: {definition:?}"
    );
}

/// `keyword` in `text` as the resume check would match it: ASCII case-insensitive, whole
/// words, words separated by any run of spaces and hyphens.
fn keyword_in(text: &str, keyword: &str) -> bool {
    let words = |s: &str| -> String {
        s.to_ascii_lowercase()
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    find_bounded(&words(text), &words(keyword)).is_some()
}

#[test]
fn resume_flag_keywords_are_the_flags_own_words() {
    let Some((d, _docs)) = setup("resume_flag_keywords_are_the_flags_own_words") else {
        return;
    };
    let h = &d.hiring;
    let mut problems = Vec::new();
    for (name, flags) in [
        ("green_flags", &h.green_flags),
        ("yellow_flags", &h.yellow_flags),
    ] {
        for (i, flag) in flags.iter().enumerate() {
            // `app_keywords` (the app's own matching aids) are exempt.
            for (k, keyword) in flag.keywords.iter().enumerate() {
                if !keyword_in(&flag.text, keyword) {
                    problems.push(format!(
                        "hiring.{name}[{i}].keywords[{k}] {keyword:?} is not in the flag's text {:?}",
                        flag.text
                    ));
                }
            }
        }
    }
    assert_none("keyword(s) are not the flag's own words", &problems);
}

// ---- the helpers themselves (no documents needed) ---------------------------------------------

#[test]
fn normalising_and_finding() {
    assert_eq!(normalise("  a\n\tb\u{a0} c  "), "a b c");
    assert_eq!(
        normalise("$50,000 - $1,234,567 and 1,5 and 12,3456"),
        "$50000 - $1234567 and 1,5 and 12,3456"
    );
    assert_eq!(
        normalise_quote("Knowledge of orexperience [sic] with"),
        "Knowledge of orexperience with"
    );
    assert_eq!(find_bounded("Seniority Senior |", "Senior"), Some(10));
    assert_eq!(find_bounded("Proposals: 10", "Proposals: 1"), None);
    assert_eq!(find_bounded("Developer0-2$5", "Developer"), Some(0));
    assert_eq!(find_bounded("a framework", "work"), None);
}

#[test]
fn reading_figures() {
    use SalaryFigure::*;
    assert_eq!(
        figure("$50000 - $70000 x"),
        Some(Range {
            min: 50_000,
            max: 70_000
        })
    );
    assert_eq!(
        figure("$150k – $200k"),
        Some(Range {
            min: 150_000,
            max: 200_000
        })
    );
    assert_eq!(
        figure("$130000+"),
        Some(OpenRange {
            min: 130_000,
            stated_top: None
        })
    );
    assert_eq!(
        figure("$170000 - $220000+"),
        Some(OpenRange {
            min: 170_000,
            stated_top: Some(220_000)
        })
    );
    assert_eq!(figure("$50000 |"), Some(Point { value: 50_000 }));
    assert_eq!(figure("50000"), None);
    assert_eq!(
        leading_span("5-7 weeks"),
        Some(YearsRange {
            min: 5,
            max: Some(7)
        })
    );
    assert_eq!(
        leading_span("8+ years"),
        Some(YearsRange { min: 8, max: None })
    );
    assert!(has_number_token("| 0-2 years |", "0-2"));
    assert!(!has_number_token("10-25", "0-2"));
    assert!(keyword_in("Open source FastAPI projects", "open-source"));
    assert!(!keyword_in("Type hints in code samples", "typing"));
}
