//! Evaluation of the event coder against the two open event-coding sets:
//!
//! - the **PLOVER gold-standard records** (`PLOVER_GSR_CAMEO.json`, 322
//!   sentences from the CAMEO manual recoded in PLOVER; old type names map
//!   DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Per
//!   sentence, the coder's *primary* event (the one whose trigger is highest
//!   in the dependency tree, first in the text on ties) is compared with the
//!   gold event: type accuracy; actor accuracy (the primary event's actor
//!   code — its first three letters: a country, or IGO/NGO/... — is one of
//!   the gold source codes); recipient accuracy likewise over the sentences
//!   with a gold target. A sentence without a predicted event counts wrong
//!   everywhere. The set is split by record position (even = dev, odd =
//!   held out) so that development can look at one half only.
//! - the **PETRARCH2 unit-test records** (`PETR.UnitTest.records.xml`, run
//!   with the `PETR.Validate.*` dictionaries on the sentence text, not the
//!   parses): every expected coding whose CAMEO code maps to PLOVER is
//!   *reproduced* when some event of the sentence has that PLOVER type, the
//!   expected source code as actor code and the expected target code as
//!   recipient code (paired codes such as `042:043` also give the reverse
//!   event). Codings whose code has no PLOVER meaning (01/02 statements and
//!   appeals, and the validation dictionary's non-CAMEO codes 21x-91x) are
//!   reported as excluded; "no event" records count correct when the coder
//!   produces no event. Like the PLOVER set, the records are split by
//!   position (even = dev, odd = held out).

use serde::Serialize;

use super::plover::{self, PloverType};
use crate::document::{Document, Event};

/// One PLOVER gold-standard sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct GsrRecord {
    /// Record id.
    pub id: String,
    /// Position in the file (0-based, DOCUMENT header excluded).
    pub index: usize,
    /// The sentence.
    pub text: String,
    /// The gold type (old names mapped).
    pub event: PloverType,
    /// Gold source actor codes.
    pub sources: Vec<String>,
    /// Gold target actor codes.
    pub targets: Vec<String>,
}

impl GsrRecord {
    /// True for the development half.
    pub fn is_dev(&self) -> bool {
        self.index.is_multiple_of(2)
    }
}

/// Reads the gold-standard file. Records whose type is not a PLOVER type
/// (the DOCUMENT header) are skipped.
pub fn read_gsr(json: &str) -> Result<Vec<GsrRecord>, serde_json::Error> {
    let values: Vec<serde_json::Value> = serde_json::from_str(json)?;
    let codes = |v: Option<&serde_json::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|x| x.get("code").and_then(|c| c.as_str())).map(str::to_string).collect())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for v in &values {
        let Some(event) = v.get("event").and_then(|e| e.as_str()).and_then(PloverType::parse) else { continue };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
        out.push(GsrRecord {
            id: v.get("id").and_then(|i| i.as_str()).unwrap_or("").to_string(),
            index: out.len(),
            text: text.to_string(),
            event,
            sources: codes(v.get("source")),
            targets: codes(v.get("target")),
        });
    }
    Ok(out)
}

/// The depth of a token in its dependency tree.
fn depth(doc: &Document, mut i: usize) -> usize {
    let toks = &doc.analysis.tokens;
    let mut d = 0;
    while let Some(h) = toks.get(i).and_then(|t| t.head) {
        d += 1;
        i = h;
        if d > 64 {
            break;
        }
    }
    d
}

/// The document's primary event: trigger highest in the dependency tree,
/// then first in the text.
pub fn primary_event(doc: &Document) -> Option<&Event> {
    doc.events.iter().min_by_key(|e| {
        let t = doc.analysis.token_at_or_after(e.trigger.start);
        (depth(doc, t), e.trigger.start, e.actor.is_none() as u8)
    })
}

/// The three-letter prefix of an actor code that the gold codes use.
fn code3(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// One scored PLOVER sentence, for error listings.
#[derive(Debug, Clone, Serialize)]
pub struct GsrOutcome {
    /// Record id.
    pub id: String,
    /// Dev half?
    pub dev: bool,
    /// Gold type.
    pub gold_type: String,
    /// Predicted type of the primary event.
    pub predicted_type: Option<String>,
    /// Gold source codes.
    pub gold_sources: Vec<String>,
    /// Predicted actor code.
    pub predicted_actor: Option<String>,
    /// Gold target codes.
    pub gold_targets: Vec<String>,
    /// Predicted recipient code.
    pub predicted_recipient: Option<String>,
    /// Type correct.
    pub type_ok: bool,
    /// Actor correct.
    pub actor_ok: bool,
    /// Recipient correct (None without a gold target).
    pub recipient_ok: Option<bool>,
    /// Some event of the sentence has the gold type.
    pub any_type_ok: bool,
    /// Every event of the sentence as `TYPE actor>recipient 'trigger'`,
    /// for error listings (filled for the dev half only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// The sentence (dev half only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// Scores the coder's output for one gold sentence.
pub fn score_gsr(rec: &GsrRecord, doc: &Document) -> GsrOutcome {
    let p = primary_event(doc);
    let pt = p.map(|e| e.event_type.clone());
    let pa = p.and_then(|e| e.actor.as_ref()).map(|a| a.code.clone());
    let pr = p.and_then(|e| e.recipient.as_ref()).map(|a| a.code.clone());
    let matches = |pred: &Option<String>, gold: &[String]| {
        pred.as_deref().is_some_and(|c| gold.iter().any(|g| g.eq_ignore_ascii_case(code3(c))))
    };
    GsrOutcome {
        id: rec.id.clone(),
        dev: rec.is_dev(),
        gold_type: rec.event.as_str().to_string(),
        type_ok: pt.as_deref() == Some(rec.event.as_str()),
        any_type_ok: doc.events.iter().any(|e| e.event_type == rec.event.as_str()),
        actor_ok: matches(&pa, &rec.sources),
        recipient_ok: (!rec.targets.is_empty()).then(|| matches(&pr, &rec.targets)),
        predicted_type: pt,
        gold_sources: rec.sources.clone(),
        predicted_actor: pa,
        gold_targets: rec.targets.clone(),
        predicted_recipient: pr,
        events: if rec.is_dev() {
            doc.events
                .iter()
                .map(|e| {
                    let code = |a: &Option<crate::document::EventActor>| {
                        a.as_ref().map_or("-".to_string(), |a| a.code.clone())
                    };
                    let trig = doc.text.get(e.trigger.start..e.trigger.end).unwrap_or("");
                    format!("{} {}>{} '{}'", e.event_type, code(&e.actor), code(&e.recipient), trig)
                })
                .collect()
        } else {
            Vec::new()
        },
        text: if rec.is_dev() { rec.text.clone() } else { String::new() },
    }
}

/// Aggregate PLOVER figures over a set of outcomes.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GsrFigures {
    /// Sentences.
    pub sentences: usize,
    /// Primary event type accuracy.
    pub type_accuracy: f64,
    /// Share of sentences where some event has the gold type.
    pub any_event_type_recall: f64,
    /// Primary actor accuracy.
    pub actor_accuracy: f64,
    /// Sentences with a gold target.
    pub with_target: usize,
    /// Primary recipient accuracy over those.
    pub recipient_accuracy: f64,
    /// Sentences without any predicted event.
    pub no_event: usize,
}

/// Aggregates outcomes.
pub fn gsr_figures<'a>(outcomes: impl Iterator<Item = &'a GsrOutcome>, no_event: usize) -> GsrFigures {
    let v: Vec<&GsrOutcome> = outcomes.collect();
    let n = v.len().max(1) as f64;
    let with_t: Vec<&&GsrOutcome> = v.iter().filter(|o| o.recipient_ok.is_some()).collect();
    GsrFigures {
        sentences: v.len(),
        type_accuracy: round(v.iter().filter(|o| o.type_ok).count() as f64 / n),
        any_event_type_recall: round(v.iter().filter(|o| o.any_type_ok).count() as f64 / n),
        actor_accuracy: round(v.iter().filter(|o| o.actor_ok).count() as f64 / n),
        with_target: with_t.len(),
        recipient_accuracy: round(
            with_t.iter().filter(|o| o.recipient_ok == Some(true)).count() as f64 / with_t.len().max(1) as f64,
        ),
        no_event,
    }
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// One expected coding of a PETRARCH unit-test record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PetrCoding {
    /// Expected source actor code.
    pub source: String,
    /// Expected target actor code.
    pub target: String,
    /// Expected CAMEO event code.
    pub cameo: String,
}

/// One PETRARCH unit-test sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetrRecord {
    /// Record id.
    pub id: String,
    /// Position in the file (0-based).
    pub index: usize,
    /// The story date (`yyyymmdd`), for dated actor codes.
    pub date: Option<u32>,
    /// The sentence text (white space normalised).
    pub text: String,
    /// Expected codings.
    pub codings: Vec<PetrCoding>,
    /// True for a "no events expected" record.
    pub no_events: bool,
    /// True when the record expects an input error (dateline, bad parse,
    /// discard) rather than codings.
    pub error: bool,
}

fn attr(s: &str, name: &str) -> Option<String> {
    let i = s.find(&format!("{name}="))?;
    let rest = s[i + name.len() + 1..].trim_start();
    let q = rest.chars().next()?;
    if q == '"' || q == '\'' {
        let body = &rest[1..];
        let end = body.find(q)?;
        Some(body[..end].trim_matches('"').to_string())
    } else {
        None
    }
}

fn attr_loose(s: &str, name: &str) -> Option<String> {
    // `noevents = "True"` has spaces around the '='.
    let i = s.find(name)?;
    let rest = s[i + name.len()..].trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// Reads the unit-test file (a light XML reader: the file's structure is
/// fixed and flat).
pub fn read_petrarch(xml: &str) -> Vec<PetrRecord> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<Sentence ") {
        let after = &rest[i..];
        let Some(end) = after.find("</Sentence>") else { break };
        let block = &after[..end];
        rest = &after[end + 11..];
        let head_end = block.find('>').unwrap_or(block.len());
        let head = &block[..head_end];
        let id = attr(head, "id").unwrap_or_default();
        let date = attr(head, "date").and_then(|d| d.parse().ok());
        let text = match (block.find("<Text>"), block.find("</Text>")) {
            (Some(a), Some(b)) if b > a => block[a + 6..b].split_whitespace().collect::<Vec<_>>().join(" "),
            _ => continue,
        };
        let mut codings = Vec::new();
        let mut no_events = false;
        let mut error = false;
        let mut r = block;
        while let Some(j) = r.find("<EventCoding") {
            let tag_end = r[j..].find('>').map(|k| j + k).unwrap_or(r.len());
            let tag = &r[j..tag_end];
            r = &r[tag_end..];
            if attr_loose(tag, "noevents").is_some() {
                no_events = true;
            } else if attr_loose(tag, "error").is_some() {
                error = true;
            } else if let (Some(s), Some(t), Some(e)) =
                (attr(tag, "sourcecode"), attr(tag, "targetcode"), attr(tag, "eventcode"))
            {
                codings.push(PetrCoding { source: s, target: t, cameo: e });
            }
        }
        out.push(PetrRecord { id, index: out.len(), date, text, codings, no_events, error });
    }
    out
}

impl PetrRecord {
    /// True for the development half.
    pub fn is_dev(&self) -> bool {
        self.index.is_multiple_of(2)
    }
}

/// The (actor, recipient, PLOVER type) triples an event stands for,
/// including the reverse event of a paired CAMEO code.
pub fn event_triples(e: &Event) -> Vec<(String, String, String)> {
    let a = e.actor.as_ref().map(|x| x.code.clone()).unwrap_or_default();
    let r = e.recipient.as_ref().map(|x| x.code.clone()).unwrap_or_default();
    let mut out = vec![(a.clone(), r.clone(), e.event_type.clone())];
    if let Some((_, second)) = e.cameo.as_deref().and_then(|c| c.split_once(':')) {
        if let Some(pc) = plover::from_cameo(second) {
            out.push((r, a, pc.event.as_str().to_string()));
        }
    }
    out
}

/// Aggregate PETRARCH figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PetrFigures {
    /// Records read.
    pub records: usize,
    /// Expected codings in all.
    pub codings: usize,
    /// Codings whose CAMEO code maps to PLOVER (the denominator).
    pub mappable: usize,
    /// Codings excluded because their code has no PLOVER meaning.
    pub excluded_unmappable: usize,
    /// Mappable codings reproduced (type, source and target).
    pub reproduced: usize,
    /// reproduced / mappable.
    pub reproduced_rate: f64,
    /// Mappable codings whose type and source are reproduced.
    pub type_and_source_rate: f64,
    /// Mappable codings whose type appears among the sentence's events.
    pub type_rate: f64,
    /// "No event" records.
    pub no_event_records: usize,
    /// Of those, records where the coder produced no event.
    pub no_event_correct: usize,
}

/// The outcome of one expected coding.
#[derive(Debug, Clone, Serialize)]
pub struct PetrOutcome {
    /// Record id.
    pub id: String,
    /// The expected coding.
    pub expected: PetrCoding,
    /// Its PLOVER type.
    pub plover: String,
    /// Reproduced in full.
    pub reproduced: bool,
    /// What the coder produced for the sentence: actor, recipient, type.
    pub predicted: Vec<(String, String, String)>,
}

/// Scores one record's expected codings against the coder's events.
pub fn score_petrarch(rec: &PetrRecord, events: &[Event], figs: &mut PetrFigures) -> Vec<PetrOutcome> {
    figs.records += 1;
    let predicted: Vec<(String, String, String)> = events.iter().flat_map(event_triples).collect();
    if rec.no_events {
        figs.no_event_records += 1;
        if events.is_empty() {
            figs.no_event_correct += 1;
        }
    }
    let mut out = Vec::new();
    for c in &rec.codings {
        figs.codings += 1;
        let Some(pc) = plover::from_cameo(&c.cameo) else {
            figs.excluded_unmappable += 1;
            continue;
        };
        figs.mappable += 1;
        let ty = pc.event.as_str();
        let full = predicted.iter().any(|(a, r, t)| t == ty && *a == c.source && *r == c.target);
        let src = predicted.iter().any(|(a, _, t)| t == ty && *a == c.source);
        let typ = predicted.iter().any(|(_, _, t)| t == ty);
        if full {
            figs.reproduced += 1;
        }
        figs.type_and_source_rate += f64::from(u8::from(src));
        figs.type_rate += f64::from(u8::from(typ));
        out.push(PetrOutcome {
            id: rec.id.clone(),
            expected: c.clone(),
            plover: ty.to_string(),
            reproduced: full,
            predicted: predicted.clone(),
        });
    }
    out
}

impl PetrFigures {
    /// Turns the counters into rates (call once, after all records).
    pub fn finish(&mut self) {
        let n = self.mappable.max(1) as f64;
        self.reproduced_rate = round(self.reproduced as f64 / n);
        self.type_and_source_rate = round(self.type_and_source_rate / n);
        self.type_rate = round(self.type_rate / n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gsr_with_old_names() {
        let json = r#"[{"event":"DOCUMENT","id":"d"},
            {"event":"FIGHT","id":"a","text":"X shelled Y.","source":[{"code":"SDN","sector":"REB"}],"target":[{"code":"SDN"}]},
            {"event":"DEMAND","id":"b","text":"X demanded.","source":[{"code":"USA"}],"target":""}]"#;
        let r = read_gsr(json).unwrap_or_default();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].event, PloverType::Assault);
        assert_eq!(r[1].event, PloverType::Request);
        assert!(r[1].targets.is_empty());
        assert!(r[0].is_dev() && !r[1].is_dev());
    }

    #[test]
    fn reads_petrarch_records() {
        let xml = r#"<Sentences><Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
 ties with Gondor.
</Text><Parse>(ROOT)</Parse></Sentence>
<Sentence date="19950101" id="N-1" sentence="true"><EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence></Sentences>"#;
        let r = read_petrarch(xml);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].text, "Arnor is about to restore ties with Gondor.");
        assert_eq!(r[0].codings[0], PetrCoding { source: "ARN".into(), target: "GON".into(), cameo: "064".into() });
        assert_eq!(r[0].date, Some(19950101));
        assert!(r[1].no_events);
    }
}
