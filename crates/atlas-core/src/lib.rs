//! Backend Atlas's pure domain: everything the pages show, computed without a browser.
//!
//! Layers, each meant to use only those above it (`tests/layers.rs` checks that no module
//! imports itself through others, and that only the view models use `query`):
//! 1. `data` (the dataset, decoded and checked), `number`, `format`, `small_sort`;
//! 2. the domain: `stats`, `import`, `oews`, `frameworks`, `plan`, `progress`, `kit`, `resume`,
//!    `offers` (the typed offer and its totals), `charts` (plotters, any backend), `routes`;
//! 3. `query`: each page's URL state, parsed and written back;
//! 4. the view models that join a query to the data: `salaries`, `locations`,
//!    `offers::compare`, and `search`;
//! 5. `prerender`: the routes' default charts as SVG, for the build.
//!
//! No leptos, web-sys, js-sys or gloo (this crate's manifest has none). The one thing the browser
//! does better, Unicode lowercasing, comes in as a [`Lowercase`] function from the app.

pub mod charts;
pub mod data;
pub mod format;
pub mod frameworks;
pub mod import;
pub mod kit;
pub mod locations;
pub mod number;
pub mod oews;
pub mod offers;
pub mod plan;
pub mod prerender;
pub mod progress;
pub mod query;
pub mod resume;
pub mod routes;
pub mod salaries;
pub mod search;
pub mod small_sort;
pub mod stats;

/// Unicode lowercasing, as `str::to_lowercase` does it. The app passes the browser's
/// (`toLowerCase`, the same mapping) so that Rust's case tables, about 8 KB gzipped, stay out of
/// the wasm; native code and tests pass `str::to_lowercase`.
pub type Lowercase = fn(&str) -> String;
