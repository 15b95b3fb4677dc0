/**
 * What the Rating round view derives (issue 17), pure: the forms' file names (as the CLI names
 * them), the spread rows in the order shown (contested first, then by IQR), the round applied as
 * the members' medians with overrides kept for a re-import, and the numbers as the view writes them.
 */
import { formFileName, safeFilePart } from '../engine/ratingRound/formFiles';
import { roundOverrides } from '../engine/ratingRound/overrides';
import type { RatingOverride } from '../engine/formats/projectFile';
import type { Organization } from '../engine/model/types';
import { applyRound } from '../engine/ratingRound/applyRound';
import type { RoundResult } from '../engine/ratingRound/result';
import type { RatedDimension, RatingFormSpec, TaskSpread } from '../engine/ratingRound/types';

export { formFileName, safeFilePart };

/** The zip's proposed name: "Riverside rating forms 2026-03-02" (the save dialog adds ".zip"). */
export function zipName(project: string, created: string): string {
  return `${project.trim() || 'Fairshare'} rating forms ${created}`;
}

/** Today as the forms write it (YYYY-MM-DD, local date: the day the members see on their form). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Points as the spread shows medians and quartiles: as the data gives them, at most one decimal ("12", "12.5"); '–' for none. */
export function fmtPoints(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

export const DIMENSION_LABEL: Record<RatedDimension, string> = { empowerment: 'Empowerment', desirability: 'Desirability' };

/** The interquartile range in points, 0 when there are no quartiles. */
export function iqr(s: TaskSpread): number {
  return s.q1 === null || s.q3 === null ? 0 : s.q3 - s.q1;
}

/**
 * The rows the spread table shows: task × dimension with at least one rating (or only the contested
 * ones), contested first, then by IQR (widest first), then raters (most first) and the task's name.
 */
export function spreadRows(result: RoundResult, contestedOnly: boolean): TaskSpread[] {
  return result.spreads
    .filter((s) => s.raters > 0 && (!contestedOnly || s.contested))
    .sort((a, b) => Number(b.contested) - Number(a.contested) || iqr(b) - iqr(a) || b.raters - a.raters || a.name.localeCompare(b.name) || a.dimension.localeCompare(b.dimension));
}

/** The tasks with a contested dimension, each once, in the spread's order; with the dimensions contested. */
export function contestedTasks(result: RoundResult): { taskId: string; name: string; dimensions: RatedDimension[] }[] {
  const out = new Map<string, { taskId: string; name: string; dimensions: RatedDimension[] }>();
  for (const s of spreadRows(result, true)) {
    const entry = out.get(s.taskId) ?? { taskId: s.taskId, name: s.name, dimensions: [] };
    entry.dimensions.push(s.dimension);
    out.set(s.taskId, entry);
  }
  return [...out.values()];
}

/** The result without the spreads of `taskIds` (tasks the group decided keep their decision when the medians are used). */
export function withoutTasks(result: RoundResult, taskIds: ReadonlySet<string>): RoundResult {
  return taskIds.size === 0 ? result : { ...result, spreads: result.spreads.filter((s) => !taskIds.has(s.taskId)) };
}

export { roundOverrides };

/**
 * The organization with the round's medians as its ratings (source 'members'), except tasks whose
 * rating the group already decided (source 'council'), which keep it; and the overrides to save.
 */
export function medianOutcome(org: Organization, result: RoundResult, overrides: Record<string, RatingOverride> | undefined): {
  organization: Organization;
  overrides: Record<string, RatingOverride>;
  kept: string[];
  rated: number;
} {
  const decided = new Set(org.tasks.filter((t) => t.source === 'council').map((t) => t.id));
  const used = withoutTasks(result, decided);
  const organization = applyRound(org, used);
  const rated = new Set(used.spreads.filter((s) => s.raters > 0).map((s) => s.taskId)).size;
  const kept = org.tasks.filter((t) => decided.has(t.id) && result.spreads.some((s) => s.taskId === t.id && s.raters > 0)).map((t) => t.name);
  return { organization, overrides: roundOverrides(overrides, used, organization), kept, rated };
}

/** Weekly hours on the tasks the round found contested (either dimension), and their share (0–1) of all assigned hours. */
export function roundContestedHours(org: Organization, result: RoundResult): { hours: number; share: number; tasks: number } {
  const contested = new Set(result.spreads.filter((s) => s.contested).map((s) => s.taskId));
  let hours = 0;
  let total = 0;
  for (const a of org.assignments) {
    total += a.hours;
    if (contested.has(a.taskId)) hours += a.hours;
  }
  return { hours, share: total > 0 ? hours / total : 0, tasks: contested.size };
}
