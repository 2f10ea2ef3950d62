//! Role descriptions: noun phrases such as "the head of Ukraine's military
//! intelligence" or "the Iranian foreign minister" that stand in for a
//! person, and the keys that let a later description find the person an
//! earlier one was attached to.

use std::collections::BTreeSet;
use std::ops::Range;

use claimgraph_nlp::Token;

use super::gazetteer::{role_class, Countries};

/// Words that may modify a role noun inside a role description.
const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "defense",
    "defence",
    "interior",
    "military",
    "intelligence",
    "senior",
    "top",
    "former",
    "deputy",
    "chief",
    "vice",
    "prime",
    "acting",
    "security",
    "national",
    "state",
    "government",
    "army",
    "air",
    "naval",
    "press",
    "public",
    "health",
    "finance",
    "economy",
    "economic",
    "trade",
    "justice",
    "education",
    "energy",
    "oil",
    "nuclear",
    "presidential",
    "supreme",
    "general",
    "ministry",
    "agency",
    "office",
    "department",
    "affairs",
    "high",
    "special",
    "regional",
    "local",
    "federal",
    "provincial",
    "party",
    "opposition",
    "ruling",
    "police",
    "border",
    "counterintelligence",
    "navy",
    "armed",
    "forces",
    "force",
    "staff",
    "joint",
    "central",
    "bank",
    "israeli",
    "western",
    "european",
    "anonymous",
    "unnamed",
    "informed",
    "diplomatic",
    "administration",
    "white",
    "house",
    "un",
    "eu",
    "nato",
    "international",
    "civil",
    "aviation",
    "atomic",
    "agriculture",
    "commerce",
    "transport",
    "communications",
    "information",
    "culture",
    "sports",
    "labour",
    "labor",
    "women",
    "human",
    "rights",
    "council",
    "committee",
    "commission",
    "intelligence",
    "secretary",
    "legal",
    "spokesman",
    "spokeswoman",
];

/// True when `w` may modify a role noun ("foreign", "security", "affairs").
pub fn is_role_modifier(w: &str) -> bool {
    let l = w.to_lowercase();
    ROLE_MODIFIERS.contains(&l.as_str()) || l == "affairs" || l == "information"
}

/// Determiners and possessive pronouns that may open a role description.
const ROLE_DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "its", "their", "our", "one", "two", "three", "some", "several", "many", "other"];

/// The comparable content of a role description.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RoleKey {
    /// The role class of the head noun ("head" for "chief" and "head").
    pub class: String,
    /// The country the role belongs to, when named ("IRN").
    pub country: Option<String>,
    /// Other content words, lower-cased ("foreign", "ministry").
    pub words: BTreeSet<String>,
    /// True when the head noun is plural ("officials").
    pub plural: bool,
}

impl RoleKey {
    /// True when two descriptions can name the same person: same role class,
    /// no conflicting country, and one's content words contain the other's
    /// (or they share most of them).
    pub fn matches(&self, other: &RoleKey) -> bool {
        if self.class != other.class || self.plural != other.plural {
            return false;
        }
        match (&self.country, &other.country) {
            (Some(a), Some(b)) if a != b => return false,
            _ => {}
        }
        if self.words.is_empty() || other.words.is_empty() {
            // "the minister" matches "Iran's foreign minister" only when the
            // bare side names the country or nothing at all.
            return true;
        }
        let inter = self.words.intersection(&other.words).count();
        let smaller = self.words.len().min(other.words.len());
        inter == smaller || inter * 3 >= self.words.len().max(other.words.len()) * 2
    }

    /// True when the description is specific enough to identify a person
    /// when no name stands next to it ("the Iranian foreign minister", not
    /// "an official").
    pub fn is_specific(&self) -> bool {
        !self.plural && (self.country.is_some() || !self.words.is_empty())
    }
}

/// A role description found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePhrase {
    /// Token range of the whole description.
    pub tokens: Range<usize>,
    /// The role noun's token.
    pub head: usize,
    /// Its key.
    pub key: RoleKey,
    /// True when it opens with "a"/"an"/"one" (indefinite: introduces
    /// someone new rather than referring back).
    pub indefinite: bool,
}

fn lower(tokens: &[Token], text: &str, i: usize) -> String {
    tokens[i].text(text).to_lowercase()
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'" | "’")
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The keys of role descriptions given as text (an entity's roles).
pub fn keys_of(texts: &[String]) -> Vec<RoleKey> {
    let mut out = Vec::new();
    for t in texts {
        let a = claimgraph_nlp::segment(t);
        out.extend(find_roles(t, &a.tokens, 0..a.tokens.len()).into_iter().map(|r| r.key));
    }
    out
}

/// Finds the role descriptions inside `range` of `tokens`.
pub fn find_roles(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<RolePhrase> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let word = tokens[i].text(text);
        let Some(class) = role_class(word) else {
            i += 1;
            continue;
        };
        // "general" is a role only when capitalised before a name or as a
        // noun after a determiner; as an adjective ("general election") skip.
        // "general" and "major" are adjectives too ("general election",
        // "major attack"): as roles they are capitalised, or a noun after
        // "the" that no noun follows ("the general said").
        let noun_use = i > range.start
            && matches!(lower(tokens, text, i - 1).as_str(), "the" | "a")
            && tokens
                .get(i + 1)
                .is_none_or(|t| !matches!(t.upos, claimgraph_nlp::Upos::NOUN | claimgraph_nlp::Upos::PROPN));
        if (word.eq_ignore_ascii_case("general") || word.eq_ignore_ascii_case("major"))
            && !is_capitalised(word)
            && !noun_use
        {
            i += 1;
            continue;
        }
        // Capitalised before another office or body word, it names no
        // rank: "the General Prosecutor's Office", "General Staff",
        // "General Assembly", "the general director".
        let next = tokens.get(i + 1).map(|t| t.text(text).trim_end_matches("'s").trim_end_matches("’s"));
        if (word.eq_ignore_ascii_case("general") || word.eq_ignore_ascii_case("major"))
            && next.is_some_and(|n| role_class(n).is_some() || super::gazetteer::is_org_word(n))
        {
            i += 1;
            continue;
        }
        let countries = Countries::get();
        let mut key = RoleKey {
            class: class.to_string(),
            plural: word.to_lowercase().ends_with('s')
                && !matches!(word.to_lowercase().as_str(), "boss" | "witness" | "chiefs"),
            ..Default::default()
        };
        // The rank of a one-word role ("vice-minister") is one of its words,
        // as "vice" is when written apart.
        if let Some((prefix, _)) = word.to_lowercase().split_once('-') {
            if super::gazetteer::ROLE_PREFIXES.contains(&prefix) {
                key.words.insert(prefix.to_string());
            }
        }
        // Walk left over modifiers, possessors and a determiner.
        let mut start = i;
        while start > range.start {
            let prev = tokens[start - 1].text(text);
            let pl = prev.to_lowercase();
            if is_possessive(prev) && start >= 2 && start - 2 >= range.start {
                let owner = tokens[start - 2].text(text);
                if let Some(c) = countries.lookup(owner) {
                    key.country.get_or_insert_with(|| c.code.clone());
                } else {
                    key.words.insert(owner.to_lowercase());
                }
                start -= 2;
                continue;
            }
            if let Some(c) = countries.lookup(prev).filter(|_| is_capitalised(prev)) {
                key.country.get_or_insert_with(|| c.code.clone());
                start -= 1;
                continue;
            }
            if ROLE_MODIFIERS.contains(&pl.as_str())
                || (is_capitalised(prev) && role_class(prev).is_none() && ROLE_MODIFIERS.contains(&pl.as_str()))
            {
                key.words.insert(pl);
                start -= 1;
                continue;
            }
            // A hyphenated prefix of the role: "vice-director", "co-founder".
            if prev == "-"
                && start >= range.start + 2
                && super::gazetteer::ROLE_PREFIXES.contains(&lower(tokens, text, start - 2).as_str())
            {
                key.words.insert(lower(tokens, text, start - 2));
                start -= 2;
                continue;
            }
            if ROLE_DETERMINERS.contains(&pl.as_str()) {
                start -= 1;
                break;
            }
            break;
        }
        // Walk right over "of/for/at/in" + a noun phrase of modifiers,
        // capitalised words and possessives.
        let mut end = i + 1;
        if end < range.end && matches!(lower(tokens, text, end).as_str(), "of" | "for" | "at" | "in" | "to") {
            let mut j = end + 1;
            let mut last_content = None;
            while j < range.end && j < end + 14 {
                let w = tokens[j].text(text);
                let wl = w.to_lowercase();
                // A verb ends the description; untagged, a reporting verb does.
                let verb = matches!(tokens[j].upos, claimgraph_nlp::Upos::VERB | claimgraph_nlp::Upos::AUX)
                    || (tokens[j].upos == claimgraph_nlp::Upos::X
                        && crate::attribution::lexicon::cue_verb(&wl).is_some());
                if verb
                    || matches!(
                        wl.as_str(),
                        "," | "." | ";" | ":" | "that" | "who" | "which" | "said" | "says" | "told"
                    )
                    || !w.chars().any(char::is_alphanumeric) && !is_possessive(w) && w != "-"
                {
                    break;
                }
                if let Some(c) = countries.lookup(w).filter(|_| is_capitalised(w)) {
                    key.country.get_or_insert_with(|| c.code.clone());
                    last_content = Some(j);
                } else if !(is_possessive(w) || matches!(wl.as_str(), "the" | "a" | "an" | "of" | "and" | "-")) {
                    key.words.insert(wl);
                    last_content = Some(j);
                }
                j += 1;
            }
            if let Some(lc) = last_content {
                end = lc + 1;
            }
        }
        let indefinite = matches!(lower(tokens, text, start).as_str(), "a" | "an" | "one");
        out.push(RolePhrase { tokens: start..end, head: i, key, indefinite });
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(String, RoleKey)> {
        let a = claimgraph_nlp::segment(text);
        find_roles(text, &a.tokens, 0..a.tokens.len())
            .into_iter()
            .map(|r| (text[a.tokens[r.tokens.start].start..a.tokens[r.tokens.end - 1].end].to_string(), r.key))
            .collect()
    }

    #[test]
    fn finds_role_descriptions_with_their_country() {
        let r = roles("But the head of Ukraine’s military intelligence confirmed it.");
        assert_eq!(r[0].0, "the head of Ukraine’s military intelligence");
        assert_eq!(r[0].1.country.as_deref(), Some("UKR"));
        let r = roles("The Iranian foreign minister noted that.");
        assert_eq!(r[0].0, "The Iranian foreign minister");
        assert_eq!(r[0].1.country.as_deref(), Some("IRN"));
    }

    #[test]
    fn descriptions_of_one_office_match() {
        let a = &roles("Krylo Budanov, head of Ukraine’s Military Intelligence Agency, said")[0].1;
        let b = &roles("the head of Ukraine’s military intelligence confirmed")[0].1;
        assert!(a.matches(b));
        let c = &roles("Hossein Amirabadollahian, Iran’s foreign minister, said")[0].1;
        let d = &roles("The Iranian foreign minister noted")[0].1;
        assert!(c.matches(d));
        let e = &roles("the spokesman for the Iranian Foreign Ministry, Nasser Kanani")[0].1;
        assert!(!e.matches(d));
        assert!(!a.matches(d));
    }
}
