//! Offer histograms in fixed-width salary buckets, and their "5k+" labels.

/// Width used when the requested one is not a positive finite number (the source's width).
pub const DEFAULT_BUCKET_WIDTH: f64 = 500.0;

/// Most buckets a histogram returns; wider data gets a wider bucket (see [`Histogram::widened`]).
pub const MAX_BUCKETS: usize = 400;

/// Offers with a salary in `[lower, upper)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    pub lower: f64,
    pub upper: f64,
    pub offers: u128,
}

/// A histogram with the width it was actually built with.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    /// Contiguous buckets from the lowest to the highest non-empty one; empty when no offers.
    pub buckets: Vec<Bucket>,
    /// The width used: the requested one, [`DEFAULT_BUCKET_WIDTH`] if that was invalid, or a
    /// multiple of it when the data would have needed more than [`MAX_BUCKETS`] buckets.
    pub width: f64,
    /// True when `width` is a widened multiple of the requested width.
    pub widened: bool,
}

/// Builds the histogram of rows sorted by salary (see `OfferSet::histogram_with_width`).
pub(super) fn build(rows: impl Iterator<Item = (f64, u64)> + Clone, requested: f64) -> Histogram {
    let base = if requested.is_finite() && requested > 0.0 {
        requested
    } else {
        DEFAULT_BUCKET_WIDTH
    };
    let mut ends = rows.clone().map(|(salary, _)| salary);
    let Some(min) = ends.next() else {
        return Histogram {
            buckets: Vec::new(),
            width: base,
            widened: false,
        };
    };
    let max = ends.last().unwrap_or(min);

    let (width, count) = fitting_width(base, min, max);
    if !width.is_finite() {
        // Only salaries near f64::MAX get here: one bucket holding everything.
        let offers = rows.map(|(_, count)| u128::from(count)).sum();
        return Histogram {
            buckets: vec![Bucket {
                lower: min,
                upper: max,
                offers,
            }],
            width: max - min,
            widened: true,
        };
    }
    let first = bucket_index(min, width);
    let mut buckets: Vec<Bucket> = (0..count)
        .map(|i| {
            let lower = (first + i as f64) * width;
            Bucket {
                lower,
                upper: lower + width,
                offers: 0,
            }
        })
        .collect();
    for (salary, offers) in rows {
        let i = (bucket_index(salary, width) - first).clamp(0.0, (count - 1) as f64) as usize;
        buckets[i].offers = buckets[i].offers.saturating_add(u128::from(offers));
    }
    Histogram {
        buckets,
        width,
        widened: width != base,
    }
}

/// The requested width, or its smallest multiple that needs at most [`MAX_BUCKETS`] buckets,
/// with the number of buckets.
fn fitting_width(base: f64, min: f64, max: f64) -> (f64, usize) {
    let span = |w: f64| bucket_index(max, w) - bucket_index(min, w) + 1.0;
    let needed = span(base);
    if needed <= MAX_BUCKETS as f64 {
        return (base, needed as usize);
    }
    let mut factor = (needed / MAX_BUCKETS as f64).ceil();
    // Usually fits at once or after a step or two; doubling bounds the loop for huge ranges.
    for attempt in 0..2048 {
        let width = base * factor;
        if !width.is_finite() {
            return (width, 1);
        }
        let buckets = span(width);
        if buckets <= MAX_BUCKETS as f64 {
            return (width, buckets.max(1.0) as usize);
        }
        factor = if attempt < 8 {
            factor + 1.0
        } else {
            factor * 2.0
        };
    }
    (f64::INFINITY, 1)
}

/// `⌊salary / width⌋`, corrected so that `index * width <= salary < (index + 1) * width` holds
/// for the products the buckets are built from (plain division can round 0.3 / 0.1 to 2.99…).
fn bucket_index(salary: f64, width: f64) -> f64 {
    let q = (salary / width).floor();
    if (q + 1.0) * width <= salary {
        q + 1.0
    } else if q * width > salary {
        q - 1.0
    } else {
        q
    }
}

/// "5k+" style label of a bucket's lower bound: 5000 -> "5k+", 5500 -> "5.5k+",
/// 750 -> "750+", 120000 -> "120k+", 1500000 -> "1.5M+".
pub fn bucket_label(lower: f64) -> String {
    let magnitude = lower.abs();
    if magnitude < 1_000.0 {
        format!("{}+", crate::format::trimmed(lower, 2))
    } else if magnitude < 1_000_000.0 {
        format!("{}k+", crate::format::trimmed(lower / 1_000.0, 3))
    } else {
        format!("{}M+", crate::format::trimmed(lower / 1_000_000.0, 3))
    }
}
