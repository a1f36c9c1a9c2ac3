//! "Where do I stand" against the sources' figures, as a table: one row per level and source,
//! with the figure and where the salary falls. Shared by Salaries and Offers.

use crate::salaries::Standing;
use leptos::prelude::*;

/// `subject` heads the last column ("Your salary is"); `per_text` is the period of the figures
/// ("a year").
#[component]
pub fn StandingTable(
    rows: Vec<Standing>,
    subject: &'static str,
    per_text: &'static str,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Level"</th>
                        <th scope="col">"Source"</th>
                        <th scope="col">"Figure"</th>
                        <th scope="col">{subject}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            view! {
                                <tr>
                                    <td>{r.level.label()}</td>
                                    <td>{format!("{} (“{}”)", r.source, r.source_label)}</td>
                                    <td>{r.figure}</td>
                                    <td>
                                        <strong>{r.verdict.short()}</strong>
                                        ": "
                                        {r.verdict.describe(per_text)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
