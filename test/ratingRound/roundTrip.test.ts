// Round trip (issue 17): forms written for the Riverside sample, three filled with known values, read back and collected; medians, IQR, contested and alpha equal an independent computation.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTolerance } from '../../renderer/src/engine/analysis/metrics';
import { readReturnedForm } from '../../renderer/src/engine/formats/returnedForm';
import { importOrganization } from '../../renderer/src/engine/import';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { normalize } from '../../renderer/src/engine/rating/scale';
import { applyRound } from '../../renderer/src/engine/ratingRound/applyRound';
import { collectRound } from '../../renderer/src/engine/ratingRound/collect';
import { makeFormSpecs } from '../../renderer/src/engine/ratingRound/formSpecs';
import { FORM_SHEET, type RatingFormSpec } from '../../renderer/src/engine/ratingRound/types';
import { filledForm, formColumns, taskRow, type FilledTask } from '../helpers/rating-forms';
import { bruteForceAlpha, contestedByHand, quartileInc } from './independent';

const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
const org = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
const tau = defaultTolerance(org.scale);
const raters = org.people.slice(0, 3).map((p) => p.name);
const specs = makeFormSpecs(org, { project: 'Riverside', raters, factors: true, created: '2026-10-05' });

/**
 * Known values by rater and task index: most tasks close together (k, k ± 1), every fifth split
 * between the scale's ends, every seventh left blank by the second rater, and some D blanks.
 */
function known(rater: number, t: number): { e: number | null; d: number | null } {
  const base = 3 + (t * 7) % 15; // 3..17
  const e = t % 5 === 0 ? [1, 20, 2][rater] : base + [0, 1, -1][rater];
  const d = t % 4 === 1 && rater === 2 ? null : Math.min(20, Math.max(1, 20 - base + [1, 0, 2][rater]));
  return rater === 1 && t % 7 === 0 ? { e: null, d: null } : { e, d };
}

function fill(spec: RatingFormSpec, rater: number, extra: Record<string, FilledTask> = {}): Uint8Array {
  const values: Record<string, FilledTask> = {};
  org.tasks.forEach((task, t) => {
    const { e, d } = known(rater, t);
    values[task.id] = { ...(e === null ? {} : { e }), ...(d === null ? {} : { d }) };
  });
  return filledForm(spec, { ...values, ...extra });
}

describe('rating round trip on the Riverside sample', () => {
  const badTask = org.tasks[3].id;
  const files = [
    fill(specs[0], 0),
    fill(specs[1], 1),
    // The third member typed a word for one E and a rating off the scale for one D: both reported, the rest used.
    fill(specs[2], 2, { [badTask]: { e: 'seven', d: 25 } }),
  ];
  const forms = files.map((bytes, i) => readReturnedForm(bytes, `form-${i + 1}.xlsx`, org));
  const result = collectRound(forms, org, tau);

  it('reads every filled form, with its rater and form ID', () => {
    expect(forms.map((f) => f.formId)).toEqual(specs.map((s) => s.formId));
    expect(forms.map((f) => f.rater)).toEqual(specs.map((s) => s.rater));
    expect(forms[0].issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(forms[0].ratings).toHaveLength(2 * org.tasks.length); // the first member rated every task's E and D
    expect(org.tasks.length).toBeGreaterThan(10);
  });

  it('reports the bad cells of the third form at their sheet, row and column', () => {
    const cols = formColumns(specs[2]);
    const row = taskRow(specs[2], badTask);
    const errors = forms[2].issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ file: 'form-3.xlsx', sheet: FORM_SHEET, row, column: cols.e }),
      expect.objectContaining({ file: 'form-3.xlsx', sheet: FORM_SHEET, row, column: cols.d }),
    ]);
    expect(errors[0].message).toMatch(/"seven", not a number/);
    expect(errors[1].message).toMatch(/25, off the 1–20 scale/);
  });

  it('gives medians, quartiles and contested flags equal to an independent computation', () => {
    let contested = 0;
    org.tasks.forEach((task, t) => {
      for (const dimension of ['empowerment', 'desirability'] as const) {
        const key = dimension === 'empowerment' ? 'e' : 'd';
        const values = [0, 1, 2]
          .filter((r) => !(r === 2 && task.id === badTask))
          .map((r) => known(r, t)[key])
          .filter((v): v is number => v !== null);
        const s = result.spreads.find((x) => x.taskId === task.id && x.dimension === dimension)!;
        expect(s.raters).toBe(values.length);
        expect(s.values).toEqual([...values].sort((a, b) => a - b));
        expect(s.median).toBeCloseTo(quartileInc(values, 0.5), 12);
        expect(s.q1).toBeCloseTo(quartileInc(values, 0.25), 12);
        expect(s.q3).toBeCloseTo(quartileInc(values, 0.75), 12);
        expect(s.contested).toBe(contestedByHand(values, org.scale.min, org.scale.max, tau));
        if (s.contested) contested++;
      }
    });
    // The split tasks (every fifth) are contested; the close ones are not: both kinds are present.
    expect(contested).toBeGreaterThan(0);
    expect(contested).toBeLessThan(org.tasks.length);
  });

  it('gives alpha equal to the coincidence-matrix brute force, per dimension', () => {
    for (const dimension of ['empowerment', 'desirability'] as const) {
      const key = dimension === 'empowerment' ? 'e' : 'd';
      const units = org.tasks.map((task, t) =>
        [0, 1, 2].filter((r) => !(r === 2 && task.id === badTask)).map((r) => known(r, t)[key]).filter((v): v is number => v !== null),
      );
      expect(result.alpha[dimension]).toBeCloseTo(bruteForceAlpha(units)!, 12);
    }
  });

  it('applies the medians as the members’ ratings', () => {
    const applied = applyRound(org, result);
    for (const s of result.spreads) {
      const task = applied.tasks.find((t) => t.id === s.taskId)!;
      expect(task.source).toBe('members');
      expect(task[s.dimension]).toBeCloseTo(normalize(s.median!, org.scale), 12);
    }
  });

  it('reads factor ratings typed into the factor columns', () => {
    const factor = specs[0].factors[0];
    const task = org.tasks[1].id;
    const bytes = filledForm(specs[0], { [task]: { e: 9, factors: { [factor]: 13 } } });
    const form = readReturnedForm(bytes, 'factors.xlsx', org);
    expect(form.ratings).toEqual(
      expect.arrayContaining([expect.objectContaining({ taskId: task, dimension: factor, value: 13 }), expect.objectContaining({ taskId: task, dimension: 'empowerment', value: 9 })]),
    );
  });
});

describe('forms re-saved by LibreOffice (test/fixtures/rating-forms)', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'rating-forms');
  interface Expected { file: string; formId: string; rater: string | null; raterNumber: number; ratings: { task: string; e: number | null; d: number | null }[] }
  const expected: Expected[] = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf-8')) as Expected);
  const forms = expected.map((x) => readReturnedForm(new Uint8Array(readFileSync(path.join(dir, x.file))), x.file, org));

  it('reads each form (xlsx and ods) to exactly what was typed, with no error or warning', () => {
    expect(expected.map((x) => x.file.split('.').pop())).toEqual(['xlsx', 'xlsx', 'ods']);
    forms.forEach((form, i) => {
      const x = expected[i];
      expect(form).toMatchObject({ formId: x.formId, rater: x.rater, raterNumber: x.raterNumber });
      expect(form.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
      const typed = x.ratings.flatMap((r) => [
        ...(r.e === null ? [] : [`${r.task}/empowerment=${r.e}`]),
        ...(r.d === null ? [] : [`${r.task}/desirability=${r.d}`]),
      ]);
      expect(form.ratings.map((r) => `${r.taskId}/${r.dimension}=${r.value}`).sort()).toEqual(typed.sort());
    });
  });

  it("collects them to the spreads the fixtures' README gives, equal to an independent computation", () => {
    const result = collectRound(forms, org, tau);
    for (const x of expected[0].ratings) {
      for (const dimension of ['empowerment', 'desirability'] as const) {
        const key = dimension === 'empowerment' ? 'e' : 'd';
        const values = expected.map((f) => f.ratings.find((r) => r.task === x.task)?.[key]).filter((v): v is number => typeof v === 'number');
        const s = result.spreads.find((sp) => sp.taskId === x.task && sp.dimension === dimension)!;
        expect([s.raters, s.median, s.q1, s.q3, s.contested]).toEqual([
          values.length, quartileInc(values, 0.5), quartileInc(values, 0.25), quartileInc(values, 0.75), contestedByHand(values, 1, 20, tau),
        ]);
      }
    }
    const budget = (d: string) => result.spreads.find((s) => s.taskId === 'budget decisions' && s.dimension === d)!;
    expect(budget('empowerment')).toMatchObject({ values: [3, 18, 19], contested: true });
    // Its D (6, 10, 12) is contested too, by the IQR rule: Q1 8, Q3 11, 3 points above 2τ = 1.9 (the fixtures' README says "not": it counts the split only).
    expect(budget('desirability')).toMatchObject({ values: [6, 10, 12], q1: 8, q3: 11, contested: true });
    expect(result.spreads.find((s) => s.taskId === 'strategic planning' && s.dimension === 'empowerment')).toMatchObject({ values: [17, 18, 19], q1: 17.5, q3: 18.5, contested: false });
    expect(result.spreads.find((s) => s.taskId === 'grant writing' && s.dimension === 'empowerment')!.raters).toBe(2);
    const units = (key: 'e' | 'd') => expected[0].ratings.map((x) => expected.map((f) => f.ratings.find((r) => r.task === x.task)?.[key]).filter((v): v is number => typeof v === 'number'));
    expect(result.alpha.empowerment).toBeCloseTo(bruteForceAlpha(units('e'))!, 12);
    expect(result.alpha.desirability).toBeCloseTo(bruteForceAlpha(units('d'))!, 12);
    // The guest is not in the roster: counted with everyone else, in no department.
    expect(result.issues.some((i) => i.file === 'riverside-03-guest-rater.ods' && /not a person in the project/.test(i.message))).toBe(true);
  });
});
