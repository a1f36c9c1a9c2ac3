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
            crate::components::landing::land_on(id.to_owned(), 0);
        }
    });
    // After a client-side navigation, focus moves to the new page's heading, so keyboard and
    // screen-reader users start on the page they chose and hear its name. The app's first page
    // keeps the browser's own focus, and a link to an anchor lands there instead.
    let first_page = !OPENED_A_PAGE.swap(true, std::sync::atomic::Ordering::Relaxed);
    if !first_page && hash.get_untracked().is_empty() {
        // After this render (the last page's heading, with the same id, is gone by then), and
        // once it is in the document (a page that arrives in its own chunk is built first).
        // Not while a search result or an anchor is being landed on.
        Effect::new(|_| {
            use crate::components::landing::{land_on, LANDING};
            if !LANDING.load(std::sync::atomic::Ordering::Relaxed) {
                land_on("page-heading".into(), 0);
            }
        });
    }
    let (heading, lead) = heading_and_lead(path);
    let lead_class = if no_print_lead {
        "lead no-print"
    } else {
        "lead"
    };
    view! {
        <div class="page">
            <h1 id="page-heading" tabindex="-1">{heading}</h1>
            <p class=lead_class>{lead}</p>
            {children()}
        </div>
    }
}

/// Whether a page has been shown since the app started (see `Page`).
static OPENED_A_PAGE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

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
