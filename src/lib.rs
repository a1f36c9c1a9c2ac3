//! Backend Atlas: a Leptos (CSR) app about backend / FastAPI developer careers.
//!
//! `main.rs` only sets the console panic hook and mounts [`app::App`]; everything else lives here
//! so native tests and `wasm-bindgen-test` can import it.

pub mod app;
pub mod charts;
pub mod components;
pub mod data;
pub mod format;
pub mod frameworks;
pub mod import;
pub mod kit;
pub mod locations;
pub mod number;
pub mod oews;
pub mod offers;
pub mod pages;
pub mod perf;
pub mod plan;
pub mod progress;
pub mod query;
pub mod resume;
pub mod routes;
pub mod salaries;
pub mod search;
pub mod small_sort;
pub mod state;
pub mod stats;
pub mod storage;
