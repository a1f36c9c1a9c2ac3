//! The Frameworks page's view model: language and async filters, sorting, the side-by-side
//! comparison table, the "Which should I choose?" chooser and the first-release timeline.
//!
//! Pure (no leptos, web-sys or gloo), so everything the page shows is tested natively
//! (`tests/frameworks.rs`). The URL state lives in [`crate::query::frameworks`], which uses this
//! module (never the other way round). Case-insensitive orders and language ids take the
//! platform's [`Lowercase`].
//!
//! Nothing here writes a fact of its own: every text a comparison cell, a recommendation or a
//! timeline entry shows is a dataset field or [`Claim`], with its source id. Missing facts are
//! shown as [`NOT_STATED`], never guessed.
//!
//! # The page in terms of this API
//!
//! - Cards: [`crate::query::frameworks::visible`] (filtered by `lang=` / `async=`, sorted by
//!   `sort=`).
//! - Filter controls: [`languages`] (the `lang=` values), [`ASYNC_ALL`] with [`async_id`] /
//!   [`async_label`] (the `async=` values), [`SortKey::ALL`] (the `sort=` values).
//! - Comparison: [`crate::query::frameworks::compared`] (the `compare=` frameworks, in URL
//!   order) then [`compare_rows`].
//! - Chooser: [`QUESTIONS`] (render one radio group each), [`Answers`], then [`recommend`];
//!   [`SCORING_RULES`] is the public scoring table (show it under "How is this scored?").
//! - Timeline: [`timeline`].

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::charts::timeline::{TimelineChart, TimelinePoint};
use crate::data::{AsyncSupport, Claim, Dataset, Framework, FrameworkKind, SourceId, Technology};
use crate::small_sort::sort_by_cached_key;
use crate::Lowercase;

/// What a comparison cell says when the dataset has nothing for it.
pub const NOT_STATED: &str = "Not stated in the sources";

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

/// URL-safe id of a language name: lowercased words joined by `-`; `#` reads as "sharp" and
/// `+` as "plus", so `"C#"` -> `"c-sharp"`, `"C++"` -> `"c-plus-plus"`, `"JavaScript"` ->
/// `"javascript"`, `".NET"` -> `"net"`, `"Ünïcode"` -> `"ünïcode"`. Other characters separate
/// words.
pub fn slugify(name: &str, lowercase: Lowercase) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            words.push(lowercase(&std::mem::take(&mut word)));
        }
        match c {
            '#' => words.push("sharp".into()),
            '+' => words.push("plus".into()),
            _ => {}
        }
    }
    if !word.is_empty() {
        words.push(lowercase(&word));
    }
    words.join("-")
}

/// The language names a framework's `language` field lists: `"Java, Scala"` -> `["Java",
/// "Scala"]` (split on `,` and `/`, trimmed, empty parts dropped).
pub fn language_names(fw: &Framework) -> Vec<&str> {
    fw.language
        .split([',', '/'])
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .collect()
}

/// Every language the frameworks are written in, as `(id, label)`, once each, in order of
/// first appearance in the dataset (so the dataset's focus, Python, comes first). The ids are
/// the `lang=` URL values; a framework listing several languages counts for each.
///
/// With the bundled dataset: python, javascript, java, php, ruby, c-sharp, scala.
pub fn languages(fws: &[Framework], lowercase: Lowercase) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for name in fws.iter().flat_map(language_names) {
        let id = slugify(name, lowercase);
        if !id.is_empty() && !out.iter().any(|(known, _)| *known == id) {
            out.push((id, name.to_owned()));
        }
    }
    out
}

/// Whether `fw` is written in the language with id `lang_id` (see [`languages`]).
/// `"Java, Scala"` matches both `java` and `scala`; `java` does not match `javascript`.
pub fn matches_language(fw: &Framework, lang_id: &str, lowercase: Lowercase) -> bool {
    language_names(fw)
        .into_iter()
        .any(|name| slugify(name, lowercase) == lang_id)
}

// ---------------------------------------------------------------------------------------------
// Async support
// ---------------------------------------------------------------------------------------------

/// Every [`AsyncSupport`] value, in the order the `async=` filter lists them.
pub const ASYNC_ALL: [AsyncSupport; 4] = [
    AsyncSupport::Native,
    AsyncSupport::No,
    AsyncSupport::SourcesDiffer,
    AsyncSupport::Unknown,
];

/// The `async=` URL value: `native`, `no`, `sources_differ` or `unknown` (the dataset's own
/// names).
#[inline]
pub fn async_id(support: AsyncSupport) -> &'static str {
    match support {
        AsyncSupport::Native => "native",
        AsyncSupport::No => "no",
        AsyncSupport::SourcesDiffer => "sources_differ",
        AsyncSupport::Unknown => "unknown",
    }
}

/// Inverse of [`async_id`], ASCII case-insensitive, surrounding spaces ignored.
pub fn async_from_id(id: &str) -> Option<AsyncSupport> {
    let id = id.trim();
    ASYNC_ALL
        .into_iter()
        .find(|&support| async_id(support).eq_ignore_ascii_case(id))
}

/// Short label for filters, badges and the comparison table. It restates the dataset's
/// classification, which is itself taken from the framework's `async_notes` claims.
#[inline]
pub fn async_label(support: AsyncSupport) -> &'static str {
    match support {
        AsyncSupport::Native => "Built for async",
        AsyncSupport::No => "Synchronous",
        AsyncSupport::SourcesDiffer => "The sources differ",
        AsyncSupport::Unknown => NOT_STATED,
    }
}

// ---------------------------------------------------------------------------------------------
// Sorting
// ---------------------------------------------------------------------------------------------

/// How the cards are ordered (`sort=` in the URL; [`SortKey::Stated`] is the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// FastAPI first (the product's focus), then the frameworks the sources state most about
    /// ([`stated_count`]), then name: the page opens on full cards, not on empty ones.
    #[default]
    Stated,
    /// By name, case-insensitive.
    Name,
    /// By the `language` field as written ("Java, Scala" sorts under J), then name.
    Language,
    /// By first release year, oldest first; frameworks without a year last; then name.
    Year,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Stated,
        SortKey::Name,
        SortKey::Language,
        SortKey::Year,
    ];

    /// The `sort=` URL value.
    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            SortKey::Stated => "stated",
            SortKey::Name => "name",
            SortKey::Language => "language",
            SortKey::Year => "year",
        }
    }

    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Stated => "Most stated in the sources",
            SortKey::Name => "Name",
            SortKey::Language => "Language",
            SortKey::Year => "First release",
        }
    }

    /// ASCII case-insensitive, surrounding spaces ignored.
    pub fn from_id(id: &str) -> Option<SortKey> {
        let id = id.trim();
        SortKey::ALL
            .into_iter()
            .find(|key| key.id().eq_ignore_ascii_case(id))
    }
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Error of [`SortKey::from_str`]: the value is not `stated`, `name`, `language` or `year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSortKey;

impl FromStr for SortKey {
    type Err = UnknownSortKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SortKey::from_id(s).ok_or(UnknownSortKey)
    }
}

/// The framework the product is about: first in the default order.
pub const FOCUS: &str = "fastapi";

/// How many things the sources state about `fw`: its pros, cons, "use it when" lines and async
/// quotes, and its first release, creator and hello-world code when given.
pub fn stated_count(fw: &Framework) -> usize {
    fw.pros.len()
        + fw.cons.len()
        + fw.use_when.len()
        + fw.async_notes.len()
        + usize::from(fw.first_release.is_some())
        + usize::from(fw.creator.is_some())
        + usize::from(fw.hello_world.is_some())
}

/// What the sources do not state about `fw`, as the card names it in one line ("first
/// release", "pros", …), in card order. The card shows only what is stated, then this once.
pub fn not_stated(fw: &Framework) -> Vec<&'static str> {
    [
        (fw.first_release.is_none(), "first release"),
        (fw.creator.is_none(), "creator"),
        (fw.async_support == AsyncSupport::Unknown, "async support"),
        (fw.pros.is_empty(), "pros"),
        (fw.cons.is_empty(), "cons"),
        (fw.use_when.is_empty(), "when to use it"),
    ]
    .into_iter()
    .filter_map(|(missing, what)| missing.then_some(what))
    .collect()
}

/// `fws` ordered by `key`. Stable: ties keep dataset order after the documented tie-breaks
/// (name, case-insensitive). Year sort puts frameworks with an unknown year last.
pub fn sorted(fws: &[Framework], key: SortKey, lowercase: Lowercase) -> Vec<&Framework> {
    let mut out: Vec<&Framework> = fws.iter().collect();
    let name = |fw: &Framework| lowercase(&fw.name);
    match key {
        SortKey::Stated => sort_by_cached_key(&mut out, |fw| {
            (fw.id != FOCUS, usize::MAX - stated_count(fw), name(fw))
        }),
        SortKey::Name => sort_by_cached_key(&mut out, |fw| name(fw)),
        SortKey::Language => sort_by_cached_key(&mut out, |fw| (lowercase(&fw.language), name(fw))),
        // `None` sorts before `Some` in `Option`'s order, hence the explicit flag.
        SortKey::Year => sort_by_cached_key(&mut out, |fw| {
            (fw.first_release.is_none(), fw.first_release, name(fw))
        }),
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Comparison table
// ---------------------------------------------------------------------------------------------

/// One line of a comparison cell: text from the dataset and the id of its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellLine {
    pub text: String,
    /// `None` only on the [`NOT_STATED`] placeholder.
    pub source: Option<SourceId>,
}

/// One framework's entry in a comparison row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// What to show, one item per line (pros, cons and "best for" are lists). A missing fact
    /// is a single line reading [`NOT_STATED`] with no source. In the `code` row the one line
    /// is the whole sample (it contains newlines; render it in a `<pre>`).
    pub lines: Vec<CellLine>,
    /// `false` when the dataset has nothing for this cell.
    pub stated: bool,
}

impl Cell {
    fn not_stated() -> Cell {
        Cell {
            lines: vec![CellLine {
                text: NOT_STATED.to_owned(),
                source: None,
            }],
            stated: false,
        }
    }

    fn one(text: impl Into<String>, source: Option<&SourceId>) -> Cell {
        Cell {
            lines: vec![CellLine {
                text: text.into(),
                source: source.cloned(),
            }],
            stated: true,
        }
    }

    fn claims(claims: &[Claim]) -> Cell {
        if claims.is_empty() {
            return Cell::not_stated();
        }
        Cell {
            lines: claims
                .iter()
                .map(|c| CellLine {
                    text: c.text.clone(),
                    source: Some(c.source.clone()),
                })
                .collect(),
            stated: true,
        }
    }

    /// The cell's source ids, once each, in line order.
    pub fn sources(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for id in self.lines.iter().filter_map(|l| l.source.as_deref()) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    fn texts(&self) -> Vec<&str> {
        self.lines.iter().map(|l| l.text.as_str()).collect()
    }
}

/// One row of the comparison table: a label and one [`Cell`] per compared framework, in the
/// order they were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareRow {
    /// Stable id, usable as a CSS class or test hook: `language`, `year`, `creator`,
    /// `async`, `kind`, `pros`, `cons`, `best_for`, `code` (see [`ROW_KEYS`]).
    pub key: &'static str,
    /// Row heading shown to the reader.
    pub label: &'static str,
    pub cells: Vec<Cell>,
    /// Whether the frameworks differ in this row (highlight it). Text rows compare the cells'
    /// texts (sources ignored; two "not stated" cells are equal); the `async` row compares
    /// the [`AsyncSupport`] classification, so two async-first frameworks whose notes are
    /// worded differently do not differ. Always `false` with fewer than two frameworks.
    pub differs: bool,
}

/// The comparison rows, in display order.
///
/// `kind` is the "style" row: the sources give no style field, so it shows each
/// framework's one-line summary claim (what it is: "lightweight WSGI web application
/// framework", "high-level ... follows the MVT architecture", "JavaScript runtime").
pub const ROW_KEYS: [&str; 9] = [
    "language", "year", "creator", "async", "kind", "pros", "cons", "best_for", "code",
];

fn row_label(key: &str) -> &'static str {
    match key {
        "language" => "Language",
        "year" => "First release",
        "creator" => "Creator",
        "async" => "Async support",
        "kind" => "What it is",
        "pros" => "Pros",
        "cons" => "Cons",
        "best_for" => "Best for",
        "code" => "Hello world",
        _ => "",
    }
}

fn cell(key: &str, fw: &Framework) -> Cell {
    match key {
        "language" => Cell::one(&fw.language, Some(&fw.language_source)),
        "year" => fw.first_release.map_or_else(Cell::not_stated, |year| {
            Cell::one(year.to_string(), fw.facts_source.as_ref())
        }),
        "creator" => fw
            .creator
            .as_ref()
            .map_or_else(Cell::not_stated, |creator| {
                Cell::one(creator, fw.facts_source.as_ref())
            }),
        "async" => match (fw.async_support, fw.async_notes.first()) {
            (AsyncSupport::Unknown, _) => Cell::not_stated(),
            // The label is the dataset's classification of the notes, so it shares the first
            // note's source; then each note with its own.
            (support, Some(first)) => Cell {
                lines: std::iter::once(CellLine {
                    text: async_label(support).to_owned(),
                    source: Some(first.source.clone()),
                })
                .chain(fw.async_notes.iter().map(|note| CellLine {
                    text: note.text.clone(),
                    source: Some(note.source.clone()),
                }))
                .collect(),
                stated: true,
            },
            (support, None) => Cell::one(async_label(support), None),
        },
        "kind" => Cell::one(&fw.summary.text, Some(&fw.summary.source)),
        "pros" => Cell::claims(&fw.pros),
        "cons" => Cell::claims(&fw.cons),
        "best_for" => Cell::claims(&fw.use_when),
        "code" => fw
            .hello_world
            .as_ref()
            .map_or_else(Cell::not_stated, |sample| {
                Cell::one(&sample.code, Some(&sample.source))
            }),
        _ => Cell::not_stated(),
    }
}

/// The comparison table for `fws` (usually 2 to 4, in the order the reader picked them; any
/// number works). One [`CompareRow`] per [`ROW_KEYS`] entry.
pub fn compare_rows(fws: &[&Framework]) -> Vec<CompareRow> {
    ROW_KEYS
        .into_iter()
        .map(|key| {
            let cells: Vec<Cell> = fws.iter().map(|fw| cell(key, fw)).collect();
            let differs = if key == "async" {
                fws.windows(2)
                    .any(|pair| pair[0].async_support != pair[1].async_support)
            } else {
                cells
                    .windows(2)
                    .any(|pair| pair[0].texts() != pair[1].texts())
            };
            CompareRow {
                key,
                label: row_label(key),
                cells,
                differs,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Chooser: "Which should I choose?"
// ---------------------------------------------------------------------------------------------

/// One chooser question. `id` is also its URL parameter (`q1=apis`); option ids are the
/// values. Render one radio group per question; every question may stay unanswered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChooserQuestion {
    /// `q1` .. `q4`.
    pub id: &'static str,
    /// What it asks about, one word (`scope`, `async`, `docs`, `flexibility`).
    pub topic: &'static str,
    pub text: &'static str,
    /// `(option id, label)`, in display order.
    pub options: &'static [(&'static str, &'static str)],
}

/// The four questions, drawn from the sources' "use X when" guidance.
pub const QUESTIONS: [ChooserQuestion; 4] = [
    ChooserQuestion {
        id: "q1",
        topic: "scope",
        text: "What are you building?",
        options: &[
            ("apis", "APIs only"),
            ("fullstack_admin", "A full-stack app with an admin panel"),
        ],
    },
    ChooserQuestion {
        id: "q2",
        topic: "async",
        text: "Do you need async and high concurrency?",
        options: &[("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")],
    },
    ChooserQuestion {
        id: "q3",
        topic: "docs",
        text: "Do you want automatic API docs?",
        options: &[("yes", "Yes"), ("no", "No")],
    },
    ChooserQuestion {
        id: "q4",
        topic: "flexibility",
        text: "What does your team prefer?",
        options: &[
            ("max", "Maximum flexibility"),
            ("conventions", "Batteries included and conventions"),
        ],
    },
];

/// The question with id `id` (exact, e.g. `"q2"`).
pub fn question(id: &str) -> Option<&'static ChooserQuestion> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// The reader's chooser answers: at most one option per question, only ids from
/// [`QUESTIONS`] (so an `Answers` value is always valid and always writable to the URL).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    chosen: BTreeMap<&'static str, &'static str>,
}

impl Answers {
    /// The option chosen for `question` (`"q1"`..), if any.
    pub fn get(&self, question: &str) -> Option<&'static str> {
        self.chosen.get(question).copied()
    }

    /// Chooses `option` for `question`, replacing any earlier choice. Ids are matched ASCII
    /// case-insensitively. Returns `false` (and changes nothing) when either is unknown.
    pub fn set(&mut self, question: &str, option: &str) -> bool {
        let option = option.trim();
        let Some(q) = QUESTIONS
            .iter()
            .find(|q| q.id.eq_ignore_ascii_case(question.trim()))
        else {
            return false;
        };
        let Some(&(option_id, _)) = q
            .options
            .iter()
            .find(|(id, _)| id.eq_ignore_ascii_case(option))
        else {
            return false;
        };
        self.chosen.insert(q.id, option_id);
        true
    }

    /// `self` with `option` chosen for `question` (unknown ids leave it unchanged).
    pub fn with(mut self, question: &str, option: &str) -> Answers {
        self.set(question, option);
        self
    }

    /// Forgets the answer to `question`.
    pub fn clear(&mut self, question: &str) {
        self.chosen.remove(question);
    }

    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }

    /// `(question id, option id)` pairs in question order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        QUESTIONS
            .iter()
            .filter_map(|q| self.get(q.id).map(|option| (q.id, option)))
    }
}

/// Which of a framework's claim lists a [`ScoringRule`] searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimList {
    /// The sources' "use X when" guidance ([`Framework::use_when`]).
    UseWhen,
    Pros,
    Cons,
}

impl ClaimList {
    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            ClaimList::UseWhen => "Use when",
            ClaimList::Pros => "Pros",
            ClaimList::Cons => "Cons",
        }
    }

    fn of(self, fw: &Framework) -> &[Claim] {
        match self {
            ClaimList::UseWhen => &fw.use_when,
            ClaimList::Pros => &fw.pros,
            ClaimList::Cons => &fw.cons,
        }
    }
}

/// One line of the scoring table: when the reader answered `question` = `option`, every
/// framework with a claim in `list` containing `phrase` (ASCII case-insensitive) gets
/// `points`; that claim is quoted as a reason (or, for negative points, as a caution).
/// A rule whose phrase is in no claim contributes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoringRule {
    pub question: &'static str,
    pub option: &'static str,
    pub list: ClaimList,
    pub phrase: &'static str,
    pub points: i32,
}

const fn rule(
    question: &'static str,
    option: &'static str,
    list: ClaimList,
    phrase: &'static str,
    points: i32,
) -> ScoringRule {
    ScoringRule {
        question,
        option,
        list,
        phrase,
        points,
    }
}

/// The chooser's whole scoring table. Phrases are the sources' own words, so a framework
/// scores only where a source says so; "use when" guidance weighs 3, a pro 1 or 2, a con
/// against the answer -2. Answers without a rule (`q2=no`, `q2=unsure`, `q3=no`) add
/// nothing: the sources give no guidance for them.
///
/// | answer            | list     | phrase                          | points | in (bundled data) |
/// |-------------------|----------|---------------------------------|--------|-------------------|
/// | q1=apis           | use when | "APIs only"                     | +3     | FastAPI           |
/// | q1=apis           | use when | "simple APIs"                   | +2     | Flask             |
/// | q1=apis           | pros     | "API-focused"                   | +1     | FastAPI           |
/// | q1=fullstack_admin| use when | "admin panels"                  | +3     | Django            |
/// | q1=fullstack_admin| pros     | "admin interfaces"              | +1     | Django            |
/// | q2=yes            | use when | "async support"                 | +3     | FastAPI           |
/// | q2=yes            | pros     | "asynchronous request handling" | +2     | Sanic             |
/// | q2=yes            | pros     | "async and await"               | +1     | Sanic             |
/// | q2=yes            | cons     | "Not asynchronous"              | -2     | Flask             |
/// | q3=yes            | use when | "automatic docs"                | +3     | FastAPI           |
/// | q3=yes            | pros     | "Auto-generated docs"           | +2     | FastAPI           |
/// | q4=max            | use when | "maximum flexibility"           | +3     | Flask             |
/// | q4=max            | pros     | "Highly flexible"               | +1     | Flask             |
/// | q4=max            | cons     | "less flexible"                 | -2     | Django            |
/// | q4=conventions    | pros     | "Batteries-included"            | +2     | Django            |
#[rustfmt::skip]
pub static SCORING_RULES: [ScoringRule; 15] = [
    rule("q1", "apis",            ClaimList::UseWhen, "APIs only",                      3),
    rule("q1", "apis",            ClaimList::UseWhen, "simple APIs",                    2),
    rule("q1", "apis",            ClaimList::Pros,    "API-focused",                    1),
    rule("q1", "fullstack_admin", ClaimList::UseWhen, "admin panels",                   3),
    rule("q1", "fullstack_admin", ClaimList::Pros,    "admin interfaces",               1),
    rule("q2", "yes",             ClaimList::UseWhen, "async support",                  3),
    rule("q2", "yes",             ClaimList::Pros,    "asynchronous request handling",  2),
    rule("q2", "yes",             ClaimList::Pros,    "async and await",                1),
    rule("q2", "yes",             ClaimList::Cons,    "Not asynchronous",              -2),
    rule("q3", "yes",             ClaimList::UseWhen, "automatic docs",                 3),
    rule("q3", "yes",             ClaimList::Pros,    "Auto-generated docs",            2),
    rule("q4", "max",             ClaimList::UseWhen, "maximum flexibility",            3),
    rule("q4", "max",             ClaimList::Pros,    "Highly flexible",                1),
    rule("q4", "max",             ClaimList::Cons,    "less flexible",                 -2),
    rule("q4", "conventions",     ClaimList::Pros,    "Batteries-included",             2),
];

/// The first claim in `fw`'s `rule.list` containing `rule.phrase` (ASCII case-insensitive).
pub fn rule_claim<'a>(rule: &ScoringRule, fw: &'a Framework) -> Option<&'a Claim> {
    let phrase = rule.phrase.to_ascii_lowercase();
    rule.list
        .of(fw)
        .iter()
        .find(|claim| claim.text.to_ascii_lowercase().contains(&phrase))
}

/// A rule that applied to a framework, with the claim it matched (quoted verbatim).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleHit {
    pub rule: &'static ScoringRule,
    pub claim: Claim,
}

/// How one framework scored against the answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub framework_id: String,
    pub name: String,
    /// Sum of the hits' points.
    pub score: i32,
    /// Every rule that applied, in [`SCORING_RULES`] order.
    pub hits: Vec<RuleHit>,
}

impl Candidate {
    /// The claims behind positive points, once each, in rule order.
    pub fn reasons(&self) -> Vec<Claim> {
        self.claims(|points| points > 0)
    }

    /// The claims behind negative points (cons that go against an answer), once each.
    pub fn cautions(&self) -> Vec<Claim> {
        self.claims(|points| points < 0)
    }

    fn claims(&self, keep: impl Fn(i32) -> bool) -> Vec<Claim> {
        let mut out: Vec<Claim> = Vec::new();
        for hit in self.hits.iter().filter(|hit| keep(hit.rule.points)) {
            if !out.contains(&hit.claim) {
                out.push(hit.claim.clone());
            }
        }
        out
    }
}

/// The chooser's answer: the best-scoring framework with the sources' words for why.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub framework_id: String,
    pub name: String,
    pub score: i32,
    /// Quoted verbatim from its "use when" and pros claims, with their sources, in rule
    /// (= question) order; never empty.
    pub reasons: Vec<Claim>,
    /// Its cons that go against an answer (possibly empty): show them as "but note".
    pub cautions: Vec<Claim>,
    /// The next best framework with a positive score, if any.
    pub runner_up: Option<Candidate>,
    /// Every framework any rule applied to, best first (for a "how this was scored" table).
    pub ranking: Vec<Candidate>,
}

/// Scores every framework against `answers` with [`SCORING_RULES`].
///
/// Returns `None` when no framework has a positive score (nothing answered, or only answers
/// the sources give no guidance for): the page then says the sources do not settle it.
/// Ties go to the framework listed first in the dataset. Deterministic and never invents a
/// reason: every reason and caution is a dataset [`Claim`], cloned verbatim.
pub fn recommend(answers: &Answers, fws: &[Framework]) -> Option<Recommendation> {
    let mut ranking: Vec<Candidate> = fws
        .iter()
        .filter_map(|fw| {
            let hits: Vec<RuleHit> = SCORING_RULES
                .iter()
                .filter(|rule| answers.get(rule.question) == Some(rule.option))
                .filter_map(|rule| {
                    rule_claim(rule, fw).map(|claim| RuleHit {
                        rule,
                        claim: claim.clone(),
                    })
                })
                .collect();
            (!hits.is_empty()).then(|| Candidate {
                framework_id: fw.id.clone(),
                name: fw.name.clone(),
                score: hits.iter().map(|hit| hit.rule.points).sum(),
                hits,
            })
        })
        .collect();
    // Stable sort: equal scores keep dataset order.
    crate::small_sort::sort_by(&mut ranking, |a, b| a.score > b.score);
    let best = ranking.first().filter(|c| c.score > 0)?;
    let runner_up = ranking.get(1).filter(|c| c.score > 0).cloned();
    Some(Recommendation {
        framework_id: best.framework_id.clone(),
        name: best.name.clone(),
        score: best.score,
        reasons: best.reasons(),
        cautions: best.cautions(),
        runner_up,
        ranking,
    })
}

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

/// What a timeline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimelineKind {
    Framework,
    /// A framework entry whose kind is runtime (Node.js).
    Runtime,
    /// A language or platform from the dataset's technologies (Python, Java, .NET).
    Technology,
}

/// One first release on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// Framework or technology id.
    pub id: String,
    pub name: String,
    pub year: u16,
    pub creator: Option<String>,
    pub kind: TimelineKind,
    pub source: SourceId,
}

/// Every framework and technology whose first year the sources give, oldest first (then by
/// name). A technology with the same id as a framework that has a year (FastAPI, Node.js,
/// Rails) appears once, as the framework. Frameworks without a year are left out (the page can list them
/// as "year not stated in the sources").
pub fn timeline(
    fws: &[Framework],
    technologies: &[Technology],
    lowercase: Lowercase,
) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = Vec::new();
    for fw in fws {
        if let (Some(year), Some(source)) = (fw.first_release, &fw.facts_source) {
            out.push(TimelineEntry {
                id: fw.id.clone(),
                name: fw.name.clone(),
                year,
                creator: fw.creator.clone(),
                kind: match fw.kind {
                    FrameworkKind::Framework => TimelineKind::Framework,
                    FrameworkKind::Runtime => TimelineKind::Runtime,
                },
                source: source.clone(),
            });
        }
    }
    for tech in technologies {
        if out.iter().any(|entry| entry.id == tech.id) {
            continue;
        }
        if let Some(year) = tech.year {
            out.push(TimelineEntry {
                id: tech.id.clone(),
                name: tech.name.clone(),
                year,
                creator: tech.creator.clone(),
                kind: TimelineKind::Technology,
                source: tech.source.clone(),
            });
        }
    }
    sort_by_cached_key(&mut out, |entry| (entry.year, lowercase(&entry.name)));
    out
}

/// The timeline chart's title.
pub const TIMELINE_TITLE: &str = "First release years";

/// The Frameworks page's timeline chart: every dated first release, coloured by its source.
pub fn timeline_chart(dataset: &Dataset, lowercase: Lowercase) -> TimelineChart {
    let points = timeline(&dataset.frameworks, &dataset.technologies, lowercase)
        .into_iter()
        .map(|e| TimelinePoint {
            kind: match e.kind {
                TimelineKind::Framework => "framework",
                TimelineKind::Runtime => "runtime",
                TimelineKind::Technology => "language / platform",
            },
            series: dataset.series_index(&e.source),
            source: dataset
                .source(&e.source)
                .map_or(e.source.clone(), |s| s.label()),
            name: e.name,
            year: e.year,
            creator: e.creator,
        })
        .collect();
    TimelineChart { points }
}

/// The timeline's text alternative ("27 first releases the sources date, from … to …").
pub fn timeline_summary(chart: &TimelineChart) -> String {
    let named = |p: Option<&TimelinePoint>| p.map(|p| format!("{} {}", p.name, p.year));
    format!(
        "{} first releases the sources date, from {} to {}.",
        chart.points.len(),
        named(chart.points.first()).unwrap_or_default(),
        named(chart.points.last()).unwrap_or_default(),
    )
}
