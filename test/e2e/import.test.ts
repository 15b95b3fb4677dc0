/**
 * End-to-end: importing the sample workbook through the import wizard, as a user with nothing
 * loaded would (`?empty` → Import… → pick the file → check the wizard → confirm), and changing a
 * column mapping in the wizard and back.
 */
import { expect, it } from 'vitest';
import { confirmWizard, describeE2E, expectNoPageErrors, gotoTab, jobNames, jobsTable, startImport, useBrowser, waitIdle } from './harness';
import { importSample, SAMPLE_PATH } from './engine';

describeE2E('import wizard (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  const names = sample.organization.people.map((p) => p.name);

  it('imports the sample workbook through the wizard and shows its 40 people in Jobs', async () => {
    const app = await open({ empty: true });
    const { page } = app;
    await expect.poll(() => page.getByTestId('start-import').count(), { message: 'start view shows data-testid start-import' }).toBeGreaterThan(0);
    const dialog = await startImport(page, SAMPLE_PATH);

    // The detected layout (a roster plus a task list) is named; the preview shows parsed rows.
    const layout = dialog.getByTestId('wizard-layout');
    await expect.poll(() => layout.isVisible(), { message: 'wizard-layout visible' }).toBe(true);
    const layoutText = (await layout.textContent()) ?? '';
    expect(sample.result.layout.layout).toBe('roster+tasks');
    expect(layoutText, 'wizard-layout names the roster+tasks layout').toMatch(/roster/i);
    expect(layoutText, 'wizard-layout names the roster+tasks layout').toMatch(/task/i);
    await expect.poll(() => dialog.getByTestId('wizard-preview').isVisible(), { message: 'wizard-preview visible' }).toBe(true);
    expect((await dialog.getByTestId('wizard-preview').textContent()) ?? '', 'the preview shows the first person').toContain(names[0]);
    await expect.poll(() => dialog.getByTestId('wizard-hours-per-fte').count(), { message: 'wizard-hours-per-fte present' }).toBeGreaterThan(0);

    await confirmWizard(page);
    await gotoTab(page, 'Jobs');
    await jobsTable(page).waitFor({ state: 'visible' });
    await expect.poll(() => jobNames(page).then((n) => n.length), { timeout: 30_000, message: 'rows in jobs-table' }).toBe(40);
    expect((await jobNames(page)).sort()).toEqual([...names].sort());
    expectNoPageErrors(app);
  });

  it('re-maps a column in the wizard (Hours → skip makes the import fatal) and maps it back', async () => {
    const app = await open({ empty: true });
    const { page } = app;
    const dialog = await startImport(page, SAMPLE_PATH);
    const hoursColumn = sample.result.layout.sheets.find((s) => s.sheet === 'Tasks')!.columns.find((c) => c.field === 'hours')!.column;
    const select = dialog.getByTestId(`mapping-Tasks-${hoursColumn}`);
    await expect.poll(() => select.count(), { message: `column select data-testid mapping-Tasks-${hoursColumn}` }).toBeGreaterThan(0);
    expect(await select.inputValue(), 'the detected field of the Hours column').toBe('hours');
    const confirm = dialog.getByTestId('wizard-confirm');
    const preview = dialog.getByTestId('wizard-preview');
    const previewBefore = (await preview.textContent()) ?? '';
    expect(await confirm.isEnabled()).toBe(true);

    // Skipping the only hours column leaves people without work: the engine refuses the file.
    await select.selectOption('skip');
    await waitIdle(page);
    await expect.poll(() => select.inputValue(), { message: 'the select shows skip' }).toBe('skip');
    await expect.poll(() => confirm.isEnabled(), { timeout: 30_000, message: 'wizard-confirm disabled when the mapping leaves no hours' }).toBe(false);
    await expect.poll(async () => (await dialog.textContent()) ?? '', { message: 'the wizard says why (no task hours)' }).toMatch(/no task hours/i);
    const previewSkipped = (await preview.count()) ? ((await preview.textContent()) ?? '') : '';
    expect(previewSkipped, 'the preview changes when the mapping does').not.toBe(previewBefore);

    // And back: the same import as detected.
    await select.selectOption('hours');
    await waitIdle(page);
    await expect.poll(() => confirm.isEnabled(), { timeout: 30_000, message: 'wizard-confirm enabled again' }).toBe(true);
    await expect.poll(async () => (await preview.textContent()) ?? '', { message: 'the preview is back to the detected one' }).toBe(previewBefore);
    await confirmWizard(page);
    await gotoTab(page, 'Jobs');
    await expect.poll(() => jobNames(page).then((n) => n.length), { timeout: 30_000, message: 'rows in jobs-table' }).toBe(40);
    expectNoPageErrors(app);
  });
});
