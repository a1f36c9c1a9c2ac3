//! Site footer: where the numbers come from.

use crate::state::app_base;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let base = app_base();
    view! {
        <footer class="site-footer">
            <p>
                "Every figure is quoted from a named public document; nothing is estimated or filled in. "
                <a href=base.href("/sources")>"Data sources"</a>
            </p>
            <p class="muted">"Backend Atlas runs entirely in your browser: no accounts, no tracking."</p>
        </footer>
    }
}
