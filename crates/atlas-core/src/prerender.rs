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

use crate::charts::ranges::draw_ranges;
use crate::charts::timeline::draw_timeline;
use crate::charts::{ChartError, ChartStyle, Hit, Theme};
use crate::data::Dataset;
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

/// The default charts of every route, each drawn at each of `widths` (CSS pixels).
pub fn prerender(
    dataset: &Dataset,
    widths: &[u32],
    lowercase: Lowercase,
) -> Result<Prerendered, PrerenderError> {
    let ranges = crate::salaries::range_chart(dataset, &Default::default());
    let timeline = crate::frameworks::timeline_chart(dataset, lowercase);
    let draw_ranges =
        |area: &DrawingArea<SVGBackend, Shift>, style| draw_ranges(area, &ranges, style);
    let draw_timeline =
        |area: &DrawingArea<SVGBackend, Shift>, style| draw_timeline(area, &timeline, style);
    // (route, the live chart's id, title, text alternative, height, drawing)
    let charts: [(&'static str, &'static str, &str, String, f64, &Draw); 3] = [
        (
            "/",
            "overview-ranges",
            crate::salaries::OVERVIEW_TITLE,
            crate::salaries::overview_summary(dataset, &ranges),
            ranges.height(),
            &draw_ranges,
        ),
        (
            "/salaries",
            "salary-ranges",
            crate::salaries::RANGE_TITLE,
            crate::salaries::range_summary(&ranges),
            ranges.height(),
            &draw_ranges,
        ),
        (
            "/frameworks",
            "framework-timeline",
            crate::frameworks::TIMELINE_TITLE,
            crate::frameworks::timeline_summary(&timeline),
            crate::charts::timeline::TimelineChart::HEIGHT,
            &draw_timeline,
        ),
    ];
    let mut palette = Palette::default();
    let mut drawings = Vec::new();
    for &width in widths {
        for (route, id, title, summary, height, draw) in &charts {
            let drawing = Drawing {
                route,
                id,
                title: (*title).to_owned(),
                summary: summary.clone(),
                width,
                height: height.round() as u32,
                svg: String::new(),
            };
            drawings.push(palette.drawing(drawing, draw)?);
        }
    }
    Ok(Prerendered {
        drawings,
        css: palette.css(),
    })
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
    let out = out.replace(" opacity=\"1\"", "").replacen(
        &format!("<svg width=\"{w}\" height=\"{h}\" "),
        "<svg class=\"static-chart\" ",
        1,
    );
    Ok(out)
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
    fn drawings_that_differ_in_more_than_colour_are_refused() {
        let mut palette = Palette::default();
        let light = r##"<svg><rect x="1" fill="#FFFFFF"/></svg>"##;
        let dark = r##"<svg><rect x="2" fill="#111111"/></svg>"##;
        assert_eq!(palette.themed(light, dark), None);
    }
}
