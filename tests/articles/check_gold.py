#!/usr/bin/env python3
"""Consistency check of a gold file against its articles (no claimgraph involved).

Usage: check_gold.py GOLD.json DOC_DIR

Checks that every gold string really is in the article it refers to, so that a
miss in score.py is the system's and never a typo in the gold:
  - each claim's content phrases occur in the article body (normalised as score.py does);
  - each claim's speaker key exists and one of its name variants occurs in the article;
  - every name variant occurs in some article of the set;
  - no variant of one person is contained (as a word) in a variant of another person,
    which would make score.py's entity checks ambiguous;
  - boilerplate_absent strings occur in the raw file but not in the article body;
  - text_present strings, quantity units and published dates occur in the file;
  - contradiction ids exist; claim ids are unique;
  - the article body is 250-700 words.
For HTML the "body" is the text of <h1> and <p> elements inside the article container
(<article>, div.content, div.entry-content, div#content); scripts, styles and share/social/
tags/related/ad blocks are ignored.
Exit status 1 when something is wrong.
"""
import html
import html.parser
import json
import os
import re
import sys


def norm(s):
    s = (s or "").lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()


def contains_word(hay, needle):
    hay, needle = norm(hay), norm(needle)
    return bool(needle) and re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay) is not None


class Body(html.parser.HTMLParser):
    """Collects the text of <h1>/<p> elements inside the article container."""

    CONTAINERS = {("article", None), ("div", "content"), ("div", "entry-content")}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, is_container)
        self.depth_in_container = 0
        self.in_text = 0
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        is_cont = (tag == "article" or (tag == "div" and ("content" in classes or "entry-content" in classes
                                                          or a.get("id") == "content")))
        skip_this = tag in ("script", "style") or any(
            k in c for c in classes for k in ("share", "social", "tags", "related", "ad-slot", "submeta"))
        if skip_this:
            self.skip += 1
        self.stack.append((tag, is_cont, skip_this))
        if is_cont:
            self.depth_in_container += 1
        if self.depth_in_container and tag in ("p", "h1"):
            self.in_text += 1
            self.parts.append("\n")

    def handle_endtag(self, tag):
        while self.stack:
            t, is_cont, skip_this = self.stack.pop()
            if is_cont:
                self.depth_in_container -= 1
            if t in ("p", "h1") and self.in_text:
                self.in_text -= 1
            if skip_this:
                self.skip -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if self.in_text and not self.skip:
            self.parts.append(data)


def body_text(path, raw):
    if path.endswith((".html", ".htm")):
        p = Body()
        p.feed(raw)
        return "".join(p.parts)
    # plain text: the body ends at the first line of trailing debris; we cannot know it
    # in general, so the caller passes the boilerplate strings to cut at.
    return raw


def main():
    gold_path, doc_dir = sys.argv[1], sys.argv[2]
    gold = json.load(open(gold_path, encoding="utf-8"))
    errors, warnings = [], []
    raw = {d: open(os.path.join(doc_dir, d), encoding="utf-8").read() for d in gold["documents"]}
    on_disk = sorted(f for f in os.listdir(doc_dir) if f.endswith((".txt", ".html", ".htm")))
    if sorted(gold["documents"]) != on_disk:
        errors.append("documents list %s != files %s" % (gold["documents"], on_disk))
    boiler = {}
    for g in gold.get("boilerplate_absent", []):
        boiler.setdefault(g["doc"], []).extend(g["text"])
    body = {}
    for d, t in raw.items():
        b = body_text(d, t)
        if not d.endswith((".html", ".htm")):
            # cut the text file at the earliest boilerplate line that starts a line
            cut = len(b)
            for s in boiler.get(d, []):
                m = re.search(r"(?m)^" + re.escape(s), b)
                if m:
                    cut = min(cut, m.start())
            b = b[:cut]
        body[d] = b
        n = len(b.split())
        if not 250 <= n <= 700:
            errors.append("%s: body has %d words (want 250-700)" % (d, n))
    people = gold.get("people", {})
    ids = set()
    for c in gold["claims"]:
        if c["id"] in ids:
            errors.append("duplicate claim id " + c["id"])
        ids.add(c["id"])
        if c["doc"] not in body:
            errors.append("%s: unknown doc %s" % (c["id"], c["doc"]))
            continue
        b = norm(body[c["doc"]])
        for p in c["content_all"]:
            if norm(p) not in b:
                errors.append("%s: content phrase %r not in %s" % (c["id"], p, c["doc"]))
        if c["stance"] not in ("affirms", "denies", "any"):
            errors.append("%s: bad stance %r" % (c["id"], c["stance"]))
        if c["speaker"] != "any":
            if c["speaker"] not in people:
                errors.append("%s: speaker key %r not in people" % (c["id"], c["speaker"]))
            elif not any(contains_word(body[c["doc"]], v) for v in people[c["speaker"]]):
                errors.append("%s: no variant of %s in %s" % (c["id"], c["speaker"], c["doc"]))
    for k, vs in people.items():
        for v in vs:
            if not any(v in t for t in body.values()):
                errors.append("people %s: variant %r occurs in no article body" % (k, v))
    keyed = [k for grp in gold.get("same_entity", []) for k in grp] + \
            [k for pair in gold.get("different_entity", []) for k in pair]
    for k in keyed:
        if k not in people:
            errors.append("entity check on unknown key " + k)
    # a variant of key a contained as a word in a variant of key b makes ids_for() ambiguous
    checked = set(keyed)
    for a in checked:
        for b2 in checked:
            if a == b2 or a not in people or b2 not in people:
                continue
            for va in people[a]:
                for vb in people[b2]:
                    if contains_word(vb, va):
                        errors.append("variant %r of %s is inside variant %r of %s" % (va, a, vb, b2))
    for g in gold.get("boilerplate_absent", []):
        for s in g["text"]:
            if s.lower() not in html.unescape(raw[g["doc"]]).lower():
                errors.append("%s: boilerplate %r not in the file" % (g["doc"], s))
            if s.lower() in body[g["doc"]].lower():
                errors.append("%s: boilerplate %r is inside the article body" % (g["doc"], s))
    for g in gold.get("text_present", []):
        for s in g["text"]:
            if norm(s) not in norm(body[g["doc"]]):
                errors.append("%s: text_present %r not in body" % (g["doc"], s))
    for q in gold.get("quantities", []):
        if norm(q["unit_contains"]) not in norm(body[q["doc"]]) and not (
                (q["unit_contains"] == "dollar" and "$" in body[q["doc"]])
                or (q["unit_contains"] == "euro" and "\u20ac" in body[q["doc"]])
                or (q["unit_contains"] == "pound" and "\u00a3" in body[q["doc"]])):
            errors.append("%s: quantity unit %r not in body" % (q["doc"], q["unit_contains"]))
    for g in gold.get("published", []):
        y, m, d = g["date"].split("-")
        if g["date"] not in raw[g["doc"]] and y not in raw[g["doc"]]:
            errors.append("%s: published %s not visible in file" % (g["doc"], g["date"]))
    for g in gold.get("contradictions", []) + gold.get("corroborations", []):
        for x in g["any_of_a"] + g["any_of_b"]:
            if x not in ids:
                errors.append("contradiction/corroboration refers to unknown claim " + x)
    for e in errors:
        print("ERROR:", e)
    for w in warnings:
        print("warning:", w)
    req = [c for c in gold["claims"] if not c.get("optional")]
    print("%s: %d documents, %d claims (%d required, %d hard), %d people keys, %d quantities, "
          "%d contradictions, %d errors" % (gold_path, len(gold["documents"]), len(gold["claims"]), len(req),
                                            sum(1 for c in req if c.get("hard")), len(people),
                                            len(gold.get("quantities", [])), len(gold.get("contradictions", [])),
                                            len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
