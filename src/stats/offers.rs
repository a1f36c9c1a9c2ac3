//! Offer-weighted statistics: each candidate's salary counts once per offer received.

use super::histogram::{self, Bucket, Histogram};

/// One candidate: a salary expectation and how many offers it received.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Offer {
    pub salary: f64,
    pub offers: u64,
}

/// Summary of an [`OfferSet`]: every figure is over offers, not candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferSummary {
    /// Rows with at least one offer.
    pub candidates: u64,
    /// Sum of the offers (the size of the expanded list).
    pub total_offers: u128,
    /// Offer-weighted mean salary.
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    pub p10: f64,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub p90: f64,
    /// `total_offers / candidates`.
    pub offers_per_candidate: f64,
}

/// Candidates sorted by salary, zero-offer rows dropped, ready for repeated queries.
///
/// Holds the salaries, their offers and the running (inclusive) sum of offers, so a rank in the
/// expanded list is found by binary search. Sums are `u128`: even `u64::MAX` offers on each of
/// 2^64 rows would be needed to overflow, which no slice can hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfferSet {
    salaries: Vec<f64>,
    offers: Vec<u64>,
    /// `cumulative[i]` = offers of rows `0..=i`.
    cumulative: Vec<u128>,
}

impl OfferSet {
    /// Drops rows with `offers == 0` (the source does not count them) and rows whose salary is
    /// NaN or infinite, then sorts by salary (a radix sort on the bits). O(n) time, O(n) memory.
    pub fn new(rows: &[Offer]) -> OfferSet {
        // Sized for every row up front: collecting a filter would grow (and copy) the vector
        // about twenty times on a million rows.
        let mut kept: Vec<(u64, u64)> = Vec::with_capacity(rows.len());
        kept.extend(
            rows.iter()
                .filter(|row| row.offers > 0 && row.salary.is_finite())
                .map(|row| (order_key(row.salary), row.offers)),
        );
        radix_sort(&mut kept);
        // Three tight passes (each vectorises) beat one loop pushing to three vectors.
        let salaries: Vec<f64> = kept
            .iter()
            .map(|&(key, _)| {
                let salary = from_order_key(key);
                // -0.0 and 0.0 are the same salary; keep one sign so buckets and labels agree.
                if salary == 0.0 {
                    0.0
                } else {
                    salary
                }
            })
            .collect();
        let offers: Vec<u64> = kept.iter().map(|&(_, count)| count).collect();
        let cumulative: Vec<u128> = offers
            .iter()
            .scan(0u128, |running, &count| {
                *running = running.saturating_add(u128::from(count));
                Some(*running)
            })
            .collect();
        OfferSet {
            salaries,
            offers,
            cumulative,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.salaries.is_empty()
    }

    /// Rows with at least one offer.
    pub fn candidates(&self) -> u64 {
        self.salaries.len() as u64
    }

    /// Sum of the offers: the size of the expanded list.
    pub fn total_offers(&self) -> u128 {
        self.cumulative.last().copied().unwrap_or(0)
    }

    /// The `(salary, offers)` rows in ascending salary order (zero-offer rows already dropped).
    pub fn rows(&self) -> impl Iterator<Item = (f64, u64)> + Clone + '_ {
        self.salaries
            .iter()
            .copied()
            .zip(self.offers.iter().copied())
    }

    /// The `p`-quantile (`p` in 0..=1) of the expanded list, numpy's default "linear" method:
    /// with the expanded list sorted as `x[0..n)`, `h = (n - 1) * p`, the result is
    /// `x[⌊h⌋] + (h - ⌊h⌋) * (x[⌊h⌋ + 1] - x[⌊h⌋])`.
    ///
    /// `⌊h⌋` is computed exactly in integers whatever `n` is; only the fraction is a float.
    /// `p` outside 0..=1 is clamped; `None` when the set is empty or `p` is NaN.
    pub fn percentile(&self, p: f64) -> Option<f64> {
        if self.is_empty() || p.is_nan() {
            return None;
        }
        let p = p.clamp(0.0, 1.0);
        let last_rank = self.total_offers() - 1;
        let (rank, fraction) = scaled_floor(last_rank, p);
        let low = self.value_at_rank(rank);
        if fraction == 0.0 || rank >= last_rank {
            return Some(low);
        }
        let high = self.value_at_rank(rank + 1);
        if high == low {
            return Some(low);
        }
        Some(low + fraction * (high - low))
    }

    /// The median of the expanded list (the mean of the two middle values for an even count).
    pub fn median(&self) -> Option<f64> {
        self.percentile(0.5)
    }

    /// All the figures the page shows at once; `None` when the set is empty.
    pub fn summary(&self) -> Option<OfferSummary> {
        let total = self.total_offers();
        let (&min, &max) = (self.salaries.first()?, self.salaries.last()?);
        let q = |p: f64| self.percentile(p).unwrap_or(f64::NAN);
        let candidates = self.candidates();
        Some(OfferSummary {
            candidates,
            total_offers: total,
            mean: self.mean(),
            min,
            max,
            p10: q(0.10),
            p25: q(0.25),
            median: q(0.5),
            p75: q(0.75),
            p90: q(0.90),
            offers_per_candidate: total as f64 / candidates as f64,
        })
    }

    /// Share of offers strictly below `x` plus half of those exactly at `x`, in percent
    /// (0..=100): where `x` stands among the offers. `None` when empty or `x` is NaN.
    pub fn percentile_rank(&self, x: f64) -> Option<f64> {
        if self.is_empty() || x.is_nan() {
            return None;
        }
        let below_rows = self.salaries.partition_point(|&s| s < x);
        let through_rows = self.salaries.partition_point(|&s| s <= x);
        let below = self.offers_before(below_rows);
        let equal = self.offers_before(through_rows) - below;
        let total = self.total_offers() as f64;
        let rank = (below as f64 + equal as f64 / 2.0) / total * 100.0;
        Some(rank.clamp(0.0, 100.0))
    }

    /// Offers per salary bucket; see [`OfferSet::histogram_with_width`] for the rules. The width
    /// actually used is `upper - lower` of any bucket.
    pub fn histogram(&self, bucket_width: f64) -> Vec<Bucket> {
        self.histogram_with_width(bucket_width).buckets
    }

    /// Offers per bucket `[lower, lower + width)`, `lower = ⌊salary / width⌋ * width`, so
    /// 5,500 falls in the 5,500 bucket. Buckets are contiguous from the lowest to the highest
    /// non-empty one (empty ones in between are included, so a chart has no gaps).
    ///
    /// An invalid width (`<= 0`, NaN, infinite) falls back to [`super::DEFAULT_BUCKET_WIDTH`].
    /// When more than [`super::MAX_BUCKETS`] buckets would be needed, the width is widened to the
    /// smallest multiple of the requested width that fits; [`Histogram::widened`] says so.
    pub fn histogram_with_width(&self, bucket_width: f64) -> Histogram {
        histogram::build(self.rows(), bucket_width)
    }

    fn mean(&self) -> f64 {
        let total = self.total_offers() as f64;
        self.rows()
            .map(|(salary, count)| salary * (count as f64 / total))
            .sum()
    }

    /// Offers of the first `rows` rows.
    fn offers_before(&self, rows: usize) -> u128 {
        match rows.checked_sub(1) {
            Some(last) => self.cumulative[last],
            None => 0,
        }
    }

    /// The salary at 0-based `rank` of the expanded list (`rank < total_offers`).
    fn value_at_rank(&self, rank: u128) -> f64 {
        let row = self.cumulative.partition_point(|&c| c <= rank);
        let row = row.min(self.salaries.len().saturating_sub(1));
        self.salaries[row]
    }
}

/// The bits of `x` as an unsigned key that sorts like [`f64::total_cmp`]: flip every bit of a
/// negative number, only the sign bit of a positive one.
fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// Inverse of [`order_key`].
fn from_order_key(key: u64) -> f64 {
    if key >> 63 == 1 {
        f64::from_bits(key & !(1 << 63))
    } else {
        f64::from_bits(!key)
    }
}

/// Sorts `(key, payload)` pairs by key: a stable least-significant-digit radix sort, one byte a
/// pass, skipping the passes where every key has the same byte (salaries in whole dollars share
/// their low mantissa bytes). O(n) time and one scratch buffer; small inputs use the std sort.
fn radix_sort(items: &mut Vec<(u64, u64)>) {
    const SMALL: usize = 512;
    if items.len() <= SMALL {
        items.sort_by_key(|item| item.0);
        return;
    }
    let mut counts = [[0usize; 256]; 8];
    for &(key, _) in items.iter() {
        for (byte, count) in counts.iter_mut().enumerate() {
            count[((key >> (8 * byte)) & 0xff) as usize] += 1;
        }
    }
    let mut scratch = vec![(0u64, 0u64); items.len()];
    for (byte, count) in counts.iter().enumerate() {
        if count.contains(&items.len()) {
            continue;
        }
        let mut next = [0usize; 256];
        let mut start = 0;
        for (slot, &c) in next.iter_mut().zip(count.iter()) {
            *slot = start;
            start += c;
        }
        for &item in items.iter() {
            let digit = ((item.0 >> (8 * byte)) & 0xff) as usize;
            scratch[next[digit]] = item;
            next[digit] += 1;
        }
        std::mem::swap(items, &mut scratch);
    }
}

/// `(⌊n * p⌋, n * p - ⌊n * p⌋)` for `p` in 0..=1, with the floor exact for every `n`.
///
/// A finite f64 is `m / 2^k` with an integer `m < 2^53`, so `n * p = n * m / 2^k`. The product
/// `n * m` can need up to 181 bits, so it is formed in two `u128` halves and shifted.
fn scaled_floor(n: u128, p: f64) -> (u128, f64) {
    let (m, k) = dyadic(p);
    if m == 0 || n == 0 {
        return (0, 0.0);
    }
    let (hi, lo) = mul_wide(n, m);
    // floor = (hi:lo) >> k; remainder = (hi:lo) mod 2^k.
    let (floor, fraction) = if k == 0 {
        (lo, 0.0)
    } else if k < 128 {
        let floor = (lo >> k) | (hi << (128 - k));
        let rem = lo & ((1u128 << k) - 1);
        (floor, rem as f64 * pow2(-(k as i32)))
    } else {
        let shift = k - 128;
        let floor = if shift < 128 { hi >> shift } else { 0 };
        let rem_hi = if shift < 128 {
            hi & ((1u128 << shift) - 1)
        } else {
            hi
        };
        let fraction = rem_hi as f64 * pow2(-(shift as i32)) + lo as f64 * pow2(-(k as i32));
        (floor, fraction)
    };
    // The remainder is below 2^k, so the fraction is below 1 except for float rounding.
    (floor, fraction.min(1.0 - f64::EPSILON / 2.0))
}

/// `p = m / 2^k` exactly, for finite `p >= 0`.
fn dyadic(p: f64) -> (u64, u32) {
    let bits = p.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as u32;
    let fraction = bits & ((1u64 << 52) - 1);
    if exponent == 0 {
        // Subnormal (or zero): fraction * 2^-1074.
        (fraction, 1074)
    } else {
        let m = fraction | (1u64 << 52);
        // value = m * 2^(exponent - 1075); p <= 1 keeps exponent <= 1023, so k >= 52.
        (m, 1075u32.saturating_sub(exponent))
    }
}

/// The 256-bit product `a * b` as `(high, low)` halves.
fn mul_wide(a: u128, b: u64) -> (u128, u128) {
    let b = u128::from(b);
    let low_part = (a & u128::from(u64::MAX)) * b; // < 2^117
    let high_part = (a >> 64) * b; // < 2^117, to be shifted left by 64
    let (lo, carry) = low_part.overflowing_add(high_part << 64);
    let hi = (high_part >> 64) + u128::from(carry);
    (hi, lo)
}

/// `2^e` as f64 (0 below the smallest subnormal).
fn pow2(e: i32) -> f64 {
    2f64.powi(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_key_sorts_like_total_cmp_and_round_trips() {
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -5_500.0,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            f64::from_bits(1),
            1.0,
            5_500.0,
            1e300,
            f64::INFINITY,
        ];
        for pair in values.windows(2) {
            assert!(order_key(pair[0]) < order_key(pair[1]), "{pair:?}");
        }
        for v in values {
            assert_eq!(from_order_key(order_key(v)).to_bits(), v.to_bits());
        }
    }

    #[test]
    fn radix_sort_matches_the_std_sort_and_is_stable() {
        // Sizes around the small-input cut-off, keys with every byte varying, and many ties.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for n in [0, 1, 2, 511, 512, 513, 5_000, 70_000] {
            let mut items: Vec<(u64, u64)> = (0..n as u64)
                .map(|i| {
                    let raw = next();
                    let key = match raw % 4 {
                        0 => order_key(-((raw >> 8) as f64)),
                        1 => order_key((raw % 50) as f64 * 500.0),
                        2 => raw,
                        _ => order_key(((raw >> 3) % 1_000_000) as f64 / 7.0),
                    };
                    (key, i)
                })
                .collect();
            let mut want = items.clone();
            want.sort_by_key(|item| item.0);
            radix_sort(&mut items);
            assert_eq!(items, want, "n = {n}");
        }
    }

    #[test]
    fn scaled_floor_is_exact_for_huge_n() {
        // 2^100 - 1 times 0.5 = 2^99 - 0.5.
        let n = (1u128 << 100) - 1;
        assert_eq!(scaled_floor(n, 0.5), ((1u128 << 99) - 1, 0.5));
        // u128::MAX * 1 = u128::MAX.
        assert_eq!(scaled_floor(u128::MAX, 1.0), (u128::MAX, 0.0));
        assert_eq!(scaled_floor(u128::MAX, 0.0), (0, 0.0));
        // 10 * 0.25 = 2.5; 3 * 0.5 = 1.5; 4 * 0.75 = 3.
        assert_eq!(scaled_floor(10, 0.25), (2, 0.5));
        assert_eq!(scaled_floor(3, 0.5), (1, 0.5));
        assert_eq!(scaled_floor(4, 0.75), (3, 0.0));
        // A tiny p on a huge n still has an exact floor.
        let (floor, _) = scaled_floor(u128::MAX, 2f64.powi(-100));
        assert_eq!(floor, u128::MAX >> 100);
        let (floor, fraction) = scaled_floor(5, f64::from_bits(1));
        assert_eq!(floor, 0);
        assert!((0.0..1.0).contains(&fraction));
    }

    #[test]
    fn mul_wide_matches_small_products() {
        assert_eq!(mul_wide(3, 5), (0, 15));
        assert_eq!(mul_wide(u128::MAX, 2), (1, u128::MAX - 1));
        assert_eq!(mul_wide(1u128 << 127, 4), (2, 0));
    }
}
