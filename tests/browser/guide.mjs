// Guide gates («أي نظام يغطيني؟» / « Quel régime me couvre ? »), run by run.mjs in the same
// Chromium: one path walked with the keyboard alone in each language (Tab to an answer, its
// focus ring visible, Enter follows it, up to an outcome; the browser's back button returns
// to the question before; Tab and Enter on "start again" lead back to the first question),
// and axe on every page of the guide in both languages, light and dark.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// The path each language walks: the answer to pick (1-based) on each question, and the
// outcome it must reach.
const walks = {
  fr: { answers: [3, 1, 1], outcome: '/fr/guide/tadamon/' },
  ar: { answers: [1, 3], outcome: '/ar/guide/public-sector/' },
};

// Every page of a language's guide, as site paths.
function guidePages(site, lang) {
  const root = path.join(site, lang, 'guide');
  const out = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f === 'index.html') out.push(`/${path.relative(site, dir).split(path.sep).join('/')}/`);
    }
  };
  walk(root);
  return out;
}

// Presses Tab until the element matching `selector` has the focus (at most 80 times).
async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return true;
  }
  return false;
}

// The focused element's outline, as the reader sees it.
const focusRing = (page) => page.evaluate(() => {
  const s = getComputedStyle(document.activeElement);
  return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
});

async function keyboardWalk(browser, origin, lang, check) {
  const { answers, outcome } = walks[lang];
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/${lang}/guide/`);
  const visited = [page.url()];
  for (const [step, k] of answers.entries()) {
    const selector = `.guide-answers > li:nth-child(${k}) > a`;
    const reached = await tabTo(page, selector);
    check(`guide ${lang}: Tab reaches answer ${k} of question ${step + 1}`, reached, page.url());
    if (!reached) break;
    const ring = await focusRing(page);
    check(`guide ${lang}: the focused answer shows its focus ring`, ring.style !== 'none' && ring.width >= 2, JSON.stringify(ring));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    visited.push(page.url());
  }
  check(`guide ${lang}: Enter on each answer leads to ${outcome}`, page.url() === origin + outcome, visited.join(' → '));
  const h1 = await page.evaluate(() => document.querySelector('h1')?.textContent ?? '');
  check(`guide ${lang}: the outcome has its title`, h1.length > 5, h1);
  await page.goBack();
  check(`guide ${lang}: the back button returns to the question before`, page.url() === visited[visited.length - 2], page.url());
  await page.goForward();
  const restart = await tabTo(page, '.guide-restart a');
  check(`guide ${lang}: Tab reaches "start again" on the outcome`, restart);
  if (restart) {
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    check(`guide ${lang}: "start again" leads to the first question`, page.url() === `${origin}/${lang}/guide/`, page.url());
  }
  await context.close();
}

export async function guideGates({ browser, origin, site, check, runAxe }) {
  for (const lang of ['fr', 'ar']) await keyboardWalk(browser, origin, lang, check);
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const lang of ['fr', 'ar']) {
      const urls = guidePages(site, lang);
      const failures = [];
      for (const url of urls) {
        await page.goto(origin + url);
        const a = await runAxe(page);
        if (a.violations.length) failures.push(`${url}: ${a.violations.join('; ')}`);
      }
      check(`axe WCAG 2.2 A/AA on the ${urls.length} pages of the ${lang} guide (${scheme})`, urls.length >= 8 && failures.length === 0, failures.join(' | '));
    }
    await context.close();
  }
}
