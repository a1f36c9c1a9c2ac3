//! Code that may arrive later. In the split release build (`--cfg wasm_split`, see
//! scripts/split.mjs) each page and the search dialog are separate wasm chunks, fetched the first
//! time they are shown; in every other build the same functions are ordinary calls.
//!
//! [`split_view!`] declares such a view; [`lazy_view`] shows it with a placeholder while the chunk
//! loads and a readable message, never a panic, when it cannot be fetched. [`Deferred`] renders
//! content one browser task later, out of a page's first render.

use leptos::prelude::*;
use std::future::Future;
use std::sync::Arc;

/// A chunk could not be fetched or instantiated (the browser console says why). Retried the next
/// time the view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// `split_view! { pub async fn load(args) => chunk_name { body } }` defines `load`, an async
/// function returning `Result<AnyView, ChunkError>`, whose `body` (an `AnyView` expression) is
/// compiled into the wasm chunk `split_<chunk_name>` when the crate is built with
/// `--cfg wasm_split`. Arguments cross a C ABI call: keep them `Copy` handles (signals, node refs).
#[macro_export]
macro_rules! split_view {
    ($(
        $(#[$meta:meta])*
        $vis:vis async fn $load:ident($($arg:ident: $ty:ty),* $(,)?) => $chunk:ident $body:block
    )*) => {$(
        #[cfg_attr(
            wasm_split,
            ::leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible
            )
        )]
        fn $chunk($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, $crate::components::lazy::ChunkError> {
            let view: ::leptos::prelude::AnyView = $body;
            Ok(view)
        }

        $(#[$meta])*
        $vis async fn $load($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, $crate::components::lazy::ChunkError> {
            #[cfg(wasm_split)]
            let view = $chunk($($arg),*).await;
            #[cfg(not(wasm_split))]
            let view = $chunk($($arg),*);
            view
        }
    )*};
}

/// Shows the view `load` resolves to; `pending` until then, `failed` if its chunk cannot be
/// fetched.
pub fn lazy_view(
    load: impl Future<Output = Result<AnyView, ChunkError>> + 'static,
    pending: impl Fn() -> AnyView + Send + Sync + 'static,
    failed: impl FnOnce() -> AnyView + Send + 'static,
) -> AnyView {
    // Boxed at once: `Suspense` and `Suspend` are then built once for every lazy view of a
    // page, not once per split point's future type (each such copy cost a page's pack a few KB).
    lazy_boxed(Box::pin(load), Arc::new(pending), Box::new(failed))
}

type Loading = std::pin::Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>>>>;

fn lazy_boxed(
    load: Loading,
    pending: Arc<dyn Fn() -> AnyView + Send + Sync>,
    failed: Box<dyn FnOnce() -> AnyView + Send>,
) -> AnyView {
    // wasm is single-threaded: the load future never leaves this thread.
    let load = send_wrapper::SendWrapper::new(load);
    view! {
        <Suspense fallback=move || pending()>
            {Suspend::new(async move { load.await.unwrap_or_else(|ChunkError| failed()) })}
        </Suspense>
    }
    .into_any()
}

/// Renders its children one browser task after it is built ([`crate::perf::next_task`]): for
/// content below the fold, so that a page's first render (and the first chart drawn at its end)
/// is a shorter task. Anchors inside still work: `land_on` retries until the target exists.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = true_next_task();
    move || ready.get().then(|| untrack(|| children()))
}

/// Renders its children once the browser is idle after the page's first screen
/// ([`true_when_idle`]), `fallback` until then: for code and content below the fold that the
/// first screen does not need (a split point inside is then fetched outside the route's first
/// load, like the offline cache's background fetches). Links to an anchor inside still land:
/// the fallback keeps the anchors, and the content follows within a second and a half.
#[component]
pub fn WhenIdle(children: ChildrenFn, fallback: fn() -> AnyView) -> impl IntoView {
    let ready = true_when_idle();
    move || {
        if ready.get() {
            untrack(|| children()).into_any()
        } else {
            fallback()
        }
    }
}

/// A flag that turns true when the browser is next idle (`requestIdleCallback`), after 1.5 s at
/// the latest.
pub fn true_when_idle() -> RwSignal<bool> {
    use wasm_bindgen::{closure::Closure, JsCast};
    let ready = RwSignal::new(false);
    let done = Closure::once_into_js(move || {
        ready.try_set(true);
    });
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1500);
    let asked = web_sys::window()
        .map(|w| w.request_idle_callback_with_options(done.unchecked_ref(), &options));
    if !matches!(asked, Some(Ok(_))) {
        ready.set(true);
    }
    ready
}

/// A flag that turns true one browser task from now ([`crate::perf::next_task`]).
pub fn true_next_task() -> RwSignal<bool> {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::perf::next_task().await;
        ready.try_set(true);
    });
    ready
}
