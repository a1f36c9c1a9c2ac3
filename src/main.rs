//! Entry point: mount the app. Everything else is in the lib.
//!
//! A panic stops the app: the page's boot script (scripts/postbuild.mjs) sees the wasm trap and
//! puts a panel with a reload link at the top of the page. The release build aborts at once on a
//! panic (Makefile, `build`), so the hook below only writes the message to the console in
//! development builds.

fn main() {
    console_error_panic_hook::set_once();
    backend_atlas::perf::mark("app-start");
    // Mount in a task of its own: instantiating the main module and building the app are two
    // shorter tasks instead of one long one, and the static first paint stays up meanwhile.
    wasm_bindgen_futures::spawn_local(async {
        backend_atlas::perf::next_task().await;
        remove_boot_copy();
        leptos::mount::mount_to_body(backend_atlas::app::App);
        backend_atlas::perf::mark("app-mounted");
    });
}

/// The release build's route files carry a static copy of the header, heading and lead
/// (`[data-boot]`, scripts/postbuild.mjs) for the first paint; the app draws the same in their
/// place.
fn remove_boot_copy() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-boot]").ok())
    {
        for i in 0..boot.length() {
            if let Some(node) = boot.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
}
