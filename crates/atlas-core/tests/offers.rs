#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the offers domain (`atlas_core::offers`, issue 24): the fields as typed,
//! and the first-year and annualized totals, table-driven over cliffs, vesting periods of 1 to 5
//! years, percentage and amount bonuses, monthly input and no equity; and a property that no
//! typed text panics.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

use atlas_core::data::Period;
use atlas_core::offers::{
    parse_amount, parse_cliff_months, parse_percent, parse_vesting_years, Bonus, Equity,
    FieldError, Offer, Parts,
};
use proptest::prelude::*;

const D: u64 = 100; // one dollar, in cents

fn offer(
    base: u64,
    period: Period,
    bonus: Option<Bonus>,
    sign_on: u64,
    equity: Option<Equity>,
) -> Offer {
    Offer {
        label: "Offer A".into(),
        area: None,
        level: None,
        base_cents: base * D,
        base_period: period,
        bonus,
        sign_on_cents: sign_on * D,
        equity,
        other_yearly_cents: 0,
    }
}

fn equity(grant: u64, years: u8, cliff: u16) -> Option<Equity> {
    Some(Equity {
        grant_cents: grant * D,
        vesting_years: years,
        cliff_months: cliff,
    })
}

#[test]
fn amounts_as_people_type_them() {
    let cases: &[(&str, Result<Option<u64>, FieldError>)] = &[
        ("", Ok(None)),
        ("   ", Ok(None)),
        ("120000", Ok(Some(120_000 * D))),
        ("$120,000", Ok(Some(120_000 * D))),
        ("120 000", Ok(Some(120_000 * D))),
        ("4500.505", Ok(Some(450_051))),
        ("0", Ok(Some(0))),
        ("100000000", Ok(Some(100_000_000 * D))),
        ("100000000.01", Err(FieldError::TooLarge)),
        ("1e400", Err(FieldError::TooLarge)),
        ("-5", Err(FieldError::Negative)),
        ("twelve", Err(FieldError::NotANumber)),
        ("12k", Err(FieldError::NotANumber)),
        ("5%", Err(FieldError::NotANumber)),
        ("nan", Err(FieldError::NotANumber)),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_amount(text), *expected, "{text:?}");
    }
}

#[test]
fn percentages_vesting_and_cliffs() {
    assert_eq!(parse_percent("15"), Ok(Some(1_500)));
    assert_eq!(parse_percent("12.5 %"), Ok(Some(1_250)));
    assert_eq!(parse_percent("7.5%"), Ok(Some(750)));
    assert_eq!(parse_percent(""), Ok(None));
    assert_eq!(parse_percent("1001"), Err(FieldError::TooLarge));
    assert_eq!(parse_percent("-1"), Err(FieldError::Negative));

    assert_eq!(parse_vesting_years("4"), Ok(4));
    assert_eq!(parse_vesting_years("0"), Err(FieldError::VestingZero));
    assert_eq!(parse_vesting_years("11"), Err(FieldError::VestingTooLong));
    assert_eq!(parse_vesting_years("2.5"), Err(FieldError::NotWhole));
    assert_eq!(parse_vesting_years(""), Err(FieldError::NotANumber));

    assert_eq!(parse_cliff_months("", 4), Ok(0));
    assert_eq!(parse_cliff_months("12", 4), Ok(12));
    assert_eq!(parse_cliff_months("48", 4), Ok(48));
    assert_eq!(parse_cliff_months("49", 4), Err(FieldError::CliffTooLong));
    assert_eq!(parse_cliff_months("13", 1), Err(FieldError::CliffTooLong));
    assert_eq!(parse_cliff_months("1.5", 4), Err(FieldError::NotWhole));
}

#[test]
fn first_year_and_annualized_totals() {
    // (what, offer, first year, annualized) in dollars: (base, bonus, sign-on, equity).
    let cases: Vec<(&str, Offer, [u64; 4], [u64; 4])> = vec![
        (
            "base only",
            offer(120_000, Period::Year, None, 0, None),
            [120_000, 0, 0, 0],
            [120_000, 0, 0, 0],
        ),
        (
            "monthly base",
            offer(10_000, Period::Month, None, 0, None),
            [120_000, 0, 0, 0],
            [120_000, 0, 0, 0],
        ),
        (
            "percentage bonus",
            offer(
                120_000,
                Period::Year,
                Some(Bonus::BasisPoints(1_500)),
                0,
                None,
            ),
            [120_000, 18_000, 0, 0],
            [120_000, 18_000, 0, 0],
        ),
        (
            "percentage bonus on a monthly base",
            offer(
                10_000,
                Period::Month,
                Some(Bonus::BasisPoints(1_000)),
                0,
                None,
            ),
            [120_000, 12_000, 0, 0],
            [120_000, 12_000, 0, 0],
        ),
        (
            "amount bonus",
            offer(
                120_000,
                Period::Year,
                Some(Bonus::Cents(10_000 * D)),
                0,
                None,
            ),
            [120_000, 10_000, 0, 0],
            [120_000, 10_000, 0, 0],
        ),
        (
            "sign-on, no equity: spread over 4 years",
            offer(100_000, Period::Year, None, 20_000, None),
            [100_000, 0, 20_000, 0],
            [100_000, 0, 5_000, 0],
        ),
        (
            "4 years, 12-month cliff",
            offer(100_000, Period::Year, None, 20_000, equity(200_000, 4, 12)),
            [100_000, 0, 20_000, 50_000],
            [100_000, 0, 5_000, 50_000],
        ),
        (
            "4 years, no cliff",
            offer(100_000, Period::Year, None, 0, equity(200_000, 4, 0)),
            [100_000, 0, 0, 50_000],
            [100_000, 0, 0, 50_000],
        ),
        (
            "4 years, 18-month cliff: nothing the first year",
            offer(100_000, Period::Year, None, 0, equity(200_000, 4, 18)),
            [100_000, 0, 0, 0],
            [100_000, 0, 0, 50_000],
        ),
        (
            "1 year",
            offer(100_000, Period::Year, None, 10_000, equity(30_000, 1, 12)),
            [100_000, 0, 10_000, 30_000],
            [100_000, 0, 10_000, 30_000],
        ),
        (
            "2 years",
            offer(100_000, Period::Year, None, 10_000, equity(30_000, 2, 6)),
            [100_000, 0, 10_000, 15_000],
            [100_000, 0, 5_000, 15_000],
        ),
        (
            "3 years, thirds rounded to cents",
            offer(100_000, Period::Year, None, 10_000, equity(100_000, 3, 12)),
            [100_000, 0, 10_000, 0],
            [100_000, 0, 0, 0],
        ),
        (
            "5 years, 24-month cliff",
            offer(100_000, Period::Year, None, 25_000, equity(500_000, 5, 24)),
            [100_000, 0, 25_000, 0],
            [100_000, 0, 5_000, 100_000],
        ),
        (
            "zero equity",
            offer(100_000, Period::Year, None, 0, equity(0, 4, 12)),
            [100_000, 0, 0, 0],
            [100_000, 0, 0, 0],
        ),
    ];
    let dollars = |p: Parts| [p.base, p.bonus, p.sign_on, p.equity].map(|c| c / D);
    for (what, offer, first, annual) in &cases {
        if *what == "3 years, thirds rounded to cents" {
            // $100,000 / 3 and $10,000 / 3, to the cent.
            assert_eq!(offer.first_year().equity, 3_333_333, "{what}");
            assert_eq!(offer.annualized().sign_on, 333_333, "{what}");
            assert_eq!(
                offer.annualized().total(),
                10_000_000 + 333_333 + 3_333_333,
                "{what}"
            );
            continue;
        }
        assert_eq!(dollars(offer.first_year()), *first, "first year: {what}");
        assert_eq!(dollars(offer.annualized()), *annual, "annualized: {what}");
    }
}

#[test]
fn other_yearly_cash_counts_in_both_totals() {
    let mut o = offer(
        100_000,
        Period::Year,
        Some(Bonus::BasisPoints(1_000)),
        8_000,
        equity(40_000, 4, 12),
    );
    o.other_yearly_cents = 2_000 * D;
    assert_eq!(
        o.first_year().total(),
        (100_000 + 10_000 + 8_000 + 10_000 + 2_000) * D
    );
    assert_eq!(
        o.annualized().total(),
        (100_000 + 10_000 + 2_000 + 10_000 + 2_000) * D
    );
}

proptest! {
    #[test]
    fn no_typed_text_panics(text in ".{0,40}", years in 0u8..=12) {
        let _ = parse_amount(&text);
        let _ = parse_percent(&text);
        let _ = parse_vesting_years(&text);
        let _ = parse_cliff_months(&text, years);
    }

    #[test]
    fn totals_never_overflow_and_annualized_never_exceeds_first_year_plus_vested(
        base in 0..=100_000_000u64 * D,
        monthly in any::<bool>(),
        bonus_bp in 0..=100_000u64,
        sign_on in 0..=100_000_000u64 * D,
        grant in 0..=100_000_000u64 * D,
        years in 1u8..=10,
        cliff_share in 0u16..=120,
    ) {
        let o = Offer {
            label: String::new(),
            area: None,
            level: None,
            base_cents: base,
            base_period: if monthly { Period::Month } else { Period::Year },
            bonus: Some(Bonus::BasisPoints(bonus_bp)),
            sign_on_cents: sign_on,
            equity: Some(Equity { grant_cents: grant, vesting_years: years, cliff_months: cliff_share.min(u16::from(years) * 12) }),
            other_yearly_cents: 0,
        };
        let (first, annual) = (o.first_year(), o.annualized());
        prop_assert!(annual.sign_on <= first.sign_on);
        prop_assert!(first.equity <= annual.equity);
        prop_assert_eq!(first.base, annual.base);
        prop_assert!(first.total() >= first.base);
    }
}
