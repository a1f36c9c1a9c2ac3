//! `performance.mark` / `measure` entries that the benchmark (`make bench`) reads:
//! `dataset-ready`, `chart:<id>` after each chart draw, `import:parse` and `import:stats`
//! (measures around CSV parsing and the statistics kernel), and `offers-imported`; also
//! `app-start` / `app-mounted` around mounting the app, for traces (the benchmark does not
//! read them).
//!
//! Also [`next_task`], which splits work into separate browser tasks.

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

/// Resolves in a later browser task (a zero-delay timeout). Work before and after it then runs
/// as two tasks, so the page can paint and take input in between, and neither counts as one
/// long task (Lighthouse's Total Blocking Time).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
