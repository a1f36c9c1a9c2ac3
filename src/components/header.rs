//! Site header: skip link, product name, main navigation marking the current page, search and
//! theme. On a phone it is one row (the name, search and a Menu button); the menu opens the
//! navigation and the theme below it, and closes after a navigation or on Escape.

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

    let open = RwSignal::new(false);
    // Any link in the header (a page, the product name) closes the menu as it navigates.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a").ok().flatten())
            .is_some();
        if on_link {
            open.set(false);
        }
    };
    let menu_button = NodeRef::<leptos::html::Button>::new();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <header class="site-header" class:menu-open=move || open.get() on:keydown=on_key on:click=on_click>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                "Skip to content"
            </a>
            <div class="header-inner">
                <a class="brand" href=base.href("/")>
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    "Backend Atlas"
                </a>
                <nav id="site-nav" aria-label="Main">
                    <ul class="nav-list">{links}</ul>
                </nav>
                <div class="header-tools">
                    <crate::components::search::SearchButton />
                    <crate::components::theme_toggle::ThemeToggle />
                    // Shown on a phone only (style/main.css).
                    <button
                        type="button"
                        class="icon-button menu-button"
                        aria-controls="site-nav"
                        node_ref=menu_button
                        on:click=move |_| open.update(|o| *o = !*o)
                        aria-expanded=move || open.get().to_string()
                    >
                        <span aria-hidden="true">"☰"</span>
                        "Menu"
                    </button>
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
