//! Checks a parsed [`Dataset`] for what serde cannot: references, ranges, duplicates and text.
//!
//! [`validate`] never stops at the first problem: it walks every section and returns all of
//! them, each with the JSON path it concerns (`salary_bands[3].salary.max`), so one look at the
//! error panel shows everything that needs fixing.

use super::error::Problem;
use super::model::*;
use super::path::Path;

/// The `usecase=` values the hiring page understands.
const USE_CASE_IDS: [&str; 3] = ["apis", "ml", "microservices"];

/// Returns every problem found in `d` (empty when the dataset is sound).
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut c = Checker::new(d);
    if d.schema_version != SCHEMA_VERSION {
        c.report(
            &Path::root("schema_version"),
            format!(
                "schema version {} is not {SCHEMA_VERSION}",
                d.schema_version
            ),
        );
    }
    c.sources(&d.sources);
    c.salary_bands(&d.salary_bands);
    c.offer_stats(&d.offer_stats);
    c.averages(&d.averages);
    c.market_snapshot(&d.market_snapshot, &d.salary_bands);
    c.technologies(&d.technologies);
    c.frameworks(&d.frameworks);
    c.fastapi(&d.fastapi);
    c.roadmap(&d.roadmap, &related_targets(d));
    c.responsibilities(&d.responsibilities);
    c.career_ladder(&d.career_ladder);
    c.skills(&d.skills);
    c.claims(&Path::root("backend_duties"), &d.backend_duties);
    c.claims(&Path::root("backend_uses"), &d.backend_uses);
    c.hiring(&d.hiring);
    if let Some(role) = &d.role {
        c.role(role);
    }
    if let Some(oews) = &d.oews {
        let found = super::oews_check::release(oews, &c.source_ids);
        c.problems.extend(found);
    }
    c.problems
}

/// Keys seen so far in one list, each with where it was first seen. A linear scan: the lists
/// are short (dozens of entries), and it is much less wasm than the hash maps it replaced
/// (validation runs in the main module, which every route downloads).
struct Seen<K, V>(Vec<(K, V)>);

impl<K: PartialEq, V: Copy> Seen<K, V> {
    fn new() -> Self {
        Seen(Vec::new())
    }

    /// Where `key` was first seen, or `None` (and `key` is recorded at `at`) if it is new.
    fn first(&mut self, key: K, at: V) -> Option<V> {
        match self.0.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => Some(*first),
            None => {
                self.0.push((key, at));
                None
            }
        }
    }
}

/// Every id a roadmap item's `related` list may point at.
fn related_targets(d: &Dataset) -> Vec<&str> {
    let skills = d.skills.iter().map(|s| s.id.as_str());
    let technologies = d.technologies.iter().map(|t| t.id.as_str());
    let frameworks = d.frameworks.iter().map(|f| f.id.as_str());
    let top = d.fastapi.top_related.iter().map(|r| r.id.as_str());
    skills
        .chain(technologies)
        .chain(frameworks)
        .chain(top)
        .collect()
}

struct Checker<'a> {
    source_ids: Vec<&'a str>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn new(d: &'a Dataset) -> Self {
        Checker {
            source_ids: d.sources.iter().map(|s| s.id.as_str()).collect(),
            problems: Vec::new(),
        }
    }

    fn report(&mut self, path: &Path, message: impl Into<String>) {
        self.problems.push(Problem::new(path.to_string(), message));
    }

    // ---- shared helpers -------------------------------------------------------------------

    /// A required string must have something besides whitespace, and no control characters
    /// except newline and tab (they would render as garbage).
    fn required(&mut self, path: &Path, value: &str) {
        if value.trim().is_empty() {
            self.report(path, "must not be empty");
        }
        if let Some(bad) = value
            .chars()
            .find(|&ch| ch.is_control() && ch != '\n' && ch != '\t')
        {
            self.report(
                path,
                format!("contains the control character U+{:04X}", u32::from(bad)),
            );
        }
    }

    fn source_ref(&mut self, path: &Path, id: &str) {
        if !self.source_ids.contains(&id) {
            self.report(path, format!("unknown source \"{id}\" (not in sources)"));
        }
    }

    fn claim(&mut self, path: &Path, claim: &Claim) {
        self.required(&path.field("text"), &claim.text);
        self.source_ref(&path.field("source"), &claim.source);
    }

    fn claims(&mut self, path: &Path, claims: &[Claim]) {
        for (i, claim) in claims.iter().enumerate() {
            self.claim(&path.index(i), claim);
        }
    }

    fn strings(&mut self, path: &Path, values: &[String]) {
        for (i, value) in values.iter().enumerate() {
            self.required(&path.index(i), value);
        }
    }

    /// Reports every id that repeats an earlier one. `ids` yields (path of the id, id).
    fn unique_ids<'s>(&mut self, ids: impl IntoIterator<Item = (Path, &'s str)>) {
        let mut seen = Seen::new();
        for (path, id) in ids {
            self.required(&path, id);
            if let Some(first) = seen.first(id, path) {
                let message = format!("duplicate id \"{id}\" (first used at {first})");
                self.report(&path, message);
            }
        }
    }

    fn salary(&mut self, path: &Path, salary: &SalaryFigure) {
        match *salary {
            SalaryFigure::Range { min, max } => {
                self.positive(&path.field("min"), min);
                self.positive(&path.field("max"), max);
                if min > max {
                    self.report(
                        &path.field("max"),
                        format!("salary max {max} is less than min {min}"),
                    );
                }
            }
            SalaryFigure::OpenRange { min, stated_top } => {
                self.positive(&path.field("min"), min);
                if let Some(top) = stated_top {
                    if top < min {
                        self.report(
                            &path.field("stated_top"),
                            format!("stated_top {top} is less than min {min}"),
                        );
                    }
                }
            }
            SalaryFigure::Point { value } => self.positive(&path.field("value"), value),
        }
    }

    fn positive(&mut self, path: &Path, value: u32) {
        if value == 0 {
            self.report(path, "must be greater than 0");
        }
    }

    fn span(&mut self, path: &Path, range: &YearsRange) {
        if let Some(max) = range.max {
            if range.min > max {
                let message = format!("max {max} is less than min {}", range.min);
                self.report(&path.field("max"), message);
            }
        }
    }

    // ---- sections -------------------------------------------------------------------------

    fn sources(&mut self, sources: &[Source]) {
        let list = Path::root("sources");
        self.unique_ids(
            sources
                .iter()
                .enumerate()
                .map(|(i, s)| (list.index(i).field("id"), s.id.as_str())),
        );
        for (i, source) in sources.iter().enumerate() {
            let path = list.index(i);
            self.required(&path.field("title"), &source.title);
            self.required(&path.field("short_name"), &source.short_name);
            if source.file.is_none() && source.url.is_none() {
                self.report(&path, "a source needs a file or a url");
            }
            if let Some(file) = &source.file {
                self.required(&path.field("file"), file);
            }
            if let Some(url) = &source.url {
                if !url.starts_with("https://") && !url.starts_with("http://") {
                    self.report(&path.field("url"), "must be an http(s) address");
                }
            }
            if source.measures.sample_size == Some(0) {
                self.report(
                    &path.field("measures").field("sample_size"),
                    "must be greater than 0",
                );
            }
            self.strings(&path.field("taken"), &source.taken);
        }
    }

    fn salary_bands(&mut self, bands: &[SalaryBand]) {
        let list = Path::root("salary_bands");
        self.unique_ids(
            bands
                .iter()
                .enumerate()
                .map(|(i, b)| (list.index(i).field("id"), b.id.as_str())),
        );
        let mut seen = Seen::new();
        for (i, band) in bands.iter().enumerate() {
            let path = list.index(i);
            self.source_ref(&path.field("source"), &band.source);
            self.required(&path.field("role"), &band.role);
            self.required(&path.field("source_label"), &band.source_label);
            self.required(&path.field("quote"), &band.quote);
            if let Some(years) = &band.years {
                self.span(&path.field("years"), years);
            }
            if let Some(region) = &band.region {
                self.required(&path.field("region"), region);
            }
            self.salary(&path.field("salary"), &band.salary);
            let key = (band.source.as_str(), band.role.as_str(), band.level);
            if let Some(first) = seen.first(key, i) {
                let message = format!(
                    "second \"{}\" band for this source and role (first at salary_bands[{first}])",
                    band.level.id()
                );
                self.report(&path.field("level"), message);
            }
        }
    }

    fn offer_stats(&mut self, stats: &OfferStats) {
        let path = Path::root("offer_stats");
        self.source_ref(&path.field("source"), &stats.source);
        self.required(&path.field("role"), &stats.role);
        self.positive(&path.field("total_offers"), stats.total_offers);
        self.positive(&path.field("median_expectation"), stats.median_expectation);
        self.positive(&path.field("bucket_width"), stats.bucket_width);
        if let Some(note) = &stats.period_note {
            self.required(&path.field("period_note"), note);
        }
        self.strings(&path.field("method"), &stats.method);
    }

    fn averages(&mut self, averages: &[Average]) {
        let list = Path::root("averages");
        self.unique_ids(
            averages
                .iter()
                .enumerate()
                .map(|(i, a)| (list.index(i).field("id"), a.id.as_str())),
        );
        for (i, average) in averages.iter().enumerate() {
            let path = list.index(i);
            self.source_ref(&path.field("source"), &average.source);
            self.required(&path.field("role"), &average.role);
            self.required(&path.field("quote"), &average.quote);
            self.positive(&path.field("value"), average.value);
        }
    }

    /// The snapshot's salary is also its source's band for that level (so that the seniority
    /// chart shows it): the two must say the same.
    fn market_snapshot(&mut self, snapshot: &MarketSnapshot, bands: &[SalaryBand]) {
        let path = Path::root("market_snapshot");
        let same = |b: &&SalaryBand| {
            b.source == snapshot.source
                && b.level == snapshot.level
                && b.salary == snapshot.salary
                && b.period == snapshot.period
                && b.region.as_deref() == Some(snapshot.region.as_str())
        };
        if !bands.iter().any(|b| same(&b)) {
            let message = format!(
                "no salary_bands entry of source {} for level {} in {} with this salary",
                snapshot.source,
                snapshot.level.id(),
                snapshot.region
            );
            self.report(&path.field("salary"), message);
        }
        self.source_ref(&path.field("source"), &snapshot.source);
        self.required(&path.field("role"), &snapshot.role);
        self.required(&path.field("region"), &snapshot.region);
        self.required(&path.field("salary_quote"), &snapshot.salary_quote);
        self.required(
            &path.field("hiring_difficulty"),
            &snapshot.hiring_difficulty,
        );
        self.required(
            &path.field("time_to_hire_quote"),
            &snapshot.time_to_hire_quote,
        );
        self.salary(&path.field("salary"), &snapshot.salary);
        self.span(
            &path.field("time_to_hire_weeks"),
            &snapshot.time_to_hire_weeks,
        );
    }

    fn technologies(&mut self, technologies: &[Technology]) {
        let list = Path::root("technologies");
        self.unique_ids(
            technologies
                .iter()
                .enumerate()
                .map(|(i, t)| (list.index(i).field("id"), t.id.as_str())),
        );
        for (i, technology) in technologies.iter().enumerate() {
            let path = list.index(i);
            self.required(&path.field("name"), &technology.name);
            self.source_ref(&path.field("source"), &technology.source);
        }
    }

    fn frameworks(&mut self, frameworks: &[Framework]) {
        let list = Path::root("frameworks");
        self.unique_ids(
            frameworks
                .iter()
                .enumerate()
                .map(|(i, f)| (list.index(i).field("id"), f.id.as_str())),
        );
        for (i, framework) in frameworks.iter().enumerate() {
            self.framework(&list.index(i), framework);
        }
    }

    fn framework(&mut self, path: &Path, f: &Framework) {
        self.required(&path.field("name"), &f.name);
        if f.language.trim().is_empty() {
            self.report(&path.field("language"), "every framework needs a language");
        }
        self.source_ref(&path.field("language_source"), &f.language_source);
        match &f.facts_source {
            Some(source) => self.source_ref(&path.field("facts_source"), source),
            None if f.first_release.is_some() || f.creator.is_some() => {
                self.report(
                    &path.field("facts_source"),
                    "must be set when first_release or creator is set",
                );
            }
            None => {}
        }
        if let Some(creator) = &f.creator {
            self.required(&path.field("creator"), creator);
        }
        self.claim(&path.field("summary"), &f.summary);
        self.claims(&path.field("async_notes"), &f.async_notes);
        let sources = {
            let mut ids: Vec<&str> = f.async_notes.iter().map(|c| c.source.as_str()).collect();
            #[expect(clippy::disallowed_methods, reason = "in the validator's own chunk")]
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        };
        match f.async_support {
            AsyncSupport::Unknown if !f.async_notes.is_empty() => self.report(
                &path.field("async_notes"),
                "must be empty when async_support is unknown",
            ),
            AsyncSupport::SourcesDiffer if sources < 2 => self.report(
                &path.field("async_notes"),
                "must quote two sources or more when async_support is sources_differ",
            ),
            AsyncSupport::Native | AsyncSupport::No if f.async_notes.is_empty() => self.report(
                &path.field("async_notes"),
                "must quote the source when async_support is not unknown",
            ),
            _ => {}
        }
        self.claims(&path.field("pros"), &f.pros);
        self.claims(&path.field("cons"), &f.cons);
        self.claims(&path.field("use_when"), &f.use_when);
        if let Some(sample) = &f.hello_world {
            let sample_path = path.field("hello_world");
            self.required(&sample_path.field("language"), &sample.language);
            self.required(&sample_path.field("code"), &sample.code);
            self.source_ref(&sample_path.field("source"), &sample.source);
        }
    }

    fn role(&mut self, role: &Role) {
        let path = Path::root("role");
        self.source_ref(&path.field("source"), &role.source);
        self.required(&path.field("overview"), &role.overview);
        self.strings(&path.field("work_environment"), &role.work_environment);
        self.strings(&path.field("frameworks"), &role.frameworks);
    }

    fn fastapi(&mut self, fastapi: &FastApiFacts) {
        let path = Path::root("fastapi");
        self.claims(&path.field("facts"), &fastapi.facts);
        for (i, s) in fastapi.used_for.iter().enumerate() {
            let item = path.field("used_for").index(i);
            self.required(&item.field("summary"), &s.summary);
            self.source_ref(&item.field("source"), &s.source);
        }
        let list = path.field("top_related");
        let top = &fastapi.top_related;
        self.unique_ids(
            top.iter()
                .enumerate()
                .map(|(i, r)| (list.index(i).field("id"), r.id.as_str())),
        );
        let mut ranks = Seen::new();
        for (i, related) in top.iter().enumerate() {
            let item = list.index(i);
            self.required(&item.field("name"), &related.name);
            self.required(&item.field("summary"), &related.summary);
            if let Some(code) = &related.code {
                self.required(&item.field("code"), code);
            }
            self.source_ref(&item.field("source"), &related.source);
            if related.rank == 0 {
                self.report(&item.field("rank"), "ranks start at 1");
            }
            if let Some(first) = ranks.first(related.rank, i) {
                let message = format!("rank {} repeats top_related[{first}]", related.rank);
                self.report(&item.field("rank"), message);
            }
        }
    }

    fn roadmap(&mut self, roadmap: &Roadmap, targets: &[&str]) {
        let path = Path::root("roadmap");
        self.source_ref(&path.field("source"), &roadmap.source);
        let stages = path.field("stages");
        self.unique_ids(
            roadmap
                .stages
                .iter()
                .enumerate()
                .map(|(i, s)| (stages.index(i).field("id"), s.id.as_str())),
        );
        // Item ids are unique across the whole roadmap (they are URL fragments).
        self.unique_ids(roadmap.stages.iter().enumerate().flat_map(|(i, stage)| {
            let items = stages.index(i).field("items");
            stage
                .items
                .iter()
                .enumerate()
                .map(move |(j, item)| (items.index(j).field("id"), item.id.as_str()))
        }));
        for (i, stage) in roadmap.stages.iter().enumerate() {
            let stage_path = stages.index(i);
            let expected = i + 1;
            if usize::from(stage.number) != expected {
                let message = format!("stage number {} should be {expected}", stage.number);
                self.report(&stage_path.field("number"), message);
            }
            self.required(&stage_path.field("name"), &stage.name);
            self.required(&stage_path.field("duration_label"), &stage.duration_label);
            self.required(&stage_path.field("summary"), &stage.summary);
            self.span(&stage_path.field("months"), &stage.months);
            for (j, item) in stage.items.iter().enumerate() {
                let item_path = stage_path.field("items").index(j);
                self.required(&item_path.field("text"), &item.text);
                for (k, id) in item.related.iter().enumerate() {
                    if !targets.contains(&id.as_str()) {
                        let message = format!(
                            "related id \"{id}\" is not a skill, technology, framework or FastAPI top-ten entry"
                        );
                        self.report(&item_path.field("related").index(k), message);
                    }
                }
            }
        }
    }

    fn responsibilities(&mut self, responsibilities: &[Responsibilities]) {
        let list = Path::root("responsibilities");
        let mut seen = Seen::new();
        for (i, entry) in responsibilities.iter().enumerate() {
            let path = list.index(i);
            self.source_ref(&path.field("source"), &entry.source);
            self.required(&path.field("source_label"), &entry.source_label);
            self.strings(&path.field("items"), &entry.items);
            if let Some(first) = seen.first((entry.source.as_str(), entry.level), i) {
                let message = format!(
                    "second \"{}\" entry for this source (first at responsibilities[{first}])",
                    entry.level.id()
                );
                self.report(&path.field("level"), message);
            }
        }
    }

    fn career_ladder(&mut self, ladder: &CareerLadder) {
        let path = Path::root("career_ladder");
        self.source_ref(&path.field("source"), &ladder.source);
        self.strings(&path.field("steps"), &ladder.steps);
        self.strings(&path.field("specialisations"), &ladder.specialisations);
    }

    fn skills(&mut self, skills: &[Skill]) {
        let list = Path::root("skills");
        self.unique_ids(
            skills
                .iter()
                .enumerate()
                .map(|(i, s)| (list.index(i).field("id"), s.id.as_str())),
        );
        for (i, skill) in skills.iter().enumerate() {
            let path = list.index(i);
            self.required(&path.field("name"), &skill.name);
            if let Some(summary) = &skill.summary {
                self.required(&path.field("summary"), summary);
            }
            self.source_ref(&path.field("source"), &skill.source);
        }
    }

    fn hiring(&mut self, h: &Hiring) {
        let path = Path::root("hiring");
        self.source_ref(&path.field("source"), &h.source);
        for (i, build) in h.builds.iter().enumerate() {
            let build_path = path.field("builds").index(i);
            self.required(&build_path.field("title"), &build.title);
            self.strings(&build_path.field("points"), &build.points);
        }
        for (i, area) in h.profile.iter().enumerate() {
            let area_path = path.field("profile").index(i);
            self.required(&area_path.field("title"), &area.title);
            self.strings(&area_path.field("points"), &area.points);
        }
        self.mistakes(&path.field("mistakes"), &h.mistakes);
        self.flags(&path, h);
        self.terms(&path.field("terms"), &h.terms);
        self.questions(&path.field("questions"), &h.questions);
        self.use_cases(&path.field("use_cases"), &h.use_cases);
        for (i, faq) in h.faq.iter().enumerate() {
            let faq_path = path.field("faq").index(i);
            if let Some(question) = &faq.question {
                self.required(&faq_path.field("question"), question);
            }
            self.required(&faq_path.field("answer"), &faq.answer);
        }
    }

    fn mistakes(&mut self, list: &Path, mistakes: &[HiringMistake]) {
        self.unique_ids(
            mistakes
                .iter()
                .enumerate()
                .map(|(i, m)| (list.index(i).field("id"), m.id.as_str())),
        );
        for (i, mistake) in mistakes.iter().enumerate() {
            let path = list.index(i);
            self.required(&path.field("title"), &mistake.title);
            self.required(&path.field("problem"), &mistake.problem);
            self.required(&path.field("fix"), &mistake.fix);
        }
    }

    /// Green and yellow flags share one id space (both appear on one resume check).
    fn flags(&mut self, hiring: &Path, h: &Hiring) {
        let green = hiring.field("green_flags");
        let yellow = hiring.field("yellow_flags");
        let all: Vec<(Path, &ResumeFlag)> = h
            .green_flags
            .iter()
            .enumerate()
            .map(|(i, f)| (green.index(i), f))
            .chain(
                h.yellow_flags
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (yellow.index(i), f)),
            )
            .collect();
        self.unique_ids(
            all.iter()
                .map(|(path, f)| (path.field("id"), f.id.as_str())),
        );
        for (path, flag) in &all {
            self.required(&path.field("text"), &flag.text);
            let own = flag
                .keywords
                .iter()
                .enumerate()
                .map(|(k, w)| ("keywords", k, w));
            let aids = flag.app_keywords.iter().enumerate();
            for (field, k, keyword) in own.chain(aids.map(|(k, w)| ("app_keywords", k, w))) {
                let keyword_path = path.field(field).index(k);
                if field == "app_keywords" && flag.keywords.contains(keyword) {
                    self.report(&keyword_path, "is already one of the flag's own keywords");
                }
                if keyword.trim().is_empty() {
                    self.report(&keyword_path, "must not be empty");
                } else if keyword.trim() != keyword || keyword.chars().any(char::is_uppercase) {
                    // (`is_uppercase`, not a comparison with `to_lowercase`: the lowercase
                    // tables would then ship in the main module, which every route downloads.)
                    self.report(
                        &keyword_path,
                        "keywords are lowercase, without outer spaces",
                    );
                }
            }
        }
    }

    fn terms(&mut self, list: &Path, terms: &[Term]) {
        self.unique_ids(
            terms
                .iter()
                .enumerate()
                .map(|(i, t)| (list.index(i).field("id"), t.id.as_str())),
        );
        for (i, term) in terms.iter().enumerate() {
            let path = list.index(i);
            self.required(&path.field("term"), &term.term);
            self.required(&path.field("meaning"), &term.meaning);
        }
    }

    fn questions(&mut self, list: &Path, questions: &[Question]) {
        self.unique_ids(
            questions
                .iter()
                .enumerate()
                .map(|(i, q)| (list.index(i).field("id"), q.id.as_str())),
        );
        for (i, question) in questions.iter().enumerate() {
            let path = list.index(i);
            self.required(&path.field("question"), &question.question);
            self.required(&path.field("junior_answer"), &question.junior_answer);
            self.required(&path.field("senior_answer"), &question.senior_answer);
        }
    }

    fn use_cases(&mut self, list: &Path, use_cases: &[UseCase]) {
        self.unique_ids(
            use_cases
                .iter()
                .enumerate()
                .map(|(i, u)| (list.index(i).field("id"), u.id.as_str())),
        );
        for (i, use_case) in use_cases.iter().enumerate() {
            let path = list.index(i);
            if !USE_CASE_IDS.contains(&use_case.id.as_str()) {
                let message = format!(
                    "use case id \"{}\" is not one of {}",
                    use_case.id,
                    USE_CASE_IDS.join(", ")
                );
                self.report(&path.field("id"), message);
            }
            self.required(&path.field("title"), &use_case.title);
            self.required(&path.field("priority"), &use_case.priority);
            self.required(&path.field("interview_focus"), &use_case.interview_focus);
            self.required(&path.field("red_flag"), &use_case.red_flag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_builder_formats_fields_and_indices() {
        let path = Path::root("salary_bands")
            .index(3)
            .field("salary")
            .field("max");
        assert_eq!(path.to_string(), "salary_bands[3].salary.max");
        assert_eq!(
            Path::root("").field("sources").index(0).to_string(),
            "sources[0]"
        );
        let deepest = Path::root("roadmap")
            .field("stages")
            .index(1)
            .field("items")
            .index(2)
            .field("related")
            .index(3);
        assert_eq!(deepest.to_string(), "roadmap.stages[1].items[2].related[3]");
    }

    #[test]
    fn reports_duplicates_with_the_first_position() {
        let d = empty_dataset();
        let mut c = Checker::new(&d);
        let list = Path::root("skills");
        c.unique_ids([
            (list.index(0).field("id"), "a"),
            (list.index(1).field("id"), "a"),
        ]);
        assert_eq!(c.problems.len(), 1);
        assert_eq!(c.problems[0].path, "skills[1].id");
        assert!(c.problems[0].message.contains("skills[0].id"));
    }

    #[test]
    fn rejects_control_characters_but_not_newlines() {
        let d = empty_dataset();
        let mut c = Checker::new(&d);
        c.required(&Path::root("a"), "line\nnext\ttab");
        assert!(c.problems.is_empty());
        c.required(&Path::root("b"), "bell\u{7}");
        assert_eq!(c.problems.len(), 1);
        assert_eq!(c.problems[0].path, "b");
    }

    #[test]
    fn checks_salary_ranges() {
        let d = empty_dataset();
        let mut c = Checker::new(&d);
        c.salary(&Path::root("s"), &SalaryFigure::Range { min: 2, max: 1 });
        c.salary(
            &Path::root("o"),
            &SalaryFigure::OpenRange {
                min: 5,
                stated_top: Some(4),
            },
        );
        c.salary(&Path::root("p"), &SalaryFigure::Point { value: 0 });
        let paths: Vec<&str> = c.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["s.max", "o.stated_top", "p.value"]);
    }

    fn empty_dataset() -> Dataset {
        let range = SalaryFigure::Range { min: 1, max: 2 };
        let span = YearsRange { min: 0, max: None };
        Dataset {
            schema_version: SCHEMA_VERSION,
            sources: Vec::new(),
            salary_bands: Vec::new(),
            offer_stats: OfferStats {
                source: String::new(),
                role: String::new(),
                total_offers: 0,
                median_expectation: 0,
                currency: Currency::Usd,
                period: Period::Month,
                period_note: None,
                proposals: 0,
                bucket_width: 0,
                method: Vec::new(),
            },
            averages: Vec::new(),
            market_snapshot: MarketSnapshot {
                source: String::new(),
                role: String::new(),
                region: String::new(),
                level: Level::Senior,
                salary: range,
                currency: Currency::Usd,
                period: Period::Year,
                salary_quote: String::new(),
                hiring_difficulty: String::new(),
                time_to_hire_weeks: span,
                time_to_hire_quote: String::new(),
            },
            technologies: Vec::new(),
            frameworks: Vec::new(),
            fastapi: FastApiFacts {
                facts: Vec::new(),
                top_related: Vec::new(),
                used_for: Vec::new(),
            },
            roadmap: Roadmap {
                source: String::new(),
                stages: Vec::new(),
            },
            responsibilities: Vec::new(),
            career_ladder: CareerLadder {
                source: String::new(),
                steps: Vec::new(),
                specialisations: Vec::new(),
            },
            skills: Vec::new(),
            backend_duties: Vec::new(),
            backend_uses: Vec::new(),
            hiring: Hiring {
                source: String::new(),
                builds: Vec::new(),
                profile: Vec::new(),
                mistakes: Vec::new(),
                green_flags: Vec::new(),
                yellow_flags: Vec::new(),
                terms: Vec::new(),
                questions: Vec::new(),
                use_cases: Vec::new(),
                faq: Vec::new(),
            },
            role: None,
            oews: None,
        }
    }
}
