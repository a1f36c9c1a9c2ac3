//! Site-wide search (the Ctrl+K dialog's core): an [`Index`] of everything a reader can jump to,
//! built once from the dataset, and a fast, accent- and case-tolerant word-prefix search over it.
//!
//! Pure and panic-free: the query comes from the user.
//!
//! # What is indexed, and where each entry points
//!
//! | kind | path | anchor (DOM id) | query |
//! | --- | --- | --- | --- |
//! | [`Kind::Page`] | each route | `main` | — |
//! | [`Kind::Section`], a page's sections with their key figures (the offer statistics, PayScale's averages, the market snapshot…) | its route | the section's heading id | — |
//! | [`Kind::Section`], each level's salaries | `/salaries` | `ranges-heading` | `levels=<level id>` |
//! | [`Kind::Framework`] | `/frameworks` | `framework-<framework id>` | — |
//! | [`Kind::Technology`], FastAPI top ten | `/frameworks` | `tech-<top_related id>` | — |
//! | [`Kind::Technology`], release timeline | `/frameworks` | `framework-<id>` when a framework has the technology's id, else `timeline-heading` | — |
//! | [`Kind::Stage`] | `/roadmap` | `stage-<number>` | `stage=<number>` |
//! | [`Kind::RoadmapItem`] | `/roadmap` | `item-<item id>` | `item=<item id>` |
//! | [`Kind::Note`], the reader's own note on an item (from this browser's storage, [`Index::add_notes`]) | `/roadmap` | `item-<item id>` | `item=<item id>` |
//! | [`Kind::Skill`] | see below | | |
//! | [`Kind::Question`] | `/hiring` | `question-<question id>` | — |
//! | [`Kind::Term`] | `/hiring` | `term-<term id>` | — |
//! | [`Kind::Mistake`] | `/hiring` | `kit-heading` (no per-mistake id on the page yet) | — |
//! | [`Kind::Source`] | `/sources` | `source-<source id>` | — |
//! | [`Kind::Area`] (OEWS areas, once the default occupation's file is in) | `/locations` | `compare-heading` (`map-heading` for the nation) | `areas=<area code>` (none for the nation) |
//!
//! Skills have no section of their own. A skill points at the first roadmap item (stages and
//! items in dataset order) whose `related` list contains the skill's id (`/roadmap`,
//! `item-<id>`, `item=<id>`); failing that, at the FastAPI top-ten entry with the same id
//! (`/frameworks`, `tech-<id>`); failing both, the skill is left out of the index, because a
//! result that opens a page without showing the thing would only confuse.
//!
//! An entry with the same title and the same destination as an earlier one is left out (the
//! "FastAPI" technology would otherwise repeat the FastAPI framework card).
//!
//! # Matching and ranking
//!
//! Both sides go through [`normalize`] (`search/fold.rs`). An entry matches when *every* query word is a prefix of
//! some word of its searchable text (title, detail and the extra text stored per kind: a
//! framework's summary, language and pros, a question's answers, a term's meaning, an item's
//! text and the names of what it relates to...). Matches are ranked in tiers:
//!
//! 1. the title equals the query;
//! 2. the title starts with the query;
//! 3. every query word is a prefix of a title word;
//! 4. anything else that matches (the body).
//!
//! US areas ([`Kind::Area`]) always rank in tier 4: there are hundreds, and a place name should
//! not bury a page, a framework or a person with the same word.
//!
//! Titles are also compared with spaces removed, so "nodejs" equals "Node.js". Ties go by kind
//! ([`Kind::rank`]: Page, Framework, RoadmapItem, Note, Question, Term, Skill, Technology, Mistake,
//! Source, Stage), then by title.

// Search is a pack of its own, loaded when the dialog opens: its ranking keeps the standard
// sorts and its folding Rust's Unicode lowercasing (the byte rules of clippy.toml are for the
// first load).
#![allow(
    clippy::disallowed_methods,
    reason = "search's own pack, loaded on demand"
)]

mod fold;

use std::collections::HashSet;

pub use fold::normalize;

use crate::data::{Dataset, FrameworkKind, SkillCategory};

/// What an [`Entry`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Framework,
    RoadmapItem,
    Note,
    Stage,
    Skill,
    Technology,
    Question,
    Term,
    Mistake,
    Source,
    Page,
    Section,
    Area,
}

impl Kind {
    /// Every kind, in ranking order (see [`Kind::rank`]).
    pub const ALL: [Kind; 13] = [
        Kind::Page,
        Kind::Framework,
        Kind::Section,
        Kind::RoadmapItem,
        Kind::Note,
        Kind::Question,
        Kind::Term,
        Kind::Skill,
        Kind::Technology,
        Kind::Mistake,
        Kind::Source,
        Kind::Stage,
        Kind::Area,
    ];

    /// A short label shown next to a result.
    #[inline]
    pub fn label(self) -> &'static str {
        match self {
            Kind::Framework => "Framework",
            Kind::RoadmapItem => "Roadmap item",
            Kind::Note => "Your note",
            Kind::Stage => "Roadmap stage",
            Kind::Skill => "Skill",
            Kind::Technology => "Technology",
            Kind::Question => "Interview question",
            Kind::Term => "Technical term",
            Kind::Mistake => "Hiring mistake",
            Kind::Source => "Data source",
            Kind::Page => "Page",
            Kind::Area => "US area",
            Kind::Section => "Section",
        }
    }

    /// Position when results of the same tier tie: lower comes first.
    pub fn rank(self) -> u8 {
        match self {
            Kind::Page => 0,
            Kind::Framework => 1,
            Kind::Section => 2,
            Kind::RoadmapItem => 3,
            Kind::Note => 4,
            Kind::Question => 5,
            Kind::Term => 6,
            Kind::Skill => 7,
            Kind::Technology => 8,
            Kind::Mistake => 9,
            Kind::Source => 10,
            Kind::Stage => 11,
            Kind::Area => 12,
        }
    }
}

/// One search result: something with a place in the app.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    pub title: String,
    /// One short line of context shown under the title.
    pub detail: String,
    /// App route, without the base: `"/frameworks"`.
    pub path: &'static str,
    /// DOM id on that page: `"framework-fastapi"`.
    pub anchor: String,
    /// Extra query that opens it (`"item=intermediate-auth"`), without `?`.
    pub query: Option<String>,
}

impl Entry {
    /// Path, query and fragment, without the base:
    /// `"/roadmap?item=intermediate-auth#item-intermediate-auth"`.
    pub fn location(&self) -> String {
        match &self.query {
            Some(query) => format!("{}?{query}#{}", self.path, self.anchor),
            None => format!("{}#{}", self.path, self.anchor),
        }
    }
}

/// The app's routes with the titles their Page entries get, in navigation order.
pub const PAGES: [(&str, &str); 8] = [
    ("/", "Overview"),
    ("/salaries", "Salaries"),
    ("/locations", "Locations"),
    ("/frameworks", "Frameworks"),
    ("/roadmap", "Roadmap"),
    ("/offers", "Compare job offers"),
    ("/hiring", "Hiring"),
    ("/sources", "Sources"),
];

/// Longest detail line, in characters, before it is shortened with "…".
const DETAIL_MAX: usize = 90;

/// The pre-normalised text of one entry.
#[derive(Debug, Clone, PartialEq)]
struct Prepared {
    /// Normalised title.
    title: String,
    /// Normalised title without spaces.
    compact_title: String,
    /// Words of the title, plus punctuation-joined forms ("nodejs" for "Node.js").
    title_words: Vec<String>,
    /// Every searchable word (title, detail, extra text), sorted and deduplicated, so a prefix
    /// is found by binary search.
    words: Vec<String>,
}

/// Every searchable entry with its pre-normalised text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    entries: Vec<Entry>,
    prepared: Vec<Prepared>,
}

impl Index {
    /// Indexes the dataset and the app's pages (see the module documentation for what points
    /// where).
    pub fn build(d: &Dataset) -> Index {
        let mut builder = Builder::default();
        add_pages(&mut builder);
        add_sections(&mut builder, d);
        add_frameworks(&mut builder, d);
        add_technologies(&mut builder, d);
        add_roadmap(&mut builder, d);
        add_skills(&mut builder, d);
        add_hiring(&mut builder, d);
        add_sources(&mut builder, d);
        builder.index
    }

    /// [`Index::build`] plus every OEWS area of `file` (names, kinds and states searchable).
    pub fn build_with_areas(d: &Dataset, file: &crate::data::AreaFile) -> Index {
        let mut index = Index::build(d);
        let mut builder = Builder {
            index: std::mem::take(&mut index),
            seen: HashSet::new(),
        };
        add_areas(&mut builder, file);
        builder.index
    }

    /// Adds the reader's own roadmap notes (item id, note), each on its item; notes of items
    /// the roadmap does not have are left out.
    pub fn add_notes<'a>(
        &mut self,
        d: &Dataset,
        notes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) {
        let mut builder = Builder {
            index: std::mem::take(self),
            seen: HashSet::new(),
        };
        for (id, note) in notes {
            let Some(item) = d
                .roadmap
                .stages
                .iter()
                .flat_map(|stage| &stage.items)
                .find(|item| item.id == id)
            else {
                continue;
            };
            let one_line = note.split_whitespace().collect::<Vec<_>>().join(" ");
            builder.add(
                Kind::Note,
                &format!("Your note on “{}”", item.text),
                one_line,
                ("/roadmap", format!("item-{id}"), Some(format!("item={id}"))),
                &[note],
            );
        }
        *self = builder.index;
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry, in build order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Best matches first, at most `limit`. Empty/whitespace query -> empty vec.
    /// The words an entry is found by (normalised, sorted): what a query's words must be
    /// prefixes of. `None` for an entry of another index.
    pub fn words_of(&self, entry: &Entry) -> Option<&[String]> {
        let i = self.entries.iter().position(|e| std::ptr::eq(e, entry))?;
        Some(&self.prepared[i].words)
    }

    pub fn search(&self, query: &str, limit: usize) -> Vec<&Entry> {
        let query = normalize(query);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let compact_query: String = query.split(' ').collect();
        // A repeated word cannot change the result; dropping repeats bounds hostile input.
        let mut words: Vec<&str> = query.split(' ').collect();
        words.sort_unstable();
        words.dedup();
        // Longest first: a long word fails sooner, and then the shorter ones need no lookup.
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));

        let mut hits: Vec<(u8, usize)> = self
            .prepared
            .iter()
            .enumerate()
            .filter(|(_, p)| words.iter().all(|w| has_prefix(&p.words, w)))
            .map(|(i, p)| {
                let tier = tier(p, &query, &compact_query, &words);
                // ~570 US areas: a place name ranks with the body matches, after every other
                // kind's (a metro called "Sebastian" must not bury FastAPI's creator).
                let tier = if self.entries[i].kind == Kind::Area {
                    tier.max(3)
                } else {
                    tier
                };
                (tier, i)
            })
            .collect();
        hits.sort_unstable_by(|&(tier_a, a), &(tier_b, b)| {
            tier_a
                .cmp(&tier_b)
                .then(
                    self.entries[a]
                        .kind
                        .rank()
                        .cmp(&self.entries[b].kind.rank()),
                )
                .then_with(|| self.prepared[a].title.cmp(&self.prepared[b].title))
                .then_with(|| self.entries[a].title.cmp(&self.entries[b].title))
                .then(a.cmp(&b))
        });
        hits.into_iter()
            .take(limit)
            .map(|(_, i)| &self.entries[i])
            .collect()
    }
}

/// Lower tier is better: 0 exact title, 1 title prefix, 2 every word in the title, 3 body.
fn tier(p: &Prepared, query: &str, compact_query: &str, words: &[&str]) -> u8 {
    if p.title == query || p.compact_title == compact_query {
        0
    } else if p.title.starts_with(query) || p.compact_title.starts_with(compact_query) {
        1
    } else if words
        .iter()
        .all(|w| p.title_words.iter().any(|t| t.starts_with(w)))
    {
        2
    } else {
        3
    }
}

/// Whether some word of `sorted` starts with `prefix`. Words starting with `prefix` sort
/// right at or after it, so the first word not less than it is the only candidate needed.
fn has_prefix(sorted: &[String], prefix: &str) -> bool {
    let at = sorted.partition_point(|w| w.as_str() < prefix);
    sorted.get(at).is_some_and(|w| w.starts_with(prefix))
}

#[derive(Default)]
struct Builder {
    index: Index,
    seen: HashSet<(&'static str, String, Option<String>, String)>,
}

impl Builder {
    /// Adds an entry; `extra` is searchable text that is not shown.
    fn add(
        &mut self,
        kind: Kind,
        title: &str,
        detail: String,
        target: (&'static str, String, Option<String>),
        extra: &[&str],
    ) {
        let (path, anchor, query) = target;
        let norm_title = normalize(title);
        if !self
            .seen
            .insert((path, anchor.clone(), query.clone(), norm_title.clone()))
        {
            return;
        }
        let mut title_words: Vec<String> = norm_title.split(' ').map(str::to_owned).collect();
        title_words.extend(joined_words(title));
        title_words.retain(|w| !w.is_empty());

        let mut words = title_words.clone();
        for text in std::iter::once(detail.as_str()).chain(extra.iter().copied()) {
            words.extend(normalize(text).split(' ').map(str::to_owned));
            words.extend(joined_words(text));
        }
        words.retain(|w| !w.is_empty());
        words.sort_unstable();
        words.dedup();

        self.index.prepared.push(Prepared {
            compact_title: norm_title.split(' ').collect(),
            title: norm_title,
            title_words,
            words,
        });
        self.index.entries.push(Entry {
            kind,
            title: title.to_owned(),
            detail: shorten(&detail, DETAIL_MAX),
            path,
            anchor,
            query,
        });
    }
}

fn add_pages(b: &mut Builder) {
    for (path, title) in PAGES {
        let meta = crate::routes::meta(path);
        let description = crate::routes::description(path).unwrap_or_default();
        let heading = meta.map_or("", |m| m.heading);
        b.add(
            Kind::Page,
            title,
            description.to_owned(),
            (path, "main".to_owned(), None),
            &[heading],
        );
    }
}

/// The sections of the pages, each with the words a reader would look for it by and, where the
/// section shows one, its key figure in the detail line.
fn add_sections(b: &mut Builder, d: &Dataset) {
    use crate::format::{money, per};
    let offers = &d.offer_stats;
    let snapshot = &d.market_snapshot;
    let average = d.averages.first().map_or_else(String::new, |a| {
        format!(
            "{}{}: {} {} {}",
            a.cited_from.as_deref().unwrap_or_default(),
            a.as_of
                .as_deref()
                .map(|w| format!(", {w}"))
                .unwrap_or_default(),
            a.role,
            money(f64::from(a.value)),
            per(a.period)
        )
    });
    let sections: [(&'static str, &str, &str, String, &str); 17] = [
        (
            "/salaries",
            "ranges-heading",
            "Salary range by seniority",
            "Each source's range per level, with a consensus".into(),
            "levels seniority junior middle senior lead architect principal consensus range chart",
        ),
        (
            "/salaries",
            "years-heading",
            "Salary by years of experience",
            "Each source's bands over years of experience".into(),
            "experience years chart",
        ),
        (
            "/salaries",
            "offers-heading",
            "Offer statistics",
            format!(
                "{} offers · median salary expectation {} {}",
                offers.total_offers,
                money(f64::from(offers.median_expectation)),
                per(offers.period)
            ),
            "median weighted percentiles histogram import csv offers where do i stand statistics",
        ),
        (
            "/salaries",
            "averages-heading",
            "Average pay: back-end vs front-end",
            average,
            "payscale average frontend backend",
        ),
        (
            "/hiring",
            "snapshot-heading",
            "Market snapshot",
            format!(
                "Senior salary ({}) {} · hiring difficulty {} · time to hire {}",
                snapshot.region,
                snapshot.salary_quote,
                snapshot.hiring_difficulty,
                snapshot.time_to_hire_quote
            ),
            "market time to hire hiring difficulty senior salary weeks",
        ),
        (
            "/hiring",
            "kit-heading",
            "Interview kit",
            "Questions with junior and senior answers, to tick, print and copy".into(),
            "interview questions kit print markdown",
        ),
        (
            "/hiring",
            "resume-heading",
            "Resume check",
            "Green and yellow flags found in a pasted resume, in the browser only".into(),
            "resume cv flags green yellow check",
        ),
        (
            "/hiring",
            "terms-heading",
            "Technical terms",
            "The glossary of the hiring guide".into(),
            "glossary terms",
        ),
        (
            "/locations",
            "map-heading",
            "Pay by state",
            "BLS OEWS wage percentiles by US state, on a map".into(),
            "map state states bls oews wages percentile median mean us",
        ),
        (
            "/locations",
            "areas-heading",
            "Every area",
            "Every US state and metro area, searchable and sortable".into(),
            "metro city cities list areas",
        ),
        (
            "/locations",
            "compare-heading",
            "Compare areas",
            "Box plots of the areas picked, where you stand and a pay range for a job post".into(),
            "compare box plot job post pay range",
        ),
        (
            "/frameworks",
            "chooser-heading",
            "Which should I choose?",
            "Four questions; the answer quotes the sources".into(),
            "choose which framework recommend quiz pick",
        ),
        (
            "/frameworks",
            "timeline-heading",
            "When they appeared",
            "First release years, per the sources".into(),
            "release year timeline history",
        ),
        (
            "/frameworks",
            "fastapi-heading",
            "FastAPI up close",
            "Quick facts and the top ten related technologies".into(),
            "fastapi top ten related facts",
        ),
        (
            "/offers",
            "totals-heading",
            "Total pay per offer",
            "First-year and annualized totals of your job offers, side by side".into(),
            "offer offers compare job total compensation sign-on signing bonus equity rsu vesting cliff first year annualized",
        ),
        (
            "/offers",
            "market-heading",
            "Offers against the market",
            "Each offer's base salary against the sources and BLS percentiles".into(),
            "offer offers market placement percentile bls level location",
        ),
        (
            "/roadmap",
            "transfer-heading",
            "Keep or share your progress",
            "Export, import or share your roadmap progress".into(),
            "export import share progress json backup",
        ),
    ];
    for (path, anchor, title, detail, words) in sections {
        b.add(
            Kind::Section,
            title,
            detail,
            (path, anchor.to_owned(), None),
            &[words],
        );
    }
    // Each level's salaries: the seniority chart with that level only.
    for level in crate::data::Level::ALL {
        b.add(
            Kind::Section,
            &format!("{} salaries", level.label()),
            format!("Salary range by seniority, {} level", level.id()),
            (
                "/salaries",
                "ranges-heading".to_owned(),
                Some(format!("levels={}", level.id())),
            ),
            &["level pay"],
        );
    }
}

fn add_frameworks(b: &mut Builder, d: &Dataset) {
    for f in &d.frameworks {
        let kind = match f.kind {
            FrameworkKind::Framework => "framework",
            FrameworkKind::Runtime => "runtime",
        };
        let mut detail = format!("{} {kind}", f.language);
        if let Some(year) = f.first_release {
            detail.push_str(&format!(" · {year}"));
        }
        if let Some(creator) = &f.creator {
            detail.push_str(&format!(" · {creator}"));
        }
        let mut extra: Vec<&str> = vec![&f.id, &f.summary.text];
        extra.extend(f.pros.iter().map(|c| c.text.as_str()));
        if f.hello_world.is_some() {
            extra.extend(["hello world", "code sample example"]);
        }
        b.add(
            Kind::Framework,
            &f.name,
            detail,
            ("/frameworks", format!("framework-{}", f.id), None),
            &extra,
        );
    }
}

fn add_technologies(b: &mut Builder, d: &Dataset) {
    for t in &d.fastapi.top_related {
        b.add(
            Kind::Technology,
            &t.name,
            format!("FastAPI top ten #{} · {}", t.rank, t.summary),
            ("/frameworks", format!("tech-{}", t.id), None),
            &[&t.id, &t.summary],
        );
    }
    for t in &d.technologies {
        let detail = match (&t.creator, t.year) {
            (Some(creator), Some(year)) => format!("Created by {creator}, {year}"),
            (Some(creator), None) => format!("Created by {creator}"),
            (None, Some(year)) => format!("First released in {year}"),
            (None, None) => "On the release timeline".to_owned(),
        };
        let anchor = if d.frameworks.iter().any(|f| f.id == t.id) {
            format!("framework-{}", t.id)
        } else {
            "timeline-heading".to_owned()
        };
        b.add(
            Kind::Technology,
            &t.name,
            detail,
            ("/frameworks", anchor, None),
            &[&t.id],
        );
    }
}

fn add_roadmap(b: &mut Builder, d: &Dataset) {
    for stage in &d.roadmap.stages {
        b.add(
            Kind::Stage,
            &stage.name,
            format!(
                "Stage {} · {} · {}",
                stage.number, stage.duration_label, stage.summary
            ),
            (
                "/roadmap",
                format!("stage-{}", stage.number),
                Some(format!("stage={}", stage.number)),
            ),
            &[],
        );
        for item in &stage.items {
            let related: Vec<&str> = item
                .related
                .iter()
                .filter_map(|id| d.related(id).map(|r| r.name))
                .collect();
            b.add(
                Kind::RoadmapItem,
                &item.text,
                format!(
                    "Stage {} · {} · {}",
                    stage.number, stage.name, stage.duration_label
                ),
                (
                    "/roadmap",
                    format!("item-{}", item.id),
                    Some(format!("item={}", item.id)),
                ),
                &related,
            );
        }
    }
}

fn add_skills(b: &mut Builder, d: &Dataset) {
    for skill in &d.skills {
        let category = category_label(skill.category);
        let item = d
            .roadmap
            .stages
            .iter()
            .flat_map(|stage| &stage.items)
            .find(|item| item.related.contains(&skill.id));
        let (detail, target) = if let Some(item) = item {
            (
                format!("{category} · on the roadmap: {}", item.text),
                (
                    "/roadmap",
                    format!("item-{}", item.id),
                    Some(format!("item={}", item.id)),
                ),
            )
        } else if d.fastapi.top_related.iter().any(|t| t.id == skill.id) {
            (
                format!("{category} · FastAPI top ten"),
                ("/frameworks", format!("tech-{}", skill.id), None),
            )
        } else {
            continue;
        };
        let summary = skill.summary.as_deref().unwrap_or("");
        b.add(Kind::Skill, &skill.name, detail, target, &[summary]);
    }
}

fn add_hiring(b: &mut Builder, d: &Dataset) {
    for q in &d.hiring.questions {
        b.add(
            Kind::Question,
            &q.question,
            format!("Senior answer: {}", q.senior_answer),
            ("/hiring", format!("question-{}", q.id), None),
            &[&q.junior_answer],
        );
    }
    for t in &d.hiring.terms {
        b.add(
            Kind::Term,
            &t.term,
            t.meaning.clone(),
            ("/hiring", format!("term-{}", t.id), None),
            &[],
        );
    }
    for m in &d.hiring.mistakes {
        b.add(
            Kind::Mistake,
            &m.title,
            m.problem.clone(),
            ("/hiring", "kit-heading".to_owned(), None),
            &[&m.fix],
        );
    }
}

fn add_sources(b: &mut Builder, d: &Dataset) {
    for s in &d.sources {
        let mut detail = s.label();
        if let Some(publisher) = s.publisher.as_deref().filter(|p| !detail.contains(p)) {
            detail.push_str(&format!(" · {publisher}"));
        }
        b.add(
            Kind::Source,
            &s.title,
            detail,
            ("/sources", format!("source-{}", s.id), None),
            &[&s.id],
        );
    }
}

fn add_areas(b: &mut Builder, file: &crate::data::AreaFile) {
    for a in &file.areas {
        let median = crate::oews::wage_text(&a.figures, crate::oews::Stat::Median).map_or_else(
            || "median not released".to_owned(),
            |m| format!("median {m} a year"),
        );
        let detail = format!(
            "{} · {}, {median} (BLS OEWS)",
            a.kind.label(),
            file.occupation.name
        );
        let target = if a.code == crate::query::locations::NATION {
            ("/locations", "map-heading".to_owned(), None)
        } else {
            (
                "/locations",
                "compare-heading".to_owned(),
                Some(format!("areas={}", a.code)),
            )
        };
        let states = a.states.join(" ");
        b.add(
            Kind::Area,
            crate::oews::display_name(a),
            detail,
            target,
            &[&states, &a.name],
        );
    }
}

fn category_label(category: SkillCategory) -> &'static str {
    match category {
        SkillCategory::Language => "Language",
        SkillCategory::FrontEnd => "Front end",
        SkillCategory::Database => "Database",
        SkillCategory::ServerSoftware => "Server software",
        SkillCategory::Api => "API",
        SkillCategory::DataStructures => "Data structures",
        SkillCategory::Security => "Security",
        SkillCategory::DevTool => "Developer tool",
        SkillCategory::TestingTool => "Testing tool",
        SkillCategory::Infrastructure => "Infrastructure",
        SkillCategory::Other => "Other",
    }
}

/// For each whitespace-separated chunk with inner punctuation ("Node.js", "async/await"), the
/// chunk's words run together ("nodejs"), so a query typed without the punctuation finds it.
fn joined_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter_map(|chunk| {
            let norm = normalize(chunk);
            norm.contains(' ').then(|| norm.split(' ').collect())
        })
        .collect()
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut.
fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut = text
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:·-–—(".contains(c));
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word_and_marks_it() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten("ééééééééééé", 5), "éééé…");
    }

    #[test]
    fn has_prefix_finds_only_real_prefixes() {
        let words: Vec<String> = ["api", "fastapi", "flask"].map(String::from).to_vec();
        assert!(has_prefix(&words, "fast"));
        assert!(has_prefix(&words, "f"));
        assert!(has_prefix(&words, "flask"));
        assert!(!has_prefix(&words, "flasks"));
        assert!(!has_prefix(&words, "b"));
        assert!(!has_prefix(&[], "a"));
    }

    #[test]
    fn joined_words_run_punctuated_chunks_together() {
        assert_eq!(
            joined_words("Node.js and async/await"),
            ["nodejs", "asyncawait"]
        );
        assert!(joined_words("plain words").is_empty());
    }
}
