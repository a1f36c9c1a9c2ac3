//! A chart on a canvas: sized for the device pixel ratio, redrawn when its inputs, the window
//! size or the theme change, with an HTML tooltip (hovering never redraws), a text summary for
//! screen readers, a "Table" view of the same numbers and a "CSV" download of them.

use crate::charts::table::Table;
use crate::charts::{ChartError, ChartStyle, Hit};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

/// Draws into the canvas's drawing area; reads whatever signals the chart depends on.
pub type DrawFn = dyn Fn(&DrawingArea<CanvasBackend, Shift>, ChartStyle) -> Result<Vec<Hit>, ChartError>
    + Send
    + Sync;

/// The width a chart is drawn at for printing, in CSS pixels.
const PRINT_WIDTH: f64 = 680.0;

/// A CSS length in pixels, with the float formatted by [`crate::format::fixed`].
fn px(value: f64) -> String {
    format!("{}px", crate::format::fixed(value, 2))
}

#[component]
pub fn ChartFrame(
    /// Stable id (also the CSV file name and the `performance.mark` name).
    id: &'static str,
    title: String,
    /// One or two sentences saying what the chart shows, for screen readers and as a caption.
    #[prop(into)]
    summary: Signal<String>,
    /// CSS height in pixels.
    #[prop(into)]
    height: Signal<f64>,
    #[prop(into)] table: Signal<Table>,
    draw: Box<DrawFn>,
    /// Height as a share of the width (a map keeps its proportions); overrides `height`.
    #[prop(optional)]
    aspect: Option<f64>,
    /// Called with a hit's key when it is clicked, or chosen with Enter after the arrow keys
    /// stepped to it (the canvas is then focusable).
    #[prop(optional)]
    on_pick: Option<Callback<String>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let hits = StoredValue::new(Vec::<Hit>::new());
    // The key of the hit whose tooltip shows (hovered, tapped or stepped to with the keys), and
    // for a touch, the one that showed before it began: a first tap shows a state's figures, a
    // second tap on the same state picks it.
    let shown = StoredValue::new(None::<String>);
    let before_touch = StoredValue::new(None::<Option<String>>);
    let (tooltip, set_tooltip) = signal(None::<(f64, f64, String)>);
    let (error, set_error) = signal(None::<String>);
    let (show_table, set_show_table) = signal(false);
    let theme = crate::theme::ChartTheme::from_context();
    let printing = move || theme.printing();
    // The first draw waits one browser task: the page's render and each chart's first draw
    // (with the layout it needs for the canvas width) are then separate, shorter tasks.
    let ready = crate::components::lazy::true_next_task();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        if !ready.get() {
            return;
        }
        resized.track();
        // On paper: the light theme, at about the printable width of A4 or Letter (CSS pixels),
        // which the print stylesheet then fits to the page without distorting it.
        let printing = printing();
        let theme = theme.get();
        let Some(canvas) = canvas.get() else { return };
        let ratio = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        let css_width = if printing {
            PRINT_WIDTH
        } else {
            f64::from(canvas.client_width()).max(280.0)
        };
        let css_height = match aspect {
            // Unrounded: the build-time drawing scaled to this width takes this height.
            Some(aspect) => css_width * aspect,
            None => height.get(),
        };
        canvas.set_width((css_width * ratio).round() as u32);
        canvas.set_height((css_height * ratio).round() as u32);
        let _ = web_sys::HtmlElement::style(&canvas).set_property("height", &px(css_height));
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            set_error.set(Some("This browser cannot draw on a canvas.".into()));
            return;
        };
        let style = ChartStyle {
            theme,
            scale: ratio,
        };
        match draw(
            &plotters::prelude::IntoDrawingArea::into_drawing_area(backend),
            style,
        ) {
            Ok(new_hits) => {
                hits.set_value(new_hits);
                set_error.set(None);
            }
            Err(e) => set_error.set(Some(e.to_string())),
        }
        set_tooltip.set(None);
        crate::perf::mark(&format!("chart:{id}"));
        crate::boot::chart_drawn(id);
    });

    let on_point = move |x: f64, y: f64| {
        let tip = hits.with_value(|hits| {
            crate::charts::hit_at(hits, x, y).map(|h| (h.text.clone(), h.key.clone()))
        });
        shown.set_value(tip.as_ref().and_then(|t| t.1.clone()));
        set_tooltip.set(tip.map(|(text, _)| (x, y, text)));
    };
    let on_click = move |x: f64, y: f64| {
        let key =
            hits.with_value(|hits| crate::charts::hit_at(hits, x, y).and_then(|h| h.key.clone()));
        if let Some(before) = before_touch.get_value() {
            if before != key {
                return;
            }
        }
        if let (Some(pick), Some(key)) = (on_pick, key) {
            pick.run(key);
        }
    };
    // Arrow keys step through the chart's data points, showing each tooltip and announcing it;
    // Enter or Space picks the one shown (on a chart that picks, such as the map).
    let stepped = StoredValue::new(None::<usize>);
    let (announced, set_announced) = signal(String::new());
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let step: isize = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Enter" | " " => {
                if let (Some(pick), Some(key)) = (on_pick, shown.get_value()) {
                    ev.prevent_default();
                    pick.run(key);
                }
                return;
            }
            "Escape" => {
                set_tooltip.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        // Found again by key after every redraw (a pick redraws the chart), else by position.
        let current = shown.get_value();
        let tip = hits.with_value(|h: &Vec<Hit>| {
            let n = h.len() as isize;
            if n == 0 {
                return None;
            }
            let at = current
                .as_ref()
                .and_then(|key| h.iter().position(|hit| hit.key.as_ref() == Some(key)))
                .or_else(|| stepped.get_value().filter(|&i| (i as isize) < n));
            let next = match at {
                None if step > 0 => 0,
                None => n - 1,
                Some(i) => (i as isize + step).rem_euclid(n),
            } as usize;
            h.get(next)
                .map(|hit| (next, hit.center(), hit.text.clone(), hit.key.clone()))
        });
        if let Some((i, (x, y), text, key)) = tip {
            stepped.set_value(Some(i));
            shown.set_value(key);
            set_announced.set(text.clone());
            set_tooltip.set(Some((x, y, text)));
        }
    };
    let summary_id = format!("{id}-summary");
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let canvas_label = format!("Chart: {title}. Arrow keys step through its data points.");
    let described_by = summary_id.clone();
    let download = move |_| crate::download::download_csv(id, &table.get_untracked().to_csv());

    view! {
        <figure class="chart" aria-labelledby=labelled_by>
            <div class="chart-head">
                <h3 id=title_id>{title}</h3>
                <div class="chart-actions">
                    <button
                        type="button"
                        class="button small"
                        aria-expanded=move || show_table.get().to_string()
                        aria-controls=format!("{id}-table")
                        on:click=move |_| set_show_table.update(|v| *v = !*v)
                    >
                        {move || if show_table.get() { "Hide table" } else { "Table" }}
                    </button>
                    <button type="button" class="button small" on:click=download>
                        "CSV"
                    </button>
                </div>
            </div>
            {children.map(|c| c())}
            <div class="chart-canvas-wrap">
                <canvas
                    node_ref=canvas
                    class="chart-canvas"
                    role="img"
                    aria-label=canvas_label
                    aria-describedby=described_by
                    tabindex="0"
                    on:keydown=on_key
                    on:click=move |ev| on_click(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                    on:pointermove=move |ev| on_point(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                    on:pointerdown=move |ev| {
                        let touch = ev.pointer_type() != "mouse";
                        before_touch.set_value(touch.then(|| shown.get_value()));
                        on_point(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                    }
                    on:pointerleave=move |ev| {
                        // Touch sends pointerleave right after the tap: keep the tooltip until
                        // the next tap lands elsewhere.
                        if ev.pointer_type() == "mouse" {
                            set_tooltip.set(None);
                        }
                    }
                ></canvas>
                {move || {
                    tooltip
                        .get()
                        .map(|(x, y, text)| {
                            view! {
                                <div class="chart-tooltip" style:left=px(x + 12.0) style:top=px(y + 12.0)>
                                    {text}
                                </div>
                            }
                        })
                }}
            </div>
            // The data point the arrow keys reached, read out (the tooltip shows it).
            <p class="visually-hidden" aria-live="polite">{announced}</p>
            {move || error.get().map(|e| view! { <p class="chart-error" role="alert">{e}</p> })}
            <figcaption id=summary_id class="chart-summary">
                {move || summary.get()}
            </figcaption>
            // A printed chart comes with its table.
            <div id=format!("{id}-table") class="table-scroll" hidden=move || !(show_table.get() || printing())>
                {move || (show_table.get() || printing()).then(|| table_view(&table.get()))}
            </div>
        </figure>
    }
}

fn table_view(table: &Table) -> impl IntoView {
    view! {
        <table class="data-table">
            <thead>
                <tr>{table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {table
                    .rows
                    .iter()
                    .map(|row| view! { <tr>{row.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> })
                    .collect_view()}
            </tbody>
        </table>
    }
}
