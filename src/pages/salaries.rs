//! The Salaries page (`/salaries`): ranges by seniority across sources, bands by years of
//! experience, offer statistics (published, and computed in WASM from your own CSV), the
//! PayScale averages, and "where do I stand". All filter state lives in the URL.

mod imported;
mod more;

use crate::charts::ranges::draw_ranges;
use crate::components::chart::ChartFrame;
use crate::components::copy_link::CopyLink;
use crate::components::data_view::WithDataset;
use crate::components::error_panel::ChunkErrorPanel;
use crate::components::lazy::{lazy_view, WhenIdle};
use crate::components::page::Page;
use crate::components::salary_field::SalaryField;
use crate::components::standing_table::StandingTable;
use crate::components::url_state::Notices;
use crate::data::{Dataset, Level, Period};
use crate::format::{money, per};
use crate::query::salaries::SalariesQuery;
use crate::salaries::{self as view_model, convert};
use crate::state::app_base;
use crate::stats::CONSENSUS_METHOD;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Salaries() -> impl IntoView {
    view! {
        <Page path="/salaries">
            <WithDataset render=salaries_view />
        </Page>
    }
    .into_any()
}

pub(crate) type UrlState = crate::components::url_state::UrlState<SalariesQuery>;

/// The Salaries URL state: the `sources=` filter accepts the sources that have salary bands.
fn url_state(known: Vec<String>) -> UrlState {
    fn ids(known: &[String]) -> Vec<&str> {
        known.iter().map(String::as_str).collect()
    }
    let known = Arc::new(known);
    let for_write = known.clone();
    UrlState::new(
        move |search| SalariesQuery::parse(search, &ids(&known)),
        move |q| q.normalized(&ids(&for_write)).to_query(),
    )
}

fn salaries_view(dataset: Arc<Dataset>) -> impl IntoView {
    let band_sources: Vec<(String, String, usize)> = view_model::band_sources(&dataset)
        .into_iter()
        .map(|s| (s.id.clone(), s.label(), dataset.series_index(&s.id)))
        .collect();
    let url = url_state(band_sources.iter().map(|s| s.0.clone()).collect());
    let has_oews = dataset.oews.is_some();
    let query = url.query;

    let d = dataset.clone();
    let range_chart = Memo::new(move |_| view_model::range_chart(&d, &query.get()));
    let range_summary = Signal::derive(move || view_model::range_summary(&range_chart.get()));
    view! {
        <Notices notices=url.notices />
        <Filters url=url />
        <section class="section" aria-labelledby="ranges-heading">
            <h2 id="ranges-heading">"Salary range by seniority"</h2>
            <ChartFrame
                id="salary-ranges"
                title=view_model::RANGE_TITLE.into()
                summary=range_summary
                height=Signal::derive(move || range_chart.get().height())
                table=Signal::derive(move || range_chart.get().table())
                draw=Box::new(move |area, style| draw_ranges(area, &range_chart.get(), style))
            >
                <Legend url=url band_sources=band_sources.clone() />
                {has_oews.then(|| view! { <BlsToggle url=url /> })}
            </ChartFrame>
            <p class="method"><strong>"Method: "</strong>{CONSENSUS_METHOD}</p>
            <Standings dataset=dataset.clone() query=query />
        </section>
        // Below the first chart: its own split point, fetched once the browser is idle after the
        // first screen (out of the first load), or at once when a link's #anchor points into it.
        <WhenIdle fallback=more::placeholder>
            {move || lazy_view(more::load(url), more::placeholder, || view! { <ChunkErrorPanel /> }.into_any())}
        </WhenIdle>
    }
}

#[component]
fn Filters(url: UrlState) -> impl IntoView {
    let query = url.query;
    let level_boxes = Level::ALL
        .into_iter()
        .map(|level| {
            let checked = move || query.get().shows_level(level);
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        name="levels"
                        value=level.id()
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            url.update(|q| toggle_level(q, level, on));
                        }
                    />
                    {level.label()}
                </label>
            }
        })
        .collect_view();
    let on_salary = Callback::new(move |salary| url.update(|q| q.salary = salary));
    view! {
        <form class="filters card" on:submit=|ev| ev.prevent_default() aria-label="Salary filters">
            <fieldset>
                <legend>"Levels"</legend>
                <div class="check-row">{level_boxes}</div>
            </fieldset>
            <fieldset>
                <legend>"Show amounts"</legend>
                <div class="check-row">
                    {[(Period::Year, "per year"), (Period::Month, "per month")]
                        .into_iter()
                        .map(|(period, label)| {
                            view! {
                                <label class="check">
                                    <input
                                        type="radio"
                                        name="period"
                                        value=crate::query::salaries::period_id(period)
                                        prop:checked=move || query.get().period == period
                                        on:change=move |_| url.update(|q| switch_period(q, period))
                                    />
                                    {label}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <SalaryField
                salary=Signal::derive(move || query.get().salary)
                period=Signal::derive(move || query.get().period)
                on_set=on_salary
                examples=("e.g. 95000", "e.g. 7500")
            />
            <CopyLink />
        </form>
    }
}

/// Legend entries are toggle buttons: the same colour per source as in every chart.
#[component]
fn Legend(url: UrlState, band_sources: Vec<(String, String, usize)>) -> impl IntoView {
    let query = url.query;
    let all_ids: Vec<String> = band_sources.iter().map(|s| s.0.clone()).collect();
    let buttons = band_sources
        .into_iter()
        .map(|(id, label, series)| {
            let id_for_state = id.clone();
            let shown = move || query.get().shows_source(&id_for_state);
            let all = all_ids.clone();
            view! {
                <button
                    type="button"
                    class="legend-item"
                    aria-pressed=move || shown().to_string()
                    on:click=move |_| url.update(|q| toggle_source(q, &all, &id))
                >
                    <span class=crate::charts::swatch_class(series) aria-hidden="true"></span>
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="legend" role="group" aria-label="Sources (press to show or hide)">
            {buttons}
        </div>
    }
}

/// Shows BLS's national 10th–90th percentile behind the bars (`bls=1`).
#[component]
fn BlsToggle(url: UrlState) -> impl IntoView {
    let query = url.query;
    view! {
        <label class="check reference-toggle">
            <input
                type="checkbox"
                name="bls"
                prop:checked=move || query.get().bls
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    url.update(|q| q.bls = on);
                }
            />
            "Show the official US range (BLS OEWS, Software Developers, 10th–90th percentile, all levels)."
            <a href=app_base().href("/locations")>"Pay by US location"</a>
        </label>
    }
}

fn toggle_level(q: &mut SalariesQuery, level: Level, on: bool) {
    let mut levels: Vec<Level> = if q.levels.is_empty() {
        Level::ALL.to_vec()
    } else {
        q.levels.clone()
    };
    levels.retain(|&l| l != level);
    if on {
        levels.push(level);
    }
    crate::small_sort::sort(&mut levels);
    // None selected would show nothing: treat as "all" rather than an empty chart.
    q.levels = if levels.len() == Level::ALL.len() {
        Vec::new()
    } else {
        levels
    };
}

fn toggle_source(q: &mut SalariesQuery, all: &[String], id: &str) {
    let mut sources: Vec<String> = if q.sources.is_empty() {
        all.to_vec()
    } else {
        q.sources.clone()
    };
    if let Some(i) = sources.iter().position(|s| s == id) {
        sources.remove(i);
    } else {
        sources.push(id.to_owned());
    }
    q.sources = if sources.is_empty() || sources.len() == all.len() {
        Vec::new()
    } else {
        sources
    };
}

/// Switching yearly <-> monthly keeps "where do I stand" meaning the same salary.
fn switch_period(q: &mut SalariesQuery, period: Period) {
    if q.period != period {
        q.salary = q
            .salary
            .map(|s| (convert(s, q.period, period) * 100.0).round() / 100.0);
        q.period = period;
    }
}

#[component]
fn Standings(dataset: Arc<Dataset>, query: Memo<SalariesQuery>) -> impl IntoView {
    move || {
        let q = query.get();
        let salary = q.salary?;
        let rows = view_model::standings(&dataset, &q);
        let per_text = per(q.period);
        Some(view! {
            <div class="standing" aria-live="polite">
                <h3>{format!("Where {} {per_text} stands", money(salary))}</h3>
                <StandingTable rows=rows subject="Your salary is" per_text=per_text />
            </div>
        })
    }
}
