//! The Locations page's domain: which statistic is shown, where a salary falls among BLS's
//! published percentiles, the map's colour bins, the area list's search, filter and sort, and a
//! recruiter's pay-range line. Pure: no leptos, no web-sys; tested natively (tests/oews.rs).
//!
//! Never fills a gap: a figure BLS did not release stays `None` and every function here says so
//! instead of estimating one.

use crate::data::{Area, AreaKind, Figures};
use crate::format::{ordinal, usd};

/// A statistic the map and the list can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Stat {
    P10,
    P25,
    #[default]
    Median,
    P75,
    P90,
    Mean,
}

impl Stat {
    pub const ALL: [Stat; 6] = [
        Stat::P10,
        Stat::P25,
        Stat::Median,
        Stat::P75,
        Stat::P90,
        Stat::Mean,
    ];

    /// The URL's and the files' name for it: `p10`, `median`, `mean`...
    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            Stat::P10 => "p10",
            Stat::P25 => "p25",
            Stat::Median => "median",
            Stat::P75 => "p75",
            Stat::P90 => "p90",
            Stat::Mean => "mean",
        }
    }

    pub fn from_id(id: &str) -> Option<Stat> {
        Stat::ALL
            .into_iter()
            .find(|s| s.id().eq_ignore_ascii_case(id.trim()))
    }

    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            Stat::P10 => "10th percentile",
            Stat::P25 => "25th percentile",
            Stat::Median => "Median",
            Stat::P75 => "75th percentile",
            Stat::P90 => "90th percentile",
            Stat::Mean => "Mean",
        }
    }

    /// Short column heading.
    pub fn short(self) -> &'static str {
        match self {
            Stat::P10 => "P10",
            Stat::P25 => "P25",
            Stat::Median => "Median",
            Stat::P75 => "P75",
            Stat::P90 => "P90",
            Stat::Mean => "Mean",
        }
    }

    pub fn value(self, f: &Figures) -> Option<u32> {
        match self {
            Stat::P10 => f.p10,
            Stat::P25 => f.p25,
            Stat::Median => f.median,
            Stat::P75 => f.p75,
            Stat::P90 => f.p90,
            Stat::Mean => f.mean,
        }
    }
}

/// An annual wage as BLS gives it: "$134,120", "≥ $239,200" when top-coded, or `None` when
/// not released.
pub fn wage_text(f: &Figures, stat: Stat) -> Option<String> {
    let value = stat.value(f)?;
    Some(if f.top_coded(stat.id()) {
        format!("≥ {}", usd(value))
    } else {
        usd(value)
    })
}

/// What a missing figure says, with BLS's footnote where it gave one.
pub fn missing_text(f: &Figures, field: &str) -> &'static str {
    match f.note(field) {
        Some(crate::data::NOT_RELEASED) => "not released",
        _ => "no figure",
    }
}

/// The percentiles BLS publishes, in order: (percentile, field name, value).
fn published_points(f: &Figures) -> [(u8, &'static str, Option<u32>); 5] {
    [
        (10, "p10", f.p10),
        (25, "p25", f.p25),
        (50, "median", f.median),
        (75, "p75", f.p75),
        (90, "p90", f.p90),
    ]
}

/// Where a salary falls among an area's published percentiles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placement {
    /// Linear interpolation between two published neighbours.
    At(f64),
    /// Between two percentiles that cannot be interpolated: neighbours with the same wage that
    /// the salary equals, or an upper neighbour that is only a lower bound (top-coded).
    Between(u8, u8),
    /// Below the lowest published percentile (the 10th when it is released).
    Below(u8),
    /// Above the highest published percentile that is an exact figure.
    Above(u8),
    /// BLS released no percentile for this area.
    NoData,
    /// At or above a top-coded lowest percentile: BLS gives only lower bounds to compare with.
    Unplaceable,
}

impl Placement {
    pub fn describe(self) -> String {
        match self {
            Placement::At(p) => format!("about the {} percentile", ordinal(p.round() as u64)),
            Placement::Between(a, b) => format!(
                "between the {} and the {} percentile",
                ordinal(a.into()),
                ordinal(b.into())
            ),
            Placement::Below(p) => format!("below the {} percentile", ordinal(p.into())),
            Placement::Above(p) => format!("above the {} percentile", ordinal(p.into())),
            Placement::NoData => "no percentiles released for this area".to_owned(),
            Placement::Unplaceable => {
                "cannot be placed: BLS gives only lower bounds (top-coded) for this area".to_owned()
            }
        }
    }
}

/// How [`place`] works, for the page.
pub const PLACEMENT_METHOD: &str = "Your salary is placed by linear interpolation between the percentiles BLS publishes (10th, 25th, 50th, 75th and 90th). Below the 10th or above the 90th it says so, and never extrapolates. Percentiles BLS did not release are skipped; a top-coded percentile (\"≥ $X\") is a lower bound, so a salary under it is placed only between its neighbours.";

/// Places an annual `salary` among `f`'s published percentiles (see [`PLACEMENT_METHOD`]).
pub fn place(salary: f64, f: &Figures) -> Placement {
    // (percentile, wage, exact): a top-coded wage is a lower bound, not the percentile itself.
    let points: Vec<(u8, f64, bool)> = published_points(f)
        .into_iter()
        .filter_map(|(p, field, v)| v.map(|v| (p, f64::from(v), !f.top_coded(field))))
        .collect();
    let Some(&first) = points.first() else {
        return Placement::NoData;
    };
    if !salary.is_finite() {
        return Placement::NoData;
    }
    // A salary equal to published wages: that percentile, or the run of equal ones.
    let equal: Vec<u8> = points
        .iter()
        .filter(|&&(_, w, exact)| exact && w == salary)
        .map(|p| p.0)
        .collect();
    match equal.as_slice() {
        [] => {}
        [p] => return Placement::At(f64::from(*p)),
        [a, .., b] => return Placement::Between(*a, *b),
    }
    if salary < first.1 {
        return Placement::Below(first.0);
    }
    for pair in points.windows(2) {
        let ((p0, w0, exact0), (p1, w1, exact1)) = (pair[0], pair[1]);
        if !exact0 {
            // Past a top-coded percentile nothing is known but its lower bound.
            break;
        }
        if salary > w0 && salary < w1 {
            if !exact1 {
                return Placement::Between(p0, p1);
            }
            let t = (salary - w0) / (w1 - w0);
            return Placement::At(f64::from(p0) + t * f64::from(p1 - p0));
        }
    }
    // Above every percentile it can be compared with: the highest exact one at or below it.
    match points
        .iter()
        .rev()
        .find(|&&(_, w, exact)| exact && w <= salary)
    {
        Some(&(p, _, _)) => Placement::Above(p),
        None => Placement::Unplaceable,
    }
}

/// The spans a recruiter can quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Span {
    P10P90,
    #[default]
    P25P75,
    P25Median,
    MedianP75,
}

impl Span {
    pub const ALL: [Span; 4] = [Span::P25P75, Span::P10P90, Span::P25Median, Span::MedianP75];

    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            Span::P10P90 => "p10-p90",
            Span::P25P75 => "p25-p75",
            Span::P25Median => "p25-median",
            Span::MedianP75 => "median-p75",
        }
    }

    pub fn from_id(id: &str) -> Option<Span> {
        Span::ALL
            .into_iter()
            .find(|s| s.id().eq_ignore_ascii_case(id.trim()))
    }

    pub fn ends(self) -> (Stat, Stat) {
        match self {
            Span::P10P90 => (Stat::P10, Stat::P90),
            Span::P25P75 => (Stat::P25, Stat::P75),
            Span::P25Median => (Stat::P25, Stat::Median),
            Span::MedianP75 => (Stat::Median, Stat::P75),
        }
    }

    /// "25th–75th percentile".
    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            Span::P10P90 => "10th–90th percentile",
            Span::P25P75 => "25th–75th percentile",
            Span::P25Median => "25th–50th percentile",
            Span::MedianP75 => "50th–75th percentile",
        }
    }
}

/// One line for a job post: "Software Developers, Austin-Round Rock-San Marcos, TX: $104,000 –
/// $168,730 a year (25th–75th percentile, BLS OEWS, May 2025)". An end BLS did not release makes
/// the line say so instead of quoting half a range.
pub fn pay_range_line(occupation: &str, area: &Area, span: Span, release: &str) -> String {
    let (low, high) = span.ends();
    match (
        wage_text(&area.figures, low),
        wage_text(&area.figures, high),
    ) {
        (Some(a), Some(b)) => format!(
            "{occupation}, {}: {a} – {b} a year ({}, BLS OEWS, {release})",
            display_name(area),
            span.label()
        ),
        _ => format!(
            "{occupation}, {}: BLS did not release the {} for this area (BLS OEWS, {release})",
            display_name(area),
            span.label()
        ),
    }
}

/// Colour classes for the map: up to `classes` bins with edges at quantiles of `values`,
/// rounded to the nearest $1,000. Returns the inner edges (ascending, distinct); a value `v`
/// falls in bin `edges.iter().filter(|&&e| v >= e).count()`.
pub fn bin_edges(values: &[u32], classes: usize) -> Vec<u32> {
    let mut sorted: Vec<u32> = values.to_vec();
    crate::small_sort::sort(&mut sorted);
    if sorted.is_empty() || classes < 2 {
        return Vec::new();
    }
    let mut edges: Vec<u32> = Vec::new();
    for k in 1..classes {
        let i = (k * sorted.len()) / classes;
        let raw = sorted[i.min(sorted.len() - 1)];
        let edge = raw.saturating_add(500) / 1000 * 1000;
        let above_min = edge > sorted[0];
        if above_min && edges.last().is_none_or(|&last| edge > last) {
            edges.push(edge);
        }
    }
    edges
}

/// The bin of `value` for `edges` from [`bin_edges`].
pub fn bin_of(value: u32, edges: &[u32]) -> usize {
    edges.iter().filter(|&&e| value >= e).count()
}

/// How the area list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The file's order: the nation, states, then areas by name.
    #[default]
    Name,
    /// Highest first; areas without the figure last.
    Stat(Stat),
    Employment,
}

impl Sort {
    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Stat(s) => s.id(),
            Sort::Employment => "emp",
        }
    }

    pub fn from_id(id: &str) -> Option<Sort> {
        let id = id.trim();
        if id.eq_ignore_ascii_case("name") {
            Some(Sort::Name)
        } else if id.eq_ignore_ascii_case("emp") {
            Some(Sort::Employment)
        } else {
            Stat::from_id(id).map(Sort::Stat)
        }
    }

    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            Sort::Name => "Name (nation and states first)",
            Sort::Stat(s) => s.label(),
            Sort::Employment => "Employment",
        }
    }

    pub const ALL: [Sort; 8] = [
        Sort::Name,
        Sort::Stat(Stat::Median),
        Sort::Stat(Stat::P10),
        Sort::Stat(Stat::P25),
        Sort::Stat(Stat::P75),
        Sort::Stat(Stat::P90),
        Sort::Stat(Stat::Mean),
        Sort::Employment,
    ];
}

/// ASCII lowercase with every run of non-alphanumerics as one space: "Austin-Round Rock" ->
/// "austin round rock". BLS's area names are ASCII; anything else is kept as it is.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// Whether every word of the folded `query` starts a word of the folded `name`.
pub fn name_matches(folded_name: &str, folded_query: &str) -> bool {
    folded_query.split(' ').filter(|w| !w.is_empty()).all(|w| {
        folded_name
            .split(' ')
            .any(|name_word| name_word.starts_with(w))
    })
}

/// The list's rows: indices into `areas` that match `query` (folded with [`fold`]) and lie in
/// `state` (a postal code; `None`: every area), in `sort` order.
pub fn list(
    areas: &[Area],
    folded: &[String],
    query: &str,
    state: Option<&str>,
    sort: Sort,
) -> Vec<usize> {
    let q = fold(query);
    let mut rows: Vec<usize> = (0..areas.len())
        .filter(|&i| {
            let a = &areas[i];
            let in_state = state.is_none_or(|s| a.states.iter().any(|x| x == s));
            in_state && name_matches(&folded[i], &q)
        })
        .collect();
    let key = |i: &usize| -> Option<u32> {
        let f = &areas[*i].figures;
        match sort {
            Sort::Name => None,
            Sort::Stat(s) => s.value(f),
            Sort::Employment => f.emp,
        }
    };
    if sort != Sort::Name {
        // Highest first, missing figures last, the file's order among equals (stable sort).
        // Stable: the file's order among equals. (The standard sort: up to ~570 rows on every
        // keystroke; this code is in the page's second chunk, out of the first load.)
        #[expect(clippy::disallowed_methods, reason = "up to ~570 rows per keystroke")]
        rows.sort_by_key(|i| std::cmp::Reverse(key(i)));
    }
    rows
}

/// How the page names an area: BLS's name, but "United States" for the nation (BLS: "National").
pub fn display_name(a: &Area) -> &str {
    if a.kind == AreaKind::National {
        "United States"
    } else {
        &a.name
    }
}

/// Position of the area with `code`.
pub fn find(areas: &[Area], code: &str) -> Option<usize> {
    areas.iter().position(|a| a.code == code)
}

/// The two-letter codes of the states and territories the file has as areas, with their names,
/// in the file's order (alphabetical by name).
pub fn states(areas: &[Area]) -> Vec<(&str, &str)> {
    areas
        .iter()
        .filter(|a| a.kind == AreaKind::State)
        .filter_map(|a| a.states.first().map(|s| (s.as_str(), a.name.as_str())))
        .collect()
}

/// "1,687,890" or "not released".
pub fn employment_text(f: &Figures) -> String {
    match f.emp {
        Some(n) => crate::format::count(n),
        None => missing_text(f, "emp").to_owned(),
    }
}

/// "0.4 %" or "–".
pub fn rse_text(rse: Option<&str>) -> String {
    rse.map_or_else(|| "–".to_owned(), |r| format!("{r} %"))
}
