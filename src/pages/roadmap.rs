//! The Roadmap page (`/roadmap`): the four stages as a numbered list and a timeline, progress
//! per item kept in localStorage (no account), keyboard shortcuts, export/import, and share
//! links that open a read-only view with a way to adopt it. The reader's own notes and pace:
//! `notes` and `pace`.

mod banner;
mod help;
mod items;
mod keys;
mod more;
mod notes;
mod own;
mod pace;
mod summary;

use crate::components::data_view::WithDataset;
use crate::components::error_panel::ChunkErrorPanel;
use crate::components::lazy::{lazy_view, Deferred, WhenIdle};
use crate::components::page::Page;
use crate::components::url_state::{Notices, UrlState};
use crate::data::Dataset;
use crate::query::roadmap::RoadmapQuery;
use leptos::prelude::*;
use std::sync::Arc;

use banner::{confirm_replace, SharedBanner};
use help::HelpPanel;
use items::stage_view;
use keys::{focus_by_id, focus_next_item, typing_in_field};
use own::Own;
use summary::{progress_bar, Overall, Timeline};

#[component]
pub fn Roadmap() -> impl IntoView {
    view! {
        <Page path="/roadmap">
            <p class="muted no-print">"Press " <kbd>"?"</kbd> " for keyboard shortcuts."</p>
            <WithDataset render=roadmap_view />
        </Page>
    }
    .into_any()
}

type State = UrlState<RoadmapQuery>;

fn roadmap_view(dataset: Arc<Dataset>) -> impl IntoView {
    let d = dataset.clone();
    let url: State = UrlState::new(
        move |search| RoadmapQuery::parse(search, &d.roadmap),
        |q| q.to_query(),
    );
    let query = url.query;
    let own = Own::load(&dataset.roadmap);
    let d = dataset.clone();
    // A shared link shows its progress read-only; otherwise the reader's own.
    let shared = Memo::new(move |_| query.get().shared_progress(&d.roadmap));
    let shown = Signal::derive(move || shared.get().unwrap_or_else(|| own.progress.get()));
    let read_only = Signal::derive(move || shared.get().is_some());
    let help_open = RwSignal::new(false);

    // "?" anywhere on the page (outside text fields) opens the shortcuts.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "?" && !typing_in_field(&ev) {
            ev.prevent_default();
            help_open.set(true);
        }
    });
    on_cleanup(move || handle.remove());

    // stage= and item= scroll to (and open) their target once the page has rendered.
    Effect::new(move |_| {
        let q = query.get();
        let target = match (&q.item, q.stage) {
            (Some(item), _) => Some((format!("item-{item}"), true)),
            (None, Some(stage)) => Some((format!("stage-{stage}"), false)),
            _ => None,
        };
        if let Some((id, open)) = target {
            request_animation_frame(move || focus_by_id(&id, open));
        }
    });

    let d = dataset.clone();
    let stages = dataset
        .roadmap
        .stages
        .iter()
        .map(|stage| stage_view(d.clone(), stage.clone(), url, own, shown, read_only))
        .collect_view();

    let for_pace = StoredValue::new(dataset.clone());
    let for_more = StoredValue::new(dataset.clone());
    view! {
        <Notices notices=url.notices />
        {move || own.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <SharedBanner url=url own=own shared=shared />
        <Overall roadmap=dataset.roadmap.clone() shown=shown />
        <Timeline roadmap=dataset.roadmap.clone() shown=shown url=url />
        <ol class="stages">{stages}</ol>
        // Below the stages, each a task later: shorter tasks on the first load.
        <Deferred>
            <WhenIdle fallback=pace::placeholder>
                {move || lazy_view(pace::load(for_pace.get_value(), own), pace::placeholder, || view! { <ChunkErrorPanel /> }.into_any())}
            </WhenIdle>
        </Deferred>
        // Export, import, share and the career ladder: their own split point, fetched once the
        // browser is idle after the first screen.
        <WhenIdle fallback=more::placeholder>
            {move || lazy_view(more::load(for_more.get_value(), own, read_only), more::placeholder, || view! { <ChunkErrorPanel /> }.into_any())}
        </WhenIdle>
        <HelpPanel open=help_open />
    }
}
