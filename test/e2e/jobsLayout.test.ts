/**
 * End-to-end (issue 12's screenshot pass): the Jobs table keeps people's names and roles whole at
 * 1024×700 and 1440×900, with and without a person's bundle editor open — the score columns take
 * short headers (E, D) where room is short, instead of squeezing the names to "Mar…".
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, expectNoPageErrors, gotoTab, jobRow, jobsTable, screenshotPath, settle, useBrowser } from './harness';

/** Names and roles of the sample that are cut (their text wider than their cell) in the rows shown. */
async function cutCells(page: Page): Promise<string[]> {
  return jobsTable(page).locator('tbody tr').evaluateAll((rows) =>
    rows.slice(0, 12).flatMap((tr) =>
      [...tr.querySelectorAll<HTMLElement>('[data-testid="job-name"], [data-testid="job-role"]')].filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent ?? ''),
    ),
  );
}

describeE2E('the Jobs table at small and large windows (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  for (const size of [{ width: 1024, height: 700 }, { width: 1440, height: 900 }]) {
    it(`at ${size.width}×${size.height}: the first rows' names and all but the longest roles are whole, also beside the bundle editor`, async () => {
      const app = await open();
      const { page } = app;
      await page.setViewportSize(size);
      await gotoTab(page, 'Jobs');
      await jobsTable(page).waitFor({ state: 'visible' });
      await settle(page);
      await page.screenshot({ path: screenshotPath(`jobs-layout-${size.width}`) });
      // Every header reads whole (a sort button's label is cut with an ellipsis when its column is too narrow).
      const cutHeaders = await jobsTable(page).locator('thead th .table-sort > span:first-child').evaluateAll((spans) =>
        spans.filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.textContent ?? ''),
      );
      expect(cutHeaders, 'cut headers').toEqual([]);
      // At 1024 the table scrolls sideways rather than cut names; only the longest roles ("Communications Coordinator") may be cut there.
      const cutFull = await cutCells(page);
      expect(size.width >= 1440 ? cutFull : cutFull.filter((t) => t.length <= 18), 'cut without the editor').toEqual([]);
      await jobRow(page, 'Margaret Okafor').click();
      await page.getByTestId('bundle-editor').waitFor({ state: 'visible' });
      await settle(page);
      await page.screenshot({ path: screenshotPath(`jobs-layout-bundle-${size.width}`) });
      // Beside the editor at 1024 the table has half the window: the widest roles may still be cut, names not.
      const cut = await cutCells(page);
      if (size.width >= 1440) expect(cut.filter((t) => t.length <= 20), 'cut beside the editor').toEqual([]);
      else expect(cut.filter((t) => t.length <= 15), 'cut beside the editor').toEqual([]);
      expectNoPageErrors(app);
    });
  }
});
