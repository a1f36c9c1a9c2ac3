//! The Salaries page below its first chart: bands by years of experience, the offer statistics
//! (published, and the import of your own offers) and the PayScale averages. Its own split point
//! (`salaries_more`), fetched once the browser is idle after the page's first screen, so the
//! first load carries only the filters and the seniority chart.

use super::imported::{ImportHandler, ImportInput, ImportRequest};
use super::UrlState;
use crate::charts::bars::draw_bars;
use crate::charts::years::{draw_years, YearsChart};
use crate::components::chart::ChartFrame;
use crate::components::lazy::lazy_view;
use crate::components::source_ref::SourceRef;
use crate::data::{Dataset, Period};
use crate::format::{money, per, usd};
use crate::import;
use crate::query::salaries::SalariesQuery;
use crate::salaries::{self as view_model, convert};
use crate::state::{app_base, DatasetCtx, LoadState};
use leptos::prelude::*;
use std::sync::Arc;

crate::split_view! {
    pub async fn load(url: UrlState) => salaries_more {
        match use_context::<DatasetCtx>().map(|d| d.0.get_untracked()) {
            Some(LoadState::Ready(dataset)) => more_view(dataset, url).into_any(),
            _ => ().into_any(),
        }
    }
}

/// Holds the place (and the anchors a link may point at) until the sections arrive.
pub fn placeholder() -> AnyView {
    view! {
        <section class="section" aria-labelledby="years-heading" data-pending>
            <h2 id="years-heading">"Salary by years of experience"</h2>
            <p class="loading" role="status">"Loading the rest of the page…"</p>
            <span id="offers-heading"></span>
            <span id="averages-heading"></span>
        </section>
    }
    .into_any()
}

fn more_view(dataset: Arc<Dataset>, url: UrlState) -> impl IntoView {
    let query = url.query;
    let d = dataset.clone();
    let years_chart = Memo::new(move |_| view_model::years_chart(&d, &query.get()));
    let dataset_for_years = dataset.clone();
    let d = dataset.clone();
    let averages_chart = Memo::new(move |_| view_model::averages_chart(&d, &query.get()));

    let years_summary = Signal::derive(move || {
        let chart = years_chart.get();
        format!(
            "{} band(s): each source's salary range (vertical, US dollars {}) over its years of experience (horizontal). Bands without an upper year end in an arrow.",
            chart.bands.len(),
            chart.per
        )
    });
    let averages_summary = Signal::derive(move || {
        let chart = averages_chart.get();
        chart
            .bars
            .iter()
            .map(|(label, value, _, source)| {
                format!("{label}: {} {} ({source}).", money(*value), chart.per)
            })
            .collect::<Vec<_>>()
            .join(" ")
    });

    view! {
        <section class="section" aria-labelledby="years-heading">
            <h2 id="years-heading">"Salary by years of experience"</h2>
            <ChartFrame
                id="salary-years"
                title="Each source's band over years of experience".into()
                summary=years_summary
                height=YearsChart::HEIGHT
                table=Signal::derive(move || years_chart.get().table())
                draw=Box::new(move |area, style| draw_years(area, &years_chart.get(), style))
            >
                <YearsLegend chart=years_chart />
            </ChartFrame>
            {move || {
                let undated = view_model::bands_without_years(&dataset_for_years, &query.get());
                (!undated.is_empty()).then(|| view! {
                    <p class="muted small">{format!("Not on this chart, as the source gives no years of experience: {}.", undated.join("; "))}</p>
                })
            }}
        </section>
        <OffersSection dataset=dataset.clone() query=query />
        <section class="section" aria-labelledby="averages-heading">
            <h2 id="averages-heading">"Average pay: back-end vs front-end"</h2>
            <ChartFrame
                id="salary-averages"
                title="PayScale averages (March 2023)".into()
                summary=averages_summary
                height=Signal::derive(move || averages_chart.get().height())
                table=Signal::derive(move || averages_chart.get().table())
                draw=Box::new(move |area, style| draw_bars(area, &averages_chart.get(), style))
            />
            {dataset
                .averages
                .first()
                .map(|a| view! { <SourceRef dataset=dataset.clone() id=a.source.clone() /> })}
        </section>
    }
}

#[component]
fn OffersSection(dataset: Arc<Dataset>, query: Memo<SalariesQuery>) -> impl IntoView {
    let stats = dataset.offer_stats.clone();
    let unit = RwSignal::new(Period::Month);
    let width = RwSignal::new(stats.bucket_width as f64);
    let pasted = RwSignal::new(String::new());
    // The import itself is its own chunk (`imported`, split point `salaries_import`). It starts
    // loading when someone first reaches for the import card (focus, pointer, typing), so that it
    // is usually in by the time they import; a failed fetch is retried by the next import.
    let request = RwSignal::new(None::<ImportRequest>);
    let loads = RwSignal::new(0u32);
    let load_failed = StoredValue::new(false);
    // `try_` throughout: a file read or fetch may finish after the page was left.
    let load = move || {
        if loads.try_get_untracked() == Some(0) || load_failed.try_get_value() == Some(true) {
            load_failed.try_set_value(false);
            loads.try_update(|n| *n += 1);
        }
    };
    let handler = StoredValue::new(None::<ImportHandler>);
    let ask = move |input: ImportInput, label: String| {
        let Some(unit) = unit.try_get_untracked() else {
            return;
        };
        let next = ImportRequest { input, label, unit };
        match handler.try_get_value().flatten() {
            Some(import) => import(next),
            None => {
                request.try_set(Some(next));
                load();
            }
        }
    };
    // Until something is asked for, loading (or failing to load) the importer shows nothing.
    let asked = move || request.with(Option::is_some);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = crate::components::file_input::take_file(&ev) else {
            return;
        };
        let label = format!("file “{}”", file.name());
        if file.size() > import::MAX_BYTES as f64 {
            ask(ImportInput::TooLarge(file.size() as usize), label);
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => ask(
                    ImportInput::Bytes(js_sys::Uint8Array::new(&buffer).to_vec()),
                    label,
                ),
                Err(_) => ask(
                    ImportInput::Failed("The file could not be read. Nothing changed."),
                    label,
                ),
            }
        });
    };
    let base = app_base();
    let load_example = move |_| {
        let url = base.href("/data/example-offers.csv");
        leptos::task::spawn_local(async move {
            let text = match gloo_net::http::Request::get(&url).send().await {
                Ok(r) if r.ok() => r.text().await.ok(),
                _ => None,
            };
            ask(
                text.map_or(
                    ImportInput::Failed("The example file could not be loaded."),
                    ImportInput::Text,
                ),
                "the example file (made-up numbers, not market data)".into(),
            );
        });
    };

    let d = dataset.clone();
    let published_median_converted = move || {
        let q = query.get();
        (q.period != stats.period).then(|| {
            format!(
                " ({} {} converted ×12)",
                money(convert(
                    f64::from(stats.median_expectation),
                    stats.period,
                    q.period
                )),
                per(q.period)
            )
        })
    };
    let stats_for_view = d.offer_stats.clone();

    view! {
        <section class="section" aria-labelledby="offers-heading">
            <h2 id="offers-heading">"Offer statistics"</h2>
            <div class="card published">
                <h3>"As published: " {stats_for_view.role.clone()}</h3>
                <dl class="facts">
                    <div><dt>"Total offers"</dt><dd class="figure-value">{stats_for_view.total_offers}</dd></div>
                    <div>
                        <dt>"Median salary expectation"</dt>
                        <dd>
                            <span class="figure-value">{usd(stats_for_view.median_expectation)}</span>
                            {format!(" {}", per(stats_for_view.period))}
                            {published_median_converted}
                        </dd>
                    </div>
                    <div><dt>"Proposals"</dt><dd class="figure-value">{stats_for_view.proposals}</dd></div>
                </dl>
                {stats_for_view.period_note.clone().map(|note| view! { <p class="muted period-note">{note}</p> })}
                <p class="muted">
                    "These are the source's stated numbers. It publishes no per-candidate data, so no distribution is drawn for them; import your own offers below to see one."
                </p>
                <details>
                    <summary>"How the source counts offers"</summary>
                    <p class="muted">"In the source's words, including its definition of the median salary expectation:"</p>
                    <ul>{stats_for_view.method.iter().map(|m| view! { <li><q>{m.clone()}</q></li> }).collect_view()}</ul>
                </details>
                <SourceRef dataset=d.clone() id=stats_for_view.source.clone() />
            </div>
            <p class="figure-link offers-link">
                "Holding job offers? "
                <a href=app_base().href("/offers")>"Compare them side by side"</a>
                ": first-year and annualized pay, placed against these sources and BLS."
            </p>

            <div
                class="card import"
                on:focusin=move |_| load()
                on:pointerdown=move |_| load()
                on:input=move |_| load()
            >
                <h3>"Your own offers"</h3>
                <p>
                    "One row per candidate: " <code>"salary"</code> " and optionally " <code>"offers"</code>
                    " (default 1), comma or semicolon separated, header optional. "
                    "Each candidate counts once per offer, and candidates with 0 offers are not counted, as in the source. "
                    "Everything is computed in your browser; nothing is uploaded or stored."
                </p>
                <div class="import-controls">
                    <label class="field">
                        <span>"Amounts in the file are"</span>
                        <select on:change=move |ev| unit.set(if event_target_value(&ev) == "year" { Period::Year } else { Period::Month })>
                            <option value="month" selected=true>"per month"</option>
                            <option value="year">"per year"</option>
                        </select>
                    </label>
                    <label class="field">
                        <span>"CSV file"</span>
                        <input type="file" accept=".csv,text/csv,text/plain" on:change=on_file />
                    </label>
                    <button type="button" class="button" on:click=load_example>
                        "Load example file"
                    </button>
                </div>
                <label class="field block">
                    <span>"…or paste CSV text"</span>
                    <textarea rows="4" placeholder="salary,offers\n4500,3\n5200,1" prop:value=pasted on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </label>
                <button type="button" class="button" on:click=move |_| ask(ImportInput::Text(pasted.get_untracked()), "pasted text".into())>
                    "Use pasted text"
                </button>
            </div>
            {move || {
                (loads.get() > 0)
                    .then(|| {
                        lazy_view(
                            super::imported::load_results(request, handler, query, width),
                            move || {
                                (move || asked().then(|| view! { <p class="muted" role="status">"Loading the importer…"</p> }))
                                    .into_any()
                            },
                            move || {
                                load_failed.set_value(true);
                                (move || {
                                    asked().then(|| view! {
                                        <p class="import-error" role="alert">
                                            "The importer could not be loaded. Check your connection, then import again. Nothing changed."
                                        </p>
                                    })
                                })
                                    .into_any()
                            },
                        )
                    })
            }}
        </section>
    }
}

/// The years chart's legend: one swatch per source shown, in the colour every chart gives it.
/// The sources are chosen with the legend of the chart above.
#[component]
fn YearsLegend(chart: Memo<YearsChart>) -> impl IntoView {
    let items = move || {
        chart
            .with(YearsChart::sources)
            .into_iter()
            .map(|(series, source)| {
                view! {
                    <li class="legend-item static">
                        <span class=crate::charts::swatch_class(series) aria-hidden="true"></span>
                        {source}
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ul class="legend static" aria-label="Sources in this chart">{items}</ul> }
}
