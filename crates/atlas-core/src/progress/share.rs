//! The share code (`progress=` in the URL), format 1.
//!
//! `"1"` (the format version), then one segment per stage in roadmap order separated by `.`,
//! then one check character. A segment packs its stage's items in order, three per character:
//! each item is a base-4 digit ([`ItemState::digit`]: 0 not started, 1 learning, 2 done,
//! 3 skipped) and a character is `d0 + 4·d1 + 16·d2` (`d0` the first of the three) written in
//! the URL-safe base64 alphabet `A-Z a-z 0-9 - _` (`A` = 0). The check character is a hash of
//! everything before it (FNV-1a, folded to 6 bits, same alphabet), so a link cut short or
//! mistyped is rejected instead of silently showing less progress (1 in 64 damaged codes slips
//! through). Every character is unreserved in URLs, so codes are never percent-encoded.
//!
//! The encoder drops trailing `A`s of each segment and trailing empty segments, so it is
//! deterministic: nothing marked is `"1"` + check (2 characters); the real roadmap (4 stages of
//! 5 items) needs at most 13 (`1` + 4×2 + 3 dots + check), typically fewer because progress
//! fills the early stages first.
//!
//! Per-stage segments cost up to three `.` but keep old links valid when the roadmap grows:
//! items appended to the END of any stage, and stages appended at the end, decode as not
//! started (a shorter segment or a missing stage simply means "not started"). Reordering or
//! removing items changes what old codes mean: bump the version then. A code that marks an item
//! the roadmap does not have is rejected ([`ProgressError::CodeForOtherRoadmap`]); extra `A`
//! characters or empty segments (with a matching check character) are accepted.

use super::state::{ItemState, Progress, ProgressError};
use super::{CODE_VERSION, MAX_CODE_CHARS};
use crate::data::Roadmap;
use crate::format::shown;

/// URL-safe base64 alphabet; a character's index is its value.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SEGMENT_SEPARATOR: char = '.';
const ITEMS_PER_CHAR: usize = 3;

/// The share code for `progress` over `roadmap` (format in the module docs). Ids the roadmap
/// does not have are left out. Deterministic: equal progress gives equal codes.
pub fn encode(progress: &Progress, roadmap: &Roadmap) -> String {
    let mut segments: Vec<String> = roadmap
        .stages
        .iter()
        .map(|stage| {
            let mut segment: Vec<u8> = stage
                .items
                .chunks(ITEMS_PER_CHAR)
                .map(|chunk| {
                    let value = chunk
                        .iter()
                        .rev()
                        .fold(0u8, |acc, item| acc * 4 + progress.get(&item.id).digit());
                    ALPHABET[usize::from(value)]
                })
                .collect();
            while segment.last() == Some(&ALPHABET[0]) {
                segment.pop();
            }
            segment.into_iter().map(char::from).collect()
        })
        .collect();
    while segments.last().is_some_and(String::is_empty) {
        segments.pop();
    }
    let mut code = String::from(CODE_VERSION);
    code.push_str(&segments.join(&SEGMENT_SEPARATOR.to_string()));
    code.push(check_char(&code));
    code
}

/// FNV-1a over the code's bytes, folded to one alphabet character.
fn check_char(text: &str) -> char {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    let folded = (hash ^ (hash >> 6) ^ (hash >> 12) ^ (hash >> 18) ^ (hash >> 24)) & 63;
    char::from(ALPHABET[folded as usize])
}

/// Reads a share code (surrounding whitespace ignored). Shorter codes (from before items or
/// stages were appended) leave the missing items not started; see the module docs. Checks, in
/// order: length, version, characters, check character, then that every marked item exists.
/// Never panics; any problem is a [`ProgressError`] and no partial result.
pub fn decode(code: &str, roadmap: &Roadmap) -> Result<Progress, ProgressError> {
    let code = code.trim();
    if code.chars().nth(MAX_CODE_CHARS).is_some() {
        return Err(ProgressError::CodeTooLong {
            chars: code.chars().count(),
        });
    }
    match code.chars().next() {
        None => return Err(ProgressError::EmptyCode),
        Some(CODE_VERSION) => {}
        Some(found) if found.is_ascii_digit() => {
            return Err(ProgressError::UnsupportedCodeVersion { found })
        }
        Some(_) => return Err(ProgressError::NotACode),
    }
    // Position 1 is the version character.
    for (position, c) in (1..).zip(code.chars()).skip(1) {
        if c != SEGMENT_SEPARATOR && char_value(c).is_none() {
            return Err(ProgressError::BadCodeCharacter {
                character: shown(&c.to_string()),
                position,
            });
        }
    }
    let mut chars = code.chars();
    let check = chars.next_back();
    let body = chars.as_str();
    if body.is_empty() || check != Some(check_char(body)) {
        return Err(ProgressError::CodeCheckFailed);
    }
    let payload = body.strip_prefix(CODE_VERSION).unwrap_or(body);
    let mut progress = Progress::new();
    for (stage_index, segment) in payload.split(SEGMENT_SEPARATOR).enumerate() {
        for (char_index, c) in segment.chars().enumerate() {
            let value = char_value(c).unwrap_or(0);
            for slot in 0..ITEMS_PER_CHAR {
                let state = ItemState::from_digit(value >> (2 * slot));
                if state == ItemState::NotStarted {
                    continue;
                }
                let item = roadmap
                    .stages
                    .get(stage_index)
                    .and_then(|stage| stage.items.get(char_index * ITEMS_PER_CHAR + slot))
                    .ok_or(ProgressError::CodeForOtherRoadmap)?;
                progress.set(&item.id, state);
            }
        }
    }
    Ok(progress)
}

fn char_value(c: char) -> Option<u8> {
    let byte = u8::try_from(c).ok()?;
    let index = ALPHABET.iter().position(|&b| b == byte)?;
    u8::try_from(index).ok()
}
