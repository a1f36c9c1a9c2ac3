//! Model types for the US Bureau of Labor Statistics' OEWS wage estimates: the release record in
//! `atlas.json` (`oews`), one file per occupation (`data/oews/<SOC>.json`: every area's
//! figures) and the state map (`data/oews/states-map.json`). All three are written by
//! `scripts/oews/build_data.py` (`make data`) from the pinned release; the app never fills a
//! gap in them: a figure BLS did not release is `None`, with BLS's footnote code.

use serde::{Deserialize, Serialize};

use super::SourceId;

/// The OEWS release the app carries (`atlas.json` → `oews`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OewsRelease {
    /// The `sources` entry every OEWS figure cites.
    pub source: SourceId,
    /// "May 2025".
    pub release: String,
    /// BLS's code for it, "2025A01".
    pub release_code: String,
    /// The year the estimates are for.
    pub year: u16,
    /// When BLS published the files (ISO date).
    pub published: String,
    /// When the carrying package retrieved them (ISO date).
    pub retrieved: String,
    pub carrier: OewsCarrier,
    pub files: Vec<OewsFile>,
    /// BLS's footnotes, verbatim.
    pub footnotes: Vec<Footnote>,
    /// The occupations the app has a file for; the first is the default.
    pub occupations: Vec<OewsOccupation>,
}

/// The package that carries BLS's files unchanged (pinned with its checksum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OewsCarrier {
    pub package: String,
    pub version: String,
    pub sha256: String,
}

/// One BLS source file the release was built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OewsFile {
    pub name: String,
    pub url: String,
    pub sha256: String,
    pub published: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub code: u8,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OewsOccupation {
    /// SOC code with its dash: "15-1252".
    pub code: String,
    pub name: String,
    /// The nation's figures for it.
    pub national: Figures,
}

/// One area's figures for one occupation, as BLS publishes them: annual wages in whole US
/// dollars, relative standard errors as BLS's own text ("0.6", percent). `None` where BLS
/// released nothing; `notes` pairs a field name with the footnote that qualifies it (a list, not a
/// map: a few entries at most, and a map's code would sit in the main module every route
/// downloads; the JSON is an object, `{"p90": 5}`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    pub emp: Option<u32>,
    pub emp_rse: Option<String>,
    pub mean: Option<u32>,
    pub wage_rse: Option<String>,
    pub p10: Option<u32>,
    pub p25: Option<u32>,
    pub median: Option<u32>,
    pub p75: Option<u32>,
    pub p90: Option<u32>,
    #[serde(default, skip)]
    pub notes: Vec<(String, u8)>,
}

/// BLS footnote: "Estimate not released."
pub const NOT_RELEASED: u8 = 8;
/// BLS footnote: the wage is at least $115.00 an hour or $239,200 a year (top-coded).
pub const TOP_CODED: u8 = 5;

impl Figures {
    /// The footnote on `field` ("p90", "emp", ...), if any.
    pub fn note(&self, field: &str) -> Option<u8> {
        self.notes.iter().find(|(f, _)| f == field).map(|n| n.1)
    }

    /// Whether `field`'s value is a lower bound (BLS footnote 5).
    pub fn top_coded(&self, field: &str) -> bool {
        self.note(field) == Some(TOP_CODED)
    }

    /// Whether any wage figure was released.
    pub fn has_wages(&self) -> bool {
        [
            self.mean,
            self.p10,
            self.p25,
            self.median,
            self.p75,
            self.p90,
        ]
        .iter()
        .any(Option::is_some)
    }
}

/// What an OEWS area is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaKind {
    National,
    State,
    Metro,
    Nonmetro,
}

impl AreaKind {
    pub const ALL: [AreaKind; 4] = [
        AreaKind::National,
        AreaKind::State,
        AreaKind::Metro,
        AreaKind::Nonmetro,
    ];

    /// The file's name for it.
    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            AreaKind::National => "national",
            AreaKind::State => "state",
            AreaKind::Metro => "metro",
            AreaKind::Nonmetro => "nonmetro",
        }
    }

    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            AreaKind::National => "Nation",
            AreaKind::State => "State or territory",
            AreaKind::Metro => "Metropolitan area",
            AreaKind::Nonmetro => "Nonmetropolitan area",
        }
    }
}

/// One area in an occupation file.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// BLS's 7-digit area code: "0000000" the nation, "0600000" California, "0012420" Austin.
    pub code: String,
    pub kind: AreaKind,
    /// BLS's name: "Austin-Round Rock-San Marcos, TX".
    pub name: String,
    /// Postal codes of the states it lies in (none for the nation).
    pub states: Vec<String>,
    pub figures: Figures,
}

/// `data/oews/<SOC>.json`: one occupation's figures in every area BLS published.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaFile {
    pub format: u32,
    pub source: SourceId,
    pub release: String,
    pub occupation: Occupation,
    /// The nation first, then states, then metropolitan and nonmetropolitan areas by name.
    pub areas: Vec<Area>,
}

/// The occupation an [`AreaFile`] is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    /// SOC code with its dash: "15-1252".
    pub code: String,
    /// BLS's title: "Software Developers".
    pub name: String,
}

/// The format of the OEWS files this build reads.
pub const OEWS_FORMAT: u32 = 1;

/// `data/oews/states-map.json`: state outlines, pre-projected (Albers USA) in a
/// `width` × `height` space.
#[derive(Debug, Clone, PartialEq)]
pub struct StatesMap {
    pub format: u32,
    /// Where the outlines come from, for the credit under the map.
    pub geometry: String,
    pub width: f64,
    pub height: f64,
    /// The file's units per map unit (its rings are integers); `rings` here are already divided.
    pub scale: u32,
    pub states: Vec<StateShape>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StateShape {
    /// Two-digit FIPS code: "06".
    pub fips: String,
    /// "CA".
    pub postal: String,
    pub name: String,
    /// The state's OEWS area code: "0600000".
    pub area: String,
    /// Closed rings in map units (already divided by the file's scale).
    pub rings: Vec<Vec<(f64, f64)>>,
}
