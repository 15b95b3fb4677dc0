/**
 * The instruction block at the top of a rating form (rows 1 to FORM_HEADER_ROW − 1): what E and D
 * mean, which end is good, that blanks are welcome, and what not to change. Plain words.
 */
import { FORM_HEADER_ROW, type RatingFormSpec } from '../ratingRound/types';

/** One line per instruction row, '' for an empty row; exactly FORM_HEADER_ROW − 1 of them. */
export function formInstructions(spec: RatingFormSpec, rule: 'whole' | 'decimal' | 'list'): string[] {
  const { min, max } = spec.scale;
  const own = spec.tasks.some((t) => t.ownHours !== null);
  const who = spec.rater === null
    ? `Form ${spec.formId}, ${spec.created}. This form is anonymous: please do not write your name on it.`
    : `For ${spec.rater}. Form ${spec.formId}, ${spec.created}.`;
  const how = rule === 'list'
    ? 'Pick a number from the list in each cell (or type it).'
    : `Type a ${rule === 'whole' ? 'whole ' : ''}number from ${min} to ${max} in each cell.`;
  const lines = [
    `Rating form: ${spec.project}`,
    who,
    `Rate each task on two separate scales from ${min} to ${max}. Rate the task as it is done here, not the people who do it now and not how important it is. ${how}`,
    `Empowerment (E): how much doing the task builds a person's say and abilities: deciding, planning, coordinating others, learning new skills, speaking for the group, knowing what goes on. ${min} = least empowering, ${max} = most empowering.`,
    `Desirability (D): how pleasant the task is to do: physical strain and hazard, surroundings, repetition, control of pace, stress and conflict, hours, interest. ${min} = least pleasant, ${max} = most pleasant: higher is better.`,
    'E and D are separate: a task can be empowering and unpleasant, or easy and dull. The group compares everyone\'s ratings and decides together.',
    `Leave a cell blank when you don't know the task well enough: a blank is not a low rating.${own ? ' Your own tasks come first, with your hours a week; rate the others you know too.' : ''}`,
    spec.factors.length
      ? `The factor columns are rated the same way: higher is always more empowering or more pleasant, so for a burden such as physical strain ${max} means none. Select a cell to see what its ends mean.`
      : '',
    'Do not add, delete or rename tasks, and leave the hidden sheet "_form" as it is: it matches this form when it comes back. Notes go in Comment. Save as .xlsx or .ods.',
  ];
  if (lines.length !== FORM_HEADER_ROW - 1) throw new Error(`the instruction block has ${lines.length} rows, the layout ${FORM_HEADER_ROW - 1}`);
  return lines;
}
