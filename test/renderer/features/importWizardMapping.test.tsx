// The wizard's mapping logic: table rows, one-column changes that keep the rest, saved mappings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ExplicitMapping } from '../../../renderer/src/engine/import/types';
import {
  columnIndex, fromSaved, mappingRows, rememberColumns, toSaved, withColumn, withHeaderRow, withUnit, type SeenColumn,
} from '../../../renderer/src/features/importWizard/mapping';
import { matchingSaved, wouldChange } from '../../../renderer/src/features/importWizard/savedMatch';
import { FIELD_LABELS, FIELD_NAMES } from '../../../renderer/src/features/importWizard/labels';

const SAMPLE = new Uint8Array(readFileSync(new URL('../../../resources/sample-organization.xlsx', import.meta.url)));
const sample = importOrganization(SAMPLE, 'sample-organization.xlsx');
const sheet = (name: string) => sample.layout.sheets.find((s) => s.sheet === name)!;

describe('field labels', () => {
  it('names every field, skip included, each once', () => {
    expect(FIELD_NAMES).toContain('skip');
    expect(FIELD_NAMES).toContain('personColumn');
    expect(new Set(Object.values(FIELD_LABELS)).size).toBe(FIELD_NAMES.length);
  });
});

describe('columnIndex', () => {
  it('reads spreadsheet letters', () => {
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('Z')).toBe(25);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('a')).toBe(-1);
    expect(columnIndex('../x')).toBe(-1);
  });
});

describe('withColumn', () => {
  it('changes one column and pins the others as detected', () => {
    const next = withColumn({ sheets: {} }, sheet('Roster'), 'D', 'skip');
    expect(next.sheets.Roster.columns).toEqual({ A: 'personId', B: 'person', C: 'role', D: 'skip', E: 'fte', F: 'annualPay' });
    expect(next.sheets.Tasks).toBeUndefined();
  });

  it('keeps earlier choices, including skipped columns the report no longer lists', () => {
    const skipped = withColumn({ sheets: {} }, sheet('Roster'), 'D', 'skip');
    const reread = importOrganization(SAMPLE, 'sample-organization.xlsx', { mapping: skipped });
    const roster = reread.layout.sheets.find((s) => s.sheet === 'Roster')!;
    expect(roster.columns.map((c) => c.column)).not.toContain('D');
    const next = withColumn(skipped, roster, 'F', 'skip');
    expect(next.sheets.Roster.columns).toMatchObject({ D: 'skip', F: 'skip', B: 'person' });
  });

  it('changes the unit and the header row (a new header row drops the column choices)', () => {
    const m: ExplicitMapping = { sheets: { S: { columns: { A: 'task' }, unit: 'hours' } } };
    expect(withUnit(m, 'S', 'percent').sheets.S).toEqual({ columns: { A: 'task' }, unit: 'percent' });
    expect(withHeaderRow(m, 'S', 3).sheets.S).toEqual({ headerRow: 3, unit: 'hours' });
  });
});

describe('mappingRows', () => {
  it('lists the detected columns in sheet order with their confidence', () => {
    const rows = mappingRows(sheet('Tasks'), undefined, sample.issues);
    expect(rows.map((r) => [r.column, r.header, r.field])).toEqual([
      ['A', 'ID', 'personId'], ['B', 'Name', 'person'], ['C', 'Task', 'task'], ['D', 'Hours per week', 'hours'],
    ]);
    expect(rows.every((r) => r.confidence === 1 && r.origin === 'detected')).toBe(true);
  });

  it('keeps a skipped column, with the header seen before it was skipped', () => {
    const seen = new Map<string, SeenColumn>();
    rememberColumns(seen, sample.layout, sample.issues);
    const mapping = withColumn({ sheets: {} }, sheet('Roster'), 'D', 'skip');
    const reread = importOrganization(SAMPLE, 'x.xlsx', { mapping });
    const roster = reread.layout.sheets.find((s) => s.sheet === 'Roster')!;
    const d = mappingRows(roster, mapping.sheets.Roster, reread.issues, seen).find((r) => r.column === 'D');
    expect(d).toMatchObject({ header: 'Department', field: 'skip', origin: 'mapping' });
  });

  it('adds columns the importer noted as not recognized', () => {
    const issues = [{ severity: 'info' as const, message: 'Column "Shoe size" was not recognized and is not used', file: 'f', sheet: 'Tasks', row: 1, column: 'G' }];
    const g = mappingRows(sheet('Tasks'), undefined, issues).at(-1);
    expect(g).toMatchObject({ column: 'G', header: 'Shoe size', field: 'skip', origin: 'unrecognized' });
  });
});

describe('saved mappings', () => {
  it('saves every used sheet with its header row and fields, and reads them back', () => {
    const mapping = withColumn({ sheets: {} }, sheet('Roster'), 'D', 'skip');
    const reread = importOrganization(SAMPLE, 'x.xlsx', { mapping });
    const saved = toSaved(reread.layout, mapping);
    expect(Object.keys(saved.sheets).sort()).toEqual(['Ratings', 'Roster', 'Tasks']);
    expect(saved.sheets.Roster).toMatchObject({ headerRow: 1, columns: { D: 'skip', B: 'person' } });
    const back = fromSaved(saved);
    expect(back.sheets.Roster.columns?.D).toBe('skip');
    expect(importOrganization(SAMPLE, 'x.xlsx', { mapping: back }).organization?.people[0].department).toBeNull();
  });

  it('drops fields and roles it does not know', () => {
    const back = fromSaved({ sheets: { S: { role: 'weird', columns: { A: 'person', B: 'shoeSize' } } } });
    expect(back.sheets.S).toEqual({ columns: { A: 'person' } });
  });

  it('offers saved mappings whose sheets are all in the file and that would change something', () => {
    const changing = toSaved(importOrganization(SAMPLE, 'x.xlsx', { mapping: withColumn({ sheets: {} }, sheet('Roster'), 'D', 'skip') }).layout, withColumn({ sheets: {} }, sheet('Roster'), 'D', 'skip'));
    const same = toSaved(sample.layout, { sheets: {} });
    const elsewhere = { sheets: { Staff: { columns: { A: 'person' } } } };
    const offers = matchingSaved({ changing, same, elsewhere }, sample.layout, { sheets: {} });
    expect(offers.map((o) => o.name)).toEqual(['changing']);
    expect(wouldChange(fromSaved(same), sample.layout, { sheets: {} })).toBe(false);
    expect(wouldChange(fromSaved(changing), sample.layout, { sheets: {} })).toBe(true);
  });
});
