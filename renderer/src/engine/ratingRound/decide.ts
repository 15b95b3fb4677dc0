/**
 * The group decides a contested task (issue 17): it sets the task's empowerment and/or desirability
 * to a value of its choosing, with a note saying why; the rating's source becomes 'council'.
 */
import type { Organization, Task } from '../model/types';
import { normalize } from '../rating/scale';
import type { RatedDimension } from './types';

/** The longest note kept with a decision (it becomes the task's reason, which projects cap at 2000). */
export const MAX_DECISION_NOTE = 500;

export type Decision = Partial<Record<RatedDimension, number>>;

function checkValue(dimension: RatedDimension, value: number, org: Organization): void {
  const { min, max } = org.scale;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`The group's ${dimension} must be a number from ${min} to ${max} (the project's scale); got ${String(value)}.`);
  }
}

/**
 * The organization with the group's decision on one task. `values` are points of org.scale (any
 * number on it: a group may settle between two points); a dimension left out keeps its rating. The
 * task's source becomes 'council' and its reason `Decided by the group: <note>`. The factors are
 * kept: the overall value wins over their mean, as a members' edit does. `contested` is left as it
 * is: deciding does not make the disagreement go away, so the audit still counts the task's hours
 * as resting on contested ratings.
 *
 * Throws a RangeError (message fit to show) when the task is unknown, no value is given, a value is
 * off the scale, or the note is empty or longer than MAX_DECISION_NOTE characters once trimmed.
 */
export function decideTask(org: Organization, taskId: string, values: Decision, note: string): Organization {
  const index = org.tasks.findIndex((t) => t.id === taskId);
  if (index < 0) throw new RangeError(`No task "${taskId}" in the project to decide.`);
  const given = (['empowerment', 'desirability'] as const).filter((k) => values[k] !== undefined);
  if (given.length === 0) throw new RangeError('A decision needs a value for empowerment, desirability or both.');
  for (const k of given) checkValue(k, values[k]!, org);
  const text = typeof note === 'string' ? note.trim() : '';
  if (!text) throw new RangeError('A decision needs a note saying why the group chose this value.');
  if (text.length > MAX_DECISION_NOTE) throw new RangeError(`A decision's note must be at most ${MAX_DECISION_NOTE} characters (it has ${text.length}).`);

  const task = org.tasks[index];
  const next: Task = { ...task, source: 'council', reason: `Decided by the group: ${text}` };
  for (const k of given) next[k] = normalize(values[k]!, org.scale);
  const tasks = org.tasks.slice();
  tasks[index] = next;
  return { ...org, tasks };
}
