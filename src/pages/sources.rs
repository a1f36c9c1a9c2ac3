//! The Sources page: every document the dataset quotes, what it measures and what was taken.

use crate::components::data_view::WithDataset;
use crate::components::page::Page;
use crate::data::{Currency, Dataset, OewsRelease, Period, Source};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Sources() -> impl IntoView {
    view! {
        <Page path="/sources">
            <WithDataset render=source_list />
        </Page>
    }
    .into_any()
}

fn source_list(dataset: Arc<Dataset>) -> impl IntoView {
    let count = dataset.sources.len();
    let uses = usage_counts(&dataset);
    let cards = dataset
        .sources
        .iter()
        .map(|source| {
            let release = dataset.oews.as_deref().filter(|o| o.source == source.id);
            source_card(source, uses.get(&source.id).copied().unwrap_or(0), release)
        })
        .collect_view();
    view! {
        <p>{format!("{count} sources.")}</p>
        <ol class="source-list">{cards}</ol>
    }
}

fn source_card(source: &Source, uses: usize, release: Option<&OewsRelease>) -> impl IntoView {
    let m = &source.measures;
    let facts = [
        (
            "Publisher",
            source
                .publisher
                .clone()
                .unwrap_or_else(|| "not named in the document".into()),
        ),
        (
            "Year",
            source
                .year
                .map_or_else(|| "not stated".into(), |y| y.to_string()),
        ),
        (
            "Currency",
            m.currency
                .map_or_else(|| "not stated".into(), |Currency::Usd| "US dollars".into()),
        ),
        (
            "Period",
            m.period.map_or_else(
                || "not stated or mixed".into(),
                |p| match p {
                    Period::Month => "per month".into(),
                    Period::Year => "per year".into(),
                },
            ),
        ),
        (
            "Region",
            m.region.clone().unwrap_or_else(|| "not stated".into()),
        ),
        (
            "Sample size",
            m.sample_size
                .map_or_else(|| "not stated".into(), |n| n.to_string()),
        ),
    ];
    // The document's address, if it has one. A document supplied as a file says so, without the
    // file's internal name.
    let origin = match &source.url {
        Some(url) => {
            view! { <a href=url.clone() rel="noopener noreferrer">{url.clone()}</a> }.into_any()
        }
        None => "A copy supplied with the dataset; the document gives no web address.".into_any(),
    };
    view! {
        <li class="card source-card" id=format!("source-{}", source.id) tabindex="-1">
            <h2>{source.title.clone()}</h2>
            <p class="muted">{origin}</p>
            <p>{m.note.clone()}</p>
            <dl class="facts">
                {facts
                    .into_iter()
                    .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
                    .collect_view()}
            </dl>
            <h3>"What Backend Atlas takes from it"</h3>
            <ul>{source.taken.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
            {release.map(release_details)}
            <p class="muted">{format!("Cited by {uses} record(s) in the dataset.")}</p>
        </li>
    }
}

/// The OEWS release: dates, the package that carries BLS's files, each file with its checksum,
/// and BLS's footnotes.
fn release_details(r: &OewsRelease) -> impl IntoView {
    let files = r
        .files
        .iter()
        .map(|f| {
            view! {
                <li>
                    <code>{f.name.clone()}</code>
                    {format!(" (published {}) ", f.published)}
                    <a href=f.url.clone() rel="noopener noreferrer">{f.url.clone()}</a>
                    <br />
                    <span class="muted small">"SHA-256 " <code class="hash">{f.sha256.clone()}</code></span>
                </li>
            }
        })
        .collect_view();
    let footnotes = r
        .footnotes
        .iter()
        .map(|f| view! { <li>{format!("{}: “{}”", f.code, f.text)}</li> })
        .collect_view();
    view! {
        <h3>"This release"</h3>
        <dl class="facts">
            <div><dt>"Release"</dt><dd>{format!("{} ({})", r.release, r.release_code)}</dd></div>
            <div><dt>"Published by BLS"</dt><dd>{r.published.clone()}</dd></div>
            <div><dt>"Retrieved"</dt><dd>{r.retrieved.clone()}</dd></div>
            <div><dt>"Carried by"</dt><dd>{format!("PyPI package {} {}", r.carrier.package, r.carrier.version)}</dd></div>
        </dl>
        <p class="muted small">"Package SHA-256 " <code class="hash">{r.carrier.sha256.clone()}</code></p>
        <h3>"BLS's files"</h3>
        <ul class="plain">{files}</ul>
        <h3>"BLS's footnotes"</h3>
        <ul>{footnotes}</ul>
    }
}

/// How many records cite each source id: a quick way to see each source's weight.
fn usage_counts(dataset: &Dataset) -> std::collections::HashMap<String, usize> {
    let mut counts = std::collections::HashMap::new();
    for id in dataset.citations() {
        *counts.entry(id.to_owned()).or_default() += 1;
    }
    counts
}
