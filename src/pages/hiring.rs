//! The Hiring page (`/hiring`): the market snapshot, the use case and seniority you hire for,
//! an interview kit to tick, annotate, print and copy as Markdown, a resume check that runs
//! only in the browser, the glossary and the FAQ. Use case, level and kit are in the URL.

use crate::components::data_view::WithDataset;
use crate::components::lazy::Deferred;
use crate::components::page::Page;
use crate::components::source_ref::SourceRef;
use crate::components::url_state::{Notices, UrlState};
use crate::data::{Dataset, Hiring as HiringData, Level};
use crate::format::{per, salary_figure};
use crate::kit::{self, Kit, KitItem};
use crate::query::hiring::{HiringQuery, LEVELS};
use crate::resume::{self, FlagColor};
use crate::state::app_base;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

#[component]
pub fn Hiring() -> impl IntoView {
    view! {
        <Page path="/hiring" no_print_lead=true>
            <WithDataset render=hiring_view />
        </Page>
    }
    .into_any()
}

type State = UrlState<HiringQuery>;

fn hiring_view(dataset: Arc<Dataset>) -> impl IntoView {
    let d = dataset.clone();
    let w = dataset.clone();
    let url: State = UrlState::new(
        move |search| HiringQuery::parse(search, &d.hiring),
        move |q| q.to_query(&w.hiring),
    );
    // Notes stay in memory on this page only (never in the URL, never stored).
    let notes = RwSignal::new(BTreeMap::<String, String>::new());
    let (for_kit, for_resume, for_background) = (dataset.clone(), dataset.clone(), dataset.clone());
    view! {
        <Notices notices=url.notices />
        <Snapshot dataset=dataset.clone() />
        <Choose url=url dataset=dataset.clone() />
        <KitBuilder url=url dataset=dataset.clone() notes=notes />
        // Each a task later: shorter tasks on the first load.
        <Deferred>
            <PrintableKit url=url dataset=for_kit.clone() notes=notes />
        </Deferred>
        <Deferred>
            <ResumeCheck hiring=for_resume.hiring.clone() />
        </Deferred>
        <Deferred>
            <Background dataset=for_background.clone() />
        </Deferred>
    }
}

#[component]
fn Snapshot(dataset: Arc<Dataset>) -> impl IntoView {
    let s = &dataset.market_snapshot;
    let base = app_base();
    let salaries_link = format!("{}?levels={}", base.href("/salaries"), s.level.id());
    view! {
        <section class="section no-print" aria-labelledby="snapshot-heading">
            <h2 id="snapshot-heading">"Market snapshot"</h2>
            <div class="figures">
                <article class="card figure-card">
                    <h3>{format!("{} salary ({})", s.level.label(), s.region)}</h3>
                    <p><span class="figure-value">{salary_figure(&s.salary)}</span> {format!(" {}", per(s.period))}</p>
                    <p class="muted">{format!("As the guide prints it: “{}”.", s.salary_quote)}</p>
                    <a href=salaries_link>"Compare with senior ranges from other sources"</a>
                </article>
                <article class="card figure-card">
                    <h3>"Hiring difficulty"</h3>
                    <p><span class="figure-value">{s.hiring_difficulty.clone()}</span></p>
                </article>
                <article class="card figure-card">
                    <h3>"Average time to hire"</h3>
                    <p><span class="figure-value">{s.time_to_hire_quote.clone()}</span></p>
                </article>
            </div>
            <SourceRef dataset=dataset.clone() id=s.source.clone() />
        </section>
    }
}

#[component]
fn Choose(url: State, dataset: Arc<Dataset>) -> impl IntoView {
    let query = url.query;
    let hiring = dataset.hiring.clone();
    let use_case_options = hiring
        .use_cases
        .iter()
        .map(|u| {
            let id = u.id.clone();
            let checked_id = u.id.clone();
            view! {
                <label class="check">
                    <input
                        type="radio"
                        name="usecase"
                        value=u.id.clone()
                        prop:checked=move || query.get().usecase.as_deref() == Some(checked_id.as_str())
                        on:change=move |_| {
                            let id = id.clone();
                            url.update(|q| q.usecase = Some(id));
                        }
                    />
                    {u.title.clone()}
                </label>
            }
        })
        .collect_view();
    let focus = move || {
        let q = query.get();
        q.use_case(&hiring).cloned().map(|u| {
            view! {
                <div class="card use-case">
                    <h3>{u.title.clone()}</h3>
                    <dl class="facts">
                        <div><dt>"Priority"</dt><dd>{u.priority.clone()}</dd></div>
                        <div><dt>"Interview focus"</dt><dd>{u.interview_focus.clone()}</dd></div>
                        <div><dt>"Red flag"</dt><dd>{u.red_flag.clone()}</dd></div>
                    </dl>
                </div>
            }
        })
    };
    view! {
        <section class="section no-print" aria-labelledby="choose-heading">
            <h2 id="choose-heading">"Who are you hiring?"</h2>
            <form class="filters card" on:submit=|ev| ev.prevent_default()>
                <fieldset>
                    <legend>"Use case"</legend>
                    <div class="check-row">{use_case_options}</div>
                </fieldset>
                <label class="field">
                    <span>"Seniority"</span>
                    <select
                        name="level"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            url.update(|q| q.level = Level::from_id(&value).filter(|l| LEVELS.contains(l)));
                        }
                    >
                        <option value="" selected=move || query.get().level.is_none()>"Any level"</option>
                        {LEVELS
                            .into_iter()
                            .map(|l| view! { <option value=l.id() selected=move || query.get().level == Some(l)>{l.label()}</option> })
                            .collect_view()}
                    </select>
                </label>
            </form>
            {focus}
        </section>
    }
}

/// Which answer a level should give: junior and middle hires the junior column, the rest senior.
fn expects_senior(level: Option<Level>) -> Option<bool> {
    level.map(|l| l >= Level::Senior)
}

#[component]
fn KitBuilder(
    url: State,
    dataset: Arc<Dataset>,
    notes: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let query = url.query;
    let hiring = Arc::new(dataset.hiring.clone());
    let kit = {
        let hiring = hiring.clone();
        Memo::new(move |_| query.get().kit_or_all(&hiring))
    };
    let toggle = {
        let hiring = hiring.clone();
        move |item: KitItem| {
            let hiring = hiring.clone();
            url.update(move |q| {
                let mut k = q.kit_or_all(&hiring);
                k.toggle(item);
                q.kit = Some(k);
            });
        }
    };
    let question_card = {
        let toggle = toggle.clone();
        move |question: &crate::data::Question| {
            let item = KitItem::Question(question.id.clone());
            let checked_item = item.clone();
            let toggle = toggle.clone();
            let note_id = question.id.clone();
            let note_value = question.id.clone();
            let level = move || expects_senior(query.get().level);
            view! {
                <article class="card question" id=format!("question-{}", question.id) tabindex="-1">
                    <label class="check keep">
                        <input
                            type="checkbox"
                            prop:checked=move || kit.get().contains(&checked_item)
                            on:change=move |_| toggle(item.clone())
                        />
                        "Keep in kit"
                    </label>
                    <h3>{format!("“{}”", question.question)}</h3>
                    <div class="answers">
                        <div class="answer" class:expected=move || level() == Some(false)>
                            <h4>"Junior answer"</h4>
                            <p>{question.junior_answer.clone()}</p>
                        </div>
                        <div class="answer" class:expected=move || level() == Some(true)>
                            <h4>"Senior answer"</h4>
                            <p>{question.senior_answer.clone()}</p>
                        </div>
                    </div>
                    <label class="field block">
                        <span>"Your note (stays on this page; not put in links)"</span>
                        <textarea
                            rows="2"
                            prop:value=move || notes.with(|n| n.get(&note_value).cloned().unwrap_or_default())
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                let id = note_id.clone();
                                notes.update(|n| {
                                    n.insert(id, text);
                                });
                            }
                        ></textarea>
                    </label>
                </article>
            }
        }
    };
    // The first questions in the page's first render, the rest (and the mistakes below them) a
    // task later: two shorter tasks instead of one long one.
    const FIRST: usize = 2;
    let first_questions = hiring
        .questions
        .iter()
        .take(FIRST)
        .map(question_card.clone())
        .collect_view();
    let later_questions = {
        let hiring = hiring.clone();
        move || {
            hiring
                .questions
                .iter()
                .skip(FIRST)
                .map(question_card.clone())
                .collect_view()
        }
    };
    let mistakes = move || {
        hiring
            .mistakes
            .iter()
            .map(|m| {
                let item = KitItem::Mistake(m.id.clone());
                let checked_item = item.clone();
                let toggle = toggle.clone();
                view! {
                    <li class="card mistake">
                        <label class="check keep">
                            <input type="checkbox" prop:checked=move || kit.get().contains(&checked_item) on:change=move |_| toggle(item.clone()) />
                            "Keep in kit"
                        </label>
                        <h3>{m.title.clone()}</h3>
                        <p>{m.problem.clone()}</p>
                        <p><strong>"Fix: "</strong>{m.fix.clone()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="section no-print" aria-labelledby="kit-heading">
            <h2 id="kit-heading">"Interview kit"</h2>
            <p class="muted">
                "Questions that reveal skill level, with the junior and senior answers side by side"
                {move || match expects_senior(query.get().level) {
                    Some(true) => " (for this level, expect the senior answer)",
                    Some(false) => " (for this level, the junior answer is fine)",
                    None => "",
                }}
                ". Untick what you do not need; the kit below and the link follow."
            </p>
            <div class="questions">
                {first_questions}
                <Deferred>{later_questions.clone()}</Deferred>
            </div>
            <Deferred>
                <h3>"Common hiring mistakes"</h3>
                <ul class="mistakes">{mistakes.clone()}</ul>
                <SourceRef dataset=dataset.clone() id=dataset.hiring.source.clone() />
            </Deferred>
        </section>
    }
}

/// The one-page kit: what prints, and what "Copy as Markdown" copies.
#[component]
fn PrintableKit(
    url: State,
    dataset: Arc<Dataset>,
    notes: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let query = url.query;
    let hiring = Arc::new(dataset.hiring.clone());
    let status = RwSignal::new(None::<String>);
    let markdown = {
        let hiring = hiring.clone();
        move || {
            let q = query.get_untracked();
            notes.with_untracked(|n| {
                kit::to_markdown(
                    &q.kit_or_all(&hiring),
                    &hiring,
                    q.use_case(&hiring),
                    q.level,
                    n,
                )
            })
        }
    };
    let copy = move |_| {
        let text = markdown();
        crate::components::clipboard::copy_text(&text, move |ok| {
            status.set(Some(if ok {
                "Kit copied as Markdown.".into()
            } else {
                "Could not copy.".into()
            }));
        });
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let body = move || {
        let q = query.get();
        let kit: Kit = q.kit_or_all(&hiring);
        let use_case = q.use_case(&hiring).cloned();
        let questions = kit
            .questions(&hiring)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>();
        let mistakes = kit
            .mistakes(&hiring)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>();
        let title = match (&use_case, q.level) {
            (Some(u), Some(l)) => format!("Interview kit: {}, {}", u.title, l.label()),
            (Some(u), None) => format!("Interview kit: {}", u.title),
            (None, Some(l)) => format!("Interview kit: {} FastAPI developer", l.label()),
            (None, None) => "Interview kit: FastAPI developer".to_owned(),
        };
        view! {
            <h2 id="printable-heading">{title}</h2>
            {use_case.map(|u| view! {
                <ul class="kit-focus">
                    <li><strong>"Priority: "</strong>{u.priority}</li>
                    <li><strong>"Interview focus: "</strong>{u.interview_focus}</li>
                    <li><strong>"Red flag: "</strong>{u.red_flag}</li>
                </ul>
            })}
            {(questions.is_empty() && mistakes.is_empty()).then(|| view! { <p class="muted">"Nothing is ticked yet."</p> })}
            <ol class="kit-questions">
                {questions
                    .into_iter()
                    .map(|qn| {
                        let id = qn.id.clone();
                        view! {
                            <li>
                                <strong>{format!("“{}”", qn.question)}</strong>
                                <p><em>"Junior: "</em>{qn.junior_answer}</p>
                                <p><em>"Senior: "</em>{qn.senior_answer}</p>
                                {move || notes.with(|n| n.get(&id).filter(|t| !t.trim().is_empty()).cloned()).map(|t| view! { <p class="kit-note"><em>"Note: "</em>{t}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(!mistakes.is_empty()).then(|| view! {
                <h3>"Keep in mind"</h3>
                <ul>{mistakes.into_iter().map(|m| view! { <li><strong>{m.title}</strong>": "{m.fix}</li> }).collect_view()}</ul>
            })}
        }
    };
    view! {
        <section class="section card printable-kit" aria-labelledby="printable-heading">
            {body}
            <p class="kit-source">"From “Hiring FastAPI Developers: The Complete Guide”, via Backend Atlas."</p>
            <div class="share-actions no-print">
                <button type="button" class="button" on:click=print>"Print kit"</button>
                <button type="button" class="button" on:click=copy>"Copy as Markdown"</button>
                <span role="status" class="muted">{move || status.get()}</span>
            </div>
            <p class="muted no-print">"The link keeps the use case, level and ticked items; notes are not put in links."</p>
        </section>
    }
}

#[component]
fn ResumeCheck(hiring: HiringData) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let hiring = Arc::new(hiring);
    let result = move || {
        let t = text.get();
        if t.trim().is_empty() {
            return view! { <p class="muted">"Paste a resume to see which flags it shows."</p> }
                .into_any();
        }
        let report = resume::check(&t, &hiring);
        let segments = resume::segments(&t, &report)
            .into_iter()
            .map(|seg| match seg.flag {
                Some((color, id)) => {
                    let class = match color {
                        FlagColor::Green => "flag-green",
                        FlagColor::Yellow => "flag-yellow",
                    };
                    view! { <mark class=class title=id>{seg.text.to_owned()}</mark> }.into_any()
                }
                None => seg.text.to_owned().into_any(),
            })
            .collect_view();
        // The flag in the guide's words, the words that matched it (for a found flag), then the
        // app's own extra matching words, marked as such.
        let list = |flags: Vec<(String, Vec<&str>)>| {
            flags
                .into_iter()
                .map(|(id, words)| {
                    let flag = resume::find_flag(&hiring, &id).map(|(_, f)| f);
                    let text = flag.map_or_else(|| id.clone(), |f| f.text.clone());
                    let matched =
                        (!words.is_empty()).then(|| format!("Matched: {}", words.join(", ")));
                    let aids = flag.filter(|f| !f.app_keywords.is_empty()).map(|f| {
                        format!(
                            " (also counted, as the app's own matching words, not the guide's: {})",
                            f.app_keywords.join(", ")
                        )
                    });
                    view! {
                        <li>
                            {text}
                            {matched.map(|m| view! { <span class="matched">{m}</span> })}
                            <span class="muted small">{aids}</span>
                        </li>
                    }
                })
                .collect_view()
        };
        let found = |group: &resume::FlagGroup| -> Vec<(String, Vec<&str>)> {
            group
                .found
                .iter()
                .map(|h| (h.flag_id.clone(), resume::matched_words(&t, h)))
                .collect()
        };
        let green_found = found(&report.green);
        let yellow_found = found(&report.yellow);
        let green_missing = report
            .green
            .missing
            .iter()
            .map(|id| (id.clone(), Vec::new()))
            .collect();
        view! {
            <div class="resume-result">
                <div class="flag-lists">
                    <div>
                        <h3>{format!("Green flags found ({})", green_found.len())}</h3>
                        <ul class="flags-found green">{list(green_found)}</ul>
                    </div>
                    <div>
                        <h3>{format!("Green flags missing ({})", report.green.missing.len())}</h3>
                        <ul class="flags-missing">{list(green_missing)}</ul>
                    </div>
                    <div>
                        <h3>{format!("Yellow flags raised ({})", yellow_found.len())}</h3>
                        <ul class="flags-found yellow">{list(yellow_found)}</ul>
                    </div>
                </div>
                <h3>"The resume, with what was found highlighted"</h3>
                <div class="resume-text">{segments}</div>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="section no-print" aria-labelledby="resume-heading">
            <h2 id="resume-heading">"Resume check"</h2>
            <p>
                "Paste a resume's text. The check runs entirely in your browser: the text is never sent anywhere or stored, "
                "and it is gone when you leave the page."
            </p>
            <p class="muted">
                "Each flag is found by words of its own text in the guide, and “Open source FastAPI projects” only by both of its own (FastAPI alone is not an open source project); each found flag shows the words that matched. Where a flag also lists the app's own matching words, the page says so next to it. Keywords count as whole words in any letter case, except REST and ML, which count only in capitals."
            </p>
            <label class="field block">
                <span>"Resume text"</span>
                <textarea rows="8" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <div aria-live="polite">{result}</div>
        </section>
    }
}

#[component]
fn Background(dataset: Arc<Dataset>) -> impl IntoView {
    let h = &dataset.hiring;
    let builds = h
        .builds
        .iter()
        .map(|b| view! { <article class="card"><h3>{b.title.clone()}</h3><ul>{b.points.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul></article> })
        .collect_view();
    let profile = h
        .profile
        .iter()
        .map(|p| {
            view! {
                <article class="card">
                    <h3>{p.title.clone()}</h3>
                    <ul>{p.points.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                    {p.note.clone().map(|n| view! { <p><strong>{n}</strong></p> })}
                </article>
            }
        })
        .collect_view();
    let terms = h
        .terms
        .iter()
        .map(|t| view! { <div id=format!("term-{}", t.id) tabindex="-1"><dt>{t.term.clone()}</dt><dd>{t.meaning.clone()}</dd></div> })
        .collect_view();
    let faq = h
        .faq
        .iter()
        .map(|f| {
            view! {
                <article class="card">
                    <h3>{f.question.clone().unwrap_or_else(|| "From the guide's FAQ".into())}</h3>
                    <p>{f.answer.clone()}</p>
                </article>
            }
        })
        .collect_view();
    view! {
        <section class="section no-print" aria-labelledby="builds-heading">
            <h2 id="builds-heading">"What FastAPI developers build"</h2>
            <div class="card-grid">{builds}</div>
        </section>
        <section class="section no-print" aria-labelledby="profile-heading">
            <h2 id="profile-heading">"The developer profile"</h2>
            <div class="card-grid">{profile}</div>
        </section>
        <section class="section no-print" aria-labelledby="terms-heading">
            <h2 id="terms-heading">"Technical terms to know"</h2>
            <dl class="glossary">{terms}</dl>
        </section>
        <section class="section no-print" aria-labelledby="faq-heading">
            <h2 id="faq-heading">"FAQ"</h2>
            {faq}
            <SourceRef dataset=dataset.clone() id=h.source.clone() />
        </section>
    }
}
