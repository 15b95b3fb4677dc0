/** What is wrong with a rating typed in a task or factor cell, in words short enough to sit beside the cell. */
import type { Scale } from '../../engine/model/types';

/**
 * null when `points` is on the scale. The message wraps to two lines in the cell's free room
 * ("Not saved:" / "use 1–20"): the range is kept on one line (a no-break space, a word joiner after
 * the dash, which would otherwise allow a break).
 */
export function ratingProblem(points: number, scale: Scale): string | null {
  return points < scale.min || points > scale.max ? `Not saved: use\u00a0${scale.min}–\u2060${scale.max}` : null;
}
