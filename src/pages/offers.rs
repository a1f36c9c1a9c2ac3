//! The Offers page (`/offers`): two to four job offers side by side, their first-year and
//! annualized totals on a stacked bar chart, each base salary placed against the sources'
//! ranges and BLS's percentiles, and the comparison as Markdown, a JSON file or a share link.
//! Private by default: the offers live in this browser's storage, and reach a URL only when
//! the reader makes a share link. The URL state is `query::offers`.

mod bls;
mod form;
mod market;
mod more;
mod totals;
mod transfer;

use crate::components::data_view::WithDataset;
use crate::components::error_panel::ChunkErrorPanel;
use crate::components::lazy::{lazy_view, WhenIdle};
use crate::components::page::Page;
use crate::components::url_state::{Notices, UrlState};
use crate::data::Dataset;
use crate::offers::draft::{check, Checked, Draft};
use crate::offers::saved::{self, OffersError, BACKUP_KEY, MAX_OFFERS, STORAGE_KEY};
use crate::offers::Offer;
use crate::query::offers::OffersQuery;
use crate::storage;
use bls::Bls;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Offers() -> impl IntoView {
    view! {
        <Page path="/offers">
            <WithDataset render=offers_view />
        </Page>
    }
    .into_any()
}

type State = UrlState<OffersQuery>;

/// The reader's own offers: loaded once from storage, saved on every change.
#[derive(Clone, Copy)]
struct Own {
    drafts: RwSignal<Vec<Draft>>,
    /// What happened with storage, if anything worth saying.
    notice: RwSignal<Option<String>>,
}

/// What the page says when storage cannot be used.
fn unsaved(e: &storage::StorageError) -> String {
    format!(
        "Offers cannot be saved in this browser ({}): they are kept only until you close this tab.",
        e.0
    )
}

/// "Replace your offers?" with "Replace mine" and "Cancel": asked before a share link or an
/// imported file replaces the offers stored in this browser.
fn confirm_replace(
    question: String,
    replace: impl Fn() + 'static,
    cancel: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="confirm" role="alertdialog" aria-label="Replace your offers?">
            <p>{question}</p>
            <button type="button" class="button" on:click=move |_| replace()>"Replace mine"</button>
            <button type="button" class="button" on:click=move |_| cancel()>"Cancel"</button>
        </div>
    }
}

/// The forms a first visit starts with.
fn blank_pair() -> Vec<Draft> {
    vec![Draft::default(), Draft::default()]
}

impl Own {
    fn load() -> Own {
        let (drafts, notice) = match storage::get(STORAGE_KEY) {
            Ok(raw) => {
                let loaded = saved::load_stored(raw.as_deref());
                if let Some(backup) = &loaded.backup {
                    // Keep the unreadable value so nothing is lost; the notice says what happened.
                    let _ = storage::set(BACKUP_KEY, backup);
                }
                (loaded.offers, loaded.notice)
            }
            Err(e) => (Vec::new(), Some(unsaved(&e))),
        };
        Own {
            drafts: RwSignal::new(if drafts.is_empty() {
                blank_pair()
            } else {
                drafts
            }),
            notice: RwSignal::new(notice),
        }
    }

    fn save(self) {
        let stored = self.drafts.with_untracked(|d| saved::to_stored(d));
        if let Err(e) = storage::set(STORAGE_KEY, &stored) {
            self.notice.set(Some(unsaved(&e)));
        }
    }

    fn edit(self, index: usize, change: impl FnOnce(&mut Draft)) {
        self.drafts.update(|d| {
            if let Some(draft) = d.get_mut(index) {
                change(draft);
            }
        });
        self.save();
    }

    fn add(self) {
        self.drafts.update(|d| {
            if d.len() < MAX_OFFERS {
                d.push(Draft::default());
            }
        });
        self.save();
    }

    fn remove(self, index: usize) {
        self.drafts.update(|d| {
            if index < d.len() {
                d.remove(index);
            }
            if d.is_empty() {
                d.push(Draft::default());
            }
        });
        self.save();
    }

    fn replace(self, drafts: Vec<Draft>) {
        self.drafts.set(if drafts.is_empty() {
            blank_pair()
        } else {
            drafts
        });
        self.save();
    }

    /// How many of the reader's offers hold figures (what a replacement would lose).
    fn filled(self) -> usize {
        self.drafts
            .with_untracked(|d| d.iter().filter(|d| !d.is_blank()).count())
    }
}

/// What the page shows: the reader's own offers, or a share link's (read-only).
#[derive(Clone, Copy)]
struct Shown {
    drafts: Signal<Vec<Draft>>,
    checked: Memo<Vec<Checked>>,
    /// The offers that are complete, in the reader's order.
    offers: Memo<Vec<Offer>>,
    read_only: Signal<bool>,
}

fn offers_view(dataset: Arc<Dataset>) -> impl IntoView {
    let occupations: Vec<String> = dataset
        .oews
        .as_ref()
        .map(|r| r.occupations.iter().map(|o| o.code.clone()).collect())
        .unwrap_or_default();
    let default_occ = occupations.first().cloned().unwrap_or_default();
    let url: State = UrlState::new(
        move |search| {
            let codes: Vec<&str> = occupations.iter().map(String::as_str).collect();
            OffersQuery::parse(search, &codes)
        },
        |q| q.to_query(),
    );
    let query = url.query;
    let occ = Memo::new(move |_| {
        query
            .with(|q| q.occ.clone())
            .unwrap_or_else(|| default_occ.clone())
    });
    // The occupation's areas, for the location lists and the BLS placements: fetched by the
    // sections below the forms (`more`), once the browser is idle after the first screen.
    let file = RwSignal::new(Bls::Loading);
    let own = Own::load();
    let shared = Memo::new(move |_| {
        query
            .with(|q| q.shared.clone())
            .map(|code| saved::from_share_code(&code))
    });
    let shared_ok = Memo::new(move |_| shared.with(|s| s.as_ref().and_then(|r| r.clone().ok())));
    let drafts = Signal::derive(move || shared_ok.get().unwrap_or_else(|| own.drafts.get()));
    let checked = Memo::new(move |_| {
        drafts.with(|d| {
            d.iter()
                .enumerate()
                .map(|(i, d)| check(d, i))
                .collect::<Vec<_>>()
        })
    });
    let offers = Memo::new(move |_| {
        drafts.with(|d| {
            checked.with(|c| {
                d.iter()
                    .zip(c)
                    .filter(|(d, _)| !d.is_blank())
                    .filter_map(|(_, c)| c.offer.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let shown = Shown {
        drafts,
        checked,
        offers,
        read_only: Signal::derive(move || shared_ok.with(Option::is_some)),
    };
    let bad_link = Signal::derive(move || {
        shared.with(|s| {
            s.as_ref()
                .and_then(|r| r.as_ref().err().map(OffersError::to_string))
        })
    });

    view! {
        <Notices notices=url.notices />
        <SharedBanner url=url own=own shared=shared_ok bad_link=bad_link />
        {move || own.notice.get().map(|text| view! { <p class="notice" role="status">{text}</p> })}
        <p class="muted privacy-note">
            "Private by default: what you type stays in this browser (its local storage) and is sent nowhere. Amounts are in US dollars, as you type them; nothing here is a quote from a source."
        </p>
        <section class="section" aria-labelledby="your-offers-heading">
            <h2 id="your-offers-heading">"Your offers"</h2>
            <form::OfferForms own=own shown=shown file=file />
        </section>
        // Below the forms: their own split point, fetched once the browser is idle after the
        // first screen (the chart, the placements, Markdown, JSON and the share link).
        <WhenIdle fallback=more::placeholder>
            {move || lazy_view(more::load(url, own, shown, file, occ), more::placeholder, || view! { <ChunkErrorPanel /> }.into_any())}
        </WhenIdle>
    }
}

/// A share link's offers are shown read-only, with "Keep these offers" (which asks before it
/// replaces anything) and the way back; a link that cannot be read says why.
#[component]
fn SharedBanner(
    url: State,
    own: Own,
    shared: Memo<Option<Vec<Draft>>>,
    bad_link: Signal<Option<String>>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let leave = move || url.update(|q| q.shared = None);
    let adopt = move |drafts: Vec<Draft>| {
        own.replace(drafts);
        confirming.set(false);
        leave();
    };
    move || {
        if let Some(error) = bad_link.get() {
            return Some(
                view! {
                    <div class="notice shared-banner" role="alert">
                        <p>
                            <strong>"This share link's offers cannot be shown. "</strong>
                            {error}
                            " Your own offers below are unchanged."
                        </p>
                        <button type="button" class="button" on:click=move |_| leave()>
                            "Close"
                        </button>
                    </div>
                }
                .into_any(),
            );
        }
        let drafts = shared.get()?;
        let count = drafts.len();
        Some(
            view! {
                <div class="notice shared-banner" role="region" aria-label="Shared offers">
                    <p>
                        <strong>"You are viewing offers someone shared by link (read-only). "</strong>
                        {format!(
                            "The link holds {count} offer(s). They are not saved in this browser unless you keep them."
                        )}
                    </p>
                    {move || {
                        let drafts = drafts.clone();
                        if confirming.get() {
                            let mine = own.filled();
                            confirm_replace(
                                format!("Replace the {mine} offer(s) saved in this browser with the {count} from the link? This cannot be undone, but you can export yours first."),
                                move || adopt(drafts.clone()),
                                move || confirming.set(false),
                            )
                            .into_any()
                        } else {
                            view! {
                                <div class="share-actions">
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| {
                                            if own.filled() > 0 {
                                                confirming.set(true);
                                            } else {
                                                adopt(drafts.clone());
                                            }
                                        }
                                    >
                                        "Keep these offers in this browser"
                                    </button>
                                    <button type="button" class="button" on:click=move |_| leave()>
                                        "Back to my offers"
                                    </button>
                                </div>
                            }
                            .into_any()
                        }
                    }}
                </div>
            }
            .into_any(),
        )
    }
}
