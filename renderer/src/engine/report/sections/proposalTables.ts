/**
 * The proposal's long tables: each changed job, the transfers, the training plan and the chore
 * rotation grid. Each is printed in full up to ROW_CAP rows, then says how many more the proposal
 * workbook lists, so a 2,000-person plan stays a report and no row is dropped without a word.
 */
import type { FullProposal } from '../../balance/fullProposal';
import type { ProposalReport } from '../../balance/proposalReport';
import { esc, hours, nameList, score, table, titled } from '../html';

const WORKBOOK = 'see the proposal workbook';

function taskList(items: readonly { task: string; hours: number }[]): string {
  if (items.length === 0) return '—';
  return `<ul class="tasks">${[...items].sort((a, b) => b.hours - a.hours).map((t) => `<li><span class="h">${hours(t.hours)}</span>${esc(t.task)}</li>`).join('')}</ul>`;
}

const arrow = (a: string, b: string) => `${a} → ${b}`;

/** What a person keeps, as a count and hours: listing every kept task made each job a third of a page (the workbook lists them). */
function keptSummary(items: readonly { task: string; hours: number }[]): string {
  if (items.length === 0) return '—';
  const total = items.reduce((s, t) => s + t.hours, 0);
  return esc(`${items.length} ${items.length === 1 ? 'task' : 'tasks'}, ${hours(total)} h`);
}

/** Each person whose job changes: what they keep, take on and give up (rotated chores are in the rotation grid), with E and D before → after. */
export function changedJobsTable(r: ProposalReport, chores: ReadonlySet<string>): string {
  const notChore = (t: { task: string }) => !chores.has(t.task);
  const changed = r.jobs.filter((j) => j.gained.some(notChore) || j.givenUp.some(notChore));
  if (changed.length === 0) return '';
  const rows = changed.map((j) => [
    `<strong>${esc(j.name)}</strong>${j.role ? `<br>${esc(j.role)}` : ''}`,
    arrow(score(j.empowermentBefore), score(j.empowermentAfter)),
    arrow(score(j.desirabilityBefore), score(j.desirabilityAfter)),
    keptSummary(j.kept.filter(notChore)),
    taskList(j.gained.filter(notChore)),
    taskList(j.givenUp.filter(notChore)),
  ]);
  const note = `<p>${esc(`${changed.length} of ${r.jobs.length} jobs change. Each task taken on or given up is listed with its weekly hours (the tasks a person keeps are counted; the proposal workbook lists them); E and D are the job's empowerment and desirability, now → with the proposal.${chores.size ? ' Rotated chores are left out here: the rotation grid shows who does them each week.' : ''}`)}</p>`;
  return titled('Changed jobs', note + table(
    [{ label: 'Person', width: '18%' }, { label: 'E', num: true, width: '10%' }, { label: 'D', num: true, width: '10%' }, { label: 'Keeps', width: '10%' }, { label: 'Takes on', width: '26%' }, { label: 'Gives up', width: '26%' }],
    rows,
    { more: (n) => `… and ${n} more changed jobs: ${WORKBOOK}.` },
  ));
}

export function transfersTable(r: ProposalReport): string {
  if (r.transfers.length === 0) return '';
  const sorted = [...r.transfers].sort((a, b) => a.task.localeCompare(b.task) || b.hours - a.hours);
  const rows = sorted.map((t) => [esc(t.task), esc(t.from), esc(t.to), hours(t.hours)]);
  const total = r.transfers.reduce((s, t) => s + t.hours, 0);
  return titled('Transfers', `<p>${esc(`Each transfer passes weekly hours of one task from one person to another; together they move ${hours(total)} hours a week.`)}</p>`
    + table([{ label: 'Task', width: '40%' }, { label: 'From', width: '24%' }, { label: 'To', width: '24%' }, { label: 'Hours', num: true }], rows, {
      more: (n) => `… and ${n} more transfers: ${WORKBOOK}.`,
    }));
}

/** The training plan, and the tasks that usually need a qualification the file does not record. */
export function trainingTables(full: FullProposal): string {
  const care = full.care;
  const out: string[] = [];
  if (care.training.length) {
    const rows = care.training.map((t) => [esc(t.person), esc(t.task), hours(t.weeklyHours), hours(t.trainingHours), arrow(score(t.personEmpowerment), score(t.taskEmpowerment)), nameList(t.trainers, 3)]);
    out.push(titled('Training', `<p>${esc(`People taking on empowering tasks new to them: ${hours(care.trainingHours)} hours of training over the quarter in all, given by the people who do the task now.`)}</p>`
      + table([{ label: 'Person', width: '16%' }, { label: 'Task', width: '24%' }, { label: 'Weekly hours', num: true }, { label: 'Training hours', num: true }, { label: 'E: job → task', num: true }, { label: 'Who can train', width: '24%' }], rows, {
        more: (n) => `… and ${n} more training rows: ${WORKBOOK}.`,
        foot: [['All', '', '', hours(care.trainingHours), '', '']],
      })));
  }
  const q = care.qualifications;
  if (q && q.tasks.length) {
    const rows = q.tasks.map((t) => [esc(t.task), esc(t.why), hours(t.weeklyHours), hours(t.hoursToNewPeople), nameList(t.newPeople, 4)]);
    const lead = q.qualifiedFromCurrent
      ? 'The file records no qualifications; these tasks usually need one, and the plan kept them with the people who do them now.'
      : `The file records no qualifications; these tasks usually need one, and the plan hands ${hours(q.hoursToNewPeople)} of their weekly hours to people who never did similar work.`;
    out.push(titled('Tasks that usually need a qualification', `<p>${esc(lead)}</p>` + table([{ label: 'Task' }, { label: 'Why' }, { label: 'Weekly hours', num: true }, { label: 'To people new to it', num: true }, { label: 'Who' }], rows)));
  }
  return out.join('');
}

/** Weeks the grid shows on a page; a longer rotation is in the workbook. */
const GRID_WEEKS = 13;

/** Chore letters: A–Z, then AA, AB… */
function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${letter(Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`;
}

/** The chore rotation: its chores lettered, then a grid of people × weeks with each week's chores. */
export function rotationTables(full: FullProposal): string {
  const rot = full.rotation;
  if (!rot) return full.rotationNote ? titled('Chore rotation', `<p>${esc(full.rotationNote)}</p>`) : '';
  const letters = new Map(rot.chores.map((c, i) => [c.task, letter(i)]));
  const key = table([{ label: 'Key', width: '8%' }, { label: 'Chore' }, { label: 'Weekly hours', num: true }, { label: 'Slots a week', num: true }, { label: 'Hours a slot', num: true }],
    rot.chores.map((c) => [letters.get(c.task)!, esc(c.task), hours(c.weeklyHours), String(c.slotsPerWeek), hours(c.slotHours)]), { cap: Infinity });
  const weeks = Math.min(rot.weeks, GRID_WEEKS);
  const cells = new Map<string, string[][]>();
  for (const p of rot.perPerson) cells.set(p.person, Array.from({ length: weeks }, () => []));
  for (const s of rot.slots) if (s.week <= weeks) cells.get(s.person)?.[s.week - 1].push(letters.get(s.task) ?? '?');
  const rows = rot.perPerson.map((p) => [esc(p.person), ...cells.get(p.person)!.map((c) => c.join(' ')), hours(p.choreHours), hours(p.fairShare)]);
  const lead = `Chores rotate over ${rot.weeks} weeks: each person's chore hours come within ${hours(rot.largestSlot)} hours (the largest slot) of their fair share, in proportion to their hours.${rot.repeats ? ` Someone does the same chore two weeks running ${rot.repeats} times.` : ''}`;
  const more = rot.weeks > weeks ? `<p class="more">${esc(`Weeks ${weeks + 1}–${rot.weeks}: ${WORKBOOK}.`)}</p>` : '';
  const notRotated = rot.notRotated.length ? `<p>${esc(`Not rotated: ${rot.notRotated.map((n) => `${n.task} (${n.why})`).join('; ')}.`)}</p>` : '';
  return titled('Chore rotation', `<p>${esc(lead)}</p>${notRotated}${key}`
    + table([{ label: 'Person' }, ...Array.from({ length: weeks }, (_, w) => ({ label: `W${w + 1}` })), { label: 'Chore hours', num: true, width: '13mm' }, { label: 'Fair share', num: true, width: '13mm' }], rows, {
      className: 'grid', more: (n) => `… and ${n} more people: ${WORKBOOK}.`,
    }) + more);
}
