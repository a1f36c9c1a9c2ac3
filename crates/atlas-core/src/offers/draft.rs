//! One offer as the reader typed it ([`Draft`]: every field as text, so nothing typed is ever
//! lost, even when it does not parse), and the check that turns it into an [`Offer`] or says,
//! field by field, what is wrong.

use super::{
    parse_amount, parse_cliff_months, parse_percent, parse_vesting_years, Bonus, Equity,
    FieldError, Offer,
};
use crate::data::{Level, Period};
use serde::Serialize;

/// The longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 60;

/// What the reader typed for one offer. Field texts are kept as typed; `area` is a BLS OEWS
/// area code (or empty), `level` a canonical level id (or empty), `base_period` `year` or
/// `month`, `bonus_kind` `percent` or `amount`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub label: String,
    pub area: String,
    pub level: String,
    pub base: String,
    pub base_period: String,
    pub bonus: String,
    pub bonus_kind: String,
    pub sign_on: String,
    pub grant: String,
    pub vesting: String,
    pub cliff: String,
    pub other: String,
}

impl Default for Draft {
    /// A blank offer: yearly base, a percentage bonus, and the usual 4-year vesting with a
    /// 12-month cliff for a grant.
    fn default() -> Self {
        Draft {
            label: String::new(),
            area: String::new(),
            level: String::new(),
            base: String::new(),
            base_period: "year".into(),
            bonus: String::new(),
            bonus_kind: "percent".into(),
            sign_on: String::new(),
            grant: String::new(),
            vesting: "4".into(),
            cliff: "12".into(),
            other: String::new(),
        }
    }
}

/// The fields of an offer, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Label,
    Base,
    Bonus,
    SignOn,
    Grant,
    Vesting,
    Cliff,
    Other,
}

impl Field {
    /// The field's id in the page (`offer-0-base`).
    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            Field::Label => "label",
            Field::Base => "base",
            Field::Bonus => "bonus",
            Field::SignOn => "sign-on",
            Field::Grant => "grant",
            Field::Vesting => "vesting",
            Field::Cliff => "cliff",
            Field::Other => "other",
        }
    }

    /// The field's name in the form (and in messages).
    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            Field::Label => "Label",
            Field::Base => "Base salary",
            Field::Bonus => "Annual bonus",
            Field::SignOn => "Sign-on bonus",
            Field::Grant => "Equity grant (total value)",
            Field::Vesting => "Vesting (years)",
            Field::Cliff => "Cliff (months)",
            Field::Other => "Other yearly cash",
        }
    }
}

/// The offer's letter by position: "Offer A" for the first.
pub fn default_label(index: usize) -> String {
    let letter = char::from(b'A' + (index % 26) as u8);
    format!("Offer {letter}")
}

impl Draft {
    /// The fields' names in the stored value and the export file, in the share code's order.
    pub const FIELDS: [&'static str; 12] = [
        "label",
        "area",
        "level",
        "base",
        "base_period",
        "bonus",
        "bonus_kind",
        "sign_on",
        "grant",
        "vesting",
        "cliff",
        "other",
    ];

    /// The field texts in [`Draft::FIELDS`] order.
    pub fn texts(&self) -> [&str; 12] {
        [
            &self.label,
            &self.area,
            &self.level,
            &self.base,
            &self.base_period,
            &self.bonus,
            &self.bonus_kind,
            &self.sign_on,
            &self.grant,
            &self.vesting,
            &self.cliff,
            &self.other,
        ]
        .map(String::as_str)
    }

    /// The field named `name` ([`Draft::FIELDS`]).
    pub fn field_mut(&mut self, name: &str) -> Option<&mut String> {
        Some(match name {
            "label" => &mut self.label,
            "area" => &mut self.area,
            "level" => &mut self.level,
            "base" => &mut self.base,
            "base_period" => &mut self.base_period,
            "bonus" => &mut self.bonus,
            "bonus_kind" => &mut self.bonus_kind,
            "sign_on" => &mut self.sign_on,
            "grant" => &mut self.grant,
            "vesting" => &mut self.vesting,
            "cliff" => &mut self.cliff,
            "other" => &mut self.other,
            _ => return None,
        })
    }

    /// The label to show: as typed (trimmed), or "Offer A", "Offer B"… by position.
    pub fn shown_label(&self, index: usize) -> String {
        let label = self.label.trim();
        if label.is_empty() {
            default_label(index)
        } else {
            label.chars().take(MAX_LABEL_CHARS).collect()
        }
    }

    pub fn period(&self) -> Period {
        if self.base_period == "month" {
            Period::Month
        } else {
            Period::Year
        }
    }

    pub fn bonus_is_amount(&self) -> bool {
        self.bonus_kind == "amount"
    }

    /// Whether the reader typed anything into the figures (a blank offer is not compared).
    pub fn is_blank(&self) -> bool {
        [
            &self.base,
            &self.bonus,
            &self.sign_on,
            &self.grant,
            &self.other,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
    }
}

/// What [`check`] made of a draft: the offer when every field is right, and each field's
/// problem otherwise (in form order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub offer: Option<Offer>,
    pub errors: Vec<(Field, FieldError)>,
}

impl Checked {
    pub fn error(&self, field: Field) -> Option<FieldError> {
        self.errors.iter().find(|(f, _)| *f == field).map(|e| e.1)
    }
}

/// Checks every field of `draft` (the offer at `index`, for its default label). The vesting
/// period and the cliff are checked when a grant is given or when they are not left empty; the
/// base salary is required.
pub fn check(draft: &Draft, index: usize) -> Checked {
    let mut errors = Vec::new();
    let mut take = |field: Field, result: Result<Option<u64>, FieldError>| match result {
        Ok(value) => value,
        Err(error) => {
            errors.push((field, error));
            None
        }
    };
    if draft.label.trim().chars().count() > MAX_LABEL_CHARS {
        take(Field::Label, Err(FieldError::TooLong));
    }
    let base = take(Field::Base, parse_amount(&draft.base));
    if base.is_none() && draft.base.trim().is_empty() {
        take(Field::Base, Err(FieldError::Required));
    }
    let bonus = if draft.bonus_is_amount() {
        take(Field::Bonus, parse_amount(&draft.bonus)).map(Bonus::Cents)
    } else {
        take(Field::Bonus, parse_percent(&draft.bonus)).map(Bonus::BasisPoints)
    };
    let sign_on = take(Field::SignOn, parse_amount(&draft.sign_on));
    let grant = take(Field::Grant, parse_amount(&draft.grant));
    let other = take(Field::Other, parse_amount(&draft.other));
    let has_grant = grant.is_some_and(|g| g > 0);
    let mut equity = None;
    if has_grant || !draft.vesting.trim().is_empty() || !draft.cliff.trim().is_empty() {
        match parse_vesting_years(&draft.vesting) {
            Ok(years) => match parse_cliff_months(&draft.cliff, years) {
                Ok(cliff) => {
                    equity = grant.filter(|&g| g > 0).map(|grant_cents| Equity {
                        grant_cents,
                        vesting_years: years,
                        cliff_months: cliff,
                    });
                }
                Err(error) => {
                    take(Field::Cliff, Err(error));
                }
            },
            // An empty vesting field matters only with a grant.
            Err(FieldError::NotANumber) if !has_grant && draft.vesting.trim().is_empty() => {}
            Err(error) => {
                take(Field::Vesting, Err(error));
            }
        }
    }
    let offer = match (errors.is_empty(), base) {
        (true, Some(base_cents)) => Some(Offer {
            label: draft.shown_label(index),
            area: Some(draft.area.trim().to_owned()).filter(|a| !a.is_empty()),
            level: Level::from_id(draft.level.trim()),
            base_cents,
            base_period: draft.period(),
            bonus,
            sign_on_cents: sign_on.unwrap_or(0),
            equity,
            other_yearly_cents: other.unwrap_or(0),
        }),
        _ => None,
    };
    Checked { offer, errors }
}
