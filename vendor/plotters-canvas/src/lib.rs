/*!
   The Plotters HTML5 Canvas backend.

   This backend allows Plotters operates the HTML5 Canvas when targeted to Webassembly.

   See the documentation for [CanvasBackend](struct.CanvasBackend.html) for more details.
*/
// Backend Atlas patch: web-sys deprecated `set_fill_style` and `set_stroke_style`, which this
// release calls; a path dependency's warnings are not capped as a registry crate's are.
#![allow(deprecated)]
mod canvas;

pub use canvas::CanvasBackend;
