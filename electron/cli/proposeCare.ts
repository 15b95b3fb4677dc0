/** The proposal text's notes on carrying the plan out: qualifications the file does not name, and training. */
import type { PlanCare, QualificationNotice } from '../../renderer/src/engine/balance/planCare';
import type { RotationReport } from '../../renderer/src/engine/rotation/rotationReport';

/** Hours as a person reads them: up to two decimals, no float noise. */
export function hours(h: number): string {
  return `${Math.round(h * 100) / 100} h`;
}

function names(list: readonly string[], max = 3): string {
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

/**
 * Said before the plan when the file has no qualifications, requirements or locks: the plan may hand
 * skilled or licensed work to anyone, so it names such tasks and what it does with them.
 */
export function qualificationLines(q: QualificationNotice | null): string[] {
  if (!q || q.tasks.length === 0) return [];
  const lines = ['The file names no qualifications, requirements or locks, so the plan may give any task to anyone.'];
  if (q.qualifiedFromCurrent) {
    lines.push(`With --qualify-from-current, ${q.tasks.length === 1 ? 'this task, which usually needs' : `these ${q.tasks.length} tasks, which usually need`} a qualification, stay with the people who do them now:`);
  } else {
    lines.push(`${q.tasks.length === 1 ? 'This task usually needs' : `These ${q.tasks.length} tasks usually need`} a qualification; the plan moves ${hours(q.hoursToNewPeople)} a week of them to people who never did similar work (--qualify-from-current keeps them with the people who do them now):`);
  }
  for (const t of q.tasks) {
    const moved = t.hoursToNewPeople > 1e-9 ? `; ${hours(t.hoursToNewPeople)} to ${names(t.newPeople)}` : '';
    lines.push(`  ${t.task} (${t.why}, ${hours(t.weeklyHours)} a week)${moved}`);
  }
  return [...lines, ''];
}

/** After the plan: who needs training for the empowering tasks they take on, and who can give it. */
export function careLines(care: PlanCare): string[] {
  if (care.training.length === 0) return [];
  const lines = ['', `Training: ${care.training.length} new ${care.training.length === 1 ? 'task is' : 'tasks are'} well above the person's current empowerment (more than twice the tolerance), ${hours(care.trainingHours)} of training over the quarter in all:`];
  const shown = [...care.training].sort((a, b) => b.weeklyHours - a.weeklyHours);
  for (const t of shown.slice(0, 12)) {
    lines.push(`  ${t.person}: ${t.task} (${hours(t.weeklyHours)} a week, E ${t.taskEmpowerment.toFixed(1)} against ${t.personEmpowerment.toFixed(1)} now): ${hours(t.trainingHours)} of training${t.trainers.length ? `, from ${names(t.trainers, 2)}` : ''}`);
  }
  if (shown.length > 12) lines.push(`  … and ${shown.length - 12} more (--json or --out list them all)`);
  return lines;
}

/** The chore rotation in a few lines: what rotates, how fair it is, and who does what in the first weeks. */
export function rotationLines(r: RotationReport): string[] {
  const lines = ['', `Chore rotation over ${r.weeks} weeks: ${r.chores.map((c) => `${c.task} (${hours(c.weeklyHours)} a week${c.slotsPerWeek > 1 ? ` in ${c.slotsPerWeek} slots` : ''})`).join(', ')}.`];
  lines.push(`  Everyone's chore hours over the ${r.weeks} weeks are within one slot (${hours(r.largestSlot)}) of their fair share, proportional to their hours; the same person does the same chore two weeks running ${r.repeats === 0 ? 'never' : `${r.repeats} ${r.repeats === 1 ? 'time' : 'times'}`}.`);
  for (const n of r.notRotated) lines.push(`  ${n.task} does not rotate: ${n.why}.`);
  const weeks = Math.min(r.weeks, 2);
  for (let w = 1; w <= weeks; w++) {
    const slots = r.slots.filter((s) => s.week === w);
    lines.push(`  Week ${w}: ${slots.map((s) => `${s.task} — ${s.person}`).join('; ')}`);
  }
  if (r.weeks > weeks) lines.push(`  … weeks ${weeks + 1}–${r.weeks} in --json or the workbook's Rotation sheet`);
  return lines;
}
