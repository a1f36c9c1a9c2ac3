//! The app root: base path, dataset loading, the shell (header, main, footer) and the route table.

use crate::components::{footer::Footer, header::Header};
use crate::pages;
use crate::state::{AppBase, DatasetCtx, LoadState, ThemeCtx};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let base = AppBase::from_document();
    provide_context(base);
    provide_context(ThemeCtx::follow_page());

    let (dataset, set_dataset) = signal(LoadState::Loading);
    provide_context(DatasetCtx(dataset));
    let url = base.href("/data/atlas.json");
    leptos::task::spawn_local(async move {
        set_dataset.set(crate::state::load_dataset(&url).await);
    });

    view! {
        <Router base=base.0>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::overview::Overview />
                    <Route path=path!("/salaries") view=pages::salaries::Salaries />
                    <Route path=path!("/frameworks") view=pages::frameworks::Frameworks />
                    <Route path=path!("/roadmap") view=pages::roadmap::Roadmap />
                    <Route path=path!("/hiring") view=pages::hiring::Hiring />
                    <Route path=path!("/sources") view=pages::sources::Sources />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
