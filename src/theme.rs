//! The theme, in one place: the reader's stored choice (system, light or dark), the page's
//! theme (`<html data-theme>`, else the system preference) and the theme charts draw in
//! ([`ChartTheme`]: the page's, and light on paper).
//!
//! - The chart colours of each theme are the pure core's ([`Theme`], `atlas_core::charts`:
//!   series, ink, map and offer parts), so the native tests draw them on SVG.
//! - The page's own colours are CSS custom properties under `[data-theme]` and
//!   `prefers-color-scheme` in `style/main.css`.
//! - The JavaScript twin: the release build's boot script (`bootCheck` in
//!   `scripts/postbuild.mjs`) applies the stored choice under the same [`THEME_KEY`] before the
//!   first paint, so no page flashes the other theme; [`apply_stored_choice`] does the same when
//!   the app starts (and in `trunk serve`, which has no boot script).
//! - The select that changes it is `components::theme_toggle`.

use crate::state::Printing;
use leptos::prelude::*;

pub use crate::charts::Theme;

/// The storage key of the reader's choice (the boot script reads the same key).
pub const THEME_KEY: &str = "backend-atlas.theme";

/// What the reader chose in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Follow the system (the default; nothing stored).
    System,
    Light,
    Dark,
}

impl Choice {
    /// The select's option value, the stored value and the `data-theme` value.
    pub fn id(self) -> &'static str {
        match self {
            Choice::System => "system",
            Choice::Light => "light",
            Choice::Dark => "dark",
        }
    }

    /// `"light"` and `"dark"`; anything else (an unknown stored value too) is the system's.
    pub fn from_id(id: &str) -> Choice {
        match id {
            "light" => Choice::Light,
            "dark" => Choice::Dark,
            _ => Choice::System,
        }
    }
}

/// The stored choice; [`Choice::System`] when none, an unknown value, or no storage.
pub fn stored_choice() -> Choice {
    match crate::storage::get(THEME_KEY) {
        Ok(Some(value)) => Choice::from_id(&value),
        _ => Choice::System,
    }
}

/// Applies a stored choice (if any) to `<html data-theme>`, before the first render.
pub fn apply_stored_choice() {
    let choice = stored_choice();
    if choice != Choice::System {
        set_attribute(Some(choice.id()));
    }
}

/// Applies `choice` to the page and remembers it; "system" forgets it again. If storage is
/// blocked the choice lasts for this page only.
pub fn choose(choice: Choice) {
    if choice == Choice::System {
        set_attribute(None);
        let _ = crate::storage::remove(THEME_KEY);
    } else {
        set_attribute(Some(choice.id()));
        let _ = crate::storage::set(THEME_KEY, choice.id());
    }
}

fn set_attribute(value: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match value {
        Some(v) => root.set_attribute("data-theme", v),
        None => root.remove_attribute("data-theme"),
    };
}

/// Light or dark from the page (the `data-theme` attribute, else the system preference).
pub fn page_theme() -> Theme {
    let Some(window) = web_sys::window() else {
        return Theme::Light;
    };
    let explicit = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-theme"));
    match explicit.as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ => match window.match_media("(prefers-color-scheme: dark)") {
            Ok(Some(query)) if query.matches() => Theme::Dark,
            _ => Theme::Light,
        },
    }
}

/// The page's theme as a signal in context: starts from the stored choice and follows the
/// system preference when it changes. `App` provides it.
#[derive(Debug, Clone, Copy)]
pub struct ThemeCtx(pub RwSignal<Theme>);

impl ThemeCtx {
    pub fn follow_page() -> Self {
        use wasm_bindgen::{closure::Closure, JsCast};
        apply_stored_choice();
        let theme = RwSignal::new(page_theme());
        if let Some(Ok(Some(query))) =
            web_sys::window().map(|w| w.match_media("(prefers-color-scheme: dark)"))
        {
            let on_change = Closure::<dyn Fn()>::new(move || theme.set(page_theme()));
            let _ = query
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            // Lives as long as the page.
            on_change.forget();
        }
        ThemeCtx(theme)
    }
}

/// The theme charts and their legends draw in: the page's, and the light one on paper.
#[derive(Debug, Clone, Copy)]
pub struct ChartTheme {
    page: Option<RwSignal<Theme>>,
    printing: Option<RwSignal<bool>>,
}

impl ChartTheme {
    pub fn from_context() -> Self {
        ChartTheme {
            page: use_context::<ThemeCtx>().map(|t| t.0),
            printing: Printing::current(),
        }
    }

    /// Whether the page is being printed; tracked.
    pub fn printing(self) -> bool {
        self.printing.is_some_and(|p| p.get())
    }

    /// The theme now; tracked, so an effect or a view that calls it follows changes.
    pub fn get(self) -> Theme {
        if self.printing() {
            Theme::Light
        } else {
            self.page.map(|t| t.get()).unwrap_or_default()
        }
    }
}
