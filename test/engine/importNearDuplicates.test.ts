// Task names that differ only in punctuation or spacing are noted as possibly one task (issue 11),
// never merged silently and never reported for names that are really different.
import { describe, expect, it } from 'vitest';
import { looseTaskKey } from '../../renderer/src/engine/import/nearDuplicates';
import { describeIssues, importCsv, issuesOf, orgOf } from './helpers';

function nearDuplicateNotes(lines: string[]) {
  const r = importCsv(lines);
  return { r, notes: issuesOf(r, 'info').filter((i) => /may be one task/.test(i.message)) };
}

describe('near-duplicate task names', () => {
  it('"Data-entry" and "Data Entry." get one info issue at the second spelling, and stay two tasks', () => {
    const { r, notes } = nearDuplicateNotes(['Name,Task,Hours', 'Ana,Data-entry,10', 'Bo,Filing,5', 'Bo,Data Entry.,20', 'Cy,data-entry,3']);
    expect(notes, describeIssues(r)).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      severity: 'info', file: 'test.csv', sheet: 'Sheet1', row: 4, column: 'C',
      message: 'Tasks "Data-entry" and "Data Entry." differ only in punctuation, spacing or accents and may be one task; they are kept apart unless written the same way',
    });
    expect(orgOf(r).tasks.map((t) => t.name).sort()).toEqual(['Data Entry.', 'Data-entry', 'Filing']);
  });

  it('three spellings are listed in one note', () => {
    const { notes } = nearDuplicateNotes(['Name,Task,Hours', 'Ana,Front desk,10', 'Bo,Front-desk,5', 'Cy,Frontdesk,5']);
    expect(notes.map((n) => n.message)).toEqual([
      'Tasks "Front desk", "Front-desk" and "Frontdesk" differ only in punctuation, spacing or accents and may be one task; they are kept apart unless written the same way',
    ]);
  });

  it('names that differ only in case or spaces are one task already, and different words are not noted', () => {
    const { r, notes } = nearDuplicateNotes(['Name,Task,Hours', 'Ana,Data entry,10', 'Bo,DATA  ENTRY,5', 'Cy,Data review,5', 'Cy,Café duty,1', 'Ana,Cafe duty,1']);
    expect(orgOf(r).tasks.filter((t) => /data/i.test(t.name))).toHaveLength(2);
    // "Café duty" and "Cafe duty" differ only by an accent: noted.
    expect(notes.map((n) => n.message), describeIssues(r)).toEqual([
      'Tasks "Café duty" and "Cafe duty" differ only in punctuation, spacing or accents and may be one task; they are kept apart unless written the same way',
    ]);
  });

  it('the loose key keeps letters and digits of any script', () => {
    expect(looseTaskKey('Data-Entry.')).toBe('dataentry');
    expect(looseTaskKey('Шаг 2: отчёт')).toBe('шаг2отчет');
    expect(looseTaskKey('--')).toBe('');
  });
});
