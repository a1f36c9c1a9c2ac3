//! Axis helpers: "nice" tick values and compact money labels.

/// Tick values covering `[0, max]` with a 1-2-2.5-5 step, about `target` of them.
/// Returns the ticks and the axis end (the last tick, at least `max`).
pub fn nice_ticks(max: f64, target: usize) -> (Vec<f64>, f64) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let target = target.max(2) as f64;
    let raw = max / target;
    // The largest power of ten not above `raw`, found with `powi` (no libm `log10`/`pow`).
    let mut exp: i32 = 0;
    while 10f64.powi(exp + 1) <= raw {
        exp += 1;
    }
    while 10f64.powi(exp) > raw {
        exp -= 1;
    }
    let magnitude = 10f64.powi(exp);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| step * target >= max)
        .unwrap_or(10.0 * magnitude);
    let count = (max / step).ceil() as usize;
    let ticks: Vec<f64> = (0..=count).map(|i| i as f64 * step).collect();
    let end = ticks.last().copied().unwrap_or(max);
    (ticks, end)
}

/// `150000` -> `"$150k"`, `7707` -> `"$7.7k"`, `500` -> `"$500"`, `2500000` -> `"$2.5M"`.
pub fn short_money(value: f64) -> String {
    let abs = value.abs();
    let (scaled, suffix) = if abs >= 1_000_000.0 {
        (value / 1_000_000.0, "M")
    } else if abs >= 1_000.0 {
        (value / 1_000.0, "k")
    } else {
        (value, "")
    };
    format!("${}{suffix}", crate::format::trimmed(scaled, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_maximum_with_round_steps() {
        for (max, target, expected_end, expected_step) in [
            (220_000.0, 5, 250_000.0, 50_000.0),
            (200_000.0, 4, 200_000.0, 50_000.0),
            (7_707.0, 5, 8_000.0, 2_000.0),
            (1.0, 4, 1.0, 0.25),
            (0.0, 4, 1.0, 0.25),
            (f64::NAN, 4, 1.0, 0.25),
        ] {
            let (ticks, end) = nice_ticks(max, target);
            assert_eq!(end, expected_end, "max {max}");
            assert_eq!(ticks[1] - ticks[0], expected_step, "max {max}");
            assert_eq!(ticks[0], 0.0);
        }
    }

    #[test]
    fn short_money_labels() {
        for (value, expected) in [
            (150_000.0, "$150k"),
            (7_707.0, "$7.7k"),
            (500.0, "$500"),
            (0.0, "$0"),
            (2_500_000.0, "$2.5M"),
            (62_500.0, "$62.5k"),
        ] {
            assert_eq!(short_money(value), expected);
        }
    }
}
