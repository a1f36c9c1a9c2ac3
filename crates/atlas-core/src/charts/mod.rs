//! Chart drawing: pure `draw_*` functions generic over plotters' `DrawingBackend`.
//!
//! The browser draws them on a canvas (`plotters-canvas`), the native tests on `SVGBackend`.
//! Each function lays out in CSS pixels times `ChartStyle::scale` (the device pixel ratio), so
//! charts stay crisp on HiDPI screens, and returns the hit boxes (in CSS pixels) that the
//! component uses for HTML tooltips: hovering never redraws.

pub mod axis;
pub mod bars;
pub mod boxes;
pub mod histogram;
pub mod map;
pub mod marks;
pub mod offers;
mod paint;
pub mod ranges;
pub mod table;
pub mod timeline;
pub mod years;

pub use paint::{hit_at, ChartError, Hit};

/// Light or dark: charts redraw in the theme's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    pub theme: Theme,
    /// Device pixels per CSS pixel.
    pub scale: f64,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            theme: Theme::Light,
            scale: 1.0,
        }
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// One colour per source, used the same way in every chart and legend (Okabe–Ito hues,
/// distinguishable with colour-vision deficiencies; dark-theme variants are lighter so they
/// keep 3:1 contrast against the dark background).
const SERIES_LIGHT: [Rgb; 7] = [
    Rgb(0x00, 0x6b, 0xa6), // blue
    Rgb(0xb8, 0x5c, 0x00), // orange
    Rgb(0x00, 0x7d, 0x5c), // green
    Rgb(0x8e, 0x44, 0xad), // purple
    Rgb(0xa8, 0x3f, 0x8a), // magenta
    Rgb(0x3b, 0x6e, 0x8f), // slate
    Rgb(0x5c, 0x5c, 0x5c), // grey (BLS OEWS, the official reference)
];
const SERIES_DARK: [Rgb; 7] = [
    Rgb(0x5c, 0xb8, 0xf0),
    Rgb(0xf5, 0xb0, 0x4c),
    Rgb(0x3f, 0xd1, 0xa4),
    Rgb(0xc3, 0x9b, 0xf0),
    Rgb(0xf0, 0x8c, 0xc8),
    Rgb(0xa9, 0xc7, 0xdb),
    Rgb(0xc8, 0xc8, 0xc8),
];

/// The colour of series `index` (a source's position in the dataset's source list).
pub fn series_color(theme: Theme, index: usize) -> Rgb {
    let palette = match theme {
        Theme::Light => &SERIES_LIGHT,
        Theme::Dark => &SERIES_DARK,
    };
    palette[index % palette.len()]
}

/// The classes of a source's swatch in a legend (`swatch src-<n>`): style/main.css gives
/// `src-<n>` the colour [`series_color`] gives the series in either theme (tests/charts.rs keeps
/// the two equal). A class, not an inline style: the build-time snapshot of a page carries it.
pub fn swatch_class(index: usize) -> String {
    format!("swatch src-{}", index % SERIES_LIGHT.len())
}

/// Text, grid and background colours of a theme (kept in step with style/main.css).
#[derive(Debug, Clone, Copy)]
pub struct Ink {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub marker: Rgb,
}

pub fn ink(theme: Theme) -> Ink {
    match theme {
        Theme::Light => Ink {
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x1b, 0x24, 0x30),
            muted: Rgb(0x4f, 0x5b, 0x69),
            grid: Rgb(0xe3, 0xe7, 0xec),
            marker: Rgb(0xb4, 0x23, 0x18),
        },
        Theme::Dark => Ink {
            background: Rgb(0x17, 0x1e, 0x26),
            text: Rgb(0xe6, 0xea, 0xef),
            muted: Rgb(0xa7, 0xb1, 0xbd),
            grid: Rgb(0x2c, 0x36, 0x42),
            marker: Rgb(0xff, 0x7b, 0x72),
        },
    }
}
