//! Landing on an anchor after a navigation (a search result, a `#section` link, a new page's
//! heading): wait for the target to render, scroll it into view and focus it.

use leptos::prelude::set_timeout;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use wasm_bindgen::JsCast;

/// After navigating, waits for the target to render (the page may still be mounting), then
/// scrolls it into view and focuses it. A target inside a placeholder (`data-pending`: a part
/// of the page still on its way) is scrolled to, and focused once the part arrives. Gives up
/// quietly after about three seconds.
pub fn land_on(anchor: String, attempt: u32) {
    LANDING.store(true, Ordering::Relaxed);
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&anchor));
    // A target inside a placeholder is scrolled to now and looked for again, like a missing one.
    let ready = found.filter(|el| {
        let pending = el.closest("[data-pending]").ok().flatten().is_some();
        if pending {
            el.scroll_into_view();
        }
        !pending || attempt >= 60
    });
    match ready {
        Some(el) => {
            LANDING.store(false, Ordering::Relaxed);
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            el.scroll_into_view();
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
        None if attempt < 60 => set_timeout(
            move || land_on(anchor, attempt + 1),
            Duration::from_millis(50),
        ),
        None => LANDING.store(false, Ordering::Relaxed),
    }
}

/// Whether a [`land_on`] is still looking for its target (a search result, a `#anchor`): a new
/// page then leaves focus to it rather than to its heading.
pub static LANDING: AtomicBool = AtomicBool::new(false);
