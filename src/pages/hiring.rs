//! The Hiring page (`/hiring`).

use crate::components::page::Page;
use leptos::prelude::*;

#[component]
pub fn Hiring() -> impl IntoView {
    view! {
        <Page path="/hiring">
            <p class="lead">"An interview kit for recruiters hiring FastAPI and backend developers."</p>
        </Page>
    }
    .into_any()
}
