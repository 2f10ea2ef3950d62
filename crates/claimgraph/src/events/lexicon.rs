//! claimgraph's own event lexicon: the PLOVER rules the CAMEO verb
//! dictionary does not express — verbs that govern another event
//! (intentions, refusals, threats, requests), transfer verbs whose giver is
//! the `from` phrase, weapon words and the assault modes they imply, event
//! nouns, and the words that mark negation, the future and the
//! hypothetical. Written for this project from the PLOVER manual's
//! definitions; nothing here names a particular actor.

use super::plover::PloverType;

/// How a governing verb changes the event it governs ("agree to help").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governor {
    /// Intention or willingness: the governed deed becomes AGREE (PLOVER:
    /// "future-tense CONSULT/SUPPORT/COOPERATE/AID is coded AGREE").
    Intent,
    /// Refusal: the governed deed becomes REJECT.
    Refuse,
    /// Threat: the governed deed becomes THREATEN, its type giving the mode.
    Threat,
    /// Request or order: the governed deed becomes REQUEST.
    Request,
    /// Wish or expectation: the governed deed keeps its type but is
    /// hypothetical ("looking forward to receiving").
    Wish,
    /// Attempt: the governed deed keeps its type ("tried to seize").
    Attempt,
}

/// The governor class of a verb or predicative adjective lemma.
pub fn governor(lemma: &str) -> Option<Governor> {
    use Governor::*;
    Some(match lemma {
        "agree" | "promise" | "pledge" | "offer" | "plan" | "intend" | "decide" | "prepare" | "ready" | "willing"
        | "prepared" | "propose" | "commit" | "undertake" | "resolve" | "consent" | "volunteer" => Intent,
        "refuse" | "decline" | "reject" | "unwilling" | "fail" => Refuse,
        "threaten" | "vow" | "warn" => Threat,
        "urge" | "ask" | "demand" | "request" | "order" | "call" | "appeal" | "press" | "instruct" | "invite"
        | "encourage" | "require" => Request,
        "hope" | "want" | "wish" | "expect" | "seek" | "look" | "consider" | "aim" | "need" => Wish,
        "try" | "attempt" | "continue" | "begin" | "start" | "resume" => Attempt,
        _ => return None,
    })
}

/// PLOVER readings of verbs that CAMEO codes otherwise or not at all,
/// from the manual's category definitions: summoning an envoy is a
/// complaint (ACCUSE), suing an allegation, resigning and surrendering a
/// RETREAT; accepting a demand is a concession, accepting an offer an
/// agreement. `object` is the lemma of the verb's object ("" if none).
/// The boolean says whether the reading overrides a CAMEO code.
pub fn verb_reading(lemma: &str, object: &str) -> Option<(PloverType, Option<&'static str>, bool)> {
    use PloverType::*;
    Some(match lemma {
        "summon" => (Accuse, Some("disapprove"), true),
        // Agreeing (to, that, on) is PLOVER's AGREE; signing is SUPPORT.
        "agree" => (Agree, None, true),
        "sue" => (Accuse, Some("allege"), true),
        "resign" | "surrender" | "capitulate" | "abdicate" => {
            (Retreat, if lemma == "resign" || lemma == "abdicate" { Some("resign") } else { None }, true)
        }
        "renege" => (Reject, None, true),
        "investigate" | "probe" => (Accuse, Some("investigate"), false),
        "accept" | "meet" | "heed" | "grant" | "satisfy" if is_demand(object) => (Concede, None, true),
        "accept" | "welcome" | "embrace" if matches!(object, "offer" | "proposal" | "plan" | "invitation") => {
            (Agree, None, false)
        }
        "boycott" => (Protest, Some("boycott"), true),
        // Expelling envoys, inspectors or missions reduces relations
        // (PLOVER SANCTION/expel); deporting people is COERCE.
        "expel" | "oust" if is_envoy(object) => (Sanction, Some("expel"), true),
        // Cutting aid, ties or talks (PLOVER SANCTION/discontinue).
        _ if is_discontinue(lemma) && is_relation(object) => (Sanction, Some("discontinue"), false),
        // Laying down work is a strike.
        "stop" | "down" | "lay" | "halt" if matches!(object, "work" | "tool" | "production") => {
            (Protest, Some("strike"), true)
        }
        // Permitting what was barred is a concession.
        "allow" | "permit" | "authorize" | "authorise" | "legalize" | "legalise" => (Concede, None, false),
        // Asking for shelter or help is a request (PLOVER REQUEST/assist).
        "seek" | "request" | "solicit" if is_aid_goods(object) || matches!(object, "refuge" | "protection") => {
            (Request, Some("assist"), true)
        }
        // Imposing a restriction is repression (COERCE), sanctions a
        // reduction of relations (SANCTION).
        "impose" | "institute" | "declare" | "introduce" | "reimpose" | "enforce" | "tighten" | "extend" | "order"
            if is_restriction(object) && !matches!(object, "law" | "state") || object == "curfew" =>
        {
            match object {
                "sanction" | "embargo" => (Sanction, None, true),
                "curfew" => (Coerce, Some("curfew"), true),
                _ => (Coerce, Some("restrict"), true),
            }
        }
        "mobilize" | "mobilise" | "deploy" | "mass" | "station" if is_troops(object) || is_weapon(object) => {
            (Mobilize, Some(if is_weapon(object) { "weapons" } else { "troops" }), true)
        }
        "lift" | "ease" | "relax" | "shorten" | "end" | "suspend" | "revoke" | "loosen" if is_restriction(object) => {
            (Concede, None, true)
        }
        "demonstrate" | "march" | "rally" | "riot" => {
            (Protest, if lemma == "riot" { Some("riot") } else { Some("demo") }, false)
        }
        _ => return None,
    })
}

/// Verbs that discontinue what they act on ("suspended aid", "ended the
/// talks"): with a cooperative deed or a relation as object, PLOVER
/// SANCTION/discontinue.
pub fn is_discontinue(lemma: &str) -> bool {
    matches!(lemma, "suspend" | "cut" | "halt" | "freeze" | "end" | "cancel" | "sever" | "break" | "terminate" | "stop")
}

/// Envoys and missions whose expulsion is a SANCTION.
pub fn is_envoy(lemma: &str) -> bool {
    matches!(
        lemma,
        "diplomat"
            | "ambassador"
            | "envoy"
            | "inspector"
            | "monitor"
            | "observer"
            | "peacekeeper"
            | "mission"
            | "attache"
            | "consul"
            | "delegation"
    )
}

/// Relations, help and exchanges whose suspension is a SANCTION.
pub fn is_relation(lemma: &str) -> bool {
    matches!(
        lemma,
        "aid"
            | "assistance"
            | "delivery"
            | "link"
            | "tie"
            | "relation"
            | "relations"
            | "cooperation"
            | "talk"
            | "talks"
            | "negotiation"
            | "mediation"
            | "contact"
            | "flight"
            | "trade"
            | "funding"
            | "loan"
            | "program"
            | "programme"
            | "effort"
            | "dialogue"
    )
}

/// Restrictions whose easing is a concession (PLOVER CONCEDE).
pub fn is_restriction(lemma: &str) -> bool {
    matches!(
        lemma,
        "curfew"
            | "ban"
            | "sanction"
            | "restriction"
            | "embargo"
            | "blockade"
            | "emergency"
            | "siege"
            | "law"
            | "state"
    )
}

/// Goods whose transfer is aid.
pub fn is_aid_goods(lemma: &str) -> bool {
    matches!(
        lemma,
        "aid"
            | "assistance"
            | "help"
            | "fund"
            | "money"
            | "loan"
            | "food"
            | "medicine"
            | "supplies"
            | "supply"
            | "grain"
            | "intelligence"
            | "equipment"
            | "training"
            | "relief"
            | "shelter"
            | "asylum"
            | "fuel"
            | "vaccine"
            | "credit"
            | "grant"
            | "donation"
    )
}

/// Nouns of demand: meeting one is a concession.
pub fn is_demand(lemma: &str) -> bool {
    matches!(lemma, "demand" | "request" | "condition" | "ultimatum" | "call" | "plea")
}

/// Light verbs whose object noun carries the event ("launched an attack",
/// "imposed sanctions", "staged a protest"): the noun is coded, with the
/// verb's subject as its actor.
pub fn is_light_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "launch"
            | "stage"
            | "hold"
            | "mount"
            | "conduct"
            | "carry"
            | "begin"
            | "start"
            | "continue"
            | "open"
            | "impose"
            | "reiterate"
            | "renew"
            | "announce"
            | "complete"
            | "make"
            | "issue"
            | "undertake"
            | "go"
    )
}

/// Verbs that refuse their object ("rejected the offer"). "Deny" is not
/// one: denying a report is a stance on a claim, not an event.
pub fn is_refusal(lemma: &str) -> bool {
    matches!(lemma, "reject" | "refuse" | "decline" | "rebuff" | "spurn" | "dismiss" | "veto" | "snub")
}

/// The REJECT mode given by what is refused.
pub fn refused_mode(object: &str) -> Option<&'static str> {
    Some(match object {
        "invitation" | "talk" | "talks" | "meeting" | "summit" | "visit" | "negotiation" => "meet",
        "demand" | "ultimatum" | "appeal" | "call" | "request" | "plea" => "yield",
        "aid" | "help" | "assistance" | "loan" => "assist",
        "proposal" | "plan" | "change" | "reform" | "offer" | "deal" | "initiative" => "change",
        _ => return None,
    })
}

/// Verbs of transfer whose giver is the `from` phrase and whose receiver is
/// the subject ("Russia bought drones from Iran": Iran gives).
pub fn is_reverse_transfer(lemma: &str) -> bool {
    matches!(lemma, "buy" | "purchase" | "receive" | "obtain" | "acquire" | "import" | "get" | "procure")
}

/// Verbs of giving or sending: with a weapon, troop or aid object they code
/// AID (material help that mainly benefits the recipient).
pub fn is_transfer(lemma: &str) -> bool {
    matches!(
        lemma,
        "supply"
            | "provide"
            | "deliver"
            | "transfer"
            | "send"
            | "give"
            | "ship"
            | "sell"
            | "export"
            | "hand"
            | "donate"
    ) || is_reverse_transfer(lemma)
}

/// Weapon head nouns (lemmas), with the assault mode they imply.
pub fn weapon_mode(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "drone" | "uav" | "shahed" | "shahid" | "geran" | "quadcopter" => "drone",
        "missile" | "rocket" | "artillery" | "shell" | "mortar" | "howitzer" | "tank" | "launcher" | "grad"
        | "himars" | "katyusha" => "heavy-weapons",
        "airstrike" | "warplane" | "jet" | "aircraft" | "bomber" | "helicopter" | "fighter" | "plane" | "airplane" => {
            "aerial"
        }
        "bomb" | "explosive" | "ied" | "mine" | "landmine" | "grenade" | "bombing" | "explosion" | "car-bomb" => {
            "explosives"
        }
        "gun" | "rifle" | "gunfire" | "bullet" | "firearm" | "pistol" | "machine-gun" | "sniper" | "gunman" => {
            "firearms"
        }
        "knife" | "machete" | "stone" | "rock" | "club" | "stick" | "axe" => "primitive",
        "gas" | "chemical" | "sarin" | "chlorine" | "nuclear" => "unconventional",
        "weapon" | "arm" | "ammunition" | "munition" | "armament" | "warhead" | "warship" | "submarine" | "frigate" => {
            "weapons"
        }
        _ => return None,
    })
}

/// True when the lemma names a weapon or weapon system.
pub fn is_weapon(lemma: &str) -> bool {
    weapon_mode(lemma).is_some()
}

/// Nouns for armed personnel: a transfer of them is military aid, their
/// movement mobilisation.
pub fn is_troops(lemma: &str) -> bool {
    matches!(
        lemma,
        "troop"
            | "soldier"
            | "force"
            | "mercenary"
            | "fighter"
            | "army"
            | "battalion"
            | "brigade"
            | "unit"
            | "reservist"
    )
}

/// Event nouns that code an event on their own ("an attack on X", "talks
/// with Y"), with their type and mode.
pub fn event_noun(lemma: &str) -> Option<(PloverType, Option<&'static str>)> {
    use PloverType::*;
    Some(match lemma {
        "attack" | "assault" | "strike" | "airstrike" | "bombardment" | "shelling" | "bombing" | "offensive"
        | "incursion" | "massacre" | "ambush" | "killing" | "clash" | "fighting" | "shooting" | "shootout"
        | "execution" | "hijacking" => (Assault, None),
        "assassination" => (Assault, Some("targeted")),
        "abduction" | "kidnapping" => (Assault, Some("abduct")),
        "raid" | "seizure" | "confiscation" => (Coerce, Some("seize")),
        "curfew" => (Coerce, Some("curfew")),
        "deportation" => (Coerce, Some("deport")),
        "censorship" => (Coerce, Some("censor")),
        "condemnation" | "criticism" | "complaint" | "rebuke" => (Accuse, Some("disapprove")),
        "lawsuit" | "indictment" => (Accuse, Some("allege")),
        "threat" | "warning" => (Threaten, None),
        "appeal" | "request" | "plea" => (Request, None),
        "offer" | "pledge" | "promise" | "proposal" => (Agree, None),
        "praise" | "endorsement" | "recognition" => (Support, None),
        "amnesty" | "pardon" | "apology" | "concession" => (Concede, None),
        "release" => (Retreat, Some("release")),
        "evacuation" => (Retreat, Some("withdraw")),
        "cooperation" => (Cooperate, None),
        "walkout" | "march" => (Protest, None),
        "talks" | "talk" | "meeting" | "negotiation" | "consultation" | "summit" | "visit" => (Consult, None),
        "conversation" | "call" => (Consult, Some("phone")),
        "protest" | "demonstration" | "rally" | "sit-in" | "riot" => (Protest, None),
        "boycott" => (Protest, Some("boycott")),
        "sanction" => (Sanction, None),
        "embargo" | "blockade" => (Coerce, Some("restrict")),
        "suspension" | "severance" => (Sanction, Some("discontinue")),
        "expulsion" => (Sanction, Some("expel")),
        "investigation" | "probe" | "inquiry" | "hearing" => (Accuse, Some("investigate")),
        "demand" | "ultimatum" => (Request, None),
        "invasion" => (Assault, None),
        "mediation" => (Consult, Some("third-party")),
        "withdrawal" | "pullout" => (Retreat, Some("withdraw")),
        "arrest" | "detention" | "crackdown" => (Coerce, Some("arrest")),
        "ceasefire" | "cease-fire" | "truce" => (Concede, None),
        "aid" | "assistance" => (Aid, None),
        "deployment" | "buildup" | "mobilization" | "mobilisation" => (Mobilize, Some("troops")),
        _ => return None,
    })
}

/// Verbs that report rather than act: their own code (CAMEO 01/02) is not
/// an event, and their complement is coded instead.
pub fn is_reporting(lemma: &str) -> bool {
    matches!(
        lemma,
        "say"
            | "tell"
            | "state"
            | "add"
            | "note"
            | "stress"
            | "report"
            | "announce"
            | "claim"
            | "confirm"
            | "insist"
            | "explain"
            | "declare"
            | "emphasize"
            | "emphasise"
            | "believe"
            | "think"
            | "write"
            | "argue"
            | "describe"
            | "continue"
            | "quote"
            | "underline"
            | "consider"
            | "regard"
            | "see"
            | "reiterate"
            | "indicate"
            | "mention"
            | "recall"
            | "suggest"
    )
}

/// Nouns of allegation: "rejected the allegation" is a denial (the claim's
/// stance), not a REJECT event.
pub fn is_allegation(lemma: &str) -> bool {
    matches!(
        lemma,
        "allegation" | "claim" | "accusation" | "charge" | "report" | "rumor" | "rumour" | "statement" | "assertion"
    )
}

/// Auxiliaries and adverbs that make a clause future.
pub fn is_future_marker(lemma: &str) -> bool {
    matches!(lemma, "will" | "shall" | "'ll")
}

/// Auxiliaries and subordinators that make a clause hypothetical.
pub fn is_hypothetical_marker(lemma: &str) -> bool {
    matches!(lemma, "may" | "might" | "could" | "would" | "should" | "if" | "unless" | "whether" | "can")
}

/// Negation words.
pub fn is_negation(lemma: &str) -> bool {
    matches!(lemma, "not" | "n't" | "never" | "no" | "neither" | "nor" | "without")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plover_readings_of_relations_envoys_and_restrictions() {
        assert_eq!(verb_reading("expel", "ambassador").map(|r| r.0), Some(PloverType::Sanction));
        assert_eq!(verb_reading("expel", "migrant"), None);
        assert_eq!(
            verb_reading("suspend", "aid").map(|r| (r.0, r.1)),
            Some((PloverType::Sanction, Some("discontinue")))
        );
        assert_eq!(verb_reading("impose", "curfew").map(|r| (r.0, r.1)), Some((PloverType::Coerce, Some("curfew"))));
        assert_eq!(verb_reading("impose", "sanction").map(|r| r.0), Some(PloverType::Sanction));
        assert_eq!(verb_reading("lift", "curfew").map(|r| r.0), Some(PloverType::Concede));
        assert_eq!(verb_reading("seek", "refuge").map(|r| r.0), Some(PloverType::Request));
        assert_eq!(verb_reading("stop", "work").map(|r| (r.0, r.1)), Some((PloverType::Protest, Some("strike"))));
        assert_eq!(event_noun("assassination"), Some((PloverType::Assault, Some("targeted"))));
        assert_eq!(event_noun("raid"), Some((PloverType::Coerce, Some("seize"))));
    }
}
