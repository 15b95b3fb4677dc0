/**
 * Factor ratings (DESIGN.md §1, "Factors"): the standard empowerment and desirability factors, and
 * the equal-weight mean that turns a task's factors of one kind into its E or D.
 */
import type { Task } from '../model/types';
import { factorNameKey, withoutScaleHint } from '../import/headers';

export type FactorKind = 'empowerment' | 'desirability';

export const FACTOR_KINDS: readonly FactorKind[] = ['empowerment', 'desirability'];

/** The factors DESIGN.md lists, in its order and wording; a file may add others of its own. */
export const STANDARD_FACTORS: Record<FactorKind, readonly string[]> = {
  empowerment: ['Decision authority', 'Access to strategic information', 'Skill development', 'Coordinating others', 'External representation', 'Planning and problem solving'],
  desirability: ['Physical strain and hazard', 'Environment', 'Repetition', 'Control of pace', 'Emotional load and conflict', 'Schedule', 'Intrinsic interest'],
};

/** The longest factor name a project file accepts. */
export const MAX_FACTOR_NAME = 200;

export function factorField(kind: FactorKind): 'empowermentFactors' | 'desirabilityFactors' {
  return kind === 'empowerment' ? 'empowermentFactors' : 'desirabilityFactors';
}

export function factorsOf(task: Task, kind: FactorKind): Record<string, number> {
  return task[factorField(kind)];
}

/** The key under which `name` is already stored in `factors` (same factor up to case, spacing and a scale hint), if any. */
export function findFactorKey<V>(factors: Record<string, V>, name: string): string | undefined {
  const wanted = factorNameKey(name);
  return Object.keys(factors).find((k) => factorNameKey(k) === wanted);
}

/** Factor names in the order to show them: DESIGN.md's standard factors first, in its order, then the rest as given. */
export function standardFirst(names: readonly string[], kind: FactorKind): string[] {
  const rank = (name: string): number => {
    const i = STANDARD_FACTORS[kind].findIndex((s) => factorNameKey(s) === factorNameKey(name));
    return i < 0 ? STANDARD_FACTORS[kind].length : i;
  };
  return names.map((name, i) => ({ name, i, rank: rank(name) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.name);
}

/**
 * Labels for factor names shown beside values on the project scale: without a file's scale hint
 * ("Repetition (1-5)" → "Repetition"), which would mislead there, unless two labels would then read
 * the same — among `names` and the labels already `shown` beside them.
 */
export function factorLabels(names: readonly string[], shown: readonly string[] = []): string[] {
  const bare = names.map(withoutScaleHint);
  const all = [...shown, ...bare].map((l) => l.toLowerCase());
  return names.map((name, i) => {
    const key = bare[i].toLowerCase();
    return all.indexOf(key) === all.lastIndexOf(key) ? bare[i] : name;
  });
}

/** Equal-weight mean of factor ratings (DESIGN.md §1: equal weights by default); null when there are none. */
export function factorMean(factors: Record<string, number>): number | null {
  const values = Object.values(factors);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** "1 empowerment factor", "3 desirability factors". */
export function countFactors(n: number, kind: FactorKind): string {
  return `${n} ${kind} factor${n === 1 ? '' : 's'}`;
}
