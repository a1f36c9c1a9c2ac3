//! Compiles the app's route table, `src/routes.json` at the top of the repository (the app and
//! the build scripts read it there), into a static table (`routes::all`), so the app ships no JSON
//! decoder for it and a malformed file fails the build instead of leaving the navigation empty.
//! scripts/postbuild.mjs reads the same file for the per-route HTML.

// A build script reports a broken input by failing, with the reason.
#![allow(clippy::expect_used)]
#![allow(
    clippy::disallowed_methods,
    reason = "the byte rules are for the wasm; a build script runs natively"
)]

use std::{env, fs, path::Path};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Route {
    path: String,
    nav: Option<String>,
    heading: String,
    lead: String,
    title: String,
    description: String,
    /// Whether the page needs `style/pages.css` (read by scripts/postbuild.mjs and split.mjs).
    #[serde(default, rename = "page_styles")]
    _page_styles: bool,
}

fn main() {
    const ROUTES: &str = "../../src/routes.json";
    println!("cargo::rerun-if-changed={ROUTES}");
    let text = fs::read_to_string(ROUTES).expect("src/routes.json is readable");
    let routes: Vec<Route> = serde_json::from_str(&text).expect("src/routes.json is a route list");
    // `{:?}` of a str is a Rust string literal with everything escaped.
    let mut out = String::from("&[\n");
    for r in &routes {
        let nav = match &r.nav {
            Some(label) => format!("Some({label:?})"),
            None => "None".to_owned(),
        };
        out += &format!(
            "    RouteMeta {{ path: {:?}, nav: {nav}, heading: {:?}, lead: {:?}, title: {:?} }},\n",
            r.path, r.heading, r.lead, r.title
        );
        assert!(!r.description.is_empty(), "{}: a description", r.path);
    }
    out += "]\n";
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("routes.rs"), out).expect("OUT_DIR is writable");
    // The descriptions in a table of their own, which only search reads: its text then travels
    // in the search dialog's chunk, not in the main module.
    let mut descriptions = String::from("&[\n");
    for r in &routes {
        descriptions += &format!("    ({:?}, {:?}),\n", r.path, r.description);
    }
    descriptions += "]\n";
    fs::write(
        Path::new(&out_dir).join("route_descriptions.rs"),
        descriptions,
    )
    .expect("OUT_DIR is writable");
}
