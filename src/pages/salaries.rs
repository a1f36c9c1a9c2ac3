//! The Salaries page (`/salaries`): ranges by seniority across sources, bands by years of
//! experience, offer statistics (published, and computed in WASM from your own CSV), the
//! PayScale averages, and "where do I stand". All filter state lives in the URL.

mod imported;

use crate::charts::salary::{draw_bars, draw_ranges, draw_years, YearsChart};
use crate::components::chart::ChartFrame;
use crate::components::data_view::WithDataset;
use crate::components::lazy::{lazy_view, Deferred};
use crate::components::page::Page;
use crate::components::source_ref::SourceRef;
use crate::components::url_state::Notices;
use crate::data::{Dataset, Level, Period};
use crate::format::{money, per, usd};
use crate::import;
use crate::query::salaries::SalariesQuery;
use crate::salaries::{self as view_model, convert};
use crate::state::app_base;
use crate::stats::CONSENSUS_METHOD;
use imported::{ImportHandler, ImportInput, ImportRequest};
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

type UrlState = crate::components::url_state::UrlState<SalariesQuery>;

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
        .map(|s| {
            (
                s.id.clone(),
                s.label(),
                view_model::series_index(&dataset, &s.id),
            )
        })
        .collect();
    let url = url_state(band_sources.iter().map(|s| s.0.clone()).collect());
    let query = url.query;

    let d = dataset.clone();
    let range_chart = Memo::new(move |_| view_model::range_chart(&d, &query.get()));
    let d = dataset.clone();
    let years_chart = Memo::new(move |_| view_model::years_chart(&d, &query.get()));
    let d = dataset.clone();
    let averages_chart = Memo::new(move |_| view_model::averages_chart(&d, &query.get()));

    let range_summary = Signal::derive(move || {
        let chart = range_chart.get();
        let bars: usize = chart.groups.iter().map(|g| g.bars.len()).sum();
        format!(
            "Floating bars: {bars} salary figure(s) for {} level(s), in US dollars {}. Open-ended ranges fade out into an arrow; single averages are dots; diamonds mark each level's consensus (method below).",
            chart.groups.len(),
            chart.per,
        )
    });
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
        <Notices notices=url.notices />
        <Filters url=url />
        <section class="section" aria-labelledby="ranges-heading">
            <h2 id="ranges-heading">"Salary range by seniority"</h2>
            <ChartFrame
                id="salary-ranges"
                title="Salary by seniority, per source".into()
                summary=range_summary
                height=Signal::derive(move || range_chart.get().height())
                table=Signal::derive(move || range_chart.get().table())
                draw=Box::new(move |area, style| draw_ranges(area, &range_chart.get(), style))
            >
                <Legend url=url band_sources=band_sources.clone() />
            </ChartFrame>
            <p class="method"><strong>"Method: "</strong>{CONSENSUS_METHOD}</p>
            <Standings dataset=dataset.clone() query=query />
        </section>
        // Each section below the first chart renders a task later: shorter tasks, and the first
        // chart draws sooner.
        <Deferred>
        <section class="section" aria-labelledby="years-heading">
            <h2 id="years-heading">"Salary by years of experience"</h2>
            <ChartFrame
                id="salary-years"
                title="Each source's band over years of experience".into()
                summary=years_summary
                height=YearsChart::HEIGHT
                table=Signal::derive(move || years_chart.get().table())
                draw=Box::new(move |area, style| draw_years(area, &years_chart.get(), style))
            />
        </section>
        </Deferred>
        <Deferred>
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
        </Deferred>
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
    let (salary_text, set_salary_text) = signal(
        query
            .get_untracked()
            .salary
            .map(format_input)
            .unwrap_or_default(),
    );
    // Follow the URL when it changes from outside (Back, a pasted link).
    Effect::new(move |_| {
        if let Some(s) = query.get().salary {
            set_salary_text.set(format_input(s));
        }
    });
    let (copied, set_copied) = signal(None::<&'static str>);
    let copy_link = move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        crate::components::clipboard::copy_text(&href, move |ok| {
            set_copied.set(Some(if ok {
                "Link copied."
            } else {
                "Could not copy: select the address bar instead."
            }));
        });
    };
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
            <fieldset>
                <legend>"Where do I stand?"</legend>
                <label class="field">
                    <span>{move || format!("Your salary (USD {})", per(query.get().period))}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        name="salary"
                        autocomplete="off"
                        placeholder=move || if query.get().period == Period::Year { "e.g. 95000" } else { "e.g. 7500" }
                        prop:value=salary_text
                        on:input=move |ev| set_salary_text.set(event_target_value(&ev))
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            url.update(|q| q.salary = parse_salary_input(&text));
                        }
                    />
                </label>
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| {
                        set_salary_text.set(String::new());
                        url.update(|q| q.salary = None);
                    }
                >
                    "Clear"
                </button>
            </fieldset>
            <div class="share">
                <button type="button" class="button" on:click=copy_link>
                    "Copy link"
                </button>
                <span role="status" class="muted">{move || copied.get()}</span>
            </div>
        </form>
    }
}

/// Legend entries are toggle buttons: the same colour per source as in every chart.
#[component]
fn Legend(url: UrlState, band_sources: Vec<(String, String, usize)>) -> impl IntoView {
    let query = url.query;
    let theme = use_context::<crate::state::ThemeCtx>().map(|t| t.0);
    let all_ids: Vec<String> = band_sources.iter().map(|s| s.0.clone()).collect();
    let buttons = band_sources
        .into_iter()
        .map(|(id, label, series)| {
            let color = move || {
                crate::charts::series_color(theme.map(|t| t.get()).unwrap_or_default(), series)
                    .hex()
            };
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
                    <span class="swatch" style:background-color=color aria-hidden="true"></span>
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

fn format_input(value: f64) -> String {
    crate::format::fixed(value, if value.fract() == 0.0 { 0 } else { 2 })
}

/// Accepts "95000", "95,000", "$95 000"; anything else clears the value.
fn parse_salary_input(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '$' | ',' | ' ' | '\u{a0}'))
        .collect();
    crate::number::parse_decimal(&cleaned).and_then(crate::query::salaries::valid_salary)
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
                <div class="table-scroll">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">"Level"</th>
                                <th scope="col">"Source"</th>
                                <th scope="col">"Figure"</th>
                                <th scope="col">"Your salary is"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td>{r.level.label()}</td>
                                            <td>{format!("{} (“{}”)", r.source, r.source_label)}</td>
                                            <td>{r.figure}</td>
                                            <td>
                                                <strong>{r.verdict.short()}</strong>
                                                ": "
                                                {r.verdict.describe(per_text)}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        })
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
    let load = move || {
        if loads.get_untracked() == 0 || load_failed.get_value() {
            load_failed.set_value(false);
            loads.update(|n| *n += 1);
        }
    };
    let handler = StoredValue::new(None::<ImportHandler>);
    let ask = move |input: ImportInput, label: String| {
        let next = ImportRequest {
            input,
            label,
            unit: unit.get_untracked(),
        };
        match handler.get_value() {
            Some(import) => import(next),
            None => {
                request.set(Some(next));
                load();
            }
        }
    };
    // Until something is asked for, loading (or failing to load) the importer shows nothing.
    let asked = move || request.with(Option::is_some);

    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
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
        input.set_value("");
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
                    <ul>{stats_for_view.method.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                </details>
                <SourceRef dataset=d.clone() id=stats_for_view.source.clone() />
            </div>

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
                            imported::load_results(request, handler, query, width),
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
