//! The frame every page shares: sets the document title and renders the page heading.

use crate::routes;
use crate::state::set_page_meta;
use leptos::prelude::*;

/// Wraps a page: `path` is its route (`"/salaries"`), which names its heading and title.
#[component]
pub fn Page(path: &'static str, children: Children) -> impl IntoView {
    set_page_meta(Some(path));
    // `/sources#source-x`, `/salaries#offers-heading`: land on the target once it renders.
    // Tracks the router's location, which (unlike `window.location`) is already up to date
    // when a client-side navigation builds the page.
    let hash = leptos_router::hooks::use_location().hash;
    Effect::new(move |_| {
        let hash = hash.get();
        let id = hash.trim_start_matches('#');
        if !id.is_empty() {
            crate::components::search::land_on(id.to_owned(), 0);
        }
    });
    let heading = routes::meta(path)
        .map(|m| m.heading.clone())
        .unwrap_or_default();
    view! {
        <div class="page">
            <h1>{heading}</h1>
            {children()}
        </div>
    }
}
