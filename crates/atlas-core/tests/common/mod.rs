//! Helpers shared by the native integration tests (`mod common;`).
#![allow(dead_code)]

use backend_atlas::data::{self, Dataset};

/// The bundled dataset, parsed and validated.
pub fn dataset() -> Dataset {
    data::parse(include_str!("../../public/data/atlas.json")).expect("bundled dataset is valid")
}

/// A small deterministic PRNG (SplitMix64), so failures reproduce from their seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-enough in `0..n` for tests (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The `<text>` boxes of an SVG drawing: (left, top, right, bottom, text), their width
/// estimated at 0.6 em a character.
pub fn text_boxes(svg: &str) -> Vec<(f64, f64, f64, f64, String)> {
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[at..].split('"').next()?.parse().ok()
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let (tag, after) = rest.split_once('>')?;
            let text = after.split("</text>").next()?.trim().to_owned();
            let (x, y, size) = (attr(tag, "x")?, attr(tag, "y")?, attr(tag, "font-size")?);
            let w = text.chars().count() as f64 * size * 0.6;
            let left = if tag.contains("text-anchor=\"end\"") {
                x - w
            } else if tag.contains("text-anchor=\"middle\"") {
                x - w / 2.0
            } else {
                x
            };
            // Plotters writes the baseline or a dy offset; a box of the font's height around y
            // is enough to tell rows apart.
            Some((left, y - size / 2.0, left + w, y + size / 2.0, text))
        })
        .collect()
}

/// No text runs past the canvas's edges and no two texts overlap.
pub fn assert_texts_fit(boxes: &[(f64, f64, f64, f64, String)], width: f64) {
    for b in boxes {
        assert!(b.0 >= 0.0 && b.2 <= width, "{:?} is clipped", b.4);
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "{:?} overlaps {:?}", a.4, b.4);
        }
    }
}
