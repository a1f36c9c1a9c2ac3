//! Each offer's base salary against the market: the sources' ranges for its level (as "where do
//! I stand" on Salaries) and BLS's percentiles for its location and the chosen occupation (as
//! on Locations). An offer without a level or a location says what it is missing.

use super::bls::Bls;
use super::{Shown, State};
use crate::components::error_panel::DataErrorPanel;
use crate::components::source_ref::SourceRef;
use crate::components::standing_table::StandingTable;
use crate::data::Dataset;
use crate::oews::PLACEMENT_METHOD;
use crate::offers::compare::{bls_standing, dollars, source_standing, SourceStanding};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Market(
    dataset: Arc<Dataset>,
    url: State,
    shown: Shown,
    file: RwSignal<Bls>,
    occ: Memo<String>,
) -> impl IntoView {
    let release = dataset.oews.clone();
    let bls_source = release.as_ref().map(|r| r.source.clone());
    let d = dataset.clone();
    let rows = move || {
        let offers = shown.offers.get();
        if offers.is_empty() {
            return view! { <p class="empty-state">"No offer to place yet: type a base salary into an offer above."</p> }.into_any();
        }
        let file = file.get();
        offers
            .into_iter()
            .map(|offer| {
                let per_year = offer.base_per_year();
                let sources = match source_standing(&d, &offer) {
                    SourceStanding::NoLevel => view! {
                        <p class="muted">"No level given: choose one in the offer to compare with the sources' ranges for it."</p>
                    }
                    .into_any(),
                    SourceStanding::NoFigures => view! {
                        <p class="muted">"No source gives a salary figure for this level."</p>
                    }
                    .into_any(),
                    SourceStanding::Rows(rows) => view! {
                        <StandingTable rows=rows subject="The base salary is" per_text="a year" />
                    }
                    .into_any(),
                };
                let bls = match (&file, offer.area.is_some()) {
                    (_, false) => view! {
                        <p class="muted">"No location given: choose a BLS area in the offer to place it among that area's percentiles."</p>
                    }
                    .into_any(),
                    (Bls::Loading, true) => view! { <p class="loading" role="status">"Loading BLS figures…"</p> }.into_any(),
                    (Bls::Failed { .. }, true) => view! {
                        <p class="muted">"BLS figures could not be loaded (see the message above)."</p>
                    }
                    .into_any(),
                    (Bls::Ready(file), true) => {
                        let line = bls_standing(file, &offer).describe(&file.occupation.name);
                        view! { <p>{line}</p> }.into_any()
                    }
                };
                view! {
                    <article class="card offer-market">
                        <h3>{offer.label.clone()}</h3>
                        <p>{format!("Base salary {} a year.", dollars(per_year))}</p>
                        <h4>"Against the sources' ranges"</h4>
                        {sources}
                        <h4>"Against BLS percentiles"</h4>
                        {bls}
                    </article>
                }
                .into_any()
            })
            .collect_view()
            .into_any()
    };
    let failed = move || match file.get() {
        Bls::Failed { file, error } => Some(view! { <DataErrorPanel error=error file=file /> }),
        _ => None,
    };
    view! {
        <section class="section" aria-labelledby="market-heading">
            <h2 id="market-heading">"Against the market"</h2>
            <p class="muted">
                "Each base salary (bonus, sign-on and equity left out) against the sources' ranges for the offer's level and BLS's percentiles for its location."
            </p>
            {release.map(|release| {
                // As on Locations (its `Controls`), written out here: shared code would split
                // the Locations page's pack into more chunks (BENCHMARKS.md, run S).
                let default_occ = release.occupations.first().map(|o| o.code.clone());
                let options = release
                    .occupations
                    .iter()
                    .map(|o| {
                        let code = o.code.clone();
                        view! {
                            <option value=o.code.clone() selected=move || occ.get() == code>
                                {format!("{} ({})", o.name, o.code)}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <label class="field occ-field">
                        <span>"BLS occupation"</span>
                        <select
                            name="occ"
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                let default = default_occ.clone();
                                url.update(|q| q.occ = (Some(&value) != default.as_ref()).then_some(value));
                            }
                        >
                            {options}
                        </select>
                    </label>
                }
            })}
            {failed}
            <div class="offer-market-grid">{rows}</div>
            <p class="method">
                <strong>"Method. "</strong>
                "Against the sources: where the base salary falls in each source's range for the level, as “where do I stand” on Salaries does. Against BLS: "
                {PLACEMENT_METHOD}
            </p>
            {bls_source.map(|id| view! { <SourceRef dataset=dataset.clone() id=id /> })}
        </section>
    }
}
