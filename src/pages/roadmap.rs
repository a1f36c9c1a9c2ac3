//! The Roadmap page (`/roadmap`).

use crate::components::page::Page;
use leptos::prelude::*;

#[component]
pub fn Roadmap() -> impl IntoView {
    view! {
        <Page path="/roadmap">
            <p class="lead">"What to learn in which order, from the first three months to senior, with progress kept in this browser."</p>
        </Page>
    }
    .into_any()
}
