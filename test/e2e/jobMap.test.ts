/**
 * End-to-end (issue 12): the job map draws jobs with the same scores as one mark with their count, and
 * pointing at it names everyone there (pseudonyms when Pseudonymize is on); the note under the chart
 * names them too, for keyboard and screen-reader users. The sample has such jobs: pairs of organizers
 * and five canvassers with identical task bundles.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { coincidentGroups } from '../../renderer/src/features/charts/chartData';
import { describeE2E, expectNoPageErrors, gotoTab, screenshotPath, settle, toolbar, useBrowser } from './harness';
import { audit, importSample } from './engine';
import { waitForCharts } from './views';

/** Points at the mark under a count badge (its centre, from the badge's hook) and returns the tooltip shown. */
async function hoverMark(page: Page, map: Locator, badge: Locator): Promise<Locator> {
  const [cx, cy] = await badge.evaluate((el) => [Number(el.getAttribute('data-cx')), Number(el.getAttribute('data-cy'))]);
  const svg = map.locator('.recharts-wrapper > svg').first();
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + cx + 3, box.y + cy + 3);
  await page.mouse.move(box.x + cx, box.y + cy);
  const tip = map.locator('.point-tip');
  await tip.waitFor({ state: 'visible' });
  return tip;
}

/**
 * Points at a count badge itself — at a spot of its box where it is the topmost thing drawn (badges
 * may overlap one another) — and returns the tooltip shown.
 */
async function hoverBadge(page: Page, map: Locator, badge: Locator): Promise<Locator> {
  await badge.scrollIntoViewIfNeeded();
  // Away first, so the last tooltip is gone and nothing but the chart is over the badge.
  await page.mouse.move(0, 0);
  await map.locator('.point-tip').waitFor({ state: 'detached' });
  const spot = await badge.evaluate((g) => {
    const r = g.querySelector('rect')!.getBoundingClientRect();
    for (let fy = 0.5; fy > 0.05; fy -= 0.15) {
      for (const fx of [0.5, 0.25, 0.75, 0.1, 0.9]) {
        for (const y of [r.top + r.height * fy, r.top + r.height * (1 - fy)]) {
          const x = r.left + r.width * fx;
          if (document.elementFromPoint(x, y)?.closest('.point-count') === g) return { x, y };
        }
      }
    }
    return null;
  });
  expect(spot, `some of the badge "${await badge.getAttribute('data-count')}" is visible`).not.toBeNull();
  await page.mouse.move(spot!.x + 2, spot!.y + 2);
  await page.mouse.move(spot!.x, spot!.y);
  const tip = map.locator('.point-tip');
  await tip.waitFor({ state: 'visible' });
  return tip;
}

describeE2E('job map: jobs with the same scores (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const report = audit(importSample());
  const people = report.people.filter((p) => p.empowerment !== null && p.desirability !== null && p.hours > 0);
  const shared = coincidentGroups(people, (p) => p.empowerment!, (p) => p.desirability!).filter((g) => g.members.length > 1);

  it('shows one mark with "2" for two people with identical jobs, and its tooltip names both', async () => {
    // The sample must have such jobs for this test to mean anything: checked against the engine, not the app.
    const pair = shared.find((g) => g.members.length === 2)!;
    expect(pair, 'the sample has two people with the same E and D').toBeDefined();
    const [a, b] = pair.members.map((m) => m.name);
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Charts');
    await waitForCharts(page, ['job-map']);
    const map = page.getByTestId('chart-job-map');
    // One badge per shared point, with the engine's counts.
    const counts = await map.locator('.point-count').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))).sort((x, y) => x - y));
    expect(counts).toEqual(shared.map((g) => g.members.length).sort((x, y) => x - y));
    // The pair's badge says 2, and its mark's tooltip names both people.
    const badges = map.locator('.point-count[data-count="2"]');
    expect(await badges.count()).toBe(shared.filter((g) => g.members.length === 2).length);
    let named = false;
    for (let i = 0; i < (await badges.count()) && !named; i++) {
      const badge = badges.nth(i);
      expect((await badge.textContent())?.trim()).toBe('2');
      const tip = await hoverMark(page, map, badge);
      const text = (await tip.textContent()) ?? '';
      expect(text).toContain('2 people with the same scores');
      named = text.includes(a) && text.includes(b);
    }
    expect(named, `a mark with "2" whose tooltip names ${a} and ${b}`).toBe(true);
    await page.screenshot({ path: screenshotPath('job-map-shared-mark'), clip: (await map.boundingBox())! });
    // The note under the chart names them as well, readable without a pointer.
    const note = (await map.locator('.chart-note').textContent()) ?? '';
    expect(note).toContain(`${a} and ${b}`);
    expectNoPageErrors(app);
  });

  it('pointing at a count badge (which sits over neighbouring marks) shows that mark\'s people, not a neighbour\'s', async () => {
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Charts');
    await waitForCharts(page, ['job-map']);
    await settle(page);
    const map = page.getByTestId('chart-job-map');
    const badges = map.locator('.point-count');
    expect(await badges.count()).toBe(shared.length);
    // Each badge's tooltip names as many people as it counts (a neighbour's single person before the fix).
    for (let i = 0; i < (await badges.count()); i++) {
      const badge = badges.nth(i);
      const count = Number(await badge.getAttribute('data-count'));
      const text = (await (await hoverBadge(page, map, badge)).textContent()) ?? '';
      expect(text, `the badge "${count}"`).toContain(`${count} people with the same scores`);
    }
    expectNoPageErrors(app);
  });

  it('the five canvassers are one mark with "5"; with Pseudonymize on, its tooltip names their codes, not their names', async () => {
    const five = shared.find((g) => g.members.length === 5)!;
    expect(five, 'the sample has five people with the same E and D').toBeDefined();
    const app = await open();
    const { page } = app;
    await toolbar(page).getByRole('checkbox', { name: 'Pseudonymize' }).check();
    await gotoTab(page, 'Charts');
    await waitForCharts(page, ['job-map']);
    await settle(page);
    const map = page.getByTestId('chart-job-map');
    const tip = await hoverMark(page, map, map.locator('.point-count[data-count="5"]'));
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('5 people with the same scores');
    for (const m of five.members) expect(text, m.name).not.toContain(m.name);
    expect(text.match(/P-\d{3}/g) ?? []).toHaveLength(5);
    // The note under the chart keeps every code on one line (it broke as "P-" / "029").
    const note = map.locator('.chart-note');
    const codes = ((await note.textContent()) ?? '').match(/P-\d{3}/g) ?? [];
    expect(codes.length).toBeGreaterThanOrEqual(5);
    const whole = await note.locator('.chart-nowrap').evaluateAll((els) => els.filter((e) => getComputedStyle(e).whiteSpace === 'nowrap').map((e) => e.textContent ?? ''));
    for (const code of codes) expect(whole.some((w) => w.includes(code)), `${code} kept whole`).toBe(true);
    expectNoPageErrors(app);
  });
});
