//! Reading numbers written in digits or words: "1,700", "3.5", "75",
//! "eight", "twenty-five", "two hundred", "5 billion", "a dozen".

/// The value of a number word, and whether it scales what precedes it.
fn word_value(w: &str) -> Option<(f64, bool)> {
    let v = match w {
        "zero" => 0.0,
        "one" | "a" | "an" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => return Some((12.0, true)),
        "hundred" => return Some((100.0, true)),
        "thousand" => return Some((1e3, true)),
        "million" => return Some((1e6, true)),
        "billion" => return Some((1e9, true)),
        "trillion" => return Some((1e12, true)),
        _ => return None,
    };
    Some((v, false))
}

/// True when [`parse_words`] must fail on a run opening with `w`: the first
/// word's text up to a hyphen, lower-cased, is no [`word_value`], and the
/// loop there gives up at once then. Only ASCII words are answered (for
/// them `to_lowercase` is ASCII lower-casing, and no number word is longer
/// than nine letters); any other word is left to the loop (false).
fn cannot_open_number(w: &str) -> bool {
    if !w.is_ascii() {
        return false;
    }
    let first = w.split('-').next().unwrap_or("");
    if first.len() > 9 {
        return true;
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..first.len()];
    lower.copy_from_slice(first.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|p| word_value(p).is_none())
}

/// Scale words that multiply a preceding number ("5 billion", "1.2m").
pub fn scale_of(w: &str) -> Option<f64> {
    match w.to_lowercase().as_str() {
        "hundred" => Some(100.0),
        "thousand" | "k" => Some(1e3),
        "million" | "mn" | "m" | "millions" => Some(1e6),
        "billion" | "bn" | "b" | "billions" => Some(1e9),
        "trillion" | "tn" | "trillions" => Some(1e12),
        "dozen" => Some(12.0),
        // South Asian scales: "5 crore rupees" (50 million), "2 lakh".
        "crore" | "crores" => Some(1e7),
        "lakh" | "lakhs" => Some(1e5),
        _ => None,
    }
}

/// Parses a number written in digits: "1,700", "3.5", "75", "1.700" is read
/// as 1700 only when the group after the dot has three digits and more
/// groups or no decimal reading makes sense is not attempted (English
/// convention: comma for thousands, dot for decimals).
pub fn parse_digits(s: &str) -> Option<f64> {
    let s = s.trim_start_matches(['+', '~']);
    if s.is_empty() || !s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if !s.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    // Thousands separators must group by three.
    if s.contains(',') {
        let int_part = s.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int_part.split(',').collect();
        if groups.iter().skip(1).any(|g| g.len() != 3) || groups[0].is_empty() || groups[0].len() > 3 {
            return None;
        }
    }
    s.replace(',', "").parse::<f64>().ok()
}

/// Parses a run of number words ("twenty-five", "two hundred", "a dozen");
/// returns the value and how many words it used.
pub fn parse_words(words: &[&str]) -> Option<(f64, usize)> {
    // Most words asked about are no number words; the loop below would
    // lower-case and split each before finding out.
    if words.first().is_some_and(|w| cannot_open_number(w)) {
        return None;
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut any = false;
    for w in words {
        let lw = w.to_lowercase();
        // "twenty-five" may arrive as one word or as "twenty", "-", "five".
        if lw == "-" && any {
            used += 1;
            continue;
        }
        // "and" joins only after a scale word: "three hundred and twenty",
        // not "between six and ten".
        if lw == "and" && any && used + 1 < words.len() && used > 0 && scale_of(words[used - 1]).is_some() {
            used += 1;
            continue;
        }
        let parts: Vec<&str> = lw.split('-').collect();
        let mut ok = true;
        for p in &parts {
            match word_value(p) {
                Some((v, true)) => {
                    if !any {
                        current = 1.0;
                    }
                    if v >= 1000.0 {
                        total += (if current == 0.0 { 1.0 } else { current }) * v;
                        current = 0.0;
                    } else {
                        current = (if current == 0.0 { 1.0 } else { current }) * v;
                    }
                    any = true;
                }
                Some((v, false)) => {
                    // "a"/"an" only count before a scale word ("a dozen").
                    if (*p == "a" || *p == "an")
                        && !words.get(used + 1).is_some_and(|n| word_value(&n.to_lowercase()).is_some_and(|(_, s)| s))
                    {
                        ok = false;
                        break;
                    }
                    current += v;
                    any = true;
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            break;
        }
        used += 1;
    }
    // Trailing separators are not part of the number.
    while used > 0 && matches!(words[used - 1].to_lowercase().as_str(), "-" | "and") {
        used -= 1;
    }
    any.then_some((total + current, used)).filter(|(_, u)| *u > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(parse_digits("1,700"), Some(1700.0));
        assert_eq!(parse_digits("3.5"), Some(3.5));
        assert_eq!(parse_digits("40,000"), Some(40000.0));
        assert_eq!(parse_digits("1,70"), None);
        assert_eq!(parse_digits("abc"), None);
    }

    #[test]
    fn words() {
        assert_eq!(parse_words(&["eight", "years"]), Some((8.0, 1)));
        assert_eq!(parse_words(&["twenty-five", "drones"]), Some((25.0, 1)));
        assert_eq!(parse_words(&["twenty", "-", "five"]), Some((25.0, 3)));
        assert_eq!(parse_words(&["two", "hundred", "troops"]), Some((200.0, 2)));
        assert_eq!(parse_words(&["a", "dozen", "tanks"]), Some((12.0, 2)));
        assert_eq!(parse_words(&["three", "thousand", "five", "hundred"]), Some((3500.0, 4)));
        assert_eq!(parse_words(&["a", "missile"]), None);
    }
}
