/**
 * End-to-end (issue 17, quick category mode): the South End Press fixture imported through the
 * wizard shows the Overview's Categories panel with the engine's figures (computed here in Node); δ
 * changes them; "Balance categories" leads to the Proposal view in category mode, whose plan shows
 * the engine's figures before → after (0 → 10 of 10 balanced, hours off the mix, moved hours and the
 * exact minimum), each person's mix, the very transfers the engine makes in Node, and the mix chart;
 * Apply balances everyone and Undo brings the old jobs back; δ changed in the Proposal view re-plans
 * at the engine's figures and survives save and reopen; with 2,000 people Cancel frees the window at
 * once while the plan is being made; axe finds nothing serious.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import loadHighs from 'highs';
import { expect, it } from 'vitest';
import { balanceCategories, type CategoryPlan } from '../../renderer/src/engine/categories/balance';
import { withAllocation } from '../../renderer/src/engine/categories/plan';
import { categoryShares, type CategoryAudit } from '../../renderer/src/engine/categories/shares';
import type { Organization } from '../../renderer/src/engine/model/types';
import { confirmWizard, describeE2E, download, enterNumber, expectNoPageErrors, gotoTab, isSerious, pickFile, runAxe, screenshotPath, settle, startImport, toolbarButton, useBrowser, waitIdle } from './harness';
import { importBytes, ROOT } from './engine';
import type { Page } from 'playwright-core';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'categories', 'south-end-press.csv');
const RUN_TIMEOUT = 120_000;

async function attr(page: Page, testId: string, name: string): Promise<number> {
  const v = await page.getByTestId(testId).getAttribute(name);
  if (v === null) throw new Error(`${testId} has no ${name}`);
  return Number(v);
}

/** The share of all hours off the mix: Σ h·½Σ|s − S| / H over the audit's people. */
const offMix = (a: CategoryAudit) => a.people.reduce((s, p) => s + p.hours * p.score, 0) / a.totalHours;

/** "task|from|to|hours" of every transfer, sorted: the table sorts by hours, the engine by category. */
function engineTransfers(org: Organization, plan: CategoryPlan): string[] {
  const person = new Map(org.people.map((p) => [p.id, p.name]));
  const task = new Map(org.tasks.map((t) => [t.id, t.name]));
  return plan.transfers.map((t) => `${task.get(t.taskId)}|${person.get(t.from)}|${person.get(t.to)}|${t.hours}`).sort();
}

async function shownTransfers(page: Page): Promise<string[]> {
  return (
    await page.getByTestId('transfer-row').evaluateAll((rows) =>
      rows.map((r) => ['transfer-task', 'transfer-from', 'transfer-to'].map((id) => r.querySelector(`[data-testid="${id}"]`)!.textContent).concat(r.querySelector('[data-testid="transfer-hours"]')!.getAttribute('data-value')!).join('|')),
    )
  ).sort();
}

/** Waits for the plan of a run to be shown (the progress gone, the plan in). */
async function waitForPlan(page: Page): Promise<void> {
  await page.getByTestId('category-plan').waitFor({ state: 'visible', timeout: RUN_TIMEOUT });
  await page.getByTestId('category-progress').waitFor({ state: 'detached', timeout: RUN_TIMEOUT });
}

/** The plan's figures on screen equal the engine's plan and its audits at `delta`. */
async function expectPlanFigures(page: Page, org: Organization, plan: CategoryPlan): Promise<void> {
  const before = categoryShares(org, plan.delta);
  const after = categoryShares(withAllocation(org, plan.allocation), plan.delta);
  expect(await attr(page, 'category-plan', 'data-delta')).toBeCloseTo(plan.delta, 12);
  expect(await attr(page, 'category-figure-balanced', 'data-before')).toBe(before.balancedPeople);
  expect(await attr(page, 'category-figure-balanced', 'data-value')).toBe(after.balancedPeople);
  expect(await attr(page, 'category-figure-offMix', 'data-before')).toBeCloseTo(offMix(before), 9);
  expect(await attr(page, 'category-figure-offMix', 'data-value')).toBeCloseTo(offMix(after), 9);
  expect(await attr(page, 'category-figure-movedHours', 'data-value')).toBeCloseTo(plan.movedHours, 6);
  expect(await attr(page, 'category-figure-bound', 'data-value')).toBeCloseTo(plan.lpMovedHours, 6);
  expect(await attr(page, 'category-figure-shortTransfers', 'data-value')).toBe(plan.shortTransfers);
  expect(await shownTransfers(page)).toEqual(engineTransfers(org, plan));
}

/** 2,000 people in four categories, one to four tasks each, mostly in one category (a plan takes seconds). */
function largeCsv(people: number): Buffer {
  const cats = ['Managerial', 'Content', 'Administrative', 'Maintenance'];
  let s = 7;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const lines = ['Name,Task,Hours,Category'];
  for (let p = 0; p < people; p++) {
    const main = Math.floor(rnd() * 4);
    const seen = new Set<number>();
    for (let k = 0; k < 4; k++) {
      const c = rnd() < 0.7 ? main : Math.floor(rnd() * 4);
      const t = c + 4 * Math.floor(rnd() * 15);
      if (seen.has(t)) continue;
      seen.add(t);
      lines.push(`Person ${p + 1},Task ${t + 1},${2 + Math.floor(rnd() * 20) / 2},${cats[c]}`);
    }
  }
  return Buffer.from(lines.join('\n'));
}

describeE2E('category mode in the app', () => {
  const { open } = useBrowser();
  const { organization: org } = importBytes(readFileSync(FIXTURE), 'south-end-press.csv');

  it('shows the engine’s category figures, plans in the Proposal view with the engine’s transfers, applies the plan and undoes it', async () => {
    const before = categoryShares(org, 0.1);
    const wide = categoryShares(org, 0.3);
    const plan = balanceCategories(org, await loadHighs(), 0.1);
    expect(plan.status).toBe('optimal');

    const app = await open({ empty: true });
    const { page } = app;
    await startImport(page, FIXTURE);
    await confirmWizard(page);
    await gotoTab(page, 'Overview');

    const panel = page.getByTestId('categories-panel');
    await panel.waitFor({ state: 'visible' });
    for (const c of before.categories) {
      expect(await attr(page, `category-mix-${c.name}`, 'data-value'), c.name).toBeCloseTo(c.share, 9);
    }
    expect(await attr(page, 'category-balanced', 'data-value')).toBe(before.balancedPeople);
    expect(await attr(page, 'category-balanced', 'data-hours-share')).toBeCloseTo(before.balancedHoursShare, 9);
    expect(await page.getByTestId('category-balanced').textContent()).toBe(`${before.balancedPeople} of 10 people balanced; 0% of hours are in balanced jobs`);
    const worst = before.furthest[0];
    expect(await page.getByTestId(`category-furthest-${worst.name}`).textContent()).toBe(`${worst.name}: 81% of hours off the mix (Maintenance 100% against 19%)`);

    // A wider band balances more jobs: the engine's count at ±30; then back to the default.
    await enterNumber(page.getByTestId('category-delta'), 30);
    await expect.poll(() => attr(page, 'category-balanced', 'data-value')).toBe(wide.balancedPeople);
    expect(wide.balancedPeople).toBeGreaterThan(before.balancedPeople);
    await enterNumber(page.getByTestId('category-delta'), 10);
    await expect.poll(() => attr(page, 'category-balanced', 'data-value')).toBe(before.balancedPeople);

    // "Balance categories" leads to the Proposal view in category mode and makes the plan there.
    await page.getByTestId('category-balance').click();
    await page.locator('[data-testid="proposal-view"][data-basis="categories"]').waitFor({ state: 'visible' });
    expect(await page.getByTestId('proposal-basis-categories').isChecked()).toBe(true);
    await waitForPlan(page);
    await expectPlanFigures(page, org, plan);
    const tile = page.getByTestId('category-figure-balanced');
    expect([await tile.locator('.proposal-figure-before').textContent(), await tile.locator('.proposal-figure-after').textContent(), await tile.locator('.proposal-figure-unit').textContent()]).toEqual(['0', '10', ' of 10']);
    expect(await page.getByTestId('category-person-row').count()).toBe(10);
    expect(await page.getByTestId('category-person-balanced').evaluateAll((cells) => cells.filter((c) => c.getAttribute('data-value') === 'no→yes').length)).toBe(10);
    const chart = page.getByTestId('chart-category-plan-mix');
    expect(await chart.getByTestId('category-chart-row').count()).toBe(21);

    // Tall enough for the whole view: the app scrolls inside its main area, which a page shot would clip.
    await page.setViewportSize({ width: 1440, height: 3600 });
    await settle(page);
    await page.screenshot({ path: screenshotPath('categories-proposal') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await settle(page);
    const serious = (await runAxe(page)).filter(isSerious);
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);

    // The Overview says the plan is ready, with the same figures, and leads back to it.
    await gotoTab(page, 'Overview');
    expect(await attr(page, 'category-plan-ready', 'data-after')).toBe(10);
    await page.getByTestId('category-plan-ready').scrollIntoViewIfNeeded();
    await settle(page);
    await page.screenshot({ path: screenshotPath('categories-overview') });
    await page.getByTestId('category-plan-open').click();
    await waitForPlan(page);

    await page.getByTestId('category-apply').click();
    await expect.poll(() => page.getByTestId('category-plan').count()).toBe(0);
    await gotoTab(page, 'Overview');
    await expect.poll(() => attr(page, 'category-balanced', 'data-value'), { timeout: 30_000 }).toBe(10);
    await toolbarButton(page, 'Undo').click();
    await expect.poll(() => attr(page, 'category-balanced', 'data-value'), { timeout: 30_000 }).toBe(before.balancedPeople);

    await gotoTab(page, 'Charts');
    const mix = page.getByTestId('chart-category-mix');
    await mix.waitFor({ state: 'visible' });
    expect(await mix.getByTestId('category-chart-row').count()).toBe(11);
    await mix.scrollIntoViewIfNeeded();
    await settle(page);
    await page.screenshot({ path: screenshotPath('categories-chart') });
    const seriousCharts = (await runAxe(page)).filter(isSerious);
    expect(seriousCharts, JSON.stringify(seriousCharts, null, 1)).toEqual([]);
    expectNoPageErrors(app);
  });

  it('δ changed in the Proposal view re-plans at the engine’s figures, is undoable, and is kept through save and reopen', async () => {
    const at20 = balanceCategories(org, await loadHighs(), 0.2);
    const app = await open({ empty: true });
    const { page } = app;
    await startImport(page, FIXTURE);
    await confirmWizard(page);
    await gotoTab(page, 'Proposal');
    // No rating from people or the file: the view opens in category mode by itself.
    await page.locator('[data-testid="proposal-view"][data-basis="categories"]').waitFor({ state: 'visible' });
    await page.getByTestId('category-run').click();
    await waitForPlan(page);
    await enterNumber(page.getByTestId('category-delta'), 20);
    await expect.poll(() => page.getByTestId('category-plan-stale').getAttribute('data-reason')).toBe('delta');
    await page.getByTestId('category-run').click();
    await expect.poll(() => attr(page, 'category-plan', 'data-delta'), { timeout: RUN_TIMEOUT }).toBeCloseTo(0.2, 12);
    await waitForPlan(page);
    await expectPlanFigures(page, org, at20);
    // Undo takes δ back to 10 (the plan at 20 is then out of date); Redo brings 20 again.
    await toolbarButton(page, 'Undo').click();
    await expect.poll(() => page.getByTestId('category-delta').inputValue()).toBe('10');
    await toolbarButton(page, 'Redo').click();
    await expect.poll(() => page.getByTestId('category-delta').inputValue()).toBe('20');

    const saved = await download(page, toolbarButton(page, 'Save'));
    const file = (await saved.path())!;
    expect(JSON.parse(readFileSync(file, 'utf8')).settings.categoryDelta).toBe(0.2);
    expectNoPageErrors(app);

    const second = await open({ empty: true });
    await pickFile(second.page, toolbarButton(second.page, 'Open…'), { name: saved.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(file) });
    await second.page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
    await waitIdle(second.page);
    await gotoTab(second.page, 'Overview');
    await expect.poll(() => second.page.getByTestId('category-delta').inputValue()).toBe('20');
    expect(await attr(second.page, 'category-balanced', 'data-value')).toBe(categoryShares(org, 0.2).balancedPeople);
    await gotoTab(second.page, 'Proposal');
    expect(await second.page.getByTestId('category-delta').inputValue()).toBe('20');
    expectNoPageErrors(second);
  });

  it('with 2,000 people, Cancel frees the window within 200 ms while the category plan is made', async () => {
    const app = await open({ empty: true });
    const { page } = app;
    await startImport(page, { name: 'categories-2000.csv', mimeType: 'text/csv', buffer: largeCsv(2000) });
    await confirmWizard(page);
    await gotoTab(page, 'Proposal');
    await page.locator('[data-testid="proposal-view"][data-basis="categories"]').waitFor({ state: 'visible' });
    await page.getByTestId('category-run').click();
    await page.getByTestId('category-progress').waitFor({ state: 'visible' });
    await page.waitForTimeout(800);
    expect(await page.getByTestId('category-plan').count(), 'still running when Cancel is pressed').toBe(0);
    const answer = await page.evaluate(
      () =>
        new Promise<{ ms: number; gone: boolean }>((resolve) => {
          const t0 = performance.now();
          (document.querySelector('[data-testid="category-cancel"]') as HTMLButtonElement).click();
          setTimeout(() => resolve({ ms: performance.now() - t0, gone: !document.querySelector('[data-testid="category-progress"]') }), 0);
        }),
    );
    expect(answer.gone).toBe(true);
    expect(answer.ms, 'Cancel answered in').toBeLessThan(200);
    // The basis switch answers at once too, and no plan arrives later from the cancelled run.
    await page.getByTestId('proposal-basis-ratings').click();
    await page.locator('[data-testid="proposal-view"][data-basis="ratings"]').waitFor({ state: 'visible' });
    await page.getByTestId('proposal-basis-categories').click();
    await page.waitForTimeout(5_000);
    expect(await page.getByTestId('category-plan').count()).toBe(0);
    expect(await page.getByTestId('category-run').isEnabled()).toBe(true);
    expectNoPageErrors(app);
  });
});
