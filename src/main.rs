//! Entry point: install the panic report, then mount the app. Everything else is in the lib.

fn main() {
    backend_atlas::panic_report::install();
    leptos::mount::mount_to_body(backend_atlas::app::App);
}
