/**
 * The proposal as one plain object (DESIGN.md §4 `propose --json`): names instead of IDs, hours
 * moved, allocation, transfers, each person's job before and after, key metrics before and after,
 * the options curve and, when the tolerance cannot be met, the diagnosis. Hours are printed as
 * computed, never rounded, so every total adds up to the input's (scores and indices keep 4 decimals).
 */
import type { Organization } from '../model/types';
import { scorePeople } from '../analysis/jobScores';
import { computeMetrics, type Metrics } from '../analysis/metrics';
import { toPoints } from '../rating/scale';
import { hoursMap, withAllocation } from '../model/hours';
import type { Diagnosis, OptionPoint, Proposal } from './types';
import type { QualificationNotice, TrainingRow } from './planCare';
import type { RotationReport } from '../rotation/rotationReport';
import type { LearningCostPoint } from './learningCost';

export interface JobChange {
  name: string;
  role: string | null;
  department: string | null;
  hours: number;
  empowermentBefore: number | null;
  empowermentAfter: number | null;
  desirabilityBefore: number | null;
  desirabilityAfter: number | null;
  /** Task → hours: kept (min of before and after), gained, given up. */
  kept: { task: string; hours: number }[];
  gained: { task: string; hours: number }[];
  givenUp: { task: string; hours: number }[];
  /** Tasks the person takes on that they did not do before. */
  newTasks: number;
}

export interface MetricsSnapshot {
  mean: number | null;
  /** Absolute Gini of empowerment in points of the project scale (independent of where the scale starts). */
  absoluteGini: number;
  /** Relative Gini, measured from the bottom of the scale. */
  gini: number;
  hoover: number;
  top20Share: number;
  withinTolerance: number;
  coordinatorPeople: number;
  desirabilityAbsoluteGini: number;
  desirabilityGini: number;
}

export interface ProposalReport {
  file: string;
  scale: { min: number; max: number };
  tolerance: number;
  desirability: boolean;
  granularity: number;
  status: Proposal['status'];
  /** One sentence on an 'invalid-input', 'time-limit' or 'solver-failed' status; null otherwise. */
  statusMessage: string | null;
  movedHours: number;
  /** Hours moved on tasks whose ratings are suggestions. */
  movedOnSuggested: number;
  /** Whether the changes were rounded to `granularity`, and what rounding did or why not. */
  rounded: boolean;
  roundingNote: string;
  totalHours: number;
  allocation: { person: string; task: string; hours: number }[];
  transfers: { task: string; from: string; to: string; hours: number }[];
  jobs: JobChange[];
  before: MetricsSnapshot;
  after: MetricsSnapshot;
  options: OptionPoint[];
  /** Why `options` is empty although the curve was asked for (a main solve too slow to repeat); null otherwise. */
  optionsNote?: string | null;
  diagnosis: Diagnosis | null;
  roundingViolations: { person: string; empowerment: number; desirability: number | null }[];
  frozenTasks: string[];
  model: Proposal['model'];
  /** What carrying the plan out takes (planCare.ts); set by the host that made the plan. */
  training?: TrainingRow[];
  trainingHours?: number;
  qualifications?: QualificationNotice | null;
  /** The chore rotation, when chores rotate (rotation/rotationReport.ts). */
  rotation?: RotationReport | null;
  /** The exact LP minimum of hours moved (the yardstick) and the plan's hours moved against it (moved ÷ bound − 1). */
  bound?: number | null;
  gap?: number | null;
  /** The plan in whole blocks, when one was made (carryOut.ts): its rules, and who is over K or out of band. */
  blocks?: {
    status: string; granularity: number; minBlock: number; maxNewTasks: number;
    /** Transfers under the minimum block that no pairing of givers and takers could avoid. */
    shortTransfers: number;
    overNewTasks: { person: string; newTasks: number; message: string }[];
    outOfBand: { person: string; dimension: string; score: number; mean: number; excess: number; fix: string; neededTolerance: number; message: string }[];
    /**
     * With chores rotating, the cells whose change is not whole blocks: the part of a person's rotation
     * share that is not (`share`), or that part passed between two tasks (`carried`); hours a week.
     */
    remainders: { person: string; task: string; change: number; nonBlock: number; why: 'share' | 'carried' }[];
  } | null;
  /** The learning-cost trade-off (learningCost.ts): the exact plan at λ = 0, 1, 2; set by the host when the exact plan is optimal. */
  learningCost?: LearningCostPoint[];
  /** Names of the tasks the audit counts as onerous (normalized desirability in the bottom third), for "onerous hours" figures. */
  lowDesirabilityTasks?: string[];
  /** The choices the plan was made with. */
  flags?: { tolerance: number; dimensions: string; granularity: number; minBlock: number; maxNewTasks: number; qualifyFromCurrent: boolean; chores: string[]; rotationWeeks: number | null };
}

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;

function snapshot(m: Metrics): MetricsSnapshot {
  return {
    mean: m.empowerment.mean === null ? null : r4(m.empowerment.mean),
    absoluteGini: r4(m.empowerment.absoluteGini),
    gini: r4(m.empowerment.gini),
    hoover: r4(m.empowerment.hoover),
    top20Share: r4(m.empowerment.top20Share),
    withinTolerance: r4(m.empowerment.withinTolerance),
    coordinatorPeople: m.coordinator.members.length,
    desirabilityAbsoluteGini: r4(m.desirability.absoluteGini),
    desirabilityGini: r4(m.desirability.gini),
  };
}

export function buildProposalReport(org: Organization, proposal: Proposal, file: string, granularity: number): ProposalReport {
  const person = new Map(org.people.map((p) => [p.id, p]));
  const task = new Map(org.tasks.map((t) => [t.id, t]));
  const pname = (id: string) => person.get(id)?.name ?? id;
  const tname = (id: string) => task.get(id)?.name ?? id;
  const proposed = withAllocation(org, hoursMap(proposal.allocation));
  const before = scorePeople(org);
  const after = scorePeople(proposed);
  const afterById = new Map(after.map((s) => [s.person.id, s]));
  const pts = (x: number | null) => (x === null ? null : r4(toPoints(x, org.scale)));

  const cur = new Map<string, Map<string, number>>();
  for (const a of org.assignments) {
    const m = cur.get(a.personId) ?? new Map<string, number>();
    m.set(a.taskId, (m.get(a.taskId) ?? 0) + a.hours);
    cur.set(a.personId, m);
  }
  const next = hoursMap(proposal.allocation);
  const jobs: JobChange[] = before.map((b) => {
    const was = cur.get(b.person.id) ?? new Map<string, number>();
    const now = next.get(b.person.id) ?? new Map<string, number>();
    let newTasks = 0;
    const kept: JobChange['kept'] = [];
    const gained: JobChange['gained'] = [];
    const givenUp: JobChange['givenUp'] = [];
    for (const t of new Set([...was.keys(), ...now.keys()])) {
      const w = was.get(t) ?? 0;
      const n = now.get(t) ?? 0;
      if (Math.min(w, n) > 1e-6) kept.push({ task: tname(t), hours: Math.min(w, n) });
      if (n - w > 1e-6) gained.push({ task: tname(t), hours: n - w });
      if (w <= 1e-9 && n > 1e-6) newTasks++;
      if (w - n > 1e-6) givenUp.push({ task: tname(t), hours: w - n });
    }
    const a = afterById.get(b.person.id);
    return {
      name: b.person.name, role: b.person.role, department: b.person.department, hours: b.hours,
      empowermentBefore: pts(b.empowerment), empowermentAfter: pts(a?.empowerment ?? null),
      desirabilityBefore: pts(b.desirability), desirabilityAfter: pts(a?.desirability ?? null),
      kept, gained, givenUp, newTasks,
    };
  });
  return {
    file,
    scale: org.scale,
    tolerance: r4(proposal.tolerance),
    desirability: proposal.desirability,
    granularity,
    status: proposal.status,
    statusMessage: proposal.statusMessage,
    movedHours: proposal.movedHours,
    movedOnSuggested: proposal.movedOnSuggested,
    rounded: proposal.rounded,
    roundingNote: proposal.roundingNote,
    totalHours: before.reduce((s, b) => s + b.hours, 0),
    allocation: proposal.allocation.map((a) => ({ person: pname(a.personId), task: tname(a.taskId), hours: a.hours })),
    transfers: proposal.transfers.map((t) => ({ task: tname(t.taskId), from: pname(t.fromId), to: pname(t.toId), hours: t.hours })),
    jobs,
    before: snapshot(computeMetrics(org, before, proposal.tolerance)),
    after: snapshot(computeMetrics(proposed, after, proposal.tolerance)),
    options: proposal.options,
    optionsNote: proposal.optionsNote ?? null,
    diagnosis: proposal.diagnosis,
    roundingViolations: proposal.roundingViolations.map((v) => ({ person: pname(v.personId), empowerment: r4(v.empowerment), desirability: v.desirability === null ? null : r4(v.desirability) })),
    frozenTasks: proposal.frozenTaskIds.map(tname),
    model: proposal.model,
  };
}
