//! A stand-in for `wasm-streams` 0.5 with the one type `server_fn` uses (see README.md).
//!
//! Leptos always depends on `server_fn` with its browser client, and that client converts
//! request and response bodies with `wasm_streams::ReadableStream`. The real crate exports
//! three classes to JavaScript (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`,
//! `IntoUnderlyingSink`); wasm-bindgen keeps every export, so their code and glue were in the
//! main module of every route (4.5 KB gzipped), although this static app has no server
//! functions and never streams. Here the same calls compile and never panic: a Rust stream
//! becomes an empty JavaScript stream, and a JavaScript stream reads as an empty one.

use futures_util::stream::{self, Stream};
use wasm_bindgen::{JsCast, JsValue};

/// A JavaScript `ReadableStream`, as `wasm_streams::ReadableStream` wraps it.
#[derive(Debug)]
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a JavaScript stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// An empty JavaScript stream in place of `stream` (which is dropped unread).
    pub fn from_stream<St>(stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        drop(stream);
        let raw =
            web_sys::ReadableStream::new().unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into());
        Self { raw }
    }

    /// The JavaScript stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// An empty Rust stream (the JavaScript stream is not read).
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin + 'static {
        stream::empty()
    }
}
