// Saved column mappings matched by header text: reordered and inserted columns, a renamed sheet, old letter-only mappings, missing headers.
import { describe, expect, it } from 'vitest';
import type { SavedColumnMapping } from '../../../electron/ipc/contract';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ExplicitMapping, FieldName, ImportResult } from '../../../renderer/src/engine/import/types';
import { rememberColumns, toSaved, withColumn, type SeenColumn } from '../../../renderer/src/features/importWizard/mapping';
import { describeMissing, fileSheets, headerText, matchingSaved, resolveSaved } from '../../../renderer/src/features/importWizard/savedMatch';
import { xlsxBytes } from '../../engine/helpers';

type Row = (string | number | null)[];
const PEOPLE = [
  { name: 'Ana Ruiz', grade: 'G7', team: 'Admin', task: 'Budget', hours: 20, cost: 'CC-100', notes: '' },
  { name: 'Ana Ruiz', grade: 'G7', team: 'Admin', task: 'Filing', hours: 20, cost: 'CC-100', notes: 'cover' },
  { name: 'Ben Ode', grade: 'G3', team: 'Field', task: 'Canvassing', hours: 35, cost: 'CC-200', notes: '' },
];
type Key = keyof (typeof PEOPLE)[number] | 'phone';
const TITLES: Record<Key, string> = { name: 'Name', grade: 'Grade', team: 'Team', task: 'Task', hours: 'Hours', cost: 'Cost centre', notes: 'Notes', phone: 'Phone' };

/** A one-sheet workbook with the given columns, in that order. */
function book(sheet: string, keys: Key[], titles: Partial<Record<Key, string>> = {}): Uint8Array {
  const rows: Row[] = [keys.map((k) => titles[k] ?? TITLES[k])];
  for (const p of PEOPLE) rows.push(keys.map((k) => (k === 'phone' ? '555-0100' : p[k])));
  return xlsxBytes({ [sheet]: rows });
}

function letterOf(result: ImportResult, sheet: string, header: string): string {
  const files = fileSheets(result.layout, result.issues);
  const found = [...files.find((f) => f.sheet === sheet)!.headers].find(([, h]) => h === header);
  if (!found) throw new Error(`no column "${header}" in ${sheet}`);
  return found[0];
}

/** March's file with the user's choices: Grade → role, Cost centre → department, Team skipped; saved as the wizard saves it. */
function savedMarch(): SavedColumnMapping {
  const bytes = book('March', ['name', 'grade', 'team', 'task', 'hours', 'cost', 'notes']);
  const first = importOrganization(bytes, 'march.xlsx');
  const seen = new Map<string, SeenColumn>();
  rememberColumns(seen, first.layout, first.issues);
  let mapping: ExplicitMapping = { sheets: {} };
  const report = first.layout.sheets[0];
  const set = (header: string, field: FieldName) => (mapping = withColumn(mapping, report, letterOf(first, 'March', header), field));
  set('Grade', 'role');
  set('Cost centre', 'department');
  set('Team', 'skip');
  const reread = importOrganization(bytes, 'march.xlsx', { mapping });
  rememberColumns(seen, reread.layout, reread.issues, mapping, { sheets: {} });
  return toSaved(reread.layout, mapping, seen);
}

/** Offers for `bytes` with nothing mapped yet, and the import with the first offer applied. */
function offer(bytes: Uint8Array, saved: Record<string, SavedColumnMapping>) {
  const result = importOrganization(bytes, 'april.xlsx');
  const offers = matchingSaved(saved, result.layout, { sheets: {} }, fileSheets(result.layout, result.issues));
  const applied = offers[0] ? importOrganization(bytes, 'april.xlsx', { mapping: offers[0].mapping }) : null;
  return { result, offers, applied };
}

function person(result: ImportResult | null, name: string) {
  return result?.organization?.people.find((p) => p.name === name);
}

describe('saving with header texts', () => {
  it('keeps each mapped column’s header text and letter, skipped columns included', () => {
    const saved = savedMarch();
    expect(saved.sheets.March.headerRow).toBe(1);
    expect(saved.sheets.March.columns).toMatchObject({ A: 'person', B: 'role', C: 'skip', D: 'task', E: 'hours', F: 'department' });
    expect(saved.sheets.March.headers).toMatchObject({ A: 'Name', B: 'Grade', C: 'Team', D: 'Task', E: 'Hours', F: 'Cost centre' });
  });

  it('compares header text trimmed, case- and whitespace-insensitively', () => {
    expect(headerText('  Cost   CENTRE ')).toBe(headerText('cost centre'));
    expect(headerText('Cost centre')).not.toBe(headerText('Cost center'));
  });
});

describe('offering and applying a saved mapping by header text', () => {
  const march = savedMarch();

  it('follows columns into another order', () => {
    const { offers, applied } = offer(book('March', ['task', 'cost', 'hours', 'notes', 'team', 'name', 'grade']), { march });
    expect(offers.map((o) => o.name)).toEqual(['march']);
    expect(offers[0].missing).toEqual([]);
    expect(offers[0].mapping.sheets.March.columns).toMatchObject({ A: 'task', B: 'department', C: 'hours', E: 'skip', F: 'person', G: 'role' });
    expect(person(applied, 'Ben Ode')).toMatchObject({ role: 'G3', department: 'CC-200' });
  });

  it('follows columns past an inserted column', () => {
    const { offers, applied } = offer(book('March', ['name', 'phone', 'grade', 'team', 'task', 'hours', 'cost', 'notes']), { march });
    expect(offers[0].mapping.sheets.March.columns).toMatchObject({ A: 'person', C: 'role', D: 'skip', G: 'department' });
    expect(offers[0].mapping.sheets.March.columns).not.toHaveProperty('B');
    expect(person(applied, 'Ana Ruiz')).toMatchObject({ role: 'G7', department: 'CC-100' });
  });

  it('finds a renamed sheet by its headers when the file has one data sheet', () => {
    const { offers, applied } = offer(book('April', ['grade', 'name', 'task', 'hours', 'team', 'cost']), { march });
    expect(offers).toHaveLength(1);
    expect(offers[0].renamed).toEqual([{ saved: 'March', file: 'April' }]);
    expect(Object.keys(offers[0].mapping.sheets)).toEqual(['April']);
    expect(person(applied, 'Ben Ode')).toMatchObject({ role: 'G3', department: 'CC-200' });
  });

  it('matches headers written differently (case, spaces)', () => {
    const { offers, applied } = offer(book('March', ['cost', 'name', 'grade', 'task', 'hours', 'notes'], { cost: ' COST  Centre', grade: 'grade ', notes: 'NOTES' }), { march });
    expect(offers[0].missing).toEqual([]);
    expect(person(applied, 'Ana Ruiz')).toMatchObject({ role: 'G7', department: 'CC-100' });
  });

  it('reports saved columns whose header is not in the file, instead of dropping them silently', () => {
    const { offers, applied } = offer(book('April', ['name', 'team', 'task', 'hours', 'notes']), { march });
    expect(offers).toHaveLength(1);
    expect(offers[0].missing.map((m) => [m.header, m.field])).toEqual([['Grade', 'role'], ['Cost centre', 'department']]);
    expect(describeMissing(offers[0].missing, offers[0].sheets)).toBe('2 saved columns not found: ‘Grade’, ‘Cost centre’');
    // What was found still applies: Team stays skipped, so nobody has a department.
    expect(offers[0].mapping.sheets.April.columns).toMatchObject({ B: 'skip' });
    expect(person(applied, 'Ben Ode')?.department).toBeNull();
  });

  it('is not offered for a file that only shares the sheet name', () => {
    const other = xlsxBytes({ March: [['Staff member', 'Activity', 'Hrs/wk'], ['Cy', 'Phones', 10]] });
    expect(offer(other, { march }).offers).toEqual([]);
  });

  it('is not offered when applying it would change nothing', () => {
    const bytes = book('March', ['name', 'task', 'hours']);
    const plain = toSaved(importOrganization(bytes, 'x.xlsx').layout, { sheets: {} });
    expect(offer(bytes, { plain }).offers).toEqual([]);
  });
});

describe('mappings saved before header texts were kept', () => {
  const old: SavedColumnMapping = { sheets: { March: { headerRow: 1, columns: { B: 'role', F: 'department', C: 'skip' } } } };

  it('are offered when the sheet names fit and applied by column letter', () => {
    const { offers, applied } = offer(book('March', ['name', 'grade', 'team', 'task', 'hours', 'cost']), { old });
    expect(offers[0].mapping.sheets.March).toEqual({ headerRow: 1, columns: { B: 'role', F: 'department', C: 'skip' } });
    expect(offers[0].missing).toEqual([]);
    expect(person(applied, 'Ben Ode')).toMatchObject({ role: 'G3', department: 'CC-200' });
  });

  it('are not offered for another sheet name', () => {
    expect(offer(book('April', ['name', 'grade', 'team', 'task', 'hours', 'cost']), { old }).offers).toEqual([]);
  });

  it('keep columns saved without header text at their letter beside matched ones', () => {
    const mixed: SavedColumnMapping = { sheets: { S: { columns: { A: 'person', C: 'notes', D: 'task' }, headers: { A: 'Name', D: 'Task' } } } };
    const files = [{ sheet: 'S', headerRow: 1, headers: new Map([['A', 'Task'], ['B', 'Name'], ['C', 'Hours']]) }];
    // Name and Task swapped; C (no saved header) stays at C.
    expect(resolveSaved('mixed', mixed, files)?.mapping.sheets.S.columns).toEqual({ B: 'person', A: 'task', C: 'notes' });
    // A letter-only column where a matched column now sits gives way to it.
    const clash: SavedColumnMapping = { sheets: { S: { columns: { A: 'person', B: 'notes' }, headers: { A: 'Name' } } } };
    expect(resolveSaved('clash', clash, files)?.mapping.sheets.S.columns).toEqual({ B: 'person' });
  });
});

describe('several sheets and header rows', () => {
  it('places each saved sheet on its own file sheet, by name first and then by headers', () => {
    const saved: SavedColumnMapping = {
      sheets: {
        Roster: { columns: { A: 'person', B: 'role' }, headers: { A: 'Name', B: 'Grade' } },
        Tasks: { columns: { A: 'person', B: 'task' }, headers: { A: 'Name', B: 'Duty' } },
      },
    };
    const files = [
      { sheet: 'Roster', headerRow: 1, headers: new Map([['A', 'Grade'], ['B', 'Name']]) },
      { sheet: 'Work', headerRow: 2, headers: new Map([['A', 'Duty'], ['B', 'Name']]) },
    ];
    const resolved = resolveSaved('two', saved, files)!;
    expect(resolved.mapping.sheets).toEqual({
      Roster: { headerRow: 1, columns: { B: 'person', A: 'role' } },
      Work: { headerRow: 2, columns: { B: 'person', A: 'task' } },
    });
    expect(resolved.renamed).toEqual([{ saved: 'Tasks', file: 'Work' }]);
    expect(resolveSaved('two', saved, files.slice(0, 1))).toBeNull();
  });

  it('reads a header row the user chose first, when the headers are not under the row read now', () => {
    const saved: SavedColumnMapping = { sheets: { S: { headerRow: 3, columns: { A: 'person', B: 'notes' }, headers: { A: 'Who' } } } };
    const files = [{ sheet: 'S', headerRow: 1, headers: new Map([['A', 'Report for March']]) }];
    expect(resolveSaved('row', saved, files)?.mapping.sheets.S).toEqual({ headerRow: 3, columns: { B: 'notes' } });
  });
});

describe('time-tracking exports', () => {
  const csv = (rows: string[]) => new TextEncoder().encode(['Date,User,Task,Duration (decimal)', ...rows].join('\n'));
  const OCTOBER = csv(['03/10/2026,Ana Ruiz,Design,6', '06/10/2026,Ana Ruiz,Design,2', '07/10/2026,Ana Ruiz,Vacation,8']);

  it('saves the time-off and date-order choices with the columns, and a saved mapping brings them to next month\'s file', () => {
    const mapping: ExplicitMapping = { sheets: {}, timesheet: { includeNonWork: true, dateOrder: 'dmy' } };
    const october = importOrganization(OCTOBER, 'october.csv', { mapping });
    expect(october.timesheet?.nonWork.included).toBe(true);
    const saved = toSaved(october.layout, mapping);
    expect(saved.timesheet).toEqual({ includeNonWork: true, dateOrder: 'dmy' });
    expect(toSaved(october.layout, { sheets: {} }).timesheet).toBeUndefined();

    const november = csv(['02/11/2026,Ana Ruiz,Design,4', '03/11/2026,Ana Ruiz,Holiday,8']);
    const { result, offers, applied } = offer(november, { clockify: saved });
    expect(result.timesheet?.dateOrder).toEqual({ order: 'mdy', assumed: true });
    expect(result.timesheet?.nonWork.included).toBe(false);
    expect(offers.map((o) => o.name)).toEqual(['clockify']);
    expect(applied?.timesheet?.dateOrder.order).toBe('dmy');
    expect(applied?.timesheet?.firstEntry).toBe('2026-11-02');
    expect(applied?.timesheet?.nonWork.included).toBe(true);
    // Read day first, the two entries fall in one week: 4 h of Design and 8 h of Holiday counted as work.
    expect(applied?.organization?.assignments.map((a) => a.hours).sort()).toEqual([4, 8]);
  });

  it('does not offer a saved mapping whose only difference is choices already made', () => {
    const mapping: ExplicitMapping = { sheets: {}, timesheet: { includeNonWork: true } };
    const result = importOrganization(OCTOBER, 'october.csv', { mapping });
    const saved = toSaved(result.layout, mapping);
    expect(matchingSaved({ same: saved }, result.layout, mapping, fileSheets(result.layout, result.issues))).toEqual([]);
    expect(matchingSaved({ same: saved }, result.layout, { sheets: {} }, fileSheets(result.layout, result.issues)).map((o) => o.name)).toEqual(['same']);
  });
});
