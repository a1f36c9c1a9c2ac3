//! Component tests in headless Chromium (`make wasm-test`): real DOM, real Leptos runtime.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use backend_atlas::components::error_panel::DataErrorDetails;
use backend_atlas::data::{DataError, Problem};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the page for one test.
fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Lets pending futures and timers run (the dataset fetch, effects).
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn error_panel_lists_every_problem_as_text() {
    let root = container();
    let error = DataError::Invalid(vec![
        Problem::new("salary_bands[3].salary.max", "max is below min"),
        Problem::new("frameworks[0].summary.text", "<img src=x onerror=alert(1)>"),
    ]);
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <DataErrorDetails error=error /> },
    );
    let panel = root
        .query_selector(".error-panel")
        .unwrap()
        .expect("panel rendered");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let items = root.query_selector_all(".problem-list li").unwrap();
    assert_eq!(items.length(), 2);
    let text = panel.text_content().unwrap();
    assert!(text.contains("2 problem(s)"), "{text}");
    assert!(text.contains("salary_bands[3].salary.max"), "{text}");
    // Hostile text stays text: no element was created from it.
    assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(
        root.query_selector("a[href]").unwrap().is_some(),
        "reload link"
    );
}

/// The first element in `root` matching `selector`, polled for every 50 ms until `timeout_ms`
/// (for what appears once a request has finished, rather than a guessed fixed wait).
async fn wait_for(
    root: &web_sys::HtmlElement,
    selector: &str,
    timeout_ms: i32,
) -> Option<web_sys::Element> {
    for _ in 0..timeout_ms / 50 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return Some(found);
        }
        settle(50).await;
    }
    root.query_selector(selector).unwrap()
}

#[wasm_bindgen_test]
async fn app_shows_navigation_and_a_data_error_when_the_dataset_is_missing() {
    // The app is served under a folder (its `<base href>`, as on GitHub Pages) that the test
    // runner's server does not have, so the dataset request certainly answers 404, like a
    // missing file in production.
    const BASE: &str = "/no-such-folder-for-the-dataset";
    let base = document().create_element("base").unwrap();
    base.set_attribute("href", &format!("{BASE}/")).unwrap();
    document().head().unwrap().append_child(&base).unwrap();
    at_url(&format!("{BASE}/"));
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), backend_atlas::app::App);
    // Once the request has failed, the overview shows the dataset's error panel.
    let panel = wait_for(&root, "main .error-panel", 10_000)
        .await
        .expect("an error panel once the dataset request fails");
    let nav = wait_for(&root, "nav[aria-label='Main']", 2_000)
        .await
        .expect("nav");
    let labels: Vec<String> = (0..nav.query_selector_all("a").unwrap().length())
        .map(|i| {
            nav.query_selector_all("a")
                .unwrap()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(
        labels,
        [
            "Overview",
            "Salaries",
            "Locations",
            "Frameworks",
            "Roadmap",
            "Hiring"
        ]
    );
    let footer = wait_for(&root, "footer a", 2_000)
        .await
        .expect("footer link");
    assert_eq!(footer.text_content().as_deref(), Some("Data sources"));
    let h1 = root
        .query_selector("main h1")
        .unwrap()
        .expect("a page heading");
    assert!(!h1.text_content().unwrap().is_empty());
    // The dataset's panel (not a page-code panel), saying what failed, and nothing else in
    // place of the data: no figures, no loading line.
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let heading = panel.query_selector("h2").unwrap().expect("panel heading");
    assert_eq!(
        heading.text_content().as_deref(),
        Some("The salary and career data could not be loaded")
    );
    let text = panel.text_content().unwrap();
    assert!(
        text.contains(&format!(
            "What went wrong: the server answered 404 for {BASE}/data/atlas.json."
        )),
        "{text}"
    );
    assert_eq!(root.query_selector_all(".error-panel").unwrap().length(), 1);
    assert!(root.query_selector(".figures").unwrap().is_none());
    assert!(root.query_selector(".loading").unwrap().is_none());
    document().head().unwrap().remove_child(&base).unwrap();
    at_url("/");
}

/// Mounts `view` inside a router at `url` (same origin as the test runner's page).
fn at_url(url: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .unwrap();
}

fn real_dataset() -> std::sync::Arc<backend_atlas::data::Dataset> {
    std::sync::Arc::new(
        backend_atlas::data::parse(include_str!("../public/data/atlas.json")).unwrap(),
    )
}

/// Mounts one page at `url` inside a router, with the real dataset already loaded.
async fn mount_page<V: IntoView + 'static>(
    url: &str,
    page: fn() -> V,
) -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    use backend_atlas::state::{DatasetCtx, LoadState};
    use leptos_router::components::{FlatRoutes, Route, Router};
    use leptos_router::path;

    at_url(url);
    let dataset = real_dataset();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let (state, _) = signal(LoadState::Ready(dataset.clone()));
        provide_context(DatasetCtx(state));
        view! {
            <Router>
                <FlatRoutes fallback=|| "not found">
                    <Route path=path!("/salaries") view=page />
                    <Route path=path!("/frameworks") view=page />
                    <Route path=path!("/roadmap") view=page />
                    <Route path=path!("/offers") view=page />
                </FlatRoutes>
            </Router>
        }
    });
    settle(200).await;
    (root, handle)
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .text_content()
                .unwrap()
                .trim()
                .to_owned()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn salaries_page_reads_the_url_and_the_legend_writes_it() {
    use backend_atlas::pages::salaries::Salaries;
    let (root, handle) = mount_page("/salaries?levels=junior,senior&salary=65000", Salaries).await;

    let checked: Vec<String> = {
        let inputs = root.query_selector_all("input[name='levels']").unwrap();
        (0..inputs.length())
            .map(|i| {
                inputs
                    .item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlInputElement>()
            })
            .filter(|input| input.checked())
            .map(|input| input.value())
            .collect()
    };
    assert_eq!(checked, ["junior", "senior"]);
    // Junior and senior from the three sources with both, and the hiring guide's senior band.
    assert_eq!(
        root.query_selector_all(".standing tbody tr")
            .unwrap()
            .length(),
        7
    );
    // The redraw effect ran: the canvas has a backing store sized from its CSS width.
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(canvas.width() >= 280, "canvas width {}", canvas.width());

    let legend = root.query_selector_all(".legend-item").unwrap();
    let hire = (0..legend.length())
        .map(|i| {
            legend
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|b| {
            b.text_content()
                .unwrap()
                .contains("Hire a backend developer page")
        })
        .expect("legend entry");
    assert_eq!(hire.get_attribute("aria-pressed").as_deref(), Some("true"));
    hire.click();
    settle(100).await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(
        [
            "backend-role-roadmap",
            "fastapi-hiring-guide",
            "upstaff-fastapi-2024"
        ]
        .iter()
        .all(|id| search.contains(id))
            && !search.contains("hire-backend"),
        "{search}"
    );
    assert_eq!(hire.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(
        root.query_selector_all(".standing tbody tr")
            .unwrap()
            .length(),
        5
    );
    drop(handle);
    at_url("/");
}

#[wasm_bindgen_test]
async fn comparison_table_has_a_column_per_framework_and_marks_differences() {
    use backend_atlas::pages::frameworks::Frameworks;
    let (root, handle) = mount_page("/frameworks?compare=fastapi,flask", Frameworks).await;
    assert_eq!(
        texts(&root, ".compare-table thead th")[1..],
        ["FastAPI", "Flask"]
    );
    let async_row = root
        .query_selector(".compare-table tr[data-row='async']")
        .unwrap()
        .unwrap();
    assert!(async_row.class_list().contains("differs"));
    let language_row = root
        .query_selector(".compare-table tr[data-row='language']")
        .unwrap()
        .unwrap();
    assert!(
        !language_row.class_list().contains("differs"),
        "both are Python"
    );
    // Un-picking Flask leaves one framework: the table gives way to a hint.
    let flask = root
        .query_selector("#framework-flask button[aria-pressed='true']")
        .unwrap()
        .unwrap();
    flask.unchecked_ref::<web_sys::HtmlElement>().click();
    settle(100).await;
    assert!(root.query_selector(".compare-table").unwrap().is_none());
    assert!(web_sys::window()
        .unwrap()
        .location()
        .search()
        .unwrap()
        .contains("compare=fastapi"));
    drop(handle);
    at_url("/");
}

#[wasm_bindgen_test]
async fn chooser_answers_change_the_recommendation_and_the_url() {
    use backend_atlas::pages::frameworks::Frameworks;
    let (root, handle) = mount_page("/frameworks?q1=fullstack_admin", Frameworks).await;
    assert!(texts(&root, ".recommendation h3")[0].contains("Django"));
    let apis: web_sys::HtmlInputElement = root
        .query_selector("input[name='q1'][value='apis']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    apis.click();
    settle(100).await;
    let heading = &texts(&root, ".recommendation h3")[0];
    assert!(heading.contains("FastAPI"), "{heading}");
    assert!(texts(&root, ".recommendation .quotes li")
        .iter()
        .any(|q| q.contains("APIs only")));
    assert!(web_sys::window()
        .unwrap()
        .location()
        .search()
        .unwrap()
        .contains("q1=apis"));
    drop(handle);
    at_url("/");
}

fn key(target: &web_sys::EventTarget, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn roadmap_keyboard_shortcuts_mark_the_focused_item_and_open_help() {
    use backend_atlas::pages::roadmap::Roadmap;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .remove_item(backend_atlas::progress::STORAGE_KEY)
        .unwrap();
    let (root, handle) = mount_page("/roadmap", Roadmap).await;
    let item: web_sys::HtmlElement = root
        .query_selector("#item-foundation-dsa")
        .unwrap()
        .unwrap()
        .unchecked_into();
    item.focus().unwrap();
    for (letter, state) in [
        ("d", "done"),
        ("l", "learning"),
        ("s", "skipped"),
        ("r", "not_started"),
        ("D", "done"),
    ] {
        key(&item, letter);
        settle(20).await;
        assert_eq!(
            item.get_attribute("data-state").as_deref(),
            Some(state),
            "after {letter}"
        );
    }
    // Other letters do nothing.
    key(&item, "x");
    settle(20).await;
    assert_eq!(item.get_attribute("data-state").as_deref(), Some("done"));
    let pressed = root
        .query_selector("#item-foundation-dsa .state-button[aria-pressed='true']")
        .unwrap()
        .unwrap();
    assert_eq!(pressed.text_content().as_deref(), Some("Done"));
    assert!(storage
        .get_item(backend_atlas::progress::STORAGE_KEY)
        .unwrap()
        .unwrap()
        .contains("foundation-dsa"));

    let help = root.query_selector(".help-panel").unwrap().unwrap();
    assert!(help.has_attribute("hidden"));
    key(&web_sys::window().unwrap(), "?");
    settle(50).await;
    assert!(!help.has_attribute("hidden"), "? opens the help");
    key(&help, "Escape");
    settle(50).await;
    assert!(help.has_attribute("hidden"), "Esc closes it");
    drop(handle);
    storage
        .remove_item(backend_atlas::progress::STORAGE_KEY)
        .unwrap();
    at_url("/");
}

/// Typing a note inside an item is typing: the item's shortcut letters (d, l, s, r) and arrow
/// keys do nothing there, and the note is saved with the progress.
#[wasm_bindgen_test]
async fn roadmap_typing_in_a_note_is_not_a_shortcut() {
    use backend_atlas::pages::roadmap::Roadmap;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .remove_item(backend_atlas::progress::STORAGE_KEY)
        .unwrap();
    let (root, handle) = mount_page("/roadmap", Roadmap).await;
    let summary: web_sys::HtmlElement = root
        .query_selector("#item-foundation-dsa summary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    summary.click();
    settle(100).await;
    let note: web_sys::HtmlTextAreaElement = root
        .query_selector("#note-foundation-dsa")
        .unwrap()
        .expect("the opened item has a note field")
        .unchecked_into();
    for letter in ["d", "l", "s", "ArrowDown"] {
        key(&note, letter);
    }
    settle(20).await;
    let item = root
        .query_selector("#item-foundation-dsa")
        .unwrap()
        .unwrap();
    assert_eq!(
        item.get_attribute("data-state").as_deref(),
        Some("not_started")
    );
    note.set_value("dls https://example.org");
    note.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle(20).await;
    let stored = storage
        .get_item(backend_atlas::progress::STORAGE_KEY)
        .unwrap()
        .unwrap();
    assert!(
        stored.contains(r#""notes":{"foundation-dsa":"dls https://example.org"}"#),
        "{stored}"
    );
    assert!(item.query_selector(".note-marker").unwrap().is_some());
    drop(handle);
    storage
        .remove_item(backend_atlas::progress::STORAGE_KEY)
        .unwrap();
    at_url("/");
}

/// In the browser, the app's `lowercase` (its `atlas_core::Lowercase`) hands non-ASCII text to
/// JavaScript's `toLowerCase` (to keep Rust's case tables out of the page's wasm): it must give
/// what `str::to_lowercase` gives, since language slugs are `lang=` URL values.
#[wasm_bindgen_test]
#[expect(
    clippy::disallowed_methods,
    reason = "Rust's own to_lowercase is the reference the browser's lowercasing is checked against"
)]
fn lowercase_in_the_browser_is_rusts_lowercase() {
    use backend_atlas::frameworks::slugify;
    use backend_atlas::lowercase::lowercase;
    for text in [
        "Ünïcode",
        "ÀÉÎÕÜ Straße",
        "ΟΔΟΣ ΣΟΦΟΣ",
        "İstanbul",
        "ǅemal",
        "JavaScript",
        "",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text:?}");
    }
    assert_eq!(slugify("Ünïcode", lowercase), "ünïcode");
    assert_eq!(slugify("C#/.NET", lowercase), "c-sharp-net");
}

#[wasm_bindgen_test]
async fn a_printed_chart_shows_its_table_and_is_drawn_at_paper_width() {
    use backend_atlas::pages::salaries::Salaries;
    use backend_atlas::state::{DatasetCtx, LoadState, Printing};
    use leptos_router::components::{FlatRoutes, Route, Router};
    use leptos_router::path;

    at_url("/salaries");
    let dataset = real_dataset();
    let root = container();
    let printing = RwSignal::new(false);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let (state, _) = signal(LoadState::Ready(dataset.clone()));
        provide_context(DatasetCtx(state));
        provide_context(Printing(printing));
        view! {
            <Router>
                <FlatRoutes fallback=|| "not found">
                    <Route path=path!("/salaries") view=Salaries />
                </FlatRoutes>
            </Router>
        }
    });
    settle(200).await;
    let table = || {
        root.query_selector("#salary-ranges-table table")
            .unwrap()
            .is_some()
    };
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector("figure.chart canvas")
        .unwrap()
        .expect("the seniority chart")
        .unchecked_into();
    let ratio = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    assert!(!table(), "on screen the table waits for its button");

    printing.set(true);
    settle(100).await;
    assert!(table(), "printed with its table");
    assert_eq!(f64::from(canvas.width()), (680.0 * ratio).round());

    printing.set(false);
    settle(100).await;
    assert!(!table(), "back on screen, as it was");
    drop(handle);
    at_url("/");
}

/// Types `text` into the input `#id` as a reader would (value, then an input event).
fn type_into(root: &web_sys::HtmlElement, id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("#{id}"))
        .unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn offers_fields_say_what_is_wrong_keep_the_text_and_total_the_rest() {
    use backend_atlas::offers::saved::STORAGE_KEY;
    use backend_atlas::pages::offers::Offers;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(STORAGE_KEY).unwrap();
    let (root, handle) = mount_page("/offers", Offers).await;
    assert_eq!(root.query_selector_all(".offer-card").unwrap().length(), 2);
    // A blank form says nothing is compared yet, and no field is marked.
    assert!(root
        .query_selector("[aria-invalid='true']")
        .unwrap()
        .is_none());

    type_into(&root, "offer-0-base", "-5");
    settle(50).await;
    assert_eq!(
        texts(&root, "#offer-0-base-error"),
        ["An amount cannot be negative."]
    );
    let stored = storage.get_item(STORAGE_KEY).unwrap().unwrap();
    assert!(stored.contains("\"base\":\"-5\""), "{stored}");

    type_into(&root, "offer-0-base", "$120,000");
    type_into(&root, "offer-0-sign-on", "20000");
    settle(50).await;
    assert!(texts(&root, "#offer-0-base-error").is_empty());
    assert_eq!(
        texts(&root, ".offer-card .offer-totals")[0],
        "First year $140,000 · annualized $125,000 (USD a year)"
    );
    // The sections below the forms arrive once the browser is idle (at most 1.5 s); the totals
    // table then has the complete offer only.
    assert!(
        wait_for(&root, ".totals-table", 2_000).await.is_some(),
        "the totals table appears once the browser is idle"
    );
    assert_eq!(
        root.query_selector_all(".totals-table tbody tr")
            .unwrap()
            .length(),
        1
    );
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(
        !search.contains("120"),
        "figures stay out of the URL: {search}"
    );
    drop(handle);
    storage.remove_item(STORAGE_KEY).unwrap();
    at_url("/");
}

/// The hand-over from a route's static first paint (src/boot.rs): the snapshot stays while the
/// charts it drew are not yet drawn live, and goes once they are, or at once when the page being
/// shown is another route's.
#[wasm_bindgen_test]
fn the_static_snapshot_stays_until_its_charts_are_drawn_live() {
    use backend_atlas::boot;
    let present = || {
        document()
            .query_selector("main[data-boot]")
            .unwrap()
            .is_some()
    };
    let static_page = |charts: &[&str]| {
        let el = |tag: &str| document().create_element(tag).unwrap();
        let main = el("main");
        main.set_attribute("data-boot", "").unwrap();
        let snapshot = el("div");
        snapshot.set_attribute("data-snapshot", "").unwrap();
        snapshot.set_attribute("data-route", "/salaries").unwrap();
        for id in charts {
            let drawing = el("svg");
            drawing.set_attribute("data-chart", id).unwrap();
            snapshot.append_child(&drawing).unwrap();
        }
        main.append_child(&snapshot).unwrap();
        document().body().unwrap().append_child(&main).unwrap();
    };

    // Two drawings of the ranges chart (phone and desktop) and one of another chart.
    static_page(&["salary-ranges", "salary-ranges", "salary-years"]);
    boot::page_shown("/salaries");
    assert!(present(), "its own route keeps it");
    boot::chart_drawn("salary-averages");
    assert!(present(), "a chart it did not draw changes nothing");
    boot::chart_drawn("salary-ranges");
    assert!(present(), "one of its two charts is still the drawing");
    boot::chart_drawn("salary-years");
    assert!(
        !present(),
        "every chart drawn live: the live page takes over"
    );

    // A navigation: the page on its way is another route's.
    static_page(&["salary-ranges"]);
    boot::page_shown("/roadmap");
    assert!(!present());
}
