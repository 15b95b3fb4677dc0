/**
 * End-to-end: editing in the workspace. A rating changed in Tasks & ratings changes the E scores in
 * Jobs and the Gini card to the engine's new values, and Undo (button, then Ctrl+Z after Redo) brings
 * the originals back; a person's hours changed in the bundle editor change their total hours.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeE2E, enterNumber, expectJobE, expectNoPageErrors, expectShown, figureValue, gotoTab, jobRow, jobsTable, parseShown, ratingInput, readShown, toolbarButton,
  useBrowser,
} from './harness';
import { audit, hoursOn, importSample, person, ratingPoints, reading, withHours, withRating } from './engine';

const TASK = 'Strategic planning';
const PERSON = 'Margaret Okafor';

describeE2E('editing ratings and hours (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  const before = audit(sample);

  async function expectScores(page: Page, report: typeof before, when: string): Promise<void> {
    await gotoTab(page, 'Jobs');
    await jobsTable(page).waitFor({ state: 'visible' });
    for (const name of [PERSON, 'Daniel Reyes']) await expectJobE(page, name, person(report, name).empowerment!, when);
    await gotoTab(page, 'Overview');
    const gini = reading(report, 'empowerment.gini');
    await expect.poll(() => figureValue(page, 'empowerment.gini'), { timeout: 30_000, message: `${when}: figure-empowerment.gini` }).toBeCloseTo(gini, 9);
  }

  it('edits a rating: E scores in Jobs and the Gini card change, Undo/Redo/Ctrl+Z restore them', async () => {
    const app = await open();
    const { page } = app;
    const original = ratingPoints(sample, TASK, 'empowerment');
    const edited = 2;
    const after = audit(sample, withRating(sample.organization, TASK, { empowerment: edited }));
    expect(person(after, PERSON).empowerment).not.toBeCloseTo(person(before, PERSON).empowerment!, 2);

    await expectScores(page, before, 'before the edit');
    await gotoTab(page, 'Tasks & ratings');
    await page.getByTestId('tasks-table').waitFor({ state: 'visible' });
    const input = ratingInput(page, 'Empowerment', TASK);
    expectShown(parseShown(await input.inputValue()), original, `Empowerment of ${TASK}`);
    const sourceBefore = (await page.getByTestId(`task-row-${TASK}`).getByTestId('task-source').textContent()) ?? '';
    await enterNumber(input, edited);
    // The source becomes the members' rating.
    await expect
      .poll(async () => (await page.getByTestId(`task-row-${TASK}`).getByTestId('task-source').textContent()) ?? '', { message: `task-source of ${TASK} after the edit (was ${sourceBefore})` })
      .toMatch(/member/i);

    await expectScores(page, after, 'after the edit');

    // Undo with the toolbar button.
    await toolbarButton(page, 'Undo').click();
    await expectScores(page, before, 'after Undo');
    await gotoTab(page, 'Tasks & ratings');
    await expect.poll(async () => parseShown(await ratingInput(page, 'Empowerment', TASK).inputValue())?.value, { message: 'rating input after Undo' }).toBeCloseTo(original, 2);

    // Redo, then undo again from the keyboard (focus outside any field).
    await toolbarButton(page, 'Redo').click();
    await expectScores(page, after, 'after Redo');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expectScores(page, before, 'after Ctrl+Z');
    expectNoPageErrors(app);
  });

  it('Ctrl+Z inside a rating cell is the app\'s undo: a suggested rating comes back as a suggestion, never as the members\'', async () => {
    // Issue 12: the browser's own undo put the old text back in the cell, and leaving the cell stored it
    // as the members' rating ("suggested" became "members" with the suggestion's value).
    const app = await open();
    const { page } = app;
    const task = 'Stuff mailings';
    await gotoTab(page, 'Tasks & ratings');
    await page.getByTestId('tasks-table').waitFor({ state: 'visible' });
    const source = () => page.getByTestId(`task-row-${task}`).getByTestId('task-source').textContent();
    const input = ratingInput(page, 'Empowerment', task);
    await input.scrollIntoViewIfNeeded();
    expect(await source()).toMatch(/suggested/i);
    const original = await input.inputValue();

    // Typed as a user types (so the browser keeps its own undo history for the cell), then left.
    await input.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await expect.poll(source, { message: 'source after typing 9' }).toMatch(/member/i);

    // Back in the cell, Ctrl+Z: the app's undo restores the suggestion, value and source.
    await input.click();
    await page.keyboard.press('Control+z');
    await expect.poll(source, { message: 'source after Ctrl+Z in the cell' }).toMatch(/suggested/i);
    await expect.poll(() => input.inputValue(), { message: 'value after Ctrl+Z in the cell' }).toBe(original);
    // Leaving the cell stores nothing new.
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(await source()).toMatch(/suggested/i);
    expect(await input.inputValue()).toBe(original);

    // Typing and Ctrl+Z before leaving discards the typing; nothing is stored.
    await input.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('7');
    await page.keyboard.press('Control+z');
    expect(await input.inputValue()).toBe(original);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(await source()).toMatch(/suggested/i);
    expectNoPageErrors(app);
  });

  it("edits a person's hours in the bundle editor: their total hours and E change", async () => {
    const app = await open();
    const { page } = app;
    const hours = hoursOn(sample.organization, PERSON, TASK);
    const newHours = hours + 4;
    const after = audit(sample, withHours(sample.organization, PERSON, TASK, newHours));
    const totalBefore = person(before, PERSON).hours;
    const totalAfter = person(after, PERSON).hours;
    expect(totalAfter).toBe(totalBefore + 4);

    await gotoTab(page, 'Jobs');
    const row = jobRow(page, PERSON);
    await row.waitFor({ state: 'visible' });
    expect(await rowHours(row), `hours shown in job-row-${PERSON}`).toBe(totalBefore);
    await row.click();
    const editor = page.getByTestId('bundle-editor');
    await editor.waitFor({ state: 'visible' });
    const field = editor.getByLabel(`Hours on ${TASK}`, { exact: true });
    expect(Number(await field.inputValue())).toBe(hours);
    await enterNumber(field, newHours);

    await expect.poll(() => rowHours(jobRow(page, PERSON)), { timeout: 30_000, message: `total hours of ${PERSON} after the edit` }).toBe(totalAfter);
    await expectJobE(page, PERSON, person(after, PERSON).empowerment!, 'after the hours edit');
    await gotoTab(page, 'Overview');
    await expect.poll(() => figureValue(page, 'empowerment.gini'), { timeout: 30_000 }).toBeCloseTo(reading(after, 'empowerment.gini'), 9);
    expectNoPageErrors(app);
  });
});

/**
 * A person's total weekly hours as their Jobs row shows it: the cell data-testid job-hours when the
 * view has one, else the row's cells read for one equal to a plausible total (documented fallback).
 */
async function rowHours(row: import('playwright-core').Locator): Promise<number | null> {
  const cell = row.getByTestId('job-hours');
  if ((await cell.count()) > 0) return (await readShown(cell))?.value ?? null;
  const cells = await row.locator(':scope > th, :scope > td, :scope > [role="cell"], :scope > [role="gridcell"], :scope > [role="rowheader"]').allTextContents();
  const header = await row.locator('xpath=ancestor::table[1]').locator('thead th').allTextContents().catch(() => [] as string[]);
  const i = header.findIndex((h) => /hours/i.test(h));
  if (i >= 0 && cells[i] !== undefined) return parseShown(cells[i])?.value ?? null;
  return null;
}
