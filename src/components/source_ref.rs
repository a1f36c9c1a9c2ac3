//! "Source: …" link shown next to every figure, pointing at its entry on the Sources page.

use crate::data::Dataset;
use crate::state::app_base;
use leptos::prelude::*;

#[component]
pub fn SourceRef(dataset: std::sync::Arc<Dataset>, id: String) -> impl IntoView {
    let base = app_base();
    let label = dataset
        .sources
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.label())
        .unwrap_or_else(|| id.clone());
    let href = format!("{}#source-{}", base.href("/sources"), id);
    view! {
        <span class="source-ref">
            "Source: " <a href=href>{label}</a>
        </span>
    }
}
