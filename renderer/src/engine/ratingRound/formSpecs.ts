/**
 * Which rating forms a round sends out (issue 17): one per named member (their own tasks first,
 * with their weekly hours) or numbered anonymous forms, each with a form ID stable for the same inputs.
 */
import type { Organization, Task } from '../model/types';
import { currentHours } from '../model/hours';
import { cleanName } from '../import/records';
import { factorNameKey, withoutScaleHint } from '../import/headers';
import { FACTOR_KINDS, factorsOf, STANDARD_FACTORS, standardFirst } from '../rating/factors';
import type { RatingFormSpec } from './types';

/** The most forms one round writes: a larger group runs several rounds (by department). */
export const MAX_FORMS = 500;

export interface FormSpecOptions {
  project: string;
  /** Members' names, one form each; give these or `count`, not both. */
  raters?: string[];
  /** Anonymous numbered forms (1 to MAX_FORMS). */
  count?: number;
  /** Add the factor columns (the factors the project's tasks use, else the standard ones). */
  factors?: boolean;
  /** ISO date written into every form. */
  created: string;
  /** The round's code in every form ID; by default a short hash of the inputs. */
  roundCode?: string;
}

/** A request that cannot make a round (both or neither of raters and count, a duplicate name…). */
export class FormRoundError extends Error {}

/** Rater name as compared: trimmed, spaces collapsed, case ignored. */
function raterKey(name: string): string {
  return cleanName(name).toLowerCase();
}

/** Why these raters/count cannot make a round, or null when they can. Shared by the CLI's checks. */
export function formRequestProblem(raters: readonly string[] | undefined, count: number | undefined): string | null {
  if (raters !== undefined && count !== undefined) return 'give either named raters or a count of anonymous forms, not both';
  if (raters === undefined && count === undefined) return 'give named raters or a count of anonymous forms';
  if (count !== undefined) {
    return Number.isSafeInteger(count) && count >= 1 && count <= MAX_FORMS ? null : `the count of forms must be a whole number from 1 to ${MAX_FORMS}, got ${count}`;
  }
  const names = raters ?? [];
  if (names.length === 0) return 'the list of raters is empty';
  if (names.length > MAX_FORMS) return `at most ${MAX_FORMS} raters in one round, got ${names.length}`;
  const seen = new Map<string, string>();
  for (const n of names) {
    const clean = cleanName(n);
    if (clean === '') return 'a rater name is empty';
    const earlier = seen.get(clean.toLowerCase());
    if (earlier !== undefined) return `the rater "${clean}" is named twice${earlier === clean ? '' : ` (as "${earlier}")`}: each member gets one form`;
    seen.set(clean.toLowerCase(), clean);
  }
  return null;
}

/** The factor names the tasks use (one per name up to case, spacing and a scale hint), E's then D's, standard first. */
export function usedFactors(tasks: readonly Task[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const kind of FACTOR_KINDS) {
    const names: string[] = [];
    for (const t of tasks) {
      for (const raw of Object.keys(factorsOf(t, kind))) {
        const name = withoutScaleHint(raw);
        const key = factorNameKey(name);
        if (!seen.has(key)) {
          seen.add(key);
          names.push(name);
        }
      }
    }
    out.push(...standardFirst(names, kind));
  }
  return out;
}

/** FNV-1a over the text, as 4 characters a person reads out without confusion (no 0/O, 1/I/L). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let out = '';
  for (let i = 0; i < 4; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length);
  }
  return out;
}

/**
 * Forms for a round and notes on them (a rater not in the roster gets a form listing every task by
 * name). Throws FormRoundError on a request that makes no round.
 */
export function makeFormRound(org: Organization, options: FormSpecOptions): { forms: RatingFormSpec[]; notes: string[] } {
  const problem = formRequestProblem(options.raters, options.count);
  if (problem) throw new FormRoundError(problem);
  if (org.tasks.length === 0) throw new FormRoundError('the project has no tasks to rate');
  const byName = [...org.tasks].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  const factors = options.factors ? usedFactors(org.tasks) : [];
  if (options.factors && factors.length === 0) factors.push(...STANDARD_FACTORS.empowerment, ...STANDARD_FACTORS.desirability);
  const raters = options.raters?.map(cleanName) ?? null;
  const total = raters ? raters.length : (options.count ?? 0);
  // Everything that makes the round, so a second round of the same project on the same day gets other IDs.
  const code = options.roundCode ?? shortHash([options.project, options.created, raters ? `raters:${raters.join('\u0000')}` : `count:${total}`,
    factors.join('\u0000'), ...org.tasks.map((t) => t.id)].join('\u0001'));
  const width = Math.max(2, String(total).length);
  const hours = currentHours(org);
  const notes: string[] = [];
  const forms: RatingFormSpec[] = [];
  for (let i = 0; i < total; i++) {
    const given = raters ? raters[i] : null;
    let rater = given;
    const own = new Map<string, number>();
    if (given !== null) {
      const people = org.people.filter((p) => raterKey(p.name) === raterKey(given));
      if (people.length === 0) notes.push(`${given} is not in the roster: the form lists every task by name, none as theirs`);
      if (people.length > 1) notes.push(`${given} names ${people.length} people in the roster: the form lists the tasks of all of them first`);
      if (people.length === 1) rater = cleanName(people[0].name);
      for (const p of people) for (const [taskId, h] of hours.get(p.id) ?? []) own.set(taskId, (own.get(taskId) ?? 0) + h);
    }
    const mine = byName.filter((t) => own.has(t.id)).sort((a, b) => own.get(b.id)! - own.get(a.id)!);
    const rest = byName.filter((t) => !own.has(t.id));
    forms.push({
      formId: `${code}-${String(i + 1).padStart(width, '0')}`,
      project: options.project,
      rater,
      raterNumber: i + 1,
      scale: { ...org.scale },
      factors: [...factors],
      tasks: [...mine, ...rest].map((t) => ({ id: t.id, name: t.name, ownHours: own.get(t.id) ?? null })),
      created: options.created,
    });
  }
  return { forms, notes };
}

/** The forms of a round (see makeFormRound, which also gives the notes on raters not in the roster). */
export function makeFormSpecs(org: Organization, options: FormSpecOptions): RatingFormSpec[] {
  return makeFormRound(org, options).forms;
}
