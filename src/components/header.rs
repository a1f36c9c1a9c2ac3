//! Site header: skip link, product name, main navigation marking the current page.

use crate::routes;
use crate::state::app_base;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    // Drawn in place of the route file's static header, in this same task.
    crate::components::page::remove_static_copy("header[data-boot]");
    let base = app_base();
    let links = routes::all()
        .iter()
        .filter_map(|route| {
            let label = route.nav?;
            // The overview is a prefix of every path, so only an exact match marks it.
            let exact = route.path == "/";
            Some(view! {
                <li>
                    <A href=base.href(route.path) exact=exact>
                        {label}
                    </A>
                </li>
            })
        })
        .collect_view();

    view! {
        <header class="site-header">
            <a class="skip-link" href="#main" on:click=skip_to_main>
                "Skip to content"
            </a>
            <div class="header-inner">
                <a class="brand" href=base.href("/")>
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    "Backend Atlas"
                </a>
                <nav aria-label="Main">
                    <ul class="nav-list">{links}</ul>
                </nav>
                <div class="header-tools">
                    <crate::components::search::SearchButton />
                    <crate::components::theme_toggle::ThemeToggle />
                </div>
            </div>
        </header>
    }
}

/// With `<base href>` set, `#main` would resolve to the base URL and navigate away, so the
/// skip link moves focus itself.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
    {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}
