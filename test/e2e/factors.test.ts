/**
 * End-to-end: factor ratings in Tasks & ratings. Opening a task's factor panel and rating one
 * factor makes the task's E the mean of its factors (the one factor, here), changes a person's E in
 * Jobs to the engine's new value, and Ctrl+Z brings the originals back. Also, with the panel open in
 * the light and dark themes: no serious axe-core violation, and screenshots for a person to look at
 * (test-results/e2e/factors-<theme>.png, factors-panel-<theme>.png).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeE2E, enterNumber, expectJobE, expectNoPageErrors, expectShown, gotoTab, isSerious, jobsTable, parseShown, ratingInput, runAxe, screenshotPath, settle,
  useBrowser, type Scheme,
} from './harness';
import { audit, importSample, person, ratingPoints } from './engine';
import { normalize } from '../../renderer/src/engine/rating/scale';
import { setTaskFactor } from '../../renderer/src/state/edits';
import type { Organization } from '../../renderer/src/engine/model/types';

/** Serious and critical axe-core violations on the page, as readable lines (as in a11y.test.ts). */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  return (await runAxe(page)).filter(isSerious).map((v) => `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')})`);
}

const TASK = 'Strategic planning';
const PERSON = 'Margaret Okafor';
const FACTOR = 'Decision authority';

/** The organization after a factor rated in points of the project scale, as typed in the panel. */
function withFactor(org: Organization, kind: 'empowerment' | 'desirability', factor: string, points: number): Organization {
  const id = org.tasks.find((t) => t.name === TASK)!.id;
  return setTaskFactor(org, id, kind, factor, normalize(points, org.scale));
}

async function openFactors(page: Page): Promise<void> {
  await gotoTab(page, 'Tasks & ratings');
  const toggle = page.getByTestId(`task-row-${TASK}`).getByTestId('task-factors-toggle');
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded'), { message: `Factors of ${TASK} expanded` }).toBe('true');
  await page.getByTestId('factor-editor').waitFor({ state: 'visible' });
}

describeE2E('rating a task factor by factor (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  const before = audit(sample);

  async function expectPersonE(page: Page, expected: number, when: string): Promise<void> {
    await gotoTab(page, 'Jobs');
    await jobsTable(page).waitFor({ state: 'visible' });
    await expectJobE(page, PERSON, expected, when);
  }

  it('edits a factor: the task’s E and a person’s E in Jobs change, Ctrl+Z restores them', async () => {
    const app = await open();
    const { page } = app;
    const original = ratingPoints(sample, TASK, 'empowerment');
    const edited = 2;
    const after = audit(sample, withFactor(sample.organization, 'empowerment', FACTOR, edited));
    expect(after.tasks.find((t) => t.name === TASK)!.empowerment).toBeCloseTo(edited, 9); // the mean of one factor
    expect(person(after, PERSON).empowerment).not.toBeCloseTo(person(before, PERSON).empowerment!, 2);

    await expectPersonE(page, person(before, PERSON).empowerment!, 'before the edit');
    await openFactors(page);
    const factor = page.getByLabel(`${FACTOR} of ${TASK}`, { exact: true });
    expect(await factor.inputValue()).toBe('');
    await enterNumber(factor, edited);
    await expect
      .poll(async () => parseShown(await ratingInput(page, 'Empowerment', TASK).inputValue())?.value, { message: `Empowerment of ${TASK} after the factor edit` })
      .toBeCloseTo(edited, 2);
    await expect.poll(() => page.getByTestId('factor-derivation-empowerment').textContent()).toMatch(/^E = 2: the one empowerment factor rated/);
    await expect.poll(async () => (await page.getByTestId(`task-row-${TASK}`).getByTestId('task-source').textContent()) ?? '').toMatch(/member/i);

    await expectPersonE(page, person(after, PERSON).empowerment!, 'after the factor edit');

    // Undo from the keyboard, focus outside any field.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expectPersonE(page, person(before, PERSON).empowerment!, 'after Ctrl+Z');
    await gotoTab(page, 'Tasks & ratings');
    expectShown(parseShown(await ratingInput(page, 'Empowerment', TASK).inputValue()), original, `Empowerment of ${TASK} after Ctrl+Z`);
    // The panel is still open (the view remembers it) and the factor is unrated again.
    await expect.poll(() => page.getByLabel(`${FACTOR} of ${TASK}`, { exact: true }).inputValue()).toBe('');
    expectNoPageErrors(app);
  });

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`the open factor panel passes axe and is screenshot (${scheme})`, async () => {
      const app = await open({ scheme });
      const { page } = app;
      await openFactors(page);
      const rate = async (factor: string, points: number) => enterNumber(page.getByLabel(`${factor} of ${TASK}`, { exact: true }), points);
      await rate(FACTOR, 18);
      await rate('Planning and problem solving', 17);
      await rate('Repetition', 12);
      await expect.poll(() => page.getByTestId('factor-derivation-empowerment').textContent()).toMatch(/^E = 17\.5: mean of the 2 empowerment factors rated/);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await settle(page);
      await page.screenshot({ path: screenshotPath(`factors-${scheme}`), animations: 'disabled' });
      await page.getByTestId('factor-editor').screenshot({ path: screenshotPath(`factors-panel-${scheme}`), animations: 'disabled' });
      expect(await seriousAxeViolations(page), `serious/critical axe violations with the factor panel open (${scheme})`).toEqual([]);
      expectNoPageErrors(app);
    });
  }
});
