/**
 * What collecting a rating round gives (collect.ts): every task's spread per dimension, agreement
 * across raters, medians by rater group, the forms used and every problem found.
 */
import type { AlphaReading } from './alpha';
import type { FormIssue, RatedDimension, TaskSpread } from './types';

/** One rater group's view of a dimension, in points of the project scale. */
export interface RaterGroupMedian {
  name: string;
  /** Returned forms counted in the group. */
  raters: number;
  /** Tasks the group rated in this dimension. */
  tasks: number;
  /** The median, over those tasks, of the group's own median for each task; null when it rated none. */
  median: number | null;
  /**
   * On the tasks both this group and the raters outside it rated: the median of (this group's
   * median − the others' median) per task, points. Compared task by task so a group that rated only
   * its own (high or low) tasks is not mistaken for one that rates higher. Null with no such task.
   */
  gap: number | null;
  /** Tasks rated both inside and outside the group: what `gap` rests on. */
  sharedTasks: number;
}

/** Medians by rater group for one dimension: the coordinator cluster vs everyone else, or by department. */
export interface GroupMedians {
  by: 'coordinator' | 'department';
  dimension: RatedDimension;
  groups: RaterGroupMedian[];
}

/** One returned form as the round used it. */
export interface RoundForm {
  file: string;
  formId: string | null;
  rater: string | null;
  /** False for a form that is not a Fairshare form, of another layout, or a second copy of a form ID. */
  used: boolean;
  /** Ratings of empowerment and desirability taken from it. */
  ratings: number;
}

export interface RoundResult {
  /** τ in points of the project scale, as used for the contested flag (IQR above 2τ). */
  tolerance: number;
  /** Every task of the project, empowerment then desirability, in the project's task order. */
  spreads: TaskSpread[];
  alpha: { empowerment: number | null; desirability: number | null };
  alphaReading: { empowerment: AlphaReading; desirability: AlphaReading };
  groups: GroupMedians[];
  forms: RoundForm[];
  issues: FormIssue[];
}
