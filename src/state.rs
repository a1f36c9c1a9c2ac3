//! App-wide context values (typed newtypes) and the one place the dataset is fetched.

use crate::data::{self, DataError, Dataset};
use crate::routes;
use leptos::prelude::*;
use std::sync::Arc;

/// The path the app is served under: `""` at the root, `"/backend-atlas"` on GitHub Pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppBase(pub &'static str);

impl AppBase {
    /// Reads the base from `<base href>` (written by Trunk's `--public-url`).
    pub fn from_document() -> Self {
        let uri = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        // Leaked once per app mount: a few bytes that live as long as the page anyway.
        AppBase(Box::leak(routes::base_from_uri(&uri).into_boxed_str()))
    }

    /// Absolute href for an app path (`"/salaries"`), including the base.
    pub fn href(self, path: &str) -> String {
        routes::join(self.0, path)
    }
}

/// The base from context, or the root when rendered outside the app (component tests).
pub fn app_base() -> AppBase {
    use_context::<AppBase>().unwrap_or(AppBase(""))
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Arc<Dataset>),
    Failed(DataError),
}

/// Whether the page is being printed (or print media is emulated). While it is, charts draw in
/// the light theme at a paper width and show their tables (style/main.css has the print rules).
/// `App` provides it; the window is followed from the first chart on ([`Printing::current`]),
/// so the listeners are code of the chart pages' chunks, not of the main module.
#[derive(Debug, Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

impl Printing {
    /// The app's printing state, following the window once asked for; `None` outside the app.
    pub fn current() -> Option<RwSignal<bool>> {
        use std::sync::atomic::{AtomicBool, Ordering};
        static FOLLOWING: AtomicBool = AtomicBool::new(false);
        let printing = use_context::<Printing>()?.0;
        if !FOLLOWING.swap(true, Ordering::Relaxed) {
            follow_window(printing);
        }
        Some(printing)
    }
}

/// Sets `printing` on `beforeprint` / `afterprint` and when the `print` media query changes
/// (it also changes under emulation, where the two events never fire).
fn follow_window(printing: RwSignal<bool>) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = window.match_media("print").ok().flatten();
    let on_change = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let now = match ev.type_().as_str() {
            "beforeprint" => true,
            "afterprint" => false,
            _ => web_sys::window()
                .and_then(|w| w.match_media("print").ok().flatten())
                .is_some_and(|q| q.matches()),
        };
        if printing.get_untracked() != now {
            printing.set(now);
        }
    });
    let callback = on_change.as_ref().unchecked_ref();
    let _ = window.add_event_listener_with_callback("beforeprint", callback);
    let _ = window.add_event_listener_with_callback("afterprint", callback);
    if let Some(query) = query {
        let _ = query.add_event_listener_with_callback("change", callback);
    }
    // Lives as long as the page.
    on_change.forget();
}

/// The dataset as it loads, shared with every page.
#[derive(Debug, Clone, Copy)]
pub struct DatasetCtx(pub ReadSignal<LoadState>);

pub async fn load_dataset(url: &str) -> LoadState {
    match read_dataset(url).await {
        Ok(dataset) => {
            crate::perf::mark("dataset-ready");
            LoadState::Ready(Arc::new(dataset))
        }
        Err(error) => {
            leptos::logging::debug_warn!("dataset failed to load: {error}");
            LoadState::Failed(error)
        }
    }
}

/// Fetches and decodes the dataset, and validates it unless it is the file this build ships
/// (`data::SHIPPED_DATASET`, which the test suite validates): the validator's code is fetched
/// only for another file.
async fn read_dataset(url: &str) -> Result<Dataset, DataError> {
    let decoded = data::decode(&fetch_text(url).await?)?;
    if !decoded.shipped {
        #[cfg(wasm_split)]
        let problems = validator(&decoded.dataset).await;
        #[cfg(not(wasm_split))]
        let problems = validator(&decoded.dataset);
        let problems = problems.map_err(|_| DataError::Unchecked)?;
        if !problems.is_empty() {
            return Err(DataError::Invalid(problems));
        }
    }
    Ok(decoded.dataset)
}

/// The validator: its own wasm chunk in the split release build (ARCHITECTURE.md).
#[cfg_attr(
    wasm_split,
    leptos::wasm_split::wasm_split(
        dataset_check,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn validator(dataset: &Dataset) -> Result<Vec<data::Problem>, crate::components::lazy::ChunkError> {
    Ok(data::validate(dataset))
}

pub async fn fetch_text(url: &str) -> Result<String, DataError> {
    let network = |e: gloo_net::Error| DataError::Network {
        url: url.to_owned(),
        message: e.to_string(),
    };
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(DataError::Http {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    response.text().await.map_err(network)
}

/// Sets the document title for an app path (or the not-found page). The meta description is the
/// one the route's own HTML was served with (`routes`).
pub fn set_page_meta(path: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let title = path
        .and_then(routes::meta)
        .map_or(routes::NOT_FOUND_TITLE, |meta| meta.title);
    document.set_title(title);
}
