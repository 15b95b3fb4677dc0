/**
 * The group decides (issue 17): a round's medians become the tasks' ratings (source 'members'), the
 * contested flag is kept on each task, and the hours resting on contested ratings are counted.
 */
import type { Organization, Task } from '../model/types';
import { normalize } from '../rating/scale';
import type { RoundResult } from './result';
import { MIN_RATERS_TO_JUDGE } from './stats';
import type { RatedDimension, TaskSpread } from './types';

/** Points as a reason shows them: at most two decimals, no trailing zeros (12, 12.5, 12.33). */
function points(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function why(dimension: RatedDimension, s: TaskSpread): string {
  const label = dimension === 'empowerment' ? 'Empowerment' : 'Desirability';
  const who = s.raters === 1 ? "1 member's rating" : `${s.raters} members' ratings`;
  return `${label}: median of ${who} (IQR ${points(s.q1!)}–${points(s.q3!)})`;
}

/**
 * The organization with the round applied. Each task with at least one rating in a dimension takes
 * that dimension's median (normalized to 0–1 on the project scale), source 'members' and a reason
 * naming the raters and the interquartile range; a dimension no one rated keeps its value. `contested`
 * is true when either dimension is contested, false when one was judged (MIN_RATERS_TO_JUDGE raters)
 * and neither is contested, and absent when the round rated the task but too few judged it (an older
 * round's flag no longer describes the new rating). Tasks no one rated are left exactly as they were.
 */
export function applyRound(org: Organization, result: RoundResult): Organization {
  const byTask = new Map<string, Partial<Record<RatedDimension, TaskSpread>>>();
  for (const s of result.spreads) {
    if (s.raters === 0 || s.median === null) continue;
    byTask.set(s.taskId, { ...byTask.get(s.taskId), [s.dimension]: s });
  }
  const tasks = org.tasks.map((task): Task => {
    const spreads = byTask.get(task.id);
    if (!spreads) return task;
    const e = spreads.empowerment;
    const d = spreads.desirability;
    const judged = [e, d].some((s) => s !== undefined && s.raters >= MIN_RATERS_TO_JUDGE);
    const contested = [e, d].some((s) => s?.contested === true);
    const next: Task = {
      ...task,
      empowerment: e ? normalize(e.median!, org.scale) : task.empowerment,
      desirability: d ? normalize(d.median!, org.scale) : task.desirability,
      source: 'members',
      reason: [e && why('empowerment', e), d && why('desirability', d)].filter(Boolean).join('; '),
    };
    if (judged) next.contested = contested;
    else delete next.contested;
    return next;
  });
  return { ...org, tasks };
}

/** Weekly hours on tasks marked contested, and their share (0–1) of all assigned hours (0 when none). */
export function contestedHours(org: Organization): { hours: number; share: number } {
  const contested = new Set(org.tasks.filter((t) => t.contested === true).map((t) => t.id));
  let hours = 0;
  let total = 0;
  for (const a of org.assignments) {
    total += a.hours;
    if (contested.has(a.taskId)) hours += a.hours;
  }
  return { hours, share: total > 0 ? hours / total : 0 };
}
