//! The overview (`/`): the key figures at a glance and the two paths through the site.

use crate::components::chart::ChartFrame;
use crate::components::data_view::WithDataset;
use crate::components::page::Page;
use crate::components::source_ref::SourceRef;
use crate::data::Dataset;
use crate::format;
use crate::state::app_base;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Overview() -> impl IntoView {
    let base = app_base();
    view! {
        <Page path="/">
            <WithDataset render=key_figures />
            <div class="paths">
                <section class="card path-card">
                    <h2>"I'm looking for a job"</h2>
                    <ul>
                        <li><a href=base.href("/salaries")>"What each level pays"</a></li>
                        <li><a href=base.href("/offers")>"Compare your job offers"</a></li>
                        <li><a href=base.href("/roadmap")>"What to learn next"</a></li>
                        <li><a href=base.href("/frameworks")>"Which framework to pick"</a></li>
                    </ul>
                </section>
                <section class="card path-card">
                    <h2>"I'm hiring"</h2>
                    <ul>
                        <li><a href=base.href("/hiring")>"Interview kit and resume flags"</a></li>
                        <li><a href=base.href("/salaries")>"Salary ranges to offer"</a></li>
                    </ul>
                </section>
            </div>
        </Page>
    }
    .into_any()
}

/// BLS's national median for its default occupation (Software Developers), when the dataset
/// carries the OEWS release.
fn national_median(dataset: &Arc<Dataset>) -> Option<impl IntoView> {
    let release = dataset.oews.as_ref()?;
    let occupation = release.occupations.first()?;
    let f = &occupation.national;
    let median = crate::oews::wage_text(f, crate::oews::Stat::Median)?;
    let spread = match (f.p10, f.p90) {
        (Some(a), Some(b)) => format!(
            "10th–90th percentile: {} – {} a year. ",
            format::usd(a),
            format::usd(b)
        ),
        _ => String::new(),
    };
    let note = format!(
        "{spread}Wage and salary workers in all industries, {} release.",
        release.release
    );
    Some(view! {
        <article class="card figure-card">
            <h2>{format!("US {} median wage", occupation.name)}</h2>
            <p><span class="figure-value">{median}</span>" a year"</p>
            <p class="muted">{note}</p>
            <SourceRef dataset=dataset.clone() id=release.source.clone() />
            <p class="figure-link"><a href=app_base().href("/locations")>"Pay by US location"</a></p>
        </article>
    })
}

fn key_figures(dataset: Arc<Dataset>) -> impl IntoView {
    let base = app_base();
    let offers = &dataset.offer_stats;
    let range = crate::salaries::overall_range(&dataset);
    let chart = crate::salaries::range_chart(&dataset, &Default::default());
    let chart_summary = crate::salaries::overview_summary(&dataset, &chart);
    let chart_height = chart.height();
    let chart_table = chart.table();
    let legend = crate::salaries::band_sources(&dataset)
        .into_iter()
        .map(|s| {
            let series = dataset.series_index(&s.id);
            view! {
                <li class="legend-item static">
                    <span class=crate::charts::swatch_class(series) aria-hidden="true"></span>
                    {s.label()}
                </li>
            }
        })
        .collect_view();
    let snapshot = &dataset.market_snapshot;
    let averages = dataset
        .averages
        .iter()
        .map(|a| {
            view! {
                <li>
                    <span class="figure-value">{format::usd(a.value)}</span>
                    {format!(" {} · {}", format::per(a.period), a.role)}
                    <br />
                    <SourceRef dataset=dataset.clone() id=a.source.clone() />
                    {a.cited_from.as_ref().map(|c| {
                        format!(" (citing {c}{})", a.as_of.as_ref().map(|d| format!(", {d}")).unwrap_or_default())
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="figures" aria-label="Key figures">
            <article class="card figure-card">
                <h2>"Median FastAPI salary expectation"</h2>
                <p>
                    <span class="figure-value">{format::usd(offers.median_expectation)}</span>
                    {format!(" {}", format::per(offers.period))}
                </p>
                <p class="muted">{format!("From {} offers to candidates.", offers.total_offers)}</p>
                {offers.period_note.clone().map(|note| view! { <p class="muted period-note">{note}</p> })}
                <SourceRef dataset=dataset.clone() id=offers.source.clone() />
                <p class="figure-link"><a href=format!("{}#offers-heading", base.href("/salaries"))>"Offer statistics"</a></p>
            </article>
            {national_median(&dataset)}
            <article class="card figure-card">
                <h2>"Salary range, junior to principal"</h2>
                <p><span class="figure-value">{range.text.clone()}</span> " a year"</p>
                <p class="muted">{range.note.clone()}</p>
                <p class="figure-link"><a href=base.href("/salaries")>"Ranges by level and source"</a></p>
            </article>
            <article class="card figure-card">
                <h2>"Average backend vs front-end pay"</h2>
                <ul class="plain">{averages}</ul>
                <p class="figure-link"><a href=format!("{}#averages-heading", base.href("/salaries"))>"Averages chart"</a></p>
            </article>
            <article class="card figure-card">
                <h2>{format!("{} {} salary ({})", snapshot.level.label(), snapshot.role, snapshot.region)}</h2>
                <p>
                    <span class="figure-value">{format::salary_figure(&snapshot.salary)}</span>
                    {format!(" {}", format::per(snapshot.period))}
                </p>
                <p class="muted">
                    {format!(
                        "Hiring difficulty: {}. Average time to hire: {}.",
                        snapshot.hiring_difficulty,
                        snapshot.time_to_hire_quote,
                    )}
                </p>
                <SourceRef dataset=dataset.clone() id=snapshot.source.clone() />
                <p class="figure-link"><a href=base.href("/hiring")>"Hiring kit"</a></p>
            </article>
        </section>
        <ChartFrame
            id="overview-ranges"
            title=crate::salaries::OVERVIEW_TITLE.into()
            summary=chart_summary
            height=chart_height
            table=chart_table
            draw=Box::new(move |area, style| crate::charts::ranges::draw_ranges(area, &chart, style))
        >
            <ul class="legend static" aria-label="Sources">{legend}</ul>
        </ChartFrame>
    }
}
