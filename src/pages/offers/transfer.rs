//! Taking the comparison elsewhere: copy it as Markdown, export or import the offers as JSON,
//! and make a share link (which says first that the figures go into the link).

use super::bls::Bls;
use super::{confirm_replace, Own, Shown, State};
use crate::components::clipboard::copy_text;
use crate::components::file_input::{read_text, take_file};
use crate::data::Dataset;
use crate::download::download;
use crate::offers::compare::{markdown, placement_lines};
use crate::offers::draft::Draft;
use crate::offers::saved::{self, OffersError};
use crate::query::offers::OffersQuery;
use leptos::prelude::*;
use std::sync::Arc;

/// The largest import file read (the format's own limit is checked again when parsing).
const MAX_IMPORT_BYTES: f64 = 100_000.0;

#[component]
pub fn Transfer(
    dataset: Arc<Dataset>,
    url: State,
    own: Own,
    shown: Shown,
    file: RwSignal<Bls>,
) -> impl IntoView {
    let message = RwSignal::new(None::<(bool, String)>);
    let copy_markdown = move |_| {
        if shown.offers.with_untracked(Vec::is_empty) {
            message.set(Some((
                false,
                "There is no complete offer to copy yet.".into(),
            )));
            return;
        }
        let file = match file.get_untracked() {
            Bls::Ready(file) => Some(file),
            _ => None,
        };
        let text = shown.offers.with_untracked(|offers| {
            let lines: Vec<Vec<String>> = offers
                .iter()
                .map(|o| placement_lines(&dataset, file.as_deref(), o))
                .collect();
            markdown(offers, &lines)
        });
        copy_text(&text, move |ok| {
            message.set(Some(if ok {
                (true, "The comparison was copied as Markdown.".into())
            } else {
                (
                    false,
                    "The browser did not allow copying. Nothing was copied.".into(),
                )
            }));
        });
    };
    let export = move |_| {
        let json = shown.drafts.with_untracked(|d| saved::export_json(d));
        download("backend-atlas-offers.json", "application/json", &json);
        message.set(Some((
            true,
            "Offers exported as backend-atlas-offers.json.".into(),
        )));
    };
    // An imported file waiting for "Replace mine".
    let pending = RwSignal::new(None::<Vec<Draft>>);
    let apply = move |drafts: Vec<Draft>| {
        let count = drafts.len();
        own.replace(drafts);
        message.set(Some((true, format!("Imported {count} offer(s)."))));
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = take_file(&ev) else {
            return;
        };
        if file.size() > MAX_IMPORT_BYTES {
            message.set(Some((
                false,
                "That file is too large to be an offers file (over 100 KB). Nothing changed."
                    .into(),
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = read_text(file).await;
            let result = match text {
                Some(text) => saved::read_document(&text).map_err(|e: OffersError| e.to_string()),
                None => Err("The file could not be read as text.".into()),
            };
            // `try_`: the page may have been left while the file was read.
            match result {
                Ok(drafts) if drafts.is_empty() => {
                    message.try_set(Some((
                        false,
                        "The file holds no offers. Nothing changed.".into(),
                    )));
                }
                // The reader's own offers are replaced only once they say so.
                Ok(drafts) if own.filled() > 0 => {
                    message.try_set(None);
                    pending.try_set(Some(drafts));
                }
                Ok(drafts) => apply(drafts),
                Err(e) => {
                    message.try_set(Some((false, format!("{e} Nothing changed."))));
                }
            }
        });
    };
    let confirm = move || {
        pending.get().map(|drafts| {
            let mine = own.filled();
            let theirs = drafts.len();
            confirm_replace(
                    format!("Replace the {mine} offer(s) saved in this browser with the file's {theirs}? This cannot be undone, but you can export yours first."),
                    move || {
                        if let Some(drafts) = pending.get_untracked() {
                            apply(drafts);
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
    let read_only = shown.read_only;
    view! {
        <section class="card transfer" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">"Keep, copy or share"</h2>
            <p class="muted">"Your offers live only in this browser. Copy the comparison as Markdown, export the offers to a file to move them elsewhere, or make a share link."</p>
            <div class="share-actions">
                <button type="button" class="button" on:click=copy_markdown>"Copy as Markdown"</button>
                <button type="button" class="button" on:click=export>"Export offers (JSON)"</button>
                <label class="button file-button" class:disabled=move || read_only.get()>
                    "Import offers…"
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_file disabled=move || read_only.get() />
                </label>
            </div>
            {confirm}
            {move || message.get().map(|(ok, text)| view! { <p class=if ok { "import-ok" } else { "import-error" } role="status">{text}</p> })}
            <ShareLink url=url shown=shown />
        </section>
    }
}

/// A share link: first what it holds (the figures themselves), then the link.
#[component]
fn ShareLink(url: State, shown: Shown) -> impl IntoView {
    let asking = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let make = move |_| {
        asking.set(false);
        let code = shown.drafts.with_untracked(|d| saved::share_code(d));
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let query = OffersQuery {
            shared: Some(code),
            ..url.query.get_untracked()
        };
        let link = format!(
            "{}{}?{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            query.to_query()
        );
        let for_message = link.clone();
        copy_text(&link, move |ok| {
            status.set(Some(if ok {
                format!("Link copied: {for_message}")
            } else {
                format!("Copy this link: {for_message}")
            }));
        });
    };
    view! {
        <div class="share-offers">
            {move || {
                if asking.get() {
                    view! {
                        <div class="confirm" role="alertdialog" aria-label="Make a share link?">
                            <p>
                                <strong>"A share link holds the offers themselves: "</strong>
                                "every label, location and figure you typed is written into the link, and anyone who has the link can read them. Nothing is uploaded; the link is the only copy."
                            </p>
                            <button type="button" class="button" on:click=make>"Make the link"</button>
                            <button type="button" class="button" on:click=move |_| asking.set(false)>"Cancel"</button>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=move |_| { status.set(None); asking.set(true) }>
                            "Make a share link…"
                        </button>
                    }
                    .into_any()
                }
            }}
            <p role="status" class="muted share-status">{move || status.get()}</p>
        </div>
    }
}
