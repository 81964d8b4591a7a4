#!/usr/bin/env python3
"""Compacts the place gazetteer in ../shared/data/gazetteer/ into crates/newsmill-analyze/models/gazetteer-en.tsv,
the file the NER model's gazetteer features and the entity merger read (embedded in the
binary). One line per name: KIND<TAB>NAME<TAB>ISO2, KIND one of country, demonym, region,
city. Only CC BY 4.0 (GeoNames) and MIT (mordecai demonyms) sources are used: the ODbL
mledoze table is left out so the shipped file stays under CC BY 4.0.

Re-run: python3 tools/build_gazetteer.py [GAZETTEER_DIR] > crates/newsmill-analyze/models/gazetteer-en.tsv
"""
import csv
import sys
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "../shared/data/gazetteer")

# Common English names and abbreviations of countries that GeoNames' table does not list
# (written here, so under the project's licence).
ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "NL": ["Netherlands", "Holland"],
    "AE": ["UAE", "U.A.E."],
    "RU": ["Russian Federation"],
    "KR": ["Korea"],
    "CD": ["DR Congo", "DRC", "Congo"],
    "CZ": ["Czech Republic"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma"],
    "PS": ["Palestine", "West Bank", "Gaza"],
    "VA": ["Vatican City", "Holy See"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "CV": ["Cape Verde"],
}
MIN_CITY_POPULATION = 15000


def rows(name):
    with open(SRC / name, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def main():
    out = {}

    def add(kind, name, cc):
        name = " ".join(name.split())
        if len(name) >= 2 and (kind, name) not in out:
            out[(kind, name)] = cc

    iso3 = {}
    for r in rows("countryInfo.txt"):
        iso3[r[1]] = r[0]
        add("country", r[4], r[0])
    for cc, names in ALIASES.items():
        for n in names:
            add("country", n, cc)
    with open(SRC / "demonyms_mordecai_nat_df.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = (row.get("alpha_3_code") or "").strip()
            nat = (row.get("nationality") or "").strip()
            if code in iso3 and nat and nat != "UK":
                add("demonym", nat, iso3[code])
    for r in rows("admin1CodesASCII.txt"):
        cc = r[0].split(".")[0]
        add("region", r[1], cc)
        add("region", r[2], cc)
    for r in rows("cities15000.txt"):
        if int(r[14] or 0) >= MIN_CITY_POPULATION or r[7].startswith("PPLC"):
            add("city", r[1], r[8])
            add("city", r[2], r[8])
    print("# Compacted from GeoNames (geonames.org, CC BY 4.0) and mordecai nat_df.csv (MIT);")
    print("# see crates/newsmill-analyze/models/gazetteer-en.md. Built by tools/build_gazetteer.py.")
    for (kind, name), cc in sorted(out.items()):
        print(f"{kind}\t{name}\t{cc}")


if __name__ == "__main__":
    main()
