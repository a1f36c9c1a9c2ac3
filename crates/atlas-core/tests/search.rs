#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of site-wide search against the real dataset: normalisation, what the index
//! holds and where each entry points, ranking of typical queries, hostile input and speed.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use std::time::Instant;

use proptest::prelude::*;
use proptest::sample::select;

use atlas_core::search::{normalize, Entry, Index, Kind, PAGES};

fn index() -> Index {
    Index::build(common::dataset())
}

fn titles(results: &[&Entry]) -> Vec<String> {
    results
        .iter()
        .map(|e| format!("{:?}: {}", e.kind, e.title))
        .collect()
}

#[test]
fn normalize_cases() {
    let cases = [
        // accents and ligatures
        ("Sebastián Ramírez", "sebastian ramirez"),
        ("Ñandú über Straße", "nandu uber strasse"),
        ("Œuvre Ærø Þór Łódź", "oeuvre aero thor lodz"),
        ("Crème brûlée, façade, naïve", "creme brulee facade naive"),
        ("Tiếng Việt", "tieng viet"),
        // decomposed accents fold like precomposed ones
        ("Se\u{301}bastia\u{301}n", "sebastian"),
        // case
        ("FastAPI", "fastapi"),
        ("ÉCOLE", "ecole"),
        // punctuation becomes a word break
        ("Node.js", "node js"),
        (
            "OAuth2/JWT for Authentication",
            "oauth2 jwt for authentication",
        ),
        ("async/await", "async await"),
        ("C#", "c"),
        ("Express.js — “fast”, ‘minimal’!", "express js fast minimal"),
        ("$130,000+", "130 000"),
        // whitespace collapsed and trimmed
        ("  type \t\n hints  ", "type hints"),
        ("\u{a0}non\u{2003}breaking\u{3000}", "non breaking"),
        // other scripts: lowercased only
        ("Привет, МИР", "привет мир"),
        ("東京 タワー", "東京 タワー"),
        ("Ελληνικά", "ελληνικά"),
        ("हिन्दी", "हिन्दी"),
        // nothing left
        ("", ""),
        ("   ", ""),
        ("<>!?…", ""),
        ("🚀🔥 rocket 👍🏽", "rocket"),
    ];
    for (input, expected) in cases {
        assert_eq!(normalize(input), expected, "normalize({input:?})");
    }
}

#[test]
fn normalize_is_idempotent() {
    for s in [
        "Sebastián Ramírez",
        "Node.js",
        "  A  b ",
        "Привет, МИР",
        "Straße",
    ] {
        let once = normalize(s);
        assert_eq!(normalize(&once), once);
    }
}

#[test]
fn index_holds_every_record_and_page() {
    let d = common::dataset();
    let index = Index::build(d);
    assert!(!index.is_empty());
    assert_eq!(index.len(), index.entries().len());
    let has = |kind: Kind, anchor: &str| {
        index
            .entries()
            .iter()
            .any(|e| e.kind == kind && e.anchor == anchor)
    };
    for f in &d.frameworks {
        assert!(
            has(Kind::Framework, &format!("framework-{}", f.id)),
            "{}",
            f.id
        );
    }
    for stage in &d.roadmap.stages {
        assert!(has(Kind::Stage, &format!("stage-{}", stage.number)));
        for item in &stage.items {
            assert!(
                has(Kind::RoadmapItem, &format!("item-{}", item.id)),
                "{}",
                item.id
            );
        }
    }
    for q in &d.hiring.questions {
        assert!(
            has(Kind::Question, &format!("question-{}", q.id)),
            "{}",
            q.id
        );
    }
    for t in &d.hiring.terms {
        assert!(has(Kind::Term, &format!("term-{}", t.id)), "{}", t.id);
    }
    for t in &d.fastapi.top_related {
        assert!(has(Kind::Technology, &format!("tech-{}", t.id)), "{}", t.id);
    }
    for s in &d.sources {
        assert!(has(Kind::Source, &format!("source-{}", s.id)), "{}", s.id);
    }
    let mistakes = index
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Mistake)
        .count();
    assert_eq!(mistakes, d.hiring.mistakes.len());
    let pages: Vec<(&str, &str)> = index
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Page)
        .map(|e| (e.path, e.title.as_str()))
        .collect();
    assert_eq!(
        pages,
        [
            ("/", "Overview"),
            ("/salaries", "Salaries"),
            ("/locations", "Locations"),
            ("/frameworks", "Frameworks"),
            ("/roadmap", "Roadmap"),
            ("/offers", "Compare job offers"),
            ("/hiring", "Hiring"),
            ("/sources", "Sources"),
        ]
    );
    // Entries are worth showing: a title and a short line of context.
    for e in index.entries() {
        assert!(!e.title.trim().is_empty(), "{e:?}");
        assert!(!e.detail.trim().is_empty(), "{e:?}");
        assert!(e.detail.chars().count() <= 90, "{e:?}");
    }
}

#[test]
fn skills_point_at_their_first_roadmap_item_or_the_top_ten_or_are_left_out() {
    let d = common::dataset();
    let index = Index::build(d);
    for skill in &d.skills {
        let first_item = d
            .roadmap
            .stages
            .iter()
            .flat_map(|s| &s.items)
            .find(|item| item.related.contains(&skill.id));
        let entry = index.entries().iter().find(|e| {
            e.kind == Kind::Skill && e.title == skill.name && {
                match first_item {
                    Some(item) => e.anchor == format!("item-{}", item.id),
                    None => e.anchor == format!("tech-{}", skill.id),
                }
            }
        });
        let in_top_ten = d.fastapi.top_related.iter().any(|t| t.id == skill.id);
        match (first_item, in_top_ten) {
            (Some(item), _) => {
                let entry = entry.unwrap_or_else(|| panic!("skill {} missing", skill.id));
                assert_eq!(entry.path, "/roadmap");
                assert_eq!(
                    entry.query.as_deref(),
                    Some(format!("item={}", item.id).as_str())
                );
            }
            (None, true) => {
                let entry = entry.unwrap_or_else(|| panic!("skill {} missing", skill.id));
                assert_eq!(entry.path, "/frameworks");
                assert_eq!(entry.query, None);
            }
            (None, false) => assert!(entry.is_none(), "skill {} has nowhere to go", skill.id),
        }
    }
    let python = index
        .entries()
        .iter()
        .find(|e| e.kind == Kind::Skill && e.title == "Python")
        .unwrap();
    assert_eq!(python.anchor, "item-foundation-language");
    // No page section shows PHP: it is left out rather than pointing nowhere.
    assert!(!index
        .entries()
        .iter()
        .any(|e| e.kind == Kind::Skill && e.title == "PHP"));
}

#[test]
fn technologies_point_at_their_framework_card_or_the_timeline() {
    let d = common::dataset();
    let index = Index::build(d);
    let python = index
        .entries()
        .iter()
        .find(|e| {
            e.kind == Kind::Technology && e.anchor == "timeline-heading" && e.title == "Python"
        })
        .expect("Python on the timeline");
    assert!(python.detail.contains("Guido van Rossum"), "{python:?}");
    for t in &d.technologies {
        let on_card = d.frameworks.iter().any(|f| f.id == t.id);
        let anchor = if on_card {
            format!("framework-{}", t.id)
        } else {
            "timeline-heading".to_owned()
        };
        assert!(
            index.entries().iter().any(|e| e.anchor == anchor),
            "{} -> {anchor}",
            t.id
        );
    }
    // The "FastAPI" technology would repeat the framework card exactly: it is kept once.
    let fastapi_cards = index
        .entries()
        .iter()
        .filter(|e| e.anchor == "framework-fastapi")
        .count();
    assert_eq!(fastapi_cards, 1);
}

#[test]
fn anchors_follow_the_documented_patterns() {
    let d = common::dataset();
    let index = Index::build(d);
    let routes: Vec<&str> = PAGES.iter().map(|(path, _)| *path).collect();
    let framework = |id: &str| d.frameworks.iter().any(|f| f.id == id);
    let top_ten = |id: &str| d.fastapi.top_related.iter().any(|t| t.id == id);
    let item = |id: &str| {
        d.roadmap
            .stages
            .iter()
            .flat_map(|s| &s.items)
            .any(|i| i.id == id)
    };
    let stage = |n: &str| d.roadmap.stages.iter().any(|s| s.number.to_string() == n);
    for e in index.entries() {
        assert!(routes.contains(&e.path), "{e:?}");
        let a = e.anchor.as_str();
        let ok = match (e.kind, e.path) {
            (Kind::Page, _) => a == "main" && e.query.is_none(),
            (Kind::Framework, "/frameworks") => {
                a.strip_prefix("framework-").is_some_and(framework) && e.query.is_none()
            }
            (Kind::Technology, "/frameworks") => {
                (a == "timeline-heading"
                    || a.strip_prefix("framework-").is_some_and(framework)
                    || a.strip_prefix("tech-").is_some_and(top_ten))
                    && e.query.is_none()
            }
            (Kind::Skill, "/frameworks") => {
                a.strip_prefix("tech-").is_some_and(top_ten) && e.query.is_none()
            }
            (Kind::RoadmapItem | Kind::Skill, "/roadmap") => a
                .strip_prefix("item-")
                .is_some_and(|id| item(id) && e.query == Some(format!("item={id}"))),
            (Kind::Stage, "/roadmap") => a
                .strip_prefix("stage-")
                .is_some_and(|n| stage(n) && e.query == Some(format!("stage={n}"))),
            (Kind::Question, "/hiring") => a
                .strip_prefix("question-")
                .is_some_and(|id| d.hiring.questions.iter().any(|q| q.id == id)),
            (Kind::Term, "/hiring") => a
                .strip_prefix("term-")
                .is_some_and(|id| d.hiring.terms.iter().any(|t| t.id == id)),
            (Kind::Mistake, "/hiring") => a == "kit-heading",
            // A page's section: its heading; a level's salaries: the seniority chart, filtered.
            (Kind::Section, _) => {
                a.ends_with("-heading")
                    && e.query.as_deref().is_none_or(|q| {
                        e.path == "/salaries"
                            && q.strip_prefix("levels=")
                                .is_some_and(|id| atlas_core::data::Level::from_id(id).is_some())
                    })
            }
            (Kind::Source, "/sources") => a
                .strip_prefix("source-")
                .is_some_and(|id| d.sources.iter().any(|s| s.id == id)),
            _ => false,
        };
        assert!(ok, "unexpected target {e:?}");
    }
}

#[test]
fn location_joins_path_query_and_anchor() {
    let index = index();
    let auth = index
        .entries()
        .iter()
        .find(|e| e.anchor == "item-intermediate-auth")
        .unwrap();
    assert_eq!(
        auth.location(),
        "/roadmap?item=intermediate-auth#item-intermediate-auth"
    );
    let card = index
        .entries()
        .iter()
        .find(|e| e.anchor == "framework-django")
        .unwrap();
    assert_eq!(card.location(), "/frameworks#framework-django");
}

#[test]
fn kind_labels_and_ranks_are_distinct() {
    let mut labels: Vec<&str> = Kind::ALL.iter().map(|k| k.label()).collect();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(labels.len(), Kind::ALL.len());
    let ranks: Vec<u8> = Kind::ALL.iter().map(|k| k.rank()).collect();
    assert_eq!(ranks, (0..13).collect::<Vec<u8>>());
    assert_eq!(Kind::RoadmapItem.label(), "Roadmap item");
}

#[test]
fn fast_ranks_fastapi_first() {
    let index = index();
    let results = index.search("fast", 10);
    let first = results[0];
    assert_eq!(
        (first.kind, first.title.as_str()),
        (Kind::Framework, "FastAPI"),
        "{:?}",
        titles(&results)
    );
    assert_eq!(first.anchor, "framework-fastapi");
    assert_eq!(index.search("FastAPI", 1)[0].anchor, "framework-fastapi");
    assert_eq!(index.search("  fastapi ", 1)[0].anchor, "framework-fastapi");
}

#[test]
fn django_finds_the_django_card_first() {
    let index = index();
    let results = index.search("django", 10);
    assert_eq!(
        results[0].anchor,
        "framework-django",
        "{:?}",
        titles(&results)
    );
    // The hiring mistake about Django comes too, further down.
    assert!(results.iter().any(|e| e.kind == Kind::Mistake));
}

#[test]
fn creator_names_match_without_accents() {
    let index = index();
    for query in ["sebastian", "Sebastián", "SEBASTIAN RAMIREZ", "ramírez"] {
        let results = index.search(query, 5);
        assert_eq!(
            results.first().map(|e| e.anchor.as_str()),
            Some("framework-fastapi"),
            "{query}: {:?}",
            titles(&results)
        );
    }
}

#[test]
fn auth_finds_the_authentication_roadmap_item() {
    let index = index();
    let results = index.search("auth", 20);
    let item = results
        .iter()
        .find(|e| e.kind == Kind::RoadmapItem)
        .unwrap_or_else(|| panic!("{:?}", titles(&results)));
    assert_eq!(item.title, "Implement authentication and authorization");
    assert_eq!(item.path, "/roadmap");
    assert_eq!(item.anchor, "item-intermediate-auth");
    assert_eq!(item.query.as_deref(), Some("item=intermediate-auth"));
}

#[test]
fn pydantic_finds_the_term_and_the_top_ten_entry() {
    let index = index();
    let results = index.search("pydantic", 10);
    assert_eq!(results[0].anchor, "term-pydantic", "{:?}", titles(&results));
    assert!(results.iter().any(|e| e.anchor == "tech-pydantic"));
}

#[test]
fn every_query_word_must_match() {
    let index = index();
    let results = index.search("type hints", 50);
    assert!(!results.is_empty());
    assert!(results.iter().any(|e| e.anchor == "term-pydantic"));
    // Each result has both words (as word prefixes) somewhere in what it is found by.
    for entry in &results {
        let words = index.words_of(entry).expect("an entry of this index");
        for query_word in ["type", "hints"] {
            assert!(
                words.iter().any(|w| w.starts_with(query_word)),
                "{:?} has no word starting with {query_word:?}: {words:?}",
                entry.title
            );
        }
    }
    // "type" alone finds more than "type hints".
    let type_only = index.search("type", 50);
    assert!(type_only.len() >= results.len());
    assert!(index.search("type zzzzqqq", 50).is_empty());
    // Word order does not matter, prefixes do.
    assert_eq!(
        titles(&index.search("hints type", 50)),
        titles(&index.search("type hints", 50))
    );
    assert!(index
        .search("hin typ", 50)
        .iter()
        .any(|e| e.anchor == "term-pydantic"));
    // Words are prefixes of words, not substrings inside them.
    assert!(!index
        .search("astapi", 50)
        .iter()
        .any(|e| e.anchor == "framework-fastapi"));
}

#[test]
fn ranking_tiers_then_kind_then_title() {
    let index = index();
    // Exact title beats a title prefix: "Java" skill/technology before "JavaScript".
    let java = index.search("java", 20);
    let first_js = java.iter().position(|e| e.title == "JavaScript").unwrap();
    let last_java = java.iter().rposition(|e| e.title == "Java").unwrap();
    assert!(last_java < first_js, "{:?}", titles(&java));
    // Same tier: kinds in order (the Docker skill before the Docker top-ten entry), and both
    // exact titles before the roadmap item that only has the word in its title.
    let docker = index.search("docker", 20);
    let exact: Vec<&&Entry> = docker.iter().filter(|e| e.title == "Docker").collect();
    assert!(exact.len() >= 2, "{:?}", titles(&docker));
    assert_eq!(exact[0].kind, Kind::Skill);
    assert_eq!(exact[1].kind, Kind::Technology);
    assert_eq!(docker[0].title, "Docker");
    assert_eq!(docker[1].title, "Docker");
    // Punctuation typed or not: "nodejs" and "node.js" both find the Node.js card first.
    for q in ["nodejs", "node.js", "Node JS"] {
        assert_eq!(index.search(q, 1)[0].anchor, "framework-nodejs", "{q}");
    }
    // Pages come first when their title matches exactly.
    assert_eq!(index.search("roadmap", 1)[0].kind, Kind::Page);
    assert_eq!(index.search("hiring", 1)[0].path, "/hiring");
}

#[test]
fn limit_is_respected() {
    let index = index();
    assert!(index.search("a", 3).len() <= 3);
    assert!(index.search("fast", 0).is_empty());
    let all = index.search("e", usize::MAX);
    assert!(all.len() <= index.len());
    assert_eq!(&index.search("e", 5)[..], &all[..all.len().min(5)]);
}

#[test]
fn empty_and_whitespace_queries_find_nothing() {
    let index = index();
    for q in ["", " ", "\t\n", "\u{a0}\u{3000}", "...", "!!! ???"] {
        assert!(index.search(q, 10).is_empty(), "{q:?}");
    }
}

#[test]
fn hostile_input_never_panics() {
    let index = index();
    let long_word = "a".repeat(10_240);
    let long_words = "fast api ".repeat(1_200);
    let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'; DROP TABLE frameworks; --",
        long_word.as_str(),
        long_words.as_str(),
        "🚀🔥👍🏽👨‍👩‍👧",
        "\u{0}\u{1}\u{7f}\u{200b}\u{feff}\u{fffd}",
        "e\u{301}\u{301}\u{301}",
        "\u{10ffff}\u{e000}",
        "%00%2F..%2F",
    ];
    for q in hostile {
        let results = index.search(q, 20);
        assert!(results.len() <= 20);
    }
}

proptest! {
    #![proptest_config(common::proptest_config(500))]

    /// Random strings from a mixed alphabet, including multi-byte and combining characters,
    /// normalise to single-spaced trimmed text and never panic the search.
    #[test]
    fn random_input_never_panics(
        q in prop::collection::vec(
            select("aZé ñ.ß-_/<>\"'İ東ж🚀\u{301}\u{a0}\t0".chars().collect::<Vec<char>>()),
            0..40,
        )
        .prop_map(String::from_iter)
    ) {
        let n = normalize(&q);
        prop_assert_eq!(n.trim(), n.as_str(), "{:?}", q);
        prop_assert!(!n.contains("  "), "{:?} -> {:?}", q, n);
        let _ = shared_index().search(&q, 10);
    }
}

/// One index for the property's 500 cases.
fn shared_index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(index)
}

/// Prints search timing; speed belongs in the benchmark, so this asserts nothing about time.
/// `cargo test --release --test search -- --ignored --nocapture search_timing`
#[test]
#[ignore]
fn search_timing() {
    let index = index();
    let queries = [
        "fast",
        "django",
        "sebastian",
        "auth",
        "type hints",
        "e",
        "a",
        "zzz",
        "python framework",
    ];
    let rounds = 200;
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for q in queries {
            found += index.search(q, 20).len();
        }
    }
    let per_query = start.elapsed() / (rounds * queries.len() as u32);
    assert!(found > 0);
    println!(
        "{} entries; {per_query:?} per query (average of {} searches)",
        index.len(),
        rounds * queries.len() as u32
    );

    let build = Instant::now();
    let _ = self::index();
    println!("build (with dataset parse): {:?}", build.elapsed());
}

/// What readers type, and where each must land: the first result's page and heading (or an
/// anchor that starts with the given text). At least 30 queries (issue 25, point 8).
#[test]
fn what_readers_type_lands_on_a_relevant_place() {
    let index = index();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("payscale", &[("/salaries", "averages-heading")]),
        (
            "median",
            &[
                ("/salaries", "offers-heading"),
                ("/locations", "map-heading"),
            ],
        ),
        ("principal", &[("/salaries", "ranges-heading")]),
        ("hello world", &[("/frameworks", "framework-")]),
        ("time to hire", &[("/hiring", "snapshot-heading")]),
        ("hiring difficulty", &[("/hiring", "snapshot-heading")]),
        ("fastapi", &[("/frameworks", "framework-fastapi")]),
        ("django", &[("/frameworks", "framework-django")]),
        ("flask", &[("/frameworks", "framework-flask")]),
        ("express", &[("/frameworks", "framework-express")]),
        ("spring boot", &[("/frameworks", "framework-spring-boot")]),
        ("junior", &[("/salaries", "ranges-heading")]),
        ("senior salaries", &[("/salaries", "ranges-heading")]),
        ("oauth", &[("/roadmap", "item-")]),
        ("docker", &[("/roadmap", "item-"), ("/frameworks", "tech-")]),
        ("interview", &[("/hiring", "kit-heading")]),
        ("resume", &[("/hiring", "resume-heading")]),
        ("export progress", &[("/roadmap", "transfer-heading")]),
        ("roadmap", &[("/roadmap", "main")]),
        ("salaries", &[("/salaries", "main")]),
        (
            "map",
            &[("/locations", "map-heading"), ("/locations", "main")],
        ),
        (
            "bls",
            &[
                ("/locations", "map-heading"),
                ("/locations", "main"),
                ("/sources", "source-bls"),
            ],
        ),
        (
            "metro",
            &[("/locations", "areas-heading"), ("/locations", "main")],
        ),
        (
            "which framework should i choose",
            &[("/frameworks", "chooser-heading")],
        ),
        (
            "pydantic",
            &[
                ("/frameworks", "tech-"),
                ("/roadmap", "item-"),
                ("/hiring", "term-pydantic"),
            ],
        ),
        ("upstaff", &[("/sources", "source-upstaff")]),
        ("years of experience", &[("/salaries", "years-heading")]),
        ("weighted median", &[("/salaries", "offers-heading")]),
        ("histogram", &[("/salaries", "offers-heading")]),
        ("release year", &[("/frameworks", "timeline-heading")]),
        ("consensus", &[("/salaries", "ranges-heading")]),
        ("green flags", &[("/hiring", "resume-heading")]),
        ("glossary", &[("/hiring", "terms-heading")]),
        ("job post pay range", &[("/locations", "compare-heading")]),
        ("front-end", &[("/salaries", "averages-heading")]),
        ("compare offers", &[("/offers", "main")]),
        (
            "sign-on bonus",
            &[("/offers", "main"), ("/offers", "totals-heading")],
        ),
        ("vesting cliff", &[("/offers", "totals-heading")]),
    ];
    assert!(cases.len() >= 30);
    let mut misses = Vec::new();
    for (query, places) in cases {
        let first = index.search(query, 1);
        let landed = first.first().is_some_and(|e| {
            places
                .iter()
                .any(|(path, anchor)| e.path == *path && e.anchor.starts_with(anchor))
        });
        if !landed {
            misses.push(format!(
                "{query:?} -> {:?}",
                first
                    .first()
                    .map(|e| (e.path, e.anchor.clone(), e.title.clone()))
            ));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn the_readers_notes_are_found_and_land_on_their_item() {
    let d = common::dataset();
    let item = &d.roadmap.stages[1].items[2];
    let mut index = Index::build(d);
    let before = index.len();
    index.add_notes(
        d,
        [
            (
                item.id.as_str(),
                "Try the Zanzibar paper\nhttps://example.org/zanzibar",
            ),
            ("not-a-roadmap-item", "zanzibar elsewhere"),
        ],
    );
    // One entry: the note of an item the roadmap does not have is left out.
    assert_eq!(index.len(), before + 1);
    let results = index.search("zanzib", 8);
    assert_eq!(results.len(), 1, "{:?}", titles(&results));
    let note = results[0];
    assert_eq!(note.kind, Kind::Note);
    assert_eq!(note.title, format!("Your note on “{}”", item.text));
    assert_eq!(
        note.detail,
        "Try the Zanzibar paper https://example.org/zanzibar"
    );
    assert_eq!(
        note.location(),
        format!("/roadmap?item={0}#item-{0}", item.id)
    );
    // Words of the item find the item first, then the note on it.
    let by_item = index.search(&item.text, 8);
    let kinds: Vec<Kind> = by_item.iter().map(|e| e.kind).collect();
    assert_eq!(
        &kinds[..2],
        &[Kind::RoadmapItem, Kind::Note],
        "{:?}",
        titles(&by_item)
    );
}
