//! The Hiring page's interview kit: which questions and hiring-mistake points are kept, their
//! compact `kit=` URL code, and the kit as Markdown ("Copy as Markdown").
//!
//! Pure and panic-free: codes come from the URL, notes from the user.
//!
//! # The `kit=` code (a public contract)
//!
//! `1<questions>.<mistakes>`: the version character `1`, then two bitsets in URL-safe base64
//! without padding (`A-Z a-z 0-9 - _`), separated by `.`. Bit `i` of a bitset is item `i` of
//! `hiring.questions` (first set) or `hiring.mistakes` (second set) in dataset order, least
//! significant bit first within each byte (bit `i` is `byte[i / 8] & (1 << (i % 8))`).
//! [`encode`] drops trailing zero bytes, so an empty set is the empty string: `1.` is an empty
//! kit, `1Bw.Dw` keeps questions 0-2 and mistakes 0-3 (`0b111` = `Bw`, `0b1111` = `Dw`).
//!
//! Each set has its own bitset so that appending questions or mistakes to the dataset keeps old
//! links meaning the same. Reordering or removing items changes what old codes mean: bump the
//! version character then. [`decode`] accepts trailing zero bytes, and rejects anything else
//! that [`encode`] would not write: another version, a missing `.`, characters outside the
//! alphabet, an impossible base64 length, non-zero padding bits, and bits past the end of the
//! dataset's lists.
//!
//! Notes are never put in the URL.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use crate::data::{Hiring, HiringMistake, Level, Question, UseCase};

/// The version character [`encode`] writes.
pub const VERSION: char = '1';

/// One thing the kit can keep.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KitItem {
    /// A [`Question`] id.
    Question(String),
    /// A [`HiringMistake`] id (a point to keep in mind while interviewing).
    Mistake(String),
}

/// The kept items. A set, so equality does not depend on the order items were ticked; the
/// Markdown and the code always follow dataset order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kit {
    pub items: BTreeSet<KitItem>,
}

impl Kit {
    /// Nothing kept.
    pub fn new() -> Kit {
        Kit::default()
    }

    /// Every question and every mistake of `hiring` (the page's default, see
    /// [`crate::query::hiring`]).
    pub fn all(hiring: &Hiring) -> Kit {
        let questions = hiring
            .questions
            .iter()
            .map(|q| KitItem::Question(q.id.clone()));
        let mistakes = hiring
            .mistakes
            .iter()
            .map(|m| KitItem::Mistake(m.id.clone()));
        Kit {
            items: questions.chain(mistakes).collect(),
        }
    }

    pub fn contains(&self, item: &KitItem) -> bool {
        self.items.contains(item)
    }

    pub fn insert(&mut self, item: KitItem) {
        self.items.insert(item);
    }

    pub fn remove(&mut self, item: &KitItem) {
        self.items.remove(item);
    }

    /// Adds `item` when absent, removes it when present (a checkbox click).
    pub fn toggle(&mut self, item: KitItem) {
        if !self.items.remove(&item) {
            self.items.insert(item);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The kept questions of `hiring`, in dataset order (ids it does not have are skipped).
    pub fn questions<'h>(&self, hiring: &'h Hiring) -> Vec<&'h Question> {
        hiring
            .questions
            .iter()
            .filter(|q| self.contains(&KitItem::Question(q.id.clone())))
            .collect()
    }

    /// The kept mistakes of `hiring`, in dataset order (ids it does not have are skipped).
    pub fn mistakes<'h>(&self, hiring: &'h Hiring) -> Vec<&'h HiringMistake> {
        hiring
            .mistakes
            .iter()
            .filter(|m| self.contains(&KitItem::Mistake(m.id.clone())))
            .collect()
    }

    /// The same kit without ids that `hiring` does not have: what `decode(encode(kit))` gives.
    pub fn normalized(&self, hiring: &Hiring) -> Kit {
        let questions = self
            .questions(hiring)
            .into_iter()
            .map(|q| KitItem::Question(q.id.clone()));
        let mistakes = self
            .mistakes(hiring)
            .into_iter()
            .map(|m| KitItem::Mistake(m.id.clone()));
        Kit {
            items: questions.chain(mistakes).collect(),
        }
    }
}

/// Why a `kit=` code was rejected (shown in the page's notice).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KitError {
    #[error("the code is empty")]
    Empty,
    #[error("the code does not start with version {VERSION}")]
    UnsupportedVersion,
    #[error("the code has no “.” between questions and points")]
    MissingSeparator,
    #[error("the {section} part is not URL-safe base64")]
    InvalidBase64 { section: Section },
    #[error("the {section} part names item {index}, and there are only {count}")]
    UnknownItem {
        section: Section,
        index: usize,
        count: usize,
    },
}

/// The two bitsets of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Questions,
    Mistakes,
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Section::Questions => "questions",
            Section::Mistakes => "points",
        })
    }
}

/// The `kit=` code of `kit` (format in the module docs). Ids `hiring` does not have are left
/// out.
pub fn encode(kit: &Kit, hiring: &Hiring) -> String {
    let questions = bitset(
        hiring
            .questions
            .iter()
            .map(|q| kit.contains(&KitItem::Question(q.id.clone()))),
    );
    let mistakes = bitset(
        hiring
            .mistakes
            .iter()
            .map(|m| kit.contains(&KitItem::Mistake(m.id.clone()))),
    );
    format!(
        "{VERSION}{}.{}",
        base64_encode(&questions),
        base64_encode(&mistakes)
    )
}

/// The kit a `kit=` code names, checked against `hiring` (rules in the module docs).
pub fn decode(code: &str, hiring: &Hiring) -> Result<Kit, KitError> {
    if code.is_empty() {
        return Err(KitError::Empty);
    }
    let rest = code
        .strip_prefix(VERSION)
        .ok_or(KitError::UnsupportedVersion)?;
    let (questions, mistakes) = rest.split_once('.').ok_or(KitError::MissingSeparator)?;
    let mut kit = Kit::new();
    for index in set_bits(questions, Section::Questions, hiring.questions.len())? {
        if let Some(q) = hiring.questions.get(index) {
            kit.insert(KitItem::Question(q.id.clone()));
        }
    }
    for index in set_bits(mistakes, Section::Mistakes, hiring.mistakes.len())? {
        if let Some(m) = hiring.mistakes.get(index) {
            kit.insert(KitItem::Mistake(m.id.clone()));
        }
    }
    Ok(kit)
}

/// Bytes of the bitset, least significant bit first, trailing zero bytes dropped.
fn bitset(bits: impl Iterator<Item = bool>) -> Vec<u8> {
    let mut bytes = Vec::new();
    for (i, set) in bits.enumerate() {
        if i % 8 == 0 {
            bytes.push(0u8);
        }
        if set {
            if let Some(last) = bytes.last_mut() {
                *last |= 1 << (i % 8);
            }
        }
    }
    while bytes.last() == Some(&0) {
        bytes.pop();
    }
    bytes
}

/// Indexes of the set bits of base64 `part`; an error for bits at `count` or beyond.
fn set_bits(part: &str, section: Section, count: usize) -> Result<Vec<usize>, KitError> {
    let bytes = base64_decode(part).ok_or(KitError::InvalidBase64 { section })?;
    let mut indexes = Vec::new();
    for (b, byte) in bytes.iter().enumerate() {
        for bit in 0..8 {
            if byte & (1 << bit) != 0 {
                let index = b * 8 + bit;
                if index >= count {
                    return Err(KitError::UnknownItem {
                        section,
                        index,
                        count,
                    });
                }
                indexes.push(index);
            }
        }
    }
    Ok(indexes)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize]));
        }
    }
    out
}

/// Inverse of [`base64_encode`]; `None` for a character outside the alphabet, a length of
/// `4k + 1`, or non-zero padding bits.
fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = s
        .bytes()
        .map(|c| {
            ALPHABET
                .iter()
                .position(|&a| a == c)
                .and_then(|v| u32::try_from(v).ok())
        })
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (k, v)| n | v << (18 - 6 * k));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let len = chunk.len() - 1;
        // Bits below the last whole byte must be zero, or two codes would mean one kit.
        if bytes[len..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..len]);
    }
    Some(out)
}

/// The kit as Markdown: a title (use case and level when chosen), the use case's priority,
/// interview focus and red flag, each kept question (dataset order) with its junior and senior
/// answers and its note, then each kept mistake with its problem and fix.
///
/// `notes` maps question ids to the user's plain-text note; empty notes and notes of questions
/// not kept are left out. Notes are escaped (see [`escape_note`]) so they cannot break the
/// structure; dataset text is written as it is. Ends with one newline.
pub fn to_markdown(
    kit: &Kit,
    hiring: &Hiring,
    usecase: Option<&UseCase>,
    level: Option<Level>,
    notes: &BTreeMap<String, String>,
) -> String {
    let mut md = String::from("# Interview kit");
    match (usecase, level) {
        (Some(u), Some(l)) => md.push_str(&format!(": {} ({})", u.title, l.label())),
        (Some(u), None) => md.push_str(&format!(": {}", u.title)),
        (None, Some(l)) => md.push_str(&format!(": {} candidate", l.label())),
        (None, None) => {}
    }
    md.push_str("\n\n");
    if let Some(u) = usecase {
        md.push_str(&format!("- **Use case:** {}\n", u.title));
    }
    if let Some(l) = level {
        md.push_str(&format!("- **Level:** {}\n", l.label()));
    }
    if let Some(u) = usecase {
        md.push_str(&format!("- **Priority:** {}\n", u.priority));
        md.push_str(&format!("- **Interview focus:** {}\n", u.interview_focus));
        md.push_str(&format!("- **Red flag:** {}\n", u.red_flag));
    }
    if usecase.is_some() || level.is_some() {
        md.push('\n');
    }

    let questions = kit.questions(hiring);
    let mistakes = kit.mistakes(hiring);
    if questions.is_empty() && mistakes.is_empty() {
        md.push_str("No questions or points chosen.\n");
        return md;
    }
    if !questions.is_empty() {
        md.push_str("## Questions\n");
        for (i, q) in questions.iter().enumerate() {
            md.push_str(&format!("\n### {}. {}\n\n", i + 1, q.question));
            md.push_str(&format!("- **Junior answer:** {}\n", q.junior_answer));
            md.push_str(&format!("- **Senior answer:** {}\n", q.senior_answer));
            if let Some(note) = notes.get(&q.id).map(|n| escape_note(n)) {
                if !note.is_empty() {
                    md.push_str(&format!("- **Note:** {}\n", note.replace('\n', "\\\n  ")));
                }
            }
        }
    }
    if !mistakes.is_empty() {
        if !questions.is_empty() {
            md.push('\n');
        }
        md.push_str("## Points to keep in mind\n");
        for m in mistakes {
            md.push_str(&format!("\n### {}\n\n", m.title));
            md.push_str(&format!("- **Problem:** {}\n", m.problem));
            md.push_str(&format!("- **Fix:** {}\n", m.fix));
        }
    }
    md
}

/// A plain-text note made safe inside a Markdown list item, changing as little as possible:
///
/// - `\r\n` and `\r` become `\n`; other control characters are dropped; each line is trimmed
///   (leading spaces would make a code block) and blank lines are dropped (they would end the
///   list item);
/// - `\ * _ ` [ ] < > # | ~ &` are backslash-escaped everywhere (emphasis, code, links, HTML,
///   headings, tables, strikethrough, entities);
/// - at the start of a line, `-`, `+` and `=` are escaped (list items, setext headings) and so
///   is the `.` or `)` after leading digits (`1.` would start a numbered list).
///
/// Lines are joined with `\n`; [`to_markdown`] turns them into hard line breaks in one item.
pub fn escape_note(note: &str) -> String {
    let normalized = note.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = normalized
        .split('\n')
        .map(|line| line.chars().filter(|c| !c.is_control()).collect::<String>())
        .map(|line| line.trim().to_string())
        .filter(|line| !line.is_empty())
        .map(|line| escape_line(&line))
        .collect();
    lines.join("\n")
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in line.chars().enumerate() {
        let at_start = i == 0 && matches!(c, '-' | '+' | '=');
        let after_digits = digits > 0 && i == digits && matches!(c, '.' | ')');
        if at_start
            || after_digits
            || matches!(
                c,
                '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
