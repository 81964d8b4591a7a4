#!/usr/bin/env python3
"""Builds crates/newsmill-analyze/models/places-en.tsv.gz, the compact gazetteer newsmill links places with, from the
GeoNames tables in ../shared/data/gazetteer (CC BY 4.0) and the Mordecai demonym list (MIT).

Rows (tab-separated, one record per line; `|` separates aliases):
  C  iso2  geonameid  name  aliases  lat  lon  population     a country
  A  iso2  geonameid  name  aliases  lat  lon  population     a first-order division (admin1)
  P  iso2  geonameid  name  aliases  lat  lon  population  feature  admin1    a populated place
  D  iso2  demonym                                              a demonym or nationality
Country and admin1 coordinates are the population-weighted centre of their cities in
cities15000 (GeoNames' country and admin1 tables carry no coordinates); an admin1's population is
its cities' (0 when one of them bears its name).

Usage: python3 tools/build_places.py [GAZETTEER_DIR] [OUT]
"""
import collections, csv, gzip, pathlib, sys

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteer")
out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "crates/newsmill-analyze/models/places-en.tsv.gz")

# Short forms news uses for countries, beyond GeoNames' one English name.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England"],
    "RU": ["Russian Federation"], "KR": ["Korea", "Republic of Korea"], "KP": ["DPRK", "North Korea", "Democratic People's Republic of Korea"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "CD": ["DRC", "DR Congo", "Congo-Kinshasa"], "CG": ["Congo-Brazzaville"],
    "CN": ["PRC", "People's Republic of China", "mainland China"], "TW": ["Republic of China"],
    "NL": ["Holland", "the Netherlands"], "CZ": ["Czech Republic"], "MM": ["Burma"], "CI": ["Ivory Coast"],
    "VA": ["Vatican"], "PS": ["Palestine", "Palestinian territories"], "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"], "VE": ["Bolivarian Republic of Venezuela"], "TR": ["Turkiye", "Türkiye"],
    "SZ": ["Swaziland"], "MK": ["Macedonia"], "CV": ["Cape Verde"], "TL": ["East Timor"],
}

def ascii_alias(a):
    return a.isascii() and 2 <= len(a) <= 40 and not any(c.isdigit() for c in a)

# How often English writes each word in lower case (models/word-case-en.tsv.gz, ours).
WORD_CASE = pathlib.Path(__file__).resolve().parent.parent / "crates/newsmill-analyze/models/word-case-en.tsv.gz"
lower_share = {}
for line in gzip.open(WORD_CASE, "rt", encoding="utf-8"):
    if not line.startswith("#"):
        word, _, share = line.rstrip("\n").split("\t")
        lower_share[word] = int(share)

# Last words of a building's name: an alternate name ending in one names a building in the
# city (`White House` for Casablanca, `Cape Coast Castle`), not the city.
BUILDINGS = {"House", "Palace", "Castle", "Tower", "Towers", "Building", "Station", "Stadium", "Airport", "Mosque",
             "Cathedral", "Temple", "Church", "Hall"}

def news_alias(a):
    """Whether an alternate name of a city is one English news could name it by: not a phonetic
    spelling in lower case (`hang cow`), not a building in it, and not ordinary English words
    only (`Soul` for Seoul, the airport code `CAN`, the nickname `Big Easy`), which linking
    would read as that city wherever they are capitalised."""
    words = a.replace("-", " ").split()
    ordinary = all(lower_share.get(w.lower(), 0) >= 50 for w in words)
    return ascii_alias(a) and not a.islower() and words[-1] not in BUILDINGS and not ordinary

countries = {}
for line in open(src / "countryInfo.txt", encoding="utf-8"):
    if line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    if len(f) > 16 and f[0]:
        countries[f[0]] = {"iso3": f[1], "name": f[4], "pop": int(f[7] or 0), "gid": f[16]}
iso3_to_2 = {c["iso3"]: k for k, c in countries.items()}

admin1 = {}
for line in open(src / "admin1CodesASCII.txt", encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 4:
        admin1[f[0]] = {"name": f[1], "ascii": f[2], "gid": f[3]}

cities, centre = [], collections.defaultdict(lambda: [0.0, 0.0, 0])
for line in open(src / "cities15000.txt", encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) < 15:
        continue
    gid, name, asciiname, alts, lat, lon, fclass, fcode, cc, a1, pop = f[0], f[1], f[2], f[3], float(f[4]), float(f[5]), f[6], f[7], f[8], f[10], int(f[14] or 0)
    aliases = {asciiname} if asciiname != name else set()
    if pop >= 100_000:
        aliases |= {a for a in alts.split(",") if news_alias(a) and a != name}
    cities.append((cc, gid, name, "|".join(sorted(aliases)), lat, lon, pop, fcode, a1))
    for key in (cc, f"{cc}.{a1}"):
        c = centre[key]
        w = max(pop, 1)
        c[0] += lat * w; c[1] += lon * w; c[2] += w

def where(key):
    c = centre.get(key)
    return (f"{c[0] / c[2]:.4f}", f"{c[1] / c[2]:.4f}") if c and c[2] else ("", "")

rows = []
for cc, c in sorted(countries.items()):
    lat, lon = where(cc)
    rows.append(["C", cc, c["gid"], c["name"], "|".join(COUNTRY_ALIASES.get(cc, [])), lat, lon, str(c["pop"])])
# A division's population is that of its cities in cities15000 (a lower bound: GeoNames'
# admin1 table carries none), so that `Virginia` is the US state rather than a South African
# town of 120,000; but 0 where one of its cities bears its name (`New York`, `São Paulo`),
# as the news mostly means the city.
in_division = collections.defaultdict(lambda: [0, set()])
for cc, gid, name, aliases, lat, lon, pop, fcode, a1 in cities:
    d = in_division[f"{cc}.{a1}"]
    d[0] += pop
    d[1].update(n.lower() for n in [name, *aliases.split("|")] if n)
for code, a in sorted(admin1.items()):
    cc = code.split(".")[0]
    lat, lon = where(code)
    aliases = a["ascii"] if a["ascii"] != a["name"] else ""
    pop, city_names = in_division.get(code, (0, set()))
    namesake = a["name"].lower() in city_names or a["ascii"].lower() in city_names
    rows.append(["A", cc, a["gid"], a["name"], aliases, lat, lon, "0" if namesake else str(pop)])
for cc, gid, name, aliases, lat, lon, pop, fcode, a1 in cities:
    rows.append(["P", cc, gid, name, aliases, f"{lat:.4f}", f"{lon:.4f}", str(pop), fcode, a1])
seen = set()
for r in csv.DictReader(open(src / "demonyms_mordecai_nat_df.csv", encoding="utf-8")):
    cc = iso3_to_2.get((r.get("alpha_3_code") or "").strip())
    dem = (r.get("nationality") or "").strip()
    if cc and dem and dem != "UK" and (dem, cc) not in seen:
        seen.add((dem, cc))
        rows.append(["D", cc, dem])

out.parent.mkdir(parents=True, exist_ok=True)
with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
    f.write("# newsmill places: GeoNames (geonames.org) CC BY 4.0; demonyms: Mordecai (MIT). See models/places-en.md\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(f"wrote {out}: {len(rows)} rows, {out.stat().st_size / 1e6:.2f} MB")
