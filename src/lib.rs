//! Backend Atlas: a Leptos (CSR) app about backend / FastAPI developer careers.
//!
//! `main.rs` only sets the console panic hook and mounts [`app::App`]; everything else lives here
//! so native tests and `wasm-bindgen-test` can import it.

pub mod app;
pub mod boot;
pub mod components;
pub mod download;
pub mod lowercase;
pub mod pages;
pub mod perf;
pub mod state;
pub mod storage;
pub mod theme;

// The pure domain (crates/atlas-core), under the same paths the app has always used.
pub use atlas_core::{
    charts, data, format, frameworks, import, kit, locations, number, oews, offers, plan, progress,
    query, resume, routes, salaries, search, small_sort, stats,
};
