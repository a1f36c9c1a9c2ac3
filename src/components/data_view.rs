//! Renders its content once the dataset is ready; a loading line or the error panel before that.
//! The first such render in a document is where the page becomes interactive
//! (`page-interactive`, a `performance` mark).

use crate::components::error_panel::DataErrorPanel;
use crate::data::Dataset;
use crate::state::{DatasetCtx, LoadState};
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Whether `page-interactive` has been marked in this document.
static MARKED: AtomicBool = AtomicBool::new(false);

/// Marks `page-interactive` (read by the benchmark, scripts/bench.mjs) once per document: one
/// browser task after the first page content drawn with the data, when its controls are in the
/// page with their handlers and the main thread is free to answer them.
fn mark_interactive_once() {
    if MARKED.swap(true, Ordering::Relaxed) {
        return;
    }
    leptos::task::spawn_local(async {
        crate::perf::next_task().await;
        crate::perf::mark("page-interactive");
    });
}

#[component]
pub fn WithDataset<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = use_context::<DatasetCtx>();
    move || match state.map(|s| s.0.get()) {
        Some(LoadState::Ready(dataset)) => {
            mark_interactive_once();
            render(dataset).into_any()
        }
        Some(LoadState::Failed(error)) => {
            crate::boot::release();
            view! { <DataErrorPanel error=error /> }.into_any()
        }
        Some(LoadState::Loading) | None => view! {
            <p class="loading" role="status">
                "Loading the data…"
            </p>
        }
        .into_any(),
    }
}
