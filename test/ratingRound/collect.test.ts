// Collecting a round: type-7 quartiles and the contested rule against hand computations, one form ID once, medians by rater group, and the round applied to the Riverside sample.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';
import { computeMetrics } from '../../renderer/src/engine/analysis/metrics';
import { importOrganization } from '../../renderer/src/engine/import';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { normalize } from '../../renderer/src/engine/rating/scale';
import { intervalAlpha } from '../../renderer/src/engine/ratingRound/alpha';
import { applyRound, contestedHours } from '../../renderer/src/engine/ratingRound/applyRound';
import { collectRound } from '../../renderer/src/engine/ratingRound/collect';
import { quantile7, spreadOf } from '../../renderer/src/engine/ratingRound/stats';
import type { ReadForm } from '../../renderer/src/engine/ratingRound/types';

const S20 = { min: 1, max: 20 };

/** A read form giving `ratings[taskId] = [E, D]` (null = blank). */
function form(file: string, rater: string | null, ratings: Record<string, [number | null, number | null]>, formId = file): ReadForm {
  const list = Object.entries(ratings).flatMap(([taskId, [e, d]]) => [
    ...(e === null ? [] : [{ formId, rater, taskId, dimension: 'empowerment', value: e }]),
    ...(d === null ? [] : [{ formId, rater, taskId, dimension: 'desirability', value: d }]),
  ]);
  return { file, formId, rater, raterNumber: null, ratings: list, issues: [] };
}

describe('quartiles and the contested rule', () => {
  it('quartiles interpolate between order statistics like QUARTILE.INC', () => {
    // Hand computation on 2, 4, 4, 5, 9, 12: h = 5p → Q1 at 1.25 = 4, median at 2.5 = 4.5, Q3 at 3.75 = 5 + 0.75 × 4 = 8.
    const s = spreadOf([9, 4, 12, 2, 5, 4], S20, 0.95);
    expect(s).toMatchObject({ q1: 4, median: 4.5, q3: 8 });
    expect(quantile7([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile7([7], 0.75)).toBe(7);
  });

  it('is contested when the IQR is above 2τ, not when it equals it', () => {
    expect(spreadOf([9, 4, 12, 2, 5, 4], S20, 0.95).contested).toBe(true); // IQR 4 > 1.9
    expect(spreadOf([9, 4, 12, 2, 5, 4], S20, 2.5).contested).toBe(false); // IQR 4 ≤ 5, and no one in the top third
    expect(spreadOf([1, 3, 5, 7, 9], S20, 2).contested).toBe(false); // IQR 7 − 3 = 4 = 2τ
  });

  it('is contested when a third or more sit in each extreme third of the scale, whatever τ', () => {
    const wide = 100; // 2τ above any IQR: only the split can make a task contested here
    const s10 = { min: 1, max: 10 }; // extreme thirds: ≤ 4 and ≥ 7
    expect(spreadOf([4, 5, 7], s10, wide).contested).toBe(true);
    expect(spreadOf([4.01, 5, 7], s10, wide).contested).toBe(false);
    expect(spreadOf([1, 1, 10, 5, 5, 5, 5], s10, wide).contested).toBe(false); // 2 of 7 in each end: under a third
    expect(spreadOf([1, 1, 10, 10, 5, 5], s10, wide).contested).toBe(true); // 2 of 6 in each end
  });

  it('needs three raters to judge', () => {
    expect(spreadOf([1, 20], S20, 0.95)).toMatchObject({ contested: false, median: 10.5 });
    expect(spreadOf([], S20, 0.95)).toEqual({ median: null, q1: null, q3: null, contested: false });
  });
});

/** Four people: Ann does the strategy work alone, so she is the coordinator cluster. */
function smallOrg(): Organization {
  const person = (id: string, department: string | null) => ({ id, name: id[0].toUpperCase() + id.slice(1), role: null, department, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] });
  const task = (id: string, e: number) => ({ id, name: id[0].toUpperCase() + id.slice(1), empowerment: e, desirability: 0.5, empowermentFactors: {}, desirabilityFactors: {}, source: 'file' as const, reason: null, requires: [], chore: false });
  return {
    people: [person('ann', 'Admin'), person('bo', 'Ops'), person('cy', 'Ops'), person('di', null)],
    tasks: [task('strategy', 1), task('cleaning', 0), task('filing', 0.2)],
    assignments: [
      { personId: 'ann', taskId: 'strategy', hours: 40, locked: false },
      { personId: 'bo', taskId: 'cleaning', hours: 40, locked: false },
      { personId: 'cy', taskId: 'cleaning', hours: 30, locked: false },
      { personId: 'cy', taskId: 'filing', hours: 10, locked: false },
      { personId: 'di', taskId: 'cleaning', hours: 40, locked: false },
    ],
    scale: S20,
    hoursPerFte: 40,
  };
}

describe('collectRound', () => {
  const org = smallOrg();
  const forms = [
    form('ann.xlsx', 'Ann', { strategy: [18, 15], cleaning: [10, 4] }),
    form('bo.xlsx', 'Bo', { strategy: [12, 10], cleaning: [4, 2] }),
    form('cy.xlsx', 'cy', { strategy: [10, 9], cleaning: [6, 3] }),
    form('anon-4.xlsx', null, { strategy: [14, null], cleaning: [2, 1] }),
  ];

  it('spreads every task in both dimensions, with the raters who gave a value', () => {
    const r = collectRound(forms, org, 0.95);
    expect(r.spreads).toHaveLength(6);
    const se = r.spreads.find((s) => s.taskId === 'strategy' && s.dimension === 'empowerment')!;
    // 10, 12, 14, 18: median 13, Q1 at h = 0.75 → 11.5, Q3 at h = 2.25 → 15; IQR 3.5 > 1.9.
    expect(se).toMatchObject({ name: 'Strategy', raters: 4, median: 13, q1: 11.5, q3: 15, contested: true, values: [10, 12, 14, 18] });
    expect(r.spreads.find((s) => s.taskId === 'strategy' && s.dimension === 'desirability')!.raters).toBe(3);
    expect(r.spreads.find((s) => s.taskId === 'filing' && s.dimension === 'empowerment')).toMatchObject({ raters: 0, median: null, contested: false });
    expect(r.alpha.empowerment).toBeCloseTo(intervalAlpha([[18, 12, 10, 14], [10, 4, 6, 2], []])!, 12);
    expect(r.forms.every((f) => f.used)).toBe(true);
  });

  it('uses one form ID once: the later copy is an error naming both files and is not counted', () => {
    const copy = form('ann-copy.xlsx', 'Ann', { strategy: [1, 1], cleaning: [1, 1] }, 'ann.xlsx');
    const r = collectRound([...forms, copy], org, 0.95);
    const dup = r.issues.filter((i) => i.severity === 'error');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ file: 'ann-copy.xlsx' });
    expect(dup[0].message).toMatch(/ann\.xlsx and ann-copy\.xlsx carry the same form ID/);
    expect(r.spreads.find((s) => s.taskId === 'strategy' && s.dimension === 'empowerment')!.values).toEqual([10, 12, 14, 18]);
    expect(r.forms.find((f) => f.file === 'ann-copy.xlsx')!.used).toBe(false);
  });

  it('passes on each form’s own issues', () => {
    const bad: ReadForm = { ...form('x.xlsx', null, {}), formId: null, issues: [{ severity: 'error', message: 'x.xlsx is not a form', file: 'x.xlsx', sheet: null, row: null, column: null }] };
    expect(collectRound([bad, ...forms], org, 0.95).issues.map((i) => i.message)).toContain('x.xlsx is not a form');
  });

  it('gives medians by rater group: the coordinator cluster vs everyone else, and by department', () => {
    expect(computeMetrics(org, scorePeople(org), 0.95).coordinator.members.map((m) => m.name)).toEqual(['Ann']);
    const r = collectRound(forms, org, 0.95);
    const coord = r.groups.find((g) => g.by === 'coordinator' && g.dimension === 'empowerment')!;
    // Ann: strategy 18, cleaning 10 → 14. Others: strategy median(12, 10, 14) = 12, cleaning median(4, 6, 2) = 4 → 8.
    expect(coord.groups).toEqual([
      { name: 'Coordinator cluster', raters: 1, tasks: 2, median: 14, gap: 6, sharedTasks: 2 },
      { name: 'Everyone else', raters: 3, tasks: 2, median: 8, gap: -6, sharedTasks: 2 },
    ]);
    const dept = r.groups.find((g) => g.by === 'department' && g.dimension === 'empowerment')!;
    // Ops (Bo, Cy): strategy 11, cleaning 5 → 8; outside (Ann, anonymous): strategy 16, cleaning 6 → gaps −5, −1 → −3.
    expect(dept.groups).toEqual([
      { name: 'Admin', raters: 1, tasks: 2, median: 14, gap: 6, sharedTasks: 2 },
      { name: 'Ops', raters: 2, tasks: 2, median: 8, gap: -3, sharedTasks: 2 },
    ]);
    const coordD = r.groups.find((g) => g.by === 'coordinator' && g.dimension === 'desirability')!;
    expect(coordD.groups[1].raters).toBe(3); // the anonymous form gave a D for cleaning only: still a rater
  });

  it('says when a named rater is not a person in the project (everyone else, no department)', () => {
    const r = collectRound([...forms, form('zed.xlsx', 'Zed', { strategy: [5, 5] })], org, 0.95);
    const info = r.issues.filter((i) => i.file === 'zed.xlsx');
    expect(info).toHaveLength(1);
    expect(info[0].message).toMatch(/"Zed", is not a person in the project/);
    expect(r.groups.find((g) => g.by === 'coordinator' && g.dimension === 'empowerment')!.groups[1].raters).toBe(4);
  });
});

describe('applyRound on the Riverside sample', () => {
  const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
  const org = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
  const [a, b, c] = org.tasks;
  const names = org.people.map((p) => p.name);
  const forms = [
    form('1.xlsx', names[0], { [a.id]: [15, 4], [b.id]: [3, 12] }),
    form('2.xlsx', names[1], { [a.id]: [16, 5], [b.id]: [10, 12] }),
    form('3.xlsx', names[2], { [a.id]: [16, 6], [b.id]: [18, null] }),
    form('4.xlsx', null, { [c.id]: [7, null] }),
  ];
  const result = collectRound(forms, org, 0.95);
  const applied = applyRound(org, result);

  it('sets the medians as ratings with source members and a reason, and the contested flags', () => {
    const ta = applied.tasks.find((t) => t.id === a.id)!;
    expect(ta.empowerment).toBeCloseTo(normalize(16, org.scale), 12);
    expect(ta.desirability).toBeCloseTo(normalize(5, org.scale), 12);
    expect(ta.source).toBe('members');
    expect(ta.reason).toBe("Empowerment: median of 3 members' ratings (IQR 15.5–16); Desirability: median of 3 members' ratings (IQR 4.5–5.5)");
    expect(ta.contested).toBe(false);
    const tb = applied.tasks.find((t) => t.id === b.id)!;
    expect(tb.contested).toBe(true); // E 3, 10, 18: IQR 6.5–14
    expect(tb.desirability).toBeCloseTo(normalize(12, org.scale), 12); // two raters: median 12, not judged
    const tc = applied.tasks.find((t) => t.id === c.id)!;
    expect(tc.empowerment).toBeCloseTo(normalize(7, org.scale), 12);
    expect(tc.desirability).toBe(c.desirability); // no one rated its desirability
    expect(tc.contested).toBeUndefined(); // one rater: not judged
    expect(tc.reason).toBe("Empowerment: median of 1 member's rating (IQR 7–7)");
  });

  it('leaves every task no one rated exactly as it was', () => {
    const untouched = org.tasks.filter((t) => ![a.id, b.id, c.id].includes(t.id));
    expect(untouched.length).toBeGreaterThan(5);
    for (const t of untouched) expect(applied.tasks.find((x) => x.id === t.id)).toEqual(t);
    expect(applied.people).toBe(org.people);
    expect(applied.assignments).toBe(org.assignments);
  });

  it('counts the weekly hours on contested tasks and their share', () => {
    const onB = org.assignments.filter((x) => x.taskId === b.id).reduce((s, x) => s + x.hours, 0);
    const total = org.assignments.reduce((s, x) => s + x.hours, 0);
    expect(onB).toBeGreaterThan(0);
    expect(contestedHours(applied)).toEqual({ hours: onB, share: onB / total });
    expect(contestedHours(org)).toEqual({ hours: 0, share: 0 });
  });
});
