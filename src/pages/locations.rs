//! The Locations page (`/locations`): BLS OEWS wage percentiles by US state and metro area,
//! on a map, in a searchable list, compared as box plots, with "where do I stand" and a pay
//! range for a job post. All view state lives in the URL (`query::locations`).
//!
//! The OEWS files are not part of the start-up dataset: this page fetches the state map and
//! the chosen occupation's file, each once per page load (`files`), and each section shows its
//! own loading line or error panel, so a broken file never takes the rest of the page down.

mod compare;
mod details;
mod files;
mod list;

use crate::charts::map::{bin_class, draw_map};
use crate::components::chart::ChartFrame;
use crate::components::copy_link::CopyLink;
use crate::components::data_view::WithDataset;
use crate::components::error_panel::{ChunkErrorPanel, DataErrorPanel};
use crate::components::lazy::{lazy_view, WhenIdle};
use crate::components::page::Page;
use crate::components::source_ref::SourceRef;
use crate::components::url_state::Notices;
use crate::data::{AreaFile, Dataset, OewsRelease, StatesMap};
use crate::oews::Stat;
use crate::query::locations::LocationsQuery;
use files::{Load, OewsFiles};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Locations() -> impl IntoView {
    view! {
        <Page path="/locations">
            <WithDataset render=locations_view />
        </Page>
    }
    .into_any()
}

pub(crate) type UrlState = crate::components::url_state::UrlState<LocationsQuery>;

/// The OEWS release the page shows, for the sections that arrive in their own chunk.
#[derive(Debug, Clone)]
pub(crate) struct ReleaseCtx(pub Arc<OewsRelease>);

fn locations_view(dataset: Arc<Dataset>) -> AnyView {
    let Some(release) = dataset.oews.clone() else {
        return view! {
            <section class="error-panel" role="alert">
                <h2>"No wage statistics in this build"</h2>
                <p>"The dataset has no BLS OEWS release; run make data and rebuild."</p>
            </section>
        }
        .into_any();
    };
    let codes: Vec<String> = release.occupations.iter().map(|o| o.code.clone()).collect();
    let for_parse = codes.clone();
    let url = UrlState::new(
        move |search| {
            let known: Vec<&str> = for_parse.iter().map(String::as_str).collect();
            LocationsQuery::parse(search, &known)
        },
        LocationsQuery::to_query,
    );
    let query = url.query;
    let default_occ = codes.first().cloned().unwrap_or_default();
    let occ = Memo::new(move |_| {
        query
            .with(|q| q.occ.clone())
            .unwrap_or_else(|| default_occ.clone())
    });
    let files = OewsFiles::start(&release, occ);
    provide_context(files);
    provide_context(ReleaseCtx(release.clone()));

    view! {
        <Notices notices=url.notices />
        <Controls url=url release=release.clone() occ=occ />
        <MapSection url=url release=release.clone() dataset=dataset.clone() />
        // The comparison and the area list: their own split point, fetched once the browser is
        // idle after the map (out of the first load), or at once for a link into them.
        <WhenIdle fallback=details::placeholder>
            {move || lazy_view(details::load(url), details::placeholder, || view! { <ChunkErrorPanel /> }.into_any())}
        </WhenIdle>

    }
    .into_any()
}

#[component]
fn Controls(url: UrlState, release: Arc<OewsRelease>, occ: Memo<String>) -> impl IntoView {
    let query = url.query;
    let default_occ = release.occupations.first().map(|o| o.code.clone());
    let occupations = release
        .occupations
        .iter()
        .map(|o| {
            let code = o.code.clone();
            let selected = move || occ.get() == code;
            view! { <option value=o.code.clone() selected=selected>{format!("{} ({})", o.name, o.code)}</option> }
        })
        .collect_view();
    let stats = Stat::ALL
        .into_iter()
        .map(|s| {
            view! { <option value=s.id() selected=move || query.with(|q| q.stat == s)>{s.label()}</option> }
        })
        .collect_view();
    view! {
        <form class="filters card" on:submit=|ev| ev.prevent_default() aria-label="Occupation and statistic">
            <label class="field">
                <span>"Occupation"</span>
                <select
                    name="occ"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let default = default_occ.clone();
                        url.update(|q| q.occ = (Some(&value) != default.as_ref()).then_some(value));
                    }
                >
                    {occupations}
                </select>
            </label>
            <label class="field">
                <span>"Statistic"</span>
                <select
                    name="stat"
                    on:change=move |ev| {
                        if let Some(stat) = Stat::from_id(&event_target_value(&ev)) {
                            url.update(|q| q.stat = stat);
                        }
                    }
                >
                    {stats}
                </select>
            </label>
            <CopyLink />
        </form>
    }
}

/// What a section shows while a file loads or when it failed.
pub(crate) fn pending<T>(load: &Load<T>, what: &'static str) -> Option<AnyView> {
    match load {
        Load::Ready(_) => None,
        Load::Loading => Some(
            view! { <p class="loading" role="status">{format!("Loading {what}…")}</p> }.into_any(),
        ),
        Load::Failed(failure) => Some(
            view! { <DataErrorPanel error=failure.error.clone() file=failure.file.clone() /> }
                .into_any(),
        ),
    }
}

/// A section's view of the occupation's file (`load`: the states subset or the full file).
/// `render` runs when the first file is in, and the view it builds stays mounted: a later file
/// reaches it through the memo it is given, so switching occupations redraws the charts and
/// tables instead of rebuilding them. While the next file loads, the last one stays on screen,
/// dimmed, under the loading line; a file that failed replaces the view with its error panel.
pub(crate) fn kept_view(
    load: RwSignal<Load<Arc<AreaFile>>>,
    what: &'static str,
    render: Box<dyn Fn(Memo<Arc<AreaFile>>) -> AnyView + Send + Sync>,
) -> impl IntoView {
    // Whether a file is in (or the last one stays while the next loads).
    let mounted = Memo::new(move |was: Option<&bool>| match load.get() {
        Load::Ready(_) => true,
        Load::Loading => was.copied().unwrap_or(false),
        Load::Failed(_) => false,
    });
    view! {
        {move || load.with(|l| pending(l, what))}
        <div class=move || load.with(|l| if matches!(l, Load::Loading) { "kept stale" } else { "kept" })>
            {move || {
                if !mounted.get() {
                    return None;
                }
                let Load::Ready(first) = load.get_untracked() else {
                    return None;
                };
                // The same file, not one with equal figures, is no change (no deep comparison).
                let file = Memo::new_with_compare(
                    move |last: Option<&Arc<AreaFile>>| match load.get() {
                        Load::Ready(file) => file,
                        _ => last.cloned().unwrap_or_else(|| first.clone()),
                    },
                    |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
                );
                Some(render(file))
            }}
        </div>
    }
}

#[component]
fn MapSection(url: UrlState, release: Arc<OewsRelease>, dataset: Arc<Dataset>) -> impl IntoView {
    let files = use_context::<OewsFiles>();
    let source = release.source.clone();
    view! {
        <section class="section" aria-labelledby="map-heading">
            <h2 id="map-heading">"Pay by state"</h2>
            // The outlines load once; the figures follow the occupation (`kept_view`).
            {move || {
                let files = files?;
                let (dataset, source) = (dataset.clone(), source.clone());
                Some(match files.map.get() {
                    Load::Ready(map) => kept_view(
                        files.states,
                        "the wage figures",
                        Box::new(move |file| {
                            map_view(url, file, map.clone(), dataset.clone(), source.clone()).into_any()
                        }),
                    )
                    .into_any(),
                    other => pending(&other, "the map").unwrap_or_else(|| ().into_any()),
                })
            }}
        </section>
    }
}

fn map_view(
    url: UrlState,
    file: Memo<Arc<AreaFile>>,
    map: Arc<StatesMap>,
    dataset: Arc<Dataset>,
    source: String,
) -> impl IntoView {
    let query = url.query;
    let m = map.clone();
    // The chart is recomputed on every change of the URL state; it is redrawn only when it
    // changed (a search keystroke leaves it equal).
    let chart = Memo::new(move |_| {
        file.with(|f| query.with(|q| crate::locations::map_chart(f, &m, q.stat, &q.areas)))
    });
    let summary = Signal::derive(move || {
        chart.with(|c| file.with(|f| crate::locations::map_summary(c, f, query.with(|q| q.stat))))
    });
    let legend = move || {
        let edges = chart.with(|c| c.edges.clone());
        let bins = edges.len() + 1;
        crate::locations::legend(&edges)
            .into_iter()
            .enumerate()
            .map(|(i, text)| (Some(i), text))
            .chain([(None, "not released or no estimate".to_owned())])
            .map(|(bin, text)| {
                view! {
                    <li class="legend-item static">
                        <span class=bin_class(bin, bins) aria-hidden="true"></span>
                        {text}
                    </li>
                }
            })
            .collect_view()
    };
    let pick = Callback::new(move |code: String| url.update(|q| q.toggle_area(&code)));
    let aspect = map.height / map.width;
    let geometry = map.geometry.clone();
    view! {
        <ChartFrame
            id="locations-map"
            title=crate::locations::MAP_TITLE.into()
            summary=summary
            height=400.0
            aspect=aspect
            on_pick=pick
            table=Signal::derive(move || chart.get().table())
            draw=Box::new(move |area, style| draw_map(area, &chart.get(), style))
        >
            <p class="map-legend-title">
                {move || {
                    format!(
                        "{}: {}, US dollars a year",
                        file.with(|f| f.occupation.name.clone()),
                        query.with(|q| q.stat.label()),
                    )
                }}
            </p>
            <ul class="legend static map-legend" aria-label=move || format!("{} in US dollars a year", query.with(|q| q.stat.label()))>
                {legend}
            </ul>
        </ChartFrame>
        <p class="muted small">
            "Hover or tap a state for its figures; click it (on a touch screen, tap it again), or focus the map and use the arrow keys and Enter, to add it to the comparison. Guam, Puerto Rico and the Virgin Islands are not on the map: they are in the list below. Outlines: "
            {geometry}
            "."
        </p>
        <SourceRef dataset=dataset id=source />
    }
}
