//! The numbered list: each stage and its items, with their state buttons and related links.

use super::{focus_next_item, notes, progress_bar, typing_in_field, Own, State};
use crate::components::lazy::lazy_view;
use crate::components::source_ref::SourceRef;
use crate::data::{Dataset, RoadmapItem, Stage};
use crate::progress::{ItemState, Progress};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

pub(super) fn stage_view(
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

pub(super) fn item_view(
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
pub(super) fn related_list(dataset: &Arc<Dataset>, related: &[String]) -> impl IntoView {
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
