//! The Frameworks page (`/frameworks`): every framework the sources name as a card, filters and
//! sorting, a side-by-side comparison of 2 to 4, the "which should I choose?" chooser, the
//! first-release timeline and FastAPI's own section. State lives in the URL.

use crate::charts::timeline::{draw_timeline, TimelineChart};
use crate::components::chart::ChartFrame;
use crate::components::data_view::WithDataset;
use crate::components::error_panel::ChunkErrorPanel;
use crate::components::lazy::{lazy_view, ChunkError, Deferred, WhenIdle};
use crate::components::page::Page;
use crate::components::source_ref::SourceRef;
use crate::components::url_state::{Notices, UrlState};
use crate::data::{AsyncSupport, Claim, Dataset, Framework, FrameworkKind};
use crate::frameworks::{self as fw, SortKey};
use crate::lowercase::lowercase;
use crate::query::frameworks::{compared, visible, FrameworksQuery, MAX_COMPARE};
use leptos::prelude::*;
use std::sync::Arc;

mod chooser;
mod cites;
mod compare;
mod more;

use cites::Cites;

#[component]
pub fn Frameworks() -> impl IntoView {
    view! {
        <Page path="/frameworks">
            <WithDataset render=frameworks_view />
        </Page>
    }
    .into_any()
}

type State = UrlState<FrameworksQuery>;

fn frameworks_view(dataset: Arc<Dataset>) -> impl IntoView {
    let d = dataset.clone();
    let url: State = UrlState::new(
        move |search| FrameworksQuery::parse(search, &d.frameworks, lowercase),
        |q| q.to_query(),
    );
    let d = dataset.clone();
    let timeline = Memo::new(move |_| fw::timeline_chart(&d, lowercase));
    let timeline_summary = Signal::derive(move || fw::timeline_summary(&timeline.get()));
    let undated: Vec<String> = dataset
        .frameworks
        .iter()
        .filter(|f| f.first_release.is_none())
        .map(|f| f.name.clone())
        .collect();

    let more_dataset = StoredValue::new(dataset.clone());
    view! {
        <Notices notices=url.notices />
        <Filters url=url dataset=dataset.clone() />
        <p class="chooser-link">
            "Not sure which to pick? "
            <a
                href="#chooser-heading"
                on:click=|ev| {
                    ev.prevent_default();
                    crate::components::landing::land_on("chooser-heading".into(), 0);
                }
            >
                "Answer four questions: which should I choose?"
            </a>
        </p>
        <Comparison url=url dataset=dataset.clone() />
        <Cards url=url dataset=dataset.clone() />
        <CompareTray url=url dataset=dataset.clone() />
        <section class="section" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"When they appeared"</h2>
            <ChartFrame
                id="framework-timeline"
                title=fw::TIMELINE_TITLE.into()
                summary=timeline_summary
                height=TimelineChart::HEIGHT
                table=Signal::derive(move || timeline.get().table())
                draw=Box::new(move |area, style| draw_timeline(area, &timeline.get(), style))
            />
            <p class="muted">{format!("Release year not stated in the sources: {}.", undated.join(", "))}</p>
        </section>
        // The chooser and FastAPI up close: their own split point, fetched once the browser is
        // idle after the first screen (out of the first load), or at once for a link into them.
        <WhenIdle fallback=more::placeholder>
            {move || lazy_view(more::load(url, more_dataset.get_value()), more::placeholder, || view! { <ChunkErrorPanel /> }.into_any())}
        </WhenIdle>
    }
}

#[component]
fn Filters(url: State, dataset: Arc<Dataset>) -> impl IntoView {
    let query = url.query;
    let languages = fw::languages(&dataset.frameworks, lowercase);
    view! {
        <form class="filters card" on:submit=|ev| ev.prevent_default() aria-label="Framework filters">
            <label class="field">
                <span>"Language"</span>
                <select
                    name="lang"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        url.update(|q| q.lang = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="" selected=move || query.get().lang.is_none()>"All languages"</option>
                    {languages
                        .into_iter()
                        .map(|(id, label)| {
                            let selected_id = id.clone();
                            view! {
                                <option value=id selected=move || query.get().lang.as_deref() == Some(selected_id.as_str())>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"Async support (per the sources)"</span>
                <select
                    name="async"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        url.update(|q| q.async_support = fw::async_from_id(&value));
                    }
                >
                    <option value="" selected=move || query.get().async_support.is_none()>"Any"</option>
                    {fw::ASYNC_ALL
                        .into_iter()
                        .map(|a| {
                            view! {
                                <option value=fw::async_id(a) selected=move || query.get().async_support == Some(a)>
                                    {fw::async_label(a)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"Sort by"</span>
                <select
                    name="sort"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        url.update(|q| q.sort = SortKey::from_id(&value).unwrap_or_default());
                    }
                >
                    {SortKey::ALL
                        .into_iter()
                        .map(|k| view! { <option value=k.id() selected=move || query.get().sort == k>{k.label()}</option> })
                        .collect_view()}
                </select>
            </label>
        </form>
    }
}

#[component]
fn Cards(url: State, dataset: Arc<Dataset>) -> impl IntoView {
    /// Cards in the page's first render; the rest follow a task later (two shorter tasks).
    /// A filter change afterwards draws them all at once, so nothing flickers.
    const FIRST_CARDS: usize = 4;
    let query = url.query;
    let first_render = StoredValue::new(true);
    move || {
        let q = query.get();
        let cards = visible(&dataset.frameworks, &q, lowercase);
        let count = cards.len();
        let now = if first_render.get_value() {
            FIRST_CARDS
        } else {
            count
        };
        first_render.set_value(false);
        let views = cards
            .iter()
            .take(now)
            .map(|f| card(url, &dataset, f))
            .collect_view();
        let later = (count > now).then(|| {
            let dataset = dataset.clone();
            let later_cards = move || {
                untrack(|| {
                    visible(&dataset.frameworks, &q, lowercase)
                        .into_iter()
                        .skip(now)
                        .map(|f| card(url, &dataset, f))
                        .collect_view()
                })
            };
            view! { <Deferred>{later_cards.clone()}</Deferred> }
        });
        view! {
            <section class="section" aria-labelledby="cards-heading">
                <h2 id="cards-heading">{format!("{count} of {} frameworks and runtimes", dataset.frameworks.len())}</h2>
                {(count == 0).then(|| view! { <p class="muted">"No framework matches these filters."</p> })}
                <div class="card-grid">{views}{later}</div>
            </section>
        }
    }
}

fn card(url: State, dataset: &Arc<Dataset>, f: &Framework) -> impl IntoView {
    let query = url.query;
    let id = f.id.clone();
    let id_pressed = f.id.clone();
    let id_disabled = f.id.clone();
    let kind = match f.kind {
        FrameworkKind::Framework => "Framework",
        FrameworkKind::Runtime => "Runtime",
    };
    // Every line names its own source: a number, listed under the card.
    let mut cites = Cites::default();
    let summary_cite = cites.mark(dataset, &f.summary.source);
    let language_cite = cites.mark(dataset, &f.language_source);
    let facts_cite = |cites: &mut Cites| {
        f.facts_source
            .as_deref()
            .map(|source| cites.mark(dataset, source))
    };
    // Only what the sources state; what they do not is named once, at the end.
    let year = f.first_release.map(|y| {
        let cite = facts_cite(&mut cites);
        view! { <div><dt>"First release"</dt><dd>{y.to_string()}{cite}</dd></div> }
    });
    let creator = f.creator.clone().map(|c| {
        let cite = facts_cite(&mut cites);
        view! { <div><dt>"Creator"</dt><dd>{c}{cite}</dd></div> }
    });
    let async_row = (f.async_support != AsyncSupport::Unknown).then(|| {
        // Each source's words about async, with its source named (two when the sources
        // differ: the names matter more than numbers there).
        let notes = f
            .async_notes
            .iter()
            .map(|c| {
                view! {
                    <span class="async-note">
                        <q>{c.text.clone()}</q>" "
                        <SourceRef dataset=dataset.clone() id=c.source.clone() />
                    </span>
                }
            })
            .collect_view();
        view! {
            <div>
                <dt>"Async"</dt>
                <dd>{fw::async_label(f.async_support)} {notes}</dd>
            </div>
        }
    });
    let pros = claim_list("Pros", &f.pros, dataset, &mut cites);
    let cons = claim_list("Cons", &f.cons, dataset, &mut cites);
    let use_when = claim_list("Use it when", &f.use_when, dataset, &mut cites);
    let hello = f.hello_world.as_ref().map(|code| {
        let cite = cites.mark(dataset, &code.source);
        code_block(
            &format!("{} hello world", f.name),
            &code.code,
            Some(cite.into_any()),
        )
    });
    let missing = fw::not_stated(f);
    let compact = f.pros.is_empty() && f.cons.is_empty() && f.use_when.is_empty();
    view! {
        <article class="card framework-card" class:compact=compact id=format!("framework-{}", f.id) tabindex="-1">
            <header class="framework-head">
                <h3>{f.name.clone()}</h3>
                <span class="badge">{kind}</span>
            </header>
            <p>{f.summary.text.clone()}{summary_cite}</p>
            <dl class="facts">
                <div><dt>"Language"</dt><dd>{f.language.clone()}{language_cite}</dd></div>
                {year}
                {creator}
                {async_row}
            </dl>
            {pros}
            {cons}
            {use_when}
            {hello}
            {(!missing.is_empty()).then(|| view! {
                <p class="muted not-stated-line">{format!("Not stated in the sources: {}.", missing.join(", "))}</p>
            })}
            <div class="card-foot">
                <button
                    type="button"
                    class="button small"
                    aria-pressed=move || query.get().is_compared(&id_pressed).to_string()
                    disabled=move || {
                        let q = query.get();
                        !q.is_compared(&id_disabled) && q.compare.len() >= MAX_COMPARE
                    }
                    on:click=move |_| {
                        url.update(|q| {
                            q.toggle_compare(&id);
                        })
                    }
                >
                    "Compare"
                </button>
                {cites.list()}
            </div>
        </article>
    }
}

/// A titled list of claims, each with its source's number; nothing when the list is empty
/// (the card names it in its "Not stated in the sources" line).
fn claim_list(
    title: &'static str,
    claims: &[Claim],
    dataset: &Arc<Dataset>,
    cites: &mut Cites,
) -> Option<impl IntoView> {
    (!claims.is_empty()).then(|| {
        let items = claims
            .iter()
            .map(|c| {
                let cite = cites.mark(dataset, &c.source);
                view! { <li>{c.text.clone()}{cite}</li> }
            })
            .collect_view();
        view! {
            <h4>{title}</h4>
            <ul>{items}</ul>
        }
    })
}

/// A code sample with a Copy button (the clipboard call happens only on click).
/// `cite`, if any, names the code's source under it (not in the summary: a link inside the
/// summary's button would nest two controls).
fn code_block(label: &str, code: &str, cite: Option<AnyView>) -> impl IntoView {
    let (status, set_status) = signal(None::<&'static str>);
    let text = code.to_owned();
    let copy = move |_| {
        crate::components::clipboard::copy_text(&text, move |ok| {
            set_status.set(Some(if ok {
                "Copied."
            } else {
                "Could not copy; select the code instead."
            }));
        });
    };
    view! {
        <details class="code">
            <summary>{label.to_owned()}</summary>
            <pre><code>{code.to_owned()}</code></pre>
            {cite.map(|cite| view! { <p class="muted small code-source">"Source of the code"{cite}</p> })}
            <button type="button" class="button small" on:click=copy>"Copy"</button>
            <span role="status" class="muted">{move || status.get()}</span>
        </details>
    }
}

#[component]
fn Comparison(url: State, dataset: Arc<Dataset>) -> impl IntoView {
    let query = url.query;
    // The table is its own chunk (split point `frameworks_compare`), fetched once two frameworks
    // are picked; after that it follows the picks itself.
    let wanted = once_true(move || query.with(|q| q.compare.len() >= 2));
    let dataset = StoredValue::new(dataset);
    move || {
        if wanted.get() {
            return on_first_use(compare::load_table(url, dataset), "comparison");
        }
        dataset
            .with_value(|d| compare_hint(&compared(&d.frameworks, &query.get())))
            .unwrap_or_else(|| ().into_any())
    }
}

/// Where the cards are: how many frameworks are picked, and "Compare now", which moves the
/// view and focus to the comparison (thousands of pixels above on a phone). It stays at the
/// bottom of the window while the cards scroll by, and shows only once one is picked.
#[component]
fn CompareTray(url: State, dataset: Arc<Dataset>) -> impl IntoView {
    let query = url.query;
    let picked = Memo::new(move |_| {
        query.with(|q| {
            compared(&dataset.frameworks, q)
                .iter()
                .map(|f| f.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let count = move || picked.with(Vec::len);
    view! {
        <div class="compare-tray" role="region" aria-label="Frameworks to compare" hidden=move || count() == 0>
            <p role="status">
                {move || {
                    let names = picked.get();
                    match names.len() {
                        1 => format!("1 of {MAX_COMPARE} picked: {}. Pick one more to compare.", names.join(", ")),
                        n => format!("{n} of {MAX_COMPARE} picked: {}.", names.join(", ")),
                    }
                }}
            </p>
            <button
                type="button"
                class="button small primary"
                disabled=move || count() < 2
                on:click=move |_| crate::components::landing::land_on("compare-heading".into(), 0)
            >
                "Compare now"
            </button>
            <button type="button" class="button small" on:click=move |_| url.update(|q| q.compare.clear())>
                "Clear"
            </button>
        </div>
    }
}

/// True from the first time `cond` is, and from then on: a first-use part, once fetched, stays.
fn once_true(cond: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || cond())
}

/// A part of the page in a chunk of its own, fetched when first needed: "Loading the {what}…"
/// until it is in, a message if it cannot be fetched.
fn on_first_use(
    load: impl std::future::Future<Output = Result<AnyView, ChunkError>> + 'static,
    what: &'static str,
) -> AnyView {
    lazy_view(
        load,
        move || view! { <p class="muted" role="status">{format!("Loading the {what}…")}</p> }.into_any(),
        move || {
            view! {
                <p class="notice" role="alert">
                    {format!("The {what} could not be loaded. Check your connection and reload the page.")}
                </p>
            }
            .into_any()
        },
    )
    .into_any()
}

/// What the comparison says with fewer than two frameworks picked; `None` with two or more.
fn compare_hint(picked: &[&Framework]) -> Option<AnyView> {
    match picked {
        [] => Some(
            view! {
                <p class="muted compare-hint">"Press “Compare” on two to four cards to see them side by side."</p>
            }
            .into_any(),
        ),
        [one] => Some(
            view! {
                <p class="notice compare-hint" role="status">
                    {format!("{} picked: choose at least one more framework to compare.", one.name)}
                </p>
            }
            .into_any(),
        ),
        _ => None,
    }
}
