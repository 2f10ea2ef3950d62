#!/usr/bin/env python3
"""Relations of the ledger against the gold of a test-article set.

Usage: gold_relations.py GOLD.json DOC_DIR [--bin CMD] [--db PATH] [--verbose]

Ingests the set's documents into one ledger (as ../shared/acceptance/score.py
does), reads `conflicts --format jsonl`, and maps each side of each relation
to the gold claims of its document whose phrases its content contains.

Recall: a gold contradiction (or corroboration) is found when some relation of
that kind joins one of its `any_of_a` claims to one of its `any_of_b` claims
(score.py's rule for contradictions).

Precision (of the relations whose both sides are gold claims, "judged"):
a relation is right when its pair lies in a gold group of the same kind, wrong
when it lies in a gold group of the other kind; a pair of gold claims in no
group is counted as `unjudged` and listed with --verbose for reading. The
gold does not list every true relation, so `unjudged` pairs are not all
errors; `wrong` ones are.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def norm(s):
    s = (s or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()


def matches(text, phrases):
    t = norm(text)
    return all(norm(p) in t for p in phrases)


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    gold_path, doc_dir = args[0], args[1]
    cmd = ["claimgraph"]
    if "--bin" in args:
        cmd = args[args.index("--bin") + 1].split()
    verbose = "--verbose" in args
    gold = json.load(open(gold_path))
    claims = {c["id"]: c for c in gold["claims"]}
    paths = [os.path.join(doc_dir, d) for d in gold["documents"]]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "ledger.db")
        if "--db" in args:
            db = args[args.index("--db") + 1]
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
        subprocess.run(cmd + ["ingest", "--db", db] + paths, capture_output=True, check=True)
        out = subprocess.run(cmd + ["conflicts", "--db", db, "--format", "jsonl"], capture_output=True, text=True,
                             check=True).stdout
    rels = [json.loads(line) for line in out.splitlines() if line.strip()]

    def gold_ids(side):
        doc = os.path.basename(str(side.get("doc", "")))
        return {g for g, c in claims.items() if c["doc"] == doc and matches(side.get("content", ""), c["content_all"])}

    groups = {k: gold.get(k, []) for k in ("contradictions", "corroborations")}
    kind_of = {"contradicts": "contradictions", "corroborates": "corroborations"}

    def in_group(kind, xa, xb):
        for i, g in enumerate(groups[kind]):
            a, b = set(g["any_of_a"]), set(g["any_of_b"])
            if (xa & a and xb & b) or (xa & b and xb & a):
                return i
        return None

    found = {k: set() for k in groups}
    tally = {k: {"predicted": 0, "judged": 0, "right": 0, "wrong": 0, "unjudged": 0} for k in groups}
    listing = []
    for r in rels:
        kind = kind_of.get(r.get("relation"))
        if not kind:
            continue
        t = tally[kind]
        t["predicted"] += 1
        xa, xb = gold_ids(r["a"]), gold_ids(r["b"])
        i = in_group(kind, xa, xb)
        if i is not None:
            found[kind].add(i)
        if not (xa and xb):
            continue
        t["judged"] += 1
        other = "corroborations" if kind == "contradictions" else "contradictions"
        if i is not None:
            t["right"] += 1
        elif in_group(other, xa, xb) is not None:
            t["wrong"] += 1
            listing.append(("WRONG", r, xa, xb))
        else:
            t["unjudged"] += 1
            listing.append(("unjudged", r, xa, xb))
    result = {}
    for kind in groups:
        n = len(groups[kind])
        t = tally[kind]
        result[kind] = dict(t, gold=n, found=len(found[kind]), recall=round(len(found[kind]) / n, 3) if n else None,
                            precision_judged=round(t["right"] / (t["right"] + t["wrong"]), 3)
                            if t["right"] + t["wrong"] else None)
    if verbose:
        for kind in groups:
            for i, g in enumerate(groups[kind]):
                if i not in found[kind]:
                    print("MISSED %s: %s x %s" % (kind, g["any_of_a"], g["any_of_b"]))
        for tag, r, xa, xb in listing:
            print("%s %s %s x %s | %s: %s [%s] <> %s: %s [%s] | %s" % (
                tag, r["relation"], sorted(xa), sorted(xb), r["a"].get("speaker"), r["a"]["content"][:90],
                r["a"].get("stance"), r["b"].get("speaker"), r["b"]["content"][:90], r["b"].get("stance"),
                r.get("reason", "")))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
