//! The PLOVER ontology: its 16 event types, their quad classes, and the
//! mapping from CAMEO codes (what the PETRARCH2 verb dictionaries produce)
//! to PLOVER type, mode and context.
//!
//! The mapping follows the PLOVER manual's "CAMEO to PLOVER translation"
//! and the 3/4-digit detail of `CAMEO2PLOVER-2021.txt` (P. Schrodt, draft of
//! 17 Sept 2021), with the conflicts documented in
//! `shared/notes/event-anchors.md` §6 resolved as the current manual says:
//! 163 (embargo) is COERCE/restrict, 1712 (destroy property) and 175
//! (violent repression) are ASSAULT, 116 (find guilty) is SANCTION/convict.
//! SANCTION is placed in material conflict (quad 4), as the category page
//! of the manual says.

use std::fmt;

/// A PLOVER event type (manual draft 0.8: 16 types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PloverType {
    /// Say you will cooperate: offers, promises, willingness.
    Agree,
    /// Meetings, visits, talks, calls.
    Consult,
    /// Non-material diplomatic cooperation: praise, endorse, sign.
    Support,
    /// Verbal concessions without immediate material effect.
    Concede,
    /// Mutual material cooperation: trade, exercises, intelligence sharing.
    Cooperate,
    /// Material help to the recipient: money, arms, humanitarian aid.
    Aid,
    /// Concessions with immediate material effect: release, withdraw.
    Retreat,
    /// Requests, demands, orders.
    Request,
    /// Criticise, condemn, allege, investigate.
    Accuse,
    /// Rejections and refusals.
    Reject,
    /// Coercive warnings.
    Threaten,
    /// Civilian collective dissent with physical activity.
    Protest,
    /// Reductions in normal relations.
    Sanction,
    /// Military or police posturing short of force.
    Mobilize,
    /// Repression short of violence: arrests, seizures, restrictions.
    Coerce,
    /// Deliberate acts that can cause serious physical harm.
    Assault,
}

impl PloverType {
    /// All types, in the manual's order.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The upper-case name PLOVER uses ("ASSAULT").
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// Parses a current type name, or one of the older names the PLOVER
    /// gold-standard records still use (DEMAND, DISAPPROVE, INVESTIGATE,
    /// FIGHT).
    pub fn parse(name: &str) -> Option<PloverType> {
        let n = name.trim().to_ascii_uppercase();
        let t = match n.as_str() {
            "DEMAND" => PloverType::Request,
            "DISAPPROVE" | "INVESTIGATE" => PloverType::Accuse,
            "FIGHT" => PloverType::Assault,
            _ => return PloverType::ALL.into_iter().find(|t| t.as_str() == n),
        };
        Some(t)
    }

    /// The quad class: 1 verbal cooperation, 2 material cooperation, 3
    /// verbal conflict, 4 material conflict (GDELT's QuadClass).
    pub fn quad(self) -> u8 {
        use PloverType::*;
        match self {
            Agree | Consult | Support | Concede => 1,
            Cooperate | Aid | Retreat => 2,
            Request | Accuse | Reject | Threaten => 3,
            Protest | Sanction | Mobilize | Coerce | Assault => 4,
        }
    }

    /// True for the cooperative types (quads 1 and 2).
    pub fn is_cooperative(self) -> bool {
        self.quad() <= 2
    }

    /// The CAMEO root that stands for this type in CAMEO-based formats
    /// (GDELT's EventRootCode), per the reverse mapping of the anchors note.
    pub fn cameo_root(self, mode: Option<&str>) -> &'static str {
        use PloverType::*;
        match self {
            Agree => "03",
            Consult => "04",
            Support => "05",
            Cooperate => "06",
            Aid => "07",
            Concede | Retreat => "08",
            Request => "10",
            Accuse if mode == Some("investigate") => "09",
            Accuse => "11",
            Reject => "12",
            Threaten => "13",
            Protest => "14",
            Mobilize => "15",
            Sanction => "16",
            Coerce => "17",
            Assault => match mode {
                Some("beat" | "abduct" | "torture" | "targeted" | "suicide-attack" | "sexual") => "18",
                Some("unconventional") => "20",
                _ => "19",
            },
        }
    }

    /// A Goldstein-style intensity (-10 .. +10) for the type, the value GDELT
    /// puts in GoldsteinScale: the mean of the CAMEO scale over the type's
    /// codes, rounded.
    pub fn goldstein(self) -> f32 {
        use PloverType::*;
        match self {
            Agree => 4.0,
            Consult => 1.0,
            Support => 3.5,
            Concede => 5.0,
            Cooperate => 6.0,
            Aid => 7.0,
            Retreat => 7.5,
            Request => -5.0,
            Accuse => -2.0,
            Reject => -4.0,
            Threaten => -6.0,
            Protest => -6.5,
            Sanction => -6.0,
            Mobilize => -7.2,
            Coerce => -7.0,
            Assault => -10.0,
        }
    }
}

impl fmt::Display for PloverType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a CAMEO code means in PLOVER.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PloverCode {
    /// The event type.
    pub event: PloverType,
    /// The mode, when the code implies one.
    pub mode: Option<&'static str>,
    /// The context, when the code implies one.
    pub context: Option<&'static str>,
}

/// The PLOVER meaning of a CAMEO code ("0871", "190"), or `None` for the
/// codes PLOVER dropped (01 statements, 02 appeals) and codes outside CAMEO.
/// Codes may carry PETRARCH's paired form ("042:043"): the first is used.
pub fn from_cameo(code: &str) -> Option<PloverCode> {
    let code = code.split(':').next().unwrap_or(code).trim();
    if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    use PloverType::*;
    let c = |event, mode, context| Some(PloverCode { event, mode, context });
    let root = &code[..2];
    let three = code.get(..3).unwrap_or(code);
    match root {
        "03" => c(Agree, None, context_of_03(code)),
        "04" => match three {
            "041" => c(Consult, Some("phone"), None),
            "042" | "043" => c(Consult, Some("visit"), None),
            "044" => c(Consult, Some("third-party"), None),
            "045" | "046" => c(Consult, None, Some("diplomatic")),
            _ => c(Consult, None, None),
        },
        "05" => c(Support, None, Some("diplomatic")),
        "06" => c(
            Cooperate,
            None,
            match three {
                "061" => Some("economic"),
                "062" => Some("military"),
                "063" => Some("legal"),
                "064" => Some("intelligence"),
                _ => None,
            },
        ),
        "07" => c(
            Aid,
            None,
            match three {
                "071" => Some("economic"),
                "072" => Some("military"),
                "073" => Some("humanitarian"),
                "074" => Some("peacekeeping"),
                "075" => Some("asylum"),
                _ => None,
            },
        ),
        "08" => match three {
            "080" | "081" | "082" | "083" if !matches!(code, "0813" | "0814") => c(Concede, None, None),
            "081" => c(Retreat, None, Some("legal")),
            "084" => c(Retreat, Some("release"), None),
            "085" => c(Retreat, None, Some("economic")),
            "086" => c(Retreat, Some("access"), None),
            "087" => match code {
                "0871" => c(Retreat, Some("ceasefire"), Some("military")),
                "0872" => c(Retreat, Some("withdraw"), Some("military")),
                _ => c(Retreat, Some("disarm"), Some("military")),
            },
            _ => c(Retreat, None, None),
        },
        "09" => c(Accuse, Some("investigate"), None),
        "10" => {
            let mode = match three {
                "101" | "102" | "103" => "assist",
                "104" => "change",
                "105" if code.len() == 4 => "yield",
                "105" => "change",
                _ => "meet",
            };
            c(Request, if three == "100" { None } else { Some(mode) }, None)
        }
        "11" => match three {
            "112" if code.len() == 4 => c(Accuse, Some("allege"), None),
            "114" | "115" => c(Accuse, Some("allege"), None),
            "116" => c(Sanction, Some("convict"), Some("legal")),
            _ => c(Accuse, Some("disapprove"), None),
        },
        "12" => {
            let mode = match three {
                "121" | "122" => Some("assist"),
                "123" => Some("change"),
                "124" if matches!(code, "1243" | "1244" | "1245" | "1246") => Some("yield"),
                "124" => Some("change"),
                "125" | "126" | "127" => Some("meet"),
                "128" | "129" => Some("yield"),
                _ => None,
            };
            c(Reject, mode, None)
        }
        "13" => {
            let mode = match code {
                "1312" | "1323" | "1324" | "1381" => Some("restrict"),
                "136" => Some("expel"),
                "1382" => Some("territory"),
                "137" | "138" | "1383" | "1384" | "1385" => Some("violence"),
                "1311" | "1313" | "133" | "134" | "135" | "139" => Some("relations"),
                _ => None,
            };
            c(Threaten, mode, None)
        }
        "14" => {
            let mode = match three {
                "141" => Some("demo"),
                "142" => Some("hunger"),
                "143" => Some("strike"),
                "144" => Some("obstruct"),
                "145" => Some("riot"),
                _ => None,
            };
            c(Protest, mode, None)
        }
        "15" => {
            let mode = match three {
                "151" | "153" => Some("police"),
                "152" | "154" => Some("troops"),
                _ => None,
            };
            c(Mobilize, mode, Some("military"))
        }
        "16" => match three {
            "163" => c(Coerce, Some("restrict"), Some("economic")),
            "161" | "164" | "165" => c(Sanction, Some("withdraw"), None),
            "162" => c(Sanction, Some("discontinue"), None),
            "166" => c(Sanction, Some("expel"), None),
            _ => c(Sanction, None, None),
        },
        "17" => match three {
            "171" if code == "1712" => c(Assault, Some("destroy"), None),
            "171" => c(Coerce, Some("seize"), None),
            "172" => c(Coerce, Some("restrict"), None),
            "173" => c(Coerce, Some("arrest"), None),
            "174" => c(Coerce, Some("deport"), None),
            "175" => c(Assault, Some("crowd-control"), None),
            _ => c(Coerce, None, None),
        },
        "18" => {
            let mode = match three {
                "181" => Some("abduct"),
                "182" if code == "1821" => Some("sexual"),
                "182" if code == "1822" => Some("torture"),
                "182" => Some("beat"),
                "183" => Some("suicide-attack"),
                "185" | "186" => Some("targeted"),
                _ => None,
            };
            c(Assault, mode, Some("military"))
        }
        "19" => match three {
            "191" => c(Coerce, Some("restrict"), Some("military")),
            "192" => c(Coerce, Some("seize"), Some("military")),
            "193" => c(Assault, Some("firearms"), Some("military")),
            "194" => c(Assault, Some("heavy-weapons"), Some("military")),
            "195" => c(Assault, Some("aerial"), Some("military")),
            _ => c(Assault, None, Some("military")),
        },
        "20" => c(
            Assault,
            if three == "204" { Some("unconventional") } else { Some("targeted") },
            Some(if three == "204" { "cbrn" } else { "military" }),
        ),
        _ => None,
    }
}

fn context_of_03(code: &str) -> Option<&'static str> {
    Some(match code {
        "0311" | "0331" | "0354" => "economic",
        "0312" | "0332" | "0356" => "military",
        "0313" => "legal",
        "0314" => "intelligence",
        "0333" => "humanitarian",
        "0334" => "peacekeeping",
        "034" | "0341" | "0344" => "political_institutions",
        "0342" => "executive",
        "0343" | "0351" | "0353" => "rights_freedoms",
        _ => "diplomatic",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameo_roots_map_to_plover() {
        assert_eq!(from_cameo("190").map(|c| c.event), Some(PloverType::Assault));
        assert_eq!(from_cameo("0871").and_then(|c| c.mode), Some("ceasefire"));
        assert_eq!(from_cameo("042:043").and_then(|c| c.mode), Some("visit"));
        assert_eq!(from_cameo("163").map(|c| c.event), Some(PloverType::Coerce));
        assert_eq!(from_cameo("1712").map(|c| c.event), Some(PloverType::Assault));
        assert_eq!(from_cameo("010"), None);
        assert_eq!(from_cameo("023"), None);
        assert_eq!(from_cameo("224"), None);
        assert_eq!(from_cameo("---"), None);
    }

    #[test]
    fn old_type_names_parse() {
        assert_eq!(PloverType::parse("DEMAND"), Some(PloverType::Request));
        assert_eq!(PloverType::parse("FIGHT"), Some(PloverType::Assault));
        assert_eq!(PloverType::parse("aid"), Some(PloverType::Aid));
        assert_eq!(PloverType::parse("DOCUMENT"), None);
    }
}
