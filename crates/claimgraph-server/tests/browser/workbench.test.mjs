// Browser tests of the claimgraph workbench, in Debian's headless Chromium
// driven by playwright-core. Run by `cargo test -p claimgraph-server --test
// browser`, which builds a ledger with the seed article and the hostile
// fixtures, starts the server and passes:
//   WORKBENCH_URL    the server's base URL
//   WORKBENCH_TOKEN  its write token
//   SEED_TEXT        path of the seed article (pasted into the analyse box)
//   SCREENSHOTS      directory for the screenshots (optional)
//   CHROMIUM         the browser (default /usr/bin/chromium)
// Prints one line `RESULT {json}` and exits non-zero when a check fails.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.WORKBENCH_URL;
const token = process.env.WORKBENCH_TOKEN;
const shots = process.env.SCREENSHOTS || '';
const seedText = readFileSync(process.env.SEED_TEXT, 'utf8');
if (!base || !token) throw new Error('WORKBENCH_URL and WORKBENCH_TOKEN are required');
if (shots) mkdirSync(shots, { recursive: true });

const results = {};
const failures = [];
function check(name, ok, detail) {
  results[name] = { ok: !!ok, detail };
  if (!ok) failures.push(name);
  console.error((ok ? 'ok   ' : 'FAIL ') + name + (detail === undefined ? '' : ' ' + JSON.stringify(detail)));
}

// Flags known to work on this machine: no background or update traffic
// (the network is closed), no sandbox (root in a container).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const VIEWPORT = { width: 1366, height: 850 };

/** A page that records everything a hostile article could make happen. */
async function watchedPage(contextOptions) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...contextOptions });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const page = await context.newPage();
  const log = { dialogs: [], errors: [], external: [], console: [] };
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') log.console.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(base)) log.external.push(r.url()); });
  return { context, page, log };
}

/** Goes to an in-app route and waits until the view has rendered. */
async function nav(page, hash, view) {
  // The same route again fires no hashchange: leave it first.
  if (page.url().startsWith(base) && (await page.evaluate(() => location.hash)) === hash) await nav(page, '#/', 'home');
  const before = page.url().startsWith(base) ? await page.evaluate(() => document.querySelector('main').dataset.ready || '') : null;
  if (before === null) await page.goto(base + '/' + hash);
  else await page.evaluate((h) => { location.hash = h; }, hash);
  await waitView(page, view, before);
}

async function waitView(page, view, before) {
  await page.waitForFunction(([b, v]) => {
    const m = document.querySelector('main');
    return m && m.dataset.ready && m.dataset.ready !== b && m.dataset.view === v;
  }, [before || '', view], { timeout: 20000 });
}

async function shot(page, name, options) {
  if (shots) await page.screenshot({ path: join(shots, name + '.png'), ...options });
}

const api = async (page, path) => page.evaluate(async (p) => (await fetch(p)).json(), path);

// ---------- 1. First load: size and origin of everything transferred ----------
{
  const { context, page, log } = await watchedPage();
  const sizes = [];
  page.on('requestfinished', async (r) => {
    const s = await r.sizes().catch(() => null);
    if (s) sizes.push({ url: r.url(), bytes: s.responseBodySize + s.responseHeadersSize });
  });
  await page.goto(base + '/');
  await waitView(page, 'home', '');
  await page.waitForLoadState('networkidle');
  const total = sizes.reduce((a, s) => a + s.bytes, 0);
  check('first load transfers < 200 KB', total > 0 && total < 200 * 1024, { bytes: total, requests: sizes.length });
  results.first_load = { bytes: total, requests: sizes.map((s) => [new URL(s.url).pathname + new URL(s.url).search, s.bytes]) };
  check('no external requests', log.external.length === 0, log.external);
  check('no script errors on load', log.errors.length === 0 && log.console.length === 0, log.errors.concat(log.console));
  await shot(page, 'home');
  await context.close();
}

// ---------- 2. Entity page of the Iranian foreign minister, reached by search ----------
const { context, page, log } = await watchedPage();
{
  await page.goto(base + '/');
  await waitView(page, 'home', '');
  await page.keyboard.press('/');
  check('/ focuses the search box', await page.evaluate(() => document.activeElement && document.activeElement.id === 'q'));
  await page.keyboard.type('Abdullahian');
  let before = await page.evaluate(() => document.querySelector('main').dataset.ready);
  await page.keyboard.press('Enter');
  await waitView(page, 'search', before);
  await shot(page, 'search');
  before = await page.evaluate(() => document.querySelector('main').dataset.ready);
  await page.getByRole('link', { name: /Amirabadollahian/ }).first().click();
  await waitView(page, 'entity', before);
  const aliases = await page.$$eval('#aliases tr.alias', (rows) => rows.map((r) => [r.querySelector('.alias-name').textContent, Number(r.querySelector('.alias-count').textContent)]));
  results.entity_aliases = aliases;
  for (const spelling of ['Amirabadollahian', 'Amir Abdullahian', 'Amir Abdollahian']) {
    check('entity page lists spelling ' + spelling, aliases.some(([a, n]) => a.includes(spelling) && n >= 1), aliases);
  }
  const sections = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent));
  check('entity page has spellings, timeline, contradictions, claims by and about',
    ['Spellings', 'Timeline', 'Contradictions', 'Claims by', 'Claims about'].every((s) => sections.some((t) => t.startsWith(s))), sections);
  check('entity page shows its contradictions', (await page.locator('main .pair.rel-contradicts').count()) > 0);
  await shot(page, 'entity');
}

// ---------- 3. Conflicts view: Budanov's 1,700 drones against a denial ----------
let budanovPair = null;
{
  await nav(page, '#/conflicts', 'conflicts');
  budanovPair = await page.evaluate(() => {
    const side = (el) => ({
      who: el.querySelector('.who').textContent,
      stance: el.querySelector('.badge').textContent,
      date: el.querySelector('.date').textContent,
      outlet: el.querySelector('.outlet').textContent,
      content: el.querySelector('.content').textContent,
      link: el.querySelector('a.source-link') && el.querySelector('a.source-link').getAttribute('href'),
    });
    for (const [i, pair] of [...document.querySelectorAll('.pair')].entries()) {
      const sides = [...pair.querySelectorAll('.side')].map(side);
      const claim = sides.find((s) => s.who.includes('Budanov') && s.content.includes('1,700') && s.stance === 'affirms');
      const denial = sides.find((s) => s.stance === 'denies');
      if (claim && denial) {
        pair.id = 'budanov-pair';
        return { index: i, proposition: pair.querySelector('.prop').textContent, claim, denial };
      }
    }
    return null;
  });
  check('conflicts view pairs Budanov’s 1,700 drones with a denial', budanovPair !== null, budanovPair);
  if (budanovPair) {
    const { claim, denial } = budanovPair;
    check('each side shows speaker, stance, date, outlet and a link to its sentence',
      [claim, denial].every((s) => s.who && s.stance && s.date && s.outlet && /^#\/doc\/[0-9a-f]{16}\?claim=/.test(s.link)), budanovPair);
    await page.locator('#budanov-pair').scrollIntoViewIfNeeded();
    // Follow the link to the source sentence.
    const before = await page.evaluate(() => document.querySelector('main').dataset.ready);
    await page.locator('#budanov-pair .side').filter({ hasText: '1,700' }).locator('a.source-link').click();
    await waitView(page, 'doc', before);
    const active = await page.evaluate(() => ({
      text: [...document.querySelectorAll('#article-text .active.hl-content')].map((e) => e.textContent).join(''),
      sentence: [...document.querySelectorAll('#article-text .active-sentence')].map((e) => e.textContent).join(''),
      item: (document.querySelector('.doc-claims .claim.active .content') || {}).textContent,
    }));
    check('the source link opens the article with the claim’s sentence marked',
      active.text.includes('1,700 Shahid suicide drones') && active.sentence.includes('Budanov continued') && active.item.includes('1,700'), active);
    // The colour legend at the top, the marked sentence below it.
    await page.evaluate(() => {
      const legend = document.querySelector('main .legend');
      const header = document.querySelector('header.top').getBoundingClientRect().height;
      window.scrollTo(0, legend.getBoundingClientRect().top + window.scrollY - header - 48);
    });
    await shot(page, 'article');
    // Screenshot of the conflicts view: Budanov's (filtered by his entity),
    // from the top of the view down to his 1,700-drones pair.
    if (shots) {
      const ents = await api(page, '/api/entities?q=Budanov');
      if (ents.length) {
        await nav(page, '#/conflicts?entity=' + encodeURIComponent(ents[0].name), 'conflicts');
        const bottom = await page.evaluate(() => {
          const pair = [...document.querySelectorAll('.pair')].find((p) => p.textContent.includes('1,700'));
          return pair ? pair.getBoundingClientRect().bottom + window.scrollY + 16 : 850;
        });
        await shot(page, 'conflicts', { fullPage: true, clip: { x: 0, y: 0, width: VIEWPORT.width, height: Math.max(VIEWPORT.height, bottom) } });
      }
    }
  }
}

// ---------- 4. Article view: spans at the right characters ----------
/** Compares every highlighted span in the DOM with the API's code-point offsets. */
async function checkSpans(docId) {
  return page.evaluate(async (id) => {
    const rec = await (await fetch('/api/documents/' + id)).json();
    const root = document.getElementById('article-text');
    const seen = new Map();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let cp = 0;
    while (walker.nextNode()) {
      const t = walker.currentNode;
      const el = t.parentElement;
      if (el !== root && el.dataset.spans) {
        for (const key of el.dataset.spans.split(' ')) {
          const s = seen.get(key) || { start: cp, text: '', classes: new Set() };
          s.text += t.data;
          el.classList.forEach((c) => s.classes.add(c));
          seen.set(key, s);
        }
      }
      cp += Array.from(t.data).length;
    }
    const expected = [];
    for (const c of rec.claims) {
      if (c.speaker.start !== null && c.speaker.start !== undefined) expected.push([c.id + ':speaker', 'hl-speaker', c.speaker]);
      expected.push([c.id + ':cue', 'hl-cue', c.cue]);
      const parts = c.content.parts && c.content.parts.length ? c.content.parts : [c.content];
      parts.forEach((p, i) => expected.push([c.id + ':content' + (parts.length > 1 ? '.' + i : ''), 'hl-content', p]));
    }
    rec.quantities.forEach((q, i) => expected.push(['q' + i, 'hl-quantity', q]));
    const wrong = [];
    let astral = 0;
    for (const [key, cls, span] of expected) {
      const got = seen.get(key);
      const want = Array.from(rec.doc.text).slice(span.start, span.end).join('');
      if (!got || got.start !== span.start || got.text !== want || got.text !== span.text || !got.classes.has(cls)) {
        wrong.push({ key, want: [span.start, span.text], got: got && [got.start, got.text] });
      }
      // A span whose UTF-16 index differs from its code-point index: the
      // case that breaks naive string slicing.
      if (Array.from(rec.doc.text).slice(0, span.start).join('').length !== span.start) astral++;
    }
    return { doc: id, spans: expected.length, wrong, astral, whole_text: root.textContent === rec.doc.text };
  }, docId);
}
{
  const docs = await api(page, '/api/documents');
  const report = [];
  for (const d of docs) {
    await nav(page, '#/doc/' + d.id, 'doc');
    report.push(await checkSpans(d.id));
  }
  results.spans = report;
  check('article view renders the exact text', report.every((r) => r.whole_text), report.map((r) => r.whole_text));
  check('every speaker, cue, content and quantity is highlighted at its code-point offsets',
    report.every((r) => r.wrong.length === 0) && report.reduce((a, r) => a + r.spans, 0) >= 40,
    report.map((r) => ({ doc: r.doc, spans: r.spans, wrong: r.wrong.slice(0, 3) })));
  check('offsets after astral-plane characters are right too', report.some((r) => r.astral > 0 && r.wrong.length === 0), report.map((r) => r.astral));
  const colours = await page.$$eval('.legend > span', (els) => els.slice(0, 4).map((e) => getComputedStyle(e).backgroundColor));
  check('speaker, cue, content and quantity have distinct colours', new Set(colours).size === 4, colours);
  // j/k walk the claims; the focused claim is marked in the text.
  await page.locator('main h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const focused = await page.evaluate(() => {
    const li = document.activeElement;
    return { claim: li && li.dataset.claim, marked: document.querySelectorAll('#article-text .active').length };
  });
  check('j moves through the claims and marks each in the text', !!focused.claim && focused.marked > 0, focused);
}

// ---------- 5. Analyse box ----------
{
  await nav(page, '#/analyse', 'analyse');
  await page.fill('#analyse-input', seedText);
  await page.focus('#analyse-input');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.analyse-summary', { timeout: 60000 });
  const summary = await page.textContent('.analyse-summary');
  const n = await page.locator('#analyse-result .doc-claims .claim').count();
  check('analyse box shows the pasted article’s claims at once', n >= 8 && /claims/.test(summary), { claims: n, summary });
  // The pasted text (from its start), the summary and the first claims in
  // one view.
  await page.evaluate(() => {
    const input = document.getElementById('analyse-input');
    input.blur();
    input.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  await shot(page, 'analyse');
}
check('no script errors while using the workbench', log.errors.length === 0, log.errors);
await context.close();

// ---------- 6. Hostile articles run nothing ----------
const hostileHtml = `<html><head><title>Hostile <script>window.__pwned='head-title'</script></title>
<script>window.__pwned='head'</script><meta http-equiv="refresh" content="0;url=javascript:window.__pwned='meta'"></head>
<body onload="window.__pwned='body'"><article><h1>Dam <img src=x onerror="window.__pwned='h1'"></h1>
<p>The mayor, Ann Lee, said on Tuesday that the dam <b onmouseover="window.__pwned='b'">had not broken</b>.</p>
<p><a href="javascript:window.__pwned='a'">Read more</a> <iframe src="javascript:window.__pwned='iframe'"></iframe>
<svg><script>window.__pwned='svg'</script></svg><object data="javascript:window.__pwned='object'"></object></p>
<p>"We will &lt;script&gt;window.__pwned='entity'&lt;/script&gt; rebuild it," Lee said.</p></article></body></html>`;
const hostileText = `"We reject <img src=x onerror="window.__pwned='paste'"> and <script>window.__pwned='paste2'</script> all of it," said the mayor, Ann Lee. 🚀`;

async function hostileChecks(label, contextOptions, store) {
  const { context, page, log } = await watchedPage(contextOptions);
  const problems = [];
  async function inspect(where) {
    const r = await page.evaluate(() => {
      const main = document.querySelector('main');
      const bad = [...main.querySelectorAll('script, iframe, img, svg, object, embed, meta, link, base, form[action]')].map((e) => e.tagName);
      const onAttrs = [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + '@' + a.name));
      const jsLinks = [...document.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') || e.getAttribute('src')).filter((u) => /^\s*(javascript|data|vbscript):/i.test(u));
      return { pwned: window.__pwned === undefined ? null : String(window.__pwned), bad, onAttrs, jsLinks, csp: window.__csp.slice() };
    });
    if (r.pwned !== null || r.bad.length || r.onAttrs.length || r.jsLinks.length || r.csp.length) problems.push({ where, ...r });
    return r;
  }
  await page.goto(base + '/');
  await waitView(page, 'home', '');
  await inspect('home');
  const docs = await api(page, '/api/documents');
  const hostileDocs = docs.filter((d) => /pwned/.test(d.title + ' ' + d.source));
  let shown = false;
  for (const [hash, view] of [['#/conflicts', 'conflicts'], ['#/search?q=tanks', 'search'], ['#/search?q=script%20pwned', 'search'],
    ['#/documents', 'documents'], ['#/entities', 'entities'], ['#/search?q=Firefly', 'search'], ['#/search?q=Trentino', 'search']]) {
    await nav(page, hash, view);
    await inspect(hash);
  }
  for (const d of hostileDocs) {
    await nav(page, '#/doc/' + d.id, 'doc');
    // Hover and click over the text where the markup is written.
    for (const el of await page.locator('#article-text span').all()) {
      const t = await el.textContent();
      if (/onmouseover|onerror|javascript:/.test(t)) { await el.hover(); await el.click(); }
    }
    const r = await inspect('doc ' + d.id);
    const visible = await page.evaluate(() => document.getElementById('article-text').textContent);
    if (!/<script>window\.__pwned|<svg onload|<img src=x onerror/.test(visible) && !/<a href="javascript:/.test(visible)) {
      problems.push({ where: 'doc ' + d.id, error: 'the markup is not shown as text', visible: visible.slice(0, 200) });
    }
    if (!shown && label === 'with CSP' && shots) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'hostile');
      shown = true;
    }
    void r;
  }
  for (const name of ['Firefly', 'Trentino']) {
    const ents = await api(page, '/api/entities?q=' + name);
    if (ents.length) {
      await nav(page, '#/entity/' + ents[0].id, 'entity');
      await inspect('entity ' + name);
    }
  }
  // The analyse box: an HTML page, then text with markup, optionally stored.
  for (const [fmt, body] of [['html', hostileHtml], ['text', hostileText]]) {
    await nav(page, '#/analyse', 'analyse');
    await page.fill('#analyse-input', body);
    await page.check(fmt === 'html' ? '#fmt-html' : '#fmt-text');
    if (store && fmt === 'text') {
      await page.check('#an-store');
      await page.fill('#an-token', token);
    }
    await page.click('form.analyse button[type=submit]');
    await page.waitForSelector('.analyse-summary, #analyse-result .error', { timeout: 60000 });
    await inspect('analyse ' + fmt);
    if (store && fmt === 'text') {
      const link = page.locator('.analyse-summary a');
      if (await link.count()) {
        const before = await page.evaluate(() => document.querySelector('main').dataset.ready);
        await link.click();
        await waitView(page, 'doc', before);
        await inspect('stored paste');
      } else {
        problems.push({ where: 'analyse store', error: await page.textContent('#analyse-result') });
      }
    }
  }
  await page.waitForTimeout(300);
  await inspect('end');
  check('hostile articles run nothing (' + label + ')', problems.length === 0 && log.dialogs.length === 0 && log.errors.length === 0,
    { problems: problems.slice(0, 5), dialogs: log.dialogs, errors: log.errors, hostile_documents: hostileDocs.length });
  check('hostile articles were really visited (' + label + ')', hostileDocs.length >= 2, hostileDocs.length);
  await context.close();
}
await hostileChecks('with CSP', {}, true);
// The same without the Content-Security-Policy: the escaping alone must hold.
await hostileChecks('escaping alone, CSP bypassed', { bypassCSP: true }, false);

await browser.close();
console.log('RESULT ' + JSON.stringify({ ok: failures.length === 0, failures, results }));
process.exit(failures.length === 0 ? 0 : 1);
