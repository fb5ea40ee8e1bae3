// Chart gates: every chart of the built site, in both languages, at 360 and 1280 px, light
// and dark: each visible text renders at ≥ 12 CSS px (font size × the SVG's scale), no two
// text boxes overlap, no text leaves its drawing, and the layout CSS shows is the narrow one
// at 360 px and the wide one at 1280 px. Also: axe in dark mode, and screenshots of every
// chart at both widths for people to look at.

import { readdirSync, statSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MIN_PX = 12;

// Every built page that holds a chart, as a URL path.
function chartPages(site) {
  const out = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.html') && readFileSync(p, 'utf8').includes('<figure class="chart"')) {
        out.push('/' + path.relative(site, p).replace(/index\.html$/, ''));
      }
    }
  };
  walk(site);
  return out;
}

// Runs in the page: measures the shown drawing of every chart.
function measure() {
  const charts = [];
  for (const fig of document.querySelectorAll('figure.chart')) {
    const shown = [...fig.querySelectorAll('.chart-canvas svg')].filter((s) => getComputedStyle(s).display !== 'none');
    const layouts = shown.map((s) => (s.classList.contains('chart-wide') ? 'wide' : 'narrow'));
    let minPx = Infinity;
    let smallest = '';
    const problems = [];
    for (const svg of shown) {
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim());
      // A text box: its rendered width, and one em of height centred on its glyph box (the
      // Arabic font's tall line box would otherwise make stacked lines "overlap").
      const boxes = texts.map((t) => {
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < minPx) { minPx = px; smallest = t.textContent; }
        const r = t.getBoundingClientRect();
        const mid = (r.top + r.bottom) / 2;
        return { text: t.textContent, left: r.left, right: r.right, top: mid - px / 2, bottom: mid + px / 2 };
      });
      for (const b of boxes) {
        if (b.left < box.left - 1 || b.right > box.right + 1) problems.push(`"${b.text}" leaves the drawing`);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) problems.push(`"${a.text}" overlaps "${b.text}"`);
        }
      }
    }
    charts.push({ id: fig.id, layouts, minPx, smallest, problems });
  }
  return charts;
}

export async function chartGates({ browser, origin, site, artifacts, check, runAxe, pages }) {
  const urls = chartPages(site);
  const smallest = { 360: Infinity, 1280: Infinity };
  for (const scheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      let charts = 0;
      const bad = [];
      for (const url of urls) {
        await page.goto(origin + url, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        for (const c of await page.evaluate(measure)) {
          charts++;
          smallest[width] = Math.min(smallest[width], c.minPx);
          const want = width === 360 ? 'narrow' : 'wide';
          if (c.layouts.length !== 1 || c.layouts[0] !== want) bad.push(`${url}#${c.id}: shows ${c.layouts.join('+') || 'nothing'}, not ${want}`);
          if (c.minPx < MIN_PX) bad.push(`${url}#${c.id}: "${c.smallest}" at ${c.minPx.toFixed(1)} px`);
          for (const p of c.problems) bad.push(`${url}#${c.id}: ${p}`);
        }
      }
      check(`chart text ≥ ${MIN_PX} px, no overlap, ${width === 360 ? 'narrow' : 'wide'} layout at ${width} px (${scheme}, ${charts} charts on ${urls.length} pages)`, charts > 0 && bad.length === 0, bad.slice(0, 8).join('; ') + (bad.length > 8 ? ` … ${bad.length} in all` : ''));
      await context.close();
    }
  }
  console.log(`     smallest chart text: ${smallest[360].toFixed(1)} px at 360 px, ${smallest[1280].toFixed(1)} px at 1280 px`);

  // Dark mode: axe on every page type, with the same Arabic workaround.
  for (const p of pages) {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(origin + p.url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const a = await runAxe(page);
    check(`axe WCAG 2.2 A/AA in dark mode ${p.url} (${p.name})`, a.violations.length === 0 && dark === 'rgb(18, 26, 34)', `${dark} ${a.violations.join('; ')}`);
    await context.close();
  }

  // Screenshots of every chart (its embed page), both languages, both widths; dark at 360.
  const embeds = urls.filter((u) => u.startsWith('/embed/'));
  for (const [width, scheme] of [[360, 'light'], [1280, 'light'], [360, 'dark']]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const url of embeds) {
      const [, , lang, id] = url.split('/');
      await page.goto(origin + url, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const suffix = scheme === 'dark' ? '-dark' : '';
      await page.locator('figure.chart').first().screenshot({ path: path.join(artifacts, 'screenshots', `chart-${id}-${lang}-${width}${suffix}.png`) });
    }
    await context.close();
  }
  check(`screenshots of ${embeds.length} embedded charts at 360 and 1280 px`, embeds.length > 0);
}
