//! The Locations view model: an occupation file, the state map, the dataset and the URL state
//! in; the map's and the comparison's chart inputs, the legend and the "where do I stand" rows
//! out. Pure, like `salaries`: tested natively (tests/oews.rs).

use crate::charts::boxes::{BoxChart, BoxRow, RangeRow};
use crate::charts::map::{MapChart, MapState, MAX_BINS};
use crate::data::{Area, AreaFile, Dataset, Figures, StatesMap};
use crate::format::usd;
use crate::oews::{
    bin_edges, bin_of, employment_text, place, rse_text, wage_text, Placement, Stat,
};
use crate::query::locations::LocationsQuery;

/// A figure as a table cell: the wage, "≥ $X" when top-coded, or why there is none.
pub fn cell(f: &Figures, stat: Stat) -> String {
    wage_text(f, stat).unwrap_or_else(|| crate::oews::missing_text(f, stat.id()).to_owned())
}

/// "$97,360 – $243,600", or the reason one end is missing.
fn p10_p90(f: &Figures) -> String {
    match (wage_text(f, Stat::P10), wage_text(f, Stat::P90)) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "not released".to_owned(),
    }
}

/// The tooltip of an area: its name, the statistic, p10–p90 and employment.
pub fn area_tip(a: &Area, stat: Stat, release: &str) -> String {
    format!(
        "{}: {} {} a year · P10–P90 {} · employment {} (BLS OEWS, {release})",
        crate::oews::display_name(a),
        stat.label(),
        cell(&a.figures, stat),
        p10_p90(&a.figures),
        employment_text(&a.figures),
    )
}

/// The map's colour classes for `stat` over the states the map draws.
pub fn map_edges(file: &AreaFile, map: &StatesMap, stat: Stat) -> Vec<u32> {
    let values: Vec<u32> = map
        .states
        .iter()
        .filter_map(|s| crate::oews::find(&file.areas, &s.area))
        .filter_map(|i| stat.value(&file.areas[i].figures))
        .collect();
    bin_edges(&values, MAX_BINS)
}

/// The map's title.
pub const MAP_TITLE: &str = "Annual wage by state";

/// The map's text alternative: what it colours, and how many states have a figure.
pub fn map_summary(chart: &MapChart, file: &AreaFile, stat: Stat) -> String {
    let shown = chart.states.iter().filter(|s| s.bin.is_some()).count();
    format!(
        "Map of the US states coloured by the {} annual wage of {}: {shown} of {} states have a figure. Colour classes are in the legend; the table lists every state.",
        stat.label().to_ascii_lowercase(),
        file.occupation.name,
        chart.states.len(),
    )
}

/// The map: every state of `map`, coloured by `stat` from `file`.
pub fn map_chart(file: &AreaFile, map: &StatesMap, stat: Stat, selected: &[String]) -> MapChart {
    let edges = map_edges(file, map, stat);
    let states = map
        .states
        .iter()
        .map(|s| {
            let area = crate::oews::find(&file.areas, &s.area).map(|i| &file.areas[i]);
            let value = area.and_then(|a| stat.value(&a.figures));
            let (tip, cells) = match area {
                Some(a) => (
                    area_tip(a, stat, &file.release),
                    vec![
                        cell(&a.figures, stat),
                        p10_p90(&a.figures),
                        employment_text(&a.figures),
                    ],
                ),
                None => (
                    format!("{}: BLS published no estimate for this occupation", s.name),
                    vec!["no estimate".to_owned(), String::new(), String::new()],
                ),
            };
            MapState {
                area: s.area.clone(),
                name: s.name.clone(),
                rings: s.rings.clone(),
                bin: value.map(|v| bin_of(v, &edges)),
                tip,
                cells,
            }
        })
        .collect();
    MapChart {
        width: map.width,
        height: map.height,
        states,
        bins: edges.len() + 1,
        edges,
        selected: selected.to_vec(),
        columns: vec![
            format!("{} (USD a year)", stat.label()),
            "P10 – P90 (USD a year)".to_owned(),
            "Employment".to_owned(),
        ],
    }
}

/// The legend's entries: each class's text ("under $110,000", "$110,000 – $125,000", "$150,000
/// and more"), in order.
pub fn legend(edges: &[u32]) -> Vec<String> {
    if edges.is_empty() {
        return vec!["all states with a figure".to_owned()];
    }
    let mut out = vec![format!("under {}", usd(edges[0]))];
    for pair in edges.windows(2) {
        out.push(format!("{} – {}", usd(pair[0]), usd(pair[1])));
    }
    if let Some(last) = edges.last() {
        out.push(format!("{} and more", usd(*last)));
    }
    out
}

/// The areas the comparison shows: the nation, then each code of `q.areas` found in `file`.
pub fn compared<'f>(file: &'f AreaFile, q: &LocationsQuery) -> Vec<&'f Area> {
    let nation = file.areas.first().into_iter();
    nation
        .chain(
            q.areas
                .iter()
                .filter_map(|code| crate::oews::find(&file.areas, code).map(|i| &file.areas[i])),
        )
        .collect()
}

/// Codes in `q.areas` that `file` does not have (a mistyped link, or an area without an
/// estimate for this occupation).
pub fn unknown_areas<'q>(file: &AreaFile, q: &'q LocationsQuery) -> Vec<&'q str> {
    q.areas
        .iter()
        .filter(|code| crate::oews::find(&file.areas, code).is_none())
        .map(String::as_str)
        .collect()
}

/// The box plots: the nation and the compared areas, the other sources' yearly seniority
/// ranges when `q.ranges`, and the user's yearly salary.
pub fn box_chart(file: &AreaFile, dataset: &Dataset, q: &LocationsQuery) -> BoxChart {
    let stats = [Stat::P10, Stat::P25, Stat::Median, Stat::P75, Stat::P90];
    let boxes = compared(file, q)
        .into_iter()
        .map(|a| {
            let f = &a.figures;
            BoxRow {
                label: crate::oews::display_name(a).to_owned(),
                points: stats.map(|s| s.value(f).map(f64::from)),
                top_coded: stats.map(|s| f.top_coded(s.id())),
                reference: a.code == crate::query::locations::NATION,
                tip: area_tip(a, Stat::Median, &file.release),
                cells: stats
                    .iter()
                    .map(|&s| cell(f, s))
                    .chain([
                        cell(f, Stat::Mean),
                        employment_text(f),
                        rse_text(f.wage_rse.as_deref()),
                    ])
                    .collect(),
            }
        })
        .collect();
    let ranges = if q.ranges {
        seniority_ranges(dataset)
    } else {
        Vec::new()
    };
    BoxChart {
        boxes,
        series: dataset.series_index(&file.source),
        ranges,
        marker: q.yearly_salary(),
        columns: [
            "P10",
            "P25",
            "Median",
            "P75",
            "P90",
            "Mean",
            "Employment",
            "Wage RSE",
        ]
        .map(|h| {
            if h == "Employment" || h == "Wage RSE" {
                h.to_owned()
            } else {
                format!("{h} (USD a year)")
            }
        })
        .to_vec(),
    }
}

/// Every seniority figure of the other sources, yearly, in the Salaries chart's order.
pub fn seniority_ranges(dataset: &Dataset) -> Vec<RangeRow> {
    let chart = crate::salaries::range_chart(dataset, &Default::default());
    chart
        .groups
        .iter()
        .flat_map(|g| {
            g.bars.iter().map(move |b| RangeRow {
                label: format!("{} · {}", g.label, b.source),
                series: b.series,
                mark: b.mark,
                tip: format!(
                    "{} · {} (“{}”): {} a year",
                    g.label,
                    b.source,
                    b.source_label,
                    b.mark.describe()
                ),
            })
        })
        .collect()
}

/// One "where do I stand" row: an area and where the salary falls in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub area: String,
    pub median: String,
    pub placement: Placement,
}

/// Where `q`'s salary (as a yearly figure) falls in the nation and each compared area.
pub fn standings(file: &AreaFile, q: &LocationsQuery) -> Vec<Standing> {
    let Some(salary) = q.yearly_salary() else {
        return Vec::new();
    };
    compared(file, q)
        .into_iter()
        .map(|a| Standing {
            area: crate::oews::display_name(a).to_owned(),
            median: cell(&a.figures, Stat::Median),
            placement: place(salary, &a.figures),
        })
        .collect()
}
