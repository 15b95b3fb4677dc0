/** Pure helpers behind the Proposal view's results: the least-empowered third, person cards' order and filters, transfer rows, the rotation grid. */
import type { JobChange, ProposalReport } from '../../engine/balance/proposalReport';
import type { TrainingRow } from '../../engine/balance/planCare';
import type { RotationReport } from '../../engine/rotation/rotationReport';
import { topFractions } from '../../engine/analysis/metrics/weighted';

type Hours = { task: string; hours: number }[];
const sum = (rows: Hours) => rows.reduce((s, r) => s + r.hours, 0);

/** Task → weekly hours before (kept + given up) and after (kept + gained) the proposal. */
export function taskHours(job: JobChange): { before: Map<string, number>; after: Map<string, number> } {
  const add = (m: Map<string, number>, rows: Hours) => {
    for (const r of rows) m.set(r.task, (m.get(r.task) ?? 0) + r.hours);
    return m;
  };
  return { before: add(add(new Map(), job.kept), job.givenUp), after: add(add(new Map(), job.kept), job.gained) };
}

/**
 * The part (0–1) of each job's hours in the least-empowered third of all hours, people ranked by E
 * before the proposal (as the audit's onerous-work figure: a person on the boundary counts in part).
 */
export function leastEmpoweredThird(jobs: readonly JobChange[]): number[] {
  const xs = jobs.map((j) => ({ weight: j.hours, value: j.empowermentBefore ?? Number.NaN }));
  const topTwo = topFractions(xs, 2 / 3);
  return xs.map((x, i) => (x.weight > 0 && Number.isFinite(x.value) ? 1 - topTwo[i] : 0));
}

export interface BeforeAfter {
  before: number | null;
  after: number | null;
}

/** Weekly hours of low-desirability tasks (`onerous`, by name) carried by the people who were the least-empowered third before. */
export function onerousHoursOfThird(jobs: readonly JobChange[], onerous: ReadonlySet<string>): BeforeAfter {
  const part = leastEmpoweredThird(jobs);
  let before = 0;
  let after = 0;
  jobs.forEach((j, i) => {
    if (part[i] <= 0) return;
    const h = taskHours(j);
    for (const [t, x] of h.before) if (onerous.has(t)) before += part[i] * x;
    for (const [t, x] of h.after) if (onerous.has(t)) after += part[i] * x;
  });
  return { before, after };
}

/** Hours-weighted desirability (points) of the jobs of the people who were the least-empowered third before, before and after. */
export function desirabilityOfThird(jobs: readonly JobChange[]): BeforeAfter {
  const part = leastEmpoweredThird(jobs);
  const mean = (pick: (j: JobChange) => number | null) => {
    let w = 0;
    let s = 0;
    jobs.forEach((j, i) => {
      const d = pick(j);
      if (part[i] <= 0 || d === null) return;
      w += part[i] * j.hours;
      s += part[i] * j.hours * d;
    });
    return w > 0 ? s / w : null;
  };
  return { before: mean((j) => j.desirabilityBefore), after: mean((j) => j.desirabilityAfter) };
}

/** People whose E is within ±τ of the mean (the hours-weighted mean, the same before and after). */
export function peopleWithinBand(report: ProposalReport): BeforeAfter & { people: number } {
  const mean = report.before.mean;
  const rated = report.jobs.filter((j) => j.hours > 0);
  const count = (pick: (j: JobChange) => number | null) =>
    mean === null ? null : rated.filter((j) => pick(j) !== null && Math.abs(pick(j)! - mean) <= report.tolerance + 1e-9).length;
  return { before: count((j) => j.empowermentBefore), after: count((j) => j.empowermentAfter), people: rated.length };
}

// ── Person cards ────────────────────────────────────────────────────────────────────────────

export interface PersonCard {
  /** Position in report.jobs (names may repeat). */
  index: number;
  job: JobChange;
  training: TrainingRow[];
  /** Hours gained + hours given up: how much the job changes. */
  change: number;
  eChange: number | null;
  dChange: number | null;
}

export type CardSort = 'change' | 'name' | 'empowerment' | 'desirability';

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function personCards(report: ProposalReport, training: readonly TrainingRow[]): PersonCard[] {
  const byPerson = new Map<string, TrainingRow[]>();
  for (const t of training) byPerson.set(t.person, [...(byPerson.get(t.person) ?? []), t]);
  return report.jobs.map((job, index) => ({
    index, job, training: byPerson.get(job.name) ?? [],
    change: sum(job.gained) + sum(job.givenUp),
    eChange: diff(job.empowermentAfter, job.empowermentBefore),
    dChange: diff(job.desirabilityAfter, job.desirabilityBefore),
  }));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Most change first (then by name); by name A–Z; or by the size of the E or D change, largest first (no score last). */
export function sortCards(cards: readonly PersonCard[], by: CardSort): PersonCard[] {
  const name = (a: PersonCard, b: PersonCard) => collator.compare(a.job.name, b.job.name) || a.index - b.index;
  const size = (x: number | null) => (x === null ? -1 : Math.abs(x));
  const cmp: Record<CardSort, (a: PersonCard, b: PersonCard) => number> = {
    change: (a, b) => b.change - a.change || name(a, b),
    name,
    empowerment: (a, b) => size(b.eChange) - size(a.eChange) || name(a, b),
    desirability: (a, b) => size(b.dChange) - size(a.dChange) || name(a, b),
  };
  return [...cards].sort(cmp[by]);
}

/** Every word of `text` in the name, role, department or a task of the job; and in `department` when one is chosen. */
export function filterCards(cards: readonly PersonCard[], text: string, department: string): PersonCard[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return cards.filter((c) => {
    const j = c.job;
    if (department && (j.department ?? '') !== department) return false;
    if (!words.length) return true;
    const hay = [j.name, j.role ?? '', j.department ?? '', ...j.kept.map((t) => t.task), ...j.gained.map((t) => t.task), ...j.givenUp.map((t) => t.task)].join('\n').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The departments of the jobs, sorted, each once. */
export function departmentsOf(jobs: readonly Pick<JobChange, 'department'>[]): string[] {
  return [...new Set(jobs.map((j) => j.department).filter((d): d is string => !!d))].sort(collator.compare);
}

// ── Transfers ───────────────────────────────────────────────────────────────────────────────

export interface TransferRow {
  id: string;
  task: string;
  from: string;
  to: string;
  fromDepartment: string | null;
  toDepartment: string | null;
  hours: number;
}

export function transferRows(report: ProposalReport): TransferRow[] {
  const dept = new Map(report.jobs.map((j) => [j.name, j.department]));
  return report.transfers.map((t, i) => ({ id: String(i), ...t, fromDepartment: dept.get(t.from) ?? null, toDepartment: dept.get(t.to) ?? null }));
}

export interface TransferFilter {
  /** Words matched against the giver's or the taker's name. */
  person: string;
  /** The giver's or the taker's department ('' = any). */
  department: string;
  /** The task's exact name ('' = any). */
  task: string;
}

export function filterTransfers(rows: readonly TransferRow[], f: TransferFilter): TransferRow[] {
  const words = f.person.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) =>
    (!f.task || r.task === f.task)
    && (!f.department || r.fromDepartment === f.department || r.toDepartment === f.department)
    && (!words.length || [r.from, r.to].some((n) => words.every((w) => n.toLowerCase().includes(w)))));
}

export function tasksOf(rows: readonly { task: string }[]): string[] {
  return [...new Set(rows.map((r) => r.task))].sort(collator.compare);
}

// ── Rotation grid ───────────────────────────────────────────────────────────────────────────

export interface RotationRow {
  person: string;
  /** One list per week: the chores (with hours) of that week. */
  weeks: { task: string; hours: number }[][];
  choreHours: number;
  fairShare: number;
  difference: number;
}

/** People down (the order of rotation.perPerson), weeks across. */
export function rotationRows(r: RotationReport): RotationRow[] {
  const rows = r.perPerson.map((p) => ({ person: p.person, weeks: Array.from({ length: r.weeks }, () => [] as { task: string; hours: number }[]), choreHours: p.choreHours, fairShare: p.fairShare, difference: p.difference }));
  const at = new Map(rows.map((row, i) => [row.person, i]));
  for (const s of r.slots) {
    const i = at.get(s.person);
    if (i !== undefined && s.week >= 1 && s.week <= r.weeks) rows[i].weeks[s.week - 1].push({ task: s.task, hours: s.hours });
  }
  return rows;
}

/**
 * Short labels for the chores, unique among them: initials of the words ("Mop and wax floors" →
 * "MWF", small words dropped), lengthened with the next letters of the first word when two collide.
 */
export function choreAbbreviations(tasks: readonly string[]): Map<string, string> {
  const small = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'to', 'for', 'in', 'on', '&']);
  const words = (t: string) => { const w = t.split(/\s+/).filter((x) => x && !small.has(x.toLowerCase())); return w.length ? w : [t]; };
  const initials = (t: string, extra: number) => { const w = words(t); return (w[0].slice(0, 1 + extra) + w.slice(1).map((x) => x[0]).join('')).toUpperCase(); };
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const t of [...new Set(tasks)]) {
    let extra = 0;
    let label = initials(t, extra);
    while (taken.has(label) && extra < t.length) label = initials(t, ++extra);
    if (taken.has(label)) label = `${label}${out.size + 1}`;
    taken.add(label);
    out.set(t, label);
  }
  return out;
}
