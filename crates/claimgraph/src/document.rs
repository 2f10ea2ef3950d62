//! The [`Document`] that flows through the pipeline, and everything the
//! stages attach to it.
//!
//! Every span here is a **byte** range into [`Document::text`]; the output
//! layer ([`crate::output`]) converts to Unicode code points once, when the
//! document is written.

use claimgraph_nlp::Analysis;
use serde::{Deserialize, Serialize};

/// A byte range `start..end` into a document's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The covered text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What is known about a document before analysis: where it came from and
/// the metadata its container carried.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The path or URL as given by the user (for a record inside a JSONL,
    /// feed or WARC file: its URL when it has one, else `path#n`).
    pub source: String,
    /// The headline, when the container or HTML page gives one.
    pub title: Option<String>,
    /// Publication time as ISO 8601 (a date, or a date and time).
    pub published: Option<String>,
    /// The article's URL when known (may equal `source`).
    pub url: Option<String>,
}

/// The body of a document as read, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub enum RawBody {
    /// Plain text (possibly scraped, with web debris).
    Text(String),
    /// An HTML page.
    Html(String),
}

/// A document as read by an input reader, before any analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument {
    /// Source and container metadata.
    pub meta: DocMeta,
    /// The unprocessed body.
    pub body: RawBody,
}

/// Kinds of entity, as the output contract names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation: government body, company, armed group, outlet.
    Organization,
    /// A place: country, city, region.
    Location,
    /// Anything else worth tracking (nationalities, weapons, groups).
    Other,
}

impl EntityKind {
    /// The contract's string form.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Other => "other",
        }
    }
}

/// One occurrence of an entity in the text: a name, a title-bearing
/// description, or a pronoun that was resolved to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Its kind.
    pub kind: EntityKind,
    /// How it refers.
    pub form: MentionForm,
    /// Index into [`Document::entities`] once clustered.
    pub entity: Option<usize>,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// A proper name ("Nasser Kanani", "Kanani").
    Name,
    /// A role description ("the Iranian foreign minister").
    Role,
    /// A pronoun ("he").
    Pronoun,
}

/// An entity as seen within one document: a cluster of mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntity {
    /// The fullest name seen in this document.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Every distinct name spelling seen in this document.
    pub aliases: Vec<String>,
    /// Role descriptions attached to it ("head of Ukraine's military
    /// intelligence"), used to resolve later role mentions.
    pub roles: Vec<String>,
    /// Indices into [`Document::mentions`].
    pub mentions: Vec<usize>,
    /// The run- or ledger-wide id, assigned by the entity registry.
    pub global_id: Option<String>,
}

/// Whether the speaker asserts or denies the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The speaker asserts the content.
    Affirms,
    /// The speaker denies or rejects the core proposition.
    Denies,
}

impl Stance {
    /// The contract's string form.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Affirms => "affirms",
            Stance::Denies => "denies",
        }
    }
    /// The opposite stance.
    pub fn flip(self) -> Stance {
        match self {
            Stance::Affirms => Stance::Denies,
            Stance::Denies => Stance::Affirms,
        }
    }
}

/// How the content is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Within quotation marks.
    Direct,
    /// Paraphrased ("said that ...").
    Indirect,
    /// Partly quoted, partly paraphrased.
    Mixed,
    /// Introduced by "according to X".
    AccordingTo,
}

impl ClaimKind {
    /// The contract's string form.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::AccordingTo => "according_to",
        }
    }
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Speaker {
    /// The words in the text that name or refer to the speaker (a name,
    /// pronoun, role noun phrase, or an anonymous description), if any.
    pub span: Option<Span>,
    /// The entity the speaker resolves to (index into
    /// [`Document::entities`]), when resolved.
    pub entity: Option<usize>,
}

/// An attributed claim: someone, by some cue, says some content.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Speaker span and resolution.
    pub speaker: Speaker,
    /// The attribution cue ("said", "according to", "described ... as").
    pub cue: Span,
    /// The covering span of the content.
    pub content: Span,
    /// The content's pieces when it is interrupted (e.g. by "he said");
    /// empty when the content is one piece.
    pub content_parts: Vec<Span>,
    /// Affirms or denies.
    pub stance: Stance,
    /// Direct, indirect, mixed or according-to.
    pub kind: ClaimKind,
    /// Hedged by the reporter or speaker ("allegedly", "reportedly", "may").
    pub hedged: bool,
    /// Confidence in [0, 1] that this is a real attribution.
    pub confidence: f32,
    /// The content normalised to a proposition, for cross-source alignment.
    pub proposition: Option<Proposition>,
}

/// One argument of a proposition: an entity when the words name one, else a
/// normalised noun phrase.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Argument {
    /// Index into [`Document::entities`] (converted to a global id on output).
    #[serde(skip)]
    pub entity: Option<usize>,
    /// The words as written.
    pub text: String,
    /// The lemma of the phrase's head noun, lower-cased ("drone").
    pub head: String,
}

/// A claim's content normalised to "actor predicate object (to recipient)",
/// with polarity: the unit that sources corroborate or contradict.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Proposition {
    /// Who does or is said to do it.
    pub actor: Option<Argument>,
    /// The main verb's lemma, or a normalised event noun ("supply").
    pub predicate: String,
    /// What is acted on.
    pub object: Option<Argument>,
    /// Who receives or suffers it.
    pub recipient: Option<Argument>,
    /// True when the content itself is negated ("had not transferred").
    pub negated: bool,
    /// Lower-cased content lemmas that carry meaning (no stop words), sorted
    /// and deduplicated: a bag for fuzzy alignment.
    pub terms: Vec<String>,
    /// Values of the quantities stated in the content.
    pub quantities: Vec<f64>,
    /// Every event the content states, the main one first: predicates of
    /// relative, coordinated and embedded clauses and event nouns ("the
    /// strike", "a violation of the air border") with their arguments, so
    /// that claims can be aligned by event wherever it is told.
    pub frames: Vec<Frame>,
    /// True when the content rejects what others said ("rejected these
    /// accusations", "the claims of X are baseless", "fabricated a story
    /// about ...") rather than stating something of its own. The roles above
    /// then describe the rejected statement where the content names it, and
    /// the speaker's polarity towards it is a denial.
    pub rejection: bool,
    /// For a rejection: the claims of the same document it answers (indices
    /// into [`Document::claims`]), found through an anaphor ("these
    /// accusations", "them"), the accuser it names ("the statements of
    /// Tiraspol") or the topic it names ("the accusation of smuggling").
    pub answers: Vec<usize>,
}

/// One event stated in a claim's content: a predicate (a verb lemma or an
/// event noun such as "strike" or "violation") with its arguments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// The verb's lemma, or the event noun's lemma.
    pub predicate: String,
    /// Who acts (the subject, or the agent of a passive).
    pub actor: Option<Argument>,
    /// What is acted on (the object, the subject of a passive or of an
    /// intransitive change such as "the base fell").
    pub object: Option<Argument>,
    /// Who receives or suffers it ("to X", "against X").
    pub recipient: Option<Argument>,
    /// True when the content negates this event ("did not enter", "no
    /// launch was registered", "nobody was injured").
    pub negated: bool,
    /// Values of the quantities among its arguments ("killed 40 soldiers").
    pub quantities: Vec<f64>,
}

/// A number with its unit, as stated in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value (the lower bound of a range).
    pub value: f64,
    /// Upper bound when a range is given ("10 to 15").
    pub max: Option<f64>,
    /// The unit, from the noun phrase ("drones", "dollars", "days").
    pub unit: String,
    /// The words stating the quantity.
    pub span: Span,
    /// "about", "some", "nearly", "more than" ...
    pub approximate: bool,
    /// The period of a rate ("10 days" in "every 10 days").
    pub per: Option<String>,
    /// Index into [`Document::claims`] of the claim whose content holds it.
    pub claim: Option<usize>,
    /// True for the upper end of a range, recorded after the range itself.
    pub range_end: bool,
}

/// A participant of an event (its actor or recipient), coded the way event
/// data codes actors: a country (ISO 3166 alpha-3, or IGO/NGO/...) and a
/// sector (GOV, MIL, REB, COP, ... or WPN for a weapon system).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventActor {
    /// Index into [`Document::entities`], when the words name an entity.
    pub entity: Option<usize>,
    /// The words in the text that name the participant.
    pub span: Option<Span>,
    /// The words as written (or the name they resolve to).
    pub text: String,
    /// The CAMEO-style actor code ("RUSGOV", "IRN", "IGOUNO").
    pub code: String,
    /// The country code, when the participant belongs to one.
    pub country: Option<String>,
    /// The sector ("GOV", "MIL", "REB", "WPN"), when known.
    pub sector: Option<String>,
}

/// A number attached to an event, with its role.
#[derive(Debug, Clone, PartialEq)]
pub struct EventQuantity {
    /// Index into [`Document::quantities`].
    pub quantity: usize,
    /// weapons | casualties | frequency | personnel | money | other
    pub role: String,
}

/// When an event happened, resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventDate {
    /// The time words ("since October", "on Tuesday").
    pub span: Option<Span>,
    /// The resolved date (ISO 8601, at the stated precision: "2022-10",
    /// "2022-10-04", "2022"), when a reference date was known.
    pub value: Option<String>,
    /// day | week | month | season | year
    pub precision: String,
    /// "since" for a start ("since October"), "on"/"in" for a point.
    pub relation: String,
}

/// A coded political event (PLOVER), filled in by the events stage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    /// PLOVER event type (ASSAULT, AID, ...).
    pub event_type: String,
    /// PLOVER mode, when one applies.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// The CAMEO code the verb dictionary gave, when it gave one.
    pub cameo: Option<String>,
    /// Who acts.
    pub actor: Option<EventActor>,
    /// Who receives or suffers it.
    pub recipient: Option<EventActor>,
    /// True when the text says it did not happen ("had not transferred").
    pub negated: bool,
    /// True when it is announced or intended rather than done.
    pub future: bool,
    /// True when it is conditional, wished for or possible.
    pub hypothetical: bool,
    /// Numbers attached to it (weapons, casualties, frequency).
    pub quantities: Vec<EventQuantity>,
    /// When.
    pub date: Option<EventDate>,
    /// Where: a place named with the event.
    pub location: Option<EventActor>,
    /// Index into [`Document::claims`] of the claim that reports it; `None`
    /// when the outlet reports it in its own voice.
    pub claim: Option<usize>,
    /// Claims of the same document that deny it (by the actor's side).
    pub denied_by: Vec<usize>,
    /// The word(s) that express the event ("bombed", "purchased").
    pub trigger: Span,
    /// The clause that states it.
    pub span: Span,
    /// Coder confidence in [0, 1].
    pub confidence: f32,
}

/// One attribution as spans only (no stance, no speaker entity): a cue, its
/// sources and its content pieces, each in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttributionSpans {
    /// The cue.
    pub cue: Span,
    /// The source spans (none when the source is not in the text).
    pub sources: Vec<Span>,
    /// The content pieces.
    pub contents: Vec<Span>,
}

/// A document and everything the pipeline found in it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Stable id: a hash of the clean text.
    pub id: String,
    /// Source and metadata.
    pub meta: DocMeta,
    /// The clean article body every span points into.
    pub text: String,
    /// Tokens, sentences and named-entity spans.
    pub analysis: Analysis,
    /// Entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entities (clusters of mentions) of this document.
    pub entities: Vec<DocEntity>,
    /// Attributed claims, in text order of their cues.
    pub claims: Vec<Claim>,
    /// Every attribution found, in PolNeAR's wider sense (beliefs,
    /// intentions and noun-phrase contents too), in text order of their
    /// cues: what `eval polnear` scores. Filled by the claim stage; the
    /// public [`Document::claims`] are the checkable subset.
    pub attributions: Vec<AttributionSpans>,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Coded events.
    pub events: Vec<Event>,
}

impl Document {
    /// A document holding clean text and metadata, not yet analysed.
    pub fn new(meta: DocMeta, text: String) -> Self {
        let id = doc_id(&text);
        Document { id, meta, text, ..Default::default() }
    }

    /// The text of a span.
    pub fn span_text(&self, span: Span) -> &str {
        span.text(&self.text)
    }
}

/// The stable document id: the first 16 hex digits of the BLAKE3 hash of the
/// clean text, so that the same article read twice gets the same id.
pub fn doc_id(clean_text: &str) -> String {
    let hash = blake3::hash(clean_text.as_bytes());
    hash.to_hex()[..16].to_string()
}
