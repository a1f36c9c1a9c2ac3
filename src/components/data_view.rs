//! Renders its content once the dataset is ready; a loading line or the error panel before that.

use crate::components::error_panel::DataErrorPanel;
use crate::data::Dataset;
use crate::state::{DatasetCtx, LoadState};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn WithDataset<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = use_context::<DatasetCtx>();
    move || match state.map(|s| s.0.get()) {
        Some(LoadState::Ready(dataset)) => render(dataset).into_any(),
        Some(LoadState::Failed(error)) => view! { <DataErrorPanel error=error /> }.into_any(),
        Some(LoadState::Loading) | None => view! {
            <p class="loading" role="status">
                "Loading the data…"
            </p>
        }
        .into_any(),
    }
}
