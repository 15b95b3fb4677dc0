/**
 * End-to-end (issue 17, quick category mode): the South End Press fixture imported through the
 * wizard shows the Overview's Categories panel with the engine's figures (computed here in Node);
 * δ changes them; "Balance categories" runs the category LP in the worker and shows the engine's
 * moved hours, 0 → 10 of 10 balanced and its transfers; Apply balances everyone and Undo brings the
 * old jobs back; the Charts view draws the mix; axe finds nothing serious.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import loadHighs from 'highs';
import { expect, it } from 'vitest';
import { balanceCategories } from '../../renderer/src/engine/categories/balance';
import { categoryShares } from '../../renderer/src/engine/categories/shares';
import { confirmWizard, describeE2E, enterNumber, expectNoPageErrors, gotoTab, isSerious, runAxe, screenshotPath, settle, startImport, toolbarButton, useBrowser } from './harness';
import { importBytes, ROOT } from './engine';
import type { Page } from 'playwright-core';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'categories', 'south-end-press.csv');

async function attr(page: Page, testId: string, name: string): Promise<number> {
  const v = await page.getByTestId(testId).getAttribute(name);
  if (v === null) throw new Error(`${testId} has no ${name}`);
  return Number(v);
}

describeE2E('category mode in the app', () => {
  const { open } = useBrowser();

  it('shows the engine’s category figures, balances everyone, applies the plan and undoes it', async () => {
    const { organization: org } = importBytes(readFileSync(FIXTURE), 'south-end-press.csv');
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

    await page.getByTestId('category-balance').click();
    await page.getByTestId('category-plan').waitFor({ state: 'visible', timeout: 120_000 });
    expect(await attr(page, 'category-moved', 'data-value')).toBeCloseTo(plan.movedHours, 6);
    expect(await attr(page, 'category-lp-moved', 'data-value')).toBeCloseTo(plan.lpMovedHours, 6);
    const after = page.getByTestId('category-balanced-after');
    expect(await after.textContent()).toContain('0 → 10 of 10');
    expect(await page.getByTestId('category-transfer').count()).toBe(plan.transfers.length);

    await panel.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1440, height: 900 });
    await settle(page);
    await page.screenshot({ path: screenshotPath('categories-overview') });
    const serious = (await runAxe(page)).filter(isSerious);
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);

    await page.getByTestId('category-apply').click();
    await expect.poll(() => attr(page, 'category-balanced', 'data-value'), { timeout: 30_000 }).toBe(10);
    await expect.poll(() => page.getByTestId('category-plan').count()).toBe(0);
    await toolbarButton(page, 'Undo').click();
    await expect.poll(() => attr(page, 'category-balanced', 'data-value'), { timeout: 30_000 }).toBe(before.balancedPeople);

    await gotoTab(page, 'Charts');
    const chart = page.getByTestId('chart-category-mix');
    await chart.waitFor({ state: 'visible' });
    expect(await chart.getByTestId('category-chart-row').count()).toBe(11);
    await chart.scrollIntoViewIfNeeded();
    await settle(page);
    await page.screenshot({ path: screenshotPath('categories-chart') });
    const seriousCharts = (await runAxe(page)).filter(isSerious);
    expect(seriousCharts, JSON.stringify(seriousCharts, null, 1)).toEqual([]);
    expectNoPageErrors(app);
  });
});
