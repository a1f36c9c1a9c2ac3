//! The comparison (box plots, "where do I stand", pay ranges) and the list of every area: the
//! `locations_details` split point, fetched once the browser is idle after the map is drawn.

use super::files::{Load, OewsFiles};
use super::{compare::CompareSection, list::ListSection, ReleaseCtx, UrlState};
use crate::components::source_ref::SourceRef;
use crate::data::{Dataset, OewsRelease};
use crate::state::{DatasetCtx, LoadState};
use leptos::prelude::*;
use std::sync::Arc;

crate::split_view! {
    pub async fn load(url: UrlState) => locations_details {
        let dataset = use_context::<DatasetCtx>().map(|d| d.0.get_untracked());
        let files = use_context::<OewsFiles>();
        if let Some(files) = files {
            files.want_all();
        }
        match (dataset, use_context::<ReleaseCtx>(), files) {
            (Some(LoadState::Ready(dataset)), Some(ReleaseCtx(release)), Some(files)) => view! {
                <UnknownAreas files=files url=url />
                <CompareSection url=url release=release.clone() dataset=dataset.clone() />
                <ListSection url=url />
                <About release=release dataset=dataset />
            }
            .into_any(),
            _ => ().into_any(),
        }
    }
}

/// Holds the place, and the anchors a link may point at, until the sections arrive.
pub fn placeholder() -> AnyView {
    view! {
        <section class="section" aria-labelledby="compare-heading" data-pending>
            <h2 id="compare-heading">"Compare areas"</h2>
            <p class="loading" role="status">"Loading the comparison and the list of areas…"</p>
            <span id="areas-heading"></span>
            <span id="about-heading"></span>
        </section>
    }
    .into_any()
}

/// Says which `areas=` codes the occupation's file does not have (they are kept in the URL, so
/// switching to an occupation that has them shows them again).
#[component]
fn UnknownAreas(files: OewsFiles, url: UrlState) -> impl IntoView {
    // The notice changes with the file and the compared areas only (not on a keystroke).
    let unknown = Memo::new(move |_| {
        let Load::Ready(file) = files.file.get() else {
            return None;
        };
        let unknown = url.query.with(|q| {
            crate::locations::unknown_areas(&file, q)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        });
        Some((file.occupation.name.clone(), unknown))
    });
    move || {
        let (occupation, unknown) = unknown.get()?;
        (!unknown.is_empty()).then(|| {
            view! {
                <div class="notice" role="status">
                    <p>
                        {format!(
                            "BLS published no {} estimate for area code(s) {}; they are left out of the comparison.",
                            occupation,
                            unknown.join(", ")
                        )}
                    </p>
                </div>
            }
        })
    }
}

#[component]
fn About(release: Arc<OewsRelease>, dataset: Arc<Dataset>) -> impl IntoView {
    let footnotes = release
        .footnotes
        .iter()
        .map(|f| view! { <li><strong>{format!("Footnote {}: ", f.code)}</strong>"“"{f.text.clone()}"”"</li> })
        .collect_view();
    view! {
        <section class="section" aria-labelledby="about-heading">
            <h2 id="about-heading">"About these figures"</h2>
            <div class="card prose">
                <p>
                    {format!(
                        "Occupational Employment and Wage Statistics (OEWS), {} release, published by the U.S. Bureau of Labor Statistics on {}. Annual wages in US dollars for wage and salary workers in all industries; the self-employed are not included. Figures are quoted as BLS publishes them: where BLS released no estimate the page says so, and nothing is estimated in its place.",
                        release.release, release.published
                    )}
                </p>
                <p>
                    "RSE is the relative standard error BLS gives with each estimate: the smaller it is, the more precise the estimate. The wage RSE qualifies the mean wage; the employment RSE qualifies employment."
                </p>
                <p>"BLS's footnotes, verbatim:"</p>
                <ul>{footnotes}</ul>
                <p class="muted">
                    {format!(
                        "The files were retrieved on {} and are carried unchanged by the {} package, version {}; Sources lists each file with its checksum.",
                        release.retrieved, release.carrier.package, release.carrier.version
                    )}
                </p>
                <SourceRef dataset=dataset id=release.source.clone() />
            </div>
        </section>
    }
}
