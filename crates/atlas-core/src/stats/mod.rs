//! Salary statistics for the Salaries page: offer-weighted percentiles, histograms and the
//! cross-source consensus per seniority level.
//!
//! Pure: no leptos, no web_sys, no I/O. Everything here takes slices and returns numbers, so it
//! is tested natively (`tests/stats.rs`).
//!
//! The offer statistics follow the salary source's method: each candidate has one salary
//! expectation and is counted once per offer received, so a candidate asking $4,500 with 10
//! offers counts 10 times, and candidates with no offers are not counted. [`OfferSet`] computes
//! this from `(salary, offers)` pairs without ever expanding them, so memory stays proportional
//! to the number of rows whatever the weights are.

mod consensus;
mod histogram;
mod offers;

pub use consensus::{consensus_by_level, LevelConsensus, CONSENSUS_METHOD};
pub use histogram::{bucket_label, Bucket, Histogram, DEFAULT_BUCKET_WIDTH, MAX_BUCKETS};
pub use offers::{Offer, OfferSet, OfferSummary};

/// A monthly amount as a yearly one (x12).
pub fn monthly_to_yearly(x: f64) -> f64 {
    x * 12.0
}

/// A yearly amount as a monthly one (/12).
pub fn yearly_to_monthly(x: f64) -> f64 {
    x / 12.0
}
