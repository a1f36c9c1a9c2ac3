//! Site-wide search: a header button and Ctrl+K / Cmd+K open a dialog; typing searches the
//! dataset in WASM (`crate::search`), arrows move, Enter goes to the exact place (scrolled into
//! view and focused), Esc closes and returns focus.

use crate::components::landing::land_on;
use crate::components::lazy::lazy_view;
use crate::search::{Entry, Index};
use crate::state::{app_base, DatasetCtx, LoadState};
use leptos::html::{Button, Input};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::sync::Arc;

const LIMIT: usize = 8;

#[component]
pub fn SearchButton() -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("k") {
            ev.prevent_default();
            open.set(true);
        }
    });
    on_cleanup(move || handle.remove());
    // Bumped when Search is pressed while "open": the dialog's backdrop covers the button, so
    // that only happens after its chunk failed to load, and it retries the load.
    let attempt = RwSignal::new(0u32);
    view! {
        <button
            type="button"
            class="icon-button search-button"
            aria-haspopup="dialog"
            node_ref=button
            on:click=move |_| {
                if open.get_untracked() {
                    attempt.update(|n| *n += 1);
                } else {
                    open.set(true);
                }
            }
        >
            <span aria-hidden="true">"⌕"</span>
            <span class="button-label">"Search"</span>
            <kbd aria-hidden="true">"Ctrl K"</kbd>
        </button>
        <Show when=move || open.get()>
            {move || {
                attempt.track();
                lazy_view(load_dialog(open, button), || ().into_any(), move || search_failed(open))
            }}
        </Show>
    }
}

// The dialog and the search index are their own chunk: nobody pays for them before searching.
crate::split_view! {
    async fn load_dialog(open: RwSignal<bool>, button: NodeRef<Button>) => search_dialog {
        view! { <SearchDialog open=open button=button /> }.into_any()
    }
}

/// In place of the dialog when its chunk cannot be fetched.
fn search_failed(open: RwSignal<bool>) -> AnyView {
    view! {
        <div class="search-failed" role="alert">
            <p>"Search could not be loaded. Check your connection, then press Search again."</p>
            <button type="button" class="button" on:click=move |_| open.set(false)>
                "Close"
            </button>
        </div>
    }
    .into_any()
}

#[component]
fn SearchDialog(open: RwSignal<bool>, button: NodeRef<Button>) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let text = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let dataset = use_context::<DatasetCtx>();
    // The OEWS areas come from the default occupation's file, fetched when the dialog opens
    // (the browser's cache answers when Locations was visited); search works without them.
    let areas = RwSignal::new(None::<Arc<crate::data::AreaFile>>);
    if let Some(LoadState::Ready(d)) = dataset.map(|d| d.0.get_untracked()) {
        if let Some(release) = d.oews.clone() {
            // The base is read here: the task below runs without the app's context.
            let base = app_base();
            leptos::task::spawn_local(async move {
                if let Some(file) = load_areas(base, &release).await {
                    areas.set(Some(Arc::new(file)));
                }
            });
        }
    }
    // Built once per opening from the loaded dataset (and again when the areas arrive): a few
    // hundred entries, well under a frame.
    // The reader's roadmap notes are searchable too: read from this browser's storage once per
    // opening (an unreadable value gives none; the Roadmap page reports it).
    let stored = crate::storage::get(crate::progress::STORAGE_KEY)
        .ok()
        .flatten();
    let index = Memo::new(move |_| match dataset.map(|d| d.0.get()) {
        Some(LoadState::Ready(d)) => {
            let mut index = match areas.get() {
                Some(file) => Index::build_with_areas(&d, &file),
                None => Index::build(&d),
            };
            let plan = crate::progress::load_stored_plan(stored.as_deref(), &d.roadmap).plan;
            index.add_notes(&d, plan.notes());
            Some(Arc::new(index))
        }
        _ => None,
    });
    let results = Memo::new(move |_| {
        let q = text.get();
        index.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.search(&q, LIMIT)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<Entry>>()
                })
                .unwrap_or_default()
        })
    });
    // On the next frame: when the dialog arrives in its own chunk, Suspense attaches it to the
    // document only after this effect first runs.
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            request_animation_frame(move || {
                let _ = el.focus();
            });
        }
    });
    let navigate = use_navigate();
    let close = move |return_focus: bool| {
        open.set(false);
        if return_focus {
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let go = move |entry: Entry| {
        close(false);
        let mut url = app_base().href(entry.path);
        if let Some(q) = &entry.query {
            url = format!("{url}?{q}");
        }
        // The href already includes the base; resolving again would double it.
        navigate(
            &url,
            NavigateOptions {
                resolve: false,
                ..Default::default()
            },
        );
        land_on(entry.anchor, 0);
    };
    let go_for_keys = go.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            let n = results.with_untracked(Vec::len);
            if n > 0 {
                active.update(|a| *a = (*a + 1) % n);
            }
        }
        "ArrowUp" => {
            ev.prevent_default();
            let n = results.with_untracked(Vec::len);
            if n > 0 {
                active.update(|a| *a = (*a + n - 1) % n);
            }
        }
        "Enter" => {
            ev.prevent_default();
            if let Some(entry) = results.with_untracked(|r| r.get(active.get_untracked()).cloned())
            {
                go_for_keys(entry);
            }
        }
        "Escape" => {
            ev.prevent_default();
            close(true);
        }
        _ => {}
    };
    let status = move || {
        if index.with(Option::is_none) {
            return match dataset.map(|d| d.0.get()) {
                Some(LoadState::Failed(_)) => {
                    "Search needs the data, which did not load.".to_owned()
                }
                _ => "Loading the data…".to_owned(),
            };
        }
        let n = results.with(Vec::len);
        match (text.with(|t| t.trim().is_empty()), n) {
            (true, _) => {
                "Type to search frameworks, roadmap items and your notes on them, skills, questions, terms, sources and US areas."
                    .to_owned()
            }
            (false, 0) => "No matches.".to_owned(),
            (false, n) => format!("{n} result(s). Use the arrow keys and Enter."),
        }
    };
    view! {
        <div class="search-backdrop" on:click=move |_| close(true)></div>
        <div class="search-dialog" role="dialog" aria-modal="true" aria-label="Search Backend Atlas">
            <input
                node_ref=input
                type="search"
                class="search-input"
                placeholder="Search…"
                role="combobox"
                aria-label="Search"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || (!results.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || {
                    (!results.with(Vec::is_empty)).then(|| format!("search-result-{}", active.get()))
                }
                prop:value=text
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    active.set(0);
                }
                on:keydown=on_key
            />
            <p class="search-status muted" role="status">{status}</p>
            <ul id="search-results" role="listbox" aria-label="Results">
                {move || {
                    results
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, entry)| {
                            let go = go.clone();
                            let chosen = entry.clone();
                            view! {
                                <li
                                    id=format!("search-result-{i}")
                                    role="option"
                                    aria-selected=move || (active.get() == i).to_string()
                                    class="search-result"
                                    on:mousemove=move |_| active.set(i)
                                    on:click=move |_| go(chosen.clone())
                                >
                                    <span class="search-title">{entry.title.clone()}</span>
                                    <span class="search-kind">{entry.kind.label()}</span>
                                    <span class="search-detail">{entry.detail.clone()}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The default occupation's OEWS file, or `None` if it cannot be had (offline, damaged): search
/// then simply has no areas.
async fn load_areas(
    base: crate::state::AppBase,
    release: &crate::data::OewsRelease,
) -> Option<crate::data::AreaFile> {
    let code = release.occupations.first()?.code.clone();
    let url = base.href(&format!("/data/oews/{code}.json"));
    let text = crate::state::fetch_text(&url).await.ok()?;
    let footnotes: Vec<u8> = release.footnotes.iter().map(|f| f.code).collect();
    crate::data::parse_area_file(&text, &code, &footnotes).ok()
}
