//! The app root: base path, dataset loading, the shell (header, main, footer) and the route table.

use crate::components::error_panel::ChunkErrorPanel;
use crate::components::lazy::{lazy_view, ChunkError, Deferred};
use crate::components::page::PendingPage;
use crate::components::{footer::Footer, header::Header};
use crate::pages;
use crate::state::{AppBase, DatasetCtx, LoadState, Printing};
use crate::theme::ThemeCtx;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let base = AppBase::from_document();
    provide_context(base);
    provide_context(ThemeCtx::follow_page());
    provide_context(Printing(RwSignal::new(false)));

    let (dataset, set_dataset) = signal(LoadState::Loading);
    provide_context(DatasetCtx(dataset));
    let url = base.href("/data/atlas.json");
    leptos::task::spawn_local(async move {
        let state = crate::state::load_dataset(&url).await;
        // Decoding the dataset and rendering the page with it are two browser tasks, not one
        // long one (Lighthouse's Total Blocking Time).
        crate::perf::next_task().await;
        set_dataset.set(state);
    });

    view! {
        <Router base=base.0>
            // One task after the page's placeholder (the route file's static header shows until
            // then): two shorter tasks instead of one long mount.
            <Deferred>
                <Header />
            </Deferred>
            <main id="main" tabindex="-1">
                <FlatRoutes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=|| lazy_page("/", chunks::overview()) />
                    <Route path=path!("/salaries") view=|| lazy_page("/salaries", chunks::salaries()) />
                    <Route path=path!("/locations") view=|| lazy_page("/locations", chunks::locations()) />
                    <Route path=path!("/frameworks") view=|| lazy_page("/frameworks", chunks::frameworks()) />
                    <Route path=path!("/roadmap") view=|| lazy_page("/roadmap", chunks::roadmap()) />
                    <Route path=path!("/offers") view=|| lazy_page("/offers", chunks::offers()) />
                    <Route path=path!("/hiring") view=|| lazy_page("/hiring", chunks::hiring()) />
                    <Route path=path!("/sources") view=|| lazy_page("/sources", chunks::sources()) />
                </FlatRoutes>
            </main>
            // Below the fold: one browser task after the header and the page's placeholder.
            <Deferred>
                <Footer />
            </Deferred>
        </Router>
    }
}

/// A page whose code may arrive later (see [`crate::components::lazy`]): its heading and lead
/// with "Loading the page…" while its chunk is fetched (the same heading and lead the route's
/// static HTML shows, so nothing moves), and a panel with a reload link if it cannot be; the
/// header and the other pages keep working, and coming back to the page tries again.
fn lazy_page(
    path: &'static str,
    page: impl std::future::Future<Output = Result<AnyView, ChunkError>> + 'static,
) -> impl IntoView {
    crate::boot::page_shown(path);
    lazy_view(
        page,
        move || view! { <PendingPage path=path /> }.into_any(),
        || {
            crate::boot::release();
            view! { <ChunkErrorPanel /> }.into_any()
        },
    )
}

/// The pages as split points: each is its own wasm chunk in the split release build.
mod chunks {
    use crate::pages;
    use leptos::prelude::*;

    crate::split_view! {
        pub async fn overview() => page_overview { view! { <pages::overview::Overview /> }.into_any() }
        pub async fn salaries() => page_salaries { view! { <pages::salaries::Salaries /> }.into_any() }
        pub async fn locations() => page_locations { view! { <pages::locations::Locations /> }.into_any() }
        pub async fn frameworks() => page_frameworks { view! { <pages::frameworks::Frameworks /> }.into_any() }
        pub async fn roadmap() => page_roadmap { view! { <pages::roadmap::Roadmap /> }.into_any() }
        pub async fn offers() => page_offers { view! { <pages::offers::Offers /> }.into_any() }
        pub async fn hiring() => page_hiring { view! { <pages::hiring::Hiring /> }.into_any() }
        pub async fn sources() => page_sources { view! { <pages::sources::Sources /> }.into_any() }
    }
}
