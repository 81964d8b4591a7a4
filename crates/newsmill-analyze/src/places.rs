//! Places: LOC entities and demonyms linked to GeoNames records (country code, latitude,
//! longitude, geonames id), disambiguated by population, by kind of place and by the other
//! places the article names; and the article's focus countries.
//!
//! The gazetteer ships in the repo (`models/places-en.tsv.gz`, built by
//! `tools/build_places.py` from GeoNames, CC BY 4.0) and is compiled into the binary: load it
//! once per process ([`Places::shared`]); every pipeline shares it.

use std::collections::HashMap;
use std::io::Read;

use crate::model::{Entity, EntityType, Place};

const PLACES: &[u8] = include_bytes!("../models/places-en.tsv.gz");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country,
    Region,
    City,
}

#[derive(Debug, Clone)]
struct Record {
    kind: Kind,
    country: String,
    geonames_id: Option<u64>,
    lat: Option<f64>,
    lon: Option<f64>,
    population: u64,
    capital: bool,
}

/// The place gazetteer: records by normalised name and alias, and demonyms by country.
#[derive(Debug)]
pub struct Places {
    records: Vec<Record>,
    /// (xxh3 of the normalised name, record), sorted: built at start-up with no allocation
    /// per name (a map of strings took most of the load time); 64-bit hashes of some 60,000
    /// names do not collide.
    by_name: Vec<(u64, u32)>,
    demonyms: HashMap<String, String>,
    countries: HashMap<String, u32>,
}

/// Why the built-in place gazetteer cannot be used.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the built-in place gazetteer is corrupt ({0}); rebuild it with tools/build_places.py")]
pub struct PlacesError(String);

impl Places {
    /// The built-in gazetteer, loaded on first use and shared by the whole process.
    pub fn shared() -> Result<&'static Self, PlacesError> {
        static SHARED: std::sync::OnceLock<Result<Places, PlacesError>> = std::sync::OnceLock::new();
        SHARED.get_or_init(Self::load).as_ref().map_err(Clone::clone)
    }

    /// Reads the gazetteer compiled into the binary (about 37,000 records).
    fn load() -> Result<Self, PlacesError> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(PLACES).read_to_string(&mut text).map_err(|e| PlacesError(e.to_string()))?;
        Self::parse(&text)
    }

    fn parse(text: &str) -> Result<Self, PlacesError> {
        let mut g = Places {
            records: Vec::new(),
            by_name: Vec::with_capacity(1 << 16),
            demonyms: HashMap::new(),
            countries: HashMap::new(),
        };
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
            let mut f = [""; 10];
            let mut fields = 0;
            for (slot, field) in f.iter_mut().zip(line.split('\t')) {
                *slot = field;
                fields += 1;
            }
            let bad = || PlacesError(format!("line {}", n + 1));
            if f[0] == "D" {
                if fields < 3 {
                    return Err(bad());
                }
                g.demonyms.insert(normalize(f[2]), f[1].to_string());
                continue;
            }
            if fields < 8 {
                return Err(bad());
            }
            let kind = match f[0] {
                "C" => Kind::Country,
                "A" => Kind::Region,
                _ => Kind::City,
            };
            let index = g.records.len() as u32;
            g.records.push(Record {
                kind,
                country: f[1].to_string(),
                geonames_id: f[2].parse().ok(),
                lat: f[5].parse().ok(),
                lon: f[6].parse().ok(),
                population: f[7].parse().unwrap_or(0),
                capital: f[8] == "PPLC",
            });
            if kind == Kind::Country {
                g.countries.insert(f[1].to_string(), index);
            }
            for name in std::iter::once(f[3]).chain(f[4].split('|').filter(|a| !a.is_empty())) {
                g.by_name.push((name_key(&normalize(name)), index));
            }
        }
        g.by_name.sort_unstable();
        g.by_name.dedup();
        Ok(g)
    }

    /// The records a normalised name names, in gazetteer order.
    fn named(&self, normalized: &str) -> impl Iterator<Item = u32> + '_ {
        let key = name_key(normalized);
        let start = self.by_name.partition_point(|&(k, _)| k < key);
        self.by_name[start..].iter().take_while(move |&&(k, _)| k == key).map(|&(_, i)| i)
    }

    /// Whether a LOC entity shows it is a place: the gazetteer holds its name or one of its
    /// forms in the body, or it is written as a place's name is (a world region, `Bexar
    /// County`, `South China`). On recent web pages a place name with none of these is seldom
    /// a place (products, companies and headings the tagger read as places: `Cloudflare`,
    /// `Road Transport`); on 1996 newswire it is often a small town or a venue.
    pub fn shows_place(&self, e: &Entity, body: &str) -> bool {
        let body_forms = e.mentions.iter().filter(|m| m.field.is_body()).filter_map(|m| body.get(m.span.clone()));
        std::iter::once(e.name.as_str()).chain(body_forms).any(|form| {
            let key = normalize(form);
            let known = |k: &str| self.named(k).next().is_some();
            known(&key) || crate::lang::en::lexicon::is_region(&key, known) || crate::lang::en::lexicon::has_place_head(form)
        })
    }

    /// The country a demonym or nationality names (`Afghan`, `Afghans` → AF).
    pub fn demonym(&self, word: &str) -> Option<&str> {
        let key = normalize(word);
        self.demonyms.get(&key).or_else(|| self.demonyms.get(key.strip_suffix('s')?)).map(String::as_str)
    }
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
                gaz.demonym(&e.name).and_then(|cc| gaz.countries.get(cc)).map(|&i| &gaz.records[i as usize])
            }
            _ => None,
        };
        let Some(r) = record else { continue };
        *weight.entry(r.country.clone()).or_default() += e.mentions.len().max(1);
        places.push(Place {
            entity: e.id.clone(),
            name: e.name.clone(),
            country: Some(r.country.clone()),
            lat: r.lat,
            lon: r.lon,
            geonames_id: r.geonames_id,
        });
    }
    (places, focus(weight))
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

fn country_of(e: &Entity, gaz: &Places) -> Option<String> {
    match e.kind {
        EntityType::Misc => gaz.demonym(&e.name).map(str::to_string),
        EntityType::Loc => {
            // A country by name, or a place every namesake of which is in one country.
            let records: Vec<&Record> = gaz.named(&normalize(&e.name)).map(|i| &gaz.records[i as usize]).collect();
            if let Some(r) = records.iter().find(|r| r.kind == Kind::Country) {
                return Some(r.country.clone());
            }
            let first = records.first()?;
            records.iter().all(|r| r.country == first.country).then(|| first.country.clone())
        }
        _ => None,
    }
}

/// The record a LOC entity most likely names: a country outright; else the candidate with
/// the best mix of population, capital status and agreement with the article's countries.
fn best_record<'g>(e: &Entity, text: &str, gaz: &'g Places, context: &HashMap<String, usize>) -> Option<&'g Record> {
    let mut keys = vec![normalize(&e.name)];
    keys.extend(
        e.mentions.iter().filter(|m| m.field.is_body()).filter_map(|m| text.get(m.span.clone())).map(normalize),
    );
    let mut candidates: Vec<u32> = keys.iter().flat_map(|k| gaz.named(k)).collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_iter()
        .map(|i| &gaz.records[i as usize])
        .max_by(|a, b| score(a, context).total_cmp(&score(b, context)))
}

fn score(r: &Record, context: &HashMap<String, usize>) -> f64 {
    let size = (r.population as f64 + 1.0).log10();
    let kind = match r.kind {
        Kind::Country => 10.0,
        Kind::Region => 2.0,
        Kind::City => 0.0,
    };
    let in_context = if context.contains_key(&r.country) { 3.0 } else { 0.0 };
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
        // Other types are not the gazetteer's business.
        let org = entity("E1", "Cloudflare", EntityType::Org, text);
        assert_eq!(drop_unplaced(vec![org], text, &gaz).len(), 1);
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
        assert_eq!(gaz.demonym("Afghans"), Some("AF"));
        assert_eq!(normalize("the U.S."), "us");
    }
}
