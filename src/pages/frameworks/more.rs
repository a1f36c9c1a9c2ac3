//! The Frameworks page below the timeline: the "Which should I choose?" chooser and FastAPI up
//! close. Its own split point (`frameworks_more`), fetched once the browser is idle after the
//! page's first screen, so the first load carries only the filters, the cards and the timeline.

use super::{chooser, code_block, on_first_use, once_true, State};
use crate::components::source_ref::SourceRef;
use crate::data::{Claim, Dataset};
use crate::frameworks as fw;
use leptos::prelude::*;
use std::sync::Arc;

crate::split_view! {
    pub(super) async fn load(url: State, dataset: Arc<Dataset>) => frameworks_more {
        view! {
            <Chooser url=url dataset=dataset.clone() />
            <FastApiSection dataset=dataset />
        }
        .into_any()
    }
}

/// Holds the place, and the anchors a link may point at, until the sections arrive.
pub(super) fn placeholder() -> AnyView {
    view! {
        <section class="section" aria-labelledby="chooser-heading" data-pending>
            <h2 id="chooser-heading">"Which should I choose?"</h2>
            <p class="loading" role="status">"Loading the chooser…"</p>
            <span id="fastapi-heading"></span>
        </section>
    }
    .into_any()
}

#[component]
fn Chooser(url: State, dataset: Arc<Dataset>) -> impl IntoView {
    let query = url.query;
    let questions = fw::QUESTIONS
        .iter()
        .map(|question| {
            let qid = question.id;
            view! {
                <fieldset class="chooser-question">
                    <legend>{question.text}</legend>
                    <div class="check-row">
                        {question
                            .options
                            .iter()
                            .map(|&(option, label)| {
                                view! {
                                    <label class="check">
                                        <input
                                            type="radio"
                                            name=qid
                                            value=option
                                            prop:checked=move || query.get().answers.get(qid) == Some(option)
                                            on:change=move |_| url.update(|q| {
                                                q.answers.set(qid, option);
                                            })
                                        />
                                        {label}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    // The recommendation (scoring and its quotes) is its own chunk (split point
    // `frameworks_chooser`), fetched once a question is answered.
    let wanted = once_true(move || query.with(|q| !q.answers.is_empty()));
    let dataset = StoredValue::new(dataset);
    let result = move || {
        if wanted.get() {
            on_first_use(chooser::load_result(url, dataset), "recommendation")
        } else {
            no_answers().into_any()
        }
    };
    view! {
        <section class="section" aria-labelledby="chooser-heading">
            <h2 id="chooser-heading">"Which should I choose?"</h2>
            <form class="card chooser" on:submit=|ev| ev.prevent_default()>
                {questions}
                <button type="button" class="button small" on:click=move |_| url.update(|q| q.answers = Default::default())>
                    "Reset answers"
                </button>
            </form>
            <div class="card">{result}</div>
            <details class="scoring">
                <summary>"How is this scored?"</summary>
                <p>"Each answer adds points to a framework when one of its “use it when”, pros or cons lines in the sources says so; those lines are the reasons shown. Ties go to the framework listed first."</p>
                <div class="table-scroll">
                    <table class="data-table">
                        <thead>
                            <tr><th scope="col">"Answer"</th><th scope="col">"Looks for"</th><th scope="col">"In"</th><th scope="col">"Points"</th></tr>
                        </thead>
                        <tbody>
                            {fw::SCORING_RULES
                                .iter()
                                .map(|r| {
                                    let answer = fw::question(r.question)
                                        .and_then(|q| q.options.iter().find(|(id, _)| *id == r.option).map(|(_, label)| format!("{} {label}", q.text)))
                                        .unwrap_or_default();
                                    view! {
                                        <tr>
                                            <td>{answer}</td>
                                            <td>{format!("“{}”", r.phrase)}</td>
                                            <td>{r.list.label()}</td>
                                            <td>{format!("{:+}", r.points)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

pub(super) fn no_answers() -> impl IntoView {
    view! { <p class="muted">"Answer any of the questions to see what the sources suggest."</p> }
}

pub(super) fn quote(dataset: &Arc<Dataset>, claim: &Claim) -> impl IntoView {
    view! {
        <li>
            <q>{claim.text.clone()}</q>
            " "
            <SourceRef dataset=dataset.clone() id=claim.source.clone() />
        </li>
    }
}

#[component]
fn FastApiSection(dataset: Arc<Dataset>) -> impl IntoView {
    let facts = dataset
        .fastapi
        .facts
        .iter()
        .map(|c| quote(&dataset, c))
        .collect_view();
    let top = dataset
        .fastapi
        .top_related
        .iter()
        .map(|t| {
            view! {
                <li id=format!("tech-{}", t.id) tabindex="-1">
                    <strong>{t.name.clone()}</strong>
                    ": "
                    {t.summary.clone()}
                    {t.code.as_ref().map(|code| code_block(&format!("{} example", t.name), code, None))}
                </li>
            }
        })
        .collect_view();
    let source = dataset
        .fastapi
        .top_related
        .first()
        .map(|t| t.source.clone())
        .unwrap_or_default();
    view! {
        <section class="section" aria-labelledby="fastapi-heading">
            <h2 id="fastapi-heading">"FastAPI up close"</h2>
            <ul class="quotes">{facts}</ul>
            <h3>"Top ten related technologies"</h3>
            <ol class="top-ten">{top}</ol>
            <SourceRef dataset=dataset.clone() id=source />
        </section>
    }
}
