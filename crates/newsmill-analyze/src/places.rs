//! Places: LOC entities and demonyms linked to GeoNames records (country code, latitude,
//! longitude, geonames id), disambiguated by population, by kind of place and by the other
//! places the article names; and the article's focus countries.
//!
//! The gazetteer ships in the repo (`models/places-en.tsv.gz`, built by
//! `tools/build_places.py` from GeoNames, CC BY 4.0) and is compiled into the binary frozen
//! (`models/places-en.bin`, a test checks it against the source): read in place, shared by
//! the whole process ([`Places::shared`]).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::frozen::{HashTable, take_u32};
use crate::model::{Entity, EntityType, Place};

const FROZEN: &[u8] = include_bytes!("../models/places-en.bin");
const MAGIC: &[u8; 8] = b"NMPLC\0\0\x01";
/// The bytes of a frozen record (see [`Record::decode`]) and of a name entry (`u64` key of
/// the normalised name, `u32` record).
const RECORD: usize = 20;
const NAME: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country,
    Region,
    City,
}

#[derive(Debug, Clone, Copy)]
struct Record {
    kind: Kind,
    country: [u8; 2],
    geonames_id: Option<u64>,
    lat: Option<f64>,
    lon: Option<f64>,
    population: u64,
    capital: bool,
}

impl Record {
    /// Kind (`C`, `A`, `P`), flags (geonames id, latitude, longitude, capital), country,
    /// geonames id `u32`, latitude and longitude `i32` in ten-thousandths of a degree,
    /// population `u32`.
    fn decode(b: &[u8; RECORD]) -> Record {
        let word = |at: usize| [b[at], b[at + 1], b[at + 2], b[at + 3]];
        let flag = |bit: u8| b[1] & (1 << bit) != 0;
        let degrees = |at: usize| f64::from(i32::from_le_bytes(word(at))) / 1e4;
        Record {
            kind: match b[0] {
                b'C' => Kind::Country,
                b'A' => Kind::Region,
                _ => Kind::City,
            },
            country: [b[2], b[3]],
            geonames_id: flag(0).then(|| u64::from(u32::from_le_bytes(word(4)))),
            lat: flag(1).then(|| degrees(8)),
            lon: flag(2).then(|| degrees(12)),
            population: u64::from(u32::from_le_bytes(word(16))),
            capital: flag(3),
        }
    }

    /// The record of a gazetteer line's fields, frozen; `None` when a value does not fit
    /// the frozen form (a coordinate with more than four decimals, a population past `u32`).
    #[cfg(test)]
    fn encode(f: &[&str; 10]) -> Option<[u8; RECORD]> {
        let mut b = [0u8; RECORD];
        b[0] = match f[0] {
            "C" => b'C',
            "A" => b'A',
            _ => b'P',
        };
        let country: [u8; 2] = f[1].as_bytes().try_into().ok()?;
        b[2..4].copy_from_slice(&country);
        let mut flags = u8::from(f[8] == "PPLC") << 3;
        if let Ok(id) = f[2].parse::<u64>() {
            b[4..8].copy_from_slice(&u32::try_from(id).ok()?.to_le_bytes());
            flags |= 1;
        }
        for (bit, field, at) in [(1, f[5], 8), (2, f[6], 12)] {
            let Ok(deg) = field.parse::<f64>() else { continue };
            let units = (deg * 1e4).round() as i32;
            // Exact: the frozen value must read back as the very number the text gives.
            (f64::from(units) / 1e4 == deg).then_some(())?;
            b[at..at + 4].copy_from_slice(&units.to_le_bytes());
            flags |= 1 << bit;
        }
        b[1] = flags;
        let population: u64 = f[7].parse().unwrap_or(0);
        b[16..20].copy_from_slice(&u32::try_from(population).ok()?.to_le_bytes());
        Some(b)
    }

    fn country(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or_default()
    }
}

/// The place gazetteer: records by normalised name and alias, and demonyms by country.
/// Frozen as `MAGIC`, `u32` records and the records, `u32` names and the name entries
/// (sorted), the demonym table, the country table.
#[derive(Debug)]
pub struct Places {
    records: Cow<'static, [u8]>,
    /// Entries sorted by key, then record: a name's records in gazetteer order. 64-bit
    /// hashes of some 100,000 names do not collide.
    by_name: Cow<'static, [u8]>,
    /// The country of each normalised demonym.
    demonyms: HashTable<2>,
    /// Each country's own record, by the key of its code.
    countries: HashTable<4>,
}

/// Why the built-in place gazetteer cannot be used.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the built-in place gazetteer is corrupt ({0}); rebuild the program")]
pub struct PlacesError(String);

impl Places {
    /// The built-in gazetteer, read on first use and shared by the whole process.
    pub fn shared() -> Result<&'static Self, PlacesError> {
        static SHARED: std::sync::OnceLock<Result<Places, PlacesError>> = std::sync::OnceLock::new();
        SHARED.get_or_init(Self::load).as_ref().map_err(Clone::clone)
    }

    /// The gazetteer compiled into the binary (about 37,000 records), read in place.
    fn load() -> Result<Self, PlacesError> {
        Self::read(FROZEN).map_err(|e| PlacesError(e.to_string()))
    }

    fn read(bytes: &'static [u8]) -> Result<Self, &'static str> {
        let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or("bad magic")?;
        let (records, rest) = take_array(rest, RECORD)?;
        let (by_name, rest) = take_array(rest, NAME)?;
        let (demonyms, rest) = HashTable::read(rest)?;
        let (countries, rest) = HashTable::read(rest)?;
        if !rest.is_empty() {
            return Err("trailing bytes");
        }
        let places = Places { records: Cow::Borrowed(records), by_name: Cow::Borrowed(by_name), demonyms, countries };
        match places.by_name.chunks_exact(NAME).all(|e| name_entry(e).1 < places.len()) {
            true => Ok(places),
            false => Err("a name of no record"),
        }
    }

    /// The frozen form [`read`](Self::read) reads.
    #[cfg(test)]
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.len().to_le_bytes());
        out.extend_from_slice(&self.records);
        out.extend_from_slice(&((self.by_name.len() / NAME) as u32).to_le_bytes());
        out.extend_from_slice(&self.by_name);
        self.demonyms.write(out);
        self.countries.write(out);
    }

    /// The gazetteer of `tools/build_places.py`'s lines.
    #[cfg(test)]
    fn parse(text: &str) -> Result<Self, PlacesError> {
        let (mut records, mut by_name) = (Vec::new(), Vec::new());
        let (mut demonyms, mut countries) = (HashMap::new(), HashMap::new());
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
            let mut f = [""; 10];
            let mut fields = 0;
            for (slot, field) in f.iter_mut().zip(line.split('\t')) {
                *slot = field;
                fields += 1;
            }
            let bad = || PlacesError(format!("line {}", n + 1));
            if f[0] == "D" {
                let country: [u8; 2] = f[1].as_bytes().try_into().map_err(|_| bad())?;
                (fields >= 3).then_some(()).ok_or_else(bad)?;
                demonyms.insert(name_key(&normalize(f[2])), country);
                continue;
            }
            (fields >= 8).then_some(()).ok_or_else(bad)?;
            let index = (records.len() / RECORD) as u32;
            records.extend_from_slice(&Record::encode(&f).ok_or_else(bad)?);
            if f[0] == "C" {
                countries.insert(name_key(f[1]), index.to_le_bytes());
            }
            for name in std::iter::once(f[3]).chain(f[4].split('|').filter(|a| !a.is_empty())) {
                by_name.push((name_key(&normalize(name)), index));
            }
        }
        by_name.sort_unstable();
        by_name.dedup();
        let table = |e: &str| PlacesError(e.to_string());
        Ok(Places {
            records: Cow::Owned(records),
            by_name: Cow::Owned(by_name.iter().flat_map(|&(k, i)| [k.to_le_bytes().as_slice(), &i.to_le_bytes()].concat()).collect()),
            demonyms: HashTable::build(demonyms.into_iter().collect()).map_err(table)?,
            countries: HashTable::build(countries.into_iter().collect()).map_err(table)?,
        })
    }

    fn len(&self) -> u32 {
        (self.records.len() / RECORD) as u32
    }

    /// Record `i`; every index the name table holds has one (checked when read).
    fn record(&self, i: u32) -> Option<Record> {
        let at = i as usize * RECORD;
        self.records.get(at..at + RECORD)?.try_into().ok().map(Record::decode)
    }

    /// The records a normalised name names, in gazetteer order.
    fn named(&self, normalized: &str) -> impl Iterator<Item = u32> + '_ {
        let key = name_key(normalized);
        let entries = self.by_name.chunks_exact(NAME);
        let (mut lo, mut hi) = (0, entries.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if name_entry(&self.by_name[mid * NAME..]).0 < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        self.by_name[lo * NAME..].chunks_exact(NAME).map(name_entry).take_while(move |&(k, _)| k == key).map(|(_, i)| i)
    }

    /// The records a normalised name names.
    fn records_named(&self, normalized: &str) -> impl Iterator<Item = Record> + '_ {
        self.named(normalized).filter_map(|i| self.record(i))
    }

    /// Whether a LOC entity shows it is a place: the gazetteer holds its name or one of its
    /// forms in the body, or it is written as a place's name is (a world region, `Bexar
    /// County`, `South China`, a building: `White House`, a town with its state: `Ketchikan,
    /// Alaska`). On recent web pages a place name with none of these is seldom
    /// a place (products, companies and headings the tagger read as places: `Cloudflare`,
    /// `Road Transport`); on 1996 newswire it is often a small town or a venue.
    pub fn shows_place(&self, e: &Entity, body: &str) -> bool {
        let body_forms = e.mentions.iter().filter(|m| m.field.is_body()).filter_map(|m| body.get(m.span.clone()));
        std::iter::once(e.name.as_str()).chain(body_forms).any(|form| {
            let key = place_key(form);
            let known = |k: &str| self.named(k).next().is_some();
            use crate::lang::en::lexicon::{has_building_head, has_place_head, is_region, is_us_state_code};
            known(&key)
                || is_region(&key, known)
                || is_us_state_code(form)
                || has_place_head(form)
                || has_building_head(form)
                || with_its_region(form, known)
        }) || e.mentions.iter().filter(|m| m.field.is_body()).any(|m| self.written_with_its_region(body, &m.span))
    }

    /// A mention written as a place too small for the gazetteer is: followed by the country or
    /// first-order division it lies in (`Ketchikan, Alaska`, `Cape Canaveral, Florida`; not
    /// `Acme, Texas Instruments`).
    fn written_with_its_region(&self, body: &str, span: &std::ops::Range<usize>) -> bool {
        region_after(body, span.end).is_some_and(|region| {
            let name = normalize(region.trim_end_matches('.'));
            self.records_named(&name).any(|r| matches!(r.kind, Kind::Country | Kind::Region))
        })
    }

    /// The country a demonym or nationality names (`Afghan`, `Afghans` → AF).
    pub fn demonym(&self, word: &str) -> Option<String> {
        let key = normalize(word);
        let country = |k: &str| self.demonyms.get(name_key(k));
        let code = country(&key).or_else(|| country(key.strip_suffix('s')?))?;
        std::str::from_utf8(&code).ok().map(str::to_string)
    }

    /// The record of the country with ISO code `code`.
    fn country(&self, code: &str) -> Option<Record> {
        self.countries.get(name_key(code)).and_then(|i| self.record(u32::from_le_bytes(i)))
    }
}

/// A name that holds its own region after a comma (`Washington, D.C.`, `Paris, France`): a
/// known place followed by a known place or a state's two-letter code.
fn with_its_region(form: &str, known: impl Fn(&str) -> bool) -> bool {
    let Some((place, region)) = form.split_once(", ") else { return false };
    let code: String = region.chars().filter(|c| *c != '.').collect();
    let state_code = code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
    known(&normalize(place)) && (state_code || known(&normalize(region)))
}

/// The `count` items of `size` bytes after a `u32` count at the front of `bytes`, and the
/// bytes after them.
fn take_array(bytes: &'static [u8], size: usize) -> Result<(&'static [u8], &'static [u8]), &'static str> {
    let (count, rest) = take_u32(bytes)?;
    let len = (count as usize).checked_mul(size).filter(|&l| l <= rest.len()).ok_or("cut short")?;
    Ok(rest.split_at(len))
}

/// A name entry's key and record.
fn name_entry(e: &[u8]) -> (u64, u32) {
    let mut key = [0u8; 8];
    let mut record = [0u8; 4];
    key.copy_from_slice(&e[..8]);
    record.copy_from_slice(&e[8..NAME]);
    (u64::from_le_bytes(key), u32::from_le_bytes(record))
}

fn name_key(normalized: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(normalized.as_bytes())
}

/// Lowercase, no dots, one space, no leading `the`: `the U.S.` and `US` meet.
fn normalize(name: &str) -> String {
    // Most names are plain ASCII words with single spaces: one allocation, not four (this
    // runs for every name and alias when the gazetteer loads).
    let plain = name.bytes().all(|b| (b.is_ascii_graphic() && b != b'.') || b == b' ')
        && !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ");
    let lower = if plain {
        name.to_ascii_lowercase()
    } else {
        let joined: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
        joined.to_lowercase().replace('.', "")
    };
    match lower.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => lower,
    }
}

/// Links the article's place entities and demonyms; returns the places and the focus
/// countries (ISO 3166 alpha-2), most named first.
pub fn link_places(text: &str, entities: &[Entity], gaz: &Places) -> (Vec<Place>, Vec<String>) {
    // Countries named outright or by demonym set the context the rest are read in.
    let mut context: HashMap<String, usize> = HashMap::new();
    for e in entities {
        if let Some(cc) = country_of(e, gaz) {
            *context.entry(cc).or_default() += e.mentions.len().max(1);
        }
    }
    let mut places = Vec::new();
    let mut weight: HashMap<String, usize> = HashMap::new();
    for e in entities {
        let record = match e.kind {
            EntityType::Loc => best_record(e, text, gaz, &context),
            EntityType::Misc => {
                gaz.demonym(&e.name).and_then(|cc| gaz.country(&cc))
            }
            _ => None,
        };
        let Some(r) = record else { continue };
        *weight.entry(r.country().to_string()).or_default() += e.mentions.len().max(1);
        places.push(Place {
            entity: e.id.clone(),
            name: e.name.clone(),
            country: Some(r.country().to_string()),
            lat: r.lat,
            lon: r.lon,
            geonames_id: r.geonames_id,
        });
    }
    (places, focus(weight))
}

/// The capitalized words (at most three) after `, ` at `end`, to the end of their clause: the
/// region a place is written with (`Gainesville, FL`, `Ketchikan, Alaska.` with its stop), or
/// an organisation's words (`Acme, Texas Instruments`) for the caller's gazetteer to refuse.
pub(crate) fn region_after(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.strip_prefix(", ")?;
    let clause = rest.split([',', ';', ':', '(', ')', '\n', '!', '?']).next().unwrap_or("");
    let clause = clause.find(". ").map_or(clause, |i| &clause[..=i]);
    let words: Vec<&str> = clause.split_whitespace().take_while(|w| w.starts_with(char::is_uppercase)).take(3).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The entities without LOC entities that show no sign of being places
/// ([`Places::shows_place`]), renumbered `E1`, `E2`, … in order.
pub fn drop_unplaced(mut ents: Vec<Entity>, body: &str, gaz: &Places) -> Vec<Entity> {
    ents.retain(|e| e.kind != EntityType::Loc || gaz.shows_place(e, body));
    for (n, e) in ents.iter_mut().enumerate() {
        e.id = format!("E{}", n + 1);
    }
    ents
}

/// The name a place is looked up by: normalised ([`normalize`]), and a US state's abbreviation
/// read as the state (`Fla.` is Florida, not the Colombian town Fla).
fn place_key(form: &str) -> String {
    normalize(crate::lang::en::lexicon::us_state_of_abbreviation(form).unwrap_or(form))
}

fn country_of(e: &Entity, gaz: &Places) -> Option<String> {
    match e.kind {
        EntityType::Misc => gaz.demonym(&e.name),
        EntityType::Loc if crate::lang::en::lexicon::us_state_of_abbreviation(&e.name).is_some() => Some("US".into()),
        EntityType::Loc => {
            // A country by name, or a place every namesake of which is in one country.
            let records: Vec<Record> = gaz.records_named(&place_key(&e.name)).collect();
            if let Some(r) = records.iter().find(|r| r.kind == Kind::Country) {
                return Some(r.country().to_string());
            }
            let first = records.first()?;
            records.iter().all(|r| r.country == first.country).then(|| first.country().to_string())
        }
        _ => None,
    }
}

/// The record a LOC entity most likely names: a country outright; else the candidate with
/// the best mix of population, capital status and agreement with the article's countries.
fn best_record(e: &Entity, text: &str, gaz: &Places, context: &HashMap<String, usize>) -> Option<Record> {
    let forms: Vec<&str> = std::iter::once(e.name.as_str())
        .chain(e.mentions.iter().filter(|m| m.field.is_body()).filter_map(|m| text.get(m.span.clone())))
        .collect();
    // `Ga.` is the state of Georgia, not the country.
    let us_state = forms.iter().any(|f| crate::lang::en::lexicon::us_state_of_abbreviation(f).is_some());
    let mut keys: Vec<String> = forms.into_iter().map(place_key).collect();
    // `State of New Jersey` is New Jersey.
    let polities: Vec<String> =
        keys.iter().filter_map(|k| crate::lang::en::lexicon::polity_place(k)).map(str::to_string).collect();
    keys.extend(polities);
    // `Washington, D.C.` is Washington.
    let heads: Vec<String> = keys.iter().filter_map(|k| k.split_once(", ")).map(|(place, _)| place.to_string()).collect();
    keys.extend(heads);
    keys.retain(|k| !crate::lang::en::lexicon::is_compass_word(k));
    let mut candidates: Vec<u32> = keys.iter().flat_map(|k| gaz.named(k)).collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_iter()
        .filter_map(|i| gaz.record(i))
        .filter(|r| !us_state || r.country() == "US")
        .max_by(|a, b| score(a, context).total_cmp(&score(b, context)))
}

fn score(r: &Record, context: &HashMap<String, usize>) -> f64 {
    let size = (r.population as f64 + 1.0).log10();
    // A division counts by its cities' population, as a city by its own (the gazetteer gives
    // a division named after its city none: the name means the city).
    let kind = match r.kind {
        Kind::Country => 10.0,
        Kind::Region | Kind::City => 0.0,
    };
    let in_context = if context.contains_key(r.country()) { 3.0 } else { 0.0 };
    kind + size / 2.0 + in_context + if r.capital { 1.5 } else { 0.0 }
}

/// Countries with at least half the weight of the most named one, at most three.
fn focus(weight: HashMap<String, usize>) -> Vec<String> {
    let mut ranked: Vec<(String, usize)> = weight.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let top = ranked.first().map_or(0, |r| r.1);
    ranked.into_iter().filter(|r| r.1 * 2 >= top).take(3).map(|r| r.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_is_the_source() {
        use std::io::Read;
        let gz = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/places-en.tsv.gz")).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(gz.as_slice()).read_to_string(&mut text).unwrap();
        let mut fresh = Vec::new();
        Places::parse(&text).unwrap().write(&mut fresh);
        crate::frozen::check_frozen("places-en.bin", FROZEN, &fresh);
        let mut again = Vec::new();
        Places::load().unwrap().write(&mut again);
        assert!(again == fresh);
    }

    #[test]
    fn the_quick_normalisation_agrees_with_the_general_one() {
        let general = |name: &str| {
            let joined: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let lower = joined.to_lowercase().replace('.', "");
            lower.strip_prefix("the ").map(str::to_string).unwrap_or(lower)
        };
        for name in
            ["New York", "the U.S.", "The Hague", " Paris", "São Paulo", "A  B", "THE\tGAMBIA", "Côte d'Ivoire", "the"]
        {
            assert_eq!(normalize(name), general(name), "{name:?}");
        }
    }

    use crate::model::{Mention, TextField};

    fn entity(id: &str, name: &str, kind: EntityType, text: &str) -> Entity {
        let mentions =
            text.match_indices(name).map(|(s, m)| Mention { span: s..s + m.len(), field: TextField::Body }).collect();
        Entity { id: id.into(), name: name.into(), kind, titles: vec![], mentions }
    }

    #[test]
    fn places_without_evidence_are_not_places() {
        let gaz = Places::load().unwrap();
        let text = "Cloudflare said demand in the Middle East, East Asia and Bexar County grew; \
                    Road Transport emissions fell in Kenya and Northern Europe, not in Look.";
        let names = [
            "Cloudflare",
            "Middle East",
            "East Asia",
            "Bexar County",
            "Road Transport",
            "Kenya",
            "Northern Europe",
            "Look",
        ];
        let ents = names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text));
        let kept = drop_unplaced(ents.collect(), text, &gaz);
        let kept: Vec<(&str, &str)> = kept.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
        assert_eq!(
            kept,
            [
                ("E1", "Middle East"),
                ("E2", "East Asia"),
                ("E3", "Bexar County"),
                ("E4", "Kenya"),
                ("E5", "Northern Europe")
            ]
        );
        // A town too small for the gazetteer, written with its state or country.
        let text = "Boats sail to Ketchikan, Alaska. Acme, Texas Instruments and Quorvex, Kenya-based, met in Bisbee, Arizona.";
        let names = ["Ketchikan", "Acme", "Quorvex", "Bisbee"];
        let ents = names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text));
        let kept: Vec<String> = drop_unplaced(ents.collect(), text, &gaz).into_iter().map(|e| e.name).collect();
        assert_eq!(kept, ["Ketchikan", "Bisbee"]);
        // A place whose name holds its region.
        let text = "Efforts in Washington, D.C. and in Quorvex, Kenya-based, grew.";
        let names = ["Washington, D.C.", "Quorvex, Kenya-based"];
        let ents = names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text));
        let kept: Vec<String> = drop_unplaced(ents.collect(), text, &gaz).into_iter().map(|e| e.name).collect();
        assert_eq!(kept, ["Washington, D.C."]);
        // Other types are not the gazetteer's business.
        let org = entity("E1", "Cloudflare", EntityType::Org, text);
        assert_eq!(drop_unplaced(vec![org], text, &gaz).len(), 1);
    }

    #[test]
    fn former_states_and_state_codes_are_places() {
        let gaz = Places::load().unwrap();
        let text = "Immigrants came from the former Soviet Union and the Ottoman Empire to Helena, MT. \
                    and to Fortnite, not to Look.";
        let names = ["Soviet Union", "Ottoman Empire", "MT.", "Fortnite", "Look"];
        let ents = names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text));
        let kept: Vec<String> = drop_unplaced(ents.collect(), text, &gaz).into_iter().map(|e| e.name).collect();
        assert_eq!(kept, ["Soviet Union", "Ottoman Empire", "MT."]);
        // Regions and ranges the news names, water named by its kind first; not a college.
        let text = "Storms hit New England, Kashmir and the Alps, then the Gulf of Aden and Lake Michigan; \
                    a Mount Holyoke graduate stayed home.";
        let names = ["New England", "Kashmir", "Alps", "Gulf of Aden", "Lake Michigan", "Mount Holyoke"];
        let ents = names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text));
        let kept: Vec<String> = drop_unplaced(ents.collect(), text, &gaz).into_iter().map(|e| e.name).collect();
        assert_eq!(kept, ["New England", "Kashmir", "Alps", "Gulf of Aden", "Lake Michigan"]);
    }

    #[test]
    fn a_states_abbreviation_is_the_us_state() {
        let gaz = Places::load().unwrap();
        let text = "Plants in Athens, Ga., and Tampa, Fla., closed.";
        let names = ["Athens", "Ga.", "Tampa", "Fla."];
        let ents: Vec<Entity> =
            names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text)).collect();
        let (places, focus) = link_places(text, &drop_unplaced(ents, text, &gaz), &gaz);
        let countries: Vec<(&str, Option<&str>)> = places.iter().map(|p| (p.name.as_str(), p.country.as_deref())).collect();
        assert_eq!(countries, [("Athens", Some("US")), ("Ga.", Some("US")), ("Tampa", Some("US")), ("Fla.", Some("US"))]);
        assert_eq!(focus, ["US"]);
    }

    #[test]
    fn seed_places_get_their_countries() {
        let gaz = Places::load().unwrap();
        let text = "Taliban envoys met in Moscow with Russian and Afghan officials; talks in Doha, Qatar \
                    and Kabul. The US has troops in Afghanistan. Afghanistan wants peace.";
        let ents = [
            entity("E1", "Moscow", EntityType::Loc, text),
            entity("E2", "Russian", EntityType::Misc, text),
            entity("E3", "Afghan", EntityType::Misc, text),
            entity("E4", "Doha", EntityType::Loc, text),
            entity("E5", "Kabul", EntityType::Loc, text),
            entity("E6", "US", EntityType::Loc, text),
            entity("E7", "Afghanistan", EntityType::Loc, text),
        ];
        let (places, focus) = link_places(text, &ents, &gaz);
        let cc: Vec<(&str, &str)> = places.iter().map(|p| (p.name.as_str(), p.country.as_deref().unwrap())).collect();
        assert_eq!(
            cc,
            [
                ("Moscow", "RU"),
                ("Russian", "RU"),
                ("Afghan", "AF"),
                ("Doha", "QA"),
                ("Kabul", "AF"),
                ("US", "US"),
                ("Afghanistan", "AF")
            ]
        );
        let doha = &places[3];
        assert_eq!(doha.geonames_id, Some(290030));
        assert!((doha.lat.unwrap() - 25.29).abs() < 0.1 && (doha.lon.unwrap() - 51.53).abs() < 0.1);
        assert_eq!(focus[0], "AF");
    }

    #[test]
    fn context_picks_the_right_namesake() {
        let gaz = Places::load().unwrap();
        let text = "Rain fell on Paris, Texas, and on Dallas.";
        let ents = [
            entity("E1", "Paris", EntityType::Loc, text),
            entity("E2", "Texas", EntityType::Loc, text),
            entity("E3", "Dallas", EntityType::Loc, text),
        ];
        let (places, _) = link_places(text, &ents, &gaz);
        assert_eq!(places[0].country.as_deref(), Some("US"), "Paris, Texas");
        assert_eq!(places[1].country.as_deref(), Some("US"));
        let text = "Talks in Paris.";
        let (places, _) = link_places(text, &[entity("E1", "Paris", EntityType::Loc, text)], &gaz);
        assert_eq!(places[0].country.as_deref(), Some("FR"));
        assert_eq!(gaz.demonym("Afghans").as_deref(), Some("AF"));
        assert_eq!(normalize("the U.S."), "us");
    }

    #[test]
    fn a_division_outweighs_a_foreign_town_but_not_its_own_namesake_city() {
        let gaz = Places::load().unwrap();
        let text = "Storms hit Virginia, Montana and Bali; the State of Virginia, New York and Washington \
                    sent help, and the South was spared.";
        let names = ["Virginia", "Montana", "Bali", "State of Virginia", "New York", "Washington", "South"];
        let ents: Vec<Entity> =
            names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text)).collect();
        let (places, _) = link_places(text, &ents, &gaz);
        let cc: Vec<(&str, &str)> = places.iter().map(|p| (p.name.as_str(), p.country.as_deref().unwrap_or(""))).collect();
        // Not a town in South Africa, Bulgaria or India; no division called `South`.
        let want = [
            ("Virginia", "US"),
            ("Montana", "US"),
            ("Bali", "ID"),
            ("State of Virginia", "US"),
            ("New York", "US"),
            ("Washington", "US"),
        ];
        assert_eq!(cc, want);
        // A division named after its city is the city (New York City), the capital stays the
        // capital (Washington, D.C.).
        assert_eq!(places[4].geonames_id, Some(5128581));
        assert_eq!(places[5].geonames_id, Some(4140963));
        let text = "Snow fell across Ontario.";
        let (places, _) = link_places(text, &[entity("E1", "Ontario", EntityType::Loc, text)], &gaz);
        assert_eq!(places[0].country.as_deref(), Some("CA"), "not Ontario, California");
    }

    #[test]
    fn a_building_or_an_ordinary_word_is_no_city_s_other_name() {
        let gaz = Places::load().unwrap();
        // GeoNames gives Casablanca the other name `White House` (its name in English), Seoul
        // `Soul`, Fortaleza its airport's code `FOR`: none names the city in English news.
        let text = "The White House said Soul music is FOR sale.";
        let names = ["White House", "Soul", "FOR"];
        let ents: Vec<Entity> =
            names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text)).collect();
        let (places, focus) = link_places(text, &ents, &gaz);
        assert!(places.is_empty() && focus.is_empty(), "{places:?}");
        // A named building is a place all the same, unlinked; a business called a house is
        // not; a known place called a state is one.
        let text = "The White House and Music House met in New York State.";
        let names = ["White House", "Music House", "New York State"];
        let ents = names.iter().enumerate().map(|(i, n)| entity(&format!("E{}", i + 1), n, EntityType::Loc, text));
        let kept = drop_unplaced(ents.collect(), text, &gaz);
        assert_eq!(kept.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["White House", "New York State"]);
    }
}
