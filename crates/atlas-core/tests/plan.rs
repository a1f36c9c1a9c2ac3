#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the reader's plan (`atlas_core::plan`): typed hours, notes and their
//! links, dates, and the projection arithmetic, table-driven over the real roadmap; and the
//! storage / export format that carries the plan (version 2) while reading today's files.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::data::Roadmap;
use atlas_core::plan::{
    self, note_parts, parse_estimate, parse_pace, Date, Hours, HoursError, NotePart, Plan,
    Projection,
};
use atlas_core::progress::{self, ItemState, Progress};

fn roadmap() -> Roadmap {
    common::dataset().roadmap.clone()
}

fn ids(r: &Roadmap) -> Vec<String> {
    r.stages
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.id.clone()))
        .collect()
}

/// `plan::project` over a progress's states.
fn projected(
    r: &Roadmap,
    progress: &Progress,
    plan: &Plan,
    today: Date,
) -> (Vec<Projection>, Projection) {
    plan::project(r, |id| progress.still_to_do(id), plan, today)
}

const fn date(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

#[test]
fn typed_hours_are_read_tolerantly_and_refused_with_a_reason() {
    for (text, pace, estimate) in [
        ("6", Ok(Some(Hours(60))), Ok(Some(Hours(60)))),
        ("7.5", Ok(Some(Hours(75))), Ok(Some(Hours(75)))),
        (" 10 h", Ok(Some(Hours(100))), Ok(Some(Hours(100)))),
        ("12 hours", Ok(Some(Hours(120))), Ok(Some(Hours(120)))),
        ("0.25", Ok(Some(Hours(3))), Ok(Some(Hours(3)))),
        ("", Ok(None), Ok(None)),
        ("   ", Ok(None), Ok(None)),
        ("168", Ok(Some(Hours(1680))), Ok(Some(Hours(1680)))),
        ("168.1", Err(HoursError::OverAWeek), Ok(Some(Hours(1681)))),
        ("1,000", Err(HoursError::OverAWeek), Ok(Some(Hours(10_000)))),
        (
            "10001",
            Err(HoursError::OverAWeek),
            Err(HoursError::TooLarge),
        ),
        ("-1", Err(HoursError::Negative), Err(HoursError::Negative)),
        ("0", Err(HoursError::Zero), Err(HoursError::Zero)),
        ("0.04", Err(HoursError::Zero), Err(HoursError::Zero)),
        (
            "abc",
            Err(HoursError::NotANumber),
            Err(HoursError::NotANumber),
        ),
        (
            "h",
            Err(HoursError::NotANumber),
            Err(HoursError::NotANumber),
        ),
        (
            "1e400",
            Err(HoursError::NotANumber),
            Err(HoursError::NotANumber),
        ),
        (
            "NaN",
            Err(HoursError::NotANumber),
            Err(HoursError::NotANumber),
        ),
        (
            "6;drop",
            Err(HoursError::NotANumber),
            Err(HoursError::NotANumber),
        ),
    ] {
        assert_eq!(parse_pace(text), pace, "pace {text:?}");
        assert_eq!(parse_estimate(text), estimate, "estimate {text:?}");
    }
    assert_eq!(
        HoursError::OverAWeek.to_string(),
        "A week has 168 hours: enter 168 or fewer."
    );
    assert_eq!(Hours(75).text(), "7.5");
    assert_eq!(Hours(120).with_unit(), "12 hours");
    assert_eq!(Hours(10).with_unit(), "1 hour");
    assert_eq!(Hours(0).with_unit(), "0 hours");
}

#[test]
fn a_note_over_the_limit_is_refused_with_its_count_and_the_saved_one_stays() {
    let mut p = Plan::new();
    p.set_note("a", "first").unwrap();
    let long = "é".repeat(plan::MAX_NOTE_CHARS + 43);
    let err = p.set_note("a", &long).unwrap_err();
    assert_eq!(err.chars, 2043);
    assert_eq!(
        err.to_string(),
        "2,043 characters: a note holds at most 2,000. Shorten it by 43 to save it."
    );
    assert_eq!(p.note("a"), Some("first"));
    // Exactly at the limit (in characters, not bytes) is fine; blank removes.
    p.set_note("a", &"é".repeat(plan::MAX_NOTE_CHARS)).unwrap();
    p.set_note("a", "  \n ").unwrap();
    assert_eq!(p.note("a"), None);
    assert!(p.is_empty());
}

#[test]
fn only_web_addresses_become_links_and_markup_stays_text() {
    use NotePart::{Link, Text};
    let cases: Vec<(&str, Vec<NotePart>)> = vec![
        (
            "see https://fastapi.tiangolo.com/tutorial/.",
            vec![
                Text("see "),
                Link("https://fastapi.tiangolo.com/tutorial/"),
                Text("."),
            ],
        ),
        (
            "(http://a.example/x?y=1) and HTTPS://B.example",
            vec![
                Text("("),
                Link("http://a.example/x?y=1"),
                Text(") and "),
                Link("HTTPS://B.example"),
            ],
        ),
        ("javascript:alert(1)", vec![Text("javascript:alert(1)")]),
        (
            "<script>alert(1)</script> https://x.example/<b>",
            vec![
                Text("<script>alert(1)</script> "),
                Link("https://x.example/<b>"),
            ],
        ),
        (
            "just https:// alone",
            vec![Text("just https://"), Text(" alone")],
        ),
        ("ftp://old.example", vec![Text("ftp://old.example")]),
        ("", vec![]),
    ];
    for (note, parts) in cases {
        assert_eq!(note_parts(note), parts, "{note:?}");
        // Nothing is lost or added.
        let joined: String = note_parts(note)
            .iter()
            .map(|p| match p {
                Text(t) | Link(t) => *t,
            })
            .collect();
        assert_eq!(joined, note);
    }
}

#[test]
fn dates_cross_months_years_and_leap_days() {
    for (from, days, to, text) in [
        (date(2026, 12, 3), 0, date(2026, 12, 3), "3 December 2026"),
        (date(2026, 12, 20), 14, date(2027, 1, 3), "3 January 2027"),
        (date(2028, 2, 28), 1, date(2028, 2, 29), "29 February 2028"),
        (date(2027, 2, 28), 1, date(2027, 3, 1), "1 March 2027"),
        (date(2100, 2, 28), 1, date(2100, 3, 1), "1 March 2100"),
        (date(2026, 1, 31), 365, date(2027, 1, 31), "31 January 2027"),
    ] {
        let got = from.add_days(days);
        assert_eq!(got, to, "{from:?} + {days}");
        assert_eq!(got.text(), text);
    }
}

/// `(stage index, progress states, estimates in tenths, pace in tenths, today)` → expected
/// overall projection and each stage's finish.
#[test]
fn the_projection_counts_only_what_the_reader_gave() {
    let r = roadmap();
    let all = ids(&r);
    let first = &r.stages[0].items;
    let second = &r.stages[1].items;
    let today = date(2026, 12, 20);
    let with = |estimates: &[(&str, u32)], pace: Option<u32>| {
        let mut p = Plan::new();
        for (id, tenths) in estimates {
            p.set_estimate(id, Some(Hours(*tenths)));
        }
        p.hours_per_week = pace.map(Hours);
        p
    };
    let states = |marks: &[(&str, ItemState)]| {
        let mut p = Progress::new();
        for (id, s) in marks {
            p.set(id, *s);
        }
        p
    };

    // No estimates: nothing estimated, every item named as missing one, no date.
    let (stages, overall) = projected(&r, &Progress::new(), &with(&[], Some(60)), today);
    assert_eq!(
        overall,
        Projection {
            estimated: Hours(0),
            remaining: Hours(0),
            unestimated: all.clone(),
            finish: None,
        }
    );
    assert!(stages.iter().all(|s| s.finish.is_none()));

    // Everything estimated (10 h each) and done: nothing left, no date, nothing missing.
    let ten_each: Vec<(&str, u32)> = all.iter().map(|id| (id.as_str(), 100)).collect();
    let all_done: Vec<(&str, ItemState)> = all
        .iter()
        .map(|id| (id.as_str(), ItemState::Done))
        .collect();
    let (_, overall) = projected(&r, &states(&all_done), &with(&ten_each, Some(60)), today);
    assert_eq!(overall.estimated, Hours(100 * all.len() as u32));
    assert_eq!(overall.remaining, Hours(0));
    assert!(overall.unestimated.is_empty());
    assert_eq!(overall.finish, None);

    // Skipped and done items keep their estimate in "estimated" but not in "still to do";
    // an unestimated skipped item is not "missing" either.
    let marks = [
        (first[0].id.as_str(), ItemState::Skipped),
        (first[1].id.as_str(), ItemState::Done),
        (first[2].id.as_str(), ItemState::Learning),
        (first[3].id.as_str(), ItemState::Skipped),
    ];
    let estimates = [
        (first[0].id.as_str(), 50),
        (first[1].id.as_str(), 30),
        (first[2].id.as_str(), 75),
        (second[0].id.as_str(), 200),
    ];
    let (stages, overall) = projected(&r, &states(&marks), &with(&estimates, Some(10)), today);
    assert_eq!(stages[0].estimated, Hours(155));
    assert_eq!(stages[0].remaining, Hours(75));
    assert_eq!(stages[0].unestimated, vec![first[4].id.clone()]);
    // A pace of 1 hour a week: 7.5 h is 52.5 days, rounded up to 53.
    assert_eq!(stages[0].finish, Some(today.add_days(53)));
    // Stage 2 comes after stage 1: 7.5 + 20 h at 1 h/week = 192.5 days, so 193.
    assert_eq!(stages[1].remaining, Hours(200));
    assert_eq!(stages[1].finish, Some(today.add_days(193)));
    // A stage with nothing estimated left has no date of its own.
    assert_eq!(stages[2].finish, None);
    assert_eq!(overall.remaining, Hours(275));
    assert_eq!(overall.finish, Some(today.add_days(193)));
    assert_eq!(
        overall.unestimated.len(),
        all.len() - 4 /* estimated */ - 1 /* skipped without one */
    );

    // No pace: figures, but no dates.
    let (stages, overall) = projected(&r, &states(&marks), &with(&estimates, None), today);
    assert_eq!(overall.remaining, Hours(275));
    assert_eq!(overall.finish, None);
    assert!(stages.iter().all(|s| s.finish.is_none()));

    // Across the year boundary: 20 h at 10 h a week from 20 December is 3 January.
    let (_, overall) = projected(
        &r,
        &Progress::new(),
        &with(&[(second[1].id.as_str(), 200)], Some(100)),
        today,
    );
    assert_eq!(overall.finish, Some(date(2027, 1, 3)));
}

#[test]
fn the_plan_travels_in_storage_and_export_as_version_2() {
    let r = roadmap();
    let all = ids(&r);
    let mut progress = Progress::new();
    progress.set(&all[0], ItemState::Done);
    let mut p = Plan::new();
    p.set_note(
        &all[1],
        "Read https://fastapi.tiangolo.com first\n<b>bold?</b>",
    )
    .unwrap();
    p.set_estimate(&all[1], Some(Hours(75)));
    p.hours_per_week = Some(Hours(60));

    let stored = progress::to_stored_plan(&progress, &p);
    assert!(stored.starts_with(r#"{"version":2,"#), "{stored}");
    assert!(stored.contains(r#""hours_per_week":"6""#), "{stored}");
    assert!(
        stored.contains(&format!(r#""estimates":{{"{}":"7.5"}}"#, all[1])),
        "{stored}"
    );
    let load = progress::load_stored_plan(Some(&stored), &r);
    assert_eq!((load.progress, load.plan), (progress.clone(), p.clone()));

    let file = progress::export_with_plan(&progress, &p, &r);
    assert!(file.contains("\"version\": 2"));
    assert_eq!(
        progress::import_with_plan(&file, &r),
        Ok((progress.clone(), p.clone(), Vec::new()))
    );
    // Numbers are read too (a file written by hand).
    let by_hand = format!(
        r#"{{"version":2,"items":{{}},"hours_per_week":7.5,"estimates":{{"{}":12}}}}"#,
        all[2]
    );
    let (_, read, _) = progress::import_with_plan(&by_hand, &r).unwrap();
    assert_eq!(read.hours_per_week, Some(Hours(75)));
    assert_eq!(read.estimate(&all[2]), Some(Hours(120)));

    // Without a plan nothing changes: the same version 1 documents as before.
    assert_eq!(
        progress::to_stored_plan(&progress, &Plan::new()),
        progress::to_stored(&progress)
    );
    assert_eq!(
        progress::export_with_plan(&progress, &Plan::new(), &r),
        progress::export_json(&progress, &r)
    );
}

#[test]
fn files_exported_before_notes_still_import() {
    // As the Roadmap page exported them before version 2 (the shape export_json writes).
    let r = roadmap();
    let all = ids(&r);
    let file = format!(
        "{{\n  \"version\": 1,\n  \"note\": \"Backend Atlas roadmap progress.\",\n  \"summary\": \"1 of 20 done (5%), 0 learning, 0 skipped\",\n  \"items\": {{\n    \"{}\": \"done\",\n    \"{}\": \"not_started\"\n  }}\n}}\n",
        all[0], all[1]
    );
    let (progress, plan, warnings) = progress::import_with_plan(&file, &r).unwrap();
    assert_eq!(progress.get(&all[0]), ItemState::Done);
    assert!(plan.is_empty());
    assert!(warnings.is_empty());
    // And a version 1 document's stray "notes" are ignored, as every unknown field always was.
    let stray = format!(
        r#"{{"version":1,"items":{{}},"notes":{{"{}":"x"}}}}"#,
        all[0]
    );
    assert!(progress::import_with_plan(&stray, &r).unwrap().1.is_empty());
}

#[test]
fn notes_and_estimates_of_items_no_longer_in_the_roadmap_are_dropped_and_named() {
    let r = roadmap();
    let stored =
        r#"{"version":2,"items":{},"notes":{"gone-item":"x"},"estimates":{"gone-too":"3"}}"#;
    let load = progress::load_stored_plan(Some(stored), &r);
    assert!(load.plan.is_empty());
    assert_eq!(load.backup, None);
    assert_eq!(
        load.notice.as_deref(),
        Some("Saved progress for 2 items that are no longer in the roadmap was dropped: “gone-item”, “gone-too”.")
    );
}
