/**
 * End-to-end: the notice (toast) never covers the view (issue 12). After Save the "Saved …" notice is
 * shown in the tab bar, announced (role=status), outside the Jobs table and the whole view, at
 * 1024×700 and 1440×900; its button dismisses it.
 */
import { expect, it } from 'vitest';
import { describeE2E, download, expectNoPageErrors, gotoTab, screenshotPath, settle, toolbarButton, useBrowser } from './harness';

interface Box { x: number; y: number; width: number; height: number }

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describeE2E('the notice never covers the view (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  for (const [width, height] of [[1024, 700], [1440, 900]] as const) {
    it(`at ${width}×${height}: the Saved notice is beside the tabs, over no table row, and dismissable`, async () => {
      const app = await open();
      const { page } = app;
      await page.setViewportSize({ width, height });
      await gotoTab(page, 'Jobs');
      const table = page.getByTestId('jobs-table');
      await table.waitFor({ state: 'visible' });
      await download(page, toolbarButton(page, 'Save'));
      const notice = page.getByRole('status').filter({ hasText: /^Saved / });
      await notice.waitFor({ state: 'visible' });
      await settle(page);
      await page.screenshot({ path: screenshotPath(`notice-jobs-${width}`) });

      const box = (await notice.boundingBox())!;
      const view = (await page.locator('main').boundingBox())!;
      const tableBox = (await table.boundingBox())!;
      expect(overlaps(box, tableBox), `notice ${JSON.stringify(box)} over the Jobs table ${JSON.stringify(tableBox)}`).toBe(false);
      expect(overlaps(box, view), `notice ${JSON.stringify(box)} over the view ${JSON.stringify(view)}`).toBe(false);
      // Over no tab either.
      for (const tab of await page.getByRole('tab').all()) expect(overlaps(box, (await tab.boundingBox())!), 'notice over a tab').toBe(false);

      await notice.getByRole('button', { name: /^Dismiss/ }).click();
      await expect.poll(() => notice.count(), { message: 'notice after Dismiss' }).toBe(0);
      expectNoPageErrors(app);
    });
  }
});
