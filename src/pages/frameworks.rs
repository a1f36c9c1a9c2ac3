//! The Frameworks page (`/frameworks`).

use crate::components::page::Page;
use leptos::prelude::*;

#[component]
pub fn Frameworks() -> impl IntoView {
    view! {
        <Page path="/frameworks">
            <p class="lead">"FastAPI, Flask, Django, Sanic, Express.js, Spring Boot and the rest, side by side."</p>
        </Page>
    }
    .into_any()
}
