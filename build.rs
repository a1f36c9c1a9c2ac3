//! Compiles src/routes.json into a static table (`routes::all`), so the app ships no JSON
//! decoder for it and a malformed file fails the build instead of leaving the navigation empty.
//! scripts/postbuild.mjs reads the same file for the per-route HTML.

// A build script reports a broken input by failing, with the reason.
#![allow(clippy::expect_used)]

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
}

fn main() {
    println!("cargo::rerun-if-changed=src/routes.json");
    let text = fs::read_to_string("src/routes.json").expect("src/routes.json is readable");
    let routes: Vec<Route> = serde_json::from_str(&text).expect("src/routes.json is a route list");
    // `{:?}` of a str is a Rust string literal with everything escaped.
    let mut out = String::from("&[\n");
    for r in &routes {
        let nav = match &r.nav {
            Some(label) => format!("Some({label:?})"),
            None => "None".to_owned(),
        };
        out += &format!(
            "    RouteMeta {{ path: {:?}, nav: {nav}, heading: {:?}, lead: {:?}, title: {:?}, description: {:?} }},\n",
            r.path, r.heading, r.lead, r.title, r.description
        );
    }
    out += "]\n";
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("routes.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
