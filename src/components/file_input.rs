//! Reading a file the reader picked with `<input type="file">`: nothing is uploaded.

use wasm_bindgen::JsCast;

/// The file picked in the input that fired `ev`, if any. The input is cleared, so picking the
/// same file again fires another change.
pub fn take_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// The file's text (UTF-8), or `None` when the browser cannot read it.
pub async fn read_text(file: web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
}
