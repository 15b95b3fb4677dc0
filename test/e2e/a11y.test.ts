/**
 * End-to-end: an axe-core pass over every screen (start, import wizard, Overview, Jobs with a bundle
 * open, Tasks & ratings, Charts) in the light and the dark theme. No violation of impact 'serious'
 * or 'critical' is allowed; moderate and minor ones are printed for a person to read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { closeApp, describeE2E, launchBrowser, type AppPage, type Scheme } from './harness';
import { walkViews } from './views';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function runAxe(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (scripts from 'self' only) stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

function describeViolation(view: string, v: Violation): string {
  const where = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ');
  return `${view}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}: ${where}${v.nodes.length > 4 ? ' …' : ''})`;
}

describeE2E('accessibility: axe-core (end-to-end, Chromium)', () => {
  let browser: Browser;
  const apps: AppPage[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await closeApp(app);
  });

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`has no serious or critical axe violations on any screen (${scheme})`, async () => {
      const serious: string[] = [];
      const other: string[] = [];
      const visited: string[] = [];
      await walkViews(
        browser,
        scheme,
        async (page, view) => {
          expect(await page.evaluate(() => document.documentElement.dataset.theme), `data-theme on ${view}`).toBe(scheme);
          visited.push(view);
          for (const v of await runAxe(page)) (v.impact === 'serious' || v.impact === 'critical' ? serious : other).push(describeViolation(view, v));
        },
        apps,
      );
      if (other.length) console.log(`[axe ${scheme}] moderate/minor findings:\n  ${other.join('\n  ')}`);
      expect(visited).toEqual(['start', 'wizard', 'overview', 'jobs', 'tasks', 'charts']);
      expect(serious, `serious/critical axe violations (${scheme})`).toEqual([]);
      for (const app of apps) expect(app.pageErrors, 'uncaught exceptions in the page').toEqual([]);
    });
  }
});
