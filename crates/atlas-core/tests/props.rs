#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Property tests (proptest) of every parser that reads outside input: the four pages' URL
//! state, the offers CSV, the roadmap progress code / stored value / export file, the hiring kit
//! code and the dataset itself.
//!
//! Two kinds of property:
//! - **no panic** on any input: arbitrary strings (unicode, control characters), and strings
//!   built from hostile pieces (script tags, huge and non-finite numbers, `%` escapes good and
//!   bad, repeated keys, 10 KB values, every parameter name of every page);
//! - **round trips** of valid states, per each module's documented contract:
//!   `parse(q.to_query()) == q.normalized()` (salaries, frameworks, hiring), `== q` with no
//!   notices (roadmap), `decode(encode(x)) == x` (progress, kit), and the storage / export
//!   formats read back what they wrote.
//!
//! Case counts are modest (see [`CASES`]) so the suite stays quick on two cores; a failure
//! prints its minimal input.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use proptest::prelude::*;
use proptest::test_runner::Config;

use atlas_core::data::{self, Dataset, Level, Period};
use atlas_core::frameworks::{languages, Answers, SortKey, ASYNC_ALL, QUESTIONS};
use atlas_core::import::{parse_offers, parse_offers_text};
use atlas_core::kit::{self, Kit, KitItem};
use atlas_core::plan::{Hours, Plan};
use atlas_core::progress::{self, ItemState, Progress};
use atlas_core::query::frameworks::{FrameworksQuery, MAX_COMPARE};
use atlas_core::query::hiring::HiringQuery;
use atlas_core::query::roadmap::RoadmapQuery;
use atlas_core::query::SalariesQuery;

/// Cases per property (proptest's default is 256 too; named so it is easy to turn down).
const CASES: u32 = 256;

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures are reported with their minimal input; do not write regression files
        // into the repository.
        failure_persistence: None,
        ..Config::default()
    }
}

fn ds() -> &'static Dataset {
    common::dataset()
}

const ATLAS_JSON: &str = include_str!("../../../public/data/atlas.json");

fn source_ids() -> Vec<&'static str> {
    ds().sources.iter().map(|s| s.id.as_str()).collect()
}

/// The states a stored value holds (its plan left out).
fn load_states(stored: &str) -> Progress {
    progress::load_stored_plan(Some(stored), &ds().roadmap).progress
}

fn roadmap_item_ids() -> Vec<String> {
    ds().roadmap
        .stages
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.id.clone()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Hostile input

/// Every parameter name any page reads, plus look-alikes.
const NAMES: &[&str] = &[
    "levels",
    "sources",
    "period",
    "salary",
    "compare",
    "lang",
    "async",
    "sort",
    "q1",
    "q2",
    "q3",
    "q4",
    "progress",
    "stage",
    "item",
    "usecase",
    "level",
    "kit",
    "LEVELS",
    "Salary",
    "utm_source",
    "",
    "%",
    "%ZZ",
    "lev%65ls",
    "q5",
    "q0",
    "<script>",
];

/// Values that have hurt parsers somewhere: markup, numbers at the edges, escapes, unicode.
const VALUES: &[&str] = &[
    "",
    " ",
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "1e999",
    "-1e999",
    "1e308",
    "-0",
    "0",
    "-1",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "0.000000000000000000001",
    "4500.005",
    "99999999.995",
    "100000000",
    "100000000.01",
    "0x10",
    "1_000",
    "%",
    "%Z",
    "%ZZ",
    "%00",
    "%C3",
    "%C3%A9",
    "%FF%FE",
    "%E2%80%AE",
    "%25",
    "%2C%2C",
    "+",
    ",,,",
    "junior,,senior,junior",
    "JUNIOR",
    "architect",
    "principal",
    "month",
    "Year",
    "fastapi,flask,django,express,rails,laravel",
    "FastAPI",
    "C%23",
    "python",
    "native",
    "apis",
    "fullstack_admin",
    "ml",
    "1",
    "1.",
    "1Bw.Dw",
    "1AAAA.AAAA",
    "2Bw.Dw",
    "1////.",
    "9",
    "255",
    "256",
    "65536",
    "\u{202e}evil\u{202c}",
    "مرحبا",
    "😀👍🏽🇺🇦",
    "\u{0}",
    "\u{feff}",
    "a\u{301}",
    "\r\n",
    "#fragment",
    "a=b=c",
    "&&&",
];

fn junk_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(VALUES).prop_map(str::to_owned),
        2 => any::<String>(),
        1 => "[0-9eE.,+ $-]{0,40}",
        1 => prop::collection::vec(any::<u8>(), 0..24)
            .prop_map(|bytes| bytes.iter().map(|b| format!("%{b:02X}")).collect::<String>()),
        1 => (prop::sample::select(VALUES), 0usize..12_000)
            .prop_map(|(v, n)| v.repeat(n.div_ceil(v.len().max(1)).min(12_000))),
        1 => (0usize..12_000).prop_map(|n| "x".repeat(n)),
    ]
}

fn junk_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(NAMES).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// A query string: hostile pairs, sometimes with a leading `?`, a fragment, bare names,
/// repeated keys and raw arbitrary text.
fn hostile_query() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (
            prop::collection::vec((junk_name(), junk_value(), 0u8..4), 0..10),
            any::<bool>(),
        )
            .prop_map(|(pairs, question)| {
                let body: Vec<String> = pairs
                    .into_iter()
                    .map(|(name, value, form)| match form {
                        0 => name,
                        1 => format!("{name}={value}={value}"),
                        _ => format!("{name}={value}"),
                    })
                    .collect();
                format!("{}{}", if question { "?" } else { "" }, body.join("&"))
            }),
        1 => any::<String>(),
        1 => "[?&=%a-z0-9#+,.]{0,80}",
    ]
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn salaries_query_never_panics(query in hostile_query()) {
        let known = source_ids();
        let (q, notices) = SalariesQuery::parse(&query, &known);
        // What parse returns is already normal and writes back to itself.
        prop_assert_eq!(&q.normalized(&known), &q);
        prop_assert_eq!(SalariesQuery::parse(&q.to_query(), &known).0, q);
        for notice in notices {
            prop_assert!(notice.0.chars().count() < 400, "notice too long: {}", notice.0);
        }
    }

    #[test]
    fn frameworks_query_never_panics(query in hostile_query()) {
        let fws = &ds().frameworks;
        let (q, notices) = FrameworksQuery::parse(&query, fws, str::to_lowercase);
        prop_assert!(q.compare.len() <= MAX_COMPARE);
        prop_assert_eq!(FrameworksQuery::parse(&q.to_query(), fws, str::to_lowercase).0, q);
        for notice in notices {
            prop_assert!(notice.0.chars().count() < 400, "notice too long: {}", notice.0);
        }
    }

    #[test]
    fn roadmap_query_never_panics(query in hostile_query()) {
        let roadmap = &ds().roadmap;
        let (q, notices) = RoadmapQuery::parse(&query, roadmap);
        let (again, again_notices) = RoadmapQuery::parse(&q.to_query(), roadmap);
        prop_assert_eq!(again, q);
        prop_assert!(again_notices.is_empty(), "{:?}", again_notices);
        for notice in notices {
            prop_assert!(notice.0.chars().count() < 400, "notice too long: {}", notice.0);
        }
    }

    #[test]
    fn hiring_query_never_panics(query in hostile_query()) {
        let hiring = &ds().hiring;
        let (q, notices) = HiringQuery::parse(&query, hiring);
        prop_assert_eq!(&q.normalized(hiring), &q);
        prop_assert_eq!(HiringQuery::parse(&q.to_query(hiring), hiring).0, q);
        for notice in notices {
            prop_assert!(notice.0.chars().count() < 400, "notice too long: {}", notice.0);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// URL state round trips

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL.to_vec())
}

fn salary_value() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        1 => Just(None),
        3 => (1u64..=10_000_000_000).prop_map(|cents| Some(cents as f64 / 100.0)),
        2 => (0.001f64..200_000_000.0).prop_map(Some),
        1 => prop::sample::select(vec![
            0.0, -0.0, -1.0, 0.004, 0.005, 0.006, 99_999_999.995, 100_000_000.0,
            100_000_000.004, 100_000_000.01, f64::NAN, f64::INFINITY, f64::NEG_INFINITY,
            f64::MAX, f64::MIN_POSITIVE, 1e-300,
        ])
        .prop_map(Some),
        1 => any::<f64>().prop_map(Some),
    ]
}

fn salaries_query() -> impl Strategy<Value = SalariesQuery> {
    let mut ids: Vec<String> = source_ids().into_iter().map(str::to_owned).collect();
    ids.extend(["nope", "<b>", "a,b", "x y", "%41", ""].map(str::to_owned));
    (
        prop::collection::vec(level(), 0..9),
        prop::collection::vec(prop::sample::select(ids), 0..6),
        prop::sample::select(vec![Period::Month, Period::Year]),
        salary_value(),
        any::<bool>(),
    )
        .prop_map(|(levels, sources, period, salary, bls)| SalariesQuery {
            levels,
            sources,
            period,
            salary,
            bls,
        })
}

fn frameworks_query() -> impl Strategy<Value = FrameworksQuery> {
    let fws = &ds().frameworks;
    let mut ids: Vec<String> = fws.iter().map(|f| f.id.clone()).collect();
    ids.extend(fws.iter().take(3).map(|f| f.id.to_uppercase()));
    ids.extend(["nope", "<script>", "x y", ""].map(str::to_owned));
    let mut langs: Vec<String> = languages(fws, str::to_lowercase)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    langs.extend(["Python", "C#", "cobol", "", "%"].map(str::to_owned));
    let answer_picks: Vec<(&'static str, &'static str)> = QUESTIONS
        .iter()
        .flat_map(|q| q.options.iter().map(move |(option, _)| (q.id, *option)))
        .collect();
    (
        prop::collection::vec(prop::sample::select(ids), 0..8),
        prop::option::of(prop::sample::select(langs)),
        prop::option::of(prop::sample::select(ASYNC_ALL.to_vec())),
        prop::sample::select(SortKey::ALL.to_vec()),
        prop::collection::vec(prop::sample::select(answer_picks), 0..6),
    )
        .prop_map(|(compare, lang, async_support, sort, picks)| {
            let answers = picks
                .into_iter()
                .fold(Answers::default(), |a, (question, option)| {
                    a.with(question, option)
                });
            FrameworksQuery {
                compare,
                lang,
                async_support,
                sort,
                answers,
            }
        })
}

fn item_state() -> impl Strategy<Value = ItemState> {
    prop::sample::select(ItemState::ALL.to_vec())
}

/// A progress over the real roadmap's items (every state, including not started).
fn roadmap_progress() -> impl Strategy<Value = Progress> {
    let ids = roadmap_item_ids();
    prop::collection::vec(item_state(), ids.len()).prop_map(move |states| {
        let mut p = Progress::new();
        for (id, state) in ids.iter().zip(states) {
            p.set(id, state);
        }
        p
    })
}

/// A plan over the real roadmap: any notes (any text up to the limit, some with links), any
/// estimates and pace within the limits.
fn roadmap_plan() -> impl Strategy<Value = Plan> {
    let ids = roadmap_item_ids();
    let note = prop_oneof![
        Just(None),
        "[^\u{0}]{1,200}".prop_map(Some),
        "[a-z ]{0,20}https://example\\.org/[a-z]{1,8}[ .]{0,2}".prop_map(Some),
    ];
    let estimate = prop_oneof![Just(None), (1u32..=100_000).prop_map(|t| Some(Hours(t)))];
    let pace = prop_oneof![Just(None), (1u32..=1680).prop_map(|t| Some(Hours(t)))];
    (prop::collection::vec((note, estimate), ids.len()), pace).prop_map(move |(items, pace)| {
        let mut plan = Plan::new();
        for (id, (note, estimate)) in ids.iter().zip(items) {
            if let Some(note) = note {
                plan.set_note(id, &note).unwrap();
            }
            plan.set_estimate(id, estimate);
        }
        plan.hours_per_week = pace;
        plan
    })
}

fn roadmap_query() -> impl Strategy<Value = RoadmapQuery> {
    let stages = u8::try_from(ds().roadmap.stages.len()).unwrap();
    (
        prop::option::of(roadmap_progress()),
        prop::option::of(1..=stages),
        prop::option::of(prop::sample::select(roadmap_item_ids())),
    )
        .prop_map(|(progress, stage, item)| RoadmapQuery {
            progress: progress.map(|p| progress::encode(&p, &ds().roadmap)),
            stage,
            item,
        })
}

fn kit_item() -> impl Strategy<Value = KitItem> {
    let hiring = &ds().hiring;
    let mut items: Vec<KitItem> = Kit::all(hiring).items.into_iter().collect();
    items.push(KitItem::Question("not-a-question".into()));
    items.push(KitItem::Mistake("<img src=x>".into()));
    prop::sample::select(items)
}

/// Any subset of the real kit, sometimes with ids the dataset does not have.
fn any_kit() -> impl Strategy<Value = Kit> {
    let total = Kit::all(&ds().hiring).items.len() + 2;
    prop::collection::vec(kit_item(), 0..total).prop_map(|items| Kit {
        items: items.into_iter().collect(),
    })
}

fn hiring_query() -> impl Strategy<Value = HiringQuery> {
    let mut usecases: Vec<String> = ds().hiring.use_cases.iter().map(|u| u.id.clone()).collect();
    usecases.extend(["APIS", " ml ", "nope", ""].map(str::to_owned));
    (
        prop::option::of(prop::sample::select(usecases)),
        prop::option::of(level()),
        prop::option::of(any_kit()),
    )
        .prop_map(|(usecase, level, kit)| HiringQuery {
            usecase,
            level,
            kit,
        })
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn salaries_query_round_trips(q in salaries_query()) {
        let known = source_ids();
        let text = q.to_query();
        let (parsed, _) = SalariesQuery::parse(&text, &known);
        let normal = q.normalized(&known);
        prop_assert_eq!(&parsed, &normal, "{}", text);
        let (again, notices) = SalariesQuery::parse(&normal.to_query(), &known);
        prop_assert_eq!(again, normal);
        prop_assert!(notices.is_empty(), "{}: {:?}", text, notices);
    }

    #[test]
    fn frameworks_query_round_trips(q in frameworks_query()) {
        let fws = &ds().frameworks;
        let text = q.to_query();
        let (parsed, _) = FrameworksQuery::parse(&text, fws, str::to_lowercase);
        let normal = q.normalized(fws, str::to_lowercase);
        prop_assert_eq!(&parsed, &normal, "{}", text);
        let (again, notices) = FrameworksQuery::parse(&normal.to_query(), fws, str::to_lowercase);
        prop_assert_eq!(again, normal);
        prop_assert!(notices.is_empty(), "{}: {:?}", text, notices);
    }

    #[test]
    fn roadmap_query_round_trips(q in roadmap_query()) {
        let roadmap = &ds().roadmap;
        let text = q.to_query();
        let (parsed, notices) = RoadmapQuery::parse(&text, roadmap);
        prop_assert_eq!(&parsed, &q, "{}", text);
        prop_assert!(notices.is_empty(), "{}: {:?}", text, notices);
        prop_assert_eq!(parsed.to_query(), text);
    }

    #[test]
    fn hiring_query_round_trips(q in hiring_query()) {
        let hiring = &ds().hiring;
        let text = q.to_query(hiring);
        let (parsed, notices) = HiringQuery::parse(&text, hiring);
        prop_assert_eq!(&parsed, &q.normalized(hiring), "{}", text);
        prop_assert!(notices.is_empty(), "{}: {:?}", text, notices);
    }
}

// ---------------------------------------------------------------------------------------------
// Progress and kit codes, storage and export

const CODE_CHARS: &str = "[1-2A-Za-z0-9_.=%-]{0,40}";

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn progress_decode_never_panics(code in prop_oneof![any::<String>(), CODE_CHARS.prop_map(|s| s)]) {
        let roadmap = &ds().roadmap;
        if let Ok(p) = progress::decode(&code, roadmap) {
            // Whatever decodes re-encodes to a canonical code that decodes to the same.
            let canonical = progress::encode(&p, roadmap);
            prop_assert_eq!(progress::decode(&canonical, roadmap), Ok(p));
        }
    }

    #[test]
    fn progress_code_round_trips(p in roadmap_progress()) {
        let roadmap = &ds().roadmap;
        let code = progress::encode(&p, roadmap);
        prop_assert!(code.len() <= progress::MAX_CODE_CHARS);
        prop_assert_eq!(progress::decode(&code, roadmap), Ok(p));
    }

    #[test]
    fn progress_storage_and_export_round_trip(p in roadmap_progress()) {
        let roadmap = &ds().roadmap;
        let stored = progress::to_stored(&p);
        let load = progress::load_stored(Some(&stored), roadmap);
        prop_assert_eq!(&load.progress, &p);
        prop_assert_eq!(load.notice, None);
        prop_assert_eq!(load.backup, None);
        let (imported, warnings) = progress::import_json(&progress::export_json(&p, roadmap), roadmap).unwrap();
        prop_assert_eq!(&imported, &p);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        let (from_stored, _) = progress::import_json(&stored, roadmap).unwrap();
        prop_assert_eq!(from_stored, p);
    }

    #[test]
    fn plan_storage_and_export_round_trip(p in roadmap_progress(), plan in roadmap_plan()) {
        let roadmap = &ds().roadmap;
        let stored = progress::to_stored_plan(&p, &plan);
        let load = progress::load_stored_plan(Some(&stored), roadmap);
        prop_assert_eq!(&load.progress, &p);
        prop_assert_eq!(&load.plan, &plan);
        prop_assert_eq!(load.notice, None);
        let file = progress::export_with_plan(&p, &plan, roadmap);
        prop_assert_eq!(progress::import_with_plan(&file, roadmap), Ok((p, plan, Vec::new())));
    }

    /// Notes are private: the share code (and the link's query made from it) is the same with
    /// or without them, and never holds a note's text.
    #[test]
    fn notes_never_reach_a_share_link(p in roadmap_progress(), plan in roadmap_plan()) {
        let roadmap = &ds().roadmap;
        let code = progress::encode(&p, roadmap);
        let query = RoadmapQuery { progress: Some(code.clone()), stage: None, item: None }.to_query();
        // What the page stores and exports carries the notes; the link does not.
        let stored = progress::to_stored_plan(&p, &plan);
        for (_, note) in plan.notes() {
            let escaped = serde_json::to_string(note).unwrap();
            prop_assert!(stored.contains(escaped.trim_matches('"')));
            // Notes of one or two characters could be a code's letters by chance.
            if note.chars().count() > 2 {
                prop_assert!(!code.contains(note), "{} in {}", note, code);
                prop_assert!(!query.contains(note), "{} in {}", note, query);
            }
        }
        prop_assert_eq!(code, progress::encode(&load_states(&stored), roadmap));
    }

    #[test]
    fn progress_documents_never_panic(text in progress_document()) {
        let roadmap = &ds().roadmap;
        let load = progress::load_stored(Some(&text), roadmap);
        // An unreadable value is backed up verbatim, and nothing is both kept and backed up.
        if let Some(backup) = &load.backup {
            prop_assert_eq!(backup, &text);
            prop_assert!(load.progress.is_empty());
            prop_assert!(load.notice.is_some());
        }
        match progress::import_json(&text, roadmap) {
            Ok((p, _)) => {
                let ids = roadmap_item_ids();
                prop_assert!(p.iter().all(|(id, _)| ids.iter().any(|known| known == id)));
            }
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }

    #[test]
    fn kit_decode_never_panics(code in prop_oneof![any::<String>(), CODE_CHARS.prop_map(|s| s)]) {
        let hiring = &ds().hiring;
        if let Ok(k) = kit::decode(&code, hiring) {
            prop_assert_eq!(kit::decode(&kit::encode(&k, hiring), hiring), Ok(k));
        }
    }

    #[test]
    fn kit_code_round_trips(k in any_kit()) {
        let hiring = &ds().hiring;
        let code = kit::encode(&k, hiring);
        prop_assert_eq!(kit::decode(&code, hiring), Ok(k.normalized(hiring)));
    }
}

/// JSON-ish progress documents: arbitrary text, and the real shape with junk versions, ids and
/// states (repeated ids, huge numbers, nested values, a byte-order mark).
fn progress_document() -> impl Strategy<Value = String> {
    let ids = roadmap_item_ids();
    let id = prop_oneof![
        3 => prop::sample::select(ids),
        1 => junk_value(),
    ];
    let state = prop_oneof![
        4 => prop::sample::select(vec![
            "\"done\"", "\"learning\"", "\"skipped\"", "\"not_started\"", "\"DONE\"", "\"\"",
            "\"finished\"", "null", "1", "true", "[]", "{}", "1e999",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    let version = prop::sample::select(vec![
        "1",
        "1.0",
        "2",
        "0",
        "-1",
        "\"1\"",
        "null",
        "18446744073709551616",
        "1e999",
    ]);
    prop_oneof![
        3 => (
            version,
            prop::collection::vec((id, state), 0..12),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(version, items, bom, extra)| {
                let items: Vec<String> = items
                    .into_iter()
                    .map(|(id, state)| format!("{}:{state}", serde_json::to_string(&id).unwrap()))
                    .collect();
                format!(
                    "{}{{\"version\":{version},{}\"items\":{{{}}}}}",
                    if bom { "\u{feff}" } else { "" },
                    if extra { "\"updated\":\"2026-11-21\",\"x\":[1,{}]," } else { "" },
                    items.join(",")
                )
            }),
        1 => any::<String>(),
        1 => "[\\[\\]{}\":,0-9a-z ]{0,60}",
    ]
}

// ---------------------------------------------------------------------------------------------
// Offers CSV

/// One CSV field: numbers in every notation the importer reads, and junk.
fn csv_field() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0u64..20_000_000).prop_map(|n| n.to_string()),
        1 => prop::sample::select(vec![
            "\"$4,500\"", "4 500", "4,500.50", "$5000", "-5", "0", "1e400", "NaN", "inf",
            "\"\"", "\"", "\"a\"\"b\"", "salary", "offers", "Salary (USD)", "",
            "99999999999999999999999999999999999999999", "\u{a0}4\u{a0}500", "١٢٣",
            "<img src=x onerror=\"window.__pwned=1\">",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn csv_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (
            prop::collection::vec(prop::collection::vec(csv_field(), 0..4), 0..40),
            prop::sample::select(vec![",", ";", "\t"]),
            prop::sample::select(vec!["\n", "\r\n", "\r"]),
            any::<bool>(),
        )
            .prop_map(|(rows, delimiter, newline, header)| {
                let mut text = String::new();
                if header {
                    text.push_str(&format!("salary{delimiter}offers{newline}"));
                }
                for row in rows {
                    text.push_str(&row.join(delimiter));
                    text.push_str(newline);
                }
                text
            }),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn offers_text_never_panics(text in csv_text()) {
        if let Ok(import) = parse_offers_text(&text) {
            prop_assert!(!import.offers.is_empty());
            prop_assert!(import.errors.len() <= import.skipped);
            for offer in &import.offers {
                prop_assert!(offer.salary.is_finite() && offer.salary > 0.0, "{:?}", offer);
                prop_assert!(offer.salary <= atlas_core::import::MAX_SALARY);
            }
        }
    }

    #[test]
    fn offers_bytes_never_panic(bytes in prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        csv_text().prop_map(String::into_bytes),
    ]) {
        let from_bytes = parse_offers(&bytes);
        // Text that is valid UTF-8 without NUL reads the same either way.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if !text.contains('\0') {
                prop_assert_eq!(from_bytes, parse_offers_text(text));
            }
        }
    }

    #[test]
    fn valid_offers_round_trip(
        rows in prop::collection::vec((1u64..=10_000_000, 0u64..1_000), 1..60),
        semicolon in any::<bool>(),
    ) {
        let delimiter = if semicolon { ';' } else { ',' };
        let mut text = format!("salary{delimiter}offers\n");
        for (salary, offers) in &rows {
            text.push_str(&format!("{salary}{delimiter}{offers}\n"));
        }
        let import = parse_offers_text(&text).unwrap();
        prop_assert_eq!(import.skipped, 0);
        prop_assert!(import.had_header);
        prop_assert_eq!(import.delimiter, delimiter);
        let got: Vec<(f64, u64)> = import.offers.iter().map(|o| (o.salary, o.offers)).collect();
        let want: Vec<(f64, u64)> = rows.iter().map(|&(s, o)| (s as f64, o)).collect();
        prop_assert_eq!(got, want);
    }
}

// ---------------------------------------------------------------------------------------------
// The dataset

/// A mutation of the dataset's JSON tree: the path is a list of choices (each taken modulo the
/// node's size), then what to do at the node reached.
#[derive(Debug, Clone)]
enum Edit {
    Replace(serde_json::Value),
    Remove,
    Duplicate,
    AddField(String),
}

fn junk_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    prop_oneof![
        prop::sample::select(vec![
            Value::Null,
            json!(true),
            json!(-1),
            json!(0),
            json!(1.5),
            json!(f64::MAX),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(""),
            json!("<img src=x onerror=\"window.__pwned=1\">"),
            json!("\u{202e}😀"),
            json!([]),
            json!({}),
            json!([null, 1, "x"]),
            json!({"id": "x"}),
            json!("junior"),
            json!("upstaff-fastapi-2024"),
        ]),
        any::<String>().prop_map(Value::String),
        any::<i64>().prop_map(|n| json!(n)),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => junk_json().prop_map(Edit::Replace),
        2 => Just(Edit::Remove),
        1 => Just(Edit::Duplicate),
        1 => junk_value().prop_map(Edit::AddField),
    ]
}

fn apply(value: &mut serde_json::Value, path: &[usize], edit: &Edit) {
    use serde_json::Value;
    // Descend while the node has children and the path goes on; edit the child chosen last.
    let (Some(&choice), rest) = (path.first(), path.get(1..).unwrap_or(&[])) else {
        if let (Edit::Replace(junk), node) = (edit, &mut *value) {
            *node = junk.clone();
        }
        return;
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(choice % map.len()).cloned().unwrap();
            if rest.is_empty() || !matches!(map[&key], Value::Object(_) | Value::Array(_)) {
                match edit {
                    Edit::Replace(junk) => {
                        map.insert(key, junk.clone());
                    }
                    Edit::Remove => {
                        map.remove(&key);
                    }
                    Edit::Duplicate | Edit::AddField(_) => {
                        let name = match edit {
                            Edit::AddField(name) => name.clone(),
                            _ => format!("{key}_copy"),
                        };
                        let copy = map[&key].clone();
                        map.insert(name, copy);
                    }
                }
            } else if let Some(child) = map.get_mut(&key) {
                apply(child, rest, edit);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let index = choice % items.len();
            if rest.is_empty() || !matches!(items[index], Value::Object(_) | Value::Array(_)) {
                match edit {
                    Edit::Replace(junk) => items[index] = junk.clone(),
                    Edit::Remove => {
                        items.remove(index);
                    }
                    Edit::Duplicate | Edit::AddField(_) => {
                        let copy = items[index].clone();
                        items.insert(index, copy);
                    }
                }
            } else {
                apply(&mut items[index], rest, edit);
            }
        }
        _ => {
            if let Edit::Replace(junk) = edit {
                *value = junk.clone();
            }
        }
    }
}

/// Text-level damage: cut, insert or overwrite bytes anywhere (the result may not be UTF-8,
/// so it is made lossy, which is what a browser's `text()` does too).
fn damage_text(text: &str, at: usize, len: usize, insert: &str, how: u8) -> String {
    let bytes = text.as_bytes();
    let at = at % (bytes.len() + 1);
    let end = (at + len).min(bytes.len());
    let mut out = Vec::with_capacity(bytes.len() + insert.len());
    out.extend_from_slice(&bytes[..at]);
    match how % 3 {
        0 => out.extend_from_slice(&bytes[end..]),
        1 => {
            out.extend_from_slice(insert.as_bytes());
            out.extend_from_slice(&bytes[at..]);
        }
        _ => {
            out.extend_from_slice(insert.as_bytes());
            out.extend_from_slice(&bytes[end..]);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn the_real_dataset_parses() {
    let parsed = data::parse(ATLAS_JSON).unwrap();
    // The same as serde's derives read it (the reference for src/data/decode.rs).
    assert_eq!(serde_json::from_str::<Dataset>(ATLAS_JSON).unwrap(), parsed);
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn dataset_parse_never_panics_on_arbitrary_text(text in prop_oneof![
        any::<String>(),
        "[\\[\\]{}\":,0-9a-z_ .eE+-]{0,200}",
        Just(String::new()),
    ]) {
        prop_assert!(data::parse(&text).is_err());
    }

    #[test]
    fn dataset_parse_never_panics_on_damaged_text(
        at in any::<usize>(),
        len in 0usize..64,
        insert in junk_value(),
        how in any::<u8>(),
    ) {
        let text = damage_text(ATLAS_JSON, at, len, &insert, how);
        if let Err(err) = data::parse(&text) {
            prop_assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn dataset_parse_never_panics_on_mutated_json(
        edits in prop::collection::vec((prop::collection::vec(any::<usize>(), 1..7), edit()), 1..4),
    ) {
        let mut value: serde_json::Value = serde_json::from_str(ATLAS_JSON).unwrap();
        for (path, edit) in &edits {
            apply(&mut value, path, edit);
        }
        let text = serde_json::to_string(&value).unwrap();
        // The hand-written decoder (src/data/decode.rs) follows serde's derives exactly.
        match (serde_json::from_str::<Dataset>(&text), data::parse(&text)) {
            (Ok(reference), Ok(parsed)) => prop_assert_eq!(reference, parsed),
            (Ok(reference), Err(err)) => prop_assert!(
                matches!(err, data::DataError::Invalid(_) | data::DataError::UnsupportedVersion { .. }),
                "serde read it, the decoder said {err} ({reference:?})"
            ),
            (Err(reference), Ok(_)) => prop_assert!(false, "serde rejected it ({reference}), the decoder read it"),
            (Err(_), Err(err)) => prop_assert!(
                matches!(err, data::DataError::Shape { .. } | data::DataError::UnsupportedVersion { .. }),
                "serde rejected its shape, the decoder said {err}"
            ),
        }
        match data::parse(&text) {
            // Whatever still parses is a valid dataset that reads back the same.
            Ok(dataset) => {
                let again = serde_json::to_string(&dataset).unwrap();
                prop_assert_eq!(data::parse(&again).ok(), Some(dataset));
            }
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }
}
