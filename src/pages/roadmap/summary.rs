//! Progress at a glance: the overall bar and the stages' timeline.

use super::State;
use crate::data::Roadmap as RoadmapData;
use crate::progress::{Progress, StageSummary};
use leptos::prelude::*;

pub(super) fn progress_bar(label: String, summary: StageSummary) -> impl IntoView {
    let percent = summary.percent_done;
    view! {
        <div class="progress">
            <div
                class="progress-track"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=percent.to_string()
            >
                <div class="progress-fill" style:width=format!("{percent}%")></div>
            </div>
            <span class="progress-text">
                {format!(
                    "{percent}% · {} done, {} learning, {} skipped of {}",
                    summary.done,
                    summary.learning,
                    summary.skipped,
                    summary.total,
                )}
            </span>
        </div>
    }
}

#[component]
pub(super) fn Overall(roadmap: RoadmapData, shown: Signal<Progress>) -> impl IntoView {
    move || {
        let summary = shown.with(|p| p.overall(&roadmap));
        view! {
            <section class="card overall" aria-label="Overall progress">
                <h2>"Overall"</h2>
                {progress_bar("Overall progress".into(), summary)}
            </section>
        }
    }
}

/// The stages as a timeline over months; each segment jumps to its stage.
#[component]
pub(super) fn Timeline(roadmap: RoadmapData, shown: Signal<Progress>, url: State) -> impl IntoView {
    let segments = roadmap
        .stages
        .iter()
        .map(|stage| {
            // Open-ended stages ("1+ years") get as much room as the one before.
            let months = stage.months.max.map_or(6, |max| max.saturating_sub(stage.months.min)).max(1);
            let number = stage.number;
            let stage_for_summary = stage.clone();
            let fill = move || shown.with(|p| p.stage_summary(&stage_for_summary).percent_done);
            view! {
                <li class="timeline-segment" style:flex-grow=months.to_string()>
                    <button
                        type="button"
                        class="timeline-button"
                        on:click=move |_| url.update(|q| {
                            q.stage = Some(number);
                            q.item = None;
                        })
                    >
                        <span class="timeline-fill" style:width=move || format!("{}%", fill()) aria-hidden="true"></span>
                        <span class="timeline-label">{format!("{}. {}", stage.number, stage.name)}</span>
                        <span class="timeline-months">{stage.duration_label.clone()}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="timeline" aria-label="Stages over time">
            <ol>{segments}</ol>
        </nav>
    }
}
