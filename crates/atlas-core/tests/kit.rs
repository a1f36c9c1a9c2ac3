#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of the interview kit against the real dataset: the `kit=` code (known codes,
//! round trips of random selections, garbage rejected) and the Markdown export.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use std::cell::Cell;
use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::sample::select;

use atlas_core::data::{Hiring, Level};
use atlas_core::kit::{decode, encode, escape_note, to_markdown, Kit, KitError, KitItem};

fn hiring() -> Hiring {
    common::dataset().hiring.clone()
}

fn q(id: &str) -> KitItem {
    KitItem::Question(id.into())
}

fn m(id: &str) -> KitItem {
    KitItem::Mistake(id.into())
}

fn kit(items: &[KitItem]) -> Kit {
    Kit {
        items: items.iter().cloned().collect(),
    }
}

/// A hiring section with `nq` questions and `nm` mistakes, for codes longer than one byte.
fn big_hiring(nq: usize, nm: usize) -> Hiring {
    let mut h = hiring();
    let q0 = h.questions[0].clone();
    let m0 = h.mistakes[0].clone();
    h.questions = (0..nq)
        .map(|i| {
            let mut q = q0.clone();
            q.id = format!("q{i}");
            q
        })
        .collect();
    h.mistakes = (0..nm)
        .map(|i| {
            let mut m = m0.clone();
            m.id = format!("m{i}");
            m
        })
        .collect();
    h
}

#[test]
fn known_codes() {
    let h = hiring();
    assert_eq!(h.questions.len(), 3);
    assert_eq!(h.mistakes.len(), 4);
    for (items, code) in [
        (vec![], "1."),
        (
            vec![
                q("why-fastapi"),
                q("db-connections"),
                q("dependency-injection"),
                m("treating-like-django"),
                m("ignoring-async"),
                m("overemphasizing-framework"),
                m("missing-ml-connection"),
            ],
            "1Bw.Dw",
        ),
        (vec![q("why-fastapi")], "1AQ."),
        (vec![q("db-connections")], "1Ag."),
        (vec![m("missing-ml-connection")], "1.CA"),
        (
            vec![q("dependency-injection"), m("ignoring-async")],
            "1BA.Ag",
        ),
    ] {
        let k = kit(&items);
        assert_eq!(encode(&k, &h), code, "{items:?}");
        assert_eq!(decode(code, &h).unwrap(), k, "{code}");
    }
    assert_eq!(encode(&Kit::all(&h), &h), "1Bw.Dw");
}

#[test]
fn encode_ignores_unknown_ids_and_insertion_order() {
    let h = hiring();
    let a = kit(&[
        q("db-connections"),
        q("nope"),
        m("nope"),
        m("ignoring-async"),
    ]);
    let b = kit(&[m("ignoring-async"), q("db-connections")]);
    assert_eq!(encode(&a, &h), encode(&b, &h));
    assert_eq!(decode(&encode(&a, &h), &h).unwrap(), a.normalized(&h));
    assert_eq!(a.normalized(&h), b);
    // A question id is not a mistake id.
    assert_eq!(encode(&kit(&[m("why-fastapi")]), &h), "1.");
}

/// The (questions, mistakes) sizes the round trips run on: the real hiring section (3, 4) and
/// synthetic ones across the one-character and one-byte boundaries of the code.
const SHAPES: [(usize, usize); 8] = [
    (3, 4),
    (0, 0),
    (1, 0),
    (0, 9),
    (8, 8),
    (9, 17),
    (24, 25),
    (40, 3),
];

/// The most questions and mistakes of any shape.
const MOST: (usize, usize) = (40, 25);

proptest! {
    // 300 cases per shape.
    #![proptest_config(common::proptest_config(300 * SHAPES.len() as u32))]

    /// A kit of each item with a chance of `density` in 4 (none at 0, all at 4), on a hiring
    /// section of each shape, round trips through a well-formed code.
    #[test]
    fn random_selections_round_trip(
        shape in 0..SHAPES.len(),
        density in 0..=4usize,
        question_draws in prop::collection::vec(0..4usize, MOST.0),
        mistake_draws in prop::collection::vec(0..4usize, MOST.1),
    ) {
        let (nq, nm) = SHAPES[shape];
        let h = if (nq, nm) == (3, 4) {
            hiring()
        } else {
            big_hiring(nq, nm)
        };
        let mut k = Kit::new();
        for (question, draw) in h.questions.iter().zip(&question_draws) {
            if *draw < density {
                k.insert(KitItem::Question(question.id.clone()));
            }
        }
        for (mistake, draw) in h.mistakes.iter().zip(&mistake_draws) {
            if *draw < density {
                k.insert(KitItem::Mistake(mistake.id.clone()));
            }
        }
        let code = encode(&k, &h);
        prop_assert!(code.starts_with('1'));
        prop_assert!(code[1..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')));
        prop_assert_eq!(code.matches('.').count(), 1);
        prop_assert_eq!(decode(&code, &h), Ok(k.clone()), "{}", code);
        prop_assert_eq!(encode(&decode(&code, &h).unwrap(), &h), code);
    }
}

#[test]
fn appending_items_keeps_old_codes() {
    let small = big_hiring(5, 5);
    let large = big_hiring(20, 30);
    let k = kit(&[q("q0"), q("q4"), m("m1"), m("m4")]);
    let code = encode(&k, &small);
    assert_eq!(decode(&code, &large).unwrap(), k);
    assert_eq!(encode(&k, &large), code);
}

#[test]
fn trailing_zero_bytes_are_accepted() {
    let h = big_hiring(20, 20);
    let k = kit(&[q("q1")]);
    assert_eq!(encode(&k, &h), "1Ag.");
    assert_eq!(decode("1AgAA.", &h).unwrap(), k);
    assert_eq!(decode("1AgAAAA.AAAA", &h).unwrap(), k);
}

#[test]
fn garbage_codes_are_rejected() {
    let h = hiring();
    for (code, want) in [
        ("", KitError::Empty),
        ("2Bw.Dw", KitError::UnsupportedVersion),
        ("Bw.Dw", KitError::UnsupportedVersion),
        ("<script>", KitError::UnsupportedVersion),
        ("1", KitError::MissingSeparator),
        ("1BwDw", KitError::MissingSeparator),
        (
            "1Bw.Dw.",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Mistakes,
            },
        ),
        (
            "1B=.Dw",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Questions,
            },
        ),
        (
            "1B w.",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Questions,
            },
        ),
        (
            "1B+.",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Questions,
            },
        ),
        (
            "1é.",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Questions,
            },
        ),
        // One character is not a whole byte.
        (
            "1B.",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Questions,
            },
        ),
        (
            "1BwAAA.",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Questions,
            },
        ),
        // Non-zero padding bits (`Bx` would be `Bw` plus a stray bit).
        (
            "1Bx.",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Questions,
            },
        ),
        (
            "1.Dx",
            KitError::InvalidBase64 {
                section: atlas_core::kit::Section::Mistakes,
            },
        ),
        // Bit 3 when there are 3 questions; bit 4 when there are 4 mistakes.
        (
            "1CA.",
            KitError::UnknownItem {
                section: atlas_core::kit::Section::Questions,
                index: 3,
                count: 3,
            },
        ),
        (
            "1.EA",
            KitError::UnknownItem {
                section: atlas_core::kit::Section::Mistakes,
                index: 4,
                count: 4,
            },
        ),
        (
            "1AAE.",
            KitError::UnknownItem {
                section: atlas_core::kit::Section::Questions,
                index: 8,
                count: 3,
            },
        ),
        (
            "1____.",
            KitError::UnknownItem {
                section: atlas_core::kit::Section::Questions,
                index: 3,
                count: 3,
            },
        ),
    ] {
        assert_eq!(decode(code, &h), Err(want.clone()), "{code:?}");
        assert!(!want.to_string().is_empty());
    }
}

#[test]
fn random_garbage_never_panics() {
    let h = hiring();
    let alphabet: Vec<char> = "1.AB-_wQ=é😀%+/ \0".chars().collect();
    // Garbage, half of it after the version character, where the decoder has more to read.
    let garbage = (
        any::<bool>(),
        prop::collection::vec(select(alphabet), 0..12),
    )
        .prop_map(|(versioned, chars)| {
            let garbage: String = chars.into_iter().collect();
            if versioned {
                format!("1{garbage}")
            } else {
                garbage
            }
        });
    let accepted = Cell::new(0);
    common::run_property(5_000, garbage, |code| {
        if let Ok(k) = decode(&code, &h) {
            accepted.set(accepted.get() + 1);
            // Whatever is accepted names only dataset items and re-encodes to a code that
            // decodes to the same kit.
            prop_assert_eq!(k.normalized(&h), k.clone(), "{:?}", code);
            prop_assert_eq!(decode(&encode(&k, &h), &h).unwrap(), k, "{:?}", code);
        }
        Ok(())
    });
    assert!(accepted.get() > 0);
}

#[test]
fn kit_helpers() {
    let h = hiring();
    let mut k = Kit::new();
    assert!(k.is_empty());
    k.toggle(m("ignoring-async"));
    k.toggle(q("dependency-injection"));
    k.toggle(q("why-fastapi"));
    assert!(k.contains(&q("why-fastapi")));
    k.toggle(q("why-fastapi"));
    assert!(!k.contains(&q("why-fastapi")));
    k.insert(q("why-fastapi"));
    k.remove(&q("dependency-injection"));
    let ids: Vec<&str> = k.questions(&h).iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["why-fastapi"]);
    let ids: Vec<&str> = k.mistakes(&h).iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["ignoring-async"]);
    assert_eq!(Kit::all(&h).items.len(), 7);
}

#[test]
fn markdown_has_the_use_case_questions_answers_and_notes() {
    let h = hiring();
    let usecase = h.use_cases.iter().find(|u| u.id == "ml").unwrap();
    let k = kit(&[
        q("dependency-injection"),
        q("why-fastapi"),
        m("missing-ml-connection"),
    ]);
    let mut notes = BTreeMap::new();
    notes.insert(
        "why-fastapi".to_string(),
        "Ask for a benchmark.".to_string(),
    );
    notes.insert("db-connections".to_string(), "not kept".to_string());
    notes.insert("dependency-injection".to_string(), "   ".to_string());
    let md = to_markdown(&k, &h, Some(usecase), Some(Level::Senior), &notes);
    let expected = "\
# Interview kit: Deploying ML Models (Senior)

- **Use case:** Deploying ML Models
- **Level:** Senior
- **Priority:** ML integration, model serving, inference optimization
- **Interview focus:** \"How would you expose a PyTorch model as an API?\"
- **Red flag:** No ML or deployment experience

## Questions

### 1. Why use FastAPI over Flask?

- **Junior answer:** It's faster
- **Senior answer:** Explains async benefits, type safety, automatic docs, performance benchmarks
- **Note:** Ask for a benchmark.

### 2. Explain dependency injection in FastAPI

- **Junior answer:** It's for dependencies
- **Senior answer:** Shows practical examples, discusses testing benefits, architecture patterns

## Points to keep in mind

### Missing the ML Connection

- **Problem:** Many FastAPI roles involve ML model deployment. If that's your use case, assess ML integration experience.
- **Fix:** Ask about deploying ML models or working with data science teams.
";
    assert_eq!(md, expected);
    assert!(!md.contains("not kept"));
}

#[test]
fn markdown_without_use_case_or_level_or_items() {
    let h = hiring();
    let none = BTreeMap::new();
    let md = to_markdown(&Kit::new(), &h, None, None, &none);
    assert_eq!(md, "# Interview kit\n\nNo questions or points chosen.\n");
    let md = to_markdown(&Kit::new(), &h, None, Some(Level::Junior), &none);
    assert!(md.starts_with("# Interview kit: Junior candidate\n\n- **Level:** Junior\n\n"));
    let md = to_markdown(&Kit::all(&h), &h, None, None, &none);
    assert!(md.starts_with("# Interview kit\n\n## Questions\n"));
    for question in &h.questions {
        assert!(md.contains(&question.question));
        assert!(md.contains(&question.junior_answer));
        assert!(md.contains(&question.senior_answer));
    }
    for mistake in &h.mistakes {
        assert!(md.contains(&format!("### {}\n", mistake.title)));
        assert!(md.contains(&mistake.fix));
    }
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
    let usecase = &h.use_cases[0];
    let md = to_markdown(&Kit::new(), &h, Some(usecase), None, &none);
    assert!(md.starts_with(&format!("# Interview kit: {}\n", usecase.title)));
    assert!(md.contains(&usecase.red_flag));
}

#[test]
fn notes_cannot_break_the_structure() {
    for (note, want) in [
        ("plain text, e.g. fine.", "plain text, e.g. fine."),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. first", "1\\. first"),
        ("12) twelve", "12\\) twelve"),
        ("2024 was good. 1. ok", "2024 was good. 1. ok"),
        ("> quote", "\\> quote"),
        ("===", "\\==="),
        ("---", "\\---"),
        ("***", "\\*\\*\\*"),
        ("```rust", "\\`\\`\\`rust"),
        ("*bold* _it_ ~~s~~", "\\*bold\\* \\_it\\_ \\~\\~s\\~\\~"),
        ("[link](javascript:x)", "\\[link\\](javascript:x)"),
        ("![img](x)", "!\\[img\\](x)"),
        (
            "<script>alert(1)</script>",
            "\\<script\\>alert(1)\\</script\\>",
        ),
        ("a | b", "a \\| b"),
        ("&amp;", "\\&amp;"),
        ("back\\slash\\", "back\\\\slash\\\\"),
        ("    indented code", "indented code"),
        (
            "line 1\r\n\r\n\n  - line 2\rline 3",
            "line 1\n\\- line 2\nline 3",
        ),
        ("tab\tand \u{7}bell", "taband bell"),
        ("été 😀", "été 😀"),
        ("", ""),
        (" \n \n", ""),
    ] {
        assert_eq!(escape_note(note), want, "{note:?}");
    }

    let h = hiring();
    let k = kit(&[q("why-fastapi"), q("db-connections")]);
    let mut notes = BTreeMap::new();
    notes.insert(
        "why-fastapi".to_string(),
        "first line\n\n## Fake heading\n- fake item\n</li>".to_string(),
    );
    let md = to_markdown(&k, &h, None, None, &notes);
    assert!(md.contains(
        "- **Note:** first line\\\n  \\#\\# Fake heading\\\n  \\- fake item\\\n  \\</li\\>\n"
    ));
    // The structure is unchanged: the same headings and top-level items as without the note.
    let plain = to_markdown(&k, &h, None, None, &BTreeMap::new());
    let structure = |md: &str| -> Vec<String> {
        md.lines()
            .filter(|l| l.starts_with('#') || l.starts_with("- "))
            .map(|l| l.split(':').next().unwrap().to_string())
            .collect()
    };
    let mut with_note = structure(&md);
    with_note.retain(|l| l != "- **Note");
    assert_eq!(with_note, structure(&plain));
    for line in md.lines() {
        assert!(
            !line.starts_with("##") || line.starts_with("## ") || line.starts_with("### "),
            "{line:?}"
        );
    }
}
