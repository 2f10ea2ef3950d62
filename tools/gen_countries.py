#!/usr/bin/env python3
"""Derive claimgraph's country gazetteer from PETRARCH2's Phoenix country
dictionary (MIT licence, Open Event Data Alliance).

Usage: tools/gen_countries.py ../shared/data/events/petrarch2/dictionaries/Phoenix.Countries.actors.txt \
           > crates/claimgraph/resources/countries.tsv

Output: one line per country: ISO3 code, canonical name, then every variant
(demonyms, capitals and major cities, alternative names), tab-separated, in
title case with spaces. Only the country blocks are taken (a `NAME_ [ISO]`
line and the `+VARIANT` lines that follow it), not the individual actors.
"""
import re
import sys

HEADER = re.compile(r"^([A-Z][A-Z_'.-]*?)_?\s*\[([A-Z]{3})\]\s*(#.*)?$")


# Display names for countries whose dictionary name is the long formal one.
CANONICAL = {
    "RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "IRN": "Iran",
    "PRK": "North Korea", "KOR": "South Korea", "SYR": "Syria", "VEN": "Venezuela",
    "BOL": "Bolivia", "TZA": "Tanzania", "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova",
    "MKD": "North Macedonia", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "CZE": "Czech Republic", "LBY": "Libya", "TWN": "Taiwan", "PSE": "Palestine", "CHN": "China",
    "DEU": "Germany", "ZAF": "South Africa", "BRN": "Brunei", "MDG": "Madagascar", "KNA": "Saint Kitts and Nevis",
    "CIV": "Ivory Coast", "TMP": "East Timor",
}

# Demonyms the dictionary lacks ("Kazakh drones were shipped to ..."),
# added after its own variants. "Korean" is left out: it names two states.
EXTRA = {
    "KAZ": ["Kazakh"], "AZE": ["Azeri"], "NPL": ["Nepali"], "LAO": ["Lao"], "SVN": ["Slovenian"],
    "SWE": ["Swedish"], "ISL": ["Icelandic"], "DJI": ["Djiboutian"],
}

# Variants that are ordinary English words in lower case, or noise.
DROP = {"us", "the us", "u,s,", "chad'", "man", "guinea"}


def pretty(token):
    raw = token.strip().strip("_").replace("_", " ")
    # Acronyms and dotted abbreviations keep their capitals: "US", "U.S.".
    if re.fullmatch(r"(?:[A-Z]\.\s?)+[A-Z]?\.?", raw) or len(raw.replace(" ", "")) <= 3:
        return raw.replace(" ", "")
    words = raw.replace(".", ". ").split()
    small = {"of", "the", "and", "de", "la", "du", "des", "del", "da", "e"}
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if re.fullmatch(r"(?:[a-z]\.)+", lw):
            out.append(w.upper())
        else:
            out.append(lw if i > 0 and lw in small else "-".join(p.capitalize() for p in lw.split("-")))
    return " ".join(out)


BARE = re.compile(r"^([A-Z][A-Z_'.-]*?)_?\s*$")
CODE_LINE = re.compile(r"^\s+\[([A-Z]{3})(\s+[<>]?[\d-]+)?\]\s*$")


def main(path):
    countries = []
    current = None  # [code or None, name, variants]
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("#") or not line.strip():
            continue
        m = HEADER.match(line)
        if m:
            current = [m.group(2), pretty(m.group(1)), []]
            countries.append(current)
            continue
        if line.startswith("+") and current is not None:
            v = pretty(line[1:].split("#")[0])
            if v and v.lower() not in DROP and v not in current[2] and v != current[1]:
                current[2].append(v)
            continue
        c = CODE_LINE.match(line)
        if c and current is not None and current[2]:
            # A country whose code changed over time: the current code is the
            # open-ended one (">date") or the undated one.
            date = (c.group(2) or "").strip()
            if current[0] is None or date.startswith(">") or not date:
                current[0] = c.group(1)
            continue
        if line.lstrip().startswith("["):
            continue  # an older or sub-national code of the same block
        b = BARE.match(line)
        if b:
            current = [None, pretty(b.group(1)), []]
            countries.append(current)
            continue
        current = None
    print("# Derived from PETRARCH2 Phoenix.Countries.actors.txt (MIT licence, (c) 2014 Open Event Data Alliance)")
    print("# by tools/gen_countries.py. Columns: ISO3, canonical name, variants...")
    merged = {}
    for code, name, variants in countries:
        if code is None or not variants:
            continue
        if code in merged:
            merged[code][2].extend(v for v in [name] + variants if v not in merged[code][2])
        else:
            merged[code] = [code, name, variants]
    for code, name, variants in merged.values():
        display = CANONICAL.get(code, name)
        if display != name and name not in variants:
            variants.insert(0, name)
        variants.extend(v for v in EXTRA.get(code, []) if v not in variants)
        print("\t".join([code, display] + [v for v in variants if v != display]))


if __name__ == "__main__":
    main(sys.argv[1])
