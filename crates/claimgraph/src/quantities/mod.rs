//! Quantities: numbers with units, approximations, ranges and rates.
//!
//! A quantity is a number (digits, or words such as "eight" or "two
//! hundred"), optionally scaled ("5 billion"), with a currency sign or word,
//! a percent sign, an approximation before it ("about", "nearly", "more
//! than"), a range ("10 to 15", "between 10 and 15"), and a unit: the head
//! noun of the phrase after it ("1,700 Shahid suicide drones" → "drones").
//! A rate phrase nearby ("every 10 days", "per night", "in each attack")
//! becomes the quantity's `per`. Years, dates, times and ordinals are not
//! quantities.

pub mod numbers;

use std::ops::Range;
use std::sync::LazyLock;

use claimgraph_nlp::Upos;

use crate::document::{Document, Quantity, Span};
use crate::pipeline::Stage;
use numbers::{parse_digits, parse_words, scale_of};

/// Finds the quantities of a document.
pub struct QuantityStage;

impl Stage for QuantityStage {
    fn name(&self) -> &'static str {
        "quantities"
    }
    fn run(&self, doc: &mut Document) {
        let mut out = Vec::new();
        for s in &doc.analysis.sentences {
            let first = out.len();
            find_in_sentence(doc, s.tokens.clone(), &mut out);
            unitless_figures_take_a_unit(doc, &mut out[first..]);
        }
        // Link each quantity to the claim whose content holds it.
        for q in out.iter_mut() {
            q.claim = doc.claims.iter().position(|c| {
                if c.content_parts.is_empty() {
                    c.content.contains(q.span)
                } else {
                    c.content_parts.iter().any(|p| p.contains(q.span))
                }
            });
        }
        // "from 420 thousand to 170 thousand barrels": a unit-less number
        // joined by "to"/"and"/"or" to a number with a unit shares it.
        for k in 0..out.len().saturating_sub(1) {
            if out[k].unit.is_empty() && !out[k + 1].unit.is_empty() {
                let gap = doc.text.get(out[k].span.end..out[k + 1].span.start).unwrap_or("").trim().to_lowercase();
                if matches!(gap.as_str(), "to" | "and" | "or" | "-" | "–" | "and up to") {
                    out[k].unit = out[k + 1].unit.clone();
                    // And its rate: the look for a rate after the first
                    // number ran on to the shared unit's words ("86 and 79
                    // per cent" took "cent" for a rate; "420 thousand to 170
                    // thousand barrels per day" missed "per day").
                    out[k].per = out[k + 1].per.clone();
                    // Its words run to the shared unit, as a range's do:
                    // "86 and 79 per cent" states 86 per cent.
                    out[k].span = Span::new(out[k].span.start, out[k + 1].span.end);
                } else if matches!(gap.as_str(), "of" | "out of") {
                    // "only 212 of 531 schools", "9 out of 23 schools": a
                    // part counts what its whole counts (its own words end
                    // at the number: the whole is a quantity of its own).
                    out[k].unit = out[k + 1].unit.clone();
                }
            }
        }
        doc.quantities = out;
    }
}

const APPROX: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["up", "to"],
    &["at", "least"],
    &["at", "most"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["close", "to"],
    &["upwards", "of"],
    &["an", "estimated"],
    &["about"],
    &["some"],
    &["nearly"],
    &["almost"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["over"],
    &["under"],
    &["estimated"],
    &["circa"],
    &["approx."],
    &["~"],
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];

const CURRENCY_SIGNS: &[(&str, &str)] =
    &[("$", "dollars"), ("€", "euros"), ("£", "pounds"), ("¥", "yen"), ("₴", "hryvnias"), ("₽", "rubles")];

/// Currency codes and abbreviations written before an amount ("Rs 300",
/// "R$ 45 million", "PLN 360 million", "RM48 million"), compared with the
/// text as written (codes in capitals), with the currency they name.
const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("Rs", "rupees"),
    ("Rs.", "rupees"),
    ("S/", "soles"),
    ("S/.", "soles"),
    ("PEN", "soles"),
    ("₹", "rupees"),
    ("INR", "rupees"),
    ("NPR", "rupees"),
    ("PKR", "rupees"),
    ("LKR", "rupees"),
    ("R$", "reais"),
    ("BRL", "reais"),
    ("RM", "ringgit"),
    ("MYR", "ringgit"),
    ("Rp", "rupiah"),
    ("IDR", "rupiah"),
    ("PLN", "zloty"),
    ("USD", "dollars"),
    ("US$", "dollars"),
    ("A$", "dollars"),
    ("C$", "dollars"),
    ("S$", "dollars"),
    ("HK$", "dollars"),
    ("NZ$", "dollars"),
    ("AUD", "dollars"),
    ("SGD", "dollars"),
    ("HKD", "dollars"),
    ("NZD", "dollars"),
    ("EUR", "euros"),
    ("GBP", "pounds"),
    ("EGP", "pounds"),
    ("JPY", "yen"),
    ("CNY", "yuan"),
    ("RMB", "yuan"),
    ("KRW", "won"),
    ("₩", "won"),
    ("₦", "naira"),
    ("NGN", "naira"),
    ("₱", "pesos"),
    ("MXN", "pesos"),
    ("ARS", "pesos"),
    ("COP", "pesos"),
    ("CLP", "pesos"),
    ("KSh", "shillings"),
    ("Ksh", "shillings"),
    ("KES", "shillings"),
    ("UGX", "shillings"),
    ("TZS", "shillings"),
    ("TSh", "shillings"),
    ("₺", "lira"),
    ("ZAR", "rand"),
    ("CHF", "francs"),
    ("XOF", "francs"),
    ("XAF", "francs"),
    ("SEK", "kronor"),
    ("NOK", "kroner"),
    ("DKK", "kroner"),
    ("CZK", "koruna"),
    ("HUF", "forint"),
    ("RON", "lei"),
    ("UAH", "hryvnias"),
    ("RUB", "rubles"),
    ("Tk", "taka"),
    ("BDT", "taka"),
    ("VND", "dong"),
    ("₫", "dong"),
    ("THB", "baht"),
    ("฿", "baht"),
    ("AED", "dirhams"),
    ("SAR", "riyals"),
    ("QAR", "riyals"),
    ("IRR", "rials"),
    ("AFN", "afghanis"),
    ("ETB", "birr"),
    ("GHS", "cedis"),
    ("GH₵", "cedis"),
    ("KZT", "tenge"),
    ("₸", "tenge"),
    ("GEL", "lari"),
    ("₾", "lari"),
    ("ILS", "shekels"),
    ("NIS", "shekels"),
    ("₪", "shekels"),
];

/// Words a count of people stands on alone ("11,400 displaced", "64 of
/// the shipwrecked", "11 were injured", "the number of five detained").
fn is_victim_word(w: &str) -> bool {
    matches!(
        w,
        "displaced"
            | "injured"
            | "wounded"
            | "dead"
            | "missing"
            | "detained"
            | "arrested"
            | "evacuated"
            | "killed"
            | "shipwrecked"
            | "hospitalised"
            | "hospitalized"
            | "rescued"
            | "abducted"
            | "kidnapped"
            | "affected"
            | "homeless"
    )
}

/// True when a three-letter code glued to a short whole number names a
/// thing and its edition, grade or model rather than an amount: "COP26"
/// (the summit, not 26 Colombian pesos), "RON95" (a fuel grade), "SAR3".
/// Such codes are also acronyms; an amount written glued to its code has a
/// scale word after it ("USD48 million"), a decimal or more digits
/// ("EUR4.5", "USD500"). `w` is the word, `num` its number after the code
/// (see [`currency_prefix`]), `next` the next word, lower-cased.
fn names_an_edition(w: &str, num: &str, next: &str) -> bool {
    let code = &w[..w.len() - num.len()];
    code.len() == 3
        && code.chars().all(|c| c.is_ascii_uppercase())
        && (1..=2).contains(&num.len())
        && num.chars().all(|c| c.is_ascii_digit())
        && scale_of(next).is_none()
}

/// The currency of a code or abbreviation written before an amount, also
/// glued to it ("RM48"): the currency and the number's text after it.
fn currency_prefix(w: &str) -> Option<(&'static str, &str)> {
    // Asked for every word: most start with no code's first byte, and the
    // scan below is a string comparison per code.
    let first = *w.as_bytes().first()?;
    CURRENCY_BY_FIRST_BYTE[usize::from(first)]
        .iter()
        .map(|&k| &CURRENCY_BEFORE[k])
        .filter(|(code, _)| w.starts_with(code))
        .max_by_key(|(code, _)| code.len())
        .map(|(code, name)| (*name, &w[code.len()..]))
}

/// The codes of [`CURRENCY_BEFORE`] (none is empty) by their first byte,
/// in the list's order, so that [`currency_prefix`] compares a word only
/// with the codes it could start with (a capitalised word met nearly all
/// of them before).
static CURRENCY_BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let mut table = vec![Vec::new(); 256];
    for (k, (code, _)) in CURRENCY_BEFORE.iter().enumerate() {
        if let Some(&b) = code.as_bytes().first() {
            table[usize::from(b)].push(k);
        }
    }
    table
});

/// Words that end a unit phrase.
fn ends_unit(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "of"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "every"
            | "each"
            | "per"
            | "a"
            | "an"
            | "the"
            | "than"
            | "as"
            | "since"
            | "during"
            | "over"
            | "after"
            | "before"
            | "into"
            | "because"
    )
}

fn find_in_sentence(doc: &Document, sent: Range<usize>, out: &mut Vec<Quantity>) {
    let toks = &doc.analysis.tokens;
    let word = |i: usize| toks.get(i).map(|t| t.text(&doc.text)).unwrap_or("");
    let lower = |i: usize| word(i).to_lowercase();
    // "and a half" at token `k`, inside the sentence.
    let and_a_half = |k: usize| {
        k + 2 < sent.end && lower(k) == "and" && matches!(lower(k + 1).as_str(), "a" | "an") && lower(k + 2) == "half"
    };
    let mut i = sent.start;
    while i < sent.end {
        // This word lower-cased, made once when a rule below first asks: most
        // words are no number and are asked about three times.
        let lower_here = std::cell::OnceCell::new();
        let at = i;
        let lower_i = || lower_here.get_or_init(|| lower(at)).as_str();
        // The number itself.
        // "RM48 million", "₹300": a currency glued to the number.
        let glued = currency_prefix(word(i))
            .filter(|(_, num)| !num.is_empty() && !names_an_edition(word(i), num, &lower(i + 1)))
            .and_then(|(name, num)| parse_digits(num).or_else(|| parse_suffixed(num)).map(|v| (name, v)));
        let (mut value, used) = match parse_digits(word(i)).or_else(|| parse_suffixed(word(i))) {
            Some(v) => (v, 1),
            None if glued.is_some() => (glued.map_or(0.0, |(_, v)| v), 1),
            // "half a percentage point", "half a million".
            None if lower_i() == "half" && matches!(lower(i + 1).as_str(), "a" | "an") && i + 2 < sent.end => {
                match scale_of(&lower(i + 2)) {
                    Some(scale) => (0.5 * scale, 3),
                    None => (0.5, 2),
                }
            }
            None if matches!(lower_i(), "twice" | "thrice") => (
                match lower_i() {
                    "twice" => 2.0,
                    "thrice" => 3.0,
                    _ => 1.0,
                },
                1,
            ),
            // "an hour before", "a week ago": one of a unit of time, unless a
            // number precedes it ("300 a day" is a rate).
            None if matches!(lower_i(), "a" | "an")
                && is_time_unit(&lower(i + 1))
                && !(i > sent.start && (parse_digits(word(i - 1)).is_some() || scale_of(&lower(i - 1)).is_some())) =>
            {
                (1.0, 1)
            }
            None => {
                let words: Vec<&str> = (i..sent.end.min(i + 8)).map(word).collect();
                match parse_words(&words) {
                    // "one" counts only before a noun ("one nautical mile",
                    // "one week"), not as a pronoun ("one of its volunteers").
                    Some((v, n)) if !(v == 1.0 && n == 1) || one_before_noun(doc, i) || and_a_half(i + n) => (v, n),
                    _ => {
                        i += 1;
                        continue;
                    }
                }
            }
        };
        let num_start = i;
        let mut j = i + used;
        // Not quantities: years, days of months, times, ordinals, model names.
        let prev = if i > sent.start { lower(i - 1) } else { String::new() };
        let next = lower(j);
        // Four digits from 1000 are a year too when they stand as one ("in
        // 1780 the town"); "1500 people" stays a count (see below).
        let four_digits = word(i).len() == 4 && word(i).bytes().all(|b| b.is_ascii_digit());
        let is_year = used == 1
            && value.fract() == 0.0
            && ((1900.0..=2100.0).contains(&value) || four_digits && value >= 1000.0)
            && !word(i).contains(',');
        // A year: alone, or after a word that introduces one ("in 2022").
        let year_here = is_year
            && (!next.chars().next().is_some_and(char::is_alphabetic)
                || matches!(
                    prev.as_str(),
                    "in" | "since"
                        | "of"
                        | "by"
                        | "until"
                        | "from"
                        | "year"
                        | ","
                        | "summer"
                        | "spring"
                        | "autumn"
                        | "winter"
                ));
        // A year that modifies a singular noun ("the 2016 race", "a 2024
        // budget"): a count would take a plural ("2016 votes").
        let year_modifier = is_year && toks.get(j).is_some_and(|t| matches!(t.xpos.as_str(), "NN" | "NNP"));
        if year_here
            || year_modifier
            // A day or the year of a month ("November 12", "12 November",
            // "November 2026"); another number after a month's name starts
            // a count ("in October and November 36 citizens were rescued").
            || MONTHS.contains(&prev.as_str())
                && (value <= 31.0 || value.fract() == 0.0 && (1000.0..=2100.0).contains(&value))
            || MONTHS.contains(&next.as_str()) && value <= 31.0
            || matches!(next.as_str(), "a.m." | "p.m." | "am" | "pm" | ":" | "th" | "st" | "nd" | "rd" | "-year-old")
            || (i > 0
                && toks[i - 1].end == toks[i].start
                && word(i - 1).chars().all(char::is_alphabetic)
                && !word(i - 1).is_empty())
        {
            i += used;
            continue;
        }
        // Scale words: "5 billion", "1.2 million".
        if let Some(scale) = scale_of(&next) {
            if used == 1 && (word(i).chars().next().is_some_and(|c| c.is_ascii_digit()) || glued.is_some()) {
                value *= scale;
                j += 1;
                // A compound written out as translations from Turkish or
                // Russian do: "12 thousand 500 tonnes", "3 thousand 400
                // million pesos" (3,400 million).
                let rest = parse_digits(word(j))
                    .filter(|r| j < sent.end && r.fract() == 0.0 && *r < scale && !word(j).contains(','));
                if let Some(rest) = rest.filter(|_| scale == 1e3 && value.fract() == 0.0) {
                    value += rest;
                    j += 1;
                    if let Some(outer) = scale_of(&lower(j)).filter(|s| j < sent.end && *s > scale) {
                        value *= outer;
                        j += 1;
                    }
                }
            }
        }
        // "one and a half years", "2 and a half million": a whole number
        // and a half (scaled when a scale word follows the half).
        if value.fract() == 0.0 && value < 1e3 && and_a_half(j) {
            value += 0.5;
            j += 3;
            if let Some(scale) = scale_of(&lower(j)).filter(|_| j < sent.end) {
                value *= scale;
                j += 1;
            }
        }
        // A range: "10 to 15", "10-15", "between 10 and 15".
        let mut max = None;
        let mut upper_at = None;
        let sep = lower(j);
        let between = prev == "between" || (num_start >= sent.start + 2 && lower(num_start - 1) == "between");
        if matches!(sep.as_str(), "to" | "-" | "–" | "and" | "or") && (sep != "and" || between) {
            // The upper end, in digits or words ("between six and ten weeks").
            let upper =
                parse_digits(word(j + 1)).or_else(|| parse_suffixed(word(j + 1))).map(|v| (v, 1)).or_else(|| {
                    let words: Vec<&str> = (j + 1..sent.end.min(j + 6)).map(word).collect();
                    parse_words(&words).filter(|(v, _)| *v > 1.0)
                });
            if let Some((v2, n2)) = upper {
                let upper_at_tok = j + 1;
                let mut after = j + 1 + n2;
                let v2 = match scale_of(&lower(after)) {
                    Some(s) => {
                        after += 1;
                        // "15 to 20 thousand": the scale applies to both ends.
                        if value < v2 && value * s <= v2 * s && scale_of(&next).is_none() {
                            value *= s;
                        }
                        v2 * s
                    }
                    None => v2,
                };
                if v2 > value {
                    max = Some(v2);
                    upper_at = Some(upper_at_tok);
                    j = after;
                }
            }
        }
        // Approximation before the number.
        let mut start = num_start;
        let mut approximate = false;
        for phrase in APPROX {
            let n = phrase.len();
            if num_start >= sent.start + n && (0..n).all(|k| lower(num_start - n + k) == phrase[k]) {
                start = num_start - n;
                approximate = true;
                break;
            }
        }
        if prev == "between" {
            start = num_start - 1;
        }
        // Currency sign before the number.
        let mut unit = String::new();
        if start > sent.start {
            if let Some((_, name)) = CURRENCY_SIGNS.iter().find(|(s, _)| *s == word(start - 1)) {
                unit = name.to_string();
                start -= 1;
            }
        }
        if let Some((name, _)) = glued {
            unit = name.to_string();
        }
        // A currency code or word before the number ("Rs 300", "PLN 360
        // million", "R$ 45 million", "shillings 45 million"), itself maybe
        // after an approximation ("around shillings 45 million").
        if unit.is_empty() && !approximate && num_start > sent.start {
            let before = num_start - 1;
            // "R$" may come as two tokens, "R" and "$", written together.
            let joined = (before > sent.start && toks[before - 1].end == toks[before].start)
                .then(|| format!("{}{}", word(before - 1), word(before)));
            let code = |w: &str| CURRENCY_BEFORE.iter().find(|(c, _)| *c == w).map(|(_, n)| *n);
            let found = joined
                .as_deref()
                .and_then(code)
                .map(|n| (n.to_string(), before - 1))
                .or_else(|| code(word(before)).map(|n| (n.to_string(), before)))
                .or_else(|| {
                    let w = lower(before);
                    is_currency_word(&w).then_some((w, before))
                });
            if let Some((name, at)) = found {
                unit = name;
                start = at;
                for phrase in APPROX {
                    let n = phrase.len();
                    if start >= sent.start + n && (0..n).all(|k| lower(start - n + k) == phrase[k]) {
                        start -= n;
                        approximate = true;
                        break;
                    }
                }
            }
        }
        // Percent, or the unit noun phrase after the number.
        let mut end = j;
        // A currency code after the amount ("1.3 billion USD"): a code of
        // capitals, as written before amounts ([`CURRENCY_BEFORE`]).
        let code_after = (j < sent.end && word(j).len() == 3 && word(j).chars().all(|c| c.is_ascii_uppercase()))
            .then(|| CURRENCY_BEFORE.iter().find(|(c, _)| *c == word(j)).map(|(_, n)| *n))
            .flatten();
        if let Some(name) = code_after.filter(|_| unit.is_empty()) {
            unit = name.to_string();
            end = j + 1;
        }
        if unit.is_empty() {
            if matches!(lower(j).as_str(), "%" | "percent" | "pct") {
                unit = "percent".into();
                end = j + 1;
            } else if lower(j) == "per" && lower(j + 1) == "cent" {
                unit = "percent".into();
                end = j + 2;
            } else {
                let (u, e) = unit_after(doc, j, sent.end);
                unit = u;
                end = e;
            }
        }
        // "of the 23 wounded, seven are policemen": the count's noun is the
        // complement of "are"; "two died and 11 were injured": the count
        // of the injured.
        if unit.is_empty()
            && matches!(lower(j).as_str(), "are" | "were")
            && j + 1 < sent.end
            && (toks.get(j + 1).is_some_and(|t| t.xpos.as_str() == "NNS") || is_victim_word(&lower(j + 1)))
        {
            unit = lower(j + 1);
            end = j + 2;
        }
        // "the number of workers who lost their lives rose to 4", "the
        // number of the injured is 31": the count of the noun named.
        if unit.is_empty() && max.is_none() {
            if let Some(noun) = number_of_noun(doc, start, &sent) {
                unit = noun;
            }
        }
        // A fraction ("three-quarters of the voters", "two thirds of them")
        // is a share, in percent, comparable with
        // "75 percent". Without a hyphen or "of" it counts ("the past three
        // quarters").
        if let Some(denominator) = fraction_denominator(&unit) {
            let hyphenated = toks.get(j).is_some_and(|t| t.text(&doc.text) == "-") || word(num_start).contains('-');
            let partitive = lower(end) == "of";
            if (hyphenated || partitive) && value < denominator && max.is_none() {
                value = (100.0 * value / denominator * 10.0).round() / 10.0;
                unit = "percent".into();
            }
        }
        // A bare number word ("one, his temperament, and two, ...") is an
        // enumeration, not a quantity; bare digits are kept.
        if matches!(lower(num_start).as_str(), "twice" | "thrice") && unit.is_empty() {
            unit = "times".into();
        }
        let in_words = !word(num_start).chars().next().is_some_and(|c| c.is_ascii_digit());
        if unit.is_empty() && (value < 2.0 || in_words) {
            i = j.max(i + 1);
            continue;
        }
        let per = rate_near(doc, num_start, end, &sent);
        let span_end = toks[end.max(j) - 1].end;
        // The upper end of a range is a number of its own too ("from 30 to
        // 40 drones" states 40 drones), marked as the range's end.
        let upper = upper_at.zip(max).map(|(u, v2)| Quantity {
            value: v2,
            max: None,
            unit: unit.clone(),
            span: Span::new(toks[u].start, span_end),
            approximate,
            per: per.clone(),
            claim: None,
            range_end: true,
        });
        out.push(Quantity {
            value,
            max,
            unit,
            span: Span::new(toks[start].start, span_end),
            approximate,
            per,
            claim: None,
            range_end: false,
        });
        out.extend(upper);
        // A number inside the unit phrase ("three of the 27 injured
        // workers") counts too: the scan resumes there.
        let inner = (j + 1..end).find(|&k| {
            word(k).chars().next().is_some_and(|c| c.is_ascii_digit())
                || numbers::parse_words(&[lower(k).as_str()]).is_some_and(|(v, _)| v >= 2.0)
        });
        i = inner.unwrap_or(end.max(j)).max(i + 1);
    }
}

/// A number without a unit that takes one from an earlier figure of its
/// sentence, which the writer does not repeat:
/// * a scaled number after a sum of money is a sum of that currency ("fell
///   by 4.5 billion dollars, and in October by 3 billion"); only scaled
///   numbers ("million", "billion"): a bare "3" after a sum is as often a
///   count;
/// * a number set against a figure before it ("not", "rather than",
///   "instead of" right before it) counts what that figure counts ("412
///   schools were closed, and not 2,300 as the union said", "35 people, not
///   71"), and so does a figure that corrects a negated one ("did not buy
///   90,000 tablets but 60,000"); a cubic or square measure keeps its
///   dimension.
fn unitless_figures_take_a_unit(doc: &Document, qs: &mut [Quantity]) {
    for k in 1..qs.len() {
        if !qs[k].unit.is_empty() {
            continue;
        }
        let span = doc.text.get(qs[k].span.start..qs[k].span.end).unwrap_or("");
        let scaled = span
            .split_whitespace()
            .any(|w| ["million", "billion", "trillion"].iter().any(|s| w.eq_ignore_ascii_case(s)));
        let from_money = || qs[..k].iter().rev().map(|q| q.unit.as_str()).find(|u| is_money_unit(u));
        // The figure's unit with its dimension: "640 cubic metres per
        // second, not 1,900" sets 1,900 cubic metres against it.
        let from_figure = || {
            qs[..k].iter().rev().find(|q| !q.unit.is_empty()).map(|q| {
                let text = doc.text.get(q.span.start..q.span.end).unwrap_or("").to_lowercase();
                let dimension = ["cubic", "square"].into_iter().find(|d| text.split_whitespace().any(|w| w == *d));
                match dimension {
                    Some(d) if !q.unit.starts_with(d) => format!("{d} {}", q.unit),
                    _ => q.unit.clone(),
                }
            })
        };
        let opposed = set_against(&doc.text, qs[k].span.start)
            || !qs[k - 1].unit.is_empty() && but_after_negated(&doc.text, &qs[k - 1], qs[k].span.start);
        let unit = if scaled { from_money().map(str::to_string) } else { None }
            .or_else(|| opposed.then(from_figure).flatten());
        if let Some(unit) = unit {
            qs[k].unit = unit;
        }
    }
}

/// True when the words right before byte `at` set the number there against
/// another ("not", "rather than", "instead of"). Reads only the last few
/// bytes: this runs for every number without a unit.
fn set_against(text: &str, at: usize) -> bool {
    let from = (at.saturating_sub(24)..=at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    let before = text.get(from..at).unwrap_or("").trim_end().to_lowercase();
    before.ends_with(" not")
        || before.ends_with(",not")
        || before == "not"
        || before.ends_with("rather than")
        || before.ends_with("instead of")
}

/// "did not order 90,000 tablets but 60,000": the number at byte `at` follows
/// "but" right after the figure `prev`, which a "not" a few words before it
/// negates — the second figure corrects the first and counts the same thing.
fn but_after_negated(text: &str, prev: &Quantity, at: usize) -> bool {
    let between = text.get(prev.span.end..at).unwrap_or("").trim().to_lowercase();
    if between != "but" && between != ", but" && between != "but rather" {
        return false;
    }
    let from = (prev.span.start.saturating_sub(40)..=prev.span.start).find(|&i| text.is_char_boundary(i));
    let before = text.get(from.unwrap_or(prev.span.start)..prev.span.start).unwrap_or("").to_lowercase();
    before.split_whitespace().rev().take(3).any(|w| matches!(w, "not" | "never" | "no") || w.ends_with("n't"))
}

/// True for a unit naming a currency ([`CURRENCY_SIGNS`], [`CURRENCY_BEFORE`]
/// or a currency word).
fn is_money_unit(u: &str) -> bool {
    !u.is_empty()
        && (CURRENCY_SIGNS.iter().any(|(_, n)| *n == u)
            || CURRENCY_BEFORE.iter().any(|(_, n)| *n == u)
            || is_currency_word(u)
            || matches!(u, "dollars" | "dollar" | "euros" | "euro" | "pounds" | "yen" | "yuan"))
}

/// The denominator a fraction word names ("quarters" → 4, "third" → 3).
fn fraction_denominator(unit: &str) -> Option<f64> {
    Some(match unit {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "eighth" | "eighths" => 8.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// True when the word "one" at `i` counts something: a noun (or an
/// adjective and a noun) follows, and not "of" or "another".
fn one_before_noun(doc: &Document, i: usize) -> bool {
    let toks = &doc.analysis.tokens;
    let word = |k: usize| toks.get(k).map(|t| t.text(&doc.text).to_lowercase()).unwrap_or_default();
    if word(i) != "one" {
        return false;
    }
    let next = toks.get(i + 1);
    let next_word = word(i + 1);
    // The lower end of a range: "one to two meters", "one or two days".
    if matches!(next_word.as_str(), "to" | "or")
        && (parse_digits(&word(i + 2)).is_some()
            || numbers::parse_words(&[word(i + 2).as_str()]).is_some_and(|(v, _)| v > 1.0))
    {
        return true;
    }
    // "for one day", "only one day": a length of time, not "one day" (some
    // day).
    let prev = if i > 0 { word(i - 1) } else { String::new() };
    if next_word == "day" && matches!(prev.as_str(), "for" | "only" | "just" | "within" | "than") {
        return true;
    }
    // "one day before the exam", "one day later": a length of time set
    // against another moment.
    if next_word == "day" && matches!(word(i + 2).as_str(), "before" | "after" | "earlier" | "later") {
        return true;
    }
    if matches!(next_word.as_str(), "of" | "another" | "side" | "day" | "thing" | "way" | "another's") {
        return false;
    }
    next.is_some_and(|t| matches!(t.upos, Upos::NOUN | Upos::ADJ))
}

/// Units of measure and currencies recognised whatever their tag.
fn is_unit_word(w: &str) -> bool {
    matches!(
        w,
        "naira"
            | "rubles"
            | "roubles"
            | "rials"
            | "riyals"
            | "dinars"
            | "dollars"
            | "euros"
            | "pounds"
            | "yen"
            | "yuan"
            | "rupees"
            | "hryvnias"
            | "hryvnia"
            | "lira"
            | "liras"
            | "manat"
            | "drams"
            | "lari"
            | "francs"
            | "reais"
            | "pesos"
            | "shekels"
            | "afghanis"
            | "birr"
            | "shillings"
            | "dirhams"
            | "tenge"
            | "som"
            | "kip"
            | "dong"
            | "won"
            | "ringgit"
            | "kroner"
            | "krone"
            | "kronor"
            | "kronur"
            | "krónur"
            | "króna"
            | "złoty"
            | "złotys"
            | "koruna"
            | "zloty"
            | "zlotys"
            | "forint"
            | "rand"
            | "baht"
            | "taka"
            | "cedis"
            | "kwacha"
            | "lei"
            | "leva"
            | "dinar"
            | "rial"
            | "riyal"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "metres"
            | "meters"
            | "kg"
            | "kilograms"
            | "kilos"
            | "tonnes"
            | "tons"
            | "barrels"
            | "litres"
            | "liters"
            | "megawatts"
            | "mw"
            | "gigawatts"
            | "hectares"
            | "acres"
            | "mph"
            | "kph"
            | "knots"
    )
}

/// The speed a length unit `unit` makes with the words from token `at`
/// ("/h", "/hr", "per hour", "an hour"): the speed's unit ("km/h" for
/// kilometres, "mph" for miles) and how many tokens its hour takes.
fn speed_after(doc: &Document, unit: &str, at: usize, sent_end: usize) -> Option<(&'static str, usize)> {
    let speed = match unit {
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km/h",
        "miles" | "mile" => "mph",
        _ => return None,
    };
    let toks = &doc.analysis.tokens;
    let word = |k: usize| (k < sent_end).then(|| toks.get(k).map(|t| t.text(&doc.text).to_lowercase())).flatten();
    let hour = |w: Option<String>| matches!(w.as_deref(), Some("h" | "hr" | "hour"));
    match word(at).as_deref() {
        Some("/") if hour(word(at + 1)) => Some((speed, 2)),
        Some("per" | "an" | "a") if hour(word(at + 1)) => Some((speed, 2)),
        // A tokeniser may keep "/h" whole.
        Some("/h" | "/hr") => Some((speed, 1)),
        _ => None,
    }
}

/// Currency words that may also stand before the amount, as some
/// translations write them ("shillings 45 million", "Birr 500"). Words that
/// are English words too ("won", "rand", "lei") are left out: "won six
/// states" is no sum of money.
fn is_currency_word(w: &str) -> bool {
    matches!(
        w,
        "shillings"
            | "rupees"
            | "naira"
            | "cedis"
            | "kwacha"
            | "birr"
            | "francs"
            | "pesos"
            | "riyals"
            | "dirhams"
            | "dinars"
            | "rials"
            | "taka"
            | "rupiah"
            | "ringgit"
            | "reais"
            | "zloty"
            | "hryvnias"
            | "rubles"
            | "roubles"
            | "euros"
            | "dollars"
    )
}

/// "the number of workers who lost their lives rose to 4", "the number of
/// the injured is 31": the noun counted, when the number (from `start`)
/// closes such a sentence part: after "is", "was", "reached", "to" or "at",
/// with "the number of X" a few words before and no other number between.
fn number_of_noun(doc: &Document, start: usize, sent: &Range<usize>) -> Option<String> {
    let toks = &doc.analysis.tokens;
    let lower = |i: usize| toks.get(i).map(|t| t.text(&doc.text).to_lowercase()).unwrap_or_default();
    if start <= sent.start {
        return None;
    }
    // "is now 17", "has already reached 40": an adverb of time between the
    // verb and the number.
    let mut verb = start - 1;
    if verb > sent.start && matches!(lower(verb).as_str(), "now" | "already" | "currently" | "still" | "officially") {
        verb -= 1;
    }
    if !matches!(
        lower(verb).as_str(),
        "is" | "was" | "are" | "were" | "reached" | "reaches" | "to" | "at" | "totals" | "totalled" | "totaled"
    ) {
        return None;
    }
    let from = verb.saturating_sub(15).max(sent.start);
    let at = (from..verb).rev().find(|&k| lower(k) == "number" && lower(k + 1) == "of")?;
    // No other number, and no clause of its own, between.
    if (at + 2..verb).any(|k| toks[k].upos == Upos::NUM || matches!(lower(k).as_str(), ";" | ":")) {
        return None;
    }
    let mut k = at + 2;
    while k < verb && matches!(lower(k).as_str(), "the" | "its" | "their" | "those") {
        k += 1;
    }
    // "the number of dead bodies": the noun an adjective (or a victim word
    // used as one) stands before counts.
    // "the number of displaced people" keeps the victim word, which says
    // what befell them (tolls read it).
    if k + 1 < verb
        && toks.get(k).is_some_and(|t| t.upos == Upos::ADJ || is_victim_word(&lower(k)))
        && toks.get(k + 1).is_some_and(|t| t.upos == Upos::NOUN)
        && !(is_victim_word(&lower(k)) && matches!(lower(k + 1).as_str(), "people" | "persons" | "person"))
    {
        k += 1;
    }
    let w = lower(k);
    let noun = toks.get(k).is_some_and(|t| matches!(t.upos, Upos::NOUN | Upos::PROPN));
    (k < verb && (noun || is_victim_word(&w)) && w.chars().all(char::is_alphabetic)).then_some(w)
}

/// Units of time, for "an hour" and "a week".
fn is_time_unit(w: &str) -> bool {
    matches!(w, "hour" | "day" | "week" | "month" | "year" | "minute" | "decade" | "night" | "fortnight")
}

/// A number with a scale suffix in one token: "1.5bn", "2.1m", "300k".
fn parse_suffixed(w: &str) -> Option<f64> {
    // `parse_digits` below wants a digit after any '+' and '~', and
    // lower-casing makes no digit of another character: a word without one
    // there is answered without lower-casing it (this is asked of every
    // word).
    if !w.trim_start_matches(['+', '~']).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let lw = w.to_lowercase();
    for (suffix, scale) in [("bn", 1e9), ("tn", 1e12), ("mn", 1e6), ("m", 1e6), ("k", 1e3), ("b", 1e9)] {
        if let Some(num) = lw.strip_suffix(suffix) {
            if let Some(v) = parse_digits(num) {
                return Some(v * scale);
            }
        }
    }
    None
}

/// The unit after a number: the head noun of the following noun phrase,
/// and where the phrase ends.
fn unit_after(doc: &Document, from: usize, sent_end: usize) -> (String, usize) {
    let toks = &doc.analysis.tokens;
    let tagged = toks.iter().any(|t| t.upos != Upos::X);
    let mut end = from;
    let mut head = None;
    let mut words = 0;
    while end < sent_end && words < 6 {
        let t = &toks[end];
        let w = t.text(&doc.text);
        let lw = w.to_lowercase();
        // Hyphens and quotation marks inside the phrase: "Shahed-type",
        // four "Vampire" rockets.
        if matches!(w, "-" | "“" | "”" | "\"" | "‘" | "’" | "'") {
            end += 1;
            continue;
        }
        // A partitive: "more than 70 of the attackers".
        if head.is_none()
            && lw == "of"
            && matches!(
                toks.get(end + 1).map(|t| t.text(&doc.text).to_lowercase()).as_deref(),
                Some("the" | "its" | "their" | "them" | "those" | "these" | "our" | "his" | "her")
            )
        {
            end += 2;
            continue;
        }
        // A count standing on a participle of its own: "11,400 displaced",
        // "64 of the shipwrecked" (before a noun it modifies the noun).
        if head.is_none()
            && is_victim_word(&lw)
            && toks.get(end + 1).is_none_or(|n| end + 1 >= sent_end || !matches!(n.upos, Upos::NOUN | Upos::PROPN))
        {
            head = Some(end);
            end += 1;
            break;
        }
        // A word joined by a hyphen to the next, with no space either side,
        // is part of a compound modifier ("two out-of-competition tests",
        // "three state-of-the-art radars"), whatever it is alone.
        if w.chars().all(char::is_alphabetic)
            && toks.get(end + 1).is_some_and(|h| h.text(&doc.text) == "-" && h.start == t.end)
            && toks.get(end + 2).is_some_and(|n| n.start == toks[end + 1].end && end + 2 < sent_end)
        {
            end += 2;
            continue;
        }
        if ends_unit(&lw) || !w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.') {
            break;
        }
        // A participle or a capitalised word the tagger took for a verb
        // still modifies the noun when one follows ("guided air missiles",
        // "Shahed-type drones").
        // Known units and currencies are units whatever the tagger says.
        if is_unit_word(&lw) {
            // A length per hour is a speed ("62 km/h", "80 kilometres per
            // hour", "40 miles an hour"): one unit, not a length with a rate.
            if let Some((speed, taken)) = speed_after(doc, &lw, end + 1, sent_end) {
                return (speed.to_string(), end + 1 + taken);
            }
            head = Some(end);
            end += 1;
            break;
        }
        // A plural noun the tagger took for a verb ("attack drones a month").
        let plural_noun = t.xpos.as_str() == "VBZ"
            && head.is_some()
            && toks.get(end + 1).is_none_or(|n| {
                let nw = n.text(&doc.text).to_lowercase();
                n.upos == Upos::PUNCT
                    || matches!(
                        nw.as_str(),
                        "a" | "an" | "per" | "every" | "each" | "in" | "on" | "of" | "over" | "from" | "to"
                    )
            });
        // Right after the number, a plural the tagger took for a verb ("I
        // visited nine villages today"), unless an object follows it as it
        // would a verb ("Article 5 says that").
        let counted_plural = t.xpos.as_str() == "VBZ"
            && end == from
            && lw.ends_with('s')
            && w.chars().all(|c| c.is_lowercase())
            // The next token of this sentence: the first of the next one
            // says nothing of this word.
            && toks.get(end + 1).filter(|_| end + 1 < sent_end).is_none_or(|n| {
                let nw = n.text(&doc.text).to_lowercase();
                let when = matches!(nw.as_str(), "today" | "yesterday" | "tomorrow" | "tonight" | "last" | "this");
                when || !matches!(n.upos, Upos::DET | Upos::PRON | Upos::NOUN | Upos::PROPN | Upos::SCONJ | Upos::PART)
                    && !matches!(nw.as_str(), "that" | "to")
            });
        if plural_noun || counted_plural {
            head = Some(end);
            end += 1;
            break;
        }
        // A participle the tagger read as a past tense still modifies a noun
        // right after it ("3,200 collapsed buildings", "18 planned
        // surgeries"), also over an adjective ("200 hooded young people").
        let noun_at = |k: usize| toks.get(k).is_some_and(|n| matches!(n.upos, Upos::NOUN | Upos::PROPN));
        let noun_follows = toks.get(end + 1).is_some_and(|n| n.text(&doc.text) == "-")
            || noun_at(end + 1)
            || toks.get(end + 1).is_some_and(|n| n.upos == Upos::ADJ) && noun_at(end + 2);
        let modifier_verb = t.upos == Upos::VERB
            && (w.chars().next().is_some_and(char::is_uppercase)
                || matches!(t.xpos.as_str(), "VBN" | "VBG")
                || t.xpos.as_str() == "VBD" && lw.ends_with("ed"))
            && noun_follows;
        // A country's abbreviation before a currency ("24.8 billion US
        // dollars"), which the tagger may read as the pronoun "us".
        let abbreviation = (2..=4).contains(&w.len())
            && w.chars().all(|c| c.is_ascii_uppercase())
            && toks.get(end + 1).is_some_and(|n| is_unit_word(&n.text(&doc.text).to_lowercase()));
        if tagged
            && !matches!(t.upos, Upos::NOUN | Upos::PROPN | Upos::ADJ | Upos::X | Upos::NUM)
            && !modifier_verb
            && !abbreviation
        {
            break;
        }
        if w.chars().any(char::is_alphabetic) {
            head = Some(end);
        }
        end += 1;
        words += 1;
        // A noun not followed by another noun, a name or a hyphen ends it.
        let next_continues = toks.get(end).is_some_and(|n| {
            matches!(n.upos, Upos::NOUN | Upos::PROPN | Upos::NUM)
                || n.xpos.as_str() == "VBZ"
                || matches!(n.text(&doc.text), "-" | "“" | "\"")
        });
        if tagged && t.upos == Upos::NOUN && !next_continues {
            break;
        }
    }
    match head {
        Some(h) => (toks[h].text(&doc.text).to_lowercase(), end),
        None => (String::new(), from),
    }
}

/// A rate phrase next to a quantity: "every 10 days", "per night", "a day",
/// "in each attack". Returns the period as written without its marker.
fn rate_near(doc: &Document, start: usize, end: usize, sent: &Range<usize>) -> Option<String> {
    let toks = &doc.analysis.tokens;
    let word = |i: usize| toks.get(i).map(|t| t.text(&doc.text).to_lowercase()).unwrap_or_default();
    // The period phrase after a marker at position k.
    let period = |k: usize| -> Option<String> {
        let mut e = k + 1;
        while e < sent.end
            && e < k + 4
            && !matches!(word(e).as_str(), "," | "." | ";" | "and" | "using" | "with" | "in" | "to" | "from")
        {
            e += 1;
            // Stop after the first noun-like word that is not a number.
            if parse_digits(&word(e - 1)).is_none() && numbers::parse_words(&[word(e - 1).as_str()]).is_none() {
                break;
            }
        }
        (e > k + 1).then(|| doc.span_text(Span::new(toks[k + 1].start, toks[e - 1].end)).to_string())
    };
    // After the quantity, within a few words.
    for k in end..(end + 4).min(sent.end) {
        let w = word(k);
        if matches!(w.as_str(), "every" | "per" | "each") {
            return period(k);
        }
        if w == "in" && word(k + 1) == "each" {
            return period(k + 1);
        }
        if matches!(w.as_str(), "a" | "an")
            && matches!(word(k + 1).as_str(), "day" | "week" | "month" | "year" | "night" | "hour" | "minute")
        {
            return period(k);
        }
        if matches!(w.as_str(), "," | ";" | ".") {
            break;
        }
    }
    let _ = start;
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocMeta;

    fn quantities(text: &str) -> Vec<Quantity> {
        let mut doc = Document::new(DocMeta::default(), text.to_string());
        doc.analysis = claimgraph_nlp::segment(text);
        QuantityStage.run(&mut doc);
        doc.quantities
    }

    #[test]
    fn reads_currency_codes_after_the_amount_and_soles() {
        let q = quantities("The loss is 1.3 billion USD, not 300 million EUR. The ministry paid S/ 410,000 for units.");
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(1.3e9, "dollars"), (3e8, "euros"), (410_000.0, "soles")]);
    }

    #[test]
    fn a_scaled_number_after_a_sum_is_a_sum_of_its_currency() {
        let q = quantities(
            "The reserves fell by 4.5 billion dollars, and in October by 3 billion. They hold 3 million tonnes.",
        );
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(4.5e9, "dollars"), (3e9, "dollars"), (3e6, "tonnes")]);
    }

    #[test]
    fn a_rejected_figure_counts_what_the_figure_before_it_counts() {
        let q = quantities("Only 412 schools were closed, and not 2,300 as the union said. About 35 people, not 71.");
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(412.0, "schools"), (2300.0, "schools"), (35.0, "people"), (71.0, "people")]);
    }

    #[test]
    fn a_correcting_figure_counts_what_the_negated_one_counts() {
        let q = quantities(
            "The agency did not order 90,000 tablets but 60,000. The peak flow was 640 cubic metres per second, not 1,900.",
        );
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(90000.0, "tablets"), (60000.0, "tablets"), (640.0, "metres"), (1900.0, "cubic metres")]);
        // Without the negation, "but" joins two different counts.
        let q = quantities("The army sent 40 trucks but 12 returned.");
        assert!(q.iter().all(|q| q.unit != "trucks" || q.value == 40.0), "{q:?}");
    }

    #[test]
    fn a_part_counts_what_its_whole_counts() {
        let q = quantities("Only 212 of 531 schools have a shelter. In our district, 9 of 23 schools.");
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(212.0, "schools"), (531.0, "schools"), (9.0, "schools"), (23.0, "schools")]);
    }

    #[test]
    fn a_hyphenated_compound_modifies_the_counted_noun() {
        let q = quantities("She missed two out-of-competition tests. They bought three state-of-the-art radars.");
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(2.0, "tests"), (3.0, "radars")]);
    }

    #[test]
    fn reads_a_number_and_a_half() {
        let q = quantities(
            "Pupils lag behind by one and a half years. The talks lasted two and a half hours. \
             He served 2 and a half years. The fund holds 3 and a half million dollars. One and two were there.",
        );
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(1.5, "years"), (2.5, "hours"), (2.5, "years"), (3_500_000.0, "dollars")]);
    }

    #[test]
    fn reads_a_length_per_hour_as_a_speed() {
        let q = quantities(
            "The train ran at 62 km/h, under the limit of 80 kilometres per hour. The road is 80 km long, \
             built at 3 km per day, and cars drive 40 miles an hour.",
        );
        let got: Vec<(f64, &str, Option<&str>)> =
            q.iter().map(|q| (q.value, q.unit.as_str(), q.per.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                (62.0, "km/h", None),
                (80.0, "km/h", None),
                (80.0, "km", None),
                (3.0, "km", Some("day")),
                (40.0, "mph", None)
            ]
        );
    }

    #[test]
    fn reads_values_units_and_rates() {
        let q =
            quantities("Russia purchased 1,700 Shahid suicide drones, using about 75 cruise missiles in each attack.");
        assert_eq!(q[0].value, 1700.0);
        assert_eq!(q[0].unit, "drones");
        assert!(q[1].approximate);
        assert_eq!(q[1].value, 75.0);
        assert_eq!(q[1].unit, "missiles");
        assert_eq!(q[1].per.as_deref(), Some("attack"));
    }

    #[test]
    fn counts_after_a_month_and_spans_before_a_moment() {
        let got = |t: &str| quantities(t).iter().map(|q| (q.value, q.unit.clone())).collect::<Vec<_>>();
        assert_eq!(got("They rescued in October and November 36 citizens."), vec![(36.0, "citizens".to_string())]);
        assert!(got("The talks began on November 12 and ended in November 2026.").is_empty());
        assert_eq!(got("The test leaked one day before the exam."), vec![(1.0, "day".to_string())]);
        assert!(got("One day the river will flood.").is_empty());
        assert_eq!(got("The fund lost 46 billion krónur."), vec![(46e9, "krónur".to_string())]);
    }

    #[test]
    fn reads_compound_numbers_and_south_asian_scales() {
        let q = quantities("The state sent 12 thousand 500 tonnes of aid and lent 3 thousand 400 million pesos.");
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(12500.0, "tonnes"), (3.4e9, "pesos")]);
        let q = quantities("He said each lawmaker was offered 5 crore rupees and 380 million kroner.");
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(got, vec![(5e7, "rupees"), (3.8e8, "kroner")]);
    }

    #[test]
    fn reads_currency_words_and_ranges() {
        let q = quantities("The deal is worth $5 billion over eight years, with 10 to 15 tanks.");
        assert_eq!(q[0].value, 5e9);
        assert_eq!(q[0].unit, "dollars");
        assert_eq!(q[1].value, 8.0);
        assert_eq!(q[1].unit, "years");
        assert_eq!((q[2].value, q[2].max), (10.0, Some(15.0)));
        assert_eq!(q[2].unit, "tanks");
    }

    /// With tags: currencies written before the amount, counts standing on
    /// a participle, "the number of X ... is N", participles before the
    /// noun, halves, ranges and partitives in words.
    #[test]
    fn reads_counts_and_sums_as_translations_write_them() {
        let pipeline = crate::Pipeline::new().expect("the shipped linguistic models load");
        let text = "Test\n\nIt was RM48 million, Rs 4.8 billion, R$ 45 million and PLN 360 million. The cost is around shillings 45 million. The bank raised the rate by half a percentage point. The peat layer is one to two meters. They stayed for one day. Two people died and 11 were injured. The number of the injured is 31, most of them children. The number of dead bodies recovered is now 17. The agency speaks of 3,400 displaced in centres. It took on board 64 of the shipwrecked. Two of its four trucks were out of service. The state will rebuild the 3,200 collapsed buildings. The volume was 24.8 billion US dollars. Turnouts were 86 and 79 per cent. Clinton won six states.\n";
        let raw = crate::input::single_document("q.txt", crate::input::Format::Text, text.as_bytes().to_vec())
            .expect("text reads");
        let doc = pipeline.analyse_raw(raw).expect("analysis runs");
        let found: Vec<(f64, &str)> = doc.quantities.iter().map(|q| (q.value, q.unit.as_str())).collect();
        for want in [
            (48e6, "ringgit"),
            (4.8e9, "rupees"),
            (45e6, "reais"),
            (360e6, "zloty"),
            (45e6, "shillings"),
            (0.5, "point"),
            (1.0, "meters"),
            (1.0, "day"),
            (11.0, "injured"),
            (31.0, "injured"),
            (17.0, "bodies"),
            (3400.0, "displaced"),
            (64.0, "shipwrecked"),
            (4.0, "trucks"),
            (3200.0, "buildings"),
            (24.8e9, "dollars"),
            (86.0, "percent"),
            (6.0, "states"),
        ] {
            assert!(found.contains(&want), "{want:?} in {found:?}");
        }
        assert!(!found.iter().any(|(_, u)| *u == "won"), "{found:?}");
        let r = doc.quantities.iter().find(|q| q.unit == "reais").expect("reais");
        assert_eq!(doc.span_text(r.span), "R$ 45 million");
    }

    #[test]
    fn a_code_glued_to_a_short_number_is_an_edition_not_money() {
        let q = quantities("Delegates at COP26 met 120 leaders. The RON95 price stays. The deal was USD48 million.");
        let units: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert!(units.iter().all(|(_, u)| !matches!(*u, "pesos" | "lei")), "{units:?}");
        assert!(units.contains(&(48e6, "dollars")), "{units:?}");
    }

    #[test]
    fn a_number_sharing_the_next_ones_percent_is_no_rate() {
        let q = quantities("Turnouts were 86 and 79 per cent.");
        let first = q.iter().find(|q| q.value == 86.0).expect("86");
        assert_eq!((first.unit.as_str(), first.per.as_deref()), ("percent", None));
    }

    #[test]
    fn reads_fractions_as_shares() {
        let q = quantities("About three-quarters of the voters and two thirds of the members agreed.");
        assert_eq!((q[0].value, q[0].unit.as_str()), (75.0, "percent"));
        assert!(q[0].approximate);
        assert_eq!((q[1].value, q[1].unit.as_str()), (66.7, "percent"));
        // Without a hyphen or "of", quarters are counted.
        let q = quantities("Revenue fell in the past three quarters.");
        assert_eq!((q[0].value, q[0].unit.as_str()), (3.0, "quarters"));
    }

    #[test]
    fn skips_years_before_the_twentieth_century() {
        let q = quantities("In 1780 the town had 1500 people.");
        assert_eq!(q.len(), 1);
        assert_eq!((q[0].value, q[0].unit.as_str()), (1500.0, "people"));
    }

    /// With tags: a year before a singular noun modifies it.
    #[test]
    fn skips_a_year_that_modifies_a_noun() {
        let pipeline = crate::Pipeline::new().expect("the shipped linguistic models load");
        let raw = crate::input::single_document(
            "year.txt",
            crate::input::Format::Text,
            b"Test\n\nThe 2016 race drew 2016 votes in the county.\n".to_vec(),
        )
        .expect("text reads");
        let doc = pipeline.analyse_raw(raw).expect("analysis runs");
        let found: Vec<(f64, &str)> = doc.quantities.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(found, vec![(2016.0, "votes")]);
    }

    #[test]
    fn skips_years_and_dates() {
        let q = quantities("In 2022, on October 5, he spoke at 3 p.m. about 40,000 shells.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].value, 40000.0);
    }
}
