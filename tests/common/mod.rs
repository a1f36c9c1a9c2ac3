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
