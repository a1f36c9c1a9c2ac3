//! Search's text folding: lowercase, Latin accents removed, punctuation to word breaks, so that
//! "Résumé" finds "resume" and "node.js" finds "Node.js". Both the index and the query go
//! through [`normalize`].

// Search is a pack of its own, loaded when the dialog opens: it keeps Rust's Unicode
// lowercasing (the byte rules of clippy.toml are for the first load).
#![allow(
    clippy::disallowed_methods,
    reason = "search's own pack, loaded on demand"
)]

/// Lowercase, accents removed (é->e, ñ->n, ü->u, ß->ss, ...), punctuation folded to spaces,
/// whitespace collapsed.
///
/// Letters of other scripts (Cyrillic, Greek, CJK...) are only lowercased; their own marks are
/// kept. Latin combining accents (U+0300–U+036F and friends) are dropped, so decomposed "é"
/// folds like the precomposed one. Punctuation, symbols and emoji become word breaks.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if is_latin_combining(c) {
            continue;
        }
        let folded = fold_latin(c);
        let is_word = folded.is_some() || c.is_alphanumeric() || is_other_script_mark(c);
        if !is_word {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        match folded {
            Some(ascii) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

fn is_latin_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// A non-alphanumeric character that is not punctuation, a symbol or a space: most likely a
/// mark inside a word of another script (a Devanagari virama, say), so it is kept.
fn is_other_script_mark(c: char) -> bool {
    !(c.is_ascii()
        || c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00A0}'..='\u{00BF}'
                | '\u{00D7}'
                | '\u{00F7}'
                | '\u{02B9}'..='\u{02FF}' // modifier letters: primes, ticks
                | '\u{2000}'..='\u{2BFF}' // punctuation, currency, arrows, maths, shapes, dingbats
                | '\u{2E00}'..='\u{2E7F}' // supplemental punctuation
                | '\u{3000}'..='\u{303F}' // CJK punctuation
                | '\u{E000}'..='\u{F8FF}' // private use
                | '\u{FE00}'..='\u{FE0F}' // variation selectors
                | '\u{FE10}'..='\u{FE1F}'
                | '\u{FE30}'..='\u{FE6F}'
                | '\u{FF00}'..='\u{FF0F}' // fullwidth punctuation
                | '\u{FF1A}'..='\u{FF20}'
                | '\u{FF3B}'..='\u{FF40}'
                | '\u{FF5B}'..='\u{FF65}'
                | '\u{FFF0}'..='\u{FFFF}'
                | '\u{1F000}'..='\u{1FAFF}' // emoji, pictographs
                | '\u{E0000}'..='\u{E007F}' // tags
        ))
}

/// ASCII spelling of a lowercase Latin letter with a diacritic (or a ligature), if it is one.
fn fold_latin(c: char) -> Option<&'static str> {
    let ascii = match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ǻ' | 'ȁ' | 'ȃ' | 'ȧ' => "a",
        'æ' | 'ǽ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ȅ' | 'ȇ' | 'ȩ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ȉ' | 'ȋ' => "i",
        'ĳ' => "ij",
        'ĵ' | 'ǰ' => "j",
        'ķ' | 'ĸ' | 'ǩ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' | 'ǹ' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ǿ' | 'ȍ' | 'ȏ' | 'ȯ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'ȑ' | 'ȓ' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù'..='ü'
        | 'ũ'
        | 'ū'
        | 'ŭ'
        | 'ů'
        | 'ű'
        | 'ų'
        | 'ư'
        | 'ǔ'
        | 'ǖ'
        | 'ǘ'
        | 'ǚ'
        | 'ǜ'
        | 'ȕ'
        | 'ȗ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ȳ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        // Latin Extended Additional: Vietnamese and other stacked diacritics, by block.
        '\u{1E00}'..='\u{1E01}' | '\u{1EA0}'..='\u{1EB7}' => "a",
        '\u{1E02}'..='\u{1E07}' => "b",
        '\u{1E08}'..='\u{1E09}' => "c",
        '\u{1E0A}'..='\u{1E13}' => "d",
        '\u{1E14}'..='\u{1E1D}' | '\u{1EB8}'..='\u{1EC7}' => "e",
        '\u{1E1E}'..='\u{1E1F}' => "f",
        '\u{1E20}'..='\u{1E21}' => "g",
        '\u{1E22}'..='\u{1E2B}' | '\u{1E96}' => "h",
        '\u{1E2C}'..='\u{1E2F}' | '\u{1EC8}'..='\u{1ECB}' => "i",
        '\u{1E30}'..='\u{1E35}' => "k",
        '\u{1E36}'..='\u{1E3D}' => "l",
        '\u{1E3E}'..='\u{1E43}' => "m",
        '\u{1E44}'..='\u{1E4B}' => "n",
        '\u{1E4C}'..='\u{1E53}' | '\u{1ECC}'..='\u{1EE3}' => "o",
        '\u{1E54}'..='\u{1E57}' => "p",
        '\u{1E58}'..='\u{1E5F}' => "r",
        '\u{1E60}'..='\u{1E69}' | '\u{1E9B}' => "s",
        '\u{1E6A}'..='\u{1E71}' | '\u{1E97}' => "t",
        '\u{1E72}'..='\u{1E7B}' | '\u{1EE4}'..='\u{1EF1}' => "u",
        '\u{1E7C}'..='\u{1E7F}' => "v",
        '\u{1E80}'..='\u{1E89}' | '\u{1E98}' => "w",
        '\u{1E8A}'..='\u{1E8D}' => "x",
        '\u{1E8E}'..='\u{1E8F}' | '\u{1E99}' | '\u{1EF2}'..='\u{1EF9}' => "y",
        '\u{1E90}'..='\u{1E95}' => "z",
        _ => return None,
    };
    Some(ascii)
}
