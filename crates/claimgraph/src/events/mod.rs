//! Political events coded in the PLOVER ontology, inside the claims that
//! report them.
//!
//! - [`plover`]: the 16 PLOVER types, quad classes, CAMEO → PLOVER mapping.
//! - [`dict`]: readers for PETRARCH2's actor, agent and verb-pattern
//!   dictionaries (the built-in ones in `resources/events/`, derived by
//!   `tools/gen_event_dicts.py`; or the validation ones).
//! - [`actors`]: noun phrases and entities to actor codes (country + sector),
//!   with capital metonymy.
//! - [`lexicon`]: claimgraph's own rules (governing verbs, transfers,
//!   weapons, event nouns, modality words).
//! - [`coder`]: the coder itself; [`dates`]: event dates; [`json`]: the
//!   record's `events` array; [`export`]: PLOVER JSON, ACLED-style CSV and
//!   GDELT-style TSV writers; [`eval`]: the PLOVER gold-standard and
//!   PETRARCH2 unit-test evaluations.
//!
//! Every event carries the claim that reports it (so its speaker and stance
//! travel with it) or, in narrative sentences, the outlet.

pub mod actors;
pub mod coder;
pub mod dates;
pub mod dict;
pub mod eval;
pub mod export;
pub mod json;
pub mod lexicon;
pub mod plover;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use crate::document::Document;
use crate::pipeline::Stage;
pub use coder::{code_document, Lexicon};
pub use plover::PloverType;

static BUILTIN: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(lexicon_from_texts(
        include_str!("../../resources/events/verbs.txt"),
        &[include_str!("../../resources/events/actors.txt"), include_str!("../../resources/events/actors_extra.txt")]
            .join("\n"),
        include_str!("../../resources/events/agents.txt"),
        Some(include_str!("../../resources/events/capitals.tsv")),
    ))
});

/// Builds a lexicon from dictionary texts in PETRARCH's formats and an
/// optional capitals table (ISO3, FIPS, capital; tab-separated).
pub fn lexicon_from_texts(verbs: &str, actors: &str, agents: &str, capitals: Option<&str>) -> Lexicon {
    let mut caps = HashMap::new();
    for line in capitals.unwrap_or("").lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [iso3, _fips, city] = cols[..] {
            caps.insert(city.to_lowercase(), iso3.to_string());
        }
    }
    Lexicon {
        verbs: dict::VerbDict::parse(verbs),
        actors: actors::ActorLexicon {
            actors: dict::ActorDict::parse(actors),
            agents: dict::AgentDict::parse(agents),
            capitals: caps,
            date: None,
        },
    }
}

/// The built-in lexicon (parsed once, on first use).
pub fn builtin() -> Arc<Lexicon> {
    BUILTIN.clone()
}

/// FIPS 10-4 country code (GDELT's geography codes) of an ISO3 code.
pub fn fips_of(iso3: &str) -> Option<&'static str> {
    static FIPS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
        include_str!("../../resources/events/capitals.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut c = l.split('\t');
                Some((c.next()?, c.next()?))
            })
            .collect()
    });
    FIPS.get(iso3).copied().filter(|f| !f.is_empty())
}

/// Codes the events reported in a document.
pub struct EventStage {
    lexicon: Arc<Lexicon>,
}

impl EventStage {
    /// The stage with its built-in dictionaries.
    pub fn new() -> Self {
        EventStage { lexicon: builtin() }
    }

    /// The stage with other dictionaries (e.g. PETRARCH's validation set).
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> Self {
        EventStage { lexicon }
    }
}

impl Default for EventStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }
    fn run(&self, doc: &mut Document) {
        doc.events = code_document(doc, &self.lexicon);
    }
}
