//! The results of importing your own offers: parsing the CSV, the offer-weighted statistics, the
//! histogram and where your salary ranks among them.
//!
//! All of it is the `salaries_import` split point: its code (the CSV parser, the statistics
//! kernel, the histogram) arrives the first time someone imports, not with the Salaries page.
//! The page hands over what to import as an [`ImportRequest`] in a signal; [`load_results`] is
//! called once, and its view then reads every later request from that signal.

use crate::charts::histogram::{draw_histogram, HistogramChart};
use crate::components::chart::ChartFrame;
use crate::data::Period;
use crate::format::{money, per};
use crate::import::{self, ImportError, RowError};
use crate::query::salaries::SalariesQuery;
use crate::salaries::convert;
use crate::stats::{OfferSet, OfferSummary};
use leptos::prelude::*;
use std::sync::Arc;

/// What to import, with the label the results name it by and the unit of its amounts.
#[derive(Debug, Clone)]
pub(super) struct ImportRequest {
    pub input: ImportInput,
    pub label: String,
    pub unit: Period,
}

#[derive(Debug, Clone)]
pub(super) enum ImportInput {
    /// A file's bytes.
    Bytes(Vec<u8>),
    /// Pasted (or fetched) text.
    Text(String),
    /// A file refused before reading, by its size in bytes.
    TooLarge(usize),
    /// The input could not be had at all (the whole message; nothing changes).
    Failed(&'static str),
}

/// Imports a request at once; set by the chunk's view once it is in.
pub(super) type ImportHandler = Arc<dyn Fn(ImportRequest) + Send + Sync>;

crate::split_view! {
    /// The import results, in their own chunk. Once in, the view puts its [`ImportHandler`] in
    /// `handler`, and the page hands it each import directly, in the click (as if the code had
    /// always been there); `request` holds an import asked for before that (taken when done).
    /// `width` is the histogram's bucket width.
    pub(super) async fn load_results(
        request: RwSignal<Option<ImportRequest>>,
        handler: StoredValue<Option<ImportHandler>>,
        query: Memo<SalariesQuery>,
        width: RwSignal<f64>,
    ) => salaries_import {
        results(request, handler, query, width).into_any()
    }
}

/// Imported offers: the statistics are computed once per import, in WASM.
#[derive(Clone)]
struct Imported {
    set: Arc<OfferSet>,
    summary: Option<OfferSummary>,
    rows: usize,
    zero_offer_rows: usize,
    skipped: usize,
    errors: Vec<RowError>,
    unit: Period,
    label: String,
}

fn results(
    request: RwSignal<Option<ImportRequest>>,
    handler: StoredValue<Option<ImportHandler>>,
    query: Memo<SalariesQuery>,
    width: RwSignal<f64>,
) -> impl IntoView {
    let imported = RwSignal::new(None::<Imported>);
    let problem = RwSignal::new(None::<ImportProblem>);
    // A failed import keeps the earlier results on screen.
    let import = move |next: ImportRequest| match accept(next) {
        Ok(done) => {
            problem.set(None);
            imported.set(Some(done));
            crate::perf::mark("offers-imported");
        }
        Err(why) => problem.set(Some(why)),
    };
    handler.set_value(Some(Arc::new(import)));
    // An import asked for while this chunk was on its way: taken out of the signal (a file can
    // be 50 MB) and imported once.
    Effect::new(move |_| {
        request.track();
        if let Some(next) = request.write_untracked().take() {
            import(next);
        }
    });

    let histogram = Memo::new(move |_| {
        let q = query.get();
        imported.get().map(|imp| {
            let hist = imp.set.histogram_with_width(width.get());
            let mut markers = Vec::new();
            if let Some(s) = &imp.summary {
                markers.push(("P25".to_owned(), s.p25));
                markers.push(("Weighted median".to_owned(), s.median));
                markers.push(("P75".to_owned(), s.p75));
            }
            if let Some(salary) = q.salary {
                markers.push(("You".to_owned(), convert(salary, q.period, imp.unit)));
            }
            HistogramChart {
                buckets: hist
                    .buckets
                    .iter()
                    .map(|b| (b.lower, b.upper, b.offers))
                    .collect(),
                markers,
                per: per(imp.unit),
                series: 0,
            }
        })
    });
    let hist_summary = Signal::derive(move || {
        match imported.get() {
        Some(imp) => format!(
            "Histogram of {} offer(s) from {} in {} buckets (US dollars {}), with the 25th percentile, median and 75th percentile marked.",
            imp.set.total_offers(),
            imp.label,
            money(width.get()),
            per(imp.unit)
        ),
        None => "No offers imported yet.".into(),
    }
    });

    view! {
        {move || problem.get().map(|p| p.view())}
        {move || imported.get().map(|imp| imported_view(&imp))}
        {move || {
            let q = query.get();
            let imp = imported.get()?;
            let x = convert(q.salary?, q.period, imp.unit);
            let rank = imp.set.percentile_rank(x)?;
            Some(view! {
                <p class="standing-offers" data-testid="offer-rank">
                    {format!(
                        "Your salary, {} {}, is at the {} percentile of the imported offers.",
                        money(x),
                        per(imp.unit),
                        crate::format::ordinal(rank.round() as u64),
                    )}
                </p>
            })
        }}
        {move || {
            histogram
                .get()
                .map(|_| {
                    view! {
                        <ChartFrame
                            id="offers-histogram"
                            title="Offers by salary".into()
                            summary=hist_summary
                            height=HistogramChart::HEIGHT
                            table=Signal::derive(move || histogram.get().map(|h| h.table()).unwrap_or_default())
                            draw=Box::new(move |area, style| match histogram.get() {
                                Some(chart) => draw_histogram(area, &chart, style),
                                None => Ok(Vec::new()),
                            })
                        >
                            <label class="field inline">
                                <span>"Bucket width"</span>
                                <select on:change=move |ev| width.set(crate::number::parse_decimal(&event_target_value(&ev)).unwrap_or(500.0))>
                                    {[250u32, 500, 1000, 2500, 5000, 10000]
                                        .into_iter()
                                        .map(|w| view! { <option value=w.to_string() selected=move || width.get() == f64::from(w)>{money(f64::from(w))}</option> })
                                        .collect_view()}
                                </select>
                            </label>
                        </ChartFrame>
                    }
                })
        }}
    }
}

/// Parses a request and computes its statistics (timed by the `import:parse` and `import:stats`
/// measures).
fn accept(request: ImportRequest) -> Result<Imported, ImportProblem> {
    crate::perf::mark("import:start");
    let result = match request.input {
        ImportInput::Bytes(bytes) => import::parse_offers(&bytes),
        ImportInput::Text(text) => import::parse_offers_text(&text),
        ImportInput::TooLarge(bytes) => Err(ImportError::TooLarge { bytes }),
        ImportInput::Failed(message) => return Err(ImportProblem::Message(message.into())),
    };
    match result {
        Ok(import) => {
            crate::perf::measure("import:parse", "import:start");
            crate::perf::mark("stats:start");
            let set = OfferSet::new(&import.offers);
            let summary = set.summary();
            crate::perf::measure("import:stats", "stats:start");
            if set.is_empty() {
                return Err(ImportProblem::Message(
                    "Every row has 0 offers, and candidates with no offers are not counted (the source's rule). Nothing changed.".into(),
                ));
            }
            Ok(Imported {
                rows: import.offers.len(),
                zero_offer_rows: import.zero_offer_rows(),
                skipped: import.skipped,
                errors: import.errors,
                set: Arc::new(set),
                summary,
                unit: request.unit,
                label: request.label,
            })
        }
        Err(ImportError::NoValidRows { skipped, errors }) => {
            Err(ImportProblem::Rows { skipped, errors })
        }
        Err(e) => Err(ImportProblem::Message(format!("{e} Nothing changed."))),
    }
}

#[derive(Clone)]
enum ImportProblem {
    Message(String),
    Rows {
        skipped: usize,
        errors: Vec<RowError>,
    },
}

impl ImportProblem {
    fn view(self) -> AnyView {
        match self {
            ImportProblem::Message(text) => {
                view! { <p class="import-error" role="alert">{text}</p> }.into_any()
            }
            ImportProblem::Rows { skipped, errors } => view! {
                <div class="import-error" role="alert">
                    <p>{format!("None of the {skipped} row(s) could be read. Nothing changed.")}</p>
                    {row_errors(&errors, skipped)}
                </div>
            }
            .into_any(),
        }
    }
}

fn row_errors(errors: &[RowError], skipped: usize) -> impl IntoView {
    let more = skipped.saturating_sub(errors.len());
    view! {
        <ul class="row-errors">
            {errors.iter().map(|e| view! { <li>{format!("Line {}: {}", e.line, e.reason)}</li> }).collect_view()}
        </ul>
        {(more > 0).then(|| view! { <p class="muted">{format!("…and {more} more skipped row(s).")}</p> })}
    }
}

fn imported_view(imp: &Imported) -> impl IntoView {
    let unit = per(imp.unit);
    let summary = imp.summary.clone();
    view! {
        <div class="imported" aria-live="polite">
            {(imp.skipped > 0)
                .then(|| {
                    view! {
                        <div class="notice" role="status">
                            <p>{format!("{} row(s) were skipped; the other {} were used.", imp.skipped, imp.rows)}</p>
                            {row_errors(&imp.errors, imp.skipped)}
                        </div>
                    }
                })}
            <p>
                {format!("Imported {} from {}.", plural(imp.rows, "row"), imp.label)}
                {(imp.zero_offer_rows > 0).then(|| format!(" {} with 0 offers are not counted.", plural(imp.zero_offer_rows, "candidate")))}
            </p>
            {summary.map(|s| {
                let rows = [
                    ("Offers counted", s.total_offers.to_string()),
                    ("Candidates with offers", s.candidates.to_string()),
                    ("Offers per candidate", crate::format::fixed(s.offers_per_candidate, 2)),
                    ("Weighted mean", format!("{} {unit}", money(s.mean))),
                    ("Minimum", format!("{} {unit}", money(s.min))),
                    ("10th percentile", format!("{} {unit}", money(s.p10))),
                    ("25th percentile", format!("{} {unit}", money(s.p25))),
                    ("Weighted median", format!("{} {unit}", money(s.median))),
                    ("75th percentile", format!("{} {unit}", money(s.p75))),
                    ("90th percentile", format!("{} {unit}", money(s.p90))),
                    ("Maximum", format!("{} {unit}", money(s.max))),
                ];
                view! {
                    <table class="data-table stats-table" data-testid="offer-stats">
                        <caption>"Statistics of your offers (each candidate counted once per offer)"</caption>
                        <tbody>
                            {rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                    <p class="muted small">
                        "Weighted median: the app's own method, a true weighted median. Each candidate's salary counts once per offer received, and the middle value of that list is taken (the mean of the two middle values when the count is even). The source's “Median Salary Expectation” is defined differently: see “How the source counts offers” above."
                    </p>
                }
            })}
        </div>
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
