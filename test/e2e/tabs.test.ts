/**
 * End-to-end: the view tabs follow the WAI-ARIA tabs pattern (issue 12). Only the selected tab is in
 * the tab order; Left/Right move to the previous/next tab (wrapping) and select it, Home and End go
 * to the first and last; the view under the tabs follows.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, expectNoPageErrors, gotoTab, useBrowser } from './harness';

const NAMES = ['Overview', 'Jobs', 'Tasks & ratings', 'Charts', 'Proposal', 'Merger', 'Rating round', 'Report'];

/** The focused element's tab name and the selected tab's name, and each tab's tabindex. */
async function tabState(page: Page): Promise<{ focused: string | null; selected: string | null; tabIndexes: (string | null)[] }> {
  return page.evaluate(() => {
    const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
    const active = document.activeElement as HTMLElement | null;
    return {
      focused: active?.getAttribute('role') === 'tab' ? active.textContent : null,
      selected: tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.textContent ?? null,
      tabIndexes: tabs.map((t) => t.getAttribute('tabindex')),
    };
  });
}

describeE2E('view tabs answer the arrow keys (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  it('Left/Right wrap, Home/End, roving tabindex, the view follows', async () => {
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Overview');
    let state = await tabState(page);
    expect(state.tabIndexes, 'only the selected tab is in the tab order').toEqual(NAMES.map((_, i) => (i === 0 ? '0' : '-1')));

    await page.getByRole('tab', { name: 'Overview', exact: true }).focus();
    const expectAt = async (name: string, key: string) => {
      await expect.poll(async () => (await tabState(page)).selected, { message: `selected tab after ${key}` }).toBe(name);
      state = await tabState(page);
      expect(state.focused, `focused tab after ${key}`).toBe(name);
      expect(state.tabIndexes, `tabindex after ${key}`).toEqual(NAMES.map((n) => (n === name ? '0' : '-1')));
    };
    await page.keyboard.press('ArrowRight');
    await expectAt('Jobs', 'ArrowRight');
    await page.getByTestId('jobs-table').waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowRight');
    await expectAt('Tasks & ratings', 'ArrowRight ×2');
    await page.getByTestId('tasks-table').waitFor({ state: 'visible' });
    await page.keyboard.press('End');
    await expectAt('Report', 'End');
    await page.keyboard.press('ArrowRight');
    await expectAt('Overview', 'ArrowRight from the last tab (wraps)');
    await page.keyboard.press('ArrowLeft');
    await expectAt('Report', 'ArrowLeft from the first tab (wraps)');
    await page.keyboard.press('Home');
    await expectAt('Overview', 'Home');

    // Tab leaves the tablist from the selected tab; Shift+Tab comes back to it, not to the first tab.
    await page.keyboard.press('ArrowLeft');
    await expectAt('Report', 'ArrowLeft');
    await page.keyboard.press('Tab');
    expect((await tabState(page)).focused, 'Tab leaves the tablist').toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect((await tabState(page)).focused, 'Shift+Tab returns to the selected tab').toBe('Report');
    expectNoPageErrors(app);
  });
});
