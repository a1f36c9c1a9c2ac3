//! The frame every page shares: sets the document title and renders the page heading and lead.

use crate::routes;
use crate::state::set_page_meta;
use leptos::prelude::*;

/// Wraps a page: `path` is its route (`"/salaries"`), which names its heading, lead paragraph
/// and title (src/routes.json). `no_print_lead` leaves the lead out of print.
#[component]
pub fn Page(
    path: &'static str,
    #[prop(optional)] no_print_lead: bool,
    children: Children,
) -> impl IntoView {
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
    let (heading, lead) = heading_and_lead(path);
    let lead_class = if no_print_lead {
        "lead no-print"
    } else {
        "lead"
    };
    view! {
        <div class="page">
            <h1>{heading}</h1>
            <p class=lead_class>{lead}</p>
            {children()}
        </div>
    }
}

/// What a page shows while its code is on the way: its heading and lead, as the route's static
/// HTML has them (scripts/postbuild.mjs), so nothing moves when the page arrives.
#[component]
pub fn PendingPage(path: &'static str) -> impl IntoView {
    let (heading, lead) = heading_and_lead(path);
    view! {
        <div class="page" aria-busy="true">
            <h1>{heading}</h1>
            <p class="lead">{lead}</p>
            <p class="loading" role="status">"Loading the page…"</p>
        </div>
    }
}

/// The route's heading and lead paragraph from src/routes.json (empty for an unknown path).
fn heading_and_lead(path: &str) -> (String, String) {
    routes::meta(path)
        .map(|m| (m.heading.to_owned(), m.lead.to_owned()))
        .unwrap_or_default()
}

/// Removes the static copy of the header or of the page (`selector`: `header[data-boot]`,
/// `main[data-boot]`) that a release build's route file shows until the app draws the same in
/// its place (scripts/postbuild.mjs). Called in the same task that draws the replacement, so no
/// frame shows neither or both.
pub fn remove_static_copy(selector: &str) {
    let Some(nodes) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(node) = nodes.item(i) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
}
