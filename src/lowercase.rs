//! The app's [`atlas_core::Lowercase`]: Unicode lowercasing as `str::to_lowercase` does it. In
//! the browser non-ASCII text goes to JavaScript's `toLowerCase` (the same Unicode mapping),
//! which keeps Rust's case tables (about 8 KB gzipped) out of the wasm; natively (tests) it is
//! `str::to_lowercase`. `tests/web.rs` checks the two agree.

/// Lowercase `text` (ASCII without leaving Rust).
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    #[expect(
        clippy::disallowed_methods,
        reason = "native only (tests): nothing here ships"
    )]
    {
        text.to_lowercase()
    }
}
