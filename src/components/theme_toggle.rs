//! Light/dark toggle: follows the system until the reader chooses, then remembers the choice.

use crate::charts::Theme;
use crate::state::ThemeCtx;
use leptos::prelude::*;

/// The storage key of the reader's choice; the release build's boot script (scripts/postbuild.mjs)
/// applies it before the first paint under the same key.
pub const THEME_KEY: &str = "backend-atlas.theme";

/// Applies a stored choice (if any) to `<html data-theme>`, before the first render.
pub fn apply_stored_choice() {
    if let Ok(Some(value)) = crate::storage::get(THEME_KEY) {
        if value == "light" || value == "dark" {
            set_attribute(Some(&value));
        }
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

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = use_context::<ThemeCtx>().map(|t| t.0);
    let current = move || theme.map(|t| t.get()).unwrap_or_default();
    let toggle = move |_| {
        let next = match current() {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        };
        let value = if next == Theme::Dark { "dark" } else { "light" };
        set_attribute(Some(value));
        // If storage is blocked the choice lasts for this page only; nothing else to do.
        let _ = crate::storage::set(THEME_KEY, value);
        if let Some(t) = theme {
            t.set(next);
        }
    };
    view! {
        <button
            type="button"
            class="icon-button theme-toggle"
            aria-pressed=move || (current() == Theme::Dark).to_string()
            on:click=toggle
        >
            <span aria-hidden="true">{move || if current() == Theme::Dark { "☾" } else { "☀" }}</span>
            "Dark theme"
        </button>
    }
}
