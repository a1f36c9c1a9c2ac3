#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the Frameworks page's URL state against the REAL dataset: defaults left
//! out, each parameter alone, round trips over many combinations, the compare limit, and
//! hostile input (never a panic, always a plain-text notice).
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::data::{AsyncSupport, Dataset, Framework};
use atlas_core::frameworks::{languages, Answers, SortKey, ASYNC_ALL, QUESTIONS};
use atlas_core::query::frameworks::{FrameworksQuery, MAX_COMPARE, MIN_COMPARE};
use atlas_core::query::{Notice, MAX_VALUE_LEN, SHOWN_CHARS};

fn dataset() -> &'static Dataset {
    common::dataset()
}

fn parse(query: &str) -> (FrameworksQuery, Vec<Notice>) {
    FrameworksQuery::parse(query, &dataset().frameworks, str::to_lowercase)
}

fn texts(notices: &[Notice]) -> Vec<String> {
    notices.iter().map(ToString::to_string).collect()
}

fn compare(ids: &[&str]) -> FrameworksQuery {
    FrameworksQuery {
        compare: ids.iter().map(|id| id.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn defaults_produce_an_empty_query() {
    assert_eq!(FrameworksQuery::default().to_query(), "");
    let (q, notices) = parse("");
    assert_eq!(q, FrameworksQuery::default());
    assert!(notices.is_empty());
    // An explicit default sort is written back as "".
    let (q, notices) = parse("?sort=stated");
    assert_eq!(q, FrameworksQuery::default());
    assert!(notices.is_empty());
    assert_eq!(q.to_query(), "");
    // Name order is no longer the default: it stays in the link.
    let (q, notices) = parse("?sort=name");
    assert_eq!(q.sort, SortKey::Name);
    assert!(notices.is_empty());
    assert_eq!(q.to_query(), "sort=name");
    // Other pages' parameters are ignored silently.
    let (q, notices) = parse("levels=junior&utm_source=mail");
    assert_eq!(q, FrameworksQuery::default());
    assert!(notices.is_empty());
}

#[test]
fn each_parameter_alone() {
    let cases: Vec<(FrameworksQuery, &str)> = vec![
        (
            compare(&["fastapi", "flask", "django"]),
            "compare=fastapi,flask,django",
        ),
        (compare(&["django", "fastapi"]), "compare=django,fastapi"),
        (compare(&["spring-boot"]), "compare=spring-boot"),
        (
            FrameworksQuery {
                lang: Some("python".into()),
                ..Default::default()
            },
            "lang=python",
        ),
        (
            FrameworksQuery {
                lang: Some("c-sharp".into()),
                ..Default::default()
            },
            "lang=c-sharp",
        ),
        (
            FrameworksQuery {
                async_support: Some(AsyncSupport::Native),
                ..Default::default()
            },
            "async=native",
        ),
        (
            FrameworksQuery {
                async_support: Some(AsyncSupport::Unknown),
                ..Default::default()
            },
            "async=unknown",
        ),
        (
            FrameworksQuery {
                sort: SortKey::Year,
                ..Default::default()
            },
            "sort=year",
        ),
        (
            FrameworksQuery {
                sort: SortKey::Language,
                ..Default::default()
            },
            "sort=language",
        ),
        (
            FrameworksQuery {
                answers: Answers::default().with("q1", "apis"),
                ..Default::default()
            },
            "q1=apis",
        ),
        (
            FrameworksQuery {
                answers: Answers::default()
                    .with("q4", "conventions")
                    .with("q1", "fullstack_admin"),
                ..Default::default()
            },
            "q1=fullstack_admin&q4=conventions",
        ),
    ];
    for (q, want) in cases {
        assert_eq!(q.to_query(), want);
        let (parsed, notices) = parse(want);
        assert_eq!(parsed, q, "{want}");
        assert!(notices.is_empty(), "{want}: {notices:?}");
    }
}

#[test]
fn the_recruiter_link() {
    let d = dataset();
    let query = "compare=fastapi,flask,django&lang=python&q1=apis&q2=yes&q3=yes&q4=conventions";
    let (q, notices) = FrameworksQuery::parse(query, &d.frameworks, str::to_lowercase);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(q.compare, ["fastapi", "flask", "django"]);
    assert_eq!(q.lang.as_deref(), Some("python"));
    assert_eq!(q.answers.get("q2"), Some("yes"));
    assert_eq!(q.to_query(), query);
    let rec = atlas_core::frameworks::recommend(&q.answers, &d.frameworks).unwrap();
    assert_eq!(rec.framework_id, "fastapi");
}

#[test]
fn full_query_is_written_in_a_stable_order() {
    let q = FrameworksQuery {
        compare: vec!["sanic".into(), "fastapi".into()],
        lang: Some("python".into()),
        async_support: Some(AsyncSupport::Native),
        sort: SortKey::Year,
        answers: Answers::default()
            .with("q4", "max")
            .with("q3", "no")
            .with("q2", "unsure")
            .with("q1", "apis"),
    };
    assert_eq!(
        q.to_query(),
        "compare=sanic,fastapi&lang=python&async=native&sort=year&q1=apis&q2=unsure&q3=no&q4=max"
    );
    // Parameter order in the input does not matter.
    let (parsed, notices) = parse(
        "q4=max&sort=year&q2=unsure&async=native&q3=no&lang=python&q1=apis&compare=sanic,fastapi",
    );
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(parsed, q);
}

#[test]
fn round_trip_over_many_combinations() {
    let d = dataset();
    let fws = &d.frameworks;
    let compares: Vec<Vec<String>> = vec![
        vec![],
        vec!["fastapi".into()],
        vec!["fastapi".into(), "flask".into()],
        vec!["django".into(), "fastapi".into(), "flask".into()],
        vec![
            "play".into(),
            "aspnet".into(),
            "rails".into(),
            "nodejs".into(),
        ],
        // Not normalised: repeats, unknown ids, other case, more than four.
        vec![
            "FastAPI".into(),
            "fastapi".into(),
            "nope".into(),
            "flask".into(),
        ],
        vec![
            "a".into(),
            "sanic".into(),
            "express".into(),
            "laravel".into(),
            "cakephp".into(),
            "spring-boot".into(),
        ],
        vec!["<script>".into(), "x y".into(), "".into()],
    ];
    let mut langs: Vec<Option<String>> = vec![None, Some("Python".into()), Some("cobol".into())];
    langs.extend(
        languages(fws, str::to_lowercase)
            .into_iter()
            .map(|(id, _)| Some(id)),
    );
    let asyncs: Vec<Option<AsyncSupport>> =
        std::iter::once(None).chain(ASYNC_ALL.map(Some)).collect();
    let mut answer_sets = vec![Answers::default()];
    for q in &QUESTIONS {
        for (option, _) in q.options {
            answer_sets.push(Answers::default().with(q.id, option));
        }
    }
    answer_sets.push(
        Answers::default()
            .with("q1", "apis")
            .with("q2", "yes")
            .with("q3", "yes")
            .with("q4", "max"),
    );
    let mut count = 0;
    for compare in &compares {
        for lang in &langs {
            for async_support in &asyncs {
                for sort in SortKey::ALL {
                    for answers in &answer_sets {
                        let q = FrameworksQuery {
                            compare: compare.clone(),
                            lang: lang.clone(),
                            async_support: *async_support,
                            sort,
                            answers: answers.clone(),
                        };
                        let query = q.to_query();
                        let (parsed, _) = FrameworksQuery::parse(&query, fws, str::to_lowercase);
                        let normal = q.normalized(fws, str::to_lowercase);
                        assert_eq!(parsed, normal, "{query}");
                        // A normalised value round-trips exactly and without notices.
                        let (again, notices) =
                            FrameworksQuery::parse(&normal.to_query(), fws, str::to_lowercase);
                        assert_eq!(again, normal, "{query}");
                        assert!(notices.is_empty(), "{query}: {notices:?}");
                        assert!(normal.compare.len() <= MAX_COMPARE);
                        count += 1;
                    }
                }
            }
        }
    }
    assert!(count > 3000, "{count}");
}

#[test]
fn compare_more_than_four_keeps_the_first_four_with_a_notice() {
    let (q, notices) = parse("compare=fastapi,flask,django,sanic,express,rails");
    assert_eq!(q.compare, ["fastapi", "flask", "django", "sanic"]);
    assert!(q.can_compare());
    assert_eq!(
        texts(&notices),
        ["compare names 6 frameworks; only the first 4 are compared (dropped: express, rails)."]
    );
    assert_eq!(q.to_query(), "compare=fastapi,flask,django,sanic");
}

#[test]
fn compare_unknown_ids_repeats_and_case() {
    let (q, notices) = parse("compare=FastAPI,nope,flask,fastapi,,nope, django ");
    assert_eq!(q.compare, ["fastapi", "flask", "django"]);
    // One notice per distinct unknown id; repeats of known ids are dropped silently.
    assert_eq!(
        texts(&notices),
        ["Ignored compare value “nope” (not a framework id)."]
    );
    // Unknown ids do not count towards the limit.
    let (q, notices) = parse("compare=x,fastapi,y,flask,z,django,sanic");
    assert_eq!(q.compare, ["fastapi", "flask", "django", "sanic"]);
    assert_eq!(notices.len(), 3);
    // Repeats do not count either.
    let (q, notices) = parse("compare=fastapi,fastapi,fastapi,fastapi,fastapi,flask");
    assert_eq!(q.compare, ["fastapi", "flask"]);
    assert!(notices.is_empty());
}

#[test]
fn compare_with_one_id_is_kept_as_a_selection_in_progress() {
    let (q, notices) = parse("compare=django");
    assert_eq!(q.compare, ["django"]);
    assert!(notices.is_empty());
    assert!(!q.can_compare());
    assert_eq!(q.to_query(), "compare=django");
}

#[test]
fn compare_empty_values() {
    for query in ["compare=", "compare=,,", "compare=%20"] {
        let (q, notices) = parse(query);
        assert!(q.compare.is_empty(), "{query}");
        assert_eq!(texts(&notices), ["compare is empty; nothing is compared."]);
    }
}

#[test]
fn toggle_compare_respects_the_limit() {
    let mut q = FrameworksQuery::default();
    assert!(!q.can_compare());
    for id in ["fastapi", "flask", "django", "sanic"] {
        assert!(q.toggle_compare(id));
        assert!(q.is_compared(id));
    }
    assert_eq!(q.compare.len(), MAX_COMPARE);
    assert!(!q.toggle_compare("express"), "a fifth is refused");
    assert!(!q.is_compared("express"));
    assert!(q.toggle_compare("flask"), "un-picking works when full");
    assert_eq!(q.compare, ["fastapi", "django", "sanic"]);
    assert!(q.toggle_compare("express"));
    assert_eq!(q.compare, ["fastapi", "django", "sanic", "express"]);
    assert_eq!(q.to_query(), "compare=fastapi,django,sanic,express");
    for id in ["fastapi", "django", "sanic"] {
        q.toggle_compare(id);
    }
    assert_eq!(q.compare.len(), MIN_COMPARE - 1);
    assert!(!q.can_compare());
}

#[test]
fn lang_values() {
    for (value, want) in [
        ("python", "python"),
        ("Python", "python"),
        ("PYTHON", "python"),
        ("C%23", "c-sharp"),
        ("c-sharp", "c-sharp"),
        ("scala", "scala"),
        ("java", "java"),
    ] {
        let (q, notices) = parse(&format!("lang={value}"));
        assert_eq!(q.lang.as_deref(), Some(want), "{value}");
        assert!(notices.is_empty(), "{value}: {notices:?}");
    }
    let (q, notices) = parse("lang=cobol");
    assert_eq!(q.lang, None);
    assert_eq!(
        texts(&notices),
        ["Ignored lang value “cobol” (not a language of the listed frameworks)."]
    );
    let (q, notices) = parse("lang=");
    assert_eq!(q.lang, None);
    assert_eq!(texts(&notices), ["lang is empty; every language is shown."]);
}

#[test]
fn async_sort_and_answer_values() {
    let (q, notices) = parse("async=NO&sort=Language");
    assert_eq!(q.async_support, Some(AsyncSupport::No));
    assert_eq!(q.sort, SortKey::Language);
    assert!(notices.is_empty());
    assert_eq!(q.to_query(), "async=no&sort=language");

    let (q, notices) = parse("async=yes&sort=popularity&q1=both&q2=maybe&q3=&q9=yes");
    assert_eq!(q, FrameworksQuery::default());
    assert_eq!(
        texts(&notices),
        [
            "Ignored async value “yes” (use native, no, sources_differ or unknown).",
            "Ignored sort value “popularity” (use stated, name, language or year).",
            "Ignored q1 value “both” (use apis or fullstack_admin).",
            "Ignored q2 value “maybe” (use yes, no or unsure).",
            "q3 is empty; ignored.",
        ]
    );
    let (_, notices) = parse("async=&sort=");
    assert_eq!(
        texts(&notices),
        [
            "async is empty; frameworks are shown whatever their async support.",
            "sort is empty; sorted by what the sources state most about.",
        ]
    );
    // Answers are matched case-insensitively and written canonically.
    let (q, notices) = parse("q1=APIs&q4=Max");
    assert!(notices.is_empty());
    assert_eq!(q.to_query(), "q1=apis&q4=max");
}

#[test]
fn shows_combines_the_filters() {
    let d = dataset();
    let find = |id: &str| d.frameworks.iter().find(|f| f.id == id).unwrap();
    let (q, _) = parse("lang=python&async=native");
    assert!(q.shows(find("fastapi"), str::to_lowercase));
    assert!(q.shows(find("sanic"), str::to_lowercase));
    assert!(!q.shows(find("flask"), str::to_lowercase));
    assert!(!q.shows(find("express"), str::to_lowercase));
    let (q, _) = parse("lang=scala");
    assert!(q.shows(find("play"), str::to_lowercase));
    assert!(!q.shows(find("spring-boot"), str::to_lowercase));
    assert!(FrameworksQuery::default().shows(find("rails"), str::to_lowercase));
}

#[test]
fn hostile_values_never_panic_and_are_quoted_as_plain_shortened_text() {
    let d = dataset();
    let long = "a".repeat(10 * 1024);
    let script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    for query in [
        format!("compare={script}"),
        format!("lang={script}"),
        format!("async={script}"),
        format!("sort={script}"),
        format!("q1={script}"),
        format!("compare={long}"),
        format!("lang={long}"),
        format!("q2={long}"),
        format!("compare={}", ["fastapi"; 2000].join(",")),
        "compare=%ff%fe&lang=%00%01&sort=%E2%80%AE".to_owned(),
        "compare&lang&async&sort&q1".to_owned(),
        "%&&&===&compare==,=,&lang==".to_owned(),
        "q1=apis#q2=yes".to_owned(),
        "sort=year\u{0}&lang=\u{202e}python".to_owned(),
    ] {
        let (q, notices) = FrameworksQuery::parse(&query, &d.frameworks, str::to_lowercase);
        assert!(q.compare.len() <= MAX_COMPARE, "{query}");
        for n in &notices {
            // SHOWN_CHARS plus the sentence around it; never the whole 10 KB value.
            assert!(n.0.chars().count() < SHOWN_CHARS + 150, "{n}");
            assert!(!n.0.chars().any(char::is_control), "{n:?}");
        }
        // What was kept writes a query that parses back to itself without notices.
        let (again, notices) =
            FrameworksQuery::parse(&q.to_query(), &d.frameworks, str::to_lowercase);
        assert_eq!(again, q, "{query}");
        assert!(notices.is_empty(), "{query}: {notices:?}");
    }
    let (q, notices) = parse(&format!("lang={script}"));
    assert_eq!(q.lang, None);
    assert_eq!(
        texts(&notices),
        ["Ignored lang value “<script>alert(1)</script>” (not a language of the listed frameworks)."]
    );
    let (q, notices) = parse(&format!("compare={long}"));
    assert!(q.compare.is_empty());
    assert_eq!(notices.len(), 1);
    assert!(notices[0]
        .0
        .contains(&format!("longer than {MAX_VALUE_LEN} characters")));
    assert!(notices[0].0.contains('…'));
}

#[test]
fn repeated_keys_use_the_last_value_with_a_notice() {
    let (q, notices) = parse("sort=year&sort=language&compare=fastapi,flask&compare=django,sanic&q1=apis&q1=fullstack_admin");
    assert_eq!(q.sort, SortKey::Language);
    assert_eq!(q.compare, ["django", "sanic"]);
    assert_eq!(q.answers.get("q1"), Some("fullstack_admin"));
    assert_eq!(
        texts(&notices),
        [
            "compare was given 2 times; the last value is used.",
            "sort was given 2 times; the last value is used.",
            "q1 was given 2 times; the last value is used.",
        ]
    );
    // The last value wins even when it is bad (it is then ignored, not replaced).
    let (q, notices) = parse("sort=year&sort=nope");
    assert_eq!(q.sort, SortKey::Stated);
    assert_eq!(notices.len(), 2);
}

#[test]
fn normalized_is_idempotent_and_canonical() {
    let d = dataset();
    let q = FrameworksQuery {
        compare: vec![
            "DJANGO".into(),
            "nope".into(),
            "django".into(),
            "fastapi".into(),
            "flask".into(),
            "sanic".into(),
            "express".into(),
        ],
        lang: Some("C#".into()),
        ..Default::default()
    };
    let n = q.normalized(&d.frameworks, str::to_lowercase);
    assert_eq!(n.compare, ["django", "fastapi", "flask", "sanic"]);
    assert_eq!(n.lang.as_deref(), Some("c-sharp"));
    assert_eq!(n.normalized(&d.frameworks, str::to_lowercase), n);
    let q = FrameworksQuery {
        lang: Some("klingon".into()),
        ..Default::default()
    };
    assert_eq!(q.normalized(&d.frameworks, str::to_lowercase).lang, None);
}

#[test]
fn parse_with_no_frameworks_drops_ids_and_languages() {
    let none: [Framework; 0] = [];
    let (q, notices) = FrameworksQuery::parse(
        "compare=fastapi,flask&lang=python&sort=year",
        &none,
        str::to_lowercase,
    );
    assert!(q.compare.is_empty());
    assert_eq!(q.lang, None);
    assert_eq!(q.sort, SortKey::Year);
    assert_eq!(notices.len(), 3);
}
