//! The Roadmap below its stages and "Your pace": keeping and sharing progress (export, import,
//! the share link) and where the role leads (the role overview, responsibilities per level, the
//! career ladder). Its own split point (`roadmap_more`), fetched once the browser is idle after
//! the first screen, so the Roadmap's first load does not carry the export and import code.

use super::{confirm_replace, Own};
use crate::components::file_input::{read_text, take_file};
use crate::components::source_ref::SourceRef;
use crate::data::{Dataset, Roadmap as RoadmapData};
use crate::download::download;
use crate::plan::Plan;
use crate::progress::{self, Progress};
use crate::query::roadmap::RoadmapQuery;
use leptos::prelude::*;
use std::sync::Arc;

crate::split_view! {
    pub(super) async fn load(dataset: Arc<Dataset>, own: Own, read_only: Signal<bool>) => roadmap_more {
        view! {
            <Transfer own=own roadmap=dataset.roadmap.clone() read_only=read_only />
            <Ladder dataset=dataset />
        }
        .into_any()
    }
}

/// Until the chunk is in: the sections' headings (links and search land on them).
pub(super) fn placeholder() -> AnyView {
    view! {
        <section class="card transfer" aria-labelledby="transfer-heading" aria-busy="true">
            <h2 id="transfer-heading">"Keep or share your progress"</h2>
            <p class="muted">"Loading…"</p>
            <span id="role-heading"></span>
            <span id="levels-heading"></span>
            <span id="ladder-heading"></span>
        </section>
    }
    .into_any()
}

#[component]
fn Transfer(own: Own, roadmap: RoadmapData, read_only: Signal<bool>) -> impl IntoView {
    let message = RwSignal::new(None::<(bool, String)>);
    let roadmap_for_export = roadmap.clone();
    let export = move |_| {
        let json = own.progress.with_untracked(|p| {
            own.plan
                .with_untracked(|plan| progress::export_with_plan(p, plan, &roadmap_for_export))
        });
        download("backend-atlas-progress.json", "application/json", &json);
        message.set(Some((
            true,
            "Progress exported as backend-atlas-progress.json.".into(),
        )));
    };
    // An imported file waiting for "Replace mine", with its warnings.
    let pending = RwSignal::new(None::<(Progress, Plan, Vec<String>)>);
    let apply = move |(progress, plan, warnings): (Progress, Plan, Vec<String>)| {
        let count = progress.len();
        let notes = plan.notes().count();
        own.replace_all(progress, plan);
        let extra = if warnings.is_empty() {
            String::new()
        } else {
            format!(" {}", warnings.join(" "))
        };
        message.set(Some((
            true,
            format!("Imported progress with {count} marked item(s) and {notes} note(s).{extra}"),
        )));
    };
    let confirm = move || {
        pending.get().map(|file| {
            let mine = own.progress.with(Progress::len);
            let my_notes = own.plan.with(|p| p.notes().count());
            let theirs = file.0.len();
            let their_notes = file.1.notes().count();
            confirm_replace(
                format!("Replace your own progress ({mine} item(s) marked, {my_notes} note(s)) with the file's ({theirs} item(s) marked, {their_notes} note(s)), with its estimates and pace? This cannot be undone, but you can export yours first."),
                move || {
                    if let Some(file) = pending.get_untracked() {
                        apply(file);
                    }
                    pending.set(None);
                },
                move || {
                    pending.set(None);
                    message.set(Some((true, "Import cancelled. Nothing changed.".into())));
                },
            )
        })
    };
    let roadmap = Arc::new(roadmap);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = take_file(&ev) else {
            return;
        };
        if file.size() > progress::MAX_FILE_BYTES as f64 {
            message.set(Some((
                false,
                "That file is too large to be a progress file. Nothing changed.".into(),
            )));
            return;
        }
        let roadmap = roadmap.clone();
        leptos::task::spawn_local(async move {
            let text = read_text(file).await;
            let result = match text {
                Some(text) => {
                    progress::import_with_plan(&text, &roadmap).map_err(|e| e.to_string())
                }
                None => Err("The file could not be read as text.".into()),
            };
            match result {
                // Existing progress is replaced only once the reader says so.
                Ok(file)
                    if own.progress.with_untracked(Progress::len) > 0
                        || !own.plan.with_untracked(Plan::is_empty) =>
                {
                    message.set(None);
                    pending.set(Some(file));
                }
                Ok(file) => apply(file),
                Err(e) => message.set(Some((false, format!("{e} Nothing changed.")))),
            }
        });
    };
    view! {
        <section class="card transfer" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">"Keep or share your progress"</h2>
            <p class="muted">"Your progress, notes, estimates and pace live only in this browser. Export them to move them elsewhere (the file holds all of them), or share a read-only link."</p>
            <p class="muted share-contents">"A share link carries each item's status only: never your notes, estimates or pace."</p>
            <div class="share-actions">
                <button type="button" class="button" on:click=export>"Export progress (JSON)"</button>
                <label class="button file-button">
                    "Import progress…"
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_file disabled=move || read_only.get() />
                </label>
                <ShareLink own=own />
            </div>
            {confirm}
            {move || message.get().map(|(ok, text)| view! { <p class=if ok { "import-ok" } else { "import-error" } role="status">{text}</p> })}
        </section>
    }
}

/// Copies a link to a read-only view of the reader's progress.
#[component]
fn ShareLink(own: Own) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let dataset = use_context::<crate::state::DatasetCtx>();
    let copy = move |_| {
        let Some(crate::state::LoadState::Ready(d)) = dataset.map(|c| c.0.get_untracked()) else {
            return;
        };
        let code = own
            .progress
            .with_untracked(|p| progress::encode(p, &d.roadmap));
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let link = format!(
            "{base}?{}",
            RoadmapQuery {
                progress: Some(code),
                stage: None,
                item: None
            }
            .to_query()
        );
        let for_message = link.clone();
        crate::components::clipboard::copy_text(&link, move |ok| {
            let link = for_message;
            status.set(Some(if ok {
                format!("Link copied: {link}")
            } else {
                format!("Copy this link: {link}")
            }));
        });
    };
    view! {
        <button type="button" class="button" on:click=copy>"Copy share link"</button>
        <span role="status" class="muted share-status">{move || status.get()}</span>
    }
}

/// The role page's own overview: its sentence, key responsibilities, work environment and the
/// frameworks it lists (each a link where the Frameworks page has the framework), verbatim.
#[component]
fn RoleOverview(dataset: Arc<Dataset>, role: crate::data::Role) -> impl IntoView {
    let base = crate::state::app_base();
    let duties = dataset
        .backend_duties
        .iter()
        .filter(|c| c.source == role.source)
        .map(|c| view! { <li>{c.text.clone()}</li> })
        .collect_view();
    let frameworks = role
        .frameworks
        .iter()
        .map(|name| {
            let link = dataset
                .frameworks
                .iter()
                .find(|f| f.name == *name)
                .map(|f| base.href(&format!("/frameworks#framework-{}", f.id)));
            match link {
                Some(href) => view! { <li><a href=href>{name.clone()}</a></li> }.into_any(),
                None => view! { <li>{name.clone()}</li> }.into_any(),
            }
        })
        .collect_view();
    view! {
        <section class="section" aria-labelledby="role-heading">
            <h2 id="role-heading">"The role, as the roadmap page describes it"</h2>
            <div class="card prose">
                <blockquote>{role.overview.clone()}</blockquote>
                <div class="card-grid">
                    <div>
                        <h3>"Key responsibilities"</h3>
                        <ul>{duties}</ul>
                    </div>
                    <div>
                        <h3>"Work environment"</h3>
                        <ul>{role.work_environment.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                    </div>
                    <div>
                        <h3>"Frameworks it lists"</h3>
                        <ul>{frameworks}</ul>
                    </div>
                </div>
                <SourceRef dataset=dataset.clone() id=role.source.clone() />
            </div>
        </section>
    }
}

#[component]
fn Ladder(dataset: Arc<Dataset>) -> impl IntoView {
    let levels = dataset
        .responsibilities
        .iter()
        .map(|r| {
            view! {
                <article class="card">
                    <h3>{r.level.label()} <span class="muted">{format!(" (“{}”)", r.source_label)}</span></h3>
                    <ul>{r.items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
                    <SourceRef dataset=dataset.clone() id=r.source.clone() />
                </article>
            }
        })
        .collect_view();
    let ladder = &dataset.career_ladder;
    view! {
        {dataset.role.clone().map(|role| view! { <RoleOverview dataset=dataset.clone() role=role /> })}
        <section class="section" aria-labelledby="levels-heading">
            <h2 id="levels-heading">"Where it leads: what each level is responsible for"</h2>
            <div class="card-grid">{levels}</div>
        </section>
        <section class="section" aria-labelledby="ladder-heading">
            <h2 id="ladder-heading">"The career ladder"</h2>
            <ol class="ladder">{ladder.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
            <p>"With experience, specialise as: " {ladder.specialisations.join(", ")} "."</p>
            <SourceRef dataset=dataset.clone() id=ladder.source.clone() />
        </section>
    }
}
