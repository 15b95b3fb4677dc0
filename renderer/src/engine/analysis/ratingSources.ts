/**
 * Where the ratings behind an audit come from, as shares of weekly hours (the group's decision, the
 * members, the file, a suggestion, or none), so every export can say how much of it rests on suggestions or on nothing.
 */
import type { RatingSource } from '../model/types';

/** Shares (0–1) of all task hours, by the source of that dimension's rating; they add up to 1 (0 each with no hours). */
export type SourceShares = Record<RatingSource, number>;

export interface RatingSourceShares {
  empowerment: SourceShares;
  desirability: SourceShares;
  /** Weekly hours the shares are of. */
  hours: number;
}

/** The task fields the shares need (an AuditTask has them, in points or normalized alike). */
export interface SourcedTask {
  hours: number;
  source: RatingSource;
  empowerment: number | null;
  desirability: number | null;
}

function shares(tasks: readonly SourcedTask[], pick: (t: SourcedTask) => number | null): { shares: SourceShares; hours: number } {
  const acc: SourceShares = { council: 0, members: 0, file: 0, suggested: 0, unrated: 0 };
  let total = 0;
  for (const t of tasks) {
    if (!(t.hours > 0) || !Number.isFinite(t.hours)) continue;
    total += t.hours;
    // A task rated in one dimension only is unrated in the other, whatever its source says.
    const source: RatingSource = pick(t) === null ? 'unrated' : t.source === 'unrated' ? 'file' : t.source;
    acc[source] += t.hours;
  }
  if (total > 0) for (const k of Object.keys(acc) as RatingSource[]) acc[k] /= total;
  return { shares: acc, hours: total };
}

export function ratingSourceShares(tasks: readonly SourcedTask[]): RatingSourceShares {
  const e = shares(tasks, (t) => t.empowerment);
  return { empowerment: e.shares, desirability: shares(tasks, (t) => t.desirability).shares, hours: e.hours };
}

/** True when both dimensions' shares read the same to a tenth of a percent. */
export function sameSources(s: RatingSourceShares): boolean {
  return (Object.keys(s.empowerment) as RatingSource[]).every((k) => Math.abs(s.empowerment[k] - s.desirability[k]) < 0.0005);
}

/** A whole percent, "<1%" for a share that is there but rounds to none, ">99%" for one just short of all. */
export function percentText(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  if (share < 1 && share > 0.995) return '>99%';
  return `${Math.round(share * 100)}%`;
}

const PHRASES: [RatingSource, string][] = [['council', 'decided by the group'], ['members', 'rated by the members'], ['file', 'rated in the file'], ['suggested', 'by suggestion'], ['unrated', 'unrated']];

/** "62% of hours rated by the members, 30% by suggestion, 8% unrated": the sources with any hours, largest first. */
export function sourcesPhrase(s: SourceShares): string {
  const parts = PHRASES.filter(([k]) => s[k] > 0).sort((a, b) => s[b[0]] - s[a[0]]);
  if (parts.length === 0) return 'no hours';
  // The first names its unit and verb ("of hours rated"); the others follow it.
  return parts.map(([k, words], i) => `${percentText(s[k])}${i === 0 ? ` of hours ${k === 'suggested' ? 'rated ' : ''}` : ' '}${words}`).join(', ');
}

/** One line on the rating sources for an export: both dimensions in one phrase when they agree. */
export function ratingSourcesLine(s: RatingSourceShares): string {
  if (s.hours === 0) return 'Ratings: no hours to rate.';
  if (sameSources(s)) return `Ratings: ${sourcesPhrase(s.empowerment)}.`;
  return `Ratings: empowerment ${sourcesPhrase(s.empowerment)}; desirability ${sourcesPhrase(s.desirability)}.`;
}
