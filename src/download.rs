//! Offering text as a file download, from a Blob URL: nothing leaves the browser. Charts'
//! CSV, the roadmap's and the offers' JSON exports.

use leptos::prelude::set_timeout;

/// Offers `text` as a download named `<name>.csv` (a Blob URL: nothing leaves the browser).
pub fn download_csv(name: &str, text: &str) {
    download(&format!("{name}.csv"), "text/csv;charset=utf-8", text);
}

/// Offers `text` as a file download (a Blob URL: nothing leaves the browser).
pub fn download(file_name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a") {
        use wasm_bindgen::JsCast;
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    // Revoke once the browser has started the download.
    set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(10),
    );
}
