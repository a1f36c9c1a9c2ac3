//! Keyboard navigation of the list: moving between items and opening one by id.

use wasm_bindgen::JsCast;

pub(super) fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Focuses the item after `item` (or before it), in page order across the stages.
pub(super) fn focus_next_item(item: &web_sys::Element, forward: bool) {
    let Some(items) = item
        .owner_document()
        .and_then(|d| d.query_selector_all("li.item").ok())
    else {
        return;
    };
    let Some(at) =
        (0..items.length()).find(|&i| items.item(i).is_some_and(|n| n.is_same_node(Some(item))))
    else {
        return;
    };
    let next = if forward {
        at.checked_add(1)
    } else {
        at.checked_sub(1)
    };
    if let Some(el) = next
        .and_then(|i| items.item(i))
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls to and focuses an element; `open` also opens its `<details>` (an item's).
pub(super) fn focus_by_id(id: &str, open: bool) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if open {
        if let Some(details) = el.query_selector(":scope > details").ok().flatten() {
            let _ = details.set_attribute("open", "");
        }
    }
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
