//! Synthetic news corpora with known answers, for tests and benchmarks.
//!
//! A world of countries, invented people (with spelling variants of their
//! names) and propositions ("Iran supplied 1,700 drones to Russia") is
//! drawn from a seed. Each article reports one to three propositions through
//! claims of several speakers, each speaker always taking the same side of a
//! proposition: those of the accused countries deny, others affirm, and some
//! affirmers give a different number. Some articles are reprints of an
//! earlier one with another headline and footer; some are exact repeats.
//!
//! For every article the generator knows the perfect analysis (a
//! [`DocRecord`] with entities, mentions, claims, quantities and, optionally,
//! propositions), and for the whole corpus the true relations between
//! claims, by the rule of [`crate::align`]: opposite stances contradict;
//! the same stance with numbers more than 10% apart contradicts; the same
//! stance from different speakers in independent articles corroborates;
//! claims of reprints take part in no relation (they are their origin's).
//!
//! The names and sentences are made up; nothing is copied from any corpus.

use claimgraph::document::doc_id;
use claimgraph::output::{
    ArgumentOut, ClaimOut, ContentOut, DocOut, DocRecord, EntityOut, PropositionOut, QuantityOut, SentenceOut, SpanOut,
    SpeakerOut,
};
use serde::{Deserialize, Serialize};

/// A small deterministic random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        crate::norm::mix64(self.0)
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Corpus parameters.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SynthConfig {
    /// Articles to write (repeats included).
    pub docs: usize,
    /// Random seed.
    pub seed: u64,
    /// Share of articles that reprint an earlier one.
    pub reprint_rate: f64,
    /// Share of articles that repeat an earlier one exactly.
    pub repeat_rate: f64,
    /// Fill in claim propositions in the records (as a perfect attribution
    /// stage would); without them the aligner works from text alone.
    pub propositions: bool,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig { docs: 1000, seed: 1, reprint_rate: 0.15, repeat_rate: 0.02, propositions: true }
    }
}

const COUNTRIES: &[(&str, &str)] = &[
    ("Iran", "Iranian"),
    ("Russia", "Russian"),
    ("Ukraine", "Ukrainian"),
    ("Syria", "Syrian"),
    ("Turkey", "Turkish"),
    ("Israel", "Israeli"),
    ("Egypt", "Egyptian"),
    ("Jordan", "Jordanian"),
    ("Iraq", "Iraqi"),
    ("Lebanon", "Lebanese"),
    ("Yemen", "Yemeni"),
    ("Sudan", "Sudanese"),
    ("Libya", "Libyan"),
    ("Poland", "Polish"),
    ("Hungary", "Hungarian"),
    ("Serbia", "Serbian"),
    ("Belarus", "Belarusian"),
    ("Georgia", "Georgian"),
    ("Armenia", "Armenian"),
    ("Kazakhstan", "Kazakh"),
    ("China", "Chinese"),
    ("India", "Indian"),
    ("Pakistan", "Pakistani"),
    ("Nigeria", "Nigerian"),
    ("Ethiopia", "Ethiopian"),
    ("Kenya", "Kenyan"),
    ("Brazil", "Brazilian"),
    ("Chile", "Chilean"),
    ("Norway", "Norwegian"),
    ("Finland", "Finnish"),
    ("Greece", "Greek"),
    ("Romania", "Romanian"),
];

/// (plural, singular head)
const ITEMS: &[(&str, &str)] = &[
    ("drones", "drone"),
    ("cruise missiles", "missile"),
    ("artillery shells", "shell"),
    ("tanks", "tank"),
    ("rifles", "rifle"),
    ("fighter jets", "jet"),
    ("air defence systems", "system"),
    ("armoured vehicles", "vehicle"),
    ("helicopters", "helicopter"),
    ("rockets", "rocket"),
    ("mortar rounds", "round"),
    ("warships", "warship"),
    ("radar units", "unit"),
    ("grenades", "grenade"),
    ("anti-tank mines", "mine"),
    ("howitzers", "howitzer"),
];

const FORWARD: &[(&str, &str)] = &[
    ("supplied", "supply"),
    ("delivered", "deliver"),
    ("sent", "send"),
    ("sold", "sell"),
    ("shipped", "ship"),
    ("transferred", "transfer"),
];
const REVERSED: &[(&str, &str)] =
    &[("bought", "buy"), ("purchased", "purchase"), ("received", "receive"), ("acquired", "acquire")];

const SYLLABLES: &[&str] = &[
    "ka", "ri", "mo", "sa", "le", "vin", "dor", "ta", "ne", "lu", "ber", "gan", "shi", "ro", "mil", "va", "zen", "ko",
    "da", "rav", "el", "ham", "tor", "si", "na", "bek", "ul", "far", "di", "mar",
];

const OUTLETS: &[&str] = &[
    "Daily Courier",
    "Evening Ledger",
    "World Desk",
    "Capital Times",
    "Northern Post",
    "Harbour Gazette",
    "Morning Wire",
    "Continental Review",
];

/// Background sentences; `{A}` and `{B}` become country names and `{N}` a
/// number, so that unrelated articles do not share long passages.
const FILLER: &[&str] = &[
    "Talks between {A} and {B} are expected to resume next month in a neutral capital.",
    "The conflict has displaced about {N} people since it began, according to aid agencies.",
    "Analysts in {A} said the dispute was unlikely to be settled before the winter.",
    "The announcement came as diplomats from {A} and {B} gathered for a regional summit.",
    "Independent verification of the figures from {A} was not possible.",
    "Officials in {B} did not respond to requests for further comment on Tuesday.",
    "Prices of fuel and grain in {A} have risen by {N} percent this year.",
    "The United Nations has called on {A} and {B} to show restraint and reopen border crossings.",
    "Trade between {A} and {B} fell sharply after the sanctions were imposed last year.",
    "Parliament in {A} is due to debate a new defence budget of {N} million dollars next week.",
    "Satellite images published by a research group showed new construction near the border with {B}.",
    "Several airlines suspended flights to {B} after the airport was closed for {N} hours.",
    "Human rights groups have documented at least {N} cases of detention without trial in {A}.",
    "The central bank of {B} raised interest rates for the third time in a row.",
    "Thousands of people marched through the capital of {A} on Sunday to demand early elections.",
    "A ceasefire agreed in the spring collapsed after {N} days amid mutual accusations.",
];

/// A person of the synthetic world.
#[derive(Debug, Clone)]
struct Person {
    id: String,
    given: String,
    family: String,
    variants: Vec<String>,
    country: usize,
    role: String,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.given, self.family)
    }
}

/// A proposition of the synthetic world.
#[derive(Debug, Clone)]
struct Prop {
    giver: usize,
    taker: usize,
    item: usize,
    /// Speakers (person index, affirms, number they state).
    voices: Vec<(usize, bool, Option<f64>)>,
}

/// One generated article.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SynthArticle {
    /// The raw article as a JSON Lines input record would carry it.
    pub raw: RawArticle,
    /// The perfect analysis.
    pub record: DocRecord,
    /// Index of the article this one reprints (or repeats), if any.
    pub copy_of: Option<usize>,
    /// True when it repeats an earlier article exactly.
    pub repeat: bool,
}

/// An article as `{"text","title","url","published"}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawArticle {
    /// Body text.
    pub text: String,
    /// Headline.
    pub title: String,
    /// URL (used as the source).
    pub url: String,
    /// Publication date.
    pub published: String,
}

/// A claim as the gold relations name it: the article URL and the content.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GoldSide {
    /// The article's URL.
    pub doc: String,
    /// The claim's content text.
    pub content: String,
}

/// A true relation between two claims.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GoldRelation {
    /// contradicts | corroborates
    pub relation: String,
    /// The earlier claim.
    pub a: GoldSide,
    /// The later claim.
    pub b: GoldSide,
}

/// What the gold relations are computed from, per claim.
#[derive(Debug, Clone)]
struct ClaimTruth {
    prop: usize,
    speaker: usize,
    affirms: bool,
    number: Option<f64>,
    doc: usize,
    side: GoldSide,
}

/// The generator: a world, then articles one at a time.
pub struct Generator {
    cfg: SynthConfig,
    rng: Rng,
    people: Vec<Person>,
    props: Vec<Prop>,
    articles: Vec<(RawArticle, DocRecord, Option<usize>)>,
    truths: Vec<ClaimTruth>,
    written: usize,
}

fn name_part(rng: &mut Rng, syllables: usize) -> String {
    let mut s = String::new();
    for _ in 0..syllables {
        let syllable: &str = SYLLABLES[rng.below(SYLLABLES.len())];
        s.push_str(syllable);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

/// Spelling variants of a family name, as transliterations produce them.
fn variants(family: &str) -> Vec<String> {
    let mut out = Vec::new();
    if family.contains('a') {
        out.push(family.replacen('a', "aa", 1));
    }
    if family.contains('o') {
        out.push(family.replacen('o', "u", 1));
    }
    if family.contains('i') {
        out.push(family.replacen('i', "y", 1));
    }
    out.truncate(2);
    out
}

fn fmt_number(n: f64) -> String {
    let v = n as i64;
    let s = v.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Builds a text and its spans, in code points.
#[derive(Default)]
struct TextBuilder {
    text: String,
    chars: usize,
    sentences: Vec<SentenceOut>,
}

impl TextBuilder {
    fn push(&mut self, s: &str) -> (usize, usize) {
        let start = self.chars;
        self.text.push_str(s);
        self.chars += s.chars().count();
        (start, self.chars)
    }
    fn span(&mut self, s: &str) -> SpanOut {
        let (start, end) = self.push(s);
        SpanOut { start, end, text: s.to_string() }
    }
}

impl Generator {
    /// A generator for a configuration. The world has about one
    /// proposition per four articles and one person per ten articles
    /// (at least 40 people).
    pub fn new(cfg: SynthConfig) -> Generator {
        let mut rng = Rng::new(cfg.seed);
        let n_people = (cfg.docs / 10).clamp(40, 20_000);
        let mut people = Vec::with_capacity(n_people);
        for i in 0..n_people {
            let given = name_part(&mut rng, 2);
            let family = name_part(&mut rng, 3);
            let country = rng.below(COUNTRIES.len());
            let (c, demonym) = COUNTRIES[country];
            let role = match rng.below(4) {
                0 => format!("{c}'s foreign minister"),
                1 => format!("a spokesperson for the {demonym} defence ministry"),
                2 => format!("head of {c}'s military intelligence"),
                _ => format!("an adviser to the {demonym} president"),
            };
            let variants = variants(&family);
            people.push(Person { id: format!("p{i}"), given, family, variants, country, role });
        }
        let n_props = (cfg.docs / 4).max(10);
        let mut props = Vec::with_capacity(n_props);
        // Each (giver, taker, item) is one proposition: two world
        // propositions with the same triple would be the same claim to any
        // reader, and the gold would call their agreement unrelated.
        let mut used = std::collections::HashSet::new();
        for _ in 0..n_props {
            let Some((giver, taker, item)) = (0..50).find_map(|_| {
                let giver = rng.below(COUNTRIES.len());
                let taker = (giver + 1 + rng.below(COUNTRIES.len() - 1)) % COUNTRIES.len();
                let item = rng.below(ITEMS.len());
                used.insert((giver, taker, item)).then_some((giver, taker, item))
            }) else {
                break;
            };
            let number = rng.chance(0.5).then(|| ((rng.below(90) + 10) * 50) as f64);
            // Two to six voices: people of the giver or taker deny, others
            // affirm; a fifth of the affirmers give another number.
            let n = 2 + rng.below(5);
            let mut voices: Vec<(usize, bool, Option<f64>)> = Vec::new();
            for _ in 0..n {
                let p = rng.below(people.len());
                if voices.iter().any(|v| v.0 == p) {
                    continue;
                }
                let denies = people[p].country == giver || people[p].country == taker || rng.chance(0.2);
                let stated = if denies {
                    None
                } else if rng.chance(0.2) {
                    number.map(|x| x * 4.0)
                } else {
                    number
                };
                voices.push((p, !denies, stated));
            }
            props.push(Prop { giver, taker, item, voices });
        }
        Generator { rng, people, props, articles: Vec::new(), truths: Vec::new(), written: 0, cfg }
    }

    /// The next article, or `None` after `docs` articles.
    pub fn next_article(&mut self) -> Option<SynthArticle> {
        if self.written >= self.cfg.docs {
            return None;
        }
        let i = self.written;
        self.written += 1;
        let published = date_of(i, self.cfg.docs);
        if i > 0 && self.rng.chance(self.cfg.repeat_rate) {
            let j = self.rng.below(self.articles.len());
            let (raw, rec, _) = &self.articles[j];
            let raw = RawArticle { published: raw.published.clone(), ..raw.clone() };
            return Some(SynthArticle { raw, record: rec.clone(), copy_of: Some(j), repeat: true });
        }
        if i > 0 && self.rng.chance(self.cfg.reprint_rate) {
            let recent = self.articles.len().min(50);
            let j = self.articles.len() - 1 - self.rng.below(recent);
            if self.articles[j].2.is_none() {
                let art = self.reprint(j, i, &published);
                self.articles.push((art.raw.clone(), art.record.clone(), Some(j)));
                return Some(art);
            }
        }
        let (raw, record) = self.fresh(i, &published);
        self.articles.push((raw.clone(), record.clone(), None));
        Some(SynthArticle { raw, record, copy_of: None, repeat: false })
    }

    /// One background sentence with its blanks filled.
    fn filler(&mut self) -> String {
        let t = *self.rng.pick(FILLER);
        let a = self.rng.pick(COUNTRIES).0;
        let b = self.rng.pick(COUNTRIES).0;
        let n = (self.rng.below(990) + 10).to_string();
        t.replace("{A}", a).replace("{B}", b).replace("{N}", &n)
    }

    /// A reprint of article `j`: its body under another headline, with
    /// another outlet's footer.
    fn reprint(&mut self, j: usize, i: usize, published: &str) -> SynthArticle {
        let (raw, rec, _) = &self.articles[j];
        let outlet = *self.rng.pick(OUTLETS);
        let body_end = raw.text.rfind("\n\n").unwrap_or(raw.text.len());
        let body = &raw.text[..body_end];
        let text = format!("{body}\n\nThis story was first published by a partner agency. © {outlet}");
        let mut record = rec.clone();
        record.doc = DocOut {
            id: doc_id(&text),
            source: format!("https://news.example/{i}"),
            title: Some(format!("{} ({outlet})", raw.title)),
            published: Some(published.to_string()),
            url: Some(format!("https://news.example/{i}")),
            text: text.clone(),
        };
        let old_id = rec.doc.id.clone();
        for c in &mut record.claims {
            c.id = c.id.replacen(&old_id, &record.doc.id, 1);
        }
        for q in &mut record.quantities {
            q.claim = q.claim.as_ref().map(|c| c.replacen(&old_id, &record.doc.id, 1));
        }
        record.sentences.retain(|s| s.end <= body.chars().count());
        let raw = RawArticle {
            text,
            title: record.doc.title.clone().unwrap_or_default(),
            url: format!("https://news.example/{i}"),
            published: published.to_string(),
        };
        SynthArticle { raw, record, copy_of: Some(j), repeat: false }
    }

    fn fresh(&mut self, i: usize, published: &str) -> (RawArticle, DocRecord) {
        let url = format!("https://news.example/{i}");
        let n_props = 1 + self.rng.below(3);
        let mut chosen: Vec<usize> = (0..n_props).map(|_| self.rng.below(self.props.len())).collect();
        chosen.sort_unstable();
        chosen.dedup();
        let mut tb = TextBuilder::default();
        let mut entities: Vec<EntityOut> = Vec::new();
        let mut claims: Vec<ClaimOut> = Vec::new();
        let mut quantities: Vec<QuantityOut> = Vec::new();
        let mut pending: Vec<ClaimTruth> = Vec::new();
        let first = &self.props[chosen[0]];
        let title = format!(
            "{} accused of sending {} to {}",
            COUNTRIES[first.giver].0, ITEMS[first.item].0, COUNTRIES[first.taker].0
        );
        let mut mentioned_people: Vec<usize> = Vec::new();
        for &pi in &chosen {
            let prop = self.props[pi].clone();
            let n_voices = 1 + self.rng.below(prop.voices.len().min(3));
            let mut order: Vec<usize> = (0..prop.voices.len()).collect();
            for k in (1..order.len()).rev() {
                let r = self.rng.below(k + 1);
                order.swap(k, r);
            }
            for &vi in order.iter().take(n_voices) {
                let (person, affirms, number) = prop.voices[vi];
                let sentence_start = tb.chars;
                let p = self.people[person].clone();
                let first_mention = !mentioned_people.contains(&person);
                mentioned_people.push(person);
                let name = if first_mention {
                    if self.rng.chance(0.3) && !p.variants.is_empty() {
                        format!("{} {}", p.given, self.rng.pick(&p.variants))
                    } else {
                        p.full()
                    }
                } else {
                    p.family.clone()
                };
                let claim_no = claims.len() + 1;
                let (claim, qty) = self.render_claim(
                    &mut tb,
                    &mut entities,
                    &prop,
                    &p,
                    &name,
                    first_mention,
                    affirms,
                    number,
                    published,
                );
                let doc_placeholder = format!("DOC-c{claim_no}");
                let mut claim = claim;
                claim.id = doc_placeholder.clone();
                if let Some(mut q) = qty {
                    q.claim = Some(doc_placeholder);
                    quantities.push(q);
                }
                tb.sentences.push(SentenceOut { start: sentence_start, end: tb.chars });
                pending.push(ClaimTruth {
                    prop: pi,
                    speaker: person,
                    affirms,
                    number,
                    doc: i,
                    side: GoldSide { doc: url.clone(), content: claim.content.text.clone() },
                });
                claims.push(claim);
                tb.push(" ");
                if self.rng.chance(0.5) {
                    let f = self.filler();
                    let s = tb.chars;
                    tb.push(&f);
                    tb.sentences.push(SentenceOut { start: s, end: tb.chars });
                    tb.push(" ");
                }
            }
            tb.text.pop();
            tb.chars -= 1;
            tb.push("\n\n");
        }
        // A background paragraph, as news articles have.
        for _ in 0..4 + self.rng.below(8) {
            let f = self.filler();
            let s = tb.chars;
            tb.push(&f);
            tb.sentences.push(SentenceOut { start: s, end: tb.chars });
            tb.push(" ");
        }
        tb.text.pop();
        tb.chars -= 1;
        tb.push("\n\n");
        let outlet = *self.rng.pick(OUTLETS);
        tb.push(&format!("© {outlet}. All rights reserved."));
        let text = tb.text.clone();
        let id = doc_id(&text);
        for c in &mut claims {
            c.id = c.id.replacen("DOC", &id, 1);
        }
        for q in &mut quantities {
            q.claim = q.claim.as_ref().map(|c| c.replacen("DOC", &id, 1));
        }
        self.truths.extend(pending);
        let record = DocRecord {
            doc: DocOut {
                id,
                source: url.clone(),
                title: Some(title.clone()),
                published: Some(published.to_string()),
                url: Some(url.clone()),
                text: text.clone(),
            },
            sentences: tb.sentences,
            entities,
            claims,
            quantities,
            events: Vec::new(),
        };
        (RawArticle { text, title, url, published: published.to_string() }, record)
    }

    /// Registers a mention of an entity and returns its id.
    fn mention(
        entities: &mut Vec<EntityOut>,
        id: &str,
        name: &str,
        kind: &str,
        role: Option<&str>,
        span: SpanOut,
    ) -> String {
        let e = match entities.iter_mut().position(|e| e.id == id) {
            Some(k) => &mut entities[k],
            None => {
                entities.push(EntityOut {
                    id: id.to_string(),
                    name: name.to_string(),
                    kind: kind.to_string(),
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                });
                let n = entities.len() - 1;
                &mut entities[n]
            }
        };
        let is_name = kind != "person" || span.text.chars().next().is_some_and(char::is_uppercase);
        if is_name && !e.aliases.contains(&span.text) {
            e.aliases.push(span.text.clone());
        }
        if let Some(r) = role {
            if !e.roles.iter().any(|x| x == r) {
                e.roles.push(r.to_string());
            }
        }
        e.mentions.push(span);
        id.to_string()
    }

    #[allow(clippy::too_many_arguments)]
    fn render_claim(
        &mut self,
        tb: &mut TextBuilder,
        entities: &mut Vec<EntityOut>,
        prop: &Prop,
        person: &Person,
        name: &str,
        first_mention: bool,
        affirms: bool,
        number: Option<f64>,
        _published: &str,
    ) -> (ClaimOut, Option<QuantityOut>) {
        let (giver, giver_dem) = COUNTRIES[prop.giver];
        let (taker, _) = COUNTRIES[prop.taker];
        let (item, head) = ITEMS[prop.item];
        let reversed = self.rng.chance(0.35);
        let (verb, lemma) = if reversed { *self.rng.pick(REVERSED) } else { *self.rng.pick(FORWARD) };
        let num_text = number.map(fmt_number);
        let demonym_form = !reversed && self.rng.chance(0.2);
        let speaker_id = person.id.clone();
        let role = format!(", {},", person.role);

        // Speaker first: "<Name>, <role>, <cue> <content>."
        let template = self.rng.below(3);
        let (speaker_span, cue_span);
        if template == 2 && !first_mention {
            // According to <name>, <content>.
            cue_span = tb.span("According to");
            tb.push(" ");
            speaker_span = tb.span(name);
            tb.push(", ");
        } else {
            speaker_span = tb.span(name);
            if first_mention {
                tb.push(&role);
            }
            tb.push(" ");
            let cue = if affirms {
                *self.rng.pick(&["said that", "told reporters that", "stated that", "claimed that"])
            } else {
                *self.rng.pick(&["denied that", "rejected reports that", "dismissed claims that"])
            };
            cue_span = tb.span(cue);
            tb.push(" ");
        }
        Self::mention(entities, &speaker_id, &person.full(), "person", Some(&person.role), speaker_span.clone());

        // The content.
        let content_start = tb.chars;
        let mut qty = None;
        let number_words = |tb: &mut TextBuilder, qty: &mut Option<QuantityOut>| {
            if let (Some(n), Some(t)) = (number, &num_text) {
                let s = tb.chars;
                tb.push(t);
                tb.push(" ");
                tb.push(item);
                *qty = Some(QuantityOut {
                    value: n,
                    max: None,
                    unit: item.to_string(),
                    text: format!("{t} {item}"),
                    start: s,
                    end: tb.chars,
                    approximate: false,
                    per: None,
                    claim: None,
                    range_end: false,
                });
            } else {
                tb.push(item);
            }
        };
        let (actor_id, actor_text, recipient_id, recipient_text);
        if demonym_form {
            // "<Demonym> <items> were <verb> to <taker>"
            let sp = tb.span(giver_dem);
            Self::mention(entities, &format!("c{}", prop.giver), giver, "location", None, sp);
            tb.push(" ");
            number_words(tb, &mut qty);
            tb.push(" were ");
            tb.push(verb);
            tb.push(" to ");
            let sp = tb.span(taker);
            Self::mention(entities, &format!("c{}", prop.taker), taker, "location", None, sp);
            actor_id = Some(format!("c{}", prop.giver));
            actor_text = giver.to_string();
            recipient_id = Some(format!("c{}", prop.taker));
            recipient_text = taker.to_string();
        } else if reversed {
            let sp = tb.span(taker);
            Self::mention(entities, &format!("c{}", prop.taker), taker, "location", None, sp);
            tb.push(" had ");
            tb.push(verb);
            tb.push(" ");
            number_words(tb, &mut qty);
            tb.push(" from ");
            let sp = tb.span(giver);
            Self::mention(entities, &format!("c{}", prop.giver), giver, "location", None, sp);
            actor_id = Some(format!("c{}", prop.taker));
            actor_text = taker.to_string();
            recipient_id = Some(format!("c{}", prop.giver));
            recipient_text = giver.to_string();
        } else {
            let sp = tb.span(giver);
            Self::mention(entities, &format!("c{}", prop.giver), giver, "location", None, sp);
            tb.push(" had ");
            tb.push(verb);
            tb.push(" ");
            number_words(tb, &mut qty);
            tb.push(" to ");
            let sp = tb.span(taker);
            Self::mention(entities, &format!("c{}", prop.taker), taker, "location", None, sp);
            actor_id = Some(format!("c{}", prop.giver));
            actor_text = giver.to_string();
            recipient_id = Some(format!("c{}", prop.taker));
            recipient_text = taker.to_string();
        }
        let content_end = tb.chars;
        let content_text: String = tb.text.chars().skip(content_start).take(content_end - content_start).collect();
        tb.push(".");
        let proposition = self.cfg.propositions.then(|| PropositionOut {
            actor: Some(ArgumentOut { entity: actor_id, text: actor_text.clone(), head: actor_text.to_lowercase() }),
            predicate: lemma.to_string(),
            object: Some(ArgumentOut {
                entity: None,
                text: num_text.as_ref().map(|t| format!("{t} {item}")).unwrap_or_else(|| item.to_string()),
                head: head.to_string(),
            }),
            recipient: Some(ArgumentOut {
                entity: recipient_id,
                text: recipient_text.clone(),
                head: recipient_text.to_lowercase(),
            }),
            polarity: if affirms { "affirms" } else { "denies" }.to_string(),
            negated: false,
            terms: Vec::new(),
            quantities: number.into_iter().collect(),
            frames: Vec::new(),
            rejection: false,
            answers: Vec::new(),
        });
        let claim = ClaimOut {
            id: String::new(),
            speaker: SpeakerOut {
                entity: Some(speaker_id),
                name: Some(person.full()),
                text: speaker_span.text.clone(),
                start: Some(speaker_span.start),
                end: Some(speaker_span.end),
            },
            cue: cue_span,
            content: ContentOut { text: content_text, start: content_start, end: content_end, parts: Vec::new() },
            stance: if affirms { "affirms" } else { "denies" }.to_string(),
            kind: if template == 2 && !first_mention { "according_to" } else { "indirect" }.to_string(),
            hedged: false,
            confidence: 1.0,
            proposition,
        };
        (claim, qty)
    }

    /// The true relations among all articles generated so far.
    pub fn gold_relations(&self) -> Vec<GoldRelation> {
        let mut by_prop: std::collections::BTreeMap<usize, Vec<&ClaimTruth>> = Default::default();
        for t in &self.truths {
            by_prop.entry(t.prop).or_default().push(t);
        }
        let mut out = Vec::new();
        for claims in by_prop.values() {
            for (k, b) in claims.iter().enumerate() {
                for a in &claims[..k] {
                    if let Some(kind) = gold_relation(a, b) {
                        out.push(GoldRelation { relation: kind.to_string(), a: a.side.clone(), b: b.side.clone() });
                    }
                }
            }
        }
        out
    }
}

fn gold_relation(a: &ClaimTruth, b: &ClaimTruth) -> Option<&'static str> {
    let same_speaker = a.speaker == b.speaker;
    if same_speaker && a.doc == b.doc {
        return None;
    }
    if a.affirms != b.affirms {
        return Some("contradicts");
    }
    if let (Some(x), Some(y)) = (a.number, b.number) {
        if (x - y).abs() / x.max(y) > crate::align::NUMBER_TOLERANCE {
            return Some("contradicts");
        }
    }
    if same_speaker || a.doc == b.doc {
        return None;
    }
    Some("corroborates")
}

/// Publication dates spread over the year 2024, in article order.
fn date_of(i: usize, n: usize) -> String {
    let day = (i * 365 / n.max(1)).min(364) as i16;
    let d = jiff::civil::date(2024, 1, 1)
        .checked_add(jiff::Span::new().days(day))
        .unwrap_or(jiff::civil::date(2024, 12, 31));
    d.to_string()
}

impl Iterator for Generator {
    type Item = SynthArticle;
    fn next(&mut self) -> Option<SynthArticle> {
        self.next_article()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_consistent_with_their_text() {
        let mut g = Generator::new(SynthConfig { docs: 60, ..Default::default() });
        let arts: Vec<SynthArticle> = g.by_ref().collect();
        assert_eq!(arts.len(), 60);
        for a in &arts {
            let chars: Vec<char> = a.record.doc.text.chars().collect();
            let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
            assert_eq!(a.record.doc.id, doc_id(&a.record.doc.text));
            for c in &a.record.claims {
                assert_eq!(slice(c.content.start, c.content.end), c.content.text);
                assert_eq!(slice(c.cue.start, c.cue.end), c.cue.text);
                assert!(c.id.starts_with(&a.record.doc.id));
            }
            for e in &a.record.entities {
                for m in &e.mentions {
                    assert_eq!(slice(m.start, m.end), m.text);
                }
            }
        }
        assert!(arts.iter().any(|a| a.copy_of.is_some() && !a.repeat));
        let gold = g.gold_relations();
        assert!(gold.iter().any(|r| r.relation == "contradicts"));
        assert!(gold.iter().any(|r| r.relation == "corroborates"));
    }
}
