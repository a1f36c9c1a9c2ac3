//! Offers side by side: each offer's parts and total under the chosen method, the highest total
//! and each offer's difference from it, where each base salary stands against the market, and
//! the comparison as Markdown.

use super::{Offer, Parts};
use crate::data::{AreaFile, Dataset, Period};
use crate::format::money;
use crate::oews::{self, Placement};
use crate::query::salaries::SalariesQuery;
use crate::salaries::Standing;

/// Which yearly total the chart shows (`total=` in the URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Basis {
    /// The pay in the first year, sign-on and cliff included.
    #[default]
    FirstYear,
    /// The pay per year over the vesting period.
    Annualized,
}

impl Basis {
    pub const ALL: [Basis; 2] = [Basis::FirstYear, Basis::Annualized];

    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            Basis::FirstYear => "first-year",
            Basis::Annualized => "annualized",
        }
    }

    pub fn from_id(id: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.id() == id)
    }

    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            Basis::FirstYear => "First year",
            Basis::Annualized => "Annualized",
        }
    }

    /// The label inside a sentence: "first year", "annualized" (no case tables: see clippy.toml).
    #[inline]
    pub fn phrase(self) -> &'static str {
        match self {
            Basis::FirstYear => "first year",
            Basis::Annualized => "annualized",
        }
    }

    pub fn parts(self, offer: &Offer) -> Parts {
        match self {
            Basis::FirstYear => offer.first_year(),
            Basis::Annualized => offer.annualized(),
        }
    }
}

/// How each total is made, as the page and the Markdown state it.
pub const FIRST_YEAR_METHOD: &str = "First year: base salary + annual bonus + the whole sign-on bonus + the equity that vests in the first year (the grant ÷ the vesting years, or nothing when the cliff is longer than 12 months) + other yearly cash.";
pub const ANNUALIZED_METHOD: &str = "Annualized: base salary + annual bonus + the sign-on bonus spread over the vesting period (over 4 years for an offer without equity, as levels.fyi does) + the grant ÷ the vesting years + other yearly cash.";

/// Whole dollars from cents: `$123,457`.
pub fn dollars(cents: u64) -> String {
    money(cents as f64 / 100.0)
}

/// The pay parts in chart order, with their names.
pub const PART_NAMES: [&str; 5] = ["Base", "Bonus", "Sign-on", "Equity", "Other cash"];

pub fn part_values(parts: Parts) -> [u64; 5] {
    [
        parts.base,
        parts.bonus,
        parts.sign_on,
        parts.equity,
        parts.other,
    ]
}

/// One offer's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub parts: Parts,
    pub total: u64,
    /// How much less than the highest total (0 for the highest).
    pub behind: u64,
    /// Holds the highest total (every offer tied for it does).
    pub highest: bool,
}

/// The offers' totals under `basis`, in the reader's order.
pub fn rows(offers: &[Offer], basis: Basis) -> Vec<Row> {
    let totals: Vec<(Parts, u64)> = offers
        .iter()
        .map(|o| {
            let parts = basis.parts(o);
            (parts, parts.total())
        })
        .collect();
    let top = totals.iter().map(|t| t.1).max().unwrap_or(0);
    offers
        .iter()
        .zip(totals)
        .map(|(o, (parts, total))| Row {
            label: o.label.clone(),
            parts,
            total,
            behind: top - total,
            highest: total == top && offers.len() > 1,
        })
        .collect()
}

/// Where an offer's base salary stands against the sources' ranges for its level.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceStanding {
    /// The offer has no level: nothing to compare with.
    NoLevel,
    /// No source gives a figure for the level.
    NoFigures,
    Rows(Vec<Standing>),
}

pub fn source_standing(dataset: &Dataset, offer: &Offer) -> SourceStanding {
    let Some(level) = offer.level else {
        return SourceStanding::NoLevel;
    };
    let q = SalariesQuery {
        levels: vec![level],
        period: Period::Year,
        salary: Some(offer.base_per_year() as f64 / 100.0),
        ..SalariesQuery::default()
    };
    let rows = crate::salaries::standings(dataset, &q);
    if rows.is_empty() {
        SourceStanding::NoFigures
    } else {
        SourceStanding::Rows(rows)
    }
}

/// Where an offer's base salary stands among BLS's percentiles for its location.
#[derive(Debug, Clone, PartialEq)]
pub enum BlsStanding {
    /// The offer has no location.
    NoLocation,
    /// The occupation's file has no such area.
    UnknownArea(String),
    Placed {
        area: String,
        median: String,
        placement: Placement,
    },
}

pub fn bls_standing(file: &AreaFile, offer: &Offer) -> BlsStanding {
    let Some(code) = offer.area.as_deref() else {
        return BlsStanding::NoLocation;
    };
    match oews::find(&file.areas, code) {
        None => BlsStanding::UnknownArea(code.to_owned()),
        Some(i) => {
            let area = &file.areas[i];
            BlsStanding::Placed {
                area: oews::display_name(area).to_owned(),
                median: crate::locations::cell(&area.figures, oews::Stat::Median),
                placement: oews::place(offer.base_per_year() as f64 / 100.0, &area.figures),
            }
        }
    }
}

impl BlsStanding {
    /// One sentence for the page and the Markdown.
    pub fn describe(&self, occupation: &str) -> String {
        match self {
            BlsStanding::NoLocation => {
                "No location given, so there is no BLS area to compare with.".to_owned()
            }
            BlsStanding::UnknownArea(code) => {
                format!("BLS publishes no {occupation} figures for area {code}.")
            }
            BlsStanding::Placed {
                area,
                median,
                placement,
            } => format!(
                "{area}: {} among {occupation} (BLS median {median} a year).",
                placement.describe()
            ),
        }
    }
}

/// Where an offer's base salary stands, as lines for the Markdown: one per source figure for its
/// level and one for BLS (`file`: the chosen occupation's figures, `None` while not loaded).
pub fn placement_lines(dataset: &Dataset, file: Option<&AreaFile>, offer: &Offer) -> Vec<String> {
    let mut lines = match source_standing(dataset, offer) {
        SourceStanding::NoLevel => {
            vec!["No level given, so it is not compared with the sources' ranges.".to_owned()]
        }
        SourceStanding::NoFigures => {
            vec!["No source gives a salary figure for its level.".to_owned()]
        }
        SourceStanding::Rows(rows) => rows
            .into_iter()
            .map(|r| {
                format!(
                    "{}, {} (“{}”), {}: {}.",
                    r.level.label(),
                    r.source,
                    r.source_label,
                    r.figure,
                    r.verdict.describe("a year")
                )
            })
            .collect(),
    };
    lines.push(match file {
        Some(file) => format!(
            "BLS: {}",
            bls_standing(file, offer).describe(&file.occupation.name)
        ),
        None if offer.area.is_none() => BlsStanding::NoLocation.describe(""),
        None => "BLS: the figures for its location were not loaded.".to_owned(),
    });
    lines
}

/// Escapes what would break a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The comparison as Markdown: both totals and their parts per offer, the placement lines
/// (`placements`: one per offer, already worded), and the two methods.
pub fn markdown(offers: &[Offer], placements: &[Vec<String>]) -> String {
    let mut out = String::from(
        "## Job offers compared\n\nAmounts in US dollars a year, as typed into Backend Atlas (a summary, not a quote).\n\n",
    );
    out += "| Offer | Base | Bonus | Sign-on (first year / annualized) | Equity (first year / annualized) | Other cash | First-year total | Annualized total |\n";
    out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    for o in offers {
        let (first, spread) = (o.first_year(), o.annualized());
        out += &format!(
            "| {} | {} | {} | {} / {} | {} / {} | {} | {} | {} |\n",
            cell(&o.label),
            dollars(first.base),
            dollars(first.bonus),
            dollars(first.sign_on),
            dollars(spread.sign_on),
            dollars(first.equity),
            dollars(spread.equity),
            dollars(first.other),
            dollars(first.total()),
            dollars(spread.total()),
        );
    }
    for basis in Basis::ALL {
        let rows = rows(offers, basis);
        if let Some(top) = rows.iter().find(|r| r.highest) {
            out += &format!(
                "\nHighest {} total: {} ({}).\n",
                basis.id(),
                cell(&top.label),
                dollars(top.total)
            );
        }
    }
    for (o, lines) in offers.iter().zip(placements) {
        if lines.is_empty() {
            continue;
        }
        out += &format!(
            "\n### {}: base salary against the market\n\n",
            cell(&o.label)
        );
        for line in lines {
            out += &format!("- {line}\n");
        }
    }
    out += &format!("\n{FIRST_YEAR_METHOD}\n\n{ANNUALIZED_METHOD}\n");
    out
}
