/**
 * The proposal workbook: Summary (before → after), Proposed jobs (each person's new bundle: kept,
 * gained, given up), Transfers and Options. Same rules as the audit summary: numeric cells with
 * formats, filtered and frozen headers, neutralized text, colour scales on E and D, the band marked.
 */
import type { ProposalReport } from '../balance/proposalReport';
import { sectionHead, writeWorkbook, type SheetSpec } from './sheetBuilder';
import { num, type Out } from './sheetCells';
import { ratingScales } from './ratingMarks';
import { rotationSheetRows } from '../rotation/rotationReport';

function list(items: { task: string; hours: number }[]): string {
  return items.map((i) => `${i.task} (${Math.round(i.hours * 100) / 100} h)`).join('; ');
}

/**
 * A labelled note: the label as a bold line, the text on the row below as one paragraph, which the
 * sheet builder wraps across the table's width (a long note on one line would run across the page
 * and shrink the printed sheet).
 */
function textRows(label: string, text: string): Out[][] {
  return [sectionHead([label]), [text]];
}

function summary(r: ProposalReport, generatedAt: string | null): SheetSpec {
  const statusText = {
    optimal: 'Proposal found',
    balanced: 'Already balanced',
    infeasible: 'Cannot be met',
    'invalid-input': 'Not computed: invalid input',
    'time-limit': 'Not computed: solver time limit',
    'solver-failed': 'Not computed: the solver failed',
  }[r.status];
  const rows: Out[][] = [
    ['Fairshare proposal: balanced job complexes'],
    ['File', r.file.split(/[\\/]/).pop() ?? r.file],
    ...(generatedAt ? [['Generated', generatedAt] as Out[]] : []),
    ['Rating scale', `${r.scale.min}–${r.scale.max}`],
    ['Tolerance (± points)', num(r.tolerance, 'tolerance')],
    ['Balances desirability too', r.desirability ? 'Yes' : 'No'],
    ['Granularity asked (hours)', r.granularity > 0 ? num(r.granularity, 'hours') : 'Exact'],
    ['Rounded', r.rounded ? 'Yes' : 'No'],
    ['Status', statusText],
    ['Hours that change hands per week', num(r.movedHours, 'hours')],
    ['Share of all hours', num(r.totalHours > 0 ? r.movedHours / r.totalHours : null, 'share')],
    ['Of which on tasks with suggested ratings', num(r.movedOnSuggested, 'hours')],
  ];
  if (r.statusMessage) rows.push(...textRows('Why', r.statusMessage));
  if (r.diagnosis) rows.push(...textRows('Why', r.diagnosis.message));
  if (r.roundingNote) rows.push(...textRows('Rounding', r.roundingNote));
  if (r.roundingViolations.length) rows.push(...textRows('After rounding', `${r.roundingViolations.length === 1 ? '1 job ends' : `${r.roundingViolations.length} jobs end`} outside the band; see Proposed jobs (the exact plan, not rounded, keeps every job within it)`));
  if (r.frozenTasks.length) rows.push(...textRows('Not moved (unrated)', r.frozenTasks.join('; ')));
  if (r.qualifications?.tasks.length) {
    const q = r.qualifications;
    rows.push(...textRows('Qualifications', q.qualifiedFromCurrent
      ? `The file names none; tasks that usually need one stay with the people who do them now: ${q.tasks.map((t) => t.task).join('; ')}`
      : `The file names none; ${Math.round(q.hoursToNewPeople * 100) / 100} h a week of tasks that usually need one go to people who never did similar work: ${q.tasks.filter((t) => t.hoursToNewPeople > 1e-9).map((t) => t.task).join('; ') || 'none'}`));
  }
  if (r.training?.length) rows.push(['Training over the quarter (hours)', num(r.trainingHours ?? 0, 'hours')]);
  rows.push([], ['Figure', 'Before', 'After']);
  const header = rows.length;
  const pair = (label: string, b: number | null, a: number | null, f: Parameters<typeof num>[1]) => rows.push([label, num(b, f), num(a, f)]);
  pair('Mean empowerment (points)', r.before.mean, r.after.mean, 'score');
  pair('Absolute Gini, empowerment (points)', r.before.absoluteGini, r.after.absoluteGini, 'score');
  pair('Empowerment Gini (measured from the bottom of the scale)', r.before.gini, r.after.gini, 'index');
  pair('Hoover index (share that would have to move)', r.before.hoover, r.after.hoover, 'share');
  pair('Top 20% share of empowering work', r.before.top20Share, r.after.top20Share, 'share');
  pair('Hours within tolerance', r.before.withinTolerance, r.after.withinTolerance, 'share');
  pair('People in the coordinator cluster', r.before.coordinatorPeople, r.after.coordinatorPeople, 'integer');
  pair('Absolute Gini, desirability (points)', r.before.desirabilityAbsoluteGini, r.after.desirabilityAbsoluteGini, 'score');
  pair('Desirability Gini (measured from the bottom of the scale)', r.before.desirabilityGini, r.after.desirabilityGini, 'index');
  return { name: 'Summary', rows, headerRow: header, maxWidth: 90 };
}

function jobs(r: ProposalReport): SheetSpec {
  const rows: Out[][] = [['Name', 'Role', 'Department', 'Hours per week', 'Empowerment before', 'Empowerment after', 'Desirability before', 'Desirability after', 'Hours gained', 'Kept', 'Gained', 'Given up']];
  for (const j of r.jobs) {
    const gained = j.gained.reduce((s, g) => s + g.hours, 0);
    rows.push([j.name, j.role, j.department, num(j.hours, 'hours'), num(j.empowermentBefore, 'score'), num(j.empowermentAfter, 'score'), num(j.desirabilityBefore, 'score'), num(j.desirabilityAfter, 'score'), num(gained, 'hours'), list(j.kept), list(j.gained), list(j.givenUp)]);
  }
  // The widest sheet: role, department and the task lists wrap, so it prints at about half size on a landscape page rather than two fifths.
  return { name: 'Proposed jobs', rows, headerRow: 1, maxWidth: 40, columnCaps: { 1: 22, 2: 16 }, scales: ratingScales(r, [4, 5], [6, 7]), bands: jobBands(r) };
}

/**
 * Arrows marking the empowerment band before (around the mean before) and after the plan (around
 * the mean after). The report's means, scores and τ are rounded to 4 decimals, so the band is
 * widened by 0.0005 points: a job the plan puts on the band's edge reads as within it. Desirability
 * gets no arrows: the report has no desirability mean to centre them on (its colour scale stays).
 */
function jobBands(r: ProposalReport): NonNullable<SheetSpec['bands']> {
  const slack = r.tolerance + 5e-4;
  const out: NonNullable<SheetSpec['bands']> = [];
  if (r.before.mean !== null) out.push({ column: 4, low: r.before.mean - slack, high: r.before.mean + slack });
  if (r.after.mean !== null) out.push({ column: 5, low: r.after.mean - slack, high: r.after.mean + slack });
  return out;
}

function transfers(r: ProposalReport): SheetSpec {
  const rows: Out[][] = [['Task', 'From', 'To', 'Hours per week']];
  for (const t of r.transfers) rows.push([t.task, t.from, t.to, num(t.hours, 'hours')]);
  return { name: 'Transfers', rows, headerRow: 1 };
}

function options(r: ProposalReport): SheetSpec {
  const rows: Out[][] = [['Tolerance (± points)', 'Feasible', 'Hours moved', 'Absolute Gini after (points)', 'Empowerment Gini after (from the bottom of the scale)', 'Hoover after', 'Hours within this tolerance after']];
  for (const o of r.options) rows.push([num(o.tolerance, 'tolerance'), o.status === 'optimal' ? 'Yes' : o.status === 'time-limit' ? 'Time limit' : 'No', num(o.movedHours, 'hours'), num(o.absoluteGini, 'score'), num(o.gini, 'index'), num(o.hoover, 'share'), num(o.withinTolerance, 'share')]);
  return { name: 'Options', rows, headerRow: 1 };
}

/**
 * The learning-cost trade-off on a sheet of its own (beside the curve it made the Options sheet too
 * wide to print): the exact plan at the proposal's τ with each new hour costing 1 + λ·(task E − the
 * person's E now) when positive.
 */
function learningCost(r: ProposalReport): SheetSpec | null {
  if (!r.learningCost?.length) return null;
  const rows: Out[][] = [[`λ (exact plans at ±${r.tolerance} points)`, 'Feasible', 'Hours moved', 'Weighted cost: new hours × (1 + λ × E gap above the person, 0–1 of the scale)', 'E gap of new hours (points × hours)', 'New hours on tasks more than 2τ above the person', 'Training over the quarter (hours)']];
  for (const l of r.learningCost) rows.push([num(l.lambda, 'ratio'), l.status === 'optimal' ? 'Yes' : l.status === 'infeasible' ? 'No' : l.status === 'time-limit' ? 'Time limit' : 'Solver failed', num(l.movedHours, 'hours'), num(l.weightedCost, 'hours'), num(l.weightedGap, 'hours'), num(l.newHoursOnEmpowering, 'hours'), num(l.trainingHours, 'hours')]);
  return { name: 'Learning cost', rows, headerRow: 1, maxWidth: 40 };
}

/** Who needs training for which new task, how much over the quarter, and who can give it. */
function training(r: ProposalReport): SheetSpec | null {
  if (!r.training?.length) return null;
  const rows: Out[][] = [['Person', 'New task', 'Hours per week', 'Their empowerment now', 'Task empowerment', 'Training hours over the quarter', 'Who can train them (most hours first)']];
  for (const t of r.training) rows.push([t.person, t.task, num(t.weeklyHours, 'hours'), num(t.personEmpowerment, 'score'), num(t.taskEmpowerment, 'score'), num(t.trainingHours, 'hours'), t.trainers.join('; ')]);
  return { name: 'Training', rows, headerRow: 1, maxWidth: 40, columnCaps: { 1: 30 } };
}

/** The chore rotation: people down, weeks across, each cell that week's chores; hours and fair share at the end. */
function rotation(r: ProposalReport): SheetSpec | null {
  if (!r.rotation) return null;
  const rows: Out[][] = rotationSheetRows(r.rotation).map((row) => row.map((c) => (typeof c === 'number' ? num(c, 'hours') : c)));
  // Narrow week columns (names wrap) keep a quarter of weeks legible on one landscape page width.
  return { name: 'Rotation', rows, headerRow: 1, maxWidth: 14 };
}

/** The proposal's sheets, Summary first (the merger workbook appends them to its own). */
export function proposalSheets(report: ProposalReport, generatedAt: string | null = null): SheetSpec[] {
  return [summary(report, generatedAt), jobs(report), transfers(report), options(report), learningCost(report), training(report), rotation(report)].filter((s): s is SheetSpec => s !== null);
}

export function writeProposalWorkbook(report: ProposalReport, generatedAt: string | null = null): Uint8Array {
  return writeWorkbook(proposalSheets(report, generatedAt), 'Fairshare proposal');
}
