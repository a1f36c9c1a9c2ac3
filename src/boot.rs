//! The hand-over from a route's static first paint to the live page.
//!
//! A release build's route file (scripts/postbuild.mjs) holds `main[data-boot]`: the page's
//! heading and lead with "Loading the page…", and on a route with build-time charts a snapshot of
//! its default view (`[data-snapshot]`, scripts/snapshot.mjs) with the drawings where the canvases
//! will be. An inline script in its head shows the snapshot before the first paint for an
//! address without query or fragment, by putting `boot-default` on `<html>`, which such a route
//! file marks with the class `snapshot` (style/static-charts.css).
//!
//! While it shows, the app renders its own page laid out at the same width but out of sight, and
//! the snapshot stays until each chart it drew has been drawn live ([`chart_drawn`], from
//! `ChartFrame`): then one task swaps them, and since the snapshot is that page's own markup,
//! nothing moves and no frame is without a chart. A page that cannot come (the data or the
//! page's code failing), another route ([`page_shown`]) or a long wait hands over at once
//! ([`release`]).

use leptos::prelude::set_timeout;

/// The longest the snapshot stays when the page's charts never draw.
const LONGEST: std::time::Duration = std::time::Duration::from_secs(15);

fn find(selector: &str) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()
}

/// Just after the app is mounted, in the same task: keeps the snapshot if it shows, else
/// removes the static page (the app has drawn its own pending page in its place).
///
/// A kept snapshot moves to the end of the body, after the app's nodes: the app's header then
/// takes the static header's place, above it, when it renders.
pub fn start() {
    let body = web_sys::window().and_then(|w| w.document()?.body());
    let main =
        find(".boot-default main[data-boot] > [data-snapshot]").and_then(|s| s.parent_node());
    match (body, main) {
        (Some(body), Some(main)) => {
            let _ = body.append_child(&main);
            set_timeout(release, LONGEST);
        }
        _ => release(),
    }
}

/// A live chart has drawn: once every chart the snapshot drew has, the live page takes over.
/// (Once the static page is gone, every redraw costs two selector lookups that find nothing.)
pub fn chart_drawn(id: &str) {
    // The snapshot's drawings of this chart (one per width) carry `data-chart="<id>"`.
    let drawing = format!("main[data-boot] [data-chart=\"{id}\"]");
    while let Some(el) = find(&drawing) {
        if el.remove_attribute("data-chart").is_err() {
            break;
        }
    }
    if find("main[data-boot] [data-chart]").is_none() {
        release();
    }
}

/// Removes the static page and `boot-default` (style/static-charts.css): the live page shows in
/// its place.
pub fn release() {
    crate::components::page::remove_static_copy("main[data-boot]");
    if let Some(html) = web_sys::window().and_then(|w| w.document()?.document_element()) {
        let _ = html.class_list().remove_1("boot-default");
    }
}

/// A route's page is on its way (`app::lazy_page`): one for another route than the snapshot's
/// means the reader has navigated, and the live page takes over at once.
pub fn page_shown(path: &str) {
    if find(&format!("main[data-boot] > [data-route=\"{path}\"]")).is_none() {
        release();
    }
}
