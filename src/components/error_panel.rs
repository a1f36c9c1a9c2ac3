//! The panels shown when the dataset or a page's code cannot be used: what went wrong and what
//! to do.

use crate::components::lazy::lazy_view;
use crate::data::DataError;
use leptos::prelude::*;

/// The dataset's panel; with `file`, the panel of one of a page's own data files (the Locations
/// page's OEWS files), which leaves the rest of the page working.
///
/// Its code is a chunk of its own, fetched when a file fails: no page's first load carries it
/// (1.9 – 2.3 KB gzipped a page pack, BENCHMARKS.md run Y). A line says so until it is in, and
/// if it cannot come either, a short panel says so without the details.
#[component]
pub fn DataErrorPanel(error: DataError, #[prop(optional)] file: Option<String>) -> impl IntoView {
    let failed = StoredValue::new((error, file));
    lazy_view(
        error_details(failed),
        || {
            view! { <p class="loading" role="status">"The data could not be loaded. Loading the details…"</p> }.into_any()
        },
        || {
            short_panel(
                "The data could not be loaded",
                "Nor could the details of what went wrong. Check your connection and reload.",
            )
        },
    )
}

crate::split_view! {
    async fn error_details(failed: StoredValue<(DataError, Option<String>)>) => data_error {
        let (error, file) = failed.get_value();
        view! { <DataErrorDetails error=error file=file.unwrap_or_default() /> }.into_any()
    }
}

/// The panel itself: [`DataErrorPanel`] without the wait for its chunk (an empty `file`: the
/// dataset's).
#[component]
pub fn DataErrorDetails(error: DataError, #[prop(optional)] file: String) -> impl IntoView {
    let file = (!file.is_empty()).then_some(file);
    let problems = error.problems().to_vec();
    let count = problems.len();
    let (heading, what, rest) = match &file {
        None => (
            "The salary and career data could not be loaded".to_owned(),
            error.to_string(),
            " Pages that do not need the data still work.",
        ),
        // `DataError` speaks of "the dataset": here it is one file.
        Some(file) => (
            format!("{file} could not be used"),
            error.to_string().replacen("the dataset", "the file", 1),
            " The rest of the page and the app keep working.",
        ),
    };
    let advice = match &error {
        DataError::Network { .. } if offline() => OFFLINE,
        DataError::Network { .. } | DataError::Http { .. } | DataError::Unchecked => {
            "Check your connection and reload. If it keeps failing, the site may be mid-deploy."
        }
        _ => "The bundled data file is damaged. Reload; if this stays, please report it to the site's maintainers.",
    };
    view! {
        <section class="error-panel" role="alert">
            <h2>{heading}</h2>
            <p>{format!("What went wrong: {what}.")}</p>
            {(count > 0)
                .then(|| {
                    view! {
                        <ul class="problem-list">
                            {problems
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <li>
                                            <code>{p.path}</code>
                                            ": "
                                            {p.message}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <p>{advice} {rest}</p>
            <ReloadLink />
        </section>
    }
}

/// In place of a page whose wasm chunk could not be fetched (see `crate::components::lazy`).
#[component]
pub fn ChunkErrorPanel() -> impl IntoView {
    short_panel(
        "This page could not be loaded",
        "Part of the site's code did not arrive. Check your connection and reload; if it keeps failing, the site may be mid-deploy.",
    )
}

/// A panel with no details: `heading`, then `advice` (or, offline, [`OFFLINE`]) and a reload
/// link. It is also the fallback of the `data_error` chunk: one function in the main module, not
/// a copy in every page pack (`inline(never)` keeps the optimiser from copying it back).
#[inline(never)]
fn short_panel(heading: &'static str, advice: &'static str) -> AnyView {
    view! {
        <section class="error-panel" role="alert">
            <h2>{heading}</h2>
            <p>{if offline() { OFFLINE } else { advice }}</p>
            <ReloadLink />
        </section>
    }
    .into_any()
}

/// What a panel says when the browser is offline and the file was never saved for offline use
/// (the service worker keeps what the site needs once a first visit has finished, and any data
/// file opened online since: README "Offline").
const OFFLINE: &str = "You are offline, and this part was not saved in this browser yet. It loads once you are back online.";

/// Whether the browser says it has no network.
fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// A link to the current address, which reloads the page.
#[component]
fn ReloadLink() -> impl IntoView {
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    view! {
        <p>
            <a href=here>"Reload the page"</a>
        </p>
    }
}
