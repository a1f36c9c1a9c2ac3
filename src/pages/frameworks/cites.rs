//! Numbered source citations: each line of a framework card carries a small number linking to
//! its source on the Sources page, and the numbers are listed once, with the sources' names,
//! under the card. Lines from different sources thus never share one "Source:" credit. (The
//! comparison table names each run of lines' source instead: using this from its chunk too
//! would move the code into the main module.)

use crate::data::Dataset;
use crate::state::app_base;
use leptos::prelude::*;

/// The sources cited so far in one card or table, in order of first citation (number = index
/// + 1).
#[derive(Default)]
pub(super) struct Cites {
    sources: Vec<(String, String)>,
}

impl Cites {
    /// The superscript number of source `id` (a new number the first time), linking to it.
    pub(super) fn mark(&mut self, dataset: &Dataset, id: &str) -> impl IntoView + use<> {
        let known = self
            .sources
            .iter()
            .enumerate()
            .find(|(_, (known, _))| known == id)
            .map(|(i, (_, label))| (i + 1, label.clone()));
        let (n, label) = known.unwrap_or_else(|| {
            let label = dataset
                .source(id)
                .map_or_else(|| id.to_owned(), |s| s.label());
            self.sources.push((id.to_owned(), label.clone()));
            (self.sources.len(), label)
        });
        view! {
            <sup class="cite">
                <a href=href(id) aria-label=format!("Source {n}: {label}")>{n.to_string()}</a>
            </sup>
        }
    }

    /// The numbered list of the cited sources.
    pub(super) fn list(self) -> impl IntoView {
        let items = self
            .sources
            .into_iter()
            .map(|(id, label)| view! { <li><a href=href(&id)>{label}</a></li> })
            .collect_view();
        view! { <ol class="cite-list source-ref" aria-label="Sources">{items}</ol> }
    }
}

fn href(id: &str) -> String {
    format!("{}#source-{id}", app_base().href("/sources"))
}
