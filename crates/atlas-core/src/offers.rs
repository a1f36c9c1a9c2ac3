//! Job offers side by side (the Offers page's domain): what a reader types for an offer, checked
//! field by field, and the offer's pay as a **first-year** total and as an **annualized** one.
//! Amounts are whole cents (`u64`), so totals add exactly. `draft`: an offer as typed and its
//! check; `compare`: totals side by side, placement against the market, Markdown; `saved`: the
//! stored value, the export file and the share code.
//!
//! The two methods, as the page states them ([`compare::FIRST_YEAR_METHOD`]):
//! - first year: base + annual bonus + the whole sign-on bonus + the equity that vests in the
//!   first year (a year's share, grant ÷ vesting years, when the cliff is at most 12 months;
//!   nothing when the cliff is later) + other yearly cash;
//! - annualized: base + annual bonus + the sign-on spread over the vesting period (over
//!   [`SPREAD_YEARS_WITHOUT_EQUITY`] years for an offer without equity, as levels.fyi does) +
//!   grant ÷ vesting years + other yearly cash.

pub mod compare;
pub mod draft;
pub mod saved;

use crate::data::{Level, Period};

/// The largest amount a field takes: $100,000,000, in cents.
pub const MAX_AMOUNT_CENTS: u64 = 100_000_000 * 100;
/// The largest bonus percentage, in basis points (1,000 %).
pub const MAX_BONUS_BASIS_POINTS: u64 = 100_000;
/// The longest vesting period, in years.
pub const MAX_VESTING_YEARS: u8 = 10;
/// The period a sign-on bonus is spread over when the offer has no equity.
pub const SPREAD_YEARS_WITHOUT_EQUITY: u64 = 4;

/// Why a field's text is refused; the page says it at the field and keeps what was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    NotANumber,
    Negative,
    /// Over $100,000,000 (or a bonus over 1,000 %).
    TooLarge,
    VestingZero,
    VestingTooLong,
    /// The cliff is longer than the vesting period.
    CliffTooLong,
    /// Months of a cliff are whole months.
    NotWhole,
    /// A field that must be filled (the base salary).
    Required,
    /// A label over [`draft::MAX_LABEL_CHARS`] characters.
    TooLong,
}

impl FieldError {
    pub fn message(self) -> &'static str {
        match self {
            FieldError::NotANumber => "Type a number, such as 120000 or $120,000.",
            FieldError::Negative => "An amount cannot be negative.",
            FieldError::TooLarge => "That is more than $100,000,000 (or a bonus over 1,000 %).",
            FieldError::VestingZero => "A vesting period is at least 1 year.",
            FieldError::VestingTooLong => "A vesting period is at most 10 years.",
            FieldError::CliffTooLong => "The cliff cannot be longer than the vesting period.",
            FieldError::NotWhole => "Type a whole number.",
            FieldError::Required => "Type the base salary: the offer is compared once it has one.",
            FieldError::TooLong => "A label is at most 60 characters.",
        }
    }
}

/// A number as people type it: `$`, spaces and thousands separators are ignored
/// ([`crate::number::strip_money_marks`], as in the salary box).
fn number(text: &str) -> Result<Option<f64>, FieldError> {
    let cleaned = crate::number::strip_money_marks(text);
    if cleaned.is_empty() {
        return Ok(None);
    }
    let value = crate::number::parse_decimal(&cleaned).ok_or(FieldError::NotANumber)?;
    if !value.is_finite() {
        return Err(FieldError::TooLarge);
    }
    if value < 0.0 {
        return Err(FieldError::Negative);
    }
    Ok(Some(value))
}

/// A typed number × `scale`, rounded, at most `max`; an empty field is `None`.
fn scaled(text: &str, scale: f64, max: u64) -> Result<Option<u64>, FieldError> {
    let Some(value) = number(text)? else {
        return Ok(None);
    };
    let units = (value * scale).round();
    if units > max as f64 {
        return Err(FieldError::TooLarge);
    }
    Ok(Some(units as u64))
}

/// An amount in dollars (`"120000"`, `"$120,000"`, `"4 500.50"`) in cents; an empty field is
/// `None`.
pub fn parse_amount(text: &str) -> Result<Option<u64>, FieldError> {
    scaled(text, 100.0, MAX_AMOUNT_CENTS)
}

/// A percentage (`"15"`, `"12.5 %"`) in basis points; an empty field is `None`.
pub fn parse_percent(text: &str) -> Result<Option<u64>, FieldError> {
    let text = text.trim_end();
    scaled(
        text.strip_suffix('%').unwrap_or(text),
        100.0,
        MAX_BONUS_BASIS_POINTS,
    )
}

/// A vesting period in whole years, 1 to [`MAX_VESTING_YEARS`].
pub fn parse_vesting_years(text: &str) -> Result<u8, FieldError> {
    let years = number(text)?.ok_or(FieldError::NotANumber)?;
    if years.fract() != 0.0 {
        return Err(FieldError::NotWhole);
    }
    match years as u64 {
        0 => Err(FieldError::VestingZero),
        n if n > u64::from(MAX_VESTING_YEARS) => Err(FieldError::VestingTooLong),
        n => Ok(n as u8),
    }
}

/// A cliff in whole months (empty: none), at most the vesting period.
pub fn parse_cliff_months(text: &str, vesting_years: u8) -> Result<u16, FieldError> {
    let Some(months) = number(text)? else {
        return Ok(0);
    };
    if months.fract() != 0.0 {
        return Err(FieldError::NotWhole);
    }
    if months > f64::from(vesting_years) * 12.0 {
        return Err(FieldError::CliffTooLong);
    }
    Ok(months as u16)
}

/// The annual bonus: a share of the base, or an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bonus {
    BasisPoints(u64),
    Cents(u64),
}

/// An equity grant: its whole value, vesting evenly over whole years after the cliff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Equity {
    pub grant_cents: u64,
    /// 1 to [`MAX_VESTING_YEARS`].
    pub vesting_years: u8,
    /// At most `vesting_years × 12`.
    pub cliff_months: u16,
}

impl Equity {
    /// A year's share of the grant.
    pub fn per_year(self) -> u64 {
        share(self.grant_cents, 1, u64::from(self.vesting_years))
    }
}

/// One offer, as checked from its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub label: String,
    /// A BLS OEWS area code from the Locations data, when the reader gave one.
    pub area: Option<String>,
    pub level: Option<Level>,
    /// Base salary as typed, per `base_period`.
    pub base_cents: u64,
    pub base_period: Period,
    pub bonus: Option<Bonus>,
    pub sign_on_cents: u64,
    pub equity: Option<Equity>,
    pub other_yearly_cents: u64,
}

/// The parts of one year's pay under one method, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parts {
    pub base: u64,
    pub bonus: u64,
    pub sign_on: u64,
    pub equity: u64,
    pub other: u64,
}

impl Parts {
    pub fn total(self) -> u64 {
        self.base + self.bonus + self.sign_on + self.equity + self.other
    }
}

/// `a × b ÷ c`, rounded half up, without overflow for every amount the fields take.
fn share(a: u64, b: u64, c: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    ((product + u128::from(c) / 2) / u128::from(c.max(1))) as u64
}

impl Offer {
    /// The base salary for a year (a monthly figure × 12).
    pub fn base_per_year(&self) -> u64 {
        match self.base_period {
            Period::Year => self.base_cents,
            Period::Month => self.base_cents * 12,
        }
    }

    fn common(&self) -> Parts {
        let base = self.base_per_year();
        let bonus = match self.bonus {
            None => 0,
            Some(Bonus::Cents(cents)) => cents,
            Some(Bonus::BasisPoints(bp)) => share(base, bp, 10_000),
        };
        Parts {
            base,
            bonus,
            other: self.other_yearly_cents,
            ..Parts::default()
        }
    }

    /// The first year's pay (module docs).
    pub fn first_year(&self) -> Parts {
        let equity = self.equity.map_or(0, |e| {
            if e.cliff_months <= 12 {
                e.per_year()
            } else {
                0
            }
        });
        Parts {
            sign_on: self.sign_on_cents,
            equity,
            ..self.common()
        }
    }

    /// The pay per year over the vesting period (module docs).
    pub fn annualized(&self) -> Parts {
        let years = self
            .equity
            .map_or(SPREAD_YEARS_WITHOUT_EQUITY, |e| u64::from(e.vesting_years));
        Parts {
            sign_on: share(self.sign_on_cents, 1, years),
            equity: self.equity.map_or(0, Equity::per_year),
            ..self.common()
        }
    }
}
