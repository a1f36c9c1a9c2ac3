//! The header's theme select: follow the system (the default), or light or dark. The choice
//! and what it does are [`crate::theme`]'s.

use crate::theme::{self, Choice, ThemeCtx};
use leptos::prelude::*;

/// A select whose shown value says the current choice ("Theme: system"). Its options are
/// static; the stored choice is selected once it is drawn (an array of option views would
/// bring its own rendering code into every route's first load).
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let page = use_context::<ThemeCtx>().map(|t| t.0);
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(select) = select.get() {
            select.set_value(theme::stored_choice().id());
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        theme::choose(Choice::from_id(&event_target_value(&ev)));
        if let Some(t) = page {
            t.set(theme::page_theme());
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
