//! The build step that draws each route's default charts into SVG (`atlas_core::prerender`, run
//! by the `prerender` binary): one drawing per default chart and width, each holding its shapes,
//! counted against the dataset, in colours that follow the theme.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::data::{self, AreaFile, StatesMap};
use atlas_core::prerender::{prerender, Drawing, LocationsFiles, Prerendered};
use std::sync::OnceLock;

const WIDTHS: [u32; 2] = [324, 1086];

fn read(path: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../public/data/oews/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("public/data/oews/{path}: {e}"))
}

/// The Locations page's default files, as the `prerender` binary reads them.
fn locations() -> &'static (StatesMap, AreaFile) {
    static FILES: OnceLock<(StatesMap, AreaFile)> = OnceLock::new();
    FILES.get_or_init(|| {
        let release = common::dataset().oews.as_ref().expect("an OEWS release");
        let code = &release.occupations[0].code;
        let footnotes: Vec<u8> = release.footnotes.iter().map(|f| f.code).collect();
        (
            data::parse_states_map(&read("states-map.json")).expect("valid map"),
            data::parse_area_file(&read(&format!("{code}-states.json")), code, &footnotes)
                .expect("valid file"),
        )
    })
}

fn drawn() -> &'static Prerendered {
    static DRAWN: OnceLock<Prerendered> = OnceLock::new();
    DRAWN.get_or_init(|| {
        let (map, states) = locations();
        let files = LocationsFiles { map, states };
        prerender(common::dataset(), Some(files), &WIDTHS, |s| {
            s.to_lowercase()
        })
        .expect("every chart draws")
    })
}

fn drawing(id: &str, width: u32) -> &'static Drawing {
    drawn()
        .drawings
        .iter()
        .find(|d| d.id == id && d.width == width)
        .unwrap_or_else(|| panic!("no drawing {id} at {width} px"))
}

/// The opening tags in `svg` that start with `start` and contain every one of `parts`.
fn tags<'s>(svg: &'s str, start: &str, parts: &[&str]) -> Vec<&'s str> {
    svg.split('<')
        .filter(|tag| tag.starts_with(start) && parts.iter().all(|p| tag.contains(p)))
        .collect()
}

#[test]
fn every_default_chart_is_drawn_once_per_width() {
    let mut seen: Vec<(&str, &str, u32)> = drawn()
        .drawings
        .iter()
        .map(|d| (d.route, d.id, d.width))
        .collect();
    seen.sort();
    let mut expected = Vec::new();
    for width in WIDTHS {
        expected.push(("/", "overview-ranges", width));
        expected.push(("/frameworks", "framework-timeline", width));
        expected.push(("/salaries", "salary-ranges", width));
    }
    // The map keeps its proportions and has no text: one drawing, scaled to any width.
    expected.push(("/locations", "locations-map", 1086));
    expected.sort();
    assert_eq!(seen, expected);
    for d in &drawn().drawings {
        assert_eq!(d.fluid, d.id == "locations-map", "{}", d.id);
    }
    for d in &drawn()
        .drawings
        .iter()
        .filter(|d| !d.fluid)
        .collect::<Vec<_>>()
    {
        assert!(
            d.svg.starts_with(&format!(
                "<svg class=\"static-chart\" viewBox=\"0 0 {} {}\" ",
                d.width, d.height
            )),
            "{}: {}",
            d.id,
            &d.svg[..80]
        );
        assert!(d.svg.trim_end().ends_with("</svg>"), "{}", d.id);
        assert!(!d.title.is_empty() && !d.summary.is_empty(), "{}", d.id);
    }
}

#[test]
fn the_seniority_chart_has_one_shape_per_salary_band() {
    let dataset = common::dataset();
    // The default view shows every level and every source: every band with a figure.
    let chart = atlas_core::salaries::range_chart(dataset, &Default::default());
    let bars: usize = chart.groups.iter().map(|g| g.bars.len()).sum();
    assert_eq!(bars, dataset.salary_bands.len());
    for width in WIDTHS {
        for id in ["salary-ranges", "overview-ranges"] {
            let svg = &drawing(id, width).svg;
            // A range is a solid bar (90 % opacity); a single average, a filled dot.
            let ranges = tags(svg, "rect", &["opacity=\"0.9\""]).len();
            let dots = tags(svg, "circle", &["stroke=\"none\""]).len();
            assert_eq!(ranges + dots, bars, "{id} at {width} px");
            for level in &chart.groups {
                assert!(svg.contains(&level.label), "{id} names {}", level.label);
            }
        }
    }
    let drawing = drawing("salary-ranges", 1086);
    assert_eq!(drawing.height, chart.height().round() as u32);
    assert_eq!(drawing.title, atlas_core::salaries::RANGE_TITLE);
    assert_eq!(drawing.summary, atlas_core::salaries::range_summary(&chart));
}

#[test]
fn the_timeline_has_one_point_per_dated_release() {
    let chart = atlas_core::frameworks::timeline_chart(common::dataset(), |s| s.to_lowercase());
    assert!(chart.points.len() > 5);
    for width in WIDTHS {
        let svg = &drawing("framework-timeline", width).svg;
        // Each point is a filled dot with an outline drawn over it.
        let dots = tags(svg, "circle", &["stroke=\"none\""]).len();
        assert_eq!(dots, chart.points.len(), "{width} px");
    }
    let first = &chart.points[0];
    assert!(drawing("framework-timeline", 1086)
        .summary
        .contains(&format!("{} {}", first.name, first.year)));
}

#[test]
fn colours_are_classes_with_a_rule_in_each_theme() {
    let css = &drawn().css;
    for d in &drawn().drawings {
        assert!(
            !d.svg.contains("fill=\"#") && !d.svg.contains("stroke=\"#"),
            "{} keeps a literal colour",
            d.id
        );
        assert!(!d.svg.contains("opacity=\"1\""), "{}", d.id);
        for tag in tags(&d.svg, "", &["class=\""]) {
            let classes = tag.split("class=\"").nth(1).unwrap();
            let classes = &classes[..classes.find('"').unwrap()];
            for class in classes.split(' ').filter(|c| *c != "static-chart") {
                let rule = format!(".static-chart .{class}{{");
                assert_eq!(
                    css.matches(&rule).count(),
                    3,
                    "{class}: light, dark, and dark by system preference"
                );
            }
        }
    }
    // The light and dark backgrounds of charts::ink, and a source's colour in both themes.
    assert!(css.contains(".static-chart .f0{fill:#FFFFFF}"), "{css}");
    assert!(css.contains(":root[data-theme=dark] .static-chart .f0{fill:#171E26}"));
    assert!(css.contains("@media (prefers-color-scheme:dark){:root:not([data-theme=light])"));
    assert!(css.contains("fill:#006BA6") && css.contains("fill:#5CB8F0"));
}

#[test]
fn the_map_has_one_shape_per_state_ring_coloured_by_its_class() {
    let (map, states) = locations();
    let drawing = drawing("locations-map", 1086);
    let chart = atlas_core::locations::map_chart(states, map, Default::default(), &[]);
    let rings: usize = map.states.iter().map(|s| s.rings.len()).sum();
    // Each ring is a closed run of relative moves, filled and outlined (not a polygon and a
    // polyline over it), in one path per colour class.
    let paths = tags(&drawing.svg, "path ", &[" d=\"M"]);
    let classes: std::collections::BTreeSet<Option<usize>> =
        chart.states.iter().map(|s| s.bin).collect();
    assert_eq!(paths.len(), classes.len());
    assert_eq!(drawing.svg.matches('M').count(), rings);
    assert_eq!(drawing.svg.matches('z').count(), rings);
    assert_eq!(tags(&drawing.svg, "polygon", &[]).len(), 0);
    assert_eq!(tags(&drawing.svg, "polyline", &[]).len(), 0);
    assert!(!drawing.svg.contains("<text"), "the map draws no text");
    assert_eq!(drawing.height, (1086.0 * chart.aspect()).round() as u32);
    // Its viewBox has the live canvas's proportions, unrounded (ChartFrame's `aspect`).
    let view_box = format!(
        "<svg class=\"static-chart\" viewBox=\"0 0 1086 {}\" ",
        atlas_core::format::fixed(1086.0 * chart.aspect(), 2)
    );
    assert!(drawing.svg.starts_with(&view_box), "{}", &drawing.svg[..80]);
    assert_eq!(drawing.title, atlas_core::locations::MAP_TITLE);
    assert_eq!(
        drawing.summary,
        atlas_core::locations::map_summary(&chart, states, Default::default())
    );
    assert!(drawing.summary.contains(&states.occupation.name));
}

/// The map's rings as absolute points.
fn ring_points(map: &StatesMap) -> Vec<Vec<(f64, f64)>> {
    map.states.iter().flat_map(|s| &s.rings).cloned().collect()
}

#[test]
fn no_ring_of_the_map_lies_inside_another() {
    // The build-time map paints each colour class as one path (prerender::join_paths), which
    // is the same picture only while no ring holds another.
    let (map, _) = locations();
    let rings = ring_points(map);
    let inside = |(px, py): (f64, f64), ring: &[(f64, f64)]| {
        let mut odd = false;
        for (i, &(xi, yi)) in ring.iter().enumerate() {
            let (xk, yk) = ring[(i + ring.len() - 1) % ring.len()];
            if (yi > py) != (yk > py) && px < (xk - xi) * (py - yi) / (yk - yi) + xi {
                odd = !odd;
            }
        }
        odd
    };
    for (a, ring) in rings.iter().enumerate() {
        for (b, other) in rings.iter().enumerate() {
            // Nudged off the grid: a point on a shared border is neither in nor out.
            let held = a != b
                && ring
                    .iter()
                    .all(|&(x, y)| inside((x + 0.001, y + 0.0013), other));
            assert!(!held, "ring {a} lies inside ring {b}");
        }
    }
}
