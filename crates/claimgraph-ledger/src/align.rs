//! Alignment of claims across documents and speakers.
//!
//! Every stored claim is reduced to a [`PropSignature`]: what it is about
//! (anchors: the names of the participants), what happens (topics: content
//! terms; head: the object's head noun; predicate: a verb class such as
//! `transfer` with the direction normalised), and who gives and who receives.
//! Claims whose signatures match join one *proposition*; inside a
//! proposition, pairs of claims are related by [`Aligner::relate`].
//!
//! The rule, in order (see [`RuleAligner`]):
//!
//! 1. **Same proposition.** Two claims state the same proposition when they
//!    share at least one participant (an entity, or a proper name such as
//!    "Iran"/"Iranian"; claims naming none are never aligned across
//!    documents) and either
//!    - both have an object head and the heads agree ("drones" ≈ "drone"),
//!      their predicate classes do not clash (a `transfer` is not an
//!      `intercept`), their main verbs, when both have one, are the same
//!      verb or of one class ("released her tax returns" and "questioned his
//!      tax returns" are two propositions), and their agents do not clash (a claim that Iran gave
//!      drones to Russia and one that Russia gave drones to Iran differ); or
//!    - without object heads (propositions not filled in), their content
//!      terms, weighted by rarity across the ledger, have a cosine
//!      similarity of at least [`RuleAligner::min_similarity`]; or
//!    - whatever their main clauses, they share an *event frame*: the same
//!      predicate class acting on the same head noun, wherever the content
//!      tells it ("two aircraft that entered Valdorian airspace" and "never
//!      entered the airspace"; "a violation of the air border" and "crossed
//!      the border"). Verbs and event nouns of one class meet ("strike" the
//!      noun and "struck"), light and reporting verbs never make a frame.
//!      Classes group verbs and event nouns that news uses for one kind of
//!      deed ([`PREDICATE_CLASSES`]): taking a life ("killed", "beheaded",
//!      "the deaths of"), harming people in one's hands ("beaten",
//!      "mistreated", "tortured", and using force or violence), launching.
//! 2. **Relation.** Within one proposition, a new claim is compared with up
//!    to [`MAX_MEMBERS`] earlier claims:
//!    - opposite polarity (one affirms, one denies) → `contradicts`, whoever
//!      the speakers and wherever they were published, except one speaker
//!      against themselves in the same article (an extraction artefact
//!      rather than a reversal), and, by any rule, two claims of one
//!      article whose contents nest: one stretch of text read twice (a
//!      quote and a sentence inside it), unless the outer one names an
//!      allegation and the two are the allegation and its answer (the
//!      writer's `read_twice`);
//!    - same polarity but numbers for the same unit that disagree by more
//!      than [`NUMBER_TOLERANCE`] (40,000 vs 10,000 shells) → `contradicts`;
//!      units written several ways are one unit, converted ("250
//!      kilometers" and "600 km"; "less than 40 minutes" and "around four
//!      hours"; [`UNIT_CLASSES`]). Numbers are compared as the intervals
//!      their words state ([`Bound`], [`number_fact`]): a floor ("more than
//!      250 barrels") and a cap ("not more than 320 barrels") that overlap
//!      agree, disjoint ones disagree ("at least 48 hours" and "less than
//!      nine hours"). Shares disagree from [`SHARE_TOLERANCE`] points apart
//!      ("52.3 percent" and "54.6 percent" of one vote), not relatively. A
//!      number the claim rejects for another ("4 million euros, not 2.8
//!      million") is not one of its figures, nor is a number that is part
//!      of a name ("Geran-2"). Each kind of quantity is judged apart:
//!      agreeing on "two days" does not settle "340 flights" against "more
//!      than 520 flights";
//!    - same polarity from different speakers in documents of different
//!      origins → `corroborates`. Copies of one wire story share an origin
//!      (see `minhash`), so a reprint never corroborates its original, and a
//!      speaker repeating themselves is not corroboration either.
//!
//! 3. **Rejected allegations.** A denial that rejects allegations without
//!    restating them ("described the claims of Western officials as
//!    baseless", "rejected the accusations") has no proposition of its own.
//!    It answers the allegations reported in the same article, so it
//!    contradicts every affirming claim there by a speaker of another side
//!    that involves the rejecting speaker's side — the country or body named
//!    in the speaker's name or roles ("Iran's foreign minister" → Iran).
//!    Speakers of that same side (the Iranian Foreign Ministry, for Iran) are
//!    not its accusers. Such a denial is not aligned across documents unless it also
//!    states its own content ("the allegation of the use of Iranian drones").
//!
//!    When the analysis links a rejection to the claims it answers
//!    (`Proposition::answers`: the accuser it names, the topic it names, or
//!    for an anaphor such as "these accusations" the nearest earlier
//!    accuser), those links replace the side rule: the rejection contradicts
//!    each answered claim, and takes the proposition of the first answered
//!    claim that has one, as a denial, so that it also contradicts the
//!    claims of that proposition from other sources, earlier or later.
//!
//! 4. **One event in one article.** Inside one document the participants
//!    are known from the story, so two claims by different speakers that
//!    share an event frame (see rule 1; "the ship was hit" and "the vessel
//!    had not been struck") state the same proposition even when neither
//!    names a participant; opposite polarity makes them contradict. So do
//!    an affirming claim that a side did something and that side's denial
//!    of the same kind of event ("Russian warplanes targeted the market";
//!    the Russian ministry: "the strikes did not target civilian objects"),
//!    whatever the heads. Two
//!    affirming claims that count the story's dead, wounded or abducted
//!    differently ("five soldiers were martyred" against "I counted 11
//!    bodies"; see [`crate::toll`]) contradict too.
//!
//!    A *blanket denial* — a deed of a kind in [`BLANKET_CLASSES`] denied
//!    outright with nobody and nothing in particular acted on ("no launch
//!    was registered", "the company never detains or beats anyone", "nobody
//!    was mistreated") — contradicts an affirming claim of the same article
//!    by a speaker of another side that tells such a deed as done, unless
//!    the two name different actors.
//!
//! 5. **Participants from the story.** A claim whose words name no
//!    participant ("the transponder of the vessel was never switched off",
//!    "it flew about 250 kilometers") is about what its article is about:
//!    the article's most mentioned participants other than people
//!    ([`story_anchors`]). Such a claim meets a proposition of another
//!    article about the same story (the two articles' participants meet)
//!    that names one of them, or a named claim meets such a proposition,
//!    when the two share an event frame with a head (rule 1) and their
//!    predicate classes do not clash; nothing else (terms, heads of the
//!    main clause) is enough without a named participant.
//!
//! 6. **A denial answers the deed it names.** A claim that denies (its
//!    stance) answers the affirming claims that tell the deed it denies,
//!    worded otherwise ("women were found working" and "not even one woman
//!    came ... all of them are working from home"; "had switched off its
//!    transponder" and "the transponder was never switched off"). What a
//!    claim tells is reduced to *deed terms* ([`PropSignature::deed`]):
//!    the classes of its events (`kill`, `mistreat`, ...) and the stemmed
//!    content words of its events and of what they act on ("injuries" and
//!    "injured" meet, "women" and "woman"), never a name, a reporting,
//!    light or degree word, a word of every story ("people", "country",
//!    "officials"), or a word used by many of the ledger's claims
//!    ([`TermStats::is_common`]). A denial that negates some of its events
//!    ("did not visit the hospital") denies those only; one that negates
//!    none is denied by its cue and denies all it tells. The two claims'
//!    speakers must differ and not speak for one side (one's side words
//!    all the other's: "Russia" and "the Russian Defense Ministry"; the
//!    "Office for Kosovo" and the "Kosovo Police" are two sides), and
//!    their named participants must not clash (rule 1's agent and patient;
//!    common nouns such as "officers" name nobody in particular).
//!    - Within one article the denial contradicts an affirmation that
//!      tells, as an event, the same decisive kind of deed as the denial
//!      ([`DECISIVE_CLASSES`]: killing, harming people in one's hands,
//!      attacks, launches, intrusions, interceptions), or a deed the denial
//!      tells as an event that the affirmation names too, with two more
//!      shared terms, or one event acting on the same thing in both.
//!    - A denial that says there is none of a thing ("no radio warning
//!      was received", "there is no survey", "not one delegate was
//!      expelled", "no aid at all"; [`PropSignature::deed_none`], read
//!      after "no", "not a single", "not one", "not any", "without any",
//!      and not of an idiom's abstract noun: "no chance", "no idea",
//!      [`IDIOM_NOUNS`]) answers an affirmation that names the thing, with
//!      one more shared term across articles of one story ("ignored six
//!      radio warnings"), two more within one article.
//!    - Across articles of one story (their casts, [`story_cast`], share
//!      [`CAST_MEET`] members; people count, since the same officials are
//!      quoted on both sides), the denial joins the affirmation's
//!      proposition, after every other rule, so that it contradicts it
//!      (rule 2), when both tell one event acting on one thing
//!      (`switch|transponder`), or the denial tells a decisive kind of deed
//!      as an event that the affirmation names, with one more shared term
//!      ("denied that officers had beaten an employee" and "arrested three
//!      employees, one of whom was brutally beaten"), or as within one
//!      article, a deed with two more shared terms. The candidates come
//!      from index keys on the deeds; the other rules judge only the
//!      candidates their own keys find.
//!    - In one article or across articles of one story, a denial that
//!      restates an affirmation answers it ([`restated_denial`]): its
//!      rare deed terms are all, or three or more and three quarters, the
//!      affirmation's, at least two of them words rather than deed
//!      classes, among them a deed the denial negates (when it negates
//!      any) and the affirmation tells without negating ("140 thousand
//!      votes had appeared in the province of Alto Cuervo", denied, and
//!      "around 140,000 votes from the northern province of Alto Cuervo
//!      had appeared overnight"). A claim joins one proposition, so such a
//!      denial of another article would miss an affirmation whose
//!      proposition is not the one it joins: the writer relates a claim to
//!      the members of the other stance of every candidate proposition
//!      that it restates or that restates it ([`Aligner::restates`]).
//!
//! 7. **Two sides count one thing.** Two claims of one story (one article,
//!    or two whose casts meet) by speakers not of one side, that count the
//!    same thing (a unit that is not a share, nor time or money, which
//!    are amounts, below:
//!    "40,000 artillery shells", "not more than 10 thousand shells"; rounds
//!    and shells are one unit) as what the same deed acts on in both
//!    (`fire|shell`), and whose named givers and takers do not clash, state
//!    one proposition: rule 2 then finds their numbers disagree (or agree).
//!    When one of the two states its count as a correction ("only 12,400
//!    ballots had been rejected", "not more than 10 thousand shells",
//!    "less than two tonnes", "4,000 tonnes of aid, not 12,500";
//!    [`corrected_units`]), the deed need
//!    not be the same: the correction says the two numbers answer one
//!    question ("180,000 ballots were thrown out"), whatever verbs tell it;
//!    the counted unit must then be rare in the ledger.
//!    Two sides that count two or more of the same rare things ("about
//!    4,500 soldiers, 60 tanks" and "2,800 soldiers and 24 tanks") count
//!    one inventory, whatever verbs they use. Heads of one kind are one
//!    unit ([`HEAD_CLASSES`]: trawlers and vessels; people, persons and
//!    passengers). People are counted for every purpose, so a count of
//!    people meets another only through one deed done to them ("six people
//!    were arrested", "nine people were arrested"), and a count over a span
//!    of time ("since it began", "this year") is the story's background,
//!    no rival count. Durations and sums of one currency (*amounts*,
//!    [`amount_unit`]) meet when a claim states one amount of the kind,
//!    one side states it as a correction or a cap ("lasted only 40
//!    minutes", "less than two days", "at most 45 million yen";
//!    [`amount_marked`]) and the two share a rare word of what lasted or
//!    was paid ("the transmission had been suspended for about 90
//!    minutes"; [`amounts_share_terms`]).
//!    A share ("only about 15% of households") meets
//!    another side's share the same way: one each, one of them stated as
//!    a correction or a cap, and a shared rare word of what the share is
//!    of ([`shares_meet`]); rule 2 compares shares in points.
//!    *Rival figures*: two sides that each state one figure of the same
//!    rare thing (not people, not an amount), as a whole — no part of a
//!    whole ("two of the injured sailors", "17 of the 40 polling
//!    stations"), no rate ("per gram", "annually"), no count over a span
//!    of time, no cubic or square measure ([`PropSignature::single`]) —
//!    with the same polarity, and that share two more rare words of what
//!    is done with it ([`RIVAL_TERMS`], [`shared_deed_terms`]: "11
//!    nautical miles inside the territorial waters" and "6 nautical miles
//!    outside Iranian territorial waters"; "about 300 kilograms of dead
//!    fish were collected" and "more than two tons of dead fish") meet
//!    whatever their verbs. One shared word was too few: one article
//!    counts a thing for many purposes (the tents the state delivered and
//!    the tents one village received). Money words outside
//!    [`CURRENCIES`] ("crowns") count nothing ([`UNCOUNTED_MONEY`]),
//!    so that two sums never meet as rival figures.
//!    It is tried last, so a claim joins the proposition any other rule
//!    gives it first ([`counts_meet`]). Tolls ([`crate::toll`]) are counts
//!    of this kind whose fate is their deed: two sides' counts of one
//!    story's dead, wounded, displaced... of one group of people ("nine
//!    employees were injured", said the company; "17 workers were
//!    wounded", said the union) meet across articles whatever their nouns
//!    and verbs, and rule 2 compares them apart from the other numbers
//!    (before them, so that the reason names the toll). A figure without
//!    a unit is a toll of the dead, wounded or displaced when its fate
//!    stands right beside it ("more than 40 were killed", "the number of
//!    the dead is 19"); a part of a count told elsewhere ("two of the
//!    dead", "nine of them") is no toll ([`crate::toll::tolls`]).
//!
//! 8. **A rejected figure.** A claim that states a figure and rejects
//!    another ("on the boat were around 35 people, not 71"; "reduced the
//!    flow by about 12%, not the 40% claimed by officials"; '112, "not 87
//!    like the authorities say"'; "4 million euros, not 2.8 million":
//!    a number after ", not", "and/but not", "rather than", "instead of",
//!    a number in digits the words negate ("there were not 12 thousand
//!    tonnes", "it is not 99 years"),
//!    or compared "than the N" and reported there as another's: "seven
//!    times more than the 300 barrels which were announced by the
//!    operator"; it takes the scale of the figure it stands against, "218
//!    billion, not 230"; [`NumberFact::rejected`]), or a denial that cites a figure ("rejecting
//!    the coast guard's count of 312", "the police figure of 12 is simply
//!    not true"; [`NumberFact::cited`]),
//!    answers the claims of its story (one article, or two whose casts
//!    meet) by speakers not of its side that state that figure: the same
//!    value, within half a percent, and units of one class (a rejected
//!    figure of ten or more without a unit of its own takes any: the
//!    rejection often drops it). The two join one proposition before any
//!    other rule and above any other rule's score ([`figure_answered`]),
//!    since a figure quoted to be rejected says which claim is answered
//!    more surely than shared words; rule 2 then finds them contradicting
//!    ("rejects the figure the other states"). A denial citing a figure
//!    contradicts only the claims of its proposition that state it: the
//!    others may agree with the denial ("at least 40 civilians were
//!    killed" against "the police figure of 12"). A rejected figure is no
//!    figure of its claim's: it counts nothing, is no toll and is compared
//!    with nothing by rule 2. A claim joins one proposition, but a figure
//!    it rejects may be stated by several claims of its article (the
//!    headline's "₦184 million missing" and the body's "transferred ₦184
//!    million"): within one article the rejection contradicts each of them,
//!    whatever proposition each joined, as long as a rejected figure
//!    without a unit meets a figure of the unit its claim states against
//!    it ("not 14, but 19 people" answers no "14 months";
//!    [`Aligner::figure_rejected`]).
//!
//! Everything that decides is behind the [`Aligner`] trait, so a learned or
//! embedding-based matcher can replace [`RuleAligner`] without touching the
//! store.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use claimgraph::output::{ArgumentOut, FrameOut, PropositionOut};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::norm::{as_key, fnv64, fold_proper, is_capitalised, is_number, is_stop, mix64, parse_number, stem, words};

/// The most earlier claims of one proposition a new claim is related to
/// (the most recent ones). Pairs grow with the square of a proposition's
/// claims: a ledger of 1M synthetic claims in clusters of ~60 held 28.5M
/// relations with a cap of 200 (BENCHMARKS.md, Ledger). The proposition
/// itself still counts every claim; pairs beyond the cap add little to
/// what an analyst reads.
pub const MAX_MEMBERS: usize = 50;

/// Relative difference from which two numbers disagree.
pub const NUMBER_TOLERANCE: f64 = 0.1;

/// How two claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// They cannot both be true.
    Contradicts,
    /// Independent sources say the same.
    Corroborates,
}

impl RelationKind {
    /// The contract's string form.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Contradicts => "contradicts",
            RelationKind::Corroborates => "corroborates",
        }
    }
}

/// A number stated in a claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberFact {
    /// The value (lower bound of a range).
    pub value: f64,
    /// Upper bound of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The unit, stemmed ("" when unknown).
    #[serde(default)]
    pub unit: String,
    /// Whether the words state the value itself, a floor or a cap ("more
    /// than 250 barrels", "not more than 320 barrels"): rule 2 compares
    /// numbers as the intervals they state.
    #[serde(default, skip_serializing_if = "Bound::is_exact")]
    pub bound: Bound,
    /// True for a number the claim rejects in favour of another it states
    /// ("35 people, not 71"; "12%, not the 40% claimed"): no figure of the
    /// claim's (rule 2 leaves it out), but the figure of another side's
    /// claim that this one answers (rule 8).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rejected: bool,
    /// True for a number the content cites as a figure ("the coast guard's
    /// count of 312", "the police figure of 12"; [`FIGURE_NOUNS`]): in a
    /// denial, the figure it rejects (rule 8).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cited: bool,
}

impl NumberFact {
    /// True for a figure the claim states as its own (not rejected).
    pub fn stated(&self) -> bool {
        !self.rejected
    }
}

/// How a stated number bounds what it counts ([`number_fact`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// The value itself, or the range from it to `max`, within
    /// [`NUMBER_TOLERANCE`].
    #[default]
    Exact,
    /// The value or more ("more than 250", "at least 60", "not less than
    /// 9.5 million").
    Floor,
    /// The value or less ("not more than 320", "up to 50 minutes", "fewer
    /// than 2,000", "at most 1.2 million").
    Cap,
}

impl Bound {
    /// True for [`Bound::Exact`] (the stored default).
    pub fn is_exact(&self) -> bool {
        *self == Bound::Exact
    }
}

/// What the aligner is given about one claim.
#[derive(Debug, Clone, Default)]
pub struct ClaimInput<'a> {
    /// The content text.
    pub content: &'a str,
    /// The speaker's ledger entity id, when resolved.
    pub speaker_entity: Option<&'a str>,
    /// The speaker words as written.
    pub speaker_text: &'a str,
    /// Entities mentioned inside the content: (ledger id, name).
    pub entities: Vec<(String, String)>,
    /// Mentions inside the content: (words as written, entity name), so
    /// that "Norwegian" counts as Norway where the analysis says so.
    pub mentions: Vec<(String, String)>,
    /// The proposition the analysis found, if any.
    pub proposition: Option<&'a PropositionOut>,
    /// Numbers stated in the content.
    pub numbers: Vec<NumberFact>,
    /// Every event the content states (the analysis's frames), also for a
    /// claim whose main clause has no predicate of its own.
    pub frames: &'a [FrameOut],
    /// The side the speaker speaks for ([`affiliation`]).
    pub speaker_side: Vec<String>,
    /// What the claim's article is about ([`story_anchors`]), for claims
    /// whose own words name no participant.
    pub story: Vec<String>,
    /// Who the claim's article is about, people included ([`story_cast`]):
    /// two articles whose casts meet tell one story (rule 6).
    pub cast: Vec<String>,
    /// True when the claim denies (its stance), so that a denial can meet
    /// the affirmations it answers (rule 6).
    pub denies: bool,
}

/// A claim reduced for matching; stored once per proposition (the first
/// claim's signature represents it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PropSignature {
    /// Participant keys: `#<entity id>` and folded proper names.
    pub anchors: Vec<String>,
    /// Stemmed content terms.
    pub topics: Vec<String>,
    /// Stemmed head of the object, when the proposition gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// Predicate class (`transfer`, `attack`, ...) or stemmed predicate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
    /// Folded name of who gives or acts, direction normalised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Folded name of who receives or suffers it, direction normalised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient: Option<String>,
    /// Event keys of the content's frames: predicate class (or stemmed
    /// predicate) and the stemmed head of what it acts on
    /// (`intrude|airspace`), for events told in relative, coordinated or
    /// embedded clauses and event nouns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frames: Vec<String>,
    /// Who takes part in each event of the content, headless frames
    /// included: `pred|` for every predicate (class or stem) and
    /// `pred|name` for every folded proper name in its arguments (rule 4,
    /// the accused's denial). Only compared inside the document being
    /// written, so never stored with a proposition.
    #[serde(skip)]
    pub parties: Vec<String>,
    /// Deeds of a classified kind the content tells as done (frames not
    /// negated), as `class|actor`
    /// (actor folded as in [`frame_key`], empty when unnamed), whatever
    /// they act on. Only compared inside the document being written.
    #[serde(skip)]
    pub deeds: Vec<String>,
    /// Deeds of a kind of [`BLANKET_CLASSES`] denied outright, with nobody
    /// and nothing in particular acted on ("no launch was registered",
    /// "detains or beats anyone", "there were no deaths"), as
    /// `class|actor`: in a denial, a blanket denial of that kind of deed
    /// (rule 4). Only compared inside the document being written.
    #[serde(skip)]
    pub blanket: Vec<String>,
    /// The participants of the claim's article ([`story_anchors`]): a
    /// claim that shares an event frame with another but no participant of
    /// its own ("the transponder was never switched off") is about what its
    /// story is about (rule 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<String>,
    /// True when the content names no participant of its own (its anchors
    /// are the speaker's side, or none): only such a claim, or a
    /// proposition of one, is matched through the story (rule 5).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unnamed: bool,
    /// The main verb acting on the object (its class, else its stem), when
    /// the claim has an object: two claims about one object with different
    /// verbs state different propositions ("attacked Trump", "mentioned
    /// Trump"; "released her tax returns", "questioned his tax returns").
    /// Stored under its first name, which held it for named objects only.
    #[serde(default, rename = "named_object_verb", skip_serializing_if = "Option::is_none")]
    pub object_verb: Option<String>,
    /// True when the claim denies (rule 6).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub denies: bool,
    /// What the claim tells is done, for rule 6: the classes of its deeds
    /// (`@kill`) and the stemmed content words of its deeds and what they
    /// act on, without names, reporting, light or common words
    /// ([`deed_terms`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deed: Vec<String>,
    /// Among [`PropSignature::deed`], the deeds themselves: predicates and
    /// verb forms (rule 6 wants one of them shared).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deed_preds: Vec<String>,
    /// Among [`PropSignature::deed_preds`], the deeds the analysis reads
    /// as events: the predicates of the content's frames and main clause.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deed_events: Vec<String>,
    /// Among [`PropSignature::deed_events`], those the content negates
    /// ("was never switched off"): a denial that negates some events
    /// denies those, not the others it tells (rule 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deed_denied: Vec<String>,
    /// The events of [`PropSignature::deed_events`] with the root of what
    /// each acts on or for (`switch|transponder`), for rule 6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deed_frames: Vec<String>,
    /// Among [`PropSignature::deed`], the roots of the things whose being
    /// the content denies ("no radio warning was received", "there is no
    /// survey", "not a single stone"; [`nothing_terms`]), sorted, for
    /// rule 6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deed_none: Vec<String>,
    /// The claim's article's cast ([`story_cast`]), for rules 6 and 7.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cast: Vec<String>,
    /// What the content's numbers count, each unit folded ([`fold_head`]),
    /// sorted, when it counts a thing of the story rather than time, money
    /// or people ([`counted_unit`]): two sides' counts of one thing meet
    /// (rule 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<String>,
    /// The counted units ([`PropSignature::counts`]) whose number the
    /// content states as a correction ("only 12,400 ballots", "no more
    /// than 10 thousand shells", "4,000 tonnes, not 12,500";
    /// [`corrected_units`]): such a count answers another count of the same
    /// thing, whatever deed either tells (rule 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrects: Vec<String>,
    /// The counted units ([`PropSignature::counts`], not amounts) the
    /// content states one figure of, as a whole: no part of a whole ("two
    /// of the injured sailors", "17 of the 40 polling stations") and no
    /// rate ("300 zlotys per gram") in the content ([`single_counts`]).
    /// Two such figures of one rare thing are rival figures (rule 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub single: Vec<String>,
    /// The figures the content states as its own (no tolls: they meet by
    /// rule 7), for rule 8: another side's claim may reject one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<NumberFact>,
    /// The figures the content rejects for its own ("35 people, not 71";
    /// [`NumberFact::rejected`]), for rule 8.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejects: Vec<NumberFact>,
    /// Who speaks (`#<entity id>`, else the speaker's words in lower
    /// case): rule 6 never sets a speaker against themselves.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub speaker: String,
    /// The side of the claim's speaker ([`affiliation`]), for rule 6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub side: Vec<String>,
    /// Readable form of the proposition.
    pub text: String,
    /// Hashes of the halves of its index keys of rules 1 to 5, made on
    /// first use ([`rule_keys_meet`]); never stored.
    #[serde(skip)]
    pub key_halves: KeyHalves,
}

/// The halves of a signature's index keys of rules 1 to 5, hashed, each
/// list sorted: two signatures whose hashes do not meet share no key, so
/// most candidates of a claim are set aside without comparing strings.
/// Made once per signature; two signatures are equal whatever their
/// cached halves.
#[derive(Debug, Clone, Default)]
pub struct KeyHalves(OnceLock<Halves>);

impl PartialEq for KeyHalves {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What [`KeyHalves`] holds: hashes of the named participants, the
/// topics and head, the frame cores, and for a claim naming none the
/// story's participants.
#[derive(Debug, Clone, Default)]
struct Halves {
    named: Vec<u64>,
    terms: Vec<u64>,
    cores: Vec<u64>,
    story: Vec<u64>,
    /// The cast's hashes, sorted, duplicates kept (rule 6 counts them).
    cast: Vec<u64>,
}

impl Halves {
    fn of(s: &PropSignature) -> Halves {
        let list = |it: &mut dyn Iterator<Item = &str>| {
            let mut v: Vec<u64> = it.map(|x| fnv64(x.as_bytes())).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        Halves {
            named: list(&mut rule_named(s).map(String::as_str)),
            terms: list(&mut s.topics.iter().chain(s.head.iter()).map(String::as_str)),
            cores: list(&mut rule_cores(s)),
            story: list(&mut rule_story(s).iter().map(String::as_str)),
            cast: {
                let mut v: Vec<u64> = s.cast.iter().map(|x| fnv64(x.as_bytes())).collect();
                v.sort_unstable();
                v
            },
        }
    }

    /// False only when the two signatures surely share no key of rules 1
    /// to 5 (equal strings have equal hashes).
    /// False only when the two casts surely share fewer than
    /// [`CAST_MEET`] members: every member of one found in the other has
    /// its hash found too.
    fn casts_may_meet(&self, o: &Halves) -> bool {
        self.cast.iter().filter(|h| o.cast.binary_search(h).is_ok()).count() >= CAST_MEET
    }

    fn may_meet(&self, o: &Halves) -> bool {
        let named = u64_meet(&self.named, &o.named);
        named && u64_meet(&self.terms, &o.terms)
            || u64_meet(&self.cores, &o.cores)
                && (named
                    || u64_meet(&self.story, &o.named)
                    || u64_meet(&self.named, &o.story)
                    || u64_meet(&self.story, &o.story))
    }
}

/// True when two sorted lists of hashes share one (one merge walk).
fn u64_meet(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

/// The named participants of a signature, as its rule keys take them
/// (entity-id anchors aside).
pub(crate) fn rule_named(s: &PropSignature) -> impl Iterator<Item = &String> {
    s.anchors.iter().filter(|a| !a.starts_with('#'))
}

/// The frame cores of a signature (predicate and head, without the
/// actor), as its rule keys take them.
pub(crate) fn rule_cores(s: &PropSignature) -> impl Iterator<Item = &str> {
    s.frames.iter().filter_map(|f| f.rsplit_once('|').map(|(core, _)| core)).filter(|c| !c.ends_with('|'))
}

/// The story's participants, for a claim naming none (rule 5).
pub(crate) fn rule_story(s: &PropSignature) -> &[String] {
    if s.unnamed {
        s.story.as_slice()
    } else {
        &[]
    }
}

impl PropSignature {
    /// Its [`KeyHalves`], made on first use.
    fn halves(&self) -> &Halves {
        self.key_halves.0.get_or_init(|| Halves::of(self))
    }
}

/// The facts about a stored claim that the relation rule needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimFacts {
    /// Claim row.
    pub claim: i64,
    /// Document row.
    pub doc: i64,
    /// The document's origin row (itself when it is not a copy).
    pub origin: i64,
    /// Speaker entity row, when resolved.
    pub speaker: Option<i64>,
    /// Normalised speaker words, for unresolved speakers.
    pub speaker_key: String,
    /// True when the claim affirms.
    pub affirms: bool,
    /// Numbers stated.
    pub numbers: Vec<NumberFact>,
}

/// Term rarity across the ledger: the weight of a term falls as more claims
/// use it, so that "drone" counts for more than "war" in a war ledger.
#[derive(Debug, Default, Clone)]
pub struct TermStats {
    df: FxHashMap<String, u32>,
    claims: u32,
    dirty: BTreeSet<String>,
}

impl TermStats {
    /// Statistics loaded from storage.
    pub fn from_counts(counts: impl IntoIterator<Item = (String, u32)>, claims: u32) -> Self {
        TermStats { df: counts.into_iter().collect(), claims, dirty: BTreeSet::new() }
    }

    /// Counts one more claim with these terms.
    pub fn add(&mut self, terms: &[String]) {
        self.claims += 1;
        for t in terms {
            *self.df.entry(t.clone()).or_insert(0) += 1;
            self.dirty.insert(t.clone());
        }
    }

    /// Number of claims counted.
    pub fn claims(&self) -> u32 {
        self.claims
    }

    /// The inverse-document-frequency weight of a term.
    pub fn weight(&self, term: &str) -> f64 {
        let df = self.df.get(term).copied().unwrap_or(0) as f64;
        ((1.0 + self.claims as f64) / (1.0 + df)).ln() + 1.0
    }

    /// True when a term is too common across the ledger to tie two claims
    /// by itself: used by at least [`COMMON_MIN_CLAIMS`] claims and by at
    /// least [`COMMON_SHARE`] of them. A small ledger has no common words
    /// beyond the fixed lists: its counts say little.
    pub fn is_common(&self, term: &str) -> bool {
        let df = self.df.get(term).copied().unwrap_or(0);
        df >= COMMON_MIN_CLAIMS && f64::from(df) >= COMMON_SHARE * f64::from(self.claims)
    }

    /// Terms changed since the last call, with their counts.
    pub fn take_dirty(&mut self) -> Vec<(String, u32)> {
        let dirty = std::mem::take(&mut self.dirty);
        dirty.into_iter().map(|t| (self.df.get(&t).copied().unwrap_or(0), t)).map(|(n, t)| (t, n)).collect()
    }
}

/// Decides which claims state the same proposition and how two claims of a
/// proposition relate. See the module documentation for the rule.
pub trait Aligner: Send + Sync {
    /// The claim's signature, or `None` when it says too little to align
    /// (no participant and no content term).
    fn signature(&self, claim: &ClaimInput<'_>) -> Option<PropSignature>;
    /// Index keys under which a proposition is found; a claim's candidates
    /// are the propositions sharing at least one key with it.
    fn index_keys(&self, sig: &PropSignature) -> Vec<i64>;
    /// How well a claim's signature matches a proposition's; `None` when it
    /// does not. Higher is better.
    fn match_score(&self, claim: &PropSignature, prop: &PropSignature, stats: &TermStats) -> Option<f64>;
    /// False only when [`Aligner::match_score`] surely returns `None` for
    /// signatures with these sketches: asked of every candidate before its
    /// signature is read. An aligner without such a test lets all through.
    fn may_match(&self, _claim: &crate::sketch::Sketch, _prop: &crate::sketch::Sketch) -> bool {
        true
    }
    /// The relation of a new claim to an earlier claim of the same
    /// proposition, with a one-line reason.
    fn relate(&self, new: &ClaimFacts, old: &ClaimFacts) -> Option<(RelationKind, String)>;
    /// Whether a claim with this stance rejects allegations (rule 3).
    fn rejects_allegations(&self, claim: &ClaimInput<'_>, affirms: bool) -> bool;
    /// Whether a rejection by a speaker of side `rejecter` answers an
    /// affirming claim with signature `allegation` by a speaker of side
    /// `alleger` in the same document; returns the reason when it does.
    fn answers(&self, rejecter: &[String], allegation: &PropSignature, alleger: &[String]) -> Option<String>;
    /// Whether two claims of one document tell the same event (rule 4);
    /// returns the reason when they do.
    fn same_event_in_document(&self, a: &PropSignature, b: &PropSignature) -> Option<String>;
    /// Whether, in one document, a denial by a speaker of side `denier`
    /// answers an affirming claim (by a speaker of another side,
    /// `alleger`) that says the denier's side did what the denial is about:
    /// the two share an event predicate and the allegation names the
    /// denier's side in it ("Russian warplanes targeted the market" against
    /// the Russian ministry's "the strikes did not target civilian
    /// objects"). Returns the reason when it does (rule 4).
    fn accused_denies(
        &self,
        denier: &[String],
        denial: &PropSignature,
        allegation: &PropSignature,
        alleger: &[String],
    ) -> Option<String>;
    /// Whether, in one document, a denial answers an affirming claim by a
    /// speaker of another side because the two share the deed (rule 6);
    /// returns the reason when it does.
    fn denial_answers(&self, denial: &PropSignature, allegation: &PropSignature, stats: &TermStats) -> Option<String>;
    /// Whether the tolls two affirming claims of one document state (see
    /// [`crate::toll`]) disagree (rule 4); returns the reason when they do.
    fn tolls_disagree(&self, a: &[crate::toll::Toll], b: &[crate::toll::Toll]) -> Option<String>;
    /// Whether, in one document, one claim rejects a figure the other
    /// states (rule 8), whichever propositions the two joined: a claim
    /// joins one proposition, and the figure it rejects may be stated by
    /// claims of several ("the defendant transferred ₦184 million" and the
    /// headline's "₦184 million missing", against "31 million naira and not
    /// ₦184 million"). Returns the reason when it does.
    fn figure_rejected(&self, a: &PropSignature, b: &PropSignature) -> Option<String>;
    /// Whether, in one document, one claim rejects a date the other
    /// states, their speakers' sides (`a_side`, `b_side`) not one (rule 8
    /// for dates, [`date_rejected`]). Returns the reason when it does.
    fn date_rejected(&self, a: &ClaimDates, a_side: &[String], b: &ClaimDates, b_side: &[String]) -> Option<String>;
    /// Whether a claim and a proposition of another stance, of one story
    /// and by speakers not of one side, are a denial and the affirmation it
    /// restates (rule 6, [`restated_denial`]). A claim joins one
    /// proposition, the one that matches it best, but a denial may restate
    /// the claims of another: the writer relates it to that proposition's
    /// members of the other stance too. Returns the reason when it does;
    /// an aligner without such a test says none.
    fn restates(&self, _claim: &PropSignature, _prop: &PropSignature, _stats: &TermStats) -> Option<String> {
        None
    }
}

/// How many of an article's most mentioned participants stand for what it
/// is about.
pub const STORY_ANCHORS: usize = 3;

/// Claims from which a term can be common ([`TermStats::is_common`]).
pub const COMMON_MIN_CLAIMS: u32 = 30;

/// Share of the ledger's claims from which a term is common
/// ([`TermStats::is_common`]).
pub const COMMON_SHARE: f64 = 0.03;

/// How many of an article's most mentioned participants, people included,
/// make its cast ([`story_cast`]).
pub const STORY_CAST: usize = 8;

/// Cast members two articles must share to tell one story (rule 6).
pub const CAST_MEET: usize = 2;

/// True when two claims' articles share at least [`CAST_MEET`] cast
/// members (rule 6).
fn shares_cast(c: &PropSignature, p: &PropSignature) -> bool {
    c.cast.iter().filter(|k| p.cast.binary_search(k).is_ok()).count() >= CAST_MEET
}

/// True when two claims may tell one story: their casts' halves may meet
/// and the casts share enough members (rules 7 and 8).
fn tell_one_story(c: &PropSignature, p: &PropSignature) -> bool {
    c.halves().casts_may_meet(p.halves()) && shares_cast(c, p)
}

/// Who an article is about, people included: the folded names of its most
/// mentioned participants, at most [`STORY_CAST`]. Two articles quoting
/// the same people about the same places tell one story, whatever the
/// entity kinds say (rule 6).
pub fn story_cast(entities: &[claimgraph::output::EntityOut]) -> Vec<String> {
    let mut ranked: Vec<(usize, usize, &claimgraph::output::EntityOut)> =
        entities.iter().enumerate().map(|(i, e)| (e.mentions.len(), i, e)).collect();
    ranked.sort_by_key(|r| (std::cmp::Reverse(r.0), r.1));
    let mut out: Vec<String> = Vec::new();
    for (_, _, e) in ranked {
        if out.len() == STORY_CAST {
            break;
        }
        if let Some(k) = name_fold(&e.name).filter(|k| k.chars().count() > 2 && !out.contains(k)) {
            out.push(k);
        }
    }
    out.sort();
    out
}

/// What an article is about: the folded names of its most mentioned
/// participants other than people (places, countries, organisations,
/// vessels: people in the news are mostly its speakers), at most
/// [`STORY_ANCHORS`], each mentioned at least twice.
pub fn story_anchors(entities: &[claimgraph::output::EntityOut]) -> Vec<String> {
    let mut ranked: Vec<(usize, &claimgraph::output::EntityOut)> = entities
        .iter()
        .filter(|e| e.kind != "person" && e.mentions.len() >= 2)
        .map(|e| (e.mentions.len(), e))
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut out: Vec<String> = ranked.iter().filter_map(|(_, e)| name_fold(&e.name)).take(STORY_ANCHORS).collect();
    out.sort();
    out.dedup();
    out
}

/// Nouns that name claims themselves: a denial built on them rejects
/// allegations rather than stating a proposition.
pub(crate) const META_NOUNS: &[&str] = &[
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "claim",
    "claims",
    "report",
    "reports",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "assertion",
    "assertions",
    "story",
    "stories",
];

/// Nouns of saying other than the claim nouns ([`META_NOUNS`]), which a
/// rejection may restate with a clause after them ("the statements of
/// Tajik media that ..."); [`restates_allegation`] asks both lists.
const SAYING_NOUNS: &[&str] = &["statement", "statements", "suggestion", "suggestions", "version", "versions"];

/// Whether a rejection restates the allegation it rejects: a noun of saying
/// followed, within four words and no punctuation, by "that" or "according
/// to which" and a clause ("the accusation that the mission was carrying
/// construction materials", "claims from Belgrade that officers had beaten
/// an employee", "the accusations of Keszvár according to which the
/// aircraft would have violated the airspace"). Such a rejection says what
/// it rejects, so rule 3's side rule, which answers every claim of another
/// side that involves the rejecter's side, does not stand for it: its own
/// proposition aligns it (rules 1 and 6).
pub fn restates_allegation(content: &str) -> bool {
    let toks: Vec<&str> = content.split_whitespace().collect();
    let bare = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    toks.iter().enumerate().any(|(i, t)| {
        let w = bare(t);
        if !(META_NOUNS.contains(&w.as_str()) || SAYING_NOUNS.contains(&w.as_str())) {
            return false;
        }
        // The words after the noun, up to the first that ends a phrase.
        let mut k = i;
        for _ in 0..5 {
            if toks[k].ends_with([',', ';', ':', '.', '"', '\u{201d}', ')']) {
                return false;
            }
            k += 1;
            let Some(next) = toks.get(k) else { return false };
            let n = bare(next);
            if n == "that" {
                // "the claims that were published by ...": a relative
                // clause describes the claims, it does not restate them.
                let relative = toks.get(k + 1).is_some_and(|x| {
                    matches!(
                        bare(x).as_str(),
                        "was"
                            | "were"
                            | "is"
                            | "are"
                            | "has"
                            | "have"
                            | "had"
                            | "appeared"
                            | "appear"
                            | "circulated"
                            | "circulate"
                            | "spread"
                            | "came"
                            | "come"
                            | "will"
                            | "would"
                    )
                });
                return !relative && toks.len() > k + 2;
            }
            if n == "according" && toks.get(k + 2).is_some_and(|x| bare(x) == "which") {
                return toks.len() > k + 3;
            }
        }
        false
    })
}

/// The side a speaker speaks for: the folded proper words of its name (for
/// organisations and places) and of its role descriptions ("Iran's foreign
/// minister" → "iran"; "spokesman for the Russian defence ministry" →
/// "russ"). A person's own name words are not a side.
pub fn affiliation(name: &str, kind: &str, roles: &[String]) -> Vec<String> {
    let own: Vec<String> = words(name).into_iter().map(|w| fold_proper(&w.to_lowercase())).collect();
    // Titles and office words are capitalised in roles but name no side.
    const GENERIC: &[&str] = &[
        "admiral",
        "affairs",
        "brigadier",
        "captain",
        "colonel",
        "deputy",
        "interior",
        "lieutenant",
        "major",
        "rear",
        "sergeant",
        "vice",
        "agency",
        "army",
        "chief",
        "commander",
        "council",
        "defence",
        "defense",
        "department",
        "foreign",
        "forces",
        "general",
        "head",
        "intelligence",
        "military",
        "minister",
        "ministry",
        "national",
        "office",
        "official",
        "president",
        "secretary",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "state",
    ];
    let mut out = BTreeSet::new();
    let sources = roles.iter().map(String::as_str).chain((kind != "person").then_some(name));
    for text in sources {
        for w in words(text) {
            let lower = w.to_lowercase();
            if is_capitalised(w)
                && !is_stop(&lower)
                && !is_number(w)
                && lower.chars().count() > 2
                && !GENERIC.contains(&lower.as_str())
            {
                let k = fold_proper(&lower);
                if kind != "person" || !own.contains(&k) {
                    out.insert(k);
                }
            }
        }
    }
    out.into_iter().collect()
}

/// The rule-based aligner described in the module documentation.
#[derive(Debug, Clone)]
pub struct RuleAligner {
    /// Minimal weighted cosine of content terms when object heads are
    /// unknown.
    pub min_similarity: f64,
}

impl Default for RuleAligner {
    fn default() -> Self {
        RuleAligner { min_similarity: 0.45 }
    }
}

/// Verb classes: (class, forms, direction reversed). "Russia bought drones
/// from Iran" and "Iran supplied drones to Russia" are one transfer with Iran
/// as the giver. Verbs too general to classify ("use", "have") stay out, so
/// they never block a match.
const PREDICATE_CLASSES: &[(&str, &[&str], bool)] = &[
    (
        "transfer",
        &[
            "supply",
            "supplied",
            "provide",
            "provided",
            "transfer",
            "transferred",
            "sell",
            "sold",
            "deliver",
            "delivered",
            "send",
            "sent",
            "ship",
            "shipped",
            "give",
            "gave",
            "given",
            "export",
            "exported",
            "hand",
            "handed",
            "arm",
            "armed",
            "delivery",
            "sale",
            "shipment",
        ],
        false,
    ),
    (
        "transfer",
        &[
            "buy",
            "bought",
            "purchase",
            "purchased",
            "acquire",
            "acquired",
            "receive",
            "received",
            "obtain",
            "obtained",
            "import",
            "imported",
        ],
        true,
    ),
    (
        "attack",
        &[
            "attack",
            "attacked",
            "strike",
            "struck",
            "bomb",
            "bombed",
            "shell",
            "shelled",
            "hit",
            "target",
            "targeted",
            "airstrike",
            "raid",
            "assault",
            "bombing",
            "bombardment",
            "shelling",
        ],
        false,
    ),
    // Entering or crossing into someone's space, by verb or event noun:
    // "entered the airspace", "crossed the border", "a violation of the
    // air border", "any incursion".
    (
        "intrude",
        &[
            "enter",
            "entered",
            "cross",
            "crossed",
            "violate",
            "violated",
            "violation",
            "incursion",
            "intrusion",
            "crossing",
            "entry",
            "invade",
            "invaded",
            "invasion",
            "penetrate",
            "penetrated",
        ],
        false,
    ),
    (
        "intercept",
        &["intercept", "intercepted", "interception", "shoot", "shot", "down", "downed", "destroy", "destroyed"],
        false,
    ),
    // Taking a life, whatever the means or the telling: "killed",
    // "beheaded", "murdered", "the deaths of".
    (
        "kill",
        &[
            "kill",
            "killed",
            "killing",
            "murder",
            "murdered",
            "behead",
            "beheaded",
            "beheading",
            "massacre",
            "massacred",
            "slay",
            "slain",
            "death",
            "die",
            "died",
        ],
        false,
    ),
    // Physical harm to people in someone's hands: "beat", "mistreated",
    // "tortured", "ill-treatment" ("used force" joins it in `frame_class`).
    (
        "mistreat",
        &[
            "beat",
            "beaten",
            "beating",
            "mistreat",
            "mistreated",
            "mistreatment",
            "maltreat",
            "maltreated",
            "maltreatment",
            "ill-treat",
            "ill-treated",
            "ill-treatment",
            "torture",
            "tortured",
            "brutalise",
            "brutalize",
            "brutalised",
            "brutalized",
        ],
        false,
    ),
    ("launch", &["launch", "launched"], false),
    ("meet", &["meet", "met", "talk", "talks", "negotiate", "negotiated"], false),
    ("sanction", &["sanction", "sanctioned", "impose", "imposed"], false),
    ("deploy", &["deploy", "deployed", "deployment", "station", "stationed"], false),
    ("produce", &["produce", "produced", "manufacture", "manufactured", "build", "built"], false),
    ("train", &["train", "trained"], false),
];

fn predicate_table() -> &'static FxHashMap<String, (&'static str, bool)> {
    static TABLE: OnceLock<FxHashMap<String, (&'static str, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = FxHashMap::default();
        for (class, forms, reversed) in PREDICATE_CLASSES {
            for f in *forms {
                m.insert(stem(f), (*class, *reversed));
            }
        }
        m
    })
}

/// The class of a predicate word, with whether its direction is reversed.
pub fn predicate_class(word: &str) -> Option<(&'static str, bool)> {
    predicate_table().get(&stem(&word.to_lowercase())).copied()
}

/// The class of a word read from plain text, where no parse says which
/// word is the verb: only inflected verb forms count ("delivered", "sold"),
/// since base forms are often nouns ("attack drones", "arms supply").
fn text_predicate_class(lower: &str) -> Option<(&'static str, bool)> {
    const IRREGULAR: &[&str] =
        &["sold", "sent", "gave", "given", "bought", "struck", "shot", "met", "built", "supplies", "provides", "sells"];
    if lower.ends_with("ed") || IRREGULAR.contains(&lower) {
        predicate_class(lower)
    } else {
        None
    }
}

/// Folded key of a name: its capitalised words, folded, joined; the last
/// word alone for people ("Kyrylo Budanov" → "budanov").
fn name_fold(text: &str) -> Option<String> {
    let ws: Vec<String> = words(text)
        .into_iter()
        .filter(|w| !is_number(w) && !is_stop(&w.to_lowercase()))
        .map(|w| fold_proper(&w.to_lowercase()))
        .collect();
    ws.last().cloned()
}

/// Heads that name no participant of their own: pronouns and vague nouns.
const VAGUE_HEADS: &[&str] = &[
    "it", "them", "that", "this", "these", "those", "which", "what", "who", "he", "she", "they", "we", "side", "part",
];

/// The key of an event frame: predicate class (or stemmed predicate) and the
/// stemmed head of its object (else of its recipient); `None` when it has
/// neither or the head is vague.
///
/// An intrusion is keyed by its class alone: what is entered or crossed is
/// told many ways ("airspace", "the border", "the median line", "the
/// market"), and the participants (rule 1's anchors) say whose space it is.
/// Heads are folded by [`HEAD_CLASSES`] ("vessel" → "ship").
pub fn frame_key(f: &FrameOut, speaker_side: &[String]) -> Option<String> {
    let class = frame_class(f);
    let actor = frame_actor(f, speaker_side);
    if class == Some("intrude") {
        return Some(format!("intrude||{actor}"));
    }
    // "Used force": the force is the means, not what is acted on.
    if class == Some("mistreat") && predicate_class(&f.predicate).is_none() {
        return None;
    }
    let head = [&f.object, &f.recipient].into_iter().flatten().find_map(|a| {
        let h =
            if a.head.is_empty() { words(&a.text).last().map(|w| w.to_lowercase())? } else { a.head.to_lowercase() };
        (!VAGUE_HEADS.contains(&h.as_str()) && !is_stop(&h) && !is_number(&h)).then(|| fold_head(&stem(&h)))
    })?;
    let pred = match class {
        Some(c) => c.to_string(),
        None => stem(&f.predicate.to_lowercase()),
    };
    Some(format!("{pred}|{head}|{actor}"))
}

/// Nouns whose use is a deed of harm to people: "no force was used", "the
/// use of violence".
const FORCE_NOUNS: &[&str] = &["force", "violence"];

/// Pronouns that name nobody and nothing in particular: a deed told of
/// them is told of anyone ("beats anyone", "nobody was mistreated").
const ANY_HEADS: &[&str] =
    &["anyone", "anybody", "anything", "nobody", "nothing", "none", "no-one", "everyone", "everybody"];

/// The predicate class of a frame: its predicate's class, or `mistreat`
/// for using force or violence.
fn frame_class(f: &FrameOut) -> Option<&'static str> {
    if let Some((c, _)) = predicate_class(&f.predicate) {
        return Some(c);
    }
    let force = f.object.as_ref().is_some_and(|o| {
        let h = if o.head.is_empty() {
            words(&o.text).last().map(|w| w.to_lowercase())
        } else {
            Some(o.head.to_lowercase())
        };
        h.is_some_and(|h| FORCE_NOUNS.contains(&h.as_str()))
    });
    (stem(&f.predicate.to_lowercase()) == "use" && force).then_some("mistreat")
}

/// Kinds of deed whose blanket denial ("nobody was killed", "no launch
/// was registered", "we never beat anyone") answers any account of such a
/// deed in the same story. Kinds told loosely in news ("gave", "talks",
/// "shot down" a bill) stay out.
const BLANKET_CLASSES: &[&str] = &["kill", "mistreat", "attack", "launch"];

/// Words that only occur under negation or that deny by themselves: a deed
/// told with them is denied outright ("detains or beats anyone").
const NEGATIVE_WORDS: &[&str] = &["anyone", "anybody", "anything", "nobody", "nothing", "none", "no-one"];

/// True when a frame denies its deed outright, of nobody and nothing in
/// particular: the frame is negated ("no launch", "were never beaten") or
/// the content says "anyone", "nobody" and the like; and it has no object
/// or recipient but such pronouns (for using force, the force is the means
/// and does not count). Only kinds of [`BLANKET_CLASSES`].
fn is_blanket(f: &FrameOut, class: &str, content: &str) -> bool {
    if !BLANKET_CLASSES.contains(&class) {
        return false;
    }
    let outright = f.negated || words(content).iter().any(|w| NEGATIVE_WORDS.contains(&w.to_lowercase().as_str()));
    if !outright {
        return false;
    }
    let means = predicate_class(&f.predicate).is_none();
    [(&f.object, means), (&f.recipient, false)].into_iter().all(|(a, skip)| {
        skip || a.as_ref().is_none_or(|a| {
            let ws = words(&a.text);
            ws.len() <= 2 && ws.last().is_some_and(|w| ANY_HEADS.contains(&w.to_lowercase().as_str()))
        })
    })
}

/// Kinds of deed that, shared, tie a denial to an affirmation by
/// themselves (rule 6): deeds of harm and force, which news tells in many
/// words. Looser kinds (`transfer`: "gave", "sent", "received") count as
/// one shared word.
const DECISIVE_CLASSES: &[&str] = &["kill", "mistreat", "attack", "launch", "intrude", "intercept"];

/// Words that never tell a deed of their own (rule 6): light and reporting
/// verbs, modal and degree words, and nouns every political or war story
/// uses. Rarity across the ledger ([`TermStats::is_common`]) removes the
/// rest of the common words once the ledger is large enough to say.
const DEED_STOP: &[&str] = &[
    // light verbs
    "be",
    "have",
    "do",
    "make",
    "get",
    "become",
    "seem",
    "appear",
    "continue",
    "begin",
    "start",
    "try",
    "want",
    "need",
    "let",
    "go",
    "come",
    "came",
    "know",
    "knew",
    "think",
    "believe",
    "see",
    "saw",
    "seen",
    "show",
    "take",
    "took",
    "taken",
    "put",
    "keep",
    "kept",
    "give",
    "use",
    "used",
    "find",
    "found",
    "can",
    "cannot",
    "hold",
    "held",
    "leave",
    "left",
    "stay",
    "remain",
    "include",
    "mean",
    "set",
    "look",
    // reporting and stance verbs
    "say",
    "tell",
    "state",
    "stated",
    "accuse",
    "accused",
    "confirm",
    "confirmed",
    "announce",
    "insist",
    "reject",
    "describe",
    "described",
    "call",
    "called",
    "add",
    "note",
    "stress",
    "claim",
    "deny",
    "denied",
    "respond",
    "responded",
    "comment",
    "explain",
    "argue",
    "suggest",
    "suggested",
    "ask",
    "asked",
    "speak",
    "spoke",
    "talk",
    "write",
    "wrote",
    "written",
    "quote",
    "quoted",
    "cite",
    "cited",
    "admit",
    "admitted",
    "assert",
    "stress",
    // degree, time and modal words
    "even",
    "ever",
    "really",
    "completely",
    "simply",
    "absolutely",
    "totally",
    "entirely",
    "fully",
    "just",
    "also",
    "yet",
    "far",
    "well",
    "able",
    "whole",
    "single",
    "least",
    "almost",
    "about",
    "around",
    "again",
    "today",
    "tonight",
    "morning",
    "evening",
    "night",
    "day",
    "days",
    "month",
    "months",
    "time",
    "times",
    "year",
    "years",
    "hour",
    "hours",
    "minute",
    "minutes",
    "week",
    "weeks",
    "ago",
    "recent",
    "recently",
    "previous",
    "first",
    "second",
    "third",
    "last",
    "next",
    "early",
    "late",
    "later",
    // words of every story
    "people",
    "person",
    "thing",
    "things",
    "way",
    "ways",
    "part",
    "case",
    "lot",
    "number",
    "place",
    "world",
    "country",
    "countries",
    "government",
    "official",
    "officials",
    "statement",
    "statements",
    "question",
    "issue",
    "fact",
    "word",
    "words",
    "news",
    "media",
    "matter",
    "side",
    "sides",
    "information",
    "evidence",
    "situation",
    "lie",
    "lies",
    "truth",
    "true",
    "untrue",
    "false",
    "fake",
    "baseless",
    "groundless",
    "nonsense",
    "propaganda",
    "allegation",
    "accusation",
    "report",
    "story",
    "rumor",
    "rumour",
    "invention",
    "fabricated",
    "fabrication",
    "incident",
    "event",
    "thing",
    "anything",
    "everything",
    "something",
    "nothing",
    "whatever",
    "other",
    "others",
    "any",
    "every",
    "all",
    "none",
    "nobody",
    "anyone",
    "anybody",
    "everyone",
    "someone",
    "somebody",
    "no-one",
    "nowhere",
    "anywhere",
    "kind",
    "sort",
    "type",
    "level",
    "point",
    "end",
    "action",
    "actions",
    "step",
    "steps",
];

/// Plurals and forms that the suffix stemmer leaves apart: a denial of
/// "not one woman" answers "women were found" (rule 6).
const DEED_FOLDS: &[(&str, &str)] = &[
    ("women", "woman"),
    ("men", "man"),
    ("children", "child"),
    ("injury", "injur"),
    ("injuries", "injur"),
    ("injur", "injur"),
    ("dead", "death"),
    ("killed", "kill"),
    ("wounded", "wound"),
];

/// The comparable form of a deed word: stemmed, with [`DEED_FOLDS`].
fn deed_root(lower: &str) -> String {
    // Twice, so that "shootings" and "shoot" meet.
    let st = stem(&stem(lower));
    DEED_FOLDS.iter().find(|(f, _)| *f == lower || *f == st).map(|(_, r)| r.to_string()).unwrap_or(st)
}

/// True when a word may tell a deed or what it acts on (rule 6).
fn deed_word(lower: &str) -> bool {
    lower.chars().count() > 2
        && !is_stop(lower)
        && !is_number(lower)
        && !DEED_STOP.contains(&lower)
        && !NEGATIVE_WORDS.contains(&lower)
        && !ANY_HEADS.contains(&lower)
        && !META_NOUNS.contains(&lower)
}

/// Words of a decisive kind ([`DECISIVE_CLASSES`]) that plain text often
/// uses for something else ("down the line", "hit the campaign trail",
/// "a shot at the nomination", "attacked his rival"): they count as their
/// class only where the analysis reads them as an event (a frame).
const LOOSE_CLASS_WORDS: &[&str] = &[
    "down",
    "hit",
    "hits",
    "shot",
    "shoot",
    "shoots",
    "shell",
    "target",
    "targets",
    "targeted",
    "strike",
    "strikes",
    "struck",
    "attack",
    "attacks",
    "attacked",
    "launch",
    "launched",
    "enter",
    "entered",
    "cross",
    "crossed",
    "destroy",
    "destroyed",
    "raid",
    "assault",
    "entry",
    "crossing",
    "violate",
    "violated",
    "violation",
    "death",
    "die",
    "died",
];

/// What [`PropSignature::deed_denied`] holds for a negated event that
/// tells no deed of its own ("this is not a circumstance").
const NEGATED_OTHER: &str = "!";

/// The deed terms of a claim (rule 6): for every content word that may
/// tell a deed ([`deed_word`]), its root ([`deed_root`]), or its class
/// (`@mistreat` for "beaten") when it is of a decisive kind and not a
/// [`LOOSE_CLASS_WORDS`]; names are left out, except a capitalised word
/// opening a sentence that no mention claims ("Patients were thrown out").
/// Also the classes (else roots) of the content's frames and main
/// predicate and the roots of the heads they act on, by or for.
///
/// Returns the terms; among them, the deeds themselves: the frames' and
/// the main clause's predicates, the classed words, and verb forms in
/// "-ing" and "-ed" ("women were found working"); and among those, the
/// deeds told as events (the frames' and the main clause's predicates).
fn deed_terms(claim: &ClaimInput<'_>) -> DeedTerms {
    let mut denied = BTreeSet::new();
    let mut terms = BTreeSet::new();
    let mut preds = BTreeSet::new();
    let mut events = BTreeSet::new();
    let mut frames = BTreeSet::new();
    let text = claim.content;
    let ws = words(text);
    let mentioned = |w: &str| claim.mentions.iter().any(|(surface, _)| words(surface).contains(&w));
    for (i, w) in ws.iter().enumerate() {
        let lower = w.to_lowercase();
        if !deed_word(&lower) {
            continue;
        }
        if is_capitalised(w) {
            let at = w.as_ptr() as usize - text.as_ptr() as usize;
            let before = text[..at].trim_end().chars().last();
            let opens = before.is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '\u{201c}' | ':' | '\u{2014}' | '('));
            let next_named = ws.get(i + 1).is_some_and(|n| is_capitalised(n));
            if !opens || next_named || mentioned(w) {
                continue;
            }
        }
        let class = predicate_class(&lower)
            .map(|(c, _)| c)
            .filter(|c| DECISIVE_CLASSES.contains(c) && !LOOSE_CLASS_WORDS.contains(&lower.as_str()));
        let term = match class {
            Some(c) => format!("@{c}"),
            None => deed_root(&lower),
        };
        if class.is_some() || lower.ends_with("ing") || lower.ends_with("ed") {
            preds.insert(term.clone());
        }
        terms.insert(term);
    }
    let told =
        claim.frames.iter().map(|f| (frame_class(f), &f.predicate, f.negated, [&f.actor, &f.object, &f.recipient]));
    let main = claim.proposition.map(|p| {
        (predicate_class(&p.predicate).map(|c| c.0), &p.predicate, p.negated, [&p.actor, &p.object, &p.recipient])
    });
    for (class, pred, negated, args) in told.chain(main) {
        let lower = pred.to_lowercase();
        // "A shooting" is a shooting, not an interception.
        let class = class.filter(|_| !lower.starts_with("shooting"));
        let term = match class {
            Some(c) => Some(format!("@{c}")),
            None => deed_word(&lower).then(|| deed_root(&lower)),
        };
        if let Some(t) = &term {
            preds.insert(t.clone());
            events.insert(t.clone());
            terms.insert(t.clone());
        }
        if negated {
            // A negated light verb ("is not a circumstance") still says
            // the denial negates something of its own.
            denied.insert(term.clone().unwrap_or_else(|| NEGATED_OTHER.to_string()));
        }
        for (k, a) in args.into_iter().enumerate() {
            let Some(a) = a else { continue };
            let h = if a.head.is_empty() { words(&a.text).last().map(|w| w.to_string()) } else { Some(a.head.clone()) };
            let Some(h) = h else { continue };
            let lower = h.to_lowercase();
            // A named head is a participant, not what is done.
            if a.entity.is_some() || !deed_word(&lower) || is_capitalised(&h) && !text.starts_with(h.as_str()) {
                continue;
            }
            let root = deed_root(&lower);
            // What the event acts on or for (not its actor).
            if let Some(t) = term.as_ref().filter(|_| k > 0) {
                frames.insert(format!("{t}|{root}"));
            }
            terms.insert(root);
        }
    }
    let list = |set: BTreeSet<String>| set.into_iter().collect::<Vec<_>>();
    DeedTerms {
        terms: list(terms),
        preds: list(preds),
        events: list(events),
        denied: list(denied),
        frames: list(frames),
    }
}

/// What [`deed_terms`] finds.
struct DeedTerms {
    terms: Vec<String>,
    preds: Vec<String>,
    events: Vec<String>,
    denied: Vec<String>,
    frames: Vec<String>,
}

/// Abstract nouns that "no" makes an idiom of rather than denies a thing
/// of the story ("has no chance", "no idea", "no special interest", "no
/// choice"): general knowledge of English, no word of any article.
const IDIOM_NOUNS: &[&str] = &[
    "chance",
    "idea",
    "interest",
    "interests",
    "choice",
    "reason",
    "need",
    "problem",
    "problems",
    "way",
    "sense",
    "intention",
    "plan",
    "plans",
    "comment",
    "doubt",
    "time",
    "right",
    "power",
    "control",
    "alternative",
    "option",
    "options",
    "role",
    "place",
    "point",
    "matter",
    "question",
    "questions",
    "difference",
    "effect",
    "impact",
    "future",
    "hope",
    "fear",
    "respect",
    "desire",
    "business",
    "longer",
    "more",
    "less",
];

/// The roots of the things a content says there are none of: the deed
/// words ([`deed_word`]) right after "no", "not a single", "not one",
/// "not any", "not even one", "without any" (past "such", "single"...) up to
/// the first other word ("no radio warning was received" → `radio`,
/// `warn`; "there is no survey"; "No such order was given"), unless the
/// phrase ends in an idiom's noun ([`IDIOM_NOUNS`]). Sorted.
fn nothing_terms(content: &str) -> Vec<String> {
    const OPENERS: &[&str] = &["such", "single", "one", "any", "even", "a"];
    let ws = words(content);
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let mut out = BTreeSet::new();
    for i in 0..lower.len() {
        let next = lower.get(i + 1).map(String::as_str);
        let opens = match lower[i].as_str() {
            // Not "no longer", "no more than", "no doubt".
            "no" => !matches!(next, Some("longer" | "more" | "less" | "doubt" | "matter" | "later" | "sooner")),
            "not" => matches!(next, Some("a" | "one" | "any" | "even" | "single")),
            "without" => next == Some("any"),
            _ => false,
        };
        if !opens {
            continue;
        }
        let mut k = i + 1;
        while lower.get(k).is_some_and(|w| OPENERS.contains(&w.as_str())) {
            k += 1;
        }
        let thing: Vec<&String> = lower[k..]
            .iter()
            .zip(&ws[k..])
            .take(3)
            .take_while(|(w, orig)| deed_word(w) && !is_capitalised(orig))
            .map(|(w, _)| w)
            .collect();
        // The noun phrase's words, unless it ends in an idiom's noun ("no
        // special interest").
        if thing.last().is_some_and(|w| !IDIOM_NOUNS.contains(&w.as_str())) {
            out.extend(thing.into_iter().map(|w| deed_root(w)));
        }
    }
    out.into_iter().collect()
}

/// The deed terms of `a` that `b` tells too and that are rare in the
/// ledger (a class, `@kill`, always counts), in `a`'s order: what rule 6
/// compares.
fn rare_shared_deeds<'a>(a: &'a PropSignature, b: &PropSignature, stats: &TermStats) -> Vec<&'a str> {
    a.deed
        .iter()
        .filter(|t| b.deed.binary_search(t).is_ok() && (t.starts_with('@') || !stats.is_common(t)))
        .map(String::as_str)
        .collect()
}

/// Whether two claims share the deed (rule 6); names never count, nor
/// terms common in the ledger ([`TermStats::is_common`]):
/// - in one article (`across` false), a decisive kind of deed
///   ([`DECISIVE_CLASSES`]) that both tell as an event ("the rumors about
///   the death of two protesters are fabricated" and "two young farmers
///   died"), or a deed that one tells as an event and the other names too,
///   with one more shared term ("women were found working" and "not even
///   one woman came ... all of them are working from home");
/// - across articles (`across` true), the last, or a decisive kind of
///   deed the denial tells as an event and the affirmation names, with one
///   more shared term ("had beaten an employee" and "three employees, one
///   of whom was brutally beaten");
/// - in both, one event acting on one thing ("switched off its
///   transponder" and "the transponder was never switched off");
/// - a thing the denial says there is none of ([`PropSignature::deed_none`])
///   that the affirmation names, with one more shared term across
///   articles, two more in one article;
/// - in both, a denial that restates the affirmation ([`restated_denial`]).
///
/// Returns what they share.
fn deeds_meet(a: &PropSignature, b: &PropSignature, stats: &TermStats, across: bool) -> Option<String> {
    let has = |list: &[String], t: &str| list.binary_search_by(|x| x.as_str().cmp(t)).is_ok();
    let rare = rare_shared_deeds(a, b, stats);
    // A denial that negates some of its events denies those only; one
    // that negates none is denied by its cue ("denied claims that officers
    // had beaten an employee") and denies what it tells.
    let den = if a.denies { a } else { b };
    let denied = |t: &str| den.deed_denied.is_empty() || has(&den.deed_denied, t);
    let both = |t: &str| has(&a.deed_events, t) && has(&b.deed_events, t);
    let shown = |t: &str| rare.iter().map(|t| t.trim_start_matches('@')).filter(|x| *x != t).collect::<Vec<_>>();
    // One event acting on one thing, in both.
    let frame = a.deed_frames.iter().find(|f| {
        has(&b.deed_frames, f)
            && f.split_once('|')
                .is_some_and(|(t, h)| denied(t) && (t.starts_with('@') || !stats.is_common(t)) && !stats.is_common(h))
    });
    if let Some(f) = frame {
        return Some(f.trim_start_matches('@').replace('|', " "));
    }
    let told = if a.denies { b } else { a };
    let decisive = rare.iter().find(|t| t.strip_prefix('@').is_some_and(|c| DECISIVE_CLASSES.contains(&c)));
    if let Some(class) = decisive.filter(|c| denied(c)) {
        let c = class.trim_start_matches('@');
        // In one article both tell it as an event; across articles the
        // denial tells it as an event and the affirmation at least names
        // it ("one of whom was brutally beaten"), with one more term.
        if !across && both(class) {
            return Some(c.to_string());
        }
        let more = shown(c);
        if across && has(&den.deed_events, class) && !more.is_empty() {
            return Some(format!("{c}: {}", more.join(", ")));
        }
    }
    let deed = rare
        .iter()
        .copied()
        .filter(|t| denied(t))
        .find(|t| has(&den.deed_events, t) && (has(&told.deed_preds, t) || has(&told.deed_events, t)));
    if let Some(deed) = deed {
        let more = shown(deed.trim_start_matches('@'));
        if more.len() >= 2 {
            return Some(format!("{}: {}", deed.trim_start_matches('@'), more.join(", ")));
        }
    }
    // A thing the denial says there is none of, which the affirmation
    // names, with one more shared term across articles ("no radio warning
    // was received" and "ignored six radio warnings"; "not one delegate
    // was expelled" and "delegates were expelled from at least 212 polling
    // stations"), two more in one article: the claims of one article share
    // its story's words, and one more term there joined a denial to
    // accounts that agree with it as often as to the ones it answers.
    if let Some(thing) = rare.iter().find(|t| has(&den.deed_none, t)) {
        let more = shown(thing);
        if more.len() >= if across { 1 } else { 2 } {
            return Some(format!("none of {thing}: {}", more.join(", ")));
        }
    }
    restated_denial(den, told, &rare, stats)
}

/// Rule 6, a denial that restates what it denies: the denial's own words
/// are, all or nearly, the affirmation's ("140 thousand votes had appeared
/// in the province of Alto Cuervo" denied, against "around 140,000 votes
/// from the northern province of Alto Cuervo had appeared overnight"; "the
/// soldiers had threatened anybody" denied, against "the soldiers had
/// threatened with weapons"; "has not visited a single village" against "I
/// visited nine villages"). The shared terms (`rare`, the rare deed terms
/// of both) must hold a deed the denial tells (and negates, when it
/// negates any) that the affirmation tells without negating it ("there
/// was no money paid" affirms nothing paid), and at least two words that
/// are no deed class; and they must be every rare deed term of the
/// denial, or three or more and at least three quarters of them. Fewer
/// shared words than that would be the deeds of rule 6 above, which a
/// story's claims share as often as not (the eleventh session's dropped
/// test: one more shared term in one article). The two must tell of the
/// same participants ([`names_within`]). Returns what they share.
fn restated_denial(den: &PropSignature, told: &PropSignature, rare: &[&str], stats: &TermStats) -> Option<String> {
    let has = |list: &[String], t: &str| list.binary_search_by(|x| x.as_str().cmp(t)).is_ok();
    let plain = rare.iter().filter(|t| !t.starts_with('@')).count();
    if plain < 2 || !names_within(den, told) {
        return None;
    }
    let deed = rare.iter().find(|t| {
        has(&den.deed_preds, t)
            && (den.deed_denied.is_empty() || has(&den.deed_denied, t))
            && (has(&told.deed_preds, t) || has(&told.deed_events, t))
            && !has(&told.deed_denied, t)
    })?;
    let own = den.deed.iter().filter(|t| t.starts_with('@') || !stats.is_common(t)).count();
    let restates = rare.len() == own || rare.len() >= 3 && 4 * rare.len() >= 3 * own;
    restates.then(|| {
        let others: Vec<&str> = rare.iter().filter(|t| *t != deed).map(|t| t.trim_start_matches('@')).collect();
        format!("restates {}: {}", deed.trim_start_matches('@'), others.join(", "))
    })
}

/// Whether the named participants of one claim (its anchors other than
/// its speaker's side words) are all named by the other, or are the
/// other's speaker ("Çelebi has not visited a single village" against
/// Çelebi's "I visited nine villages"), or one names none: a restatement
/// tells of the same participants. Without it, "reports that Iraq had
/// transferred anti-tank mines to Sudan" (denied) restated "Jordanian
/// anti-tank mines were shipped to Sudan" (rule 1's agents do not clash
/// there: a name that is also a content word names nobody in particular
/// to [`participants_clash`]).
fn names_within(a: &PropSignature, b: &PropSignature) -> bool {
    fn named(s: &PropSignature) -> Vec<&String> {
        s.anchors.iter().filter(|k| s.side.binary_search(k).is_err()).collect()
    }
    fn within(x: &[&String], other: &PropSignature, named_other: &[&String]) -> bool {
        x.iter().all(|k| named_other.contains(k) || **k == other.speaker)
    }
    let (na, nb) = (named(a), named(b));
    na.is_empty() || nb.is_empty() || within(&na, b, &nb) || within(&nb, a, &na)
}

/// Rule 6 across articles: a denial and an affirmation (either first) of
/// two articles whose casts meet ([`CAST_MEET`]), by two speakers not of
/// one side ([`same_side`]), whose named participants do not clash, that
/// share the deed ([`deeds_meet`]). Returns what they share.
fn denial_meets(c: &PropSignature, p: &PropSignature, stats: &TermStats) -> Option<String> {
    let same_speaker = !c.speaker.is_empty() && c.speaker == p.speaker;
    if c.denies == p.denies || !c.halves().casts_may_meet(p.halves()) {
        return None;
    }
    if !deeds_may_meet(c, p) || same_speaker || same_side(&c.side, &p.side) {
        return None;
    }
    if participants_clash(c, p) {
        return None;
    }
    if !shares_cast(c, p) {
        return None;
    }
    deeds_meet(c, p, stats, true)
}

/// False when two claims cannot share the deed ([`deeds_meet`] needs a
/// deed term or a deed frame of both): most candidates of rule 6 fail
/// here, before the dearer tests. The lists are sorted (ordered sets).
fn deeds_may_meet(a: &PropSignature, b: &PropSignature) -> bool {
    sorted_meet(a.deed.iter(), b.deed.iter()) || sorted_meet(a.deed_frames.iter(), b.deed_frames.iter())
}

/// True when the named participants of two claims clash (Iran gave,
/// Russia gave; to Kenya, to Finland): two deeds, as in rule 1. Common
/// nouns ("the special units", "officers") name nobody in particular.
fn participants_clash(c: &PropSignature, p: &PropSignature) -> bool {
    [(&c.agent, &p.agent), (&c.patient, &p.patient)].into_iter().any(|(x, y)| match (x, y) {
        (Some(x), Some(y)) => x != y && names_participant(c, x) && names_participant(p, y),
        _ => false,
    })
}

/// Whether `k`, the signature's agent or patient, names a participant: it
/// is one of the anchors and no content term (a common noun names nobody
/// in particular; [`participants_clash`], and the sketch's part of it).
pub(crate) fn names_participant(s: &PropSignature, k: &String) -> bool {
    s.anchors.binary_search(k).is_ok() && s.topics.binary_search(k).is_err()
}

/// Whether two claims' speakers speak for one side (rule 6: a side does
/// not contradict itself): one's side words are all the other's ("Russia"
/// and "the Russian Defense Ministry"). Sides that only overlap are not
/// enough: the Serbian government's "Office for Kosovo and Metohija" and
/// the "Kosovo Police" share a name, not a side.
fn same_side(a: &[String], b: &[String]) -> bool {
    let within = |x: &[String], y: &[String]| x.iter().all(|k| y.binary_search(k).is_ok());
    !a.is_empty() && !b.is_empty() && (within(a, b) || within(b, a))
}

/// Who acts in a frame, when a name says so ("Turkish aircraft", "Kesh
/// planes"), or the speaker's own side for "our aircraft", "its pilots",
/// "we": the same event by another actor is another proposition. Empty
/// when unnamed.
fn frame_actor(f: &FrameOut, speaker_side: &[String]) -> String {
    f.actor
        .as_ref()
        .and_then(|a| {
            let ws = words(&a.text);
            let own =
                ws.first().is_some_and(|w| matches!(w.to_lowercase().as_str(), "our" | "its" | "we" | "their" | "us"));
            if own {
                return speaker_side.first().cloned();
            }
            ws.into_iter()
                .find(|w| is_capitalised(w) && !is_stop(&w.to_lowercase()) && !is_number(w))
                .map(|w| fold_proper(&w.to_lowercase()))
        })
        .unwrap_or_default()
}

/// The shared frame of two frame lists: same predicate and head, and
/// actors that do not clash (either unnamed, or the same). `strict` (across
/// documents, where nothing else ties the stories) wants, for an intrusion,
/// whose key has no head, one actor named and the other claim naming it too
/// (as its actor or a participant: "our aircraft" said by Kesh's ministry,
/// "Kesh aircraft").
fn shared_frame<'a>(a: &'a [String], b: &[String], strict: Option<(&[String], &[String])>) -> Option<&'a String> {
    let split = |k: &'a str| k.rsplit_once('|').unwrap_or((k, ""));
    a.iter().find(|x| {
        let (ex, ax) = split(x);
        b.iter().any(|y| {
            let (ey, ay) = y.rsplit_once('|').unwrap_or((y, ""));
            let headless = ex.ends_with('|');
            ex == ey
                && match strict {
                    Some((anchors_a, anchors_b)) if headless => {
                        !ax.is_empty() && ax == ay
                            || ax.is_empty() && !ay.is_empty() && anchors_a.iter().any(|k| k == ay)
                            || ay.is_empty() && !ax.is_empty() && anchors_b.iter().any(|k| k == ax)
                    }
                    _ => ax == ay || ax.is_empty() || ay.is_empty(),
                }
        })
    })
}

/// Head nouns that news uses interchangeably for one kind of participant:
/// (class, forms).
const HEAD_CLASSES: &[(&str, &[&str])] = &[
    (
        "ship",
        &["ship", "vessel", "tanker", "boat", "freighter", "carrier", "trawler", "ferry", "yacht", "barge", "dinghy"],
    ),
    ("aircraft", &["aircraft", "plane", "jet", "airplane", "warplane", "fighter"]),
    ("drone", &["drone", "uav"]),
    ("civilian", &["civilian", "resident", "inhabitant"]),
    // Counts of people as such: "112 people", "87 persons", "passengers".
    ("people", &["people", "person", "persons", "individual", "passenger"]),
];

/// The class of a stemmed head noun, or of a unit ("600 km" and "250
/// kilometers" as heads, [`UNIT_CLASSES`]), or the head itself.
fn fold_head(stemmed: &str) -> String {
    // The classes' forms are stemmed once, not for every head of every
    // claim the aligner reads; the first class listing a stem wins, as
    // the list is read in order.
    static CLASS_OF: OnceLock<rustc_hash::FxHashMap<String, &'static str>> = OnceLock::new();
    let class_of = CLASS_OF.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (class, forms) in HEAD_CLASSES {
            for f in *forms {
                m.entry(stem(f)).or_insert(*class);
            }
        }
        m
    });
    match class_of.get(stemmed) {
        Some(c) => c.to_string(),
        None => fold_unit(stemmed).to_string(),
    }
}

fn argument_key(a: &ArgumentOut) -> Option<String> {
    name_fold(&a.text).or_else(|| (!a.head.is_empty()).then(|| fold_proper(&a.head.to_lowercase())))
}

impl RuleAligner {
    /// Rules 1 and 5: whether a claim states a proposition, and how well.
    fn match_rules(&self, c: &PropSignature, p: &PropSignature, stats: &TermStats) -> Option<f64> {
        // Claims that name no participant at all ("the dispute was unlikely
        // to settle before the winter") are not aligned across documents:
        // nothing says they are about one story. Inside one document rule 4
        // relates them.
        let anchored = share_any(&c.anchors, &p.anchors);
        if !anchored {
            // Rule 5: participants met through the story; only a shared
            // event frame with a head (not a bare intrusion) can decide.
            // The two articles tell one story (their participants meet),
            // and the claim that names none meets the other's participants.
            let story = share_any(&c.story, &p.story)
                && (c.unnamed && share_any(&c.story, &p.anchors) || p.unnamed && share_any(&c.anchors, &p.story));
            if !story {
                return None;
            }
            if let (Some(x), Some(y)) = (&c.predicate, &p.predicate) {
                if x != y {
                    return None;
                }
            }
            let headed: Vec<String> = c.frames.iter().filter(|k| !k.starts_with("intrude||")).cloned().collect();
            shared_frame(&headed, &p.frames, None)?;
            return Some(0.8 + Self::cosine(&c.topics, &p.topics, stats));
        }
        if let (Some(x), Some(y)) = (&c.predicate, &p.predicate) {
            if x != y {
                return None;
            }
        }
        for (x, y) in [(&c.agent, &p.agent), (&c.patient, &p.patient)] {
            if let (Some(x), Some(y)) = (x, y) {
                if x != y {
                    return None;
                }
            }
        }
        // Rule 1, shared event frame: past the clash gates above, it
        // decides whatever the main clauses' heads say. Scored just under a
        // main-clause match so that a claim joins the proposition its main
        // clause states when it can.
        if anchored && shared_frame(&c.frames, &p.frames, Some((&c.anchors, &p.anchors))).is_some() {
            let cos = Self::cosine(&c.topics, &p.topics, stats);
            let main = matches!((&c.head, &p.head), (Some(x), Some(y)) if x == y);
            return Some(if main { 1.0 + cos } else { 0.9 + cos });
        }
        let cos = Self::cosine(&c.topics, &p.topics, stats);
        match (&c.head, &p.head) {
            // One object under different verbs is a different deed or
            // statement: the verbs must agree too.
            (Some(x), Some(y))
                if x == y
                    && matches!(
                        (&c.object_verb, &p.object_verb),
                        (Some(u), Some(v)) if u != v
                    ) =>
            {
                None
            }
            (Some(x), Some(y)) if x == y && anchored => Some(1.0 + cos),
            (Some(x), Some(y)) if x != y => None,
            _ if cos >= self.min_similarity => Some(cos),
            _ => None,
        }
    }

    fn cosine(a: &[String], b: &[String], stats: &TermStats) -> f64 {
        let (mut dot, mut na, mut nb) = (0.0, 0.0, 0.0);
        for t in a {
            let w = stats.weight(t);
            na += w * w;
            if b.binary_search(t).is_ok() {
                dot += w * w;
            }
        }
        for t in b {
            let w = stats.weight(t);
            nb += w * w;
        }
        if na == 0.0 || nb == 0.0 {
            0.0
        } else {
            dot / (na.sqrt() * nb.sqrt())
        }
    }
}

/// The index keys of rules 1 to 5 (see [`Aligner::index_keys`]), sorted.
fn rule_keys(sig: &PropSignature) -> Vec<i64> {
    // A key per (participant, topic) pair: selective enough that a
    // popular participant ("Russia") does not make every claim a
    // candidate, loose enough that a paraphrase sharing one participant
    // and one content word is found. Entity-id anchors are skipped: a
    // name key exists for every entity anyway.
    let anchors: Vec<&String> = sig.anchors.iter().filter(|a| !a.starts_with('#')).collect();
    let mut topics: Vec<&String> = sig.topics.iter().collect();
    if let Some(h) = &sig.head {
        topics.push(h);
    }
    let mut keys = Vec::with_capacity(anchors.len() * topics.len());
    for a in &anchors {
        let ha = fnv64(a.as_bytes());
        for t in &topics {
            keys.push(as_key(mix64(ha ^ fnv64(t.as_bytes()).rotate_left(17))));
        }
    }
    // Rule 5: a frame (predicate and head, without its actor) under each
    // participant and each participant of the story, so that a claim
    // naming none of its own finds the propositions of its story's
    // events.
    let cores: Vec<&str> = sig
        .frames
        .iter()
        .filter_map(|f| f.rsplit_once('|').map(|(core, _)| core))
        .filter(|c| !c.ends_with('|'))
        .collect();
    if !cores.is_empty() {
        let story = if sig.unnamed { sig.story.as_slice() } else { &[] };
        for a in anchors.iter().copied().chain(story) {
            let ha = fnv64(a.as_bytes()).rotate_left(29);
            for c in &cores {
                keys.push(as_key(mix64(ha ^ fnv64(c.as_bytes()).rotate_left(7))));
            }
        }
    }
    // Without a participant a claim is never matched (rule 1), so it
    // needs no keys.
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// True when two signatures share an index key of rules 1 to 5
/// ([`rule_keys`]), without hashing: the keys are every (participant,
/// topic) pair and every (participant or, for a claim naming none, story
/// participant, frame core) pair, so two lists of keys meet when both
/// halves of some pair do.
fn rule_keys_meet(c: &PropSignature, p: &PropSignature) -> bool {
    // Asked of every candidate of every claim: the hashes set most aside;
    // the strings decide the rest, so a hash collision changes nothing.
    let (hc, hp) = (c.halves(), p.halves());
    if !hc.may_meet(hp) {
        return false;
    }
    // Nothing is cloned or sorted here: the signature's lists are sorted
    // (built from ordered sets), and a sorted list filtered stays sorted.
    let (named, cores, story) = (rule_named, rule_cores, rule_story);
    let named_meet = sorted_meet(named(c), named(p));
    if named_meet {
        // Topics and the head: the head is one more topic.
        let in_terms = |h: &String, s: &PropSignature| {
            s.topics.binary_search(h).is_ok() || s.head.as_ref().is_some_and(|x| x == h)
        };
        if sorted_meet(c.topics.iter(), p.topics.iter())
            || c.head.as_ref().is_some_and(|h| in_terms(h, p))
            || p.head.as_ref().is_some_and(|h| in_terms(h, c))
        {
            return true;
        }
    }
    // Frame cores (not sorted: a core is a frame's prefix), then who.
    if !cores(c).any(|x| cores(p).any(|y| x == y)) {
        return false;
    }
    // The story's few participants, for a claim naming none, are compared
    // one by one (the story's order is not the signature's to promise).
    named_meet
        || named(p).any(|y| story(c).contains(y))
        || named(c).any(|y| story(p).contains(y))
        || story(p).iter().any(|y| story(c).contains(y))
}

/// True when two sorted sequences share an element (one merge walk).
fn sorted_meet<'a>(mut a: impl Iterator<Item = &'a String>, mut b: impl Iterator<Item = &'a String>) -> bool {
    let (mut x, mut y) = (a.next(), b.next());
    while let (Some(u), Some(v)) = (x, y) {
        match u.cmp(v) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => x = a.next(),
            std::cmp::Ordering::Greater => y = b.next(),
        }
    }
    false
}

/// The index key of a deed (rule 6).
fn deed_key(term: &str) -> i64 {
    as_key(mix64(fnv64(term.as_bytes()).rotate_left(41) ^ 0x6465_6564))
}

/// The index key of rule 7 for a counted unit.
fn count_key(unit: &str) -> i64 {
    as_key(mix64(fnv64(unit.as_bytes()).rotate_left(23) ^ 0x636f_756e))
}

/// Units that count no thing of a story in particular: time, money and
/// shares. (People are counted, but only through a deed done to them:
/// [`counts_meet`].) Calendar words are left to
/// `claimgraph::events::dates`.
const UNCOUNTED_UNITS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "second", "time", "decade", "century", "night", "morning",
    "percent", "cent", "point", "usd", "eur", "gbp", "dollar", "euro", "pound", "rupee", "yen", "yuan", "o'clock",
    "other", "more", "less", "than", "about", "least", "most", "times",
];

/// Money words of [`UNCOUNTED_UNITS`] that [`CURRENCIES`] does not name,
/// being mostly something else (their sums are no amounts of rule 7
/// either): a sum in them is no count of a thing, so two sums never meet
/// as rival figures.
const UNCOUNTED_MONEY: &[&str] = &["crown", "crowns"];

/// The folded unit of counts of people as such ([`HEAD_CLASSES`]).
const PEOPLE_UNIT: &str = "people";

/// The folded unit a number counts, when it counts a thing of the story
/// ("40,000 artillery shells", "12,400 ballots"): rule 7.
fn counted_unit(unit: &str) -> Option<String> {
    if crate::toll::is_toll_unit(unit) {
        return Some(unit.to_string());
    }
    let folded = fold_head(unit);
    // Calendar words ("12 March", "on 2 Monday") date rather than count.
    let calendar =
        claimgraph::events::dates::month(&folded).is_some() || claimgraph::events::dates::is_time_word(&folded);
    (folded.chars().count() > 2 && !is_number(&folded) && !calendar && !uncounted(&folded)).then_some(folded)
}

/// True for a stemmed unit of [`UNCOUNTED_UNITS`]; the list is stemmed
/// once, not for every number of every claim.
fn uncounted(stemmed: &str) -> bool {
    static STEMS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    STEMS.get_or_init(|| UNCOUNTED_UNITS.iter().chain(UNCOUNTED_MONEY).map(|u| stem(u)).collect()).contains(stemmed)
}

/// Rule 7: two claims of one story (one article, or two whose casts meet,
/// [`CAST_MEET`]) by speakers not of one side, whose givers and takers
/// do not clash, that count the same thing ([`PropSignature::counts`]) as
/// what one deed acts on in both (a deed frame of the same event on the
/// counted unit, the event not common in the ledger): "Karsk fired 40,000
/// shells", said Lirevia, and "our artillery fired not more than 10
/// thousand shells", said Karsk's spokesman. They state one proposition,
/// so that numbers that disagree contradict and numbers that agree
/// corroborate (rule 2). Returns the unit.
fn counts_meet<'a>(c: &'a PropSignature, p: &PropSignature, stats: &TermStats) -> Option<&'a str> {
    let shared = |u: &&String| {
        if crate::toll::is_toll_unit(u) {
            p.counts.iter().any(|v| crate::toll::toll_units_meet(u, v))
        } else {
            p.counts.binary_search(u).is_ok()
        }
    };
    if !c.counts.iter().any(|u| shared(&u)) {
        return None;
    }
    let same_speaker = !c.speaker.is_empty() && c.speaker == p.speaker;
    if same_speaker || same_side(&c.side, &p.side) {
        return None;
    }
    // Who gives or acts and who receives must be the same when both name
    // them ("Yemen sold rifles to Israel" and "Kazakhstan bought rifles
    // from Yemen" count two deliveries); one may name more ("Karsk" and
    // "the Orlen Valley Karsk artillery"); a common noun ("our artillery")
    // names nobody in particular.
    let named = |s: &PropSignature, k: &str| {
        s.anchors.binary_search_by(|a| a.as_str().cmp(k)).is_ok() || s.anchors.contains(&fold_proper(k))
    };
    let clash = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => {
            x != y && named(c, x) && named(p, y) && !x.split(' ').any(|w| w == y) && !y.split(' ').any(|w| w == x)
        }
        _ => false,
    };
    if clash(&c.agent, &p.agent) || clash(&c.patient, &p.patient) {
        return None;
    }
    if !tell_one_story(c, p) {
        return None;
    }
    // The events acting on the counted thing, in each: event frames
    // (`fire|shell|karsk`) and the main clause's verb on its object.
    let on_unit = |s: &PropSignature, unit: &str| -> Vec<String> {
        let framed = s.frames.iter().filter_map(|k| {
            let mut parts = k.split('|');
            let (pred, head) = (parts.next()?, parts.next()?);
            (head == unit).then(|| pred.to_string())
        });
        let main = s.head.as_ref().filter(|h| fold_head(h) == unit).and(s.object_verb.clone());
        framed.chain(main).filter(|t| !stats.is_common(t)).collect()
    };
    // Every shared unit is tried: "9 workers were injured" and "17 workers
    // were wounded" share the noun, whose verbs differ, and the toll, which
    // meets. A toll names its deed: the dead were killed, whatever the verbs.
    // A count one side corrects ("only 12,400 ballots had been rejected"
    // against "180,000 ballots were discarded") answers the other side's
    // count of the same thing whatever verbs the two use: the correction
    // says the two numbers are rival answers to one question. The unit must
    // be rare in the ledger, so that a correction of a count every story
    // makes ("only 3 cases") does not meet unrelated counts.
    let corrected = |unit: &String| c.corrects.contains(unit) || p.corrects.contains(unit);
    // Two sides that count two or more of the same things ("4,500
    // soldiers, 60 tanks" and "2,800 soldiers and 24 tanks") count one
    // inventory, whatever verbs they use: one shared unit may be chance,
    // two rarely are. Only things rare in the ledger count.
    // People are counted for every purpose (in a crowd, arrested, on
    // board, employed): a count of people meets another only through one
    // deed done to them ("six people were arrested", "nine people were
    // arrested"), never through a correction or an inventory alone.
    let rare = |u: &&String| {
        !crate::toll::is_toll_unit(u) && !stats.is_common(u) && u.as_str() != PEOPLE_UNIT && !u.starts_with('@')
    };
    let inventory = c.counts.iter().filter(shared).filter(rare).count() >= 2;
    c.counts
        .iter()
        .filter(shared)
        .find(|unit| {
            // Rival figures: each side states one figure of one rare thing,
            // as a whole ([`PropSignature::single`]), and the two share
            // more rare words of what is done with it
            // ([`RIVAL_TERMS`]): "11 nautical miles inside the territorial
            // waters" and "6 nautical miles outside Iranian territorial
            // waters".
            let single = |s: &PropSignature| s.single.binary_search(unit).is_ok();
            // Both affirm (or both deny): a figure in a denial ("the burned
            // area is about 35 hectares, no person was injured") is no rival
            // of an affirmed one, and joining them would set the two
            // polarities against each other.
            let rival = || {
                c.denies == p.denies && single(c) && single(p) && shared_deed_terms(c, p, stats, unit) >= RIVAL_TERMS
            };
            if unit.as_str() == SHARE_AMOUNT {
                return shares_meet(c, p, stats, corrected(unit));
            }
            if unit.starts_with('@') {
                return corrected(unit) && amounts_share_terms(c, p, stats);
            }
            crate::toll::is_toll_unit(unit) || ((corrected(unit) || inventory || rival()) && rare(unit)) || {
                let theirs = on_unit(p, unit);
                on_unit(c, unit).iter().any(|t| theirs.contains(t))
            }
        })
        .map(String::as_str)
}

/// The score of a proposition met by rule 8 ([`figure_answered`]), above
/// every other rule's (a cosine, at most 1): a claim that rejects a figure
/// joins the proposition of the claim stating it rather than one its
/// words or counts resemble.
const RULE8_SCORE: f64 = 2.0;

/// The index key of rule 8 for a figure's value (four significant
/// digits: a rejection quotes the figure it rejects as stated).
fn figure_key(value: f64) -> i64 {
    let v = format!("{value:.3e}");
    as_key(mix64(fnv64(v.as_bytes()).rotate_left(17) ^ 0x6669_6775))
}

/// A figure rule 8 may tie two claims by: no toll (tolls meet by rule 7),
/// no year, more than nothing.
fn answerable(n: &NumberFact) -> bool {
    !crate::toll::is_toll_unit(&n.unit) && n.value > 0.0 && !((1900.0..2100.0).contains(&n.value) && n.unit.is_empty())
}

/// True when a rejected figure `r` ([`NumberFact::rejected`]) is the
/// figure `f` another claim states: the same value (within half a
/// percent, since a rejection quotes the figure it rejects), and units of
/// one class, or, for a value of ten or more, a rejected figure without
/// a unit of its own ('112, "not 87 like the authorities say"': the
/// rejection often drops the unit its own figure gave). A small value
/// needs its unit: "not three" alone could be any three of a story.
fn figure_matches(r: &NumberFact, f: &NumberFact) -> bool {
    if r.max.is_some() != f.max.is_some() {
        return false;
    }
    let (a, b) = (r.value, f.value);
    if (a - b).abs() > 0.005 * a.abs().max(b.abs()) {
        return false;
    }
    let units = !r.unit.is_empty() && !f.unit.is_empty() && unit_measure(&r.unit).0 == unit_measure(&f.unit).0;
    units || (r.unit.is_empty() && a >= 10.0)
}

/// The value of a figure `a` rejects that `b` states ([`figure_matches`]),
/// if any: rule 2's contradiction for rule 8's pairs.
fn rejected_figure(a: &[NumberFact], b: &[NumberFact]) -> Option<f64> {
    a.iter()
        .filter(|r| r.rejected && answerable(r))
        .find(|r| b.iter().any(|f| f.stated() && answerable(f) && figure_matches(r, f)))
        .map(|r| r.value)
}

/// Rule 8: two claims of one story (one article, or two whose casts meet,
/// [`CAST_MEET`]) by speakers not of one side, one of which rejects a
/// figure that the other states ("around 35 people, not 71" and "there
/// were 71 people on the boat"; "reduced the flow by about 12%, not the
/// 40% claimed" and "the flow fell by 40 percent"): the rejection answers
/// that claim, whatever their words. Returns the figure.
fn figure_answered(c: &PropSignature, p: &PropSignature) -> Option<f64> {
    if c.rejects.is_empty() && p.rejects.is_empty() {
        return None;
    }
    let same_speaker = !c.speaker.is_empty() && c.speaker == p.speaker;
    if same_speaker || same_side(&c.side, &p.side) {
        return None;
    }
    if !tell_one_story(c, p) {
        return None;
    }
    let answered = |x: &PropSignature, y: &PropSignature| {
        x.rejects.iter().find(|r| y.figures.iter().any(|f| figure_matches(r, f))).map(|r| r.value)
    };
    answered(c, p).or_else(|| answered(p, c))
}

/// [`figure_answered`] for two claims of one document, whatever
/// propositions they joined, with a stricter test of units: a rejected
/// figure without a unit of its own ("not 14, but 19 people") answers
/// only a figure with no unit either, or one of the unit its claim states
/// against it ("19 people"), not any figure of the article ("14 months").
fn figure_answered_in_document(c: &PropSignature, p: &PropSignature) -> Option<f64> {
    let v = figure_answered(c, p)?;
    let fits = |x: &PropSignature, y: &PropSignature| {
        x.rejects.iter().filter(|r| (r.value - v).abs() <= 0.005 * v.abs()).any(|r| {
            y.figures.iter().any(|f| {
                figure_matches(r, f)
                    && (!r.unit.is_empty()
                        || f.unit.is_empty()
                        || x.figures
                            .iter()
                            .any(|own| !own.unit.is_empty() && unit_measure(&own.unit).0 == unit_measure(&f.unit).0))
            })
        })
    };
    (fits(c, p) || fits(p, c)).then_some(v)
}

/// The unit class of durations ([`UNIT_CLASSES`]).
const DURATION_CLASS: &str = "hour";

/// Currencies: (class, forms as written, stemmed when the table is first
/// read). Sums of one currency are one kind of amount (rule 7); a sum in
/// dollars never answers one in euros. General knowledge of currencies'
/// names; words that are mostly something else ("real", "won") are left
/// out.
const CURRENCIES: &[(&str, &[&str])] = &[
    ("dollar", &["dollar", "dollars", "usd"]),
    ("euro", &["euro", "euros", "eur"]),
    ("pound", &["pound", "pounds", "gbp", "sterling"]),
    ("rupee", &["rupee", "rupees"]),
    ("yen", &["yen"]),
    ("yuan", &["yuan", "renminbi", "rmb"]),
    ("peso", &["peso", "pesos"]),
    ("franc", &["franc", "francs"]),
    ("rouble", &["rouble", "roubles", "ruble", "rubles"]),
    ("naira", &["naira"]),
    ("shilling", &["shilling", "shillings"]),
    ("rand", &["rand"]),
    ("lira", &["lira", "liras", "lire"]),
    ("dinar", &["dinar", "dinars"]),
    ("dirham", &["dirham", "dirhams"]),
    ("riyal", &["riyal", "riyals", "rial", "rials"]),
    ("baht", &["baht"]),
    ("rupiah", &["rupiah"]),
    ("ringgit", &["ringgit"]),
    ("real", &["reais"]),
    ("hryvnia", &["hryvnia", "hryvnias"]),
    ("zloty", &["zloty", "zlotys", "zlotych"]),
    ("krona", &["krona", "kronor", "krone", "kroner"]),
    ("cedi", &["cedi", "cedis"]),
    ("kwacha", &["kwacha"]),
    ("birr", &["birr"]),
    ("taka", &["taka"]),
    ("tenge", &["tenge"]),
    ("forint", &["forint", "forints"]),
    ("koruna", &["koruna", "korunas"]),
    ("leu", &["leu", "lei"]),
    ("lari", &["lari", "laris"]),
    ("manat", &["manat", "manats"]),
    ("somoni", &["somoni"]),
    ("kyat", &["kyat", "kyats"]),
    ("boliviano", &["boliviano", "bolivianos"]),
    ("ariary", &["ariary"]),
    ("tugrik", &["tugrik", "tugriks", "togrog", "tögrög"]),
    ("lek", &["lek", "leke", "lekë"]),
    ("lev", &["lev", "leva"]),
    ("dram", &["dram", "drams"]),
    ("riel", &["riel", "riels"]),
    ("denar", &["denar", "denars", "denari"]),
    ("shekel", &["shekel", "shekels"]),
    ("kwanza", &["kwanza", "kwanzas"]),
    ("metical", &["metical", "meticais"]),
    ("quetzal", &["quetzal", "quetzales"]),
    ("lempira", &["lempira", "lempiras"]),
    ("guarani", &["guarani", "guaranies"]),
    ("sol", &["soles"]),
];

/// The counted unit ([`PropSignature::counts`]) of an amount a number
/// states: `@duration` for a duration ("lasted only 40 minutes", "for about
/// 90 minutes", "almost four days"), `@money/dollar` for a sum of dollars.
/// The mark keeps them apart from counted nouns; they meet only as
/// [`amounts_share_terms`] says. A share ("35 percent", "8%") is
/// [`SHARE_AMOUNT`]: shares of one thing meet as [`shares_meet`] says.
fn amount_unit(stemmed: &str) -> Option<String> {
    static FORMS: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    match fold_unit(stemmed) {
        DURATION_CLASS => return Some("@duration".to_string()),
        SHARE_CLASS => return Some(SHARE_AMOUNT.to_string()),
        _ => {}
    }
    let forms = FORMS
        .get_or_init(|| CURRENCIES.iter().flat_map(|(c, forms)| forms.iter().map(move |f| (stem(f), *c))).collect());
    forms.get(stemmed).map(|c| format!("@money/{c}"))
}

/// Words near an amount that state it as a correction of another side's or
/// as a cap ("only 40 minutes", "40 minutes only", "not more than four
/// hours", "less than two days", "at most 45 million yen", "1.2 million
/// dollars, not three million").
/// Only corrections and caps: a floor ("more than twelve hours after", "at
/// least 60 days") mostly adds to a story rather than answers a figure,
/// and "within 48 hours" mostly sets a deadline.
const AMOUNT_MARKS: &[&str] =
    &["only", "just", "merely", "barely", "not", "never", "less", "fewer", "most", "under", "up"];

/// True when an amount of `unit` ([`amount_unit`]) in a content is stated
/// as a correction or a cap. The amount's number is read back from the
/// unit's word, past multipliers and numbers in words ("12 thousand 500",
/// "four"). Then it is marked by:
/// - a correcting word ([`CORRECTING_WORDS`]) just before the number, past
///   fillers ("only about 40 minutes"), "even" ("not even one rupee") and a
///   preposition of time ("arrived only after two hours");
/// - a cap that the words before the number state ([`bound_of`]: "not more
///   than four hours", "at most 45 million yen"), except "within", which
///   mostly sets a deadline ("within 48 hours");
/// - or a word of [`AMOUNT_MARKS`] just after the unit, in the same clause
///   ("40 minutes only", "1.2 million dollars, not three million"; not
///   "4.2 crore rupees. Only promises are coming").
///
/// A bound is read whole, so a floor ("not less than four hours", "just
/// over two hours") is no mark.
fn amount_marked(content: &str, unit: &str) -> bool {
    let ws = words(content);
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let at = |w: &str| w.as_ptr() as usize - content.as_ptr() as usize;
    lower.iter().enumerate().any(|(i, w)| {
        if amount_unit(&stem(w)).as_deref() != Some(unit) {
            return false;
        }
        let after = ws.get(i + 1).filter(|next| {
            let gap = content.get(at(ws[i]) + ws[i].len()..at(next)).unwrap_or(".");
            !gap.contains(['.', '!', '?', ';', ':', '"', '\u{201c}', '\u{201d}', '(', ')'])
        });
        if after.is_some() && AMOUNT_MARKS.contains(&lower[i + 1].as_str()) {
            return true;
        }
        // The number: the run of digits and number words before the unit.
        let start = (0..i)
            .rev()
            .take_while(|&k| {
                let x = lower[k].as_str();
                is_number(x) || NUMBER_WORDS.contains(&x) || SMALL_NUMBERS.contains(&x)
            })
            .last()
            .unwrap_or(i);
        let seq: Vec<&str> = lower[start.saturating_sub(4)..start]
            .iter()
            .map(String::as_str)
            .filter(|x| !BOUND_FILLERS.contains(x) || *x == "just")
            .collect();
        let corrected = seq
            .iter()
            .rev()
            .find(|x| !matches!(**x, "after" | "before" | "for" | "in" | "even"))
            .is_some_and(|x| CORRECTING_WORDS.contains(x))
            || real_figure(&lower[start.saturating_sub(REAL_FIGURE_SPAN)..start]);
        let bound: Vec<String> = seq.iter().filter(|x| **x != "just").map(|x| x.to_string()).collect();
        corrected || (bound_of(&bound) == Bound::Cap && bound.last().is_some_and(|x| x != "within"))
    })
}

/// Rule 7 for amounts (durations, sums): two sides' amounts answer one
/// question when one states its amount as a correction or a cap
/// ([`amount_marked`]) and the two claims share a word of what the amount
/// is of, among the words of its deeds and what they act on
/// ([`PropSignature::deed`]: "the suspension of the transmission lasted only 40 minutes" and
/// "the transmission had been suspended for about 90 minutes"; "the port
/// outage continued less than two days" and "shut down ... the port for
/// almost four days"): stories hold many durations and sums of many
/// things, and a word of the thing is what says which two meet. The word
/// must be rare in the ledger, no number, no word of time and no
/// reporting or light word.
fn amounts_share_terms(c: &PropSignature, p: &PropSignature, stats: &TermStats) -> bool {
    c.deed.iter().any(|t| p.deed.contains(t) && rare_deed_term(t, stats))
}

/// The unit class of shares ([`UNIT_CLASSES`]).
const SHARE_CLASS: &str = "percent";

/// The counted unit of a claim's one share ([`amount_unit`]).
const SHARE_AMOUNT: &str = "@share";

/// Rule 7 for shares: two sides' shares ("the price of amoxicillin has
/// risen 35 percent", "the increase of the price of amoxicillin is only 8
/// percent") answer one question when each claim states one share, one
/// side states its share as a correction or a cap ("only 8 percent", "not
/// more than 39 percent"; `corrected`), and the two share a rare word of
/// what the share is of. Without a correction even two shared words were
/// too few: a story quotes many shares of many things ("the price of bread
/// has risen 12 percent" is no answer to the price of a medicine).
fn shares_meet(c: &PropSignature, p: &PropSignature, stats: &TermStats, corrected: bool) -> bool {
    corrected && shared_deed_terms(c, p, stats, SHARE_AMOUNT) >= 1
}

/// A word of a deed that can tie two figures to one thing: no number or
/// number word, no unit of time or money, no reporting or light word,
/// longer than two letters, and rare in the ledger.
fn rare_deed_term(t: &str, stats: &TermStats) -> bool {
    !is_number(t)
        && t.chars().count() > 2
        && amount_unit(t).is_none()
        && !NUMBER_WORDS.contains(&t)
        && deed_word(t)
        && !stats.is_common(t)
}

/// How many rare words of their deeds, beyond the counted thing, two
/// claims that each state one figure of a rare thing must share to count
/// it as rivals (rule 7, [`counts_meet`]). One was too few: the claims of
/// one story share its words, and one article counts a thing for many
/// purposes (tents delivered by the state and tents one village received;
/// pilots who left and pilots recruited).
const RIVAL_TERMS: usize = 2;

/// Words that make a figure a rate rather than a whole ("300 zlotys per
/// gram", "1,200 vehicles a day" is left: "a" is too common to tell).
const RATE_WORDS: &[&str] = &["per", "each", "every", "annually", "daily", "weekly", "monthly", "yearly"];

/// The counted units (of `counts`, sorted; amounts left out) the content
/// states exactly one figure of ([`PropSignature::single`]). None when
/// the content states a part of a whole (a number followed by "of": "two
/// of the injured sailors", "17 of the 40 polling stations"), a rate
/// ([`RATE_WORDS`]), a count over a span of time, or cubic or square
/// measures: such figures answer other questions than a whole count.
fn single_counts(content: &str, numbers: &[NumberFact], counts: &[String]) -> Vec<String> {
    let lower: Vec<String> = words(content).iter().map(|w| w.to_lowercase()).collect();
    let part = lower.windows(2).any(|w| (is_number(&w[0]) || SMALL_NUMBERS.contains(&w[0].as_str())) && w[1] == "of");
    // A count over a span of time ("112 civilians since the beginning of
    // the year") is the story's background, no rival of one event's count;
    // "cubic" and "square" metres leave "metres" as their unit, which a
    // length would then meet.
    let background = crate::toll::is_background(&lower) || crate::toll::over_years(&lower);
    let area = lower.iter().any(|w| matches!(w.as_str(), "cubic" | "square"));
    if part || background || area || lower.iter().any(|w| RATE_WORDS.contains(&w.as_str())) {
        return Vec::new();
    }
    counts
        .iter()
        .filter(|u| {
            !u.starts_with('@')
                && numbers.iter().filter(|n| n.stated() && counted_unit(&n.unit).as_ref() == Some(*u)).count() == 1
        })
        .cloned()
        .collect()
}

/// The rare words of their deeds ([`PropSignature::deed`]) two claims
/// share beyond the counted `unit` itself, numbers, words of time and
/// money, reporting and light words (as [`amounts_share_terms`] reads
/// them): what says that two counts of one thing are of one deed.
fn shared_deed_terms(c: &PropSignature, p: &PropSignature, stats: &TermStats, unit: &str) -> usize {
    c.deed
        .iter()
        .filter(|t| {
            p.deed.binary_search(t).is_ok()
                && rare_deed_term(t, stats)
                && fold_head(t) != unit
                && counted_unit(t).is_none_or(|u| u != unit)
        })
        .count()
}

/// Words that, just before a number, mark it as a correction of another
/// count: "only 12 vessels", "not 87", "just 300 kilograms", "merely",
/// "barely".
const CORRECTING_WORDS: &[&str] = &["only", "just", "merely", "barely", "not", "never"];

/// Words before a number within which [`real_figure`] looks.
const REAL_FIGURE_SPAN: usize = 6;

/// True when the words before a number (lower case, at most
/// [`REAL_FIGURE_SPAN`]) state it as the real one against another: "the
/// real loss is more than", "the actual number of dead was", "the true
/// cost stands at". "real", "actual" or "true" must be followed by a verb
/// that gives the figure, so that "a real threat of" is no correction.
fn real_figure(before: &[String]) -> bool {
    let Some(at) = before.iter().rposition(|w| matches!(w.as_str(), "real" | "actual" | "true")) else {
        return false;
    };
    before[at + 1..].iter().any(|w| matches!(w.as_str(), "is" | "was" | "are" | "were" | "stands" | "reached"))
}

/// Numbers written as words that a correction may cap ("less than two
/// tonnes", "only three clubs").
const SMALL_NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "thirty", "forty", "fifty", "hundred",
];

/// Multipliers written as words after a number ("12 thousand 500").
const NUMBER_WORDS: &[&str] = &["thousand", "million", "billion", "hundred"];

/// The counted units (of `counts`, sorted) whose number the content states
/// as a correction of another ([`PropSignature::corrects`]): the number
/// (digits, or a word of [`SMALL_NUMBERS`]) follows one of
/// [`CORRECTING_WORDS`], or a bound that caps it ("no more than", "not
/// more than", "at most", "fewer than", "less than"). The correction is of
/// the unit the number counts ("only 14 guards" corrects no count of
/// inmates); a bare number ("4,000 tonnes of aid, not 12,500") corrects
/// the units the claim counts.
fn corrected_units(content: &str, counts: &[String]) -> Vec<String> {
    if counts.is_empty() {
        return Vec::new();
    }
    let ws: Vec<String> = words(content).into_iter().map(str::to_lowercase).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        if !(is_number(w) || SMALL_NUMBERS.contains(&w.as_str())) || i == 0 {
            continue;
        }
        let before = |k: usize| i.checked_sub(k).map(|j| ws[j].as_str());
        let capped = before(1) == Some("than")
            && (matches!(before(2), Some("fewer") | Some("less"))
                || (matches!(before(2), Some("more") | Some("less")) && matches!(before(3), Some("no") | Some("not"))));
        let marked = capped
            || (before(1) == Some("most") && before(2) == Some("at"))
            || before(1).is_some_and(|b| CORRECTING_WORDS.contains(&b))
            || real_figure(&ws[i.saturating_sub(REAL_FIGURE_SPAN)..i]);
        if !marked {
            continue;
        }
        // The word the number counts, past multipliers ("10 thousand shells").
        let next = ws[i + 1..].iter().find(|x| !NUMBER_WORDS.contains(&x.as_str()) && !is_number(x));
        let unit = next.and_then(|x| counted_unit(&stem(x))).filter(|u| counts.binary_search(u).is_ok());
        match unit {
            Some(u) => out.push(u),
            // A word after the number that is no unit (or none): the number
            // counts nothing of its own, so it corrects the claim's counts.
            None if next.is_none_or(|x| is_stop(x) || counted_unit(&stem(x)).is_none()) => {
                out.extend(counts.iter().cloned())
            }
            None => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// True when two sorted lists share an element: one merge walk, since the
/// aligner asks it of every candidate proposition of every claim (a binary
/// search per element cost 7% of the ingest writer's time).
fn share_any(a: &[String], b: &[String]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

fn numbers_disagree(a: &[NumberFact], b: &[NumberFact]) -> Option<(f64, f64, String)> {
    // Tolls (`~dead`) are compared apart, so that they leave alone the
    // pairing of single unitless numbers below.
    // A rejected number is no figure of its claim's ([`number_fact`]).
    let (ta, a): (Vec<&NumberFact>, Vec<&NumberFact>) =
        a.iter().filter(|n| n.stated()).partition(|n| crate::toll::is_toll_unit(&n.unit));
    let (tb, b): (Vec<&NumberFact>, Vec<&NumberFact>) =
        b.iter().filter(|n| n.stated()).partition(|n| crate::toll::is_toll_unit(&n.unit));
    // Tolls first: when both disagree, the toll names what the dispute is
    // about better than two bare numbers of the claims do.
    plain_numbers_disagree(&ta, &tb).or_else(|| plain_numbers_disagree(&a, &b))
}

/// [`numbers_disagree`] over numbers of one kind. Each number is the
/// interval it states ([`Bound`]: a floor reaches up without end, a cap
/// down to nothing, a range spans its ends), measured in its unit class
/// ([`UNIT_CLASSES`]: minutes and hours are one duration). Two numbers
/// agree when their intervals overlap or their nearest ends lie within
/// [`NUMBER_TOLERANCE`] of the larger; so "more than 250 barrels" and "not
/// more than 320 barrels" agree, "less than 40 minutes" and "around four
/// hours" do not. Shares are compared in points, not relatively: "52.3
/// percent" and "54.6 percent" of one vote disagree, though 4% apart
/// ([`SHARE_TOLERANCE`]).
fn plain_numbers_disagree(a: &[&NumberFact], b: &[&NumberFact]) -> Option<(f64, f64, String)> {
    let span = |x: &NumberFact| {
        let factor = unit_measure(&x.unit).1;
        let (lo, hi) = (x.value * factor, x.max.unwrap_or(x.value) * factor);
        match x.bound {
            Bound::Exact => (lo, hi),
            Bound::Floor => (lo, f64::INFINITY),
            Bound::Cap => (f64::NEG_INFINITY, hi),
        }
    };
    let close = |x: &NumberFact, y: &NumberFact| {
        // Two tolls that each state the least they vouch for are two
        // estimates, compared by their values ([`crate::toll::bounds_apply`]).
        let estimates = crate::toll::is_toll_unit(&x.unit)
            && crate::toll::is_toll_unit(&y.unit)
            && !crate::toll::bounds_apply((x.bound, x.max.is_some()), (y.bound, y.max.is_some()));
        let exact = |n: &NumberFact| NumberFact { bound: Bound::Exact, ..n.clone() };
        let ((xl, xh), (yl, yh)) = if estimates { (span(&exact(x)), span(&exact(y))) } else { (span(x), span(y)) };
        // The gap between the intervals and the larger of its two ends
        // (both finite: an end bounding a gap is never an open one).
        let (gap, scale) = if xl > yh {
            (xl - yh, xl.abs().max(yh.abs()))
        } else if yl > xh {
            (yl - xh, yl.abs().max(xh.abs()))
        } else {
            return true;
        };
        let share = fold_unit(&x.unit) == "percent" || fold_unit(&y.unit) == "percent";
        if share {
            gap <= SHARE_TOLERANCE
        } else {
            gap / scale.max(1e-9) <= NUMBER_TOLERANCE
        }
    };
    // Each kind of quantity (unit class) is judged apart: two claims that
    // agree on "two days" and disagree on the flights cancelled in them
    // ("340 flights" against "more than 520 flights") disagree. A kind
    // agrees when any of its pairs agrees. The verdict names the nearest
    // pair that disagrees ("52.3 vs 54.6", not the share of counted
    // minutes against a vote share).
    let mut agreeing: Vec<String> = Vec::new();
    let mut disagreeing: Vec<(String, f64, (f64, f64, String))> = Vec::new();
    for x in a {
        for y in b {
            let comparable = crate::toll::is_toll_unit(&x.unit) && crate::toll::toll_units_meet(&x.unit, &y.unit)
                || fold_unit(&x.unit) == fold_unit(&y.unit)
                || (x.unit.is_empty() || y.unit.is_empty()) && a.len() == 1 && b.len() == 1;
            if !comparable {
                continue;
            }
            let unit = if x.unit.is_empty() { y.unit.clone() } else { x.unit.clone() };
            let kind = fold_unit(crate::toll::toll_fate_unit(&unit)).to_string();
            // A number without a unit takes the other's: "a few hundred
            // metres" against a bare 100 compares 100 with 100.
            let (x, y) = if x.unit.is_empty() || y.unit.is_empty() {
                let bare = |n: &NumberFact| NumberFact { unit: String::new(), ..n.clone() };
                (bare(x), bare(y))
            } else {
                ((*x).clone(), (*y).clone())
            };
            if close(&x, &y) {
                agreeing.push(kind);
            } else {
                // Nearness in the unit class's measure ("40 minutes" is
                // nearer 50 minutes than "4 hours", though 4 < 40 raw).
                let measure = |n: &NumberFact| (n.value * unit_measure(&n.unit).1).abs().ln_1p();
                let distance = (measure(&x) - measure(&y)).abs();
                disagreeing.push((kind, distance, (x.value, y.value, unit)));
            }
        }
    }
    disagreeing
        .into_iter()
        .filter(|(kind, _, _)| !agreeing.contains(kind))
        .min_by(|p, q| p.1.total_cmp(&q.1))
        .map(|(_, _, v)| v)
}

/// Points from which two shares disagree ("52.3 percent" and "54.6
/// percent"): a relative tolerance would let every two vote shares of one
/// race agree.
pub const SHARE_TOLERANCE: f64 = 1.0;

/// Units of measure written several ways, with their size in the class's
/// unit: (class, [(form, factor)]), forms as written and stemmed when the
/// table is first read. "250 kilometers" and "600 km" count one thing;
/// "less than 40 minutes" and "around four hours" measure one duration
/// (0.67 against 4 hours); "more than two tons" and "about 300 kilograms"
/// one weight. General knowledge of units, no word of any article.
const UNIT_CLASSES: &[(&str, &[(&str, f64)])] = &[
    // Class names of more than two letters: rule 7 takes no shorter unit
    // for a count ([`counted_unit`]).
    ("kilometre", &[("km", 1.0), ("kilometer", 1.0), ("kilometre", 1.0), ("kms", 1.0), ("mile", 1.609), ("mi", 1.609)]),
    (
        "kilogram",
        &[
            ("kg", 1.0),
            ("kilogram", 1.0),
            ("kilo", 1.0),
            ("kgs", 1.0),
            ("tonne", 1000.0),
            ("ton", 1000.0),
            ("t", 1000.0),
        ],
    ),
    // Speeds: kilometres or miles per hour ("62 km/h", "40 mph").
    ("speed", &[("kmh", 1.0), ("kph", 1.0), ("mph", 1.609)]),
    // Metres stand apart from kilometres, as they always have (a volume,
    // "cubic metres", is told apart by [`measure_kind`]).
    ("metre", &[("m", 1.0), ("meter", 1.0), ("metre", 1.0)]),
    ("litre", &[("litre", 1.0), ("liter", 1.0), ("l", 1.0), ("ltr", 1.0)]),
    // Durations, in hours. Calendar spans ("months", "years") are left
    // apart: they date more often than they measure one event.
    (
        "hour",
        &[
            ("second", 1.0 / 3600.0),
            ("minute", 1.0 / 60.0),
            ("min", 1.0 / 60.0),
            ("mins", 1.0 / 60.0),
            ("hour", 1.0),
            ("hr", 1.0),
            ("hrs", 1.0),
            ("day", 24.0),
            ("week", 168.0),
        ],
    ),
    // "Fired 10,000 rounds" and "40,000 shells": ammunition counted.
    ("shell", &[("shell", 1.0), ("round", 1.0)]),
    // "per cent" leaves "cent" as its last word.
    ("percent", &[("percent", 1.0), ("%", 1.0), ("cent", 1.0), ("pct", 1.0)]),
];

/// The class and factor of a stemmed unit ([`UNIT_CLASSES`]), or the unit
/// itself with factor 1; the table's forms are stemmed once.
fn unit_measure(stemmed: &str) -> (&str, f64) {
    static MEASURES: OnceLock<FxHashMap<String, (&'static str, f64)>> = OnceLock::new();
    let measures = MEASURES.get_or_init(|| {
        let mut m = FxHashMap::default();
        for (class, forms) in UNIT_CLASSES {
            for (form, factor) in *forms {
                m.entry(stem(form)).or_insert((*class, *factor));
                m.entry(form.to_string()).or_insert((*class, *factor));
            }
        }
        m
    });
    match measures.get(stemmed) {
        Some(&(class, factor)) => (class, factor),
        None => (stemmed, 1.0),
    }
}

/// The class of a stemmed unit, or the unit itself.
fn fold_unit(stemmed: &str) -> &str {
    unit_measure(stemmed).0
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

impl Aligner for RuleAligner {
    fn signature(&self, claim: &ClaimInput<'_>) -> Option<PropSignature> {
        let speaker_words: Vec<String> =
            words(claim.speaker_text).into_iter().map(|w| fold_proper(&w.to_lowercase())).collect();
        let mut anchors = BTreeSet::new();
        let mut topics = BTreeSet::new();
        for (id, name) in &claim.entities {
            if Some(id.as_str()) == claim.speaker_entity {
                continue;
            }
            anchors.insert(format!("#{id}"));
            if let Some(k) = name_fold(name) {
                anchors.insert(k);
            }
        }
        let mut predicate = None;
        let mut reversed = false;
        for w in words(claim.content) {
            let lower = w.to_lowercase();
            if is_number(w) || is_stop(&lower) || lower.chars().count() < 2 {
                continue;
            }
            if is_capitalised(w) {
                let k = fold_proper(&lower);
                if !speaker_words.contains(&k) {
                    anchors.insert(k);
                }
            } else {
                if let Some((class, rev)) = text_predicate_class(&lower) {
                    // A classified verb is compared through its class (the
                    // gate in `match_score`), not as a term: "sold" and
                    // "delivered" must not lower the similarity.
                    if predicate.is_none() {
                        predicate = Some(class.to_string());
                        reversed = rev;
                    }
                    continue;
                }
                topics.insert(stem(&lower));
            }
        }
        let mut head = None;
        let mut object_verb = None;
        let (mut agent, mut patient) = text_roles(claim.content, &speaker_words, &claim.mentions);
        let mut text = None;
        if let Some(p) = claim.proposition {
            for t in &p.terms {
                if !is_stop(t) {
                    topics.insert(stem(&t.to_lowercase()));
                }
            }
            for a in [&p.actor, &p.object, &p.recipient].into_iter().flatten() {
                if let Some(id) = &a.entity {
                    if Some(id.as_str()) != claim.speaker_entity {
                        anchors.insert(format!("#{id}"));
                    }
                }
                // A name, not a sentence-initial capital: "The conflict" is
                // no participant.
                let named = words(&a.text).iter().any(|w| is_capitalised(w) && !is_stop(&w.to_lowercase()));
                if a.entity.is_some() || named {
                    if let Some(k) = argument_key(a) {
                        anchors.insert(k);
                    }
                }
            }
            if let Some(o) = &p.object {
                let h = if o.head.is_empty() {
                    words(&o.text).last().map(|w| w.to_lowercase())
                } else {
                    Some(o.head.to_lowercase())
                };
                head = h.map(|h| stem(&h));
            }
            if !p.predicate.is_empty() {
                let class = predicate_class(&p.predicate);
                if p.object.is_some() {
                    object_verb = Some(match class {
                        Some((c, _)) => c.to_string(),
                        None => stem(&p.predicate.to_lowercase()),
                    });
                }
                match class {
                    Some((class, rev)) => {
                        predicate = Some(class.to_string());
                        reversed = rev;
                    }
                    None => predicate = None,
                }
            }
            let (giver, taker) = if reversed { (&p.recipient, &p.actor) } else { (&p.actor, &p.recipient) };
            agent = giver.as_ref().and_then(argument_key);
            patient = taker.as_ref().and_then(argument_key);
            let mut parts = Vec::new();
            if let Some(a) = &p.actor {
                parts.push(a.text.clone());
            }
            if !p.predicate.is_empty() {
                parts.push(p.predicate.clone());
            }
            if let Some(o) = &p.object {
                parts.push(o.text.clone());
            }
            if let Some(r) = &p.recipient {
                parts.push(format!("{} {}", if reversed { "from" } else { "to" }, r.text));
            }
            if parts.len() >= 2 {
                text = Some(parts.join(" "));
            }
        }
        for n in claim.numbers.iter().filter(|n| n.stated()) {
            if !n.unit.is_empty() {
                topics.insert(n.unit.clone());
            }
        }
        let mut frames = BTreeSet::new();
        let mut parties = BTreeSet::new();
        let (mut deeds, mut blanket) = (BTreeSet::new(), BTreeSet::new());
        for f in claim.frames {
            if let Some(k) = frame_key(f, &claim.speaker_side) {
                frames.insert(k);
            }
            let class = frame_class(f);
            if let Some(c) = class {
                let deed = format!("{c}|{}", frame_actor(f, &claim.speaker_side));
                if is_blanket(f, c, claim.content) {
                    blanket.insert(deed.clone());
                }
                // What an allegation tells happened: its frames that are
                // not negated.
                if !f.negated {
                    deeds.insert(deed);
                }
            }
            let pred = match class {
                Some(c) => c.to_string(),
                None => stem(&f.predicate.to_lowercase()),
            };
            parties.insert(format!("{pred}|"));
            for a in [&f.actor, &f.object, &f.recipient].into_iter().flatten() {
                for w in words(&a.text) {
                    if is_capitalised(w) && !is_stop(&w.to_lowercase()) && !is_number(w) {
                        parties.insert(format!("{pred}|{}", fold_proper(&w.to_lowercase())));
                    }
                }
            }
            // Participants named only inside an embedded event still say
            // what the claim is about.
            for a in [&f.actor, &f.object, &f.recipient].into_iter().flatten() {
                if let Some(id) = &a.entity {
                    if Some(id.as_str()) != claim.speaker_entity {
                        anchors.insert(format!("#{id}"));
                    }
                }
            }
        }
        // "Its aircraft had not crossed the border", said Kesh's ministry:
        // a content naming no participant is about the speaker's side.
        let unnamed = anchors.is_empty();
        if unnamed {
            anchors.extend(claim.speaker_side.iter().cloned());
        }
        if anchors.is_empty() && topics.is_empty() {
            return None;
        }
        let text = text.unwrap_or_else(|| shorten(claim.content, 200));
        // The counted units, sorted: rule 7's counts, and what a correction
        // in the content may correct.
        // People, like tolls, are counted over any span ("rescued more than
        // 4,300 persons at sea this year", "has displaced about 374 people
        // since it began"): such a count is the story's background, no
        // rival of one event's count, and is left out as the tolls' is.
        // Other things counted over a year stay ("this year 14 pilots have
        // left" against "only four pilots have resigned"): they meet only
        // through a correction, an inventory or one deed on the thing, and
        // leaving them out lost such disputes.
        let lower: Vec<String> = words(claim.content).iter().map(|w| w.to_lowercase()).collect();
        let people_background = crate::toll::is_background(&lower);
        let mut counts: Vec<String> = claim
            .numbers
            .iter()
            .filter(|n| n.stated())
            .filter_map(|n| counted_unit(&n.unit))
            .filter(|u| !(people_background && u == PEOPLE_UNIT))
            .collect();
        // Durations (minutes, hours, days) and sums of one currency are
        // counted too, to be met only as rule 7 says for amounts: when the
        // claim states one amount of the kind (a claim telling a timeline,
        // "the alert arrived at 04:12 and the patrol within an hour, 20
        // minutes later", answers no one duration).
        if !crate::toll::over_years(&lower) {
            let mut amounts: Vec<(String, f64)> = claim
                .numbers
                .iter()
                .filter(|n| n.stated())
                .filter_map(|n| amount_unit(&n.unit).map(|u| (u, n.value * unit_measure(&n.unit).1)))
                .collect();
            amounts.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            amounts.dedup();
            for (i, (u, _)) in amounts.iter().enumerate() {
                let alone = amounts.iter().enumerate().all(|(j, (v, _))| i == j || v != u);
                if alone {
                    counts.push(u.clone());
                }
            }
        }
        counts.sort_unstable();
        counts.dedup();
        let DeedTerms { terms: deed, preds: deed_preds, events: deed_events, denied: deed_denied, frames: deed_frames } =
            deed_terms(claim);
        // A denial that cites a figure ("rejecting the coast guard's count of
        // 312", "the police figure of 12 is simply not true") rejects it
        // (rule 8).
        let rejected = |n: &NumberFact| n.rejected || (claim.denies && n.cited);
        Some(PropSignature {
            anchors: anchors.into_iter().collect(),
            topics: topics.into_iter().collect(),
            head,
            predicate,
            agent,
            patient,
            frames: frames.into_iter().collect(),
            parties: parties.into_iter().collect(),
            deeds: deeds.into_iter().collect(),
            blanket: blanket.into_iter().collect(),
            story: claim.story.clone(),
            unnamed,
            object_verb,
            denies: claim.denies,
            deed,
            deed_preds,
            deed_events,
            deed_denied,
            deed_frames,
            deed_none: nothing_terms(claim.content),
            cast: claim.cast.clone(),
            corrects: {
                let mut corrects = corrected_units(claim.content, &counts);
                corrects
                    .extend(counts.iter().filter(|u| u.starts_with('@') && amount_marked(claim.content, u)).cloned());
                corrects.sort_unstable();
                corrects.dedup();
                corrects
            },
            single: single_counts(claim.content, &claim.numbers, &counts),
            figures: claim.numbers.iter().filter(|n| !rejected(n) && answerable(n)).cloned().collect(),
            rejects: claim.numbers.iter().filter(|n| rejected(n) && answerable(n)).cloned().collect(),
            counts,
            speaker: match claim.speaker_entity {
                Some(id) => format!("#{id}"),
                None => claim.speaker_text.trim().to_lowercase(),
            },
            side: claim.speaker_side.clone(),
            text,
            key_halves: KeyHalves::default(),
        })
    }

    fn index_keys(&self, sig: &PropSignature) -> Vec<i64> {
        let mut keys = rule_keys(sig);
        // Rule 6: every deed the content tells as an event, so that a denial
        // finds the affirmations of its story that it answers; the casts
        // are compared when matching.
        if !sig.cast.is_empty() {
            keys.extend(sig.deed_preds.iter().map(|t| deed_key(t)));
            // Rule 7: what the claim counts.
            keys.extend(sig.counts.iter().map(|u| count_key(crate::toll::toll_fate_unit(u))));
            // Rule 8: the figures it states or rejects.
            keys.extend(sig.figures.iter().chain(&sig.rejects).map(|n| figure_key(n.value)));
            keys.sort_unstable();
            keys.dedup();
        }
        keys
    }

    fn may_match(&self, claim: &crate::sketch::Sketch, prop: &crate::sketch::Sketch) -> bool {
        crate::sketch::may_match(claim, prop, self.min_similarity > 0.0)
    }

    fn match_score(&self, c: &PropSignature, p: &PropSignature, stats: &TermStats) -> Option<f64> {
        // Rule 8 first, and above any other rule's score: a claim that
        // rejects the figure another side states answers that claim, which
        // no similarity of words says as surely.
        if figure_answered(c, p).is_some() {
            return Some(RULE8_SCORE + Self::cosine(&c.topics, &p.topics, stats));
        }
        // Rules 1 to 5 judge only the candidates their own keys find: the
        // deed keys of rule 6 bring candidates that only rule 6 may take.
        rule_keys_meet(c, p)
            .then(|| self.match_rules(c, p, stats))
            .flatten()
            .or_else(|| {
                // Rule 6, after every other: a denial joins the affirmation it
                // answers in another article of its story.
                denial_meets(c, p, stats)?;
                Some(0.1 + 0.1 * Self::cosine(&c.topics, &p.topics, stats))
            })
            .or_else(|| {
                // Rule 7: two sides count one thing of their story.
                counts_meet(c, p, stats)?;
                Some(0.05 + 0.05 * Self::cosine(&c.topics, &p.topics, stats))
            })
    }

    fn relate(&self, new: &ClaimFacts, old: &ClaimFacts) -> Option<(RelationKind, String)> {
        // One speaker text, resolved to an entity in one claim and not in
        // the other ("The ministry" said both), is one speaker too; a
        // pronoun may stand for anyone, so it is no evidence.
        let same_text = || {
            !new.speaker_key.is_empty()
                && new.speaker_key == old.speaker_key
                && !matches!(new.speaker_key.as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "you")
        };
        let same_speaker = match (new.speaker, old.speaker) {
            (Some(a), Some(b)) => a == b,
            _ => same_text(),
        };
        // One speaker against themselves is no dispute between sources:
        // within an article it is an extraction artefact, across articles
        // mostly two moments of one account (a toll "nine deaths" and later
        // "no new death since one week") that alignment took for one claim.
        if same_speaker {
            return None;
        }
        if new.affirms != old.affirms {
            // A denial that cites a figure ("the police figure of 12 is
            // simply not true") answers the claims stating that figure, not
            // the others of its proposition, which may well agree with it
            // ("at least 40 civilians were killed"; rule 8).
            let (denial, other) = if new.affirms { (old, new) } else { (new, old) };
            let cited: Vec<NumberFact> = denial
                .numbers
                .iter()
                .filter(|n| n.cited && answerable(n))
                .map(|n| NumberFact { rejected: true, ..n.clone() })
                .collect();
            if !cited.is_empty() {
                let v = rejected_figure(&cited, &other.numbers)?;
                return Some((
                    RelationKind::Contradicts,
                    format!("rejects the figure the other states: {}", fmt_num(v)),
                ));
            }
            return Some((RelationKind::Contradicts, "opposite polarity: one affirms, the other denies".into()));
        }
        if let Some(v) =
            rejected_figure(&new.numbers, &old.numbers).or_else(|| rejected_figure(&old.numbers, &new.numbers))
        {
            return Some((RelationKind::Contradicts, format!("rejects the figure the other states: {}", fmt_num(v))));
        }
        if let Some((x, y, unit)) = numbers_disagree(&new.numbers, &old.numbers) {
            let unit = crate::toll::toll_fate_unit(&unit).trim_start_matches(crate::toll::TOLL_UNIT_MARK);
            let unit = if unit.is_empty() { String::new() } else { format!(" ({unit})") };
            return Some((
                RelationKind::Contradicts,
                format!("numbers disagree: {} vs {}{unit}", fmt_num(x), fmt_num(y)),
            ));
        }
        if same_speaker || new.origin == old.origin {
            return None;
        }
        Some((RelationKind::Corroborates, "same polarity from independent sources".into()))
    }

    fn rejects_allegations(&self, claim: &ClaimInput<'_>, affirms: bool) -> bool {
        if affirms {
            return false;
        }
        words(claim.content).iter().any(|w| META_NOUNS.contains(&w.to_lowercase().as_str()))
            || claim.proposition.is_some_and(|p| {
                [&p.actor, &p.object]
                    .into_iter()
                    .flatten()
                    .any(|a| META_NOUNS.contains(&a.head.to_lowercase().as_str()))
            })
    }

    fn same_event_in_document(&self, a: &PropSignature, b: &PropSignature) -> Option<String> {
        let k = shared_frame(&a.frames, &b.frames, None)?;
        let k = k.trim_end_matches('|');
        Some(format!("same event in the same article ({k})"))
    }

    fn accused_denies(
        &self,
        denier: &[String],
        denial: &PropSignature,
        allegation: &PropSignature,
        alleger: &[String],
    ) -> Option<String> {
        if denier.iter().any(|k| alleger.contains(k)) {
            return None;
        }
        let accused = denial.parties.iter().filter_map(|p| p.strip_suffix('|')).find_map(|pred| {
            let side = denier.iter().find(|k| allegation.parties.binary_search(&format!("{pred}|{k}")).is_ok())?;
            Some(format!("denies what the allegation says {side} did ({pred})"))
        });
        accused.or_else(|| {
            // A blanket denial of a kind of deed against another side's
            // account of such a deed, by no other actor.
            denial.blanket.iter().find_map(|b| {
                let (class, actor) = b.split_once('|')?;
                allegation.deeds.iter().find(|d| {
                    d.split_once('|')
                        .is_some_and(|(c, a)| c == class && (a == actor || a.is_empty() || actor.is_empty()))
                })?;
                Some(format!("denies any {class} of the kind another side tells"))
            })
        })
    }

    fn denial_answers(&self, denial: &PropSignature, allegation: &PropSignature, stats: &TermStats) -> Option<String> {
        if !denial.denies
            || allegation.denies
            || !deeds_may_meet(denial, allegation)
            || same_side(&denial.side, &allegation.side)
            || participants_clash(denial, allegation)
        {
            return None;
        }
        let shared = deeds_meet(denial, allegation, stats, false)?;
        Some(format!("denies the deed another side tells ({shared})"))
    }

    fn tolls_disagree(&self, a: &[crate::toll::Toll], b: &[crate::toll::Toll]) -> Option<String> {
        let (x, y, fate) = crate::toll::disagreeing(a, b)?;
        Some(format!("tolls disagree: {} vs {} {}", fmt_num(x), fmt_num(y), fate.as_str()))
    }

    fn date_rejected(&self, a: &ClaimDates, a_side: &[String], b: &ClaimDates, b_side: &[String]) -> Option<String> {
        date_rejected(a, a_side, b, b_side)
    }

    fn restates(&self, c: &PropSignature, p: &PropSignature, stats: &TermStats) -> Option<String> {
        let same_speaker = !c.speaker.is_empty() && c.speaker == p.speaker;
        if c.denies == p.denies || same_speaker || !deeds_may_meet(c, p) || same_side(&c.side, &p.side) {
            return None;
        }
        if participants_clash(c, p) || !tell_one_story(c, p) {
            return None;
        }
        let (den, told) = if c.denies { (c, p) } else { (p, c) };
        let shared = restated_denial(den, told, &rare_shared_deeds(den, told, stats), stats)?;
        Some(format!("denies the deed another side tells ({shared})"))
    }

    fn figure_rejected(&self, a: &PropSignature, b: &PropSignature) -> Option<String> {
        let v = figure_answered_in_document(a, b)?;
        Some(format!("rejects the figure the other states: {}", fmt_num(v)))
    }

    fn answers(&self, rejecter: &[String], allegation: &PropSignature, alleger: &[String]) -> Option<String> {
        // The allegation must involve the rejecter's side, and its speaker
        // must not speak for that side.
        let side = rejecter
            .iter()
            .find(|k| allegation.anchors.binary_search(k).is_ok() && alleger.binary_search(k).is_err())?;
        Some(format!("rejects the allegations reported in the same article involving {side}"))
    }
}

/// True when a signature states content of its own (an object head or a
/// classified predicate), beyond rejecting allegations.
pub fn has_own_content(sig: &PropSignature) -> bool {
    sig.head.as_ref().is_some_and(|h| !META_NOUNS.iter().any(|m| stem(m) == *h)) || sig.predicate.is_some()
}

/// Giver and receiver of a transfer-like predicate read from plain text:
/// the first proper name before the first classified verb, and the first
/// after "to"; for a reversed verb ("bought ... from Iran") the name after
/// "from" gives and the subject receives. `None` where the text does not
/// say.
fn text_roles(
    content: &str,
    speaker_words: &[String],
    mentions: &[(String, String)],
) -> (Option<String>, Option<String>) {
    let ws = words(content);
    let proper = |w: &str| {
        let lower = w.to_lowercase();
        if let Some((_, name)) = mentions.iter().find(|(surface, _)| words(surface).contains(&w)) {
            return name_fold(name);
        }
        (is_capitalised(w) && !is_stop(&lower) && !is_number(w))
            .then(|| fold_proper(&lower))
            .filter(|k| !speaker_words.contains(k))
    };
    let Some((at, reversed)) = ws.iter().enumerate().find_map(|(i, w)| {
        text_predicate_class(&w.to_lowercase()).map(|(_, rev)| (i, rev)).filter(|_| !is_capitalised(w))
    }) else {
        return (None, None);
    };
    let subject = ws[..at].iter().find_map(|w| proper(w));
    let after = |prep: &str| {
        let k = ws[at..].iter().position(|w| w.eq_ignore_ascii_case(prep))? + at;
        ws.get(k + 1).and_then(|w| proper(w))
    };
    if reversed {
        (after("from"), subject)
    } else {
        (subject, after("to"))
    }
}

/// Collapses white space and shortens to at most `max` characters.
pub fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// Words that may stand between a bound and its number, or open a
/// quantity's words before the number ("about", "some"): read past when
/// looking for the bound.
const BOUND_FILLERS: &[&str] =
    &["about", "around", "approximately", "roughly", "some", "nearly", "almost", "just", "a"];

/// The calendar dates (day, month) a claim's content states as its own,
/// and those it rejects for another ("not on 2 October but on 29 October";
/// "on 16 August, not on 14 August as the federation says"): rule 8 for
/// dates, within one article ([`date_rejected`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimDates {
    /// Dates stated as the claim's own.
    pub stated: Vec<(u8, i8)>,
    /// Dates the claim rejects.
    pub rejected: Vec<(u8, i8)>,
}

impl ClaimDates {
    /// Reads the dates of a content: a day (1–31, in digits) and a month
    /// name on either side of it ("2 October", "October 2"). A date is
    /// rejected when "not" stands right before it (past "on" and "the")
    /// and the words set it against another: a comma, "and" or "but"
    /// before "not", or "but" right after the date.
    pub fn of(content: &str) -> ClaimDates {
        // Every claim is read: most state no day of a month.
        if !content.bytes().any(|b| b.is_ascii_digit()) {
            return ClaimDates::default();
        }
        let ws = words(content);
        let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
        let at = |w: &str| w.as_ptr() as usize - content.as_ptr() as usize;
        let mut out = ClaimDates::default();
        for (i, w) in lower.iter().enumerate() {
            let Some(m) = claimgraph::events::dates::month(w) else { continue };
            // "may" and "march" are verbs too: only capitalised are they months.
            if matches!(w.as_str(), "may" | "march" | "mar") && !ws[i].starts_with(char::is_uppercase) {
                continue;
            }
            Self::read(&lower, &ws, content, at, i, m, &mut out);
        }
        out
    }

    /// The date around the month name at `i`, if a day stands beside it.
    fn read(
        lower: &[String],
        ws: &[&str],
        content: &str,
        at: impl Fn(&str) -> usize,
        i: usize,
        month: i8,
        out: &mut ClaimDates,
    ) {
        let day = |k: usize| lower.get(k).and_then(|d| d.parse::<u8>().ok()).filter(|d| (1..=31).contains(d));
        let (first, last, d) = match (i.checked_sub(1).and_then(day), day(i + 1)) {
            (Some(d), _) => (i - 1, i, d),
            (None, Some(d)) => (i, i + 1, d),
            _ => return,
        };
        let mut k = first;
        while k > 0 && matches!(lower[k - 1].as_str(), "on" | "the") {
            k -= 1;
        }
        let negated = k > 0 && lower[k - 1] == "not";
        let set_against = negated && {
            let before_not = k >= 2 && matches!(lower[k - 2].as_str(), "and" | "but");
            let comma = content.get(..at(ws[k - 1])).is_some_and(|b| b.trim_end().ends_with(','));
            let but_after = lower.get(last + 1).is_some_and(|w| w == "but");
            before_not || comma || but_after
        };
        if set_against {
            out.rejected.push((d, month));
        } else if !negated {
            out.stated.push((d, month));
        }
    }
}

/// Rule 8 for dates: whether one of two claims of one article, by
/// speakers not of one side, rejects a date the other states ("the notice
/// reached her not on 2 October but on 29 October" against "she was
/// informed officially on 2 October"). Returns the reason.
pub fn date_rejected(a: &ClaimDates, a_side: &[String], b: &ClaimDates, b_side: &[String]) -> Option<String> {
    if same_side(a_side, b_side) {
        return None;
    }
    let hit = |x: &ClaimDates, y: &ClaimDates| x.rejected.iter().find(|d| y.stated.contains(d)).copied();
    let (day, month) = hit(a, b).or_else(|| hit(b, a))?;
    Some(format!("rejects the date the other states: {day}/{month}"))
}

/// A quantity of a claim as rule 2 compares it: its value or range, its
/// unit (the last word, stemmed), and the bound the words before the
/// number set ([`Bound`]), read from the quantity's own words and the
/// three words of the content before it, since the analysis leaves a
/// negation out of the quantity ("not | more than 320 barrels"). A number
/// the claim rejects in favour of another it states ("4 million euros, not
/// 2.8 million"; "three clubs, not nine"; '112, "not 87 like the
/// authorities say"') is marked [`NumberFact::rejected`]: it is no figure
/// of the claim's (comparing it would make the claim agree with the figure
/// it rejects), only the figure it answers (rule 8). `None` for a number
/// that is part of a name ("Geran-2").
pub fn number_fact(q: &claimgraph::output::QuantityOut, content: &str, content_start: usize) -> Option<NumberFact> {
    // The last word names the unit ("Shahed drones" → drone), except in a
    // unit of two parts ("km/h"), which the two name together.
    let unit = if q.unit.contains('/') {
        stem(&words(&q.unit).concat().to_lowercase())
    } else {
        words(&q.unit).last().map(|u| stem(&u.to_lowercase())).unwrap_or_default()
    };
    // The dimension may stand in the unit ("cubic metres", given to a bare
    // figure set against a volume) or in the quantity's words.
    let unit = measure_kind(unit, &format!("{} {}", q.text, q.unit));
    let before: String =
        q.start.checked_sub(content_start).map(|k| content.chars().take(k).collect()).unwrap_or_default();
    let before_words: Vec<String> = words(&before).iter().map(|w| w.to_lowercase()).collect();
    let n = before_words.len();
    // ", not 2.8 million", "and not nine", "rather than 500", "instead of 87".
    // A determiner may stand between ("not the 2 million litres reported").
    let det = usize::from(n > 0 && matches!(before_words[n - 1].as_str(), "the" | "a" | "an"));
    let prev = |k: usize| n.checked_sub(k + det).map(|i| before_words[i].as_str());
    // Quotation marks opening the number's words (", not a “2 million”",
    // ", not '2 million'") are read past, so that the words before them
    // end the text that is tested.
    let head = before.trim_end_matches(|c: char| c.is_whitespace() || is_quote_mark(c));
    // (`get`: the cut is taken by the determiner's length, which must end
    // on a character boundary.)
    let head =
        if det == 1 { head.get(..head.len() - before_words[n - 1].len()).map_or(head, str::trim_end) } else { head };
    // A quotation may open at "not" ('112, "not 87 like the authorities
    // say"'): the comma stands before the quotation mark.
    let contrast = (prev(1) == Some("not")
        && (head
            .strip_suffix("not")
            .is_some_and(|b| b.trim_end_matches(|c: char| c.is_whitespace() || is_quote_mark(c)).ends_with(','))
            || matches!(prev(2), Some("and") | Some("but"))))
        || (prev(1) == Some("than") && prev(2) == Some("rather"))
        || (prev(1) == Some("of") && prev(2) == Some("instead"))
        || (det == 1 && prev(1) == Some("than") && reported_after(q, content, content_start));
    // A number the words negate ("there were not 12 thousand tonnes", "it
    // is not 99 years", "not 3 million but at most 1.2 million") is a
    // figure the claim rejects, as one set against another is: in a denial
    // it is what the denial answers (rule 8), in an affirmation no figure
    // of the claim's own. Only a number in digits right after "not": the
    // negation of a bound ("not | more than 10 thousand shells") sets a
    // cap, and "not one hectare" says there is none.
    let negated = !contrast && prev(1) == Some("not") && q.text.starts_with(|c: char| c.is_ascii_digit());
    // A number joined by a hyphen to a word is part of a name ("Geran-2
    // drones", "Kh-59 missiles", "Covid-19"), no count.
    let mut tail = before.chars().rev();
    if tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic) {
        return None;
    }
    // The bound: the content's last words before the quantity, then the
    // quantity's words up to its number.
    let mut seq: Vec<String> = before_words[n.saturating_sub(3)..].to_vec();
    seq.extend(
        words(&q.text).iter().map(|w| w.to_lowercase()).take_while(|w| {
            !is_number(w) && (BOUND_WORDS.contains(&w.as_str()) || BOUND_FILLERS.contains(&w.as_str()))
        }),
    );
    seq.retain(|w| !BOUND_FILLERS.contains(&w.as_str()));
    // "the count of 312", "the police figure of 12": the number cited as a
    // figure.
    let cited = prev(1) == Some("of") && prev(2).is_some_and(|w| FIGURE_NOUNS.contains(&w));
    // A rejected number takes the scale of the figure it stands against
    // when it has none of its own ("218 billion, not 230").
    let scaled = words(&q.text).iter().any(|w| NUMBER_WORDS.contains(&w.to_lowercase().as_str()));
    let scale = match prev(2) {
        Some("thousand") if contrast && !scaled => 1e3,
        Some("million") if contrast && !scaled => 1e6,
        Some("billion") if contrast && !scaled => 1e9,
        _ => 1.0,
    };
    // A rejected bare number ("and not 2,300") takes its unit from the
    // figure it stands against in the analysis; rule 8 reads it as having
    // none of its own, since the rejection often drops the unit the other
    // side used ("60 operations, not 18" answers "18 planned surgeries").
    let rejected = contrast || negated;
    let bare = q.text.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}'));
    let unit = if rejected && bare { String::new() } else { unit };
    Some(NumberFact {
        value: q.value * scale,
        max: q.max.map(|m| m * scale),
        unit,
        bound: bound_of(&seq),
        rejected,
        cited,
    })
}

/// Words that, just after a number, say it is someone's figure ("than the
/// 300 barrels which were announced by the operator").
const REPORTED_WORDS: &[&str] = &[
    "announced",
    "reported",
    "claimed",
    "cited",
    "given",
    "stated",
    "declared",
    "published",
    "quoted",
    "says",
    "said",
];

/// True when a word of [`REPORTED_WORDS`] follows the quantity within
/// five words, in its sentence: a figure compared "than the N" and so
/// reported is another's figure the claim sets its own against, which it
/// rejects ("2,100 barrels, seven times more than the 300 barrels which
/// were announced by the operator"), not a reference such as a limit.
fn reported_after(q: &claimgraph::output::QuantityOut, content: &str, content_start: usize) -> bool {
    let after: String = q.end.checked_sub(content_start).map(|k| content.chars().skip(k).collect()).unwrap_or_default();
    let clause = after.split(['.', ';', '!', '?']).next().unwrap_or("");
    words(clause).iter().take(5).any(|w| REPORTED_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Nouns that cite a number as someone's figure ("the count of 312", "the
/// figure of 14 fragments"): a denial that cites a figure rejects it
/// (rule 8).
const FIGURE_NOUNS: &[&str] = &["figure", "figures", "count", "number", "tally", "toll", "estimate", "total"];

/// True for a quotation mark, straight or typographic, single, double or
/// angled.
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}')
}

/// Words of bounds ([`bound_of`]).
const BOUND_WORDS: &[&str] = &[
    "more",
    "less",
    "fewer",
    "greater",
    "than",
    "at",
    "least",
    "most",
    "up",
    "to",
    "over",
    "under",
    "below",
    "above",
    "exceeding",
    "upwards",
    "of",
    "in",
    "excess",
    "no",
    "not",
    "maximum",
    "minimum",
    "within",
];

/// The bound that the words just before a number set (fillers such as
/// "about" removed): a floor after "more than", "at least", "over",
/// "not less than"; a cap after "less than", "fewer than", "at most", "up
/// to", "under", "within", "not more than"; otherwise the value itself.
fn bound_of(seq: &[String]) -> Bound {
    let ends =
        |pat: &[&str]| seq.len() >= pat.len() && seq[seq.len() - pat.len()..].iter().zip(pat).all(|(w, p)| w == p);
    let negated = |k: usize| seq.len() > k && matches!(seq[seq.len() - k - 1].as_str(), "no" | "not");
    for more in ["more", "greater"] {
        if ends(&[more, "than"]) {
            return if negated(2) { Bound::Cap } else { Bound::Floor };
        }
    }
    for less in ["less", "fewer"] {
        if ends(&[less, "than"]) {
            return if negated(2) { Bound::Floor } else { Bound::Cap };
        }
    }
    let floor = [
        &["at", "least"][..],
        &["over"],
        &["above"],
        &["exceeding"],
        &["upwards", "of"],
        &["in", "excess", "of"],
        &["minimum", "of"],
    ];
    let cap = [&["at", "most"][..], &["up", "to"], &["under"], &["below"], &["maximum", "of"], &["within"]];
    if floor.iter().any(|p| ends(p)) {
        Bound::Floor
    } else if cap.iter().any(|p| ends(p)) {
        Bound::Cap
    } else {
        Bound::Exact
    }
}

/// A unit told apart from the plain unit its last word names: a volume
/// or an area ("1,150 cubic metres" is no length, so it never meets "1.4
/// metres") keeps its dimension (`cubic metr`), met only by the same.
/// (A rate keeps its plain unit: two sides' "2.1 million litres per day"
/// and "at most 800 thousand litres" answer one question as often as not.)
fn measure_kind(unit: String, text: &str) -> String {
    if unit.is_empty() {
        return unit;
    }
    let dimension = words(text).iter().find_map(|w| match w.to_lowercase().as_str() {
        "cubic" | "cu" => Some("cubic "),
        "square" | "sq" => Some("square "),
        _ => None,
    });
    match dimension {
        Some(d) => format!("{d}{unit}"),
        None => unit,
    }
}

/// Numbers written in a text, for claims whose analysis attached none:
/// digits only, with the following word as the unit.
pub fn numbers_in_text(text: &str) -> Vec<NumberFact> {
    let ws = words(text);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        if !is_number(w) {
            continue;
        }
        let Some(value) = parse_number(w) else { continue };
        // Skip years: they date a claim rather than count anything.
        if (1900.0..2100.0).contains(&value) && !w.contains(',') {
            continue;
        }
        // Skip a day of a date ("on 22 November", "November 22"): a
        // disagreeing date is another claim's day, not a rival count, and
        // rejected dates are compared by rule 8 on their own.
        let month = |k: Option<&&str>| k.is_some_and(|m| claimgraph::events::dates::month(m).is_some());
        if value.fract() == 0.0 && value <= 31.0 && (month(ws.get(i + 1)) || month(i.checked_sub(1).map(|k| &ws[k]))) {
            continue;
        }
        // The unit is the head of the noun phrase after the number: the
        // last of the words before a function word ("artillery shells to").
        let unit = ws[i + 1..]
            .iter()
            .map(|u| u.to_lowercase())
            .skip_while(|u| matches!(u.as_str(), "million" | "thousand" | "billion"))
            .take_while(|u| !is_stop(u) && !is_number(u))
            .last()
            .map(|u| stem(&u))
            .unwrap_or_default();
        let scale = match ws.get(i + 1).map(|u| u.to_lowercase()).as_deref() {
            Some("thousand") => 1e3,
            Some("million") => 1e6,
            Some("billion") => 1e9,
            _ => 1.0,
        };
        out.push(NumberFact { value: value * scale, max: None, unit, bound: Bound::Exact, ..Default::default() });
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn share_any_finds_a_common_element_of_sorted_lists() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(share_any(&v(&["#e1", "iran", "russia"]), &v(&["#e9", "russia"])));
        assert!(share_any(&v(&["a"]), &v(&["a"])));
        assert!(!share_any(&v(&["#e1", "iran"]), &v(&["#e2", "russia", "ukraine"])));
        assert!(!share_any(&v(&[]), &v(&["x"])));
    }

    use super::*;

    fn input<'a>(content: &'a str, speaker: &'a str, entities: &[(&str, &str)]) -> ClaimInput<'a> {
        ClaimInput {
            content,
            speaker_entity: None,
            speaker_text: speaker,
            entities: entities.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
            mentions: Vec::new(),
            proposition: None,
            numbers: numbers_in_text(content),
            frames: &[],
            speaker_side: Vec::new(),
            story: Vec::new(),
            cast: Vec::new(),
            denies: false,
        }
    }

    fn arg(text: &str, head: &str) -> Option<ArgumentOut> {
        Some(ArgumentOut { entity: None, text: text.into(), head: head.into() })
    }

    fn prop(actor: &str, pred: &str, obj: (&str, &str), recipient: Option<&str>) -> PropositionOut {
        PropositionOut {
            actor: arg(actor, actor),
            predicate: pred.into(),
            object: arg(obj.0, obj.1),
            recipient: recipient.and_then(|r| arg(r, r)),
            polarity: "affirms".into(),
            negated: false,
            terms: vec![],
            quantities: vec![],
            frames: vec![],
            rejection: false,
            answers: vec![],
        }
    }

    #[test]
    fn buying_from_and_supplying_to_are_one_transfer() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        let p1 = prop("Russia", "purchase", ("1,700 drones", "drone"), Some("Iran"));
        let mut i1 = input("Russia purchased 1,700 drones from Iran", "Budanov", &[]);
        i1.proposition = Some(&p1);
        let p2 = prop("Iran", "supply", ("drones", "drone"), Some("Russia"));
        let mut i2 = input("Iran supplied drones to Russia", "an official", &[]);
        i2.proposition = Some(&p2);
        let (s1, s2) = (a.signature(&i1).unwrap(), a.signature(&i2).unwrap());
        assert!(a.match_score(&s1, &s2, &stats).is_some(), "{s1:?}\n{s2:?}");
        // The reverse direction is another proposition.
        let p3 = prop("Russia", "supply", ("drones", "drone"), Some("Iran"));
        let mut i3 = input("Russia supplied drones to Iran", "x", &[]);
        i3.proposition = Some(&p3);
        let s3 = a.signature(&i3).unwrap();
        assert!(a.match_score(&s3, &s2, &stats).is_none());
        // A different object is another proposition.
        let p4 = prop("Iran", "supply", ("missiles", "missile"), Some("Russia"));
        let mut i4 = input("Iran supplied missiles to Russia", "x", &[]);
        i4.proposition = Some(&p4);
        assert!(a.match_score(&a.signature(&i4).unwrap(), &s2, &stats).is_none());
    }

    #[test]
    fn text_only_alignment_uses_terms_and_names() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        let s1 = a.signature(&input("Iran had delivered attack drones to Russia", "Budanov", &[])).unwrap();
        let s2 = a.signature(&input("Iranian attack drones were delivered to Russia", "Kanani", &[])).unwrap();
        let s3 = a.signature(&input("the harvest in Brazil will be late this year", "Lula", &[])).unwrap();
        assert!(a.match_score(&s1, &s2, &stats).is_some(), "{s1:?}\n{s2:?}");
        assert!(a.match_score(&s1, &s3, &stats).is_none());
        assert!(!a.index_keys(&s1).is_empty());
        assert!(a.index_keys(&s1).iter().any(|k| a.index_keys(&s2).contains(k)));
    }

    /// Rule 7: two sides of one story count one thing that one deed acts
    /// on; they join one proposition, whose numbers then disagree.
    #[test]
    fn two_sides_counting_one_thing_meet() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        let cast = vec!["karsk".to_string(), "lirevia".to_string(), "orlen".to_string()];
        let make = |content: &'static str, speaker: &'static str, side: &str, p: &'static PropositionOut| {
            let mut i = input(content, speaker, &[]);
            i.proposition = Some(p);
            i.cast = cast.clone();
            i.speaker_side = vec![side.to_string()];
            a.signature(&i).expect("a signature")
        };
        let p1: &'static PropositionOut =
            Box::leak(Box::new(prop("Karsk", "fired", ("40,000 shells", "shells"), None)));
        let p2: &'static PropositionOut =
            Box::leak(Box::new(prop("our artillery", "fired", ("not more than 10 thousand shells", "shells"), None)));
        let p3: &'static PropositionOut =
            Box::leak(Box::new(prop("Karsk", "counted", ("40,000 shells", "shells"), None)));
        let p4: &'static PropositionOut = Box::leak(Box::new(prop("Karsk", "fired", ("for 12 days", "days"), None)));
        let s1 = make("Karsk fired 40,000 shells into the valley", "Lirevia", "lirevia", p1);
        let s2 = make("our artillery fired not more than 10 thousand shells", "Colonel Wrobel", "karsk", p2);
        assert_eq!(s1.counts, vec!["shell".to_string()]);
        assert!(a.match_score(&s2, &s1, &stats).is_some(), "{s1:?}\n{s2:?}");
        assert!(a.index_keys(&s2).iter().any(|k| a.index_keys(&s1).contains(k)));
        // Another deed on the same thing, or a count of time, is not met.
        let s3 = make("monitors counted 40,000 shells", "the mission", "mission", p3);
        assert!(counts_meet(&s3, &s1, &stats).is_none());
        let s4 = make("Karsk fired for 12 days", "the mission", "mission", p4);
        assert_eq!(s4.counts, vec!["@duration".to_string()]);
        assert!(counts_meet(&s4, &s1, &stats).is_none());
        // One side does not contradict itself.
        let s5 = make("our artillery fired not more than 10 thousand shells", "the ministry", "lirevia", p2);
        assert!(counts_meet(&s5, &s1, &stats).is_none());
    }

    /// Rule 8: a claim that rejects a figure another side states meets it
    /// before any other rule and contradicts it; the rejected figure is no
    /// figure of its own; the same side, a figure nobody states, or a
    /// small figure without its unit do not meet.
    #[test]
    fn a_rejected_figure_answers_the_claim_that_states_it() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        let cast = vec!["lesbos".to_string(), "turkey".to_string()];
        let n = |v: f64, unit: &str, rejected: bool| NumberFact {
            value: v,
            unit: unit.into(),
            rejected,
            ..Default::default()
        };
        let make = |content: &str, speaker: &str, side: &str, numbers: Vec<NumberFact>| {
            let mut i = input(content, speaker, &[]);
            i.cast = cast.clone();
            i.speaker_side = vec![side.to_string()];
            i.numbers = numbers;
            a.signature(&i).expect("a signature")
        };
        let survivor =
            make("there were 71 people on the boat", "a survivor", "survivor", vec![n(71.0, "peopl", false)]);
        let guard = make(
            "on the boat were around 35 people, not 71",
            "the coast guard",
            "coast guard",
            vec![n(35.0, "peopl", false), n(71.0, "", true)],
        );
        assert_eq!(figure_answered(&guard, &survivor), Some(71.0));
        assert_eq!(figure_answered(&survivor, &guard), Some(71.0));
        assert!(a.match_score(&guard, &survivor, &stats).is_some_and(|s| s >= RULE8_SCORE));
        assert!(a.index_keys(&guard).iter().any(|k| a.index_keys(&survivor).contains(k)));
        assert!(guard.counts.iter().all(|u| u == "people"), "{:?}", guard.counts);
        let facts = |numbers: Vec<NumberFact>, claim: i64| ClaimFacts {
            claim,
            doc: claim,
            origin: claim,
            speaker: Some(claim),
            speaker_key: String::new(),
            affirms: true,
            numbers,
        };
        let (kind, reason) = a
            .relate(
                &facts(vec![n(35.0, "peopl", false), n(71.0, "", true)], 1),
                &facts(vec![n(71.0, "peopl", false)], 2),
            )
            .expect("a relation");
        assert_eq!(kind, RelationKind::Contradicts);
        assert!(reason.contains("rejects the figure"), "{reason}");
        // The same side does not answer itself; a figure nobody states
        // meets nothing; "not three" without its unit is any three.
        let own = make(
            "around 35 people, not 71",
            "the survivors' lawyer",
            "survivor",
            vec![n(35.0, "peopl", false), n(71.0, "", true)],
        );
        assert!(figure_answered(&own, &survivor).is_none());
        let other = make(
            "around 35 people, not 60",
            "the coast guard",
            "coast guard",
            vec![n(35.0, "peopl", false), n(60.0, "", true)],
        );
        assert!(figure_answered(&other, &survivor).is_none());
        let three = make("three crew members were on board", "the ministry", "ministry", vec![n(3.0, "member", false)]);
        let four =
            make("four people, not three", "a witness", "witness", vec![n(4.0, "peopl", false), n(3.0, "", true)]);
        assert!(figure_answered(&four, &three).is_none());
        // In one document, whatever propositions the two joined: the
        // rejected 71 answers the survivor's 71 people, and a bare
        // rejected figure answers no figure of another unit than the one
        // its claim states against it.
        assert_eq!(a.figure_rejected(&guard, &survivor).as_deref(), Some("rejects the figure the other states: 71"));
        let months =
            make("the last inspection was 71 months ago", "an inspector", "inspector", vec![n(71.0, "month", false)]);
        assert!(figure_answered(&guard, &months).is_some());
        assert!(a.figure_rejected(&guard, &months).is_none());
    }

    /// Rule 8 for dates: a date set against another is rejected and
    /// answers the same date stated by another side of the article.
    #[test]
    fn a_rejected_date_answers_the_claim_that_states_it() {
        let lawyer = ClaimDates::of("the notice reached her not on 2 October but on 29 October, by post");
        assert_eq!(lawyer, ClaimDates { stated: vec![(29, 10)], rejected: vec![(2, 10)] });
        let sample = ClaimDates::of("the collection was done on 16 August, not on 14 August as they say");
        assert_eq!(sample, ClaimDates { stated: vec![(16, 8)], rejected: vec![(14, 8)] });
        let federation = ClaimDates::of("she was informed officially on 2 October");
        assert_eq!(federation.stated, vec![(2, 10)]);
        // A negated date alone, or "may" as a verb, is neither.
        assert_eq!(ClaimDates::of("the vote was not on 12 May"), ClaimDates::default());
        assert_eq!(ClaimDates::of("they may 3 times refuse"), ClaimDates::default());
        let side = |s: &str| vec![s.to_string()];
        assert!(date_rejected(&lawyer, &side("lawyer"), &federation, &side("federation")).is_some());
        assert!(date_rejected(&federation, &side("federation"), &lawyer, &side("lawyer")).is_some());
        assert!(date_rejected(&lawyer, &side("federation"), &federation, &side("federation")).is_none());
        assert!(date_rejected(&sample, &side("lawyer"), &federation, &side("federation")).is_none());
    }

    /// Rule 7 for tolls: two sides' counts of one story's wounded meet
    /// whatever people and verbs they name, and their numbers disagree;
    /// a count of another fate, or one from the same side, does not meet.
    #[test]
    fn two_sides_counting_one_toll_meet_and_disagree() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        let cast = vec!["dorvane".to_string(), "petrolink".to_string()];
        let toll = |fate: &str, v: f64| NumberFact { value: v, unit: format!("~{fate}"), ..Default::default() };
        let make = |content: &str, speaker: &str, side: &str, numbers: Vec<NumberFact>| {
            let mut i = input(content, speaker, &[]);
            i.cast = cast.clone();
            i.speaker_side = vec![side.to_string()];
            i.numbers = numbers;
            a.signature(&i).expect("a signature")
        };
        let company = make("nine employees were injured", "Petrolink", "petrolink", vec![toll("wounded", 9.0)]);
        let union = make("17 workers were wounded in the blast", "the union", "union", vec![toll("wounded", 17.0)]);
        assert_eq!(company.counts, vec!["~wounded".to_string()]);
        assert!(counts_meet(&union, &company, &stats).is_some());
        assert!(a.index_keys(&union).iter().any(|k| a.index_keys(&company).contains(k)));
        let dead = make("two workers were killed", "the union", "union", vec![toll("dead", 2.0)]);
        assert!(counts_meet(&dead, &company, &stats).is_none());
        let own = make("17 workers were wounded in the blast", "Petrolink", "petrolink", vec![toll("wounded", 17.0)]);
        assert!(counts_meet(&own, &company, &stats).is_none());
        // One noun whose verbs differ ("injured", "wounded"): the toll
        // still meets, though the noun's count is found first.
        let workers = |v: f64| NumberFact { value: v, unit: "workers".to_string(), ..Default::default() };
        let injured =
            make("9 workers were injured", "Petrolink", "petrolink", vec![workers(9.0), toll("wounded", 9.0)]);
        let wounded = make("17 workers were wounded", "the union", "union", vec![workers(17.0), toll("wounded", 17.0)]);
        assert!(injured.counts.len() == 2 && injured.counts[0] != "~wounded", "{:?}", injured.counts);
        assert_eq!(counts_meet(&wounded, &injured, &stats), Some("~wounded"));
        // Tolls compare with tolls only, apart from the other numbers.
        let x = [toll("wounded", 9.0), NumberFact { value: 3.0, ..Default::default() }];
        let y = [toll("wounded", 17.0)];
        assert_eq!(numbers_disagree(&x, &y).map(|(a, b, _)| (a, b)), Some((9.0, 17.0)));
        assert!(numbers_disagree(&x, &[toll("wounded", 10.0)]).is_none());
        assert!(numbers_disagree(&x, &[toll("dead", 17.0)]).is_none());
    }

    fn facts(claim: i64, doc: i64, origin: i64, speaker: i64, affirms: bool, n: Option<f64>) -> ClaimFacts {
        ClaimFacts {
            claim,
            doc,
            origin,
            speaker: Some(speaker),
            speaker_key: String::new(),
            affirms,
            numbers: n
                .map(|v| NumberFact { value: v, unit: "shell".into(), ..Default::default() })
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn relation_rule() {
        let a = RuleAligner::default();
        // Opposite polarity inside one article, different speakers.
        assert_eq!(
            a.relate(&facts(2, 1, 1, 7, false, None), &facts(1, 1, 1, 8, true, None)).unwrap().0,
            RelationKind::Contradicts
        );
        // Same speaker, same article: nothing.
        assert!(a.relate(&facts(2, 1, 1, 7, false, None), &facts(1, 1, 1, 7, true, None)).is_none());
        // Same polarity, independent origins, different speakers.
        assert_eq!(
            a.relate(&facts(2, 2, 2, 7, true, None), &facts(1, 1, 1, 8, true, None)).unwrap().0,
            RelationKind::Corroborates
        );
        // A reprint (same origin) does not corroborate.
        assert!(a.relate(&facts(2, 2, 1, 7, true, None), &facts(1, 1, 1, 8, true, None)).is_none());
        // Same speaker elsewhere: not corroboration.
        assert!(a.relate(&facts(2, 2, 2, 7, true, None), &facts(1, 1, 1, 7, true, None)).is_none());
        // Disagreeing numbers.
        let r = a.relate(&facts(2, 2, 2, 7, true, Some(40_000.0)), &facts(1, 1, 1, 8, true, Some(10_000.0))).unwrap();
        assert_eq!(r.0, RelationKind::Contradicts);
        assert!(r.1.contains("40000 vs 10000"), "{}", r.1);
        // Close numbers agree.
        let r = a.relate(&facts(2, 2, 2, 7, true, Some(1_700.0)), &facts(1, 1, 1, 8, true, Some(1_650.0))).unwrap();
        assert_eq!(r.0, RelationKind::Corroborates);
    }

    fn frame(actor: Option<&str>, pred: &str, obj: Option<(&str, &str)>) -> FrameOut {
        FrameOut {
            predicate: pred.into(),
            actor: actor.and_then(|a| arg(a, a)),
            object: obj.and_then(|(t, h)| arg(t, h)),
            recipient: None,
            negated: false,
            quantities: vec![],
        }
    }

    #[test]
    fn shared_frames_align_claims_whatever_their_main_clause() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        // "scrambled jets to intercept Kesh aircraft that entered the
        // airspace" and "Kesh aircraft never entered the airspace".
        let f1 = [frame(Some("Kesh military aircraft"), "enter", Some(("Valdorian airspace", "airspace")))];
        let mut i1 = input("it scrambled jets to intercept Kesh aircraft that entered Valdorian airspace", "x", &[]);
        i1.frames = &f1;
        let f2 = [frame(Some("Kesh aircraft"), "cross", Some(("the border", "border")))];
        let mut i2 = input("Kesh aircraft had not crossed the border", "y", &[]);
        i2.frames = &f2;
        let (s1, s2) = (a.signature(&i1).unwrap(), a.signature(&i2).unwrap());
        assert!(a.match_score(&s1, &s2, &stats).is_some(), "{s1:?}\n{s2:?}");
        // An intrusion by an unnamed actor does not align across documents,
        // but inside one article it is the same event (rule 4).
        let f3 = [frame(None, "violation", None)];
        let mut i3 = input("This is the ninth violation since January", "z", &[]);
        i3.frames = &f3;
        let s3 = a.signature(&i3).unwrap();
        assert!(a.match_score(&s3, &s2, &stats).is_none());
        assert!(a.same_event_in_document(&s3, &s2).is_some());
        // A ship hit and a vessel not struck: one event in one article.
        let f4 = [frame(None, "hit", Some(("the ship", "ship")))];
        let f5 = [frame(None, "strike", Some(("the vessel", "vessel")))];
        let (mut i4, mut i5) = (input("the ship was hit", "w", &[]), input("the vessel had not been struck", "v", &[]));
        i4.frames = &f4;
        i5.frames = &f5;
        let (s4, s5) = (a.signature(&i4).unwrap(), a.signature(&i5).unwrap());
        assert_eq!(a.same_event_in_document(&s4, &s5).as_deref(), Some("same event in the same article (attack|ship)"));
    }

    #[test]
    fn the_accused_side_denying_the_event_contradicts() {
        let a = RuleAligner::default();
        let fa = [frame(Some("Russian warplanes"), "target", Some(("a market", "market")))];
        let fd = [frame(Some("the strikes"), "target", Some(("any civilian objects", "object")))];
        let (mut ia, mut id) = (
            input("Russian warplanes targeting a market", "monitor", &[]),
            input("the strikes did not target any civilian objects", "ministry", &[]),
        );
        ia.frames = &fa;
        id.frames = &fd;
        let (sa, sd) = (a.signature(&ia).unwrap(), a.signature(&id).unwrap());
        let russia = [fold_proper("russian")];
        assert!(a.accused_denies(&russia, &sd, &sa, &["levant".to_string()]).is_some());
        // Another side's denial, or an allegation by the same side: nothing.
        assert!(a.accused_denies(&["iran".to_string()], &sd, &sa, &[]).is_none());
        assert!(a.accused_denies(&russia, &sd, &sa, &russia).is_none());
        // Another kind of event: nothing.
        let fo = [frame(Some("the ministry"), "meet", Some(("the envoys", "envoy")))];
        let mut io = input("the ministry did not meet the envoys", "ministry", &[]);
        io.frames = &fo;
        let so = a.signature(&io).unwrap();
        assert!(a.accused_denies(&russia, &so, &sa, &[]).is_none());
    }

    fn frame_neg(actor: Option<&str>, pred: &str, obj: Option<(&str, &str)>) -> FrameOut {
        FrameOut { negated: true, ..frame(actor, pred, obj) }
    }

    #[test]
    fn a_blanket_denial_meets_another_sides_account_of_that_kind_of_deed() {
        let a = RuleAligner::default();
        // "The warden said guards never beat anyone" against an inmate's
        // "they were tortured with cables": one kind of deed.
        let fd = [frame_neg(Some("guards"), "beat", Some(("anyone", "anyone")))];
        let fa = [frame(None, "tortured", Some(("they", "they")))];
        let (mut id, mut ia) = (
            input("guards never beat anyone", "the warden", &[]),
            input("they were tortured with cables", "a former inmate", &[]),
        );
        id.frames = &fd;
        ia.frames = &fa;
        let (sd, sa) = (a.signature(&id).unwrap(), a.signature(&ia).unwrap());
        assert_eq!(sd.blanket, vec!["mistreat|".to_string()]);
        assert!(a.accused_denies(&[], &sd, &sa, &[]).is_some());
        // "No force was used" is a blanket denial of the same kind.
        let ff = [frame_neg(None, "use", Some(("No force", "force")))];
        let mut i_force = input("No force was used", "the warden", &[]);
        i_force.frames = &ff;
        let sf = a.signature(&i_force).unwrap();
        assert!(a.accused_denies(&[], &sf, &sa, &[]).is_some());
        // Denying a deed done to someone named is not blanket.
        let fn_ = [frame_neg(Some("guards"), "beat", Some(("the cook", "cook")))];
        let mut in_ = input("guards did not beat the cook", "the warden", &[]);
        in_.frames = &fn_;
        assert!(a.accused_denies(&[], &a.signature(&in_).unwrap(), &sa, &[]).is_none());
        // Another kind of deed, another named actor, or one side against
        // itself: nothing.
        let fo = [frame(None, "kill", Some(("two guards", "guard")))];
        let mut io = input("two guards were killed", "a relative", &[]);
        io.frames = &fo;
        assert!(a.accused_denies(&[], &sd, &a.signature(&io).unwrap(), &[]).is_none());
        let fx = [frame(Some("Brennish soldiers"), "beat", Some(("the prisoners", "prisoner")))];
        let fy = [frame_neg(Some("Tolvan guards"), "beat", Some(("anyone", "anyone")))];
        let (mut ix, mut iy) = (
            input("Brennish soldiers beat the prisoners", "x", &[]),
            input("Tolvan guards never beat anyone", "y", &[]),
        );
        ix.frames = &fx;
        iy.frames = &fy;
        assert!(a.accused_denies(&[], &a.signature(&iy).unwrap(), &a.signature(&ix).unwrap(), &[]).is_none());
        let side = ["tolv".to_string()];
        assert!(a.accused_denies(&side, &sd, &sa, &side).is_none());
    }

    #[test]
    fn killings_deaths_and_beheadings_are_one_kind_of_deed() {
        let a = RuleAligner::default();
        // "There were no deaths" against "the gunmen beheaded a farmer".
        let fd = [frame_neg(None, "death", None)];
        let fa = [frame(Some("the gunmen"), "behead", Some(("a farmer", "farmer")))];
        let (mut id, mut ia) = (
            input("there were no deaths", "the governor", &[]),
            input("the gunmen beheaded a farmer", "a witness", &[]),
        );
        id.frames = &fd;
        ia.frames = &fa;
        let (sd, sa) = (a.signature(&id).unwrap(), a.signature(&ia).unwrap());
        assert_eq!(
            a.accused_denies(&[], &sd, &sa, &[]).as_deref(),
            Some("denies any kill of the kind another side tells")
        );
        // The same kind of deed keys one frame: "the murder of the judge"
        // and "the judge was not killed".
        let f1 = [frame(None, "murder", Some(("the judge", "judge")))];
        let f2 = [frame_neg(None, "killed", Some(("the judge", "judge")))];
        let (mut i1, mut i2) =
            (input("the murder of the judge", "x", &[]), input("the judge was not killed", "y", &[]));
        i1.frames = &f1;
        i2.frames = &f2;
        assert!(a.same_event_in_document(&a.signature(&i1).unwrap(), &a.signature(&i2).unwrap()).is_some());
    }

    /// Rule 7: a corrected count ("only", "not", "no more than") meets the
    /// other side's count of its unit whatever verbs the two use; a
    /// correction of another unit ("only 14 guards") does not.
    #[test]
    fn a_corrected_count_meets_whatever_the_verbs() {
        let counts = |u: &[&str]| u.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(corrected_units("only 12,400 ballots had been rejected", &counts(&["ballot"])), counts(&["ballot"]));
        assert_eq!(corrected_units("fired not more than 10 thousand shells", &counts(&["shell"])), counts(&["shell"]));
        assert_eq!(corrected_units("roughly 4,000 tonnes of aid, not 12,500.", &counts(&["tonn"])), counts(&["tonn"]));
        assert!(corrected_units("1,240 inmates, with only 14 guards", &counts(&["inmat"])).is_empty());
        assert!(corrected_units("180,000 ballots were thrown out", &counts(&["ballot"])).is_empty());
        // A cap of "less than", a number in words.
        assert_eq!(
            corrected_units("counted less than two tonnes of fish", &counts(&["kilogram"])),
            counts(&["kilogram"])
        );
        assert_eq!(corrected_units("only three districts are touched", &counts(&["district"])), counts(&["district"]));
    }

    #[test]
    fn numbers_compare_as_the_intervals_their_words_state() {
        let q = |text: &str, value: f64, unit: &str, content: &str| {
            let start = content.find(text).map_or(0, |b| content[..b].chars().count());
            let q = claimgraph::output::QuantityOut {
                value,
                max: None,
                unit: unit.into(),
                text: text.into(),
                start: 10 + start,
                end: 10 + start + text.chars().count(),
                approximate: false,
                per: None,
                claim: None,
                range_end: false,
            };
            number_fact(&q, content, 10)
        };
        let c1 = "the company has already collected more than 250 barrels";
        let c2 = "the difference is not more than 320 barrels";
        let floor = q("more than 250 barrels", 250.0, "barrels", c1).expect("a figure");
        let cap = q("more than 320 barrels", 320.0, "barrels", c2).expect("a figure");
        assert_eq!((floor.bound, cap.bound), (Bound::Floor, Bound::Cap));
        // A floor and a cap that overlap agree; disjoint ones do not.
        assert!(numbers_disagree(std::slice::from_ref(&floor), std::slice::from_ref(&cap)).is_none());
        let c3 = "about 2,100 barrels";
        let exact = q("about 2,100 barrels", 2100.0, "barrels", c3).expect("a figure");
        assert!(numbers_disagree(std::slice::from_ref(&exact), &[cap]).is_some());
        assert!(numbers_disagree(&[exact], &[floor]).is_none());
        assert_eq!(q("48 hours", 48.0, "hours", "sent at least 48 hours before").map(|n| n.bound), Some(Bound::Floor));
        // A number the claim rejects for another is none of its figures.
        let c4 = "demanded 4 million euros, not 2.8 million";
        assert!(q("2.8 million", 2_800_000.0, "", c4).is_some_and(|n| n.rejected));
        assert!(q("4 million euros", 4_000_000.0, "euros", c4).is_some_and(|n| n.stated()));
        let c5 = "about 1.4 million litres of diesel, not the 2 million litres reported";
        assert!(q("2 million litres", 2_000_000.0, "litres", c5).is_some_and(|n| n.rejected));
        // A quotation may open at the "not".
        let c6 = "the real number was 112, \"not 87 like the authorities say.\"";
        assert!(q("87", 87.0, "", c6).is_some_and(|n| n.rejected));
        // The unit the analysis gave a bare rejected number from the figure
        // it stands against is not its own; a sign is.
        assert!(q("87", 87.0, "people", c6).is_some_and(|n| n.rejected && n.unit.is_empty()));
        // A figure compared "than the N" and reported is another's; a
        // reference that nobody reports is not.
        let c7 = "about 2,100 barrels, seven times more than the 300 barrels which were announced by the operator";
        assert!(q("300 barrels", 300.0, "barrels", c7).is_some_and(|n| n.rejected));
        let c8 = "the cargo weighed more than the 560 tonnes allowed on the ferry";
        assert!(q("560 tonnes", 560.0, "tonnes", c8).is_some_and(|n| n.stated()));
        // A rejected number takes the scale of the figure it stands against.
        let c9 = "The deficit this year will be 218 billion, not 230, and it is falling";
        assert!(q("230", 230.0, "", c9).is_some_and(|n| n.rejected && n.value == 230e9));
        assert_eq!(fold_unit(&stem("litres")), fold_unit(&stem("liters")));
        // A mark of several bytes between a determiner and the number.
        assert!(q("10 percent", 10.0, "percent", "announced a \u{201c}10 percent\u{201d} cut").is_some());
        // A rejected number in quotation marks, after a determiner or not.
        let rejected = |c: &str| q("2 million", 2_000_000.0, "", c).is_some_and(|n| n.rejected);
        assert!(rejected("1.4 million litres, not a \u{201c}2 million\u{201d}"));
        assert!(rejected("1.4 million litres, not \u{201c}2 million\u{201d}"));
        assert!(q("2 million", 2_000_000.0, "", "a \u{201c}2 million\u{201d} figure").is_some_and(|n| n.stated()));
        // A number the words negate is rejected too; the negation of a
        // bound is a cap, and "not one" says there is none.
        let c10 = "Our engineers measured the dam. There were not 12 thousand tonnes, it is impossible";
        assert!(q("12 thousand tonnes", 12_000.0, "tonnes", c10).is_some_and(|n| n.rejected));
        let c11 = "the difference is not 3 million but at most 1.2 million dollars";
        assert!(q("3 million", 3_000_000.0, "", c11).is_some_and(|n| n.rejected));
        assert!(q("1.2 million dollars", 1_200_000.0, "dollars", c11).is_some_and(|n| n.stated()));
        assert!(q("more than 320 barrels", 320.0, "barrels", c2).is_some_and(|n| n.stated()));
        assert!(q("one hectare", 1.0, "hectare", "not one hectare was cut").is_some_and(|n| n.stated()));
        // A unit of two parts is named by both: a speed.
        let c12 = "the train entered the curve at 104 km/h";
        let speed = q("104 km/h", 104.0, "km/h", c12).expect("a figure");
        assert_eq!((speed.unit.as_str(), fold_unit(&speed.unit)), ("kmh", "speed"));
        let mph = NumberFact { value: 40.0, unit: "mph".into(), ..Default::default() };
        let kmh = |v: f64| NumberFact { value: v, unit: "kmh".into(), ..Default::default() };
        assert!(numbers_disagree(std::slice::from_ref(&speed), &[kmh(62.0)]).is_some());
        assert!(numbers_disagree(&[mph], &[kmh(64.0)]).is_none());
        // A number that is part of a name is no count.
        assert!(q("2 drones", 2.0, "drones", "carried out with Geran-2 drones").is_none());
        // Each kind of quantity is judged apart: agreeing on the days does
        // not settle the flights.
        let n = |v: f64, u: &str, bound: Bound| NumberFact { value: v, unit: stem(u), bound, ..Default::default() };
        assert!(numbers_disagree(
            &[n(340.0, "flights", Bound::Exact), n(2.0, "days", Bound::Exact)],
            &[n(2.0, "days", Bound::Exact), n(520.0, "flights", Bound::Floor)]
        )
        .is_some());
        // The verdict names the nearest pair in the unit class's measure:
        // 100 minutes are nearer two hours than three hours are.
        let d = numbers_disagree(
            &[n(2.0, "hours", Bound::Exact)],
            &[n(3.0, "hours", Bound::Exact), n(100.0, "minutes", Bound::Exact)],
        );
        assert_eq!(d.map(|(x, y, _)| (x, y)), Some((2.0, 100.0)));
        // Shares are compared in points.
        let pc = |v: f64| NumberFact { value: v, unit: "percent".into(), ..Default::default() };
        assert!(numbers_disagree(&[pc(52.3)], &[pc(54.6)]).is_some());
        assert!(numbers_disagree(&[pc(52.3)], &[pc(52.8)]).is_none());
    }

    /// Rule 6: the things a denial says there are none of.
    #[test]
    fn a_denial_of_any_such_thing_names_the_thing() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(nothing_terms("no radio warning was received from the other side"), v(&["radio", "warn"]));
        assert_eq!(nothing_terms("There is no survey, there is no pipeline study"), v(&["pipelin", "study", "survey"]));
        assert_eq!(nothing_terms("Not one delegate was expelled"), v(&["delegat"]));
        assert_eq!(nothing_terms("No such order was given"), v(&["order"]));
        // Idioms and bounds deny no thing of the story.
        assert!(nothing_terms("he has no chance of winning").is_empty());
        assert!(nothing_terms("I have no special interest").is_empty());
        assert!(nothing_terms("no more than 40 people").is_empty());
    }

    #[test]
    fn inventories_people_and_amounts_meet_as_rule_7_says() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        let cast = vec!["dalmora".to_string(), "keszvar".to_string()];
        let make = |content: &'static str, speaker: &'static str, side: &str| {
            let mut i = input(content, speaker, &[]);
            i.cast = cast.clone();
            i.speaker_side = vec![side.to_string()];
            a.signature(&i).expect("a signature")
        };
        // Two things counted by both sides: one inventory.
        let s1 = make("about 4,500 soldiers, 60 tanks and 30 helicopters are gathered", "the ministry", "keszvar");
        let s2 = make("at the exercise participate 2,800 soldiers and 24 tanks", "the minister", "dalmora");
        assert!(counts_meet(&s2, &s1, &stats).is_some());
        let s3 = make("2,800 soldiers took part in the exercise", "the minister", "dalmora");
        assert!(counts_meet(&s3, &s1, &stats).is_none());
        // Rival figures: one figure of one rare thing each, two more
        // shared words of what is done with it, no part of a whole.
        let r1 =
            make("the ship was 11 nautical miles from the coast, inside the territorial waters", "the navy", "keszvar");
        let r2 = make(
            "the ship was 6 nautical miles from the coast, outside the territorial waters",
            "the owner",
            "dalmora",
        );
        assert!(counts_meet(&r2, &r1, &stats).is_some());
        let r3 =
            make("2 of the 11 nautical miles from the coast were in the territorial waters", "the owner", "dalmora");
        assert!(r3.single.is_empty() && counts_meet(&r3, &r1, &stats).is_none());
        let r4 = make("the state delivered 48 thousand tents", "the governor", "keszvar");
        let r5 = make("the village received 25 tents", "the mayor", "dalmora");
        assert!(counts_meet(&r5, &r4, &stats).is_none());
        // Trawlers and vessels are one kind of thing; people as such are
        // counted, but a count over years is background.
        assert_eq!(fold_head(&stem("trawlers")), fold_head(&stem("vessels")));
        assert_eq!(make("rescued all 87 persons", "x", "ngo").counts, vec!["people".to_string()]);
        assert!(make("has rescued more than 4,300 persons at sea this year", "y", "guard").counts.is_empty());
        assert_eq!(make("this year 14 pilots have left the airline", "z", "union").counts, vec![stem("pilots")]);
        // Durations: a correction or cap, one duration each, a shared word.
        let d1 = make("the suspension of the transmission lasted only 40 minutes", "the party", "prn");
        let d2 = make("the transmission had been suspended for about 90 minutes", "the council", "council");
        assert_eq!(d1.counts, vec!["@duration".to_string()]);
        assert_eq!(d1.corrects, vec!["@duration".to_string()]);
        assert!(d2.corrects.is_empty());
        let d3 = make("the fire burned for about 90 minutes", "the brigade", "brigade");
        assert!(counts_meet(&d3, &d1, &stats).is_none());
        let d4 = make("the alert came at 4 hours and the boat 20 minutes later", "the guard", "guard");
        assert!(d4.counts.is_empty());
        // A cap whose words reach four words back from the unit is a mark;
        // a floor is none, whatever its words.
        let marked = |text: &str| amount_marked(text, "@duration");
        assert!(marked("the leak lasted not more than four hours"));
        assert!(marked("it lasted only about 40 minutes"));
        assert!(marked("the boat arrived only after two hours"));
        assert!(amount_marked("not even one rupee is pending", "@money/rupee"));
        assert!(marked("at most 12 thousand 500 hours"));
        assert!(marked("it took 40 minutes only"));
        assert!(!marked("it lasted not less than four hours"));
        assert!(!marked("it lasted more than twelve hours"));
        assert!(!marked("it lasted just over two hours"));
        assert!(!marked("the recall will be carried out within 48 hours"));
        assert!(!marked("it took 40 minutes. Only then did they come"));
        assert!(amount_marked("1.2 million dollars, not three million", "@money/dollar"));
        assert!(!amount_marked("arrears crossed 4.2 crore rupees. Only promises", "@money/rupee"));
        // "the real X is N" states N against another's figure; "a real
        // threat of N" does not. Currencies of smaller economies are sums.
        assert!(amount_marked("the real loss is more than 150 million ariary", "@money/ariary"));
        assert!(amount_marked("the actual cost was 3 billion forints", "@money/forint"));
        assert!(!amount_marked("a real loss of 150 million ariary", "@money/ariary"));
        assert!(!amount_marked("losses are estimated at 38 million ariary", "@money/ariary"));
        // Shares: one each, a correction and a shared word of what the
        // share is of.
        let p1 = make("the price of amoxicillin from distributors has risen 35 percent", "the association", "apai");
        let p2 = make("the increase of the price of amoxicillin is only 8 percent", "the ministry", "ministry");
        assert_eq!(
            (p1.counts.clone(), p2.corrects.clone()),
            (vec![SHARE_AMOUNT.to_string()], vec![SHARE_AMOUNT.to_string()])
        );
        assert_eq!(counts_meet(&p2, &p1, &stats), Some(SHARE_AMOUNT));
        let p3 = make("the turnout in the capital was 48 percent", "the commission", "ministry");
        assert!(counts_meet(&p3, &p1, &stats).is_none());
        let p4 = make("the price of bread has risen 12 percent", "the bakers", "bakers");
        assert!(counts_meet(&p4, &p1, &stats).is_none(), "no correction");
        let p5 = make("amoxicillin prices from distributors were up 9 percent", "the ministry", "ministry");
        assert!(counts_meet(&p5, &p1, &stats).is_none(), "no correction");
        let p6 = make("35 percent of pharmacies and 20 percent of clinics lack amoxicillin", "the union", "union");
        assert!(p6.counts.is_empty(), "two shares: no one share of one thing");
    }

    #[test]
    fn units_written_two_ways_count_one_thing() {
        let km = |v: f64, u: &str| NumberFact { value: v, unit: stem(u), ..Default::default() };
        assert!(numbers_disagree(&[km(250.0, "kilometers")], &[km(600.0, "km")]).is_some());
        assert!(numbers_disagree(&[km(250.0, "kilometres")], &[km(255.0, "km")]).is_none());
        // Different units are not compared; one measure in two units is.
        assert!(numbers_disagree(&[km(250.0, "kilometers"), km(3.0, "minutes")], &[km(600.0, "kilograms")]).is_none());
        assert!(numbers_disagree(&[km(160.0, "kilometers")], &[km(100.0, "miles")]).is_none());
        assert!(numbers_disagree(&[km(40.0, "minutes")], &[km(4.0, "hours")]).is_some());
        assert!(numbers_disagree(&[km(300.0, "kilograms")], &[km(0.3, "tonnes")]).is_none());
        // The same distance as a frame's head: "flew 600 km", "flew about
        // 250 kilometers" share a frame.
        let f1 = [frame(Some("the rocket"), "fly", Some(("600 km", "km")))];
        let f2 = [frame(None, "fly", Some(("about 250 kilometers", "kilometer")))];
        let (mut i1, mut i2) =
            (input("the rocket flew 600 km", "x", &[]), input("it flew about 250 kilometers", "y", &[]));
        i1.frames = &f1;
        i2.frames = &f2;
        assert_eq!(a_frames(&i1), a_frames(&i2));
    }

    #[test]
    fn one_object_under_other_verbs_is_another_proposition() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        // For a named object and a common one: (actor, object head, three
        // claims as (verb, object, content)): the first two differ in their
        // verb, the third has the first one's verb.
        let cases = [
            (
                "the senator",
                "Okafor",
                [
                    ("criticise", "Governor Okafor", "the senator criticised Governor Okafor"),
                    ("praise", "Okafor", "the senator praised Okafor"),
                    ("criticise", "Okafor", "the senator did not criticise Okafor"),
                ],
            ),
            (
                "the Liberal leader",
                "return",
                [
                    ("release", "her tax returns", "the Liberal leader released her tax returns"),
                    ("question", "his tax returns", "the Liberal leader questioned his tax returns"),
                    ("release", "tax returns", "the Liberal leader never released tax returns"),
                ],
            ),
        ];
        for (actor, head, claims) in cases {
            let props = claims.map(|(verb, object, _)| prop(actor, verb, (object, head), None));
            let sigs: Vec<PropSignature> = claims
                .iter()
                .zip(&props)
                .zip(["x", "y", "z"])
                .map(|(((_, _, content), p), speaker)| {
                    let mut i = input(content, speaker, &[]);
                    i.proposition = Some(p);
                    a.signature(&i).unwrap()
                })
                .collect();
            assert!(a.match_score(&sigs[0], &sigs[1], &stats).is_none(), "{:?}\n{:?}", sigs[0], sigs[1]);
            // The same verb about the same object is one proposition.
            assert!(a.match_score(&sigs[2], &sigs[0], &stats).is_some(), "{}", claims[2].2);
        }
    }

    fn a_frames(i: &ClaimInput<'_>) -> Vec<String> {
        RuleAligner::default().signature(i).map(|s| s.frames).unwrap_or_default()
    }

    #[test]
    fn numbers_are_read_with_units() {
        let n = numbers_in_text("Russia fired 40,000 shells and 2 million rounds in 2022");
        assert_eq!(n.len(), 2);
        assert_eq!(n[0].value, 40_000.0);
        assert_eq!(n[0].unit, stem("shells"));
        assert_eq!(n[1].value, 2e6);
    }

    #[test]
    fn days_of_dates_count_nothing() {
        assert!(numbers_in_text("the drone crossed into Thailand on 22 November").is_empty());
        assert!(numbers_in_text("the salary will be paid before December 5").is_empty());
        let n = numbers_in_text("22 soldiers crossed the border in November");
        assert_eq!(n.len(), 1, "a count beside a month in another phrase stays");
    }

    #[test]
    fn volumes_and_areas_keep_their_dimension() {
        assert_eq!(measure_kind(stem("metres"), "1,150 cubic metres"), format!("cubic {}", stem("metres")));
        assert_eq!(measure_kind(stem("kilometres"), "40 square kilometres"), format!("square {}", stem("kilometres")));
        assert_eq!(measure_kind(stem("metres"), "1.4 metres"), stem("metres"));
        assert_eq!(measure_kind(String::new(), "cubic"), "");
    }

    fn den<'a>(content: &'a str, speaker: &'a str, frames: &'a [FrameOut]) -> ClaimInput<'a> {
        ClaimInput { frames, denies: true, ..input(content, speaker, &[]) }
    }

    fn aff<'a>(content: &'a str, speaker: &'a str, frames: &'a [FrameOut]) -> ClaimInput<'a> {
        ClaimInput { frames, ..input(content, speaker, &[]) }
    }

    #[test]
    fn a_denial_meets_the_decisive_deed_another_side_tells_in_its_article() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        // Rule 6: "the rumors about the death of two protesters are
        // fabricated and no one was killed" against "two young farmers died
        // in the hospital": one kind of deed, told as an event by both.
        let fd = [frame(None, "death", Some(("two protesters", "protester"))), frame_neg(None, "killed", None)];
        let fa = [frame(Some("two young farmers"), "died", None)];
        let sd = a
            .signature(&den(
                "The rumors about the death of two protesters are fabricated and no one was killed",
                "the judiciary",
                &fd,
            ))
            .unwrap();
        let sa = a.signature(&aff("two young farmers died in the hospital", "a rights group", &fa)).unwrap();
        assert!(sd.deed.contains(&"@kill".to_string()), "{:?}", sd.deed);
        let why = a.denial_answers(&sd, &sa, &stats).unwrap();
        assert!(why.contains("kill"), "{why}");
        // The word alone, not told as an event ("the killing fields"), or
        // an affirmation that names it without telling it, does not.
        let sn = a.signature(&aff("a film about the killing fields was shown", "a critic", &[])).unwrap();
        assert!(a.denial_answers(&sd, &sn, &stats).is_none());
        // A denial negating another event of its own ("did not visit")
        // does not deny the deed it also tells.
        let fv =
            [frame(None, "died", None), frame_neg(Some("the minister"), "visit", Some(("the hospital", "hospital")))];
        let sv = a.signature(&den("the minister did not visit the hospital where two farmers died", "x", &fv)).unwrap();
        assert!(a.denial_answers(&sv, &sa, &stats).is_none());
        // One side does not contradict itself; two affirmations neither.
        let mut own = sd.clone();
        own.side = vec!["isfahan".into()];
        let mut own_a = sa.clone();
        own_a.side = vec!["isfahan".into()];
        assert!(a.denial_answers(&own, &own_a, &stats).is_none());
        assert!(a.denial_answers(&sa, &sa, &stats).is_none());
    }

    #[test]
    fn a_denial_meets_a_deed_it_tells_with_two_more_shared_words() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        // "Women were found working together with men in the offices" and
        // "in their office not even one woman came, all of them are working
        // from home": working, woman, office.
        let fa = [frame(None, "find", Some(("women", "women")))];
        let fd = [frame(Some("all of them"), "working", None)];
        let sa = a
            .signature(&aff(
                "in the offices women were found working together with men, without hijab",
                "the deputy minister",
                &fa,
            ))
            .unwrap();
        let sd = a
            .signature(&den(
                "in their office not even one woman came since last year, all of them are working from home",
                "an employee",
                &fd,
            ))
            .unwrap();
        let why = a.denial_answers(&sd, &sa, &stats).unwrap();
        assert!(why.starts_with("denies the deed another side tells (work: "), "{why}");
        // One more shared word is not enough: "women can continue to work
        // in health" shares working and woman only.
        let sw = a.signature(&aff("the women can continue working in the health sector", "the minister", &[])).unwrap();
        assert!(a.denial_answers(&sd, &sw, &stats).is_none());
        // Words every story uses never count, names neither.
        let sp = a
            .signature(&aff("people in Kabul were working in the country, officials said", "the minister", &[]))
            .unwrap();
        assert!(a.denial_answers(&sd, &sp, &stats).is_none());
    }

    #[test]
    fn a_denial_meets_the_event_it_denies_in_another_article_of_its_story() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        let cast = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        // "The Havstjerne had switched off its transponder" against "the
        // transponder of the vessel was never switched off", two articles
        // quoting the same people about the same places.
        let fa = [frame(Some("the Havstjerne"), "switched", Some(("its transponder", "transponder")))];
        let fd = [frame_neg(None, "switched", Some(("The transponder of the vessel", "transponder")))];
        let mut ia = aff("a survey ship, the Havstjerne, had switched off its transponder", "two officials", &fa);
        ia.cast = cast(&["havstjern", "marenland", "ostrevia", "velkov"]);
        let mut id = den("The transponder of the vessel was never switched off", "the foreign minister", &fd);
        id.cast = cast(&["heyden", "marenland", "ostrevia", "velkov"]);
        let (sa, sd) = (a.signature(&ia).unwrap(), a.signature(&id).unwrap());
        assert!(a.match_score(&sd, &sa, &stats).is_some(), "{sd:?}\n{sa:?}");
        assert!(a.match_score(&sa, &sd, &stats).is_some());
        // The deed keys find each other.
        assert!(a.index_keys(&sd).iter().any(|k| a.index_keys(&sa).contains(k)));
        // Articles of other stories (casts that do not meet), the same
        // polarity, or one speaker against themselves: no match.
        let mut other = sd.clone();
        other.cast = cast(&["kesh", "valdoria"]);
        assert!(a.match_score(&other, &sa, &stats).is_none());
        let mut both_deny = sa.clone();
        both_deny.denies = true;
        assert!(a.match_score(&sd, &both_deny, &stats).is_none());
        let mut himself = sd.clone();
        himself.speaker = sa.speaker.clone();
        assert!(a.match_score(&himself, &sa, &stats).is_none());
        // A decisive deed the denial tells as an event and the
        // affirmation names, with one more term: "officers had beaten an
        // employee" (denied) and "three employees, one of whom was brutally
        // beaten".
        let fb = [frame(Some("officers"), "beaten", Some(("an employee", "employee")))];
        let mut ib = den("officers had beaten an employee of the health centre", "the police", &fb);
        ib.cast = ia.cast.clone();
        let mut ie = aff("the police arrested three employees, one of whom was brutally beaten", "the office", &[]);
        ie.cast = ia.cast.clone();
        let (sb, se) = (a.signature(&ib).unwrap(), a.signature(&ie).unwrap());
        assert!(a.match_score(&sb, &se, &stats).is_some(), "{sb:?}\n{se:?}");
        // Without a second shared term, no.
        let mut ig = aff("a protester was brutally beaten", "the office", &[]);
        ig.cast = ia.cast.clone();
        assert!(a.match_score(&sb, &a.signature(&ig).unwrap(), &stats).is_none());
        // Sharing the event but not what it acts on is not enough across
        // articles: "switched off the lights".
        let fl = [frame(None, "switched", Some(("the lights", "light")))];
        let mut il = aff("the crew switched off the lights", "a sailor", &fl);
        il.cast = ia.cast.clone();
        assert!(a.match_score(&sd, &a.signature(&il).unwrap(), &stats).is_none());
    }

    #[test]
    fn a_rejection_that_restates_its_allegation_is_told_apart() {
        for t in [
            "the accusation that the mission was carrying construction materials",
            "claims from Belgrade that officers had beaten an employee of a health centre",
            "the statements of Tajik media that Kyrgyz servicemen entered the territory",
            "as \"pure fantasy\" the accusations of Keszvár according to which the aircraft would have violated the airspace",
        ] {
            assert!(restates_allegation(t), "{t}");
        }
        for t in [
            "We consider these allegations to be politically motivated",
            "the accusations of survivors of the shipwreck",
            "receiving any such report",
            "the reports, saying that nothing happened there",
            "the claim that",
            "the claims that were published by the opposition media",
        ] {
            assert!(!restates_allegation(t), "{t}");
        }
    }

    #[test]
    fn a_denial_that_restates_the_affirmation_answers_it() {
        let a = RuleAligner::default();
        let stats = TermStats::default();
        let cast = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        // "The soldiers had threatened anybody" (denied) restates "the
        // soldiers had threatened with weapons": every word of the denial's
        // is the affirmation's, the deed among them.
        let fa = [frame(None, "threatened", None)];
        let fd = [frame_neg(None, "threatened", None)];
        let sa = a
            .signature(&aff("the soldiers had threatened with weapons and cut the rope", "the survivors", &fa))
            .unwrap();
        let sd = a.signature(&den("the soldiers had threatened anybody", "the army spokesman", &fd)).unwrap();
        let why = a.denial_answers(&sd, &sa, &stats).unwrap();
        assert!(why.contains("restates threaten"), "{why}");
        // A denial that tells more than it shares does not restate: the
        // soldiers threatened nobody, the migrants came with knives.
        let fm = [frame_neg(None, "threatened", None), frame(None, "arrived", None)];
        let sm = a
            .signature(&den("the soldiers never threatened; the migrants arrived with knives and sticks", "x", &fm))
            .unwrap();
        assert!(a.denial_answers(&sm, &sa, &stats).is_none());
        // An affirmation that itself negates the deed agrees with the
        // denial ("there was no money paid to anybody").
        let fp = [frame(None, "paid", Some(("any ransom", "ransom")))];
        let fq = [frame(None, "rescued", None), frame_neg(None, "paid", Some(("money", "money")))];
        let mut ip = den("that it had paid any ransom to the kidnappers", "the company", &fp);
        ip.cast = cast(&["bardheer", "faizal", "nisa", "somal"]);
        let mut iq = aff(
            "the engineer was rescued and the kidnappers were killed; there was no ransom paid to the kidnappers",
            "the agency",
            &fq,
        );
        iq.cast = ip.cast.clone();
        let (sp, sq) = (a.signature(&ip).unwrap(), a.signature(&iq).unwrap());
        assert!(a.restates(&sp, &sq, &stats).is_none(), "{sp:?}\n{sq:?}");
        // The same account paying it is restated.
        let fr = [frame(None, "rescued", None), frame(None, "paid", Some(("a ransom", "ransom")))];
        let mut ir = aff("the engineer was rescued after a ransom was paid to the kidnappers", "the agency", &fr);
        ir.cast = ip.cast.clone();
        let sr = a.signature(&ir).unwrap();
        assert!(a.restates(&sp, &sr, &stats).is_some(), "{sp:?}\n{sr:?}");
        // Across articles of one story, either first: "140 thousand votes
        // had appeared in the province of Alto Cuervo" (denied) against
        // "around 140,000 votes from the province of Alto Cuervo had
        // appeared overnight in the system".
        let fv = [frame(None, "appeared", None)];
        let fw = [frame_neg(None, "appeared", None)];
        let mut iv = aff(
            "around 140,000 votes from the northern province of Alto Cuervo had appeared overnight",
            "the campaign director",
            &fv,
        );
        iv.cast = cast(&["benavent", "cuervo", "escalant", "villamil"]);
        let mut iw = den("140 thousand votes had appeared in the province of Alto Cuervo", "the council", &fw);
        iw.cast = cast(&["benavent", "council", "escalant", "villamil"]);
        let (sv, sw) = (a.signature(&iv).unwrap(), a.signature(&iw).unwrap());
        let why = a.restates(&sw, &sv, &stats).unwrap();
        assert!(why.contains("restates appear"), "{why}");
        assert!(a.restates(&sv, &sw, &stats).is_some());
        assert!(a.match_score(&sw, &sv, &stats).is_some());
        // Not in another story, nor by one side, nor between two denials.
        let mut far = sw.clone();
        far.cast = cast(&["kesh", "valdoria"]);
        assert!(a.restates(&far, &sv, &stats).is_none());
        let mut one_side = sw.clone();
        one_side.side = vec!["alliance".into()];
        let mut one_side_v = sv.clone();
        one_side_v.side = vec!["alliance".into()];
        assert!(a.restates(&one_side, &one_side_v, &stats).is_none());
        assert!(a.restates(&sw, &sw, &stats).is_none());
        // Nor of other participants: "reports that Iraq had transferred
        // anti-tank mines to Sudan" (denied) against "Jordanian anti-tank
        // mines were shipped to Sudan".
        let mut named_d = sw.clone();
        named_d.anchors = vec!["iraq".into(), "sudan".into()];
        let mut named_a = sv.clone();
        named_a.anchors = vec!["jordan".into(), "sudan".into()];
        assert!(a.restates(&named_d, &named_a, &stats).is_none());
        named_a.anchors = vec!["iraq".into(), "sudan".into()];
        assert!(a.restates(&named_d, &named_a, &stats).is_some());
    }

    #[test]
    fn sides_that_only_share_a_name_are_two_sides() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(same_side(&v(&["russ"]), &v(&["defens", "russ"])));
        assert!(same_side(&v(&["kesh"]), &v(&["kesh"])));
        assert!(!same_side(&v(&["kosovo", "metohij"]), &v(&["kosovo", "polic", "prishtin"])));
        assert!(!same_side(&v(&[]), &v(&["kesh"])));
        // Named participants clash; common nouns do not.
        let sig = |agent: &str, named: bool| PropSignature {
            anchors: vec![agent.to_string()],
            topics: if named { vec![] } else { vec![agent.to_string()] },
            agent: Some(agent.to_string()),
            ..Default::default()
        };
        assert!(participants_clash(&sig("iran", true), &sig("russia", true)));
        assert!(!participants_clash(&sig("unit", false), &sig("officer", false)));
        assert!(!participants_clash(&sig("iran", true), &sig("iran", true)));
    }

    #[test]
    fn the_cast_of_an_article_counts_people_too() {
        let e = |name: &str, kind: &str, n: usize| claimgraph::output::EntityOut {
            id: name.into(),
            name: name.into(),
            kind: kind.into(),
            aliases: vec![],
            roles: vec![],
            mentions: vec![claimgraph::output::SpanOut { start: 0, end: 1, text: "x".into() }; n],
        };
        let cast = story_cast(&[e("Radomir Velkov", "person", 4), e("Marenland", "location", 3), e("Oct", "other", 1)]);
        assert_eq!(cast, vec!["marenland".to_string(), "oct".to_string(), "velkov".to_string()]);
    }
}
