//! Turns a panic into a readable panel in the page instead of a frozen or blank app.
//!
//! After a panic the wasm instance cannot be trusted, so the panel is built with plain DOM
//! calls (no Leptos) and every string goes in as text, never as HTML.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Puts the report at the top of the page. Best effort: if a DOM call fails there is nothing
/// better to do than the console message the hook already wrote.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let build = || -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let panel = document.create_element("section")?;
        panel.set_class_name("error-panel panic-panel");
        panel.set_attribute("role", "alert")?;
        let heading = document.create_element("h2")?;
        heading.set_text_content(Some("Something went wrong in Backend Atlas"));
        let what = document.create_element("p")?;
        what.set_text_content(Some(
            "The app hit an internal error and stopped. Reloading usually fixes it; \
             your saved progress is kept in this browser.",
        ));
        let detail = document.create_element("pre")?;
        detail.set_text_content(Some(message));
        let reload = document.create_element("a")?;
        reload.set_text_content(Some("Reload the page"));
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_else(|| ".".to_owned());
        reload.set_attribute("href", &href)?;
        for child in [&heading, &what, &detail, &reload] {
            panel.append_child(child)?;
        }
        Ok(panel)
    };
    if let Ok(panel) = build() {
        let _ = body.insert_before(&panel, body.first_child().as_ref());
        if let Ok(el) = panel.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
