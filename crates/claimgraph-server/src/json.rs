//! The JSON of the answers that are computed on every cache miss (entity
//! pages and searches), written by hand: byte for byte what `serde_json`
//! writes for the same values (compact, fields in declaration order, `null`
//! for a missing value, a claim's `copy_of` left out when missing), in
//! about a third of the instructions.
//!
//! Why: an uncached entity page's JSON (some 30 KB, two hundred strings)
//! took a quarter of the server's instructions for it, most of them in
//! `serde_json`'s string escaping, which looks at every byte through a
//! table. Here eight bytes are checked at once for the three kinds of bytes
//! JSON escapes (controls, `"` and `\`), and runs without them are copied
//! whole. A test checks the output against `serde_json` on every type,
//! with every escaped byte.

use claimgraph_ledger::{AliasCount, ClaimRow, EntityPage, EntitySummary, RelationRow, RelationSide, TimelinePoint};

/// A value that writes itself as JSON, as `serde_json::to_writer` would.
pub trait WriteJson {
    /// Appends the value's JSON to `out`.
    fn write_json(&self, out: &mut Vec<u8>);
}

/// `serde_json`'s escape of a byte: 0 for none, else the letter after the
/// backslash (`u` for `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes of `w` is one JSON escapes: below 0x20,
/// `"` or `\` (the classic tests for a zero byte and a byte below n, which
/// never miss one; a byte of 0x80 or above never counts).
#[inline]
fn needs_escape(w: u64) -> bool {
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = w ^ (ONES * u64::from(b'"'));
    let backslash = w ^ (ONES * u64::from(b'\\'));
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    (below_space | zero(quote) | zero(backslash)) & HIGHS != 0
}

/// A JSON string: quoted, with `serde_json`'s escapes (the short forms
/// `\b \t \n \f \r \" \\`, other controls as `\u00xx` in lowercase hex;
/// nothing else escaped).
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    // `run` is where the bytes not yet copied begin.
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        // The next eight bytes; the last few padded with spaces, which are
        // not escaped (most strings here are ids and names, shorter than a
        // word or two, so the tail matters). A whole word is one load; only
        // the tail is copied byte by byte.
        let (word, step) = match b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            Some(w) => (w, 8),
            None => {
                let mut w = [b' '; 8];
                for (d, &c) in w.iter_mut().zip(&b[i..]) {
                    *d = c;
                }
                (w, b.len() - i)
            }
        };
        if !needs_escape(u64::from_le_bytes(word)) {
            i += step;
            continue;
        }
        let c = b[i];
        let e = ESCAPE[usize::from(c)];
        if e != 0 {
            out.extend_from_slice(&b[run..i]);
            out.push(b'\\');
            out.push(e);
            if e == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]]);
            }
            run = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

impl WriteJson for str {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

/// Numbers are written by `serde_json` itself, so that their form is its
/// form whatever its version (they are few: a claim's confidence, counts).
fn write_number<T: serde::Serialize>(out: &mut Vec<u8>, n: &T) {
    // Writing a number to a `Vec` cannot fail; `null` is what serde_json
    // writes for a float that is not finite.
    if serde_json::to_writer(&mut *out, n).is_err() {
        out.extend_from_slice(b"null");
    }
}

impl WriteJson for i64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_number(out, self);
    }
}

impl WriteJson for usize {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_number(out, self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl WriteJson for f64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_number(out, self);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(v) => v.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            v.write_json(out);
        }
        out.push(b']');
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        self.as_slice().write_json(out);
    }
}

/// Opens a JSON object and writes its fields, in the order given (as
/// serde's derive does: declaration order), leaving it open:
/// `fields!(out, "name" => value, ...)`.
macro_rules! fields {
    ($out:expr, $first:literal => $v:expr $(, $name:literal => $w:expr)* $(,)?) => {{
        let out: &mut Vec<u8> = $out;
        out.extend_from_slice(concat!("{\"", $first, "\":").as_bytes());
        $v.write_json(out);
        $(
            out.extend_from_slice(concat!(",\"", $name, "\":").as_bytes());
            $w.write_json(out);
        )*
    }};
}
pub(crate) use fields;

/// A whole JSON object: [`fields!`] and the closing brace.
macro_rules! object {
    ($out:expr, $($t:tt)*) => {{
        let out: &mut Vec<u8> = $out;
        $crate::json::fields!(out, $($t)*);
        out.push(b'}');
    }};
}
pub(crate) use object;

impl WriteJson for AliasCount {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out, "alias" => self.alias, "count" => self.count);
    }
}

impl WriteJson for EntitySummary {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "id" => self.id,
            "name" => self.name,
            "kind" => self.kind,
            "aliases" => self.aliases,
            "roles" => self.roles,
            "documents" => self.documents,
            "claims_by" => self.claims_by,
            "claims_about" => self.claims_about,
        );
    }
}

impl WriteJson for ClaimRow {
    fn write_json(&self, out: &mut Vec<u8>) {
        fields!(out,
            "id" => self.id,
            "doc_id" => self.doc_id,
            "source" => self.source,
            "title" => self.title,
            "published" => self.published,
            "speaker_entity" => self.speaker_entity,
            "speaker" => self.speaker,
            "speaker_text" => self.speaker_text,
            "cue" => self.cue,
            "content" => self.content,
            "stance" => self.stance,
            "kind" => self.kind,
            "hedged" => self.hedged,
            "confidence" => self.confidence,
            "proposition" => self.proposition,
        );
        // `skip_serializing_if = "Option::is_none"`.
        if let Some(c) = &self.copy_of {
            out.extend_from_slice(b",\"copy_of\":");
            c.write_json(out);
        }
        out.push(b'}');
    }
}

impl WriteJson for TimelinePoint {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "date" => self.date,
            "documents" => self.documents,
            "claims_by" => self.claims_by,
            "claims_about" => self.claims_about,
        );
    }
}

impl WriteJson for RelationSide {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "claim" => self.claim,
            "doc" => self.doc,
            "doc_id" => self.doc_id,
            "published" => self.published,
            "speaker" => self.speaker,
            "speaker_entity" => self.speaker_entity,
            "content" => self.content,
            "stance" => self.stance,
        );
    }
}

impl WriteJson for RelationRow {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "relation" => self.relation,
            "proposition" => self.proposition,
            "reason" => self.reason,
            "a" => self.a,
            "b" => self.b,
        );
    }
}

impl WriteJson for EntityPage {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "entity" => self.entity,
            "claims_by" => self.claims_by,
            "claims_about" => self.claims_about,
            "timeline" => self.timeline,
            "relations" => self.relations,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: WriteJson + ?Sized>(v: &T) -> Vec<u8> {
        let mut out = Vec::new();
        v.write_json(&mut out);
        out
    }

    /// Strings with every byte JSON escapes, at every offset of an
    /// eight-byte word, next to multi-byte characters.
    fn awkward() -> Vec<String> {
        let mut out = vec![String::new(), "plain ascii text of some length".into(), "é—\u{1F600}\u{7f}".into()];
        for c in (0u8..0x20).chain([b'"', b'\\', b'/', b' ', 0x7f]) {
            for pad in 0..10 {
                let s = format!("{}{}ünïcode {}", "x".repeat(pad), char::from(c), "y".repeat(pad * 3));
                out.push(s);
            }
        }
        out.push("\"\"\\\\\n\n\t\u{0}\u{1f}".into());
        out
    }

    fn claim(s: &str, i: usize) -> ClaimRow {
        ClaimRow {
            id: format!("c{i}{s}"),
            doc_id: s.into(),
            source: format!("{s}/src"),
            title: i.is_multiple_of(2).then(|| s.to_string()),
            published: (!i.is_multiple_of(3)).then(|| "2024-03-05".into()),
            speaker_entity: (!i.is_multiple_of(4)).then(|| format!("p{i}")),
            speaker: s.into(),
            speaker_text: s.into(),
            cue: "said".into(),
            content: s.repeat(3),
            stance: "affirms".into(),
            kind: "direct".into(),
            hedged: i % 2 == 1,
            confidence: [0.0, 1.0, 0.85, 0.1 + 0.2, 1e-7, 123456789.5, f64::NAN][i % 7],
            proposition: (!i.is_multiple_of(5)).then(|| s.to_string()),
            copy_of: (i % 3 == 1).then(|| format!("c{}", i + 1)),
        }
    }

    fn side(s: &str, i: usize) -> RelationSide {
        RelationSide {
            claim: format!("c{i}"),
            doc: s.into(),
            doc_id: s.into(),
            published: i.is_multiple_of(2).then(|| "2024-01-01".into()),
            speaker: s.into(),
            speaker_entity: i.is_multiple_of(3).then(|| s.to_string()),
            content: s.into(),
            stance: "denies".into(),
        }
    }

    #[test]
    fn strings_as_serde_json_writes_them() {
        for s in awkward() {
            assert_eq!(json(s.as_str()), serde_json::to_vec(&s).expect("json"), "{s:?}");
        }
        for x in [0.0, -0.0, 1.0, 0.5, 1e21, 1e-7, 0.30000000000000004, f64::INFINITY, f64::NAN] {
            assert_eq!(json(&x), serde_json::to_vec(&x).expect("json"), "{x}");
        }
        for n in [0i64, -1, i64::MAX, i64::MIN, 42] {
            assert_eq!(json(&n), serde_json::to_vec(&n).expect("json"));
        }
    }

    #[test]
    fn entity_pages_as_serde_json_writes_them() {
        let strings = awkward();
        for (i, s) in strings.iter().enumerate() {
            let page = EntityPage {
                entity: EntitySummary {
                    id: format!("p{i}"),
                    name: s.clone(),
                    kind: "person".into(),
                    aliases: (0..i % 3).map(|k| AliasCount { alias: format!("{s}{k}"), count: k as i64 }).collect(),
                    roles: (0..i % 4).map(|k| format!("{k}{s}")).collect(),
                    documents: i as i64,
                    claims_by: 2,
                    claims_about: -3,
                },
                claims_by: (0..i % 6).map(|k| claim(s, i + k)).collect(),
                claims_about: (0..i % 5).map(|k| claim(s, i * 7 + k)).collect(),
                timeline: (0..i % 4)
                    .map(|k| TimelinePoint { date: s.clone(), documents: k as i64, claims_by: 1, claims_about: 0 })
                    .collect(),
                relations: (0..i % 3)
                    .map(|k| RelationRow {
                        relation: "contradicts".into(),
                        proposition: s.clone(),
                        reason: s.clone(),
                        a: side(s, i + k),
                        b: side(s, i + k + 1),
                    })
                    .collect(),
            };
            assert_eq!(
                String::from_utf8(json(&page)).expect("utf-8"),
                serde_json::to_string(&page).expect("json"),
                "page {i}"
            );
        }
    }
}
