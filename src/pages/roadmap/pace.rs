//! "Your pace": hours per week and the reader's own estimate per item, and what they project
//! (`crate::plan::project`): per stage and overall, the hours estimated, the hours still to do
//! and the finish date at that pace, beside the source's own stage timing. Nothing is guessed:
//! items still to do without an estimate are counted and named.
//!
//! Its own wasm chunk (`roadmap_pace`), fetched once the browser is idle after the first screen:
//! the Roadmap's first load does not carry it.

use super::Own;
use crate::components::source_ref::SourceRef;
use crate::data::Dataset;
use crate::plan::{self, Date, Hours, HoursError, Projection};
use leptos::prelude::*;
use std::sync::Arc;

/// Today in the reader's time zone.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: i32::try_from(now.get_full_year()).unwrap_or(1970),
        month: u8::try_from(now.get_month() + 1).unwrap_or(1),
        day: u8::try_from(now.get_date()).unwrap_or(1),
    }
}

crate::split_view! {
    pub(super) async fn load(dataset: Arc<Dataset>, own: Own) => roadmap_pace {
        view! { <Pace dataset=dataset own=own /> }.into_any()
    }
}

/// Until the chunk is in: the section's heading (links to `#pace-heading` land on it).
pub(super) fn placeholder() -> AnyView {
    view! {
        <section class="card pace" aria-labelledby="pace-heading" aria-busy="true">
            <h2 id="pace-heading">"Your pace"</h2>
            <p class="muted">"Loading…"</p>
        </section>
    }
    .into_any()
}

#[component]
fn Pace(dataset: Arc<Dataset>, own: Own) -> impl IntoView {
    let roadmap = dataset.roadmap.clone();
    let today = today();
    let for_projection = roadmap.clone();
    let projection = Memo::new(move |_| {
        own.progress.with(|progress| {
            own.plan
                .with(|p| plan::project(&for_projection, |id| progress.still_to_do(id), p, today))
        })
    });
    let pace_error = RwSignal::new(None::<HoursError>);
    let initial_pace = own
        .plan
        .with_untracked(|p| p.hours_per_week.map(Hours::text))
        .unwrap_or_default();
    let on_pace = move |ev: leptos::ev::Event| match plan::parse_pace(&event_target_value(&ev)) {
        Ok(hours) => {
            pace_error.set(None);
            own.update_plan(|p| p.hours_per_week = hours);
        }
        // The stored pace stays; the field keeps what was typed.
        Err(e) => pace_error.set(Some(e)),
    };

    let names: Vec<(String, String)> = roadmap
        .stages
        .iter()
        .flat_map(|s| &s.items)
        .map(|item| (item.id.clone(), item.text.clone()))
        .collect();
    let unestimated = move || {
        let ids = projection.with(|(_, overall)| overall.unestimated.clone());
        (!ids.is_empty()).then(|| {
            let listed: Vec<&str> = ids
                .iter()
                .filter_map(|id| names.iter().find(|(i, _)| i == id).map(|(_, t)| t.as_str()))
                .collect();
            let count = ids.len();
            view! {
                <p class="unestimated">
                    {format!(
                        "{count} item{} still to do {} no estimate, so {} not in the hours or dates above: {}.",
                        if count == 1 { "" } else { "s" },
                        if count == 1 { "has" } else { "have" },
                        if count == 1 { "it is" } else { "they are" },
                        listed.join("; ")
                    )}
                </p>
            }
        })
    };

    let stage_rows = roadmap
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let name = format!("{}. {}", stage.number, stage.name);
            let label = stage.duration_label.clone();
            let row = move || {
                projection
                    .with(|(stages, _)| stages.get(i).cloned())
                    .unwrap_or_default()
            };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td data-label="The source's timing">{label}</td>
                    {move || figures(&row(), own)}
                </tr>
            }
        })
        .collect_view();

    let estimate_rows = roadmap
        .stages
        .iter()
        .flat_map(|stage| stage.items.iter().map(move |item| (stage.number, item)))
        .map(|(number, item)| estimate_row(number, item.id.clone(), item.text.clone(), own))
        .collect_view();

    view! {
        <section class="card pace" aria-labelledby="pace-heading">
            <h2 id="pace-heading">"Your pace"</h2>
            <p class="muted">
                "Plan with your own numbers: the hours you can give each week, and your own estimate for any item. The app estimates nothing, and items without your estimate are counted, never guessed. Kept in this browser with your progress."
            </p>
            <div class="field">
                <label for="pace-hours">"Hours per week"</label>
                <input
                    id="pace-hours"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    placeholder="e.g. 6"
                    value=initial_pace
                    aria-invalid=move || pace_error.get().is_some().to_string()
                    aria-describedby="pace-hours-error"
                    on:input=on_pace
                />
                <p id="pace-hours-error" class="field-error" role="status">
                    {move || pace_error.get().map(|e| e.to_string())}
                </p>
            </div>
            <div class="table-scroll">
                <table class="data-table pace-table">
                    <caption class="visually-hidden">"Your projection per stage"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Stage"</th>
                            <th scope="col">"The source's timing"</th>
                            <th scope="col">"Your estimates"</th>
                            <th scope="col">"Still to do"</th>
                            <th scope="col">"Finish at your pace"</th>
                        </tr>
                    </thead>
                    <tbody>{stage_rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"Whole roadmap"</th>
                            <td></td>
                            {move || figures(&projection.with(|(_, overall)| overall.clone()), own)}
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p class="muted">
                "The source's timing is the stage label as the source gives it "
                <SourceRef dataset=dataset.clone() id=roadmap.source.clone() />
                ". Finish dates count from today, stage after stage in order, and round up to a whole day."
            </p>
            {unestimated}
            <details class="estimates">
                <summary>"Your estimates per item (hours)"</summary>
                <table class="data-table estimates-table">
                    <thead>
                        <tr>
                            <th scope="col">"Item"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Your estimate"</th>
                        </tr>
                    </thead>
                    <tbody>{estimate_rows}</tbody>
                </table>
            </details>
        </section>
    }
}

/// The three figures of a row: estimated, still to do, finish.
fn figures(p: &Projection, own: Own) -> impl IntoView {
    let has_pace = own.plan.with(|p| p.hours_per_week.is_some());
    let finish = match (p.finish, has_pace) {
        (Some(date), _) => date.text(),
        (None, false) => "Set your hours per week".to_owned(),
        (None, true) if p.unestimated.is_empty() => "Nothing left to do".to_owned(),
        (None, true) => "No estimate for what is left".to_owned(),
    };
    view! {
        <td data-label="Your estimates">{p.estimated.with_unit()}</td>
        <td data-label="Still to do">{p.remaining.with_unit()}</td>
        <td data-label="Finish at your pace">{finish}</td>
    }
}

/// One item's estimate field, with its status and its own error message.
fn estimate_row(stage: u8, id: String, text: String, own: Own) -> impl IntoView {
    let field_id = format!("estimate-{id}");
    let error_id = format!("estimate-error-{id}");
    let error = RwSignal::new(None::<HoursError>);
    let initial = own
        .plan
        .with_untracked(|p| p.estimate(&id).map(Hours::text))
        .unwrap_or_default();
    let state_id = id.clone();
    let state = move || own.progress.with(|p| p.get(&state_id)).label();
    let on_input = move |ev: leptos::ev::Event| match plan::parse_estimate(&event_target_value(&ev))
    {
        Ok(hours) => {
            error.set(None);
            own.update_plan(|p| p.set_estimate(&id, hours));
        }
        Err(e) => error.set(Some(e)),
    };
    view! {
        <tr>
            <th scope="row">
                <label for=field_id.clone()>{text}</label>
                <span class="muted">{format!(" (stage {stage})")}</span>
            </th>
            <td>{state}</td>
            <td>
                <input
                    id=field_id
                    class="estimate-input"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    size="6"
                    value=initial
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=error_id.clone()
                    on:input=on_input
                />
                " h"
                <span id=error_id class="field-error" role="status">
                    {move || error.get().map(|e| e.to_string())}
                </span>
            </td>
        </tr>
    }
}
