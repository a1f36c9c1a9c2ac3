//! A dataset's fingerprint: a 64-bit FNV-1a hash of its JSON *content* (types, strings, numbers
//! as f64 values, object keys in sorted order), so that the release build's minified copy of
//! `public/data/atlas.json` has the fingerprint of the committed file.
//!
//! Why: the validator is about 10 KB gzipped of code (BENCHMARKS.md, run Q). The test suite
//! validates the committed file and checks [`SHIPPED_DATASET`] is its fingerprint, so the app
//! loads the validator (its own wasm chunk) only for a dataset other than the one it ships. Not a
//! security measure: whoever can change the served dataset can change the served code.

use serde_json::Value;

/// The fingerprint of `public/data/atlas.json`. `tests/data.rs` fails, printing the new line,
/// when the file changes: update this only once the validator passes on the new file.
pub const SHIPPED_DATASET: u64 = 0x7aae_b8a6_24b6_f6ea;

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The fingerprint of a parsed JSON document.
pub fn fingerprint(value: &Value) -> u64 {
    let mut hash = Fnv(OFFSET);
    hash.value(value);
    hash.0
}

struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }

    /// A tag and a length before every variable-length part, so that no two documents feed the
    /// same bytes (`["ab"]` against `["a","b"]`).
    fn tagged(&mut self, tag: u8, len: usize) {
        self.bytes(&[tag]);
        self.bytes(&(len as u64).to_le_bytes());
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.bytes(b"n"),
            Value::Bool(b) => self.bytes(if *b { b"t" } else { b"f" }),
            // As f64: `1.0` and `1` (JSON.stringify writes the second) are one number.
            Value::Number(n) => {
                self.bytes(b"#");
                self.bytes(&n.as_f64().unwrap_or(f64::NAN).to_bits().to_le_bytes());
            }
            Value::String(s) => {
                self.tagged(b's', s.len());
                self.bytes(s.as_bytes());
            }
            Value::Array(items) => {
                self.tagged(b'[', items.len());
                for item in items {
                    self.value(item);
                }
            }
            // serde_json's map is sorted by key (no `preserve_order`), so key order in the file
            // does not matter.
            Value::Object(map) => {
                self.tagged(b'{', map.len());
                for (key, item) in map {
                    self.tagged(b'k', key.len());
                    self.bytes(key.as_bytes());
                    self.value(item);
                }
            }
        }
    }
}
