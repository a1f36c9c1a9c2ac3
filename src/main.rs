//! Entry point: mount the app. Everything else is in the lib.
//!
//! A panic stops the app: the page's boot script (scripts/postbuild.mjs) sees the wasm trap and
//! puts a panel with a reload link at the top of the page. The release build (the one with
//! `--cfg wasm_split`) aborts at once on a panic (Makefile, `build`), so it never calls a panic
//! hook and does not carry one; development builds write the message to the console.

fn main() {
    #[cfg(not(wasm_split))]
    console_error_panic_hook::set_once();
    backend_atlas::perf::mark("app-start");
    // Mount in a task of its own: instantiating the main module and building the app are two
    // shorter tasks instead of one long one. The release build's loader fetches this module only
    // once the static first paint is on screen (scripts/postbuild.mjs), so the page's largest
    // paint stays the static one.
    wasm_bindgen_futures::spawn_local(async {
        backend_atlas::perf::next_task().await;
        leptos::mount::mount_to_body(backend_atlas::app::App);
        // The static header stays until the app's header replaces it, one task later; the static
        // page until this page's is drawn (src/boot.rs).
        backend_atlas::boot::start();
        backend_atlas::perf::mark("app-mounted");
    });
}
