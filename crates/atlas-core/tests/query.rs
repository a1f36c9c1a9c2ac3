#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the URL state: the shared query helpers and the Salaries page's parameters
//! (round trips, defaults left out, normalised order, hostile input never panics).
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use std::collections::HashSet;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

use atlas_core::data::{Level, Period};
use atlas_core::query::salaries::MAX_SALARY;
use atlas_core::query::{encode_component, parse_pairs, Notice, SalariesQuery, MAX_VALUE_LEN};

/// Source ids with salary figures, in dataset order (not alphabetical on purpose).
const KNOWN: [&str; 3] = [
    "upstaff-fastapi-2024",
    "hire-backend",
    "backend-role-roadmap",
];

fn parse(query: &str) -> (SalariesQuery, Vec<Notice>) {
    SalariesQuery::parse(query, &KNOWN)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn parse_pairs_table() {
    for (query, want) in [
        ("", vec![]),
        ("?", vec![]),
        ("a=1", vec![("a", "1")]),
        ("?a=1&b=2", vec![("a", "1"), ("b", "2")]),
        ("a=x+y&b=%20%2B", vec![("a", "x y"), ("b", " +")]),
        ("a=%C3%A9t%C3%A9", vec![("a", "été")]),
        ("flag&b=", vec![("flag", ""), ("b", "")]),
        ("a=1=2", vec![("a", "1=2")]),
        ("&&&==", vec![]),
        ("=x&a=1", vec![("a", "1")]),
        (
            "a=%ZZ&b=%4&c=%",
            vec![("a", "%ZZ"), ("b", "%4"), ("c", "%")],
        ),
        ("a=%ff%fe", vec![("a", "\u{fffd}\u{fffd}")]),
        ("a=1#frag&b=2", vec![("a", "1")]),
        ("l%65vels=junior", vec![("levels", "junior")]),
        ("a=日本", vec![("a", "日本")]),
    ] {
        assert_eq!(parse_pairs(query), pairs(&want), "{query:?}");
    }
}

#[test]
fn encode_component_round_trips() {
    assert_eq!(encode_component("abc-._~XYZ019"), "abc-._~XYZ019");
    assert_eq!(encode_component("a b&c=d,e"), "a%20b%26c%3Dd%2Ce");
    assert_eq!(encode_component("é"), "%C3%A9");
    for value in [
        "",
        "x y",
        "<script>alert(1)</script>",
        "%ZZ",
        "a+b",
        "日本",
        "&&&==",
    ] {
        let query = format!("k={}", encode_component(value));
        assert_eq!(parse_pairs(&query), pairs(&[("k", value)]), "{value:?}");
    }
}

#[test]
fn defaults_produce_an_empty_query() {
    assert_eq!(SalariesQuery::default().to_query(), "");
    let (q, notices) = parse("");
    assert_eq!(q, SalariesQuery::default());
    assert!(notices.is_empty());
    // Explicit defaults parse to the default and are written back as "".
    let (q, notices) = parse(
        "levels=junior,middle,senior,lead,architect,principal&sources=hire-backend,backend-role-roadmap,upstaff-fastapi-2024&period=year",
    );
    assert_eq!(q, SalariesQuery::default());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(q.to_query(), "");
    assert!(q.shows_level(Level::Lead));
    assert!(q.shows_source("hire-backend"));
}

#[test]
fn each_parameter_alone() {
    let cases: Vec<(SalariesQuery, &str)> = vec![
        (
            SalariesQuery {
                levels: vec![Level::Junior, Level::Senior],
                ..Default::default()
            },
            "levels=junior,senior",
        ),
        (
            SalariesQuery {
                sources: vec!["backend-role-roadmap".into(), "hire-backend".into()],
                ..Default::default()
            },
            "sources=backend-role-roadmap,hire-backend",
        ),
        (
            SalariesQuery {
                period: Period::Month,
                ..Default::default()
            },
            "period=month",
        ),
        (
            SalariesQuery {
                salary: Some(4500.0),
                ..Default::default()
            },
            "salary=4500",
        ),
        (
            SalariesQuery {
                salary: Some(4500.5),
                ..Default::default()
            },
            "salary=4500.5",
        ),
        (
            SalariesQuery {
                salary: Some(0.05),
                ..Default::default()
            },
            "salary=0.05",
        ),
        (
            SalariesQuery {
                salary: Some(MAX_SALARY),
                ..Default::default()
            },
            "salary=100000000",
        ),
    ];
    for (q, want) in cases {
        assert_eq!(q.to_query(), want);
        let (back, notices) = parse(want);
        assert_eq!(back, q, "{want}");
        assert!(notices.is_empty(), "{want}: {notices:?}");
    }
}

#[test]
fn all_parameters_in_a_stable_order() {
    let q = SalariesQuery {
        levels: vec![Level::Principal, Level::Junior, Level::Junior],
        sources: vec!["upstaff-fastapi-2024".into(), "hire-backend".into()],
        period: Period::Month,
        salary: Some(7707.123),
        bls: true,
    };
    let text = q.to_query();
    assert_eq!(
        text,
        "levels=junior,principal&sources=hire-backend,upstaff-fastapi-2024&period=month&salary=7707.12&bls=1"
    );
    let (back, notices) = parse(&text);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, q.normalized(&KNOWN));
    assert_eq!(back.levels, vec![Level::Junior, Level::Principal]);
    assert_eq!(back.salary, Some(7707.12));
    // Order in the URL does not matter; the written order is canonical.
    let (shuffled, _) = parse(
        "bls=1&salary=7707.12&period=MONTH&sources=upstaff-fastapi-2024,hire-backend,hire-backend&levels=principal,junior",
    );
    assert_eq!(shuffled, back);
    assert_eq!(shuffled.to_query(), text);
}

/// The salaries the round trips use: none, cents, the largest figures.
const SALARIES: [Option<f64>; 8] = [
    None,
    Some(1.0),
    Some(0.01),
    Some(4500.0),
    Some(7707.5),
    Some(92484.25),
    Some(99_999_999.99),
    Some(MAX_SALARY),
];

/// `q`'s URL text reads back as `q` normalised, with no notices, stably; returns that
/// normalised state's text.
fn round_trips(q: &SalariesQuery) -> Result<String, TestCaseError> {
    let text = q.to_query();
    let (back, notices) = parse(&text);
    prop_assert!(notices.is_empty(), "{}: {:?}", text, notices);
    let want = q.normalized(&KNOWN);
    prop_assert_eq!(&back, &want, "{}", text);
    prop_assert_eq!(back.to_query(), want.to_query(), "stable: {}", text);
    prop_assert_eq!(parse(&back.to_query()).0, back, "idempotent: {}", text);
    if want == SalariesQuery::default() {
        // The default state writes nothing, and so does a query that is the default once
        // normalised, but for its sources: `to_query` does not know which sources exist, so a
        // list of every one (which normalises to "all") is written out as given.
        prop_assert_eq!(want.to_query(), "");
        prop_assert_eq!(text.is_empty(), q.sources.is_empty(), "{}", text);
    }
    Ok(want.to_query())
}

#[test]
fn round_trip_over_many_combinations() {
    let mut seen = HashSet::new();
    // Every subset of levels x every subset of sources x both periods x every salary, each
    // in order and reversed with the levels repeated.
    for level_mask in 0u32..64 {
        for source_mask in 0u32..8 {
            for period in [Period::Year, Period::Month] {
                for salary in SALARIES {
                    for unsorted in [false, true] {
                        let mut levels: Vec<Level> = Level::ALL
                            .into_iter()
                            .enumerate()
                            .filter(|(i, _)| level_mask & (1 << i) != 0)
                            .map(|(_, level)| level)
                            .collect();
                        let mut sources: Vec<String> = KNOWN
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| source_mask & (1 << i) != 0)
                            .map(|(_, id)| id.to_string())
                            .collect();
                        // Unsorted and repeated input must normalise the same way.
                        if unsorted {
                            levels.reverse();
                            sources.reverse();
                            levels.extend(levels.clone());
                        }
                        let q = SalariesQuery {
                            levels,
                            sources,
                            period,
                            salary,
                            bls: false,
                        };
                        match round_trips(&q) {
                            Ok(text) => seen.insert(text),
                            Err(error) => panic!("{error}"),
                        };
                    }
                }
            }
        }
    }
    assert!(seen.len() > 500, "combinations covered: {}", seen.len());
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    /// Levels and sources in any order, with any repeats, normalise like their sets.
    #[test]
    fn any_order_and_repeats_round_trip(
        levels in prop::collection::vec(select(Level::ALL.to_vec()), 0..12),
        sources in prop::collection::vec(select(KNOWN.to_vec()), 0..6),
        period in select(vec![Period::Year, Period::Month]),
        salary in select(SALARIES.to_vec()),
    ) {
        let q = SalariesQuery {
            levels,
            sources: sources.into_iter().map(str::to_owned).collect(),
            period,
            salary,
            bls: false,
        };
        round_trips(&q)?;
    }
}

fn assert_notice(query: &str, want: &str) -> SalariesQuery {
    let (q, notices) = parse(query);
    assert!(
        notices.iter().any(|n| n.0.contains(want)),
        "{query:?}: no notice containing {want:?} in {notices:?}"
    );
    q
}

#[test]
fn hostile_inputs_give_notices_and_defaults() {
    let q = assert_notice(
        "levels=<script>alert(1)</script>",
        "Ignored levels value “<script>alert(1)</script>” (not a seniority level).",
    );
    assert_eq!(q, SalariesQuery::default());
    let q = assert_notice("levels=%3Cscript%3E", "“<script>”");
    assert_eq!(q, SalariesQuery::default());
    for bad in [
        "-1e999",
        "1e999",
        "NaN",
        "nan",
        "inf",
        "abc",
        "-5",
        "0",
        "0.001",
        "100000000.01",
        "0x10",
        "4,500",
    ] {
        let q = assert_notice(&format!("salary={bad}"), "Ignored salary value");
        assert_eq!(q.salary, None, "{bad}");
    }
    let q = assert_notice("salary=", "salary is empty");
    assert_eq!(q.salary, None);
    let q = assert_notice("period=", "period is empty");
    assert_eq!(q.period, Period::Year);
    let q = assert_notice("period=weekly", "Ignored period value “weekly”");
    assert_eq!(q.period, Period::Year);
    assert_notice("levels=", "levels is empty");
    assert_notice("levels=,,,", "levels is empty");
    assert_notice("sources=", "sources is empty");
    let q = assert_notice(
        "sources=hire-backend,evil.example",
        "Ignored sources value “evil.example”",
    );
    assert_eq!(q.sources, vec!["hire-backend".to_string()]);
}

#[test]
fn repeated_keys_use_the_last_value() {
    let q = assert_notice(
        "levels=junior&levels=senior",
        "levels was given 2 times; the last value is used.",
    );
    assert_eq!(q.levels, vec![Level::Senior]);
    let q = assert_notice(
        "period=month&salary=1&period=year&period=month",
        "period was given 3 times",
    );
    assert_eq!(q.period, Period::Month);
    assert_eq!(q.salary, Some(1.0));
}

#[test]
fn long_values_are_ignored_and_cut_in_notices() {
    let long = "x".repeat(10 * 1024);
    for name in ["levels", "sources", "period", "salary"] {
        let (q, notices) = parse(&format!("{name}={long}"));
        assert_eq!(q, SalariesQuery::default(), "{name}");
        assert_eq!(notices.len(), 1, "{name}: {notices:?}");
        assert!(notices[0].0.contains("longer than 200 characters"));
        assert!(notices[0].0.chars().count() < 120, "{}", notices[0].0);
        assert!(notices[0].0.contains('…'));
    }
    // At the limit is still read.
    let value = format!("{}junior", ",".repeat(MAX_VALUE_LEN - 6));
    let (q, notices) = parse(&format!("levels={value}"));
    assert_eq!(q.levels, vec![Level::Junior]);
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn junk_never_panics() {
    let junk = [
        "&&&==",
        "%ZZ",
        "levels=%ZZ",
        "levels=%",
        "?levels=junior%2Csenior",
        "levels=júnior,日本,🦀",
        "salary=%F0%9F%A6%80",
        "levels=%00%01%1b[31m",
        "=",
        "==&==",
        "?&",
        "levels=junior,junior,junior,JUNIOR",
        "sources=,,,hire-backend,,,",
        "utm_source=x&page=2&levels=lead",
        "salary=1e-400",
        "salary=+4500",
        "salary= 4500 ",
        "period=Month",
    ];
    for query in junk {
        let (q, notices) = parse(query);
        // Whatever came in, the written query parses back to the same state without notices.
        let (back, again) = parse(&q.to_query());
        assert_eq!(back, q, "{query:?}");
        assert!(again.is_empty(), "{query:?}: {again:?}");
        for notice in &notices {
            assert!(
                !notice.0.chars().any(char::is_control),
                "{query:?}: {notice:?}"
            );
            assert!(notice.0.chars().count() < 160, "{query:?}: {notice:?}");
        }
    }
    // Percent-encoded comma splits the list; repeated items collapse; case is normalised.
    assert_eq!(
        parse("levels=junior%2Csenior").0.levels,
        vec![Level::Junior, Level::Senior]
    );
    assert_eq!(parse("levels=JUNIOR,junior").0.levels, vec![Level::Junior]);
    // Repeats collapse while the list is read, in level order whatever the order given.
    let many = ["levels=", &"senior,junior,".repeat(14)].concat();
    assert_eq!(parse(&many).0.levels, vec![Level::Junior, Level::Senior]);
    // Unknown parameters are ignored silently.
    let (q, notices) = parse("utm_source=x&page=2&levels=lead");
    assert_eq!(q.levels, vec![Level::Lead]);
    assert!(notices.is_empty());
    // One notice per distinct bad item.
    let (_, notices) = parse("levels=x,x,x,y");
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert_eq!(parse("salary=+4500").0.salary, Some(4500.0));
    assert_eq!(parse("salary= 4500 ").0.salary, Some(4500.0));
    assert_eq!(parse("period=Month").0.period, Period::Month);
}

#[test]
fn no_known_sources_means_every_source_value_is_ignored() {
    let (q, notices) = SalariesQuery::parse("sources=hire-backend", &[]);
    assert!(q.sources.is_empty());
    assert_eq!(notices.len(), 1);
}
