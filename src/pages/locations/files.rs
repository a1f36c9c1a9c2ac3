//! Fetching the OEWS files: the state map and one occupation's figures, each parsed and checked
//! once per page load and kept (switching back to an occupation redraws without a download).
//! A failure is a value the sections show in their own panel.

use crate::data::{self, AreaFile, DataError, OewsRelease, StatesMap};
use crate::state::app_base;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

/// A file on its way, in, or failed (with what to tell the reader).
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(Failure),
}

/// Why a file cannot be used: its path and the error.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub file: String,
    pub error: DataError,
}

/// The page's OEWS files, shared by its sections (context).
#[derive(Debug, Clone, Copy)]
pub struct OewsFiles {
    pub map: RwSignal<Load<Arc<StatesMap>>>,
    /// The chosen occupation's file.
    pub file: RwSignal<Load<Arc<AreaFile>>>,
}

/// Where the files are, under the site's `data/` folder.
pub const MAP_PATH: &str = "/data/oews/states-map.json";

pub fn occupation_path(code: &str) -> String {
    format!("/data/oews/{code}.json")
}

thread_local! {
    /// Files already parsed in this page load: (path, result).
    static MAP: RefCell<Option<Arc<StatesMap>>> = const { RefCell::new(None) };
    static FILES: RefCell<Vec<(String, Arc<AreaFile>)>> = const { RefCell::new(Vec::new()) };
}

impl OewsFiles {
    /// Starts fetching the map and follows `occ` (a SOC code of `release`).
    pub fn start(release: &OewsRelease, occ: Memo<String>) -> OewsFiles {
        let files = OewsFiles {
            map: RwSignal::new(Load::Loading),
            file: RwSignal::new(Load::Loading),
        };
        match MAP.with_borrow(Clone::clone) {
            Some(map) => files.map.set(Load::Ready(map)),
            None => leptos::task::spawn_local(async move {
                let result = fetch(MAP_PATH, data::parse_states_map).await;
                if let Load::Ready(map) = &result {
                    MAP.set(Some(map.clone()));
                }
                files.map.set(result);
            }),
        }
        let footnotes: Vec<u8> = release.footnotes.iter().map(|f| f.code).collect();
        Effect::new(move |_| {
            let code = occ.get();
            let cached = FILES.with_borrow(|list| {
                list.iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, f)| f.clone())
            });
            if let Some(file) = cached {
                files.file.set(Load::Ready(file));
                return;
            }
            files.file.set(Load::Loading);
            let footnotes = footnotes.clone();
            leptos::task::spawn_local(async move {
                let wanted = code.clone();
                let result = fetch(&occupation_path(&code), move |text| {
                    data::parse_area_file(text, &wanted, &footnotes)
                })
                .await;
                if let Load::Ready(file) = &result {
                    FILES.with_borrow_mut(|list| list.push((code.clone(), file.clone())));
                }
                // A later choice wins: drop an answer that arrives after the reader moved on.
                if occ.get_untracked() == code {
                    files.file.set(result);
                }
            });
        });
        files
    }
}

async fn fetch<T>(path: &str, parse: impl FnOnce(&str) -> Result<T, DataError>) -> Load<Arc<T>> {
    let url = app_base().href(path);
    match crate::state::fetch_text(&url)
        .await
        .and_then(|text| parse(&text))
    {
        Ok(value) => Load::Ready(Arc::new(value)),
        Err(error) => Load::Failed(Failure {
            file: path.trim_start_matches('/').to_owned(),
            error,
        }),
    }
}

/// In place of a section whose file cannot be used: what went wrong, and that the rest of the
/// page still works.
#[component]
pub fn FailedPanel(failure: Failure) -> impl IntoView {
    let problems: Vec<String> = failure
        .error
        .problems()
        .iter()
        .take(8)
        .map(ToString::to_string)
        .collect();
    let more = failure
        .error
        .problems()
        .len()
        .saturating_sub(problems.len());
    let advice = match failure.error {
        DataError::Network { .. } | DataError::Http { .. } => {
            "Check your connection and reload the page."
        }
        _ => "The file is damaged; reload, and if this stays please report it to the site's maintainers.",
    };
    view! {
        <div class="error-panel" role="alert">
            <h3>{format!("{} could not be used", failure.file)}</h3>
            <p>{format!("What went wrong: {}.", failure.error)}</p>
            {(!problems.is_empty()).then(|| view! {
                <ul class="problem-list">
                    {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            })}
            {(more > 0).then(|| view! { <p>{format!("…and {more} more.")}</p> })}
            <p>{advice} " The rest of the page and the app keep working."</p>
        </div>
    }
}
