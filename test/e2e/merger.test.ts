/**
 * End-to-end (issue 16): planning a merger in the app. From the Riverside sample: the bundled
 * partner (Eastside) is added and both are renamed; the 20 tasks the samples share are found; a
 * proposed match (when the engine proposes one), a hand match and a found one are decided; a task
 * done once frees hours; the federated and merged figures on screen are the engine's; the merged
 * organization is used for the proposal, whose plan keeps each side's programme hours; Undo brings
 * back the 40-person organization. axe finds nothing serious in either theme; screenshots at
 * 1440×900 and 1024×700 go to test-results/e2e/merger-*.png (merger-planned-* with the plan's figures).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { federatedView } from '../../renderer/src/engine/merge/federated';
import { applyReviewed, matchTasks } from '../../renderer/src/engine/merge/match';
import { poolOrganizations } from '../../renderer/src/engine/merge/pool';
import type { MergeSource, TaskMatch } from '../../renderer/src/engine/merge/types';
import { axeAndScrollShots, describeE2E, expectNoPageErrors, UI_TIMEOUT, useBrowser, type Scheme } from './harness';
import { importBytes, importSample, ROOT } from './engine';

const RUN_TIMEOUT = 180_000;
const TOLERANCE = 0.95; // the samples' 1–20 scale: 5% of the range

const riverside = importSample().organization;
const eastside = importBytes(readFileSync(path.join(ROOT, 'resources', 'sample-partner.xlsx')), 'sample-partner.xlsx').organization;
const sources: MergeSource[] = [{ name: 'Riverside', organization: riverside, file: 'r' }, { name: 'Eastside', organization: eastside, file: 'e' }];
const found = matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks })));

async function value(page: Page, testId: string): Promise<number> {
  const raw = await page.getByTestId(testId).first().getAttribute('data-value');
  if (raw === null) throw new Error(`${testId} has no data-value`);
  return Number(raw);
}

async function statuses(page: Page): Promise<string[]> {
  return page.getByTestId('merger-matches').getByTestId('match-status').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value') ?? ''));
}

const row = (page: Page, a: string, b: string) => page.getByTestId(`match-row-${a}~${b}`);

/** Merger tab → sample partner added → both renamed (Riverside, Eastside). */
async function planMerger(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Merger', exact: true }).click();
  await page.getByTestId('merger-view').waitFor();
  await page.getByTestId('merger-add-sample').click();
  await page.getByTestId('merger-org-Eastside Housing Co-op').waitFor({ timeout: 60_000 });
  const open = page.getByLabel('Name of the open organization', { exact: true });
  await open.fill('Riverside');
  await open.press('Enter');
  const partner = page.getByLabel('Name of the organization from sample-partner.xlsx', { exact: true });
  await partner.fill('Eastside');
  await partner.press('Tab');
  await page.getByTestId('merger-org-Eastside').waitFor();
  await page.getByTestId('merger-org-Riverside').waitFor();
}

describeE2E('planning a merger (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  it('reviews the matches, shows the engine’s figures, plans the merged organization and undoes it', async () => {
    const app = await open();
    const { page } = app;
    await planMerger(page);

    // The 20 tasks the samples share, found automatically; the filter counts them.
    const auto = found.filter((m) => m.status === 'auto');
    expect(auto).toHaveLength(20);
    const shown = await statuses(page);
    expect(shown.filter((s) => s === 'auto')).toHaveLength(20);
    expect(shown.filter((s) => s === 'proposed')).toHaveLength(found.filter((m) => m.status === 'proposed').length);
    await page.getByTestId('merger-match-filter').selectOption('auto');
    expect(await statuses(page)).toEqual(Array(20).fill('auto'));
    await page.getByTestId('merger-match-filter').selectOption('all');

    const reviewed: TaskMatch[] = [];
    // A proposed match, when the engine proposes one for the samples, is accepted.
    const proposed = found.find((m) => m.status === 'proposed');
    if (proposed) {
      await row(page, proposed.a, proposed.b).getByRole('button', { name: /^Accept/ }).click();
      await expect.poll(() => row(page, proposed.a, proposed.b).getByTestId('match-status').getAttribute('data-value')).toBe('accepted');
      reviewed.push({ ...proposed, status: 'accepted' });
    }
    // By hand: Riverside's snow shovelling is Eastside's snow removal — then rejected after all.
    await page.getByTestId('merger-hand-a').selectOption('Shovel snow and salt walkways');
    await page.getByTestId('merger-hand-b').selectOption({ label: 'Snow removal' });
    const tasksBefore = await value(page, 'merged-tasks');
    await page.getByTestId('merger-hand-match').click();
    const hand = row(page, 'Shovel snow and salt walkways', 'Snow removal');
    await expect.poll(() => hand.getByTestId('match-status').getAttribute('data-value')).toBe('accepted');
    expect(await value(page, 'merged-tasks')).toBe(tasksBefore - 1);
    await hand.getByRole('button', { name: /^Reject/ }).click();
    await expect.poll(() => hand.getByTestId('match-status').getAttribute('data-value')).toBe('rejected');
    expect(await value(page, 'merged-tasks')).toBe(tasksBefore);
    // A found match rejected keeps the two tasks apart; Reset pools them again.
    const grant = row(page, 'Grant writing', 'Grant writing');
    await grant.getByRole('button', { name: /^Reject/ }).click();
    await expect.poll(() => value(page, 'merged-tasks')).toBe(tasksBefore + 1);
    await grant.getByRole('button', { name: /^Reset/ }).click();
    await expect.poll(() => grant.getByTestId('match-status').getAttribute('data-value')).toBe('auto');
    expect(await value(page, 'merged-tasks')).toBe(tasksBefore);

    // Financial reporting done once: the hours above the larger of the two totals are freed.
    await row(page, 'Financial reporting', 'Financial reporting').getByRole('checkbox', { name: /^Done once/ }).check();
    const fin = found.find((m) => m.a === 'Financial reporting')!;
    reviewed.push({ ...fin, doneOnce: true });
    const pooled = poolOrganizations(sources, applyReviewed(found, reviewed), { tolerance: TOLERANCE });
    expect(pooled.freedHours).toBeGreaterThan(0);
    await page.getByTestId('merger-freed').waitFor();
    expect(Math.abs((await value(page, 'merger-freed')) - pooled.freedHours)).toBeLessThan(1e-9);
    await expect.poll(async () => page.getByTestId('merger-freed').textContent()).toMatch(/h a week freed for programme work — not people to cut/);
    // 10 hours a week for the task done once: the rest of the two totals is freed.
    const hours = page.getByLabel('Weekly hours of Financial reporting done once', { exact: true });
    // The field starts at the default: the larger of the two organizations' totals.
    expect(Number(await hours.inputValue())).toBe(pooled.doneOnce[0].after);
    await hours.fill('10');
    await hours.press('Enter');
    reviewed[reviewed.length - 1] = { ...fin, doneOnce: true, hours: 10 };
    const ten = poolOrganizations(sources, applyReviewed(found, reviewed), { tolerance: TOLERANCE });
    await expect.poll(() => value(page, 'merger-freed')).toBeCloseTo(ten.freedHours, 9);
    expect(ten.freedHours).toBeCloseTo(pooled.doneOnce[0].before - 10, 9);

    // The federated figures and the Theil split are the engine's.
    const fed = federatedView(ten, TOLERANCE);
    for (const o of fed.organizations) {
      expect(await value(page, `fed-${o.name}-people`)).toBe(o.people);
      expect(Math.abs((await value(page, `fed-${o.name}-hours`)) - o.hours)).toBeLessThan(1e-9);
      expect(Math.abs((await value(page, `fed-${o.name}-meanE`)) - o.empowerment.mean!)).toBeLessThan(1e-9);
      expect(Math.abs((await value(page, `fed-${o.name}-gini`)) - o.empowerment.absoluteGini)).toBeLessThan(1e-9);
      expect(Math.abs((await value(page, `fed-${o.name}-within`)) - o.empowerment.withinTolerance)).toBeLessThan(1e-9);
      expect(await page.getByTestId(`fed-${o.name}-meanE`).textContent()).toBe(o.empowerment.mean!.toFixed(1));
    }
    for (const k of ['total', 'between', 'within'] as const) expect(Math.abs((await value(page, `merger-theil-${k}`)) - fed.theil.empowerment[k])).toBeLessThan(1e-12);
    expect(await value(page, 'merged-people')).toBe(53);
    const before = { Riverside: await value(page, 'programme-Riverside-before'), Eastside: await value(page, 'programme-Eastside-before') };
    expect(before.Riverside + before.Eastside).toBeCloseTo(riverside.assignments.reduce((s, a) => s + a.hours, 0) + eastside.assignments.reduce((s, a) => s + a.hours, 0) - ten.freedHours, 9);

    // Use the merged organization: the Proposal view opens on it; its plan keeps each side's programme hours.
    await page.getByTestId('merger-use').click();
    await expect.poll(() => page.getByRole('tab', { name: 'Proposal', exact: true }).getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('proposal-run').click();
    await page.getByTestId('proposal-results').waitFor({ timeout: RUN_TIMEOUT });
    await page.getByTestId('proposal-progress').waitFor({ state: 'detached', timeout: RUN_TIMEOUT });
    const status = await page.getByTestId('proposal-results').getAttribute('data-status');
    await page.getByRole('tab', { name: 'Merger', exact: true }).click();
    const note = page.getByTestId('merger-in-workspace');
    await note.waitFor();
    if (status === 'optimal' || status === 'balanced') {
      await expect.poll(() => note.getAttribute('data-planned'), { timeout: UI_TIMEOUT }).toBe('true');
      for (const o of ['Riverside', 'Eastside'] as const) expect(Math.abs((await value(page, `programme-${o}-after`)) - before[o])).toBeLessThan(1e-6);
      expect(await value(page, 'merger-crossing')).toBeGreaterThanOrEqual(0);
      // Who controls the money after the plan: a share for every control task together.
      const share = await value(page, 'control-All control tasks-after');
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThanOrEqual(1);
    } else throw new Error(`the merged proposal's status is ${status}`);
    expect(await axeAndScrollShots(page, 'light', 'merger-planned'), 'serious/critical axe violations with a plan').toEqual([]);

    // Undo (Ctrl+Z) brings back the 40-person organization.
    await page.locator('#merger-title').click();
    await page.keyboard.press('Control+z');
    await note.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('merger-org-Riverside').textContent()).toMatch(/40 people/);
    expectNoPageErrors(app);
  }, 300_000);

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`has no serious or critical axe findings; screenshots at 1440×900 and 1024×700 (${scheme})`, async () => {
      const app = await open({ scheme });
      const { page } = app;
      await planMerger(page);
      await row(page, 'Financial reporting', 'Financial reporting').getByRole('checkbox', { name: /^Done once/ }).check();
      await page.getByTestId('merger-freed').waitFor();
      const serious = await axeAndScrollShots(page, scheme, 'merger');
      expect(serious, `serious/critical axe violations (${scheme})`).toEqual([]);
      expectNoPageErrors(app);
    }, 240_000);
  }
});
