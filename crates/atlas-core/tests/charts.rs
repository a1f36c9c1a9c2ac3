//! Chart drawing, natively with plotters' SVGBackend: what is drawn, the hit boxes, the tables.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;
use atlas_core::charts::bars::*;
use atlas_core::charts::histogram::*;
use atlas_core::charts::marks::*;
use atlas_core::charts::ranges::*;
use atlas_core::charts::years::*;
use atlas_core::charts::{ChartStyle, Hit, Theme};
use common::{assert_texts_fit, text_boxes};
use plotters::prelude::*;

fn svg<F>(width: u32, height: u32, draw: F) -> (String, Vec<Hit>)
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Vec<Hit>,
{
    let mut out = String::new();
    let hits;
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        hits = draw(&area);
    }
    (out, hits)
}

fn range_chart() -> RangeChart {
    RangeChart {
        groups: vec![
            RangeGroup {
                label: "Junior".into(),
                bars: vec![
                    RangeBar {
                        series: 0,
                        source: "Upstaff".into(),
                        source_label: "Junior FastApi Developer".into(),
                        mark: Mark::Range {
                            min: 50_000.0,
                            max: 70_000.0,
                        },
                    },
                    RangeBar {
                        series: 1,
                        source: "Hire page".into(),
                        source_label: "Junior".into(),
                        mark: Mark::Point { value: 50_000.0 },
                    },
                ],
                consensus: Some(60_000.0),
            },
            RangeGroup {
                label: "Lead".into(),
                bars: vec![RangeBar {
                    series: 0,
                    source: "Upstaff".into(),
                    source_label: "Expert/Team Lead".into(),
                    mark: Mark::Open {
                        min: 130_000.0,
                        stated_top: None,
                    },
                }],
                consensus: None,
            },
        ],
        marker: Some(65_000.0),
        per: "a year",
        reference: None,
    }
}

#[test]
fn range_chart_draws_every_bar_label_and_marker() {
    let chart = range_chart();
    let (out, hits) = svg(640, chart.height() as u32, |area| {
        draw_ranges(area, &chart, ChartStyle::default()).unwrap()
    });
    for text in ["Junior", "Lead", "$0", "USD a year", "You: $65,000"] {
        assert!(out.contains(text), "svg lacks {text}");
    }
    // Range and open bar + point + consensus + you marker.
    assert_eq!(hits.len(), 5, "{hits:#?}");
    let open = hits
        .iter()
        .find(|h| h.text.contains("Expert/Team Lead"))
        .unwrap();
    assert!(
        open.text.contains("$130,000+ (no upper bound)"),
        "{}",
        open.text
    );
    assert!(hits
        .iter()
        .any(|h| h.text.starts_with("Junior consensus: $60,000 a year")));
    assert!(hits.iter().any(|h| h.text.contains("(single average)")));
    // The open bar reaches further right than the closed one: it has no upper bound.
    let closed = hits
        .iter()
        .find(|h| h.text.contains("Junior FastApi Developer"))
        .unwrap();
    assert!(open.x1 > closed.x1);
}

#[test]
fn range_chart_scales_to_device_pixels_but_reports_css_pixels() {
    let chart = range_chart();
    let height = chart.height();
    let (out1, hits1) = svg(640, height as u32, |a| {
        draw_ranges(a, &chart, ChartStyle::default()).unwrap()
    });
    let style = ChartStyle {
        theme: Theme::Dark,
        scale: 2.0,
    };
    let (out2, hits2) = svg(1280, (height * 2.0) as u32, |a| {
        draw_ranges(a, &chart, style).unwrap()
    });
    let font_size = |svg: &str| -> f64 {
        let at = svg.find("font-size=\"").unwrap() + "font-size=\"".len();
        svg[at..].split('"').next().unwrap().parse().unwrap()
    };
    assert!(
        (font_size(&out2) / font_size(&out1) - 2.0).abs() < 0.01,
        "fonts scale with the device pixel ratio"
    );
    // The same hits at either scale (range and open bar + point + consensus + you marker),
    // in CSS pixels.
    assert_eq!(
        hits1.len(),
        hits2.len(),
        "as many hits at 2x as at 1x: {hits1:#?} vs {hits2:#?}"
    );
    assert_eq!(hits1.len(), 5, "{hits1:#?}");
    for (a, b) in hits1.iter().zip(&hits2) {
        assert_eq!(a.text, b.text, "the hits pair up in order");
        assert!(
            (a.x0 - b.x0).abs() < 1.0 && (a.y0 - b.y0).abs() < 1.0,
            "{a:?} vs {b:?}"
        );
    }
}

#[test]
fn range_table_and_csv_match_the_chart() {
    let table = range_chart().table();
    assert_eq!(table.rows.len(), 4); // two bars, consensus, one open bar
    assert_eq!(
        table.rows[0],
        [
            "Junior",
            "Upstaff",
            "Junior FastApi Developer",
            "$50,000",
            "$70,000",
            "range",
            "a year"
        ]
    );
    assert_eq!(table.rows[3][4], "none (open)");
    let csv = table.to_csv();
    assert!(csv.starts_with("Level,Source,Source's label,Min (USD),Max (USD),Kind,Period\r\n"));
    assert!(
        csv.contains("\"$50,000\""),
        "values with commas are quoted: {csv}"
    );
    assert_eq!(csv.lines().count(), 5);
}

#[test]
fn years_chart_draws_bands_and_open_ends() {
    let chart = YearsChart {
        bands: vec![
            YearsBand {
                series: 0,
                source: "Upstaff".into(),
                source_label: "Junior".into(),
                years: (0.0, Some(2.0)),
                mark: Mark::Range {
                    min: 50_000.0,
                    max: 70_000.0,
                },
            },
            YearsBand {
                series: 2,
                source: "Roadmap".into(),
                source_label: "Principal".into(),
                years: (8.0, None),
                mark: Mark::Open {
                    min: 170_000.0,
                    stated_top: Some(220_000.0),
                },
            },
            YearsBand {
                series: 1,
                source: "Hire page".into(),
                source_label: "Senior".into(),
                years: (5.0, Some(8.0)),
                mark: Mark::Point { value: 90_000.0 },
            },
        ],
        marker: None,
        per: "a year",
    };
    let (out, hits) = svg(640, YearsChart::HEIGHT as u32, |a| {
        draw_years(a, &chart, ChartStyle::default()).unwrap()
    });
    assert!(out.contains("Years of experience"));
    assert_eq!(hits.len(), 3);
    assert!(
        hits[1].text.contains("8+ years") && hits[1].text.contains("$220,000+"),
        "{}",
        hits[1].text
    );
    assert_eq!(chart.table().rows[1][2], "8+");
    // Its legend: each source once, with its colour index, in the bands' order.
    let mut with_repeat = chart.clone();
    with_repeat.bands.push(with_repeat.bands[0].clone());
    assert_eq!(
        with_repeat.sources(),
        [
            (0, "Upstaff".to_owned()),
            (2, "Roadmap".to_owned()),
            (1, "Hire page".to_owned())
        ]
    );
}

#[test]
fn histogram_marks_percentiles_and_handles_no_data() {
    let chart = HistogramChart {
        buckets: vec![
            (5000.0, 5500.0, 3),
            (5500.0, 6000.0, 0),
            (6000.0, 6500.0, 7),
        ],
        markers: vec![("Median".into(), 6100.0), ("You".into(), 5200.0)],
        per: "a month",
        series: 0,
    };
    let (out, hits) = svg(600, HistogramChart::HEIGHT as u32, |a| {
        draw_histogram(a, &chart, ChartStyle::default()).unwrap()
    });
    assert!(
        out.contains("$5k+") && out.contains("Median $6.1k"),
        "{out}"
    );
    assert_eq!(hits.len(), 5, "three buckets and two markers");
    assert!(hits[0].text.contains("$5,000 – under $5,500: 3 offer(s)"));
    let table = chart.table();
    assert_eq!(table.rows[2], ["$6,000 – under $6,500", "7", "a month"]);

    let empty = HistogramChart {
        buckets: vec![],
        markers: vec![],
        per: "a month",
        series: 0,
    };
    let (out, hits) = svg(600, 280, |a| {
        draw_histogram(a, &empty, ChartStyle::default()).unwrap()
    });
    assert!(out.contains("No offers to show yet."));
    assert!(hits.is_empty());
}

#[test]
fn averages_chart_labels_values_with_unit_and_source() {
    let chart = BarsChart {
        bars: vec![
            (
                "Back-end developers".into(),
                90_652.0,
                2,
                "PayScale via article".into(),
            ),
            (
                "Front-end developers".into(),
                80_796.0,
                2,
                "PayScale via article".into(),
            ),
        ],
        marker: None,
        per: "a year",
    };
    let (out, hits) = svg(600, chart.height() as u32, |a| {
        draw_bars(a, &chart, ChartStyle::default()).unwrap()
    });
    assert!(out.contains("$90,652") && out.contains("$80,796"));
    assert_eq!(hits.len(), 2, "a hit per bar: {hits:#?}");
    assert_eq!(
        hits[0].text,
        "Back-end developers: $90,652 a year (PayScale via article)"
    );
    assert!(
        hits[0].x1 > hits[1].x1,
        "the larger average draws the longer bar"
    );
}

#[test]
fn averages_chart_leaves_room_for_its_labels_on_a_phone() {
    // A 390 px phone: the card's canvas is about 324 px wide. The bars start right of the
    // longest label (estimated at 0.6 em a character), which is drawn right-aligned 8 px before.
    let chart = BarsChart {
        bars: vec![
            ("Back-end developer".into(), 7_554.0, 2, "PayScale".into()),
            ("Front-end developer".into(), 6_733.0, 2, "PayScale".into()),
        ],
        marker: Some(5_000.0),
        per: "a month",
    };
    let (_, hits) = svg(324, chart.height() as u32, |a| {
        draw_bars(a, &chart, ChartStyle::default()).unwrap()
    });
    let label = "Front-end developer".chars().count() as f64 * 12.0 * 0.6;
    assert_eq!(hits.len(), 3, "a hit per bar and the marker's: {hits:#?}");
    for hit in &hits {
        assert!(
            hit.x0 - 8.0 >= label,
            "a bar starts at {} px: its label needs {label} px before it",
            hit.x0
        );
    }
    assert!(
        hits.iter().all(|h| h.x1 > h.x0),
        "every bar keeps some length"
    );
}

#[test]
fn timeline_places_points_in_year_order_with_tooltips() {
    use atlas_core::charts::timeline::*;
    let point = |name: &str, year: u16| TimelinePoint {
        name: name.into(),
        year,
        kind: "framework",
        creator: Some("someone".into()),
        series: 1,
        source: "Hire page".into(),
    };
    let chart = TimelineChart {
        points: vec![
            point("Python", 1991),
            point("Rails", 2004),
            point("FastAPI", 2018),
        ],
    };
    let (out, hits) = svg(800, TimelineChart::HEIGHT as u32, |a| {
        draw_timeline(a, &chart, ChartStyle::default()).unwrap()
    });
    assert!(out.contains("Python 1991") && out.contains("FastAPI 2018"));
    assert_eq!(hits.len(), 3);
    assert!(
        hits[0].x0 < hits[1].x0 && hits[1].x0 < hits[2].x0,
        "left to right by year"
    );
    assert_eq!(
        hits[2].text,
        "FastAPI (framework): first released 2018, by someone. Source: Hire page"
    );
    assert_eq!(
        chart.table().rows[1],
        ["Rails", "framework", "2004", "someone", "Hire page"]
    );

    // On a phone (a 324 px canvas) its labels fit too.
    let (out, _) = svg(324, TimelineChart::HEIGHT as u32, |a| {
        draw_timeline(a, &chart, ChartStyle::default()).unwrap()
    });
    assert_texts_fit(&text_boxes(&out), 324.0);

    let (out, hits) = svg(800, 220, |a| {
        draw_timeline(a, &TimelineChart { points: vec![] }, ChartStyle::default()).unwrap()
    });
    assert!(out.contains("No release years in the sources."));
    assert!(hits.is_empty());
}

#[test]
fn the_seniority_and_years_charts_fit_a_phone() {
    let width = 324.0;
    let chart = range_chart();
    let (out, _) = svg(width as u32, chart.height() as u32, |a| {
        draw_ranges(a, &chart, ChartStyle::default()).unwrap()
    });
    assert_texts_fit(&text_boxes(&out), width);
    // The real dataset, every level, with BLS's reference band and a salary marker.
    let d = common::dataset();
    let (q, _) = atlas_core::query::salaries::SalariesQuery::parse("bls=1&salary=95000", &[]);
    let real = atlas_core::salaries::range_chart(d, &q);
    let (out, _) = svg(width as u32, real.height() as u32, |a| {
        draw_ranges(a, &real, ChartStyle::default()).unwrap()
    });
    assert_texts_fit(&text_boxes(&out), width);
    let band = |series, years, mark| YearsBand {
        series,
        source: "Source".into(),
        source_label: "Label".into(),
        years,
        mark,
    };
    let years = YearsChart {
        bands: vec![
            band(
                0,
                (0.0, Some(2.0)),
                Mark::Range {
                    min: 50_000.0,
                    max: 70_000.0,
                },
            ),
            band(1, (2.0, Some(5.0)), Mark::Point { value: 70_000.0 }),
            band(
                2,
                (8.0, None),
                Mark::Open {
                    min: 170_000.0,
                    stated_top: Some(220_000.0),
                },
            ),
        ],
        marker: Some(95_000.0),
        per: "a year",
    };
    let (out, _) = svg(width as u32, YearsChart::HEIGHT as u32, |a| {
        draw_years(a, &years, ChartStyle::default()).unwrap()
    });
    assert_texts_fit(&text_boxes(&out), width);
}

#[test]
fn histogram_labels_fit_a_phone_without_overlap_or_clipping() {
    // 360 px phone: the canvas is about 324 px wide. 17 buckets up to "$13k+", and four markers
    // close together.
    let buckets: Vec<(f64, f64, u128)> = (0..17u32)
        .map(|i| {
            let lo = 5_000.0 + 500.0 * f64::from(i);
            (lo, lo + 500.0, u128::from(i % 5 + 1))
        })
        .collect();
    let chart = HistogramChart {
        buckets,
        markers: vec![
            ("P25".into(), 7_100.0),
            ("Median".into(), 7_700.0),
            ("P75".into(), 8_200.0),
            ("You".into(), 7_900.0),
        ],
        per: "a month",
        series: 0,
    };
    let width = 324.0;
    let (out, hits) = svg(width as u32, HistogramChart::HEIGHT as u32, |a| {
        draw_histogram(a, &chart, ChartStyle::default()).unwrap()
    });
    let boxes = text_boxes(&out);
    assert!(boxes.len() > 8, "{out}");
    assert_texts_fit(&boxes, width);
    // No marker's line crosses a marker label: the labels sit above where the lines start.
    assert_eq!(
        hits.len(),
        17 + 4,
        "a hit per bucket, then one per marker: {hits:#?}"
    );
    let plot_top = hits.last().unwrap().y0;
    for b in boxes.iter().filter(|b| {
        ["P25", "Median", "P75", "You"]
            .iter()
            .any(|m| b.4.starts_with(m))
    }) {
        assert!(
            b.3 <= plot_top,
            "{:?} reaches into the plot ({} > {plot_top})",
            b.4,
            b.3
        );
    }
}

/// A legend's swatch is a class (`src-<n>`), coloured by style/main.css: in each theme block of
/// the stylesheet, `--src-<n>` must be the colour the charts give series `n`.
#[test]
fn swatch_colours_in_the_stylesheet_are_the_series_colours() {
    use atlas_core::charts::{series_color, swatch_class};
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../style/main.css"))
        .unwrap();
    // The blocks that set the variables, in order: light, dark (system), dark (chosen), print.
    let blocks: Vec<&str> = css
        .split('}')
        .filter(|block| block.contains("--src-0:"))
        .collect();
    let themes = [Theme::Light, Theme::Dark, Theme::Dark, Theme::Light];
    assert_eq!(blocks.len(), themes.len(), "blocks setting --src-*");
    for (block, theme) in blocks.iter().zip(themes) {
        for n in 0..7 {
            let want = format!("--src-{n}: {};", series_color(theme, n).hex());
            assert!(
                block.contains(&want),
                "{theme:?}: {want} missing in {block}"
            );
            assert!(css.contains(&format!(".src-{n} {{ background: var(--src-{n}); }}")));
        }
    }
    // The map's colour classes, in the same blocks.
    use atlas_core::charts::map::{bin_class, bin_color, MAX_BINS};
    for (block, theme) in blocks.iter().zip(themes) {
        for n in 0..MAX_BINS {
            let want = format!("--map-{n}: {};", bin_color(theme, Some(n), MAX_BINS).hex());
            assert!(
                block.contains(&want),
                "{theme:?}: {want} missing in {block}"
            );
            assert!(css.contains(&format!(".map-{n} {{ background: var(--map-{n}); }}")));
        }
        let want = format!("--map-none: {};", bin_color(theme, None, MAX_BINS).hex());
        assert!(
            block.contains(&want),
            "{theme:?}: {want} missing in {block}"
        );
    }
    assert!(css.contains(".map-none { background: var(--map-none); }"));
    // However many classes there are, each swatch is the fill the map gives that class.
    for bins in 1..=MAX_BINS {
        for bin in (0..bins).map(Some).chain([None]) {
            let class = bin_class(bin, bins);
            let n = class.strip_prefix("swatch map-").unwrap();
            let colour = bin_color(Theme::Light, bin, bins).hex();
            let want = format!("--map-{n}: {colour};");
            assert!(
                blocks[0].contains(&want),
                "{bin:?} of {bins}: {class} is not {colour}"
            );
        }
    }
    assert_eq!(swatch_class(2), "swatch src-2");
    assert_eq!(
        swatch_class(9),
        "swatch src-2",
        "the palette repeats as series_color does"
    );
}
