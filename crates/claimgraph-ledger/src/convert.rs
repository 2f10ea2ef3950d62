//! Conversions between the public record ([`DocRecord`], code-point
//! offsets, entity ids as strings) and the pipeline's [`Document`] (byte
//! offsets, entity indices), so that records produced elsewhere (an
//! `extract` run, another ledger's export, the synthetic corpus) go through
//! the same entity registry as freshly analysed articles.

use claimgraph::document::{
    Argument, Claim, ClaimKind, DocEntity, DocMeta, Document, EntityKind, Frame, Mention, MentionForm, Proposition,
    Quantity, Span, Speaker, Stance,
};
use claimgraph::output::{ArgumentOut, DocRecord};

/// The entity kind named by the contract's string.
pub fn entity_kind(s: &str) -> EntityKind {
    match s {
        "person" => EntityKind::Person,
        "organization" | "organisation" => EntityKind::Organization,
        "location" => EntityKind::Location,
        _ => EntityKind::Other,
    }
}

/// The stance named by the contract's string (anything but "denies" affirms).
pub fn stance(s: &str) -> Stance {
    if s == "denies" {
        Stance::Denies
    } else {
        Stance::Affirms
    }
}

fn claim_kind(s: &str) -> ClaimKind {
    match s {
        "direct" => ClaimKind::Direct,
        "mixed" => ClaimKind::Mixed,
        "according_to" => ClaimKind::AccordingTo,
        _ => ClaimKind::Indirect,
    }
}

const PRONOUNS: &[&str] = &["he", "she", "they", "him", "her", "them", "his", "its", "it", "we", "i"];

/// Rebuilds a [`Document`] from a record. The document id is recomputed
/// from the text (so it is always the clean-text hash); offsets outside the
/// text are clamped; entity references that name no entity are dropped.
pub fn record_to_document(rec: &DocRecord) -> Document {
    let text = rec.doc.text.clone();
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let to_byte = |cp: usize| byte_at.get(cp).copied().unwrap_or(text.len());
    let span = |start: usize, end: usize| Span::new(to_byte(start), to_byte(end.max(start)));
    let meta = DocMeta {
        source: rec.doc.source.clone(),
        title: rec.doc.title.clone(),
        published: rec.doc.published.clone(),
        url: rec.doc.url.clone(),
    };
    let mut doc = Document::new(meta, text.clone());
    let index_of = |id: &Option<String>| id.as_ref().and_then(|id| rec.entities.iter().position(|e| &e.id == id));

    // Mentions in text order, each pointing at its entity.
    let mut mentions: Vec<(Span, usize)> = Vec::new();
    for (i, e) in rec.entities.iter().enumerate() {
        for m in &e.mentions {
            mentions.push((span(m.start, m.end), i));
        }
    }
    mentions.sort();
    let mut entities: Vec<DocEntity> = rec
        .entities
        .iter()
        .map(|e| DocEntity {
            name: e.name.clone(),
            kind: entity_kind(&e.kind),
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            mentions: Vec::new(),
            global_id: None,
        })
        .collect();
    for (mi, (sp, ei)) in mentions.iter().enumerate() {
        let surface = sp.text(&text);
        let e = &rec.entities[*ei];
        let form = if PRONOUNS.contains(&surface.to_lowercase().as_str()) {
            MentionForm::Pronoun
        } else if e.aliases.iter().any(|a| a == surface) || e.name == surface {
            MentionForm::Name
        } else {
            MentionForm::Role
        };
        doc.mentions.push(Mention { span: *sp, kind: entities[*ei].kind, form, entity: Some(*ei) });
        entities[*ei].mentions.push(mi);
    }
    doc.entities = entities;

    let argument =
        |a: &ArgumentOut| Argument { entity: index_of(&a.entity), text: a.text.clone(), head: a.head.clone() };
    doc.claims = rec
        .claims
        .iter()
        .map(|c| Claim {
            speaker: Speaker {
                span: match (c.speaker.start, c.speaker.end) {
                    (Some(s), Some(e)) => Some(span(s, e)),
                    _ => None,
                },
                entity: index_of(&c.speaker.entity),
            },
            cue: span(c.cue.start, c.cue.end),
            content: span(c.content.start, c.content.end),
            content_parts: c.content.parts.iter().map(|p| span(p.start, p.end)).collect(),
            stance: stance(&c.stance),
            kind: claim_kind(&c.kind),
            hedged: c.hedged,
            confidence: c.confidence,
            proposition: c.proposition.as_ref().map(|p| Proposition {
                actor: p.actor.as_ref().map(argument),
                predicate: p.predicate.clone(),
                object: p.object.as_ref().map(argument),
                recipient: p.recipient.as_ref().map(argument),
                negated: p.negated,
                terms: p.terms.clone(),
                quantities: p.quantities.clone(),
                frames: p
                    .frames
                    .iter()
                    .map(|f| Frame {
                        predicate: f.predicate.clone(),
                        actor: f.actor.as_ref().map(argument),
                        object: f.object.as_ref().map(argument),
                        recipient: f.recipient.as_ref().map(argument),
                        negated: f.negated,
                        quantities: f.quantities.clone(),
                    })
                    .collect(),
                rejection: p.rejection,
                answers: p.answers.iter().filter_map(|id| rec.claims.iter().position(|c| &c.id == id)).collect(),
            }),
        })
        .collect();
    doc.quantities = rec
        .quantities
        .iter()
        .map(|q| Quantity {
            value: q.value,
            max: q.max,
            unit: q.unit.clone(),
            span: span(q.start, q.end),
            approximate: q.approximate,
            per: q.per.clone(),
            claim: q.claim.as_ref().and_then(|id| rec.claims.iter().position(|c| &c.id == id)),
            range_end: q.range_end,
        })
        .collect();
    doc.events = claimgraph::events::json::from_json(
        &rec.events,
        &to_byte,
        &|id| rec.entities.iter().position(|e| e.id == id),
        &|id| rec.claims.iter().position(|c| c.id == id),
    );
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_round_trips_through_document() {
        let text = "Zöe Marten said Iran sent drones.";
        let mut doc = Document::new(DocMeta { source: "a.txt".into(), ..Default::default() }, text.to_string());
        doc.mentions.push(Mention {
            span: Span::new(0, 11),
            kind: EntityKind::Person,
            form: MentionForm::Name,
            entity: Some(0),
        });
        doc.entities.push(DocEntity {
            name: "Zöe Marten".into(),
            kind: EntityKind::Person,
            aliases: vec!["Zöe Marten".into()],
            roles: vec![],
            mentions: vec![0],
            global_id: Some("e1".into()),
        });
        doc.claims.push(Claim {
            speaker: Speaker { span: Some(Span::new(0, 11)), entity: Some(0) },
            cue: Span::new(12, 16),
            content: Span::new(17, 33),
            content_parts: vec![],
            stance: Stance::Affirms,
            kind: ClaimKind::Indirect,
            hedged: false,
            confidence: 0.9,
            proposition: None,
        });
        let rec = DocRecord::from_document(&doc);
        let back = record_to_document(&rec);
        assert_eq!(back.id, doc.id);
        assert_eq!(back.claims, doc.claims);
        assert_eq!(back.mentions, doc.mentions);
        let mut again = DocRecord::from_document(&back);
        again.entities[0].id = "e1".into();
        again.claims[0].speaker.entity = Some("e1".into());
        assert_eq!(again, rec);
    }
}
