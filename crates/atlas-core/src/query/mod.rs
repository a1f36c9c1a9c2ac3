//! Pages' URL state: tolerant parsing of `?a=b&c=d`, encoding of the values we write, and
//! [`Notice`]s that say what was ignored and why.
//!
//! Pure and panic-free on any input: the query string is user input. Rules shared by every
//! page: unknown parameter names are ignored silently (other pages' parameters, `utm_*`); a
//! parameter given more than once uses its LAST value, with a notice; values longer than
//! [`MAX_VALUE_LEN`] characters are ignored with a notice; notices quote values as plain text
//! cut to [`SHOWN_CHARS`] characters (the UI renders them as text, never as HTML).

pub mod frameworks;
pub mod hiring;
pub mod locations;
pub mod offers;
pub mod roadmap;
pub mod salaries;

pub use salaries::SalariesQuery;

use std::fmt;

/// A sentence for the page about a URL value that was ignored or adjusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice(pub String);

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Longer values are ignored with a notice.
pub const MAX_VALUE_LEN: usize = 200;

// How much of an offending value a notice quotes, and how (shared with the import's and the
// restore's messages).
pub use crate::format::{shown, SHOWN_CHARS};

/// `?a=1&b=x+y&c=%C3%A9` -> `[("a", "1"), ("b", "x y"), ("c", "é")]`.
///
/// A leading `?` is skipped and anything from `#` on is dropped. Pairs are split on `&`, then
/// on the first `=` (a bare `a` is `("a", "")`); pairs with an empty name are dropped. `+` is a
/// space, `%XX` a byte; a malformed escape (`%ZZ`, a trailing `%`) is kept literally and invalid
/// UTF-8 becomes U+FFFD. Never panics.
pub fn parse_pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split_once('#').map_or(query, |(before, _)| before);
    query
        .split('&')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = decode_component(name);
            (!name.is_empty()).then(|| (name, decode_component(value)))
        })
        .collect()
}

/// Percent-decodes one query component (`+` is a space); see [`parse_pairs`].
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let high = bytes.get(i + 1).and_then(|&b| hex_value(b));
                let low = bytes.get(i + 2).and_then(|&b| hex_value(b));
                if let (Some(high), Some(low)) = (high, low) {
                    out.push(high << 4 | low);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`),
/// so a value can never break out of its pair. Lists are written by encoding each item and
/// joining with a literal `,`.
pub fn encode_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
    out
}

/// The value of parameter `name`: its last occurrence (with a notice when it was given more
/// than once), or `None` when absent or longer than [`MAX_VALUE_LEN`] characters (with a
/// notice).
pub fn last_value<'a>(
    pairs: &'a [(String, String)],
    name: &str,
    notices: &mut Vec<Notice>,
) -> Option<&'a str> {
    let (_, value) = pairs.iter().rev().find(|(key, _)| key == name)?;
    let times = pairs.iter().filter(|(key, _)| key == name).count();
    if times > 1 {
        notices.push(Notice(format!(
            "{name} was given {times} times; the last value is used."
        )));
    }
    if value.chars().nth(MAX_VALUE_LEN).is_some() {
        notices.push(Notice(format!(
            "Ignored {name} value “{}” (longer than {MAX_VALUE_LEN} characters).",
            shown(value)
        )));
        return None;
    }
    Some(value)
}

/// Pushes `notice` unless the same one is already there (a list repeating one bad item gets
/// one notice).
pub fn push_once(notices: &mut Vec<Notice>, notice: String) {
    if !notices.iter().any(|n| n.0 == notice) {
        notices.push(Notice(notice));
    }
}
