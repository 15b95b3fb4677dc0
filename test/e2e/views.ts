/**
 * Walking every screen of the app, for the accessibility pass and the screenshots: the start view,
 * the import wizard, Overview, Jobs (with a person's bundle open), Tasks & ratings and Charts. Each
 * step waits until its view has drawn (the views' hooks), then hands the page to `visit`.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { gotoTab, jobRow, settle, startImport, type E2EBrowser, type Scheme } from './harness';
import { SAMPLE_PATH } from './engine';

export const CHART_IDS = ['job-map', 'ranked-jobs', 'lorenz', 'theil', 'low-desirability', 'pay-vs-e'];

export type ViewName = 'start' | 'wizard' | 'overview' | 'jobs' | 'tasks' | 'charts' | 'proposal';

/** Data marks of the charts: recharts points, bars, areas and lines, and the job map's own point layer. */
export const DATA_MARKS = '.point-cloud > *, .recharts-scatter-symbol, .recharts-bar-rectangle, .recharts-area-area, .recharts-line-curve';

/** Waits until every chart container has drawn data marks in its <svg> (the sample has data for every chart). */
export async function waitForCharts(page: Page, ids: string[] = CHART_IDS, timeout = 60_000): Promise<void> {
  for (const id of ids) {
    const chart = page.getByTestId(`chart-${id}`);
    await expect.poll(() => chart.count(), { timeout, message: `data-testid chart-${id}` }).toBeGreaterThan(0);
    await expect
      .poll(() => chart.first().evaluate((el, sel) => el.querySelectorAll(`svg ${sel.split(', ').join(', svg ')}`).length, DATA_MARKS), { timeout, message: `chart-${id} drew data marks in an <svg>` })
      .toBeGreaterThan(0);
  }
}

/**
 * Visits each view in `scheme`; `visit` gets the page and the view's name. Two apps are opened with
 * `open` (useBrowser's, so they are closed after the test and listed in its `opened`): an empty one
 * (start view, then the wizard on the sample workbook) and one with the sample loaded.
 * With `problems`, a view whose hook does not appear is noted there and visited anyway (so a
 * screenshot shows what is there); without, the walk stops at the first missing hook.
 */
export async function walkViews(open: E2EBrowser['open'], scheme: Scheme, visit: (page: Page, view: ViewName) => Promise<void>, problems?: string[]): Promise<void> {
  const step = async (what: string, wait: () => Promise<unknown>) => {
    if (!problems) return void (await wait());
    try {
      await wait();
    } catch (err) {
      problems.push(`${scheme}: ${what}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    }
  };
  const hook = (page: Page, id: string, timeout = 15_000) => page.getByTestId(id).first().waitFor({ state: 'visible', timeout });

  const empty = await open({ empty: true, scheme });
  await step('start view (data-testid start-import)', () => hook(empty.page, 'start-import'));
  await settle(empty.page);
  await visit(empty.page, 'start');
  const dialog = await startImport(empty.page, SAMPLE_PATH);
  await step('wizard (data-testid wizard-preview)', () => dialog.getByTestId('wizard-preview').waitFor({ state: 'visible', timeout: 15_000 }));
  await settle(empty.page);
  await visit(empty.page, 'wizard');

  const app = await open({ scheme });
  const { page } = app;
  await gotoTab(page, 'Overview');
  await step('Overview (data-testid figure-empowerment.gini)', () => hook(page, 'figure-empowerment.gini'));
  await settle(page);
  await visit(page, 'overview');

  await gotoTab(page, 'Jobs');
  await step('Jobs (data-testid jobs-table)', () => hook(page, 'jobs-table'));
  await step('Jobs (click job-row-Margaret Okafor → data-testid bundle-editor)', async () => {
    await jobRow(page, 'Margaret Okafor').click({ timeout: 15_000 });
    await hook(page, 'bundle-editor');
  });
  await settle(page);
  await visit(page, 'jobs');

  await gotoTab(page, 'Tasks & ratings');
  await step('Tasks (data-testid tasks-table)', () => hook(page, 'tasks-table'));
  await settle(page);
  await visit(page, 'tasks');

  await gotoTab(page, 'Charts');
  await step('Charts (chart-* drawn)', () => waitForCharts(page, CHART_IDS, problems ? 20_000 : 60_000));
  await page.waitForTimeout(300); // let any remaining chart animation finish
  await settle(page);
  await visit(page, 'charts');

  await gotoTab(page, 'Proposal');
  await page.getByTestId('proposal-run').click();
  await step('Proposal (data-testid proposal-results, after a run)', () => hook(page, 'proposal-results', problems ? 60_000 : 120_000));
  await step('Proposal (charts drawn)', () => hook(page, 'before-after-charts'));
  await page.waitForTimeout(300);
  await settle(page);
  await visit(page, 'proposal');
}
