#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the Roadmap page's URL state (`progress`, `stage`, `item`) against the real
//! roadmap: round trips, defaults left out, canonical order, and hostile values that are ignored
//! with a notice and never panic.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;
use common::with_check;

use proptest::prelude::*;
use proptest::sample::select;

use atlas_core::data::Roadmap;
use atlas_core::progress::{encode, ItemState, Progress};
use atlas_core::query::roadmap::RoadmapQuery;
use atlas_core::query::{Notice, MAX_VALUE_LEN};

/// The real roadmap.
fn roadmap() -> Roadmap {
    common::dataset().roadmap.clone()
}

fn parse(query: &str) -> (RoadmapQuery, Vec<Notice>) {
    RoadmapQuery::parse(query, &roadmap())
}

fn texts(notices: &[Notice]) -> Vec<String> {
    notices.iter().map(ToString::to_string).collect()
}

/// The share code of any progress on `r` (each item in any of the four states).
fn any_code(r: &Roadmap) -> impl Strategy<Value = String> {
    let r = r.clone();
    let items: usize = r.stages.iter().map(|stage| stage.items.len()).sum();
    prop::collection::vec(select(ItemState::ALL.to_vec()), items).prop_map(move |states| {
        let mut p = Progress::new();
        let ids = r
            .stages
            .iter()
            .flat_map(|stage| &stage.items)
            .map(|item| &item.id);
        for (id, state) in ids.zip(states) {
            p.set(id, state);
        }
        encode(&p, &r)
    })
}

#[test]
fn empty_query_is_the_default() {
    for query in ["", "?", "?utm_source=x&levels=junior", "#stage=2"] {
        let (q, notices) = parse(query);
        assert_eq!(q, RoadmapQuery::default(), "{query}");
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(q.to_query(), "");
    }
}

#[test]
fn each_parameter_alone() {
    let r = roadmap();
    let mut p = Progress::new();
    p.set("foundation-sql", ItemState::Done);
    let code = encode(&p, &r);
    let cases: Vec<(RoadmapQuery, String)> = vec![
        (
            RoadmapQuery {
                progress: Some(code.clone()),
                ..Default::default()
            },
            format!("progress={code}"),
        ),
        (
            RoadmapQuery {
                stage: Some(1),
                ..Default::default()
            },
            "stage=1".into(),
        ),
        (
            RoadmapQuery {
                stage: Some(4),
                ..Default::default()
            },
            "stage=4".into(),
        ),
        (
            RoadmapQuery {
                item: Some("advanced-caching".into()),
                ..Default::default()
            },
            "item=advanced-caching".into(),
        ),
    ];
    for (q, want) in cases {
        assert_eq!(q.to_query(), want);
        let (back, notices) = parse(&want);
        assert_eq!(back, q, "{want}");
        assert!(notices.is_empty(), "{want}: {notices:?}");
    }
    // The shared progress decodes back.
    let (q, _) = parse(&format!("progress={code}"));
    assert_eq!(q.shared_progress(&r), Some(p));
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn all_parameters_in_a_stable_order(code in any_code(&roadmap())) {
        let (q, notices) = parse(&format!(
            "item=Professional-Mentoring&stage=%32&progress=%20{code}%20"
        ));
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(
            &q,
            &RoadmapQuery {
                progress: Some(code.clone()),
                stage: Some(2),
                item: Some("professional-mentoring".into()),
            }
        );
        prop_assert_eq!(
            q.to_query(),
            format!("progress={code}&stage=2&item=professional-mentoring")
        );
    }
}

/// Any valid Roadmap page state: each parameter present or not (a shared progress two times in
/// three), with any code, stage and item of the real roadmap.
fn any_query() -> impl Strategy<Value = RoadmapQuery> {
    let r = roadmap();
    let items: Vec<String> = r
        .stages
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.id.clone()))
        .collect();
    (
        prop::option::weighted(2.0 / 3.0, any_code(&r)),
        prop::option::of(1u8..=4),
        prop::option::of(select(items)),
    )
        .prop_map(|(progress, stage, item)| RoadmapQuery {
            progress,
            stage,
            item,
        })
}

proptest! {
    #![proptest_config(common::proptest_config(2000))]

    #[test]
    fn round_trip_over_many_combinations(q in any_query()) {
        let r = roadmap();
        let text = q.to_query();
        let (back, notices) = RoadmapQuery::parse(&text, &r);
        prop_assert!(notices.is_empty(), "{}: {:?}", text, notices);
        prop_assert_eq!(&back, &q, "{}", text);
        prop_assert_eq!(back.to_query(), text.clone());
        // Codes need no escaping in the URL.
        if let Some(code) = &q.progress {
            prop_assert!(text.contains(&format!("progress={code}")), "{}", text);
        }
    }
}

#[test]
fn non_canonical_progress_is_stored_canonical() {
    let r = roadmap();
    let mut first_done = Progress::new();
    first_done.set(&r.stages[0].items[0].id, ItemState::Done);
    let canonical = encode(&first_done, &r);
    for padded in ["1CA", "1C...", "1CA.A"] {
        let (q, notices) = parse(&format!("progress={}", with_check(padded)));
        assert!(notices.is_empty(), "{padded}: {notices:?}");
        assert_eq!(q.progress.as_deref(), Some(canonical.as_str()), "{padded}");
        assert_eq!(q.shared_progress(&r), Some(first_done.clone()));
    }
    let empty = encode(&Progress::new(), &r);
    assert_eq!(empty.len(), 2);
    let (q, notices) = parse(&format!("progress={empty}"));
    assert!(notices.is_empty(), "{notices:?}");
    // An empty shared progress is still a shared view (read-only, nothing marked).
    assert_eq!(q.progress.as_deref(), Some(empty.as_str()));
    assert_eq!(q.shared_progress(&r), Some(Progress::new()));
}

#[test]
fn bad_values_are_ignored_with_a_notice() {
    for (query, want) in [
        ("stage=", "stage is empty; ignored."),
        ("stage=0", "Ignored stage value “0” (use a stage number from 1 to 4)."),
        ("stage=5", "Ignored stage value “5” (use a stage number from 1 to 4)."),
        ("stage=-1", "Ignored stage value “-1” (use a stage number from 1 to 4)."),
        ("stage=256", "Ignored stage value “256” (use a stage number from 1 to 4)."),
        ("stage=two", "Ignored stage value “two” (use a stage number from 1 to 4)."),
        ("stage=1.0", "Ignored stage value “1.0” (use a stage number from 1 to 4)."),
        ("stage=foundation", "Ignored stage value “foundation” (use a stage number from 1 to 4)."),
        ("item=", "item is empty; ignored."),
        ("item=%20", "item is empty; ignored."),
        ("item=nope", "Ignored item value “nope” (not an item of the roadmap)."),
        ("item=foundation", "Ignored item value “foundation” (not an item of the roadmap)."),
        ("progress=", "progress is empty; ignored."),
        (
            "progress=2AAA",
            "Ignored progress value “2AAA”. The shared progress code has format 2; this app reads format 1. It may come from a newer version of Backend Atlas.",
        ),
        (
            "progress=1",
            "Ignored progress value “1”. The shared progress code is incomplete or damaged (its check character does not match). Ask for the link again.",
        ),
        (
            "progress=%3Cscript%3E",
            "Ignored progress value “<script>”. This is not a Backend Atlas progress code: codes start with the format number 1.",
        ),
    ] {
        let (q, notices) = parse(query);
        assert_eq!(q, RoadmapQuery::default(), "{query}");
        assert_eq!(texts(&notices), vec![want.to_string()], "{query}");
    }
}

#[test]
fn progress_for_another_roadmap_is_ignored() {
    let r = roadmap();
    // "1AQ" marks item 6 of stage 1, which has five.
    let code = with_check("1AQ");
    let (q, notices) = RoadmapQuery::parse(&format!("progress={code}&stage=3"), &r);
    assert_eq!(q.progress, None);
    assert_eq!(q.stage, Some(3));
    assert_eq!(
        texts(&notices),
        vec![format!("Ignored progress value “{code}”. The shared progress code marks items this roadmap does not have; it was made for a different roadmap.")]
    );
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn one_bad_value_keeps_the_others(code in any_code(&roadmap())) {
        let (q, notices) = parse(&format!("progress={code}&stage=9&item=foundation-dsa"));
        prop_assert_eq!(
            q,
            RoadmapQuery {
                progress: Some(code),
                stage: None,
                item: Some("foundation-dsa".into()),
            }
        );
        prop_assert_eq!(notices.len(), 1);
    }
}

#[test]
fn last_occurrence_wins_with_a_notice() {
    let (q, notices) = parse("stage=1&stage=3&item=nope&item=advanced-docker");
    assert_eq!(q.stage, Some(3));
    assert_eq!(q.item.as_deref(), Some("advanced-docker"));
    assert_eq!(
        texts(&notices),
        vec![
            "stage was given 2 times; the last value is used.",
            "item was given 2 times; the last value is used.",
        ]
    );
}

#[test]
fn hostile_values_never_panic_and_are_quoted_safely() {
    let long = "x".repeat(MAX_VALUE_LEN + 1);
    let huge = "1".to_string() + &"A".repeat(10 * 1024);
    let queries = [
        "item=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
        "item=<img src=x onerror=alert(1)>".to_string(),
        format!("item={long}"),
        format!("progress={huge}"),
        format!("stage={}", "9".repeat(5000)),
        "progress=%00%01%02&item=%ff%fe&stage=%E2%80%AE1".to_string(),
        "progress=1%F0%9F%91%8D&stage=１".to_string(),
        "stage=&&&progress&item".to_string(),
        "%%%=%%%&progress=%".to_string(),
        "progress=1AAA%2B%2F%3D".to_string(),
    ];
    for query in &queries {
        let (q, notices) = parse(query);
        assert_eq!(q, RoadmapQuery::default(), "{query:.80}");
        assert!(!notices.is_empty(), "{query:.80}");
        for notice in &notices {
            assert!(notice.0.chars().count() < 400, "{notice}");
            assert!(!notice.0.chars().any(char::is_control), "{notice}");
            assert!(notice.0.ends_with('.'), "{notice}");
        }
    }
    // A quoted <script> is plain text in the notice (the UI renders notices as text).
    let (_, notices) = parse(&queries[0]);
    assert_eq!(
        texts(&notices),
        vec!["Ignored item value “<script>alert(1)</script>” (not an item of the roadmap)."]
    );
}

proptest! {
    #![proptest_config(common::proptest_config(3000))]

    /// Random junk from the parameters' own characters never panics, and whatever is kept is
    /// valid and survives a round trip.
    #[test]
    fn random_junk_never_panics_and_what_is_kept_round_trips(
        text in prop::collection::vec(
            select("progress=stage=item=1234AQ_-.%&#+é<>\u{0}👍 ".chars().collect::<Vec<char>>()),
            0..60,
        )
        .prop_map(String::from_iter)
    ) {
        let (q, _) = parse(&text);
        let (back, notices) = parse(&q.to_query());
        prop_assert!(notices.is_empty(), "{:?}: {:?}", text, notices);
        prop_assert_eq!(back, q, "{:?}", text);
    }
}
