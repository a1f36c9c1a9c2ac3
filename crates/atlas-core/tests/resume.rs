#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the resume check against the real dataset: flag matching (case,
//! punctuation, whole words, stems, multi-word keywords), byte offsets on any text, the yellow
//! flags' rules, and the highlighted segments.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::data::Hiring;
use atlas_core::resume::{
    check, find_flag, green_rule, matched_words, segments, yellow_rule, FlagColor, GreenRule,
    Match, ResumeReport, YellowRule, STEMS,
};

fn hiring() -> Hiring {
    common::dataset().hiring.clone()
}

fn green_found(report: &ResumeReport) -> Vec<&str> {
    report
        .green
        .found
        .iter()
        .map(|h| h.flag_id.as_str())
        .collect()
}

fn yellow_raised(report: &ResumeReport) -> Vec<&str> {
    report
        .yellow
        .found
        .iter()
        .map(|h| h.flag_id.as_str())
        .collect()
}

/// The matched words of `flag_id` as they appear in `text`.
fn matched<'t>(text: &'t str, report: &ResumeReport, flag_id: &str) -> Vec<&'t str> {
    report
        .green
        .hit(flag_id)
        .or_else(|| report.yellow.hit(flag_id))
        .map(|hit| hit.matches.iter().map(|m| &text[m.start..m.end]).collect())
        .unwrap_or_default()
}

/// Every match lies on char boundaries and slices to its keyword, ignoring ASCII case and
/// with any whitespace/hyphen run between words.
fn assert_offsets_valid(text: &str, report: &ResumeReport) {
    for hit in report.green.found.iter().chain(&report.yellow.found) {
        let mut previous_end = 0;
        for m in &hit.matches {
            assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.start >= previous_end, "matches in order, not overlapping");
            previous_end = m.end;
            let slice = &text[m.start..m.end];
            let squeeze = |s: &str| -> String {
                s.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_ascii_lowercase()
            };
            let (got, want) = (squeeze(slice), squeeze(&m.keyword));
            if STEMS.contains(&m.keyword.as_str()) {
                assert!(got.starts_with(&want), "{slice:?} for {m:?}");
            } else {
                assert_eq!(got, want, "{slice:?} for {m:?}");
            }
        }
    }
}

#[test]
fn dataset_keywords_are_ascii_lowercase_and_flags_have_rules() {
    let h = hiring();
    for flag in h.green_flags.iter().chain(&h.yellow_flags) {
        for keyword in flag.keywords.iter().chain(&flag.app_keywords) {
            assert!(keyword.is_ascii(), "{keyword:?} must be ASCII");
            assert_eq!(*keyword, keyword.to_ascii_lowercase());
        }
        // A flag's own keywords are words of its own text in the guide; anything else is one of
        // the app's matching aids, kept apart (and named as such on the page).
        let own_text = flag
            .text
            .to_ascii_lowercase()
            .replace(['-', '/', '(', ')', ',', '"'], " ");
        let own_words: Vec<&str> = own_text.split_whitespace().collect();
        for keyword in &flag.keywords {
            let words: Vec<&str> = keyword.split([' ', '-']).collect();
            assert!(
                own_words
                    .windows(words.len())
                    .any(|w| w == words.as_slice()),
                "{}: {keyword:?} is not in the flag's own text {:?}",
                flag.id,
                flag.text
            );
        }
        for aid in &flag.app_keywords {
            assert!(!flag.keywords.contains(aid), "{}: {aid:?} twice", flag.id);
        }
    }
    for flag in &h.yellow_flags {
        let rule = yellow_rule(&flag.id);
        assert!(rule.is_some(), "yellow flag {} has no rule", flag.id);
        match rule.unwrap() {
            YellowRule::MissingGreen(id) => {
                assert!(h.green_flags.iter().any(|g| g.id == id), "{id}");
                assert!(
                    flag.keywords.is_empty(),
                    "absence flag {} has keywords",
                    flag.id
                );
            }
            YellowRule::KeywordsUnless(ids) => {
                assert!(!flag.keywords.is_empty(), "{}", flag.id);
                for id in ids {
                    assert!(h.green_flags.iter().any(|g| g.id == *id), "{id}");
                }
            }
        }
    }
    for stem in STEMS {
        assert!(h
            .green_flags
            .iter()
            .any(|f| f.keywords.iter().any(|k| k == stem)));
    }
    assert_eq!(yellow_rule("no-such-flag"), None);
}

#[test]
fn the_issues_flags_are_found() {
    let h = hiring();
    let text = "Senior engineer. Built async Python services with asyncio and aiohttp, typed \
                with type hints and mypy. Designed REST APIs (OpenAPI). Deployed PyTorch \
                models for machine learning inference. Performance work: cut p99 latency. \
                Maintainer of an open source FastAPI plugin.";
    let report = check(text, &h);
    assert_eq!(
        green_found(&report),
        [
            "async-python",
            "type-hints",
            "api-design",
            "ml-deployment",
            "performance",
            "open-source-fastapi"
        ]
    );
    assert!(report.green.missing.is_empty());
    assert!(yellow_raised(&report).is_empty());
    assert_eq!(
        report.yellow.missing,
        [
            "only-django-flask",
            "no-type-hints",
            "generic-python",
            "no-api-design"
        ]
    );
    assert_eq!(
        matched(text, &report, "async-python"),
        ["async", "asyncio", "aiohttp"]
    );
    assert_eq!(matched(text, &report, "type-hints"), ["type hints", "mypy"]);
    assert_eq!(matched(text, &report, "api-design"), ["REST", "OpenAPI"]);
    assert_eq!(
        matched(text, &report, "ml-deployment"),
        ["PyTorch", "machine learning"]
    );
    assert_eq!(
        matched(text, &report, "performance"),
        ["Performance", "latency"]
    );
    assert_eq!(
        matched(text, &report, "open-source-fastapi"),
        ["open source", "FastAPI"]
    );
    assert_offsets_valid(text, &report);
}

#[test]
fn open_source_fastapi_needs_its_distinctive_words() {
    let h = hiring();
    assert_eq!(green_rule("open-source-fastapi"), GreenRule::AllKeywords);
    assert_eq!(green_rule("async-python"), GreenRule::AnyKeyword);
    for text in [
        "FastAPI",
        "Built FastAPI services for five years.",
        "Contributed to open source projects.",
        "open sourcing FastAPI",
    ] {
        let report = check(text, &h);
        assert!(!report.green.is_found("open-source-fastapi"), "{text:?}");
        assert!(matched(text, &report, "open-source-fastapi").is_empty());
    }
    for text in [
        "Maintainer of an open source FastAPI plugin.",
        "FastAPI, open-source: fastapi-users contributor",
    ] {
        assert!(
            check(text, &h).green.is_found("open-source-fastapi"),
            "{text:?}"
        );
    }
}

#[test]
fn matched_words_lists_each_word_once_as_written() {
    let h = hiring();
    let text = "asyncio, AsyncIO and aiohttp; async again";
    let report = check(text, &h);
    let hit = report.green.hit("async-python").unwrap();
    assert_eq!(matched_words(text, hit), ["asyncio", "aiohttp", "async"]);
    // A report of another text: matches that do not fit are skipped.
    assert!(matched_words("", hit).is_empty());
}

#[test]
fn case_and_punctuation_do_not_matter() {
    let h = hiring();
    for text in [
        "fastapi",
        "FASTAPI",
        "FastAPI,",
        "(FastAPI)",
        "FastAPI.",
        "\"FastAPI\"",
        "FastAPI's docs",
        "[fastapi]",
        "-FastAPI-",
        "FastAPI/Starlette",
        "FastAPI😀",
        "éléphant FastAPI é",
    ] {
        // The flag also needs "open source" (all its keywords).
        let text = &format!("open source {text}");
        let report = check(text, &h);
        let words = matched(text, &report, "open-source-fastapi");
        assert_eq!(words.len(), 2, "{text:?}");
        assert!(words[1].eq_ignore_ascii_case("fastapi"), "{text:?}");
        assert_offsets_valid(text, &report);
    }
}

#[test]
fn keywords_match_whole_words_only() {
    let h = hiring();
    for (text, flag_id) in [
        ("Flasks of coffee", "only-django-flask"),
        ("Djangoesque", "only-django-flask"),
        ("open source fastapi_users", "open-source-fastapi"),
        ("open source myfastapi", "open-source-fastapi"),
        ("restore backups; interest", "api-design"),
        ("the rest of the team", "api-design"),
        ("Rest days", "api-design"),
        ("ml of water", "ml-deployment"),
        ("Ml", "ml-deployment"),
        ("HTML and XML", "ml-deployment"),
        ("ml2", "ml-deployment"),
        ("awaiting results", "async-python"),
        ("sync code only", "async-python"),
        ("éasync", "async-python"),
        ("performances", "performance"),
        ("typings", "type-hints"),
    ] {
        let report = check(text, &h);
        assert!(
            matched(text, &report, flag_id).is_empty(),
            "{text:?} must not match {flag_id}"
        );
        assert!(!report.green.is_found(flag_id), "{text:?}");
    }
}

#[test]
fn acronym_keywords_match_only_in_capitals() {
    let h = hiring();
    for (text, flag_id, word) in [
        ("Designed REST APIs", "api-design", "REST"),
        ("(REST)", "api-design", "REST"),
        ("RESTful services", "api-design", "RESTful"),
        ("restful services", "api-design", "restful"),
        ("Deployed ML models", "ml-deployment", "ML"),
        ("ML/AI", "ml-deployment", "ML"),
    ] {
        let report = check(text, &h);
        assert_eq!(matched(text, &report, flag_id), [word], "{text:?}");
        assert!(report.green.is_found(flag_id), "{text:?}");
    }
    for keyword in atlas_core::resume::ACRONYMS {
        assert!(
            hiring()
                .green_flags
                .iter()
                .chain(&hiring().yellow_flags)
                .any(|f| f.keywords.iter().any(|k| k == keyword)),
            "acronym {keyword} is no dataset keyword"
        );
    }
}

#[test]
fn flask_does_not_match_inside_flasks() {
    let h = hiring();
    let report = check("Python developer. Washed flasks in a lab.", &h);
    assert!(!yellow_raised(&report).contains(&"only-django-flask"));
    let report = check("Python developer. Flask apps.", &h);
    assert!(yellow_raised(&report).contains(&"only-django-flask"));
    assert_eq!(
        matched(
            "Python developer. Flask apps.",
            &report,
            "only-django-flask"
        ),
        ["Flask"]
    );
}

#[test]
fn async_counts_inside_asyncio_and_other_async_words() {
    let h = hiring();
    for (text, want) in [
        ("asyncio", "asyncio"),
        ("AsyncIO.", "AsyncIO"),
        ("asyncpg", "asyncpg"),
        ("AsyncSession", "AsyncSession"),
        ("asynchronous code", "asynchronous"),
        ("non-async", "async"),
        ("async/await", "async"),
    ] {
        let report = check(text, &h);
        assert!(report.green.is_found("async-python"), "{text:?}");
        assert_eq!(matched(text, &report, "async-python")[0], want, "{text:?}");
        assert_offsets_valid(text, &report);
    }
    // `asyncio` is one match (the longest), not `async` plus `asyncio`.
    let report = check("asyncio", &h);
    let hit = report.green.hit("async-python").unwrap();
    assert_eq!(
        hit.matches,
        [Match {
            start: 0,
            end: 7,
            keyword: "asyncio".into()
        }]
    );
    // A stem only extends at its end: it must still start a word.
    assert!(!check("nonasync", &h).green.is_found("async-python"));
}

#[test]
fn multi_word_keywords_match_across_whitespace_and_hyphens() {
    let h = hiring();
    for (text, flag_id, want) in [
        ("Type hints everywhere", "type-hints", "Type hints"),
        ("type\nhints", "type-hints", "type\nhints"),
        ("type \r\n\t  hints", "type-hints", "type \r\n\t  hints"),
        ("Type-Hints", "type-hints", "Type-Hints"),
        ("type - hints", "type-hints", "type - hints"),
        ("type\u{a0}hints", "type-hints", "type\u{a0}hints"),
        ("MACHINE\nLEARNING.", "ml-deployment", "MACHINE\nLEARNING"),
        ("api\n\ndesign", "api-design", "api\n\ndesign"),
        ("scikit learn", "ml-deployment", "scikit learn"),
        ("Scikit-Learn", "ml-deployment", "Scikit-Learn"),
        ("model\n serving", "ml-deployment", "model\n serving"),
    ] {
        let report = check(text, &h);
        assert_eq!(matched(text, &report, flag_id), [want], "{text:?}");
        assert_offsets_valid(text, &report);
    }
    for (text, want) in [
        ("Open-source FastAPI", "Open-source"),
        ("open\nsource FastAPI", "open\nsource"),
    ] {
        let report = check(text, &h);
        assert_eq!(
            matched(text, &report, "open-source-fastapi"),
            [want, "FastAPI"],
            "{text:?}"
        );
    }
    for (text, flag_id) in [
        ("typehints", "type-hints"),
        ("type, hints", "type-hints"),
        ("type hintsx", "type-hints"),
        ("xtype hints", "type-hints"),
        ("api. design", "api-design"),
        ("machine_learning", "ml-deployment"),
    ] {
        let report = check(text, &h);
        assert!(matched(text, &report, flag_id).is_empty(), "{text:?}");
    }
}

#[test]
fn python_developer_matches_generic_yellow_flag_only_without_specifics() {
    let h = hiring();
    let text = "Experienced Python Developer, 5 years.";
    let report = check(text, &h);
    assert!(green_found(&report).is_empty());
    assert_eq!(
        yellow_raised(&report),
        ["no-type-hints", "generic-python", "no-api-design"]
    );
    assert_eq!(
        matched(text, &report, "generic-python"),
        ["Python Developer"]
    );
    // Any specific green flag clears it.
    for specific in [
        "asyncio",
        "mypy",
        "OpenAPI",
        "PyTorch",
        "latency",
        "open source FastAPI",
    ] {
        let text = format!("Python developer who knows {specific}.");
        let report = check(&text, &h);
        assert!(
            !yellow_raised(&report).contains(&"generic-python"),
            "{specific}"
        );
        assert!(report
            .yellow
            .missing
            .contains(&"generic-python".to_string()));
    }
    // The words must be adjacent.
    let report = check("Python and a developer", &h);
    assert!(!yellow_raised(&report).contains(&"generic-python"));
}

#[test]
fn django_or_flask_without_async_raises_the_yellow_flag() {
    let h = hiring();
    let raised = |text: &str| yellow_raised(&check(text, &h)).contains(&"only-django-flask");
    assert!(raised("Django and Flask apps"));
    assert!(raised("DJANGO"));
    assert!(raised("Flask, REST, mypy"));
    assert!(!raised("Django with asyncio"));
    assert!(!raised("Flask + async views"));
    assert!(!raised("no web frameworks at all"));
    let text = "Django and Flask apps";
    let report = check(text, &h);
    assert_eq!(
        matched(text, &report, "only-django-flask"),
        ["Django", "Flask"]
    );
}

#[test]
fn absence_flags_follow_their_green_flags() {
    let h = hiring();
    for (text, no_type_hints, no_api_design) in [
        ("", true, true),
        ("Python", true, true),
        ("pydantic models", false, true),
        ("typing module", false, true),
        ("swagger docs", true, false),
        ("RESTful services", true, false),
        ("type hints and API design", false, false),
    ] {
        let report = check(text, &h);
        let raised = yellow_raised(&report);
        assert_eq!(raised.contains(&"no-type-hints"), no_type_hints, "{text:?}");
        assert_eq!(raised.contains(&"no-api-design"), no_api_design, "{text:?}");
        for id in ["no-type-hints", "no-api-design"] {
            if let Some(hit) = report.yellow.hit(id) {
                assert!(hit.matches.is_empty(), "absence flags have no matches");
            }
            assert_ne!(
                raised.contains(&id),
                report.yellow.missing.iter().any(|m| m == id),
                "each flag is either raised or missing"
            );
        }
    }
}

#[test]
fn every_flag_is_either_found_or_missing_in_dataset_order() {
    let h = hiring();
    for text in ["", "asyncio Django mypy", "Python developer with Flask"] {
        let report = check(text, &h);
        let mut green: Vec<&str> = green_found(&report);
        green.extend(report.green.missing.iter().map(String::as_str));
        assert_eq!(green.len(), h.green_flags.len());
        let mut ordered: Vec<&str> = h.green_flags.iter().map(|f| f.id.as_str()).collect();
        ordered.retain(|id| green.contains(id));
        assert_eq!(ordered.len(), h.green_flags.len());
        let found_order: Vec<&str> = h
            .green_flags
            .iter()
            .map(|f| f.id.as_str())
            .filter(|id| report.green.is_found(id))
            .collect();
        assert_eq!(found_order, green_found(&report));
        assert_eq!(
            report.yellow.found.len() + report.yellow.missing.len(),
            h.yellow_flags.len()
        );
    }
}

#[test]
fn non_ascii_text_never_panics_and_offsets_stay_on_char_boundaries() {
    let h = hiring();
    for text in [
        "Résumé: été à Paris, async Python, FastAPI 🚀🚀, type hints ✓",
        "😀async😀FastAPI😀",
        "ÀSYNC Python",
        "ａｓｙｎｃ fullwidth",
        "Straße — open‐source — naïve REST",
        "\u{0}\u{1}asyncio\u{7f}",
        "İstanbul Flask ǅ",
        "type\u{2028}hints",
        "a\u{301}sync",
        "",
        " ",
        "é",
    ] {
        let report = check(text, &h);
        assert_offsets_valid(text, &report);
        let pieces = segments(text, &report);
        let joined: String = pieces.iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
    }
    let text = "😀async😀FastAPI😀open source😀";
    let report = check(text, &h);
    assert_eq!(matched(text, &report, "async-python"), ["async"]);
    assert_eq!(
        matched(text, &report, "open-source-fastapi"),
        ["FastAPI", "open source"]
    );
    // Non-ASCII letters are word characters and no Unicode case folding happens.
    assert!(!check("éasync", &h).green.is_found("async-python"));
    assert!(!check("ａｓｙｎｃ", &h).green.is_found("async-python"));
    assert!(check("open\u{2010}source FastAPI", &h)
        .green
        .is_found("open-source-fastapi"));
}

#[test]
fn long_and_hostile_text_is_handled() {
    let h = hiring();
    let mut text = String::new();
    for i in 0..2_000 {
        text.push_str(["async ", "é😀 ", "Flasks ", "<script> ", "rest "][i % 5]);
    }
    let report = check(&text, &h);
    assert_offsets_valid(&text, &report);
    assert_eq!(report.green.hit("async-python").unwrap().matches.len(), 400);
    let pieces = segments(&text, &report);
    assert_eq!(pieces.iter().map(|s| s.text).collect::<String>(), text);
}

#[test]
fn segments_cover_the_text_in_order() {
    let h = hiring();
    let text = "I'm a Python developer: Django, asyncio, FastAPI; type-hints.";
    let report = check(text, &h);
    let pieces = segments(text, &report);
    let mut at = 0;
    for piece in &pieces {
        assert_eq!(piece.range.start, at);
        assert!(!piece.text.is_empty());
        assert_eq!(&text[piece.range.clone()], piece.text);
        at = piece.range.end;
    }
    assert_eq!(at, text.len());
    for pair in pieces.windows(2) {
        assert!(
            pair[0].flag.is_some() || pair[1].flag.is_some(),
            "no two plain pieces in a row"
        );
    }
    let flagged: Vec<(&str, FlagColor, &str)> = pieces
        .iter()
        .filter_map(|s| {
            s.flag
                .as_ref()
                .map(|(color, id)| (s.text, *color, id.as_str()))
        })
        .collect();
    // Django is not highlighted: asyncio keeps the Django/Flask flag from being raised, and
    // the generic "Python developer" flag is cleared by the specific ones. FastAPI alone is
    // not an open source FastAPI project.
    assert_eq!(
        flagged,
        [
            ("asyncio", FlagColor::Green, "async-python"),
            ("type-hints", FlagColor::Green, "type-hints"),
        ]
    );

    let text = "Python developer, Flask.";
    let report = check(text, &h);
    let pieces = segments(text, &report);
    let flagged: Vec<(&str, FlagColor, &str)> = pieces
        .iter()
        .filter_map(|s| {
            s.flag
                .as_ref()
                .map(|(color, id)| (s.text, *color, id.as_str()))
        })
        .collect();
    assert_eq!(
        flagged,
        [
            ("Python developer", FlagColor::Yellow, "generic-python"),
            ("Flask", FlagColor::Yellow, "only-django-flask"),
        ]
    );
    assert_eq!(pieces.last().unwrap().text, ".");
    assert!(segments("", &check("", &h)).is_empty());
    let plain = segments("nothing here", &check("nothing here", &h));
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].flag, None);
}

#[test]
fn segments_keep_the_longest_of_overlapping_matches() {
    let h = hiring();
    // Build a report by hand with overlapping matches from two flags.
    let text = "open source fastapi";
    let mut report = check(text, &h);
    report.yellow.found.push(atlas_core::resume::FlagHit {
        flag_id: "generic-python".into(),
        matches: vec![
            Match {
                start: 5,
                end: 19,
                keyword: "x".into(),
            },
            Match {
                start: 0,
                end: 4,
                keyword: "y".into(),
            },
        ],
    });
    let pieces = segments(text, &report);
    let flagged: Vec<(&str, &str)> = pieces
        .iter()
        .filter_map(|s| s.flag.as_ref().map(|(_, id)| (s.text, id.as_str())))
        .collect();
    assert_eq!(
        flagged,
        [
            ("open", "generic-python"),
            ("source fastapi", "generic-python")
        ]
    );
    assert_eq!(pieces.iter().map(|s| s.text).collect::<String>(), text);
}

#[test]
fn segments_skip_matches_that_do_not_fit_the_text() {
    let h = hiring();
    let report = check("FastAPI and asyncio in a much longer text", &h);
    for text in ["", "é", "short", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀"] {
        let pieces = segments(text, &report);
        assert_eq!(pieces.iter().map(|s| s.text).collect::<String>(), text);
    }
}

#[test]
fn find_flag_reports_color() {
    let h = hiring();
    let (color, flag) = find_flag(&h, "type-hints").unwrap();
    assert_eq!(color, FlagColor::Green);
    assert_eq!(flag.id, "type-hints");
    assert_eq!(find_flag(&h, "no-type-hints").unwrap().0, FlagColor::Yellow);
    assert!(find_flag(&h, "nope").is_none());
    assert_eq!(FlagColor::Green.id(), "green");
    assert_eq!(FlagColor::Yellow.id(), "yellow");
}
