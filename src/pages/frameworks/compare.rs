//! The side-by-side comparison table of the frameworks picked with "Compare" (`compare=`). Its
//! own chunk (split point `frameworks_compare`): fetched once two frameworks are picked, not
//! with the page.

use super::{compare_hint, State};
use crate::data::Dataset;
use crate::frameworks as fw;
use crate::query::frameworks::compared;
use leptos::prelude::*;
use std::sync::Arc;

crate::split_view! {
    pub(super) async fn load_table(url: State, dataset: StoredValue<Arc<Dataset>>) => frameworks_compare {
        comparison(url, dataset).into_any()
    }
}

fn comparison(url: State, dataset: StoredValue<Arc<Dataset>>) -> impl IntoView {
    let query = url.query;
    move || {
        let q = query.get();
        let dataset = dataset.get_value();
        let picked = compared(&dataset.frameworks, &q);
        if let Some(hint) = compare_hint(&picked) {
            return hint;
        }
        let rows = fw::compare_rows(&picked);
        let names: Vec<String> = picked.iter().map(|f| f.name.clone()).collect();
        view! {
            <section class="section" aria-labelledby="compare-heading">
                <h2 id="compare-heading">{format!("Comparing {}", names.join(", "))}</h2>
                <p class="muted">"Rows where they differ are highlighted."</p>
                <div class="table-scroll">
                    <table class="data-table compare-table">
                        <thead>
                            <tr>
                                <th scope="col"><span class="visually-hidden">"Aspect"</span></th>
                                {names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|row| {
                                    let code = row.key == "code";
                                    // The async row quotes each source after its label, with the source named.
                                    let quoted = row.key == "async";
                                    view! {
                                        <tr class:differs=row.differs data-row=row.key>
                                            <th scope="row">
                                                {row.label}
                                                {row.differs.then(|| view! { <span class="visually-hidden">" (differs)"</span> })}
                                            </th>
                                            {row
                                                .cells
                                                .into_iter()
                                                .map(|cell| {
                                                    let label = |id: Option<&str>| id.and_then(|id| dataset.source(id)).map(|s| s.label());
                                                    // Each run of lines from one source ends with that source's name.
                                                    let ends_run: Vec<bool> = (0..cell.lines.len())
                                                        .map(|i| cell.lines.get(i + 1).is_none_or(|next| next.source != cell.lines[i].source))
                                                        .collect();
                                                    let lines = cell.lines.into_iter().enumerate().map(|(i, l)| {
                                                        if quoted && i > 0 {
                                                            let source = label(l.source.as_deref()).map(|s| format!(" ({s})"));
                                                            return view! { <p><q>{l.text}</q><span class="muted">{source}</span></p> }.into_any();
                                                        }
                                                        let source = (!quoted && ends_run[i]).then(|| label(l.source.as_deref())).flatten().map(|s| {
                                                            view! { <p class="line-source">{format!("— {s}")}</p> }
                                                        });
                                                        if code {
                                                            view! { <pre><code>{l.text}</code></pre>{source} }.into_any()
                                                        } else {
                                                            view! { <p>{l.text}</p>{source} }.into_any()
                                                        }
                                                    });
                                                    view! { <td class:not-stated=!cell.stated>{lines.collect_view()}</td> }
                                                })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <button type="button" class="button small" on:click=move |_| url.update(|q| q.compare.clear())>
                    "Clear comparison"
                </button>
            </section>
        }
        .into_any()
    }
}
