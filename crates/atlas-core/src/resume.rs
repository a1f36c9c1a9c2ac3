//! The Hiring page's resume check: finds the dataset's green and yellow flag keywords in pasted
//! resume text and says which flags are present, which are missing, and where each match is.
//!
//! Pure and panic-free on any input (the text is the user's). The UI calls [`check`] for a
//! [`ResumeReport`] and [`segments`] to render the text with highlighted matches.
//!
//! # Matching rules
//!
//! - **Case-insensitive, ASCII**: keyword letters are compared ASCII-case-insensitively with the
//!   original bytes, so offsets are byte offsets into the text the user pasted, always on char
//!   boundaries (`&text[m.start..m.end]` is the matched words in their original case). Non-ASCII
//!   characters never equal a keyword letter (no Unicode case folding: the dataset's keywords
//!   are ASCII, and a test checks it).
//! - **Whole words**: a match must start at a word start and end at a word end. Word characters
//!   are Unicode letters, digits and `_`; everything else (spaces, punctuation, emoji) is a
//!   boundary. So `FastAPI,`, `(FastAPI)` and `FastAPI's` match `fastapi`, while `Flasks` does
//!   not match `flask` and `fastapi_users` does not match `fastapi`.
//! - **Stems**: a keyword listed in [`STEMS`] (only `async`) may also end inside a longer word,
//!   so `asyncio`, `asyncpg`, `AsyncSession` and `asynchronous` all count as async experience;
//!   the match then covers the whole word. It must still start at a word start (`nonasync`
//!   does not match).
//! - **Acronyms**: a keyword listed in [`ACRONYMS`] (`rest`, `ml`) matches only when written
//!   in capitals (`REST`, `ML`), because in lower case it is an everyday word or fragment: "the
//!   rest of the team" says nothing about API design. `RESTful` still matches through its own
//!   keyword, `restful`.
//! - **Multi-word keywords**: a keyword's words are split at spaces and hyphens; in the text they
//!   may be separated by any run of whitespace (newlines included) and hyphens (`-`, U+2010,
//!   U+2011). So `type hints` matches `Type-Hints` and `type\n  hints`, and `scikit-learn`
//!   matches `scikit learn`.
//! - **Overlaps**: within one flag, overlapping matches keep the longest (then the earliest,
//!   then an exact keyword over a stem), so `asyncio` is one match of keyword `asyncio`, not
//!   `async` plus `asyncio`. Across flags, [`segments`] does the same.
//!
//! # Green and yellow flags
//!
//! A green flag is *found* when any of its keywords matches, unless [`green_rule`] asks for
//! all of them: "Open source FastAPI projects" is found only when both `fastapi` and
//! `open source` are, since the word FastAPI alone says nothing about open source work.
//! [`matched_words`] lists what matched, for the page to show next to each flag.
//!
//! A yellow flag is *raised* by its rule in [`yellow_rule`] (by flag id):
//!
//! | yellow flag | raised when |
//! | --- | --- |
//! | `only-django-flask` | `django` or `flask` is found and the `async-python` green flag is not |
//! | `generic-python` | `python developer` is found and no green flag is |
//! | `no-type-hints` | the `type-hints` green flag is missing |
//! | `no-api-design` | the `api-design` green flag is missing |
//!
//! A yellow flag without a rule is raised when any of its keywords is found. A raised flag
//! carries its own keyword matches (none for the absence flags); the keyword matches of a flag
//! that is not raised (`django` next to `asyncio`) are not reported or highlighted.
//!
//! Blank text leaves every green flag missing and so raises the absence flags: the UI should
//! show no verdict until something is pasted.

use std::ops::Range;

use crate::data::{Hiring, ResumeFlag};

/// Keywords that may end inside a longer word (see the module docs).
pub const STEMS: &[&str] = &["async"];

/// Keywords that match only in capitals (see the module docs).
pub const ACRONYMS: &[&str] = &["rest", "ml"];

/// Green flag ids, for the rule "raised unless any green flag is found".
const ALL_GREEN: &[&str] = &[
    "async-python",
    "type-hints",
    "api-design",
    "ml-deployment",
    "performance",
    "open-source-fastapi",
];

/// Which list a flag comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlagColor {
    Green,
    Yellow,
}

impl FlagColor {
    /// `"green"` / `"yellow"`, for CSS classes.
    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            FlagColor::Green => "green",
            FlagColor::Yellow => "yellow",
        }
    }
}

/// What finds a green flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GreenRule {
    /// Any of the flag's keywords (the guide's or the app's) matches.
    AnyKeyword,
    /// Every one of the guide's keywords for the flag matches: each is a distinctive part of
    /// the flag's text.
    AllKeywords,
}

/// The rule for green flag `flag_id`.
pub fn green_rule(flag_id: &str) -> GreenRule {
    match flag_id {
        "open-source-fastapi" => GreenRule::AllKeywords,
        _ => GreenRule::AnyKeyword,
    }
}

/// The words of `text` that `hit` matched, as written there, each once (ASCII case ignored),
/// in text order. Matches that do not fit `text` are skipped.
pub fn matched_words<'a>(text: &'a str, hit: &FlagHit) -> Vec<&'a str> {
    let mut words: Vec<&'a str> = Vec::new();
    for m in &hit.matches {
        if let Some(word) = text.get(m.range()) {
            if !words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                words.push(word);
            }
        }
    }
    words
}

/// What raises a yellow flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YellowRule {
    /// Any of the flag's own keywords is found and none of these green flags is.
    KeywordsUnless(&'static [&'static str]),
    /// This green flag is missing (the flag's signal is an absence).
    MissingGreen(&'static str),
}

/// The rule for yellow flag `flag_id`; `None` for flags without one (raised when any of their
/// keywords is found).
pub fn yellow_rule(flag_id: &str) -> Option<YellowRule> {
    match flag_id {
        "only-django-flask" => Some(YellowRule::KeywordsUnless(&["async-python"])),
        "generic-python" => Some(YellowRule::KeywordsUnless(ALL_GREEN)),
        "no-type-hints" => Some(YellowRule::MissingGreen("type-hints")),
        "no-api-design" => Some(YellowRule::MissingGreen("api-design")),
        _ => None,
    }
}

/// One keyword occurrence. `start..end` are byte offsets into the checked text, on char
/// boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    /// The dataset keyword that matched (lowercase, as in the dataset).
    pub keyword: String,
}

impl Match {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A flag that was found (green) or raised (yellow), with its matches in text order
/// (non-overlapping; empty for a yellow flag raised by an absence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagHit {
    pub flag_id: String,
    pub matches: Vec<Match>,
}

/// One list's verdicts, both in dataset order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FlagGroup {
    /// Green: found; yellow: raised.
    pub found: Vec<FlagHit>,
    /// Ids of the flags not found (green) or not raised (yellow).
    pub missing: Vec<String>,
}

impl FlagGroup {
    pub fn is_found(&self, flag_id: &str) -> bool {
        self.found.iter().any(|hit| hit.flag_id == flag_id)
    }

    pub fn hit(&self, flag_id: &str) -> Option<&FlagHit> {
        self.found.iter().find(|hit| hit.flag_id == flag_id)
    }
}

/// What [`check`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResumeReport {
    pub green: FlagGroup,
    pub yellow: FlagGroup,
}

/// A piece of the text for rendering: flagged pieces are matches, the others are the text in
/// between. See [`segments`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    /// Byte range of `text` in the checked text.
    pub range: Range<usize>,
    /// The flag this piece is a match of (its color and id).
    pub flag: Option<(FlagColor, String)>,
}

/// Checks resume `text` against `hiring`'s green and yellow flags (rules in the module docs).
pub fn check(text: &str, hiring: &Hiring) -> ResumeReport {
    let mut green = FlagGroup::default();
    for flag in &hiring.green_flags {
        let matches = flag_matches(text, flag);
        let found = match green_rule(&flag.id) {
            GreenRule::AnyKeyword => !matches.is_empty(),
            GreenRule::AllKeywords => {
                !flag.keywords.is_empty()
                    && flag
                        .keywords
                        .iter()
                        .all(|k| matches.iter().any(|m| &m.keyword == k))
            }
        };
        if !found {
            green.missing.push(flag.id.clone());
        } else {
            green.found.push(FlagHit {
                flag_id: flag.id.clone(),
                matches,
            });
        }
    }
    let mut yellow = FlagGroup::default();
    for flag in &hiring.yellow_flags {
        let matches = flag_matches(text, flag);
        let raised = match yellow_rule(&flag.id) {
            Some(YellowRule::MissingGreen(id)) => !green.is_found(id),
            Some(YellowRule::KeywordsUnless(ids)) => {
                !matches.is_empty() && !ids.iter().any(|id| green.is_found(id))
            }
            None => !matches.is_empty(),
        };
        if raised {
            yellow.found.push(FlagHit {
                flag_id: flag.id.clone(),
                matches,
            });
        } else {
            yellow.missing.push(flag.id.clone());
        }
    }
    ResumeReport { green, yellow }
}

/// `text` cut into consecutive pieces that cover it exactly, in order: the matches of every
/// found green and raised yellow flag, and the unflagged text between them (never two
/// unflagged pieces in a row, never an empty piece; no pieces for empty text). Where matches
/// overlap, the longest is kept (then the earliest, then green before yellow). Matches that do
/// not fit `text` (a report of another text) are skipped, never a panic.
pub fn segments<'a>(text: &'a str, report: &ResumeReport) -> Vec<Segment<'a>> {
    let mut candidates: Vec<(Range<usize>, FlagColor, &str)> = Vec::new();
    for (color, group) in [
        (FlagColor::Green, &report.green),
        (FlagColor::Yellow, &report.yellow),
    ] {
        for hit in &group.found {
            for m in &hit.matches {
                if m.start < m.end && text.get(m.range()).is_some() {
                    candidates.push((m.range(), color, hit.flag_id.as_str()));
                }
            }
        }
    }
    // Equal candidates keep report order (green first, dataset order).
    let candidates = sorted_by(candidates, |(range, color, _)| {
        [usize::MAX - range.len(), range.start, *color as usize]
    });
    let mut kept: Vec<(Range<usize>, FlagColor, &str)> = Vec::new();
    for candidate in candidates {
        if !kept
            .iter()
            .any(|(range, _, _)| overlaps(range, &candidate.0))
        {
            kept.push(candidate);
        }
    }
    let kept = sorted_by(kept, |(range, _, _)| [range.start, 0, 0]);

    let mut out = Vec::with_capacity(kept.len() * 2 + 1);
    let mut at = 0;
    for (range, color, flag_id) in kept {
        push_segment(&mut out, text, at..range.start, None);
        at = range.end;
        push_segment(&mut out, text, range, Some((color, flag_id.to_string())));
    }
    push_segment(&mut out, text, at..text.len(), None);
    out
}

/// The flag with id `flag_id` and its color, green flags first.
pub fn find_flag<'h>(hiring: &'h Hiring, flag_id: &str) -> Option<(FlagColor, &'h ResumeFlag)> {
    let green = hiring.green_flags.iter().map(|f| (FlagColor::Green, f));
    let yellow = hiring.yellow_flags.iter().map(|f| (FlagColor::Yellow, f));
    green.chain(yellow).find(|(_, f)| f.id == flag_id)
}

fn push_segment<'a>(
    out: &mut Vec<Segment<'a>>,
    text: &'a str,
    range: Range<usize>,
    flag: Option<(FlagColor, String)>,
) {
    if let Some(piece) = text.get(range.clone()).filter(|piece| !piece.is_empty()) {
        out.push(Segment {
            text: piece,
            range,
            flag,
        });
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every keyword match of `flag`, non-overlapping (longest, then earliest, wins), in order.
fn flag_matches(text: &str, flag: &ResumeFlag) -> Vec<Match> {
    // (match, whether a stem matched it): an exact keyword wins a tie with a stem.
    let mut all: Vec<(Match, bool)> = Vec::new();
    for keyword in flag.keywords.iter().chain(&flag.app_keywords) {
        let words: Vec<&str> = keyword
            .split(|c: char| c.is_whitespace() || is_hyphen(c))
            .filter(|word| !word.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        let stem = STEMS.contains(&keyword.as_str());
        let caps = ACRONYMS.contains(&keyword.as_str());
        for (start, _) in text.char_indices() {
            if let Some(end) = match_at(text, start, &words, stem, caps) {
                let m = Match {
                    start,
                    end,
                    keyword: keyword.clone(),
                };
                all.push((m, stem));
            }
        }
    }
    let all = sorted_by(all, |(m, stem)| {
        [usize::MAX - (m.end - m.start), m.start, usize::from(*stem)]
    });
    let mut kept: Vec<Match> = Vec::new();
    for (m, _) in all {
        if !kept.iter().any(|k| overlaps(&k.range(), &m.range())) {
            kept.push(m);
        }
    }
    sorted_by(kept, |m| [m.start, 0, 0])
}

/// `items` ordered by `key`, ties in their current order (a stable sort). Every sort in this
/// module goes through this one function on `(key, index)` pairs, so the Hiring page's wasm
/// carries one sort routine instead of one per element type and key (−1.9 KB gzipped).
fn sorted_by<T>(items: Vec<T>, key: impl Fn(&T) -> [usize; 3]) -> Vec<T> {
    let mut order: Vec<([usize; 3], usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect();
    #[expect(
        clippy::disallowed_methods,
        reason = "a resume's matches: too many for small_sort"
    )]
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// End of the match of `words` at byte `start` (a char boundary), if any. With `caps`, the
/// text's letters must be the capitals of the word's.
fn match_at(text: &str, start: usize, words: &[&str], stem: bool, caps: bool) -> Option<usize> {
    if text[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let mut at = start;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let gap: usize = text[at..]
                .chars()
                .take_while(|&c| c.is_whitespace() || is_hyphen(c))
                .map(char::len_utf8)
                .sum();
            if gap == 0 {
                return None;
            }
            at += gap;
        }
        let candidate = text.as_bytes().get(at..at + word.len())?;
        let same = if caps {
            candidate
                .iter()
                .zip(word.bytes())
                .all(|(&c, w)| c == w.to_ascii_uppercase())
        } else {
            candidate.eq_ignore_ascii_case(word.as_bytes())
        };
        if !same {
            return None;
        }
        at += word.len();
    }
    // Byte-wise equality with a valid UTF-8 word that starts on a char boundary ends on one.
    let rest = text.get(at..)?;
    let tail: usize = rest
        .chars()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    match (tail, stem) {
        (0, _) => Some(at),
        (_, true) => Some(at + tail),
        (_, false) => None,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_by_orders_by_key_and_keeps_ties_in_order() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        let got: Vec<char> = sorted_by(items, |(k, _)| [*k, 0, 0])
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(got, ['d', 'b', 'e', 'a', 'c']);
        assert!(sorted_by(Vec::<u8>::new(), |_| [0; 3]).is_empty());
    }
}
