//! Offer-weighted statistics: each candidate's salary counts once per offer received.

// The offers kernel sorts thousands of imported rows, in the import's own chunk: the standard
// sorts are worth their bytes here.
#![allow(
    clippy::disallowed_methods,
    reason = "thousands of rows, in the import's chunk"
)]

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
/// One row per candidate: the salary and the running (inclusive) sum of offers, so a rank in the
/// expanded list is found by binary search and a row's own offers are the difference with the
/// row before. One 16-byte row per candidate keeps a million rows at 16 MB.
///
/// The running sum is kept modulo 2^64, with the rows where it wrapped listed in `wraps`, so the
/// exact sum (a `u128`) is `running + 2^64 * (wraps at or before the row)`. `wraps` stays empty
/// unless the offers add up past `u64::MAX`; even `u64::MAX` offers on each of 2^64 rows would
/// not overflow the `u128`, and no slice can hold that many.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfferSet {
    /// `(salary, offers of rows 0..=i modulo 2^64)`, ascending by salary.
    rows: Vec<(f64, u64)>,
    /// Ascending indices of the rows where the running sum passed a multiple of 2^64.
    wraps: Vec<usize>,
}

impl OfferSet {
    /// Drops rows with `offers == 0` (the source does not count them) and rows whose salary is
    /// NaN or infinite, then sorts by salary (a radix sort on the bits that vary). O(n) time,
    /// O(n) memory: 16 bytes a counted row, plus 16 a row while sorting (the packed keys and the
    /// sort's scratch buffer).
    pub fn new(rows: &[Offer]) -> OfferSet {
        let counted = |row: &&Offer| row.offers > 0 && row.salary.is_finite();
        // Which bits of the sort keys differ between rows, and how many bits the offers need.
        let mut first_key = None;
        let (mut varying, mut widest) = (0u64, 0u64);
        for row in rows.iter().filter(counted) {
            let key = order_key(row.salary);
            varying |= key ^ *first_key.get_or_insert(key);
            widest |= row.offers;
        }
        let Some(first_key) = first_key else {
            return OfferSet::default();
        };
        let low = varying.trailing_zeros().min(63);
        let span = if varying == 0 {
            0
        } else {
            64 - varying.leading_zeros() - low
        };
        let offer_bits = 64 - widest.leading_zeros();

        let mut running = Running::default();
        let rows = if span + offer_bits <= 64 {
            // The usual case: the varying key bits and the offers share one u64, so the sort
            // moves 8 bytes a row instead of 16. Salaries in whole dollars vary in about 17 bits.
            let span_mask = low_mask(span);
            let constant = first_key & !(span_mask << low);
            let offer_mask = low_mask(offer_bits);
            let mut packed: Vec<u64> = Vec::with_capacity(rows.len());
            packed.extend(rows.iter().filter(counted).map(|row| {
                let key_bits = (order_key(row.salary) >> low) & span_mask;
                // `span + offer_bits <= 64`; a shift by 64 only happens when `key_bits` is 0.
                key_bits.checked_shl(offer_bits).unwrap_or(0) | row.offers
            }));
            radix_sort(&mut packed, offer_bits);
            packed
                .iter()
                .map(|&item| {
                    let key_bits = item.checked_shr(offer_bits).unwrap_or(0);
                    let key = constant | key_bits << low;
                    running.push(from_order_key(key), item & offer_mask)
                })
                .collect()
        } else {
            // Offers too wide to share a u64 with the key bits (near u64::MAX): a comparison sort
            // of (key, offers) pairs, O(n log n), for inputs no real import has.
            let mut pairs: Vec<(u64, u64)> = Vec::with_capacity(rows.len());
            pairs.extend(
                rows.iter()
                    .filter(counted)
                    .map(|row| (order_key(row.salary), row.offers)),
            );
            pairs.sort_by_key(|&(key, _)| key);
            pairs
                .iter()
                .map(|&(key, count)| running.push(from_order_key(key), count))
                .collect()
        };
        OfferSet {
            rows,
            wraps: running.wraps,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Rows with at least one offer.
    pub fn candidates(&self) -> u64 {
        self.rows.len() as u64
    }

    /// Sum of the offers: the size of the expanded list.
    pub fn total_offers(&self) -> u128 {
        self.offers_before(self.rows.len())
    }

    /// The `(salary, offers)` rows in ascending salary order (zero-offer rows already dropped).
    pub fn rows(&self) -> impl Iterator<Item = (f64, u64)> + Clone + '_ {
        // A row's offers (1..=u64::MAX) are the wrapping difference of the running sums.
        self.rows.iter().scan(0u64, |previous, &(salary, running)| {
            let count = running.wrapping_sub(*previous);
            *previous = running;
            Some((salary, count))
        })
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
        let (min, max) = (self.rows.first()?.0, self.rows.last()?.0);
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
        let below_rows = self.rows.partition_point(|&(s, _)| s < x);
        let through_rows = self.rows.partition_point(|&(s, _)| s <= x);
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
            Some(last) => self.cumulative(last),
            None => 0,
        }
    }

    /// Offers of rows `0..=row`, exactly.
    fn cumulative(&self, row: usize) -> u128 {
        let wraps = self.wraps.partition_point(|&w| w <= row) as u128;
        u128::from(self.rows[row].1) + (wraps << 64)
    }

    /// The salary at 0-based `rank` of the expanded list (`rank < total_offers`).
    fn value_at_rank(&self, rank: u128) -> f64 {
        // The first row whose running sum passes `rank` (a binary search over row indices:
        // the exact sums are computed, not stored).
        let (mut row, mut high) = (0, self.rows.len());
        while row < high {
            let mid = row + (high - row) / 2;
            if self.cumulative(mid) <= rank {
                row = mid + 1;
            } else {
                high = mid;
            }
        }
        let row = row.min(self.rows.len().saturating_sub(1));
        self.rows[row].0
    }
}

/// A mask of the lowest `bits` bits (`bits <= 64`).
fn low_mask(bits: u32) -> u64 {
    u64::MAX.checked_shr(64 - bits).unwrap_or(0)
}

/// Builds the rows of an [`OfferSet`] in salary order: the running sum of offers and where it wraps.
#[derive(Default)]
struct Running {
    sum: u64,
    rows: usize,
    wraps: Vec<usize>,
}

impl Running {
    fn push(&mut self, salary: f64, count: u64) -> (f64, u64) {
        let (sum, wrapped) = self.sum.overflowing_add(count);
        if wrapped {
            self.wraps.push(self.rows);
        }
        self.sum = sum;
        self.rows += 1;
        // -0.0 and 0.0 are the same salary; keep one sign so buckets and labels agree.
        (if salary == 0.0 { 0.0 } else { salary }, sum)
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

/// Sorts `items` by their bits from `shift` up (the bits below are a payload that rides along):
/// a stable least-significant-digit radix sort over only the key bits that differ between items,
/// split into as few digits of at most 11 bits as cover them (two passes for typical salaries).
/// O(n) time and one scratch buffer; small inputs use the std sort.
fn radix_sort(items: &mut Vec<u64>, shift: u32) {
    const SMALL: usize = 512;
    const MAX_DIGIT_BITS: u32 = 11;
    let key = |item: u64| item.checked_shr(shift).unwrap_or(0);
    if items.len() <= SMALL {
        items.sort_by_key(|&item| key(item));
        return;
    }
    let first = key(items[0]);
    let varying = items.iter().fold(0, |acc, &item| acc | (key(item) ^ first));
    if varying == 0 {
        return;
    }
    // Bits below `low` and from `low + span` up are the same in every key: they cannot change
    // the order.
    let low = varying.trailing_zeros();
    let span = 64 - varying.leading_zeros() - low;
    let passes = span.div_ceil(MAX_DIGIT_BITS);
    let width = span.div_ceil(passes);
    let radix = 1usize << width;
    let mask = (radix - 1) as u64;
    let digit = |item: u64, pass: u32| ((key(item) >> (low + pass * width)) & mask) as usize;

    let mut counts = vec![0usize; passes as usize * radix];
    for &item in items.iter() {
        for pass in 0..passes {
            counts[pass as usize * radix + digit(item, pass)] += 1;
        }
    }
    let mut scratch = vec![0u64; items.len()];
    for (pass, count) in (0..passes).zip(counts.chunks_exact(radix)) {
        if count.contains(&items.len()) {
            continue;
        }
        let mut next = Vec::with_capacity(radix);
        let mut start = 0;
        for &c in count {
            next.push(start);
            start += c;
        }
        for &item in items.iter() {
            let slot = &mut next[digit(item, pass)];
            scratch[*slot] = item;
            *slot += 1;
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

    /// A deterministic xorshift64 generator.
    fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    #[test]
    fn low_mask_covers_zero_to_64_bits() {
        assert_eq!(low_mask(0), 0);
        assert_eq!(low_mask(1), 1);
        assert_eq!(low_mask(17), 0x1_ffff);
        assert_eq!(low_mask(64), u64::MAX);
    }

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
        // Sizes around the small-input cut-off, keys varying in few or in all bits, many ties.
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        // Kind 4 mixes the others (every bit varies); each alone varies a narrower span of bits.
        for (n, kind) in [0, 1, 2, 511, 512, 513, 5_000, 70_000]
            .into_iter()
            .flat_map(|n| (0..5).map(move |kind| (n, kind)))
        {
            let keys: Vec<u64> = (0..n)
                .map(|_| {
                    let raw = next();
                    match if kind == 4 { raw % 4 } else { kind } {
                        0 => order_key(-((raw >> 8) as f64)),
                        1 => order_key((raw % 50) as f64 * 500.0),
                        2 => raw,
                        _ => order_key(((raw >> 3) % 1_000_000) as f64 / 7.0),
                    }
                })
                .collect();
            // Whole 64-bit keys, no payload.
            let mut items = keys.clone();
            let mut want = keys.clone();
            want.sort_unstable();
            radix_sort(&mut items, 0);
            assert_eq!(items, want, "n = {n}, kind = {kind}, shift 0");
            // The keys' top 40 bits over a 24-bit payload (the input order): stable.
            let mut items: Vec<u64> = keys
                .iter()
                .zip(0u64..)
                .map(|(key, i)| (key >> 24) << 24 | i)
                .collect();
            let mut want = items.clone();
            want.sort_by_key(|item| item >> 24);
            radix_sort(&mut items, 24);
            assert_eq!(items, want, "n = {n}, kind = {kind}, shift 24");
        }
    }

    #[test]
    fn rows_come_out_as_a_stable_sort_of_the_counted_input() {
        // Both paths of `OfferSet::new`: offers that pack beside the key bits, and offers too
        // wide to (which sort as pairs), on salaries whose keys vary in few or in all bits.
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        for n in [600, 5_000] {
            for kind in 0..4 {
                for wide in [false, true] {
                    let input: Vec<Offer> = (0..n)
                        .map(|_| {
                            let raw = next();
                            let salary = match kind {
                                0 => (1_000 + raw % 19_001) as f64,
                                1 => (raw % 40) as f64 * 250.0 - 2_000.0,
                                2 => f64::from_bits(raw),
                                _ => [0.0, -0.0, 5_500.0, f64::NAN, -1e300][(raw % 5) as usize],
                            };
                            let offers = match (wide, raw >> 60) {
                                (true, 0) => u64::MAX - (raw >> 40) % 3,
                                _ => (raw >> 32) % 7,
                            };
                            Offer { salary, offers }
                        })
                        .collect();
                    let mut want: Vec<(f64, u64)> = input
                        .iter()
                        .filter(|row| row.offers > 0 && row.salary.is_finite())
                        .map(|row| (row.salary, row.offers))
                        .collect();
                    want.sort_by(|a, b| a.0.total_cmp(&b.0));
                    // -0.0 sorts before 0.0, then reads as 0.0.
                    want.iter_mut().for_each(|row| row.0 += 0.0);
                    let got: Vec<(f64, u64)> = OfferSet::new(&input).rows().collect();
                    assert_eq!(got, want, "n = {n}, kind = {kind}, wide = {wide}");
                }
            }
        }
    }

    #[test]
    fn running_sums_past_u64_max_keep_each_row_and_rank_exact() {
        let max = u64::MAX;
        let rows: Vec<Offer> = [(3.0, max), (1.0, max), (2.0, 5), (4.0, max), (5.0, 1)]
            .into_iter()
            .map(|(salary, offers)| Offer { salary, offers })
            .collect();
        let set = OfferSet::new(&rows);
        let back: Vec<(f64, u64)> = set.rows().collect();
        assert_eq!(
            back,
            vec![(1.0, max), (2.0, 5), (3.0, max), (4.0, max), (5.0, 1)]
        );
        let total = 3 * u128::from(max) + 6;
        assert_eq!(set.total_offers(), total);
        assert_eq!(set.value_at_rank(0), 1.0);
        assert_eq!(set.value_at_rank(u128::from(max) - 1), 1.0);
        assert_eq!(set.value_at_rank(u128::from(max)), 2.0);
        assert_eq!(set.value_at_rank(u128::from(max) + 4), 2.0);
        assert_eq!(set.value_at_rank(u128::from(max) + 5), 3.0);
        assert_eq!(set.value_at_rank(total - 2), 4.0);
        assert_eq!(set.value_at_rank(total - 1), 5.0);
        assert_eq!(set.offers_before(2), u128::from(max) + 5);
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
