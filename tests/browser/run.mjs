// Real-browser quality gates for the built site: accessibility (axe-core, WCAG 2.2 A/AA),
// HTML validity (html-validate), right-to-left rendering, reading without JavaScript, page
// weight, Lighthouse scores, and screenshots for people to look at.
//
// Usage: node tests/browser/run.mjs <built site folder>   (see tests/browser/README.md)
// Ends with "browser: N passed, N failed"; exit code 1 if anything failed.

import { chromium } from 'playwright-core';
import { chartGates } from './charts.mjs';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { searchGates } from './search.mjs';
import { guideGates } from './guide.mjs';

const site = path.resolve(process.argv[2] ?? 'public');
const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, '../..');
const artifacts = path.join(repo, 'target', 'browser');
mkdirSync(path.join(artifacts, 'screenshots'), { recursive: true });
mkdirSync(path.join(artifacts, 'lighthouse'), { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

// ---------------------------------------------------------------- static server (loopback)
const types = { html: 'text/html; charset=utf-8', css: 'text/css', svg: 'image/svg+xml', png: 'image/png', woff2: 'font/woff2', json: 'application/json', js: 'text/javascript', csv: 'text/csv', xml: 'application/xml', xlsx: 'application/octet-stream', zip: 'application/zip', txt: 'text/plain' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let p;
  try { p = decodeURIComponent(url.pathname); } catch { p = '/'; }
  const base = p.startsWith('/__fixtures/') ? path.join(here, 'fixtures') : site;
  const rel = p.replace(/^\/__fixtures\//, '/');
  let file = path.join(base, rel);
  if (!file.startsWith(base)) file = '';
  if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file || !existsSync(file)) {
    const lang = p.startsWith('/ar/') ? 'ar' : 'fr';
    res.writeHead(404, { 'content-type': types.html });
    res.end(readFileSync(path.join(site, lang, '404.html')));
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file).slice(1)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------- pages under test
const kinds = { home: '', regime: 'regimes/tadamon/', coverage: 'coverage/', data: 'data/', report: 'reports/2025-02-council-briefing/', reports: 'reports/', notfound: '404.html', search: 'search/', az: 'a-z/', guide: 'guide/', 'guide-question': 'guide/pay/', 'guide-outcome': 'guide/tadamon/' };
const pages = [{ name: 'root', lang: 'ar', url: '/' }];
for (const lang of ['ar', 'fr']) for (const [name, slug] of Object.entries(kinds)) pages.push({ name, lang, url: `/${lang}/${slug}` });

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });

// axe skips colour contrast on Arabic text (it takes joined letters for an icon ligature);
// telling its font cache that no font is a ligature font restores the check.
const axeSource = readFileSync(path.join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');
const ligatureFix = "axe._cache.set('fonts', new Proxy({}, {get:(t,k)=>(t[k] ??= {occurrences:3, numLigatures:0})}))";
async function runAxe(page, fix = true) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async ([fixCode, useFix]) => {
    if (useFix) eval(fixCode);
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return {
      violations: r.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}× e.g. ${v.nodes[0]?.target?.join(' ')})`),
      incomplete: r.incomplete.map((v) => v.id),
    };
  }, [ligatureFix, fix]);
}

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const weights = [];

for (const p of pages) {
  const label = `${p.url} (${p.name})`;
  // Accessibility, weight and layout at phone width.
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    const type = r.headers()['content-type'] ?? '';
    if (/html|css|font/.test(type)) {
      try { bodies.push({ url: r.url(), size: gzipSize(await r.body()) }); } catch { /* aborted */ }
    }
  });
  await page.goto(origin + p.url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const a = await runAxe(page);
  check(`axe WCAG 2.2 A/AA ${label}`, a.violations.length === 0, a.violations.join('; '));
  if (a.incomplete.length) console.log(`     needs review: ${a.incomplete.join(', ')}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(`no horizontal overflow at 360 px ${label}`, overflow <= 0, `${overflow}px too wide`);
  const total = bodies.reduce((s, b) => s + b.size, 0);
  weights.push({ url: p.url, total });
  check(`page weight ≤ 50 KB gzip ${label}`, total <= 50 * 1024, `${(total / 1024).toFixed(1)} KB`);

  if (p.lang === 'ar') {
    const dir = await page.evaluate(() => getComputedStyle(document.documentElement).direction);
    check(`computed direction is rtl ${label}`, dir === 'rtl', dir);
    const nav = await page.evaluate(() => {
      const items = [...document.querySelectorAll('.main-nav li')].map((li) => li.getBoundingClientRect());
      return items.length ? { first: items[0].right, max: Math.max(...items.map((r) => r.right)) } : null;
    });
    if (nav) check(`navigation starts at the right edge ${label}`, Math.abs(nav.first - nav.max) < 1, JSON.stringify(nav));
  }
  // Keyboard: the skip link comes first and focus follows the source order.
  const order = await (async () => {
    const seen = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => {
        const el = document.activeElement;
        const all = [...document.querySelectorAll('*')];
        // Focus on the body means Tab went out to the browser's own controls.
        return { index: el === document.body ? -1 : all.indexOf(el), skip: el?.classList?.contains('skip-link') ?? false };
      }));
    }
    return seen;
  })();
  if (p.name !== 'root') check(`skip link is the first stop ${label}`, order[0].skip);
  // Up to the point where Tab wraps back to the first stop, each stop comes later in the source.
  const stops = order.filter((o) => o.index >= 0);
  const wrap = stops.findIndex((o, i) => i > 0 && o.index === stops[0].index);
  const run = wrap > 0 ? stops.slice(0, wrap) : stops;
  check(`focus order follows the source ${label}`, run.every((o, i) => i === 0 || o.index > run[i - 1].index), JSON.stringify(order.map((o) => o.index)));
  await context.close();

  // Without JavaScript: everything readable, every download present.
  const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const np = await nojs.newPage();
  await np.goto(origin + p.url);
  const r = await np.evaluate(() => ({ h1: document.querySelector('h1')?.innerText?.length ?? 0, charts: document.querySelectorAll('figure.chart').length, downloads: document.querySelectorAll('figure.chart a[download]').length, text: document.body.innerText.length }));
  check(`readable without JavaScript ${label}`, r.h1 > 0 && r.text > 200, JSON.stringify(r));
  if (r.charts && p.name !== 'report') check(`chart downloads present without JavaScript ${label}`, r.downloads >= r.charts * 5, JSON.stringify(r));
  await nojs.close();
}

// Latin runs and percentages inside Arabic keep their order on screen.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/ar/`);
  const order = await page.evaluate(() => {
    const rectOf = (node, start, end) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end); return r.getBoundingClientRect(); };
    const textNode = (el, needle) => [...el.childNodes].find((n) => n.nodeType === 3 && n.data.includes(needle));
    // "Aujourd'hui le Maroc" in an Arabic source list: its words run left to right.
    const latin = [...document.querySelectorAll('span[dir=ltr][lang=fr]')].find((s) => s.textContent.includes(' le '));
    const ln = latin && textNode(latin, ' le ');
    const i = ln ? ln.data.indexOf(' le ') : -1;
    const latinOk = ln ? rectOf(ln, 0, 1).left < rectOf(ln, i + 1, i + 3).left : null;
    // "87 %" on the Arabic home page: the sign stays after the digits, on their right.
    const pct = [...document.querySelectorAll('data')].find((d) => d.textContent.includes('%'));
    const pn = pct && textNode(pct, '%');
    const k = pn ? pn.data.indexOf('%') : -1;
    const pctOk = pn ? rectOf(pn, k, k + 1).left > rectOf(pn, 0, 1).left : null;
    return { latinOk, pctOk };
  });
  check('Latin words inside Arabic keep their left-to-right order', order.latinOk === true, JSON.stringify(order));
  check('a percentage inside Arabic keeps its sign after the digits', order.pctOk === true, JSON.stringify(order));
  await context.close();
}

// The Arabic contrast trap: a deliberately faint Arabic page must fail (with the fix), and
// shows what axe alone would have missed.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/__fixtures/bad-ar.html`);
  const fixed = await runAxe(page, true);
  check('axe finds low-contrast Arabic text (ligature workaround active)', fixed.violations.some((v) => v.startsWith('color-contrast')), fixed.violations.join('; '));
  await page.reload();
  const plain = await runAxe(page, false);
  console.log(`     without the workaround axe reports: ${plain.violations.length ? plain.violations.join('; ') : 'nothing'}`);
  await context.close();
}

// Search: normaliser in the browser, the query table, keyboard, live region, bytes, A–Z.
await searchGates({ browser, origin, site, check, runAxe });
// The guide: one path by keyboard in each language, axe on every guide page, light and dark.
await guideGates({ browser, origin, site, check, runAxe });
// Every chart: text size, overlap and layout at 360 and 1280 px, light and dark; axe in dark
// mode; a screenshot of each chart.
await chartGates({ browser, origin, site, artifacts, check, runAxe, pages });

// Screenshots for people: home, a regime, a report, both languages, phone and desktop.
for (const lang of ['ar', 'fr']) {
  for (const [name, slug] of [['home', ''], ['regime', 'regimes/tadamon/'], ['report', 'reports/2025-02-council-briefing/'], ['search', 'search/?q=' + (lang === 'ar' ? '%D8%AA%D8%B6%D8%A7%D9%85%D9%86' : 'remboursement')]]) {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${origin}/${lang}/${slug}`);
      if (name === 'search') await page.waitForSelector('#search-results li');
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(artifacts, 'screenshots', `${name}-${lang}-${width}.png`), fullPage: true });
      await context.close();
    }
  }
}
await browser.close();
const heaviest = weights.sort((a, b) => b.total - a.total)[0];
console.log(`     heaviest page: ${heaviest.url} at ${(heaviest.total / 1024).toFixed(1)} KB gzip (HTML + CSS + fonts, inline SVG included)`);

// HTML validity of every built page.
{
  const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());
  const files = [];
  const walk = (dir) => { for (const f of readdirSync(dir)) { const p = path.join(dir, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.html')) files.push(p); } };
  walk(site);
  let errors = 0;
  for (const f of files) {
    const report = await htmlvalidate.validateFile(f);
    for (const r of report.results) for (const m of r.messages) if (m.severity === 2) { errors++; console.log(`     ${path.relative(site, f)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`); }
  }
  check(`html-validate: 0 errors on ${files.length} pages`, errors === 0, `${errors} errors`);
}

// Lighthouse on the pages citizens land on. It never fails by itself: scores are asserted.
// The performance score varies from run to run on a shared machine (Lighthouse's own advice
// is the median of five runs): a score within 0.03 of its floor is measured four more times,
// and the median of the five is asserted. The other categories do not vary.
//
// The CPU slowdown is calibrated to the host, as Lighthouse's docs/throttling.md advises: its
// default 4x turns a high-end desktop (benchmarkIndex 1500-2000) into the mid-tier phone it
// scores against, and on a slower host the same 4x scores a slower phone than that. The
// multiplier is 4 x benchmarkIndex / 1750 (the middle of that bracket), between 1 and 4, from
// the host's benchmarkIndex measured by a first run; CI machines measured 790-1005 (1.8-2.3x).
const floors = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };
let cpuSlowdown = 4;
const lighthouse = async (url, out) => {
  // Lighthouse splits --chrome-flags on spaces: quote the value, not the whole flag.
  // Paint holding is off: in headless Chromium it held the first frame of a page that had
  // finished loading for a whole 1.0 s or 2.0 s in about half the runs (observed first paint
  // 0.2, 1.2 or 2.3 s; load at 0.1-0.4 s), which Lighthouse reads as speed index. With it off,
  // none of 16 runs on the four pages below was held (first paint at 0.22-0.46 s). Paint
  // holding keeps the previous page on screen during a same-site navigation; a Lighthouse run
  // has no previous page to keep, so it only delayed the measurement.
  const chromeFlags = [...flags, '--disable-features=PaintHolding', `--user-data-dir=${mkdtempSync(path.join(os.tmpdir(), 'lh-'))}`].map((f) => (f.includes(' ') ? f.replace('=', '="') + '"' : f)).join(' ');
  // Asynchronous on purpose: the pages are served by this very process.
  const run = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repo, 'node_modules/lighthouse/cli/index.js'), origin + url, '--quiet', `--chrome-flags=${chromeFlags}`, '--only-categories=performance,accessibility,best-practices,seo', '--output=json', `--output-path=${out}`, `--throttling.cpuSlowdownMultiplier=${cpuSlowdown}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stderr }); });
  });
  if (run.status !== 0 || !existsSync(out)) return { error: run.stderr?.slice(-400) };
  return { lhr: JSON.parse(readFileSync(out, 'utf8')) };
};
if (!process.env.SKIP_LIGHTHOUSE) {
  const probe = await lighthouse('/fr/', path.join(artifacts, 'lighthouse', 'calibration.json'));
  const index = probe.lhr?.environment?.benchmarkIndex;
  check('lighthouse measured the host CPU (benchmarkIndex)', Number.isFinite(index), probe.error ?? '');
  if (Number.isFinite(index)) cpuSlowdown = Math.round(Math.min(4, Math.max(1, (4 * index) / 1750)) * 10) / 10;
  console.log(`     lighthouse: host benchmarkIndex ${index}, CPU slowdown ${cpuSlowdown}x`);
}
for (const url of process.env.SKIP_LIGHTHOUSE ? [] : ['/ar/', '/fr/', '/fr/regimes/tadamon/', '/ar/reports/2025-02-council-briefing/']) {
  const name = url.replace(/\//g, '_').replace(/^_|_$/g, '') || 'root';
  const out = path.join(artifacts, 'lighthouse', `${name}.json`);
  const first = await lighthouse(url, out);
  if (!first.lhr) { check(`lighthouse ran on ${url}`, false, first.error); continue; }
  const lhr = first.lhr;
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, v.score]));
  const performance = [scores.performance];
  if (scores.performance < floors.performance + 0.03) {
    for (const k of [2, 3, 4, 5]) {
      const again = await lighthouse(url, out.replace(/\.json$/, `.run${k}.json`));
      if (again.lhr) performance.push(again.lhr.categories.performance.score);
    }
    performance.sort((a, b) => a - b);
    scores.performance = performance[Math.floor(performance.length / 2)];
  }
  for (const [cat, floor] of Object.entries(floors)) {
    const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && lhr.categories[cat].auditRefs.some((r) => r.id === a.id && r.weight > 0)).map((a) => a.id);
    const runs = cat === 'performance' && performance.length > 1 ? ` (median of ${performance.join(', ')})` : '';
    check(`lighthouse ${cat} ≥ ${floor} on ${url}`, scores[cat] >= floor, `${scores[cat]}${runs}${failing.length ? ` (${failing.join(', ')})` : ''}`);
  }
}

server.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
