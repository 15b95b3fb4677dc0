/**
 * The text of `fairshare audit` (electron/cli/summary.ts) on small reports: counts in the singular and
 * plural ("1 error", "2 notes", "1 task", "1 person"), notes printed like the other issues, long lists
 * capped per severity with "… and N more (use --json)".
 */
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../electron/cli/summary';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { importCsv, orgOf } from '../engine/helpers';

function report(lines: string[]): AuditReport {
  const r = importCsv(lines);
  return buildAuditReport({ organization: orgOf(r), issues: r.issues, layout: r.layout, file: 'staff.csv', format: r.format });
}

describe('fairshare audit text', () => {
  it('one person, one task, one note: singular counts; the near-duplicate note is printed', () => {
    const rep = report(['Name,Task,Hours per week,Empowerment (1-20)', 'Ana,Data-entry,20,5', 'Ana,Data Entry.,20,5']);
    expect(rep.issues.filter((i) => i.severity === 'info')).toHaveLength(1);
    const text = formatSummary(rep);
    expect(text).toMatch(/^1 person, 40\.0 hours a week, 2 tasks \(0 unrated\)/m);
    expect(text).toContain('Issues: 0 errors, 0 warnings, 1 note');
    expect(text).toMatch(/^ {2}note: Tasks "Data-entry" and "Data Entry\." differ only in punctuation/m);
    expect(text).toMatch(/header on row 1, 2 data rows/);
    const one = formatSummary(report(['Name,Task,Hours per week,Empowerment (1-20)', 'Ana,Filing,20,5']));
    expect(one).toMatch(/^1 person, 20\.0 hours a week, 1 task \(0 unrated\)/m);
    expect(one).toMatch(/header on row 1, 1 data row(?!s)/);
    expect(one).toContain('Issues: 0 errors, 0 warnings, 0 notes');
  });

  it('the cluster at τ and 3τ names who the line takes in or leaves out, against the 2τ cluster', () => {
    // Mean (14 + 12.7 + 11.8 + 10·10)/13 = 10.65; τ = 0.95. Ana is 3.35 points above (past 3τ = 2.85),
    // Bo 2.05 (past 2τ = 1.9 only), Cy 1.15 (past τ only): the cluster is Ana and Bo.
    const rows = ['Name,Task,Hours per week,Empowerment (1-20)', 'Ana,Plan,40,14', 'Bo,Lead,40,12.7', 'Cy,Write,40,11.8'];
    for (let i = 1; i <= 10; i++) rows.push(`P${i},Do,40,10`);
    const text = formatSummary(report(rows));
    expect(text).toMatch(/^ {2}above 2τ \(1\.90 points\): 2 people, \d+% of hours$/m);
    expect(text).toMatch(/^ {2}above 1τ \(0\.95 points\): 3 people, \d+% of hours; also Cy$/m);
    expect(text).toMatch(/^ {2}above 3τ \(2\.85 points\): 1 person, \d+% of hours; not Bo$/m);
  });

  it('long lists are capped per severity; errors and warnings come before notes', () => {
    const rep = report(['Name,Task,Hours per week,Empowerment (1-20)', 'Ana,Filing,20,5', 'Bo,Filing,20,9']);
    const at = { file: 'staff.csv', sheet: null, row: null, column: null };
    rep.issues = [
      ...Array.from({ length: 33 }, (_, i) => ({ ...at, severity: 'info' as const, message: `note ${i + 1}` })),
      { ...at, severity: 'error' as const, message: 'the one error', row: 3 },
      { ...at, severity: 'warning' as const, message: 'first warning' },
      { ...at, severity: 'warning' as const, message: 'second warning' },
    ];
    const lines = formatSummary(rep).split('\n');
    const head = lines.indexOf('Issues: 1 error, 2 warnings, 33 notes');
    expect(head).toBeGreaterThan(0);
    expect(lines.slice(head + 1)).toEqual([
      '  error: the one error (row 3)', '  warning: first warning', '  warning: second warning',
      ...Array.from({ length: 30 }, (_, i) => `  note: note ${i + 1}`),
      '  … and 3 more notes (use --json)',
    ]);
  });
});
