//! Each route's default charts, drawn at build time by the same `draw_*` functions the app runs
//! on a canvas, through plotters' `SVGBackend` (the `prerender` binary writes them out for
//! `scripts/postbuild.mjs`).
//!
//! A chart is drawn twice, light and dark, and the two drawings must differ in their colours
//! only. They become one SVG whose `fill` and `stroke` colours are classes (`f0`, `s3`, ...), and
//! one stylesheet that gives each class its colour in either theme, so a page carries one drawing
//! that follows the reader's theme (the site's CSP allows no inline style, and SVG presentation
//! attributes cannot read CSS variables, so classes it is). Default attributes
//! (`opacity="1"`) are dropped.

use crate::charts::map::draw_map;
use crate::charts::ranges::draw_ranges;
use crate::charts::timeline::draw_timeline;
use crate::charts::{ChartError, ChartStyle, Hit, Theme};
use crate::data::{AreaFile, Dataset, StatesMap};
use crate::Lowercase;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};

/// One chart as a route's first paint shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Drawing {
    /// The route it belongs to, as in `src/routes.json` (`/salaries`).
    pub route: &'static str,
    /// The live chart's id (`ChartFrame`'s `id`): the figure it stands in for.
    pub id: &'static str,
    /// The live chart's title.
    pub title: String,
    /// The live chart's text alternative.
    pub summary: String,
    /// CSS pixels, as the canvas would take them at this width.
    pub width: u32,
    pub height: u32,
    /// A chart that keeps its proportions at every width (the map, drawn with no text): one
    /// drawing, scaled to the page's width, instead of one per width.
    pub fluid: bool,
    /// The whole `<svg>` element, colours as classes.
    pub svg: String,
}

/// Every default chart, and the stylesheet their colour classes need.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Prerendered {
    pub drawings: Vec<Drawing>,
    /// Rules for the classes the drawings use, in both themes, scoped to `svg.static-chart`.
    pub css: String,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PrerenderError {
    #[error("drawing {id}: {message}")]
    Draw { id: &'static str, message: String },
    #[error("{id}: the light and dark drawings differ in more than their colours")]
    Themes { id: &'static str },
}

/// The Locations page's default files: the state outlines and the default occupation's states.
#[derive(Debug, Clone, Copy)]
pub struct LocationsFiles<'a> {
    pub map: &'a StatesMap,
    pub states: &'a AreaFile,
}

/// The default charts of every route, each drawn at each of `widths` (CSS pixels), a fluid one
/// once at the widest. Without `locations` (a dataset with no OEWS release) there is no map.
pub fn prerender(
    dataset: &Dataset,
    locations: Option<LocationsFiles>,
    widths: &[u32],
    lowercase: Lowercase,
) -> Result<Prerendered, PrerenderError> {
    let ranges = crate::salaries::range_chart(dataset, &Default::default());
    let timeline = crate::frameworks::timeline_chart(dataset, lowercase);
    let draw_ranges =
        |area: &DrawingArea<SVGBackend, Shift>, style| draw_ranges(area, &ranges, style);
    let draw_timeline =
        |area: &DrawingArea<SVGBackend, Shift>, style| draw_timeline(area, &timeline, style);
    let mut charts: Vec<Chart> = vec![
        Chart {
            route: "/",
            id: "overview-ranges",
            title: crate::salaries::OVERVIEW_TITLE,
            summary: crate::salaries::overview_summary(dataset, &ranges),
            height: Height::Fixed(ranges.height()),
            draw: &draw_ranges,
        },
        Chart {
            route: "/salaries",
            id: "salary-ranges",
            title: crate::salaries::RANGE_TITLE,
            summary: crate::salaries::range_summary(&ranges),
            height: Height::Fixed(ranges.height()),
            draw: &draw_ranges,
        },
        Chart {
            route: "/frameworks",
            id: "framework-timeline",
            title: crate::frameworks::TIMELINE_TITLE,
            summary: crate::frameworks::timeline_summary(&timeline),
            height: Height::Fixed(crate::charts::timeline::TimelineChart::HEIGHT),
            draw: &draw_timeline,
        },
    ];
    // The map of the default statistic, no state picked (`LocationsQuery::default()`).
    let map = locations.map(|files| {
        let stat = crate::oews::Stat::default();
        let chart = crate::locations::map_chart(files.states, files.map, stat, &[]);
        let summary = crate::locations::map_summary(&chart, files.states, stat);
        (chart, summary)
    });
    let draw_map = |area: &DrawingArea<SVGBackend, Shift>, style| match &map {
        Some((chart, _)) => draw_map(area, chart, style),
        None => Ok(Vec::new()),
    };
    if let Some((chart, summary)) = &map {
        charts.push(Chart {
            route: "/locations",
            id: "locations-map",
            title: crate::locations::MAP_TITLE,
            summary: summary.clone(),
            height: Height::Aspect(chart.aspect()),
            draw: &draw_map,
        });
    }
    let widest = widths.iter().copied().max().unwrap_or(0);
    let mut palette = Palette::default();
    let mut drawings = Vec::new();
    for &width in widths {
        for chart in &charts {
            let fluid = matches!(chart.height, Height::Aspect(_));
            if fluid && width != widest {
                continue;
            }
            let height = match chart.height {
                Height::Fixed(height) => height,
                Height::Aspect(aspect) => f64::from(width) * aspect,
            };
            let drawing = Drawing {
                route: chart.route,
                id: chart.id,
                title: chart.title.to_owned(),
                summary: chart.summary.clone(),
                width,
                height: height.round() as u32,
                fluid,
                svg: String::new(),
            };
            let mut drawing = palette.drawing(drawing, chart.draw)?;
            if fluid {
                drawing.svg = join_paths(&drawing.svg);
                // Scaled to any width, the drawing must take the canvas's height there, which
                // is the width times the aspect, unrounded: so is the viewBox.
                let (w, h) = (drawing.width, drawing.height);
                drawing.svg = drawing.svg.replacen(
                    &format!("viewBox=\"0 0 {w} {h}\""),
                    &format!("viewBox=\"0 0 {w} {}\"", crate::format::fixed(height, 2)),
                    1,
                );
            }
            drawings.push(drawing);
        }
    }
    Ok(Prerendered {
        drawings,
        css: palette.css(),
    })
}

/// A route's default chart, before it is drawn.
struct Chart<'a> {
    route: &'static str,
    id: &'static str,
    title: &'static str,
    summary: String,
    height: Height,
    draw: &'a Draw<'a>,
}

/// CSS pixels, or a share of the width (`ChartFrame`'s `height` and `aspect`).
#[derive(Debug, Clone, Copy)]
enum Height {
    Fixed(f64),
    Aspect(f64),
}

type Draw<'a> =
    dyn Fn(&DrawingArea<SVGBackend, Shift>, ChartStyle) -> Result<Vec<Hit>, ChartError> + 'a;

/// `(attribute, light colour, dark colour)`, each pair's index naming its class.
#[derive(Default)]
struct Palette {
    pairs: Vec<(Attr, String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    Fill,
    Stroke,
}

impl Attr {
    fn name(self) -> &'static str {
        match self {
            Attr::Fill => "fill",
            Attr::Stroke => "stroke",
        }
    }

    fn class(self, index: usize) -> String {
        format!("{}{index}", &self.name()[..1])
    }
}

impl Palette {
    fn drawing(&mut self, mut drawing: Drawing, draw: &Draw) -> Result<Drawing, PrerenderError> {
        let in_theme = |theme| {
            svg((drawing.width, drawing.height), theme, draw).map_err(|e| PrerenderError::Draw {
                id: drawing.id,
                message: e.to_string(),
            })
        };
        let (light, dark) = (in_theme(Theme::Light)?, in_theme(Theme::Dark)?);
        drawing.svg = self
            .themed(&light, &dark)
            .ok_or(PrerenderError::Themes { id: drawing.id })?;
        Ok(drawing)
    }

    /// One drawing from two: `light` with each colour attribute replaced by the class of its
    /// (light, dark) pair, or `None` when the drawings differ elsewhere.
    fn themed(&mut self, light: &str, dark: &str) -> Option<String> {
        let (light_text, light_colours) = colours(light);
        let (dark_text, dark_colours) = colours(dark);
        if light_text != dark_text || light_colours.len() != dark_colours.len() {
            return None;
        }
        let mut classes = light_colours
            .iter()
            .zip(&dark_colours)
            .map(|((attr, l), (_, d))| attr.class(self.index(*attr, l, d)));
        // Each element's colour attributes, gathered into one class attribute.
        let mut out = String::with_capacity(light_text.len());
        for (i, piece) in light_text.split('<').enumerate() {
            if i > 0 {
                out.push('<');
            }
            let mut tag_classes = Vec::new();
            let mut piece = piece.to_owned();
            while let Some(at) = piece.find(MARK) {
                piece.replace_range(at..at + MARK.len(), "");
                tag_classes.push(classes.next()?);
            }
            if !tag_classes.is_empty() {
                let end = piece.find('>')?;
                let close = if piece[..end].ends_with('/') {
                    end - 1
                } else {
                    end
                };
                piece.insert_str(close, &format!(" class=\"{}\"", tag_classes.join(" ")));
            }
            out.push_str(&piece);
        }
        Some(out)
    }

    fn index(&mut self, attr: Attr, light: &str, dark: &str) -> usize {
        let pair = (attr, light.to_owned(), dark.to_owned());
        match self.pairs.iter().position(|p| *p == pair) {
            Some(i) => i,
            None => {
                self.pairs.push(pair);
                self.pairs.len() - 1
            }
        }
    }

    /// The classes' colours: light by default, dark under the same rules as style/main.css
    /// (`data-theme="dark"`, or the system's dark preference unless `data-theme="light"`).
    fn css(&self) -> String {
        let rules = |dark: bool| -> String {
            self.pairs
                .iter()
                .enumerate()
                .map(|(i, (attr, l, d))| {
                    let colour = if dark { d } else { l };
                    format!(
                        ".static-chart .{}{{{}:{colour}}}",
                        attr.class(i),
                        attr.name()
                    )
                })
                .collect::<Vec<_>>()
                .join("")
        };
        let dark = rules(true);
        let scoped =
            |prefix: &str| dark.replace(".static-chart", &format!("{prefix} .static-chart"));
        format!(
            "{}{}@media (prefers-color-scheme:dark){{{}}}",
            rules(false),
            scoped(":root[data-theme=dark]"),
            scoped(":root:not([data-theme=light])"),
        )
    }
}

/// Stands where a colour attribute was, in [`colours`]' text.
const MARK: &str = "\u{1}";

/// `svg` without its colour attributes (each replaced by [`MARK`]), and those colours in order.
fn colours(svg: &str) -> (String, Vec<(Attr, String)>) {
    let mut text = String::with_capacity(svg.len());
    let mut found = Vec::new();
    let mut rest = svg;
    loop {
        let next = [Attr::Fill, Attr::Stroke]
            .into_iter()
            .filter_map(|attr| {
                let key = format!(" {}=\"#", attr.name());
                rest.find(&key).map(|at| (at, attr, key.len()))
            })
            .min_by_key(|found| found.0);
        let Some((at, attr, key_len)) = next else {
            text.push_str(rest);
            break;
        };
        let value_start = at + key_len;
        let Some(value_len) = rest[value_start..].find('"') else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..at]);
        text.push_str(MARK);
        found.push((
            attr,
            format!("#{}", &rest[value_start..value_start + value_len]),
        ));
        rest = &rest[value_start + value_len + 1..];
    }
    (text, found)
}

/// The chart drawn into an SVG string, trimmed of what the browser assumes anyway.
fn svg(size: (u32, u32), theme: Theme, draw: &Draw) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&area, ChartStyle { theme, scale: 1.0 })?;
    }
    let (w, h) = size;
    let out = relative_paths(&merge_outlines(&out.replace(" opacity=\"1\"", ""))).replacen(
        &format!("<svg width=\"{w}\" height=\"{h}\" "),
        "<svg class=\"static-chart\" ",
        1,
    );
    Ok(out)
}

/// Each polygon followed by the polyline that outlines it (`Painter::shape`: the same points,
/// closed) as one polygon, filled and stroked: the same picture with half the coordinates.
fn merge_outlines(svg: &str) -> String {
    let points = |tag: &str| -> Option<(usize, usize)> {
        let start = tag.find(" points=\"")? + " points=\"".len();
        Some((start, start + tag[start..].find('"')?))
    };
    let tags: Vec<&str> = svg.split('<').collect();
    let mut out = String::with_capacity(svg.len());
    let mut i = 0;
    while i < tags.len() {
        if i > 0 {
            out.push('<');
        }
        let tag = tags[i];
        let merged = (|| {
            let next = tags.get(i + 1)?;
            if !tag.starts_with("polygon ") || !next.starts_with("polyline fill=\"none\" ") {
                return None;
            }
            let (a, b) = points(tag)?;
            let (c, d) = points(next)?;
            let ring = &tag[a..b];
            let first = ring.split(' ').next()?;
            if next[c..d] != format!("{ring}{first} ") {
                return None;
            }
            // The polyline's stroke attributes, before the polygon's points.
            let stroke = &next["polyline fill=\"none\"".len()..c - " points=\"".len()];
            Some(format!(
                "{}{stroke}{}",
                &tag[..a - " points=\"".len()],
                &tag[a - " points=\"".len()..]
            ))
        })();
        match merged {
            Some(polygon) => {
                out.push_str(&polygon);
                // What follows the polyline's tag stays, but for the line break the polygon's
                // own tag is already followed by.
                let next = tags[i + 1];
                let after = &next[next.find("/>").map_or(next.len(), |e| e + 2)..];
                if !after.trim().is_empty() {
                    out.push_str(after);
                }
                i += 2;
            }
            None => {
                out.push_str(tag);
                i += 1;
            }
        }
    }
    out
}

/// Each polygon as a path of relative moves (`M722 548l4-1 1 1z`): the same shape in about two
/// thirds of the bytes (gzipped), the point that closes the ring and repeated points left out.
/// A polygon whose points are not integer pairs stays as it is.
fn relative_paths(svg: &str) -> String {
    let path = |tag: &str| -> Option<String> {
        let rest = tag.strip_prefix("polygon ")?;
        let start = rest.find("points=\"")?;
        let end = start + "points=\"".len() + rest[start + "points=\"".len()..].find('"')?;
        let mut points: Vec<(i64, i64)> = Vec::new();
        for pair in rest[start + "points=\"".len()..end].split_whitespace() {
            let (x, y) = pair.split_once(',')?;
            #[expect(
                clippy::disallowed_methods,
                reason = "integers, not floats (the rule's concern), in a build-time step"
            )]
            let point = (x.parse::<i64>().ok()?, y.parse::<i64>().ok()?);
            if points.last() != Some(&point) {
                points.push(point);
            }
        }
        if points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        let (&(x0, y0), others) = points.split_first()?;
        let mut d = format!("M{x0} {y0}");
        let mut last = (x0, y0);
        for (i, &(x, y)) in others.iter().enumerate() {
            let (dx, dy) = (x - last.0, y - last.1);
            d.push_str(if i == 0 {
                "l"
            } else if dx < 0 {
                ""
            } else {
                " "
            });
            d.push_str(&format!("{dx}{}{dy}", if dy < 0 { "" } else { " " }));
            last = (x, y);
        }
        d.push('z');
        Some(format!(
            "path {}d=\"{d}\"{}",
            &rest[..start],
            &rest[end + 1..]
        ))
    };
    let mut out = String::with_capacity(svg.len());
    for (i, tag) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        match path(tag) {
            Some(p) => out.push_str(&p),
            None => out.push_str(tag),
        }
    }
    out
}

/// Paths that differ only in their shape as one path of several rings, where the first of them
/// was, without the default `stroke-width="1"`: the map's 126 rings in one path per colour class
/// (0.3 KB gzipped less). Only for a drawing whose shapes never overlap (`tests/prerender.rs`
/// checks no ring of the map lies inside another), so that the order they are painted in and
/// the fill of overlapping rings (by their winding, in one path) make no difference.
fn join_paths(svg: &str) -> String {
    // `path{before}d="{d}"{after}/>`, as (the attributes but `d`, `d`), when only white space
    // follows the tag.
    fn parts(tag: &str) -> Option<(String, &str)> {
        let rest = tag.strip_prefix("path")?;
        let start = rest.find(" d=\"")?;
        let d_start = start + " d=\"".len();
        let d_end = d_start + rest[d_start..].find('"')?;
        let end = rest.find("/>")?;
        if !rest[end + 2..].trim().is_empty() {
            return None;
        }
        let attrs = format!("{}{}", &rest[..start], &rest[d_end + 1..end]);
        Some((
            attrs.replace(" stroke-width=\"1\"", ""),
            &rest[d_start..d_end],
        ))
    }
    // The text with a mark (`\0`) where each group's path goes.
    let mut groups: Vec<(String, String)> = Vec::new();
    let mut text = String::with_capacity(svg.len());
    for (i, tag) in svg.split('<').enumerate() {
        match parts(tag) {
            Some((attrs, d)) => match groups.iter_mut().find(|(a, _)| *a == attrs) {
                Some((_, ds)) => ds.push_str(d),
                None => {
                    groups.push((attrs, d.to_owned()));
                    text.push('\0');
                }
            },
            None => {
                if i > 0 {
                    text.push('<');
                }
                text.push_str(tag);
            }
        }
    }
    let mut parts = text.split('\0');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for ((attrs, d), part) in groups.into_iter().zip(parts) {
        out.push_str(&format!("<path{attrs} d=\"{d}\"/>\n{part}"));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn one_class_attribute_per_element_and_one_class_per_colour_pair() {
        let mut palette = Palette::default();
        let light =
            r##"<svg><rect fill="#FFFFFF" stroke="#000000"/><text fill="#000000">a</text></svg>"##;
        let dark =
            r##"<svg><rect fill="#111111" stroke="#EEEEEE"/><text fill="#EEEEEE">a</text></svg>"##;
        assert_eq!(
            palette.themed(light, dark).unwrap(),
            r#"<svg><rect class="f0 s1"/><text class="f2">a</text></svg>"#
        );
        // The same pair again is the same class.
        assert_eq!(
            palette.themed(light, dark).unwrap(),
            r#"<svg><rect class="f0 s1"/><text class="f2">a</text></svg>"#
        );
        assert_eq!(palette.pairs.len(), 3);
    }

    #[test]
    fn a_polygon_and_its_outline_become_one_polygon() {
        let svg = "<svg>\n<polygon fill=\"#AAAAAA\" points=\"1,2 3,4 5,6 \"/>\n<polyline fill=\"none\" stroke=\"#FFFFFF\" stroke-width=\"1\" points=\"1,2 3,4 5,6 1,2 \"/>\n</svg>";
        assert_eq!(
            merge_outlines(svg),
            "<svg>\n<polygon fill=\"#AAAAAA\" stroke=\"#FFFFFF\" stroke-width=\"1\" points=\"1,2 3,4 5,6 \"/>\n</svg>"
        );
        // A polyline that is not that polygon's outline stays as it is.
        let other = svg.replace("5,6 1,2 ", "5,6 7,8 ");
        assert_eq!(merge_outlines(&other), other);
    }

    #[test]
    fn a_polygon_becomes_a_path_of_relative_moves() {
        let svg = "<svg>\n<polygon fill=\"#AAAAAA\" points=\"722,548 726,547 727,548 727,548 722,548 \"/>\n<rect/></svg>";
        assert_eq!(
            relative_paths(svg),
            "<svg>\n<path fill=\"#AAAAAA\" d=\"M722 548l4-1 1 1z\"/>\n<rect/></svg>"
        );
        // Negative moves need no separator; positive ones a space.
        let svg = "<polygon points=\"10,10 5,5 8,2 \"/>";
        assert_eq!(relative_paths(svg), "<path d=\"M10 10l-5-5 3-3z\"/>");
        // Points that are not integers: left as they are.
        let svg = "<polygon points=\"1.5,2 3,4 \"/>";
        assert_eq!(relative_paths(svg), svg);
    }

    #[test]
    fn paths_with_the_same_attributes_become_one() {
        let svg = "<svg>\n<rect/>\n<path stroke-width=\"1\" d=\"M1 1l1 0 0 1z\" class=\"f1\"/>\n<path stroke-width=\"1\" d=\"M9 9l1 0 0 1z\" class=\"f2\"/>\n<path stroke-width=\"1\" d=\"M5 5l1 0 0 1z\" class=\"f1\"/>\n</svg>";
        assert_eq!(
            join_paths(svg),
            "<svg>\n<rect/>\n<path class=\"f1\" d=\"M1 1l1 0 0 1zM5 5l1 0 0 1z\"/>\n<path class=\"f2\" d=\"M9 9l1 0 0 1z\"/>\n</svg>"
        );
        // Other attributes keep paths apart; what is not a path stays as it is.
        let apart = "<svg><path d=\"M1 1z\" class=\"f1\"/><path stroke-width=\"2\" d=\"M2 2z\" class=\"f1\"/><text>a</text></svg>";
        assert_eq!(
            join_paths(apart),
            "<svg><path class=\"f1\" d=\"M1 1z\"/>\n<path stroke-width=\"2\" class=\"f1\" d=\"M2 2z\"/>\n<text>a</text></svg>"
        );
    }

    #[test]
    fn drawings_that_differ_in_more_than_colour_are_refused() {
        let mut palette = Palette::default();
        let light = r##"<svg><rect x="1" fill="#FFFFFF"/></svg>"##;
        let dark = r##"<svg><rect x="2" fill="#111111"/></svg>"##;
        assert_eq!(palette.themed(light, dark), None);
    }
}
