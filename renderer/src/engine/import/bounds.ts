/**
 * What each kind of number in a sheet is called in messages, and the largest value any real
 * organization could have: beyond it a value is an error and is not used, so absurd numbers
 * (1e308 hours, 10^11 hours, a billion in pay) never reach the metrics or the solver.
 */

/** Hours a week: a single cell, contracted hours, or a person's total (168 already warns). */
export const MAX_HOURS = 1e6;
/** Annual pay or an hourly rate, in any currency. */
export const MAX_PAY = 1e9;
/** A person's or a task's FTE (1 FTE = 40 h by default). */
export const MAX_FTE = 1e4;
/** A share of time as a fraction (1 = 100%); beyond this even a tiny FTE gives absurd hours. */
export const MAX_SHARE = 1e4;
/** A rating on any scale; scale hints stop at 0–1000, so anything this large is no rating. */
export const MAX_RATING = 1e6;
/** People in one role of a role + headcount sheet: each becomes a position in memory. */
export const MAX_HEADCOUNT = 100_000;
/** Positions a role + headcount sheet creates in all. */
export const MAX_POSITIONS = 200_000;

/** A kind of number a cell may hold, with the words messages need and its bound. */
export interface Quantity {
  /** What the cell should hold, as it reads after "where": "hours", "an FTE", "an empowerment rating". */
  noun: string;
  /** Whether `noun` is plural ("hours belong", "pay belongs"). */
  plural: boolean;
  /** Values at or above this are refused. */
  max: number;
  /** What happens when the value is not used, as it reads after a semicolon. */
  dropped: string;
  /**
   * Set for amounts of time: a cell read from text that is not a plain number ("4 hrs", "3,5") gets
   * a note naming what it was read as; `unit` is the word after the number in that note.
   */
  words?: { unit: 'hours' | 'contracted hours' | 'FTE' | null };
}

const VALUE_NOT_USED = 'the value is not used';

export const HOURS: Quantity = { noun: 'hours', plural: true, max: MAX_HOURS, dropped: 'these hours are not counted', words: { unit: 'hours' } };
export const CONTRACT_HOURS: Quantity = { noun: 'contracted hours', plural: true, max: MAX_HOURS, dropped: VALUE_NOT_USED, words: { unit: 'contracted hours' } };
export const SHARE: Quantity = { noun: 'a share of time', plural: false, max: MAX_SHARE, dropped: 'this time is not counted', words: { unit: null } };
export const TASK_FTE: Quantity = { noun: 'an FTE', plural: false, max: MAX_FTE, dropped: 'this time is not counted', words: { unit: 'FTE' } };
export const PERSON_FTE: Quantity = { noun: 'an FTE', plural: false, max: MAX_FTE, dropped: VALUE_NOT_USED };
export const PAY: Quantity = { noun: 'pay', plural: false, max: MAX_PAY, dropped: VALUE_NOT_USED };
export const HOURLY_PAY: Quantity = { noun: 'an hourly rate', plural: false, max: MAX_PAY, dropped: VALUE_NOT_USED };
export const HEADCOUNT: Quantity = { noun: 'a headcount', plural: false, max: MAX_HEADCOUNT, dropped: '1 is used' };
export const EMPOWERMENT: Quantity = { noun: 'an empowerment rating', plural: false, max: MAX_RATING, dropped: VALUE_NOT_USED };
export const DESIRABILITY: Quantity = { noun: 'a desirability rating', plural: false, max: MAX_RATING, dropped: VALUE_NOT_USED };
export const FACTOR: Quantity = { noun: 'a factor rating', plural: false, max: MAX_RATING, dropped: VALUE_NOT_USED };
/** For a first look at a column's numbers, when nothing is reported. */
export const ANY_AMOUNT: Quantity = { noun: 'a number', plural: false, max: Infinity, dropped: VALUE_NOT_USED };

/** "hours belong" / "pay belongs". */
export function belongs(q: Quantity): string {
  return `${q.noun} ${q.plural ? 'belong' : 'belongs'}`;
}

/** A number as a message shows it: plain up to 1e15, else in exponent form ("1e+308"), never "Infinity" for a finite value. */
export function showNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e15) return n.toExponential().replace(/\.?0+e/, 'e');
  return String(Math.round(n * 1e6) / 1e6);
}

/** The bound as a message shows it: "1,000,000". */
export function showBound(n: number): string {
  return n.toLocaleString('en-US');
}
