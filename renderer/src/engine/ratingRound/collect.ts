/**
 * Collects a rating round (issue 17): the returned forms' ratings per task and dimension — raters,
 * median, quartiles, contested — Krippendorff's alpha per dimension and medians by rater group.
 */
import type { Organization } from '../model/types';
import { intervalAlpha, readAlpha } from './alpha';
import { raterGroups, type FormRatings } from './groups';
import type { RoundForm, RoundResult } from './result';
import { spreadOf } from './stats';
import type { FormIssue, RatedDimension, ReadForm, TaskSpread } from './types';

const DIMENSIONS: readonly RatedDimension[] = ['empowerment', 'desirability'];

/**
 * The forms that count: each form ID once, in the order given. A second form with an ID already
 * seen (a member returned two copies, or one form was copied to two people) is an error naming both
 * files, and the later one is not used: which of the two is the member's real answer is theirs to say.
 */
function usableForms(forms: readonly ReadForm[]): { used: ReadForm[]; rounds: RoundForm[]; issues: FormIssue[] } {
  const firstFile = new Map<string, string>();
  const used: ReadForm[] = [];
  const rounds: RoundForm[] = [];
  const issues: FormIssue[] = [];
  for (const form of forms) {
    issues.push(...form.issues);
    const ratings = form.ratings.filter((r) => r.dimension === 'empowerment' || r.dimension === 'desirability').length;
    const round: RoundForm = { file: form.file, formId: form.formId, rater: form.rater, used: false, ratings };
    rounds.push(round);
    if (form.formId === null) continue;
    const first = firstFile.get(form.formId);
    if (first !== undefined) {
      issues.push({
        severity: 'error',
        message: `${first} and ${form.file} carry the same form ID ${form.formId}: ${form.file} is not used (keep one copy of each member's form)`,
        file: form.file, sheet: null, row: null, column: null,
      });
      continue;
    }
    firstFile.set(form.formId, form.file);
    round.used = true;
    used.push(form);
  }
  return { used, rounds, issues };
}

/**
 * The round's result over the project's tasks (every task, rated or not, empowerment then
 * desirability), in points of the project scale. `tolerance` is τ in points (the contested rule
 * uses 2τ). Ratings of tasks the project does not have were already left out by readRatingForm.
 */
export function collectRound(forms: readonly ReadForm[], org: Organization, tolerance: number): RoundResult {
  const { used, rounds, issues } = usableForms(forms);
  const taskIds = new Set(org.tasks.map((t) => t.id));
  const byDimension = {} as Record<RatedDimension, FormRatings[]>;
  for (const dimension of DIMENSIONS) {
    byDimension[dimension] = used
      .map((form) => {
        const values = new Map<string, number>();
        // One value per task per form: readRatingForm already keeps only a task's first row.
        for (const r of form.ratings) if (r.dimension === dimension && taskIds.has(r.taskId) && !values.has(r.taskId)) values.set(r.taskId, r.value);
        return { form, values };
      })
      .filter((f) => f.values.size > 0);
  }
  const spreads: TaskSpread[] = [];
  const units: Record<RatedDimension, number[][]> = { empowerment: [], desirability: [] };
  for (const dimension of DIMENSIONS) {
    for (const task of org.tasks) {
      const values: number[] = [];
      for (const f of byDimension[dimension]) {
        const v = f.values.get(task.id);
        if (v !== undefined) values.push(v);
      }
      units[dimension].push(values);
      const s = spreadOf(values, org.scale, tolerance);
      spreads.push({ taskId: task.id, name: task.name, dimension, raters: values.length, ...s, values: [...values].sort((a, b) => a - b) });
    }
  }
  const alpha = { empowerment: intervalAlpha(units.empowerment), desirability: intervalAlpha(units.desirability) };
  const alphaReading = {
    empowerment: readAlpha('empowerment', alpha.empowerment, units.empowerment),
    desirability: readAlpha('desirability', alpha.desirability, units.desirability),
  };
  const grouped = raterGroups(org, tolerance, byDimension);
  return { tolerance, spreads, alpha, alphaReading, groups: grouped.groups, forms: rounds, issues: [...issues, ...grouped.issues] };
}
