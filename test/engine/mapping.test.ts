// Explicit column mappings override what the importer detects (the app's mapping editor relies on this).
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import';

const bytes = (text: string) => new TextEncoder().encode(text);

const ODD = 'Colleague,Assignment,Weekly load\nAna,Grant writing,10\nAna,Filing,30\nBo,Canvassing,40\n';

describe('explicit column mapping', () => {
  it('refuses headers it cannot recognize, then imports them once mapped', () => {
    const auto = importOrganization(bytes(ODD), 'odd.csv');
    expect(auto.organization).toBeNull();
    expect(auto.fatal).toMatch(/no recognizable header/);

    const mapped = importOrganization(bytes(ODD), 'odd.csv', {
      mapping: { sheets: { Sheet1: { headerRow: 1, columns: { A: 'person', B: 'task', C: 'hours' } } } },
    });
    expect(mapped.fatal).toBeNull();
    const org = mapped.organization!;
    const hours = (name: string) => org.assignments.filter((a) => a.personId === org.people.find((p) => p.name === name)!.id).reduce((s, a) => s + a.hours, 0);
    expect(org.people.map((p) => p.name)).toEqual(['Ana', 'Bo']);
    expect(hours('Ana')).toBe(40);
    expect(hours('Bo')).toBe(40);
    const sheet = mapped.layout.sheets[0];
    expect(sheet.role).toBe('long');
    expect(sheet.columns.map((c) => [c.column, c.field, c.confidence])).toEqual([
      ['A', 'person', 1],
      ['B', 'task', 1],
      ['C', 'hours', 1],
    ]);
  });

  it('re-reads a detected hours column as % of time when told to', () => {
    const csv = 'Name,Task,Hours\nAna,Grant writing,25\nAna,Filing,75\n';
    const auto = importOrganization(bytes(csv), 'p.csv');
    expect(auto.layout.sheets[0].columns.find((c) => c.column === 'C')!.field).toBe('hours');
    expect(auto.organization!.assignments.reduce((s, a) => s + a.hours, 0)).toBe(100);

    const asPercent = importOrganization(bytes(csv), 'p.csv', { mapping: { sheets: { Sheet1: { columns: { C: 'percent' } } } } });
    // 25% and 75% of a 40-hour FTE.
    expect(asPercent.organization!.assignments.map((a) => a.hours).sort((a, b) => a - b)).toEqual([10, 30]);
  });

  it('skips a column the user marks as skip, and a header row the user moves', () => {
    const csv = 'Staff survey\nName,Task,Hours,Empowerment\nAna,Grant writing,10,18\nBo,Filing,10,4\n';
    const skipped = importOrganization(bytes(csv), 's.csv', { mapping: { sheets: { Sheet1: { columns: { D: 'skip' } } } } });
    expect(skipped.organization!.tasks.every((t) => t.empowerment === null)).toBe(true);
    const auto = importOrganization(bytes(csv), 's.csv');
    expect(auto.layout.sheets[0].headerRow).toBe(2);
    expect(auto.organization!.tasks.find((t) => t.name === 'Grant writing')!.source).toBe('file');
  });

  it('reports the chosen layout with a confidence between 0 and 1', () => {
    const r = importOrganization(bytes('Task,Ana,Bo\nFiling,10,20\nGrant writing,30,20\n'), 'm.csv');
    expect(r.layout.layout).toBe('matrix-tasks-by-people');
    expect(r.layout.confidence).toBeGreaterThan(0);
    expect(r.layout.confidence).toBeLessThanOrEqual(1);
    const people = r.layout.sheets[0].columns.filter((c) => c.field === 'personColumn');
    expect(people.map((c) => c.header)).toEqual(['Ana', 'Bo']);
    expect(people.every((c) => c.confidence < 1)).toBe(true);
  });
});
