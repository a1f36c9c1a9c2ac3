//! Every area of the chosen occupation in one table: search by name, filter by state, sort by a
//! statistic or employment, and add areas to the comparison.

use super::files::OewsFiles;
use super::{kept_view, UrlState};
use crate::data::AreaFile;
use crate::oews::{employment_text, rse_text, Sort, Stat};
use crate::query::locations::MAX_AREAS;
use leptos::prelude::*;
use std::sync::Arc;

/// Rows shown before "Show all": about a screen and a half on a laptop.
const FIRST_ROWS: usize = 25;

/// Rows a search keystroke shows in its own task; the rest of the first rows follow one
/// browser task later. A row is 11 cells and a button, about 1.5 ms to build on the benchmark's
/// machine: building all 25 first rows at once took 29 ms, 10 took 18 ms (BENCHMARKS.md, run
/// O), more than a frame. Clearing the search builds none: the list's own first rows stay
/// built, hidden, during a search (`resting`).
const FIRST_SCREEN: usize = 8;

#[component]
pub fn ListSection(url: UrlState) -> impl IntoView {
    let files = use_context::<OewsFiles>();
    view! {
        <section class="section" aria-labelledby="areas-heading">
            <h2 id="areas-heading">"Every area"</h2>
            {files.map(|files| kept_view(files.file, "the areas", Box::new(move |file| list_view(url, file).into_any())))}
        </section>
    }
}

/// One row of the table: which area of which file, and what its button says. A row is built
/// once for each key and kept while it stays in the list (a search keystroke moves rows, it
/// does not rebuild them).
#[derive(Clone)]
struct Row {
    file: Arc<AreaFile>,
    index: usize,
    compared: bool,
    full: bool,
}

impl Row {
    fn key(&self) -> (usize, usize, bool, bool) {
        // The file's address: another occupation's file is other rows.
        (
            Arc::as_ptr(&self.file) as usize,
            self.index,
            self.compared,
            self.full,
        )
    }
}

fn list_view(url: UrlState, next: Memo<Arc<AreaFile>>) -> impl IntoView {
    let query = url.query;
    // Another occupation reaches the list one task after the charts above it, which are in
    // view: they redraw first, then the rows are built again.
    let file = RwSignal::new(next.get_untracked());
    Effect::new(move |_| {
        let next = next.get();
        leptos::task::spawn_local(async move {
            crate::perf::next_task().await;
            file.try_set(next);
        });
    });
    // Each area's name folded for the search, once a file.
    let folded = Memo::new(move |_| {
        file.with(|f| {
            f.areas
                .iter()
                .map(|a| crate::oews::fold(&a.name))
                .collect::<Vec<_>>()
        })
    });
    let filter = Memo::new(move |_| query.with(|q| (q.q.clone(), q.state.clone(), q.sort)));
    let rows = Memo::new(move |_| {
        let (text, state, sort) = filter.get();
        file.with(|f| {
            folded.with(|folded| crate::oews::list(&f.areas, folded, &text, state.as_deref(), sort))
        })
    });
    // The list's first rows with no search text (this state and sort): kept built, hidden,
    // while a search shows other rows, so that clearing the search shows them again instead of
    // building them anew.
    let resting = Memo::new(move |_| {
        let (state, sort) = query.with(|q| (q.state.clone(), q.sort));
        file.with(|f| {
            folded.with(|folded| {
                let mut all = crate::oews::list(&f.areas, folded, "", state.as_deref(), sort);
                all.truncate(FIRST_ROWS);
                all
            })
        })
    });
    // Which areas are compared: the rows' buttons re-render when it changes, not on every
    // change of the URL.
    let compared = Memo::new(move |_| query.with(|q| q.areas.clone()));
    let show_all = RwSignal::new(false);
    // False from a search keystroke until the next task: the list then shows its first screen.
    let settled = RwSignal::new(true);
    let (text, set_text) = signal(query.get_untracked().q);
    // Follow the URL when it changes from outside (Back, a search result): unless the box
    // already says the same (a trailing space the URL does not keep).
    Effect::new(move |_| {
        let q = query.with(|q| q.q.clone());
        if crate::query::locations::clean_text(&text.get_untracked()) != q {
            set_text.set(q);
        }
    });
    let states = move || {
        file.with(|f| {
            crate::oews::states(&f.areas)
                .into_iter()
                .map(|(code, name)| {
                    let code = code.to_owned();
                    let value = code.clone();
                    view! {
                        <option value=value selected=move || query.with(|q| q.state.as_deref() == Some(code.as_str()))>
                            {name.to_owned()}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let sorts = Sort::ALL
        .into_iter()
        .map(|s| view! { <option value=s.id() selected=move || query.with(|q| q.sort == s)>{s.label()}</option> })
        .collect_view();
    // The rows on screen: the first of the search's answer.
    let visible = Memo::new(move |_| {
        let limit = if show_all.get() {
            usize::MAX
        } else if settled.get() {
            FIRST_ROWS
        } else {
            FIRST_SCREEN
        };
        rows.with(|rows| rows.iter().take(limit).copied().collect::<Vec<_>>())
    });
    // The rows in the table: those on screen, then the resting rows that are not (hidden).
    let shown = move || {
        let file = file.get();
        let compared = compared.get();
        let full = compared.len() >= MAX_AREAS;
        let visible = visible.get();
        let hidden: Vec<usize> =
            resting.with(|r| r.iter().filter(|i| !visible.contains(i)).copied().collect());
        visible
            .into_iter()
            .chain(hidden)
            .map(|index| {
                let is_compared = compared.contains(&file.areas[index].code);
                Row {
                    file: file.clone(),
                    index,
                    compared: is_compared,
                    full: full && !is_compared,
                }
            })
            .collect::<Vec<_>>()
    };
    let row_view = move |row: Row| {
        let a = &row.file.areas[row.index];
        let code = a.code.clone();
        let national = a.code == crate::query::locations::NATION;
        // The columns' order is Stat::ALL's: p10 … p90, then the mean.
        let cells = Stat::ALL.map(|s| crate::locations::cell(&a.figures, s));
        let index = row.index;
        view! {
            <tr id=format!("area-{}", a.code) hidden=move || visible.with(|v| !v.contains(&index))>
                <th scope="row">
                    {crate::oews::display_name(a).to_owned()}
                    <span class="muted small">{format!(" · {}", a.kind.label())}</span>
                    {(a.figures.emp.is_some() && !a.figures.has_wages()).then(|| view! {
                        <span class="muted small">" · employment only: BLS released no wages"</span>
                    })}
                </th>
                {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                <td class="num">{employment_text(&a.figures)}</td>
                <td class="num">{rse_text(a.figures.emp_rse.as_deref())}</td>
                <td class="num">{rse_text(a.figures.wage_rse.as_deref())}</td>
                <td>
                    {(!national).then(|| view! {
                        <button
                            type="button"
                            class="button small"
                            aria-pressed=row.compared.to_string()
                            title=row.full.then_some("Adding this replaces the first compared area (6 at most)")
                            on:click=move |_| url.update(|q| q.toggle_area(&code))
                        >
                            {if row.compared { "Remove" } else { "Compare" }}
                        </button>
                    })}
                </td>
            </tr>
        }
    };
    let count = move || {
        let n = rows.with(Vec::len);
        let total = file.with(|f| f.areas.len());
        match n {
            0 => "No area matches. Try fewer letters or another state.".to_owned(),
            n if n == total => format!("{n} areas."),
            n => format!("{n} of {total} areas match."),
        }
    };
    let more = move || {
        let n = rows.with(Vec::len);
        (n > FIRST_ROWS && !show_all.get()).then(|| {
            view! {
                <button type="button" class="button" on:click=move |_| show_all.set(true)>
                    {format!("Show all {n}")}
                </button>
            }
        })
    };
    view! {
        <form class="filters card" on:submit=|ev| ev.prevent_default() aria-label="Search and filter the areas">
            <label class="field">
                <span>"Search by name"</span>
                <input
                    type="search"
                    name="q"
                    autocomplete="off"
                    placeholder="e.g. austin"
                    prop:value=text
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        set_text.set(value.clone());
                        settled.set(false);
                        url.update(|q| q.q = value);
                        leptos::task::spawn_local(async move {
                            crate::perf::next_task().await;
                            settled.try_set(true);
                        });
                    }
                />
            </label>
            <label class="field">
                <span>"State"</span>
                <select
                    name="state"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        url.update(|q| q.state = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="" selected=move || query.with(|q| q.state.is_none())>"All states"</option>
                    {states}
                </select>
            </label>
            <label class="field">
                <span>"Sort by"</span>
                <select
                    name="sort"
                    on:change=move |ev| {
                        if let Some(sort) = Sort::from_id(&event_target_value(&ev)) {
                            url.update(|q| q.sort = sort);
                        }
                    }
                >
                    {sorts}
                </select>
            </label>
        </form>
        <p class="muted" role="status">{count}</p>
        <div class="table-scroll">
            <table class="data-table areas-table">
                <caption class="visually-hidden">"Annual wages in US dollars, employment and relative standard errors by area (BLS OEWS)"</caption>
                // The columns' widths are in style/main.css (.areas-table), in this order.
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"P10"</th>
                        <th scope="col">"P25"</th>
                        <th scope="col">"Median"</th>
                        <th scope="col">"P75"</th>
                        <th scope="col">"P90"</th>
                        <th scope="col">"Mean"</th>
                        <th scope="col">"Employment"</th>
                        <th scope="col">"Emp. RSE"</th>
                        <th scope="col">"Wage RSE"</th>
                        <th scope="col"><span class="visually-hidden">"Compare"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=shown key=Row::key children=row_view />
                </tbody>
            </table>
        </div>
        <p class="muted small">"Wages in US dollars a year. “not released”: BLS footnote 8, estimate not released."</p>
        {more}
    }
}
