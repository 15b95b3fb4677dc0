/**
 * Turns the rating cells found in a file into one rating per task: finds the file's empowerment
 * and desirability scales (DESIGN.md §4), normalizes to 0–1, and reports out-of-scale values and
 * tasks rated differently on different rows (the median is used).
 */
import type { Scale, Task } from '../model/types';
import { DEFAULT_SCALE, detectScale, formatScale, inScale, median, normalize } from '../rating/scale';
import { cleanName, nameKey, type IssueLog, type Loc, type RatingRecord, type RatingValue } from './records';

interface Observations {
  e: RatingValue[];
  d: RatingValue[];
  factorsE: Map<string, RatingValue[]>;
  factorsD: Map<string, RatingValue[]>;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function scaleOf(lists: Iterable<RatingValue[]>, what: string, log: IssueLog): Scale | null {
  let hint: Scale | null = null;
  let lowest: RatingValue | null = null;
  let worst: RatingValue | null = null; // the first of the highest values
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      hint ??= v.hint;
      if (!lowest || v.value < lowest.value) lowest = v;
      if (!worst || v.value > worst.value) worst = v;
    }
  }
  if (!lowest || !worst) return null;
  // Every value lies within a scale exactly when the lowest and the highest do.
  const scale = detectScale([lowest.value, worst.value], hint);
  if (!scale) {
    log.add('error', `${what} ratings go up to ${worst.value}, beyond every scale we know (1–5, 1–10, 1–20, 0–100); write the scale in the header, e.g. "${what} (0-${Math.ceil(worst.value)})"`, worst.loc);
  }
  return scale;
}

/** Normalized value of one task's observations on a scale, or null; reports out-of-scale and conflicting values. */
function combine(values: RatingValue[], scale: Scale | null, what: string, task: string, log: IssueLog): number | null {
  if (!scale || values.length === 0) return null;
  const ok: number[] = [];
  for (const v of values) {
    if (inScale(v.value, scale)) ok.push(v.value);
    else log.add('error', `${what} rating ${v.value} for "${task}" is outside the ${formatScale(scale)} scale; the value is not used`, v.loc);
  }
  if (ok.length === 0) return null;
  const distinct = new Set(ok);
  if (distinct.size > 1) {
    log.add('warning', `"${task}" is given different ${what.toLowerCase()} ratings (${[...distinct].join(', ')}); their median ${median(ok)} is used`, values[0].loc);
  }
  return normalize(median(ok), scale);
}

/** Longest category name kept: the project file holds up to 200 characters (formats/projectCodec.ts). */
export const MAX_CATEGORY_LENGTH = 200;

/** Where a task's category was first read, and the other categories already reported for it. */
interface CategorySeen {
  loc: Loc;
  reported: Set<string>;
}

function where(loc: Loc): string {
  return `${loc.sheet}, row ${loc.row}${loc.column ? `, column ${loc.column}` : ''}`;
}

/**
 * The first non-empty category a task is given wins (issue 17); a different one later (compared
 * case-insensitively) is a warning naming both, once per task and category.
 */
function setCategory(t: Task, c: { value: string; loc: Loc }, seen: Map<string, CategorySeen>, log: IssueLog): void {
  if (c.value.length > MAX_CATEGORY_LENGTH) {
    log.add('warning', `The category for "${t.name}" is ${c.value.length} characters long, more than ${MAX_CATEGORY_LENGTH}; it is not used`, c.loc);
    return;
  }
  const first = seen.get(t.id);
  if (!first || t.category === undefined) {
    t.category = c.value;
    seen.set(t.id, { loc: c.loc, reported: new Set() });
    return;
  }
  const other = c.value.toLowerCase();
  if (other === t.category.toLowerCase() || first.reported.has(other)) return;
  first.reported.add(other);
  log.add('warning', `"${t.name}" is given two categories: "${t.category}" (${where(first.loc)}) and "${c.value}" (${where(c.loc)}); "${t.category}" is kept`, c.loc);
}

export interface RatedTasks {
  tasks: Map<string, Task>;
  /** The project scale: the file's empowerment scale, or the default 1–20. */
  scale: Scale;
}

/** Builds the task list (every task named in work or ratings) with one normalized rating each. */
export function rateTasks(taskNames: string[], ratings: RatingRecord[], log: IssueLog): RatedTasks {
  const tasks = new Map<string, Task>();
  const obs = new Map<string, Observations>();
  const categoryLocs = new Map<string, CategorySeen>();
  const ensure = (name: string): Task => {
    const key = nameKey(name);
    let t = tasks.get(key);
    if (!t) {
      t = { id: key, name: cleanName(name), empowerment: null, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'unrated', reason: null, requires: [], chore: false };
      tasks.set(key, t);
      obs.set(key, { e: [], d: [], factorsE: new Map(), factorsD: new Map() });
    }
    return t;
  };
  for (const n of taskNames) ensure(n);
  for (const r of ratings) {
    const t = ensure(r.task);
    const o = obs.get(t.id)!;
    if (r.empowerment) o.e.push(r.empowerment);
    if (r.desirability) o.d.push(r.desirability);
    for (const k of Object.keys(r.factorsE)) pushTo(o.factorsE, k, r.factorsE[k]);
    for (const k of Object.keys(r.factorsD)) pushTo(o.factorsD, k, r.factorsD[k]);
    for (let i = 0; i < r.requires.length; i++) if (!t.requires.includes(r.requires[i])) t.requires.push(r.requires[i]);
    if (r.chore) t.chore = true;
    if (r.category) setCategory(t, r.category, categoryLocs, log);
  }
  const all = [...obs.values()];
  const eScale = scaleOf(all.map((o) => o.e), 'Empowerment', log);
  const dScale = scaleOf(all.map((o) => o.d), 'Desirability', log);
  const feScale = scaleOf(all.flatMap((o) => [...o.factorsE.values()]), 'Empowerment factor', log);
  const fdScale = scaleOf(all.flatMap((o) => [...o.factorsD.values()]), 'Desirability factor', log);

  for (const [key, t] of tasks) {
    const o = obs.get(key)!;
    t.empowerment = combine(o.e, eScale, 'Empowerment', t.name, log);
    t.desirability = combine(o.d, dScale, 'Desirability', t.name, log);
    const fe: number[] = [];
    const fd: number[] = [];
    for (const [k, vs] of o.factorsE) {
      const v = combine(vs, feScale, k, t.name, log);
      if (v !== null) { t.empowermentFactors[k] = v; fe.push(v); }
    }
    for (const [k, vs] of o.factorsD) {
      const v = combine(vs, fdScale, k, t.name, log);
      if (v !== null) { t.desirabilityFactors[k] = v; fd.push(v); }
    }
    // Factors stand in for a missing overall rating, with equal weights (DESIGN.md §1).
    if (t.empowerment === null && fe.length) t.empowerment = fe.reduce((a, b) => a + b, 0) / fe.length;
    if (t.desirability === null && fd.length) t.desirability = fd.reduce((a, b) => a + b, 0) / fd.length;
    if (t.empowerment !== null || t.desirability !== null) {
      t.source = 'file';
      const first = o.e[0] ?? o.d[0];
      t.reason = first ? `Rated in the file (${first.loc.sheet}, row ${first.loc.row})` : `Mean of the file's factor ratings`;
    } else {
      t.reason = 'No rating in the file';
    }
  }
  return { tasks, scale: eScale ?? DEFAULT_SCALE };
}
