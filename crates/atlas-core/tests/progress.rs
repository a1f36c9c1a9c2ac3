#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of roadmap progress against the real dataset's roadmap: states, summaries and
//! percentages, the share code (round trips, length, older codes, hostile input), the
//! localStorage format with its recovery, and the export/import file.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;
use common::{with_check, CODE_ALPHABET};

use std::cell::Cell;

use proptest::prelude::*;
use proptest::sample::{select, Index};

use atlas_core::data::{Roadmap, RoadmapItem, Stage, YearsRange};
use atlas_core::progress::{
    self, decode, encode, export_json, import_json, load_stored, to_stored, ItemState, Progress,
    ProgressError, StageSummary, BACKUP_KEY, MAX_CODE_CHARS, MAX_FILE_BYTES, STORAGE_KEY,
};

/// The real roadmap.
fn roadmap() -> Roadmap {
    common::dataset().roadmap.clone()
}

/// Every item id in roadmap order.
fn ids(roadmap: &Roadmap) -> Vec<String> {
    roadmap
        .stages
        .iter()
        .flat_map(|stage| stage.items.iter().map(|item| item.id.clone()))
        .collect()
}

/// Any progress on `roadmap`: each of its items in any of the four states.
fn any_progress(roadmap: &Roadmap) -> impl Strategy<Value = Progress> {
    let ids = ids(roadmap);
    prop::collection::vec(select(ItemState::ALL.to_vec()), ids.len()).prop_map(move |states| {
        let mut p = Progress::new();
        for (id, state) in ids.iter().zip(states) {
            p.set(id, state);
        }
        p
    })
}

fn with_states(pairs: &[(&str, ItemState)]) -> Progress {
    let mut p = Progress::new();
    for (id, state) in pairs {
        p.set(id, *state);
    }
    p
}

fn summary(done: usize, learning: usize, skipped: usize, total: usize, pct: u8) -> StageSummary {
    StageSummary {
        done,
        learning,
        skipped,
        total,
        percent_done: pct,
    }
}

// ---------------------------------------------------------------------------------------------
// States and the progress map

#[test]
fn roadmap_is_the_expected_shape() {
    let r = roadmap();
    assert_eq!(r.stages.len(), 4);
    assert!(r.stages.iter().all(|s| s.items.len() == 5));
    assert_eq!(ids(&r).len(), 20);
}

#[test]
fn item_state_keys_labels_and_ids() {
    for (state, key, label, id, digit) in [
        (ItemState::NotStarted, 'r', "Not started", "not_started", 0),
        (ItemState::Learning, 'l', "Learning", "learning", 1),
        (ItemState::Done, 'd', "Done", "done", 2),
        (ItemState::Skipped, 's', "Skipped", "skipped", 3),
    ] {
        assert_eq!(state.key(), key);
        assert_eq!(state.label(), label);
        assert_eq!(state.id(), id);
        assert_eq!(state.digit(), digit);
        assert_eq!(ItemState::from_key(key), Some(state));
        assert_eq!(ItemState::from_key(key.to_ascii_uppercase()), Some(state));
        assert_eq!(ItemState::from_id(id), Some(state));
        assert_eq!(ItemState::from_id(&id.to_uppercase()), Some(state));
        assert_eq!(ItemState::from_id(&format!(" {id} ")), Some(state));
    }
    for key in ['x', 'n', ' ', '1', 'é', '\0', 'ｄ'] {
        assert_eq!(ItemState::from_key(key), None, "{key:?}");
    }
    for id in ["", "finished", "not started", "DONE!", "<script>"] {
        assert_eq!(ItemState::from_id(id), None, "{id:?}");
    }
    assert_eq!(ItemState::default(), ItemState::NotStarted);
}

#[test]
fn progress_keeps_only_marked_items() {
    let mut p = Progress::new();
    assert!(p.is_empty());
    assert_eq!(p.get("foundation-sql"), ItemState::NotStarted);
    assert_eq!(
        p.set("foundation-sql", ItemState::Done),
        ItemState::NotStarted
    );
    assert_eq!(
        p.set("foundation-sql", ItemState::Learning),
        ItemState::Done
    );
    assert_eq!(p.get("foundation-sql"), ItemState::Learning);
    assert_eq!(p.len(), 1);
    assert_eq!(
        p.set("foundation-sql", ItemState::NotStarted),
        ItemState::Learning
    );
    assert!(p.is_empty());
    assert_eq!(p, Progress::new());
    // Order of setting does not matter: equal progress compares equal.
    let a = with_states(&[("b", ItemState::Done), ("a", ItemState::Skipped)]);
    let b = with_states(&[("a", ItemState::Skipped), ("b", ItemState::Done)]);
    assert_eq!(a, b);
    assert_eq!(
        a.iter().collect::<Vec<_>>(),
        vec![("a", ItemState::Skipped), ("b", ItemState::Done)]
    );
    let mut c = a.clone();
    c.clear();
    assert!(c.is_empty());
}

#[test]
fn retain_known_drops_unknown_ids() {
    let r = roadmap();
    let mut p = with_states(&[
        ("foundation-sql", ItemState::Done),
        ("zz-gone", ItemState::Learning),
        ("aa-gone", ItemState::Skipped),
    ]);
    assert_eq!(p.retain_known(&r), vec!["aa-gone", "zz-gone"]);
    assert_eq!(p, with_states(&[("foundation-sql", ItemState::Done)]));
    assert!(p.retain_known(&r).is_empty());
}

#[test]
fn stage_of_finds_the_items_stage() {
    let r = roadmap();
    assert_eq!(
        progress::stage_of(&r, "advanced-caching").map(|s| s.number),
        Some(3)
    );
    assert!(progress::stage_of(&r, "nope").is_none());
}

// ---------------------------------------------------------------------------------------------
// Summaries and the percent rule

#[test]
fn stage_summary_counts_and_percent() {
    let r = roadmap();
    let stage = &r.stages[0];
    let id = |i: usize| stage.items[i].id.as_str();
    let d = ItemState::Done;
    let l = ItemState::Learning;
    let s = ItemState::Skipped;
    for (states, want) in [
        (vec![], summary(0, 0, 0, 5, 0)),
        (vec![(0, d)], summary(1, 0, 0, 5, 20)),
        (vec![(0, d), (1, l)], summary(1, 1, 0, 5, 20)),
        // Skipped items are not applicable: 1 done of 4.
        (vec![(0, d), (1, s)], summary(1, 0, 1, 5, 25)),
        // 2 of 3 = 66.7 -> 67.
        (
            vec![(0, d), (1, d), (2, s), (3, s)],
            summary(2, 0, 2, 5, 67),
        ),
        // 1 of 3 = 33.3 -> 33.
        (vec![(0, d), (1, s), (2, s)], summary(1, 0, 2, 5, 33)),
        (
            vec![(0, d), (1, d), (2, d), (3, d), (4, d)],
            summary(5, 0, 0, 5, 100),
        ),
        // All applicable items done.
        (
            vec![(0, d), (1, d), (2, d), (3, s), (4, s)],
            summary(3, 0, 2, 5, 100),
        ),
        // Everything skipped: nothing left to do.
        (
            vec![(0, s), (1, s), (2, s), (3, s), (4, s)],
            summary(0, 0, 5, 5, 100),
        ),
        (
            vec![(0, l), (1, l), (2, l), (3, l), (4, l)],
            summary(0, 5, 0, 5, 0),
        ),
    ] {
        let pairs: Vec<(&str, ItemState)> = states.iter().map(|&(i, st)| (id(i), st)).collect();
        let p = with_states(&pairs);
        let got = p.stage_summary(stage);
        assert_eq!(got, want, "{pairs:?}");
        assert_eq!(got.not_started(), 5 - got.done - got.learning - got.skipped);
        assert_eq!(got.applicable(), 5 - got.skipped);
        assert_eq!(got.is_complete(), got.done == got.applicable(), "{pairs:?}");
        // Other stages are untouched.
        assert_eq!(p.stage_summary(&r.stages[1]), summary(0, 0, 0, 5, 0));
    }
}

/// A stage with `n` items named `s0`..`s{n-1}`.
fn synthetic_stage(n: usize) -> Stage {
    Stage {
        id: "synthetic".into(),
        number: 1,
        name: "Synthetic".into(),
        months: YearsRange { min: 0, max: None },
        duration_label: "-".into(),
        summary: "-".into(),
        items: (0..n)
            .map(|i| RoadmapItem {
                id: format!("s{i}"),
                text: "-".into(),
                related: Vec::new(),
            })
            .collect(),
    }
}

#[test]
fn percent_is_never_0_or_100_by_rounding() {
    let stage = synthetic_stage(300);
    let mut p = Progress::new();
    p.set("s0", ItemState::Done);
    // 1 of 300 = 0.33% -> shown as 1, not 0.
    assert_eq!(p.stage_summary(&stage).percent_done, 1);
    for i in 0..299 {
        p.set(&format!("s{i}"), ItemState::Done);
    }
    // 299 of 300 = 99.67% -> 99, not 100.
    let got = p.stage_summary(&stage);
    assert_eq!((got.done, got.percent_done), (299, 99));
    assert!(!got.is_complete());
    p.set("s299", ItemState::Done);
    assert_eq!(p.stage_summary(&stage).percent_done, 100);
    // Halves round up: 1 of 8 = 12.5 -> 13.
    let eight = synthetic_stage(8);
    let p = with_states(&[("s0", ItemState::Done)]);
    assert_eq!(p.stage_summary(&eight).percent_done, 13);
    // An empty stage is 0 and not complete.
    let empty = synthetic_stage(0);
    assert_eq!(p.stage_summary(&empty), summary(0, 0, 0, 0, 0));
    assert!(!p.stage_summary(&empty).is_complete());
}

#[test]
fn percent_is_monotonic_in_done_for_every_skip_count() {
    let stage = synthetic_stage(20);
    for skipped in 0..=20 {
        let mut last = None;
        for done in 0..=(20 - skipped) {
            let mut p = Progress::new();
            for i in 0..skipped {
                p.set(&format!("s{i}"), ItemState::Skipped);
            }
            for i in skipped..skipped + done {
                p.set(&format!("s{i}"), ItemState::Done);
            }
            let pct = p.stage_summary(&stage).percent_done;
            assert!(pct <= 100);
            assert_eq!(pct == 100, done == 20 - skipped, "{skipped} {done}");
            assert_eq!(pct == 0, done == 0 && skipped < 20, "{skipped} {done}");
            if let Some(last) = last {
                assert!(pct >= last, "{skipped} {done}");
            }
            last = Some(pct);
        }
    }
}

#[test]
fn overall_sums_counts_over_stages() {
    let r = roadmap();
    let mut p = Progress::new();
    assert_eq!(p.overall(&r), summary(0, 0, 0, 20, 0));
    for stage in &r.stages[..2] {
        for item in &stage.items {
            p.set(&item.id, ItemState::Done);
        }
    }
    p.set(&r.stages[2].items[0].id, ItemState::Learning);
    p.set(&r.stages[3].items[0].id, ItemState::Skipped);
    p.set("not-in-roadmap", ItemState::Done);
    // 10 done of 19 applicable = 52.6 -> 53; the unknown id counts nowhere.
    assert_eq!(p.overall(&r), summary(10, 1, 1, 20, 53));
    let per_stage: Vec<u8> = r
        .stages
        .iter()
        .map(|s| p.stage_summary(s).percent_done)
        .collect();
    assert_eq!(per_stage, vec![100, 100, 0, 0]);
}

// ---------------------------------------------------------------------------------------------
// Share code

proptest! {
    #![proptest_config(common::proptest_config(5000))]

    #[test]
    fn random_progress_round_trips_through_the_code(p in any_progress(&roadmap())) {
        let r = roadmap();
        let code = encode(&p, &r);
        prop_assert_eq!(decode(&code, &r), Ok(p.clone()), "{}", code);
        prop_assert!(code.len() <= 13, "{}", code);
        prop_assert!(code.starts_with('1'));
        prop_assert!(
            code[1..]
                .chars()
                .all(|c| c == '.' || CODE_ALPHABET.contains(c)),
            "{}",
            code
        );
        // Deterministic, and canonical: re-encoding the decoded progress gives the same code.
        prop_assert_eq!(encode(&decode(&code, &r).unwrap(), &r), code);
    }
}

#[test]
fn every_state_of_every_item_round_trips() {
    let r = roadmap();
    for id in ids(&r) {
        for state in ItemState::ALL {
            let p = with_states(&[(&id, state)]);
            let code = encode(&p, &r);
            assert_eq!(decode(&code, &r), Ok(p), "{id} {state:?} {code}");
        }
    }
}

#[test]
fn codes_are_short_and_known() {
    let r = roadmap();
    let all = |state| {
        let mut p = Progress::new();
        for id in ids(&r) {
            p.set(&id, state);
        }
        p
    };
    // Nothing marked: version + check.
    let empty = encode(&Progress::new(), &r);
    assert_eq!(empty.len(), 2);
    assert!(empty.starts_with('1'));
    // 20 items: version + 4 stages × 2 characters + 3 dots + check.
    for state in [ItemState::Learning, ItemState::Done, ItemState::Skipped] {
        assert_eq!(encode(&all(state), &r).len(), 13);
    }
    // Layout: first item learning = 1 ("B"); items 1..3 of stage 1 done = 2+8+32 = 42 ("q");
    // item 4 of stage 1 skipped = 3 ("D").
    let first = r.stages[0].items[0].id.clone();
    let code = encode(&with_states(&[(&first, ItemState::Learning)]), &r);
    assert_eq!(&code[..code.len() - 1], "1B");
    let mut p = Progress::new();
    for item in &r.stages[0].items[..3] {
        p.set(&item.id, ItemState::Done);
    }
    p.set(&r.stages[0].items[3].id, ItemState::Skipped);
    let code = encode(&p, &r);
    assert_eq!(&code[..code.len() - 1], "1qD");
    // Only the first item of stage 3 done: empty segments keep their dots, trailing ones go.
    let code = encode(
        &with_states(&[(&r.stages[2].items[0].id, ItemState::Done)]),
        &r,
    );
    assert_eq!(&code[..code.len() - 1], "1..C");
    // Only the last item of the last stage: its segment is "AC" (slot 5 = second char, 2nd item).
    let code = encode(
        &with_states(&[(&r.stages[3].items[4].id, ItemState::Done)]),
        &r,
    );
    assert_eq!(&code[..code.len() - 1], "1...AI");
    // Unknown ids are left out of the code.
    assert_eq!(
        encode(&with_states(&[("nope", ItemState::Done)]), &r),
        empty
    );
}

/// `roadmap` with the last item of every stage and the whole last stage removed: the
/// "older" roadmap that later grew into the real one by appending.
fn older_roadmap(r: &Roadmap) -> Roadmap {
    let mut old = r.clone();
    old.stages.pop();
    for stage in &mut old.stages {
        stage.items.pop();
    }
    old
}

proptest! {
    #![proptest_config(common::proptest_config(2000))]

    #[test]
    fn codes_from_a_smaller_older_roadmap_still_decode(
        p in any_progress(&older_roadmap(&roadmap()))
    ) {
        let r = roadmap();
        let code = encode(&p, &older_roadmap(&r));
        // The items the old roadmap did not have are simply not started.
        prop_assert_eq!(decode(&code, &r), Ok(p), "{}", code);
    }

    #[test]
    fn codes_survive_items_and_stages_appended_later(p in any_progress(&roadmap())) {
        let r = roadmap();
        prop_assert_eq!(decode(&encode(&p, &r), &grown_roadmap(&r)), Ok(p));
    }
}

/// `r` with an item appended to every stage and a fifth stage appended: a later roadmap.
fn grown_roadmap(r: &Roadmap) -> Roadmap {
    let mut grown = r.clone();
    for stage in &mut grown.stages {
        stage.items.push(RoadmapItem {
            id: format!("{}-new", stage.id),
            text: "New".into(),
            related: Vec::new(),
        });
    }
    let mut new_stage = grown.stages[3].clone();
    new_stage.id = "expert".into();
    new_stage.number = 5;
    for item in &mut new_stage.items {
        item.id = format!("expert-{}", item.id);
    }
    grown.stages.push(new_stage);
    grown
}

#[test]
fn non_canonical_codes_are_accepted() {
    let r = roadmap();
    // Extra zero characters and empty segments mean nothing; the check covers the text as
    // given, so each padded body gets its own check character.
    let p = with_states(&[(&r.stages[0].items[0].id, ItemState::Done)]);
    let canonical = encode(&p, &r);
    assert_eq!(&canonical[..canonical.len() - 1], "1C");
    for body in ["1CA", "1C.", "1CA....", "1CAAAAA.A.AA"] {
        let code = with_check(body);
        assert_eq!(decode(&code, &r), Ok(p.clone()), "{code}");
    }
    // Surrounding whitespace is ignored.
    assert_eq!(decode(&format!("  {canonical}\n"), &r), Ok(p));
}

#[test]
fn codes_marking_items_the_roadmap_lacks_are_rejected() {
    let r = roadmap();
    // Slot 6 of a five-item stage ("AQ": second char, third slot = 16).
    for body in ["1AQ", "1....C", "1.....B", "1CCC"] {
        assert_eq!(
            decode(&with_check(body), &r),
            Err(ProgressError::CodeForOtherRoadmap),
            "{body}"
        );
    }
    // A code from the real roadmap that marks its newest items, read by the older one.
    let old = older_roadmap(&r);
    let p = with_states(&[(&r.stages[3].items[0].id, ItemState::Done)]);
    assert_eq!(
        decode(&encode(&p, &r), &old),
        Err(ProgressError::CodeForOtherRoadmap)
    );
}

#[test]
fn truncated_and_damaged_codes_are_rejected() {
    let r = roadmap();
    // A progress, where to change one character of its code, and to what.
    let inputs = (
        any_progress(&r),
        any::<Index>(),
        select(CODE_ALPHABET.chars().collect::<Vec<char>>()),
    );
    let caught = Cell::new(0);
    let tried = Cell::new(0);
    common::run_property(500, inputs, |(p, at, replacement)| {
        if p.is_empty() {
            return Ok(());
        }
        let code = encode(&p, &r);
        for cut in 1..code.len() {
            tried.set(tried.get() + 1);
            match decode(&code[..cut], &r) {
                Ok(got) => prop_assert_ne!(
                    got,
                    p.clone(),
                    "{} cut to {} decoded as the original",
                    code,
                    cut
                ),
                Err(_) => caught.set(caught.get() + 1),
            }
        }
        // One changed character.
        let at = 1 + at.index(code.len() - 1);
        let mut damaged: Vec<char> = code.chars().collect();
        if damaged[at] != replacement && damaged[at] != '.' {
            damaged[at] = replacement;
            let damaged: String = damaged.into_iter().collect();
            tried.set(tried.get() + 1);
            if decode(&damaged, &r).is_err() {
                caught.set(caught.get() + 1);
            }
        }
        Ok(())
    });
    let (caught, tried) = (caught.get(), tried.get());
    // A 6-bit check misses about 1 in 64.
    assert!(caught * 100 >= tried * 95, "caught {caught} of {tried}");
    // The bare version (the check character cut off an empty code) is always rejected.
    assert_eq!(decode("1", &r), Err(ProgressError::CodeCheckFailed));
}

#[test]
fn hostile_codes_error_without_panicking() {
    let r = roadmap();
    let long = "1".to_string() + &"A".repeat(10 * 1024);
    let long_unicode = "é".repeat(10 * 1024);
    let cases: Vec<(&str, ProgressError)> = vec![
        ("", ProgressError::EmptyCode),
        ("   \t\n", ProgressError::EmptyCode),
        (
            &long,
            ProgressError::CodeTooLong {
                chars: 10 * 1024 + 1,
            },
        ),
        (
            &long_unicode,
            ProgressError::CodeTooLong { chars: 10 * 1024 },
        ),
        ("<script>alert(1)</script>", ProgressError::NotACode),
        ("2AAA", ProgressError::UnsupportedCodeVersion { found: '2' }),
        ("0", ProgressError::UnsupportedCodeVersion { found: '0' }),
        ("９AA", ProgressError::NotACode),
        ("ABC", ProgressError::NotACode),
        ("-1", ProgressError::NotACode),
        (
            "1<script>",
            ProgressError::BadCodeCharacter {
                character: "<".into(),
                position: 2,
            },
        ),
        (
            "1AB CD",
            ProgressError::BadCodeCharacter {
                character: " ".into(),
                position: 4,
            },
        ),
        (
            "1AAé",
            ProgressError::BadCodeCharacter {
                character: "é".into(),
                position: 4,
            },
        ),
        (
            "1+/=",
            ProgressError::BadCodeCharacter {
                character: "+".into(),
                position: 2,
            },
        ),
        (
            "1A\u{0}",
            ProgressError::BadCodeCharacter {
                character: "\u{fffd}".into(),
                position: 3,
            },
        ),
        (
            "1👍",
            ProgressError::BadCodeCharacter {
                character: "👍".into(),
                position: 2,
            },
        ),
        (
            "1%41",
            ProgressError::BadCodeCharacter {
                character: "%".into(),
                position: 2,
            },
        ),
        ("1.", ProgressError::CodeCheckFailed),
    ];
    for (code, want) in cases {
        let got = decode(code, &r);
        let shown: String = code.chars().take(30).collect();
        assert_eq!(got, Err(want), "{shown:?}");
        // Every message is a sentence.
        let message = got.unwrap_err().to_string();
        assert!(message.ends_with('.'), "{message}");
        assert!(!message.contains("<script>"), "{message}");
    }
    // Exactly at the limit is not "too long".
    let at_limit = "1".to_string() + &"A".repeat(MAX_CODE_CHARS - 1);
    assert_ne!(
        decode(&at_limit, &r),
        Err(ProgressError::CodeTooLong {
            chars: MAX_CODE_CHARS
        })
    );
}

proptest! {
    #![proptest_config(common::proptest_config(3000))]

    /// Random text, mostly code characters and often the version, never panics.
    #[test]
    fn random_codes_error_without_panicking(
        text in prop::collection::vec(
            select("1111AQ_-.z9<>&%é\u{0}👍 ".chars().collect::<Vec<char>>()),
            0..40,
        )
        .prop_map(String::from_iter)
    ) {
        let _ = decode(&text, &roadmap());
    }
}

// ---------------------------------------------------------------------------------------------
// Storage

#[test]
fn storage_keys_are_the_contract() {
    assert_eq!(STORAGE_KEY, "backend-atlas.progress.v1");
    assert_eq!(BACKUP_KEY, "backend-atlas.progress.backup");
}

proptest! {
    #![proptest_config(common::proptest_config(500))]

    #[test]
    fn stored_value_round_trips(p in any_progress(&roadmap())) {
        let stored = to_stored(&p);
        let load = load_stored(Some(&stored), &roadmap());
        prop_assert_eq!(load.progress, p, "{}", stored);
        prop_assert_eq!(load.notice, None);
        prop_assert_eq!(load.backup, None);
    }
}

#[test]
fn stored_value_format_is_the_contract() {
    let p = with_states(&[
        ("foundation-sql", ItemState::Done),
        ("advanced-caching", ItemState::Learning),
    ]);
    assert_eq!(
        to_stored(&p),
        r#"{"version":1,"items":{"advanced-caching":"learning","foundation-sql":"done"}}"#
    );
    assert_eq!(to_stored(&Progress::new()), r#"{"version":1,"items":{}}"#);
}

#[test]
fn missing_or_blank_storage_starts_empty_quietly() {
    let r = roadmap();
    for raw in [None, Some(""), Some("  \n")] {
        let load = load_stored(raw, &r);
        assert!(load.progress.is_empty());
        assert_eq!(load.notice, None, "{raw:?}");
        assert_eq!(load.backup, None, "{raw:?}");
    }
}

#[test]
fn valid_storage_with_extras_loads() {
    let r = roadmap();
    let raw = r#"{"version":1,"updated":"2025-01-02T03:04:05Z","items":{"foundation-sql":"done","foundation-dsa":"Skipped","foundation-language":"not_started"},"future":[1,2]}"#;
    let load = load_stored(Some(raw), &r);
    assert_eq!(
        load.progress,
        with_states(&[
            ("foundation-sql", ItemState::Done),
            ("foundation-dsa", ItemState::Skipped),
        ])
    );
    assert_eq!((load.notice, load.backup), (None, None));
}

#[test]
fn unknown_ids_in_storage_are_dropped_gently() {
    let r = roadmap();
    let raw = r#"{"version":1,"items":{"foundation-sql":"done","old-item":"learning","ghost":"not_started"}}"#;
    let load = load_stored(Some(raw), &r);
    assert_eq!(
        load.progress,
        with_states(&[("foundation-sql", ItemState::Done)])
    );
    assert_eq!(
        load.notice.as_deref(),
        Some("Saved progress for 1 item that is no longer in the roadmap was dropped: “old-item”.")
    );
    assert_eq!(load.backup, None);
    // Many unknown ids are listed briefly.
    let items: Vec<String> = (0..8).map(|i| format!("\"gone-{i}\":\"done\"")).collect();
    let raw = format!(r#"{{"version":1,"items":{{{}}}}}"#, items.join(","));
    let notice = load_stored(Some(&raw), &r).notice.unwrap();
    assert!(
        notice.starts_with("Saved progress for 8 items that are no longer"),
        "{notice}"
    );
    assert!(notice.ends_with("“gone-4”, and 3 more."), "{notice}");
}

#[test]
fn unusable_storage_is_backed_up_and_explained() {
    let r = roadmap();
    let huge = format!(
        r#"{{"version":1,"items":{{}},"pad":"{}"}}"#,
        "x".repeat(MAX_FILE_BYTES)
    );
    for (raw, reason) in [
        ("{not json", "it is not valid JSON: line 1, column 2"),
        (
            r#"{"version":1,"items":{"a":"done"}"#,
            "it is not valid JSON: line 1, column 33",
        ),
        ("[1,2,3]", "it is a list instead of an object"),
        ("\"done\"", "it is a text instead of an object"),
        ("null", "it is null instead of an object"),
        (r#"{"items":{}}"#, "it has no “version” field"),
        // Version 2 (notes, estimates and pace) is read since issue 23; 3 is not.
        (
            r#"{"version":3,"items":{}}"#,
            "it was saved in format version 3, and this app reads versions 1 and 2",
        ),
        (
            r#"{"version":"1","items":{}}"#,
            "it was saved in format version \"1\", and this app reads versions 1 and 2",
        ),
        (
            r#"{"version":1.5,"items":{}}"#,
            "it was saved in format version 1.5, and this app reads versions 1 and 2",
        ),
        (
            r#"{"version":2,"items":{},"notes":{"foundation-sql":7}}"#,
            "the note of item “foundation-sql” is a number instead of a text",
        ),
        (
            r#"{"version":2,"items":{},"estimates":{"foundation-sql":"-3"}}"#,
            "the estimate of item “foundation-sql” is not usable (Hours cannot be negative.)",
        ),
        (
            r#"{"version":2,"items":{},"hours_per_week":"200"}"#,
            "its “hours_per_week” is not usable (A week has 168 hours: enter 168 or fewer.)",
        ),
        (r#"{"version":1}"#, "it has no “items” field"),
        (
            r#"{"version":1,"items":["foundation-sql"]}"#,
            "“items” is a list instead of an object of item ids and states",
        ),
        (
            r#"{"version":1,"items":{"foundation-sql":true}}"#,
            "the state of item “foundation-sql” is true or false instead of a state name",
        ),
        (
            r#"{"version":1,"items":{"foundation-sql":"finished"}}"#,
            "item “foundation-sql” has the unknown state “finished”",
        ),
        (&huge, "it is larger than 1 MB"),
    ] {
        let load = load_stored(Some(raw), &r);
        assert!(load.progress.is_empty(), "{raw:.60}");
        assert_eq!(load.backup.as_deref(), Some(raw), "{raw:.60}");
        assert_eq!(
            load.notice.as_deref(),
            Some(
                format!(
                    "Your saved progress could not be read ({reason}); it was kept under the backup key “backend-atlas.progress.backup” and the roadmap starts clean."
                )
                .as_str()
            ),
            "{raw:.60}"
        );
    }
}

#[test]
fn hostile_storage_values_are_quoted_safely() {
    let r = roadmap();
    let raw = format!(
        r#"{{"version":1,"items":{{"{}":"<img src=x onerror=alert(1)>{}"}}}}"#,
        "a\\u0007".repeat(30),
        "y".repeat(500)
    );
    let load = load_stored(Some(&raw), &r);
    let notice = load.notice.unwrap();
    assert!(!notice.contains('\u{7}'), "{notice}");
    assert!(notice.chars().count() < 400, "{notice}");
    assert_eq!(load.backup.as_deref(), Some(raw.as_str()));
}

// ---------------------------------------------------------------------------------------------
// Export / import

proptest! {
    #![proptest_config(common::proptest_config(300))]

    #[test]
    fn export_then_import_round_trips(p in any_progress(&roadmap())) {
        let r = roadmap();
        let file = export_json(&p, &r);
        prop_assert_eq!(import_json(&file, &r), Ok((p, Vec::new())));
    }
}

#[test]
fn export_lists_every_item_in_roadmap_order() {
    let r = roadmap();
    let mut p = with_states(&[
        ("foundation-sql", ItemState::Done),
        ("ghost", ItemState::Done),
    ]);
    p.set("professional-mentoring", ItemState::Skipped);
    let file = export_json(&p, &r);
    assert!(
        file.starts_with("{\n  \"version\": 1,\n  \"note\": \"Backend Atlas"),
        "{file}"
    );
    assert!(file.contains("\"summary\": \"1 of 20 done (5%), 0 learning, 1 skipped\""));
    assert!(file.ends_with("}\n"));
    assert!(!file.contains("ghost"));
    let value: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value["items"]["foundation-sql"], "done");
    assert_eq!(value["items"]["foundation-language"], "not_started");
    assert_eq!(value["items"]["professional-mentoring"], "skipped");
    // Roadmap order, not alphabetical: "foundation-language" comes before "foundation-dsa".
    let positions: Vec<usize> = ids(&r)
        .iter()
        .map(|id| file.find(&format!("\"{id}\":")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn import_reads_the_storage_format_and_warns_about_unknown_ids() {
    let r = roadmap();
    let stored = to_stored(&with_states(&[
        ("foundation-sql", ItemState::Done),
        ("zz-removed", ItemState::Learning),
        ("aa-removed", ItemState::Done),
    ]));
    let (p, warnings) = import_json(&stored, &r).unwrap();
    assert_eq!(p, with_states(&[("foundation-sql", ItemState::Done)]));
    assert_eq!(
        warnings,
        vec!["Ignored 2 items that are not in this roadmap: “aa-removed”, “zz-removed”."]
    );
    // Not-started unknown ids carry no information: no warning.
    let text = r#"{"version":1,"items":{"gone":"not_started"}}"#;
    assert_eq!(import_json(text, &r), Ok((Progress::new(), Vec::new())));
    // A byte-order mark and CRLF line ends are fine.
    let text = "\u{feff}{\r\n\"version\": 1,\r\n\"items\": {\"foundation-sql\": \"DONE\"}\r\n}\r\n";
    assert_eq!(
        import_json(text, &r).unwrap().0,
        with_states(&[("foundation-sql", ItemState::Done)])
    );
}

#[test]
fn bad_import_files_get_clear_errors() {
    let r = roadmap();
    let not_file = |detail: &str| ProgressError::NotProgressFile {
        detail: detail.to_string(),
    };
    let huge = " ".repeat(MAX_FILE_BYTES + 1);
    for (text, want) in [
        ("", ProgressError::EmptyFile),
        ("  \n\t", ProgressError::EmptyFile),
        ("\u{feff}", ProgressError::EmptyFile),
        (
            &huge,
            ProgressError::FileTooLarge {
                bytes: MAX_FILE_BYTES + 1,
            },
        ),
        (
            "salary,offers\n4500,2\n",
            ProgressError::NotJson { line: 1, column: 1 },
        ),
        (
            "{\"version\":1,",
            ProgressError::NotJson {
                line: 1,
                column: 13,
            },
        ),
        (
            "<script>alert(1)</script>",
            ProgressError::NotJson { line: 1, column: 1 },
        ),
        ("42", not_file("it is a number instead of an object")),
        ("[]", not_file("it is a list instead of an object")),
        ("{}", not_file("it has no “version” field")),
        (
            r#"{"version":3,"items":{}}"#,
            ProgressError::UnsupportedVersion { found: "3".into() },
        ),
        (
            r#"{"version":null,"items":{}}"#,
            ProgressError::UnsupportedVersion {
                found: "null".into(),
            },
        ),
        (
            r#"{"version":-1,"items":{}}"#,
            ProgressError::UnsupportedVersion { found: "-1".into() },
        ),
        (
            r#"{"version":1,"items":null}"#,
            not_file("“items” is null instead of an object of item ids and states"),
        ),
        (
            r#"{"version":1,"items":{"foundation-sql":2}}"#,
            not_file("the state of item “foundation-sql” is a number instead of a state name"),
        ),
        (
            r#"{"version":1,"items":{"foundation-sql":{"state":"done"}}}"#,
            not_file("the state of item “foundation-sql” is an object instead of a state name"),
        ),
        (
            r#"{"version":1,"items":{"foundation-sql":"<b>done</b>"}}"#,
            ProgressError::UnknownState {
                item: "foundation-sql".into(),
                state: "<b>done</b>".into(),
            },
        ),
    ] {
        let got = import_json(text, &r);
        assert_eq!(got, Err(want), "{text:.60}");
        let message = got.unwrap_err().to_string();
        assert!(
            message.starts_with("The file ") || message.starts_with("Item "),
            "{message}"
        );
        assert!(message.ends_with('.'), "{message}");
    }
    assert_eq!(
        ProgressError::FileTooLarge { bytes: 1_572_864 }.to_string(),
        "The file is 1.5 MB; a progress file can be at most 1 MB. Choose a progress file exported from the Roadmap page."
    );
}

#[test]
fn import_is_all_or_nothing() {
    let r = roadmap();
    // One bad state spoils the file: nothing of it is taken.
    let text = r#"{"version":1,"items":{"foundation-sql":"done","foundation-dsa":"maybe"}}"#;
    assert!(matches!(
        import_json(text, &r),
        Err(ProgressError::UnknownState { .. })
    ));
}

#[test]
fn deeply_nested_and_odd_json_never_panics() {
    let r = roadmap();
    let deep = "[".repeat(100_000);
    let deep_obj = format!("{}1{}", "{\"a\":".repeat(5000), "}".repeat(5000));
    for text in [
        deep.as_str(),
        deep_obj.as_str(),
        "{\"version\":1,\"items\":{\"\":\"done\"}}",
        "{\"version\":1e400,\"items\":{}}",
        "{\"version\":1,\"version\":2,\"items\":{}}",
        "\u{0}\u{0}",
    ] {
        let _ = import_json(text, &r);
        let load = load_stored(Some(text), &r);
        assert!(load.progress.is_empty());
    }
}
