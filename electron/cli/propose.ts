/**
 * `fairshare propose`: the rebalanced jobs, as text, JSON and a proposal workbook, with the import's
 * issues (a proposal over a file with errors must say so). Exits 0 whatever the proposal's status
 * (infeasible, invalid input, time limit): the status says what happened.
 */
import type { ProposalReport } from '../../renderer/src/engine/balance/proposalReport';
import type { TimesheetReport } from '../../renderer/src/engine/import/types';
import type { ImportIssue } from '../../renderer/src/engine/model/types';
import { writeProposalWorkbook } from '../../renderer/src/engine/formats/proposalWorkbook';
import type { ProposeArgs } from './args';
import { loadOrganization, today, writeAtomically } from './io';
import { count, issueLine } from './summary';
import { timesheetLines } from './timesheetText';
import type { PlanCare } from '../../renderer/src/engine/balance/planCare';
import { careLines, hours, qualificationLines, rotationLines } from './proposeCare';
import type { RotationReport } from '../../renderer/src/engine/rotation/rotationReport';
import { nameKey } from '../../renderer/src/engine/import/records';
import { LEARNING_COST_MAX_PEOPLE, makeProposal } from '../../renderer/src/engine/balance/fullProposal';
import { proposeCategories } from './proposeCategories';

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** The import's errors and warnings, located, before the proposal that rests on the file. */
function issueLines(issues: readonly ImportIssue[]): string[] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  if (counts.error + counts.warning === 0) return [];
  const lines = [`The file has ${count(counts.error, 'error')} and ${count(counts.warning, 'warning')}; the proposal leaves out what they left out:`];
  const shown = issues.filter((i) => i.severity !== 'info').sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  lines.push(...shown.slice(0, 10).map(issueLine));
  if (shown.length > 10) lines.push(`  … and ${shown.length - 10} more (fairshare audit lists them all)`);
  return [...lines, ''];
}


export function formatProposal(r: ProposalReport, care: PlanCare, rotation: RotationReport | null, rotationNote: string | null, issues: readonly ImportIssue[], timesheet?: TimesheetReport, learningSkipped = false): string {
  const chores = new Set(rotation?.chores.map((c) => c.task) ?? []);
  // The hours being moved are averages over a period: which one comes first; then what the file
  // does not say about qualifications, since it changes how far the plan can be trusted.
  const lines = [...(timesheet ? [...timesheetLines(timesheet), ''] : []), ...issueLines(issues), ...qualificationLines(care.qualifications), `${r.file}: rebalancing to ±${r.tolerance} points of the mean empowerment${r.desirability ? ' and desirability' : ''}`];
  if (r.before.mean === null) {
    lines.push('No task is rated for empowerment, so no two jobs can be compared and nothing can be balanced: rate the tasks first.');
  } else if (r.status === 'invalid-input' || r.status === 'time-limit' || r.status === 'solver-failed') {
    // Both dimensions split tasks into a class per pair of ratings: the LP grows several-fold (see README).
    const hint = r.status === 'time-limit' && r.desirability ? ' Balancing desirability too makes the exact plan several times larger; --empowerment-only balances empowerment alone and is much faster.' : '';
    lines.push(`No proposal (${r.status}): ${r.statusMessage ?? ''}${hint}`);
  } else if (r.status === 'infeasible') {
    lines.push(`Cannot be met. ${r.diagnosis?.message ?? ''}`);
  } else if (r.status === 'balanced') {
    lines.push('Every job is already within the band: nothing needs to move.');
  } else {
    const suggested = r.movedOnSuggested > 0 ? ` ${r.movedOnSuggested.toFixed(1)} h of them are on tasks with suggested ratings.` : '';
    lines.push(`${r.movedHours.toFixed(1)} of ${r.totalHours.toFixed(0)} weekly hours change hands (${pct(r.movedHours / r.totalHours)}), in ${r.transfers.length} transfers.${suggested}`);
    lines.push(`Absolute Gini (empowerment) ${r.before.absoluteGini.toFixed(1)} → ${r.after.absoluteGini.toFixed(1)} points; within tolerance ${pct(r.before.withinTolerance)} → ${pct(r.after.withinTolerance)} of hours; coordinator cluster ${r.before.coordinatorPeople} → ${r.after.coordinatorPeople} people; relative Gini, measured from the bottom of the scale, ${r.before.gini.toFixed(2)} → ${r.after.gini.toFixed(2)}.`);
    if (r.blocks) lines.push(...blockLines(r));
    else if (r.granularity > 0) lines.push(`${r.rounded ? `Rounded to ${r.granularity} h.` : `Asked to round to ${r.granularity} h.`} ${r.roundingNote}`);
    const biggest = [...r.jobs].filter((j) => j.gained.length).sort((a, b) => b.gained.reduce((s, g) => s + g.hours, 0) - a.gained.reduce((s, g) => s + g.hours, 0)).slice(0, 8);
    if (biggest.length) lines.push('', 'Largest changes:');
    for (const j of biggest) {
      const d = r.desirability ? `, D ${j.desirabilityBefore?.toFixed(1)} → ${j.desirabilityAfter?.toFixed(1)}` : '';
      // Rotated chores change hands week by week (the schedule below), not as weekly slivers.
      const gained = j.gained.filter((g) => !chores.has(g.task));
      const givenUp = j.givenUp.filter((g) => !chores.has(g.task));
      lines.push(`  ${j.name} (${j.role ?? '—'}): E ${j.empowermentBefore?.toFixed(1)} → ${j.empowermentAfter?.toFixed(1)}${d}; takes ${gained.map((g) => `${g.task} ${hours(g.hours)}`).join(', ') || 'nothing'}; gives up ${givenUp.map((g) => `${g.task} ${hours(g.hours)}`).join(', ') || 'nothing'}`);
    }
  }
  if (r.status === 'optimal') lines.push(...careLines(care));
  if (rotationNote) lines.push('', rotationNote);
  if (rotation && (r.status === 'optimal' || r.status === 'balanced')) lines.push(...rotationLines(rotation));
  if (r.options.length && r.before.mean !== null) {
    lines.push('', `Options, exact plans${r.granularity > 0 ? ' (not rounded)' : ''} (tolerance → hours moved, absolute Gini after):`);
    for (const o of r.options) lines.push(`  ±${o.tolerance}: ${o.status === 'optimal' ? `${o.movedHours?.toFixed(1)} h, ${o.absoluteGini?.toFixed(1)} points` : o.status === 'time-limit' ? 'no answer within the time limit' : 'cannot be met'}`);
  } else if (r.optionsNote) lines.push('', r.optionsNote);
  if (r.learningCost?.length) lines.push(...learningCostLines(r));
  else if (learningSkipped) lines.push('', `Learning cost: not computed for more than ${LEARNING_COST_MAX_PEOPLE} people (three more exact plans); see the README.`);
  return lines.join('\n');
}

/** The learning-cost trade-off: the exact plan at ±τ with new hours on empowering tasks weighted by λ. */
function learningCostLines(r: ProposalReport): string[] {
  const lines = ['', `Learning cost, exact plans at ±${r.tolerance} (a new hour costs 1 + λ × how far the task's E is above the person's now; λ → hours moved, new hours on tasks more than 2τ above, training hours):`];
  for (const l of r.learningCost!) {
    lines.push(`  λ = ${l.lambda}: ${l.status === 'optimal' ? `${l.movedHours!.toFixed(1)} h moved, ${l.newHoursOnEmpowering!.toFixed(1)} h well above, ${l.trainingHours!.toFixed(0)} h training` : l.status === 'infeasible' ? 'cannot be met' : 'no answer within the time limit'}`);
  }
  return lines;
}

/** The plan in blocks: its rules, its hours against the exact minimum, and anyone it leaves out of band or over K. */
function blockLines(r: ProposalReport): string[] {
  const b = r.blocks!;
  const jobs = r.jobs.filter((j) => j.empowermentAfter !== null).length;
  const out = new Set(b.outOfBand.map((o) => o.person)).size;
  const gap = r.gap === null || r.gap === undefined ? '' : ` (${r.gap >= 0 ? '+' : ''}${Math.round(r.gap * 1000) / 10}%)`;
  const lines = [
    `In whole blocks of ${b.granularity} h, a new task at least ${b.minBlock} h, at most ${b.maxNewTasks} new tasks per person: ${r.movedHours.toFixed(1)} h moved against the exact minimum of ${(r.bound ?? 0).toFixed(1)} h${gap}; ${jobs - out} of ${jobs} jobs within the band${r.desirability ? ' on empowerment and desirability' : ''}.`,
  ];
  if (b.status === 'best-found') lines.push('A time limit was reached: this is the best plan found by then.');
  const rotating = b.remainders.length > 0;
  if (b.shortTransfers > 0) lines.push(`  ${b.shortTransfers} ${b.shortTransfers === 1 ? 'transfer is' : 'transfers are'} under ${b.minBlock} h: ${rotating ? 'mostly the chore rotation\'s weekly averages (a share of a slot), which ' : ''}no pairing of who gives and who takes could avoid.`);
  if (rotating) {
    const shares = b.remainders.filter((x) => x.why === 'share').length;
    lines.push(`  With chores rotating, ${count(b.remainders.length, 'change')} ${b.remainders.length === 1 ? 'is' : 'are'} not whole blocks: for ${count(shares, 'person', 'people')} the rotation share is not a whole number of blocks, so the remainder sits in one of their tasks${shares < b.remainders.length ? ' (and is passed between two tasks where a task\'s total needs it)' : ''}; every other change is whole blocks.`);
  }
  for (const o of b.outOfBand) lines.push(`  ${o.message}`);
  for (const o of b.overNewTasks) lines.push(`  ${o.person}: ${o.message}`);
  return lines;
}


/** Task ids for the names given to --chores (case- and spacing-insensitive), or the names that match no task. */
function resolveChores(org: { tasks: { id: string; name: string }[] }, names: string[]): { ids: string[] } | { unknown: string[] } {
  const byKey = new Map(org.tasks.map((t) => [nameKey(t.name), t.id]));
  const unknown = names.filter((n) => !byKey.has(nameKey(n)));
  return unknown.length ? { unknown } : { ids: names.map((n) => byKey.get(nameKey(n))!) };
}

export async function propose(args: ProposeArgs): Promise<number> {
  if (args.categories) return proposeCategories(args);
  const { organization, result } = await loadOrganization(args);
  // Loaded only for propose, from node_modules (kept out of the bundle so audit starts fast).
  const { default: loadHighs } = await import('highs');
  const highs = await loadHighs();
  const choreIds = args.chores ? resolveChores(organization, args.chores) : undefined;
  if (choreIds && 'unknown' in choreIds) {
    process.stderr.write(`fairshare: --chores names ${choreIds.unknown.map((n) => `"${n}"`).join(', ')}, not ${choreIds.unknown.length === 1 ? 'a task' : 'tasks'} of ${args.file}\n`);
    return 2;
  }
  // Chores (marked in the file or named) rotate over the quarter; the rest is balanced around each person's share.
  const named = choreIds && 'ids' in choreIds ? [...new Set([...organization.tasks.filter((t) => t.chore).map((t) => t.id), ...choreIds.ids])] : undefined;
  const made = makeProposal(organization, highs, {
    tolerance: args.tolerance, desirability: args.desirability, granularity: args.granularity, minBlock: args.minBlock, maxNewTasks: args.maxNewTasks,
    qualifyFromCurrent: args.qualifyFromCurrent, choreIds: named, rotationWeeks: args.rotationWeeks, file: args.file,
  });
  const report = { ...made.report, issues: result.issues, ...(result.timesheet ? { timesheet: result.timesheet } : {}) };
  if (args.out) writeAtomically(args.out, writeProposalWorkbook(report, today()));
  process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatProposal(report, made.care, made.rotation, made.rotationNote, result.issues, result.timesheet, made.learningSkipped) + (args.out ? `\nWrote ${args.out}\n` : '\n'));
  return 0;
}
