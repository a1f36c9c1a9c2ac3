//! The frame every page shares: sets the document title and renders the page heading.

use crate::routes;
use crate::state::set_page_meta;
use leptos::prelude::*;

/// Wraps a page: `path` is its route (`"/salaries"`), which names its heading and title.
#[component]
pub fn Page(path: &'static str, children: Children) -> impl IntoView {
    set_page_meta(Some(path));
    // `/sources#source-x`, `/salaries#offers-heading`: land on the target once it renders.
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
        crate::components::search::land_on(id.to_owned(), 0);
    }
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
