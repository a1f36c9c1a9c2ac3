//! Comparing areas: the box plots (the nation always first), "where do I stand" in each
//! compared area, and a pay range for a job post with its citation.

use super::files::OewsFiles;
use super::{kept_view, UrlState};
use crate::charts::boxes::draw_boxes;
use crate::components::chart::ChartFrame;
use crate::components::salary_field::SalaryField;
use crate::data::{AreaFile, Dataset, OewsRelease, Period};
use crate::format::money;
use crate::oews::{pay_range_line, Span, PLACEMENT_METHOD};
use crate::query::locations::LocationsQuery;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CompareSection(
    url: UrlState,
    release: Arc<OewsRelease>,
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let files = use_context::<OewsFiles>();
    view! {
        <section class="section" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare areas"</h2>
            <SalaryBox url=url />
            {files.map(|files| {
                kept_view(
                    files.file,
                    "the wage figures",
                    Box::new(move |file| compare_view(url, file, dataset.clone(), release.clone()).into_any()),
                )
            })}
        </section>
    }
}

#[component]
fn SalaryBox(url: UrlState) -> impl IntoView {
    let query = url.query;
    let on_salary = Callback::new(move |salary| url.update(|q| q.salary = salary));
    view! {
        <form class="filters card" on:submit=|ev| ev.prevent_default() aria-label="Where do I stand">
            <SalaryField
                salary=Signal::derive(move || query.with(|q| q.salary))
                period=Signal::derive(move || query.with(|q| q.period))
                on_set=on_salary
                examples=("e.g. 150000", "e.g. 12500")
            >
                <div class="check-row">
                    {[(Period::Year, "a year"), (Period::Month, "a month (×12)")]
                        .into_iter()
                        .map(|(period, label)| view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name="period"
                                    value=crate::query::salaries::period_id(period)
                                    prop:checked=move || query.with(|q| q.period == period)
                                    on:change=move |_| url.update(|q| q.period = period)
                                />
                                {label}
                            </label>
                        })
                        .collect_view()}
                </div>
            </SalaryField>
            <label class="check">
                <input
                    type="checkbox"
                    name="ranges"
                    prop:checked=move || query.with(|q| q.ranges)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        url.update(|q| q.ranges = on);
                    }
                />
                "Overlay the seniority ranges from the other sources"
            </label>
        </form>
    }
}

fn compare_view(
    url: UrlState,
    file: Memo<Arc<AreaFile>>,
    dataset: Arc<Dataset>,
    release: Arc<OewsRelease>,
) -> impl IntoView {
    let query = url.query;
    // What the box plots read: the URL state less the list's search, filter and sort (a
    // keystroke in the list is no change here).
    let input = Memo::new(move |_| {
        query.with(|q| LocationsQuery {
            q: String::new(),
            state: None,
            sort: Default::default(),
            ..q.clone()
        })
    });
    let chart = Memo::new(move |_| {
        file.with(|f| input.with(|q| crate::locations::box_chart(f, &dataset, q)))
    });
    let summary = Signal::derive(move || {
        let occupation = file.with(|f| f.occupation.name.clone());
        chart.with(|c| {
            format!(
                "Box plots of the annual wages of {occupation} (US dollars a year) in {} area(s), the nation first: whiskers from the 10th to the 90th percentile, a box from the 25th to the 75th, a line at the median.{}",
                c.boxes.len(),
                if c.ranges.is_empty() { "" } else { " Below them, the other sources' seniority ranges." }
            )
        })
    });
    // Slices of the URL state: each part re-renders only when what it shows changed (a search
    // keystroke or another statistic leaves them alone).
    let areas = Memo::new(move |_| query.with(|q| q.areas.clone()));
    let standing_input = Memo::new(move |_| query.with(|q| (q.areas.clone(), q.salary, q.period)));
    let ranges = Memo::new(move |_| query.with(|q| q.ranges));
    let chips = move || {
        let q = LocationsQuery {
            areas: areas.get(),
            ..Default::default()
        };
        file.with(|file| {
            crate::locations::compared(file, &q)
                .into_iter()
                .skip(1)
                .map(|a| {
                    let code = a.code.clone();
                    view! {
                        <li class="chip">
                            {a.name.clone()}
                            <button
                                type="button"
                                class="chip-remove"
                                aria-label=format!("Remove {} from the comparison", a.name)
                                on:click=move |_| url.update(|q| q.toggle_area(&code))
                            >
                                "×"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || {
        areas.with(Vec::is_empty).then(|| view! {
            <p class="muted">"Only the nation is shown. Add areas from the map or the list below (up to 6)."</p>
        })
    };
    let standings = move || {
        let (areas, salary, period) = standing_input.get();
        let q = LocationsQuery {
            areas,
            salary,
            period,
            ..Default::default()
        };
        let salary = q.salary?;
        let rows = file.with(|f| crate::locations::standings(f, &q));
        let yearly = q.yearly_salary().unwrap_or(salary);
        let heading = match q.period {
            Period::Year => format!("Where {} a year stands", money(salary)),
            Period::Month => format!(
                "Where {} a month ({} a year) stands",
                money(salary),
                money(yearly)
            ),
        };
        Some(view! {
            <div class="standing">
                <h3>{heading}</h3>
                <div class="table-scroll">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">"Area"</th>
                                <th scope="col">"Median (USD a year)"</th>
                                <th scope="col">"Your salary is"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>
                                    <td>{r.area}</td>
                                    <td>{r.median}</td>
                                    <td><strong>{r.placement.describe()}</strong></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="method"><strong>"Method: "</strong>{PLACEMENT_METHOD}</p>
            </div>
        })
    };
    let ranges_note = move || {
        ranges.get().then(|| view! {
            <p class="method">
                "The seniority ranges come from the other sources (job sites and hiring guides, FastAPI and backend developers, mostly US but not only). They describe a different population from BLS's Software Developers and are not adjusted to it: read them as context, not as the same measure."
            </p>
        })
    };
    view! {
        <ul class="chips" aria-label="Compared areas">{chips}</ul>
        {empty}
        <ChartFrame
            id="locations-compare"
            title="Annual wage percentiles by area".into()
            summary=summary
            height=Signal::derive(move || chart.with(|c| c.height()))
            table=Signal::derive(move || chart.get().table())
            draw=Box::new(move |area, style| draw_boxes(area, &chart.get(), style))
        />
        {ranges_note}
        // The live region stays in place; only its content changes, so readers hear it.
        <div aria-live="polite">{standings}</div>
        <PayRange url=url file=file release=release />
    }
}

#[component]
fn PayRange(url: UrlState, file: Memo<Arc<AreaFile>>, release: Arc<OewsRelease>) -> impl IntoView {
    let query = url.query;
    let spans = Span::ALL
        .into_iter()
        .map(|s| view! { <option value=s.id() selected=move || query.with(|q| q.span == s)>{s.label()}</option> })
        .collect_view();
    let (copied, set_copied) = signal(None::<String>);
    let input = Memo::new(move |_| query.with(|q| (q.areas.clone(), q.span)));
    let lines = move || {
        let (areas, span) = input.get();
        let q = LocationsQuery {
            areas,
            span,
            ..Default::default()
        };
        file.with(|file| {
            crate::locations::compared(file, &q)
                .into_iter()
                .map(|a| {
                    let line = pay_range_line(&file.occupation.name, a, q.span, &release.release);
                    let for_copy = line.clone();
                    let name = a.name.clone();
                    view! {
                        <li class="pay-range">
                            <span class="pay-range-text">{line}</span>
                            <button
                                type="button"
                                class="button small"
                                aria-label=format!("Copy the pay range for {name}")
                                on:click=move |_| {
                                    let name = name.clone();
                                    crate::components::clipboard::copy_text(&for_copy, move |ok| {
                                        set_copied.set(Some(if ok {
                                            format!("Copied the line for {name}.")
                                        } else {
                                            "Could not copy: select the text instead.".to_owned()
                                        }));
                                    });
                                }
                            >
                                "Copy"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="card pay-ranges">
            <h3 id="pay-range-heading">"A pay range for a job post"</h3>
            <label class="field">
                <span>"Span"</span>
                <select
                    name="span"
                    on:change=move |ev| {
                        if let Some(span) = Span::from_id(&event_target_value(&ev)) {
                            url.update(|q| q.span = span);
                        }
                    }
                >
                    {spans}
                </select>
            </label>
            <ul class="plain">{lines}</ul>
            <p role="status" class="muted">{move || copied.get()}</p>
        </div>
    }
}
