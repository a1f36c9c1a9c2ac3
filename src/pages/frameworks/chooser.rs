//! The chooser's recommendation for the answers given (`q=`): the scoring and the quotes
//! behind it. Its own chunk (split point `frameworks_chooser`): fetched once a question is
//! answered, not with the page.

use super::more::{no_answers, quote};
use super::State;
use crate::data::Dataset;
use crate::frameworks as fw;
use leptos::prelude::*;
use std::sync::Arc;

crate::split_view! {
    pub(super) async fn load_result(url: State, dataset: StoredValue<Arc<Dataset>>) => frameworks_chooser {
        recommendation(url, dataset).into_any()
    }
}

fn recommendation(url: State, dataset: StoredValue<Arc<Dataset>>) -> impl IntoView {
    let query = url.query;
    move || {
        let d = dataset.get_value();
        let q = query.get();
        if q.answers.is_empty() {
            return no_answers().into_any();
        }
        match fw::recommend(&q.answers, &d.frameworks) {
            None => view! {
                <p role="status">"The sources give no guidance for these answers, so they do not settle it."</p>
            }
            .into_any(),
            Some(rec) => {
                let reasons = rec.reasons.iter().map(|c| quote(&d, c)).collect_view();
                let cautions = rec.cautions.iter().map(|c| quote(&d, c)).collect_view();
                let has_cautions = !rec.cautions.is_empty();
                let runner_up = rec.runner_up.as_ref().map(|r| format!("Runner-up: {} (score {}).", r.name, r.score));
                view! {
                    <div class="recommendation" role="status">
                        <h3>{format!("The sources point to {}", rec.name)}</h3>
                        <p class="muted">{format!("Score {} from the answers below.", rec.score)}</p>
                        <h4>"Why, in the sources' words"</h4>
                        <ul class="quotes">{reasons}</ul>
                        {has_cautions.then(|| view! { <h4>"But note"</h4> <ul class="quotes">{cautions}</ul> })}
                        <p>{runner_up}</p>
                    </div>
                }
                .into_any()
            }
        }
    }
}
