//! The `events` array of the extract record: [`EventOut`] is its public
//! shape (code-point offsets, entity and claim ids as strings), written
//! from a document's [`Event`]s and read back into them (the ledger
//! rebuilds documents from stored records).

use serde::{Deserialize, Serialize};

use crate::document::{Document, Event, EventActor, EventDate, EventQuantity, Span};
use crate::offsets::CharIndex;

/// A participant: entity id, code, country, sector and the words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorOut {
    /// Entity id, when the words name an entity of the record.
    pub entity: Option<String>,
    /// The words (or the entity's name).
    pub text: String,
    /// CAMEO-style actor code ("RUSGOV").
    pub code: String,
    /// Country code (ISO 3166 alpha-3).
    pub country: Option<String>,
    /// Sector: GOV, MIL, REB, COP, IGO, WPN (a weapon system)...
    pub sector: Option<String>,
    /// First code point of the words, when in the text.
    pub start: Option<usize>,
    /// One past their last code point.
    pub end: Option<usize>,
}

/// A number attached to an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventQuantityOut {
    /// Index into the record's `quantities`.
    pub index: usize,
    /// weapons | casualties | frequency | personnel | money | other
    pub role: String,
    /// The value.
    pub value: f64,
    /// The unit.
    pub unit: String,
    /// The words stating it.
    pub text: String,
    /// Period of a rate ("attack" for "in each attack").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
}

/// When the event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateOut {
    /// The time words.
    pub text: String,
    /// ISO 8601 at the given precision, when a publication date was known.
    pub value: Option<String>,
    /// day | week | month | season | year
    pub precision: String,
    /// since | on | in ...
    pub relation: String,
    /// First code point of the words.
    pub start: Option<usize>,
    /// One past their last code point.
    pub end: Option<usize>,
}

/// Who reports the event, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceOut {
    /// speaker (a claim's speaker) | outlet (the article's own voice)
    pub kind: String,
    /// The claim id, for a speaker.
    pub claim: Option<String>,
    /// The speaker's entity id.
    pub entity: Option<String>,
    /// The speaker's name or words, or the outlet.
    pub name: String,
    /// affirms | denies, towards the event as coded (a negated event
    /// reported as such is affirmed... by a denial of its positive form).
    pub stance: String,
}

/// One coded event of the extract record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventOut {
    /// Event id, unique in the run: `<doc id>-v<n>`.
    pub id: String,
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// The CAMEO code the verb dictionary gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Who acts.
    pub actor: Option<ActorOut>,
    /// Who receives or suffers it.
    pub recipient: Option<ActorOut>,
    /// Stated as not having happened.
    pub negated: bool,
    /// Announced or intended.
    pub future: bool,
    /// Conditional, wished for or possible.
    pub hypothetical: bool,
    /// Numbers: weapons, casualties, frequency.
    pub quantities: Vec<EventQuantityOut>,
    /// When.
    pub date: Option<DateOut>,
    /// Where.
    pub location: Option<ActorOut>,
    /// Id of the claim that reports it (null: the outlet's own voice).
    pub claim: Option<String>,
    /// The reporting source and every other source of the document that
    /// takes a stance on it (denials by the actor's side).
    pub sources: Vec<SourceOut>,
    /// The words expressing the event.
    pub trigger: crate::output::SpanOut,
    /// The clause stating it.
    pub text: String,
    /// First code point of the clause.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// Coder confidence in [0, 1].
    pub confidence: f32,
}

/// The outlet an unattributed event is reported by: the URL's host, else
/// the source path.
pub fn outlet_name(doc: &crate::output::DocOut) -> String {
    let src = doc.url.as_deref().unwrap_or(&doc.source);
    match src.split_once("://") {
        Some((_, rest)) => rest.split('/').next().unwrap_or(rest).trim_start_matches("www.").to_string(),
        None => src.rsplit('/').next().unwrap_or(src).to_string(),
    }
}

/// Writes a document's events in the record shape.
pub fn to_json(doc: &Document, idx: &CharIndex, entity_id: &dyn Fn(usize) -> String) -> Vec<serde_json::Value> {
    let claim_id = |i: usize| format!("{}-c{}", doc.id, i + 1);
    let outlet = {
        let d = crate::output::DocOut {
            id: String::new(),
            source: doc.meta.source.clone(),
            title: None,
            published: None,
            url: doc.meta.url.clone(),
            text: String::new(),
        };
        outlet_name(&d)
    };
    let actor = |a: &EventActor| ActorOut {
        entity: a.entity.map(entity_id),
        text: a.text.clone(),
        code: a.code.clone(),
        country: a.country.clone(),
        sector: a.sector.clone(),
        start: a.span.map(|s| idx.char_offset(s.start)),
        end: a.span.map(|s| idx.char_offset(s.end)),
    };
    let speaker_source = |ci: usize| -> Option<SourceOut> {
        let c = doc.claims.get(ci)?;
        let name = c
            .speaker
            .entity
            .and_then(|e| doc.entities.get(e))
            .map(|e| e.name.clone())
            .or_else(|| c.speaker.span.map(|s| doc.span_text(s).to_string()))
            .unwrap_or_default();
        Some(SourceOut {
            kind: "speaker".into(),
            claim: Some(claim_id(ci)),
            entity: c.speaker.entity.map(entity_id),
            name,
            stance: c.stance.as_str().to_string(),
        })
    };
    doc.events
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let mut sources = Vec::new();
            match e.claim.and_then(speaker_source) {
                Some(s) => sources.push(s),
                None => sources.push(SourceOut {
                    kind: "outlet".into(),
                    claim: None,
                    entity: None,
                    name: outlet.clone(),
                    stance: if e.negated { "denies" } else { "affirms" }.into(),
                }),
            }
            for &d in &e.denied_by {
                if let Some(mut s) = speaker_source(d) {
                    s.stance = "denies".into();
                    sources.push(s);
                }
            }
            let out = EventOut {
                id: format!("{}-v{}", doc.id, n + 1),
                event_type: e.event_type.clone(),
                mode: e.mode.clone(),
                context: e.context.clone(),
                cameo: e.cameo.clone(),
                actor: e.actor.as_ref().map(actor),
                recipient: e.recipient.as_ref().map(actor),
                negated: e.negated,
                future: e.future,
                hypothetical: e.hypothetical,
                quantities: e
                    .quantities
                    .iter()
                    .filter_map(|q| {
                        let d = doc.quantities.get(q.quantity)?;
                        Some(EventQuantityOut {
                            index: q.quantity,
                            role: q.role.clone(),
                            value: d.value,
                            unit: d.unit.clone(),
                            text: doc.span_text(d.span).to_string(),
                            per: d.per.clone(),
                        })
                    })
                    .collect(),
                date: e.date.as_ref().map(|d| DateOut {
                    text: d.span.map(|s| doc.span_text(s).to_string()).unwrap_or_default(),
                    value: d.value.clone(),
                    precision: d.precision.clone(),
                    relation: d.relation.clone(),
                    start: d.span.map(|s| idx.char_offset(s.start)),
                    end: d.span.map(|s| idx.char_offset(s.end)),
                }),
                location: e.location.as_ref().map(actor),
                claim: e.claim.map(claim_id),
                sources,
                trigger: crate::output::SpanOut {
                    start: idx.char_offset(e.trigger.start),
                    end: idx.char_offset(e.trigger.end),
                    text: doc.span_text(e.trigger).to_string(),
                },
                text: doc.span_text(e.span).to_string(),
                start: idx.char_offset(e.span.start),
                end: idx.char_offset(e.span.end),
                confidence: e.confidence,
            };
            serde_json::to_value(out).unwrap_or(serde_json::Value::Null)
        })
        .filter(|v| !v.is_null())
        .collect()
}

/// Reads a record's events back into [`Event`]s. `to_byte` converts a
/// code-point offset of the record's text to a byte offset; `entity` and
/// `claim` map ids to the rebuilt document's indices. Malformed entries are
/// skipped.
pub fn from_json(
    values: &[serde_json::Value],
    to_byte: &dyn Fn(usize) -> usize,
    entity: &dyn Fn(&str) -> Option<usize>,
    claim: &dyn Fn(&str) -> Option<usize>,
) -> Vec<Event> {
    let span = |s: Option<usize>, e: Option<usize>| match (s, e) {
        (Some(s), Some(e)) => Some(Span::new(to_byte(s), to_byte(e.max(s)))),
        _ => None,
    };
    let actor = |a: &ActorOut| EventActor {
        entity: a.entity.as_deref().and_then(entity),
        span: span(a.start, a.end),
        text: a.text.clone(),
        code: a.code.clone(),
        country: a.country.clone(),
        sector: a.sector.clone(),
    };
    values
        .iter()
        .filter_map(|v| serde_json::from_value::<EventOut>(v.clone()).ok())
        .map(|o| Event {
            event_type: o.event_type,
            mode: o.mode,
            context: o.context,
            cameo: o.cameo,
            actor: o.actor.as_ref().map(actor),
            recipient: o.recipient.as_ref().map(actor),
            negated: o.negated,
            future: o.future,
            hypothetical: o.hypothetical,
            quantities: o
                .quantities
                .iter()
                .map(|q| EventQuantity { quantity: q.index, role: q.role.clone() })
                .collect(),
            date: o.date.as_ref().map(|d| EventDate {
                span: span(d.start, d.end),
                value: d.value.clone(),
                precision: d.precision.clone(),
                relation: d.relation.clone(),
            }),
            location: o.location.as_ref().map(actor),
            claim: o.claim.as_deref().and_then(claim),
            denied_by: o
                .sources
                .iter()
                .skip(1)
                .filter(|s| s.stance == "denies")
                .filter_map(|s| s.claim.as_deref().and_then(claim))
                .collect(),
            trigger: Span::new(to_byte(o.trigger.start), to_byte(o.trigger.end.max(o.trigger.start))),
            span: Span::new(to_byte(o.start), to_byte(o.end.max(o.start))),
            confidence: o.confidence,
        })
        .collect()
}

/// The predicate word the ledger's aligner knows for an event type: its
/// verb classes (`transfer`, `attack`, `meet`, ...) relate "supplied",
/// "purchased from" and a PLOVER AID as one proposition.
fn predicate_for(event_type: &str) -> &'static str {
    match event_type {
        "AID" => "supply",
        "ASSAULT" => "attack",
        "CONSULT" => "meet",
        "SANCTION" => "sanction",
        "MOBILIZE" => "deploy",
        "COOPERATE" => "cooperate",
        "AGREE" => "agree",
        "SUPPORT" => "support",
        "CONCEDE" => "concede",
        "RETREAT" => "withdraw",
        "REQUEST" => "request",
        "ACCUSE" => "accuse",
        "REJECT" => "reject",
        "THREATEN" => "threaten",
        "PROTEST" => "protest",
        _ => "coerce",
    }
}

/// **Ledger hook: event-based propositions.** The proposition of the event
/// a claim reports — or denies — for the claim `claim_id` of `rec`: actor,
/// a predicate of the aligner's verb classes, the goods (the first weapons
/// or personnel quantity's unit, else the trigger word), recipient,
/// polarity = the claim's stance. The ledger uses it for a claim whose own
/// proposition has no predicate (typically a denial that only names the
/// allegation: "rejected the allegation of the use of Iranian drones"), so
/// that the denial joins the proposition of the event it denies and the
/// aligner relates it (`contradicts`), and two sources reporting the same
/// event share a proposition (`corroborates`). `None` when no event of the
/// record is reported or denied by that claim.
pub fn event_proposition(rec: &crate::output::DocRecord, claim_id: &str) -> Option<crate::output::PropositionOut> {
    use crate::output::{ArgumentOut, PropositionOut};
    let claim = rec.claims.iter().find(|c| c.id == claim_id)?;
    let events: Vec<EventOut> = rec.events.iter().filter_map(|v| serde_json::from_value(v.clone()).ok()).collect();
    let e =
        events.iter().filter(|e| !e.future && !e.hypothetical).find(|e| e.claim.as_deref() == Some(claim_id)).or_else(
            || events.iter().find(|e| e.sources.iter().skip(1).any(|s| s.claim.as_deref() == Some(claim_id))),
        )?;
    let arg = |a: &ActorOut| ArgumentOut {
        entity: a.entity.clone(),
        text: a.text.clone(),
        head: a.text.split_whitespace().last().unwrap_or("").to_lowercase(),
    };
    let goods = e.quantities.iter().find(|q| q.role == "weapons" || q.role == "personnel");
    let object = match goods {
        Some(q) => ArgumentOut { entity: None, text: q.text.clone(), head: q.unit.to_lowercase() },
        None => ArgumentOut { entity: None, text: e.trigger.text.clone(), head: e.trigger.text.to_lowercase() },
    };
    let mut terms: Vec<String> = e
        .text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.len() > 2)
        .collect();
    terms.sort();
    terms.dedup();
    Some(PropositionOut {
        actor: e.actor.as_ref().map(arg),
        predicate: predicate_for(&e.event_type).to_string(),
        object: Some(object),
        recipient: e.recipient.as_ref().map(arg),
        polarity: claim.stance.clone(),
        negated: e.negated && e.claim.as_deref() == Some(claim_id),
        terms,
        quantities: e.quantities.iter().map(|q| q.value).collect(),
        frames: Vec::new(),
        rejection: false,
        answers: Vec::new(),
    })
}
