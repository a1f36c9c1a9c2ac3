//! Serde types for the bundled dataset (`public/data/atlas.json`).
//!
//! These mirror the JSON one to one. Every record that states a fact carries the id of the
//! source it was taken from, so the UI can always say where a figure comes from. Structs deny
//! unknown fields: a typo in the JSON is an error, never silently dropped data.

use serde::{Deserialize, Serialize};

/// The dataset schema this build understands. Bump it when the JSON shape changes.
pub const SCHEMA_VERSION: u32 = 2;

pub use super::SourceId;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema_version: u32,
    pub sources: Vec<Source>,
    pub salary_bands: Vec<SalaryBand>,
    pub offer_stats: OfferStats,
    pub averages: Vec<Average>,
    pub market_snapshot: MarketSnapshot,
    pub technologies: Vec<Technology>,
    pub frameworks: Vec<Framework>,
    pub fastapi: FastApiFacts,
    pub roadmap: Roadmap,
    pub responsibilities: Vec<Responsibilities>,
    pub career_ladder: CareerLadder,
    pub skills: Vec<Skill>,
    pub backend_duties: Vec<Claim>,
    pub backend_uses: Vec<Claim>,
    pub hiring: Hiring,
    /// The role page's overview of the backend developer role (absent in older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The BLS OEWS release behind the Locations page (absent in older files and fixtures).
    /// Shared, not copied, by the pages and search that read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oews: Option<std::sync::Arc<super::oews::OewsRelease>>,
}

/// One source document (or another public source the dataset names).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    /// A few words for inline "Source: …" links ("FastAPI hiring guide").
    pub short_name: String,
    /// Publisher where the document names one.
    pub publisher: Option<String>,
    /// Year the document is about or was published, where it says so.
    pub year: Option<u16>,
    /// File name under `shared/sources/`, or `None` for an external public source.
    pub file: Option<String>,
    /// Public address, where known.
    pub url: Option<String>,
    /// What its figures measure: currency, period, region, sample size, in its own words.
    pub measures: Measures,
    /// What the dataset takes from it, one short line each (shown on the Sources page).
    pub taken: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measures {
    pub currency: Option<Currency>,
    pub period: Option<Period>,
    /// Region where stated (for example `"US"`).
    pub region: Option<String>,
    /// Sample size where stated (for example 571 offers).
    pub sample_size: Option<u32>,
    /// Free text: what the figures are (averages, ranges, a median of offers...).
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "USD")]
    Usd,
}

/// Whether an amount is per month or per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Month,
    Year,
}

/// Canonical seniority levels shared across sources, in ladder order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Junior,
    Middle,
    Senior,
    Lead,
    Architect,
    Principal,
}

impl Level {
    pub const ALL: [Level; 6] = [
        Level::Junior,
        Level::Middle,
        Level::Senior,
        Level::Lead,
        Level::Architect,
        Level::Principal,
    ];

    /// The id used in the dataset and in URLs.
    #[inline]
    pub fn id(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Middle => "middle",
            Level::Senior => "senior",
            Level::Lead => "lead",
            Level::Architect => "architect",
            Level::Principal => "principal",
        }
    }

    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            Level::Junior => "Junior",
            Level::Middle => "Middle",
            Level::Senior => "Senior",
            Level::Lead => "Lead",
            Level::Architect => "Architect",
            Level::Principal => "Principal",
        }
    }

    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.id() == id)
    }
}

/// A salary figure exactly as a source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum SalaryFigure {
    /// "$50,000 - $70,000".
    Range { min: u32, max: u32 },
    /// "$130,000+" (`stated_top: None`) or "$170,000 - $220,000+" (`stated_top: Some(220000)`):
    /// at least `min`, and no upper bound. `stated_top` is the printed top figure, which the
    /// "+" makes a lower bound for the top of the range, never a maximum.
    OpenRange { min: u32, stated_top: Option<u32> },
    /// A single average ("$50,000"): a point, not a range.
    Point { value: u32 },
}

/// Years of experience; `max: None` is open-ended ("8+ years").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearsRange {
    pub min: u8,
    pub max: Option<u8>,
}

/// One (source, role, seniority level) salary record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryBand {
    pub id: String,
    pub source: SourceId,
    /// The role the source describes ("FastAPI developer", "Backend developer").
    pub role: String,
    pub level: Level,
    /// The source's own label ("Expert/Team Lead FastApi Developer"), shown in the UI.
    pub source_label: String,
    /// Years of experience, when the source gives them (the FastAPI hiring guide's senior
    /// figure has none).
    pub years: Option<YearsRange>,
    /// Where the figure applies, when the source says ("US").
    pub region: Option<String>,
    pub salary: SalaryFigure,
    pub currency: Currency,
    pub period: Period,
    /// The source's words for this row, quoted exactly.
    pub quote: String,
}

/// Offer statistics as the salary source publishes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferStats {
    pub source: SourceId,
    pub role: String,
    pub total_offers: u32,
    pub median_expectation: u32,
    pub currency: Currency,
    pub period: Period,
    /// Why `period` is what it is, when the source prints no period for these figures: the UI
    /// shows it next to the median, so the unit is never presented as more certain than it is.
    pub period_note: Option<String>,
    pub proposals: u32,
    /// Histogram bucket width the source uses, in `currency` per `period`.
    pub bucket_width: u32,
    /// The source's method, one statement each, quoted or closely paraphrased.
    pub method: Vec<String>,
}

/// A published average salary for a role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Average {
    pub id: String,
    pub source: SourceId,
    /// Who produced the figure when the source cites someone else ("PayScale").
    pub cited_from: Option<String>,
    /// When the figure is from, as the source says ("March 2023").
    pub as_of: Option<String>,
    pub role: String,
    pub value: u32,
    pub currency: Currency,
    pub period: Period,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketSnapshot {
    pub source: SourceId,
    pub role: String,
    pub region: String,
    pub level: Level,
    pub salary: SalaryFigure,
    pub currency: Currency,
    pub period: Period,
    pub salary_quote: String,
    pub hiring_difficulty: String,
    pub time_to_hire_weeks: YearsRange,
    pub time_to_hire_quote: String,
}

/// A language, runtime or platform with its creator and first year (the "related technologies").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technology {
    pub id: String,
    pub name: String,
    pub creator: Option<String>,
    pub year: Option<u16>,
    pub source: SourceId,
}

/// One sentence or list item from a source, in its words (whitespace aside). A paraphrase is a
/// [`Summary`], or a field named `summary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub text: String,
    pub source: SourceId,
}

/// What the sources say about a framework's async support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsyncSupport {
    /// Built around async ("async-first", "asynchronous request handling").
    Native,
    /// Synchronous, or "not asynchronous", per the sources.
    No,
    /// The sources disagree (one says "not asynchronous", another "synchronous by default"):
    /// each claim is in `async_notes` with its source.
    SourcesDiffer,
    /// The sources do not say.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameworkKind {
    Framework,
    Runtime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// URL-safe id (`fastapi`, `flask`, `express`...).
    pub id: String,
    pub name: String,
    pub kind: FrameworkKind,
    /// Main language ("Python", "JavaScript", "Java, Scala").
    pub language: String,
    /// Which source says the language (may be an external public source the dataset names).
    pub language_source: SourceId,
    pub first_release: Option<u16>,
    pub creator: Option<String>,
    /// Source of `first_release` and `creator` when either is set.
    pub facts_source: Option<SourceId>,
    /// One line: what it is, from the sources.
    pub summary: Claim,
    pub async_support: AsyncSupport,
    /// The sources' words about async, each with its source (none when `async_support` is
    /// `Unknown`; two sources or more when it is `SourcesDiffer`).
    pub async_notes: Vec<Claim>,
    pub pros: Vec<Claim>,
    pub cons: Vec<Claim>,
    pub use_when: Vec<Claim>,
    pub hello_world: Option<CodeSample>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeSample {
    pub language: String,
    pub code: String,
    pub source: SourceId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FastApiFacts {
    /// The sources' words, verbatim.
    pub facts: Vec<Claim>,
    pub top_related: Vec<RelatedTech>,
    /// Where FastAPI is used, summarised from a source (the dataset's words, not a quote).
    pub used_for: Vec<Summary>,
}

/// A source's overview of the backend developer role, in its words: the overview sentence, the
/// "Work Environment" points and the frameworks it lists (its key responsibilities are the
/// `backend_duties` that cite the same source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub source: SourceId,
    pub overview: String,
    pub work_environment: Vec<String>,
    /// Names as the source prints them (".NET", "Express.js").
    pub frameworks: Vec<String>,
}

/// The dataset's own summary of what a source says: shown as plain text, never as a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub summary: String,
    pub source: SourceId,
}

/// One of the top ten FastAPI-related technologies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedTech {
    pub id: String,
    pub rank: u8,
    pub name: String,
    pub summary: String,
    pub code: Option<String>,
    pub source: SourceId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    pub source: SourceId,
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub number: u8,
    pub name: String,
    /// Months from the start; `max: None` is open ("1+ years").
    pub months: YearsRange,
    pub duration_label: String,
    pub summary: String,
    pub items: Vec<RoadmapItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoadmapItem {
    pub id: String,
    pub text: String,
    /// Ids of related skills, technologies or FastAPI top-ten entries.
    pub related: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibilities {
    pub level: Level,
    pub source: SourceId,
    pub source_label: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareerLadder {
    pub source: SourceId,
    pub steps: Vec<String>,
    pub specialisations: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillCategory {
    Language,
    FrontEnd,
    Database,
    ServerSoftware,
    Api,
    DataStructures,
    Security,
    DevTool,
    TestingTool,
    Infrastructure,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: SkillCategory,
    pub summary: Option<String>,
    pub source: SourceId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hiring {
    pub source: SourceId,
    pub builds: Vec<BuildArea>,
    pub profile: Vec<ProfileArea>,
    pub mistakes: Vec<HiringMistake>,
    pub green_flags: Vec<ResumeFlag>,
    pub yellow_flags: Vec<ResumeFlag>,
    pub terms: Vec<Term>,
    pub questions: Vec<Question>,
    pub use_cases: Vec<UseCase>,
    pub faq: Vec<Faq>,
}

/// "What FastAPI developers actually build": one area with its points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildArea {
    pub title: String,
    pub points: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileArea {
    pub title: String,
    pub points: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HiringMistake {
    pub id: String,
    pub title: String,
    pub problem: String,
    pub fix: String,
}

/// A resume flag with the words that reveal it (matched as whole words, case-insensitive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResumeFlag {
    pub id: String,
    /// The guide's words for the flag, verbatim.
    pub text: String,
    /// Words of the flag's own text that reveal it.
    pub keywords: Vec<String>,
    /// The app's own matching aids, not the guide's words (the page says so next to the flag);
    /// matched like `keywords`.
    pub app_keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub question: String,
    pub junior_answer: String,
    pub senior_answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UseCase {
    /// `apis`, `ml` or `microservices` (the `usecase=` URL values).
    pub id: String,
    pub title: String,
    pub priority: String,
    pub interview_focus: String,
    pub red_flag: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// The question where the source prints one; `None` where it prints only the answer.
    pub question: Option<String>,
    pub answer: String,
}

impl Source {
    /// Name for inline "Source: …" links: the short name, with the year where known.
    pub fn label(&self) -> String {
        match self.year {
            Some(year) => format!("{}, {year}", self.short_name),
            None => self.short_name.clone(),
        }
    }
}

fn claim_sources(list: &[Claim]) -> impl Iterator<Item = &str> {
    list.iter().map(|c| c.source.as_str())
}

impl Dataset {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A source's colour index: its position in the dataset, the same in every chart (one
    /// colour per source; `charts::series_color` turns it into the colour).
    pub fn series_index(&self, source_id: &str) -> usize {
        self.sources
            .iter()
            .position(|s| s.id == source_id)
            .unwrap_or(0)
    }

    /// Every source id the dataset cites, once per citing record (for "cited by N records").
    pub fn citations(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        ids.extend(self.salary_bands.iter().map(|b| b.source.as_str()));
        ids.push(&self.offer_stats.source);
        ids.extend(self.averages.iter().map(|a| a.source.as_str()));
        ids.push(&self.market_snapshot.source);
        ids.extend(self.technologies.iter().map(|t| t.source.as_str()));
        for f in &self.frameworks {
            ids.push(&f.language_source);
            ids.extend(f.facts_source.as_deref());
            ids.push(&f.summary.source);
            ids.extend(f.async_notes.iter().map(|c| c.source.as_str()));
            ids.extend(claim_sources(&f.pros));
            ids.extend(claim_sources(&f.cons));
            ids.extend(claim_sources(&f.use_when));
            ids.extend(f.hello_world.as_ref().map(|c| c.source.as_str()));
        }
        ids.extend(claim_sources(&self.fastapi.facts));
        ids.extend(self.fastapi.top_related.iter().map(|t| t.source.as_str()));
        ids.extend(self.fastapi.used_for.iter().map(|s| s.source.as_str()));
        ids.push(&self.roadmap.source);
        ids.extend(self.responsibilities.iter().map(|r| r.source.as_str()));
        ids.push(&self.career_ladder.source);
        ids.extend(self.skills.iter().map(|s| s.source.as_str()));
        ids.extend(claim_sources(&self.backend_duties));
        ids.extend(claim_sources(&self.backend_uses));
        ids.push(&self.hiring.source);
        ids.extend(self.role.as_ref().map(|r| r.source.as_str()));
        ids.extend(self.oews.as_ref().map(|o| o.source.as_str()));
        ids
    }
}

/// Something a roadmap item relates to, found by id anywhere in the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Related<'d> {
    pub id: &'d str,
    pub name: &'d str,
    /// "skill", "technology", "framework" or "FastAPI top ten".
    pub kind: &'static str,
    pub summary: Option<&'d str>,
    pub source: &'d str,
}

impl Dataset {
    /// Looks an id up in skills, the FastAPI top ten, frameworks and technologies (in that order).
    pub fn related(&self, id: &str) -> Option<Related<'_>> {
        if let Some(s) = self.skills.iter().find(|s| s.id == id) {
            return Some(Related {
                id: &s.id,
                name: &s.name,
                kind: "skill",
                summary: s.summary.as_deref(),
                source: &s.source,
            });
        }
        if let Some(t) = self.fastapi.top_related.iter().find(|t| t.id == id) {
            return Some(Related {
                id: &t.id,
                name: &t.name,
                kind: "FastAPI top ten",
                summary: Some(&t.summary),
                source: &t.source,
            });
        }
        if let Some(f) = self.frameworks.iter().find(|f| f.id == id) {
            return Some(Related {
                id: &f.id,
                name: &f.name,
                kind: "framework",
                summary: Some(&f.summary.text),
                source: &f.summary.source,
            });
        }
        self.technologies
            .iter()
            .find(|t| t.id == id)
            .map(|t| Related {
                id: &t.id,
                name: &t.name,
                kind: "technology",
                summary: None,
                source: &t.source,
            })
    }
}
