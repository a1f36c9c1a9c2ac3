//! Dataset JSON tree → model types, written out by hand.
//!
//! Why not `serde_json::from_str::<Dataset>`: that instantiates serde_json's streaming
//! deserializer, with its number and string parsing inlined, once per model type, and the
//! dataset code was then about a quarter of the main wasm module that every route downloads.
//! Here the JSON is parsed once into a [`serde_json::Value`] (one instantiation, which also gives
//! syntax errors their line and column), and each type has a small function that reads its
//! fields through a few shared, non-generic helpers.
//!
//! The rules are serde's, so the model's `Deserialize` derives stay the reference (tests/props.rs
//! checks that both agree on mutated copies of the real dataset):
//! - every struct denies unknown fields;
//! - an `Option` field may be missing or `null`; every other field is required;
//! - integers must be whole, non-negative and fit their type;
//! - enums are their lowercase / snake_case names; `SalaryFigure` is tagged by `type`.
//!
//! One difference: JSON with a repeated key keeps the last value, where serde reports a
//! duplicate field.
//!
//! A shape error names the JSON path of the value (`salary_bands[3].salary.max`), like the
//! validation problems do.

use std::cell::Cell;
use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::error::DataError;
use super::model::*;
use super::oews::*;
use super::path::Path;

/// Where the dataset stops matching the model, and how; becomes [`DataError::Shape`].
#[derive(Debug)]
pub(crate) struct ShapeError {
    path: String,
    message: String,
}

impl From<Box<ShapeError>> for DataError {
    fn from(err: Box<ShapeError>) -> Self {
        let ShapeError { path, message } = *err;
        DataError::Shape { path, message }
    }
}

/// Reads a value; on a mismatch it records the error at `at` and returns a stand-in, so a
/// decoder is straight-line code with no early returns (whose clean-up of the fields already
/// read cost most of the code of a `?`-based decoder). Only the first error is kept.
type Decode<T> = fn(&Value, &At) -> T;

/// Decodes the whole dataset (the caller has checked `schema_version` first).
pub(crate) fn decode_dataset(value: &Value) -> Result<Dataset, Box<ShapeError>> {
    decode_root(value, dataset)
}

fn decode_root<T>(value: &Value, decode: Decode<T>) -> Result<T, Box<ShapeError>> {
    let first = Cell::new(None);
    let root = At {
        path: Path::EMPTY,
        first: &first,
    };
    let decoded = decode(value, &root);
    match first.into_inner() {
        None => Ok(decoded),
        Some(err) => Err(err),
    }
}

/// Where a value sits in the document, and the slot for the first error.
#[derive(Clone, Copy)]
struct At<'a> {
    path: Path,
    first: &'a Cell<Option<Box<ShapeError>>>,
}

impl<'a> At<'a> {
    fn field(&self, name: &'static str) -> At<'a> {
        At {
            path: self.path.field(name),
            first: self.first,
        }
    }

    fn index(&self, i: usize) -> At<'a> {
        At {
            path: self.path.index(i),
            first: self.first,
        }
    }

    /// Records `message` here unless an earlier error was recorded.
    #[inline(never)]
    fn fail(&self, message: impl FnOnce() -> String) {
        let mut first = self.first.take();
        if first.is_none() {
            first = Some(Box::new(ShapeError {
                path: self.path.to_string(),
                message: message(),
            }));
        }
        self.first.set(first);
    }

    fn expected(&self, what: &str, found: &Value) {
        self.fail(|| format!("expected {what}, found {}", kind(found)));
    }
}

/// "a string", "the number 5"...: what a value is, for "expected X, found Y" (the dataset's
/// authors read these; the files people import are worded by `format::json_kind`).
fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "a boolean".to_owned(),
        // Integers only: a float's text would bring float formatting into the main module.
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => format!("the number {i}"),
            (None, Some(u)) => format!("the number {u}"),
            (None, None) => "a number with a fraction or an exponent".to_owned(),
        },
        Value::String(_) => "a string".to_owned(),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Stands in for an object that is not one: every field then reads as missing, which records
/// nothing new, as the mismatch was recorded first.
static NO_FIELDS: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);

/// An object whose keys have been checked against the fields its type has.
struct Obj<'v, 'a> {
    map: &'v Map<String, Value>,
    at: &'a At<'a>,
}

impl<'v, 'a> Obj<'v, 'a> {
    fn new(value: &'v Value, at: &'a At<'a>, fields: &[&str]) -> Self {
        Self::with_group(value, at, fields, &[])
    }

    /// An object that carries a [`Group`]'s keys beside its own `fields`.
    fn with_group(value: &'v Value, at: &'a At<'a>, fields: &[&str], group: &[&str]) -> Self {
        let Some(map) = value.as_object() else {
            at.expected("an object", value);
            return Obj {
                map: &NO_FIELDS,
                at,
            };
        };
        let known = |key: &str| fields.contains(&key) || group.contains(&key);
        if let Some(key) = map.keys().find(|key| !known(key)) {
            at.fail(|| {
                let names: Vec<String> = (fields.iter().chain(group))
                    .map(|f| format!("`{f}`"))
                    .collect();
                format!(
                    "unknown field `{key}`, expected one of {}",
                    names.join(", ")
                )
            });
        }
        Obj { map, at }
    }

    /// A required field (`Value::Null` when missing, after recording that).
    fn required(&self, key: &'static str) -> &'v Value {
        match self.map.get(key) {
            Some(value) => value,
            None => {
                self.at.fail(|| format!("missing field `{key}`"));
                &Value::Null
            }
        }
    }

    /// A required field.
    fn get<T>(&self, key: &'static str, decode: Decode<T>) -> T {
        decode(self.required(key), &self.at.field(key))
    }

    /// An optional field: missing or `null` is `None`.
    fn opt<T>(&self, key: &'static str, decode: Decode<T>) -> Option<T> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => Some(decode(value, &self.at.field(key))),
        }
    }

    /// A required list.
    fn list<T>(&self, key: &'static str, decode: Decode<T>) -> Vec<T> {
        list(self.required(key), &self.at.field(key), decode)
    }

    fn string(&self, key: &'static str) -> String {
        self.get(key, string)
    }

    fn opt_string(&self, key: &'static str) -> Option<String> {
        self.opt(key, string)
    }

    fn strings(&self, key: &'static str) -> Vec<String> {
        self.list(key, string)
    }
}

/// `object!(value, at, Type { field: read, ... })` reads a JSON object into `Type`, whose fields
/// are named as the JSON keys: each name is written once and gives both the list of keys the
/// object may have (any other is an error) and the key the field is read from. `read` is an
/// [`Obj`] method, `string`, `opt_string` or `strings`, or one with a decoder, `get(u32_)`,
/// `opt(level)` or `list(source)`, and may be followed by calls on what it returns
/// (`.unwrap_or_default()`). A leading `("type")` allows keys read elsewhere (a tag). A last
/// `..field: Group` reads a [`Group`]'s fields from the same object (serde's `flatten`). Fields
/// are read in the order written, so the error recorded is the first field's, as serde's would be.
macro_rules! object {
    (@keys) => { &[] };
    (@keys $group:ident) => { <$group as Group>::KEYS };
    ($value:expr, $at:expr, $(($($extra:literal),*))? $ty:path {
        $($field:ident: $read:ident $(($decode:expr))? $(.$then:ident($($arg:expr),*))*),*
        $(, ..$flat:ident: $group:ident)? $(,)?
    }) => {{
        let o = Obj::with_group(
            $value,
            $at,
            &[$($($extra,)*)? $(stringify!($field)),*],
            object!(@keys $($group)?),
        );
        $ty {
            $($field: o.$read(stringify!($field) $(, $decode)?) $(.$then($($arg),*))*,)*
            $($flat: <$group as Group>::read(&o),)?
        }
    }};
}
/// Fields that several objects carry among their own keys (serde's `flatten`): [`Figures`] in
/// the national figures and in every area of an occupation file.
trait Group {
    const KEYS: &'static [&'static str];
    fn read(o: &Obj) -> Self;
}

/// `group!(Type { field: read, ... })`: [`Group`] for `Type`, each name written once (the reads
/// are [`object!`]'s).
macro_rules! group {
    ($ty:ident { $($field:ident: $read:ident $(($decode:expr))? $(.$then:ident($($arg:expr),*))*),* $(,)? }) => {
        impl Group for $ty {
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
            fn read(o: &Obj) -> Self {
                $ty { $($field: o.$read(stringify!($field) $(, $decode)?) $(.$then($($arg),*))*),* }
            }
        }
    };
}

fn list<T>(value: &Value, at: &At, decode: Decode<T>) -> Vec<T> {
    let Some(items) = value.as_array() else {
        at.expected("a list", value);
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| decode(item, &at.index(i)))
        .collect()
}

fn string(value: &Value, at: &At) -> String {
    str_ref(value, at).to_owned()
}

fn str_ref<'v>(value: &'v Value, at: &At) -> &'v str {
    value.as_str().unwrap_or_else(|| {
        at.expected("a string", value);
        ""
    })
}

/// A whole number from 0 to `max` (0 after recording a mismatch).
fn whole(value: &Value, at: &At, max: u64) -> u64 {
    match value.as_u64() {
        Some(n) if n <= max => n,
        _ => {
            at.expected(&format!("a whole number from 0 to {max}"), value);
            0
        }
    }
}

fn u8_(value: &Value, at: &At) -> u8 {
    whole(value, at, u8::MAX.into()) as u8
}

fn u16_(value: &Value, at: &At) -> u16 {
    whole(value, at, u16::MAX.into()) as u16
}

fn u32_(value: &Value, at: &At) -> u32 {
    whole(value, at, u32::MAX.into()) as u32
}

/// One of the names in `variants`, as the value it stands for (the first after recording a
/// mismatch).
fn variant<T: Copy>(value: &Value, at: &At, variants: &[(&str, T)]) -> T {
    let name = str_ref(value, at);
    match variants.iter().find(|(id, _)| *id == name) {
        Some((_, v)) => *v,
        None => {
            if value.is_string() {
                let names: Vec<&str> = variants.iter().map(|(id, _)| *id).collect();
                unknown_variant(at, name, &names);
            }
            variants[0].1
        }
    }
}

fn unknown_variant(at: &At, name: &str, names: &[&str]) {
    at.fail(|| {
        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        format!(
            "unknown variant `{name}`, expected one of {}",
            names.join(", ")
        )
    });
}

/// Decodes an OEWS occupation file (`data/oews/<SOC>.json`).
pub(crate) fn decode_area_file(value: &Value) -> Result<AreaFile, Box<ShapeError>> {
    decode_root(value, area_file)
}

/// Decodes the OEWS state map (`data/oews/states-map.json`).
pub(crate) fn decode_states_map(value: &Value) -> Result<StatesMap, Box<ShapeError>> {
    decode_root(value, states_map)
}

fn i32_(value: &Value, at: &At) -> i32 {
    match value.as_i64().and_then(|n| i32::try_from(n).ok()) {
        Some(n) => n,
        None => {
            at.expected("a whole number", value);
            0
        }
    }
}

fn oews_release(value: &Value, at: &At) -> OewsRelease {
    object!(
        value,
        at,
        OewsRelease {
            source: string,
            release: string,
            release_code: string,
            year: get(u16_),
            published: string,
            retrieved: string,
            carrier: get(oews_carrier),
            files: list(oews_file),
            footnotes: list(footnote),
            occupations: list(oews_occupation),
        }
    )
}

fn oews_carrier(value: &Value, at: &At) -> OewsCarrier {
    object!(
        value,
        at,
        OewsCarrier {
            package: string,
            version: string,
            sha256: string,
        }
    )
}

fn oews_file(value: &Value, at: &At) -> OewsFile {
    object!(
        value,
        at,
        OewsFile {
            name: string,
            url: string,
            sha256: string,
            published: string,
        }
    )
}

fn footnote(value: &Value, at: &At) -> Footnote {
    object!(
        value,
        at,
        Footnote {
            code: get(u8_),
            text: string,
        }
    )
}

fn oews_occupation(value: &Value, at: &At) -> OewsOccupation {
    object!(
        value,
        at,
        OewsOccupation {
            code: string,
            name: string,
            national: get(national_figures),
        }
    )
}

fn national_figures(value: &Value, at: &At) -> Figures {
    Figures::read(&Obj::new(value, at, Figures::KEYS))
}

group!(Figures {
    emp: opt(u32_),
    emp_rse: opt_string,
    mean: opt(u32_),
    wage_rse: opt_string,
    p10: opt(u32_),
    p25: opt(u32_),
    median: opt(u32_),
    p75: opt(u32_),
    p90: opt(u32_),
    notes: opt(notes).unwrap_or_default(),
});

/// `{"p90": 5}`: a field name and the BLS footnote on it.
fn notes(value: &Value, at: &At) -> Vec<(String, u8)> {
    let Some(map) = value.as_object() else {
        at.expected("an object", value);
        return Default::default();
    };
    map.iter()
        .map(|(field, code)| (field.clone(), u8_(code, at)))
        .collect()
}

fn area_file(value: &Value, at: &At) -> AreaFile {
    object!(
        value,
        at,
        AreaFile {
            format: get(u32_),
            source: string,
            release: string,
            occupation: get(occupation),
            areas: list(area),
        }
    )
}

fn occupation(value: &Value, at: &At) -> Occupation {
    object!(
        value,
        at,
        Occupation {
            code: string,
            name: string
        }
    )
}

fn area(value: &Value, at: &At) -> Area {
    object!(
        value,
        at,
        Area {
            code: string,
            kind: get(area_kind),
            name: string,
            states: strings,
            ..figures: Figures
        }
    )
}

fn area_kind(value: &Value, at: &At) -> AreaKind {
    variant(
        value,
        at,
        &[
            ("national", AreaKind::National),
            ("state", AreaKind::State),
            ("metro", AreaKind::Metro),
            ("nonmetro", AreaKind::Nonmetro),
        ],
    )
}

fn states_map(value: &Value, at: &At) -> StatesMap {
    let mut map = object!(
        value,
        at,
        StatesMap {
            format: get(u32_),
            geometry: string,
            width: get(u32_).into(),
            height: get(u32_).into(),
            scale: get(u32_),
            states: list(state_shape),
        }
    );
    let scale = f64::from(map.scale.max(1));
    for point in map.states.iter_mut().flat_map(|s| &mut s.rings).flatten() {
        *point = (point.0 / scale, point.1 / scale);
    }
    map
}

fn state_shape(value: &Value, at: &At) -> StateShape {
    object!(
        value,
        at,
        StateShape {
            fips: string,
            postal: string,
            name: string,
            area: string,
            rings: list(ring),
        }
    )
}

/// A ring written as a first point and then differences (`[x0, y0, dx1, dy1, ...]`), as points
/// in the file's units (`states_map` divides them by its scale).
fn ring(value: &Value, at: &At) -> Vec<(f64, f64)> {
    let (mut x, mut y) = (0i64, 0i64);
    list(value, at, i32_)
        .chunks_exact(2)
        .map(|d| {
            x += i64::from(d[0]);
            y += i64::from(d[1]);
            (x as f64, y as f64)
        })
        .collect()
}

fn currency(value: &Value, at: &At) -> Currency {
    variant(value, at, &[("USD", Currency::Usd)])
}

fn period(value: &Value, at: &At) -> Period {
    variant(
        value,
        at,
        &[("month", Period::Month), ("year", Period::Year)],
    )
}

fn level(value: &Value, at: &At) -> Level {
    let name = str_ref(value, at);
    Level::from_id(name).unwrap_or_else(|| {
        if value.is_string() {
            let ids: Vec<&str> = Level::ALL.iter().map(|l| l.id()).collect();
            unknown_variant(at, name, &ids);
        }
        Level::Junior
    })
}

fn async_support(value: &Value, at: &At) -> AsyncSupport {
    variant(
        value,
        at,
        &[
            ("native", AsyncSupport::Native),
            ("no", AsyncSupport::No),
            ("sources_differ", AsyncSupport::SourcesDiffer),
            ("unknown", AsyncSupport::Unknown),
        ],
    )
}

fn framework_kind(value: &Value, at: &At) -> FrameworkKind {
    variant(
        value,
        at,
        &[
            ("framework", FrameworkKind::Framework),
            ("runtime", FrameworkKind::Runtime),
        ],
    )
}

fn skill_category(value: &Value, at: &At) -> SkillCategory {
    use SkillCategory::*;
    variant(
        value,
        at,
        &[
            ("language", Language),
            ("front_end", FrontEnd),
            ("database", Database),
            ("server_software", ServerSoftware),
            ("api", Api),
            ("data_structures", DataStructures),
            ("security", Security),
            ("dev_tool", DevTool),
            ("testing_tool", TestingTool),
            ("infrastructure", Infrastructure),
            ("other", Other),
        ],
    )
}

fn dataset(value: &Value, at: &At) -> Dataset {
    let o = Obj::new(
        value,
        at,
        &[
            "schema_version",
            "sources",
            "salary_bands",
            "offer_stats",
            "averages",
            "market_snapshot",
            "technologies",
            "frameworks",
            "fastapi",
            "roadmap",
            "responsibilities",
            "career_ladder",
            "skills",
            "backend_duties",
            "backend_uses",
            "hiring",
            "role",
            "oews",
        ],
    );
    Dataset {
        schema_version: o.get("schema_version", u32_),
        sources: o.list("sources", source),
        salary_bands: o.list("salary_bands", salary_band),
        offer_stats: o.get("offer_stats", offer_stats),
        averages: o.list("averages", average),
        market_snapshot: o.get("market_snapshot", market_snapshot),
        technologies: o.list("technologies", technology),
        frameworks: o.list("frameworks", framework),
        fastapi: o.get("fastapi", fastapi),
        roadmap: o.get("roadmap", roadmap),
        responsibilities: o.list("responsibilities", responsibilities),
        career_ladder: o.get("career_ladder", career_ladder),
        skills: o.list("skills", skill),
        backend_duties: o.list("backend_duties", claim),
        backend_uses: o.list("backend_uses", claim),
        hiring: o.get("hiring", hiring),
        role: o.opt("role", role),
        oews: o.opt("oews", oews_release).map(std::sync::Arc::new),
    }
}

fn source(value: &Value, at: &At) -> Source {
    object!(
        value,
        at,
        Source {
            id: string,
            title: string,
            short_name: string,
            publisher: opt_string,
            year: opt(u16_),
            file: opt_string,
            url: opt_string,
            measures: get(measures),
            taken: strings,
        }
    )
}

fn measures(value: &Value, at: &At) -> Measures {
    object!(
        value,
        at,
        Measures {
            currency: opt(currency),
            period: opt(period),
            region: opt_string,
            sample_size: opt(u32_),
            note: string,
        }
    )
}

fn salary_figure(value: &Value, at: &At) -> SalaryFigure {
    let tag = match value.as_object() {
        None => None,
        Some(map) => match map.get("type") {
            None => {
                at.fail(|| "missing field `type`".to_owned());
                None
            }
            Some(tag) => Some(str_ref(tag, &at.field("type"))),
        },
    };
    match tag {
        Some("range") => {
            object!(value, at, ("type") SalaryFigure::Range {
                min: get(u32_),
                max: get(u32_),
            })
        }
        Some("open_range") => {
            object!(value, at, ("type") SalaryFigure::OpenRange {
                min: get(u32_),
                stated_top: opt(u32_),
            })
        }
        Some("point") => {
            object!(value, at, ("type") SalaryFigure::Point {
                value: get(u32_),
            })
        }
        other => {
            match (other, value.as_object()) {
                (None, None) => at.expected("an object", value),
                (Some(name), _) if value["type"].is_string() => {
                    unknown_variant(&at.field("type"), name, &["range", "open_range", "point"])
                }
                _ => {}
            }
            SalaryFigure::Point { value: 0 }
        }
    }
}

fn years_range(value: &Value, at: &At) -> YearsRange {
    object!(
        value,
        at,
        YearsRange {
            min: get(u8_),
            max: opt(u8_),
        }
    )
}

fn salary_band(value: &Value, at: &At) -> SalaryBand {
    object!(
        value,
        at,
        SalaryBand {
            id: string,
            source: string,
            role: string,
            level: get(level),
            source_label: string,
            years: opt(years_range),
            region: opt(string),
            salary: get(salary_figure),
            currency: get(currency),
            period: get(period),
            quote: string,
        }
    )
}

fn offer_stats(value: &Value, at: &At) -> OfferStats {
    object!(
        value,
        at,
        OfferStats {
            source: string,
            role: string,
            total_offers: get(u32_),
            median_expectation: get(u32_),
            currency: get(currency),
            period: get(period),
            period_note: opt_string,
            proposals: get(u32_),
            bucket_width: get(u32_),
            method: strings,
        }
    )
}

fn average(value: &Value, at: &At) -> Average {
    object!(
        value,
        at,
        Average {
            id: string,
            source: string,
            cited_from: opt_string,
            as_of: opt_string,
            role: string,
            value: get(u32_),
            currency: get(currency),
            period: get(period),
            quote: string,
        }
    )
}

fn market_snapshot(value: &Value, at: &At) -> MarketSnapshot {
    object!(
        value,
        at,
        MarketSnapshot {
            source: string,
            role: string,
            region: string,
            level: get(level),
            salary: get(salary_figure),
            currency: get(currency),
            period: get(period),
            salary_quote: string,
            hiring_difficulty: string,
            time_to_hire_weeks: get(years_range),
            time_to_hire_quote: string,
        }
    )
}

fn technology(value: &Value, at: &At) -> Technology {
    object!(
        value,
        at,
        Technology {
            id: string,
            name: string,
            creator: opt_string,
            year: opt(u16_),
            source: string,
        }
    )
}

fn claim(value: &Value, at: &At) -> Claim {
    object!(
        value,
        at,
        Claim {
            text: string,
            source: string,
        }
    )
}

fn framework(value: &Value, at: &At) -> Framework {
    object!(
        value,
        at,
        Framework {
            id: string,
            name: string,
            kind: get(framework_kind),
            language: string,
            language_source: string,
            first_release: opt(u16_),
            creator: opt_string,
            facts_source: opt_string,
            summary: get(claim),
            async_support: get(async_support),
            async_notes: list(claim),
            pros: list(claim),
            cons: list(claim),
            use_when: list(claim),
            hello_world: opt(code_sample),
        }
    )
}

fn code_sample(value: &Value, at: &At) -> CodeSample {
    object!(
        value,
        at,
        CodeSample {
            language: string,
            code: string,
            source: string,
        }
    )
}

fn fastapi(value: &Value, at: &At) -> FastApiFacts {
    object!(
        value,
        at,
        FastApiFacts {
            facts: list(claim),
            top_related: list(related_tech),
            used_for: list(summary),
        }
    )
}

fn role(value: &Value, at: &At) -> Role {
    object!(
        value,
        at,
        Role {
            source: string,
            overview: string,
            work_environment: strings,
            frameworks: strings,
        }
    )
}

fn summary(value: &Value, at: &At) -> Summary {
    object!(
        value,
        at,
        Summary {
            summary: string,
            source: string,
        }
    )
}

fn related_tech(value: &Value, at: &At) -> RelatedTech {
    object!(
        value,
        at,
        RelatedTech {
            id: string,
            rank: get(u8_),
            name: string,
            summary: string,
            code: opt_string,
            source: string,
        }
    )
}

fn roadmap(value: &Value, at: &At) -> Roadmap {
    object!(
        value,
        at,
        Roadmap {
            source: string,
            stages: list(stage),
        }
    )
}

fn stage(value: &Value, at: &At) -> Stage {
    object!(
        value,
        at,
        Stage {
            id: string,
            number: get(u8_),
            name: string,
            months: get(years_range),
            duration_label: string,
            summary: string,
            items: list(roadmap_item),
        }
    )
}

fn roadmap_item(value: &Value, at: &At) -> RoadmapItem {
    object!(
        value,
        at,
        RoadmapItem {
            id: string,
            text: string,
            related: strings,
        }
    )
}

fn responsibilities(value: &Value, at: &At) -> Responsibilities {
    object!(
        value,
        at,
        Responsibilities {
            level: get(level),
            source: string,
            source_label: string,
            items: strings,
        }
    )
}

fn career_ladder(value: &Value, at: &At) -> CareerLadder {
    object!(
        value,
        at,
        CareerLadder {
            source: string,
            steps: strings,
            specialisations: strings,
        }
    )
}

fn skill(value: &Value, at: &At) -> Skill {
    object!(
        value,
        at,
        Skill {
            id: string,
            name: string,
            category: get(skill_category),
            summary: opt_string,
            source: string,
        }
    )
}

fn hiring(value: &Value, at: &At) -> Hiring {
    object!(
        value,
        at,
        Hiring {
            source: string,
            builds: list(build_area),
            profile: list(profile_area),
            mistakes: list(hiring_mistake),
            green_flags: list(resume_flag),
            yellow_flags: list(resume_flag),
            terms: list(term),
            questions: list(question),
            use_cases: list(use_case),
            faq: list(faq),
        }
    )
}

fn build_area(value: &Value, at: &At) -> BuildArea {
    object!(
        value,
        at,
        BuildArea {
            title: string,
            points: strings,
        }
    )
}

fn profile_area(value: &Value, at: &At) -> ProfileArea {
    object!(
        value,
        at,
        ProfileArea {
            title: string,
            points: strings,
            note: opt_string,
        }
    )
}

fn hiring_mistake(value: &Value, at: &At) -> HiringMistake {
    object!(
        value,
        at,
        HiringMistake {
            id: string,
            title: string,
            problem: string,
            fix: string,
        }
    )
}

fn resume_flag(value: &Value, at: &At) -> ResumeFlag {
    object!(
        value,
        at,
        ResumeFlag {
            id: string,
            text: string,
            keywords: strings,
            app_keywords: strings,
        }
    )
}

fn term(value: &Value, at: &At) -> Term {
    object!(
        value,
        at,
        Term {
            id: string,
            term: string,
            meaning: string,
        }
    )
}

fn question(value: &Value, at: &At) -> Question {
    object!(
        value,
        at,
        Question {
            id: string,
            question: string,
            junior_answer: string,
            senior_answer: string,
        }
    )
}

fn use_case(value: &Value, at: &At) -> UseCase {
    object!(
        value,
        at,
        UseCase {
            id: string,
            title: string,
            priority: string,
            interview_focus: string,
            red_flag: string,
        }
    )
}

fn faq(value: &Value, at: &At) -> Faq {
    object!(
        value,
        at,
        Faq {
            question: opt_string,
            answer: string,
        }
    )
}

#[cfg(test)]
#[allow(
    clippy::disallowed_methods,
    reason = "native tests: nothing of theirs ships"
)]
mod tests {
    use super::*;

    fn shape(text: &str, decode: Decode<impl std::fmt::Debug>) -> (String, String) {
        let value: Value = serde_json::from_str(text).unwrap();
        match decode_root(&value, decode) {
            Err(err) => (err.path, err.message),
            Ok(other) => panic!("expected a shape error, got {other:?}"),
        }
    }

    #[test]
    fn paths_name_fields_and_indices() {
        let (path, message) = shape(
            r#"{"source":"s","stages":[{"id":"a","number":1,"name":"n","months":{"min":0,"max":"3"},"duration_label":"d","summary":"s","items":[]}]}"#,
            roadmap,
        );
        assert_eq!(path, "stages[0].months.max");
        assert_eq!(
            message,
            "expected a whole number from 0 to 255, found a string"
        );
    }

    #[test]
    fn integers_must_be_whole_non_negative_and_fit() {
        for (bad, found) in [
            ("-1", "the number -1"),
            ("256", "the number 256"),
            ("18446744073709551615", "the number 18446744073709551615"),
            ("1.5", "a number with a fraction or an exponent"),
            ("1e3", "a number with a fraction or an exponent"),
        ] {
            let (path, message) = shape(&format!(r#"{{"min":{bad}}}"#), years_range);
            assert_eq!(path, "min");
            assert_eq!(
                message,
                format!("expected a whole number from 0 to 255, found {found}")
            );
        }
        let value: Value = serde_json::from_str(r#"{"min":255,"max":null}"#).unwrap();
        assert_eq!(
            decode_root(&value, years_range).unwrap(),
            YearsRange {
                min: 255,
                max: None
            }
        );
    }

    #[test]
    fn unknown_and_missing_fields_are_errors() {
        let (path, message) = shape(r#"{"text":"t","source":"s","sorce":"x"}"#, claim);
        assert_eq!(path, "");
        assert!(message.starts_with("unknown field `sorce`"), "{message}");
        let (_, message) = shape(r#"{"text":"t"}"#, claim);
        assert_eq!(message, "missing field `source`");
    }

    #[test]
    fn salary_figures_are_tagged_by_type() {
        let decode = |text: &str| {
            let value: Value = serde_json::from_str(text).unwrap();
            decode_root(&value, salary_figure)
        };
        assert_eq!(
            decode(r#"{"type":"open_range","min":5}"#).unwrap(),
            SalaryFigure::OpenRange {
                min: 5,
                stated_top: None
            }
        );
        assert_eq!(
            decode(r#"{"value":7,"type":"point"}"#).unwrap(),
            SalaryFigure::Point { value: 7 }
        );
        let (path, message) = shape(r#"{"type":"band","min":1}"#, salary_figure);
        assert_eq!(path, "type");
        assert!(message.starts_with("unknown variant `band`"), "{message}");
        let (_, message) = shape(r#"{"type":"point","value":1,"min":2}"#, salary_figure);
        assert!(message.starts_with("unknown field `min`"), "{message}");
        let (_, message) = shape(r#"{"min":2}"#, salary_figure);
        assert_eq!(message, "missing field `type`");
    }
}
