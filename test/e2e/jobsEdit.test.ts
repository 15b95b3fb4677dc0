/**
 * End-to-end (issue 12): a person's department edited in their bundle editor in Jobs changes the
 * table, the department figures the worker computes (Departments table, Theil between departments)
 * to the engine's values, and Undo (button, and Ctrl+Z in the field) brings it back; Escape reverts
 * typing and an empty name is refused, named and unsaved. A person opened from the Overview's
 * coordinator cluster has the focus on their row in Jobs, scrolled into view.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, expectNoPageErrors, figureValue, gotoTab, jobRow, jobsTable, screenshotPath, settle, toolbarButton, useBrowser } from './harness';
import { audit, importSample, reading } from './engine';
import type { Organization } from '../../renderer/src/engine/model/types';

const PERSON = 'Chloe Martin';

/** The sample with one person's department replaced, as the edit stores it. */
function withDepartment(org: Organization, name: string, department: string): Organization {
  return { ...org, people: org.people.map((p) => (p.name === name ? { ...p, department } : p)) };
}

async function openBundle(page: Page, name: string): Promise<void> {
  await gotoTab(page, 'Jobs');
  await jobsTable(page).waitFor({ state: 'visible' });
  await jobRow(page, name).click();
  await page.getByTestId('bundle-editor').waitFor({ state: 'visible' });
}

const departmentCell = (page: Page) => jobRow(page, PERSON).getByTestId('job-department');
const departmentField = (page: Page) => page.getByTestId('bundle-editor').getByRole('combobox', { name: `Department of ${PERSON}` });

/** People per department as the Departments table shows them (from the worker's report). */
async function departmentPeople(page: Page): Promise<Record<string, number>> {
  await page.getByTestId('jobs-mode-departments').click();
  const table = page.getByTestId('departments-table');
  await table.waitFor({ state: 'visible' });
  const rows = await table.locator('[data-testid^="department-row-"]').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-testid')!.slice('department-row-'.length), Number(tr.querySelector('[data-testid="department-people"]')?.getAttribute('data-value'))] as const),
  );
  await page.getByTestId('jobs-mode-people').click();
  return Object.fromEntries(rows);
}

async function expectTheilBetween(page: Page, expected: number, when: string): Promise<void> {
  await gotoTab(page, 'Overview');
  await expect.poll(() => figureValue(page, 'empowerment.theilDepartment'), { timeout: 30_000, message: `${when}: Theil between departments` }).toBeCloseTo(expected, 9);
}

describeE2E('editing a person\'s department in Jobs (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  const before = audit(sample);
  const ops = audit(sample, withDepartment(sample.organization, PERSON, 'Ops'));
  // The Overview's card: the share of the Theil index between departments.
  const theilOf = (r: typeof before) => reading(r, 'empowerment.theilDepartment');

  it('Operations → Ops → Operations: table, Departments and Theil follow; Undo and Ctrl+Z in the field bring "Ops" back and then "Operations"', async () => {
    expect(theilOf(ops)).not.toBeCloseTo(theilOf(before), 6);
    const app = await open();
    const { page } = app;
    await expectTheilBetween(page, theilOf(before), 'before the edit');
    await openBundle(page, PERSON);
    await expect.poll(() => departmentCell(page).textContent()).toBe('Operations');
    await expect.poll(() => departmentField(page).inputValue()).toBe('Operations');

    // Escape reverts typing and keeps the panel open; an empty name is refused and not saved.
    await departmentField(page).fill('Facilities');
    await departmentField(page).press('Escape');
    expect(await departmentField(page).inputValue()).toBe('Operations');
    await expect(page.getByTestId('bundle-editor').isVisible()).resolves.toBe(true);
    await departmentField(page).fill('  ');
    await departmentField(page).press('Enter');
    await expect.poll(() => page.getByTestId('person-fact-error').textContent()).toBe(`Department of ${PERSON}: A department needs a name; not saved (Esc puts back “Operations”)`);
    expect(await departmentField(page).getAttribute('aria-invalid')).toBe('true');
    expect(await departmentCell(page).textContent()).toBe('Operations');
    await departmentField(page).press('Escape');
    expect(await page.getByTestId('person-fact-error').count()).toBe(0);

    // The edit: "Ops", saved with Enter (spaces trimmed).
    await departmentField(page).fill(' Ops ');
    await departmentField(page).press('Enter');
    await expect.poll(() => departmentCell(page).textContent(), { message: 'department cell after the edit' }).toBe('Ops');
    expect(await departmentField(page).inputValue()).toBe('Ops');
    await expect.poll(() => departmentPeople(page), { message: 'Departments table after the edit' }).toMatchObject({ Ops: 1, Operations: 5 });
    await expectTheilBetween(page, theilOf(ops), 'after the edit');

    // Back to "Operations", leaving the field with Tab.
    await gotoTab(page, 'Jobs');
    await departmentField(page).fill('Operations');
    await departmentField(page).press('Tab');
    await expect.poll(() => departmentCell(page).textContent(), { message: 'department cell after Ops → Operations' }).toBe('Operations');
    await expect.poll(() => departmentPeople(page)).toMatchObject({ Operations: 6 });
    expect(await departmentPeople(page)).not.toHaveProperty('Ops');

    // Undo with the button: "Ops" is back in the table and in the field.
    await toolbarButton(page, 'Undo').click();
    await expect.poll(() => departmentCell(page).textContent(), { message: 'department cell after Undo' }).toBe('Ops');
    await expect.poll(() => departmentField(page).inputValue()).toBe('Ops');
    await expect.poll(() => departmentPeople(page)).toMatchObject({ Ops: 1, Operations: 5 });

    // Ctrl+Z inside the field is the app's undo (not the browser's text undo): "Operations" again, the figure too.
    await departmentField(page).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => departmentCell(page).textContent(), { message: 'department cell after Ctrl+Z in the field' }).toBe('Operations');
    await expect.poll(() => departmentField(page).inputValue()).toBe('Operations');
    await page.keyboard.press('Tab');
    await expectTheilBetween(page, theilOf(before), 'after both undos');
    expectNoPageErrors(app);
  });

  it('a person opened from the Overview\'s coordinator cluster has the focus on their row, in view', async () => {
    const app = await open();
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await gotoTab(page, 'Overview');
    const name = before.metrics.coordinator.members[0].name;
    const link = page.getByTestId(`coordinator-member-${name}`).getByRole('button', { name });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('tab', { name: 'Jobs', exact: true }).getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('bundle-editor').waitFor({ state: 'visible' });
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('data-testid') ?? document.activeElement?.tagName), { message: 'the focused element after opening a person' })
      .toBe(`job-row-${name}`);
    const box = await jobRow(page, name).boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 700, `row of ${name} in view: ${JSON.stringify(box)}`).toBe(true);
    expect(await jobRow(page, name).getAttribute('aria-selected')).toBe('true');
    // From the row, Tab goes on into the person's bundle editor.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="bundle-editor"]'))).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('jobs-opened-from-overview-1024') });
    expectNoPageErrors(app);
  });
});
