// Search gates, run by run.mjs in the same Chromium: the generated normaliser on every case
// of search-cases.json, the query table (the URL each query must return first, on both
// search pages), keyboard-only use and the live region, highlighted snippets, axe with
// results on screen, the bytes a fresh visitor downloads for three queries, the header box
// without JavaScript, and the A–Z page linking every page and indicator without JavaScript.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);
const cases = JSON.parse(readFileSync(path.join(here, 'search-cases.json'), 'utf8'));

// Opens a search page with a query in the URL and waits for the answer in the live region.
async function ask(page, origin, lang, q) {
  await page.goto(`${origin}/${lang}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status');
    const root = document.getElementById('search');
    return s && root && s.textContent && s.textContent !== root.dataset.loading;
  }, null, { timeout: 10_000 });
  return page.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    hrefs: [...document.querySelectorAll('#search-results > li > a')].map((a) => a.getAttribute('href')),
    marks: [...document.querySelectorAll('#search-results > li:first-child mark')].map((m) => m.textContent),
    kind: document.querySelector('#search-results > li:first-child .kind')?.textContent ?? '',
  }));
}

export async function searchGates({ browser, origin, site, check, runAxe }) {
  const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

  // The browser-side normaliser on every case, in Chromium.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/fr/search/`);
    const got = await page.evaluate((inputs) => inputs.map((s) => window.AmoNormalise.normalise(s)), cases.normalise.map((c) => c[0]));
    const wrong = cases.normalise.filter((c, i) => got[i] !== c[1]).map((c, i) => `${JSON.stringify(c[0])} → ${JSON.stringify(got[i])}`);
    check(`browser normaliser: ${cases.normalise.length} cases of section 7 and French folds`, wrong.length === 0, wrong.join('; '));
    await context.close();
  }

  // The query table, on both search pages.
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  for (const { lang, q, first } of cases.queries) {
    const r = await ask(page, origin, lang, q);
    check(`search /${lang}/search/ «${q}» returns ${first} first`, r.hrefs[0] === first, `${r.status}: ${r.hrefs.slice(0, 3).join(' ')}`);
    check(`search «${q}»: count announced, kind shown, words highlighted`, /\d|واحدة|نتيجتان/.test(r.status) && r.kind.length > 0 && r.marks.length > 0, JSON.stringify({ status: r.status, kind: r.kind, marks: r.marks }));
  }
  const none = await ask(page, origin, 'fr', 'zzzqqq');
  check('search with no result says so in the live region', none.hrefs.length === 0 && none.status.includes('zzzqqq'), none.status);
  const a = await runAxe(page);
  check('axe WCAG 2.2 A/AA /fr/search/ with a message shown', a.violations.length === 0, a.violations.join('; '));
  await ask(page, origin, 'ar', 'التامين الاجباري');
  const b = await runAxe(page);
  check('axe WCAG 2.2 A/AA /ar/search/ with results shown', b.violations.length === 0, b.violations.join('; '));
  await context.close();

  // Keyboard only: Tab to the box, type, Enter, Tab to the first result, Enter opens it.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/ar/search/`);
    let tabs = 0;
    while (tabs < 20 && !(await page.evaluate(() => document.activeElement?.id === 'search-q'))) { await page.keyboard.press('Tab'); tabs++; }
    await page.keyboard.type('تضامن');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 10_000 });
    const live = await page.evaluate(() => { const s = document.getElementById('search-status'); return { role: s.getAttribute('role'), text: s.textContent, n: document.querySelectorAll('#search-results li').length }; });
    let steps = 0;
    while (steps < 6 && !(await page.evaluate(() => !!document.activeElement?.closest('#search-results')))) { await page.keyboard.press('Tab'); steps++; }
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await Promise.all([page.waitForURL((u) => u.pathname === href), page.keyboard.press('Enter')]);
    check('keyboard only: Tab to the box, type, Enter, Tab to the first result, Enter opens it', tabs < 20 && href === '/ar/regimes/tadamon/' && new URL(page.url()).pathname === href, JSON.stringify({ tabs, steps, href, url: page.url() }));
    check('the result count is announced in a live region', live.role === 'status' && live.text.length > 0 && live.n > 0, JSON.stringify(live));
    await context.close();
  }

  // Bytes a fresh visitor downloads (page, CSS, font, scripts, index chunks), gzip.
  const measured = [];
  for (const [lang, q] of [['fr', 'tadamon'], ['ar', 'التامين الاجباري'], ['fr', '24,7']]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (r) => { try { bodies.push({ url: r.url(), size: gzip(await r.body()) }); } catch { /* aborted */ } });
    await ask(page, origin, lang, q);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState('networkidle');
    const total = bodies.reduce((s, x) => s + x.size, 0);
    const index = bodies.filter((x) => x.url.includes('/search/')).reduce((s, x) => s + x.size, 0);
    measured.push(`«${q}» on /${lang}/search/: ${(total / 1024).toFixed(1)} KB gzip (${bodies.length} files, index and scripts ${(index / 1024).toFixed(1)} KB)`);
    check(`fresh visitor downloads ≤ 100 KB gzip for «${q}»`, total <= 100 * 1024, `${(total / 1024).toFixed(1)} KB`);
    await context.close();
  }
  measured.forEach((m) => console.log(`     ${m}`));
  for (const lang of ['ar', 'fr']) {
    const dir = path.join(site, 'search', lang);
    const files = [];
    const walk = (d) => { for (const f of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, f.name); if (f.isDirectory()) walk(p); else files.push(p); } };
    walk(dir);
    const raw = files.reduce((s, f) => s + readFileSync(f).length, 0);
    const gz = files.reduce((s, f) => s + gzip(readFileSync(f)), 0);
    console.log(`     index /search/${lang}/: ${files.length} files, ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip file by file`);
  }

  // Without JavaScript: the header box leads to the search page, which links the A–Z page;
  // the A–Z page links every page of the sitemap and every indicator.
  const sitemap = readFileSync(path.join(site, 'sitemap.xml'), 'utf8');
  const indicators = readdirSync(path.join(site, 'data', 'indicators')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  for (const lang of ['ar', 'fr']) {
    const nojs = await browser.newContext({ javaScriptEnabled: false });
    const page = await nojs.newPage();
    await page.goto(`${origin}/${lang}/coverage/`);
    await page.fill('#site-search-q', lang === 'ar' ? 'تضامن' : 'tadamon');
    await Promise.all([page.waitForURL((u) => u.pathname === `/${lang}/search/`), page.press('#site-search-q', 'Enter')]);
    const az = await page.evaluate((href) => !!document.querySelector(`main a[href="${href}"]`), `/${lang}/a-z/`);
    check(`without JavaScript the header search leads to /${lang}/search/, which links the A–Z page`, az && page.url().includes('q='), page.url());
    await page.goto(`${origin}/${lang}/a-z/`);
    const links = new Set(await page.evaluate(() => [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href'))));
    const pages = [...sitemap.matchAll(/<loc>[^<]*?(\/[a-z]{2}\/[^<]*)<\/loc>/g)].map((m) => m[1]).filter((u) => u.startsWith(`/${lang}/`));
    const missing = pages.filter((u) => !links.has(u)).concat(indicators.map((id) => `/${lang}/data/#indicator-${id}`).filter((u) => !links.has(u)));
    check(`A–Z /${lang}/a-z/ links all ${pages.length} pages and ${indicators.length} indicators without JavaScript`, pages.length > 10 && missing.length === 0, missing.join(' '));
    await nojs.close();
  }
}
