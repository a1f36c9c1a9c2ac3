//! The build step that draws each route's default charts into SVG (`atlas_core::prerender`, run
//! by the `prerender` binary): one drawing per default chart and width, each holding its shapes,
//! counted against the dataset, in colours that follow the theme.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::prerender::{prerender, Drawing, Prerendered};
use std::sync::OnceLock;

const WIDTHS: [u32; 2] = [324, 1086];

fn drawn() -> &'static Prerendered {
    static DRAWN: OnceLock<Prerendered> = OnceLock::new();
    DRAWN.get_or_init(|| {
        prerender(common::dataset(), &WIDTHS, |s| s.to_lowercase()).expect("every chart draws")
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
    expected.sort();
    assert_eq!(seen, expected);
    for d in &drawn().drawings {
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
