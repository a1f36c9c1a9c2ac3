#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the Frameworks page's view model against the REAL dataset: language ids,
//! filters, sorts, the comparison table, the chooser (every reason a verbatim dataset claim)
//! and the timeline.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::data::{AsyncSupport, Claim, Dataset, Framework};
use atlas_core::frameworks::{
    async_from_id, async_id, async_label, compare_rows, language_names, languages,
    matches_language, not_stated, question, recommend, rule_claim, slugify, sorted, stated_count,
    timeline, Answers, ClaimList, SortKey, TimelineKind, ASYNC_ALL, NOT_STATED, QUESTIONS,
    ROW_KEYS, SCORING_RULES,
};
use atlas_core::query::frameworks::{compared, visible, FrameworksQuery};

fn dataset() -> &'static Dataset {
    common::dataset()
}

fn fw<'a>(fws: &'a [Framework], id: &str) -> &'a Framework {
    fws.iter().find(|f| f.id == id).expect(id)
}

fn ids(list: &[&Framework]) -> Vec<String> {
    list.iter().map(|f| f.id.clone()).collect()
}

/// Every claim the dataset states about a framework (summary, async note, pros, cons,
/// use when).
fn all_claims(d: &Dataset) -> Vec<&Claim> {
    d.frameworks
        .iter()
        .flat_map(|f| {
            std::iter::once(&f.summary)
                .chain(f.async_notes.iter())
                .chain(f.pros.iter())
                .chain(f.cons.iter())
                .chain(f.use_when.iter())
        })
        .collect()
}

// ---- languages ------------------------------------------------------------------------------

#[test]
fn slugify_table() {
    for (name, want) in [
        ("Python", "python"),
        ("JavaScript", "javascript"),
        ("C#", "c-sharp"),
        ("C++", "c-plus-plus"),
        ("F#", "f-sharp"),
        (".NET", "net"),
        ("Objective-C", "objective-c"),
        ("  Java  ", "java"),
        ("Go lang", "go-lang"),
        ("", ""),
        ("<script>", "script"),
        ("Ünïcode", "ünïcode"),
    ] {
        assert_eq!(slugify(name, str::to_lowercase), want, "{name:?}");
    }
}

#[test]
fn languages_are_derived_from_the_dataset_in_first_appearance_order() {
    let d = dataset();
    let langs = languages(&d.frameworks, str::to_lowercase);
    let got: Vec<(&str, &str)> = langs
        .iter()
        .map(|(id, label)| (id.as_str(), label.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("python", "Python"),
            ("javascript", "JavaScript"),
            ("java", "Java"),
            ("php", "PHP"),
            ("ruby", "Ruby"),
            ("c-sharp", "C#"),
            ("scala", "Scala"),
        ]
    );
    // Stable: the same input gives the same list.
    assert_eq!(languages(&d.frameworks, str::to_lowercase), langs);
    assert!(languages(&[], str::to_lowercase).is_empty());
    // Every framework belongs to at least one listed language.
    for f in &d.frameworks {
        assert!(
            langs
                .iter()
                .any(|(id, _)| matches_language(f, id, str::to_lowercase)),
            "{}",
            f.id
        );
    }
}

#[test]
fn a_framework_with_two_languages_belongs_to_both() {
    let d = dataset();
    let play = fw(&d.frameworks, "play");
    assert_eq!(language_names(play), vec!["Java", "Scala"]);
    assert!(matches_language(play, "java", str::to_lowercase));
    assert!(matches_language(play, "scala", str::to_lowercase));
    assert!(!matches_language(play, "javascript", str::to_lowercase));
    // "java" is not a prefix match for JavaScript.
    assert!(!matches_language(
        fw(&d.frameworks, "express"),
        "java",
        str::to_lowercase
    ));
    assert!(matches_language(
        fw(&d.frameworks, "aspnet"),
        "c-sharp",
        str::to_lowercase
    ));
    assert!(!matches_language(
        fw(&d.frameworks, "aspnet"),
        "C#",
        str::to_lowercase
    ));
}

#[test]
fn language_filter_lists() {
    let d = dataset();
    let with = |lang: &str| -> Vec<String> {
        d.frameworks
            .iter()
            .filter(|f| matches_language(f, lang, str::to_lowercase))
            .map(|f| f.id.clone())
            .collect()
    };
    assert_eq!(with("python"), ["fastapi", "flask", "django", "sanic"]);
    assert_eq!(with("javascript"), ["express", "nodejs"]);
    assert_eq!(with("java"), ["spring-boot", "play"]);
    assert_eq!(with("scala"), ["play"]);
    assert_eq!(with("php"), ["laravel", "cakephp"]);
    assert_eq!(with("ruby"), ["rails"]);
    assert_eq!(with("c-sharp"), ["aspnet"]);
    assert!(with("cobol").is_empty());
    assert!(with("").is_empty());
}

// ---- async ----------------------------------------------------------------------------------

#[test]
fn async_ids_round_trip() {
    for support in ASYNC_ALL {
        assert_eq!(async_from_id(async_id(support)), Some(support));
        assert!(!async_label(support).is_empty());
    }
    assert_eq!(async_from_id(" NATIVE "), Some(AsyncSupport::Native));
    assert_eq!(async_from_id("yes"), None);
    assert_eq!(async_from_id(""), None);
    assert_eq!(async_label(AsyncSupport::Unknown), NOT_STATED);
}

// ---- sorting and filtering ------------------------------------------------------------------

#[test]
fn sort_keys_round_trip() {
    for key in SortKey::ALL {
        assert_eq!(SortKey::from_id(key.id()), Some(key));
        assert_eq!(key.to_string().parse::<SortKey>(), Ok(key));
        assert!(!key.label().is_empty());
    }
    assert_eq!(SortKey::default(), SortKey::Stated);
    assert_eq!(SortKey::from_id(" Year "), Some(SortKey::Year));
    assert!("popularity".parse::<SortKey>().is_err());
    assert!("".parse::<SortKey>().is_err());
}

#[test]
fn the_default_order_puts_fastapi_first_then_what_the_sources_say_most_about() {
    let d = dataset();
    assert_eq!(
        ids(&sorted(&d.frameworks, SortKey::Stated, str::to_lowercase)),
        [
            "fastapi",
            "flask",
            "django",
            "sanic",
            "nodejs",
            "rails",
            "aspnet",
            "cakephp",
            "express",
            "laravel",
            "play",
            "spring-boot"
        ]
    );
    let count = |id: &str| stated_count(d.frameworks.iter().find(|f| f.id == id).unwrap());
    assert_eq!(count("flask"), 10);
    assert_eq!(count("express"), 0);
    // FastAPI leads even when another framework has more stated.
    assert!(count("fastapi") <= count("flask"));
}

#[test]
fn a_card_names_what_is_not_stated_once() {
    let d = dataset();
    let fw = |id: &str| d.frameworks.iter().find(|f| f.id == id).unwrap();
    assert_eq!(
        not_stated(fw("express")),
        [
            "first release",
            "creator",
            "async support",
            "pros",
            "cons",
            "when to use it"
        ]
    );
    assert_eq!(not_stated(fw("fastapi")), ["cons"]);
    assert_eq!(
        not_stated(fw("rails")),
        ["async support", "pros", "cons", "when to use it"]
    );
}

#[test]
fn sort_by_name_is_case_insensitive() {
    let d = dataset();
    assert_eq!(
        ids(&sorted(&d.frameworks, SortKey::Name, str::to_lowercase)),
        [
            "aspnet",
            "cakephp",
            "django",
            "express",
            "fastapi",
            "flask",
            "laravel",
            "nodejs",
            "play",
            "rails",
            "sanic",
            "spring-boot",
        ]
    );
}

#[test]
fn sort_by_language_then_name() {
    let d = dataset();
    assert_eq!(
        ids(&sorted(&d.frameworks, SortKey::Language, str::to_lowercase)),
        [
            "aspnet",      // C#
            "spring-boot", // Java
            "play",        // Java, Scala
            "express",     // JavaScript
            "nodejs",
            "cakephp", // PHP
            "laravel",
            "django", // Python
            "fastapi",
            "flask",
            "sanic",
            "rails", // Ruby
        ]
    );
}

#[test]
fn sort_by_year_puts_unknown_years_last_then_by_name() {
    let d = dataset();
    let got = sorted(&d.frameworks, SortKey::Year, str::to_lowercase);
    assert_eq!(
        ids(&got)[..3],
        ["rails", "nodejs", "fastapi"],
        "2004, 2009, 2018"
    );
    let years: Vec<Option<u16>> = got.iter().map(|f| f.first_release).collect();
    let first_unknown = years.iter().position(Option::is_none).unwrap();
    assert!(years[first_unknown..].iter().all(Option::is_none));
    assert!(years[..first_unknown].windows(2).all(|w| w[0] <= w[1]));
    let unknown_names: Vec<String> = got[first_unknown..]
        .iter()
        .map(|f| f.name.to_lowercase())
        .collect();
    let mut expected = unknown_names.clone();
    expected.sort();
    assert_eq!(unknown_names, expected);
}

#[test]
fn sorting_is_stable_and_total_on_synthetic_ties() {
    let d = dataset();
    let base = fw(&d.frameworks, "express").clone();
    let make = |id: &str, name: &str, year: Option<u16>| Framework {
        id: id.into(),
        name: name.into(),
        first_release: year,
        ..base.clone()
    };
    let fws = vec![
        make("b", "Same", None),
        make("a", "same", None),
        make("c", "Zed", Some(2000)),
        make("d", "Alpha", Some(2000)),
        make("e", "Mid", Some(1990)),
    ];
    // Equal names keep input order.
    assert_eq!(
        ids(&sorted(&fws, SortKey::Name, str::to_lowercase)),
        ["d", "e", "b", "a", "c"]
    );
    assert_eq!(
        ids(&sorted(&fws, SortKey::Year, str::to_lowercase)),
        ["e", "d", "c", "b", "a"]
    );
    assert!(sorted(&[], SortKey::Year, str::to_lowercase).is_empty());
}

#[test]
fn visible_applies_filters_and_sort() {
    let d = dataset();
    let q = FrameworksQuery {
        lang: Some("python".into()),
        sort: SortKey::Name,
        ..Default::default()
    };
    assert_eq!(
        ids(&visible(&d.frameworks, &q, str::to_lowercase)),
        ["django", "fastapi", "flask", "sanic"]
    );
    let q = FrameworksQuery {
        async_support: Some(AsyncSupport::Native),
        ..Default::default()
    };
    assert_eq!(
        ids(&visible(&d.frameworks, &q, str::to_lowercase)),
        ["fastapi", "sanic"]
    );
    // Flask: one source says "Not asynchronous", another "synchronous by default".
    let q = FrameworksQuery {
        async_support: Some(AsyncSupport::No),
        ..Default::default()
    };
    assert_eq!(
        ids(&visible(&d.frameworks, &q, str::to_lowercase)),
        Vec::<&str>::new()
    );
    let q = FrameworksQuery {
        async_support: Some(AsyncSupport::SourcesDiffer),
        ..Default::default()
    };
    assert_eq!(
        ids(&visible(&d.frameworks, &q, str::to_lowercase)),
        ["flask"]
    );
    let q = FrameworksQuery {
        lang: Some("python".into()),
        async_support: Some(AsyncSupport::Unknown),
        ..Default::default()
    };
    assert_eq!(
        ids(&visible(&d.frameworks, &q, str::to_lowercase)),
        ["django"]
    );
    let q = FrameworksQuery {
        lang: Some("ruby".into()),
        async_support: Some(AsyncSupport::Native),
        ..Default::default()
    };
    assert!(visible(&d.frameworks, &q, str::to_lowercase).is_empty());
    assert_eq!(
        visible(
            &d.frameworks,
            &FrameworksQuery::default(),
            str::to_lowercase
        )
        .len(),
        d.frameworks.len()
    );
}

// ---- comparison -----------------------------------------------------------------------------

#[test]
fn compared_keeps_url_order_and_skips_unknown_ids() {
    let d = dataset();
    let q = FrameworksQuery {
        compare: vec!["django".into(), "nope".into(), "fastapi".into()],
        ..Default::default()
    };
    assert_eq!(ids(&compared(&d.frameworks, &q)), ["django", "fastapi"]);
}

#[test]
fn compare_rows_fastapi_flask_django() {
    let d = dataset();
    let picked: Vec<&Framework> = ["fastapi", "flask", "django"]
        .iter()
        .map(|id| fw(&d.frameworks, id))
        .collect();
    let rows = compare_rows(&picked);
    let keys: Vec<&str> = rows.iter().map(|r| r.key).collect();
    assert_eq!(keys, ROW_KEYS);
    for row in &rows {
        assert_eq!(row.cells.len(), 3, "{}", row.key);
        assert!(!row.label.is_empty());
    }
    let row = |key: &str| rows.iter().find(|r| r.key == key).unwrap();

    // Same language: not highlighted; different sources do not make a difference.
    assert!(!row("language").differs);
    assert_eq!(row("language").cells[0].lines[0].text, "Python");
    assert_eq!(row("language").cells[0].sources(), ["fastapi-hiring-guide"]);
    assert_eq!(row("language").cells[2].sources(), ["upstaff-fastapi-2024"]);

    // Year: FastAPI 2018 (with its source), the others not stated.
    let year = row("year");
    assert!(year.differs);
    assert_eq!(year.cells[0].lines[0].text, "2018");
    assert_eq!(
        year.cells[0].lines[0].source.as_deref(),
        Some("upstaff-fastapi-2024")
    );
    for cell in &year.cells[1..] {
        assert!(!cell.stated);
        assert_eq!(cell.lines.len(), 1);
        assert_eq!(cell.lines[0].text, NOT_STATED);
        assert_eq!(cell.lines[0].source, None);
        assert!(cell.sources().is_empty());
    }

    let creator = row("creator");
    assert!(creator.differs);
    assert_eq!(creator.cells[0].lines[0].text, "Sebastián Ramírez");

    // Async: native, synchronous, not stated.
    let asy = row("async");
    assert!(asy.differs);
    assert_eq!(
        asy.cells[0].lines[0].text,
        async_label(AsyncSupport::Native)
    );
    assert_eq!(
        asy.cells[0].lines[1].text,
        "Async-first - Built for modern async Python patterns"
    );
    // Flask: the sources differ, and each claim follows the label with its own source.
    let flask: Vec<(&str, Option<&str>)> = asy.cells[1]
        .lines
        .iter()
        .map(|l| (l.text.as_str(), l.source.as_deref()))
        .collect();
    assert_eq!(
        flask,
        [
            (
                async_label(AsyncSupport::SourcesDiffer),
                Some("upstaff-fastapi-2024")
            ),
            (
                "Not asynchronous, which can lead to performance bottlenecks.",
                Some("upstaff-fastapi-2024")
            ),
            (
                "Minimal, flexible, but synchronous by default",
                Some("fastapi-hiring-guide")
            ),
        ]
    );
    assert!(!asy.cells[2].stated);

    // "Style": the summary claim.
    let kind = row("kind");
    assert!(kind.differs);
    assert_eq!(
        kind.cells[1].lines[0].text,
        fw(&d.frameworks, "flask").summary.text
    );

    // Pros list every claim with its source; FastAPI has no cons in the sources.
    let pros = row("pros");
    assert_eq!(pros.cells[0].lines.len(), 4);
    let cons = row("cons");
    assert!(cons.differs);
    assert!(!cons.cells[0].stated);
    assert_eq!(cons.cells[0].lines[0].text, NOT_STATED);
    assert_eq!(cons.cells[1].lines.len(), 3);

    let best = row("best_for");
    assert_eq!(
        best.cells[2].lines[0].text,
        "Building full-stack apps with admin panels, need Django's ecosystem"
    );
    let code = row("code");
    assert!(code.cells.iter().all(|c| c.stated));
    assert!(code.cells[0].lines[0]
        .text
        .contains("from fastapi import FastAPI"));
}

#[test]
fn every_stated_cell_line_has_a_source() {
    let d = dataset();
    let all: Vec<&Framework> = d.frameworks.iter().collect();
    for row in compare_rows(&all) {
        for (cell, f) in row.cells.iter().zip(&all) {
            assert!(!cell.lines.is_empty(), "{} {}", row.key, f.id);
            for line in &cell.lines {
                if cell.stated {
                    let source = line.source.as_deref().expect("stated line has a source");
                    assert!(
                        d.sources.iter().any(|s| s.id == source),
                        "{} {} cites unknown {source}",
                        row.key,
                        f.id
                    );
                } else {
                    assert_eq!(line.text, NOT_STATED);
                    assert_eq!(line.source, None);
                }
            }
        }
    }
}

#[test]
fn differs_flags_for_similar_frameworks() {
    let d = dataset();
    // FastAPI and Sanic: both async-first with differently worded notes: async not flagged.
    let pair = [fw(&d.frameworks, "fastapi"), fw(&d.frameworks, "sanic")];
    let rows = compare_rows(&pair);
    let row = |key: &str| rows.iter().find(|r| r.key == key).unwrap();
    assert!(!row("async").differs);
    assert!(!row("language").differs);
    assert!(row("year").differs);
    assert!(row("pros").differs);

    // Laravel and CakePHP: same language, same summary, nothing else stated.
    let pair = [fw(&d.frameworks, "laravel"), fw(&d.frameworks, "cakephp")];
    for row in compare_rows(&pair) {
        assert!(!row.differs, "{}", row.key);
    }

    // Express and Spring Boot: every missing fact is "not stated" on both sides (equal),
    // language and summary differ.
    let pair = [
        fw(&d.frameworks, "express"),
        fw(&d.frameworks, "spring-boot"),
    ];
    let differing: Vec<&str> = compare_rows(&pair)
        .iter()
        .filter(|r| r.differs)
        .map(|r| r.key)
        .collect();
    assert_eq!(differing, ["language", "kind"]);
}

#[test]
fn compare_rows_with_fewer_than_two_never_differ() {
    let d = dataset();
    for row in compare_rows(&[]) {
        assert!(row.cells.is_empty());
        assert!(!row.differs);
    }
    for row in compare_rows(&[fw(&d.frameworks, "fastapi")]) {
        assert_eq!(row.cells.len(), 1);
        assert!(!row.differs);
    }
    // The same framework twice: nothing differs.
    let same = [fw(&d.frameworks, "flask"), fw(&d.frameworks, "flask")];
    assert!(compare_rows(&same).iter().all(|r| !r.differs));
}

// ---- chooser --------------------------------------------------------------------------------

fn answers(list: &[(&str, &str)]) -> Answers {
    let mut a = Answers::default();
    for (q, o) in list {
        assert!(a.set(q, o), "{q}={o}");
    }
    a
}

#[test]
fn questions_are_well_formed() {
    let ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    assert_eq!(ids, ["q1", "q2", "q3", "q4"]);
    let topics: Vec<&str> = QUESTIONS.iter().map(|q| q.topic).collect();
    assert_eq!(topics, ["scope", "async", "docs", "flexibility"]);
    let options = |id: &str| -> Vec<&str> {
        question(id)
            .unwrap()
            .options
            .iter()
            .map(|(o, _)| *o)
            .collect()
    };
    assert_eq!(options("q1"), ["apis", "fullstack_admin"]);
    assert_eq!(options("q2"), ["yes", "no", "unsure"]);
    assert_eq!(options("q3"), ["yes", "no"]);
    assert_eq!(options("q4"), ["max", "conventions"]);
    for q in &QUESTIONS {
        assert!(!q.text.is_empty());
        for (id, label) in q.options {
            assert!(!label.is_empty());
            // URL-safe without encoding.
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{id}"
            );
        }
    }
    assert!(question("q5").is_none());
}

#[test]
fn answers_accept_only_known_ids() {
    let mut a = Answers::default();
    assert!(a.is_empty());
    assert!(a.set("q1", "APIS"));
    assert_eq!(a.get("q1"), Some("apis"));
    assert!(a.set("q1", "fullstack_admin"));
    assert_eq!(a.get("q1"), Some("fullstack_admin"));
    assert!(!a.set("q1", "yes"));
    assert!(!a.set("q9", "yes"));
    assert!(!a.set("q2", "<script>"));
    assert!(!a.set("q2", ""));
    assert_eq!(a.get("q2"), None);
    let a = a.with("q3", "yes").with("q2", "unsure").with("q2", "nope");
    let pairs: Vec<(&str, &str)> = a.iter().collect();
    assert_eq!(
        pairs,
        [("q1", "fullstack_admin"), ("q2", "unsure"), ("q3", "yes")]
    );
    let mut a = a;
    a.clear("q1");
    a.clear("q2");
    a.clear("q3");
    a.clear("nope");
    assert!(a.is_empty());
}

#[test]
fn every_scoring_rule_finds_its_claim_in_the_real_dataset() {
    let d = dataset();
    for rule in &SCORING_RULES {
        let q = question(rule.question).expect("rule names a question");
        assert!(
            q.options.iter().any(|(o, _)| *o == rule.option),
            "{}={} is not an option",
            rule.question,
            rule.option
        );
        assert_ne!(rule.points, 0);
        // Negative points only for cons, positive only for guidance and pros.
        assert_eq!(
            rule.points < 0,
            rule.list == ClaimList::Cons,
            "{}",
            rule.phrase
        );
        let found: Vec<&str> = d
            .frameworks
            .iter()
            .filter(|f| rule_claim(rule, f).is_some())
            .map(|f| f.id.as_str())
            .collect();
        assert!(
            !found.is_empty(),
            "rule {}={} {:?} phrase {:?} is in no claim",
            rule.question,
            rule.option,
            rule.list,
            rule.phrase
        );
    }
}

#[test]
fn rule_claims_are_where_the_table_says() {
    let d = dataset();
    let hit = |phrase: &str| -> Vec<&str> {
        let rule = SCORING_RULES.iter().find(|r| r.phrase == phrase).unwrap();
        d.frameworks
            .iter()
            .filter(|f| rule_claim(rule, f).is_some())
            .map(|f| f.id.as_str())
            .collect()
    };
    assert_eq!(hit("APIs only"), ["fastapi"]);
    assert_eq!(hit("simple APIs"), ["flask"]);
    assert_eq!(hit("admin panels"), ["django"]);
    assert_eq!(hit("async support"), ["fastapi"]);
    assert_eq!(hit("asynchronous request handling"), ["sanic"]);
    assert_eq!(hit("Not asynchronous"), ["flask"]);
    assert_eq!(hit("automatic docs"), ["fastapi"]);
    assert_eq!(hit("maximum flexibility"), ["flask"]);
    assert_eq!(hit("less flexible"), ["django"]);
    assert_eq!(hit("Batteries-included"), ["django"]);
}

#[test]
fn a_rule_whose_phrase_is_missing_contributes_nothing() {
    let d = dataset();
    // Strip every claim: no rule can match, so nothing is recommended.
    let bare: Vec<Framework> = d
        .frameworks
        .iter()
        .map(|f| Framework {
            pros: Vec::new(),
            cons: Vec::new(),
            use_when: Vec::new(),
            ..f.clone()
        })
        .collect();
    let all = answers(&[("q1", "apis"), ("q2", "yes"), ("q3", "yes"), ("q4", "max")]);
    assert_eq!(recommend(&all, &bare), None);
    assert_eq!(recommend(&all, &[]), None);
}

#[test]
fn apis_async_docs_recommends_fastapi_with_its_use_when_claims() {
    let d = dataset();
    let a = answers(&[("q1", "apis"), ("q2", "yes"), ("q3", "yes")]);
    let rec = recommend(&a, &d.frameworks).unwrap();
    assert_eq!(rec.framework_id, "fastapi");
    assert_eq!(rec.name, "FastAPI");
    let fastapi = fw(&d.frameworks, "fastapi");
    // Both "use when" claims are quoted, verbatim, with their source.
    for claim in &fastapi.use_when {
        assert!(rec.reasons.contains(claim), "missing {:?}", claim.text);
    }
    assert_eq!(
        rec.reasons[0],
        Claim {
            text: "Building APIs only, need high performance, want automatic docs".into(),
            source: "fastapi-hiring-guide".into(),
        }
    );
    // Reasons are unique.
    for (i, r) in rec.reasons.iter().enumerate() {
        assert!(!rec.reasons[i + 1..].contains(r));
    }
    assert!(rec.cautions.is_empty());
    assert_eq!(rec.score, 3 + 1 + 3 + 3 + 2);
    assert_eq!(rec.runner_up.as_ref().unwrap().framework_id, "sanic");
    assert_eq!(rec.ranking[0].framework_id, "fastapi");
    assert_eq!(rec.ranking[0].score, rec.score);
}

#[test]
fn fullstack_with_admin_recommends_django() {
    let d = dataset();
    let rec = recommend(&answers(&[("q1", "fullstack_admin")]), &d.frameworks).unwrap();
    assert_eq!(rec.framework_id, "django");
    assert_eq!(
        rec.reasons,
        [
            Claim {
                text: "Building full-stack apps with admin panels, need Django's ecosystem".into(),
                source: "fastapi-hiring-guide".into(),
            },
            Claim {
                text: "Great for admin interfaces and data-driven apps.".into(),
                source: "upstaff-fastapi-2024".into(),
            },
        ]
    );
    assert_eq!(rec.runner_up, None);
    // With "batteries included" too it is still Django, with one more reason.
    let rec = recommend(
        &answers(&[("q1", "fullstack_admin"), ("q4", "conventions")]),
        &d.frameworks,
    )
    .unwrap();
    assert_eq!(rec.framework_id, "django");
    assert_eq!(rec.reasons.len(), 3);
}

#[test]
fn maximum_flexibility_recommends_flask() {
    let d = dataset();
    let rec = recommend(&answers(&[("q4", "max")]), &d.frameworks).unwrap();
    assert_eq!(rec.framework_id, "flask");
    assert_eq!(
        rec.reasons[0].text,
        "Need maximum flexibility, building simple APIs, team prefers Flask"
    );
    assert_eq!(rec.reasons[1].text, "Highly flexible and lightweight.");
    // Django's "less flexible" con counts against it and is listed in the ranking.
    let django = rec
        .ranking
        .iter()
        .find(|c| c.framework_id == "django")
        .unwrap();
    assert_eq!(django.score, -2);
    assert_eq!(
        django.cautions()[0].text,
        "Monolithic and less flexible for microservices."
    );
    assert!(django.reasons().is_empty());
    assert_eq!(
        rec.runner_up, None,
        "no other framework has a positive score"
    );
}

#[test]
fn flexibility_plus_async_shows_flasks_caution() {
    let d = dataset();
    // APIs + max flexibility, async not needed: Flask.
    let rec = recommend(
        &answers(&[("q1", "apis"), ("q2", "no"), ("q4", "max")]),
        &d.frameworks,
    )
    .unwrap();
    assert_eq!(rec.framework_id, "flask");
    assert!(rec.cautions.is_empty());
    // Same but needing async: FastAPI; Flask loses 2 for "Not asynchronous".
    let rec = recommend(
        &answers(&[("q1", "apis"), ("q2", "yes"), ("q4", "max")]),
        &d.frameworks,
    )
    .unwrap();
    assert_eq!(rec.framework_id, "fastapi");
    let flask = rec
        .ranking
        .iter()
        .find(|c| c.framework_id == "flask")
        .unwrap();
    // simple APIs +2, Not asynchronous -2, maximum flexibility +3, Highly flexible +1.
    assert_eq!(flask.score, 4);
    assert_eq!(
        flask.cautions()[0].text,
        "Not asynchronous, which can lead to performance bottlenecks."
    );
}

#[test]
fn answers_without_guidance_recommend_nothing() {
    let d = dataset();
    assert_eq!(recommend(&Answers::default(), &d.frameworks), None);
    assert_eq!(
        recommend(&answers(&[("q2", "no"), ("q3", "no")]), &d.frameworks),
        None
    );
    assert_eq!(
        recommend(&answers(&[("q2", "unsure")]), &d.frameworks),
        None
    );
}

#[test]
fn every_reason_in_every_answer_combination_is_a_dataset_claim() {
    let d = dataset();
    let claims = all_claims(d);
    let mut combos = vec![Answers::default()];
    for q in &QUESTIONS {
        let mut next = Vec::new();
        for a in &combos {
            next.push(a.clone());
            for (option, _) in q.options {
                next.push(a.clone().with(q.id, option));
            }
        }
        combos = next;
    }
    assert_eq!(combos.len(), 3 * 4 * 3 * 3);
    let mut recommended = std::collections::BTreeSet::new();
    for a in &combos {
        let Some(rec) = recommend(a, &d.frameworks) else {
            continue;
        };
        assert!(rec.score > 0);
        assert!(!rec.reasons.is_empty(), "{a:?}");
        let winner = fw(&d.frameworks, &rec.framework_id);
        for claim in rec.reasons.iter().chain(&rec.cautions) {
            assert!(
                claims.contains(&claim),
                "{a:?}: {:?} is not verbatim",
                claim.text
            );
            // And it is the winner's own claim.
            assert!(
                winner.use_when.contains(claim)
                    || winner.pros.contains(claim)
                    || winner.cons.contains(claim),
                "{a:?}: {:?} is not {}'s",
                claim.text,
                winner.id
            );
        }
        for c in &rec.ranking {
            assert_eq!(c.score, c.hits.iter().map(|h| h.rule.points).sum::<i32>());
            for hit in &c.hits {
                assert_eq!(a.get(hit.rule.question), Some(hit.rule.option));
                assert!(hit
                    .claim
                    .text
                    .to_lowercase()
                    .contains(&hit.rule.phrase.to_lowercase()));
            }
        }
        assert!(rec.ranking.windows(2).all(|w| w[0].score >= w[1].score));
        if let Some(r) = &rec.runner_up {
            assert!(r.score > 0 && r.score <= rec.score);
            assert_ne!(r.framework_id, rec.framework_id);
        }
        recommended.insert(rec.framework_id.clone());
    }
    // Sanic only ever ties FastAPI on async (3 points each); ties go to FastAPI, listed first.
    let recommended: Vec<String> = recommended.into_iter().collect();
    assert_eq!(recommended, ["django", "fastapi", "flask"]);
    let rec = recommend(&Answers::default().with("q2", "yes"), &d.frameworks).unwrap();
    assert_eq!(rec.framework_id, "fastapi");
    assert_eq!(rec.runner_up.unwrap().framework_id, "sanic");
}

#[test]
fn ties_go_to_the_framework_listed_first() {
    let d = dataset();
    let mut fws = vec![
        fw(&d.frameworks, "flask").clone(),
        fw(&d.frameworks, "flask").clone(),
    ];
    fws[1].id = "flask-copy".into();
    let rec = recommend(&answers(&[("q4", "max")]), &fws).unwrap();
    assert_eq!(rec.framework_id, "flask");
    assert_eq!(rec.runner_up.unwrap().framework_id, "flask-copy");
    fws.reverse();
    let rec = recommend(&answers(&[("q4", "max")]), &fws).unwrap();
    assert_eq!(rec.framework_id, "flask-copy");
}

// ---- timeline -------------------------------------------------------------------------------

#[test]
fn timeline_of_frameworks_and_languages() {
    let d = dataset();
    let entries = timeline(&d.frameworks, &d.technologies, str::to_lowercase);
    let got: Vec<(&str, u16, TimelineKind)> = entries
        .iter()
        .map(|e| (e.id.as_str(), e.year, e.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("python", 1991, TimelineKind::Technology),
            ("java", 1995, TimelineKind::Technology),
            ("dotnet", 2002, TimelineKind::Technology),
            ("rails", 2004, TimelineKind::Framework),
            ("nodejs", 2009, TimelineKind::Runtime),
            ("fastapi", 2018, TimelineKind::Framework),
        ]
    );
    for e in &entries {
        assert!(d.sources.iter().any(|s| s.id == e.source), "{}", e.id);
    }
    assert_eq!(entries[0].creator.as_deref(), Some("Guido van Rossum"));
    assert!(timeline(&[], &[], str::to_lowercase).is_empty());
}

#[test]
fn timeline_uses_a_technology_year_when_the_framework_has_none() {
    let d = dataset();
    let fws: Vec<Framework> = d
        .frameworks
        .iter()
        .map(|f| Framework {
            first_release: None,
            ..f.clone()
        })
        .collect();
    let entries = timeline(&fws, &d.technologies, str::to_lowercase);
    assert_eq!(entries.len(), d.technologies.len());
    assert!(entries.iter().all(|e| e.kind == TimelineKind::Technology));
}
