//! `prerender DATASET OUT`: writes each route's default charts as SVG (see
//! `atlas_core::prerender`) into the JSON file `OUT`, which `scripts/postbuild.mjs` reads. Run
//! by `make build` before Trunk.
#![expect(
    clippy::disallowed_methods,
    reason = "a native build tool: nothing of it ships in the wasm"
)]

use atlas_core::prerender::LocationsFiles;
use std::path::Path;
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
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let dataset_path = Path::new(dataset);
    let dataset = atlas_core::data::parse(&read(dataset_path)?)
        .map_err(|e| format!("{}: {e}", dataset_path.display()))?;
    // The Locations page's default files, next to the dataset as the site serves them
    // (src/pages/locations/files.rs): the outlines and the first occupation's states.
    let dir = dataset_path.parent().unwrap_or(Path::new("."));
    let locations = match &dataset.oews {
        Some(release) => {
            let code = release
                .occupations
                .first()
                .map(|o| o.code.clone())
                .ok_or("the OEWS release lists no occupation")?;
            let map_path = dir.join("oews/states-map.json");
            let map = atlas_core::data::parse_states_map(&read(&map_path)?)
                .map_err(|e| format!("{}: {e}", map_path.display()))?;
            let states_path = dir.join(format!("oews/{code}-states.json"));
            let states = atlas_core::data::parse_area_file(
                &read(&states_path)?,
                &code,
                &release
                    .footnotes
                    .iter()
                    .map(|f| f.code)
                    .collect::<Vec<u8>>(),
            )
            .map_err(|e| format!("{}: {e}", states_path.display()))?;
            Some((map, states))
        }
        None => None,
    };
    let widths = WIDTHS.map(|(_, w)| w);
    let files = locations
        .as_ref()
        .map(|(map, states)| LocationsFiles { map, states });
    let drawn = atlas_core::prerender::prerender(&dataset, files, &widths, |s| s.to_lowercase())
        .map_err(|e| e.to_string())?;
    let count = drawn.drawings.len();
    if let Some(dir) = std::path::Path::new(out).parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let json = serde_json::to_string(&drawn).map_err(|e| e.to_string())?;
    std::fs::write(out, &json).map_err(|e| format!("{out}: {e}"))?;
    Ok(format!("{count} drawings, {} bytes, in {out}", json.len()))
}
