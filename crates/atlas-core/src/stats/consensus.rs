//! Cross-source view of each seniority level from the dataset's salary bands.

use crate::data::{Level, Period, SalaryBand, SalaryFigure, SourceId};

/// What the UI shows next to the consensus marker.
pub const CONSENSUS_METHOD: &str = "Consensus = median of the midpoints of each source's closed \
range at this level. Open-ended ranges (\"$130,000+\") and single averages are shown but not \
used, because they have no midpoint.";

/// Cross-source view of one seniority level, from the dataset's salary bands (yearly USD).
#[derive(Debug, Clone, PartialEq)]
pub struct LevelConsensus {
    pub level: Level,
    /// Lowest and highest figure stated at this level, over ranges, open ranges and single
    /// averages alike (an average counts as both its own low and high). The high end is `None`
    /// when any band at this level is open-ended: nobody stated a top.
    pub envelope: Option<(u32, Option<u32>)>,
    /// `(source, (min + max) / 2)` of every closed range, in band order.
    pub midpoints: Vec<(SourceId, f64)>,
    /// Single averages, in band order: shown, not part of the consensus.
    pub points: Vec<(SourceId, u32)>,
    /// Open ranges as their minimum, in band order: shown, not part of the consensus.
    pub open: Vec<(SourceId, u32)>,
    /// Median of `midpoints`; `None` when the level has no closed range.
    pub consensus: Option<f64>,
}

/// One entry per level that has at least one band, in [`Level`] order.
///
/// Bands stated per month are converted to yearly figures (x12, saturating) so every source is
/// on the same scale; the bundled dataset is yearly throughout.
pub fn consensus_by_level(bands: &[&SalaryBand]) -> Vec<LevelConsensus> {
    Level::ALL
        .into_iter()
        .filter_map(|level| {
            let at_level: Vec<&SalaryBand> = bands
                .iter()
                .copied()
                .filter(|band| band.level == level)
                .collect();
            (!at_level.is_empty()).then(|| level_consensus(level, &at_level))
        })
        .collect()
}

fn level_consensus(level: Level, bands: &[&SalaryBand]) -> LevelConsensus {
    let mut midpoints = Vec::new();
    let mut points = Vec::new();
    let mut open = Vec::new();
    let mut low = u32::MAX;
    let mut high: Option<u32> = Some(0);
    for band in bands {
        let yearly = |x: u32| match band.period {
            Period::Year => x,
            Period::Month => x.saturating_mul(12),
        };
        let source = band.source.clone();
        match band.salary {
            SalaryFigure::Range { min, max } => {
                let (min, max) = (yearly(min), yearly(max));
                midpoints.push((source, (f64::from(min) + f64::from(max)) / 2.0));
                low = low.min(min);
                high = high.map(|h| h.max(max));
            }
            SalaryFigure::OpenRange { min, .. } => {
                let min = yearly(min);
                open.push((source, min));
                low = low.min(min);
                high = None;
            }
            SalaryFigure::Point { value } => {
                let value = yearly(value);
                points.push((source, value));
                low = low.min(value);
                high = high.map(|h| h.max(value));
            }
        }
    }
    let consensus = median(midpoints.iter().map(|(_, mid)| *mid).collect());
    LevelConsensus {
        level,
        envelope: (!bands.is_empty()).then_some((low, high)),
        midpoints,
        points,
        open,
        consensus,
    }
}

/// Plain median (mean of the two middle values for an even count); `None` when empty.
fn median(mut values: Vec<f64>) -> Option<f64> {
    crate::small_sort::sort_by(&mut values, |a, b| a.total_cmp(b).is_lt());
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}
