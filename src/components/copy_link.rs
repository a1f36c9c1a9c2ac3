//! "Copy link": the page's address, with its view state, to the clipboard, and a status line
//! that says whether it worked.

use leptos::prelude::*;

#[component]
pub fn CopyLink() -> impl IntoView {
    let (copied, set_copied) = signal(None::<&'static str>);
    let copy = move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        crate::components::clipboard::copy_text(&href, move |ok| {
            set_copied.set(Some(if ok {
                "Link copied."
            } else {
                "Could not copy: select the address bar instead."
            }));
        });
    };
    view! {
        <div class="share">
            <button type="button" class="button" on:click=copy>
                "Copy link"
            </button>
            <span role="status" class="muted">{move || copied.get()}</span>
        </div>
    }
}
