//! Decimal text to `f64` for the amounts people type, paste or link (`salary=`, the salary box,
//! the offers CSV), without `str::parse::<f64>`: core's float parser carries a table of powers
//! of five of about 10 KB that does not compress, and it was the largest single item of the
//! Salaries page's wasm (~15 KB gzipped).
//!
//! Accepts what `str::parse::<f64>` accepts except its words (`inf`, `infinity`, `nan`, which no
//! caller wants): an optional sign, digits with at most one `.` (at least one digit), and an
//! optional exponent (`e` or `E`, optional sign, digits). The result is the correctly rounded
//! value whenever the digits after leading zeros number at most 15 and the decimal exponent is
//! within ±22 (every salary, every amount the app writes); otherwise it is within a few units in
//! the last place (the first 19 significant digits count), which rounding to cents never shows.

/// Powers of ten that are exact in `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
/// Significant digits kept; the rest only move the exponent.
const MAX_DIGITS: u32 = 19;
/// Decimal exponents beyond this give infinity or zero for any 19-digit mantissa.
const MAX_EXPONENT: i64 = 400;

/// Money as people type it, as plain decimal text: drops `$`, thousands separators (`,`) and
/// spaces (also no-break ones). `"$95 000"` -> `"95000"`.
pub fn strip_money_marks(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '$' | ',' | ' ' | '\u{a0}'))
        .collect()
}

/// `"4500"` -> 4500.0, `"4500.25"`, `"+.5"`, `"5."`, `"1e3"`, `"-2.5E-1"`; `None` for anything
/// else (empty text, spaces, separators, a second `.`, `inf`, `nan`, hex).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, mut rest) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let mut mantissa = 0u64;
    let mut kept = 0u32;
    let mut exponent = 0i64;
    let (mut any_digit, mut in_fraction) = (false, false);
    while let Some((&b, tail)) = rest.split_first() {
        match b {
            b'0'..=b'9' => {
                any_digit = true;
                if mantissa == 0 && b == b'0' {
                    // A leading zero: only its place counts.
                    exponent -= i64::from(in_fraction);
                } else if kept < MAX_DIGITS {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    kept += 1;
                    exponent -= i64::from(in_fraction);
                } else {
                    // A dropped digit: an integer digit still scales the value.
                    exponent += i64::from(!in_fraction);
                }
            }
            b'.' if !in_fraction => in_fraction = true,
            b'e' | b'E' if any_digit => {
                exponent = exponent.saturating_add(parse_exponent(tail)?);
                rest = &[];
                continue;
            }
            _ => return None,
        }
        rest = tail;
    }
    if !any_digit {
        return None;
    }
    let magnitude = scale(mantissa, exponent);
    Some(if negative { -magnitude } else { magnitude })
}

/// The digits after `e`: an optional sign and at least one digit; clamped to ±[`MAX_EXPONENT`].
fn parse_exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value = 0i64;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        value = (value * 10 + i64::from(b - b'0')).min(MAX_EXPONENT);
    }
    Some(if negative { -value } else { value })
}

/// `mantissa × 10^exponent`, correctly rounded when both are small enough to be exact in `f64`.
fn scale(mantissa: u64, exponent: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let exponent = exponent.clamp(-2 * MAX_EXPONENT, MAX_EXPONENT);
    let m = mantissa as f64;
    let exact = mantissa <= 1 << 53;
    if exact && (0..=22).contains(&exponent) {
        return m * POW10[exponent as usize];
    }
    if exact && (-22..0).contains(&exponent) {
        return m / POW10[(-exponent) as usize];
    }
    let mut value = m;
    let mut left = exponent;
    while left > 0 {
        let step = left.min(22);
        value *= POW10[step as usize];
        left -= step;
    }
    while left < 0 {
        let step = (-left).min(22);
        value /= POW10[step as usize];
        left += step;
    }
    value
}
