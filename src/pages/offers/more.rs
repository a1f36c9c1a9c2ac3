//! The Offers page below the forms: the totals and their chart, the placements against the
//! market, and Markdown, JSON and the share link. Its own split point (`offers_more`), fetched
//! once the browser is idle after the first screen, so the page's first load carries only the
//! forms. It also starts the download of the chosen occupation's OEWS file, which fills the
//! forms' location lists.

use super::bls::{self, Bls};
use super::market::Market;
use super::totals::Totals;
use super::transfer::Transfer;
use super::{Own, Shown, State};
use crate::state::{DatasetCtx, LoadState};
use leptos::prelude::*;

crate::split_view! {
    pub async fn load(
        url: State,
        own: Own,
        shown: Shown,
        file: RwSignal<Bls>,
        occ: Memo<String>,
    ) => offers_more {
        match use_context::<DatasetCtx>().map(|d| d.0.get_untracked()) {
            Some(LoadState::Ready(dataset)) => {
                match &dataset.oews {
                    Some(release) => bls::follow(release, occ, file),
                    None => file.set(Bls::Failed {
                        file: "data/atlas.json".into(),
                        error: crate::data::DataError::Shape {
                            path: "oews".into(),
                            message: "the dataset has no BLS OEWS release".into(),
                        },
                    }),
                }
                view! {
                    <Totals url=url shown=shown />
                    <Market dataset=dataset.clone() url=url shown=shown file=file occ=occ />
                    <Transfer dataset=dataset url=url own=own shown=shown file=file />
                }
                .into_any()
            }
            _ => ().into_any(),
        }
    }
}

/// Holds the place (and the anchors search and links point at) until the sections arrive.
pub fn placeholder() -> AnyView {
    view! {
        <section class="section" aria-labelledby="totals-heading" data-pending>
            <h2 id="totals-heading">"Total pay"</h2>
            <p class="loading" role="status">"Loading the comparison…"</p>
            <span id="market-heading"></span>
            <span id="transfer-heading"></span>
        </section>
    }
    .into_any()
}
