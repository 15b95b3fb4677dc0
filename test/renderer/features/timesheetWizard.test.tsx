// @vitest-environment happy-dom
// The wizard's Time entries section (a time-tracking export): its words, the period inputs and the
// choices that re-read the file, drawn from a TimesheetReport as the importer gives it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ExplicitMapping, ImportResult, TimesheetReport } from '../../../renderer/src/engine/import/types';
import { actions, resetWorkspace, store } from '../../../renderer/src/state/workspace';
import { ImportWizard } from '../../../renderer/src/features/importWizard/ImportWizard';
import { FIELD_LABELS, fieldLabel, LAYOUT_LABELS, ROLE_LABELS } from '../../../renderer/src/features/importWizard/labels';
import { withColumn, withHeaderRow, withTimesheet, withUnit } from '../../../renderer/src/features/importWizard/mapping';
import { hoursText, nonWorkText, outsideText, periodError, periodLine, summaryLine, taskFromText, weeksText } from '../../../renderer/src/features/importWizard/timesheetText';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SAMPLE = new Uint8Array(readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/sample-organization.xlsx')));
const sample = importOrganization(SAMPLE, 'sample-organization.xlsx');

function report(over: Partial<TimesheetReport> = {}): TimesheetReport {
  return {
    sheets: ['Sheet1'], entries: 1240, counted: 1200, firstEntry: '2026-10-05', lastEntry: '2026-10-30',
    found: { start: '2026-10-05', end: '2026-11-01', weeks: 4 },
    period: { start: '2026-10-05', end: '2026-11-01', days: 28, weeks: 4, chosen: false },
    outside: { entries: 0, hours: 0 },
    nonWork: { entries: 6, hours: 48, included: false, labels: ['Time off', 'Holiday'] },
    taskFrom: { task: 1240, description: 0, project: 0 },
    dateOrder: { order: 'ymd', assumed: false },
    people: [
      { name: 'Ana Lima', weeksWithEntries: 4, periodWeeks: 4, hours: 160, weeklyHours: 40 },
      { name: 'Ben Ode', weeksWithEntries: 3, periodWeeks: 4, hours: 100.5, weeklyHours: 25.125 },
    ],
    ...over,
  };
}

describe('timesheet words', () => {
  it('says what was found in one line, the year once', () => {
    expect(summaryLine(report())).toBe('1,240 entries from 2026-10-05 to 2026-11-01 (first entry 10-05, last 10-30): 4 weeks');
    expect(summaryLine(report({ entries: 1, firstEntry: '2026-10-07', lastEntry: '2026-10-07', found: { start: '2026-10-05', end: '2026-10-11', weeks: 1 } })))
      .toBe('1 entry from 2026-10-05 to 2026-10-11 (the only date 10-07): 1 week');
    // A period across new year keeps each date whole.
    expect(summaryLine(report({ firstEntry: '2026-12-30', lastEntry: '2027-01-02', found: { start: '2026-12-28', end: '2027-01-03', weeks: 1 } })))
      .toContain('(first entry 2026-12-30, last 2027-01-02)');
  });

  it('hours and weeks at most 2 decimals, trimmed; days when the weeks are not whole', () => {
    expect(hoursText(25.125)).toBe('25.13');
    expect(hoursText(40)).toBe('40');
    expect(hoursText(1240.5)).toBe('1,240.5');
    expect(weeksText(25 / 7)).toBe('3.57 weeks');
    expect(periodLine({ start: '2026-10-08', end: '2026-11-01', days: 25, weeks: 25 / 7, chosen: true })).toBe('2026-10-08 to 2026-11-01: 3.57 weeks (25 days)');
    expect(periodLine(report().period)).toBe('2026-10-05 to 2026-11-01: 4 weeks');
  });

  it('what is left out, time off found, and where tasks came from', () => {
    expect(outsideText({ entries: 0, hours: 0 })).toBeNull();
    expect(outsideText({ entries: 12, hours: 34.5 })).toBe('12 entries (34.5 h) before or after the period are left out.');
    expect(nonWorkText(report().nonWork)).toBe('Recognized “Time off”, “Holiday”: 6 entries, 48 h, left out of the work hours.');
    expect(nonWorkText({ entries: 0, hours: 0, included: false, labels: [] })).toMatch(/No time off/);
    expect(taskFromText({ task: 10, description: 0, project: 0 })).toBeNull();
    expect(taskFromText({ task: 10, description: 3, project: 1 })).toBe('Tasks come from the Task column for 10 entries; where Task was empty, from the Description column for 3 entries and the Project column for 1 entry.');
    expect(taskFromText({ task: 0, description: 7, project: 0 })).toBe('No entry has a Task: tasks come from the Description column for 7 entries.');
  });

  it('a period ending before it starts, or a date that is not one, is refused', () => {
    expect(periodError('2026-10-05', '2026-11-01')).toBeNull();
    expect(periodError('2026-10-05', '2026-10-05')).toBeNull();
    expect(periodError('2026-11-02', '2026-11-01')).toEqual({ field: 'end', message: expect.stringContaining('ends (2026-11-01) before it starts (2026-11-02)') });
    expect(periodError('', '2026-11-01')?.field).toBe('start');
    expect(periodError('2026-02-30', '2026-11-01')?.field).toBe('start');
  });

  it('the new fields, role and layout have names, and mapping changes keep the timesheet choices', () => {
    expect([FIELD_LABELS.date, FIELD_LABELS.firstName, FIELD_LABELS.lastName, FIELD_LABELS.project, FIELD_LABELS.description]).toEqual(['Date', 'First name', 'Last name', 'Project', 'Description']);
    expect(ROLE_LABELS.timesheet).toBe('Time entries (timesheet)');
    expect(LAYOUT_LABELS.timesheet).toBe('Time entries (timesheet)');
    expect(fieldLabel('hours', 'timesheet')).toBe('Hours (duration of the entry)');
    expect(fieldLabel('hours', 'long')).toBe('Hours per week');
    const mapping: ExplicitMapping = withTimesheet({ sheets: {} }, { includeNonWork: true });
    const sheet = sample.layout.sheets[0];
    for (const next of [withColumn(mapping, sheet, 'A', 'skip'), withUnit(mapping, 'X', 'hours'), withHeaderRow(mapping, 'X', 2), withTimesheet(mapping, { dateOrder: 'dmy' })]) {
      expect(next.timesheet?.includeNonWork).toBe(true);
    }
  });
});

let root: Root;
let host: HTMLElement;
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);

function pend(timesheet: TimesheetReport | undefined, mapping: ExplicitMapping = { sheets: {} }) {
  const result: ImportResult = { ...sample, timesheet };
  store.set({ pending: { fileName: 'clockify.csv', bytes: SAMPLE, result, mapping, hoursPerFte: 40, reimport: false } });
}
async function render() {
  await act(async () => root.render(<ImportWizard />));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const leave = (input: HTMLElement) => act(async () => input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));

beforeEach(() => {
  resetWorkspace();
  localStorage.clear();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

describe('the Time entries section', () => {
  it('is absent for a file without dated entries', async () => {
    pend(undefined);
    await render();
    expect(byTestId('wizard-timesheet')).toBeNull();
  });

  it('shows the summary, the period, time off found and each person’s weeks, highlighting fewer weeks', async () => {
    pend(report());
    await render();
    expect(byTestId('timesheet-summary')!.textContent).toBe('1,240 entries from 2026-10-05 to 2026-11-01 (first entry 10-05, last 10-30): 4 weeks');
    expect(byTestId<HTMLInputElement>('timesheet-start')!.value).toBe('2026-10-05');
    expect(byTestId<HTMLInputElement>('timesheet-end')!.value).toBe('2026-11-01');
    expect(byTestId<HTMLButtonElement>('timesheet-reset')!.disabled).toBe(true);
    expect(byTestId('timesheet-outside')).toBeNull();
    expect(byTestId<HTMLInputElement>('timesheet-nonwork')!.checked).toBe(false);
    expect(byTestId('timesheet-date-order')).toBeNull();
    expect(byTestId('timesheet-task-from')).toBeNull();
    const ben = byTestId('timesheet-person-Ben Ode')!;
    expect(ben.className).toBe('wiz-ts-short');
    expect(ben.querySelector('[data-testid="timesheet-weeks"]')!.textContent).toBe('3 of 4 (fewer than the period)');
    expect(ben.querySelector('[data-testid="timesheet-weekly"]')!.textContent).toBe('25.13');
    expect(ben.querySelector('[data-testid="timesheet-hours"]')!.textContent).toBe('100.5');
    expect(byTestId('timesheet-person-Ana Lima')!.className).toBe('');
    // Every input has a name.
    for (const input of byTestId('wizard-timesheet')!.querySelectorAll('input')) expect(input.labels?.length ?? 0).toBeGreaterThan(0);
  });

  it('a changed start re-reads with that period when the field is left; the same dates do not', async () => {
    const remap = vi.spyOn(actions, 'remapImport').mockResolvedValue();
    pend(report());
    await render();
    const start = byTestId<HTMLInputElement>('timesheet-start')!;
    await leave(start);
    expect(remap).not.toHaveBeenCalled();
    await type(start, '2026-10-12');
    expect(remap).not.toHaveBeenCalled(); // not while typing
    await leave(start);
    expect(remap).toHaveBeenCalledTimes(1);
    expect(remap.mock.calls[0]).toEqual([{ sheets: {} }, 40, { start: '2026-10-12', end: '2026-11-01' }]);
  });

  it('an end before the start says so and does not re-read', async () => {
    const remap = vi.spyOn(actions, 'remapImport').mockResolvedValue();
    pend(report());
    await render();
    const end = byTestId<HTMLInputElement>('timesheet-end')!;
    await type(end, '2026-10-01');
    await leave(end);
    await act(async () => end.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(remap).not.toHaveBeenCalled();
    const error = byTestId('timesheet-period-error')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('The period ends (2026-10-01) before it starts (2026-10-05)');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(end.getAttribute('aria-describedby')).toContain(error.id);
  });

  it('a chosen period shows what it leaves out; "Whole weeks found" goes back to the found period', async () => {
    const remap = vi.spyOn(actions, 'remapImport').mockResolvedValue();
    pend(report({ period: { start: '2026-10-12', end: '2026-11-01', days: 21, weeks: 3, chosen: true }, outside: { entries: 310, hours: 322.25 } }));
    await render();
    expect(byTestId('timesheet-outside')!.textContent).toBe('310 entries (322.25 h) before or after the period are left out.');
    expect(byTestId('timesheet-period-used')!.textContent).toContain('Your period: 2026-10-12 to 2026-11-01: 3 weeks');
    const reset = byTestId<HTMLButtonElement>('timesheet-reset')!;
    expect(reset.disabled).toBe(false);
    await act(async () => reset.click());
    expect(remap.mock.calls[0]).toEqual([{ sheets: {} }, 40, null]);
  });

  it('a period with no work entries leaves nothing to import, but the section stays to change it', async () => {
    const result: ImportResult = { ...sample, organization: null, fatal: 'clockify.csv: no work entries fall in the period 2027-01-04 to 2027-01-10', timesheet: report({ period: { start: '2027-01-04', end: '2027-01-10', days: 7, weeks: 1, chosen: true }, people: [] }) };
    store.set({ pending: { fileName: 'clockify.csv', bytes: SAMPLE, result, mapping: { sheets: {} }, hoursPerFte: 40, reimport: false, period: { start: '2027-01-04', end: '2027-01-10' } } });
    await render();
    expect(byTestId('wizard-fatal')!.textContent).toContain('no work entries fall in the period');
    expect(byTestId<HTMLInputElement>('timesheet-start')!.value).toBe('2027-01-04');
    expect(byTestId<HTMLButtonElement>('timesheet-reset')!.disabled).toBe(false);
    expect(byTestId('wizard-timesheet')!.textContent).toContain('No person has work entries in this period.');
  });

  it('counting time off as work is kept in the mapping and re-reads the file', async () => {
    const remap = vi.spyOn(actions, 'remapImport').mockResolvedValue();
    pend(report());
    await render();
    await act(async () => byTestId<HTMLInputElement>('timesheet-nonwork')!.click());
    expect(remap.mock.calls[0][0]).toEqual({ sheets: {}, timesheet: { includeNonWork: true } });
    expect(byTestId('timesheet-nonwork-found')!.textContent).toContain('“Time off”, “Holiday”: 6 entries, 48 h');
  });

  it('the date order is asked only when the file does not settle it; tasks not from Task are explained', async () => {
    const remap = vi.spyOn(actions, 'remapImport').mockResolvedValue();
    pend(report({ dateOrder: { order: 'mdy', assumed: true }, taskFrom: { task: 0, description: 1240, project: 0 } }));
    await render();
    const order = byTestId('timesheet-date-order')!;
    const [mdy, dmy] = order.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(mdy.checked).toBe(true);
    await act(async () => dmy.click());
    expect(remap.mock.calls[0][0]).toEqual({ sheets: {}, timesheet: { dateOrder: 'dmy' } });
    expect(byTestId('timesheet-task-from')!.textContent).toBe('No entry has a Task: tasks come from the Description column for 1,240 entries.');
  });
});
