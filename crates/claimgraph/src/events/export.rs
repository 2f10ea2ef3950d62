//! Event exports in the formats event-data tools read:
//!
//! - [`write_plover`]: PLOVER JSON, one event record per line (the field
//!   names of the PLOVER gold-standard records and POLECAT: `id`, `date`,
//!   `event`, `mode`, `context`, `source`/`target` actor lists with `code`
//!   and `sector`, `eventText`, `text`), plus claimgraph's `reportedBy`
//!   (who reports or denies it) and modality flags.
//! - [`write_acled_csv`]: an ACLED-style CSV (the ACLED codebook's column
//!   names). ACLED records political violence, demonstrations and
//!   strategic developments that happened, so only ASSAULT, PROTEST,
//!   COERCE, MOBILIZE, RETREAT and AGREE events that are neither negated,
//!   future nor hypothetical are written.
//! - [`write_gdelt_tsv`]: a GDELT 2.0 event-table TSV (61 tab-separated
//!   columns, no header row, as GDELT publishes them), with the PLOVER type
//!   mapped back to a CAMEO code.
//!
//! Each writer takes one record at a time, so a whole ledger can be
//! streamed through it.

use std::io::Write;

use serde::Serialize;

use super::json::{outlet_name, ActorOut, EventOut};
use super::plover::PloverType;
use crate::output::DocRecord;

/// The events of a record, in their public shape (malformed ones skipped).
pub fn events_of(rec: &DocRecord) -> Vec<EventOut> {
    rec.events.iter().filter_map(|v| serde_json::from_value(v.clone()).ok()).collect()
}

/// The event's date as `yyyy-mm-dd` when known to the day, else the
/// publication date's day.
fn event_day(e: &EventOut, rec: &DocRecord) -> Option<String> {
    e.date
        .as_ref()
        .and_then(|d| d.value.clone())
        .filter(|v| v.len() == 10)
        .or_else(|| rec.doc.published.as_deref().and_then(|p| p.get(..10)).map(str::to_string))
}

fn plover_actor(a: &ActorOut) -> serde_json::Value {
    serde_json::json!({
        "actorText": a.text,
        "code": a.country.clone().unwrap_or_else(|| a.code.get(..3).unwrap_or(&a.code).to_string()),
        "sector": a.sector,
        "cameoCode": a.code,
        "entity": a.entity,
    })
}

/// Writes a record's events as PLOVER JSON lines; returns how many.
pub fn write_plover<W: Write>(w: &mut W, rec: &DocRecord) -> std::io::Result<usize> {
    let events = events_of(rec);
    for e in &events {
        let v = serde_json::json!({
            "id": e.id,
            "date": e.date.as_ref().and_then(|d| d.value.clone()).or_else(|| rec.doc.published.clone()),
            "datePrecision": e.date.as_ref().map(|d| d.precision.clone()),
            "event": e.event_type,
            "mode": e.mode.clone().unwrap_or_default(),
            "context": e.context.join(";"),
            "source": e.actor.iter().map(plover_actor).collect::<Vec<_>>(),
            "target": e.recipient.iter().map(plover_actor).collect::<Vec<_>>(),
            "eventLoc": e.location.as_ref().map(|l| l.text.clone()),
            "eventText": e.trigger.text,
            "text": e.text,
            "negated": e.negated,
            "future": e.future,
            "hypothetical": e.hypothetical,
            "size": e.quantities.iter().find(|q| q.role != "frequency").map(|q| q.value),
            "dead": e.quantities.iter().find(|q| q.role == "casualties").map(|q| q.value),
            "reportedBy": e.sources,
            "publication": outlet_name(&rec.doc),
            "url": rec.doc.url.clone().unwrap_or_else(|| rec.doc.source.clone()),
            "docId": rec.doc.id,
            "language": "en",
            "version": "PLOVER 0.8 (claimgraph)",
        });
        serde_json::to_writer(&mut *w, &v)?;
        writeln!(w)?;
    }
    Ok(events.len())
}

/// One ACLED-style row (column names from the ACLED codebook).
#[derive(Debug, Clone, Serialize)]
pub struct AcledRow {
    /// Event id.
    pub event_id_cnty: String,
    /// yyyy-mm-dd.
    pub event_date: String,
    /// Year.
    pub year: String,
    /// 1 day, 2 week/weekend, 3 month or vaguer.
    pub time_precision: u8,
    /// Political violence | Demonstrations | Strategic developments.
    pub disorder_type: String,
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// First actor.
    pub actor1: String,
    /// Associated actor.
    pub assoc_actor_1: String,
    /// Actor type (1 state forces .. 8 external/other).
    pub inter1: String,
    /// Second actor.
    pub actor2: String,
    /// Associated actor.
    pub assoc_actor_2: String,
    /// Actor type.
    pub inter2: String,
    /// inter1 and inter2 combined.
    pub interaction: String,
    /// "Civilian targeting" when civilians are the target.
    pub civilian_targeting: String,
    /// ISO 3166 numeric in ACLED; here the alpha-3 code.
    pub iso: String,
    /// Region (not known here).
    pub region: String,
    /// Country.
    pub country: String,
    /// Admin 1 (not known here).
    pub admin1: String,
    /// Admin 2.
    pub admin2: String,
    /// Admin 3.
    pub admin3: String,
    /// Location as written.
    pub location: String,
    /// Latitude (not geocoded).
    pub latitude: String,
    /// Longitude.
    pub longitude: String,
    /// 1 exact .. 3 region; 3 here (not geocoded).
    pub geo_precision: u8,
    /// Who reported it.
    pub source: String,
    /// Source scale.
    pub source_scale: String,
    /// The clause stating it.
    pub notes: String,
    /// Reported fatalities.
    pub fatalities: u64,
    /// Tags: PLOVER type/mode, claim id, stance.
    pub tags: String,
    /// Unix time of the record (publication).
    pub timestamp: String,
}

/// The ACLED actor type ("inter" code) of an actor.
fn inter(a: Option<&ActorOut>, protester: bool) -> &'static str {
    if protester {
        return "6";
    }
    match a.and_then(|a| a.sector.as_deref()) {
        Some("GOV" | "MIL" | "COP" | "SPY" | "JUD" | "LEG") => "1",
        Some("REB" | "INS" | "UAF" | "IMG") => "2",
        Some("CVL" | "REF" | "EDU" | "MED" | "BUS" | "AGR" | "LAB") => "7",
        Some("IGO" | "NGO") => "8",
        Some(_) => "8",
        None if a.is_some_and(|a| a.country.is_some()) => "1",
        None => "",
    }
}

fn acled_types(
    ty: PloverType,
    mode: Option<&str>,
    civilian: bool,
) -> Option<(&'static str, &'static str, &'static str)> {
    use PloverType::*;
    Some(match ty {
        Assault => match mode {
            Some("aerial" | "drone") => ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
            Some("heavy-weapons") => {
                ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack")
            }
            Some("explosives") => ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
            Some("suicide-attack") => ("Political violence", "Explosions/Remote violence", "Suicide bomb"),
            Some("unconventional") => ("Political violence", "Explosions/Remote violence", "Chemical weapon"),
            Some("abduct") => ("Political violence", "Violence against civilians", "Abduction/forced disappearance"),
            Some("sexual") => ("Political violence", "Violence against civilians", "Sexual violence"),
            _ if civilian => ("Political violence", "Violence against civilians", "Attack"),
            _ => ("Political violence", "Battles", "Armed clash"),
        },
        Protest => match mode {
            Some("riot") => ("Demonstrations", "Riots", "Violent demonstration"),
            _ => ("Demonstrations", "Protests", "Peaceful protest"),
        },
        Coerce => match mode {
            Some("arrest") => ("Strategic developments", "Strategic developments", "Arrests"),
            Some("seize") => ("Strategic developments", "Strategic developments", "Looting/property destruction"),
            _ => ("Strategic developments", "Strategic developments", "Other"),
        },
        Mobilize => ("Strategic developments", "Strategic developments", "Change to group/activity"),
        Retreat => ("Strategic developments", "Strategic developments", "Non-violent transfer of territory"),
        Agree => ("Strategic developments", "Strategic developments", "Agreement"),
        _ => return None,
    })
}

/// A CSV writer for [`write_acled_csv`] (header row written with the first
/// row).
pub fn acled_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::Writer::from_writer(w)
}

/// Writes a record's ACLED-relevant events; returns how many.
pub fn write_acled_csv<W: Write>(w: &mut csv::Writer<W>, rec: &DocRecord) -> csv::Result<usize> {
    let mut n = 0;
    for e in events_of(rec) {
        if e.negated || e.future || e.hypothetical {
            continue;
        }
        let Some(ty) = PloverType::parse(&e.event_type) else { continue };
        let civilian = e.recipient.as_ref().is_some_and(|r| r.sector.as_deref() == Some("CVL"));
        let Some((disorder, event_type, sub)) = acled_types(ty, e.mode.as_deref(), civilian) else { continue };
        let day = event_day(&e, rec).unwrap_or_default();
        let precision = match e.date.as_ref().map(|d| d.precision.as_str()) {
            Some("day") => 1,
            Some("week") => 2,
            _ if e.date.is_none() && !day.is_empty() => 1,
            _ => 3,
        };
        let protester = ty == PloverType::Protest;
        let (i1, i2) = (inter(e.actor.as_ref(), protester), inter(e.recipient.as_ref(), false));
        let place = e.location.as_ref().or(e.recipient.as_ref());
        let country_code = place.and_then(|p| p.country.clone()).unwrap_or_default();
        let country = crate::entities::gazetteer::Countries::get()
            .by_code(&country_code)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let fatalities = e.quantities.iter().filter(|q| q.role == "casualties").map(|q| q.value.max(0.0) as u64).sum();
        let source = e.sources.first().filter(|s| s.kind == "speaker").map(|s| s.name.clone()).unwrap_or_default();
        w.serialize(AcledRow {
            event_id_cnty: e.id.clone(),
            year: day.get(..4).unwrap_or("").to_string(),
            event_date: day,
            time_precision: precision,
            disorder_type: disorder.into(),
            event_type: event_type.into(),
            sub_event_type: sub.into(),
            actor1: e.actor.as_ref().map(|a| a.text.clone()).unwrap_or_default(),
            assoc_actor_1: String::new(),
            inter1: i1.into(),
            actor2: e.recipient.as_ref().map(|a| a.text.clone()).unwrap_or_default(),
            assoc_actor_2: String::new(),
            inter2: i2.into(),
            interaction: format!("{i1}{i2}"),
            civilian_targeting: if civilian { "Civilian targeting".into() } else { String::new() },
            iso: country_code,
            region: String::new(),
            country,
            admin1: String::new(),
            admin2: String::new(),
            admin3: String::new(),
            location: e.location.as_ref().map(|l| l.text.clone()).unwrap_or_default(),
            latitude: String::new(),
            longitude: String::new(),
            geo_precision: 3,
            source: if source.is_empty() {
                outlet_name(&rec.doc)
            } else {
                format!("{source}; {}", outlet_name(&rec.doc))
            },
            source_scale: String::new(),
            notes: e.text.split_whitespace().collect::<Vec<_>>().join(" "),
            fatalities,
            tags: format!(
                "plover={}{}; claim={}; stance={}",
                e.event_type,
                e.mode.as_deref().map(|m| format!("/{m}")).unwrap_or_default(),
                e.claim.as_deref().unwrap_or("outlet"),
                e.sources.first().map(|s| s.stance.as_str()).unwrap_or("affirms")
            ),
            timestamp: rec
                .doc
                .published
                .as_deref()
                .and_then(|p| p.parse::<jiff::Timestamp>().ok().map(|t| t.as_second().to_string()))
                .unwrap_or_default(),
        })?;
        n += 1;
    }
    Ok(n)
}

/// A tab-separated writer without header row, for [`write_gdelt_tsv`].
pub fn gdelt_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().delimiter(b'\t').has_headers(false).quote_style(csv::QuoteStyle::Never).from_writer(w)
}

/// The GDELT 2.0 event table's 61 column names, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// GDELT fields cannot hold tabs or newlines.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn actor_cols(a: Option<&ActorOut>) -> [String; 10] {
    let Some(a) = a else { return Default::default() };
    let group = if a.country.is_none() { a.code.get(..3).unwrap_or("").to_string() } else { String::new() };
    [
        a.code.replace("---", ""),
        clean(&a.text).to_uppercase(),
        a.country.clone().unwrap_or_default(),
        group,
        String::new(),
        String::new(),
        String::new(),
        a.sector.clone().unwrap_or_default(),
        String::new(),
        String::new(),
    ]
}

fn geo_cols(a: Option<&ActorOut>) -> [String; 8] {
    let Some(c) = a.and_then(|a| a.country.as_deref()) else { return Default::default() };
    let fips = super::fips_of(c).unwrap_or("").to_string();
    let name = crate::entities::gazetteer::Countries::get().by_code(c).map(|x| x.name.clone()).unwrap_or_default();
    ["1".into(), name, fips, String::new(), String::new(), String::new(), String::new(), String::new()]
}

/// Writes a record's events as GDELT 2.0 event rows; `next_id` numbers
/// them (GLOBALEVENTID). Returns how many.
pub fn write_gdelt_tsv<W: Write>(w: &mut csv::Writer<W>, rec: &DocRecord, next_id: &mut u64) -> csv::Result<usize> {
    let events = events_of(rec);
    let added = rec
        .doc
        .published
        .as_deref()
        .map(|p| p.chars().filter(char::is_ascii_digit).take(14).collect::<String>())
        .map(|d| format!("{d:0<14}"))
        .unwrap_or_default();
    for (n, e) in events.iter().enumerate() {
        let Some(ty) = PloverType::parse(&e.event_type) else { continue };
        let root = ty.cameo_root(e.mode.as_deref());
        // The dictionary's code when it agrees with the type, else the root.
        let code = e
            .cameo
            .as_deref()
            .map(|c| c.split(':').next().unwrap_or(c))
            .filter(|c| c.starts_with(root))
            .map(str::to_string)
            .unwrap_or_else(|| format!("{root}0"));
        let day = event_day(e, rec).unwrap_or_default().replace('-', "");
        let year = day.get(..4).unwrap_or("").to_string();
        let month = day.get(..6).unwrap_or("").to_string();
        let fraction = match (day.get(..4), day.get(4..6), day.get(6..8)) {
            (Some(y), Some(m), Some(d)) => {
                let (y, m, d): (f64, f64, f64) =
                    (y.parse().unwrap_or(0.0), m.parse().unwrap_or(1.0), d.parse().unwrap_or(1.0));
                format!("{:.4}", y + ((m - 1.0) * 30.0 + d) / 365.0)
            }
            _ => String::new(),
        };
        let mut row: Vec<String> = Vec::with_capacity(61);
        row.push(next_id.to_string());
        *next_id += 1;
        row.extend([day, month, year, fraction]);
        row.extend(actor_cols(e.actor.as_ref()));
        row.extend(actor_cols(e.recipient.as_ref()));
        row.push(if n == 0 { "1".into() } else { "0".into() });
        row.push(code.clone());
        row.push(code.get(..3).unwrap_or(&code).to_string());
        row.push(root.to_string());
        row.push(ty.quad().to_string());
        row.push(format!("{:.1}", if e.negated { 0.0 } else { ty.goldstein() }));
        row.extend(["1".to_string(), "1".to_string(), "1".to_string(), "0".to_string()]);
        row.extend(geo_cols(e.actor.as_ref()));
        row.extend(geo_cols(e.recipient.as_ref()));
        row.extend(geo_cols(e.location.as_ref().or(e.recipient.as_ref())));
        row.push(added.clone());
        row.push(clean(rec.doc.url.as_deref().unwrap_or(&rec.doc.source)));
        debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
        w.write_record(&row)?;
    }
    Ok(events.len())
}
