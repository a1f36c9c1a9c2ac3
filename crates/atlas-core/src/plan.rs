//! The reader's own plan for the roadmap: a note per item, an estimate in hours per item, hours
//! per week, and the projection they give (hours estimated, hours still to do, finish dates).
//!
//! Every duration comes from the reader: the app invents none. An item without an estimate is
//! counted and named, never given a guessed value; the source's own stage labels ("0-3 months")
//! stay the source's, shown beside the projection.
//!
//! Pure: no leptos, no web_sys, no clock (the page passes today's date), no floats in the
//! arithmetic (hours are whole tenths). Stored and exported with the progress (`progress`);
//! notes never go into a share code.

use crate::data::Roadmap;

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// A week has 168 hours.
const MAX_WEEK_TENTHS: u32 = 1680;
/// Largest estimate for one item: 10,000 hours.
const MAX_ESTIMATE_TENTHS: u32 = 100_000;

/// A duration in whole tenths of an hour (`Hours(75)` is 7.5 hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Hours(pub u32);

impl Hours {
    /// "7.5", "12", "0.1": at most one decimal, none when whole.
    pub fn text(self) -> String {
        let (whole, tenth) = (self.0 / 10, self.0 % 10);
        if tenth == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{tenth}")
        }
    }

    /// "7.5 hours", "1 hour".
    pub fn with_unit(self) -> String {
        let unit = if self.0 == 10 { "hour" } else { "hours" };
        format!("{} {unit}", self.text())
    }
}

/// Why typed hours were refused: the message shown at the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursError {
    NotANumber,
    Negative,
    /// Zero (or under 0.05, which rounds to zero).
    Zero,
    /// Over the 168 hours of a week.
    OverAWeek,
    /// Over 10,000 hours for one item.
    TooLarge,
}

impl std::fmt::Display for HoursError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            HoursError::NotANumber => "Enter a number of hours, like 6 or 7.5.",
            HoursError::Negative => "Hours cannot be negative.",
            HoursError::Zero => "Enter more than 0 hours (leave it empty for none).",
            HoursError::OverAWeek => "A week has 168 hours: enter 168 or fewer.",
            HoursError::TooLarge => "Enter 10,000 hours or fewer.",
        })
    }
}

/// Typed hours, tolerant like the salary box (spaces, a thousands comma, a trailing "h" or
/// "hours"): `Ok(None)` for an empty field (no value), rounded to a tenth.
fn parse_hours(text: &str, max_tenths: u32, over: HoursError) -> Result<Option<Hours>, HoursError> {
    let trimmed = text.trim();
    let trimmed = ["hours", "hour", "hrs", "h"]
        .iter()
        .find_map(|unit| trimmed.strip_suffix(unit))
        .unwrap_or(trimmed);
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .collect();
    if cleaned.is_empty() {
        return if text.trim().is_empty() {
            Ok(None)
        } else {
            Err(HoursError::NotANumber)
        };
    }
    let value = crate::number::parse_decimal(&cleaned).ok_or(HoursError::NotANumber)?;
    checked_hours(value, max_tenths, over).map(Some)
}

/// `value` hours, rounded to a tenth, if more than 0 and at most `max_tenths` tenths.
fn checked_hours(value: f64, max_tenths: u32, over: HoursError) -> Result<Hours, HoursError> {
    if !value.is_finite() {
        return Err(HoursError::NotANumber);
    }
    if value < 0.0 {
        return Err(HoursError::Negative);
    }
    let tenths = (value * 10.0).round();
    if tenths < 1.0 {
        return Err(HoursError::Zero);
    }
    if tenths > f64::from(max_tenths) {
        return Err(over);
    }
    Ok(Hours(tenths as u32))
}

/// Hours per week from a stored number (`progress`'s reader).
pub(crate) fn pace_from(value: f64) -> Result<Hours, HoursError> {
    checked_hours(value, MAX_WEEK_TENTHS, HoursError::OverAWeek)
}

/// An estimate from a stored number (`progress`'s reader).
pub(crate) fn estimate_from(value: f64) -> Result<Hours, HoursError> {
    checked_hours(value, MAX_ESTIMATE_TENTHS, HoursError::TooLarge)
}

/// Hours per week: more than 0, at most 168.
pub fn parse_pace(text: &str) -> Result<Option<Hours>, HoursError> {
    parse_hours(text, MAX_WEEK_TENTHS, HoursError::OverAWeek)
}

/// One item's estimate: more than 0, at most 10,000 hours.
pub fn parse_estimate(text: &str) -> Result<Option<Hours>, HoursError> {
    parse_hours(text, MAX_ESTIMATE_TENTHS, HoursError::TooLarge)
}

/// A note over [`MAX_NOTE_CHARS`]: refused, with its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteTooLong {
    pub chars: usize,
}

impl std::fmt::Display for NoteTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} characters: a note holds at most {}. Shorten it by {} to save it.",
            crate::format::count(u32::try_from(self.chars).unwrap_or(u32::MAX)),
            crate::format::count(MAX_NOTE_CHARS as u32),
            crate::format::count(u32::try_from(self.chars - MAX_NOTE_CHARS).unwrap_or(u32::MAX)),
        )
    }
}

/// Notes, estimates and pace. Empty notes and missing estimates are not kept, and both lists
/// stay in id order, so two equal plans compare, store and export identically. (Sorted
/// vectors, not maps: a roadmap has a few dozen items, and each map type costs the page's wasm
/// about 5 KB.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    notes: Vec<(String, String)>,
    estimates: Vec<(String, Hours)>,
    pub hours_per_week: Option<Hours>,
}

/// Sets `id`'s value in an id-ordered list (`None` removes it).
fn put<T>(list: &mut Vec<(String, T)>, id: &str, value: Option<T>) {
    let at = list.iter().position(|(other, _)| other.as_str() >= id);
    let found = at.filter(|&i| list[i].0 == id);
    match (found, value) {
        (Some(i), Some(value)) => list[i].1 = value,
        (Some(i), None) => {
            list.remove(i);
        }
        (None, Some(value)) => list.insert(at.unwrap_or(list.len()), (id.to_owned(), value)),
        (None, None) => {}
    }
}

fn get<'l, T>(list: &'l [(String, T)], id: &str) -> Option<&'l T> {
    list.iter()
        .find(|(other, _)| other == id)
        .map(|(_, value)| value)
}

impl Plan {
    pub fn new() -> Self {
        Plan::default()
    }

    pub fn note(&self, id: &str) -> Option<&str> {
        get(&self.notes, id).map(String::as_str)
    }

    /// Sets item `id`'s note (blank removes it); a note over [`MAX_NOTE_CHARS`] is refused and
    /// the stored one kept.
    pub fn set_note(&mut self, id: &str, text: &str) -> Result<(), NoteTooLong> {
        let chars = text.chars().count();
        if chars > MAX_NOTE_CHARS {
            return Err(NoteTooLong { chars });
        }
        let note = (!text.trim().is_empty()).then(|| text.to_owned());
        put(&mut self.notes, id, note);
        Ok(())
    }

    /// Every (item id, note), in id order.
    pub fn notes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.notes
            .iter()
            .map(|(id, note)| (id.as_str(), note.as_str()))
    }

    pub fn estimate(&self, id: &str) -> Option<Hours> {
        get(&self.estimates, id).copied()
    }

    pub fn set_estimate(&mut self, id: &str, hours: Option<Hours>) {
        put(&mut self.estimates, id, hours);
    }

    /// Every (item id, estimate), in id order.
    pub fn estimates(&self) -> impl Iterator<Item = (&str, Hours)> {
        self.estimates.iter().map(|(id, h)| (id.as_str(), *h))
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.estimates.is_empty() && self.hours_per_week.is_none()
    }

    /// Drops notes and estimates of items the roadmap does not have; returns their ids, sorted,
    /// each once.
    pub fn retain_known(&mut self, roadmap: &Roadmap) -> Vec<String> {
        let known = |id: &str| {
            roadmap
                .stages
                .iter()
                .any(|s| s.items.iter().any(|item| item.id == id))
        };
        let mut dropped: Vec<String> = Vec::new();
        let ids = self.notes.iter().map(|(id, _)| id);
        for id in ids.chain(self.estimates.iter().map(|(id, _)| id)) {
            if !known(id) && !dropped.contains(id) {
                dropped.push(id.clone());
            }
        }
        crate::small_sort::sort(&mut dropped);
        self.notes.retain(|(id, _)| known(id));
        self.estimates.retain(|(id, _)| known(id));
        dropped
    }
}

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    /// 1 – 12.
    pub month: u8,
    /// 1 – 31.
    pub day: u8,
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: month as u8,
            day: day as u8,
        }
    }

    pub fn add_days(self, days: u32) -> Date {
        Date::from_days(self.days() + i64::from(days))
    }

    /// "3 March 2027".
    pub fn text(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS
            .get(usize::from(self.month.saturating_sub(1)))
            .unwrap_or(&"");
        format!("{} {month} {}", self.day, self.year)
    }
}

/// The plan's figures for one stage, or for the whole roadmap.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Projection {
    /// Every estimate of its items, done or not.
    pub estimated: Hours,
    /// Estimates of the items still to do (not done, not skipped).
    pub remaining: Hours,
    /// Ids of the items still to do that have no estimate: not in `remaining`, never guessed.
    pub unestimated: Vec<String>,
    /// With a pace and something estimated left: today plus the weeks the remaining hours take
    /// (for a stage, those of every stage up to it, worked through in order), rounded up to a
    /// whole day. `None` otherwise.
    pub finish: Option<Date>,
}

/// Each stage's projection (in roadmap order) and the whole roadmap's, from `today`.
/// `still_to_do`: whether an item is neither done nor skipped (`Progress::still_to_do`; passed
/// in so that `progress`, which stores plans, is not a dependency of this module).
pub fn project(
    roadmap: &Roadmap,
    still_to_do: impl Fn(&str) -> bool,
    plan: &Plan,
    today: Date,
) -> (Vec<Projection>, Projection) {
    let mut overall = Projection::default();
    let stages = roadmap
        .stages
        .iter()
        .map(|stage| {
            let mut p = Projection::default();
            for item in &stage.items {
                let estimate = plan.estimate(&item.id);
                let to_do = still_to_do(&item.id);
                if let Some(h) = estimate {
                    p.estimated.0 += h.0;
                }
                match (to_do, estimate) {
                    (true, Some(h)) => p.remaining.0 += h.0,
                    (true, None) => p.unestimated.push(item.id.clone()),
                    (false, _) => {}
                }
            }
            overall.estimated.0 += p.estimated.0;
            overall.remaining.0 += p.remaining.0;
            overall.unestimated.extend(p.unestimated.iter().cloned());
            // Worked through in order: this stage ends once everything before it has.
            p.finish =
                finish(overall.remaining, plan.hours_per_week, today).filter(|_| p.remaining.0 > 0);
            p
        })
        .collect();
    overall.finish = finish(overall.remaining, plan.hours_per_week, today);
    (stages, overall)
}

/// `today` plus `remaining` hours at `pace` hours a week, rounded up to a whole day.
fn finish(remaining: Hours, pace: Option<Hours>, today: Date) -> Option<Date> {
    let pace = pace.filter(|p| p.0 > 0)?;
    if remaining.0 == 0 {
        return None;
    }
    let days = (u64::from(remaining.0) * 7).div_ceil(u64::from(pace.0));
    Some(today.add_days(u32::try_from(days).unwrap_or(u32::MAX)))
}

/// A piece of a note: text, or a web address shown as a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotePart<'a> {
    Text(&'a str),
    Link(&'a str),
}

/// A note split into text and `http://` / `https://` addresses (up to the next space, without
/// trailing punctuation such as a closing bracket or a full stop). Nothing else is a link.
pub fn note_parts(note: &str) -> Vec<NotePart<'_>> {
    let mut parts = Vec::new();
    let mut rest = note;
    while let Some(start) = find_url(rest) {
        let (before, from) = rest.split_at(start);
        let end = from.find(char::is_whitespace).unwrap_or(from.len());
        let url =
            from[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"']);
        // "https://" alone is text.
        let https = url.len() >= 8 && url.as_bytes()[..8].eq_ignore_ascii_case(b"https://");
        let scheme = if https { 8 } else { 7 };
        if url.len() <= scheme {
            parts.push(NotePart::Text(&rest[..start + scheme]));
            rest = &rest[start + scheme..];
            continue;
        }
        if !before.is_empty() {
            parts.push(NotePart::Text(before));
        }
        parts.push(NotePart::Link(url));
        rest = &from[url.len()..];
    }
    if !rest.is_empty() {
        parts.push(NotePart::Text(rest));
    }
    parts
}

/// Where the first `http://` or `https://` starts (ASCII case-insensitive).
fn find_url(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&i| {
        let rest = &bytes[i..];
        rest.len() >= 7
            && (rest[..7].eq_ignore_ascii_case(b"http://")
                || (rest.len() >= 8 && rest[..8].eq_ignore_ascii_case(b"https://")))
    })
}
