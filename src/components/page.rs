//! The frame every page shares: sets the document title and renders the page heading.

use crate::routes;
use crate::state::set_page_meta;
use leptos::prelude::*;

/// Wraps a page: `path` is its route (`"/salaries"`), which names its heading and title.
#[component]
pub fn Page(path: &'static str, children: Children) -> impl IntoView {
    set_page_meta(Some(path));
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
