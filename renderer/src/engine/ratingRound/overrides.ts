/**
 * A round's outcome as the project's rating overrides (formats/projectFile.ts RatingOverride), so a
 * re-import of the spreadsheet keeps the members' medians and the round's contested verdict, as
 * the app's own rating edits are kept. Shared by `ratings collect --out` and the Rating round view.
 */
import type { RatingOverride } from '../formats/projectFile';
import type { Organization } from '../model/types';
import type { RoundResult } from './result';

/** `before` with the medians (normalized 0–1, read from `applied`) of every rated task; a new round's medians replace an earlier group decision. */
export function roundOverrides(before: Record<string, RatingOverride> | undefined, result: RoundResult, applied: Organization): Record<string, RatingOverride> {
  const out: Record<string, RatingOverride> = { ...before };
  const byId = new Map(applied.tasks.map((t) => [t.id, t]));
  for (const s of result.spreads) {
    const task = byId.get(s.taskId);
    const value = task?.[s.dimension];
    if (s.raters === 0 || value === null || value === undefined) continue;
    const { council: _decided, ...kept } = out[s.taskId] ?? {};
    out[s.taskId] = { ...kept, [s.dimension]: value, ...(task?.contested !== undefined ? { contested: task.contested } : {}) };
  }
  return out;
}
