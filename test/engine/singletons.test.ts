/**
 * One-person roles and departments (engine/analysis/singletons.ts): found as the audit groups them
 * (case-insensitive, people without one left out), and hidden everywhere an export would show them.
 */
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { findSingletons, hideSingletons, HIDDEN_GROUP, singletonCount, textMasker } from '../../renderer/src/engine/analysis/singletons';
import { importCsv, orgOf } from './helpers';

describe('findSingletons', () => {
  it('names roles and departments held by exactly one person, grouping case-insensitively, skipping blanks', () => {
    const s = findSingletons([
      { role: 'Executive Director', department: 'Leadership' },
      { role: 'Organizer', department: 'Organizing' },
      { role: 'organizer', department: 'Organizing' },
      { role: null, department: 'Office' },
      { role: '  ', department: null },
    ]);
    expect(s).toEqual({ roles: ['Executive Director'], departments: ['Leadership', 'Office'] });
    expect(singletonCount(s)).toBe(3);
    expect(findSingletons([])).toEqual({ roles: [], departments: [] });
  });
});

describe('textMasker', () => {
  it('replaces whole names as written, longest first, and leaves words that only contain them', () => {
    const mask = textMasker({ roles: ['Custodian', 'Night Custodian', 'IT & Data Coordinator'], departments: [] });
    expect(mask('Night Custodian and Custodian; Custodians stay; IT & Data Coordinator.')).toBe(
      `${HIDDEN_GROUP} and ${HIDDEN_GROUP}; Custodians stay; ${HIDDEN_GROUP}.`);
    expect(textMasker({ roles: [], departments: [] })('Custodian')).toBe('Custodian');
  });

  // Review of issue 12: the masker swapped hidden names case-insensitively and inside longer kept names.
  const hidden = { roles: ['Coordinator', 'Organizer'], departments: ['Operations'] };
  const mask = textMasker(hidden, ['Coordinator', 'Organizer', 'Lead Organizer', 'Operations', 'Organizing']);

  it('leaves prose that only spells a hidden name in another case ("a coordinator cluster")', () => {
    expect(mask('a coordinator cluster')).toBe('a coordinator cluster');
    expect(mask('organizer, operations')).toBe('organizer, operations');
  });

  it('keeps a kept role that contains a hidden one ("Lead Organizer" when only "Organizer" is hidden)', () => {
    expect(mask('Lead Organizer')).toBe('Lead Organizer');
    expect(mask('3 Lead Organizers; Lead Organizer and Organizer')).toBe(`3 Lead Organizers; Lead Organizer and ${HIDDEN_GROUP}`);
  });

  it('still hides every hidden name written as it is', () => {
    expect(mask('Coordinator (Operations), Organizer.')).toBe(`${HIDDEN_GROUP} (${HIDDEN_GROUP}), ${HIDDEN_GROUP}.`);
  });

  it('hides a name that is both a hidden role and a kept department', () => {
    expect(textMasker({ roles: ['Finance'], departments: [] }, ['Finance', 'Finance Lead'])('Finance; Finance Lead')).toBe(`${HIDDEN_GROUP}; Finance Lead`);
  });
});

describe('hideSingletons: kept names and prose survive', () => {
  const org = orgOf(importCsv([
    'Name,Role,Department,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
    'Ana Diaz,Coordinator,Operations,Strategy,40,19,15',
    'Bo Chen,Lead Organizer,Organizing,Canvassing,40,9,12',
    'Cy Lima,Lead Organizer,Organizing,Canvassing,40,9,12',
    'Dee Park,Organizer,Organizing,Data entry,40,3,4',
    'Eve Ruiz,Canvasser,Organizing,Canvassing,40,9,12',
    'Fay Wong,Canvasser,Organizing,Canvassing,40,9,12',
  ]));
  const message = 'Lead Organizer and Organizer rows; a coordinator cluster; Coordinator in Operations';
  const report = buildAuditReport({ organization: org, issues: [{ severity: 'info', message, file: 'x.csv', sheet: null, row: null, column: null } as never], layout: { layout: 'long', confidence: 1, sheets: [] } as never, file: 'x.csv', format: 'csv' }, { pseudonymize: true });
  const s = findSingletons(report.people);
  const hidden = hideSingletons(report, org, s);

  it('masks the role and department cells, pools the hidden groups, keeps "Lead Organizer"', () => {
    expect(s).toEqual({ roles: ['Coordinator', 'Organizer'], departments: ['Operations'] });
    expect(hidden.people.map((p) => p.role)).toEqual(report.people.map((p) => (p.role === 'Coordinator' || p.role === 'Organizer' ? HIDDEN_GROUP : p.role)));
    expect(hidden.roles.map((g) => g.role).sort()).toEqual([HIDDEN_GROUP, 'Canvasser', 'Lead Organizer'].sort());
    expect(hidden.departments.map((g) => g.department).sort()).toEqual([HIDDEN_GROUP, 'Organizing'].sort());
    expect(hidden.metrics.coordinator.members.map((m) => [m.role, m.department])).toEqual([[HIDDEN_GROUP, HIDDEN_GROUP]]);
  });

  it('issue messages: only the hidden names as written; readings keep "Coordinator cluster" and name no hidden group', () => {
    expect(hidden.issues[0].message).toBe(`Lead Organizer and ${HIDDEN_GROUP} rows; a coordinator cluster; ${HIDDEN_GROUP} in ${HIDDEN_GROUP}`);
    const cluster = hidden.readings.find((r) => r.key === 'coordinator')!;
    expect(cluster.label).toBe('Coordinator cluster');
    expect(cluster.text).toContain(`— ${HIDDEN_GROUP} —`);
    expect(cluster.text).toContain('a coordinator cluster');
    const readings = JSON.stringify(hidden.readings);
    expect(readings).not.toMatch(/Coordinator(?! cluster)|(?<!Lead )Organizer|Operations/);
  });
});

describe('hideSingletons', () => {
  const lines = [
    'Name,Role,Department,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
    'Ana Diaz,Executive Director,Leadership,Strategy,40,19,15',
    'Bo Chen,Organizer,Organizing,Canvassing,30,9,12',
    'Bo Chen,Organizer,Organizing,Data entry,10,3,4',
    'Cy Lima,Organizer,Organizing,Canvassing,40,9,12',
    'Dee Park,Organizer,Organizing,Data entry,40,3,4',
    'Eve Ruiz,Organizer,Organizing,Canvassing,40,9,12',
  ];
  const org = orgOf(importCsv(lines));
  const report = buildAuditReport({ organization: org, issues: [{ severity: 'info', message: 'Executive Director has one person', file: 'x.csv', sheet: null, row: null, column: null } as never], layout: { layout: 'long', confidence: 1, sheets: [] } as never, file: 'x.csv', format: 'csv' }, { pseudonymize: true });

  it('the audit names the Executive Director as the cluster, then hides it in people, groups, cluster, readings and issues', () => {
    expect(report.metrics.coordinator.members.map((m) => m.role)).toEqual(['Executive Director']);
    const s = findSingletons(report.people);
    const hidden = hideSingletons(report, org, s);
    const text = JSON.stringify(hidden);
    expect(text).not.toMatch(/Executive Director|Leadership/);
    expect(hidden.people.find((p) => p.hours === 40 && p.empowerment === 19)?.role).toBe(HIDDEN_GROUP);
    expect(hidden.roles.map((g) => g.role).sort()).toEqual([HIDDEN_GROUP, 'Organizer'].sort());
    expect(hidden.metrics.coordinator.roles).toEqual([{ name: HIDDEN_GROUP, people: 1 }]);
    expect(hidden.readings.find((r) => r.key === 'coordinator')?.text).toContain(HIDDEN_GROUP);
    expect(hidden.issues[0].message).toBe(`${HIDDEN_GROUP} has one person`);
    expect(hidden.hiddenGroups).toEqual({ roles: 1, departments: 1 });
    // Figures are the audit's own.
    expect(hidden.metrics.empowerment).toEqual(report.metrics.empowerment);
    expect(report.people[0].role === 'Executive Director' || report.people.some((p) => p.role === 'Executive Director')).toBe(true);
  });

  it('returns the report itself when nothing is hidden', () => {
    expect(hideSingletons(report, org, { roles: [], departments: [] })).toBe(report);
  });
});
