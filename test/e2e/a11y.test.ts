/**
 * End-to-end: an axe-core pass over every screen (start, import wizard, Overview, Jobs with a bundle
 * open, Tasks & ratings, Charts) in the light and the dark theme. No violation of impact 'serious'
 * or 'critical' is allowed; moderate and minor ones are printed for a person to read.
 */
import { expect, it } from 'vitest';
import { describeE2E, isSerious, runAxe, useBrowser, type AxeViolation, type Scheme } from './harness';
import { walkViews } from './views';

function describeViolation(view: string, v: AxeViolation): string {
  const where = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ');
  return `${view}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}: ${where}${v.nodes.length > 4 ? ' …' : ''})`;
}

describeE2E('accessibility: axe-core (end-to-end, Chromium)', () => {
  const { open, opened } = useBrowser();

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`has no serious or critical axe violations on any screen (${scheme})`, async () => {
      const serious: string[] = [];
      const other: string[] = [];
      const visited: string[] = [];
      await walkViews(open, scheme, async (page, view) => {
        expect(await page.evaluate(() => document.documentElement.dataset.theme), `data-theme on ${view}`).toBe(scheme);
        visited.push(view);
        for (const v of await runAxe(page)) (isSerious(v) ? serious : other).push(describeViolation(view, v));
      });
      if (other.length) console.log(`[axe ${scheme}] moderate/minor findings:\n  ${other.join('\n  ')}`);
      expect(visited).toEqual(['start', 'wizard', 'overview', 'jobs', 'tasks', 'charts', 'proposal']);
      expect(serious, `serious/critical axe violations (${scheme})`).toEqual([]);
      for (const app of opened) expect(app.pageErrors, 'uncaught exceptions in the page').toEqual([]);
    });
  }
});
