//! The core's module rules, read from its source files: no two files import each other, even
//! through others (no cycles), and the URL state (`query`) is used only by the view models that
//! join it to the data, never by the domain modules it is built on.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The files that may use `crate::query`: the query modules themselves and the view models.
const QUERY_USERS: [&str; 5] = [
    "query",
    "salaries",
    "locations",
    "offers::compare",
    "search",
];

/// Module path (`query::frameworks`) -> its source text, for every file under `src/`.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(&src).ok()?.with_extension("");
            let mut parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            let name = parts.join("::");
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            (name != "lib").then_some((name, text))
        })
        .collect()
}

/// The modules `text` (the file of module `me`) names through `crate::` or `super::` paths, each
/// resolved to the longest module path that is a file.
fn uses(me: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    // `super` of `a::b` (file a/b.rs) is `a`; of a `mod.rs` module it is the parent too.
    let parent: Vec<&str> = {
        let mut p: Vec<&str> = me.split("::").collect();
        p.pop();
        p
    };
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent)] {
        for (at, _) in code.match_indices(prefix) {
            if at > 0 {
                let before = code.as_bytes()[at - 1];
                if before.is_ascii_alphanumeric() || before == b'_' || before == b':' {
                    continue;
                }
            }
            let rest = &code[at + prefix.len()..];
            let path: Vec<&str> = rest
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|s| !s.is_empty())
                .collect();
            let mut full: Vec<&str> = base.clone();
            full.extend(path);
            while !full.is_empty() {
                let candidate = full.join("::");
                if known.contains(&candidate) {
                    if candidate != me {
                        out.insert(candidate);
                    }
                    break;
                }
                full.pop();
            }
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(name, text)| (name.clone(), uses(name, text, &known)))
        .collect()
}

#[test]
fn the_parser_sees_the_imports_it_should() {
    let g = graph();
    assert!(g.len() > 40, "{} modules", g.len());
    assert!(g["query::frameworks"].contains("frameworks"));
    assert!(
        g["query::frameworks"].contains("query"),
        "super:: paths count"
    );
    assert!(g["salaries"].contains("charts::ranges"));
    assert!(g["data::validate"].contains("data::model"));
}

#[test]
fn no_module_imports_itself_through_others() {
    let g = graph();
    // Depth-first search with colours; the first back edge is the cycle reported.
    fn visit<'a>(
        node: &'a str,
        g: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, bool>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(true) => return None,
            Some(false) => {
                let from = stack.iter().position(|n| *n == node).unwrap_or(0);
                let mut cycle: Vec<String> = stack[from..].iter().map(|s| s.to_string()).collect();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        state.insert(node, false);
        stack.push(node);
        for next in &g[node] {
            if let Some(cycle) = visit(next, g, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(node, true);
        None
    }
    let mut state = BTreeMap::new();
    for node in g.keys() {
        let mut stack = Vec::new();
        if let Some(cycle) = visit(node, &g, &mut state, &mut stack) {
            panic!("an import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn only_the_view_models_use_the_url_state() {
    let g = graph();
    let offenders: Vec<String> = g
        .iter()
        .filter(|(name, _)| {
            !QUERY_USERS
                .iter()
                .any(|user| *name == user || name.starts_with(&format!("{user}::")))
        })
        .filter(|(_, uses)| {
            uses.iter()
                .any(|u| u == "query" || u.starts_with("query::"))
        })
        .map(|(name, uses)| format!("{name} uses {uses:?}"))
        .collect();
    assert!(offenders.is_empty(), "{offenders:#?}");
}
