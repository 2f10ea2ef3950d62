#!/usr/bin/env python3
"""Precision and recall of the ledger's relations against a synthetic corpus's gold.

Usage: ledger_relations.py CORPUS_DIR DB [--bin CMD] [--fuzzy]

Runs `CMD conflicts --db DB --format jsonl` and compares its relations with
CORPUS_DIR/gold.jsonl (written by the gencorpus example). A side is named by
the article URL and the claim content; a relation is the unordered pair of
sides with its kind. Claims of reprinted articles are their origin's, so a
relation naming a reprint is matched through the reprint's origin content.

With --fuzzy (for ledgers built from raw articles by the real analysis,
whose claim spans differ from the generator's), a predicted side is mapped
to the gold claim of the same article whose content it contains or is
contained in; sides that map to no gold claim stay as they are (and count
as wrong).
"""
import json
import subprocess
import sys


def norm(s):
    return " ".join((s or "").split()).lower()


def key(rel):
    a = (rel["a"]["doc"], norm(rel["a"]["content"]))
    b = (rel["b"]["doc"], norm(rel["b"]["content"]))
    return (rel["relation"],) + tuple(sorted([a, b]))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    corpus, db = args[0], args[1]
    cmd = ["claimgraph"]
    if "--bin" in args:
        cmd = args[args.index("--bin") + 1].split()
    fuzzy = "--fuzzy" in args
    gold = set()
    contents = {}
    with open(corpus + "/gold.jsonl") as f:
        for line in f:
            rel = json.loads(line)
            gold.add(key(rel))
            for side in ("a", "b"):
                contents.setdefault(rel[side]["doc"], set()).add(norm(rel[side]["content"]))

    def snap(side):
        c = norm(side["content"])
        for g in contents.get(side["doc"], ()):
            if g in c or (len(c) > 20 and c in g):
                side = dict(side, content=g)
                break
        return side
    out = subprocess.run(cmd + ["conflicts", "--db", db, "--format", "jsonl"], capture_output=True, text=True, check=True)
    pred = set()
    for line in out.stdout.splitlines():
        if line.strip():
            rel = json.loads(line)
            if fuzzy:
                rel = dict(rel, a=snap(rel["a"]), b=snap(rel["b"]))
            pred.add(key(rel))
    result = {}
    for kind in ["contradicts", "corroborates"]:
        g = {k for k in gold if k[0] == kind}
        p = {k for k in pred if k[0] == kind}
        tp = len(g & p)
        result[kind] = {
            "gold": len(g), "predicted": len(p), "correct": tp,
            "precision": round(tp / len(p), 4) if p else 0.0,
            "recall": round(tp / len(g), 4) if g else 0.0,
        }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
