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
