//! The panels shown when the dataset or a page's code cannot be used: what went wrong and what
//! to do.

use crate::data::DataError;
use leptos::prelude::*;

/// The dataset's panel; with `file`, the panel of one of a page's own data files (the Locations
/// page's OEWS files), which leaves the rest of the page working.
#[component]
pub fn DataErrorPanel(error: DataError, #[prop(optional)] file: Option<String>) -> impl IntoView {
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
    view! {
        <section class="error-panel" role="alert">
            <h2>"This page could not be loaded"</h2>
            <p>
                {if offline() {
                    OFFLINE
                } else {
                    "Part of the site's code did not arrive. Check your connection and reload; if it keeps failing, the site may be mid-deploy."
                }}
            </p>
            <ReloadLink />
        </section>
    }
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
