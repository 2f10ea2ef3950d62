// claimgraph workbench: a small single-page app over the JSON API.
//
// Security rule of this file: article text, names, titles and URLs are
// hostile. Every piece of data reaches the page as a text node (h() below)
// or a whitelisted attribute; links are checked by safeHref(); nothing is
// ever parsed as HTML (no innerHTML, insertAdjacentHTML, document.write).
//
// Offsets in the API are Unicode code points; JavaScript strings index
// UTF-16 code units. The article view therefore splits the text into code
// points (Array.from) and never slices a string by API offsets directly.
'use strict';
(() => {
  const main = document.getElementById('main');
  const searchInput = document.getElementById('q');
  const status = document.getElementById('status');
  const help = document.getElementById('help');
  const app = { info: null, routeGen: 0, token: sessionStorage.getItem('claimgraph-token') || '' };

  // ---------- DOM building ----------

  const ATTRS = new Set([
    'class', 'id', 'title', 'type', 'name', 'value', 'placeholder', 'for', 'role', 'tabindex', 'rows',
    'rel', 'target', 'hidden', 'disabled', 'checked', 'autocomplete', 'spellcheck', 'colspan', 'lang',
  ]);

  /** Creates an element; children are nodes or text (never HTML). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'href') {
        const u = safeHref(v);
        if (u) el.setAttribute('href', u);
      } else if (k === 'on') {
        for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      } else if (k === 'dataset') {
        for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
      } else if (k.startsWith('aria-') || ATTRS.has(k)) {
        el.setAttribute(k, v === true ? '' : String(v));
      } else {
        throw new Error('attribute not allowed: ' + k);
      }
    }
    add(el, children);
    return el;
  }

  function add(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  /** An in-app route, or an absolute http(s) URL; anything else (javascript:, data:, ...) is dropped. */
  function safeHref(u) {
    u = String(u);
    if (u.startsWith('#/')) return u;
    try {
      const p = new URL(u);
      if (p.protocol === 'http:' || p.protocol === 'https:') return p.href;
    } catch (_) { /* not a URL */ }
    return null;
  }

  function route(view, arg, params) {
    let r = '#/' + view;
    if (arg !== undefined && arg !== null) r += '/' + encodeURIComponent(arg);
    if (params) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
      const s = p.toString();
      if (s) r += '?' + s;
    }
    return r;
  }

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, '');
    const qi = raw.indexOf('?');
    const path = qi < 0 ? raw : raw.slice(0, qi);
    const params = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
    const parts = path.split('/').map((p) => {
      try { return decodeURIComponent(p); } catch (_) { return p; }
    });
    return { view: parts[0] || 'home', arg: parts[1], params };
  }

  // ---------- API ----------

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(path, opts) {
    opts = opts || {};
    const init = { headers: { Accept: 'application/json' } };
    if (opts.body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
    if (opts.token) init.headers.Authorization = 'Bearer ' + opts.token;
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'the server cannot be reached');
    }
    let data = null;
    try { data = await res.json(); } catch (_) { /* not JSON */ }
    if (!res.ok) throw new ApiError(res.status, (data && data.error) || res.statusText || 'request failed');
    return data;
  }

  function q(params) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
    return p.toString();
  }

  // ---------- small components ----------

  const day = (d) => (d ? String(d).slice(0, 10) : 'undated');

  /** The outlet of a source: the host of a URL, else the file name. */
  function outlet(source) {
    const s = String(source || '');
    try {
      const u = new URL(s);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.hostname.replace(/^www\./, '');
    } catch (_) { /* a path */ }
    const parts = s.split(/[\\/]/);
    return parts[parts.length - 1] || s;
  }

  function stanceBadge(stance) {
    const s = stance === 'denies' ? 'denies' : 'affirms';
    return h('span', { class: 'badge stance-' + s }, s);
  }

  function entityLink(id, name) {
    return id ? h('a', { href: route('entity', id), class: 'entity-link' }, name) : h('span', { class: 'entity-text' }, name);
  }

  function sourceLink(docId, claimId, label) {
    return h('a', { href: route('doc', docId, { claim: claimId }), class: 'source-link' }, label || 'source sentence →');
  }

  function section(title, ...body) {
    return h('section', { class: 'panel' }, h('h2', null, title), body);
  }

  function errorBox(e) {
    const msg = e instanceof ApiError ? e.message : 'something went wrong: ' + (e && e.message);
    return h('div', { class: 'error', role: 'alert' }, h('strong', null, e && e.status ? 'Error ' + e.status + ': ' : 'Error: '), msg);
  }

  function empty(text) {
    return h('p', { class: 'muted empty' }, text);
  }

  /** A claim as listed by the API (ClaimRow). */
  function claimItem(c, opts) {
    opts = opts || {};
    const speaker = entityLink(c.speaker_entity, c.speaker);
    const as = c.speaker_text && c.speaker_text !== c.speaker ? h('span', { class: 'muted' }, ' (as “', c.speaker_text, '”)') : null;
    return h('li', { class: 'claim', tabindex: 0, dataset: { nav: '', claim: c.id } },
      h('div', { class: 'claim-head' },
        opts.hideSpeaker ? null : [speaker, as, ' '],
        stanceBadge(c.stance), ' ',
        h('span', { class: 'cue' }, c.cue), ' ',
        c.hedged ? h('span', { class: 'badge hedged' }, 'hedged') : null),
      h('blockquote', { class: 'content' }, c.content),
      h('div', { class: 'claim-foot muted' },
        h('span', null, day(c.published)), ' · ',
        h('span', { class: 'outlet' }, outlet(c.source)), ' · ',
        sourceLink(c.doc_id, c.id),
        c.copy_of ? [' · ', h('span', { class: 'badge' }, 'reprint')] : null));
  }

  /** Claims grouped under their publication day, newest first. */
  function claimsByDay(claims, opts) {
    if (!claims.length) return empty('None.');
    const groups = new Map();
    for (const c of claims) {
      const d = day(c.published);
      if (!groups.has(d)) groups.set(d, []);
      groups.get(d).push(c);
    }
    const keys = [...groups.keys()].sort((a, b) => (a === 'undated') - (b === 'undated') || (a < b ? 1 : a > b ? -1 : 0));
    return h('div', { class: 'by-day' }, keys.map((d) => [
      h('h3', { class: 'day' }, d),
      h('ul', { class: 'claims' }, groups.get(d).map((c) => claimItem(c, opts))),
    ]));
  }

  function relationSide(s, label) {
    return h('div', { class: 'side stance-' + (s.stance === 'denies' ? 'denies' : 'affirms') },
      h('div', { class: 'side-label muted' }, label),
      h('div', { class: 'who' }, entityLink(s.speaker_entity, s.speaker)),
      h('div', { class: 'meta' }, stanceBadge(s.stance), ' · ', h('span', { class: 'date' }, day(s.published)), ' · ',
        h('span', { class: 'outlet', title: s.doc }, outlet(s.doc))),
      h('blockquote', { class: 'content' }, s.content),
      sourceLink(s.doc_id, s.claim));
  }

  /** A contradicting or corroborating pair, side by side. */
  function relationCard(r) {
    return h('article', { class: 'pair rel-' + r.relation, tabindex: 0, dataset: { nav: '' } },
      h('header', null, h('span', { class: 'badge rel-' + r.relation }, r.relation), ' ', h('span', { class: 'prop' }, r.proposition)),
      h('div', { class: 'sides' }, relationSide(r.a, 'earlier'), relationSide(r.b, 'later')),
      h('p', { class: 'why muted' }, 'why: ', r.reason));
  }

  function moreButton(label, load) {
    const btn = h('button', { type: 'button', class: 'more' }, label);
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      try {
        const done = await load();
        if (done) btn.remove(); else btn.disabled = false;
      } catch (e) {
        btn.replaceWith(errorBox(e));
      }
    });
    return btn;
  }

  // ---------- views ----------

  async function viewHome() {
    const [rels, ents, docs] = await Promise.all([
      api('/api/relations?' + q({ kind: 'contradicts', limit: 6 })),
      api('/api/entities?' + q({ limit: 12 })),
      api('/api/documents?' + q({ limit: 10 })),
    ]);
    const s = app.info ? app.info.stats : null;
    return [
      h('h1', null, 'Workbench'),
      s ? h('div', { class: 'stats' }, [
        ['documents', s.documents, '#/documents'], ['claims', s.claims, null], ['entities', s.entities, '#/entities'],
        ['contradictions', s.contradicts, '#/conflicts'], ['corroborations', s.corroborates, '#/conflicts?kind=corroborates'],
      ].map(([label, n, href]) => {
        const inner = [h('span', { class: 'n' }, Number(n).toLocaleString('en')), h('span', { class: 'label' }, label)];
        return href ? h('a', { class: 'stat', href }, inner) : h('div', { class: 'stat' }, inner);
      })) : null,
      h('div', { class: 'columns' },
        section('Latest contradictions', rels.length ? rels.map(relationCard) : empty('No contradictions yet.'),
          h('p', null, h('a', { href: '#/conflicts' }, 'All conflicts →'))),
        h('div', null,
          section('Most mentioned entities', entityTable(ents)),
          section('Documents', documentTable(docs), h('p', null, h('a', { href: '#/documents' }, 'All documents →'))))),
    ];
  }

  function entityTable(ents) {
    if (!ents.length) return empty('No entities.');
    return h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'entity'), h('th', null, 'kind'), h('th', { class: 'num' }, 'docs'),
        h('th', { class: 'num' }, 'claims by'), h('th', { class: 'num' }, 'about'))),
      h('tbody', null, ents.map((e) => h('tr', null,
        h('td', null, h('a', { href: route('entity', e.id), dataset: { nav: '' } }, e.name),
          e.aliases.length > 1 ? h('div', { class: 'muted small' }, 'also: ', e.aliases.filter((a) => a.alias !== e.name).map((a) => a.alias).join(', ')) : null),
        h('td', null, e.kind), h('td', { class: 'num' }, e.documents), h('td', { class: 'num' }, e.claims_by),
        h('td', { class: 'num' }, e.claims_about)))));
  }

  function documentTable(docs) {
    if (!docs.length) return empty('No documents.');
    return h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'title'), h('th', null, 'outlet'), h('th', null, 'date'), h('th', { class: 'num' }, 'claims'))),
      h('tbody', null, docs.map((d) => h('tr', null,
        h('td', null, h('a', { href: route('doc', d.id), dataset: { nav: '' } }, d.title || d.id),
          d.copy_of ? h('span', { class: 'badge' }, 'copy of ', d.copy_of) : null),
        h('td', { class: 'outlet', title: d.source }, outlet(d.url || d.source)), h('td', null, day(d.published)),
        h('td', { class: 'num' }, d.claims !== undefined ? d.claims : d.matching_claims)))));
  }

  async function viewSearch(_arg, params) {
    const query = (params.get('q') || '').trim();
    searchInput.value = query;
    if (!query) return [h('h1', null, 'Search'), empty('Type words in the search box: names, or words of what was said.')];
    const r = await api('/api/search?' + q({ q: query, limit: 50 }));
    const nothing = !r.entities.length && !r.claims.length && !r.documents.length;
    return [
      h('h1', null, 'Search: “', query, '”'),
      nothing ? empty('Nothing found.') : null,
      r.entities.length ? section('Entities (' + r.entities.length + ')', entityTable(r.entities)) : null,
      r.claims.length ? section('Claims (' + r.claims.length + (r.claims.length === 50 ? '+' : '') + ')',
        h('ul', { class: 'claims' }, r.claims.map((c) => claimItem(c)))) : null,
      r.documents.length ? section('Documents (' + r.documents.length + ')', documentTable(r.documents)) : null,
    ];
  }

  async function viewEntities(_arg, params) {
    const filter = params.get('q') || '';
    const ents = await api('/api/entities?' + q({ q: filter, limit: 200 }));
    const input = h('input', { type: 'search', value: filter, placeholder: 'filter by spelling', 'aria-label': 'Filter entities by spelling' });
    const form = h('form', { class: 'filters', role: 'search' }, input, h('button', { type: 'submit' }, 'Filter'));
    form.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = route('entities', null, { q: input.value.trim() }); });
    return [h('h1', null, 'Entities'), form, entityTable(ents)];
  }

  const PAGE = 25;

  async function viewEntity(id) {
    if (!id) throw new ApiError(400, 'no entity given');
    const p = await api('/api/entities/' + encodeURIComponent(id) + '?' + q({ limit: PAGE }));
    const e = p.entity;
    document.title = e.name + ' — claimgraph';
    const maxAlias = Math.max(1, ...e.aliases.map((a) => a.count));
    const aliases = h('table', { class: 'list aliases', id: 'aliases' },
      h('thead', null, h('tr', null, h('th', null, 'spelling'), h('th', { class: 'num' }, 'mentions'), h('th', null, ''))),
      h('tbody', null, e.aliases.map((a) => {
        const bar = h('span', { class: 'bar' });
        bar.style.width = Math.max(2, Math.round((100 * a.count) / maxAlias)) + '%';
        return h('tr', { class: 'alias' }, h('td', { class: 'alias-name' }, a.alias), h('td', { class: 'num alias-count' }, a.count),
          h('td', { class: 'bar-cell' }, bar));
      })));
    const contradictions = p.relations.filter((r) => r.relation === 'contradicts');
    const corroborations = p.relations.filter((r) => r.relation === 'corroborates');
    const byList = h('div', null, claimsByDay(p.claims_by, { hideSpeaker: true }));
    const aboutList = h('div', null, claimsByDay(p.claims_about));
    const more = (kind, list, shown) => (shown >= PAGE ? moreButton('More', async () => {
      const rows = await api('/api/claims?' + q({ [kind]: e.id, limit: PAGE, offset: shown }));
      shown += rows.length;
      list.append(claimsByDay(rows, kind === 'speaker' ? { hideSpeaker: true } : {}));
      return rows.length < PAGE;
    }) : null);
    const dayPanel = h('div', { class: 'day-panel', id: 'day-panel' });
    return [
      h('div', { class: 'entity-head' },
        h('h1', null, e.name),
        h('p', { class: 'muted' }, h('span', { class: 'badge kind' }, e.kind), ' ', e.id,
          e.roles.length ? [' · ', e.roles.slice(0, 4).join('; ')] : null),
        h('div', { class: 'stats small' },
          h('div', { class: 'stat' }, h('span', { class: 'n' }, e.documents), h('span', { class: 'label' }, 'documents')),
          h('div', { class: 'stat' }, h('span', { class: 'n' }, e.claims_by), h('span', { class: 'label' }, 'claims by')),
          h('div', { class: 'stat' }, h('span', { class: 'n' }, e.claims_about), h('span', { class: 'label' }, 'claims about')))),
      h('div', { class: 'columns' },
        section('Spellings (' + e.aliases.length + ')', aliases),
        section('Timeline', timeline(e, p.timeline, dayPanel), dayPanel)),
      section('Contradictions (' + contradictions.length + (contradictions.length >= PAGE ? '+' : '') + ')',
        contradictions.length ? contradictions.map(relationCard) : empty('No contradictions found.'),
        h('p', null, h('a', { href: route('conflicts', null, { entity: e.id }) }, 'All conflicts involving ' + e.name + ' →'))),
      corroborations.length ? section('Corroborations (' + corroborations.length + ')', corroborations.map(relationCard)) : null,
      h('div', { class: 'columns' },
        section('Claims by ' + e.name + ' (' + e.claims_by + ')', byList, more('speaker', byList, p.claims_by.length)),
        section('Claims about ' + e.name + ' (' + e.claims_about + ')', aboutList, more('about', aboutList, p.claims_about.length))),
    ];
  }

  /** Daily activity as bars; a click lists that day's claims. */
  function timeline(e, points, panel) {
    if (!points.length) return empty('No dated mentions: the documents naming ' + e.name + ' carry no publication date.');
    const shown = points.slice(-120);
    const max = Math.max(1, ...shown.map((t) => t.claims_by + t.claims_about + t.documents));
    const bars = h('div', { class: 'timeline', role: 'list' }, shown.map((t) => {
      const total = t.claims_by + t.claims_about + t.documents;
      const label = t.date + ': ' + t.claims_by + ' claims by, ' + t.claims_about + ' about, ' + t.documents + ' documents';
      const b = h('button', { type: 'button', class: 'tbar', title: label, 'aria-label': label, role: 'listitem' },
        h('span', { class: 'seg by' }), h('span', { class: 'seg about' }), h('span', { class: 'seg docs' }));
      b.style.height = Math.max(4, Math.round((100 * total) / max)) + '%';
      const [by, about, docs] = b.children;
      by.style.flexGrow = t.claims_by; about.style.flexGrow = t.claims_about; docs.style.flexGrow = t.documents;
      b.addEventListener('click', async () => {
        panel.replaceChildren(h('p', { class: 'muted' }, 'Loading ' + t.date + '…'));
        const next = nextDay(t.date);
        try {
          const [by2, about2] = await Promise.all([
            api('/api/claims?' + q({ speaker: e.id, since: t.date, until: next, limit: 100 })),
            api('/api/claims?' + q({ about: e.id, since: t.date, until: next, limit: 100 })),
          ]);
          panel.replaceChildren(h('h3', null, t.date),
            by2.length ? [h('h4', null, 'by ' + e.name), h('ul', { class: 'claims' }, by2.map((c) => claimItem(c, { hideSpeaker: true })))] : null,
            about2.length ? [h('h4', null, 'about ' + e.name), h('ul', { class: 'claims' }, about2.map((c) => claimItem(c)))] : null,
            !by2.length && !about2.length ? empty('Mentioned in documents, without claims by or about it.') : null);
        } catch (err) {
          panel.replaceChildren(errorBox(err));
        }
      });
      return b;
    }));
    return [
      bars,
      h('div', { class: 'timeline-axis muted small' }, h('span', null, shown[0].date), h('span', null, shown[shown.length - 1].date)),
      h('p', { class: 'legend small' }, h('span', { class: 'key by' }), 'claims by ', h('span', { class: 'key about' }), 'claims about ',
        h('span', { class: 'key docs' }), 'documents', points.length > shown.length ? ' (last ' + shown.length + ' active days)' : ''),
    ];
  }

  function nextDay(d) {
    const t = Date.parse(d + 'T00:00:00Z');
    return Number.isNaN(t) ? d : new Date(t + 86400000).toISOString().slice(0, 10);
  }

  async function viewConflicts(_arg, params) {
    const kind = params.get('kind') === 'corroborates' ? 'corroborates' : 'contradicts';
    const entity = params.get('entity') || '';
    const limit = 20;
    const rows = await api('/api/relations?' + q({ kind, entity, limit }));
    const list = h('div', { class: 'pairs' }, rows.length ? rows.map(relationCard) : empty('No ' + kind + ' pairs' + (entity ? ' for this entity.' : '.')));
    let offset = rows.length;
    const input = h('input', { type: 'search', value: entity, placeholder: 'entity name or id', 'aria-label': 'Entity' });
    const select = h('select', { 'aria-label': 'Kind' }, h('option', { value: 'contradicts' }, 'contradicts'), h('option', { value: 'corroborates' }, 'corroborates'));
    select.value = kind;
    const form = h('form', { class: 'filters' }, h('label', null, 'Pairs that ', select), ' ', h('label', null, 'involving ', input), h('button', { type: 'submit' }, 'Show'));
    form.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = route('conflicts', null, { kind: select.value, entity: input.value.trim() }); });
    return [
      h('h1', null, kind === 'contradicts' ? 'Conflicts' : 'Corroborations'),
      form,
      list,
      rows.length === limit ? moreButton('More', async () => {
        const next = await api('/api/relations?' + q({ kind, entity, limit, offset }));
        offset += next.length;
        add(list, next.map(relationCard));
        return next.length < limit;
      }) : null,
    ];
  }

  async function viewDocuments(_arg, params) {
    const limit = 50;
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    const docs = await api('/api/documents?' + q({ limit, offset }));
    return [
      h('h1', null, 'Documents'),
      documentTable(docs),
      h('p', { class: 'pager' },
        offset > 0 ? h('a', { href: route('documents', null, { offset: Math.max(0, offset - limit) }) }, '← previous') : null, ' ',
        docs.length === limit ? h('a', { href: route('documents', null, { offset: offset + limit }) }, 'next →') : null),
    ];
  }

  async function viewDoc(id, params) {
    if (!id) throw new ApiError(400, 'no document given');
    const rec = await api('/api/documents/' + encodeURIComponent(id));
    document.title = (rec.doc.title || rec.doc.id) + ' — claimgraph';
    const view = articleView(rec, { ledger: true });
    const claim = params.get('claim');
    return { node: view.node, after: () => { if (claim) view.activate(claim, true); } };
  }

  // ---------- the article view ----------

  /** Every highlighted span of a record, in code points. */
  function recordSpans(rec) {
    const spans = [];
    const push = (kind, key, s, extra) => {
      if (s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start) spans.push(Object.assign({ kind, key, start: s.start, end: s.end }, extra));
    };
    for (const c of rec.claims) {
      push('speaker', c.id + ':speaker', c.speaker, { claim: c.id });
      push('cue', c.id + ':cue', c.cue, { claim: c.id });
      const parts = c.content.parts && c.content.parts.length ? c.content.parts : [c.content];
      parts.forEach((p, i) => push('content', c.id + ':content' + (parts.length > 1 ? '.' + i : ''), p, { claim: c.id }));
    }
    rec.quantities.forEach((qt, i) => push('quantity', 'q' + i, qt, { claim: qt.claim || null }));
    rec.entities.forEach((e, i) => e.mentions.forEach((m, j) => push('mention', 'm' + i + '.' + j, m, { entity: i })));
    return spans;
  }

  /** The text as code-point segments, each wrapped with the spans covering it. */
  function highlightedText(rec, spans) {
    const cps = Array.from(rec.doc.text);
    const n = cps.length;
    const sentences = (rec.sentences || []).filter((s) => s.end > s.start);
    const bounds = new Set([0, n]);
    for (const s of spans) { s.start = Math.min(s.start, n); s.end = Math.min(s.end, n); bounds.add(s.start); bounds.add(s.end); }
    for (const s of sentences) { bounds.add(Math.min(s.start, n)); bounds.add(Math.min(s.end, n)); }
    const cuts = [...bounds].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    let si = 0;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i];
      const b = cuts[i + 1];
      if (b <= a) continue;
      const piece = cps.slice(a, b).join('');
      while (si < sentences.length && sentences[si].end <= a) si++;
      const sent = si < sentences.length && sentences[si].start <= a ? si : -1;
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      if (!cover.length && sent < 0) { frag.append(document.createTextNode(piece)); continue; }
      const kinds = [...new Set(cover.map((s) => s.kind))];
      const data = { start: a };
      if (sent >= 0) data.sent = sent;
      if (cover.length) data.spans = cover.map((s) => s.key).join(' ');
      const claims = [...new Set(cover.map((s) => s.claim).filter(Boolean))];
      if (claims.length) data.claims = claims.join(' ');
      const ment = cover.find((s) => s.kind === 'mention');
      if (ment) data.entity = ment.entity;
      frag.append(h('span', { class: kinds.map((k) => 'hl-' + k).join(' ') || null, dataset: data }, piece));
    }
    return frag;
  }

  /** The article with its spans highlighted and its claims beside it. */
  function articleView(rec, opts) {
    const spans = recordSpans(rec);
    const text = h('div', { class: 'article-text', id: 'article-text', lang: 'en' }, highlightedText(rec, spans));
    const entityName = new Map(rec.entities.map((e) => [e.id, e.name]));
    const url = rec.doc.url || rec.doc.source;
    const items = rec.claims.map((c, i) => {
      const name = c.speaker.name || entityName.get(c.speaker.entity) || c.speaker.text;
      const li = h('li', { class: 'claim', tabindex: 0, dataset: { nav: '', claim: c.id } },
        h('div', { class: 'claim-head' }, h('span', { class: 'num muted' }, (i + 1) + '. '),
          opts.ledger ? entityLink(c.speaker.entity, name) : h('span', { class: 'entity-text' }, name), ' ',
          stanceBadge(c.stance), ' ', h('span', { class: 'cue' }, c.cue.text), ' ',
          h('span', { class: 'muted small' }, c.kind.replace('_', ' ')),
          c.hedged ? [' ', h('span', { class: 'badge hedged' }, 'hedged')] : null),
        h('blockquote', { class: 'content' }, c.content.text),
        c.proposition ? h('div', { class: 'muted small' }, 'proposition: ', [c.proposition.actor && c.proposition.actor.text, c.proposition.predicate,
          c.proposition.object && c.proposition.object.text].filter(Boolean).join(' · ')) : null);
      li.addEventListener('focus', () => activate(c.id, false));
      li.addEventListener('click', () => activate(c.id, true));
      return li;
    });
    const quantities = rec.quantities.map((qt) => h('li', null, h('span', { class: 'hl-quantity' }, qt.text), ' → ',
      h('strong', null, (qt.approximate ? '≈' : '') + qt.value + (qt.max !== undefined && qt.max !== null ? '–' + qt.max : '')), ' ', qt.unit,
      qt.per ? ' per ' + qt.per : ''));
    const entities = rec.entities.filter((e) => e.kind !== 'other' || e.mentions.length > 1).map((e) => h('li', null,
      opts.ledger ? entityLink(e.id, e.name) : h('strong', null, e.name), ' ', h('span', { class: 'muted small' }, e.kind, ' · ', e.mentions.length, ' mentions'),
      e.aliases.length > 1 ? h('div', { class: 'muted small' }, 'spellings: ', e.aliases.join(', ')) : null));
    text.addEventListener('click', (ev) => {
      const seg = ev.target.closest('[data-claims]');
      if (seg) activate(seg.dataset.claims.split(' ')[0], false);
    });

    function activate(id, scroll) {
      for (const el of node.querySelectorAll('.active')) el.classList.remove('active');
      const c = rec.claims.find((x) => x.id === id);
      if (!c) return;
      const segs = [...text.querySelectorAll('[data-claims]')].filter((el) => el.dataset.claims.split(' ').includes(id));
      segs.forEach((el) => el.classList.add('active'));
      const sent = (rec.sentences || []).findIndex((s) => s.start <= c.content.start && c.content.start < s.end);
      if (sent >= 0) for (const el of text.querySelectorAll('[data-sent="' + sent + '"]')) el.classList.add('active-sentence', 'active');
      const li = items.find((x) => x.dataset.claim === id);
      if (li) li.classList.add('active');
      if (scroll) {
        if (segs[0]) segs[0].scrollIntoView({ block: 'center' });
        if (li) li.scrollIntoView({ block: 'nearest' });
      }
    }

    const node = h('div', { class: 'article-view' },
      h('article', { class: 'article' },
        h('h1', null, rec.doc.title || 'Untitled'),
        h('p', { class: 'muted doc-meta' }, h('span', { class: 'outlet' }, outlet(url)), ' · ', day(rec.doc.published), ' · ',
          h('span', { class: 'small' }, 'id ', rec.doc.id),
          safeHref(url) ? [' · ', h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null),
        h('p', { class: 'legend small' }, h('span', { class: 'hl-speaker' }, 'speaker'), ' ', h('span', { class: 'hl-cue' }, 'cue'), ' ',
          h('span', { class: 'hl-content' }, 'content'), ' ', h('span', { class: 'hl-quantity' }, 'quantity'), ' ',
          h('span', { class: 'hl-mention' }, 'entity mention'), ' — select a claim to mark its sentence'),
        text),
      h('aside', { class: 'side-panel' },
        h('h2', null, 'Claims (' + rec.claims.length + ')'),
        items.length ? h('ol', { class: 'claims doc-claims' }, items) : empty('No attributed claims found.'),
        quantities.length ? [h('h2', null, 'Quantities (' + quantities.length + ')'), h('ul', { class: 'quantities' }, quantities)] : null,
        entities.length ? [h('h2', null, 'Entities'), h('ul', { class: 'entities' }, entities)] : null));
    return { node, activate };
  }

  // ---------- analyse ----------

  async function viewAnalyse() {
    const writable = !!(app.info && app.info.writable);
    const input = h('textarea', { id: 'analyse-input', rows: 14, placeholder: 'Paste an article (plain text or an HTML page)…', 'aria-label': 'Article text', spellcheck: 'false' });
    const asHtml = h('input', { type: 'radio', name: 'fmt', value: 'html', id: 'fmt-html' });
    const asText = h('input', { type: 'radio', name: 'fmt', value: 'text', id: 'fmt-text', checked: true });
    const title = h('input', { type: 'text', id: 'an-title', placeholder: 'title (optional)', 'aria-label': 'Title' });
    const url = h('input', { type: 'text', id: 'an-url', placeholder: 'source URL (optional; not fetched)', 'aria-label': 'URL' });
    const date = h('input', { type: 'text', id: 'an-date', placeholder: 'YYYY-MM-DD (optional)', 'aria-label': 'Publication date' });
    const store = h('input', { type: 'checkbox', id: 'an-store', disabled: !writable });
    const token = h('input', { type: 'password', id: 'an-token', value: app.token, placeholder: 'write token', 'aria-label': 'Write token', autocomplete: 'off' });
    const out = h('div', { id: 'analyse-result' });
    const button = h('button', { type: 'submit', class: 'primary' }, 'Analyse');
    const form = h('form', { class: 'analyse' },
      h('div', { class: 'fmt' }, h('label', { for: 'fmt-text' }, asText, ' plain text'), ' ', h('label', { for: 'fmt-html' }, asHtml, ' HTML page')),
      input,
      h('div', { class: 'meta-fields' }, title, url, date),
      h('div', { class: 'store' },
        h('label', { for: 'an-store' }, store, ' add to the ledger'),
        writable ? token : h('span', { class: 'muted small' }, ' (the server is read-only: start it with --allow-write --token T)')),
      h('div', null, button, h('span', { class: 'muted small' }, ' Ctrl+Enter')));
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); } });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { [asHtml.checked ? 'html' : 'text']: input.value, store: store.checked };
      if (title.value.trim()) body.title = title.value.trim();
      if (url.value.trim()) body.url = url.value.trim();
      if (date.value.trim()) body.published = date.value.trim();
      if (store.checked) { app.token = token.value; sessionStorage.setItem('claimgraph-token', token.value); }
      button.disabled = true;
      out.replaceChildren(h('p', { class: 'muted' }, 'Analysing…'));
      try {
        const r = await api('/api/analyse', { body, token: store.checked ? token.value : null });
        const rec = r.record;
        const stored = r.stored;
        out.replaceChildren(
          h('p', { class: 'analyse-summary' }, rec.claims.length + ' claims, ' + rec.entities.length + ' entities, ' + rec.quantities.length + ' quantities in ' + Math.round(r.analysis_ms) + ' ms.',
            stored ? [' ', stored.added ? 'Added to the ledger' : 'Already in the ledger', ': ', h('a', { href: route('doc', rec.doc.id) }, 'open the stored document →')] : null),
          articleView(rec, { ledger: !!stored }).node);
        if (stored) refreshInfo();
      } catch (e) {
        out.replaceChildren(errorBox(e));
      } finally {
        button.disabled = false;
      }
    });
    return { node: [h('h1', null, 'Analyse a text'), form, out], after: () => input.focus() };
  }

  // ---------- router and keyboard ----------

  const views = {
    home: viewHome, search: viewSearch, entities: viewEntities, entity: viewEntity, conflicts: viewConflicts,
    documents: viewDocuments, doc: viewDoc, analyse: viewAnalyse,
  };

  async function render() {
    const gen = ++app.routeGen;
    const { view, arg, params } = parseHash();
    for (const a of document.querySelectorAll('nav a[data-view]')) {
      if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    }
    document.title = 'claimgraph workbench';
    // The search box shows the current search only, not the last one.
    if (view !== 'search' && document.activeElement !== searchInput) searchInput.value = '';
    const fn = views[view];
    main.setAttribute('aria-busy', 'true');
    let out;
    try {
      out = fn ? await fn(arg, params) : [h('h1', null, 'Not found'), empty('No such view.')];
    } catch (e) {
      out = errorBox(e);
    }
    if (gen !== app.routeGen) return;
    const node = out && out.node !== undefined ? out.node : out;
    main.replaceChildren();
    add(main, [node]);
    main.removeAttribute('aria-busy');
    main.dataset.view = view;
    window.scrollTo(0, 0);
    if (out && out.after) out.after();
    else if (document.activeElement === document.body || !document.activeElement) main.focus({ preventScroll: true });
    main.dataset.ready = String(gen);
  }

  function moveNav(step) {
    const items = [...main.querySelectorAll('[data-nav]')];
    if (!items.length) return;
    const cur = items.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
    const next = items[cur < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, cur + step))];
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('keydown', (ev) => {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    const typing = t instanceof Element && t.matches('input, textarea, select, [contenteditable]');
    if (ev.key === 'Escape') { if (typing) t.blur(); if (help.open) help.close(); return; }
    if (typing) return;
    const go = (hash) => { ev.preventDefault(); location.hash = hash; };
    switch (ev.key) {
      case '/': ev.preventDefault(); searchInput.focus(); searchInput.select(); break;
      case 'h': go('#/'); break;
      case 'c': go('#/conflicts'); break;
      case 'e': go('#/entities'); break;
      case 'd': go('#/documents'); break;
      case 'a': go('#/analyse'); break;
      case 'j': ev.preventDefault(); moveNav(1); break;
      case 'k': ev.preventDefault(); moveNav(-1); break;
      case '?': ev.preventDefault(); help.showModal(); break;
      case 'Enter': {
        const a = t instanceof Element && t.matches('[data-nav]') ? t.querySelector('a.source-link') || t.querySelector('a[href]') : null;
        if (a && t.tagName !== 'A') { ev.preventDefault(); a.click(); }
        break;
      }
      default:
    }
  });

  document.getElementById('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = searchInput.value.trim();
    if (v) location.hash = route('search', null, { q: v });
  });
  document.getElementById('help-button').addEventListener('click', () => help.showModal());
  document.getElementById('help-close').addEventListener('click', () => help.close());

  async function refreshInfo() {
    try {
      app.info = await api('/api/info');
      const s = app.info.stats;
      status.replaceChildren(h('span', null, 'Ledger: ' + [
        s.documents + ' documents', s.claims + ' claims', s.entities + ' entities', s.contradicts + ' contradictions',
      ].join(' · ') + ' · ' + (app.info.writable ? 'writable' : 'read-only') + ' · claimgraph ' + app.info.version));
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  }

  window.addEventListener('hashchange', render);
  // The first view waits for the ledger's figures a moment, not longer: on a
  // large ledger they take seconds the first time (then they are cached),
  // and the footer fills in when they come.
  let late = false;
  const info = refreshInfo();
  Promise.race([info, new Promise((resolve) => setTimeout(() => { late = true; resolve(); }, 400))]).then(render);
  info.then(() => { if (late && parseHash().view === 'home') render(); });
})();
