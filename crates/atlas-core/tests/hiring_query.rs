#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the Hiring page's URL state (`usecase`, `level`, `kit`) against the real
//! dataset: parsing, defaults left out, round trips, and hostile values.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::data::{Hiring, Level};
use atlas_core::kit::{self, Kit, KitItem};
use atlas_core::query::hiring::{parse_level, HiringQuery, LEVELS};
use atlas_core::query::Notice;

fn hiring() -> Hiring {
    common::dataset().hiring.clone()
}

fn parse(query: &str) -> (HiringQuery, Vec<Notice>) {
    HiringQuery::parse(query, &hiring())
}

fn some_kit() -> Kit {
    Kit {
        items: [
            KitItem::Question("db-connections".to_string()),
            KitItem::Mistake("ignoring-async".to_string()),
        ]
        .into_iter()
        .collect(),
    }
}

#[test]
fn empty_query_is_the_default() {
    for query in ["", "?", "?utm_source=x&levels=senior", "#kit=1."] {
        let (q, notices) = parse(query);
        assert_eq!(q, HiringQuery::default(), "{query:?}");
        assert!(notices.is_empty(), "{query:?}: {notices:?}");
    }
    let h = hiring();
    assert_eq!(HiringQuery::default().to_query(&h), "");
    assert_eq!(HiringQuery::default().kit_or_all(&h), Kit::all(&h));
    assert_eq!(HiringQuery::default().use_case(&h), None);
}

#[test]
fn parses_every_value() {
    let h = hiring();
    for usecase in &h.use_cases {
        let (q, notices) = parse(&format!("?usecase={}", usecase.id));
        assert!(notices.is_empty());
        assert_eq!(q.usecase.as_deref(), Some(usecase.id.as_str()));
        assert_eq!(q.use_case(&h), Some(usecase));
    }
    let ids: Vec<&str> = h.use_cases.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["apis", "ml", "microservices"]);
    for level in LEVELS {
        let (q, notices) = parse(&format!("level={}", level.id()));
        assert!(notices.is_empty());
        assert_eq!(q.level, Some(level));
    }
    let (q, notices) = parse("usecase=ml&level=senior&kit=1Ag.Ag");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        q,
        HiringQuery {
            usecase: Some("ml".into()),
            level: Some(Level::Senior),
            kit: Some(some_kit()),
        }
    );
    assert_eq!(q.kit_or_all(&h), some_kit());
}

#[test]
fn values_are_trimmed_and_case_insensitive() {
    let (q, notices) = parse("usecase=%20APIs%20&level=+Lead+");
    assert!(notices.is_empty());
    assert_eq!(q.usecase.as_deref(), Some("apis"));
    assert_eq!(q.level, Some(Level::Lead));
    assert_eq!(parse_level("MIDDLE"), Some(Level::Middle));
    assert_eq!(parse_level("architect"), None);
}

#[test]
fn writes_in_a_stable_order_with_defaults_left_out() {
    let h = hiring();
    let q = HiringQuery {
        kit: Some(some_kit()),
        level: Some(Level::Junior),
        usecase: Some("microservices".into()),
    };
    assert_eq!(
        q.to_query(&h),
        "usecase=microservices&level=junior&kit=1Ag.Ag"
    );
    let q = HiringQuery {
        level: Some(Level::Middle),
        ..HiringQuery::default()
    };
    assert_eq!(q.to_query(&h), "level=middle");
    // The full kit is the default; an empty kit is not.
    let q = HiringQuery {
        kit: Some(Kit::all(&h)),
        ..HiringQuery::default()
    };
    assert_eq!(q.to_query(&h), "");
    let q = HiringQuery {
        kit: Some(Kit::new()),
        ..HiringQuery::default()
    };
    assert_eq!(q.to_query(&h), "kit=1.");
    let (back, notices) = parse("kit=1.");
    assert!(notices.is_empty());
    assert_eq!(back.kit, Some(Kit::new()));
    // A full kit in the URL reads as the default.
    let (back, notices) = parse("kit=1Bw.Dw");
    assert!(notices.is_empty());
    assert_eq!(back.kit, None);
}

#[test]
fn values_parse_would_drop_are_left_out() {
    let h = hiring();
    let mut kit = some_kit();
    kit.insert(KitItem::Question("no-such-question".into()));
    let q = HiringQuery {
        usecase: Some("<script>".into()),
        level: Some(Level::Principal),
        kit: Some(kit),
    };
    assert_eq!(q.to_query(&h), "kit=1Ag.Ag");
    let q = HiringQuery {
        usecase: Some("ML".into()),
        level: Some(Level::Architect),
        kit: None,
    };
    assert_eq!(q.to_query(&h), "usecase=ml");
}

#[test]
fn every_combination_round_trips() {
    let h = hiring();
    let mut usecases: Vec<Option<String>> = vec![None, Some("nope".into()), Some("APIS".into())];
    usecases.extend(h.use_cases.iter().map(|u| Some(u.id.clone())));
    let mut levels: Vec<Option<Level>> = vec![None];
    levels.extend(Level::ALL.into_iter().map(Some));
    let all_items: Vec<KitItem> = Kit::all(&h).items.into_iter().collect();
    let mut kits: Vec<Option<Kit>> = vec![None];
    for mask in 0u32..(1 << all_items.len()) {
        let items = all_items
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, item)| item.clone())
            .collect();
        kits.push(Some(Kit { items }));
    }
    let mut checked = 0;
    for usecase in &usecases {
        for level in &levels {
            for kit in &kits {
                let q = HiringQuery {
                    usecase: usecase.clone(),
                    level: *level,
                    kit: kit.clone(),
                };
                let query = q.to_query(&h);
                let (back, notices) = HiringQuery::parse(&query, &h);
                assert!(notices.is_empty(), "{query}: {notices:?}");
                assert_eq!(back, q.normalized(&h), "{query}");
                assert_eq!(back.to_query(&h), query);
                // With a leading '?' too.
                assert_eq!(HiringQuery::parse(&format!("?{query}"), &h).0, back);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 6 * 7 * 129);
}

#[test]
fn unknown_values_are_ignored_with_a_notice() {
    for (query, want) in [
        (
            "usecase=web",
            "Ignored usecase value “web” (use apis, ml or microservices).",
        ),
        (
            "level=principal",
            "Ignored level value “principal” (use junior, middle, senior or lead).",
        ),
        (
            "level=architect",
            "Ignored level value “architect” (use junior, middle, senior or lead).",
        ),
        ("usecase=", "usecase is empty; no use case is chosen."),
        ("level=%20", "level is empty; no level is chosen."),
        ("kit=", "kit is empty; every question and point is shown."),
        (
            "kit=2Bw.Dw",
            "Ignored kit value “2Bw.Dw” (the code does not start with version 1); every question and point is shown.",
        ),
        (
            "kit=1CA.",
            "Ignored kit value “1CA.” (the questions part names item 3, and there are only 3); every question and point is shown.",
        ),
    ] {
        let (q, notices) = parse(query);
        assert_eq!(q, HiringQuery::default(), "{query}");
        assert_eq!(notices, [Notice(want.to_string())], "{query}");
    }
}

#[test]
fn hostile_values_never_panic() {
    let h = hiring();
    let long = "a".repeat(10 * 1024);
    let queries = [
        "usecase=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
        "level=<script>&kit=<script>".to_string(),
        format!("usecase={long}"),
        format!("kit=1{long}."),
        format!("level={long}&usecase=ml"),
        "usecase=%FF%FE&level=%00&kit=%E2%80%AE1.".to_string(),
        "kit=1%2E&level=%".to_string(),
        "usecase=apis&usecase=ml&usecase=microservices".to_string(),
        "&&&==&usecase&level&kit".to_string(),
        "kit=1Bw.Dw.&kit=1....".to_string(),
        "kit=😀😀😀".to_string(),
    ];
    for query in &queries {
        let (q, notices) = HiringQuery::parse(query, &h);
        for notice in &notices {
            assert!(notice.0.chars().count() < 200, "{notice}");
            assert!(!notice.0.chars().any(char::is_control), "{notice}");
        }
        // Whatever is read writes back and reads the same.
        let (back, more) = HiringQuery::parse(&q.to_query(&h), &h);
        assert!(more.is_empty());
        assert_eq!(back, q);
    }
    let (q, notices) = HiringQuery::parse(&queries[2], &h);
    assert_eq!(q.usecase, None);
    assert!(notices[0].0.contains("longer than 200"));
    let (q, notices) = HiringQuery::parse(&queries[4], &h);
    assert_eq!((q.usecase.as_deref(), q.level), (Some("ml"), None));
    assert_eq!(notices.len(), 1);
    let (q, _) = HiringQuery::parse("kit=1%2E", &h);
    assert_eq!(q.kit, Some(Kit::new()));
}

#[test]
fn repeated_keys_use_the_last_value() {
    let (q, notices) = parse("usecase=apis&level=junior&usecase=ml&level=lead&level=senior");
    assert_eq!(q.usecase.as_deref(), Some("ml"));
    assert_eq!(q.level, Some(Level::Senior));
    assert_eq!(
        notices,
        [
            Notice("usecase was given 2 times; the last value is used.".into()),
            Notice("level was given 3 times; the last value is used.".into()),
        ]
    );
    // The last value wins even when it is bad: the earlier good one is not used.
    let (q, notices) = parse("level=senior&level=principal");
    assert_eq!(q.level, None);
    assert_eq!(notices.len(), 2);
}

#[test]
fn kit_in_the_url_never_carries_notes() {
    let h = hiring();
    let q = HiringQuery {
        kit: Some(some_kit()),
        ..HiringQuery::default()
    };
    let query = q.to_query(&h);
    assert_eq!(query, format!("kit={}", kit::encode(&some_kit(), &h)));
    assert!(query.len() < 20);
}
