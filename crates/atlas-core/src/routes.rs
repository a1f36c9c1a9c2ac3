//! The route table's metadata (heading, lead, title), shared with the build. Each route's
//! description is in its own HTML (`scripts/postbuild.mjs`: every route is served as a document
//! of its own, which is what crawlers and link previews read) and in [`description`], which only
//! search reads, so its text is not in the main module (about 0.3 KB gzipped on every route).
//!
//! `routes.json` is read by `scripts/postbuild.mjs` too, which writes one HTML file per route
//! with these titles, so a shared link previews well before any wasm runs.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteMeta {
    pub path: &'static str,
    /// Label in the main navigation; `None` for pages reached from elsewhere (footer).
    pub nav: Option<&'static str>,
    pub heading: &'static str,
    /// The paragraph under the heading. The build writes it, with the heading, into the route's
    /// static HTML, so the page's first paint does not wait for the wasm.
    pub lead: &'static str,
    pub title: &'static str,
}

pub const NOT_FOUND_TITLE: &str = "Page not found · Backend Atlas";

/// All routes, in navigation order: routes.json, compiled in by build.rs (a broken file fails
/// the build).
pub fn all() -> &'static [RouteMeta] {
    include!(concat!(env!("OUT_DIR"), "/routes.rs"))
}

/// The route's meta description (for search; the page's HTML has its own copy).
pub fn description(path: &str) -> Option<&'static str> {
    let all: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/route_descriptions.rs"));
    all.iter().find(|(p, _)| *p == path).map(|(_, d)| *d)
}

/// Metadata for an app path such as `"/salaries"`.
pub fn meta(path: &str) -> Option<&'static RouteMeta> {
    all().iter().find(|route| route.path == path)
}

/// The app's base path from the document's base URI: `"/backend-atlas"` under GitHub Pages,
/// `""` when served at the root. Never ends with a slash.
pub fn base_from_uri(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    // A base URI that points at a file (".../index.html") means its folder.
    let dir = match path.rfind('/') {
        Some(i) => &path[..i],
        None => "",
    };
    dir.trim_end_matches('/').to_owned()
}

/// Joins the base and an app path (`"/salaries"`) into an absolute href.
pub fn join(base: &str, path: &str) -> String {
    if path == "/" {
        format!("{base}/")
    } else {
        format!("{base}{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_json_parses_and_covers_every_page() {
        let paths: Vec<&str> = all().iter().map(|r| r.path).collect();
        assert_eq!(
            paths,
            [
                "/",
                "/salaries",
                "/locations",
                "/frameworks",
                "/roadmap",
                "/offers",
                "/hiring",
                "/sources"
            ]
        );
        assert!(all()
            .iter()
            .all(|r| !r.title.is_empty() && !r.lead.is_empty()));
    }

    #[test]
    fn base_from_uri_cases() {
        for (uri, expected) in [
            ("http://127.0.0.1:8080/", ""),
            ("http://127.0.0.1:4173/backend-atlas/", "/backend-atlas"),
            (
                "https://user.github.io/backend-atlas/index.html",
                "/backend-atlas",
            ),
            ("https://user.github.io/a/b/", "/a/b"),
            ("https://example.org", ""),
            ("https://example.org/x/?q=1", "/x"),
        ] {
            assert_eq!(base_from_uri(uri), expected, "{uri}");
        }
    }

    #[test]
    fn join_keeps_root_slash() {
        assert_eq!(join("/backend-atlas", "/"), "/backend-atlas/");
        assert_eq!(join("/backend-atlas", "/roadmap"), "/backend-atlas/roadmap");
        assert_eq!(join("", "/"), "/");
        assert_eq!(join("", "/hiring"), "/hiring");
    }
}
