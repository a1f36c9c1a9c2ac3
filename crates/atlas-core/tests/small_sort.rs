#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `small_sort`, the pages' insertion sorts, against the standard library's stable sorts.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

use atlas_core::small_sort::{sort, sort_by, sort_by_cached_key};
use proptest::prelude::*;

#[test]
fn sorts_ascending_and_keeps_equal_items_in_order() {
    let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
    sort_by(&mut items, |a, b| a.0 < b.0);
    assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);

    let mut words = vec!["pear", "apple", "fig", "apple"];
    sort(&mut words);
    assert_eq!(words, ["apple", "apple", "fig", "pear"]);

    let mut empty: Vec<u8> = Vec::new();
    sort(&mut empty);
    assert!(empty.is_empty());
}

#[test]
fn descending_by_a_flipped_comparison_is_stable_too() {
    // The framework chooser's ranking: higher scores first, equal scores in dataset order.
    let mut ranking = vec![("flask", 2), ("fastapi", 5), ("django", 2), ("sanic", 5)];
    sort_by(&mut ranking, |a, b| a.1 > b.1);
    assert_eq!(
        ranking,
        [("fastapi", 5), ("sanic", 5), ("flask", 2), ("django", 2)]
    );
}

#[test]
fn cached_key_is_computed_once_per_item() {
    let mut items = vec!["Django", "fastapi", "Flask", "aiohttp", "Sanic"];
    let mut calls = 0;
    sort_by_cached_key(&mut items, |s| {
        calls += 1;
        s.to_ascii_lowercase()
    });
    assert_eq!(items, ["aiohttp", "Django", "fastapi", "Flask", "Sanic"]);
    assert_eq!(calls, 5);
}

proptest! {
    #[test]
    fn sort_by_matches_the_standard_stable_sort(items in prop::collection::vec((0u8..6, any::<u16>()), 0..60)) {
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| a.0 < b.0);
        let mut std = items;
        std.sort_by_key(|item| item.0);
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn sort_by_cached_key_matches_the_standard_one(items in prop::collection::vec("[a-cA-C]{0,3}", 0..40)) {
        let mut ours = items.clone();
        sort_by_cached_key(&mut ours, |s| s.to_lowercase());
        let mut std = items;
        std.sort_by_cached_key(|s| s.to_lowercase());
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn floats_sort_in_total_order(values in prop::collection::vec(any::<f64>(), 0..30)) {
        let mut ours = values.clone();
        sort_by(&mut ours, |a, b| a.total_cmp(b).is_lt());
        let mut std = values;
        std.sort_by(f64::total_cmp);
        prop_assert_eq!(ours.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), std.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
    }
}
