//! Site footer: where the numbers come from.

use crate::state::app_base;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Footer() -> impl IntoView {
    let base = app_base();
    view! {
        <footer class="site-footer">
            <p>
                "Every figure is quoted from a named public document; nothing is estimated or filled in. "
                <A href=base.href("/sources")>"Data sources"</A>
            </p>
            <p class="muted">"Backend Atlas runs entirely in your browser: no accounts, no tracking."</p>
        </footer>
    }
}
