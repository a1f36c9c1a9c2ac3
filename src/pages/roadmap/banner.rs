//! The banner of a shared progress link (read-only) and the "Replace your progress?" dialog.

use super::{Own, State};
use crate::progress::Progress;
use leptos::prelude::*;

#[component]
pub(super) fn SharedBanner(url: State, own: Own, shared: Memo<Option<Progress>>) -> impl IntoView {
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
pub(super) fn confirm_replace(
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
