//! The chosen occupation's BLS figures for the Offers page (`data/oews/<SOC>.json`, every area):
//! the location lists and the placements. Fetched and parsed here, not through the Locations
//! page's file cache: code shared by two pages is split by wasm-split into more chunks in both
//! packs, and the Locations page's first load has no room for that (BENCHMARKS.md, run S).

use crate::data::{self, AreaFile, DataError, OewsRelease};
use crate::state::app_base;
use leptos::prelude::*;
use std::sync::Arc;

/// The file on its way, in, or failed (with what to tell the reader).
#[derive(Debug, Clone, PartialEq)]
pub enum Bls {
    Loading,
    Ready(Arc<AreaFile>),
    Failed { file: String, error: DataError },
}

/// Follows `occ` (a SOC code of `release`) into `slot`: a later choice wins over an answer that
/// arrives after it.
pub fn follow(release: &OewsRelease, occ: Memo<String>, slot: RwSignal<Bls>) {
    let base = app_base();
    let footnotes: Vec<u8> = release.footnotes.iter().map(|f| f.code).collect();
    Effect::new(move |_| {
        let code = occ.get();
        slot.set(Bls::Loading);
        let footnotes = footnotes.clone();
        leptos::task::spawn_local(async move {
            let path = format!("data/oews/{code}.json");
            let parsed = crate::state::fetch_text(&base.href(&format!("/{path}")))
                .await
                .and_then(|text| data::parse_area_file(&text, &code, &footnotes));
            let result = match parsed {
                Ok(file) => Bls::Ready(Arc::new(file)),
                Err(error) => Bls::Failed { file: path, error },
            };
            // `try_`: the page may have been left meanwhile.
            if occ.try_get_untracked().as_deref() == Some(code.as_str()) {
                slot.try_set(result);
            }
        });
    });
}
