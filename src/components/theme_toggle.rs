//! The theme: follow the system (the default), or light or dark, chosen in the header. The
//! choice is remembered; "system" forgets it again.

use crate::state::ThemeCtx;
use leptos::prelude::*;

/// The storage key of the reader's choice; the release build's boot script (scripts/postbuild.mjs)
/// applies it before the first paint under the same key.
pub const THEME_KEY: &str = "backend-atlas.theme";

/// The stored choice: `"light"`, `"dark"`, or `"system"` when none (or an unknown value) is
/// stored.
fn stored_choice() -> &'static str {
    match crate::storage::get(THEME_KEY) {
        Ok(Some(value)) if value == "light" => "light",
        Ok(Some(value)) if value == "dark" => "dark",
        _ => "system",
    }
}

/// Applies a stored choice (if any) to `<html data-theme>`, before the first render.
pub fn apply_stored_choice() {
    let choice = stored_choice();
    if choice != "system" {
        set_attribute(Some(choice));
    }
}

fn set_attribute(value: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match value {
        Some(v) => root.set_attribute("data-theme", v),
        None => root.remove_attribute("data-theme"),
    };
}

/// A select whose shown value says the current choice ("Theme: system"). Its options are
/// static; the stored choice is selected once it is drawn (an array of option views would
/// bring its own rendering code into every route's first load).
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = use_context::<ThemeCtx>().map(|t| t.0);
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(select) = select.get() {
            select.set_value(stored_choice());
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let next = match event_target_value(&ev).as_str() {
            "light" => "light",
            "dark" => "dark",
            _ => "system",
        };
        // If storage is blocked the choice lasts for this page only; nothing else to do.
        if next == "system" {
            set_attribute(None);
            let _ = crate::storage::remove(THEME_KEY);
        } else {
            set_attribute(Some(next));
            let _ = crate::storage::set(THEME_KEY, next);
        }
        if let Some(t) = theme {
            t.set(crate::components::chart::page_theme());
        }
    };
    view! {
        <label class="theme-choice">
            <span class="visually-hidden">"Theme"</span>
            <select class="theme-select" name="theme" node_ref=select on:change=on_change>
                <option value="system">"Theme: system"</option>
                <option value="light">"Theme: light"</option>
                <option value="dark">"Theme: dark"</option>
            </select>
        </label>
    }
}
