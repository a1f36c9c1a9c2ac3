//! `prerender DATASET OUT`: writes each route's default charts as SVG (see
//! `atlas_core::prerender`) into the JSON file `OUT`, which `scripts/postbuild.mjs` reads. Run
//! by `make build` before Trunk.
#![expect(
    clippy::disallowed_methods,
    reason = "a native build tool: nothing of it ships in the wasm"
)]

use std::process::ExitCode;

/// The widths the charts are drawn at, in CSS pixels: a phone's chart (390 px wide screen) and
/// a desktop's (the page's widest column).
const WIDTHS: [(&str, u32); 2] = [("phone", 324), ("desktop", 1086)];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dataset, out] = args.as_slice() else {
        eprintln!("usage: prerender DATASET OUT");
        return ExitCode::from(2);
    };
    match run(dataset, out) {
        Ok(note) => {
            println!("prerender: {note}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(dataset: &str, out: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(dataset).map_err(|e| format!("{dataset}: {e}"))?;
    let dataset = atlas_core::data::parse(&text).map_err(|e| format!("{dataset}: {e}"))?;
    let widths = WIDTHS.map(|(_, w)| w);
    let drawn = atlas_core::prerender::prerender(&dataset, &widths, |s| s.to_lowercase())
        .map_err(|e| e.to_string())?;
    let count = drawn.drawings.len();
    if let Some(dir) = std::path::Path::new(out).parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let json = serde_json::to_string(&drawn).map_err(|e| e.to_string())?;
    std::fs::write(out, &json).map_err(|e| format!("{out}: {e}"))?;
    Ok(format!("{count} drawings, {} bytes, in {out}", json.len()))
}
