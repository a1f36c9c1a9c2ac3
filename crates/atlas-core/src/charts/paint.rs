//! A thin painter over a plotters drawing area: CSS-pixel coordinates in, device pixels out.

use super::Rgb;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A drawing failure, as text (the canvas or SVG backend said no).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the chart could not be drawn: {0}")]
pub struct ChartError(pub String);

/// A hoverable region in CSS pixels and what its tooltip says.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub text: String,
    /// The exact outline inside the box, for shapes that are not rectangles (a state on the
    /// map): closed rings in CSS pixels. Empty: the box itself.
    pub rings: Vec<Vec<(f64, f64)>>,
    /// What a click or Enter on it picks (an area code), if anything.
    pub key: Option<String>,
}

impl Hit {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let in_box = x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1;
        in_box && (self.rings.is_empty() || self.rings.iter().any(|r| in_ring(r, x, y)))
    }

    /// The middle of its box, where a keyboard user's tooltip is shown.
    pub fn center(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
}

/// Even-odd rule: whether (x, y) lies inside the closed ring.
fn in_ring(ring: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let ((xi, yi), (xj, yj)) = (ring[i], ring[j]);
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The hit under a point; the smallest one wins, so markers drawn over bars stay reachable.
pub fn hit_at(hits: &[Hit], x: f64, y: f64) -> Option<&Hit> {
    hits.iter()
        .filter(|h| h.contains(x, y))
        .min_by(|a, b| area(a).total_cmp(&area(b)))
}

fn area(h: &Hit) -> f64 {
    (h.x1 - h.x0) * (h.y1 - h.y0)
}

pub(crate) fn color(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

pub(crate) struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    scale: f64,
    pub hits: Vec<Hit>,
}

#[derive(Clone, Copy)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, scale: f64) -> Self {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        Painter {
            area,
            scale,
            hits: Vec::new(),
        }
    }

    /// Width and height of the drawing area in CSS pixels.
    pub fn size(&self) -> (f64, f64) {
        let (w, h) = self.area.dim_in_pixel();
        (f64::from(w) / self.scale, f64::from(h) / self.scale)
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    fn fail<E: std::fmt::Display>(e: E) -> ChartError {
        ChartError(e.to_string())
    }

    pub fn fill(&self, rgb: Rgb) -> Result<(), ChartError> {
        self.area.fill(&color(rgb)).map_err(Self::fail)
    }

    pub fn rect(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        rgb: Rgb,
        alpha: f64,
    ) -> Result<(), ChartError> {
        let style = color(rgb).mix(alpha).filled();
        self.area
            .draw(&Rectangle::new(
                [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
                style,
            ))
            .map_err(Self::fail)
    }

    pub fn outline(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        rgb: Rgb,
        width: f64,
    ) -> Result<(), ChartError> {
        let style = color(rgb).stroke_width(self.px(width).max(1) as u32);
        self.area
            .draw(&Rectangle::new(
                [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
                style,
            ))
            .map_err(Self::fail)
    }

    pub fn line(&self, points: &[(f64, f64)], rgb: Rgb, width: f64) -> Result<(), ChartError> {
        let style = color(rgb).stroke_width(self.px(width).max(1) as u32);
        let points: Vec<(i32, i32)> = points
            .iter()
            .map(|&(x, y)| (self.px(x), self.px(y)))
            .collect();
        self.area
            .draw(&PathElement::new(points, style))
            .map_err(Self::fail)
    }

    /// A dashed vertical line from `y0` to `y1`.
    pub fn dashed_vline(
        &self,
        x: f64,
        y0: f64,
        y1: f64,
        rgb: Rgb,
        width: f64,
    ) -> Result<(), ChartError> {
        let (dash, gap) = (5.0, 4.0);
        let mut y = y0;
        while y < y1 {
            let end = (y + dash).min(y1);
            self.line(&[(x, y), (x, end)], rgb, width)?;
            y = end + gap;
        }
        Ok(())
    }

    pub fn circle(
        &self,
        x: f64,
        y: f64,
        radius: f64,
        fill: Rgb,
        stroke: Rgb,
    ) -> Result<(), ChartError> {
        let center = (self.px(x), self.px(y));
        let r = self.px(radius).max(1);
        self.area
            .draw(&Circle::new(center, r, color(fill).filled()))
            .map_err(Self::fail)?;
        self.area
            .draw(&Circle::new(
                center,
                r,
                color(stroke).stroke_width(self.px(1.5).max(1) as u32),
            ))
            .map_err(Self::fail)
    }

    pub fn polygon(&self, points: &[(f64, f64)], rgb: Rgb) -> Result<(), ChartError> {
        let points: Vec<(i32, i32)> = points
            .iter()
            .map(|&(x, y)| (self.px(x), self.px(y)))
            .collect();
        self.area
            .draw(&Polygon::new(points, color(rgb).filled()))
            .map_err(Self::fail)
    }

    /// A diamond centred on (x, y).
    pub fn diamond(&self, x: f64, y: f64, r: f64, rgb: Rgb) -> Result<(), ChartError> {
        self.polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], rgb)
    }

    pub fn text(
        &self,
        text: &str,
        x: f64,
        y: f64,
        size: f64,
        rgb: Rgb,
        align: Align,
    ) -> Result<(), ChartError> {
        let h = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let fill = color(rgb);
        // The family as a value, not "sans-serif": plotters parses a name with
        // `str::to_lowercase`, which would bring the Unicode case tables into every chart page.
        let style = TextStyle::from((FontFamily::SansSerif, size * self.scale).into_font())
            .color(&fill)
            .pos(Pos::new(h, VPos::Center));
        self.area
            .draw_text(text, &style, (self.px(x), self.px(y)))
            .map_err(Self::fail)
    }

    /// The money axis under a plot: a grid line from `top` to `bottom` at each `(amount, x)`,
    /// with the amount ([`super::axis::short_money`]) 12 px under `bottom`.
    pub fn money_grid(
        &self,
        ticks: impl IntoIterator<Item = (f64, f64)>,
        top: f64,
        bottom: f64,
        ink: &super::Ink,
        size: f64,
    ) -> Result<(), ChartError> {
        for (amount, x) in ticks {
            self.line(&[(x, top), (x, bottom)], ink.grid, 1.0)?;
            let label = super::axis::short_money(amount);
            self.text(&label, x, bottom + 12.0, size, ink.muted, Align::Center)?;
        }
        Ok(())
    }

    pub fn hit(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, text: String) {
        self.hits.push(Hit {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
            text,
            rings: Vec::new(),
            key: None,
        });
    }

    /// A filled polygon with an outline (`outline` width in CSS pixels).
    pub fn shape(
        &self,
        points: &[(f64, f64)],
        fill: Rgb,
        outline: Rgb,
        width: f64,
    ) -> Result<(), ChartError> {
        self.polygon(points, fill)?;
        let mut closed = points.to_vec();
        if let Some(&first) = points.first() {
            closed.push(first);
        }
        self.line(&closed, outline, width)
    }

    pub fn present(&self) -> Result<(), ChartError> {
        self.area.present().map_err(Self::fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_hit_wins() {
        let big = Hit {
            x0: 0.0,
            y0: 0.0,
            x1: 100.0,
            y1: 20.0,
            text: "bar".into(),
            rings: Vec::new(),
            key: None,
        };
        let small = Hit {
            x0: 40.0,
            y0: 5.0,
            x1: 50.0,
            y1: 15.0,
            text: "marker".into(),
            rings: Vec::new(),
            key: None,
        };
        let hits = vec![big, small];
        assert_eq!(
            hit_at(&hits, 45.0, 10.0).map(|h| h.text.as_str()),
            Some("marker")
        );
        assert_eq!(
            hit_at(&hits, 10.0, 10.0).map(|h| h.text.as_str()),
            Some("bar")
        );
        assert_eq!(hit_at(&hits, 200.0, 10.0), None);
    }

    #[test]
    fn a_shaped_hit_counts_only_inside_its_outline() {
        // A right triangle in a 10 x 10 box: (0,0), (10,0), (0,10).
        let hit = Hit {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
            text: "state".into(),
            rings: vec![vec![(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)]],
            key: Some("0600000".into()),
        };
        assert!(hit.contains(2.0, 2.0));
        assert!(
            !hit.contains(8.0, 8.0),
            "inside the box, outside the triangle"
        );
        assert!(!hit.contains(11.0, 1.0));
    }
}
