#!/usr/bin/env python3
"""Contradictions on the hand-annotated sets, by score.py's rule, with a diagnosis.

Usage: set_contradictions.py BIN TAG SET... (SET: seed, holdout, dev, dev2, ...)

Needs ../shared (acceptance/score.py and the seed). For each set it runs `BIN extract` and
`BIN ingest` + `BIN conflicts` (a fresh ledger per set) and prints the gold contradictions found,
the contradicts relations made, the "unlisted" ones (both sides match gold claims that gold does
not pair: not necessarily wrong) and corFP (both sides match a gold corroboration: wrong). It
writes /tmp/crel_TAG_SET.txt with each missed gold contradiction (MISS[both]: both sides' claims
were extracted, so alignment failed; [one]/[none]) and the UNLISTED and CORFP relations.
"""
import json, os, sys, tempfile
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
sys.path.insert(0, os.path.join(SHARED, 'acceptance'))
import score as S
binp, tag, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
root = os.environ.get('SETROOT', ROOT)
tot_f = tot_n = tot_un = tot_c = 0
for s in sets:
    if s == 'seed':
        gp, dd = os.path.join(SHARED, 'acceptance/seed.gold.json'), os.path.join(SHARED, 'examples')
    else:
        gp, dd = f'{root}/tests/articles/{s}/gold.json', f'{root}/tests/articles/{s}'
    g = json.load(open(gp))
    paths = [os.path.join(dd, d) for d in g['documents']]
    _, out, _ = S.run([binp, 'extract', '--format', 'jsonl'] + paths)
    docs = {S.doc_key(o): o for o in S.parse_jsonl(out) if isinstance(o, dict) and 'doc' in o}
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'l.db')
        S.run([binp, 'ingest', '--db', db] + paths)
        _, o2, _ = S.run([binp, 'conflicts', '--db', db, '--format', 'jsonl'])
    rels = [r for r in S.parse_jsonl(o2) if r.get('relation') == 'contradicts']
    gb = {c['id']: c for c in g['claims']}
    def side_is(side, gid):
        c = gb[gid]
        return os.path.basename(str(side.get('doc', ''))) == c['doc'] and S.content_matches(side.get('content', ''), c['content_all'])
    def extracted(gid):
        c = gb[gid]
        return any(S.content_matches(S.claim_content(x), c['content_all']) for x in docs.get(c['doc'], {}).get('claims') or [])
    lines = []; found = 0
    for gc in g.get('contradictions', []):
        ok = any((any(side_is(r['a'], x) for x in gc['any_of_a']) and any(side_is(r['b'], x) for x in gc['any_of_b'])) or
                 (any(side_is(r['b'], x) for x in gc['any_of_a']) and any(side_is(r['a'], x) for x in gc['any_of_b'])) for r in rels)
        found += ok
        if not ok:
            ea = any(extracted(x) for x in gc['any_of_a']); eb = any(extracted(x) for x in gc['any_of_b'])
            kind = 'both' if ea and eb else ('one' if ea or eb else 'none')
            lines.append(f"MISS[{kind}] {gc.get('id','')} a={gc['any_of_a']} b={gc['any_of_b']}")
            for x in gc['any_of_a'][:1] + gc['any_of_b'][:1]:
                lines.append(f"    {x} {gb[x]['doc']} {gb[x]['speaker']}: {gb[x].get('content_all')}")
    pairs = set()
    for gc in g.get('contradictions', []):
        for a in gc['any_of_a']:
            for b in gc['any_of_b']:
                pairs.add((a, b)); pairs.add((b, a))
    cpairs = set()
    for gc in g.get('corroborations', []):
        for a in gc['any_of_a']:
            for b in gc['any_of_b']:
                cpairs.add((a, b)); cpairs.add((b, a))
    un = 0; corfp = 0
    for r in rels:
        ia = [x for x in gb if side_is(r['a'], x)]; ib = [x for x in gb if side_is(r['b'], x)]
        if ia and ib and any((x, y) in cpairs for x in ia for y in ib):
            corfp += 1
            lines.append(f"CORFP {ia} {ib} | {r['a'].get('content','')[:90]} || {r['b'].get('content','')[:90]}")
        elif ia and ib and not any((x, y) in pairs for x in ia for y in ib):
            un += 1
            lines.append(f"UNLISTED {ia} {ib} | {r['a'].get('content','')[:90]} || {r['b'].get('content','')[:90]}")
    n = len(g.get('contradictions', []))
    tot_f += found; tot_n += n; tot_un += un; tot_c += corfp
    open(f'/tmp/crel_{tag}_{s}.txt', 'w').write('\n'.join(lines) + '\n')
    print(f'{s} found {found}/{n} rels {len(rels)} unlisted {un} corFP {corfp}', flush=True)
print(f'TOTAL found {tot_f}/{tot_n} unlisted {tot_un} corFP {tot_c}')
