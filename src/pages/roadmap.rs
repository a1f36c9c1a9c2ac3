//! The Roadmap page (`/roadmap`): the four stages as a numbered list and a timeline, progress
//! per item kept in localStorage (no account), keyboard shortcuts, export/import, and share
//! links that open a read-only view with a way to adopt it. The reader's own notes and pace:
//! `notes` and `pace`.

mod more;
mod notes;
mod pace;

use crate::components::data_view::WithDataset;
use crate::components::error_panel::ChunkErrorPanel;
use crate::components::lazy::{lazy_view, Deferred, WhenIdle};
use crate::components::page::Page;
use crate::components::source_ref::SourceRef;
use crate::components::url_state::{Notices, UrlState};
use crate::data::{Dataset, Roadmap as RoadmapData, RoadmapItem, Stage};
use crate::plan::Plan;
use crate::progress::{self, ItemState, Progress, StageSummary, BACKUP_KEY, STORAGE_KEY};
use crate::query::roadmap::RoadmapQuery;
use crate::storage;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub fn Roadmap() -> impl IntoView {
    view! {
        <Page path="/roadmap">
            <p class="muted no-print">"Press " <kbd>"?"</kbd> " for keyboard shortcuts."</p>
            <WithDataset render=roadmap_view />
        </Page>
    }
    .into_any()
}

type State = UrlState<RoadmapQuery>;

/// The reader's own progress and plan (notes, estimates, pace): loaded once from storage, saved
/// together on every change.
#[derive(Clone, Copy)]
struct Own {
    progress: RwSignal<Progress>,
    plan: RwSignal<Plan>,
    /// What happened with storage, if anything worth saying.
    notice: RwSignal<Option<String>>,
}

impl Own {
    fn load(roadmap: &RoadmapData) -> Own {
        let (progress, plan, notice) = match storage::get(STORAGE_KEY) {
            Ok(raw) => {
                let loaded = progress::load_stored_plan(raw.as_deref(), roadmap);
                if let Some(backup) = &loaded.backup {
                    // Keep the unreadable value so nothing is lost; ignore a failure here, the
                    // notice already says what happened.
                    let _ = storage::set(BACKUP_KEY, backup);
                }
                (loaded.progress, loaded.plan, loaded.notice)
            }
            Err(e) => (
                Progress::new(),
                Plan::new(),
                Some(format!(
                    "Progress cannot be saved ({}): it is kept only until you close this tab.",
                    e.0
                )),
            ),
        };
        Own {
            progress: RwSignal::new(progress),
            plan: RwSignal::new(plan),
            notice: RwSignal::new(notice),
        }
    }

    /// Replaces the item states; the plan stays.
    fn replace(self, progress: Progress) {
        self.progress.set(progress);
        self.save();
    }

    /// Replaces the states and the plan (an imported file).
    fn replace_all(self, progress: Progress, plan: Plan) {
        self.progress.set(progress);
        self.plan.set(plan);
        self.save();
    }

    /// Changes the plan and saves; returns whether storage took it.
    fn update_plan(self, change: impl FnOnce(&mut Plan)) -> bool {
        self.plan.update(change);
        self.save()
    }

    fn set_item(self, id: &str, state: ItemState) {
        self.progress.update(|p| {
            p.set(id, state);
        });
        self.save();
    }

    /// Writes progress and plan to storage; on failure the notice says so and `false`.
    fn save(self) -> bool {
        let stored = self.progress.with_untracked(|progress| {
            self.plan
                .with_untracked(|plan| progress::to_stored_plan(progress, plan))
        });
        if let Err(e) = storage::set(STORAGE_KEY, &stored) {
            self.notice.set(Some(format!(
                "Progress cannot be saved ({}): it is kept only until you close this tab.",
                e.0
            )));
            return false;
        }
        true
    }
}

fn roadmap_view(dataset: Arc<Dataset>) -> impl IntoView {
    let d = dataset.clone();
    let url: State = UrlState::new(
        move |search| RoadmapQuery::parse(search, &d.roadmap),
        |q| q.to_query(),
    );
    let query = url.query;
    let own = Own::load(&dataset.roadmap);
    let d = dataset.clone();
    // A shared link shows its progress read-only; otherwise the reader's own.
    let shared = Memo::new(move |_| query.get().shared_progress(&d.roadmap));
    let shown = Signal::derive(move || shared.get().unwrap_or_else(|| own.progress.get()));
    let read_only = Signal::derive(move || shared.get().is_some());
    let help_open = RwSignal::new(false);

    // "?" anywhere on the page (outside text fields) opens the shortcuts.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "?" && !typing_in_field(&ev) {
            ev.prevent_default();
            help_open.set(true);
        }
    });
    on_cleanup(move || handle.remove());

    // stage= and item= scroll to (and open) their target once the page has rendered.
    Effect::new(move |_| {
        let q = query.get();
        let target = match (&q.item, q.stage) {
            (Some(item), _) => Some((format!("item-{item}"), true)),
            (None, Some(stage)) => Some((format!("stage-{stage}"), false)),
            _ => None,
        };
        if let Some((id, open)) = target {
            request_animation_frame(move || focus_by_id(&id, open));
        }
    });

    let d = dataset.clone();
    let stages = dataset
        .roadmap
        .stages
        .iter()
        .map(|stage| stage_view(d.clone(), stage.clone(), url, own, shown, read_only))
        .collect_view();

    let for_pace = StoredValue::new(dataset.clone());
    let for_more = StoredValue::new(dataset.clone());
    view! {
        <Notices notices=url.notices />
        {move || own.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <SharedBanner url=url own=own shared=shared />
        <Overall roadmap=dataset.roadmap.clone() shown=shown />
        <Timeline roadmap=dataset.roadmap.clone() shown=shown url=url />
        <ol class="stages">{stages}</ol>
        // Below the stages, each a task later: shorter tasks on the first load.
        <Deferred>
            <WhenIdle fallback=pace::placeholder>
                {move || lazy_view(pace::load(for_pace.get_value(), own), pace::placeholder, || view! { <ChunkErrorPanel /> }.into_any())}
            </WhenIdle>
        </Deferred>
        // Export, import, share and the career ladder: their own split point, fetched once the
        // browser is idle after the first screen.
        <WhenIdle fallback=more::placeholder>
            {move || lazy_view(more::load(for_more.get_value(), own, read_only), more::placeholder, || view! { <ChunkErrorPanel /> }.into_any())}
        </WhenIdle>
        <HelpPanel open=help_open />
    }
}

fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Focuses the item after `item` (or before it), in page order across the stages.
fn focus_next_item(item: &web_sys::Element, forward: bool) {
    let Some(items) = item
        .owner_document()
        .and_then(|d| d.query_selector_all("li.item").ok())
    else {
        return;
    };
    let Some(at) =
        (0..items.length()).find(|&i| items.item(i).is_some_and(|n| n.is_same_node(Some(item))))
    else {
        return;
    };
    let next = if forward {
        at.checked_add(1)
    } else {
        at.checked_sub(1)
    };
    if let Some(el) = next
        .and_then(|i| items.item(i))
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls to and focuses an element; `open` also opens its `<details>` (an item's).
fn focus_by_id(id: &str, open: bool) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if open {
        if let Some(details) = el.query_selector(":scope > details").ok().flatten() {
            let _ = details.set_attribute("open", "");
        }
    }
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

#[component]
fn SharedBanner(url: State, own: Own, shared: Memo<Option<Progress>>) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let leave = move || url.update(|q| q.progress = None);
    move || {
        shared.get().map(|progress| {
            let mine = own.progress.with(Progress::len);
            let theirs = progress.len();
            view! {
                <div class="notice shared-banner" role="region" aria-label="Shared progress">
                    <p>
                        <strong>"You are viewing someone's shared progress (read-only). "</strong>
                        {format!("It marks {theirs} item(s).")}
                    </p>
                    {move || {
                        if confirming.get() {
                            let progress = progress.clone();
                            confirm_replace(
                                format!("Replace your own progress ({mine} item(s) marked) with this one? Your notes, estimates and pace stay. This cannot be undone, but you can export yours first."),
                                move || {
                                    own.replace(progress.clone());
                                    confirming.set(false);
                                    leave();
                                },
                                move || confirming.set(false),
                            )
                            .into_any()
                        } else {
                            view! {
                                <div class="share-actions">
                                    <button type="button" class="button" on:click=move |_| confirming.set(true)>
                                        "Adopt this progress"
                                    </button>
                                    <button type="button" class="button" on:click=move |_| leave()>
                                        "Back to my progress"
                                    </button>
                                </div>
                            }
                            .into_any()
                        }
                    }}
                </div>
            }
        })
    }
}

/// "Replace your progress?" with "Replace mine" and "Cancel": asked before a shared link or an
/// imported file replaces the reader's own progress.
fn confirm_replace(
    question: String,
    replace: impl Fn() + 'static,
    cancel: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="confirm" role="alertdialog" aria-label="Replace your progress?">
            <p>{question}</p>
            <button type="button" class="button" on:click=move |_| replace()>"Replace mine"</button>
            <button type="button" class="button" on:click=move |_| cancel()>"Cancel"</button>
        </div>
    }
}

fn progress_bar(label: String, summary: StageSummary) -> impl IntoView {
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
fn Overall(roadmap: RoadmapData, shown: Signal<Progress>) -> impl IntoView {
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
fn Timeline(roadmap: RoadmapData, shown: Signal<Progress>, url: State) -> impl IntoView {
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

fn stage_view(
    dataset: Arc<Dataset>,
    stage: Stage,
    url: State,
    own: Own,
    shown: Signal<Progress>,
    read_only: Signal<bool>,
) -> impl IntoView {
    let stage_for_bar = stage.clone();
    let label = format!("{} progress", stage.name);
    let items = stage
        .items
        .iter()
        .map(|item| item_view(dataset.clone(), item.clone(), url, own, shown, read_only))
        .collect_view();
    view! {
        <li class="stage card" id=format!("stage-{}", stage.number) tabindex="-1">
            <h2>
                {format!("{}. {} ", stage.number, stage.name)}
                <span class="muted">{format!("({})", stage.duration_label)}</span>
            </h2>
            <p>{stage.summary.clone()}</p>
            {move || progress_bar(label.clone(), shown.with(|p| p.stage_summary(&stage_for_bar)))}
            <ul class="items">{items}</ul>
        </li>
    }
}

fn item_view(
    dataset: Arc<Dataset>,
    item: RoadmapItem,
    url: State,
    own: Own,
    shown: Signal<Progress>,
    read_only: Signal<bool>,
) -> impl IntoView {
    let id = item.id.clone();
    let state = {
        let id = id.clone();
        Memo::new(move |_| shown.with(|p| p.get(&id)))
    };
    let on_key = {
        let id = id.clone();
        move |ev: web_sys::KeyboardEvent| {
            // Typing a note or an estimate is typing, not a shortcut.
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_field(&ev) {
                return;
            }
            // On the item itself (not its buttons): the arrow keys, j and k step through items.
            let on_item = ev.target() == ev.current_target();
            let step = match ev.key().as_str() {
                "ArrowDown" | "j" if on_item => Some(true),
                "ArrowUp" | "k" if on_item => Some(false),
                _ => None,
            };
            if let Some(forward) = step {
                ev.prevent_default();
                if let Some(item) = ev
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    focus_next_item(&item, forward);
                }
                return;
            }
            if read_only.get_untracked() {
                return;
            }
            let Some(key) = ev
                .key()
                .chars()
                .next()
                .filter(|_| ev.key().chars().count() == 1)
            else {
                return;
            };
            if let Some(new_state) = ItemState::from_key(key) {
                ev.prevent_default();
                own.set_item(&id, new_state);
            }
        }
    };
    let buttons = ItemState::ALL
        .into_iter()
        .map(|s| {
            let id = id.clone();
            view! {
                <button
                    type="button"
                    class="state-button"
                    data-state=s.id()
                    aria-pressed=move || (state.get() == s).to_string()
                    title=format!("{} (key {})", s.label(), s.key())
                    on:click=move |_| own.set_item(&id, s)
                >
                    {s.label()}
                </button>
            }
        })
        .collect_view();
    // Rendered when the item is first opened (by a click, a key or `item=`): most items stay
    // closed, and their lists of related skills and source links were a good part of the
    // page's first render.
    let opened = RwSignal::new(false);
    let related = item.related.clone();
    let note_id = id.clone();
    let related_view = move || {
        opened.get().then(|| {
            view! {
                <p class="muted">"Related skills, tools and technologies from the sources:"</p>
                <ul class="related">{related_list(&dataset, &related)}</ul>
                {lazy_view(notes::load(note_id.clone(), own), notes::placeholder, notes::failed)}
            }
        })
    };
    let has_note = {
        let id = id.clone();
        Memo::new(move |_| own.plan.with(|p| p.note(&id).is_some()))
    };
    let open_id = id.clone();
    let is_open = move || url.query.get().item.as_deref() == Some(open_id.as_str());
    let toggle_id = id.clone();
    view! {
        <li
            class="item"
            id=format!("item-{}", item.id)
            tabindex="0"
            data-state=move || state.get().id()
            aria-label=format!("{} — {}", item.text, "press d, l, s or r to mark; arrow keys for the next or previous item")
            on:keydown=on_key
        >
            <div class="item-row">
                <span class="item-text">
                    {item.text.clone()}
                    {move || has_note.get().then(|| view! { <span class="note-marker" title="You wrote a note on this item">" ✎ note"</span> })}
                </span>
                // One `disabled` for the four buttons (a disabled fieldset disables its controls).
                <fieldset class="state-buttons" disabled=move || read_only.get() aria-label=format!("Status of {}", item.text)>
                    {buttons}
                </fieldset>
            </div>
            <details
                prop:open=is_open
                on:toggle=move |ev| {
                    let open = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                        .is_some_and(|d| d.open());
                    let id = toggle_id.clone();
                    if open && !opened.get_untracked() {
                        opened.set(true);
                    }
                    let current = url.query.get_untracked().item;
                    if open && current.as_deref() != Some(id.as_str()) {
                        url.update(|q| q.item = Some(id));
                    } else if !open && current.as_deref() == Some(id.as_str()) {
                        url.update(|q| q.item = None);
                    }
                }
            >
                <summary>"What it involves, and your note"</summary>
                {related_view}
            </details>
        </li>
    }
}

/// An item's related skills, tools and technologies, each with its source.
fn related_list(dataset: &Arc<Dataset>, related: &[String]) -> impl IntoView {
    related
        .iter()
        .filter_map(|rid| {
            dataset.related(rid).map(|r| {
                (
                    r.name.to_owned(),
                    r.kind,
                    r.summary.map(str::to_owned),
                    r.source.to_owned(),
                )
            })
        })
        .map(|(name, kind, summary, source)| {
            view! {
                <li>
                    <strong>{name}</strong>
                    {format!(" ({kind})")}
                    {summary.map(|s| format!(": {s}"))}
                    " "
                    <SourceRef dataset=dataset.clone() id=source />
                </li>
            }
        })
        .collect_view()
}

#[component]
fn HelpPanel(open: RwSignal<bool>) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Section>::new();
    // Focus moves into the panel when it opens and back to where it was when it closes.
    let previous = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if open.get() {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            previous.set_value(active);
            if let Some(panel) = panel.get() {
                let _ = panel.focus();
            }
        } else if let Some(el) = previous.get_value() {
            let _ = el.focus();
            previous.set_value(None);
        }
    });
    view! {
        <section
            node_ref=panel
            class="card help-panel"
            role="dialog"
            aria-modal="false"
            aria-labelledby="help-heading"
            tabindex="-1"
            hidden=move || !open.get()
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <h2 id="help-heading">"Keyboard shortcuts"</h2>
            <dl class="shortcuts">
                <div><dt><kbd>"↓"</kbd>" or "<kbd>"j"</kbd></dt><dd>"move to the next item"</dd></div>
                <div><dt><kbd>"↑"</kbd>" or "<kbd>"k"</kbd></dt><dd>"move to the previous item"</dd></div>
                <div><dt><kbd>"Tab"</kbd></dt><dd>"move through the focused item's status buttons and details, then to the next item"</dd></div>
                <div><dt><kbd>"d"</kbd></dt><dd>"mark the focused item done"</dd></div>
                <div><dt><kbd>"l"</kbd></dt><dd>"mark it learning"</dd></div>
                <div><dt><kbd>"s"</kbd></dt><dd>"mark it skipped"</dd></div>
                <div><dt><kbd>"r"</kbd></dt><dd>"reset it to not started"</dd></div>
                <div><dt><kbd>"?"</kbd></dt><dd>"open this help"</dd></div>
                <div><dt><kbd>"Esc"</kbd></dt><dd>"close it"</dd></div>
            </dl>
            <button type="button" class="button" on:click=move |_| open.set(false)>"Close"</button>
        </section>
    }
}
