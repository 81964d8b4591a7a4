#!/usr/bin/env python3
"""Lists import cycles between the top-level modules of each workspace crate (issue 14: no
import cycles between modules). A module's imports are the `crate::m` paths in its files (and
`super::m` in a top-level file), tests and comments left out. Exits 1 when a cycle is found.

    python3 tools/module_cycles.py [crates/...]
"""
import os
import re
import sys


def graph(src):
    mods = {f[:-3] if f.endswith(".rs") else f for f in os.listdir(src)} - {"lib", "main"}
    edges = {m: set() for m in mods}
    for folder, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(folder, f), src)
            top = rel.split("/")[0].removesuffix(".rs")
            if top not in edges:
                continue
            text = open(os.path.join(folder, f), encoding="utf-8").read().split("#[cfg(test)]")[0]
            text = re.sub(r"//.*", "", text)  # comments and doc links are no imports
            used = set(re.findall(r"crate::([a-z_]+)", text))
            if "/" not in rel:
                used |= set(re.findall(r"\bsuper::([a-z_]+)", text))
            edges[top] |= (used & mods) - {top}
    return edges


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def main():
    crates = sys.argv[1:] or sorted(os.path.join("crates", c) for c in os.listdir("crates"))
    bad = False
    for crate in crates:
        edges = graph(os.path.join(crate, "src"))
        for comp in cycles(edges):
            bad = True
            print(f"{crate}: " + ", ".join(f"{m} -> {sorted(edges[m] & set(comp))}" for m in comp))
    print("cycles found" if bad else "no cycles between top-level modules")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
