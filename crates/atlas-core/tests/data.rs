#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the bundled dataset: the real file is sound and says exactly what the
//! sources publish, and each broken fixture fails with its own, precise error.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use atlas_core::data::{self, DataError, Dataset, Level, SalaryFigure, SCHEMA_VERSION};

const ATLAS: &str = include_str!("../../../public/data/atlas.json");

fn atlas() -> Dataset {
    match data::parse(ATLAS) {
        Ok(dataset) => dataset,
        Err(err) => panic!("atlas.json does not load: {err}\n{:#?}", err.problems()),
    }
}

fn band<'a>(d: &'a Dataset, id: &str) -> &'a data::SalaryBand {
    d.salary_bands
        .iter()
        .find(|b| b.id == id)
        .unwrap_or_else(|| panic!("no band {id}"))
}

#[test]
fn real_dataset_parses_and_validates_cleanly() {
    let d = atlas();
    assert_eq!(d.schema_version, SCHEMA_VERSION);
    assert_eq!(data::validate(&d), Vec::new());
}

#[test]
fn offer_stats_and_averages_are_the_published_figures() {
    let d = atlas();
    assert_eq!(d.offer_stats.total_offers, 571);
    assert_eq!(d.offer_stats.median_expectation, 7707);
    assert_eq!(d.offer_stats.proposals, 1);
    assert_eq!(d.offer_stats.bucket_width, 500);
    assert_eq!(d.offer_stats.period, data::Period::Month);
    // The source prints no period for the median: the dataset says why it reads it as monthly.
    let note = d.offer_stats.period_note.as_deref().unwrap_or_default();
    assert!(note.contains("prints no period"), "{note}");

    let value = |id: &str| d.averages.iter().find(|a| a.id == id).map(|a| a.value);
    assert_eq!(value("payscale-backend"), Some(90652));
    assert_eq!(value("payscale-frontend"), Some(80796));
    assert!(d
        .averages
        .iter()
        .all(|a| a.cited_from.as_deref() == Some("PayScale")));
    assert!(d
        .averages
        .iter()
        .all(|a| a.as_of.as_deref() == Some("March 2023")));

    let snapshot = &d.market_snapshot;
    assert_eq!(
        snapshot.salary,
        SalaryFigure::Range {
            min: 150_000,
            max: 200_000
        }
    );
    assert_eq!(snapshot.region, "US");
    assert_eq!(snapshot.level, Level::Senior);
    assert_eq!(snapshot.hiring_difficulty, "Very Hard");
    assert_eq!(
        (
            snapshot.time_to_hire_weeks.min,
            snapshot.time_to_hire_weeks.max
        ),
        (5, Some(7))
    );
}

#[test]
fn salary_bands_keep_points_ranges_and_open_tops_apart() {
    let d = atlas();
    assert_eq!(
        band(&d, "roadmap-principal").salary,
        SalaryFigure::OpenRange {
            min: 170_000,
            stated_top: Some(220_000)
        }
    );
    let lead = band(&d, "upstaff-lead");
    assert_eq!(
        lead.salary,
        SalaryFigure::OpenRange {
            min: 130_000,
            stated_top: None
        }
    );
    assert_eq!(lead.level, Level::Lead);
    assert_eq!(lead.years.map(|y| (y.min, y.max)), Some((8, None)));
    // The hiring guide's senior figure: a band without years, with its region, the same as
    // the market snapshot (the validator checks they agree).
    let guide = band(&d, "hiring-guide-senior");
    assert_eq!(guide.years, None);
    assert_eq!(guide.region.as_deref(), Some("US"));
    assert_eq!(guide.level, Level::Senior);
    assert_eq!(guide.salary, d.market_snapshot.salary);
    assert_eq!(
        band(&d, "upstaff-junior").salary,
        SalaryFigure::Range {
            min: 50_000,
            max: 70_000
        }
    );

    let points: Vec<(Level, SalaryFigure)> = d
        .salary_bands
        .iter()
        .filter(|b| b.source == "hire-backend")
        .map(|b| (b.level, b.salary))
        .collect();
    let expected = [
        (Level::Junior, 50_000),
        (Level::Middle, 70_000),
        (Level::Senior, 90_000),
        (Level::Lead, 120_000),
    ]
    .map(|(level, value)| (level, SalaryFigure::Point { value }));
    assert_eq!(points, expected);
}

#[test]
fn roadmap_has_four_stages_of_five_items() {
    let d = atlas();
    let ids: Vec<&str> = d.roadmap.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["foundation", "intermediate", "advanced", "professional"]
    );
    assert!(d.roadmap.stages.iter().all(|s| s.items.len() == 5));
    assert_eq!(d.roadmap.stages[3].months.max, None);
}

#[test]
fn frameworks_are_the_twelve_expected_each_with_a_language() {
    let d = atlas();
    let ids: Vec<&str> = d.frameworks.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "fastapi",
            "flask",
            "django",
            "sanic",
            "express",
            "spring-boot",
            "laravel",
            "rails",
            "aspnet",
            "play",
            "cakephp",
            "nodejs"
        ]
    );
    for framework in &d.frameworks {
        assert!(
            !framework.language.trim().is_empty(),
            "{} has no language",
            framework.id
        );
    }
}

/// What a broken fixture must produce.
enum Expect {
    Shape,
    Syntax,
    Empty,
    Version(Option<u32>),
    /// A validation problem at this path whose message contains this text.
    Problem(&'static str, &'static str),
}

fn check_fixture(name: &str, text: &str, expect: Expect) {
    let err = match data::parse(text) {
        Ok(_) => panic!("{name}: parsed without error"),
        Err(err) => err,
    };
    match (expect, &err) {
        (Expect::Shape, DataError::Shape { .. })
        | (Expect::Syntax, DataError::Syntax { .. })
        | (Expect::Empty, DataError::Empty) => {}
        (
            Expect::Version(found),
            DataError::UnsupportedVersion {
                found: got,
                expected,
            },
        ) => {
            assert_eq!(*got, found, "{name}");
            assert_eq!(*expected, SCHEMA_VERSION, "{name}");
        }
        (Expect::Problem(path, word), DataError::Invalid(problems)) => {
            assert!(
                problems
                    .iter()
                    .any(|p| p.path == path && p.message.contains(word)),
                "{name}: no problem at {path} mentioning {word:?}: {problems:#?}"
            );
        }
        (_, other) => panic!("{name}: unexpected error {other:?}"),
    }
}

#[test]
fn broken_fixtures_fail_with_their_own_error() {
    let cases: [(&str, &str, Expect); 9] = [
        (
            "missing_field",
            include_str!("fixtures/missing_field.json"),
            Expect::Shape,
        ),
        (
            "wrong_type",
            include_str!("fixtures/wrong_type.json"),
            Expect::Shape,
        ),
        (
            "unknown_field",
            include_str!("fixtures/unknown_field.json"),
            Expect::Shape,
        ),
        (
            "truncated",
            include_str!("fixtures/truncated.json"),
            Expect::Syntax,
        ),
        ("empty", include_str!("fixtures/empty.json"), Expect::Empty),
        (
            "bad_version",
            include_str!("fixtures/bad_version.json"),
            Expect::Version(Some(99)),
        ),
        (
            "unknown_source",
            include_str!("fixtures/unknown_source.json"),
            Expect::Problem("salary_bands[1].source", "nope"),
        ),
        (
            "min_gt_max",
            include_str!("fixtures/min_gt_max.json"),
            Expect::Problem("salary_bands[0].salary.max", "min"),
        ),
        (
            "duplicate_id",
            include_str!("fixtures/duplicate_id.json"),
            Expect::Problem("salary_bands[2].id", "duplicate"),
        ),
    ];
    for (name, text, expect) in cases {
        check_fixture(name, text, expect);
    }
}

#[test]
fn shape_errors_name_the_field() {
    let shape = |text: &str| match data::parse(text) {
        Err(DataError::Shape { path, message }) => (path, message),
        other => panic!("expected a shape error, got {other:?}"),
    };
    let (path, message) = shape(include_str!("fixtures/missing_field.json"));
    assert_eq!(path, "salary_bands[1]");
    assert_eq!(message, "missing field `level`");
    let (path, message) = shape(include_str!("fixtures/unknown_field.json"));
    assert_eq!(path, "salary_bands[0]");
    assert!(message.starts_with("unknown field `sallary`"), "{message}");
    let (path, message) = shape(include_str!("fixtures/wrong_type.json"));
    assert_eq!(path, "offer_stats.total_offers");
    assert!(message.ends_with("found a string"), "{message}");
    let err = data::parse(include_str!("fixtures/wrong_type.json")).unwrap_err();
    assert!(err.to_string().starts_with(
        "the dataset does not match the expected shape at offer_stats.total_offers: "
    ));
}

#[test]
fn html_in_strings_is_kept_verbatim() {
    let d = data::parse(include_str!("fixtures/html_in_string.json")).unwrap();
    let summary = &d.frameworks[0].summary.text;
    assert!(summary.contains("<script>alert(1)</script>"));
    assert!(summary.contains("<img src=x onerror=alert(1)>"));
}

#[test]
fn several_problems_are_all_reported() {
    let mut value: serde_json::Value = serde_json::from_str(ATLAS).unwrap();
    value["salary_bands"][0]["source"] = "nope".into();
    value["salary_bands"][1]["salary"]["max"] = 1.into();
    value["frameworks"][2]["language"] = "  ".into();
    value["roadmap"]["stages"][0]["items"][0]["related"][0] = "no-such-skill".into();
    value["hiring"]["use_cases"][0]["id"] = "web".into();
    // The snapshot's senior salary no longer agrees with the hiring guide's senior band.
    value["market_snapshot"]["salary"]["max"] = 210_000.into();
    let problems = match data::parse(&value.to_string()) {
        Err(DataError::Invalid(problems)) => problems,
        other => panic!("expected validation problems, got {other:?}"),
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for path in [
        "salary_bands[0].source",
        "salary_bands[1].salary.max",
        "frameworks[2].language",
        "roadmap.stages[0].items[0].related[0]",
        "hiring.use_cases[0].id",
        "market_snapshot.salary",
    ] {
        assert!(paths.contains(&path), "missing {path} in {paths:?}");
    }
}

#[test]
fn the_offer_period_note_is_optional_but_never_blank() {
    let mut value: serde_json::Value = serde_json::from_str(ATLAS).unwrap();
    value["offer_stats"]
        .as_object_mut()
        .unwrap()
        .remove("period_note");
    let without = data::parse(&value.to_string()).expect("no note is fine");
    assert_eq!(without.offer_stats.period_note, None);

    value["offer_stats"]["period_note"] = "   ".into();
    match data::parse(&value.to_string()) {
        Err(DataError::Invalid(problems)) => assert!(
            problems.iter().any(|p| p.path == "offer_stats.period_note"),
            "{problems:#?}"
        ),
        other => panic!("expected a blank note to be refused, got {other:?}"),
    }

    value["offer_stats"]["period_note"] = 12.into();
    assert!(
        data::parse(&value.to_string()).is_err(),
        "a note must be text"
    );
}

#[test]
fn control_characters_are_rejected() {
    let mut value: serde_json::Value = serde_json::from_str(ATLAS).unwrap();
    value["skills"][0]["name"] = "Py\u{0007}thon".into();
    match data::parse(&value.to_string()) {
        Err(DataError::Invalid(problems)) => {
            assert!(
                problems.iter().any(|p| p.path == "skills[0].name"),
                "{problems:#?}"
            );
        }
        other => panic!("expected validation problems, got {other:?}"),
    }
}

#[test]
fn resume_flag_keywords_must_be_lowercase_without_outer_spaces() {
    for (keyword, ok) in [
        ("python", true),
        ("fast api", true),
        ("Python", false),
        ("ÉCOLE", false),
        (" python", false),
        ("python ", false),
    ] {
        let mut value: serde_json::Value = serde_json::from_str(ATLAS).unwrap();
        value["hiring"]["green_flags"][0]["keywords"] = serde_json::json!([keyword]);
        let result = data::parse(&value.to_string());
        match (ok, result) {
            (true, Ok(_)) => {}
            (false, Err(DataError::Invalid(problems))) => assert!(
                problems
                    .iter()
                    .any(|p| p.path == "hiring.green_flags[0].keywords[0]"),
                "{keyword:?}: {problems:#?}"
            ),
            (ok, other) => panic!("{keyword:?} (valid: {ok}): {other:?}"),
        }
    }
}

#[test]
fn the_role_overview_is_the_role_page_s() {
    let d = atlas();
    let role = d.role.as_ref().expect("the dataset has the role overview");
    assert_eq!(role.source, "backend-role-roadmap");
    assert_eq!(role.work_environment.len(), 5);
    assert_eq!(
        role.frameworks,
        [
            "Django",
            "Flask",
            "Spring Boot",
            ".NET",
            "Express.js",
            "Laravel"
        ]
    );
    // Its key responsibilities are the duties that cite the same page.
    assert_eq!(
        d.backend_duties
            .iter()
            .filter(|c| c.source == role.source)
            .count(),
        5
    );
}

#[test]
fn the_shipped_fingerprint_is_the_committed_dataset_which_validates() {
    // The app skips the validator for a dataset with this fingerprint (crates/atlas-core/src/data/fingerprint.rs),
    // so it must be the file this suite validates.
    atlas();
    let value: serde_json::Value = serde_json::from_str(ATLAS).unwrap();
    let found = data::fingerprint(&value);
    assert_eq!(
        found,
        data::SHIPPED_DATASET,
        "public/data/atlas.json changed: once it validates, set \
         `pub const SHIPPED_DATASET: u64 = {found:#018x};` in crates/atlas-core/src/data/fingerprint.rs"
    );
    assert!(data::decode(ATLAS).unwrap().shipped);
}

#[test]
fn the_fingerprint_reads_content_not_layout() {
    let value: serde_json::Value = serde_json::from_str(ATLAS).unwrap();
    // The release build minifies the file (JSON.stringify): same content, same fingerprint.
    let minified = serde_json::to_string(&value).unwrap();
    assert!(minified.len() < ATLAS.len());
    let reread: serde_json::Value = serde_json::from_str(&minified).unwrap();
    assert_eq!(data::fingerprint(&reread), data::fingerprint(&value));
    assert!(data::decode(&minified).unwrap().shipped);
    // Key order and `1.0` against `1` do not matter either.
    let a: serde_json::Value = serde_json::from_str(r#"{"a": 1.0, "b": [true, null]}"#).unwrap();
    let b: serde_json::Value = serde_json::from_str(r#"{"b":[true,null],"a":1}"#).unwrap();
    assert_eq!(data::fingerprint(&a), data::fingerprint(&b));

    // Any change of content does, and the app then validates what it reads.
    let changed = ATLAS.replacen("150000", "150001", 1);
    assert_ne!(changed, ATLAS);
    let decoded = data::decode(&changed).unwrap();
    assert!(!decoded.shipped);
    for (x, y) in [
        (r#"["ab"]"#, r#"["a","b"]"#),
        (r#"{"a":"b"}"#, r#"{"ab":""}"#),
        (r#"[[],[1]]"#, r#"[[1],[]]"#),
        (r#"[true]"#, r#"[false]"#),
        (r#"[null]"#, r#"[0]"#),
    ] {
        let x: serde_json::Value = serde_json::from_str(x).unwrap();
        let y: serde_json::Value = serde_json::from_str(y).unwrap();
        assert_ne!(data::fingerprint(&x), data::fingerprint(&y), "{x} {y}");
    }
}

#[test]
fn a_changed_dataset_is_still_validated() {
    // Not the shipped file: `parse` (and the app, through the validator's chunk) reports its
    // problems.
    let broken = ATLAS.replacen("\"min\": 150000", "\"min\": 250000", 1);
    assert_ne!(broken, ATLAS, "the fixture edit must apply");
    assert!(!data::decode(&broken).unwrap().shipped);
    let err = data::parse(&broken).unwrap_err();
    assert!(matches!(err, DataError::Invalid(_)), "{err}");
}

/// One colour per source, the same in every chart: a source's colour is its position in the
/// dataset, and no two sources share a colour in either theme.
#[test]
fn every_source_has_a_colour_of_its_own_in_both_themes() {
    use atlas_core::charts::{series_color, Theme};
    let d = common::dataset();
    for (i, source) in d.sources.iter().enumerate() {
        assert_eq!(d.series_index(&source.id), i, "{}", source.id);
    }
    for theme in [Theme::Light, Theme::Dark] {
        let colours: Vec<_> = (0..d.sources.len())
            .map(|i| series_color(theme, i))
            .collect();
        for (i, c) in colours.iter().enumerate() {
            assert!(
                !colours[..i].contains(c),
                "{theme:?}: source {} shares a colour",
                d.sources[i].id
            );
        }
    }
}
