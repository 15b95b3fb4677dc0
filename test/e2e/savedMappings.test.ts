/**
 * End-to-end: a saved column mapping follows its columns by header text. March's file is mapped
 * by hand and saved; April's file (sheet renamed, columns reordered, a column inserted, one gone)
 * gets the offer, which applies each field to the column with the same header and names the
 * column it did not find; then the mapping is deleted in the wizard and is no longer offered.
 */
import type { Locator, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import { describeE2E, expectNoPageErrors, isSerious, runAxe, startImport, useBrowser, waitIdle, wizard, XLSX_MIME, type FileArg } from './harness';

type Key = 'name' | 'grade' | 'team' | 'task' | 'hours' | 'cost' | 'notes' | 'phone';
const TITLES: Record<Key, string> = { name: 'Name', grade: 'Grade', team: 'Team', task: 'Task', hours: 'Hours', cost: 'Cost centre', notes: 'Notes', phone: 'Phone' };
const ROWS: Record<Key, string | number>[] = [
  { name: 'Ana Ruiz', grade: 'G7', team: 'Admin', task: 'Budget', hours: 20, cost: 'CC-100', notes: '', phone: '555-0101' },
  { name: 'Ana Ruiz', grade: 'G7', team: 'Admin', task: 'Filing', hours: 20, cost: 'CC-100', notes: 'cover', phone: '555-0101' },
  { name: 'Ben Ode', grade: 'G3', team: 'Field', task: 'Canvassing', hours: 35, cost: 'CC-200', notes: '', phone: '555-0102' },
  { name: 'Cy Park', grade: 'G3', team: 'Field', task: 'Phone bank', hours: 30, cost: 'CC-200', notes: '', phone: '555-0103' },
];

/** A one-sheet workbook with these columns in this order, written by SheetJS. */
function workbook(file: string, sheet: string, keys: Key[]): FileArg {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([keys.map((k) => TITLES[k]), ...ROWS.map((r) => keys.map((k) => r[k]))]), sheet);
  return { name: file, mimeType: XLSX_MIME, buffer: Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer) };
}

const MARCH = workbook('march.xlsx', 'March', ['name', 'grade', 'team', 'task', 'hours', 'cost', 'notes']);
// Renamed sheet, new order, Phone inserted, Notes gone.
const APRIL_KEYS: Key[] = ['task', 'hours', 'phone', 'cost', 'name', 'grade', 'team'];
const APRIL = workbook('april.xlsx', 'April', APRIL_KEYS);
const letter = (keys: Key[], key: Key) => String.fromCharCode(65 + keys.indexOf(key));

async function choose(page: Page, dialog: Locator, testId: string, field: string): Promise<void> {
  const select = dialog.getByTestId(testId);
  await select.selectOption(field);
  await waitIdle(page);
  await expect.poll(() => select.inputValue(), { message: `${testId} reads ${field}` }).toBe(field);
}

/** axe-core's serious and critical violations on the page, as "id: where" lines (see a11y.test.ts). */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  return (await runAxe(page)).filter(isSerious).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function cancelWizard(page: Page): Promise<void> {
  await wizard(page).locator('.wiz-actions').getByRole('button', { name: 'Cancel', exact: true }).click();
  await wizard(page).waitFor({ state: 'detached' });
}

describeE2E('saved column mappings (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  it('saves a mapping, applies it by header text to a reordered file, and deletes it', async () => {
    const app = await open({ empty: true });
    const { page } = app;

    // March: Grade is the role, Cost centre the department, and Team is not used.
    let dialog = await startImport(page, MARCH);
    await choose(page, dialog, 'mapping-March-B', 'role');
    await choose(page, dialog, 'mapping-March-F', 'department');
    await choose(page, dialog, 'mapping-March-C', 'skip');
    await dialog.getByTestId('wizard-save-mapping').click();
    await dialog.getByTestId('wizard-mapping-name').fill('Monthly hours');
    await dialog.getByTestId('wizard-mapping-submit').click();
    await expect.poll(async () => (await dialog.locator('.wiz-foot').textContent()) ?? '', { message: 'saved status' }).toContain('Saved as “Monthly hours”.');
    await cancelWizard(page);

    // April: the offer names the mapping, the renamed sheet and the column it did not find.
    dialog = await startImport(page, APRIL);
    const offer = dialog.getByTestId('wizard-saved-mapping');
    await offer.waitFor({ state: 'visible' });
    const offerText = (await offer.textContent()) ?? '';
    expect(offerText).toContain('“Monthly hours”');
    expect(offerText).toContain('Its sheet “March” is read from “April”');
    expect(await dialog.getByTestId('wizard-saved-missing').textContent()).toBe('1 saved column not found: ‘Notes’.');
    // Before applying, the columns are read as detected: Team as the department, Grade unused.
    expect(await dialog.getByTestId(`mapping-April-${letter(APRIL_KEYS, 'team')}`).inputValue()).toBe('department');

    // The offer and the open "Manage saved mappings" panel pass axe; Escape closes the panel only.
    const manage = dialog.getByTestId('wizard-manage-mappings');
    await manage.click();
    expect(await manage.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await manage.getAttribute('aria-expanded'), 'Escape closes the panel, not the wizard').toBe('false');
    expect(await wizard(page).count()).toBe(1);

    await offer.getByRole('button', { name: 'Apply “Monthly hours”' }).click();
    await waitIdle(page);
    await expect.poll(() => offer.count(), { message: 'the offer goes once applied' }).toBe(0);
    const expected: [Key, string][] = [['grade', 'role'], ['cost', 'department'], ['team', 'skip'], ['name', 'person'], ['task', 'task'], ['hours', 'hours']];
    for (const [key, field] of expected) {
      const testId = `mapping-April-${letter(APRIL_KEYS, key)}`;
      await expect.poll(() => dialog.getByTestId(testId).inputValue(), { message: `${TITLES[key]} (${testId}) read as ${field}` }).toBe(field);
    }
    expect(await dialog.getByTestId('wizard-saved-applied').textContent()).toContain('1 saved column not found: ‘Notes’');
    await expect.poll(async () => (await dialog.getByTestId('wizard-preview').textContent()) ?? '', { message: 'the preview shows Grade as the role' }).toContain('G3');

    // Delete it from "Manage saved mappings"; the Undo button takes the focus.
    await manage.click();
    await dialog.getByRole('button', { name: 'Delete saved mapping “Monthly hours”' }).click();
    const undo = dialog.getByRole('button', { name: 'Undo deleting “Monthly hours”' });
    await undo.waitFor({ state: 'visible' });
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement), { message: 'focus on Undo' }).toBe(true);
    await cancelWizard(page);

    // The next file gets no offer.
    dialog = await startImport(page, APRIL);
    await dialog.getByTestId('wizard-layout').waitFor({ state: 'visible' });
    expect(await dialog.getByTestId('wizard-saved-mapping').count()).toBe(0);
    expect(await dialog.getByTestId('wizard-manage-mappings').count(), 'nothing left to manage').toBe(0);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('fairshare:settings') ?? '{}').columnMappings)).toEqual({});
    await cancelWizard(page);
    expectNoPageErrors(app);
  });
});
