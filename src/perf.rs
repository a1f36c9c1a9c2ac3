//! `performance.mark` / `measure` entries that the benchmark (`make bench`) reads:
//! `dataset-ready`, `chart:<id>` after each chart draw, `import:parse` and `import:stats`
//! (measures around CSV parsing and the statistics kernel), and `offers-imported`.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Records a measure named `name` from the mark `start_mark` to now.
pub fn measure(name: &str, start_mark: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(name, start_mark);
    }
}
