/**
 * End-to-end: the workspace fits the window. The sample's project has a long name ("Riverside Tenants
 * & Workers Alliance"); the toolbar cuts it with an ellipsis rather than growing the page past the
 * window (an auto grid column once took the name's unwrapped width, and the Overview's right edge,
 * the tolerance field and the toolbar's last buttons, fell outside a 1366-wide window).
 */
import { expect, it } from 'vitest';
import { SAMPLE_TITLES } from '../../electron/ipc/contract';
import { describeE2E, expectNoPageErrors, gotoTab, settle, useBrowser } from './harness';

describeE2E('the workspace within the window (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  for (const size of [{ width: 1024, height: 700 }, { width: 1366, height: 900 }]) {
    it(`at ${size.width}×${size.height}: no part of the page is wider than the window, the project's long name cut in the toolbar`, async () => {
      const app = await open();
      const { page } = app;
      await page.setViewportSize(size);
      await gotoTab(page, 'Overview');
      await settle(page);
      const fit = await page.evaluate(() => {
        const right = (sel: string) => Math.max(...[...document.querySelectorAll<HTMLElement>(sel)].map((e) => e.getBoundingClientRect().right));
        return {
          window: window.innerWidth,
          page: document.documentElement.scrollWidth,
          toolbar: right('.toolbar > *'),
          title: document.querySelector('.toolbar .title')?.getAttribute('title') ?? '',
        };
      });
      expect(fit.title).toContain(SAMPLE_TITLES.organization);
      expect(fit.page, 'page width').toBeLessThanOrEqual(fit.window);
      expect(fit.toolbar, 'the toolbar\'s last button').toBeLessThanOrEqual(fit.window);
      expectNoPageErrors(app);
    });
  }
});
