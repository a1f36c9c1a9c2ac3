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
        format!("{sign}${rounded:.0}")
    }
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
