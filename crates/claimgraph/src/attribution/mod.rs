//! Attribution: who says what. Finds cues, speakers and contents
//! ([`rules`]), resolves speakers through names, roles and pronouns
//! ([`speaker`]), decides stance ([`stance`]) and normalises each content to
//! a proposition ([`proposition`]).

pub mod context;
pub mod lexicon;
pub mod proposition;
pub mod quotes;
pub mod rules;
pub mod speaker;
pub mod stance;

use std::ops::Range;

use crate::document::{Claim, ClaimKind, DocEntity, Document, EntityKind, Mention, MentionForm, Speaker};
use crate::pipeline::Stage;
use context::Ctx;
use rules::{according_claim, find_cues, verb_claim, Draft};
use speaker::{organisation_phrase, resolve, Resolution};

/// Finds the attributed claims of a document.
pub struct ClaimStage;

impl ClaimStage {
    /// The stage with its built-in lexicons.
    pub fn new() -> Self {
        ClaimStage
    }
}

impl Default for ClaimStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for ClaimStage {
    fn name(&self) -> &'static str {
        "claims"
    }
    fn run(&self, doc: &mut Document) {
        let resolved = {
            let ctx = Ctx::new(doc);
            let drafts = find_drafts(&ctx);
            resolve_speakers(&ctx, drafts)
        };
        apply(doc, resolved);
    }
}

/// A draft with its speaker resolved.
struct Resolved {
    draft: Draft,
    entity: Option<usize>,
    /// An organisation to create for the speaker words ("Ukraine's air force").
    new_org: Option<String>,
}

/// Runs the rules over every sentence, then joins colon-introduced content
/// over its paragraph and drops nested "according to" claims.
fn find_drafts(ctx: &Ctx) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for s in &ctx.doc.analysis.sentences {
        let sent = s.tokens.clone();
        let cues = find_cues(ctx, &sent);
        for c in &cues {
            let d = if c.verb.is_some() { verb_claim(ctx, c, &sent, &cues) } else { according_claim(ctx, c, &sent) };
            if let Some(d) = d {
                drafts.extend(rules::split_coordinated(ctx, d));
            }
        }
    }
    extend_colon_content(ctx, &mut drafts);
    drop_nested_according(&mut drafts);
    drafts
}

/// Unquoted content after a colon continues over the following sentences
/// of its paragraph until one of them starts a new attribution: an
/// "according to", or a cue whose speaker is named, described or "he/she"
/// (a cue under "it"/"we"/"they" inside the speech is part of it, and its
/// own claim is dropped as nested).
fn extend_colon_content(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let starts_new: Vec<bool> = drafts.iter().map(|d| new_attribution(ctx, d)).collect();
    let cue_starts: Vec<usize> = drafts.iter().map(|d| d.cue.start).collect();
    let mut swallowed = vec![false; drafts.len()];
    for di in 0..drafts.len() {
        if !drafts[di].colon_open {
            continue;
        }
        let Some(last) = drafts[di].content.last().cloned() else { continue };
        let para = ctx.paragraph(last.start);
        let Some(si) = ctx.doc.analysis.sentence_of(last.start) else { continue };
        let mut end = last.end;
        for s in &ctx.doc.analysis.sentences[si + 1..] {
            if s.tokens.start >= para.end {
                break;
            }
            let inner: Vec<usize> = (0..drafts.len()).filter(|&k| s.tokens.contains(&cue_starts[k])).collect();
            if inner.iter().any(|&k| starts_new[k]) {
                break;
            }
            for k in inner {
                swallowed[k] = true;
            }
            end = rules::trim(ctx, s.tokens.clone()).end.max(end);
        }
        if let Some(l) = drafts[di].content.last_mut() {
            l.end = end;
        }
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !swallowed[k - 1]
    });
}

/// True when a draft opens a new attribution (see [`extend_colon_content`]).
fn new_attribution(ctx: &Ctx, d: &Draft) -> bool {
    if d.kind == ClaimKind::AccordingTo {
        return true;
    }
    let Some(sp) = &d.speaker else { return false };
    if sp.len() == 1 {
        if let Some(kind) = crate::entities::gazetteer::pronoun_kind(ctx.word(sp.start)) {
            use crate::entities::gazetteer::PronounKind;
            return matches!(kind, PronounKind::Masculine | PronounKind::Feminine);
        }
    }
    true
}

/// "According to X" inside another claim's content ("according to the
/// contract, Russia bought ..., Budanov continued"), or wrapping another
/// claim ("According to informants, this came when X said: ..."), is not a
/// separate claim.
fn drop_nested_according(drafts: &mut Vec<Draft>) {
    let spans: Vec<(Range<usize>, Range<usize>)> = drafts
        .iter()
        .map(|d| {
            (
                d.cue.clone(),
                d.content.first().map(|c| c.start).unwrap_or(0)..d.content.last().map(|c| c.end).unwrap_or(0),
            )
        })
        .collect();
    let mut keep = vec![true; drafts.len()];
    for (i, d) in drafts.iter().enumerate() {
        if d.kind != ClaimKind::AccordingTo {
            continue;
        }
        let (cue, content) = &spans[i];
        for (j, (other_cue, other_content)) in spans.iter().enumerate() {
            if i == j {
                continue;
            }
            let inside_other = other_content.contains(&cue.start);
            let wraps_other = content.contains(&other_cue.start);
            if inside_other || wraps_other {
                keep[i] = false;
            }
        }
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Resolves every draft's speaker in text order, so that pronouns find the
/// most recent speaker.
fn resolve_speakers(ctx: &Ctx, drafts: Vec<Draft>) -> Vec<Resolved> {
    let mut out: Vec<Resolved> = Vec::new();
    // (entity, token position) of each resolved speaker so far.
    let mut recent: Vec<(usize, usize)> = Vec::new();
    for d in drafts {
        let mut entity = None;
        let mut new_org = None;
        if d.shares_speaker {
            // The previous claim of the same sentence.
            let sent = ctx.doc.analysis.sentence_of(d.cue.start);
            if let Some(prev) = out.iter().rev().find(|r| ctx.doc.analysis.sentence_of(r.draft.cue.start) == sent) {
                entity = prev.entity;
                let mut d = d;
                d.speaker = prev.draft.speaker.clone();
                if let Some(e) = entity {
                    recent.push((e, d.cue.start));
                }
                out.push(Resolved { draft: d, entity, new_org: prev.new_org.clone() });
                continue;
            }
        }
        if let Some(np) = &d.speaker {
            match resolve(ctx, np, &recent) {
                Resolution::Entity(e) => entity = Some(e),
                Resolution::None => new_org = organisation_phrase(ctx, np),
            }
        }
        if let Some(e) = entity {
            recent.push((e, d.cue.start));
        }
        out.push(Resolved { draft: d, entity, new_org });
    }
    out
}

/// Writes the resolved drafts into the document as claims, adding pronoun
/// and role mentions to the entities they resolved to, and organisation
/// entities for descriptive organisation speakers.
fn apply(doc: &mut Document, resolved: Vec<Resolved>) {
    let tokens = &doc.analysis.tokens;
    let span_of = |r: &Range<usize>| crate::document::Span::new(tokens[r.start].start, tokens[r.end - 1].end);
    let mut claims = Vec::with_capacity(resolved.len());
    let mut new_mentions: Vec<Mention> = Vec::new();
    let mut new_entities: Vec<(String, crate::document::Span)> = Vec::new();
    for r in resolved {
        let d = r.draft;
        let speaker_span = d.speaker.as_ref().filter(|s| !s.is_empty()).map(&span_of);
        let mut entity = r.entity;
        if let (Some(e), Some(sp)) = (entity, speaker_span) {
            // Record the speaker words as a mention of the entity unless a
            // mention of it already lies inside them.
            let covered = doc.entities[e].mentions.iter().any(|&m| sp.contains(doc.mentions[m].span));
            if !covered && !new_mentions.iter().any(|m| m.span == sp) {
                let form = if sp.end - sp.start <= 4
                    && crate::entities::gazetteer::pronoun_kind(sp.text(&doc.text)).is_some()
                {
                    MentionForm::Pronoun
                } else {
                    MentionForm::Role
                };
                new_mentions.push(Mention { span: sp, kind: doc.entities[e].kind, form, entity: Some(e) });
            }
        }
        if entity.is_none() {
            if let (Some(name), Some(sp)) = (r.new_org, speaker_span) {
                let idx = match doc
                    .entities
                    .iter()
                    .position(|e| e.kind == EntityKind::Organization && e.name.eq_ignore_ascii_case(&name))
                {
                    Some(i) => i,
                    None => match new_entities.iter().position(|(n, _)| n.eq_ignore_ascii_case(&name)) {
                        Some(k) => doc.entities.len() + k,
                        None => {
                            new_entities.push((name.clone(), sp));
                            doc.entities.len() + new_entities.len() - 1
                        }
                    },
                };
                new_mentions.push(Mention {
                    span: sp,
                    kind: EntityKind::Organization,
                    form: MentionForm::Name,
                    entity: Some(idx),
                });
                entity = Some(idx);
            }
        }
        let content_parts: Vec<crate::document::Span> = d.content.iter().map(&span_of).collect();
        let content = crate::document::Span::new(content_parts[0].start, content_parts[content_parts.len() - 1].end);
        claims.push(Claim {
            speaker: Speaker { span: speaker_span, entity },
            cue: span_of(&d.cue),
            content,
            content_parts: if content_parts.len() > 1 { content_parts } else { Vec::new() },
            stance: d.stance,
            kind: d.kind,
            hedged: d.hedged,
            confidence: d.confidence,
            proposition: None,
        });
    }
    for (name, _) in new_entities {
        doc.entities.push(DocEntity {
            name: name.clone(),
            kind: EntityKind::Organization,
            aliases: vec![name],
            roles: Vec::new(),
            mentions: Vec::new(),
            global_id: None,
        });
    }
    // Merge the new mentions in text order and re-index entity mentions.
    doc.mentions.extend(new_mentions);
    let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
    order.sort_by_key(|&m| doc.mentions[m].span);
    let mentions: Vec<Mention> = order.iter().map(|&m| doc.mentions[m].clone()).collect();
    doc.mentions = mentions;
    for e in doc.entities.iter_mut() {
        e.mentions.clear();
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(e) = m.entity {
            if let Some(ent) = doc.entities.get_mut(e) {
                ent.mentions.push(i);
            }
        }
    }
    claims.sort_by_key(|c| c.cue.start);
    doc.claims = claims;
}
