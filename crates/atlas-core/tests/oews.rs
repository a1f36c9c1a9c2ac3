//! BLS OEWS data and the Locations page's logic, natively: the generated files parse and
//! validate, figures match what BLS publishes, percentile placement is exact at the edges, the
//! URL state round-trips, and the map and box plots draw what they should.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::charts::boxes::draw_boxes;
use atlas_core::charts::map::draw_map;
use atlas_core::charts::{ChartStyle, Theme};
use atlas_core::data::{
    self, AreaFile, AreaKind, DataError, Figures, StatesMap, NOT_RELEASED, TOP_CODED,
};
use atlas_core::oews::*;
use atlas_core::query::locations::{LocationsQuery, MAX_AREAS, POSTAL_CODES};
use plotters::prelude::*;
use std::sync::LazyLock;

const OCCUPATIONS: [&str; 5] = ["15-1252", "15-1254", "15-1251", "15-1253", "15-1299"];

fn footnotes() -> Vec<u8> {
    common::dataset()
        .oews
        .as_ref()
        .expect("the dataset carries the OEWS release")
        .footnotes
        .iter()
        .map(|f| f.code)
        .collect()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../public/data/oews/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("public/data/oews/{path}: {e}"))
}

static SOFTWARE: LazyLock<AreaFile> = LazyLock::new(|| {
    data::parse_area_file(&read("15-1252.json"), "15-1252", &footnotes()).expect("valid file")
});
static MAP: LazyLock<StatesMap> =
    LazyLock::new(|| data::parse_states_map(&read("states-map.json")).expect("valid map"));

fn area<'f>(file: &'f AreaFile, code: &str) -> &'f atlas_core::data::Area {
    &file.areas[find(&file.areas, code).unwrap_or_else(|| panic!("area {code}"))]
}

// ---- the generated files ------------------------------------------------------------------

#[test]
fn every_occupation_file_parses_validates_and_is_listed_in_the_release() {
    let release = common::dataset().oews.as_ref().unwrap();
    let listed: Vec<&str> = release
        .occupations
        .iter()
        .map(|o| o.code.as_str())
        .collect();
    assert_eq!(listed, OCCUPATIONS, "the default first");
    for code in OCCUPATIONS {
        let file = data::parse_area_file(&read(&format!("{code}.json")), code, &footnotes())
            .unwrap_or_else(|e| panic!("{code}: {e} {:?}", e.problems()));
        assert_eq!(file.occupation.code, code);
        assert_eq!(file.areas[0].kind, AreaKind::National);
        assert!(file.areas.len() > 200, "{code}: {} areas", file.areas.len());
        for a in &file.areas {
            assert!(!a.name.trim().is_empty());
            // Whole numbers in order wherever released (validation enforces it; spot-check).
            let points: Vec<u32> = [
                a.figures.p10,
                a.figures.p25,
                a.figures.median,
                a.figures.p75,
                a.figures.p90,
            ]
            .into_iter()
            .flatten()
            .collect();
            assert!(points.windows(2).all(|w| w[0] <= w[1]), "{code} {}", a.name);
            for s in &a.states {
                assert!(POSTAL_CODES.contains(&s.as_str()), "{code} {}: {s}", a.name);
            }
        }
        // The release's national figures are the file's.
        let national = &release
            .occupations
            .iter()
            .find(|o| o.code == code)
            .unwrap()
            .national;
        assert_eq!(&file.areas[0].figures, national, "{code}");
    }
}

#[test]
fn each_states_file_is_its_full_files_nation_and_states() {
    for code in OCCUPATIONS {
        let full =
            data::parse_area_file(&read(&format!("{code}.json")), code, &footnotes()).unwrap();
        let states =
            data::parse_area_file(&read(&format!("{code}-states.json")), code, &footnotes())
                .unwrap_or_else(|e| panic!("{code}-states.json: {e}"));
        let expected: Vec<_> = full
            .areas
            .iter()
            .filter(|a| matches!(a.kind, AreaKind::National | AreaKind::State))
            .cloned()
            .collect();
        assert_eq!(states.areas, expected, "{code}");
        assert_eq!(
            (states.release, states.occupation.name),
            (full.release, full.occupation.name)
        );
    }
}

#[test]
fn figures_match_what_bls_publishes() {
    // BLS, OEWS May 2025, Software Developers (15-1252), national: median $135,980.
    let nation = &SOFTWARE.areas[0].figures;
    assert_eq!(nation.median, Some(135_980));
    assert_eq!(nation.mean, Some(148_100));
    assert_eq!(nation.p10, Some(82_460));
    assert_eq!(nation.p90, Some(214_670));
    assert_eq!(nation.emp, Some(1_687_890));
    assert_eq!(nation.wage_rse.as_deref(), Some("0.4"));
    let austin = area(&SOFTWARE, "0012420");
    assert_eq!(austin.name, "Austin-Round Rock-San Marcos, TX");
    assert_eq!(austin.states, ["TX"]);
    assert_eq!(
        (
            austin.figures.p25,
            austin.figures.median,
            austin.figures.p75
        ),
        (Some(104_000), Some(134_120), Some(168_730))
    );
}

#[test]
fn an_area_with_employment_but_no_wages_keeps_its_gap_and_footnote() {
    let alaska = area(&SOFTWARE, "0200000");
    assert!(alaska.figures.emp.is_some());
    assert!(!alaska.figures.has_wages());
    assert_eq!(alaska.figures.note("median"), Some(NOT_RELEASED));
    assert_eq!(
        atlas_core::locations::cell(&alaska.figures, Stat::Median),
        "not released"
    );
    assert_eq!(place(150_000.0, &alaska.figures), Placement::NoData);
}

#[test]
fn the_map_has_every_state_and_dc_named_and_coded() {
    assert_eq!(MAP.states.len(), 51);
    let release_states: Vec<&str> = states(&SOFTWARE.areas).iter().map(|s| s.0).collect();
    for s in &MAP.states {
        assert!(POSTAL_CODES.contains(&s.postal.as_str()), "{}", s.postal);
        assert_eq!(s.area, format!("{}00000", s.fips));
        assert!(s.rings.iter().all(|r| r.len() >= 3), "{}", s.name);
        assert!(
            release_states.contains(&s.postal.as_str()),
            "{} has an OEWS state area",
            s.name
        );
    }
    for name in [
        "California",
        "Texas",
        "District of Columbia",
        "Alaska",
        "Hawaii",
        "Rhode Island",
    ] {
        assert!(MAP.states.iter().any(|s| s.name == name), "{name}");
    }
}

// ---- bad files ------------------------------------------------------------------------------

#[test]
fn broken_occupation_files_fail_with_a_reason() {
    let text = read("15-1252.json");
    let notes = footnotes();
    assert_eq!(
        data::parse_area_file("", "15-1252", &notes),
        Err(DataError::Empty)
    );
    assert!(matches!(
        data::parse_area_file(&text[..text.len() / 2], "15-1252", &notes),
        Err(DataError::Syntax { .. })
    ));
    // The file for another occupation.
    let err = data::parse_area_file(&text, "15-1254", &notes).unwrap_err();
    assert!(
        err.problems()
            .iter()
            .any(|p| p.message.contains("not 15-1254")),
        "{err:?}"
    );
    // Percentiles out of order.
    let swapped = text.replacen("\"p25\":105210", "\"p25\":999999", 1);
    let err = data::parse_area_file(&swapped, "15-1252", &notes).unwrap_err();
    assert!(
        err.problems()
            .iter()
            .any(|p| p.path == "areas[0].median" && p.message.contains("below p25")),
        "{err:?}"
    );
    // A fraction where a whole number belongs.
    let fraction = text.replacen("\"median\":135980", "\"median\":135980.5", 1);
    let err = data::parse_area_file(&fraction, "15-1252", &notes).unwrap_err();
    assert!(
        matches!(err, DataError::Shape { ref path, .. } if path == "areas[0].median"),
        "{err:?}"
    );
    // An unknown field: the message names an area's own keys and its figures' keys.
    let unknown = text.replacen("\"emp\":1687890", "\"emp\":1687890,\"bonus\":1", 1);
    let err = data::parse_area_file(&unknown, "15-1252", &notes).unwrap_err();
    assert!(
        matches!(err, DataError::Shape { ref path, ref message }
            if path == "areas[0]"
                && message.starts_with("unknown field `bonus`, expected one of `code`, `kind`")
                && message.ends_with("`p90`, `notes`")),
        "{err:?}"
    );
    // The occupation's own object is as strict.
    let nested = text.replacen("\"occupation\":{", "\"occupation\":{\"soc\":1,", 1);
    let err = data::parse_area_file(&nested, "15-1252", &notes).unwrap_err();
    assert!(
        matches!(err, DataError::Shape { ref path, ref message }
            if path == "occupation" && message.contains("unknown field `soc`")),
        "{err:?}"
    );
    // A bad area code.
    let code = text.replacen("\"code\":\"0012420\"", "\"code\":\"12420\"", 1);
    let err = data::parse_area_file(&code, "15-1252", &notes).unwrap_err();
    assert!(
        err.problems().iter().any(|p| p.message.contains("7-digit")),
        "{err:?}"
    );
}

#[test]
fn a_broken_map_fails_with_a_reason() {
    assert!(data::parse_states_map("{}").is_err());
    assert!(matches!(
        data::parse_states_map("[1,"),
        Err(DataError::Syntax { .. })
    ));
    let empty = r#"{"format":1,"geometry":"g","width":975,"height":610,"scale":10,"states":[]}"#;
    let err = data::parse_states_map(empty).unwrap_err();
    assert!(err
        .problems()
        .iter()
        .any(|p| p.message.contains("no states")));
}

#[test]
fn map_rings_are_differences_divided_by_the_scale() {
    let text = r#"{"format":1,"geometry":"g","width":975,"height":610,"scale":10,"states":[
        {"fips":"06","postal":"CA","name":"California","area":"0600000",
         "rings":[[100,200,10,0,0,-30]]}]}"#;
    let map = atlas_core::data::parse_states_map(text).unwrap();
    assert_eq!((map.width, map.height, map.scale), (975.0, 610.0, 10));
    assert_eq!(
        map.states[0].rings,
        [vec![(10.0, 20.0), (11.0, 20.0), (11.0, 17.0)]]
    );
}

// ---- placement ----------------------------------------------------------------------------

fn figures(points: [Option<u32>; 5]) -> Figures {
    let [p10, p25, median, p75, p90] = points;
    Figures {
        p10,
        p25,
        median,
        p75,
        p90,
        ..Figures::default()
    }
}

#[test]
fn placement_interpolates_between_published_percentiles_and_never_extrapolates() {
    let austin = figures([
        Some(96_110),
        Some(104_000),
        Some(134_120),
        Some(168_730),
        Some(209_890),
    ]);
    let mut top_coded = figures([
        Some(100_000),
        Some(150_000),
        Some(200_000),
        Some(239_200),
        Some(239_200),
    ]);
    top_coded.notes.push(("p75".into(), TOP_CODED));
    top_coded.notes.push(("p90".into(), TOP_CODED));
    let median_missing = figures([Some(50_000), Some(60_000), None, Some(80_000), Some(90_000)]);
    let equal = figures([
        Some(50_000),
        Some(60_000),
        Some(60_000),
        Some(70_000),
        Some(80_000),
    ]);
    let nothing = figures([None; 5]);
    for (salary, f, expected, name) in [
        // The issue's example: $150,000 in Austin is about the 61st percentile.
        (150_000.0, &austin, "about the 61st percentile", "Austin"),
        (
            96_110.0,
            &austin,
            "about the 10th percentile",
            "exactly p10",
        ),
        (
            209_890.0,
            &austin,
            "about the 90th percentile",
            "exactly p90",
        ),
        (
            134_120.0,
            &austin,
            "about the 50th percentile",
            "exactly the median",
        ),
        (50_000.0, &austin, "below the 10th percentile", "below p10"),
        (300_000.0, &austin, "above the 90th percentile", "above p90"),
        (
            100_050.0,
            &austin,
            "about the 17th percentile",
            "between p10 and p25",
        ),
        // A missing median: interpolate between the published neighbours, p25 and p75.
        (
            70_000.0,
            &median_missing,
            "about the 50th percentile",
            "median not released",
        ),
        // Equal neighbours: the salary sits on both.
        (
            60_000.0,
            &equal,
            "between the 25th and the 50th percentile",
            "equal neighbours",
        ),
        (
            65_000.0,
            &equal,
            "about the 63rd percentile",
            "just past equal neighbours",
        ),
        // Top-coded: a lower bound, so no interpolation towards it and nothing above it.
        (
            220_000.0,
            &top_coded,
            "between the 50th and the 75th percentile",
            "under a top code",
        ),
        (
            250_000.0,
            &top_coded,
            "above the 50th percentile",
            "over a top code",
        ),
        (
            150_000.0,
            &nothing,
            "no percentiles released for this area",
            "nothing released",
        ),
    ] {
        assert_eq!(place(salary, f).describe(), expected, "{name}");
    }
    let Placement::At(p) = place(150_000.0, &austin) else {
        panic!()
    };
    assert!((p - 61.47).abs() < 0.01, "{p}");
    assert_eq!(place(f64::NAN, &austin), Placement::NoData);
}

#[test]
fn pay_range_lines_cite_the_release_and_never_quote_half_a_range() {
    let austin = area(&SOFTWARE, "0012420");
    assert_eq!(
        pay_range_line("Software Developers", austin, Span::P25P75, "May 2025"),
        "Software Developers, Austin-Round Rock-San Marcos, TX: $104,000 – $168,730 a year (25th–75th percentile, BLS OEWS, May 2025)"
    );
    let alaska = area(&SOFTWARE, "0200000");
    let line = pay_range_line("Software Developers", alaska, Span::P10P90, "May 2025");
    assert!(
        line.contains("did not release the 10th–90th percentile"),
        "{line}"
    );
    let mut capped = austin.clone();
    capped.figures.p90 = Some(239_200);
    capped.figures.notes.push(("p90".into(), TOP_CODED));
    let line = pay_range_line("Software Developers", &capped, Span::P10P90, "May 2025");
    assert!(line.contains("$96,110 – ≥ $239,200 a year"), "{line}");
}

// ---- the list and the map's classes ----------------------------------------------------------

#[test]
fn the_list_searches_names_filters_states_and_sorts() {
    let folded: Vec<String> = SOFTWARE.areas.iter().map(|a| fold(&a.name)).collect();
    let names = |rows: Vec<usize>| -> Vec<String> {
        rows.into_iter()
            .map(|i| SOFTWARE.areas[i].name.clone())
            .collect()
    };
    assert_eq!(
        names(list(&SOFTWARE.areas, &folded, "austin", None, Sort::Name)),
        ["Austin-Round Rock-San Marcos, TX"]
    );
    assert_eq!(
        names(list(
            &SOFTWARE.areas,
            &folded,
            "  AUSTIN  round ",
            None,
            Sort::Name
        ))
        .len(),
        1
    );
    assert!(list(&SOFTWARE.areas, &folded, "zzzz", None, Sort::Name).is_empty());
    // Every area when nothing is typed; the nation first.
    let all = list(&SOFTWARE.areas, &folded, "", None, Sort::Name);
    assert_eq!(all.len(), SOFTWARE.areas.len());
    assert_eq!(all[0], 0);
    // A multi-state metro is in each of its states.
    let nj = names(list(
        &SOFTWARE.areas,
        &folded,
        "new york",
        Some("NJ"),
        Sort::Name,
    ));
    assert!(
        nj.iter()
            .any(|n| n.starts_with("New York-Newark-Jersey City")),
        "{nj:?}"
    );
    let texas = list(
        &SOFTWARE.areas,
        &folded,
        "",
        Some("TX"),
        Sort::Stat(Stat::Median),
    );
    assert!(texas
        .iter()
        .all(|&i| SOFTWARE.areas[i].states.iter().any(|s| s == "TX")));
    let medians: Vec<Option<u32>> = texas
        .iter()
        .map(|&i| SOFTWARE.areas[i].figures.median)
        .collect();
    assert!(
        medians.windows(2).all(|w| w[0] >= w[1]),
        "highest first, missing last: {medians:?}"
    );
    let by_emp = list(&SOFTWARE.areas, &folded, "", None, Sort::Employment);
    assert_eq!(by_emp[0], 0, "the nation employs the most");
}

#[test]
fn map_classes_split_the_states_and_the_legend_names_each() {
    assert_eq!(bin_edges(&[], 5), Vec::<u32>::new());
    assert_eq!(
        bin_edges(&[100_000; 10], 5),
        Vec::<u32>::new(),
        "one value: one class"
    );
    let edges = bin_edges(
        &[
            10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000,
        ],
        5,
    );
    assert_eq!(edges, [30_000, 50_000, 70_000, 90_000]);
    assert_eq!(bin_of(10_000, &edges), 0);
    assert_eq!(bin_of(30_000, &edges), 1);
    assert_eq!(bin_of(100_000, &edges), 4);
    assert_eq!(
        atlas_core::locations::legend(&edges),
        [
            "under $30,000",
            "$30,000 – $50,000",
            "$50,000 – $70,000",
            "$70,000 – $90,000",
            "$90,000 and more"
        ]
    );
}

// ---- URL state ----------------------------------------------------------------------------

fn parse(query: &str) -> (LocationsQuery, Vec<String>) {
    let (q, notices) = LocationsQuery::parse(query, &OCCUPATIONS);
    (q, notices.into_iter().map(|n| n.0).collect())
}

#[test]
fn every_parameter_round_trips() {
    for query in [
        "",
        "occ=15-1254",
        "stat=p90",
        "areas=0012420,0600000",
        "state=TX",
        "q=san%20jose",
        "sort=emp",
        "sort=p75",
        "span=p10-p90",
        "ranges=1",
        "salary=150000",
        "salary=12500&period=month",
        "occ=15-1299&stat=mean&areas=0012420&state=CA&q=austin&sort=median&span=median-p75&ranges=1&salary=99.5&period=month",
    ] {
        let (q, notices) = parse(query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(q.to_query(), query, "written back as read");
        assert_eq!(parse(&q.to_query()).0, q, "{query}");
    }
}

#[test]
fn defaults_are_left_out_and_values_are_canonical() {
    let (q, _) =
        parse("occ=15-1252&stat=MEDIAN&state=tx&sort=name&span=P25-P75&ranges=0&period=year");
    assert_eq!(
        q,
        LocationsQuery {
            state: Some("TX".into()),
            ..Default::default()
        }
    );
    assert_eq!(q.to_query(), "state=TX");
}

#[test]
fn hostile_and_unknown_values_are_dropped_with_a_notice() {
    for (query, notice) in [
        ("occ=99-9999", "Ignored occ value “99-9999”"),
        ("occ=<script>", "Ignored occ value “<script>”"),
        ("stat=p99", "Ignored stat value “p99”"),
        (
            "areas=12420",
            "Ignored areas value “12420” (not a 7-digit BLS area code)",
        ),
        (
            "areas=javascript:alert(1)",
            "Ignored areas value “javascript:alert(1)”",
        ),
        ("state=ZZ", "Ignored state value “ZZ”"),
        ("sort=salary", "Ignored sort value “salary”"),
        ("span=p0-p100", "Ignored span value “p0-p100”"),
        ("ranges=yes", "Ignored ranges value “yes”"),
        ("salary=-5", "Ignored salary value “-5”"),
        ("period=week", "Ignored period value “week”"),
    ] {
        let (q, notices) = parse(query);
        assert_eq!(q, LocationsQuery::default(), "{query}");
        assert!(
            notices.iter().any(|n| n.starts_with(notice)),
            "{query}: {notices:?}"
        );
    }
    let long = "a".repeat(500);
    let (q, notices) = parse(&format!("q={long}"));
    assert_eq!(q.q, "");
    assert_eq!(notices.len(), 1);
    let (q, notices) = parse(&format!("q={}", "b".repeat(120)));
    assert_eq!(q.q.len(), 80);
    assert!(notices[0].contains("cut to 80"));
    let (q, _) = parse("q=%00%1Fx%0A");
    assert_eq!(q.q, "x", "control characters dropped");
}

#[test]
fn areas_are_unique_capped_and_never_the_nation() {
    let (q, notices) =
        parse("areas=0012420,0012420,0000000,0600000,0100000,0200000,0400000,0500000,0800000");
    assert_eq!(q.areas.len(), MAX_AREAS);
    assert_eq!(q.areas[..2], ["0012420", "0600000"]);
    assert!(
        notices.iter().any(|n| n.contains("Only 6 areas")),
        "{notices:?}"
    );
    let mut q = LocationsQuery::default();
    for code in [
        "0100000", "0200000", "0400000", "0500000", "0600000", "0800000", "0900000",
    ] {
        q.toggle_area(code);
    }
    assert_eq!(q.areas.len(), MAX_AREAS);
    assert_eq!(q.areas[0], "0200000", "the oldest is dropped");
    q.toggle_area("0200000");
    assert!(!q.areas.contains(&"0200000".to_owned()));
    q.toggle_area("0000000");
    assert!(!q.areas.contains(&"0000000".to_owned()));
}

#[test]
fn a_monthly_salary_is_placed_as_twelve_months() {
    let (q, _) = parse("salary=12500&period=month&areas=0012420");
    assert_eq!(q.yearly_salary(), Some(150_000.0));
    let rows = atlas_core::locations::standings(&SOFTWARE, &q);
    assert_eq!(rows.len(), 2, "the nation and Austin");
    assert_eq!(rows[1].placement.describe(), "about the 61st percentile");
}

// ---- charts ---------------------------------------------------------------------------------

fn svg(
    width: u32,
    height: u32,
    draw: impl FnOnce(
        &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    ) -> Vec<atlas_core::charts::Hit>,
) -> (String, Vec<atlas_core::charts::Hit>) {
    let mut out = String::new();
    let hits;
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        hits = draw(&area);
    }
    (out, hits)
}

#[test]
fn the_map_draws_every_state_with_a_pickable_outline() {
    let (q, _) = parse("areas=0600000");
    let chart = atlas_core::locations::map_chart(&SOFTWARE, &MAP, q.stat, &q.areas);
    let (out, hits) = svg(975, 610, |area| {
        draw_map(area, &chart, ChartStyle::default()).unwrap()
    });
    assert_eq!(hits.len(), MAP.states.len());
    let polygons = out.matches("<polygon").count();
    let rings: usize = MAP.states.iter().map(|s| s.rings.len()).sum();
    assert_eq!(polygons, rings, "one filled shape per ring");
    // A point inside California picks California; its tooltip has the figures.
    let ca = hits
        .iter()
        .find(|h| h.key.as_deref() == Some("0600000"))
        .unwrap();
    assert!(ca.text.starts_with("California: Median $"), "{}", ca.text);
    assert!(ca.text.contains("P10–P90") && ca.text.contains("employment"));
    let (cx, cy) = (ca.x0 + (ca.x1 - ca.x0) * 0.4, ca.y0 + (ca.y1 - ca.y0) * 0.5);
    let picked = atlas_core::charts::hit_at(&hits, cx, cy).and_then(|h| h.key.clone());
    assert_eq!(picked.as_deref(), Some("0600000"));
    // Alaska released no wages: no class, and the table says so.
    let alaska = chart.states.iter().find(|s| s.area == "0200000").unwrap();
    assert_eq!(alaska.bin, None);
    let table = chart.table();
    let row = table.rows.iter().find(|r| r[0] == "Alaska").unwrap();
    assert_eq!(row[1], "not released");
    assert_eq!(table.rows.len(), 51);
}

#[test]
fn the_box_plots_draw_the_nation_and_each_area_and_the_overlay() {
    let dataset = common::dataset();
    let (q, _) = parse("areas=0012420,0600000&ranges=1&salary=150000");
    let chart = atlas_core::locations::box_chart(&SOFTWARE, dataset, &q);
    assert_eq!(chart.boxes.len(), 3);
    assert!(chart.boxes[0].reference);
    assert_eq!(
        chart.ranges.len(),
        atlas_core::locations::seniority_ranges(dataset).len()
    );
    assert!(!chart.ranges.is_empty());
    let (out, hits) = svg(800, chart.height() as u32, |area| {
        draw_boxes(
            area,
            &chart,
            ChartStyle {
                theme: Theme::Dark,
                scale: 1.0,
            },
        )
        .unwrap()
    });
    // One box (filled rect + outline) per area with a p25–p75, the grid, and the ranges.
    assert!(out.contains("Austin-Round Rock-San Marcos, TX"));
    assert!(out.contains("United States"));
    assert!(hits.iter().any(|h| h
        .text
        .starts_with("Austin-Round Rock-San Marcos, TX: Median $134,120")));
    assert!(hits
        .iter()
        .any(|h| h.text.starts_with("Your salary: $150,000")));
    let table = chart.table();
    assert_eq!(table.headers[0], "Area");
    assert_eq!(
        table.rows[1][1..6],
        ["$96,110", "$104,000", "$134,120", "$168,730", "$209,890"]
    );
    // On a phone (a 324 px canvas) its labels fit.
    let (out, _) = svg(324, chart.height() as u32, |area| {
        draw_boxes(area, &chart, ChartStyle::default()).unwrap()
    });
    common::assert_texts_fit(&common::text_boxes(&out), 324.0);
    // Without areas, the nation alone.
    let alone = atlas_core::locations::box_chart(&SOFTWARE, dataset, &LocationsQuery::default());
    assert_eq!(alone.boxes.len(), 1);
    assert!(alone.ranges.is_empty());
}

#[test]
fn the_salaries_reference_band_is_the_national_p10_to_p90() {
    let dataset = common::dataset();
    let (q, notices) = atlas_core::query::SalariesQuery::parse("bls=1&period=month", &[]);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(q.to_query(), "period=month&bls=1");
    let chart = atlas_core::salaries::range_chart(dataset, &q);
    let r = chart.reference.as_ref().expect("band");
    assert!((r.min - 82_460.0 / 12.0).abs() < 1e-9 && (r.max - 214_670.0 / 12.0).abs() < 1e-9);
    assert!(r.label.contains("BLS OEWS May 2025") && r.label.contains("Software Developers"));
    assert!(chart
        .table()
        .rows
        .iter()
        .any(|row| row[5] == "reference band"));
    let (_, hits) = svg(800, chart.height() as u32, |area| {
        atlas_core::charts::ranges::draw_ranges(area, &chart, ChartStyle::default()).unwrap()
    });
    assert!(hits
        .iter()
        .any(|h| h.text.contains("10th–90th percentile") && h.text.contains("$6,872 – $17,889")));
    let (off, _) = atlas_core::query::SalariesQuery::parse("bls=yes", &[]);
    assert!(!off.bls);
}

#[test]
fn site_search_finds_areas_and_lands_on_their_comparison() {
    use atlas_core::search::{Index, Kind};
    let index = Index::build_with_areas(common::dataset(), &SOFTWARE);
    let austin = index.search("austin", 8);
    let first = austin.first().expect("a result");
    assert_eq!(first.kind, Kind::Area);
    assert_eq!(first.title, "Austin-Round Rock-San Marcos, TX");
    assert_eq!(first.location(), "/locations?areas=0012420#compare-heading");
    assert!(
        first.detail.contains("median $134,120 a year"),
        "{}",
        first.detail
    );
    let nation = index.search("united states", 8);
    assert!(nation
        .iter()
        .any(|e| e.kind == Kind::Area && e.location() == "/locations#map-heading"));
    // Without the areas, the same search finds none: the index is the dataset's alone.
    let plain = Index::build(common::dataset());
    assert!(plain
        .search("austin", 8)
        .iter()
        .all(|e| e.kind != Kind::Area));
    assert_eq!(index.len(), plain.len() + SOFTWARE.areas.len());
    // A place name never buries another kind's match: "Sebastian" is FastAPI's creator first,
    // and the Sebastian, FL metro after.
    let sebastian = index.search("sebastian", 8);
    assert_eq!(sebastian.first().map(|e| e.kind), Some(Kind::Framework));
    assert!(sebastian.iter().any(|e| e.kind == Kind::Area));
}
