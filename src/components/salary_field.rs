//! "Where do I stand?": a salary box in the page's period with a Clear button. It follows the
//! URL (Back, a pasted link) and writes a value only once the reader leaves the box.

use crate::data::Period;
use crate::format::per;
use crate::query::salaries::{salary_from_input, salary_to_input};
use leptos::prelude::*;

/// `salary` and `period` come from the page's URL state; `on_set` stores what was typed (`None`
/// for an empty or unreadable box). `children` go between the box and Clear (a period choice).
#[component]
pub fn SalaryField(
    #[prop(into)] salary: Signal<Option<f64>>,
    #[prop(into)] period: Signal<Period>,
    on_set: Callback<Option<f64>>,
    /// Placeholders for a yearly and a monthly figure.
    examples: (&'static str, &'static str),
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let (text, set_text) = signal(
        salary
            .get_untracked()
            .map(salary_to_input)
            .unwrap_or_default(),
    );
    Effect::new(move |_| {
        if let Some(s) = salary.get() {
            set_text.set(salary_to_input(s));
        }
    });
    view! {
        <fieldset>
            <legend>"Where do I stand?"</legend>
            <label class="field">
                <span>{move || format!("Your salary (USD {})", per(period.get()))}</span>
                <input
                    type="text"
                    inputmode="decimal"
                    name="salary"
                    autocomplete="off"
                    placeholder=move || if period.get() == Period::Year { examples.0 } else { examples.1 }
                    prop:value=text
                    on:input=move |ev| set_text.set(event_target_value(&ev))
                    on:change=move |ev| on_set.run(salary_from_input(&event_target_value(&ev)))
                />
            </label>
            {children.map(|c| c())}
            <button
                type="button"
                class="button small"
                on:click=move |_| {
                    set_text.set(String::new());
                    on_set.run(None);
                }
            >
                "Clear"
            </button>
        </fieldset>
    }
}
