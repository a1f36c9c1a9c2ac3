//! The comparison (box plots, "where do I stand", pay ranges) and the list of every area: the
//! `locations_details` split point, fetched once the browser is idle after the map is drawn.

use super::{compare::CompareSection, list::ListSection, ReleaseCtx, UrlState};
use crate::state::{DatasetCtx, LoadState};
use leptos::prelude::*;

crate::split_view! {
    pub async fn load(url: UrlState) => locations_details {
        let dataset = use_context::<DatasetCtx>().map(|d| d.0.get_untracked());
        match (dataset, use_context::<ReleaseCtx>()) {
            (Some(LoadState::Ready(dataset)), Some(ReleaseCtx(release))) => view! {
                <CompareSection url=url release=release.clone() dataset=dataset />
                <ListSection url=url />
            }
            .into_any(),
            _ => ().into_any(),
        }
    }
}

/// Holds the place, and the anchors a link may point at, until the sections arrive.
pub fn placeholder() -> AnyView {
    view! {
        <section class="section" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare areas"</h2>
            <p class="loading" role="status">"Loading the comparison and the list of areas…"</p>
            <span id="areas-heading"></span>
        </section>
    }
    .into_any()
}
