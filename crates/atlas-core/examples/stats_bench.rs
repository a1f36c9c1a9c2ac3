//! Native timing of the offer-statistics kernel, for `make bench` (scripts/bench.mjs).
//!
//! Builds an `OfferSet` from 1,000,000 pseudo-random rows and takes its summary, five times,
//! and prints the median and each run in milliseconds. The WASM timing of the same kernel is
//! the `import:stats` measure of a 1,000,000-row import on the Salaries page.
//!
//! `cargo run -p atlas-core --profile native-bench --example stats_bench [rows]` (opt-level 3;
//! the `release`
//! profile is sized for the wasm download).
#![allow(
    clippy::disallowed_methods,
    reason = "a native benchmark: nothing of it ships"
)]

use std::time::Instant;

use atlas_core::stats::{Offer, OfferSet};

/// SplitMix64: deterministic, so every run times the same rows.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn rows(n: usize) -> Vec<Offer> {
    let mut rng = Rng(20_261_121);
    (0..n)
        .map(|_| Offer {
            // Monthly salaries between 1,000 and 20,000 in whole dollars; 0 to 6 offers.
            salary: (1_000 + rng.next() % 19_001) as f64,
            offers: rng.next() % 7,
        })
        .collect()
}

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let rows = rows(n);
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let set = OfferSet::new(&rows);
            let summary = set.summary();
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            std::hint::black_box(summary);
            ms
        })
        .collect();
    let runs: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
    times.sort_by(f64::total_cmp);
    println!(
        "stats_bench rows={n} build+summary median_ms={:.1} runs_ms={}",
        times[times.len() / 2],
        runs.join(",")
    );
}
