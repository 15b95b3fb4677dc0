/**
 * End-to-end: importing and re-importing safely (issue 12). A new organization imported while the
 * sample is open (Ctrl+I, or the toolbar's "Import new organization…") becomes a new project and
 * never lands in the sample's; re-importing a file whose people are not the project's asks first;
 * a re-import lists the edits made in the app that the file overrides before it is confirmed, also
 * after the project was saved and reopened; what changed shows once on the Overview and stays
 * reachable; focus goes to a heading after an import. Also: the wizard's header and its message
 * agree when a file's headers were read but nothing could be imported, and the start screen saves
 * copies of the blank templates.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import {
  confirmWizard, describeE2E, download, enterNumber, expectNoPageErrors, gotoTab, isSerious, jobNames, jobRow, jobsTable, pickFile, runAxe, startImport, toolbar, toolbarButton,
  useBrowser, waitIdle, wizard, XLSX_MIME,
} from './harness';
import { hoursOn, importSample, ROOT, SAMPLE_NAME, SAMPLE_PATH } from './engine';
import { SAMPLE_TITLES } from '../../electron/ipc/contract';

const FIRST = ['Ama', 'Bilal', 'Carmen', 'Dmitri', 'Esi', 'Farid', 'Grace'];
const LAST = ['Adeyemi', 'Brennan', 'Castillo', 'Dubois', 'Eriksen'];
const NEW_ORG = 'youth-network';

/** A 35-person organization none of whose people is in the sample: one row per person and task. */
function youthNetwork(): { name: string; mimeType: string; buffer: Buffer; people: string[] } {
  const people = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));
  const rows: (string | number)[][] = [['Name', 'Role', 'Department', 'Task', 'Hrs/wk']];
  people.forEach((p, i) => {
    rows.push([p, i < 5 ? 'Coordinator' : 'Youth worker', i < 5 ? 'Programs' : 'Outreach', i < 5 ? 'Plan programs' : 'Run drop-in sessions', 20]);
    rows.push([p, i < 5 ? 'Coordinator' : 'Youth worker', i < 5 ? 'Programs' : 'Outreach', 'Write case notes', 15]);
  });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Staff');
  return { name: `${NEW_ORG}.xlsx`, mimeType: XLSX_MIME, buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, people };
}

const projectTitle = (page: Page) => toolbar(page).locator('h1').innerText();

async function waitForWizard(page: Page): Promise<Locator> {
  const dialog = wizard(page);
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  await waitIdle(page);
  return dialog;
}

async function jobsCount(page: Page): Promise<number> {
  await gotoTab(page, 'Jobs');
  await jobsTable(page).waitFor({ state: 'visible' });
  return (await jobNames(page)).length;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? null);

/** The bundled sample's project is named after the organization, not its file. */
const SAMPLE = SAMPLE_TITLES.organization;

describeE2E('importing and re-importing safely (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  const youth = youthNetwork();

  it('Ctrl+I while the sample is open imports a new project: the sample project keeps its people and its file', async () => {
    const app = await open();
    const { page } = app;
    // The sample saved to its own file first, so "the sample project" is a file that can be checked.
    const savedSample = await download(page, toolbarButton(page, 'Save'));
    expect(savedSample.suggestedFilename()).toBe(`${SAMPLE}.fairshare`);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Playwright turns file-chooser interception on asynchronously when the first listener is added;
    // a key press (unlike a click through the harness) can reach the page before it is on, and the
    // chooser then never arrives as an event. Listening first, and waiting a moment, removes the race.
    page.on('filechooser', () => undefined);
    await page.waitForTimeout(200);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+i')]);
    await chooser.setFiles(youth);
    const dialog = await waitForWizard(page);
    expect(await dialog.getByRole('heading', { level: 2 }).first().innerText()).toBe('Import a spreadsheet');
    await confirmWizard(page);

    // A new project named after the file, with the file's 35 people only.
    await expect.poll(() => projectTitle(page), { message: 'toolbar title after the import' }).toContain(NEW_ORG);
    expect(await jobsCount(page)).toBe(35);
    expect((await jobNames(page)).sort()).toEqual([...youth.people].sort());

    // Saving it makes a new file; it never overwrites the sample's.
    const savedNew = await download(page, toolbarButton(page, 'Save'));
    expect(savedNew.suggestedFilename()).toBe(`${NEW_ORG}.fairshare`);
    const sampleFile = JSON.parse(readFileSync((await savedSample.path())!, 'utf8')) as { name: string; organization: { people: { name: string }[] } };
    expect(sampleFile.name).toBe(SAMPLE);
    expect(sampleFile.organization.people.map((p) => p.name).sort()).toEqual(sample.organization.people.map((p) => p.name).sort());
    expectNoPageErrors(app);
  });

  it('the toolbar offers "Import new organization…" beside "Re-import into this project…"; a new import focuses the Overview heading', async () => {
    const app = await open();
    const { page } = app;
    await pickFile(page, toolbarButton(page, 'Import new organization…'), youth);
    const dialog = await waitForWizard(page);
    expect(await dialog.getByTestId('wizard-new-project-note').innerText()).toContain(`Importing starts a new project; ${SAMPLE} is closed, not changed.`);
    await confirmWizard(page);
    await expect.poll(() => focusedId(page), { message: 'focus after a new import' }).toBe('overview-title');
    await expect.poll(() => projectTitle(page)).toContain(NEW_ORG);
    expect(await toolbarButton(page, 'Re-import into this project…').isVisible()).toBe(true);
    expectNoPageErrors(app);
  });

  it('re-importing a file none of whose people are in the project asks first: a new project, or re-import anyway', async () => {
    const app = await open();
    const { page } = app;
    let dialog = await startImport(page, youth);
    const question = dialog.getByTestId('wizard-overlap');
    await question.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await question.innerText()).toContain(`None of the 35 people in this file are in ${SAMPLE}: start a new project with them instead?`);
    expect(await dialog.getByTestId('wizard-confirm').isEnabled(), 'no re-import before the question is answered').toBe(false);

    // Cancelled: the sample keeps its 40 people.
    await dialog.locator('.wiz-actions').getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await jobsCount(page)).toBe(40);

    // "Start a new project": the same file becomes a new project; the sample is not changed.
    dialog = await startImport(page, youth);
    await dialog.getByTestId('wizard-new-project').click();
    await waitIdle(page);
    await expect.poll(() => dialog.getByRole('heading', { level: 2 }).first().innerText()).toBe('Import a spreadsheet');
    await confirmWizard(page);
    await expect.poll(() => projectTitle(page)).toContain(NEW_ORG);
    expect(await jobsCount(page)).toBe(35);
    expect(await page.getByTestId('reimport-changes').count(), 'a new project has no re-import changes').toBe(0);

    // "Re-import anyway" (in a fresh page with the sample): done, with the 40 removed people listed.
    const second = await open();
    dialog = await startImport(second.page, youth);
    await dialog.getByTestId('wizard-reimport-anyway').click();
    expect(await dialog.getByTestId('wizard-overlap-accepted').innerText()).toContain('40 of its 40 people are not in this file and will be removed');
    await confirmWizard(second.page);
    expect(await projectTitle(second.page)).toContain(SAMPLE);
    await gotoTab(second.page, 'Overview');
    expect(await second.page.getByTestId('reimport-removed').innerText()).toContain('and 28 more');
    expectNoPageErrors(app);
    expectNoPageErrors(second);
  });

  it('re-import after in-app edits, saved and reopened: the wizard lists the edits the file overrides before confirming', async () => {
    const PERSON = 'Margaret Okafor';
    const TASK = 'Strategic planning';
    const ADDED_TO = 'Daniel Reyes';
    const fileHours = hoursOn(sample.organization, PERSON, TASK);
    const first = await open();
    let page = first.page;

    // Three edits in Jobs: one person's hours on a task, a task added to another, and their department.
    await gotoTab(page, 'Jobs');
    await jobRow(page, PERSON).click();
    let editor = page.getByTestId('bundle-editor');
    await enterNumber(editor.getByLabel(`Hours on ${TASK}`, { exact: true }), fileHours + 2);
    await waitIdle(page);
    await jobRow(page, ADDED_TO).click();
    editor = page.getByTestId('bundle-editor');
    await editor.getByTestId('add-task-name').fill('Newsletter');
    await editor.getByTestId('add-task-hours').fill('3');
    await editor.getByTestId('add-task-submit').click();
    await expect.poll(() => editor.getByTestId('bundle-task-Newsletter').count()).toBe(1);
    const department = editor.getByTestId('person-department');
    const fileDepartment = await department.inputValue();
    await department.fill('Field team');
    await department.press('Enter');
    await waitIdle(page);

    // Saved and reopened in a fresh page: what was last imported travels in the project file.
    const saved = await download(page, toolbarButton(page, 'Save'));
    const second = await open({ empty: true });
    page = second.page;
    await pickFile(page, toolbarButton(page, 'Open…'), { name: saved.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync((await saved.path())!) });
    await page.getByRole('tab', { name: 'Jobs', exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
    await waitIdle(page);

    // Re-importing the sample as it was: both edits are listed as overridden before confirming.
    const dialog = await startImport(page, { name: SAMPLE_NAME, mimeType: XLSX_MIME, buffer: readFileSync(SAMPLE_PATH) });
    const overridden = dialog.getByTestId('reimport-overridden');
    await overridden.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await overridden.innerText();
    expect(text).toContain(`${PERSON} · ${TASK}: ${fileHours + 2} h in the app → ${fileHours} h in the file`);
    expect(text).toContain(`${ADDED_TO} · added task “Newsletter” (3 h): not in the file, will be removed`);
    expect(text).toContain(`${ADDED_TO} · department: “Field team” in the app → “${fileDepartment}” in the file`);
    // Members' ratings are not edits the file overrides: none is listed as lost.
    expect(text).not.toMatch(/rating/i);
    expect(await dialog.getByTestId('wizard-overlap').count(), 'the same people: no question').toBe(0);
    expect((await runAxe(page)).filter(isSerious), 'axe: the wizard with its change lists').toEqual([]);
    await confirmWizard(page);

    // Shown on the Overview, focused; gone from other tabs; reachable again from the Overview.
    const panel = page.getByTestId('reimport-changes');
    await panel.waitFor({ state: 'visible' });
    await expect.poll(() => focusedId(page), { message: 'focus after a re-import' }).toBe('reimport-changes-title');
    expect(await panel.getByTestId('reimport-overridden').innerText()).toContain('added task “Newsletter” (3 h)');
    await gotoTab(page, 'Jobs');
    expect(await panel.count(), 'not shown on Jobs').toBe(0);
    expect(await jobRow(page, PERSON).count()).toBe(1);
    await gotoTab(page, 'Overview');
    expect(await panel.count(), 'shown once: folded after leaving the Overview').toBe(0);
    await page.getByTestId('reimport-reopen').click();
    await panel.waitFor({ state: 'visible' });
    await expect.poll(() => focusedId(page), { message: 'focus after reopening' }).toBe('reimport-changes-title');
    expect((await runAxe(page)).filter(isSerious), 'axe: the Overview with what changed').toEqual([]);
    // Hidden again: focus on the button that brings it back, never the page body.
    await panel.getByRole('button', { name: 'Hide what changed in the re-import' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null), { message: 'focus after Hide' }).toBe('reimport-reopen');
    expectNoPageErrors(first);
    expectNoPageErrors(second);
  });
});

describeE2E('the wizard when nothing can be imported, and the start screen\'s templates (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  it('a file whose header is read but whose rows all fail: the header shows no confidence and the message says what is wrong', async () => {
    const app = await open({ empty: true });
    const { page } = app;
    const bad = { name: 'bad-hours.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Task,Hours per week\nAna,Filing,lots\nBo,Typing,some\n') };
    const dialog = await startImport(page, bad);
    const header = await dialog.getByTestId('wizard-layout').innerText();
    expect(header).toContain('One row per person and task');
    expect(header).not.toMatch(/\d+%/);
    expect(header).toContain('nothing to import');
    const fatal = await dialog.getByTestId('wizard-fatal').innerText();
    expect(fatal).toContain('The column headers were read, but there is nothing to import.');
    expect(fatal).toContain('bad-hours.csv: sheet "Sheet1" has 2 rows under its header, but no task hours could be read from any of them (see its 2 errors)');
    expect(fatal).not.toContain('no recognizable header');
    expectNoPageErrors(app);
  });

  it('"Start from a template" saves a copy of each blank template, byte for byte', async () => {
    const app = await open({ empty: true });
    const { page } = app;
    const cases = [
      ['long-template', 'Fairshare template - one row per person and task.xlsx'],
      ['matrix-template', 'Fairshare template - tasks by people.xlsx'],
    ] as const;
    for (const [template, fileName] of cases) {
      const saved = await download(page, page.getByTestId(`start-template-${template}`));
      expect(saved.suggestedFilename()).toBe(fileName);
      expect(readFileSync((await saved.path())!).equals(readFileSync(`${ROOT}/resources/templates/${template}.xlsx`)), `${template} saved unchanged`).toBe(true);
      await expect.poll(() => page.locator('.notice').innerText()).toContain(`as ${fileName}: fill it in, then import it.`);
    }
    expectNoPageErrors(app);
  });
});
