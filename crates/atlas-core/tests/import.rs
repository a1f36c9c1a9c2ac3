#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the CSV offer import: formats accepted, every reason a row is skipped, and
//! the limits on the file as a whole.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

use std::time::Instant;

use atlas_core::import::{
    parse_offers, parse_offers_text, Import, ImportError, RowError, MAX_BYTES, MAX_ERRORS, MAX_ROWS,
};
use atlas_core::stats::{Offer, OfferSet};

const EXAMPLE: &str = include_str!("../../../public/data/example-offers.csv");

fn offer(salary: f64, offers: u64) -> Offer {
    Offer { salary, offers }
}

/// Parses `text` and checks the rows read and the lines skipped (with a part of each reason).
fn check(text: &str, rows: &[(f64, u64)], skipped: &[(usize, &str)]) -> Import {
    let import = parse_offers_text(text).unwrap_or_else(|err| panic!("{text:?}: {err}"));
    let want: Vec<Offer> = rows.iter().map(|&(s, o)| offer(s, o)).collect();
    assert_eq!(import.offers, want, "rows of {text:?}");
    assert_eq!(
        import.skipped,
        skipped.len(),
        "skipped in {text:?}: {:?}",
        import.errors
    );
    assert_eq!(import.errors.len(), skipped.len().min(MAX_ERRORS));
    for (error, (line, reason)) in import.errors.iter().zip(skipped) {
        assert_eq!(error.line, *line, "{text:?}: {error:?}");
        assert!(
            error.reason.contains(reason),
            "{text:?}: line {line}: “{}” should contain “{reason}”",
            error.reason
        );
    }
    // The bytes entry point agrees with the text one.
    assert_eq!(parse_offers(text.as_bytes()), Ok(import.clone()));
    import
}

#[test]
fn header_or_no_header() {
    let i = check(
        "salary,offers\n4500,3\n6000\n",
        &[(4500.0, 3), (6000.0, 1)],
        &[],
    );
    assert!(i.had_header);
    let i = check("4500,3\n6000\n", &[(4500.0, 3), (6000.0, 1)], &[]);
    assert!(!i.had_header);
    // Case and extra words in the names are fine.
    let i = check(
        "Salary (USD),Offers received\n4500,2\n",
        &[(4500.0, 2)],
        &[],
    );
    assert!(i.had_header);
    // A salary-only header.
    let i = check("salary\n4500\n5000\n", &[(4500.0, 1), (5000.0, 1)], &[]);
    assert!(i.had_header);
    // Offers first: the header is honoured.
    let i = check(
        "offers,salary\n3,4500\n0,7000\n",
        &[(4500.0, 3), (7000.0, 0)],
        &[],
    );
    assert!(i.had_header);
    check("offers;salary\n3;4500\n", &[(4500.0, 3)], &[]);
    // Offers-first rows need both columns.
    check(
        "offers,salary\n3\n2,5000\n",
        &[(5000.0, 2)],
        &[(2, "salary is missing")],
    );
    // A quoted header.
    check("\"salary\",\"offers\"\n4500,2\n", &[(4500.0, 2)], &[]);
}

#[test]
fn a_salary_only_header_makes_each_line_one_field() {
    // With one named column, a comma can only be a thousands separator.
    check(
        "salary\n4,500\n\"5,000\"\n12,345.50\n",
        &[(4500.0, 1), (5000.0, 1), (12345.5, 1)],
        &[],
    );
}

#[test]
fn an_unrecognised_first_line_is_a_bad_row_not_a_header() {
    let i = check(
        "abc,3\n4500,2\n",
        &[(4500.0, 2)],
        &[(1, "salary “abc” is not a number")],
    );
    assert!(!i.had_header);
}

#[test]
fn unusable_headers_fail_clearly() {
    for (text, reason) in [
        ("offers\n3\n", "names offers but no salary"),
        ("salary,salary\n1,2\n", "same column twice"),
        ("name,salary,offers\nx,1,2\n", "3 columns"),
    ] {
        match parse_offers_text(text) {
            Err(ImportError::BadHeader { line, reason: got }) => {
                assert_eq!(line, 1);
                assert!(got.contains(reason), "{text:?}: {got}");
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
}

#[test]
fn both_delimiters() {
    let i = check("4500;3\n6000;1\n", &[(4500.0, 3), (6000.0, 1)], &[]);
    assert_eq!(i.delimiter, ';');
    let i = check("4500,3\n6000,1\n", &[(4500.0, 3), (6000.0, 1)], &[]);
    assert_eq!(i.delimiter, ',');
    // With ';' a comma is a thousands separator.
    check("1,234;2\n$4,500.50;1\n", &[(1234.0, 2), (4500.5, 1)], &[]);
    // The delimiter is decided by the first line that has one.
    check("salary\n4500\n", &[(4500.0, 1)], &[]);
    check("4500\n5000;2\n", &[(4500.0, 1), (5000.0, 2)], &[]);
    check("salary;offers\n4,500;2\n", &[(4500.0, 2)], &[]);
}

#[test]
fn quoted_fields() {
    check(
        "\"$4,500\",2\n\"5,000.50\",\"3\"\n  \"6,000\"  ,  1  \n",
        &[(4500.0, 2), (5000.5, 3), (6000.0, 1)],
        &[],
    );
    check(
        "\"4,500,2\n\"4,500\"x,2\n4000,1\n",
        &[(4000.0, 1)],
        &[(1, "no closing quote"), (2, "text after a closing quote")],
    );
}

#[test]
fn dollars_spaces_and_thousands_separators() {
    check(
        "$4500;1\n4 500;1\n4\u{a0}500;1\n4\u{202f}500;1\n$ 4,500.50;1\n  4500  ;  2  \n+4500;1\n1,234,567.25;1\n",
        &[
            (4500.0, 1),
            (4500.0, 1),
            (4500.0, 1),
            (4500.0, 1),
            (4500.5, 1),
            (4500.0, 2),
            (4500.0, 1),
            (1_234_567.25, 1),
        ],
        &[],
    );
    // Separators must group three digits.
    check(
        "45,00;1\n4,5000;1\n1,,000;1\n,500;1\n4,500.5,0;1\n4500.;1\n.5;1\n",
        &[(4500.0, 1), (0.5, 1)],
        &[
            (1, "not a number"),
            (2, "not a number"),
            (3, "not a number"),
            (4, "not a number"),
            (5, "not a number"),
        ],
    );
}

#[test]
fn bom_crlf_and_blank_lines() {
    let i = check(
        "\u{feff}salary,offers\r\n\r\n4500,3\r\n   \r\n\t\n6000,1\r\n\r\n",
        &[(4500.0, 3), (6000.0, 1)],
        &[],
    );
    assert!(i.had_header);
    // Line numbers count blank lines, so they match the file.
    check(
        "\n\n4500,1\n\nabc,1\n",
        &[(4500.0, 1)],
        &[(5, "not a number")],
    );
    // A file without a final newline.
    check("4500,1", &[(4500.0, 1)], &[]);
}

#[test]
fn every_bad_row_reason() {
    check(
        concat!(
            "salary,offers\n",
            "4500,1\n",                    // 2 ok
            "abc,1\n",                     // 3
            "-100,1\n",                    // 4
            "0,1\n",                       // 5
            "NaN,1\n",                     // 6
            "inf,2\n",                     // 7
            "-Infinity,2\n",               // 8
            "10000001,1\n",                // 9
            "\"$20,000,000\",1\n",         // 10
            "4500,2.5\n",                  // 11
            "4500,-1\n",                   // 12
            "4500,x\n",                    // 13
            "4500,99999999999999999999\n", // 14
            "4500,1,2\n",                  // 15
            ",3\n",                        // 16
            "4500,NaN\n",                  // 17
            "1e5,1\n",                     // 18
            "4500,3.0\n",                  // 19 ok: a whole number
            "10000000,0\n",                // 20 ok: at the cap, zero offers
            "4500,\n",                     // 21 ok: empty offers means 1
            "4500,-0\n",                   // 22 ok: zero
        ),
        &[
            (4500.0, 1),
            (4500.0, 3),
            (10_000_000.0, 0),
            (4500.0, 1),
            (4500.0, 0),
        ],
        &[
            (3, "salary “abc” is not a number"),
            (4, "salary “-100” is not more than 0"),
            (5, "salary “0” is not more than 0"),
            (6, "salary “NaN” is not a finite number"),
            (7, "not a finite number"),
            (8, "not a finite number"),
            (9, "is over 10,000,000"),
            (10, "is over 10,000,000"),
            (11, "offers “2.5” is not a whole number"),
            (12, "offers “-1” is negative"),
            (13, "offers “x” is not a number"),
            (14, "is too large"),
            (15, "3 columns"),
            (16, "salary is missing"),
            (17, "offers “NaN” is not a number"),
            (18, "salary “1e5” is not a number"),
        ],
    );
}

#[test]
fn long_values_are_cut_in_reasons() {
    let long = "x".repeat(10_000);
    let i = check(
        &format!("{long},1\n4500,1\n"),
        &[(4500.0, 1)],
        &[(1, "is not a number")],
    );
    assert!(
        i.errors[0].reason.chars().count() < 80,
        "{}",
        i.errors[0].reason
    );
    assert!(i.errors[0].reason.contains('…'));
}

#[test]
fn more_than_twenty_bad_rows() {
    let mut text = String::from("salary,offers\n");
    for _ in 0..57 {
        text.push_str("oops,1\n");
    }
    text.push_str("4500,1\n");
    let i = parse_offers_text(&text).unwrap();
    assert_eq!(i.skipped, 57);
    assert_eq!(i.errors.len(), MAX_ERRORS);
    assert_eq!(i.errors[0].line, 2);
    assert_eq!(i.errors[19].line, 21);
    assert_eq!(i.offers, vec![offer(4500.0, 1)]);
}

#[test]
fn a_file_with_only_bad_rows() {
    match parse_offers_text("salary,offers\nabc,1\n-5,2\n") {
        Err(ImportError::NoValidRows { skipped, errors }) => {
            assert_eq!(skipped, 2);
            assert_eq!(
                errors,
                vec![
                    RowError {
                        line: 2,
                        reason: "salary “abc” is not a number".to_string()
                    },
                    RowError {
                        line: 3,
                        reason: "salary “-5” is not more than 0".to_string()
                    },
                ]
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        parse_offers_text("salary,offers\n\n"),
        Err(ImportError::NoRows)
    );
}

#[test]
fn empty_and_whitespace_only() {
    for text in ["", " ", "\n\n", "\r\n \t\r\n", "\u{feff}", "\u{feff}\n  \n"] {
        assert_eq!(parse_offers_text(text), Err(ImportError::Empty), "{text:?}");
        assert_eq!(
            parse_offers(text.as_bytes()),
            Err(ImportError::Empty),
            "{text:?}"
        );
    }
}

#[test]
fn not_text() {
    assert_eq!(
        parse_offers(b"4500,1\n\x005000,1\n"),
        Err(ImportError::NotText)
    );
    assert_eq!(parse_offers_text("4500,1\0"), Err(ImportError::NotText));
    assert_eq!(
        parse_offers(b"4500,1\n\xff\xfe\n"),
        Err(ImportError::NotText)
    );
    // A PNG signature.
    assert_eq!(
        parse_offers(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Err(ImportError::NotText)
    );
}

#[test]
fn too_many_rows() {
    let text = "1\n".repeat(MAX_ROWS + 1);
    assert_eq!(
        parse_offers_text(&text),
        Err(ImportError::TooManyRows { rows: MAX_ROWS + 1 })
    );
    // Exactly MAX_ROWS data rows below a header are fine.
    let text = format!("salary\n{}", "1\n".repeat(MAX_ROWS));
    assert_eq!(parse_offers_text(&text).unwrap().offers.len(), MAX_ROWS);
}

#[test]
fn too_large_is_checked_before_parsing() {
    // Not valid UTF-8 and full of NULs: the size is reported first.
    let bytes = vec![0u8; MAX_BYTES + 1];
    assert_eq!(
        parse_offers(&bytes),
        Err(ImportError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
    let text = " ".repeat(MAX_BYTES + 1);
    assert_eq!(
        parse_offers_text(&text),
        Err(ImportError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
}

#[test]
fn errors_read_as_sentences() {
    for error in [
        ImportError::Empty,
        ImportError::NotText,
        ImportError::TooLarge { bytes: 60_000_000 },
        ImportError::TooManyRows { rows: 1_000_001 },
        ImportError::NoRows,
        ImportError::BadHeader {
            line: 1,
            reason: "the header has 3 columns".into(),
        },
        ImportError::NoValidRows {
            skipped: 2,
            errors: Vec::new(),
        },
    ] {
        let text = error.to_string();
        assert!(text.ends_with('.'), "{text}");
        assert!(text.chars().next().unwrap().is_uppercase(), "{text}");
    }
}

#[test]
fn zero_offer_rows_are_kept_but_not_counted() {
    let i = check("4500,0\n5000,2\n", &[(4500.0, 0), (5000.0, 2)], &[]);
    assert_eq!(i.zero_offer_rows(), 1);
    let set = OfferSet::new(&i.offers);
    assert_eq!(set.summary().unwrap().candidates, 1);
    // All rows at zero offers: a valid import with nothing to count.
    let i = parse_offers_text("4500,0\n").unwrap();
    assert!(OfferSet::new(&i.offers).is_empty());
}

/// The bundled example, so the page's tests can check the figures it shows.
#[test]
fn example_file_summary() {
    let i = parse_offers(EXAMPLE.as_bytes()).unwrap();
    assert!(i.had_header);
    assert_eq!(i.skipped, 0);
    assert_eq!(i.offers.len(), 30);
    assert_eq!(i.zero_offer_rows(), 2);
    for o in &i.offers {
        assert!((3000.0..=12000.0).contains(&o.salary), "{o:?}");
        assert_eq!(o.salary % 250.0, 0.0, "illustrative round numbers: {o:?}");
    }
    let set = OfferSet::new(&i.offers);
    let s = set.summary().unwrap();
    assert_eq!(s.candidates, 28);
    assert_eq!(s.total_offers, 74);
    assert_eq!(s.min, 3000.0);
    assert_eq!(s.max, 12000.0);
    assert!((s.mean - 486_000.0 / 74.0).abs() < 1e-9, "{}", s.mean);
    assert_eq!(s.p10, 4500.0);
    assert_eq!(s.p25, 4812.5);
    assert_eq!(s.median, 6500.0);
    assert_eq!(s.p75, 7937.5);
    assert_eq!(s.p90, 8925.0);
    assert!((set.percentile_rank(6500.0).unwrap() - 3750.0 / 74.0).abs() < 1e-9);
}

/// Rough native timing: `cargo test --release --test import -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_one_million_rows() {
    let mut plain = String::from("salary,offers\n");
    let mut quoted = plain.clone();
    let mut state = 1u64;
    for _ in 0..MAX_ROWS {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let salary = 3000 + (state >> 33) % 9000;
        let offers = (state >> 20) % 12;
        plain.push_str(&format!("{salary},{offers}\n"));
        quoted.push_str(&format!(
            "\"${},{:03}\",{offers}\n",
            salary / 1000,
            salary % 1000
        ));
    }
    let runs = [("plain 4500,3", &plain), ("quoted \"$4,500\",3", &quoted)];
    for (name, text) in runs.into_iter().cycle().take(6) {
        let start = Instant::now();
        let import = parse_offers(text.as_bytes()).unwrap();
        let parsed = start.elapsed();
        let start = Instant::now();
        let set = OfferSet::new(&import.offers);
        let summary = set.summary().unwrap();
        let histogram = set.histogram(500.0);
        let summarised = start.elapsed();
        println!(
            "{name}: {} bytes, {} rows: CSV parse {parsed:?}; OfferSet + summary + histogram {summarised:?} (median {}, {} buckets)",
            text.len(),
            import.offers.len(),
            summary.median,
            histogram.len()
        );
    }
}
