//! Sorting for the short lists the pages order: seniority levels, source ids, a few dozen
//! frameworks or timeline entries, the sources' figures behind a consensus.
//!
//! The standard library's sorts are built for long slices: each type they sort brings its own
//! quicksort, heapsort and small-sort networks, 2–6 KB of wasm apiece (17 KB in the Salaries
//! page's code, 13 KB in the Frameworks page's, measured with twiggy on 2026-11-22). An
//! insertion sort is a few hundred bytes and, on lists this short, no slower. Everything here
//! is stable, like `slice::sort_by`. Code that sorts input of any length (the offers kernel in
//! `stats::offers`, search results) keeps the standard sorts.

/// Sorts `items` so that no item is `less` than the one before it. Stable: items neither
/// `less` than the other keep their order. O(n²) comparisons: for short lists only.
pub fn sort_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Ascending order ([`sort_by`] with `<`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, |a, b| a < b);
}

/// Ascending order of `key`, computed once per item (like `slice::sort_by_cached_key`, for
/// keys that allocate or call into JavaScript).
pub fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let mut keyed: Vec<(K, usize)> = items.iter().map(key).zip(0..).collect();
    sort_by(&mut keyed, |a, b| a.0 < b.0);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, i)| slots[i].take()));
}
