/**
 * End-to-end: the project file and re-import. Save downloads a .fairshare; opening it in a fresh
 * page (Open… + the file picker) shows the same people and keeps an edited rating. Re-importing an
 * updated spreadsheet (one person's hours changed, one person gone) keeps the members' rating and
 * lists what changed.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  confirmWizard, describeE2E, download, enterNumber, expectNoPageErrors, figureValue, gotoTab, jobNames, jobsTable, parseShown, pickFile, ratingInput, startImport,
  toolbarButton, useBrowser, waitIdle, XLSX_MIME,
} from './harness';
import { audit, importBytes, importSample, reading, SAMPLE_NAME, updatedSample, withRating } from './engine';

const TASK = 'Budget decisions';
const EDITED = 7;

describeE2E('project files and re-import (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  const names = sample.organization.people.map((p) => p.name);

  async function rateTask(page: Page): Promise<void> {
    await gotoTab(page, 'Tasks & ratings');
    await page.getByTestId('tasks-table').waitFor({ state: 'visible' });
    await enterNumber(ratingInput(page, 'Empowerment', TASK), EDITED);
    await waitIdle(page);
  }

  async function shownRating(page: Page): Promise<number | undefined> {
    await gotoTab(page, 'Tasks & ratings');
    await page.getByTestId('tasks-table').waitFor({ state: 'visible' });
    return parseShown(await ratingInput(page, 'Empowerment', TASK).inputValue())?.value;
  }

  it('saves the project as a .fairshare download and opens it in a fresh page with the same people and the edited rating', async () => {
    const first = await open();
    await rateTask(first.page);
    const expectedGini = reading(audit(sample, withRating(sample.organization, TASK, { empowerment: EDITED })), 'empowerment.gini');
    await gotoTab(first.page, 'Overview');
    await expect.poll(() => figureValue(first.page, 'empowerment.gini'), { timeout: 30_000 }).toBeCloseTo(expectedGini, 9);

    const saved = await download(first.page, toolbarButton(first.page, 'Save'));
    expect(saved.suggestedFilename()).toMatch(/\.fairshare$/);
    const file = (await saved.path())!;
    const text = readFileSync(file, 'utf8');
    expect(() => JSON.parse(text), 'the saved project is JSON').not.toThrow();
    expectNoPageErrors(first);

    // A fresh page (new browser context: no memory, no storage) opens the downloaded file.
    const second = await open({ empty: true });
    const { page } = second;
    await pickFile(page, toolbarButton(page, 'Open…'), { name: saved.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(file) });
    await page.getByRole('tab', { name: 'Jobs', exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
    await waitIdle(page);
    await gotoTab(page, 'Jobs');
    await jobsTable(page).waitFor({ state: 'visible' });
    await expect.poll(() => jobNames(page).then((n) => n.length), { timeout: 30_000 }).toBe(names.length);
    expect((await jobNames(page)).sort()).toEqual([...names].sort());
    expect(await shownRating(page), `Empowerment of ${TASK} after reopening`).toBeCloseTo(EDITED, 6);
    await gotoTab(page, 'Overview');
    await expect.poll(() => figureValue(page, 'empowerment.gini'), { timeout: 30_000, message: 'Gini after reopening' }).toBeCloseTo(expectedGini, 9);
    expectNoPageErrors(second);
  });

  it('re-imports an updated spreadsheet: keeps the edited rating and lists the removed person and the changed hours', async () => {
    const app = await open();
    const { page } = app;
    await rateTask(page);
    const updated = updatedSample();
    const dialog = await startImport(page, { name: SAMPLE_NAME, mimeType: XLSX_MIME, buffer: updated.buffer });
    expect(await dialog.isVisible()).toBe(true);
    await confirmWizard(page);

    // What changed is listed (checked softly, so the checks below still run and report).
    const changes = page.getByTestId('reimport-changes');
    const listed = await expect
      .poll(() => changes.count(), { timeout: 15_000 })
      .toBeGreaterThan(0)
      .then(() => true, () => false);
    expect.soft(listed, 'data-testid reimport-changes is shown after a re-import').toBe(true);
    if (listed) {
      // innerText keeps table cells apart (tabs, newlines), as a reader sees them.
      const text = await changes.first().innerText();
      expect.soft(text, 'reimport-changes names the removed person').toContain(updated.removed);
      const line = text.split('\n').find((l) => l.includes(updated.changed.name)) ?? '';
      expect.soft(line, `reimport-changes lists ${updated.changed.name}'s hours: ${JSON.stringify(text)}`).not.toBe('');
      const numbers = (line.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
      expect.soft(numbers, `${updated.changed.name}'s line shows the total before (${updated.changed.totalBefore} h)`).toContain(updated.changed.totalBefore);
      expect.soft(numbers, `${updated.changed.name}'s line shows the total after (${updated.changed.totalAfter} h)`).toContain(updated.changed.totalAfter);
    }

    // The rating survived, and the scores are the engine's for the new file plus that rating.
    expect(await shownRating(page), `Empowerment of ${TASK} after the re-import`).toBeCloseTo(EDITED, 6);
    const reimported = importBytes(updated.buffer, SAMPLE_NAME);
    const expected = audit(reimported, withRating(reimported.organization, TASK, { empowerment: EDITED }));
    await gotoTab(page, 'Jobs');
    await expect.poll(() => jobNames(page).then((n) => n.length), { timeout: 30_000 }).toBe(names.length - 1);
    expect(await jobNames(page)).not.toContain(updated.removed);
    await gotoTab(page, 'Overview');
    await expect.poll(() => figureValue(page, 'empowerment.gini'), { timeout: 30_000, message: 'Gini after the re-import' }).toBeCloseTo(reading(expected, 'empowerment.gini'), 9);
    expectNoPageErrors(app);
  });
});
