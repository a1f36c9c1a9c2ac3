//! Number and figure formatting shared by every page: currency, units, open ranges.
//!
//! Pure, so every label the UI shows can be tested natively.

use crate::data::{Period, SalaryFigure, YearsRange};

/// `90652` -> `"$90,652"`.
pub fn usd(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    out.push('$');
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `1687890` -> `"1,687,890"`.
pub fn count(value: u32) -> String {
    let mut text = usd(value);
    text.remove(0);
    text
}

/// A dollar amount rounded to whole dollars: `4166.67` -> `"$4,167"`. Non-finite -> `"–"`.
pub fn money(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let rounded = value.abs().round();
    let sign = if value < 0.0 && rounded > 0.0 {
        "-"
    } else {
        ""
    };
    if rounded <= f64::from(u32::MAX) {
        format!("{sign}{}", usd(rounded as u32))
    } else {
        format!("{sign}${}", fixed(rounded, 0))
    }
}

/// `value` with exactly `places` decimals (at most 9), like `format!("{value:.places$}")` but
/// rounded half away from zero (`fixed(2.25, 1)` -> `"2.3"`, `fixed(-0.04, 1)` -> `"0.0"`) and
/// with integer arithmetic only: `{:.1}` or `{}` of a float would bring core's float formatting
/// (about 5 KB gzipped of code and tables) into the page. Exact while `value * 10^places` stays
/// below 2^53 (every figure the app shows); saturates past 1.8e19. Non-finite -> `"–"`.
pub fn fixed(value: f64, places: u32) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let places = places.min(9);
    let scale = 10u64.pow(places);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    let whole = scaled / scale;
    if places == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = scaled % scale;
    let width = places as usize;
    format!("{sign}{whole}.{fraction:0width$}")
}

/// `value` with at most `places` decimals and no trailing zeros: `trimmed(5.5, 3)` -> "5.5",
/// `trimmed(120.0, 2)` -> "120", never "-0" ([`fixed`], then trimmed).
pub fn trimmed(value: f64, places: u32) -> String {
    let mut text = fixed(value, places);
    if places > 0 {
        let keep = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(keep);
    }
    text
}

/// A byte count in megabytes (MiB) to one decimal, rounded half up: `1_572_864` -> `"1.5"`.
/// Integer arithmetic, so pages that show it carry no float formatting code.
pub fn megabytes(bytes: usize) -> String {
    const MIB: usize = 1_048_576;
    // Whole megabytes and tenths separately, so nothing overflows (and no u128 formatting).
    let (mut whole, mut tenths) = (bytes / MIB, ((bytes % MIB) * 10 + MIB / 2) / MIB);
    if tenths == 10 {
        (whole, tenths) = (whole + 1, 0);
    }
    format!("{whole}.{tenths}")
}

/// `1` -> `"1st"`, `22` -> `"22nd"`, `81` -> `"81st"`, `13` -> `"13th"`.
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `"a year"` / `"a month"`, for "$90,652 a year".
pub fn per(period: Period) -> &'static str {
    match period {
        Period::Year => "a year",
        Period::Month => "a month",
    }
}

/// A salary figure as the source states it: "$50,000 – $70,000", "$130,000+",
/// "$170,000 – $220,000+", "$50,000 (average)".
pub fn salary_figure(figure: &SalaryFigure) -> String {
    match *figure {
        SalaryFigure::Range { min, max } => format!("{} – {}", usd(min), usd(max)),
        SalaryFigure::OpenRange {
            min,
            stated_top: None,
        } => format!("{}+", usd(min)),
        SalaryFigure::OpenRange {
            min,
            stated_top: Some(top),
        } => {
            format!("{} – {}+", usd(min), usd(top))
        }
        SalaryFigure::Point { value } => format!("{} (average)", usd(value)),
    }
}

/// "0–2 years", "8+ years".
pub fn years(range: &YearsRange) -> String {
    match range.max {
        Some(max) => format!("{}–{} years", range.min, max),
        None => format!("{}+ years", range.min),
    }
}

/// How much of an offending value a message quotes.
pub const SHOWN_CHARS: usize = 40;

/// A value quoted in a message (a URL notice, an import or a restore error): cut to
/// [`SHOWN_CHARS`] characters (with "…"), control characters replaced by U+FFFD.
pub fn shown(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(SHOWN_CHARS)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if value.chars().nth(SHOWN_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// A JSON value's kind in a reader's words, for the messages of the files people import
/// (roadmap progress, offers): "a list", "a text"... (The dataset decoder words its own for the
/// dataset's authors, naming the number it found: `data::decode`.)
pub fn json_kind(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_to_one_decimal() {
        for (bytes, want) in [
            (0, "0.0"),
            (1_048_576, "1.0"),
            (1_572_864, "1.5"),
            // 1.04999… rounds down, 1.05 rounds up.
            (1_101_004, "1.0"),
            (1_101_005, "1.1"),
            (52_428_800, "50.0"),
            (usize::MAX, "17592186044416.0"),
        ] {
            assert_eq!(megabytes(bytes), want, "{bytes}");
        }
    }

    #[test]
    fn fixed_rounds_half_away_from_zero_to_the_places_asked() {
        for (value, places, want) in [
            (0.0, 1, "0.0"),
            (4.333_333, 2, "4.33"),
            (1.5, 2, "1.50"),
            (2.25, 1, "2.3"),
            (7.707, 1, "7.7"),
            (12.0, 0, "12"),
            (12.5, 0, "13"),
            (-12.5, 0, "-13"),
            (-0.04, 1, "0.0"),
            (-1.23456, 3, "-1.235"),
            (0.05, 2, "0.05"),
            (150.0, 1, "150.0"),
            (1e12, 0, "1000000000000"),
            (f64::NAN, 1, "–"),
            (f64::NEG_INFINITY, 0, "–"),
        ] {
            assert_eq!(fixed(value, places), want, "{value} to {places}");
        }
    }

    #[test]
    fn fixed_agrees_with_rust_where_no_tie_is_rounded() {
        // `{:.N}` rounds ties of the exact binary value to even; away from ties the two agree.
        let mut x = 0.013_f64;
        while x < 2.0e6 {
            for places in 0..=3u32 {
                let width = places as usize;
                let scaled = x * 10f64.powi(places as i32);
                if (scaled - scaled.trunc() - 0.5).abs() > 1e-6 {
                    assert_eq!(fixed(x, places), format!("{x:.width$}"), "{x} to {places}");
                    // Rust keeps the sign of a negative number that rounds to zero ("-0.0").
                    let rust = format!("{:.width$}", -x);
                    let rust = match rust.strip_prefix('-') {
                        Some(zero) if zero.chars().all(|c| c == '0' || c == '.') => zero.to_owned(),
                        _ => rust,
                    };
                    assert_eq!(fixed(-x, places), rust, "-{x} to {places}");
                }
            }
            x = x * 1.37 + 0.011;
        }
    }

    #[test]
    fn usd_groups_thousands() {
        for (value, expected) in [
            (0, "$0"),
            (999, "$999"),
            (7707, "$7,707"),
            (90652, "$90,652"),
            (130000, "$130,000"),
            (1234567, "$1,234,567"),
            (u32::MAX, "$4,294,967,295"),
        ] {
            assert_eq!(usd(value), expected);
        }
    }

    #[test]
    fn ordinals() {
        for (n, expected) in [
            (0, "0th"),
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (81, "81st"),
            (100, "100th"),
            (101, "101st"),
            (111, "111th"),
        ] {
            assert_eq!(ordinal(n), expected);
        }
    }

    #[test]
    fn money_rounds_to_whole_dollars() {
        for (value, expected) in [
            (4166.666, "$4,167"),
            (7707.0, "$7,707"),
            (0.4, "$0"),
            (-1500.0, "-$1,500"),
            (f64::NAN, "–"),
            (f64::INFINITY, "–"),
            (1e12, "$1000000000000"),
        ] {
            assert_eq!(money(value), expected);
        }
    }

    #[test]
    fn salary_figures_keep_open_ends_open() {
        use SalaryFigure::*;
        assert_eq!(
            salary_figure(&Range {
                min: 50000,
                max: 70000
            }),
            "$50,000 – $70,000"
        );
        assert_eq!(
            salary_figure(&OpenRange {
                min: 130000,
                stated_top: None
            }),
            "$130,000+"
        );
        assert_eq!(
            salary_figure(&OpenRange {
                min: 170000,
                stated_top: Some(220000)
            }),
            "$170,000 – $220,000+"
        );
        assert_eq!(salary_figure(&Point { value: 50000 }), "$50,000 (average)");
    }

    #[test]
    fn years_ranges() {
        assert_eq!(
            years(&YearsRange {
                min: 0,
                max: Some(2)
            }),
            "0–2 years"
        );
        assert_eq!(years(&YearsRange { min: 8, max: None }), "8+ years");
    }
}
