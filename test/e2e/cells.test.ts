/**
 * End-to-end: an invalid rating typed in a Tasks & ratings cell (issue 12). 25 or 0 on the 1–20 scale
 * is never stored (the rating, its source and the undo history stay as they were); Enter keeps it in
 * the cell marked invalid, leaving the cell puts the stored rating back, Escape reverts; the message
 * sits beside the cell, inside it, covering neither the next row nor the neighbouring cells.
 * Ratings are shown with one decimal at most (a suggestion's 17.72 as 17.7).
 */
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, expectNoPageErrors, gotoTab, ratingInput, screenshotPath, settle, toolbarButton, useBrowser } from './harness';
import { inside, overlaps, type Box } from './boxes';
import { importSample, ratingPoints } from './engine';

const TASK = 'Stuff mailings'; // suggested in the sample

/** The row after `task`'s row in the table as shown. */
async function nextRowName(page: Page, task: string): Promise<string> {
  return page.getByTestId(`task-row-${task}`).evaluate((tr) => {
    let next = tr.nextElementSibling;
    while (next && !next.hasAttribute('data-row-index')) next = next.nextElementSibling;
    return next?.getAttribute('data-testid')?.slice('task-row-'.length) ?? '';
  });
}

/** The message beside `input`, by its aria-describedby. */
function messageOf(page: Page, input: Locator): Promise<{ text: string; box: Box | null } | null> {
  return input.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const msg = ids.map((id) => document.getElementById(id)).find((m) => m?.closest('.table-input-error'))?.closest<HTMLElement>('.table-input-error');
    if (!msg) return null;
    const r = msg.getBoundingClientRect();
    return { text: msg.textContent ?? '', box: r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null };
  });
}

describeE2E('an invalid rating in a cell (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  it('25 and 0 are never stored; the message sits beside the cell, over no other cell; Escape reverts', async () => {
    const app = await open();
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await gotoTab(page, 'Tasks & ratings');
    await page.getByTestId('tasks-table').waitFor({ state: 'visible' });
    const row = page.getByTestId(`task-row-${TASK}`);
    const source = () => row.getByTestId('task-source').textContent();
    const input = ratingInput(page, 'Empowerment', TASK);
    await input.scrollIntoViewIfNeeded();
    const original = await input.inputValue();
    expect(await source()).toMatch(/suggested/i);
    expect(await toolbarButton(page, 'Undo').isDisabled(), 'no edit yet').toBe(true);

    // Enter: the typed 25 stays in the cell to be corrected, marked invalid and not stored.
    await input.click();
    await input.fill('25');
    await input.press('Enter');
    await settle(page);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.inputValue()).toBe('25');
    expect(await source()).toMatch(/suggested/i);
    expect(await toolbarButton(page, 'Undo').isDisabled(), 'nothing stored: no undo step').toBe(true);
    const message = await messageOf(page, input);
    expect(message?.text).toMatch(/not saved.*1\s*–\s*\u2060?20/is);
    expect(message?.text, 'the announcement names the cell').toContain(`Empowerment of ${TASK}`);
    expect(message?.box, 'the message is visible').not.toBeNull();
    await page.screenshot({ path: screenshotPath('cells-invalid-enter-1024') });

    // Beside the cell: inside its own cell, over neither the next row's cell nor the neighbouring cells.
    const cell = (await input.evaluate((el) => {
      const r = el.closest('td')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    })) as Box;
    expect(inside(message!.box!, cell), `message ${JSON.stringify(message!.box)} inside its cell ${JSON.stringify(cell)}`).toBe(true);
    const next = await nextRowName(page, TASK);
    expect(next).not.toBe('');
    const nextBox = (await ratingInput(page, 'Empowerment', next).boundingBox())!;
    expect(overlaps(message!.box!, nextBox), `message over ${next}'s cell`).toBe(false);
    const people = (await row.getByTestId('task-people').boundingBox())!;
    expect(overlaps(message!.box!, people), 'message over the People cell').toBe(false);

    // Leaving the cell (Tab): the stored rating comes back; the note stays beside it, saying it was not saved.
    await input.press('Tab');
    await settle(page);
    expect(await input.inputValue()).toBe(original);
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    expect((await messageOf(page, input))?.text).toMatch(/was not saved/);
    expect(await source()).toMatch(/suggested/i);
    expect(await toolbarButton(page, 'Undo').isDisabled(), 'still nothing stored').toBe(true);
    // Coming back to the cell clears the note.
    await input.focus();
    await settle(page);
    expect(await messageOf(page, input)).toBeNull();

    // 0 in Desirability, then Escape: the old value, no message, nothing stored.
    const d = ratingInput(page, 'Desirability', TASK);
    const dOriginal = await d.inputValue();
    await d.fill('0');
    await d.press('Enter');
    expect(await d.getAttribute('aria-invalid')).toBe('true');
    await d.press('Escape');
    await settle(page);
    expect(await d.inputValue()).toBe(dOriginal);
    expect(await d.getAttribute('aria-invalid')).toBeNull();
    expect(await messageOf(page, d)).toBeNull();
    expect(await toolbarButton(page, 'Undo').isDisabled()).toBe(true);
    expect(await source()).toMatch(/suggested/i);
    expectNoPageErrors(app);
  });

  it('ratings show one decimal at most: a suggestion, and the same rating once accepted as the members\'', async () => {
    const sample = importSample();
    // A suggested task whose rating has more than one decimal (the library's 0–1 value mapped to 1–20).
    const task = sample.organization.tasks.find((t) => {
      if (t.source !== 'suggested' || t.empowerment === null) return false;
      const points = ratingPoints(sample, t.name, 'empowerment');
      return Math.abs(points * 10 - Math.round(points * 10)) > 1e-6;
    });
    expect(task, 'a suggested rating with two or more decimals in the sample').toBeDefined();
    const exact = ratingPoints(sample, task!.name, 'empowerment');
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Tasks & ratings');
    await page.getByTestId('tasks-table').waitFor({ state: 'visible' });
    const input = ratingInput(page, 'Empowerment', task!.name);
    await input.scrollIntoViewIfNeeded();
    expect(await input.inputValue()).toBe(String(Math.round(exact * 10) / 10));
    // Accepted, it is the members' rating with the same numbers, and still shown to one decimal.
    await page.getByRole('button', { name: `Accept the suggested rating of ${task!.name}` }).click();
    await expect.poll(() => page.getByTestId(`task-row-${task!.name}`).getByTestId('task-source').textContent()).toMatch(/member/i);
    expect(await input.inputValue(), `${task!.name} (exactly ${exact}) after Accept`).toBe(String(Math.round(exact * 10) / 10));

    // Every rating field in the rendered rows, whatever its source.
    const values = await page.getByTestId('tasks-table').locator('input[data-testid="task-e-input"], input[data-testid="task-d-input"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values.length).toBeGreaterThan(10);
    for (const v of values) expect(v, `a rating shown as ${v}`).toMatch(/^(\d+(\.\d)?)?$/);
    expectNoPageErrors(app);
  });
});
