//! The totals: the method toggle (`total=`), the stacked bar chart, both totals per offer, and
//! how each total is made.

use super::{Shown, State};
use crate::charts::offers::{draw_offers, part_color, OffersChart};
use crate::components::chart::ChartFrame;
use crate::offers::compare::{
    self, dollars, Basis, ANNUALIZED_METHOD, FIRST_YEAR_METHOD, PART_NAMES,
};
use leptos::prelude::*;

/// The totals: the method toggle, the stacked bar chart, both totals per offer, the methods.
#[component]
pub fn Totals(url: State, shown: Shown) -> impl IntoView {
    let query = url.query;
    let chart = Memo::new(move |_| {
        let basis = query.with(|q| q.total);
        OffersChart {
            basis,
            rows: shown.offers.with(|o| compare::rows(o, basis)),
        }
    });
    let summary = Signal::derive(move || {
        let chart = chart.get();
        let bars = chart
            .rows
            .iter()
            .map(|r| {
                if r.highest {
                    format!("{}: {} (highest)", r.label, dollars(r.total))
                } else {
                    format!(
                        "{}: {} ({} below the highest)",
                        r.label,
                        dollars(r.total),
                        dollars(r.behind)
                    )
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        format!(
            "Stacked bars, one per offer: base, bonus, sign-on, equity and other cash, {} totals in US dollars a year. {bars}.",
            chart.basis.phrase()
        )
    });
    let theme = crate::theme::ChartTheme::from_context();
    let has_offers = Memo::new(move |_| shown.offers.with(|o| !o.is_empty()));
    let both = move || {
        shown.offers.with(|offers| {
            let first = compare::rows(offers, Basis::FirstYear);
            let spread = compare::rows(offers, Basis::Annualized);
            offers
                .iter()
                .zip(first.into_iter().zip(spread))
                .map(|(o, (f, s))| {
                    view! {
                        <tr>
                            <th scope="row">{o.label.clone()}</th>
                            <td class:best=f.highest>{dollars(f.total)}{f.highest.then_some(" (highest)")}</td>
                            <td class:best=s.highest>{dollars(s.total)}{s.highest.then_some(" (highest)")}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="section" aria-labelledby="totals-heading">
            <h2 id="totals-heading">"Total pay"</h2>
            <Show
                when=move || has_offers.get()
                fallback=|| view! { <p class="empty-state">"No offer to compare yet: type a base salary into an offer above."</p> }
            >
            <fieldset class="basis-toggle">
                <legend>"The chart shows"</legend>
                <div class="check-row">
                    {Basis::ALL
                        .into_iter()
                        .map(|basis| view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name="total"
                                    value=basis.id()
                                    prop:checked=move || query.with(|q| q.total == basis)
                                    on:change=move |_| url.update(|q| q.total = basis)
                                />
                                {format!("{} totals", basis.label())}
                            </label>
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <ChartFrame
                id="offers-totals"
                title="Total pay per offer".into()
                summary=summary
                height=Signal::derive(move || chart.with(OffersChart::height))
                table=Signal::derive(move || chart.with(OffersChart::table))
                draw=Box::new(move |area, style| draw_offers(area, &chart.get(), style))
            >
                <div class="legend" role="list" aria-label="Pay parts">
                    {PART_NAMES
                        .iter()
                        .enumerate()
                        .map(|(i, name)| view! {
                            <span class="legend-item static" role="listitem">
                                <span
                                    class="swatch"
                                    style:background-color=move || part_color(theme.get(), i).hex()
                                    aria-hidden="true"
                                ></span>
                                {*name}
                            </span>
                        })
                        .collect_view()}
                </div>
            </ChartFrame>
            <div class="table-scroll">
                <table class="data-table totals-table">
                    <caption>"Both totals, US dollars a year"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Offer"</th>
                            <th scope="col">"First year"</th>
                            <th scope="col">"Annualized"</th>
                        </tr>
                    </thead>
                    <tbody>{both}</tbody>
                </table>
            </div>
            </Show>
            <div class="method">
                <p><strong>"How the totals are made. "</strong>{FIRST_YEAR_METHOD}</p>
                <p>{ANNUALIZED_METHOD}</p>
            </div>
        </section>
    }
}
