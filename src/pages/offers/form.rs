//! The offer forms: one card per offer with its fields, each field's problem written under it
//! (what was typed stays), and the offer's two totals once it is complete.

use super::bls::Bls;
use super::{Own, Shown};
use crate::data::{AreaKind, Level};
use crate::offers::compare::dollars;
use crate::offers::draft::{Draft, Field};
use crate::offers::saved::MAX_OFFERS;
use crate::offers::FieldError;
use leptos::prelude::*;

#[component]
pub fn OfferForms(own: Own, shown: Shown, file: RwSignal<Bls>) -> impl IntoView {
    let count = move || shown.drafts.with(Vec::len);
    view! {
        <div class="offer-grid">
            <For
                each=move || 0..count()
                key=|i| *i
                children=move |index| view! { <OfferCard own=own shown=shown file=file index=index /> }
            />
        </div>
        {move || {
            (!shown.read_only.get()).then(|| {
                let full = count() >= MAX_OFFERS;
                view! {
                    <p class="offer-add">
                        <button type="button" class="button" disabled=full on:click=move |_| own.add()>
                            "Add an offer"
                        </button>
                        {full.then_some(" Four offers at most are compared.")}
                    </p>
                }
            })
        }}
    }
}

/// A text field of a draft: its getter and setter.
type Getter = fn(&Draft) -> &String;
type Setter = fn(&mut Draft, String);

#[component]
fn OfferCard(own: Own, shown: Shown, file: RwSignal<Bls>, index: usize) -> impl IntoView {
    let draft = move || {
        shown
            .drafts
            .with(|d| d.get(index).cloned())
            .unwrap_or_default()
    };
    let label = move || draft().shown_label(index);
    let read_only = shown.read_only;
    let edit = move |change: Box<dyn FnOnce(&mut Draft)>| {
        if !read_only.get_untracked() {
            own.edit(index, change);
        }
    };
    // A blank offer shows no problems: the reader has not started it.
    let error = move |field: Field| {
        let blank = shown
            .drafts
            .with(|d| d.get(index).is_none_or(Draft::is_blank));
        if blank && field == Field::Base {
            return None;
        }
        shown
            .checked
            .with(|c| c.get(index).and_then(|c| c.error(field)))
            .map(FieldError::message)
    };
    let text = move |field: Field, get: Getter, set: Setter, hint: &'static str| {
        let id = format!("offer-{index}-{}", field.id());
        let error_id = format!("{id}-error");
        let described = error_id.clone();
        view! {
            <div class="field offer-field">
                <label for=id.clone()>{field.label()}</label>
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    placeholder=hint
                    prop:value=move || get(&draft()).clone()
                    readonly=move || read_only.get()
                    aria-invalid=move || error(field).is_some().then_some("true")
                    aria-describedby=move || error(field).is_some().then(|| described.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        edit(Box::new(move |d: &mut Draft| set(d, value)));
                    }
                />
                {move || error(field).map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
            </div>
        }
    };
    let choice = move |name: &'static str,
                       label: &'static str,
                       options: Vec<(&'static str, &'static str)>,
                       get: Getter,
                       set: Setter| {
        let id = format!("offer-{index}-{name}");
        view! {
            <div class="field offer-field offer-unit">
                <label for=id.clone()>{label}</label>
                <select
                    id=id
                    disabled=move || read_only.get()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        edit(Box::new(move |d: &mut Draft| set(d, value)));
                    }
                >
                    {options
                        .into_iter()
                        .map(|(value, text)| view! {
                            <option value=value selected=move || get(&draft()) == value>{text}</option>
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let level_id = format!("offer-{index}-level");
    let totals = move || {
        let blank = shown
            .drafts
            .with(|d| d.get(index).is_none_or(Draft::is_blank));
        let offer = shown
            .checked
            .with(|c| c.get(index).and_then(|c| c.offer.clone()));
        match (blank, offer) {
            (true, _) => view! { <p class="offer-totals muted">"Not compared yet: type a base salary."</p> }.into_any(),
            (false, None) => view! { <p class="offer-totals muted">"Not compared until the marked fields are fixed."</p> }.into_any(),
            (false, Some(offer)) => view! {
                <p class="offer-totals">
                    "First year "<strong>{dollars(offer.first_year().total())}</strong>
                    " · annualized "<strong>{dollars(offer.annualized().total())}</strong>
                    " (USD a year)"
                </p>
            }
            .into_any(),
        }
    };
    view! {
        <fieldset class="card offer-card">
            <legend>{label}</legend>
            {text(Field::Label, |d| &d.label, |d, v| d.label = v, "e.g. Acme or Offer A")}
            <div class="offer-pair">
                <AreaSelect index=index draft=Signal::derive(draft) file=file read_only=read_only edit=Callback::new(move |code: String| edit(Box::new(move |d: &mut Draft| d.area = code))) />
                <div class="field offer-field">
                    <label for=level_id.clone()>"Level"</label>
                    <select
                        id=level_id
                        disabled=move || read_only.get()
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edit(Box::new(move |d: &mut Draft| d.level = value));
                        }
                    >
                        <option value="" selected=move || draft().level.is_empty()>"Not given"</option>
                        {Level::ALL
                            .into_iter()
                            .map(|level| view! {
                                <option value=level.id() selected=move || draft().level == level.id()>{level.label()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <div class="offer-pair">
                {text(Field::Base, |d| &d.base, |d, v| d.base = v, "e.g. 150000")}
                {choice("base-period", "Per", vec![("year", "year"), ("month", "month")], |d| &d.base_period, |d, v| d.base_period = v)}
            </div>
            <div class="offer-pair">
                {text(Field::Bonus, |d| &d.bonus, |d, v| d.bonus = v, "e.g. 10")}
                {choice("bonus-kind", "Bonus in", vec![("percent", "% of base"), ("amount", "US dollars")], |d| &d.bonus_kind, |d, v| d.bonus_kind = v)}
            </div>
            {text(Field::SignOn, |d| &d.sign_on, |d, v| d.sign_on = v, "e.g. 20000")}
            {text(Field::Grant, |d| &d.grant, |d, v| d.grant = v, "e.g. 200000")}
            <div class="offer-pair">
                {text(Field::Vesting, |d| &d.vesting, |d, v| d.vesting = v, "e.g. 4")}
                {text(Field::Cliff, |d| &d.cliff, |d, v| d.cliff = v, "e.g. 12")}
            </div>
            {text(Field::Other, |d| &d.other, |d, v| d.other = v, "e.g. 5000")}
            {totals}
            {move || {
                (!read_only.get()).then(|| view! {
                    <button type="button" class="button offer-remove" on:click=move |_| own.remove(index)>
                        {format!("Remove {}", label())}
                    </button>
                })
            }}
        </fieldset>
    }
}

/// The location: a BLS area of the chosen occupation's file, grouped by kind.
#[component]
fn AreaSelect(
    index: usize,
    draft: Signal<Draft>,
    file: RwSignal<Bls>,
    read_only: Signal<bool>,
    edit: Callback<String>,
) -> impl IntoView {
    let id = format!("offer-{index}-area");
    // Only the area: typing in another field must not rebuild some 570 options.
    let area = Memo::new(move |_| draft.with(|d| d.area.clone()));
    let options = move || {
        let current = area.get();
        match file.get() {
            Bls::Ready(file) => {
                let mut groups = Vec::new();
                for kind in [AreaKind::National, AreaKind::State, AreaKind::Metro, AreaKind::Nonmetro] {
                    let options = file
                        .areas
                        .iter()
                        .filter(|a| a.kind == kind)
                        .map(|a| {
                            let selected = a.code == current;
                            view! {
                                <option value=a.code.clone() selected=selected>
                                    {crate::oews::display_name(a).to_owned()}
                                </option>
                            }
                        })
                        .collect_view();
                    groups.push(view! { <optgroup label=kind.label()>{options}</optgroup> });
                }
                let missing = (!current.is_empty()
                    && crate::oews::find(&file.areas, &current).is_none())
                .then(|| {
                    view! {
                        <option value=current.clone() selected=true>
                            {format!("Area {current} (no figures for this occupation)")}
                        </option>
                    }
                });
                view! {
                    <option value="" selected=current.is_empty()>"Not given"</option>
                    {missing}
                    {groups}
                }
                .into_any()
            }
            Bls::Loading => view! {
                <option value=current.clone() selected=true>
                    {if current.is_empty() { "Loading the areas…".to_owned() } else { format!("Area {current} (loading the areas…)") }}
                </option>
            }
            .into_any(),
            Bls::Failed { .. } => view! {
                <option value=current.clone() selected=true>
                    {if current.is_empty() { "Not given (the areas could not be loaded)".to_owned() } else { format!("Area {current}") }}
                </option>
            }
            .into_any(),
        }
    };
    view! {
        <div class="field offer-field">
            <label for=id.clone()>"Location (BLS area)"</label>
            <select
                id=id
                disabled=move || read_only.get() || !matches!(file.get(), Bls::Ready(_))
                on:change=move |ev| edit.run(event_target_value(&ev))
            >
                {options}
            </select>
        </div>
    }
}
