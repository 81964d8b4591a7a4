//! What general English says about a word: how often it is written in lower case inside a
//! sentence (`models/word-case-en.tsv.gz`, see its model card), the short forms that are
//! common nouns rather than names (`AI`, `CEO`, `PDF`), the last words that make a name an
//! organisation's or a place's, and organisations known worldwide. The entity filters and
//! types use them to tell a capitalized ordinary word (a heading's, a sentence opener's) from
//! a name.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::frozen::HashTable;
use crate::hashing::hash_str;
use crate::model::EntityType;

/// `models/word-case-en.tsv.gz` frozen (a test checks they agree): by the hash of each
/// lowercased word, the share in percent of its occurrences inside a sentence that were
/// written in lower case.
const WORD_CASE: &[u8] = include_bytes!("../../../models/word-case-en.bin");
const KNOWN_ORGS: &str = include_str!("../../../models/known-orgs-en.txt");
const KNOWN_INSTITUTIONS: &str = include_str!("../../../models/known-institutions-en.txt");
/// `models/surnames-en.txt.gz` frozen (a test checks they agree): the hashes of the 1990 US
/// Census surnames, lowercased.
const SURNAMES: &[u8] = include_bytes!("../../../models/surnames-en.bin");

fn case_table() -> Option<&'static HashTable<1>> {
    static TABLE: OnceLock<Option<HashTable<1>>> = OnceLock::new();
    TABLE.get_or_init(|| HashTable::read_file(WORD_CASE).ok()).as_ref()
}

fn surname_table() -> Option<&'static HashTable<0>> {
    static TABLE: OnceLock<Option<HashTable<0>>> = OnceLock::new();
    TABLE.get_or_init(|| HashTable::read_file(SURNAMES).ok()).as_ref()
}

/// Whether `word` is a surname of the 1990 US Census (88,799 of them, from `Smith` to names
/// borne by a few hundred people; `models/surnames-en.md`), in any case. The census writes
/// names in plain letters: `O'Neill` is `ONEILL`, `Díaz` is `DIAZ`.
pub fn is_census_surname(word: &str) -> bool {
    let key: String = word.chars().filter_map(plain_letter).collect();
    surname_table().and_then(|t| t.get(hash_str(&key))).is_some()
}

/// A letter in lower case without its accent (`É` → `e`); `None` for what is not a letter of
/// the Latin alphabet.
fn plain_letter(c: char) -> Option<char> {
    let c = c.to_lowercase().next()?;
    Some(match c {
        'a'..='z' => c,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    })
}

/// Whether the embedded case table reads (it is compiled in, so only a corrupt build fails).
pub fn loaded() -> bool {
    case_table().is_some()
}

/// Whether `word` is an ordinary word of English rather than a name: mostly written in lower
/// case inside sentences where the case table saw it. A word it never saw is not taken for
/// ordinary: a lower-cased frequency list cannot tell names from words (`zambia` is about as
/// common as `picky`), and dropping a name costs more than keeping a heading's word.
pub fn is_ordinary_word(word: &str) -> bool {
    lower_case_share(word).is_some_and(|pct| pct >= 50)
}

/// The share in percent of `word`'s occurrences inside sentences that the case table saw in
/// lower case; `None` for a word it never saw.
fn lower_case_share(word: &str) -> Option<u8> {
    case_table().and_then(|t| t.get(hash_str(&word.to_lowercase()))).map(|[pct]| pct)
}

/// Whether the case table saw `word` inside sentences and nearly always capitalized (at most
/// 5% in lower case): a name in the text it was built from (`Obama`, `Netanyahu`, `Saddam`),
/// whatever kind of name.
pub fn is_written_as_name(word: &str) -> bool {
    lower_case_share(word).is_some_and(|pct| pct <= 5)
}

/// Short forms used as common nouns, roles or degrees in news text: things, not names.
/// Names of organisations written short (`NATO`, `FBI`, `BBC`) are not here, nor forms that
/// are also places (`CT`, `MA`, `DC`).
const COMMON_SHORT_FORMS: &[&str] = &[
    // technology
    "AI", "GenAI", "AGI", "LLM", "ML", "NLP", "API", "SDK", "CLI", "GUI", "UI", "UX", "OS", "CPU", "GPU", "TPU", "RAM",
    "SSD", "HDD", "USB", "HDMI", "LED", "LCD", "OLED", "PC", "PDF", "HTML", "CSS", "URL", "HTTP", "HTTPS", "DNS",
    "VPN", "IP", "IoT", "SaaS", "PaaS", "IaaS", "CRM", "ERP", "CMS", "SEO", "SMS", "RSS", "FAQ", "QR", "GPS", "Wi-Fi",
    "WiFi", "5G", "4G", "LTE", "VR", "XR", "NFT", "NFTs", "CI", "CD", "DevOps", "SQL", "JSON", "XML", "FIFO", "OEM",
    "SLA", "SLAs", "SDLC", "SBOM", "CVE", "CVEs", "XDR", "EDR", "SIEM", "SOC", "MFA", "2FA", "RPA", "B2B", "B2C",
    "DTC", "D2C", "KPI", "KPIs", "ROI", "IPO", "M&A", "GDP", "CPI", "ESG", "HR", "IT", "R&D", "Q1", "Q2", "Q3", "Q4",
    "YoY", "EV", "EVs", "SUV", "SUVs", "HVAC", "PPA", "PPAs", "ATM", "PIN", "FLOPs", "FLOPS", "TV", "DIY", "TBD",
    "ASAP", "FYI", "DM", "DMs", "PS", "NB", // roles and degrees
    "CEO", "CFO", "CTO", "COO", "CIO", "CISO", "CMO", "CPO", "CRO", "VP", "SVP", "EVP", "AVP", "MD", "PhD", "MSc",
    "BSc", "MBA", "RN", "RD", "RDN", "DBA", "CPA", "CFA", "Jr", "Jr.", "Sr", "Sr.", // health
    "EKG", "ECG", "MRI", "ICU", "ER", "BMI", "ADHD", "PTSD", "GLP-1", "DNA", "RNA", "HIV", "STEM", "ATP", "IQ", "pH",
    // units written with capitals
    "kWh", "MWh", "GWh", "TWh", "kW", "MW", "GW", "mAh", "GHz", "MHz", "ISP", "ISPs",
];

/// Whether `word` is a short form used as a common noun (`AI`, `GPUs`, `Wi-Fi`).
pub fn is_common_short_form(word: &str) -> bool {
    // `R.D.N.` is `RDN`.
    let undotted: String;
    let word = if word.contains('.') && word.len() > 2 {
        undotted = word.replace('.', "");
        undotted.as_str()
    } else {
        word
    };
    let singular = word.strip_suffix('s').filter(|w| w.len() >= 2).unwrap_or(word);
    COMMON_SHORT_FORMS.contains(&word) || COMMON_SHORT_FORMS.contains(&singular)
}

/// Last words that make a name of two or more words an organisation's, whatever its first
/// words are (`Veeam Software`, `Francisco Partners`, `Fairfield Police`). Words that end
/// places as often (`Union` in `Soviet Union`) are not here. A hospital is an institution, as
/// a university is, by the annotation guidelines; CoNLL-2003 tags it a place, but a place the
/// gazetteer cannot know is dropped, so `Massachusetts General Hospital` was lost either way.
const ORG_HEADS: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Co.",
    "Company",
    "Ltd",
    "Ltd.",
    "LLC",
    "LLP",
    "PLC",
    "plc",
    "GmbH",
    "AG",
    "Group",
    "Holdings",
    "Partners",
    "Capital",
    "Ventures",
    "Software",
    "Systems",
    "Technologies",
    "Labs",
    "Networks",
    "Solutions",
    "Services",
    "Healthcare",
    "Pharmaceuticals",
    "Therapeutics",
    "Biosciences",
    "Bank",
    "Airlines",
    "Airways",
    "Motors",
    "Media",
    "Cyber",
    "Security",
    "Police",
    "Hospital",
    "University",
    "School",
    "College",
    "Institute",
    "Council",
    "Committee",
    "Commission",
    "Ministry",
    "Department",
    "Agency",
    "Administration",
    "Association",
    "Foundation",
    "Society",
    "Party",
    "Club",
    "Studios",
    "Entertainment",
    "Insurance",
    "Energy",
    "Foods",
    "Brands",
    "Communications",
    "Telecom",
    "Analytics",
    "Consulting",
    "Industries",
    "Enterprises",
    "Press",
    "Academy",
    "Authority",
    "Board",
    "Bureau",
    "Platforms",
    "Court",
    "Museum",
    "Gallery",
    "Library",
    "Health",
    "Service",
    "Times",
    "Clinic",
];

/// Last words that make such a name a place's (`Bexar County`, `Baker Street`).
const PLACE_HEADS: &[&str] = &[
    "County",
    "Province",
    "District",
    "Street",
    "Avenue",
    "Road",
    "Boulevard",
    "River",
    "Lake",
    "Mountain",
    "Mountains",
    "Island",
    "Islands",
    "Valley",
    "Bay",
    "Peninsula",
    "Desert",
    "Ocean",
    "Sea",
    "Gulf",
    "Coast",
    "Strait",
    "Canal",
    "Basin",
    "Plateau",
    "Delta",
    "Highlands",
    "Prefecture",
    "Oblast",
    "Governorate",
    "Upazila",
    "Territory",
    "Borough",
    "Township",
    "Parish",
    "Square",
    "Bridge",
    "Airport",
    "Harbour",
    "Harbor",
    "Beach",
    "Forest",
];

/// Names of the world's regions that no gazetteer record holds (continents, sub-continents,
/// regions named in the news), normalised as `places` normalises names.
const WORLD_REGIONS: &[&str] = &[
    "africa",
    "asia",
    "europe",
    "antarctica",
    "oceania",
    "australasia",
    "eurasia",
    "north america",
    "south america",
    "latin america",
    "central america",
    "americas",
    "middle east",
    "near east",
    "far east",
    "scandinavia",
    "balkans",
    "baltics",
    "caucasus",
    "caribbean",
    "sahel",
    "maghreb",
    "levant",
    "horn of africa",
    "arctic",
    "antarctic",
    "pacific",
    "atlantic",
    "mediterranean",
    "midwest",
    "silicon valley",
    "west bank",
    "gaza strip",
    "persian gulf",
    "indo-pacific",
    "asia-pacific",
    "sub-saharan africa",
    "global south",
    "subcontinent",
    "earth",
    "gulf",
    "bay area",
    "san francisco bay area",
    // Halves of the world and the historians' names for parts of it.
    "western hemisphere",
    "eastern hemisphere",
    "northern hemisphere",
    "southern hemisphere",
    "new world",
    "old world",
    "arabia",
    "mesopotamia",
    "anatolia",
    "persia",
    "darfur",
    "kurdistan",
    "patagonia",
    "siberia",
    "kashmir",
    "sinai",
    "golan heights",
    "new england",
    "appalachia",
    "pacific northwest",
    "mountain west",
    "deep south",
    "great plains",
    "great lakes",
    "florida keys",
    "outer banks",
    "strait of hormuz",
    // Mountain ranges, named in the plural.
    "alps",
    "andes",
    "himalayas",
    "rockies",
    "pyrenees",
    "urals",
    "appalachians",
    "carpathians",
];

/// States and empires that no longer exist, so no gazetteer of today's places holds them,
/// normalised as [`WORLD_REGIONS`]: CoNLL-2003 tags them places (`the former Soviet Union`,
/// `imported from the Ottoman Empire`), and history in the news names them often.
const FORMER_STATES: &[&str] = &[
    "soviet union",
    "ussr",
    "yugoslavia",
    "czechoslovakia",
    "east germany",
    "west germany",
    "prussia",
    "austria-hungary",
    "rhodesia",
    "zaire",
    "ceylon",
    "siam",
    "ottoman empire",
    "roman empire",
    "holy roman empire",
    "byzantine empire",
    "british empire",
    "persian empire",
    "mughal empire",
    "russian empire",
    "austro-hungarian empire",
];

/// The two-letter postal codes of the US states and the District of Columbia (`Helena, MT`,
/// `plans in IL, TX, NM`): a place when the tagger reads one as a place, though no gazetteer
/// record is named so.
const US_STATE_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
];

/// Whether a name as written is a US state's postal code (`MT`, `MT.`).
pub fn is_us_state_code(name: &str) -> bool {
    US_STATE_CODES.contains(&name.strip_suffix('.').unwrap_or(name))
}

/// The US states as news abbreviates them after a town or a legislator's party (AP style:
/// `Tampa, Fla.`, `D-W.Va.`), with the names they stand for. States of five letters or fewer
/// and Alaska and Hawaii are written out.
const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Md", "Maryland"),
    ("Mass", "Massachusetts"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("Neb", "Nebraska"),
    ("Nev", "Nevada"),
    ("N.H", "New Hampshire"),
    ("N.J", "New Jersey"),
    ("N.M", "New Mexico"),
    ("N.Y", "New York"),
    ("N.C", "North Carolina"),
    ("N.D", "North Dakota"),
    ("Okla", "Oklahoma"),
    ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"),
    ("R.I", "Rhode Island"),
    ("S.C", "South Carolina"),
    ("S.D", "South Dakota"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Vt", "Vermont"),
    ("Va", "Virginia"),
    ("Wash", "Washington"),
    ("W.Va", "West Virginia"),
    ("Wis", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

/// The US state an abbreviation stands for (`Fla.` → `Florida`, `W.Va.` → `West Virginia`),
/// written with its capital and its period as AP style writes it (`Fla` is no state: a town in
/// Colombia, or a word cut short).
pub fn us_state_of_abbreviation(name: &str) -> Option<&'static str> {
    let bare = name.strip_suffix('.')?;
    US_STATE_ABBREVIATIONS.iter().find(|(a, _)| *a == bare).map(|(_, state)| *state)
}

/// Words that name a part of a place or region (`South China`, `Northern Europe`).
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "upper",
    "lower",
    "greater",
    "inner",
    "outer",
];

/// Whether a normalised name is a compass word alone (`south`, `western`): `the South`, `the
/// West` are regions of the writer's own world, never the divisions of that name the gazetteer
/// holds (Iceland's `South`, Cameroon's `West`).
pub fn is_compass_word(normalized: &str) -> bool {
    COMPASS.contains(&normalized)
}

/// Whether a normalised name is a world region (`middle east`) or a former state (`soviet
/// union`), a compass word before a region (`east asia`) or before a known place, or a known
/// place called a state (`new york state`); `known` says whether the gazetteer holds a
/// normalised name.
pub fn is_region(normalized: &str, known: impl Fn(&str) -> bool) -> bool {
    if WORLD_REGIONS.contains(&normalized) || FORMER_STATES.contains(&normalized) {
        return true;
    }
    // A known place called a state (`New York State`, `Washington State`, `State of Virginia`).
    if normalized.strip_suffix(" state").or_else(|| polity_place(normalized)).is_some_and(&known) {
        return true;
    }
    match normalized.split_once(' ') {
        Some((first, rest)) if COMPASS.contains(&first) => WORLD_REGIONS.contains(&rest) || known(rest),
        _ => false,
    }
}

/// Words that name a place as a polity before `of` and its name (`State of New Jersey`,
/// `City of Liverpool`, `Kingdom of Saudi Arabia`): CoNLL-2003 tags every such name a place,
/// and by the guidelines a place acting as a government is still one.
/// Buildings that name the government seated in them (`the White House said`, `Kremlin
/// officials`): an organisation by the guidelines, which make a named building a place only
/// when it is used as one.
const SEATS_OF_GOVERNMENT: &[&str] =
    &["White House", "Kremlin", "Pentagon", "Downing Street", "Élysée", "Élysée Palace", "Blue House", "Zhongnanhai"];

/// Whether `name` is a building that names the government seated in it (`White House`).
pub fn is_seat_of_government(name: &str) -> bool {
    SEATS_OF_GOVERNMENT.contains(&name)
}

const POLITY_WORDS: &[&str] =
    &["state", "commonwealth", "city", "republic", "kingdom", "province", "principality", "emirate", "sultanate"];

/// The place's name in a polity's formal name (`State Of New Jersey` → `New Jersey`), in any
/// case; `None` for any other name.
pub fn polity_place(name: &str) -> Option<&str> {
    let mut words = name.splitn(3, ' ');
    let word = words.next()?;
    if word.eq_ignore_ascii_case("the") {
        return polity_place(name.split_once(' ')?.1);
    }
    let of = words.next()?;
    let place = words.next().filter(|p| !p.is_empty())?;
    let polity = POLITY_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word));
    (polity && of.eq_ignore_ascii_case("of")).then_some(place)
}

/// Whether a name of two or more words ends in a word that makes it a place's (`Bexar
/// County`, `Trent Bridge`).
pub fn has_place_head(name: &str) -> bool {
    // Water named by its kind first (`Lake Michigan`, `Gulf of Aden`, `Bay of Bengal`). Not
    // `Mount`, which names colleges and firms as often (`Mount Holyoke`, `Mt. Gox`).
    let leading = ["Lake ", "Gulf of ", "Bay of ", "Sea of ", "Strait of ", "Straits of ", "Isle of "];
    if leading.iter().any(|l| name.strip_prefix(l).is_some_and(|rest| rest.starts_with(char::is_uppercase))) {
        return true;
    }
    let mut words = name.split_whitespace();
    let street = |w: &&str| STREET_HEADS.contains(w) || STREET_ABBREVIATIONS.contains(w);
    words.next_back().is_some_and(|last| PLACE_HEADS.contains(&last) || street(&last)) && words.next().is_some()
}

/// Last words of buildings' names (`White House`, `Buckingham Palace`, `Trump Tower`): a named
/// building is a place though no gazetteer of towns holds it. Not a type by itself (`Random
/// House` publishes books), only evidence that a name the tagger read as a place is one.
const BUILDING_HEADS: &[&str] = &[
    "House",
    "Palace",
    "Castle",
    "Tower",
    "Building",
    "Cathedral",
    "Mosque",
    "Temple",
    "Church",
    "Hall",
    "Stadium",
    "Arena",
    "Station",
];

/// Whether a name ends in a word of a building's name ([`BUILDING_HEADS`]) after a word that
/// is a name's, not an ordinary word (`White House`, `Hearst Castle`; not `Music House`,
/// `Fifth House`, businesses the tagger read as places).
pub fn has_building_head(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let building = words.next_back().is_some_and(|last| BUILDING_HEADS.contains(&last));
    building && words.any(|w| !is_ordinary_word(w))
}

/// Last words of products, editions and software (`Gemini CLI`, `Sonar Pro`, `Jupyter
/// Notebook`, `Claude Code`): no person's name ends in one. Chosen on data/news-analysis-train,
/// where the tagger typed 9 such names PERSON (5 articles), all MISC in the gold, and the gold
/// has 13 MISC names and no PERSON ending in one.
const PRODUCT_HEADS: &[&str] =
    &["CLI", "SDK", "API", "Pro", "Max", "Plus", "Ultra", "Mini", "Lite", "Notebook", "Edition", "Code"];

/// Last words of named events (`Web Summit`, `Brecon Jazz Festival`, `Small Business Expo`):
/// MISC by the guidelines, though the tagger, reading an organiser's name in them, types most
/// ORG. Not `Conference`, which ends organisations as often (`Organisation of Islamic
/// Conference`, a sports league).
const EVENT_HEADS: &[&str] = &["Summit", "Festival", "Expo", "Hackathon"];

/// Last words of awards (`Hasselblad Award`, `Nobel Prize`, `Fields Medal`, `Guggenheim
/// Fellowship`): MISC by the guidelines and by CoNLL-2003, though the tagger, reading the
/// founder's or sponsor's name in them, types many ORG. All 34 such names in
/// data/news-analysis-train are MISC.
const AWARD_HEADS: &[&str] = &["Award", "Awards", "Prize", "Prizes", "Medal", "Fellowship"];

/// Last words of streets (`Gough St.`, `Portola Dr.`, `Memorial Drive`): a place whatever the
/// tagger read in the address line around it, an organisation's included. Written out, some
/// are also surnames (`Nathan Lane`, `Tomson Highway`), so those leave a person a person.
const STREET_HEADS: &[&str] = &["Street", "Avenue", "Road", "Boulevard", "Drive", "Lane", "Highway", "Parkway"];
const STREET_ABBREVIATIONS: &[&str] =
    &["St.", "Ave", "Ave.", "Rd", "Rd.", "Blvd", "Blvd.", "Dr.", "Ln.", "Hwy", "Hwy.", "Pkwy"];

/// The type a name's last word gives it, for names of two or more words the tagger typed
/// otherwise. A place word overrides only a person or MISC type: the tagger's organisation
/// for `Notts County` (a football club) read its context.
pub fn type_by_last_word(name: &str, tagged: EntityType) -> Option<EntityType> {
    let mut words = name.split_whitespace();
    let last = words.next_back()?;
    words.next()?;
    if ORG_HEADS.contains(&last) {
        Some(EntityType::Org)
    } else if STREET_ABBREVIATIONS.contains(&last) || (STREET_HEADS.contains(&last) && tagged != EntityType::Person) {
        Some(EntityType::Loc)
    } else if [PRODUCT_HEADS, EVENT_HEADS, AWARD_HEADS, ADHERENTS, LAW_HEADS].iter().any(|heads| heads.contains(&last))
    {
        Some(EntityType::Misc)
    } else if PLACE_HEADS.contains(&last) && matches!(tagged, EntityType::Person | EntityType::Misc) {
        Some(EntityType::Loc)
    } else {
        None
    }
}

/// The followers of a religion, a group named as a nationality is (`Sunni Muslims`, `Orthodox
/// Jews`): MISC by the guidelines, never a person's or an organisation's name.
const ADHERENTS: &[&str] = &[
    "Muslims",
    "Christians",
    "Jews",
    "Catholics",
    "Protestants",
    "Hindus",
    "Buddhists",
    "Sikhs",
    "Mormons",
    "Evangelicals",
    "Baptists",
    "Methodists",
    "Anglicans",
    "Lutherans",
    "Shiites",
    "Sunnis",
];

/// Surnames that, in the possessive, name a disease far more often than a person (`Parkinson's
/// and Alzheimer's`): a disease is no entity by the guidelines (news-analysis-train's annotators
/// left `Alzheimer's disease` untagged in four of five articles), and the tagger, reading a
/// capitalised surname, types it PERSON or ORG. Surnames that are also common companies' or
/// places' names in the possessive (`Bell's`, `Huntington's`) are left to [`DISEASE_WORDS`].
const EPONYMOUS_DISEASES: &[&str] = &["Alzheimer", "Parkinson", "Crohn", "Hodgkin", "Tourette", "Asperger"];

/// Words after a name in the possessive that make it a disease's name (`Graves' disease`,
/// `Bell's palsy`, `Lou Gehrig's disease`).
const DISEASE_WORDS: &[&str] = &["disease", "syndrome", "disorder", "palsy", "lymphoma", "sarcoma", "dementia"];

/// Whether `name`, written right before `after` (the text that follows it), names a disease:
/// a name in the possessive followed by a disease word (any name), or one of the
/// [`EPONYMOUS_DISEASES`] in the possessive not followed by a capitalised word (which would
/// make it an organisation's name: `Alzheimer's Association`).
pub fn names_a_disease(name: &str, after: &str) -> bool {
    let Some(rest) = ["'s", "’s", "'", "’"].iter().find_map(|p| after.strip_prefix(p)) else { return false };
    if rest.starts_with(char::is_alphanumeric) {
        return false;
    }
    let next = rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let disease_word = DISEASE_WORDS.iter().any(|d| d.eq_ignore_ascii_case(next));
    disease_word || (EPONYMOUS_DISEASES.contains(&name) && !next.starts_with(char::is_uppercase))
}

/// Interjections (`Whoo`, `Wow`): a transcript writes them as a line of their own or opening a
/// sentence, capitalised, and the tagger, which never saw one in wire news, may read a name.
const INTERJECTIONS: &[&str] = &[
    "Whoo", "Woo", "Wow", "Whoa", "Ooh", "Oooh", "Ahh", "Aah", "Oh", "Ah", "Uh", "Um", "Umm", "Hmm", "Huh", "Yay",
    "Yeah", "Yep", "Nope", "Oops", "Ugh", "Phew", "Aha", "Hooray", "Yikes", "Wham", "Shh", "Psst", "Boo",
];

/// Whether a one-word name is an interjection ([`INTERJECTIONS`]).
pub fn is_interjection(word: &str) -> bool {
    INTERJECTIONS.contains(&word)
}

/// Generations (`Gen Zers`, `Millennials`, `Baby Boomers`): cohorts named like peoples but
/// common nouns, which news writes with capitals and the tagger reads as names.
const GENERATIONS: &[&str] = &[
    "Gen Z",
    "Gen Zer",
    "Gen Zers",
    "Gen Zs",
    "Gen X",
    "Gen Xer",
    "Gen Xers",
    "Gen Alpha",
    "Gen Y",
    "Generation Z",
    "Generation X",
    "Generation Alpha",
    "Millennial",
    "Millennials",
    "Boomer",
    "Boomers",
    "Baby Boomer",
    "Baby Boomers",
    "Zoomer",
    "Zoomers",
];

/// Whether a name is a generation's ([`GENERATIONS`]), in any case.
pub fn is_generation(name: &str) -> bool {
    GENERATIONS.iter().any(|g| g.eq_ignore_ascii_case(name))
}

/// Last words of laws and treaties (`Affordable Care Act`, `Paris Agreement`): MISC by the
/// guidelines (news-analysis-train and -dev hold 5 such names, all MISC), though the tagger,
/// reading `Care` or `Paris`, types some as organisations or places.
const LAW_HEADS: &[&str] = &["Act", "Treaty", "Accord", "Accords", "Agreement"];

/// Surname prefixes after which a capital follows inside a person's name (`McGrath`,
/// `DeSantis`, `LeBlanc`, `VanDyke`).
const SURNAME_PREFIXES: &[&str] = &["Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "Von", "Du", "St", "Fitz"];

/// Whether a one-word name is written like a brand, with a capital inside
/// (`HubSpot`, `AlgoExpert`, `JennAir`) and not after a surname prefix: no person's name is.
/// Chosen on data/news-analysis-train, where the tagger typed 7 such names PERSON (6 articles):
/// 6 are organisations in the gold, 1 a product; the gold writes no person so.
pub fn is_brand_shaped(name: &str) -> bool {
    if name.contains(char::is_whitespace) || !name.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    // The first hump: an upper-case letter after a lower-case one.
    let bytes = name.as_bytes();
    let hump = (1..bytes.len()).find(|&i| bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase());
    match hump {
        Some(i) => bytes[0].is_ascii_uppercase() && !SURNAME_PREFIXES.contains(&&name[..i]),
        None => false,
    }
}

/// Whether `name` is one of the organisations known worldwide (`models/known-orgs-en.txt`,
/// `models/known-institutions-en.txt`)
/// that the tagger types wrongly (`Facebook` as a place, `Eli Lilly` as a person).
pub fn is_known_org(name: &str) -> bool {
    is_known_company(name) || is_known_institution(name)
}

/// Whether `name` is one of the companies, platforms and media known worldwide
/// (`models/known-orgs-en.txt`).
fn is_known_company(name: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| names_of(KNOWN_ORGS)).contains(name)
}

/// Whether `name` is one of the institutions known worldwide (`models/known-institutions-en.txt`).
fn is_known_institution(name: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| names_of(KNOWN_INSTITUTIONS)).contains(name)
}

/// The names of the institutions known worldwide (`models/known-institutions-en.txt`).
pub fn known_institution_names() -> impl Iterator<Item = &'static str> {
    list_names(KNOWN_INSTITUTIONS)
}

/// The names of a list file: one per line, `#` lines are comments.
fn list_names(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The names of a list file as a set ([`list_names`]).
fn names_of(list: &'static str) -> HashSet<&'static str> {
    list_names(list).collect()
}

/// Whether `name` opens with the name of an organisation known worldwide and goes on (`Google
/// Maps`, `Apple Worldwide Developers Conference`): what that organisation makes or holds, not
/// the organisation. Names ending in an organisation's word are left to [`type_by_last_word`]
/// (`Dell Technologies`). Chosen on data/news-analysis-train, where 12 of 19 such names are
/// MISC in the gold, 3 ORG (`Google Cloud`) and 4 not annotated.
pub fn is_product_of_known_org(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    words.next().is_some() && !is_known_org(name) && is_known_company(first)
}

/// Nouns that name a role. Lower case; a title must contain one.
const ROLE_WORDS: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "vice",
    "premier",
    "chancellor",
    "officer",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "head",
    "leader",
    "whip",
    "commander",
    "general",
    "ambassador",
    "envoy",
    "analyst",
    "expert",
    "professor",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "journalist",
    "correspondent",
    "editor",
    "senator",
    "governor",
    "mayor",
    "lawyer",
    "attorney",
    "judge",
    "adviser",
    "advisor",
    "diplomat",
    "negotiator",
    "representative",
    "deputy",
    "colonel",
    "captain",
    "lieutenant",
    "sergeant",
    "admiral",
    "prince",
    "king",
    "queen",
    "emperor",
    "pope",
    "bishop",
    "cardinal",
    "imam",
    "rabbi",
    "priest",
    "coach",
    "manager",
    "captain",
    "striker",
    "player",
    "economist",
    "researcher",
    "scientist",
    "author",
    "activist",
    "member",
    "founder",
    "candidate",
    "lawmaker",
    "mp",
    "congressman",
    "congresswoman",
    "councillor",
    "commissioner",
    "prosecutor",
    "inspector",
    "agent",
    "chairperson",
    "executive",
    "partner",
    "owner",
    "strategist",
    "veteran",
    "soldier",
    "pilot",
    "doctor",
    "dr.",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "prof.",
    "mr.",
    "mrs.",
    "ms.",
    "sheikh",
    "ayatollah",
    "mullah",
    "emir",
    "sultan",
    "boss",
    "ceo",
    "cfo",
    "coo",
    "president-elect",
    "secretary-general",
    "counsel",
    "aide",
    "speaker",
    "delegate",
    // Occupations web pages write in title case before a name (`Lead Planner Erica Vanco`,
    // `UX Designer Miche Alvarez`); none of them is a common surname.
    "designer",
    "planner",
    "engineer",
    "developer",
    "architect",
    "consultant",
    "specialist",
    "coordinator",
    "producer",
    "photographer",
    "stylist",
    "curator",
    "marketer",
    "technician",
    "physician",
    "surgeon",
    "nurse",
    "therapist",
    "nutritionist",
    "dietitian",
    "psychologist",
    "psychiatrist",
    "pharmacist",
    "dentist",
    "counselor",
    "counsellor",
    "instructor",
    "teacher",
    "lecturer",
    "superintendent",
    "supervisor",
    "administrator",
    "co-founder",
    "cofounder",
    "co-owner",
    "vp",
    "svp",
    "evp",
    "cto",
    "cmo",
    "cio",
    "cpo",
    "ciso",
    "chef",
    "columnist",
    "writer",
    "reporter",
    "novelist",
    "filmmaker",
    "entrepreneur",
    "investor",
    "sheriff",
    "justice",
    "pastor",
    "archbishop",
    "treasurer",
    "assemblyman",
    "assemblywoman",
    "pollster",
];

/// Whether `word` names a role (`minister`, `spokeswoman`): a title holds one. So does a
/// compound of roles (`Attorney-General`, `Secretary-General`, `Director-General`).
pub(crate) fn is_role(word: &str) -> bool {
    lowercase_in(word, ROLE_WORDS) || {
        let mut parts = word.split('-');
        parts.clone().count() >= 2 && parts.all(|p| lowercase_in(p, ROLE_WORDS))
    }
}

/// Whether `word`, in any case, is in `list` (lower-case ASCII words): compared without
/// allocating, as this runs for tokens around every person's name.
fn lowercase_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words that label a credit line before a name (`Photo: Luis Quintero`, `Image courtesy of`):
/// the label, never part of the name.
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photography",
    "picture",
    "pictures",
    "image",
    "images",
    "illustration",
    "credit",
    "credits",
    "courtesy",
];

/// Whether `word` labels a credit line ([`CREDIT_WORDS`]).
pub(crate) fn is_credit(word: &str) -> bool {
    lowercase_in(word, CREDIT_WORDS)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn the_frozen_case_table_is_its_source() {
        let gz = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/word-case-en.tsv.gz")).unwrap();
        let rows: HashMap<String, u8> =
            crate::tables::gz_tsv_rows(&gz, |f| Some((f.first()?.to_string(), f.get(2)?.parse().ok()?)))
                .into_iter()
                .collect();
        assert!(rows.len() > 20_000);
        let fresh = HashTable::build(rows.iter().map(|(w, &pct)| (hash_str(w), [pct])).collect()).unwrap();
        crate::frozen::check_frozen("word-case-en.bin", WORD_CASE, &fresh.write_file());
    }

    #[test]
    fn the_frozen_surname_table_is_its_source() {
        let gz = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/surnames-en.txt.gz")).unwrap();
        let names = crate::tables::gz_tsv_rows(&gz, |f| f.first().map(|n| n.to_string()));
        assert!(names.len() > 88_000);
        let fresh = HashTable::build(names.iter().map(|n| (hash_str(n), [])).collect()).unwrap();
        crate::frozen::check_frozen("surnames-en.bin", SURNAMES, &fresh.write_file());
        assert!(is_census_surname("Wright") && is_census_surname("MASLOW") && is_census_surname("shula"));
        assert!(is_census_surname("Díaz") && is_census_surname("O'Neill") && is_census_surname("O’Neill"));
        assert!(!is_census_surname("Clorox") && !is_census_surname("Dataminr"));
        assert!(is_written_as_name("Obama") && is_written_as_name("Netanyahu"));
        assert!(!is_written_as_name("Clorox") && !is_written_as_name("help"));
    }

    #[test]
    fn names_are_not_ordinary_words_however_common() {
        assert!(loaded());
        assert!(is_ordinary_word("Help"));
        assert!(is_ordinary_word("Trends"));
        assert!(!is_ordinary_word("Australia"), "frequent, but written with a capital");
        assert!(!is_ordinary_word("Google"));
        assert!(!is_ordinary_word("Chiarolanza"));
    }

    #[test]
    fn what_a_known_organisation_makes_is_not_the_organisation() {
        assert!(is_product_of_known_org("Google Maps"));
        assert!(is_product_of_known_org("Apple Worldwide Developers Conference"));
        assert!(!is_product_of_known_org("Google"));
        assert!(!is_product_of_known_org("Maps of Google"));
        // An institution makes no products: the longer name is another body of it.
        assert!(is_known_org("UN"));
        assert!(!is_product_of_known_org("UN World Food Programme"));
        assert_eq!(type_by_last_word("Reuters Ottawa Bureau", EntityType::Misc), Some(EntityType::Org));
        assert_eq!(type_by_last_word("Andy Warhol Museum", EntityType::Person), Some(EntityType::Org));
        assert_eq!(type_by_last_word("Massachusetts General Hospital", EntityType::Loc), Some(EntityType::Org));
        assert_eq!(type_by_last_word("Financial Times", EntityType::Misc), Some(EntityType::Org));
        assert_eq!(type_by_last_word("Affordable Care Act", EntityType::Org), Some(EntityType::Misc));
        assert_eq!(type_by_last_word("Brecon Jazz Festival", EntityType::Org), Some(EntityType::Misc));
        assert_eq!(type_by_last_word("Web Summit", EntityType::Person), Some(EntityType::Misc));
        assert_eq!(
            type_by_last_word("Hasselblad Foundation International Award", EntityType::Org),
            Some(EntityType::Misc)
        );
        assert_eq!(type_by_last_word("Guggenheim Fellowship", EntityType::Person), Some(EntityType::Misc));
        assert_eq!(type_by_last_word("Sunni Muslims", EntityType::Person), Some(EntityType::Misc));
        assert_eq!(type_by_last_word("Shiite Muslims", EntityType::Org), Some(EntityType::Misc));
        assert_eq!(type_by_last_word("Meta Platforms", EntityType::Person), Some(EntityType::Org));
        assert_eq!(type_by_last_word("Gemini CLI", EntityType::Person), Some(EntityType::Misc));
        assert_eq!(type_by_last_word("Sonar Reasoning Pro", EntityType::Person), Some(EntityType::Misc));
        assert_eq!(type_by_last_word("Pro", EntityType::Person), None);
        // A street is a place whatever the tagger said; a county may be a club.
        assert_eq!(type_by_last_word("Gough St.", EntityType::Org), Some(EntityType::Loc));
        assert_eq!(type_by_last_word("Memorial Drive", EntityType::Org), Some(EntityType::Loc));
        assert_eq!(type_by_last_word("Notts County", EntityType::Org), None);
        assert_eq!(type_by_last_word("Godagari Upazila", EntityType::Person), Some(EntityType::Loc));
        assert_eq!(type_by_last_word("Tomson Highway", EntityType::Person), None, "a surname");
        assert_eq!(type_by_last_word("Gough St.", EntityType::Person), Some(EntityType::Loc));
        assert!(has_place_head("Portola Dr.") && !has_place_head("Dr."));
    }

    #[test]
    fn generations_are_no_names() {
        assert!(is_generation("Gen Zers") && is_generation("MILLENNIALS") && is_generation("Baby Boomers"));
        assert!(!is_generation("Generation") && !is_generation("Zers"));
    }

    #[test]
    fn a_surname_in_the_possessive_before_a_disease_word_names_the_disease() {
        assert!(names_a_disease("Alzheimer", "’s and Parkinson’s."));
        assert!(names_a_disease("Parkinson", "'s, a nurse said."));
        assert!(names_a_disease("Graves", "' disease is common"));
        assert!(names_a_disease("Lou Gehrig", "'s Disease"));
        assert!(!names_a_disease("Alzheimer", "'s Association funds"), "an organisation's name goes on");
        assert!(!names_a_disease("Graves", "'s lawyer said"), "a person's lawyer");
        assert!(!names_a_disease("Parkinson", " said"), "not in the possessive");
        assert!(!names_a_disease("Parkinson", "'sville"));
        assert!(is_interjection("Whoo") && !is_interjection("Who") && !is_interjection("Woods"));
    }

    #[test]
    fn a_polity_s_formal_name_holds_its_place_s_name() {
        assert_eq!(polity_place("State Of New Jersey"), Some("New Jersey"));
        assert_eq!(polity_place("the kingdom of saudi arabia"), Some("saudi arabia"));
        assert_eq!(polity_place("City of Liverpool"), Some("Liverpool"));
        assert_eq!(polity_place("Bank of England"), None);
        assert_eq!(polity_place("State of"), None);
        assert!(is_region("state of virginia", |k| k == "virginia"));
        assert!(is_compass_word("south") && !is_compass_word("south africa"));
    }

    #[test]
    fn brand_shaped_words_are_told_from_prefixed_surnames() {
        for brand in ["HubSpot", "AlgoExpert", "JennAir", "MarketScreener"] {
            assert!(is_brand_shaped(brand), "{brand}");
        }
        for name in ["McGrath", "MacArthur", "DeSantis", "LeBlanc", "Smith", "NASA", "Hub Spot", "iPhone", "O'Brien"] {
            assert!(!is_brand_shaped(name), "{name}");
        }
    }

    #[test]
    fn known_organisations() {
        assert!(is_known_org("Eli Lilly"));
        assert!(is_known_org("Facebook"));
        assert!(!is_known_org("Lilly"));
        assert!(!is_known_org("# Organisations"));
        assert!(is_known_org("Islamic State"), "an armed group");
        assert!(is_known_org("Agence France-Presse"), "a news agency");
        assert!(!is_known_org(
            "# Institutions known worldwide: international and intergovernmental organisations, armed"
        ));
    }

    #[test]
    fn short_forms() {
        assert!(is_common_short_form("AI"));
        assert!(is_common_short_form("GPUs"));
        assert!(is_common_short_form("R.D.N."));
        assert!(!is_common_short_form("U.S."));
        assert!(!is_common_short_form("NATO"));
        assert!(!is_common_short_form("s"));
    }
}
