//! The keyboard shortcuts panel ("?").

use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub(super) fn HelpPanel(open: RwSignal<bool>) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Section>::new();
    // Focus moves into the panel when it opens and back to where it was when it closes.
    let previous = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if open.get() {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            previous.set_value(active);
            if let Some(panel) = panel.get() {
                let _ = panel.focus();
            }
        } else if let Some(el) = previous.get_value() {
            let _ = el.focus();
            previous.set_value(None);
        }
    });
    view! {
        <section
            node_ref=panel
            class="card help-panel"
            role="dialog"
            aria-modal="false"
            aria-labelledby="help-heading"
            tabindex="-1"
            hidden=move || !open.get()
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <h2 id="help-heading">"Keyboard shortcuts"</h2>
            <dl class="shortcuts">
                <div><dt><kbd>"↓"</kbd>" or "<kbd>"j"</kbd></dt><dd>"move to the next item"</dd></div>
                <div><dt><kbd>"↑"</kbd>" or "<kbd>"k"</kbd></dt><dd>"move to the previous item"</dd></div>
                <div><dt><kbd>"Tab"</kbd></dt><dd>"move through the focused item's status buttons and details, then to the next item"</dd></div>
                <div><dt><kbd>"d"</kbd></dt><dd>"mark the focused item done"</dd></div>
                <div><dt><kbd>"l"</kbd></dt><dd>"mark it learning"</dd></div>
                <div><dt><kbd>"s"</kbd></dt><dd>"mark it skipped"</dd></div>
                <div><dt><kbd>"r"</kbd></dt><dd>"reset it to not started"</dd></div>
                <div><dt><kbd>"?"</kbd></dt><dd>"open this help"</dd></div>
                <div><dt><kbd>"Esc"</kbd></dt><dd>"close it"</dd></div>
            </dl>
            <button type="button" class="button" on:click=move |_| open.set(false)>"Close"</button>
        </section>
    }
}
