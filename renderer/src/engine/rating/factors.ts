/**
 * Factor ratings (DESIGN.md §1, "Factors"): the standard empowerment and desirability factors, and
 * the equal-weight mean that turns a task's factors of one kind into its E or D.
 */
import type { Scale, Task } from '../model/types';
import { factorNameKey, withoutScaleHint } from '../import/headers';

export type FactorKind = 'empowerment' | 'desirability';

export const FACTOR_KINDS: readonly FactorKind[] = ['empowerment', 'desirability'];

/** The factors DESIGN.md lists, in its order and wording; a file may add others of its own. */
export const STANDARD_FACTORS: Record<FactorKind, readonly string[]> = {
  empowerment: ['Decision authority', 'Access to strategic information', 'Skill development', 'Coordinating others', 'External representation', 'Planning and problem solving'],
  desirability: ['Physical strain and hazard', 'Environment', 'Repetition', 'Control of pace', 'Emotional load and conflict', 'Schedule', 'Intrinsic interest'],
};

/**
 * What the bottom and the top of the scale mean for each standard factor. A higher rating is always
 * more empowering (E) or more desirable (D), so a D factor named after a burden ("Physical strain")
 * is rated backwards from its name: these words say so, lest a rater give heavy strain a 20.
 */
const STANDARD_ENDS: Record<FactorKind, readonly (readonly [low: string, high: string])[]> = {
  empowerment: [
    ['decides nothing', 'decides for the whole organization'],
    ['none', 'sees all that shapes strategy'],
    ['learns nothing new', 'builds new skills all the time'],
    ['coordinates no one', 'coordinates many people'],
    ['never speaks for the organization', 'speaks for it in public'],
    ['follows set steps', 'plans and solves open problems'],
  ],
  desirability: [
    ['very heavy', 'none'],
    ['harsh or unsafe', 'pleasant'],
    ['the same steps all day', 'varied'],
    ['pace set by others', 'sets own pace'],
    ['very heavy', 'none'],
    ['unsocial or unpredictable hours', 'regular hours of one\'s choosing'],
    ['dull', 'absorbing'],
  ],
};

/** A file's own factor: nothing is known of it but that higher is more empowering or more desirable, as for every factor. */
const OWN_ENDS: Record<FactorKind, readonly [low: string, high: string]> = {
  empowerment: ['least empowering', 'most empowering'],
  desirability: ['least desirable', 'most desirable'],
};

/** Which end of the scale is which for a factor: the standard factor's own words, else the generic ones. */
export function factorEnds(name: string, kind: FactorKind): { low: string; high: string } {
  const i = STANDARD_FACTORS[kind].findIndex((s) => factorNameKey(s) === factorNameKey(name));
  const [low, high] = i < 0 ? OWN_ENDS[kind] : STANDARD_ENDS[kind][i];
  return { low, high };
}

/**
 * The direction of a factor on the project scale's own ends, e.g. "1 = very heavy, 20 = none;
 * higher is better". D says which end is good; E only which is more empowering, since E is to be
 * balanced, not maximized.
 */
export function factorDirection(name: string, kind: FactorKind, scale: Scale): string {
  const { low, high } = factorEnds(name, kind);
  const which = kind === 'desirability' ? 'higher is better' : 'higher is more empowering';
  return `${scalePoint(scale.min)} = ${low}, ${scalePoint(scale.max)} = ${high}; ${which}`;
}

/** "Physical strain and hazard: 1 = very heavy, 20 = none; higher is better". */
export function directedFactorLabel(label: string, name: string, kind: FactorKind, scale: Scale): string {
  return `${label}: ${factorDirection(name, kind, scale)}`;
}

/** A scale end as people write it: 1, 20, 0.5 (never 1.0000000002). */
function scalePoint(x: number): string {
  return String(Math.round(x * 100) / 100);
}

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
