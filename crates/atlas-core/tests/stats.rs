#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Native tests of `stats`: offer-weighted percentiles against a naive expanded-list reference,
//! histograms and their labels, and the cross-source consensus on the real dataset.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

mod common;

use proptest::prelude::*;

use atlas_core::data::{self, Dataset, Level, Period, SalaryBand, SalaryFigure, YearsRange};
use atlas_core::stats::{
    bucket_label, consensus_by_level, monthly_to_yearly, yearly_to_monthly, Bucket, Offer,
    OfferSet, CONSENSUS_METHOD, DEFAULT_BUCKET_WIDTH, MAX_BUCKETS,
};

const ATLAS: &str = include_str!("../../../public/data/atlas.json");

fn set(rows: &[(f64, u64)]) -> OfferSet {
    let rows: Vec<Offer> = rows
        .iter()
        .map(|&(salary, offers)| Offer { salary, offers })
        .collect();
    OfferSet::new(&rows)
}

/// What a summary must say; `None` for an empty set.
#[derive(Debug)]
struct Expect {
    candidates: u64,
    total: u128,
    min: f64,
    max: f64,
    mean: f64,
    median: f64,
    p10: f64,
    p90: f64,
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn check(rows: &[(f64, u64)], expected: Option<Expect>) {
    let offers = set(rows);
    let summary = offers.summary();
    let Some(e) = expected else {
        assert!(offers.is_empty(), "{rows:?}");
        assert_eq!(summary, None, "{rows:?}");
        assert_eq!(offers.total_offers(), 0);
        assert_eq!(offers.percentile(0.5), None);
        assert_eq!(offers.percentile_rank(1000.0), None);
        assert_eq!(offers.histogram(500.0), Vec::new());
        return;
    };
    let s = summary.unwrap_or_else(|| panic!("no summary for {rows:?}"));
    assert_eq!(s.candidates, e.candidates, "candidates of {rows:?}");
    assert_eq!(s.total_offers, e.total, "total of {rows:?}");
    assert_eq!(offers.total_offers(), e.total);
    for (name, got, want) in [
        ("min", s.min, e.min),
        ("max", s.max, e.max),
        ("mean", s.mean, e.mean),
        ("median", s.median, e.median),
        ("p10", s.p10, e.p10),
        ("p90", s.p90, e.p90),
    ] {
        assert!(
            close(got, want),
            "{name} of {rows:?}: got {got}, want {want}"
        );
    }
    assert!(
        s.min <= s.p10 && s.p10 <= s.p25 && s.p25 <= s.median,
        "{s:?}"
    );
    assert!(
        s.median <= s.p75 && s.p75 <= s.p90 && s.p90 <= s.max,
        "{s:?}"
    );
    assert!(close(
        s.offers_per_candidate,
        e.total as f64 / e.candidates as f64
    ));
}

#[test]
fn summaries_table() {
    // Empty input and all-zero weights: nothing to count.
    check(&[], None);
    check(&[(4500.0, 0), (6000.0, 0)], None);
    // Non-finite salaries are dropped too.
    check(&[(f64::NAN, 3), (f64::INFINITY, 1)], None);
    // A single row.
    check(
        &[(4500.0, 10)],
        Some(Expect {
            candidates: 1,
            total: 10,
            min: 4500.0,
            max: 4500.0,
            mean: 4500.0,
            median: 4500.0,
            p10: 4500.0,
            p90: 4500.0,
        }),
    );
    // Two rows, one offer each: even total, median halfway; p10 = 1000 + 0.1 * 1000.
    check(
        &[(2000.0, 1), (1000.0, 1)],
        Some(Expect {
            candidates: 2,
            total: 2,
            min: 1000.0,
            max: 2000.0,
            mean: 1500.0,
            median: 1500.0,
            p10: 1100.0,
            p90: 1900.0,
        }),
    );
    // Odd total: the middle value.
    check(
        &[(3.0, 1), (1.0, 1), (2.0, 1)],
        Some(Expect {
            candidates: 3,
            total: 3,
            min: 1.0,
            max: 3.0,
            mean: 2.0,
            median: 2.0,
            p10: 1.2,
            p90: 2.8,
        }),
    );
    // Even total of four: mean of the two middle values.
    check(
        &[(1.0, 1), (2.0, 1), (3.0, 1), (4.0, 1)],
        Some(Expect {
            candidates: 4,
            total: 4,
            min: 1.0,
            max: 4.0,
            mean: 2.5,
            median: 2.5,
            p10: 1.3,
            p90: 3.7,
        }),
    );
    // Ties, split over rows: [3000 x5, 5000] -> h = 2.5 lies inside the tie.
    check(
        &[(3000.0, 2), (5000.0, 1), (3000.0, 3)],
        Some(Expect {
            candidates: 3,
            total: 6,
            min: 3000.0,
            max: 5000.0,
            mean: 20000.0 / 6.0,
            median: 3000.0,
            p10: 3000.0,
            p90: 4000.0,
        }),
    );
    // Zero-offer rows are not candidates.
    check(
        &[(1000.0, 0), (2000.0, 2), (9000.0, 0)],
        Some(Expect {
            candidates: 1,
            total: 2,
            min: 2000.0,
            max: 2000.0,
            mean: 2000.0,
            median: 2000.0,
            p10: 2000.0,
            p90: 2000.0,
        }),
    );
}

#[test]
fn the_sources_own_example_counts_a_candidate_once_per_offer() {
    // "a candidate with a salary of $4,500 who received 10 offers is counted 10 times".
    let offers = set(&[(4500.0, 10), (9000.0, 1), (8000.0, 1)]);
    let s = offers.summary().unwrap();
    assert_eq!(s.candidates, 3);
    assert_eq!(s.total_offers, 12);
    // Expanded: [4500 x10, 8000, 9000]: both middle values are 4500.
    assert_eq!(s.median, 4500.0);
    assert_eq!(
        offers.percentile_rank(4500.0),
        Some(10.0 / 2.0 / 12.0 * 100.0)
    );
}

#[test]
fn huge_weights_do_not_overflow() {
    let max = u64::MAX;
    // Two rows of u64::MAX: the two middle ranks straddle the rows.
    let offers = set(&[(2000.0, max), (1000.0, max)]);
    assert_eq!(offers.total_offers(), 2 * u128::from(max));
    let s = offers.summary().unwrap();
    assert_eq!(s.median, 1500.0);
    assert_eq!(s.mean, 1500.0);
    assert_eq!(s.p10, 1000.0);
    assert_eq!(s.p90, 2000.0);
    assert_eq!(offers.percentile_rank(1000.0), Some(25.0));
    assert_eq!(offers.percentile_rank(1500.0), Some(50.0));

    // u64::MAX against a single offer: the median is the heavy row.
    let offers = set(&[(1000.0, max), (2000.0, 1)]);
    assert_eq!(offers.median(), Some(1000.0));
    assert_eq!(offers.percentile(1.0), Some(2000.0));

    // 5000 rows of u64::MAX: the total needs 77 bits and (n - 1) * p more than 128.
    let rows: Vec<(f64, u64)> = (0..5000).map(|i| (f64::from(i), max)).collect();
    let offers = set(&rows);
    assert_eq!(offers.total_offers(), 5000 * u128::from(max));
    assert_eq!(offers.median(), Some(2499.5));
    assert_eq!(offers.percentile(0.0), Some(0.0));
    assert_eq!(offers.percentile(1.0), Some(4999.0));
    // h = (5000w - 1) / 4 = 1250w - 0.25: rank 1250w - 1 is row 1249, the next is row 1250.
    assert!(close(offers.percentile(0.25).unwrap(), 1249.75));
}

#[test]
fn percentile_clamps_p_and_rejects_nan() {
    let offers = set(&[(1.0, 1), (2.0, 1)]);
    assert_eq!(offers.percentile(-1.0), Some(1.0));
    assert_eq!(offers.percentile(7.0), Some(2.0));
    assert_eq!(offers.percentile(f64::NAN), None);
    assert_eq!(offers.percentile_rank(f64::NAN), None);
}

/// numpy's default ("linear") percentile on the expanded list.
fn naive_percentile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - h.floor()) * (sorted[hi] - sorted[lo])
}

fn naive_rank(sorted: &[f64], x: f64) -> f64 {
    let below = sorted.iter().filter(|&&v| v < x).count() as f64;
    let equal = sorted.iter().filter(|&&v| v == x).count() as f64;
    (below + equal / 2.0) / sorted.len() as f64 * 100.0
}

/// Up to 11 (salary, offers) rows of few distinct salaries, so ties are common: multiples of
/// 250 below 10,000, some plus 0.50; weights include 0.
fn rows() -> impl Strategy<Value = Vec<(f64, u64)>> {
    prop::collection::vec(
        (0..40u32, prop::bool::weighted(0.25), 0..6u64).prop_map(|(step, half, count)| {
            (
                250.0 * f64::from(step) + if half { 0.5 } else { 0.0 },
                count,
            )
        }),
        0..12,
    )
}

proptest! {
    #![proptest_config(common::proptest_config(2000))]

    #[test]
    fn percentiles_match_the_expanded_list_on_random_inputs(
        rows in rows(),
        random_ps in prop::collection::vec(0.0..1.0f64, 5),
    ) {
        let offers = set(&rows);
        let mut expanded: Vec<f64> = rows
            .iter()
            .flat_map(|&(salary, count)| std::iter::repeat_n(salary, count as usize))
            .collect();
        expanded.sort_by(f64::total_cmp);
        prop_assert_eq!(offers.total_offers(), expanded.len() as u128);
        if expanded.is_empty() {
            prop_assert_eq!(offers.summary(), None);
            return Ok(());
        }
        let mut ps = vec![0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0];
        ps.extend(random_ps);
        for p in ps {
            let got = offers.percentile(p).unwrap();
            let want = naive_percentile(&expanded, p);
            prop_assert!(close(got, want), "p {}: {} vs {}", p, got, want);
        }
        let s = offers.summary().unwrap();
        let mean = expanded.iter().sum::<f64>() / expanded.len() as f64;
        prop_assert!(close(s.mean, mean), "mean {} vs {}", s.mean, mean);
        prop_assert_eq!(s.min, expanded[0]);
        prop_assert_eq!(s.max, expanded[expanded.len() - 1]);
        prop_assert_eq!(
            s.candidates,
            rows.iter().filter(|(_, count)| *count > 0).count() as u64
        );
        for x in [0.0, 1000.0, 2500.0, 2500.5, 5000.0, 20000.0, expanded[0]] {
            let got = offers.percentile_rank(x).unwrap();
            let want = naive_rank(&expanded, x);
            prop_assert!(close(got, want), "rank {}: {} vs {}", x, got, want);
        }
        // The histogram holds every offer exactly once.
        let total: u128 = offers.histogram(500.0).iter().map(|b| b.offers).sum();
        prop_assert_eq!(total, expanded.len() as u128);
    }
}

#[test]
fn percentile_rank_table() {
    let offers = set(&[(1000.0, 1), (2000.0, 2), (3000.0, 1)]);
    for (x, want) in [
        (500.0, 0.0),
        (1000.0, 12.5),
        (1500.0, 25.0),
        (2000.0, 50.0),
        (2500.0, 75.0),
        (3000.0, 87.5),
        (5000.0, 100.0),
        (f64::INFINITY, 100.0),
        (f64::NEG_INFINITY, 0.0),
    ] {
        assert_eq!(offers.percentile_rank(x), Some(want), "rank of {x}");
    }
}

fn bucket(lower: f64, upper: f64, offers: u128) -> Bucket {
    Bucket {
        lower,
        upper,
        offers,
    }
}

#[test]
fn histogram_buckets_at_edges() {
    // "5k+" includes salaries >= $5,000 and < $5,500.
    let offers = set(&[(4999.99, 1), (5000.0, 2), (5499.99, 3), (5500.0, 4)]);
    assert_eq!(
        offers.histogram(500.0),
        vec![
            bucket(4500.0, 5000.0, 1),
            bucket(5000.0, 5500.0, 5),
            bucket(5500.0, 6000.0, 4),
        ]
    );
}

#[test]
fn histogram_has_no_gaps_and_skips_zero_weights() {
    let offers = set(&[(3100.0, 1), (1000.0, 2), (99_000.0, 0)]);
    assert_eq!(
        offers.histogram(500.0),
        vec![
            bucket(1000.0, 1500.0, 2),
            bucket(1500.0, 2000.0, 0),
            bucket(2000.0, 2500.0, 0),
            bucket(2500.0, 3000.0, 0),
            bucket(3000.0, 3500.0, 1),
        ]
    );
}

#[test]
fn histogram_invalid_width_falls_back_to_500() {
    let offers = set(&[(5200.0, 1)]);
    for width in [0.0, -500.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let h = offers.histogram_with_width(width);
        assert_eq!(h.width, DEFAULT_BUCKET_WIDTH, "width {width}");
        assert!(!h.widened);
        assert_eq!(h.buckets, vec![bucket(5000.0, 5500.0, 1)], "width {width}");
    }
}

#[test]
fn histogram_edges_hold_for_fractional_widths() {
    // 0.3 / 0.1 is 2.9999999999999996 in floating point; the bucket must still be [0.3, 0.4).
    let offers = set(&[(0.3, 1), (0.7, 1)]);
    let h = offers.histogram_with_width(0.1);
    for b in &h.buckets {
        assert!(b.lower < b.upper);
    }
    let holding: Vec<&Bucket> = h.buckets.iter().filter(|b| b.offers > 0).collect();
    assert_eq!(holding.len(), 2);
    assert!(holding[0].lower <= 0.3 && 0.3 < holding[0].upper, "{h:?}");
    assert!(holding[1].lower <= 0.7 && 0.7 < holding[1].upper, "{h:?}");
}

#[test]
fn histogram_is_capped_by_widening_to_a_multiple() {
    // 0 .. 1,000,000 in 500s would be 2001 buckets.
    let offers = set(&[(0.0, 1), (1_000_000.0, 1), (250_000.0, 3)]);
    let h = offers.histogram_with_width(500.0);
    assert!(h.widened);
    assert!(h.buckets.len() <= MAX_BUCKETS, "{}", h.buckets.len());
    assert_eq!(h.width % 500.0, 0.0);
    assert_eq!(h.width, 3000.0, "smallest multiple of 500 that fits");
    assert_eq!(h.buckets.iter().map(|b| b.offers).sum::<u128>(), 5);
    assert_eq!(h.buckets.first().unwrap().lower, 0.0);
    let last = h.buckets.last().unwrap();
    assert!(last.lower <= 1_000_000.0 && 1_000_000.0 < last.upper);
    for pair in h.buckets.windows(2) {
        assert_eq!(pair[0].upper, pair[1].lower, "contiguous");
    }
    // Exactly MAX_BUCKETS buckets are fine as they are.
    let offers = set(&[(0.0, 1), (500.0 * (MAX_BUCKETS as f64 - 1.0), 1)]);
    let h = offers.histogram_with_width(500.0);
    assert!(!h.widened);
    assert_eq!(h.buckets.len(), MAX_BUCKETS);
}

#[test]
fn histogram_survives_extreme_values() {
    for rows in [
        vec![(1.0, 1), (f64::MAX, 1)],
        vec![(-f64::MAX, 1), (f64::MAX, 1)],
        vec![(1e-300, 1), (1e300, 1)],
        vec![(-2500.0, 1), (-1.0, 2)],
    ] {
        let offers = set(&rows);
        for width in [1e-300, 0.1, 500.0, 1e300] {
            let h = offers.histogram_with_width(width);
            assert!(
                !h.buckets.is_empty() && h.buckets.len() <= MAX_BUCKETS,
                "{rows:?} {width}"
            );
            let total: u128 = h.buckets.iter().map(|b| b.offers).sum();
            assert_eq!(total, offers.total_offers(), "{rows:?} {width}");
        }
    }
    // Negative salaries floor downwards: -1 is in [-500, 0).
    let h = set(&[(-1.0, 1)]).histogram(500.0);
    assert_eq!(h, vec![bucket(-500.0, 0.0, 1)]);
}

#[test]
fn bucket_labels() {
    for (lower, want) in [
        (5000.0, "5k+"),
        (5500.0, "5.5k+"),
        (750.0, "750+"),
        (120_000.0, "120k+"),
        (0.0, "0+"),
        (-0.0, "0+"),
        (999.0, "999+"),
        (1000.0, "1k+"),
        (5250.0, "5.25k+"),
        (5125.0, "5.125k+"),
        (12.5, "12.5+"),
        (1_500_000.0, "1.5M+"),
        (-500.0, "-500+"),
    ] {
        assert_eq!(bucket_label(lower), want, "label of {lower}");
    }
}

#[test]
fn period_conversions() {
    assert_eq!(monthly_to_yearly(7707.0), 92484.0);
    assert_eq!(yearly_to_monthly(120_000.0), 10_000.0);
    assert_eq!(yearly_to_monthly(monthly_to_yearly(4500.0)), 4500.0);
}

fn atlas() -> Dataset {
    data::parse(ATLAS).expect("atlas.json loads")
}

#[test]
fn consensus_on_the_real_dataset() {
    let d = atlas();
    let bands: Vec<&SalaryBand> = d.salary_bands.iter().collect();
    let levels = consensus_by_level(&bands);
    let order: Vec<Level> = levels.iter().map(|c| c.level).collect();
    let mut sorted = order.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(order, sorted, "one entry per level, in Level order");
    for level in Level::ALL {
        assert_eq!(
            order.contains(&level),
            d.salary_bands.iter().any(|b| b.level == level),
            "{level:?}"
        );
    }
    let at = |level: Level| levels.iter().find(|c| c.level == level).unwrap();

    let junior = at(Level::Junior);
    assert_eq!(
        junior.midpoints,
        vec![
            ("upstaff-fastapi-2024".to_string(), 60000.0),
            ("backend-role-roadmap".to_string(), 70000.0),
        ]
    );
    assert_eq!(junior.points, vec![("hire-backend".to_string(), 50000)]);
    assert!(junior.open.is_empty());
    assert_eq!(junior.consensus, Some(65000.0));
    // The $50,000 average is below every range's minimum and widens the envelope.
    assert_eq!(junior.envelope, Some((50000, Some(80000))));

    let lead = at(Level::Lead);
    assert_eq!(
        lead.open,
        vec![("upstaff-fastapi-2024".to_string(), 130000)]
    );
    assert_eq!(lead.points, vec![("hire-backend".to_string(), 120000)]);
    assert_eq!(lead.envelope, Some((120000, None)), "open-ended: no top");
    assert!(lead.midpoints.is_empty());
    assert_eq!(lead.consensus, None, "no closed range at lead");

    let principal = at(Level::Principal);
    assert_eq!(
        principal.open,
        vec![("backend-role-roadmap".to_string(), 170000)]
    );
    assert_eq!(principal.envelope, Some((170000, None)));
    assert_eq!(principal.consensus, None);
    // The stated top ("$220,000+") is a lower bound for the top, never a maximum.
    let band = d
        .salary_bands
        .iter()
        .find(|b| b.level == Level::Principal)
        .unwrap();
    assert_eq!(
        band.salary,
        SalaryFigure::OpenRange {
            min: 170000,
            stated_top: Some(220000)
        }
    );

    for c in &levels {
        // The consensus is the median of the closed ranges' midpoints, and only that.
        let mut mids: Vec<f64> = c.midpoints.iter().map(|(_, m)| *m).collect();
        mids.sort_by(f64::total_cmp);
        let want = match mids.len() {
            0 => None,
            n if n % 2 == 1 => Some(mids[n / 2]),
            n => Some((mids[n / 2 - 1] + mids[n / 2]) / 2.0),
        };
        assert_eq!(c.consensus, want, "{:?}", c.level);
        let (low, _) = c.envelope.unwrap();
        if let Some(consensus) = c.consensus {
            assert!(f64::from(low) <= consensus, "{:?}", c.level);
        }
    }
    assert!(CONSENSUS_METHOD.contains("median of the midpoints"));
}

fn band(source: &str, level: Level, salary: SalaryFigure, period: Period) -> SalaryBand {
    SalaryBand {
        id: format!("{source}-{}", level.id()),
        source: source.to_string(),
        role: "Backend developer".to_string(),
        level,
        source_label: level.label().to_string(),
        years: Some(YearsRange { min: 0, max: None }),
        region: None,
        salary,
        currency: data::Currency::Usd,
        period,
        quote: String::new(),
    }
}

#[test]
fn consensus_rules_on_made_up_bands() {
    assert!(consensus_by_level(&[]).is_empty());
    let bands = [
        band(
            "a",
            Level::Senior,
            SalaryFigure::Range { min: 100, max: 200 },
            Period::Year,
        ),
        band(
            "b",
            Level::Senior,
            SalaryFigure::Range { min: 120, max: 140 },
            Period::Year,
        ),
        band(
            "c",
            Level::Senior,
            SalaryFigure::Range { min: 10, max: 20 },
            Period::Month,
        ),
        band(
            "d",
            Level::Senior,
            SalaryFigure::Point { value: 1000 },
            Period::Year,
        ),
        band(
            "e",
            Level::Junior,
            SalaryFigure::Point { value: 50 },
            Period::Year,
        ),
    ];
    let refs: Vec<&SalaryBand> = bands.iter().collect();
    let levels = consensus_by_level(&refs);
    assert_eq!(levels.len(), 2);
    assert_eq!(levels[0].level, Level::Junior);
    assert_eq!(
        levels[0].consensus, None,
        "a point alone gives no consensus"
    );
    assert_eq!(levels[0].envelope, Some((50, Some(50))));
    let senior = &levels[1];
    // Midpoints 150, 130 and (120 + 240) / 2 = 180 (monthly converted to yearly): median 150.
    assert_eq!(
        senior.midpoints,
        vec![
            ("a".to_string(), 150.0),
            ("b".to_string(), 130.0),
            ("c".to_string(), 180.0),
        ]
    );
    assert_eq!(
        senior.consensus,
        Some(150.0),
        "the point (1000) is not used"
    );
    assert_eq!(senior.envelope, Some((100, Some(1000))));
}
