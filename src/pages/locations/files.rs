//! Fetching the OEWS files: the state map and one occupation's figures, each parsed and checked
//! once per page load and kept (switching back to an occupation redraws without a download).
//! A failure is a value the sections show in their own panel.

use crate::data::{self, AreaFile, DataError, OewsRelease, StatesMap};
use crate::state::{app_base, AppBase};
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
    /// The chosen occupation's figures for the nation and the states: what the map draws.
    pub states: RwSignal<Load<Arc<AreaFile>>>,
    /// The chosen occupation's full file (every area), once [`OewsFiles::want_all`] was called.
    pub file: RwSignal<Load<Arc<AreaFile>>>,
    all_wanted: RwSignal<bool>,
}

/// Where the files are, under the site's `data/` folder.
pub const MAP_PATH: &str = "/data/oews/states-map.json";

/// The occupation's full file (`states`: false) or its nation-and-states subset.
pub fn occupation_path(code: &str, states: bool) -> String {
    if states {
        format!("/data/oews/{code}-states.json")
    } else {
        format!("/data/oews/{code}.json")
    }
}

thread_local! {
    /// Files already parsed in this page load.
    static MAP: RefCell<Option<Arc<StatesMap>>> = const { RefCell::new(None) };
    /// (path, file).
    static FILES: RefCell<Vec<(String, Arc<AreaFile>)>> = const { RefCell::new(Vec::new()) };
}

impl OewsFiles {
    /// Starts fetching the map and follows `occ` (a SOC code of `release`): its states subset at
    /// once, its full file once a section asks for it.
    pub fn start(release: &OewsRelease, occ: Memo<String>) -> OewsFiles {
        // Read here, under the page's owner: the fetches run in tasks that have no context.
        let base = app_base();
        let files = OewsFiles {
            map: RwSignal::new(Load::Loading),
            states: RwSignal::new(Load::Loading),
            file: RwSignal::new(Load::Loading),
            all_wanted: RwSignal::new(false),
        };
        match MAP.with_borrow(Clone::clone) {
            Some(map) => files.map.set(Load::Ready(map)),
            None => leptos::task::spawn_local(async move {
                let result = fetch(base, MAP_PATH, data::parse_states_map).await;
                if let Load::Ready(map) = &result {
                    MAP.set(Some(map.clone()));
                }
                files.map.try_set(result);
            }),
        }
        let footnotes: Vec<u8> = release.footnotes.iter().map(|f| f.code).collect();
        let notes = footnotes.clone();
        Effect::new(move |_| follow(base, occ, true, files.states, notes.clone()));
        Effect::new(move |_| {
            if files.all_wanted.get() {
                follow(base, occ, false, files.file, footnotes.clone());
            }
        });
        files
    }

    /// Asks for the chosen occupation's full file (the list and the comparison need it).
    pub fn want_all(self) {
        self.all_wanted.set(true);
    }
}

/// Loads `occ`'s file (the states subset or the full one) into `slot`, from the cache when it
/// was parsed before. A later choice wins: an answer that arrives after the reader moved on
/// to another occupation is kept in the cache but not shown.
fn follow(
    base: AppBase,
    occ: Memo<String>,
    states: bool,
    slot: RwSignal<Load<Arc<AreaFile>>>,
    footnotes: Vec<u8>,
) {
    let code = occ.get();
    let path = occupation_path(&code, states);
    let cached = FILES.with_borrow(|list| {
        list.iter()
            .find(|(p, _)| *p == path)
            .map(|(_, f)| f.clone())
    });
    if let Some(file) = cached {
        slot.set(Load::Ready(file));
        return;
    }
    slot.set(Load::Loading);
    leptos::task::spawn_local(async move {
        let wanted = code.clone();
        let result = fetch(base, &path, move |text| {
            data::parse_area_file(text, &wanted, &footnotes)
        })
        .await;
        if let Load::Ready(file) = &result {
            FILES.with_borrow_mut(|list| list.push((path.clone(), file.clone())));
        }
        // `try_`: the page may have been left (and its signals disposed) meanwhile.
        if occ.try_get_untracked().as_deref() == Some(code.as_str()) {
            slot.try_set(result);
        }
    });
}

/// Fetches and parses one file. The download is one non-generic future (`fetch_text`); only the
/// parse differs per type.
async fn fetch<T>(
    base: AppBase,
    path: &str,
    parse: impl FnOnce(&str) -> Result<T, DataError>,
) -> Load<Arc<T>> {
    let text = download(base, path).await;
    match text.and_then(|text| parse(&text)) {
        Ok(value) => Load::Ready(Arc::new(value)),
        Err(error) => Load::Failed(Failure {
            file: path.trim_start_matches('/').to_owned(),
            error,
        }),
    }
}

async fn download(base: AppBase, path: &str) -> Result<String, DataError> {
    crate::state::fetch_text(&base.href(path)).await
}
