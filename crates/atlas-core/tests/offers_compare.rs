#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the Offers page's pure parts: a draft's field-by-field check, the stored
//! value and export file (corrupt values kept as a backup), the share code's round trip and its
//! damaged forms, the URL state, the comparison (highest, differences), the placement against
//! the sources and BLS, the Markdown, and the chart drawn with plotters' SVG backend.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;
use atlas_core::charts::offers::{draw_offers, OffersChart};
use atlas_core::charts::{ChartStyle, Theme};
use atlas_core::data::{self, Level, Period};
use atlas_core::offers::compare::{
    bls_standing, markdown, placement_lines, rows, source_standing, Basis, BlsStanding,
    SourceStanding,
};
use atlas_core::offers::draft::{check, default_label, Draft, Field};
use atlas_core::offers::saved::{
    export_json, from_share_code, load_stored, read_document, share_code, to_stored, OffersError,
    BACKUP_KEY, MAX_OFFERS,
};
use atlas_core::offers::{Bonus, Equity, FieldError};
use atlas_core::query::offers::OffersQuery;
use common::{assert_texts_fit, text_boxes};
use plotters::prelude::*;
use proptest::prelude::*;

const D: u64 = 100;

fn draft(label: &str, base: &str) -> Draft {
    Draft {
        label: label.into(),
        base: base.into(),
        ..Draft::default()
    }
}

fn full_draft() -> Draft {
    Draft {
        label: "Acme | Platform".into(),
        area: "0012420".into(),
        level: "senior".into(),
        base: "$150,000".into(),
        base_period: "year".into(),
        bonus: "10 %".into(),
        bonus_kind: "percent".into(),
        sign_on: "20 000".into(),
        grant: "200000".into(),
        vesting: "4".into(),
        cliff: "12".into(),
        other: "1,200".into(),
    }
}

// ---- a draft's check --------------------------------------------------------------------------

#[test]
fn a_complete_draft_becomes_an_offer() {
    let checked = check(&full_draft(), 0);
    assert!(checked.errors.is_empty(), "{:?}", checked.errors);
    let offer = checked.offer.unwrap();
    assert_eq!(offer.label, "Acme | Platform");
    assert_eq!(offer.area.as_deref(), Some("0012420"));
    assert_eq!(offer.level, Some(Level::Senior));
    assert_eq!(offer.base_cents, 150_000 * D);
    assert_eq!(offer.bonus, Some(Bonus::BasisPoints(1_000)));
    assert_eq!(offer.sign_on_cents, 20_000 * D);
    assert_eq!(
        offer.equity,
        Some(Equity {
            grant_cents: 200_000 * D,
            vesting_years: 4,
            cliff_months: 12
        })
    );
    assert_eq!(offer.other_yearly_cents, 1_200 * D);
    // 150,000 + 15,000 + 20,000 + 50,000 + 1,200 and 150,000 + 15,000 + 5,000 + 50,000 + 1,200.
    assert_eq!(offer.first_year().total(), 236_200 * D);
    assert_eq!(offer.annualized().total(), 221_200 * D);
}

#[test]
fn monthly_base_and_amount_bonus() {
    let d = Draft {
        base: "10000".into(),
        base_period: "month".into(),
        bonus: "$5,000".into(),
        bonus_kind: "amount".into(),
        ..Draft::default()
    };
    let offer = check(&d, 1).offer.unwrap();
    assert_eq!(offer.label, "Offer B");
    assert_eq!(offer.base_period, Period::Month);
    assert_eq!(offer.first_year().base, 120_000 * D);
    assert_eq!(offer.first_year().bonus, 5_000 * D);
}

#[test]
fn each_bad_field_is_named_and_the_text_is_kept() {
    // (what was typed, the field, the error)
    let cases: Vec<(Draft, Field, FieldError)> = vec![
        (draft("", "-5"), Field::Base, FieldError::Negative),
        (draft("", "100000001"), Field::Base, FieldError::TooLarge),
        (draft("", "lots"), Field::Base, FieldError::NotANumber),
        (draft("", ""), Field::Base, FieldError::Required),
        (
            Draft {
                grant: "100000".into(),
                vesting: "0".into(),
                ..draft("", "1")
            },
            Field::Vesting,
            FieldError::VestingZero,
        ),
        (
            Draft {
                grant: "100000".into(),
                vesting: "2".into(),
                cliff: "36".into(),
                ..draft("", "1")
            },
            Field::Cliff,
            FieldError::CliffTooLong,
        ),
        (
            Draft {
                grant: "100000".into(),
                vesting: "".into(),
                ..draft("", "1")
            },
            Field::Vesting,
            FieldError::NotANumber,
        ),
        (
            Draft {
                bonus: "2000".into(),
                ..draft("", "1")
            },
            Field::Bonus,
            FieldError::TooLarge,
        ),
        (
            Draft {
                sign_on: "1e400".into(),
                ..draft("", "1")
            },
            Field::SignOn,
            FieldError::TooLarge,
        ),
        (
            draft(&"x".repeat(61), "1"),
            Field::Label,
            FieldError::TooLong,
        ),
    ];
    for (d, field, error) in cases {
        let checked = check(&d, 0);
        assert_eq!(checked.error(field), Some(error), "{d:?}");
        assert!(checked.offer.is_none(), "{d:?}");
        assert!(!error.message().is_empty());
    }
}

#[test]
fn vesting_and_cliff_matter_only_with_a_grant_or_when_typed() {
    // No grant, vesting emptied: nothing to say.
    let d = Draft {
        vesting: "".into(),
        cliff: "".into(),
        ..draft("", "90000")
    };
    assert!(check(&d, 0).errors.is_empty());
    // No grant, but a vesting of 0 typed: said at once.
    let d = Draft {
        vesting: "0".into(),
        ..draft("", "90000")
    };
    assert_eq!(
        check(&d, 0).error(Field::Vesting),
        Some(FieldError::VestingZero)
    );
    // A sign-on without equity is spread over 4 years whatever the vesting field says.
    let d = Draft {
        sign_on: "20000".into(),
        vesting: "2".into(),
        ..draft("", "90000")
    };
    assert_eq!(check(&d, 0).offer.unwrap().annualized().sign_on, 5_000 * D);
}

#[test]
fn labels_by_position() {
    assert_eq!(default_label(0), "Offer A");
    assert_eq!(default_label(3), "Offer D");
    assert_eq!(draft("  Beta Corp ", "1").shown_label(2), "Beta Corp");
    assert!(Draft::default().is_blank());
    assert!(!draft("", "1").is_blank());
}

// ---- stored value, export file ------------------------------------------------------------------

#[test]
fn stored_and_exported_offers_read_back_as_typed() {
    let offers = vec![
        full_draft(),
        draft("Half typed", "12O000"), // a letter O: kept as typed
    ];
    assert_eq!(read_document(&to_stored(&offers)).unwrap(), offers);
    let exported = export_json(&offers);
    assert!(exported.contains("\"note\""));
    assert_eq!(read_document(&exported).unwrap(), offers);
    assert_eq!(load_stored(Some(&to_stored(&offers))).offers, offers);
    assert_eq!(load_stored(None), Default::default());
    assert_eq!(load_stored(Some("  ")), Default::default());
}

#[test]
fn corrupt_storage_is_kept_as_a_backup_with_a_notice() {
    for raw in [
        "{not json",
        "[]",
        "{\"version\":2,\"offers\":[]}",
        "{\"version\":1}",
        "{\"version\":1,\"offers\":{}}",
        "{\"version\":1,\"offers\":[{\"base\":5}]}",
        "{\"version\":1,\"offers\":[{\"salary\":\"5\"}]}",
        "{\"version\":1,\"offers\":[{\"level\":\"wizard\"}]}",
        "{\"version\":1,\"offers\":[{\"area\":\"Austin\"}]}",
        "{\"version\":1,\"offers\":[{\"base_period\":\"week\"}]}",
        "{\"version\":1,\"offers\":[{},{},{},{},{}]}",
    ] {
        let loaded = load_stored(Some(raw));
        assert!(loaded.offers.is_empty(), "{raw}");
        assert_eq!(loaded.backup.as_deref(), Some(raw));
        let notice = loaded.notice.unwrap();
        assert!(notice.contains(BACKUP_KEY), "{notice}");
    }
}

#[test]
fn import_errors_are_sentences() {
    assert_eq!(read_document(""), Err(OffersError::EmptyFile));
    assert!(matches!(
        read_document("{\"version\":1,"),
        Err(OffersError::NotJson { line: 1, .. })
    ));
    assert!(matches!(
        read_document("{\"version\":\"9\",\"offers\":[]}"),
        Err(OffersError::UnsupportedVersion { .. })
    ));
    let too_many = to_stored(&vec![Draft::default(); MAX_OFFERS + 1]);
    let err = read_document(&too_many).unwrap_err().to_string();
    assert!(err.contains("at most 4"), "{err}");
    let big = format!(
        "{{\"version\":1,\"offers\":[],\"pad\":\"{}\"}}",
        "x".repeat(100_001)
    );
    assert!(matches!(
        read_document(&big),
        Err(OffersError::FileTooLarge { .. })
    ));
    // A byte-order mark is fine.
    let with_bom = format!("\u{feff}{}", to_stored(&[full_draft()]));
    assert_eq!(read_document(&with_bom).unwrap(), vec![full_draft()]);
}

// ---- share code ---------------------------------------------------------------------------------

#[test]
fn share_codes_round_trip() {
    let sets = vec![
        vec![full_draft()],
        vec![
            full_draft(),
            draft("Zoë & Co “quoted”", "95000"),
            Draft::default(),
        ],
        vec![Draft::default(); MAX_OFFERS],
    ];
    for offers in sets {
        let code = share_code(&offers);
        assert!(code.starts_with("1."));
        // URL-safe as it is: nothing to escape in a query value.
        assert!(code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'));
        assert_eq!(from_share_code(&code).unwrap(), offers);
        // Through the URL as the page writes and reads it.
        let q = OffersQuery {
            shared: Some(code.clone()),
            ..OffersQuery::default()
        };
        let (parsed, notices) = OffersQuery::parse(&q.to_query(), &["15-1252"]);
        assert!(notices.is_empty());
        assert_eq!(parsed.shared.as_deref(), Some(code.as_str()));
    }
}

#[test]
fn damaged_share_codes_say_why() {
    let good = share_code(&[full_draft()]);
    let cut = &good[..good.len() - 7];
    type Expect = fn(&OffersError) -> bool;
    let cases: Vec<(String, Expect)> = vec![
        ("".into(), |e| matches!(e, OffersError::EmptyCode)),
        ("2.abc".into(), |e| {
            matches!(e, OffersError::UnsupportedCode { .. })
        }),
        ("hello".into(), |e| {
            matches!(e, OffersError::UnsupportedCode { .. })
        }),
        ("1.!!!".into(), |e| {
            matches!(e, OffersError::DamagedCode { .. })
        }),
        (cut.to_owned(), |e| {
            matches!(e, OffersError::DamagedCode { .. })
        }),
        ("1.W10".into(), |e| {
            matches!(e, OffersError::DamagedCode { .. })
        }), // "[]"
        ("1.W1siYSJdXQ".into(), |e| {
            matches!(e, OffersError::DamagedCode { .. })
        }), // [["a"]]
        (format!("1.{}", "A".repeat(5_000)), |e| {
            matches!(e, OffersError::CodeTooLong { .. })
        }),
    ];
    for (code, expected) in cases {
        let err = from_share_code(&code).unwrap_err();
        assert!(expected(&err), "{code:.20}: {err:?}");
        assert!(err.to_string().ends_with('.'), "{err}");
    }
}

// ---- URL state --------------------------------------------------------------------------------

#[test]
fn url_state_round_trips_and_drops_hostile_values() {
    let occupations = ["15-1252", "15-1254"];
    for q in [
        OffersQuery::default(),
        OffersQuery {
            total: Basis::Annualized,
            occ: Some("15-1254".into()),
            shared: None,
        },
        OffersQuery {
            total: Basis::FirstYear,
            occ: None,
            shared: Some(share_code(&[full_draft()])),
        },
    ] {
        let (parsed, notices) = OffersQuery::parse(&q.to_query(), &occupations);
        assert_eq!(parsed, q);
        assert!(notices.is_empty(), "{notices:?}");
    }
    let (q, notices) = OffersQuery::parse(
        "total=<script>&occ=99-9999&occ=15-1252&shared=1.a&shared=1.b",
        &occupations,
    );
    assert_eq!(q.total, Basis::FirstYear);
    assert_eq!(q.occ, None);
    assert_eq!(q.shared.as_deref(), Some("1.b"));
    assert_eq!(notices.len(), 3, "{notices:?}");
    let (q, notices) = OffersQuery::parse(&format!("shared={}", "A".repeat(4_001)), &occupations);
    assert_eq!(q.shared, None);
    assert_eq!(notices.len(), 1);
}

// ---- the comparison -----------------------------------------------------------------------------

fn two_offers() -> Vec<atlas_core::offers::Offer> {
    let a = check(&full_draft(), 0).offer.unwrap();
    let b = check(
        &Draft {
            label: "Beta".into(),
            level: "middle".into(),
            sign_on: "50000".into(),
            ..draft("Beta", "180000")
        },
        1,
    )
    .offer
    .unwrap();
    vec![a, b]
}

#[test]
fn highest_total_and_differences_follow_the_basis() {
    let offers = two_offers();
    // First year: Acme 236,200; Beta 180,000 + 50,000 = 230,000.
    let first = rows(&offers, Basis::FirstYear);
    assert!(first[0].highest && !first[1].highest);
    assert_eq!(first[1].behind, 6_200 * D);
    // Annualized: Acme 221,200; Beta 180,000 + 12,500 = 192,500.
    let spread = rows(&offers, Basis::Annualized);
    assert_eq!(spread[1].total, 192_500 * D);
    assert_eq!(spread[1].behind, 28_700 * D);
    // A single offer is not "the highest" of anything.
    assert!(!rows(&offers[..1], Basis::FirstYear)[0].highest);
    // Ties are both highest.
    let tie = vec![offers[1].clone(), offers[1].clone()];
    assert!(rows(&tie, Basis::FirstYear).iter().all(|r| r.highest));
}

#[test]
fn placement_against_the_sources_and_bls() {
    let dataset = common::dataset();
    let offers = two_offers();
    match source_standing(dataset, &offers[0]) {
        SourceStanding::Rows(rows) => {
            assert!(rows.iter().all(|r| r.level == Level::Senior));
            assert!(!rows.is_empty());
        }
        other => panic!("{other:?}"),
    }
    let no_level = check(&draft("", "100000"), 0).offer.unwrap();
    assert_eq!(source_standing(dataset, &no_level), SourceStanding::NoLevel);

    let release = dataset.oews.as_ref().unwrap();
    let footnotes: Vec<u8> = release.footnotes.iter().map(|f| f.code).collect();
    let text = std::fs::read_to_string(format!(
        "{}/../../public/data/oews/15-1252.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let file = data::parse_area_file(&text, "15-1252", &footnotes).unwrap();
    let austin = &file.areas[atlas_core::oews::find(&file.areas, "0012420").unwrap()];
    match bls_standing(&file, &offers[0]) {
        BlsStanding::Placed {
            area, placement, ..
        } => {
            assert_eq!(area, austin.name);
            assert_eq!(
                placement,
                atlas_core::oews::place(150_000.0, &austin.figures)
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(bls_standing(&file, &no_level), BlsStanding::NoLocation);
    let mut elsewhere = no_level.clone();
    elsewhere.area = Some("0099999".into());
    assert_eq!(
        bls_standing(&file, &elsewhere),
        BlsStanding::UnknownArea("0099999".into())
    );
    let lines = placement_lines(dataset, Some(&file), &no_level);
    assert!(lines[0].starts_with("No level given"), "{lines:?}");
    assert!(lines[1].contains("No location given"), "{lines:?}");
}

#[test]
fn markdown_holds_both_totals_the_methods_and_escaped_labels() {
    let dataset = common::dataset();
    let offers = two_offers();
    let lines: Vec<Vec<String>> = offers
        .iter()
        .map(|o| placement_lines(dataset, None, o))
        .collect();
    let md = markdown(&offers, &lines);
    assert!(md.contains("| Acme \\| Platform | $150,000 | $15,000 | $20,000 / $5,000 | $50,000 / $50,000 | $1,200 | $236,200 | $221,200 |"), "{md}");
    assert!(
        md.contains(
            "| Beta | $180,000 | $0 | $50,000 / $12,500 | $0 / $0 | $0 | $230,000 | $192,500 |"
        ),
        "{md}"
    );
    assert!(md.contains("Highest first-year total: Acme \\| Platform ($236,200)."));
    assert!(md.contains("Highest annualized total: Acme \\| Platform ($221,200)."));
    assert!(md.contains("First year: base salary"));
    assert!(md.contains("Annualized: base salary"));
    assert!(md.contains("a summary, not a quote"));
    assert!(md.contains("BLS: the figures for its location were not loaded."));
}

// ---- the chart ------------------------------------------------------------------------------------

#[test]
fn chart_draws_stacked_parts_marks_the_highest_and_fits_a_phone() {
    let offers = two_offers();
    for basis in Basis::ALL {
        let chart = OffersChart {
            basis,
            rows: rows(&offers, basis),
        };
        for (width, theme) in [(680u32, Theme::Light), (340, Theme::Dark)] {
            let mut svg = String::new();
            let hits = {
                let area = SVGBackend::with_string(&mut svg, (width, chart.height() as u32))
                    .into_drawing_area();
                draw_offers(&area, &chart, ChartStyle { theme, scale: 1.0 }).unwrap()
            };
            let texts: Vec<String> = text_boxes(&svg).into_iter().map(|b| b.4).collect();
            assert!(texts.contains(&"highest".to_owned()), "{texts:?}");
            let behind = format!(
                "−{}",
                atlas_core::offers::compare::dollars(chart.rows[1].behind)
            );
            assert!(texts.contains(&behind), "{texts:?}");
            // One hit per drawn part plus one per total: Acme has five parts in the first year.
            let parts = |i: usize| {
                atlas_core::offers::compare::part_values(chart.rows[i].parts)
                    .iter()
                    .filter(|v| **v > 0)
                    .count()
            };
            assert_eq!(hits.len(), parts(0) + parts(1) + 2);
            assert!(hits.iter().any(|h| h.text.contains("Sign-on")));
            assert_texts_fit(&text_boxes(&svg), f64::from(width));
        }
        let table = chart.table();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].last().map(String::as_str), Some("highest"));
        assert!(
            table.to_csv().contains("\"Acme | Platform\"")
                || table.to_csv().contains("Acme | Platform")
        );
    }
}

proptest! {
    #[test]
    fn no_draft_panics(texts in proptest::collection::vec(".{0,30}", 12), index in 0usize..4) {
        let d = Draft {
            label: texts[0].clone(),
            area: texts[1].clone(),
            level: texts[2].clone(),
            base: texts[3].clone(),
            base_period: texts[4].clone(),
            bonus: texts[5].clone(),
            bonus_kind: texts[6].clone(),
            sign_on: texts[7].clone(),
            grant: texts[8].clone(),
            vesting: texts[9].clone(),
            cliff: texts[10].clone(),
            other: texts[11].clone(),
        };
        let checked = check(&d, index);
        if let Some(offer) = &checked.offer {
            let _ = markdown(std::slice::from_ref(offer), &[Vec::new()]);
        }
        // Whatever was typed survives the share code when its choices are valid ones.
        let valid = Draft { area: String::new(), level: String::new(), base_period: "year".into(), bonus_kind: "amount".into(), ..d };
        prop_assert_eq!(from_share_code(&share_code(std::slice::from_ref(&valid))).unwrap(), vec![valid]);
    }

    #[test]
    fn no_share_code_or_file_panics(text in ".{0,200}") {
        let _ = from_share_code(&text);
        let _ = from_share_code(&format!("1.{text}"));
        let _ = read_document(&text);
        let _ = load_stored(Some(&text));
        let _ = OffersQuery::parse(&text, &["15-1252"]);
    }
}
