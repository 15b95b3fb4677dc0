/**
 * End-to-end: a time-tracking export through the import wizard (issue 13). A small Clockify
 * detailed report is imported in Chromium: the Time entries section shows the period found and each
 * person's weeks; a later period start changes the weekly hours in the preview; counting time off
 * changes them again; the imported hours are what the Jobs table shows. Re-importing next month's
 * export reads it with the time-off choice saved in the project, over its own period.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { confirmWizard, describeE2E, expectNoPageErrors, gotoTab, isSerious, jobRow, jobsTable, readShown, runAxe, startImport, useBrowser, waitIdle } from './harness';

/** Where the wizard's screenshots go, for a person to look at. */
const SHOTS = '/tmp/shots';

const HEADER = ['Project', 'Client', 'Description', 'Task', 'User', 'Group', 'Email', 'Tags', 'Billable', 'Start Date', 'Start Time', 'End Date', 'End Time', 'Duration (h)', 'Duration (decimal)'];
const GROUP: Record<string, string> = { 'Ana Moreno': 'Coordinator', 'Ben Okafor': 'Organizer' };
const WORK: Record<string, [project: string, description: string]> = {
  'Grant writing': ['Fundraising', 'Foundation proposal'],
  'Team meeting': ['Operations', 'Weekly staff meeting'],
  'Door knocking': ['Organizing', 'Canvass'],
};

/** "09:00:00 AM" for 9, "01:30:00 PM" for 13.5: Clockify's 12-hour times. */
function clock(hours: number): string {
  const h = Math.floor(hours);
  const m = Math.round((hours - h) * 60);
  const h12 = ((h + 11) % 12) + 1;
  return `${String(h12).padStart(2, '0')}:${String(m).padStart(2, '0')}:00 ${h < 12 ? 'AM' : 'PM'}`;
}

/** One entry as a Clockify detailed report writes it: MM/DD/YYYY, hh:mm:ss and decimal durations. Time off has no Task. */
function entry(user: string, date: string, task: string, hours: number): string[] {
  const [, mm, dd] = /^\d{4}-(\d\d)-(\d\d)$/.exec(date)!;
  const day = `${mm}/${dd}/${date.slice(0, 4)}`;
  const [project, description, taskCell] = task in WORK ? [...WORK[task], task] : ['Time Off', task, ''];
  const duration = `${String(Math.floor(hours)).padStart(2, '0')}:${String(Math.round((hours % 1) * 60)).padStart(2, '0')}:00`;
  return [project, 'Riverside Tenants', description, taskCell, user, GROUP[user], `${user.split(' ')[0].toLowerCase()}@riverside.example`, '', 'No', day, clock(8), day, clock(8 + hours), duration, hours.toFixed(2)];
}

function csv(name: string, entries: [string, string, string, number][]): { name: string; mimeType: string; buffer: Buffer } {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const lines = [HEADER, ...entries.map((e) => entry(...e))].map((row) => row.map(quote).join(','));
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}

/**
 * October: three weeks, Monday 10-05 to Sunday 10-25. Ana logs 30, 20 and 10 h of grant writing
 * and a 2 h meeting each week; Ben knocks doors 24 h in the first and third weeks and takes two
 * days off (16 h "Vacation" under the Time Off project) in the second. The dates settle the order
 * (10/13 can only be month/day).
 */
const OCTOBER = csv('clockify-october.csv', [
  ['Ana Moreno', '2026-10-05', 'Team meeting', 2], ['Ana Moreno', '2026-10-05', 'Grant writing', 10], ['Ana Moreno', '2026-10-06', 'Grant writing', 10], ['Ana Moreno', '2026-10-07', 'Grant writing', 10],
  ['Ben Okafor', '2026-10-06', 'Door knocking', 8], ['Ben Okafor', '2026-10-07', 'Door knocking', 8], ['Ben Okafor', '2026-10-08', 'Door knocking', 8],
  ['Ana Moreno', '2026-10-12', 'Team meeting', 2], ['Ana Moreno', '2026-10-13', 'Grant writing', 10], ['Ana Moreno', '2026-10-14', 'Grant writing', 10],
  ['Ben Okafor', '2026-10-14', 'Vacation', 8], ['Ben Okafor', '2026-10-15', 'Vacation', 8],
  ['Ana Moreno', '2026-10-19', 'Team meeting', 2], ['Ana Moreno', '2026-10-20', 'Grant writing', 10],
  ['Ben Okafor', '2026-10-20', 'Door knocking', 8], ['Ben Okafor', '2026-10-21', 'Door knocking', 8], ['Ben Okafor', '2026-10-22', 'Door knocking', 8],
]);

/**
 * November's first two weeks (11-02 to 11-15): Ana 12 h of grant writing and a 2 h meeting a week,
 * Ben 8 h of door knocking a week and a holiday on 11-11. No day is above 12, so month/day is assumed.
 */
const NOVEMBER = csv('clockify-november.csv', [
  ['Ana Moreno', '2026-11-02', 'Team meeting', 2], ['Ana Moreno', '2026-11-03', 'Grant writing', 12], ['Ben Okafor', '2026-11-03', 'Door knocking', 8],
  ['Ana Moreno', '2026-11-09', 'Team meeting', 2], ['Ana Moreno', '2026-11-10', 'Grant writing', 12], ['Ben Okafor', '2026-11-10', 'Door knocking', 8], ['Ben Okafor', '2026-11-11', 'Holiday', 8],
]);

const section = (dialog: Locator) => dialog.getByTestId('wizard-timesheet');
const person = (dialog: Locator, name: string) => section(dialog).getByTestId(`timesheet-person-${name}`);
const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** A person's weekly hours as the wizard's preview shows them (Name | Role | Department | Hours | E | D). */
async function previewHours(dialog: Locator, name: string): Promise<string> {
  const row = dialog.getByTestId('wizard-preview').locator('tbody tr').filter({ has: dialog.page().locator('th', { hasText: name }) });
  return text(row.locator('td').nth(2));
}

async function expectPreview(dialog: Locator, hours: Record<string, string>, when: string): Promise<void> {
  for (const [name, h] of Object.entries(hours)) {
    await expect.poll(() => previewHours(dialog, name), { message: `${when}: ${name}'s hours a week in the preview` }).toBe(h);
  }
}

async function jobHours(page: Page, name: string): Promise<number | undefined> {
  await gotoTab(page, 'Jobs');
  await jobsTable(page).waitFor({ state: 'visible' });
  return (await readShown(jobRow(page, name).getByTestId('job-hours')))?.value;
}

describeE2E('time-tracking exports in the import wizard (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  it('shows the period and people’s weeks; a later start, then time off, change the weekly hours imported', async () => {
    const app = await open({ empty: true });
    const { page } = app;
    const dialog = await startImport(page, OCTOBER);
    const entries = section(dialog);
    await entries.waitFor({ state: 'visible' });
    expect(await text(dialog.getByTestId('wizard-layout'))).toContain('Time entries (timesheet)');
    expect(await text(entries.getByTestId('timesheet-summary'))).toBe('17 entries from 2026-10-05 to 2026-10-25 (first entry 10-05, last 10-22): 3 weeks');
    expect(await entries.getByLabel('From', { exact: true }).inputValue()).toBe('2026-10-05');
    expect(await entries.getByLabel('to', { exact: true }).inputValue()).toBe('2026-10-25');
    expect(await text(person(dialog, 'Ana Moreno'))).toBe('Ana Moreno 3 of 3 66 22');
    // Ben logged work in two of the three weeks: highlighted.
    expect(await text(person(dialog, 'Ben Okafor').getByTestId('timesheet-weeks'))).toBe('2 of 3 (fewer than the period)');
    expect(await person(dialog, 'Ben Okafor').getAttribute('class')).toBe('wiz-ts-short');
    expect(await text(entries.getByTestId('timesheet-nonwork-found'))).toContain('2 entries, 16 h, left out of the work hours');
    expect(await text(entries.getByTestId('timesheet-task-from'))).toContain('from the Description column for 2 entries');
    expect(await entries.getByTestId('timesheet-date-order').count(), 'the dates settle month/day: no question').toBe(0);
    expect(await entries.getByTestId('timesheet-outside').count()).toBe(0);
    // 60 h of grant writing and 6 h of meetings over 3 weeks; Ben's 48 h of door knocking over 3.
    await expectPreview(dialog, { 'Ana Moreno': '22', 'Ben Okafor': '16' }, 'the whole weeks found');

    mkdirSync(SHOTS, { recursive: true });
    await entries.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/timesheet-wizard.png` });

    // An end before the start is refused with a message, and nothing is re-read.
    const end = entries.getByLabel('to', { exact: true });
    await end.fill('2026-10-01');
    await end.press('Enter');
    expect(await text(entries.getByTestId('timesheet-period-error'))).toContain('The period ends (2026-10-01) before it starts (2026-10-05)');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    await expectPreview(dialog, { 'Ana Moreno': '22' }, 'after an invalid period');
    await end.fill('2026-10-25');

    // From Monday 10-12: two weeks, the first week's 7 entries (56 h) left out.
    const start = entries.getByLabel('From', { exact: true });
    await start.fill('2026-10-12');
    // Enter applies it (Tab would move to the input's day and year first).
    await start.press('Enter');
    await waitIdle(page);
    await expectPreview(dialog, { 'Ana Moreno': '17', 'Ben Okafor': '12' }, 'from 2026-10-12');
    expect(await text(entries.getByTestId('timesheet-outside'))).toBe('7 entries (56 h) before or after the period are left out.');
    expect(await text(entries.getByTestId('timesheet-period-used'))).toContain('Your period: 2026-10-12 to 2026-10-25: 2 weeks');
    expect(await text(person(dialog, 'Ben Okafor').getByTestId('timesheet-weeks'))).toBe('1 of 2 (fewer than the period)');
    expect(await text(person(dialog, 'Ana Moreno'))).toBe('Ana Moreno 2 of 2 34 17');
    await entries.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/timesheet-wizard-period.png` });

    // Ben's two days off counted as work, still over the chosen period: (24 + 16) / 2.
    await entries.getByLabel('Count time off, holidays and sick leave as work').check();
    await waitIdle(page);
    await expectPreview(dialog, { 'Ben Okafor': '20', 'Ana Moreno': '17' }, 'time off counted, from 2026-10-12');
    expect(await entries.getByLabel('From', { exact: true }).inputValue()).toBe('2026-10-12');
    expect((await runAxe(page)).filter(isSerious), 'axe: the wizard with its Time entries section').toEqual([]);

    await confirmWizard(page);
    expect(await jobHours(page, 'Ben Okafor')).toBe(20);
    expect(await jobHours(page, 'Ana Moreno')).toBe(17);

    // Next month re-imported into the project: read with time off counted (the project's mapping),
    // over its own two weeks, not October's chosen period.
    const next = await startImport(page, NOVEMBER);
    const nov = section(next);
    await nov.waitFor({ state: 'visible' });
    expect(await nov.getByLabel('Count time off, holidays and sick leave as work').isChecked()).toBe(true);
    expect(await text(nov.getByTestId('timesheet-summary'))).toBe('7 entries from 2026-11-02 to 2026-11-15 (first entry 11-02, last 11-11): 2 weeks');
    expect(await nov.getByTestId('timesheet-reset').isDisabled(), 'the period found, not a chosen one').toBe(true);
    // No day above 12: month/day is assumed, and the choice is offered.
    expect(await nov.getByTestId('timesheet-date-order').getByLabel('month/day (March 4)').isChecked()).toBe(true);
    // Ben: (16 h of door knocking + 8 h holiday) / 2; Ana: (24 + 4) / 2.
    await expectPreview(next, { 'Ben Okafor': '12', 'Ana Moreno': '14' }, 'November, time off counted');
    await nov.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/timesheet-wizard-november.png` });
    await confirmWizard(page);
    expect(await jobHours(page, 'Ben Okafor')).toBe(12);
    expect(await jobHours(page, 'Ana Moreno')).toBe(14);
    expectNoPageErrors(app);
  });
});
