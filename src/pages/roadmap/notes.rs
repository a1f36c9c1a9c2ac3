//! A roadmap item's own note: shown as text with its web addresses as links, edited in place,
//! saved as the reader types (with a visible "saved" state), refused with a count over the
//! limit while the typed text stays in the field.
//!
//! Its own wasm chunk (`roadmap_note`), fetched when an item is first opened.

use super::Own;
use crate::plan::{self, NotePart, NoteTooLong, MAX_NOTE_CHARS};
use leptos::prelude::*;

/// What happened to the last thing typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Untouched,
    Saved,
    /// Storage refused it (the page's notice says why); kept until the tab closes.
    NotStored,
    TooLong(NoteTooLong),
}

crate::split_view! {
    pub(super) async fn load(id: String, own: Own) => roadmap_note {
        view! { <ItemNote id=id own=own /> }.into_any()
    }
}

/// While the chunk loads.
pub(super) fn placeholder() -> AnyView {
    view! { <p class="muted">"Loading your note…"</p> }.into_any()
}

/// If the chunk cannot be fetched: the note is safe in storage.
pub(super) fn failed() -> AnyView {
    view! {
        <p class="import-error" role="status">
            "Your note could not be shown: part of the site's code did not arrive. It is still saved; reload to see it."
        </p>
    }
    .into_any()
}

#[component]
fn ItemNote(id: String, own: Own) -> impl IntoView {
    let field_id = format!("note-{id}");
    let status_id = format!("note-status-{id}");
    let initial = own
        .plan
        .with_untracked(|p| p.note(&id).unwrap_or_default().to_owned());
    let chars = RwSignal::new(initial.chars().count());
    let status = RwSignal::new(Status::Untouched);
    let saved_id = id.clone();
    let saved = Memo::new(move |_| own.plan.with(|p| p.note(&saved_id).map(str::to_owned)));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        chars.set(text.chars().count());
        let mut refused = None;
        let stored = own.update_plan(|p| refused = p.set_note(&id, &text).err());
        status.set(match refused {
            Some(too_long) => Status::TooLong(too_long),
            None if stored => Status::Saved,
            None => Status::NotStored,
        });
    };
    let status_text = move || match status.get() {
        Status::TooLong(too_long) => too_long.to_string(),
        other => {
            let count = format!(
                "{} / {} characters",
                crate::format::count(chars.get() as u32),
                crate::format::count(MAX_NOTE_CHARS as u32)
            );
            match other {
                Status::Saved => format!("{count} · Saved in this browser."),
                Status::NotStored => format!("{count} · Not saved: see the notice at the top."),
                _ => count,
            }
        }
    };
    view! {
        <div class="item-note">
            {move || saved.get().map(|note| view! { <p class="note-text">{note_view(&note)}</p> })}
            <label for=field_id.clone()>"Your note"</label>
            <span class="muted">" (only in this browser; never in a share link)"</span>
            <textarea
                id=field_id
                rows="3"
                aria-describedby=status_id.clone()
                aria-invalid=move || matches!(status.get(), Status::TooLong(_)).to_string()
                on:input=on_input
            >
                {initial}
            </textarea>
            <p
                id=status_id
                class="note-status"
                class:import-error=move || matches!(status.get(), Status::TooLong(_))
                role="status"
            >
                {status_text}
            </p>
        </div>
    }
}

/// A note as text, its `http(s)://` addresses as links that open in a new tab without telling
/// the other site where the reader came from.
fn note_view(note: &str) -> impl IntoView {
    plan::note_parts(note)
        .into_iter()
        .map(|part| match part {
            NotePart::Text(text) => text.to_owned().into_any(),
            NotePart::Link(url) => view! {
                <a href=url.to_owned() rel="noopener noreferrer" target="_blank">{url.to_owned()}</a>
            }
            .into_any(),
        })
        .collect_view()
}
