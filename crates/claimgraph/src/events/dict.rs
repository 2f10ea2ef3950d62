//! Readers for PETRARCH2's dictionary formats (actors, agents, verb
//! patterns) and phrase lookup over tokens.
//!
//! The built-in dictionaries (`resources/events/`, derived by
//! `tools/gen_event_dicts.py` from the MIT-licensed PETRARCH2 files) and the
//! PETRARCH validation dictionaries (`PETR.Validate.*`) are in the same
//! format, so one reader serves both. The formats, as PETRARCH documents
//! them in `PETRreader.py`:
//!
//! - **actors**: `NAME_WORDS [CODE]`, followed by `+SYNONYM` lines and
//!   indented `[CODE date-range]` lines; `_` joins words; a trailing `_`
//!   forbids plural forms.
//! - **agents**: `NOUN {PLURALS} [~CODE]` (`~XYZ` is appended to the
//!   country code, `XYZ~` prepended); `!MACRO! = A, B` substitutions.
//! - **verbs**: `&SYNSET` blocks of `+WORD` lines; verb blocks opened by
//!   `--- NAME [CODE] ---`, with verb lines (`VERB {FORMS} [CODE]`) and
//!   pattern lines `- PRE * POST [CODE]`, where `{...}` is a noun phrase,
//!   `(...)` a prepositional phrase, `&X` a synset, `$` the source, `+` the
//!   target and `^` a skipped word.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

/// Lower-cases a dictionary word and drops PETRARCH's markers.
fn norm_word(w: &str) -> String {
    w.trim_matches(|c: char| c == '_' || c == '+' || c.is_whitespace()).to_lowercase()
}

/// Splits a dictionary phrase (`IRANIAN_REVOLUTIONARY_GUARD_`) into
/// lower-case words, and says whether plural forms are forbidden (a trailing
/// `_`).
fn phrase_words(p: &str) -> (Vec<String>, bool) {
    let p = p.trim();
    let exact = p.ends_with('_');
    let words = p.split(['_', ' ']).map(norm_word).filter(|w| !w.is_empty()).collect();
    (words, exact)
}

/// A dictionary phrase read into reusable buffers: the words of
/// [`phrase_words`] without an allocation per word (the built-in
/// dictionaries hold some 40,000 phrases, read at start-up).
#[derive(Debug, Default)]
struct Phrase {
    /// The lower-case words, one after another.
    text: String,
    /// The end of each word in `text`.
    ends: Vec<usize>,
}

impl Phrase {
    /// Reads `p` like [`phrase_words`]; true when plural forms are forbidden.
    fn read(&mut self, p: &str) -> bool {
        self.text.clear();
        self.ends.clear();
        let p = p.trim();
        for w in p.split(['_', ' ']) {
            let w = w.trim_matches(|c: char| c == '_' || c == '+' || c.is_whitespace());
            if w.is_empty() {
                continue;
            }
            if w.is_ascii() {
                self.text.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                self.text.push_str(&w.to_lowercase());
            }
            self.ends.push(self.text.len());
        }
        p.ends_with('_')
    }

    /// Number of words.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The words.
    fn words(&self) -> impl Iterator<Item = &str> + Clone {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(a, &b)| &self.text[a..b])
    }
}

/// Strips a `#` comment.
fn uncomment(line: &str) -> &str {
    line.find('#').map_or(line, |i| &line[..i])
}

/// Lines of a dictionary with comments and `<!-- -->` blocks removed
/// (the validation dictionaries use XML comments). A line without an XML
/// comment is borrowed: the built-in dictionaries are read at start-up.
fn clean_lines(text: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for raw in text.lines() {
        if !in_xml_comment && !raw.contains("<!--") {
            let body = uncomment(raw).trim_end();
            if !body.trim().is_empty() {
                out.push(Cow::Borrowed(body));
            }
            continue;
        }
        let mut line = raw.to_string();
        loop {
            if in_xml_comment {
                match line.find("-->") {
                    Some(i) => {
                        line = line[i + 3..].to_string();
                        in_xml_comment = false;
                    }
                    None => {
                        line.clear();
                        break;
                    }
                }
            } else if let Some(i) = line.find("<!--") {
                let rest = line[i + 4..].to_string();
                line.truncate(i);
                match rest.find("-->") {
                    Some(j) => line.push_str(&rest[j + 3..]),
                    None => {
                        in_xml_comment = true;
                        break;
                    }
                }
            } else {
                break;
            }
        }
        let body = uncomment(&line).trim_end().to_string();
        if !body.trim().is_empty() {
            out.push(Cow::Owned(body));
        }
    }
    out
}

/// A date as `yyyymmdd`. PETRARCH's six-digit dates are `yymmdd`, years up
/// to 30 in this century.
fn parse_date(s: &str) -> Option<u32> {
    let s = s.trim();
    let n: u32 = s.parse().ok()?;
    match s.len() {
        8 => Some(n),
        6 => {
            let yy = n / 10000;
            Some(if yy <= 30 { 20_000_000 + n } else { 19_000_000 + n })
        }
        _ => None,
    }
}

/// One code of an actor with the period it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The CAMEO actor code ("IRNGOV").
    pub code: String,
    /// First day it applies (`yyyymmdd`), if limited.
    pub from: Option<u32>,
    /// Last day it applies, if limited.
    pub to: Option<u32>,
}

impl DatedCode {
    fn parse(inner: &str) -> Option<DatedCode> {
        let mut parts = inner.split_whitespace();
        let code = parts.next()?.to_string();
        let (mut from, mut to) = (None, None);
        // "19950601 - 19990815" is one range, however it is spaced.
        let rest: String = parts.collect();
        if let Some(d) = Some(rest.as_str()).filter(|d| !d.is_empty()) {
            if let Some(x) = d.strip_prefix('>') {
                from = parse_date(x);
            } else if let Some(x) = d.strip_prefix('<') {
                to = parse_date(x);
            } else if let Some((a, b)) = d.split_once('-') {
                from = parse_date(a);
                to = parse_date(b);
            }
        }
        Some(DatedCode { code, from, to })
    }

    fn applies(&self, date: Option<u32>) -> bool {
        match date {
            None => self.to.is_none(),
            Some(d) => self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t),
        }
    }
}

/// A phrase index: dictionary phrases by their first word, matched longest
/// first against lower-cased token words.
///
/// The words of all phrases live in one buffer (a phrase is a run of word
/// ranges in it), so that building the index allocates little.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    by_first: HashMap<Box<str>, Vec<Entry<T>>>,
    /// Every phrase's words, one after another.
    text: String,
    /// Byte range of each word in `text`.
    spans: Vec<(u32, u32)>,
}

/// One phrase of a [`PhraseIndex`]: its words (`n` spans from `first`),
/// whether plurals are forbidden, and its value.
#[derive(Debug, Clone)]
struct Entry<T> {
    first: u32,
    n: u32,
    exact: bool,
    value: T,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex { by_first: HashMap::default(), text: String::new(), spans: Vec::new() }
    }
}

/// True when the token word `tok` is the dictionary word `dict`, or its
/// plural when plurals are allowed.
fn word_matches(dict: &str, tok: &str, allow_plural: bool) -> bool {
    if dict == tok {
        return true;
    }
    if !allow_plural {
        return false;
    }
    tok.strip_suffix('s').is_some_and(|s| s == dict || s.strip_suffix('e').is_some_and(|s| s == dict))
        || (dict.ends_with('y') && tok.strip_suffix("ies").is_some_and(|s| s == &dict[..dict.len() - 1]))
}

impl<T> PhraseIndex<T> {
    /// Adds a phrase.
    pub fn insert(&mut self, words: Vec<String>, exact: bool, value: T) {
        self.insert_words(words.iter().map(String::as_str), exact, value);
    }

    /// Adds a phrase given as lower-case words.
    fn insert_words<'w>(&mut self, words: impl Iterator<Item = &'w str>, exact: bool, value: T) {
        let first = self.spans.len();
        let mut push = |w: &str| {
            let start = self.text.len() as u32;
            self.text.push_str(w);
            self.spans.push((start, self.text.len() as u32));
        };
        for w in words {
            // The tokeniser splits the possessive ("people's" → "people"
            // "'s"): so do the dictionary's phrases.
            match w.strip_suffix("'s").filter(|s| !s.is_empty()) {
                Some(stem) => {
                    push(stem);
                    push("'s");
                }
                None => push(w),
            }
        }
        let n = self.spans.len() - first;
        let Some(&(a, b)) = self.spans.get(first) else { return };
        let entry = Entry { first: first as u32, n: n as u32, exact, value };
        let key = &self.text[a as usize..b as usize];
        let list = match self.by_first.get_mut(key) {
            Some(list) => list,
            None => self.by_first.entry(key.into()).or_default(),
        };
        // Each list is kept longest first (ties in insertion order), so that
        // a lookup can stop at its first match.
        let at = list.partition_point(|e| e.n as usize >= n);
        list.insert(at, entry);
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The longest phrase starting at `words[at]`: its length in words and
    /// its value.
    pub fn longest_at(&self, words: &[String], at: usize) -> Option<(usize, &T)> {
        let first = words.get(at)?;
        let mut best: Option<(usize, &T)> = None;
        // Lists are longest first: the first match is the longest (and the
        // earliest inserted of that length), and nothing after a phrase no
        // longer than the best so far can beat it.
        // `whole`: the key is the token itself, so every phrase under it
        // matches its first word; under a key cut from the token only a
        // one-word phrase that allows plurals can match.
        let mut try_key = |key: &str, whole: bool| {
            for e in self.by_first.get(key).into_iter().flatten() {
                let n = e.n as usize;
                if best.is_some_and(|(b, _)| b >= n) {
                    break;
                }
                if at + n > words.len() || (!whole && (n > 1 || e.exact)) {
                    continue;
                }
                let ws = &self.spans[e.first as usize..e.first as usize + n];
                let ok = ws.iter().enumerate().skip(usize::from(whole)).all(|(k, &(a, b))| {
                    word_matches(&self.text[a as usize..b as usize], &words[at + k], !e.exact && k + 1 == n)
                });
                if ok {
                    best = Some((n, &e.value));
                    break;
                }
            }
        };
        try_key(first, true);
        // A plural first word ("russians") under its singular entry.
        if let Some(s) = first.strip_suffix('s') {
            try_key(s, false);
            if let Some(s2) = s.strip_suffix('e') {
                try_key(s2, false);
            }
        }
        best
    }
}

/// An actor dictionary: names to dated CAMEO actor codes.
#[derive(Debug, Clone, Default)]
pub struct ActorDict {
    index: PhraseIndex<usize>,
    codes: Vec<Vec<DatedCode>>,
}

impl ActorDict {
    /// Reads a dictionary in PETRARCH's actor format; several files may be
    /// concatenated.
    pub fn parse(text: &str) -> ActorDict {
        let mut dict = ActorDict::default();
        let mut names: Vec<String> = Vec::new();
        let mut codes: Vec<DatedCode> = Vec::new();
        let mut phrase = Phrase::default();
        let mut flush = |dict: &mut ActorDict, names: &mut Vec<String>, codes: &mut Vec<DatedCode>| {
            if !names.is_empty() && !codes.is_empty() {
                let id = dict.codes.len();
                // A one-word name of a country-level code takes the plural
                // even when marked exact: the demonym "ALBANIAN_" names the
                // people too ("ethnic Albanians").
                let country = codes.iter().all(|c| c.code.len() == 3);
                dict.codes.push(std::mem::take(codes));
                for n in names.iter() {
                    let exact = phrase.read(n);
                    let exact = exact && !(country && phrase.len() == 1);
                    dict.index.insert_words(phrase.words(), exact, id);
                }
            }
            names.clear();
            codes.clear();
        };
        for line in clean_lines(text) {
            let t = line.trim();
            if let Some(syn) = line.strip_prefix('+') {
                names.push(syn.trim().to_string());
                continue;
            }
            if line.starts_with([' ', '\t']) && t.starts_with('[') {
                codes.extend(brackets(t).filter_map(DatedCode::parse));
                continue;
            }
            flush(&mut dict, &mut names, &mut codes);
            let name = t.find('[').map_or(t, |i| &t[..i]).trim();
            if name.is_empty() || t.contains(" = ") {
                continue;
            }
            names.push(name.to_string());
            codes.extend(brackets(t).filter_map(DatedCode::parse));
        }
        flush(&mut dict, &mut names, &mut codes);
        dict
    }

    /// Number of name variants.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The longest actor name starting at `words[at]`: its length and its
    /// code on `date` (`yyyymmdd`; `None` = today, i.e. the open-ended code).
    pub fn lookup(&self, words: &[String], at: usize, date: Option<u32>) -> Option<(usize, String)> {
        let (n, &id) = self.index.longest_at(words, at)?;
        let codes = &self.codes[id];
        let code = codes
            .iter()
            .rev()
            .find(|c| c.applies(date))
            .or_else(|| codes.iter().rev().find(|c| c.from.is_none() && c.to.is_none()))
            .or_else(|| if date.is_none() { codes.last() } else { None })?;
        Some((n, code.code.clone()))
    }
}

/// The `[...]` groups of a line.
fn brackets(line: &str) -> impl Iterator<Item = &str> {
    line.split('[').skip(1).filter_map(|s| s.split(']').next())
}

/// An agent code: a sector that joins an actor's country code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The sector code without the tilde ("COP").
    pub code: String,
    /// True for `XYZ~` codes, which come before the country code.
    pub prefix: bool,
}

/// An agent dictionary: common nouns ("police", "foreign minister") to
/// sector codes.
#[derive(Debug, Clone, Default)]
pub struct AgentDict {
    index: PhraseIndex<Agent>,
}

impl AgentDict {
    /// Reads a dictionary in PETRARCH's agent format.
    pub fn parse(text: &str) -> AgentDict {
        let mut macros: Vec<(String, Vec<String>)> = Vec::new();
        let mut dict = AgentDict::default();
        let mut phrase = Phrase::default();
        for line in clean_lines(text) {
            let t = line.trim();
            if t.starts_with('!') {
                if let Some((name, vals)) = t.split_once('=') {
                    let vals = vals.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
                    macros.push((name.trim().to_string(), vals));
                }
                continue;
            }
            let Some(code) = brackets(t).next().map(str::trim) else { continue };
            let agent = if let Some(c) = code.strip_prefix('~') {
                Agent { code: c.trim().to_string(), prefix: false }
            } else {
                Agent { code: code.trim_end_matches('~').trim().to_string(), prefix: true }
            };
            if agent.code.is_empty() {
                continue;
            }
            let head = t.split(['[', '{']).next().unwrap_or("").trim();
            let mut forms = vec![head.to_string()];
            if let (Some(a), Some(b)) = (t.find('{'), t.find('}')) {
                forms.extend(t[a + 1..b].split_whitespace().map(str::to_string));
            }
            for form in forms {
                for expanded in expand_macros(&form, &macros) {
                    let exact = phrase.read(&expanded);
                    dict.index.insert_words(phrase.words(), exact, agent.clone());
                }
            }
        }
        dict
    }

    /// The longest agent phrase starting at `words[at]`.
    pub fn lookup(&self, words: &[String], at: usize) -> Option<(usize, &Agent)> {
        self.index.longest_at(words, at)
    }
}

fn expand_macros(form: &str, macros: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, vals) in macros {
        if form.contains(name.as_str()) {
            return vals.iter().flat_map(|v| expand_macros(&form.replace(name.as_str(), v), macros)).collect();
        }
    }
    vec![form.to_string()]
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// A literal word (lower case).
    Word(String),
    /// A synset reference (`&WEAPON`), by name.
    Syn(String),
    /// Words that must be adjacent: `{A B}` or `A_B`.
    Group(Vec<Elem>),
    /// A prepositional phrase `(P X)`: a group whose first word is a
    /// preposition in the sentence too (PETRARCH matches it against a PP
    /// of the parse, so "(TO)" is never the infinitive's "to").
    Pp(Vec<Elem>),
    /// The source actor's position (`$`).
    Source,
    /// The target actor's position (`+`).
    Target,
    /// One skipped word (`^`).
    Skip,
}

/// A verb pattern: words before and after the verb and the code it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb (in text order).
    pub pre: Vec<Elem>,
    /// Elements after the verb.
    pub post: Vec<Elem>,
    /// The CAMEO code ("190", or paired "042:043"; "---" = no event).
    pub code: String,
}

impl Pattern {
    /// Number of literal words and synsets: the pattern's specificity.
    pub fn weight(&self) -> usize {
        fn w(e: &Elem) -> usize {
            match e {
                Elem::Word(_) | Elem::Syn(_) => 1,
                Elem::Group(g) | Elem::Pp(g) => g.iter().map(w).sum(),
                _ => 0,
            }
        }
        self.pre.iter().chain(self.post.iter()).map(w).sum()
    }
}

/// A verb block: verbs sharing patterns.
#[derive(Debug, Clone, Default)]
pub struct VerbBlock {
    /// The block's name (its first verb).
    pub name: String,
    /// The default code of the block ("---" = none).
    pub code: String,
    /// The patterns, in file order.
    pub patterns: Vec<Pattern>,
}

/// A verb of a block.
#[derive(Debug, Clone)]
pub struct VerbEntry {
    /// Index of its block.
    pub block: usize,
    /// Its own default code, overriding the block's.
    pub code: Option<String>,
    /// Words that must follow a multi-word verb ("up" for BLOW_UP).
    pub particles: Vec<String>,
}

/// The words a synset's members start with, for a quick test before its
/// members are tried at a position (see [`VerbDict::synset_may_start`]).
#[derive(Debug, Clone, Default)]
pub struct SynsetStarts {
    /// Some member does not start with a literal word (a synset, an actor
    /// slot, a skip): any position may start it.
    anywhere: bool,
    /// The literal first words of the members.
    firsts: rustc_hash::FxHashSet<String>,
    /// Those of them that end in "s", without it.
    firsts_without_s: rustc_hash::FxHashSet<String>,
}

impl SynsetStarts {
    /// The starts of `members`.
    fn of(members: &[Vec<Elem>]) -> SynsetStarts {
        /// The literal word a member must have at its first position, if
        /// any: its first element's, looking into groups (a group and a
        /// prepositional phrase match their first element first, at the
        /// same position).
        fn first_word(m: &[Elem]) -> Option<&str> {
            match m.first()? {
                Elem::Word(w) => Some(w),
                Elem::Group(g) | Elem::Pp(g) => first_word(g),
                _ => None,
            }
        }
        let mut st = SynsetStarts::default();
        for m in members {
            match first_word(m) {
                Some(w) => {
                    if let Some(stem) = w.strip_suffix('s') {
                        st.firsts_without_s.insert(stem.to_string());
                    }
                    st.firsts.insert(w.to_string());
                }
                None => st.anywhere = true,
            }
        }
        st
    }
}

/// A verb pattern dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDict {
    /// Synsets by name (without `&`): each member a word sequence.
    pub synsets: HashMap<String, Vec<Vec<Elem>>>,
    /// The first words of each synset's members, built by [`VerbDict::parse`]
    /// from `synsets` (a synset missing here is tried everywhere).
    pub synset_starts: HashMap<String, SynsetStarts>,
    /// Blocks in file order.
    pub blocks: Vec<VerbBlock>,
    /// Verbs by lower-case base form (and listed irregular forms).
    pub verbs: HashMap<String, Vec<VerbEntry>>,
}

impl VerbDict {
    /// Reads a dictionary in PETRARCH's verb format.
    pub fn parse(text: &str) -> VerbDict {
        let mut dict = VerbDict::default();
        let mut synset: Option<String> = None;
        for line in clean_lines(text) {
            let t = line.trim();
            if t.starts_with("---") {
                synset = None;
                let inner = t.trim_matches('-').trim();
                let name = inner.split('[').next().unwrap_or("").trim().to_lowercase();
                let code = brackets(inner).next().unwrap_or("---").trim().to_string();
                dict.blocks.push(VerbBlock { name, code, patterns: Vec::new() });
                continue;
            }
            if let Some(name) = t.strip_prefix('&') {
                if dict.blocks.is_empty() || synset.is_some() || !t.contains('[') {
                    synset = Some(name.trim().trim_end_matches('_').to_lowercase());
                    dict.synsets.entry(synset.clone().unwrap_or_default()).or_default();
                    continue;
                }
            }
            if let (Some(name), Some(member)) = (&synset, t.strip_prefix('+')) {
                let elems = parse_elems(member);
                dict.synsets.entry(name.clone()).or_default().push(elems);
                continue;
            }
            synset = None;
            let Some(bi) = dict.blocks.len().checked_sub(1) else { continue };
            if let Some(p) = t.strip_prefix('-') {
                let code = brackets(p).last().unwrap_or("---").trim().to_string();
                let body = p.split('[').next().unwrap_or("");
                let (pre, post) = match body.find('*') {
                    Some(i) => (parse_elems(&body[..i]), parse_elems(&body[i + 1..])),
                    None => (Vec::new(), parse_elems(body)),
                };
                dict.blocks[bi].patterns.push(Pattern { pre, post, code });
                continue;
            }
            // A verb line: VERB {FORMS} [CODE], possibly +MULTI_WORD.
            let code = brackets(t).next().map(|c| c.trim().to_string());
            let head = t.split(['{', '[']).next().unwrap_or("").trim();
            let mut forms: Vec<&str> = vec![head];
            if let (Some(a), Some(b)) = (t.find('{'), t.find('}')) {
                forms.extend(t[a + 1..b].split_whitespace());
            }
            for f in forms {
                let (ws, _) = phrase_words(f.trim_start_matches('+'));
                let Some((first, rest)) = ws.split_first() else { continue };
                dict.verbs.entry(first.clone()).or_default().push(VerbEntry {
                    block: bi,
                    code: code.clone(),
                    particles: rest.to_vec(),
                });
            }
        }
        dict.synset_starts =
            dict.synsets.iter().map(|(name, members)| (name.clone(), SynsetStarts::of(members))).collect();
        dict
    }

    /// False when no member of synset `name` can start at a token of word
    /// `form` and lemma `lemma`: every member starts with a literal word
    /// and none is the token's word as the coder compares them (form or
    /// lemma, singular or plural). Then trying each member there fails at
    /// its first word, before it binds anything; this test spares the
    /// coder that work at most positions of a clause.
    pub fn synset_may_start(&self, name: &str, form: &str, lemma: &str) -> bool {
        let Some(st) = self.synset_starts.get(name) else { return true };
        st.anywhere
            || st.firsts.contains(form)
            || st.firsts.contains(lemma)
            || form.strip_suffix('s').is_some_and(|stem| st.firsts.contains(stem))
            || st.firsts_without_s.contains(lemma)
    }

    /// Number of patterns.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

/// Parses the elements of one side of a pattern.
fn parse_elems(s: &str) -> Vec<Elem> {
    let mut out = Vec::new();
    let mut stack: Vec<(Vec<Elem>, bool)> = Vec::new();
    let mut word = String::new();
    let flush_word = |word: &mut String, target: &mut Vec<Elem>| {
        if word.is_empty() {
            return;
        }
        let parts: Vec<Elem> = word.split('_').filter(|p| !p.is_empty()).map(atom).collect();
        let joined = word.trim_end_matches('_').contains('_');
        if joined && parts.len() > 1 {
            target.push(Elem::Group(parts));
        } else {
            target.extend(parts);
        }
        word.clear();
    };
    for ch in s.chars() {
        match ch {
            '(' | '{' => {
                let cur = stack.last_mut().map_or(&mut out, |(g, _)| g);
                flush_word(&mut word, cur);
                stack.push((Vec::new(), ch == '('));
            }
            ')' | '}' => {
                let cur = stack.last_mut().map_or(&mut out, |(g, _)| g);
                flush_word(&mut word, cur);
                if let Some((group, pp)) = stack.pop() {
                    let parent = stack.last_mut().map_or(&mut out, |(g, _)| g);
                    if !group.is_empty() {
                        parent.push(if pp { Elem::Pp(group) } else { Elem::Group(group) });
                    }
                }
            }
            c if c.is_whitespace() => {
                let cur = stack.last_mut().map_or(&mut out, |(g, _)| g);
                flush_word(&mut word, cur);
            }
            c => word.push(c),
        }
    }
    let cur = stack.last_mut().map_or(&mut out, |(g, _)| g);
    flush_word(&mut word, cur);
    while let Some((group, _)) = stack.pop() {
        let parent = stack.last_mut().map_or(&mut out, |(g, _)| g);
        parent.extend(group);
    }
    out
}

fn atom(w: &str) -> Elem {
    match w {
        "$" => Elem::Source,
        "+" => Elem::Target,
        "^" => Elem::Skip,
        _ => {
            if let Some(s) = w.strip_prefix('&') {
                Elem::Syn(s.trim_end_matches('_').to_lowercase())
            } else if let Some(rest) = w.strip_prefix('+') {
                // "+WORD" marks the target at that word.
                if rest.is_empty() {
                    Elem::Target
                } else {
                    Elem::Word(norm_word(rest))
                }
            } else if let Some(rest) = w.strip_prefix('$') {
                if rest.is_empty() {
                    Elem::Source
                } else {
                    Elem::Word(norm_word(rest))
                }
            } else {
                Elem::Word(norm_word(w))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn actor_dictionary_resolves_dated_codes() {
        let text = "# c\nIRAN_  [IRN]\n+TEHRAN_\n+IRANIAN_\nKREMLIN_\n+RUSSIAN_WHITE_HOUSE\n\t[RUSGOV]\nSAM_GAMGEE\n\t[HOBCIV 950101-951231]\n\t[HOBGOV >960101]\n";
        let d = ActorDict::parse(text);
        assert_eq!(d.lookup(&words("Tehran said"), 0, None), Some((1, "IRN".into())));
        assert_eq!(d.lookup(&words("the Russian White House"), 1, None), Some((3, "RUSGOV".into())));
        assert_eq!(d.lookup(&words("Sam Gamgee"), 0, Some(19950601)), Some((2, "HOBCIV".into())));
        assert_eq!(d.lookup(&words("Sam Gamgee"), 0, None), Some((2, "HOBGOV".into())));
        assert_eq!(d.lookup(&words("Kremlins"), 0, None), None, "trailing _ forbids plurals");
        // A one-word name of a country code is a demonym: its plural names the people.
        assert_eq!(d.lookup(&words("Iranians protested"), 0, None), Some((1, "IRN".into())));
    }

    #[test]
    fn spaced_date_ranges_and_possessives() {
        let text = "SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
PEOPLE'S_REPUBLIC_OF_MORDOR_ [MOR]
";
        let d = ActorDict::parse(text);
        assert_eq!(d.lookup(&words("Smeagol"), 0, Some(19950101)), Some((1, "HOB".into())));
        assert_eq!(d.lookup(&words("Smeagol"), 0, Some(19951101)), Some((1, "HOBGOV".into())));
        assert_eq!(d.lookup(&words("Smeagol"), 0, Some(20000101)), Some((1, "HOBREB".into())));
        // The tokeniser splits "People's" into "People" and "'s".
        assert_eq!(d.lookup(&words("People 's Republic of Mordor"), 0, None), Some((5, "MOR".into())));
    }

    #[test]
    fn agents_expand_macros_and_plurals() {
        let d =
            AgentDict::parse("!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nCATTLE!PERSON! [~AGR]\nTRUCE_MONITOR [IGO~]\n");
        assert_eq!(d.lookup(&words("police"), 0).map(|(_, a)| a.code.as_str()), Some("COP"));
        assert_eq!(d.lookup(&words("cattlemen"), 0).map(|(_, a)| a.code.as_str()), Some("AGR"));
        assert!(d.lookup(&words("truce monitors"), 0).is_some_and(|(_, a)| a.prefix));
    }

    #[test]
    fn verb_patterns_parse() {
        let text = "&WEAPON\n+MISSILE\n+CRUISE_MISSILES\n\n--- SEND [---] ---\nSEND {SENDS SENT}\n+BLOW_UP [190]\n- * &WEAPON (TO +) [072]\n- $ * {ARMS SHIPMENT} [072:073]\n";
        let d = VerbDict::parse(text);
        assert_eq!(d.synsets["weapon"].len(), 2);
        assert_eq!(d.blocks.len(), 1);
        let p = &d.blocks[0].patterns;
        assert_eq!(p[0].post, vec![Elem::Syn("weapon".into()), Elem::Pp(vec![Elem::Word("to".into()), Elem::Target])]);
        assert_eq!(p[1].pre, vec![Elem::Source]);
        assert_eq!(p[1].code, "072:073");
        assert!(d.verbs.contains_key("sent"));
        assert_eq!(d.verbs["blow"][0].particles, vec!["up".to_string()]);
    }

    /// A synset may start wherever a member's first word is the token's
    /// as the coder compares words (form or lemma, either one plural),
    /// and anywhere when a member starts with no literal word.
    #[test]
    fn synset_starts_follow_the_coders_word_test() {
        let d = VerbDict::parse("&WEAPON\n+MISSILE\n+ARMS\n+{HEAVY GUN}\n\n&ANY\n+$ ATTACK\n");
        for (form, lemma) in
            [("missile", "missile"), ("missiles", "missile"), ("arms", "arm"), ("x", "arm"), ("heavy", "heavy")]
        {
            assert!(d.synset_may_start("weapon", form, lemma), "{form}/{lemma}");
        }
        assert!(!d.synset_may_start("weapon", "gun", "gun"), "a member's second word starts nothing");
        assert!(!d.synset_may_start("weapon", "the", "the"));
        assert!(d.synset_may_start("any", "the", "the"), "an actor slot may stand anywhere");
        assert!(d.synset_may_start("unknown", "the", "the"), "an unknown synset is tried as before");
    }
}
