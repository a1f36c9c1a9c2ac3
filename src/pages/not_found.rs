//! Shown for any path the app does not know, with a way back.

use crate::state::{app_base, set_page_meta};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    set_page_meta(None);
    let base = app_base();
    view! {
        <div class="page">
            <h1>"Page not found"</h1>
            <p class="lead">"There is no page at this address. It may have moved, or the link was cut short."</p>
            <p>
                <a href=base.href("/")>
                    "Back to the overview"
                </a>
            </p>
        </div>
    }
    .into_any()
}
