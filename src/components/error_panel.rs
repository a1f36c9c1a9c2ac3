//! The panel shown when the dataset cannot be used: what went wrong and what to do.

use crate::data::DataError;
use leptos::prelude::*;

#[component]
pub fn DataErrorPanel(error: DataError) -> impl IntoView {
    let problems = error.problems().to_vec();
    let count = problems.len();
    let advice = match &error {
        DataError::Network { .. } | DataError::Http { .. } => {
            "Check your connection and reload. If it keeps failing, the site may be mid-deploy."
        }
        _ => "The bundled data file is damaged. Reload; if this stays, please report it to the site's maintainers.",
    };
    let reload = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    view! {
        <section class="error-panel" role="alert">
            <h2>"The salary and career data could not be loaded"</h2>
            <p>{format!("What went wrong: {error}.")}</p>
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
            <p>{advice} " Pages that do not need the data still work."</p>
            <p>
                <a href=reload>"Reload the page"</a>
            </p>
        </section>
    }
}
