#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `number::parse_decimal`, the app's own decimal parser, against `str::parse::<f64>`.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

use atlas_core::number::parse_decimal;
use proptest::prelude::*;

fn rust(text: &str) -> f64 {
    text.parse::<f64>().unwrap()
}

#[test]
fn amounts_parse_exactly_as_rust_does() {
    for text in [
        "0",
        "4500",
        "4500.25",
        "4500.5",
        "+4500",
        "-4500",
        "0.005",
        ".5",
        "5.",
        "007",
        "0.0",
        "99999999.995",
        "100000000.01",
        "1e3",
        "1E3",
        "2.5e-1",
        "-2.5E+1",
        "1e22",
        "1e-22",
        "123456789012345",
        "0.000000000000001",
        "10000000000000000000000",
        "1e-400",
        "1e400",
        "-0",
    ] {
        let got = parse_decimal(text).unwrap_or_else(|| panic!("{text:?} refused"));
        assert_eq!(got.to_bits(), rust(text).to_bits(), "{text:?}");
    }
}

#[test]
fn everything_else_is_refused() {
    for text in [
        "",
        " ",
        " 1",
        "1 ",
        ".",
        "+",
        "-",
        "+-1",
        "1.2.3",
        "1,000",
        "1_000",
        "$5",
        "0x10",
        "e5",
        ".e5",
        "1e",
        "1e+",
        "1e-",
        "1e5.5",
        "1ee5",
        "inf",
        "-inf",
        "infinity",
        "NaN",
        "nan",
        "١٢٣",
        "5k",
        "4500\u{a0}",
    ] {
        assert_eq!(parse_decimal(text), None, "{text:?}");
    }
}

#[test]
fn zeros_and_subnormals() {
    for text in ["0", "0.0", "0e5", "0.000", "-0.0"] {
        let got = parse_decimal(text).unwrap();
        assert_eq!(got, 0.0, "{text:?}");
        assert_eq!(
            got.is_sign_negative(),
            text.starts_with('-'),
            "{text:?}: sign of zero"
        );
    }
    // Below f64::MIN_POSITIVE (2.2e-308) values are subnormal: read as a subnormal or zero,
    // never as a normal number, within the smallest normal value of Rust's reading.
    for text in ["1e-310", "4.9e-324", "2e-320", "1.5e-315"] {
        let got = parse_decimal(text).unwrap();
        let want = rust(text);
        assert!(
            want != 0.0 && !want.is_normal(),
            "{text:?} is subnormal in Rust"
        );
        assert!(!got.is_normal(), "{text:?} -> {got}");
        assert!(
            (got - want).abs() <= f64::MIN_POSITIVE,
            "{text:?}: {got} vs {want}"
        );
    }
}

#[test]
fn long_digit_runs_keep_nineteen_significant_digits() {
    // Digits past the 19th only move the exponent (integer part) or are dropped (fraction).
    let long = format!("1{}", "0".repeat(40));
    assert_eq!(parse_decimal(&long), Some(1e40));
    let got = parse_decimal("4500.123456789012345678901234567890").unwrap();
    assert!((got - 4500.123456789012).abs() < 1e-9, "{got}");
    let huge_exponent = format!("1e{}", "9".repeat(30));
    assert_eq!(parse_decimal(&huge_exponent), Some(f64::INFINITY));
    assert_eq!(parse_decimal(&format!("1e-{}", "9".repeat(30))), Some(0.0));
}

proptest! {
    #[test]
    fn cents_amounts_are_exact(cents in 0u64..=100_000_000_000) {
        let text = format!("{}.{:02}", cents / 100, cents % 100);
        prop_assert_eq!(parse_decimal(&text), Some(rust(&text)));
        let whole = (cents / 100).to_string();
        prop_assert_eq!(parse_decimal(&whole), Some(rust(&whole)));
    }

    #[test]
    fn any_float_reads_back_within_a_relative_1e_14(x in any::<f64>().prop_filter("normal", |x| x.is_normal())) {
        // The tolerance is relative: 1e-14 of the value (about 45 units in the last place), not
        // exactness; money figures need far less (`cents_amounts_are_exact` checks those exactly).
        for text in [format!("{x}"), format!("{x:e}"), format!("{x:.3}")] {
            let want = rust(&text);
            let got = parse_decimal(&text).unwrap();
            prop_assert!((got - want).abs() <= want.abs() * 1e-14, "{} -> {} (want {})", text, got, want);
        }
    }

    #[test]
    fn refuses_what_rust_refuses_and_agrees_on_the_rest(text in "[-+0-9.eE]{0,12}|\\PC{0,12}") {
        let words = ["inf", "infinity", "nan"];
        let is_word = words.iter().any(|w| text.trim_start_matches(['+', '-']).eq_ignore_ascii_case(w));
        match (text.parse::<f64>(), parse_decimal(&text)) {
            (Err(_), got) => prop_assert_eq!(got, None, "{:?}", text),
            (Ok(_), None) => prop_assert!(is_word, "{:?} refused", text),
            (Ok(want), Some(got)) => {
                if want.is_normal() {
                    // Relative 1e-14, as above.
                    prop_assert!((got - want).abs() <= want.abs() * 1e-14, "{:?}: {} vs {}", text, got, want);
                } else if want.is_infinite() {
                    prop_assert_eq!(got, want);
                } else if want == 0.0 {
                    prop_assert_eq!(got, 0.0, "{:?}", text);
                } else {
                    // Subnormal: below the smallest normal value, absolute error then counts.
                    prop_assert!(!got.is_normal() || got == f64::MIN_POSITIVE, "{:?}: {}", text, got);
                    prop_assert!((got - want).abs() <= f64::MIN_POSITIVE, "{:?}: {} vs {}", text, got, want);
                }
            }
        }
    }
}
