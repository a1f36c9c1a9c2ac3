//! The Salaries page (`/salaries`).

use crate::components::page::Page;
use leptos::prelude::*;

#[component]
pub fn Salaries() -> impl IntoView {
    view! {
        <Page path="/salaries">
            <p class="lead">"Salary ranges by seniority across sources, offer statistics and where your own salary stands. Interactive charts arrive here next."</p>
        </Page>
    }
    .into_any()
}
