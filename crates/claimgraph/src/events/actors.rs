//! Actor coding: a noun phrase (or an entity) to a CAMEO-style actor code,
//! a country and a sector, from the actor and agent dictionaries, the
//! entity registry's roles, and capital-city metonymy.

use std::collections::HashMap;

use super::dict::{ActorDict, Agent, AgentDict};
use crate::document::EventActor;
use crate::entities::gazetteer::Countries;

/// What the dictionaries say about a span of words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coded {
    /// The actor dictionary's code ("IRN", "RUSGOV", "IGOUNO").
    pub actor: Option<String>,
    /// The agent (sector) found.
    pub agent: Option<Agent>,
    /// True when the actor is a capital city standing for its government.
    pub capital: bool,
}

impl Coded {
    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.actor.is_none() && self.agent.is_none()
    }

    /// The combined code: PETRARCH's rules (a `~XYZ` agent follows a bare
    /// country code; `XYZ~` precedes it; an agent alone is `---XYZ`).
    pub fn code(&self) -> Option<String> {
        match (&self.actor, &self.agent) {
            (Some(a), Some(g)) if g.prefix => Some(format!("{}{}", g.code, a)),
            (Some(a), Some(g)) if a.len() == 3 => Some(format!("{a}{}", g.code)),
            (Some(a), _) if self.capital && a.len() == 3 => Some(format!("{a}GOV")),
            (Some(a), _) => Some(a.clone()),
            (None, Some(g)) if g.prefix => Some(g.code.clone()),
            (None, Some(g)) => Some(format!("---{}", g.code)),
            (None, None) => None,
        }
    }

    /// An [`EventActor`] for this coding.
    pub fn to_actor(&self, text: String) -> Option<EventActor> {
        let code = self.code()?;
        Some(actor_from_code(code, text))
    }
}

/// Splits a code into country and sector: the country when the first three
/// letters are a country of the gazetteer, the sector the next three.
pub fn actor_from_code(code: String, text: String) -> EventActor {
    let head = code.get(..3).unwrap_or("");
    let country = Countries::get().by_code(head).map(|c| c.code.clone());
    let sector = if country.is_some() || head == "---" {
        code.get(3..6).filter(|s| !s.is_empty()).map(str::to_string)
    } else {
        // IGO, NGO, IMG...: the group code is the sector.
        Some(head.to_string()).filter(|s| !s.is_empty())
    };
    EventActor { entity: None, span: None, text, code, country, sector }
}

/// The actor lexicon: the PETRARCH actor and agent dictionaries and the
/// capital cities.
#[derive(Debug, Clone, Default)]
pub struct ActorLexicon {
    /// Names to actor codes.
    pub actors: ActorDict,
    /// Common nouns to sectors.
    pub agents: AgentDict,
    /// Capital city (lower case) to ISO3 country code.
    pub capitals: HashMap<String, String>,
    /// Actor codes by date (`yyyymmdd`), for dated dictionaries.
    pub date: Option<u32>,
}

impl ActorLexicon {
    /// Codes a run of lower-cased words: the actor name (longest, first)
    /// and the agent noun found in them.
    pub fn code_words(&self, words: &[String]) -> Coded {
        let mut out = Coded::default();
        let mut i = 0;
        while i < words.len() {
            if out.actor.is_none() {
                if let Some((n, code)) = self.actors.lookup(words, i, self.date) {
                    out.capital =
                        self.capitals.get(&words[i..i + n].join(" ")).is_some_and(|c| code.starts_with(c.as_str()));
                    out.actor = Some(code);
                    i += n;
                    continue;
                }
            }
            if let Some((n, agent)) = self.agents.lookup(words, i) {
                // The longest agent wins ("foreign minister" over "minister").
                if out.agent.is_none() || n > 1 {
                    out.agent = Some(agent.clone());
                }
                i += n;
                continue;
            }
            i += 1;
        }
        out
    }

    /// Codes a free text (an entity's name or role description).
    pub fn code_text(&self, text: &str) -> Coded {
        self.code_words(&text_words(text))
    }
}

/// Lower-cased words of a text, possessives split off and edge punctuation
/// removed, the way the tokeniser would give them.
pub fn text_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-' && c != '.');
        let w = w.trim_end_matches('.');
        let lower = w.to_lowercase().replace('’', "'");
        if let Some(stem) = lower.strip_suffix("'s") {
            if !stem.is_empty() {
                out.push(stem.to_string());
            }
            out.push("'s".to_string());
        } else if !lower.is_empty() {
            out.push(lower);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> ActorLexicon {
        let actors =
            ActorDict::parse("IRAN_ [IRN]\n+IRANIAN\n+TEHRAN_\nKREMLIN_\n\t[RUSGOV]\nUNITED_NATIONS [IGOUNO]\n");
        let agents = AgentDict::parse("FOREIGN_MINISTER [~GOVFRM]\nMINISTER [~GOV]\nPOLICE {} [~COP]\n");
        let capitals = [("tehran".to_string(), "IRN".to_string())].into_iter().collect();
        ActorLexicon { actors, agents, capitals, date: None }
    }

    #[test]
    fn codes_roles_and_metonymy() {
        let lex = lexicon();
        assert_eq!(lex.code_text("Iran’s foreign minister").code(), Some("IRNGOVFRM".into()));
        assert_eq!(lex.code_text("the Iranian police").code(), Some("IRNCOP".into()));
        assert_eq!(lex.code_text("Tehran").code(), Some("IRNGOV".into()));
        assert_eq!(lex.code_text("the Kremlin").code(), Some("RUSGOV".into()));
        assert_eq!(lex.code_text("police").code(), Some("---COP".into()));
        let a = lex.code_text("Tehran").to_actor("Tehran".into()).unwrap_or_default();
        assert_eq!((a.country.as_deref(), a.sector.as_deref()), (Some("IRN"), Some("GOV")));
        let un = lex.code_text("the United Nations").to_actor("UN".into()).unwrap_or_default();
        assert_eq!((un.country, un.sector.as_deref()), (None, Some("IGO")));
    }
}
