/**
 * A five-person round whose one contested task decides the coordinator cluster, shared by the
 * sensitivity tests and the report's round tests. Five people, 10 h each on one task: Ann strategy
 * (E 16), Bo budget (E contested), Cy, Di and Ed cleaning (E 4). With Bo at x the mean is (16 + x + 12)/5
 * and the cluster starts 2τ = 2 above it: x = 8 (Q1) → mean 7.2, Bo out; x = 11 (median) → mean 7.8,
 * line 9.8, Bo in; x = 14 (Q3) → Bo in.
 */
import type { Organization, Task } from '../../renderer/src/engine/model/types';
import { normalize } from '../../renderer/src/engine/rating/scale';
import type { ReadForm } from '../../renderer/src/engine/ratingRound/types';

export const S20 = { min: 1, max: 20 };
export const TAU = 1;
const task = (id: string, e: number): Task => ({ id, name: id[0].toUpperCase() + id.slice(1), empowerment: normalize(e, S20), desirability: 0.5, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: null, requires: [], chore: false });
const person = (id: string) => ({ id, name: id[0].toUpperCase() + id.slice(1), role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] });

export const org: Organization = {
  people: ['ann', 'bo', 'cy', 'di', 'ed'].map(person),
  tasks: [task('strategy', 16), task('budget', 10), task('cleaning', 4)],
  assignments: [['ann', 'strategy'], ['bo', 'budget'], ['cy', 'cleaning'], ['di', 'cleaning'], ['ed', 'cleaning']].map(([personId, taskId]) => ({ personId, taskId, hours: 10, locked: false })),
  scale: S20,
  hoursPerFte: 40,
};

/**
 * Five forms by the given raters (null: unnamed). Budget E: 5, 8, 11, 14, 17 → Q1 8, median 11, Q3 14
 * (type 7), IQR 6 > 2τ: contested. Strategy and cleaning, rated on the first three, agreed.
 */
export function budgetForms(raters: readonly (string | null)[]): ReadForm[] {
  return [5, 8, 11, 14, 17].map((b, i) => ({
    file: `${i}.xlsx`, formId: `F${i}`, rater: raters[i], raterNumber: i + 1, issues: [],
    ratings: [
      { formId: `F${i}`, rater: raters[i], taskId: 'budget', dimension: 'empowerment', value: b },
      ...(i < 3 ? [{ formId: `F${i}`, rater: raters[i], taskId: 'strategy', dimension: 'empowerment', value: 16 }, { formId: `F${i}`, rater: raters[i], taskId: 'cleaning', dimension: 'empowerment', value: 4 }] : []),
    ],
  })) as ReadForm[];
}
