//! The output contract: one JSON object per document, as `claimgraph extract
//! --format jsonl` prints it, the ledger exports it and the acceptance scorer
//! reads it. Field names here are a public contract: fields may be added,
//! never renamed.
//!
//! All offsets are Unicode code-point offsets into `doc.text`, end-exclusive.

use serde::{Deserialize, Serialize};

use crate::document::{Document, Span};
use crate::offsets::CharIndex;

/// `doc`: the document's identity and clean text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocOut {
    /// Stable hash of the clean text.
    pub id: String,
    /// Path or URL as given.
    pub source: String,
    /// Headline, if known.
    pub title: Option<String>,
    /// ISO 8601 publication date or time, if known.
    pub published: Option<String>,
    /// The article URL, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The clean article body.
    pub text: String,
}

/// A `{start, end, text}` span in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// An entity mentioned in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    /// Run-wide (or ledger-wide) entity id.
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// person | organization | location | other
    pub kind: String,
    /// Every spelling seen.
    pub aliases: Vec<String>,
    /// Role descriptions seen with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Its mentions in this document (names, roles and resolved pronouns).
    pub mentions: Vec<SpanOut>,
}

/// The speaker of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerOut {
    /// Entity id, when resolved.
    pub entity: Option<String>,
    /// The entity's canonical name, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The speaker words in the text ("" when the text names no speaker).
    pub text: String,
    /// Start of the speaker words, if any.
    pub start: Option<usize>,
    /// End of the speaker words, if any.
    pub end: Option<usize>,
}

/// The content of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentOut {
    /// The covering text.
    pub text: String,
    /// First code point of the covering span.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The pieces, when the content is interrupted by its attribution.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<SpanOut>,
}

/// An attributed claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimOut {
    /// Claim id, unique in the run: `<doc id>-c<n>`.
    pub id: String,
    /// Who says it.
    pub speaker: SpeakerOut,
    /// The attribution cue.
    pub cue: SpanOut,
    /// What is said.
    pub content: ContentOut,
    /// affirms | denies
    pub stance: String,
    /// direct | indirect | mixed | according_to
    pub kind: String,
    /// Hedged ("allegedly", "reportedly", "may").
    #[serde(default)]
    pub hedged: bool,
    /// Confidence in [0, 1].
    #[serde(default)]
    pub confidence: f32,
    /// The content as a proposition, for alignment across sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposition: Option<PropositionOut>,
}

/// A proposition argument: an entity id when resolved, and the words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArgumentOut {
    /// Entity id, when the argument names an entity.
    pub entity: Option<String>,
    /// The words as written.
    pub text: String,
    /// Head lemma.
    pub head: String,
}

/// A claim's proposition: actor, predicate, object, recipient, polarity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PropositionOut {
    /// Who acts.
    pub actor: Option<ArgumentOut>,
    /// Predicate lemma.
    pub predicate: String,
    /// What is acted on.
    pub object: Option<ArgumentOut>,
    /// Who receives it.
    pub recipient: Option<ArgumentOut>,
    /// affirms | denies: the claim's stance, i.e. the speaker's polarity
    /// towards the positive form of the proposition.
    pub polarity: String,
    /// True when the content itself is negated.
    pub negated: bool,
    /// Content terms for fuzzy alignment.
    pub terms: Vec<String>,
    /// Quantity values in the content.
    pub quantities: Vec<f64>,
    /// Every event the content states, the main one first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frames: Vec<FrameOut>,
    /// True when the content rejects what others said rather than stating
    /// something of its own (see [`crate::document::Proposition::rejection`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rejection: bool,
    /// For a rejection: ids of the claims of the same document it answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
}

/// One event of a claim's content (see [`crate::document::Frame`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameOut {
    /// Verb or event-noun lemma.
    pub predicate: String,
    /// Who acts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ArgumentOut>,
    /// What is acted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<ArgumentOut>,
    /// Who receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<ArgumentOut>,
    /// True when the content negates it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    /// Quantity values among its arguments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<f64>,
}

/// A quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityOut {
    /// The number (lower bound of a range).
    pub value: f64,
    /// Upper bound of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The unit.
    pub unit: String,
    /// The words stating it.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Stated approximately.
    pub approximate: bool,
    /// Period of a rate.
    pub per: Option<String>,
    /// Id of the claim it lies in.
    pub claim: Option<String>,
    /// True for the upper end of the range stated just before it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub range_end: bool,
}

/// A sentence boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One document's full analysis: the extract record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    /// Identity and text.
    pub doc: DocOut,
    /// Sentences.
    #[serde(default)]
    pub sentences: Vec<SentenceOut>,
    /// Entities.
    pub entities: Vec<EntityOut>,
    /// Claims.
    pub claims: Vec<ClaimOut>,
    /// Quantities.
    pub quantities: Vec<QuantityOut>,
    /// Coded events.
    #[serde(default)]
    pub events: Vec<serde_json::Value>,
}

impl DocRecord {
    /// Builds the record of an analysed document. Entities without a global
    /// id get a document-local one (`<doc id>-e<n>`).
    pub fn from_document(doc: &Document) -> DocRecord {
        let idx = CharIndex::new(&doc.text);
        let span = |s: Span| SpanOut {
            start: idx.char_offset(s.start),
            end: idx.char_offset(s.end),
            text: doc.span_text(s).to_string(),
        };
        let entity_id = |i: usize| -> String {
            doc.entities.get(i).and_then(|e| e.global_id.clone()).unwrap_or_else(|| format!("{}-e{}", doc.id, i))
        };
        let claim_id = |i: usize| format!("{}-c{}", doc.id, i + 1);

        let entities = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityOut {
                id: entity_id(i),
                name: e.name.clone(),
                kind: e.kind.as_str().to_string(),
                aliases: e.aliases.clone(),
                roles: e.roles.clone(),
                mentions: e.mentions.iter().filter_map(|&m| doc.mentions.get(m)).map(|m| span(m.span)).collect(),
            })
            .collect();

        let claims = doc
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let sp = c.speaker.span;
                ClaimOut {
                    id: claim_id(i),
                    speaker: SpeakerOut {
                        entity: c.speaker.entity.map(entity_id),
                        name: c.speaker.entity.and_then(|e| doc.entities.get(e)).map(|e| e.name.clone()),
                        text: sp.map(|s| doc.span_text(s).to_string()).unwrap_or_default(),
                        start: sp.map(|s| idx.char_offset(s.start)),
                        end: sp.map(|s| idx.char_offset(s.end)),
                    },
                    cue: span(c.cue),
                    content: ContentOut {
                        text: doc.span_text(c.content).to_string(),
                        start: idx.char_offset(c.content.start),
                        end: idx.char_offset(c.content.end),
                        parts: c.content_parts.iter().map(|&p| span(p)).collect(),
                    },
                    stance: c.stance.as_str().to_string(),
                    kind: c.kind.as_str().to_string(),
                    hedged: c.hedged,
                    confidence: c.confidence,
                    proposition: c.proposition.as_ref().map(|p| {
                        let arg = |a: &crate::document::Argument| ArgumentOut {
                            entity: a.entity.map(entity_id),
                            text: a.text.clone(),
                            head: a.head.clone(),
                        };
                        PropositionOut {
                            actor: p.actor.as_ref().map(arg),
                            predicate: p.predicate.clone(),
                            object: p.object.as_ref().map(arg),
                            recipient: p.recipient.as_ref().map(arg),
                            polarity: c.stance.as_str().to_string(),
                            negated: p.negated,
                            terms: p.terms.clone(),
                            quantities: p.quantities.clone(),
                            frames: p
                                .frames
                                .iter()
                                .map(|f| FrameOut {
                                    predicate: f.predicate.clone(),
                                    actor: f.actor.as_ref().map(arg),
                                    object: f.object.as_ref().map(arg),
                                    recipient: f.recipient.as_ref().map(arg),
                                    negated: f.negated,
                                    quantities: f.quantities.clone(),
                                })
                                .collect(),
                            rejection: p.rejection,
                            answers: p.answers.iter().map(|&a| claim_id(a)).collect(),
                        }
                    }),
                }
            })
            .collect();

        let quantities = doc
            .quantities
            .iter()
            .map(|q| QuantityOut {
                value: q.value,
                max: q.max,
                unit: q.unit.clone(),
                text: doc.span_text(q.span).to_string(),
                start: idx.char_offset(q.span.start),
                end: idx.char_offset(q.span.end),
                approximate: q.approximate,
                per: q.per.clone(),
                claim: q.claim.map(claim_id),
                range_end: q.range_end,
            })
            .collect();

        DocRecord {
            doc: DocOut {
                id: doc.id.clone(),
                source: doc.meta.source.clone(),
                title: doc.meta.title.clone(),
                published: doc.meta.published.clone(),
                url: doc.meta.url.clone(),
                text: doc.text.clone(),
            },
            sentences: doc
                .analysis
                .sentences
                .iter()
                .map(|s| SentenceOut { start: idx.char_offset(s.start), end: idx.char_offset(s.end) })
                .collect(),
            entities,
            claims,
            quantities,
            events: crate::events::json::to_json(doc, &idx, &entity_id),
        }
    }

    /// A readable summary: title, date, claims as "Speaker — stance —
    /// content", entities with their variants, then quantities.
    pub fn to_pretty(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let title = self.doc.title.as_deref().unwrap_or("(untitled)");
        let _ = writeln!(s, "══ {title}");
        let _ = writeln!(s, "   source: {}", self.doc.source);
        let _ = writeln!(s, "   published: {}", self.doc.published.as_deref().unwrap_or("unknown"));
        let _ = writeln!(s, "\nClaims ({}):", self.claims.len());
        for c in &self.claims {
            let who = c.speaker.name.clone().unwrap_or_else(|| {
                if c.speaker.text.is_empty() {
                    "(unattributed)".to_string()
                } else {
                    c.speaker.text.clone()
                }
            });
            // An interrupted content reads as its pieces joined by an ellipsis.
            let content = if c.content.parts.is_empty() {
                one_line(&c.content.text, 160)
            } else {
                one_line(&c.content.parts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" … "), 160)
            };
            // "said that X" reads as "X" after the stance.
            let content = content.strip_prefix("that ").unwrap_or(&content);
            let _ = writeln!(s, "  • {who} — {} — {content}", c.stance);
            let _ = writeln!(s, "      [{}; cue “{}”]", c.kind, c.cue.text);
        }
        let _ = writeln!(s, "\nEntities ({}):", self.entities.len());
        for e in &self.entities {
            let others: Vec<&str> = e.aliases.iter().map(String::as_str).filter(|a| *a != e.name).collect();
            if others.is_empty() {
                let _ = writeln!(s, "  • {} ({}, {} mentions)", e.name, e.kind, e.mentions.len());
            } else {
                let _ = writeln!(
                    s,
                    "  • {} ({}, {} mentions) — also: {}",
                    e.name,
                    e.kind,
                    e.mentions.len(),
                    others.join(", ")
                );
            }
        }
        let _ = writeln!(s, "\nQuantities ({}):", self.quantities.len());
        for q in &self.quantities {
            let per = q.per.as_deref().map(|p| format!(" per {p}")).unwrap_or_default();
            let approx = if q.approximate { "≈" } else { "" };
            let _ = writeln!(s, "  • {approx}{} {}{per}   “{}”", fmt_number(q.value), q.unit, q.text);
        }
        s
    }
}

/// Collapses white space and shortens `text` to at most `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    }
}

fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The document's tokens in CoNLL-U: one block per sentence with its text,
/// then ID, FORM, LEMMA, UPOS, XPOS, FEATS (unused), HEAD, DEPREL, DEPS
/// (unused) and MISC (SpaceAfter, and the entity of a mention).
pub fn to_conllu(doc: &Document) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "# newdoc id = {}", doc.id);
    let toks = &doc.analysis.tokens;
    for (si, sent) in doc.analysis.sentences.iter().enumerate() {
        let _ = writeln!(s, "# sent_id = {}", si + 1);
        let _ = writeln!(s, "# text = {}", sent.text(&doc.text).replace('\n', " "));
        for i in sent.tokens.clone() {
            let t = &toks[i];
            let head = t.head.map(|h| h + 1 - sent.tokens.start).unwrap_or(0);
            let misc = if t.space_after { "_" } else { "SpaceAfter=No" };
            let lemma = if t.lemma.is_empty() { "_" } else { t.lemma.as_str() };
            let _ = writeln!(
                s,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1 - sent.tokens.start,
                t.text(&doc.text),
                lemma,
                t.upos,
                t.xpos,
                head,
                t.deprel,
                misc
            );
        }
        s.push('\n');
    }
    s
}
