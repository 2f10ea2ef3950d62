//! Tolls: how many people a claim says were killed, wounded or taken.
//!
//! News about one attack routinely carries several counts from several
//! sources ("five soldiers were martyred", said the army; "I counted 11
//! bodies", said a doctor). Such counts rarely share a predicate or an
//! object head, so the proposition alignment of [`crate::align`] misses
//! them; but inside one article they are counts of one event, and when they
//! disagree the sources contradict each other. A toll is a count of people
//! (the quantity's unit names people: soldiers, inmates, pupils, bodies…)
//! together with what happened to them, read from the nearest word of a
//! fate ("killed", "wounded", "abducted") around the number in the content.

use claimgraph::output::{ClaimOut, QuantityOut};

use crate::align::NUMBER_TOLERANCE;

/// What a toll counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Killed, dead, bodies.
    Dead,
    /// Wounded, injured.
    Wounded,
    /// Abducted, kidnapped, taken, missing.
    Taken,
    /// Rescued, freed, released: counted apart from the taken, so that
    /// "rescued four pupils" is no count of the abducted.
    Freed,
    /// Displaced, evacuated, made homeless.
    Displaced,
    /// Infected, poisoned, taken ill: counted apart from the dead, so that
    /// "infected 1,340 people and killed 57" counts 57 dead.
    Ill,
}

impl Fate {
    /// A word for the reason line.
    pub fn as_str(self) -> &'static str {
        match self {
            Fate::Dead => "dead",
            Fate::Wounded => "wounded",
            Fate::Taken => "abducted",
            Fate::Freed => "freed",
            Fate::Displaced => "displaced",
            Fate::Ill => "ill",
        }
    }
}

/// One count of people with their fate.
#[derive(Debug, Clone, PartialEq)]
pub struct Toll {
    /// What happened to them.
    pub fate: Fate,
    /// The count (lower bound of a range).
    pub value: f64,
    /// Upper bound of a range.
    pub max: Option<f64>,
    /// Who is counted ([`group_of`]): "" for people in general.
    pub group: &'static str,
    /// How the count bounds the toll ("at least nine people died" is nine
    /// or more, so it agrees with "eleven dead"; [`crate::align::Bound`]).
    pub bound: crate::align::Bound,
}

/// Groups of people a toll may count: two counts of one fate compare when
/// they count one group, or one of them counts people in general ("five
/// soldiers were killed" and "70 militants were killed" count two groups;
/// "eleven police officers were injured" and "three demonstrators were
/// treated for injuries" too).
const GROUPS: &[(&str, &[&str])] = &[
    (
        "security",
        &["soldier", "soldiers", "troops", "servicemen", "serviceman", "policemen", "officers", "police", "guards"],
    ),
    ("fighters", &["fighter", "fighters", "militant", "militants", "rebels", "insurgents", "gunmen"]),
    ("protesters", &["protesters", "demonstrators"]),
    (
        "workers",
        &["worker", "workers", "employee", "employees", "staff", "colleagues", "contractors", "miners", "crew"],
    ),
    ("prisoners", &["inmate", "inmates", "prisoner", "prisoners", "detainees"]),
    ("children", &["child", "children", "pupil", "pupils", "schoolchildren", "girls", "boys", "infants", "babies"]),
];

/// The group a unit counting people names: a [`GROUPS`] class, or ""
/// for people in general and for groups of no class.
fn group_of(unit: &str) -> &'static str {
    let unit = unit.to_lowercase();
    GROUPS.iter().find(|(_, forms)| forms.contains(&unit.as_str())).map_or("", |(class, _)| *class)
}

/// True when two groups ([`group_of`]) may be one: equal, or one general.
pub fn groups_meet(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty() || a == b
}

/// True when two toll units ([`Toll::as_number`]) count one fate of one
/// group of people.
pub fn toll_units_meet(a: &str, b: &str) -> bool {
    let (fa, ga) = a.split_once('/').unwrap_or((a, ""));
    let (fb, gb) = b.split_once('/').unwrap_or((b, ""));
    fa == fb && groups_meet(ga, gb)
}

/// The fate part of a toll unit (`~dead/security` → `~dead`): what rule 7
/// indexes, the groups being compared when matching.
pub fn toll_fate_unit(unit: &str) -> &str {
    unit.split_once('/').map_or(unit, |(f, _)| f)
}

/// The mark opening the unit of a toll read as a number
/// ([`Toll::as_number`]): no unit of a quantity starts with it.
pub const TOLL_UNIT_MARK: char = '~';

impl Toll {
    /// The toll as a number whose unit is its fate and group
    /// (`~wounded/workers`; `~dead` for people in general), for the
    /// aligner's rules 2 and 7: counts of one fate of one group compare
    /// whatever nouns and verbs they use ("nine employees were injured",
    /// "17 workers were wounded").
    pub fn as_number(&self) -> crate::align::NumberFact {
        let group = if self.group.is_empty() { String::new() } else { format!("/{}", self.group) };
        crate::align::NumberFact {
            value: self.value,
            max: self.max,
            unit: format!("{TOLL_UNIT_MARK}{}{group}", self.fate.as_str()),
            bound: self.bound,
            ..Default::default()
        }
    }
}

impl Toll {
    /// The interval the count states against `other`'s: a floor reaches up
    /// without end, a cap down to nothing, a range spans its ends
    /// ([`bounds_apply`]).
    fn span(&self, other: &Toll) -> (f64, f64) {
        let (lo, hi) = (self.value, self.max.unwrap_or(self.value));
        let apply = bounds_apply((self.bound, self.max.is_some()), (other.bound, other.max.is_some()));
        match self.bound {
            crate::align::Bound::Floor if apply => (lo, f64::INFINITY),
            crate::align::Bound::Cap if apply => (0.0, hi),
            _ => (lo, hi),
        }
    }
}

/// Whether two counts of one toll (each its bound, and whether it is a
/// range) are compared as the intervals their bounds state. A floor set
/// against one count ("at least nine people died" and "all eleven dead")
/// is filled in by it, so the two agree; but two counts that each state
/// the least they vouch for (two floors, or a floor and a range: "at least
/// seven dead" and "at least 19 dead"; "at least 31 inmates died" and
/// "from 40 to 60 bodies") are two sides' estimates of the toll, compared
/// by their values as before.
pub fn bounds_apply(a: (crate::align::Bound, bool), b: (crate::align::Bound, bool)) -> bool {
    let least = |(bound, range): (crate::align::Bound, bool)| bound == crate::align::Bound::Floor || range;
    !(least(a) && least(b))
}

/// True for the unit of a toll read as a number.
pub fn is_toll_unit(unit: &str) -> bool {
    unit.starts_with(TOLL_UNIT_MARK)
}

/// Units that count people (singular and plural forms as written).
const PEOPLE: &[&str] = &[
    "people",
    "person",
    "persons",
    "civilian",
    "civilians",
    "soldier",
    "soldiers",
    "troops",
    "servicemen",
    "serviceman",
    "fighter",
    "fighters",
    "militant",
    "militants",
    "inmate",
    "inmates",
    "prisoner",
    "prisoners",
    "child",
    "children",
    "pupil",
    "pupils",
    "student",
    "students",
    "schoolchildren",
    "girls",
    "boys",
    "women",
    "men",
    "resident",
    "residents",
    "villager",
    "villagers",
    "passenger",
    "passengers",
    "worker",
    "workers",
    "body",
    "bodies",
    "victim",
    "victims",
    "policemen",
    "officers",
    "police",
    "migrants",
    "refugees",
    "hostages",
    "sailors",
    "crew",
    "miners",
    "protesters",
    "demonstrators",
    "journalists",
    "dead",
    "wounded",
    "injured",
    "deaths",
    "fatalities",
    "employees",
    "employee",
    "staff",
    "colleagues",
    "contractors",
    "tourists",
    "fishermen",
    "firefighters",
    "guards",
    "members",
    "pilgrims",
    "farmers",
    "infants",
    "babies",
    "adults",
    "pedestrians",
    "drivers",
];

/// True when a quantity's unit counts people: the listed nouns, or the
/// plural of a person noun of the entity stage ("nurses", "pilots").
fn counts_people(unit: &str) -> bool {
    let unit = unit.to_lowercase();
    if PEOPLE.contains(&unit.as_str()) {
        return true;
    }
    let singular = match unit.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => unit.strip_suffix('s').unwrap_or(&unit).to_string(),
    };
    singular != unit && claimgraph::entities::gazetteer::is_person_noun(&singular)
}

/// The fate a word names, if any.
fn fate_of(word: &str) -> Option<Fate> {
    let w = word.to_lowercase();
    let starts = |stems: &[&str]| stems.iter().any(|s| w.starts_with(s));
    if starts(&["kill", "dead", "die", "death", "bodies", "body", "martyr", "perish", "fatal", "slain", "massacr"]) {
        Some(Fate::Dead)
    } else if starts(&["wound", "injur", "hurt", "maim"]) {
        Some(Fate::Wounded)
    } else if starts(&["abduct", "kidnap", "hostage", "missing", "taken", "seized"]) {
        Some(Fate::Taken)
    } else if starts(&["rescu", "freed", "releas", "escap", "returned", "reunit"]) {
        Some(Fate::Freed)
    } else if starts(&["displac", "evacuat", "homeless", "fled", "flee", "uproot"]) {
        Some(Fate::Displaced)
    } else if starts(&["infect", "sicken", "poison", "contamin", "hospitali", "illness"]) || w == "ill" {
        Some(Fate::Ill)
    } else {
        None
    }
}

/// The tolls a claim states: its quantities whose unit counts people, or
/// that have no unit and stand right beside their fate ([`bare_count`]), each
/// with the fate named nearest to it in the claim's content (within eight
/// words). A count with no fate near it is no toll.
pub fn tolls(claim: &ClaimOut, quantities: &[QuantityOut]) -> Vec<Toll> {
    let counts: Vec<&QuantityOut> = quantities
        .iter()
        .filter(|q| q.claim.as_deref() == Some(claim.id.as_str()) && !q.range_end && q.per.is_none())
        .filter(|q| counts_people(&q.unit) || bare_count(q))
        .collect();
    // Most claims count no people: nothing to read then (this runs on the
    // ledger's write path for every claim).
    if counts.is_empty() {
        return Vec::new();
    }
    let content: Vec<char> = claim.content.text.chars().collect();
    // Words of the content with their character offsets in the content.
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut at = None;
    for (i, &ch) in content.iter().chain(std::iter::once(&' ')).enumerate() {
        match (ch.is_alphanumeric() || ch == '-', at) {
            (true, None) => at = Some(i),
            (false, Some(s)) => {
                words.push((s, content[s..i].iter().collect()));
                at = None;
            }
            _ => {}
        }
    }
    // A count over years ("more than 1,500 students have been abducted
    // since 2014") is the background of the story, not its toll.
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let background = is_background(&lower);
    if background {
        return Vec::new();
    }
    let mut out = Vec::new();
    for q in counts {
        // A figure the claim rejects ("around 35 people, not 71") is none
        // of its tolls.
        let fact = crate::align::number_fact(q, &claim.content.text, claim.content.start);
        if fact.as_ref().is_some_and(|n| n.rejected) {
            continue;
        }
        let bound = fact.map(|n| n.bound).unwrap_or_default();
        let Some(rel) = q.start.checked_sub(claim.content.start) else { continue };
        let rel_end = q.end.saturating_sub(claim.content.start);
        let Some(first) = words.iter().position(|(s, _)| *s >= rel) else { continue };
        // "among the dead were 5 children", "including three women": a part
        // of a toll, not a toll of its own.
        let part = words[first.saturating_sub(6)..first]
            .iter()
            .any(|(_, w)| matches!(w.to_lowercase().as_str(), "among" | "including" | "whom"));
        // "two of the dead", "nine of them": a part of a count told
        // elsewhere (not "two of our colleagues", who are the toll).
        let of_part = words.get(first + 1).is_some_and(|(_, w)| w.eq_ignore_ascii_case("of"))
            && words
                .get(first + 2)
                .is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "the" | "them" | "those" | "whom" | "these"));
        if part || of_part {
            continue;
        }
        let last = words.iter().rposition(|(s, _)| *s < rel_end).unwrap_or(first);
        // A figure without a unit ([`bare_count`]) is a toll only with its
        // fate right beside it ("more than 40 were killed", "the number of
        // the dead is 19"), and never as a part ("two of the dead"), a
        // date or an hour ("in 2019", "at 5", "since 12").
        let bare = q.unit.trim().is_empty();
        if bare {
            let next = words.get(last + 1).map(|(_, w)| w.to_lowercase());
            let prev = first.checked_sub(1).map(|k| words[k].1.to_lowercase());
            if next.as_deref() == Some("of") || prev.as_deref().is_some_and(|p| BARE_BEFORE.contains(&p)) {
                continue;
            }
        }
        let reach = if bare { BARE_REACH } else { 8 };
        // The unit itself may say it ("11 bodies", "the 40 dead").
        let mut best: Option<(usize, Fate)> = fate_of(&q.unit).map(|f| (0, f));
        for (k, (_, w)) in words.iter().enumerate() {
            let distance = if k < first {
                first - k
            } else if k > last {
                k - last
            } else {
                continue;
            };
            if distance > reach {
                continue;
            }
            // A fate before the count across a conjunction tells of the
            // count before it ("nine were injured and two ... died").
            let joined = k < first
                && words[k + 1..first]
                    .iter()
                    .any(|(_, p)| matches!(p.to_lowercase().as_str(), "and" | "while" | "but" | "whereas"));
            if joined {
                continue;
            }
            // "two colleagues lost their lives".
            let lives = w.eq_ignore_ascii_case("lives")
                && words[k.saturating_sub(2)..k]
                    .iter()
                    .any(|(_, p)| matches!(p.to_lowercase().as_str(), "lost" | "claimed"));
            if let Some(f) = fate_of(w).or(lives.then_some(Fate::Dead)) {
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, f));
                }
            }
        }
        // A figure without a unit counts the dead, the wounded or the
        // displaced only: "release 210 and receive 210" is an exchange's
        // terms rather than a toll of the freed.
        let bare_fate = |f: Fate| matches!(f, Fate::Dead | Fate::Wounded | Fate::Displaced);
        if let Some((_, fate)) = best.filter(|(_, f)| !bare || bare_fate(*f)) {
            out.push(Toll { fate, value: q.value, max: q.max, group: group_of(&q.unit), bound });
        }
    }
    out
}

/// How near its fate a figure without a unit must stand to be a toll
/// ([`tolls`]): "40 were killed" (2), "the dead is 19" (2), "the death toll
/// rose to 4" (4 counts "death").
const BARE_REACH: usize = 4;

/// Words before a figure without a unit that make it a date, an hour or a
/// part of something else rather than a count of people ("in 2019", "at 5",
/// "since 12", "aged 19").
const BARE_BEFORE: &[&str] =
    &["in", "on", "at", "since", "from", "by", "of", "until", "after", "before", "per", "aged", "age", "no", "number"];

/// True for a quantity with no unit that may count people: a whole number,
/// not a year ("more than 40 were killed", "the number of the dead is
/// 19"); [`tolls`] then asks for its fate right beside it.
fn bare_count(q: &QuantityOut) -> bool {
    let v = q.value;
    q.unit.trim().is_empty()
        && q.per.is_none()
        && v.fract() == 0.0
        && v > 0.0
        && v < 100_000.0
        && !(1900.0..=2100.0).contains(&v)
}

/// True when a content's words (lower case) tell a count over a span of
/// time rather than of one event: "since 2014", "in 2019", "this year", "so
/// far", "to date", "in total", "since the start". Such a count is the
/// story's background, not its toll.
pub fn is_background(words: &[String]) -> bool {
    over_years(words)
        || words.windows(2).any(|w| {
            matches!(
                (w[0].as_str(), w[1].as_str()),
                ("in", "total")
                    | ("so", "far")
                    | ("since", "the")
                    | ("since", "their")
                    | ("since", "its")
                    | ("since", "it")
                    | ("since", "then")
                    | ("to", "date")
            )
        })
}

/// True when a content's words (lower case) count over years: "since
/// 2014", "in 2019", "this year", "each year". A narrower test than
/// [`is_background`]: a count over a year is no rival of one event's count
/// ("Greece has rescued more than 4,300 persons at sea this year" against
/// "rescued all 87 persons"), while a count "since the start of the month"
/// may still be one side's figure of a dispute (rule 7 of `align`).
pub fn over_years(words: &[String]) -> bool {
    let year =
        |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.chars().all(|c| c.is_ascii_digit());
    (0..words.len()).any(|k| {
        year(&words[k]) && words[k.saturating_sub(2)..k].iter().any(|w| matches!(w.as_str(), "since" | "from" | "in"))
    }) || words.windows(2).any(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str()),
            ("this", "year") | ("last", "year") | ("each", "year") | ("every", "year")
        )
    })
}

/// The first pair of tolls of one fate that disagree by more than
/// [`NUMBER_TOLERANCE`] (ranges that overlap agree), as `(a, b, fate)`.
pub fn disagreeing(a: &[Toll], b: &[Toll]) -> Option<(f64, f64, Fate)> {
    for x in a {
        for y in b.iter().filter(|y| y.fate == x.fate && groups_meet(x.group, y.group)) {
            let (xl, xh) = x.span(y);
            let (yl, yh) = y.span(x);
            let scale = [xl, xh, yl, yh].into_iter().filter(|v| v.is_finite()).fold(1.0, f64::max);
            let overlap = xl <= yh && yl <= xh;
            let near = (xl - yh).abs() / scale <= NUMBER_TOLERANCE || (yl - xh).abs() / scale <= NUMBER_TOLERANCE;
            if overlap || near {
                // Any agreeing pair of one fate settles it: the sources
                // agree on that count.
                return None;
            }
        }
    }
    a.iter().find_map(|x| {
        b.iter().find(|y| y.fate == x.fate && groups_meet(x.group, y.group)).map(|y| (x.value, y.value, x.fate))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Bound;

    fn claim(id: &str, text: &str) -> ClaimOut {
        let end = 100 + text.chars().count();
        serde_json::from_value(serde_json::json!({
            "id": id,
            "speaker": {"entity": null, "text": "", "start": null, "end": null},
            "cue": {"start": 0, "end": 0, "text": ""},
            "content": {"text": text, "start": 100, "end": end},
            "stance": "affirms",
            "kind": "indirect"
        }))
        .expect("a claim in the contract's shape")
    }

    fn quantity(claim: &str, text: &str, whole: &str, value: f64, unit: &str) -> QuantityOut {
        let at = whole.find(text).map(|b| whole[..b].chars().count()).unwrap_or(0);
        QuantityOut {
            value,
            max: None,
            unit: unit.into(),
            text: text.into(),
            start: 100 + at,
            end: 100 + at + text.chars().count(),
            approximate: false,
            per: None,
            claim: Some(claim.into()),
            range_end: false,
        }
    }

    #[test]
    fn counts_take_the_nearest_fate() {
        let text = "five soldiers had been martyred and 14 others wounded, while 23 civilians were injured";
        let c = claim("c1", text);
        let qs = [
            quantity("c1", "five soldiers", text, 5.0, "soldiers"),
            quantity("c1", "23 civilians", text, 23.0, "civilians"),
        ];
        let t = tolls(&c, &qs);
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].fate, t[0].value), (Fate::Dead, 5.0));
        assert_eq!((t[1].fate, t[1].value), (Fate::Wounded, 23.0));
    }

    #[test]
    fn counts_of_one_fate_disagree_and_others_do_not() {
        let a = [Toll { fate: Fate::Dead, value: 5.0, max: None, group: "", bound: Bound::Exact }];
        let b = [Toll { fate: Fate::Dead, value: 11.0, max: None, group: "", bound: Bound::Exact }];
        let c = [Toll { fate: Fate::Wounded, value: 11.0, max: None, group: "", bound: Bound::Exact }];
        let d = [Toll { fate: Fate::Dead, value: 4.0, max: Some(6.0), group: "", bound: Bound::Exact }];
        assert_eq!(disagreeing(&a, &b), Some((5.0, 11.0, Fate::Dead)));
        // Two groups of one fate are two counts; people in general meet both.
        let soldiers = [Toll { fate: Fate::Dead, value: 5.0, max: None, group: "security", bound: Bound::Exact }];
        let militants = [Toll { fate: Fate::Dead, value: 70.0, max: None, group: "fighters", bound: Bound::Exact }];
        assert_eq!(disagreeing(&soldiers, &militants), None);
        assert!(disagreeing(&soldiers, &b).is_some());
        assert!(toll_units_meet("~dead/security", "~dead") && !toll_units_meet("~dead/security", "~dead/fighters"));
        assert_eq!(toll_fate_unit("~dead/security"), "~dead");
        assert_eq!(disagreeing(&a, &c), None);
        assert_eq!(disagreeing(&a, &d), None);
        // A floor agrees with any count above it, a cap with any below.
        let floor = [Toll { fate: Fate::Dead, value: 9.0, max: None, group: "", bound: Bound::Floor }];
        let cap = [Toll { fate: Fate::Dead, value: 3.0, max: None, group: "", bound: Bound::Cap }];
        assert_eq!(disagreeing(&floor, &b), None);
        assert_eq!(disagreeing(&b, &floor), None);
        assert!(disagreeing(&floor, &a).is_some());
        // Two floors, or a floor and a range, are two estimates: compared
        // by their values.
        let floor19 = [Toll { value: 19.0, ..floor[0].clone() }];
        let range = [Toll { value: 40.0, max: Some(60.0), ..b[0].clone() }];
        let floor31 = [Toll { value: 31.0, ..floor[0].clone() }];
        assert!(disagreeing(&floor, &floor19).is_some());
        assert!(disagreeing(&floor31, &range).is_some());
        assert!(disagreeing(&cap, &a).is_some());
        assert_eq!(disagreeing(&cap, &[Toll { value: 2.0, ..cap[0].clone() }]), None);
    }

    #[test]
    fn bare_figures_beside_their_fate_are_tolls_and_parts_are_not() {
        let text = "the number of victims is much bigger and more than 40 were killed";
        let c = claim("c1", text);
        let qs = [quantity("c1", "more than 40", text, 40.0, "")];
        assert_eq!(tolls(&c, &qs).first().map(|t| (t.fate, t.value)), Some((Fate::Dead, 40.0)));
        let text = "the number of the dead is 19";
        let c = claim("c1", text);
        let qs = [quantity("c1", "19", text, 19.0, "")];
        assert_eq!(tolls(&c, &qs).first().map(|t| (t.fate, t.value)), Some((Fate::Dead, 19.0)));
        // An exchange's terms, a year and a figure far from any fate.
        let text = "the Coalition will release 210 and receive 210";
        let c = claim("c1", text);
        let qs = [quantity("c1", "210", text, 210.0, "")];
        assert!(tolls(&c, &qs).is_empty());
        let text = "the village was destroyed in 2019 and many were killed";
        let c = claim("c1", text);
        let qs = [quantity("c1", "2019", text, 2019.0, "")];
        assert!(tolls(&c, &qs).is_empty());
        // A part of a count told elsewhere.
        let text = "two of the dead were under 18 years old";
        let c = claim("c1", text);
        let qs = [quantity("c1", "two", text, 2.0, "")];
        assert!(tolls(&c, &qs).is_empty());
        let text = "9 of them were killed at the gate";
        let c = claim("c1", text);
        let qs = [quantity("c1", "9", text, 9.0, "")];
        assert!(tolls(&c, &qs).is_empty());
    }

    #[test]
    fn background_counts_and_rescues_are_no_toll_of_the_taken() {
        let text = "more than 1,500 students have been abducted from schools since 2014";
        let c = claim("c1", text);
        let qs = [quantity("c1", "more than 1,500 students", text, 1500.0, "students")];
        assert!(tolls(&c, &qs).is_empty());
        let text = "troops had made contact with the kidnappers and rescued four pupils";
        let c = claim("c1", text);
        let qs = [quantity("c1", "four pupils", text, 4.0, "pupils")];
        assert_eq!(tolls(&c, &qs).first().map(|t| t.fate), Some(Fate::Freed));
        let text = "among the dead there were 5 children under the age of 12";
        let c = claim("c1", text);
        let qs = [quantity("c1", "5 children", text, 5.0, "children")];
        assert!(tolls(&c, &qs).is_empty());
    }

    #[test]
    fn person_nouns_fates_and_lives_lost() {
        let got = fates(
            "nine employees were injured and two colleagues lost their lives",
            &[("nine employees", 9.0, "employees"), ("two colleagues", 2.0, "colleagues")],
        );
        assert_eq!(got, vec![(Fate::Wounded, 9.0), (Fate::Dead, 2.0)]);
        // A plural of a person noun counts people; the nearest fate wins.
        let got = fates(
            "the outbreak infected 1,340 nurses and killed 57 patients",
            &[("1,340 nurses", 1340.0, "nurses"), ("57 patients", 57.0, "patients")],
        );
        assert_eq!(got, vec![(Fate::Ill, 1340.0), (Fate::Dead, 57.0)]);
        let text = "about 900 villagers were evacuated";
        let qs = [quantity("c1", "about 900 villagers", text, 900.0, "villagers")];
        let t = tolls(&claim("c1", text), &qs);
        assert_eq!(
            t.iter().map(|t| (t.fate, t.as_number().unit)).collect::<Vec<_>>(),
            [(Fate::Displaced, "~displaced".to_string())]
        );
        // A count since the conflict began is its background.
        let got = fates(
            "the conflict has displaced about 900 people since it began",
            &[("about 900 people", 900.0, "people")],
        );
        assert!(got.is_empty());
    }

    /// The fates and values of the tolls in a claim of `text` whose counts
    /// are `counts` (phrase, value, unit).
    fn fates(text: &str, counts: &[(&str, f64, &str)]) -> Vec<(Fate, f64)> {
        let qs: Vec<QuantityOut> = counts.iter().map(|&(p, v, u)| quantity("c1", p, text, v, u)).collect();
        tolls(&claim("c1", text), &qs).iter().map(|t| (t.fate, t.value)).collect()
    }

    #[test]
    fn a_count_without_a_fate_is_no_toll() {
        let text = "up to 500 agents took part in the operation";
        let c = claim("c1", text);
        let qs = [quantity("c1", "up to 500 agents", text, 500.0, "agents")];
        assert!(tolls(&c, &qs).is_empty());
        let text = "the police searched 40 inmates";
        let c = claim("c1", text);
        let qs = [quantity("c1", "40 inmates", text, 40.0, "inmates")];
        assert!(tolls(&c, &qs).is_empty());
    }
}
