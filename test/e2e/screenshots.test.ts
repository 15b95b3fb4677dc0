/**
 * End-to-end: screenshots of every screen in the light and the dark theme, for a person to look at
 * (test-results/e2e/, git-ignored): <view>-<theme>.png is the 1366×900 window, <view>-<theme>-full.png
 * the whole view (the window made as tall as the view's scrolling content), and for the import
 * wizard, whose dialog scrolls inside itself, wizard-<theme>-2.png… the dialog scrolled page by page. The test checks that each
 * image was written, is not blank, and that the two themes really differ.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeE2E, e2e, screenshotPath, settle, useBrowser, type Scheme } from './harness';
import { walkViews, type ViewName } from './views';

describeE2E('screenshots of every view, light and dark (end-to-end, Chromium)', () => {
  const { open, opened } = useBrowser();
  const written = new Map<string, string>();

  beforeAll(() => {
    // Old images would pass for new ones.
    if (existsSync(e2e.resultsDir)) for (const f of readdirSync(e2e.resultsDir)) if (f.endsWith('.png')) rmSync(path.join(e2e.resultsDir, f));
  });

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`saves a screenshot of each view (${scheme})`, async () => {
      const views: ViewName[] = [];
      const problems: string[] = [];
      await walkViews(
        open,
        scheme,
        async (page, view) => {
          // What a user sees first (a 1366×900 window), then the whole view in a window tall enough for it.
          const file = screenshotPath(`${view}-${scheme}`);
          await page.screenshot({ path: file, animations: 'disabled' });
          if (view === 'wizard') await dialogPages(page, `${view}-${scheme}`);
          else await fullViewScreenshot(page, screenshotPath(`${view}-${scheme}-full`));
          written.set(`${view}-${scheme}`, file);
          views.push(view);
        },
        problems,
      );
      expect(problems, 'views whose hooks did not appear (screenshots were taken anyway)').toEqual([]);
      expect(views).toEqual(['start', 'wizard', 'overview', 'jobs', 'tasks', 'charts', 'proposal']);
      for (const view of views) {
        const file = written.get(`${view}-${scheme}`)!;
        expect(statSync(file).size, `${file} has content`).toBeGreaterThan(5_000);
      }
      for (const app of opened) expect(app.pageErrors, 'uncaught exceptions in the page').toEqual([]);
    });
  }

  it('light and dark screenshots differ', () => {
    const pairs = [...written.keys()].filter((k) => k.endsWith('-light')).map((k) => k.slice(0, -'-light'.length));
    expect(pairs.length, 'screenshots taken in both themes').toBeGreaterThan(0);
    for (const view of pairs) {
      const dark = written.get(`${view}-dark`);
      if (!dark) continue;
      expect(readFileSync(written.get(`${view}-light`)!).equals(readFileSync(dark)), `${view}: light and dark look identical`).toBe(false);
    }
  });
});

/**
 * The app scrolls inside its own containers (the content pane, long tables), so a "full page"
 * screenshot would only show the window. Instead the window is made as tall as those containers'
 * content, shot, and put back.
 */
async function fullViewScreenshot(page: Page, file: string): Promise<void> {
  const original = page.viewportSize()!;
  let height = original.height;
  for (let i = 0; i < 3; i++) {
    const overflow = await page.evaluate(() => {
      let extra = 0;
      for (const el of document.querySelectorAll<HTMLElement>('main, main *')) {
        const style = getComputedStyle(el);
        if (!/(auto|scroll)/.test(style.overflowY)) continue;
        extra = Math.max(extra, el.scrollHeight - el.clientHeight);
      }
      return extra;
    });
    if (overflow <= 1) break;
    height = Math.min(8_000, height + overflow);
    await page.setViewportSize({ width: original.width, height });
    await settle(page);
  }
  await page.screenshot({ path: file, animations: 'disabled' });
  if (height !== original.height) {
    await page.setViewportSize(original);
    await settle(page);
  }
}

/** Screenshots of a dialog that scrolls inside itself, scrolled a page at a time: <stem>-2.png, -3.png… */
async function dialogPages(page: Page, stem: string): Promise<void> {
  for (let i = 2; i <= 6; i++) {
    const moved = await page.evaluate(() => {
      const scrollers = [...document.querySelectorAll<HTMLElement>('[role="dialog"], [role="dialog"] *')].filter(
        (el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1,
      );
      const el = scrollers.sort((a, b) => b.clientHeight - a.clientHeight)[0];
      if (!el || el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return false;
      el.scrollTop += el.clientHeight - 40;
      return true;
    });
    if (!moved) return;
    await settle(page);
    await page.screenshot({ path: screenshotPath(`${stem}-${i}`), animations: 'disabled' });
  }
}
