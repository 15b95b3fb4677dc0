/**
 * The audit as one plain object (DESIGN.md §4 `audit --json`): people, roles, departments and
 * tasks with scores on the project scale, plus the import's issues and layout. Shared by the CLI
 * and the app's exports.
 */
import type { ImportIssue, Organization, RatingSource, Scale } from '../model/types';
import type { LayoutReport } from '../import/types';
import { toPoints } from '../rating/scale';
import { scoreGroups, scorePeople, taskHours, type GroupScore } from './jobScores';
import { computeMetrics, defaultTolerance, type Metrics } from './metrics';
import { readMetrics, type Reading } from './readings';
import { pseudonymizer } from './pseudonymize';

export interface AuditPerson {
  name: string;
  /** The organization of origin, in a merger's audit (issue 16); absent otherwise. */
  organization?: string;
  role: string | null;
  department: string | null;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
  ratedShare: number;
  suggestedShare: number;
  pay: number | null;
  hourlyPay: number | null;
}

export interface AuditGroup {
  people: number;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
}

export interface AuditTask {
  name: string;
  hours: number;
  people: number;
  empowerment: number | null;
  desirability: number | null;
  source: RatingSource;
  reason: string | null;
  /** Factor ratings on the project scale, by factor name (DESIGN.md §1); empty when the task has none. */
  empowermentFactors: Record<string, number>;
  desirabilityFactors: Record<string, number>;
}

export interface AuditReport {
  file: string;
  format: string;
  layout: LayoutReport;
  scale: Scale;
  hoursPerFte: number;
  totals: { people: number; hours: number; tasks: number; unratedTasks: number };
  people: AuditPerson[];
  roles: (AuditGroup & { role: string })[];
  departments: (AuditGroup & { department: string })[];
  tasks: AuditTask[];
  metrics: Metrics;
  readings: Reading[];
  issues: ImportIssue[];
  pseudonymized: boolean;
  /** Roles and departments of one person hidden for an export (analysis/singletons.ts); absent when none were. */
  hiddenGroups?: { roles: number; departments: number };
}

export interface AuditInput {
  organization: Organization;
  issues: ImportIssue[];
  layout: LayoutReport;
  file: string;
  format: string;
}

export interface AuditOptions {
  /** τ in points of the project scale; default 5% of its range. */
  tolerance?: number;
  /** Replace names with stable codes (P-014); roles and departments are kept. */
  pseudonymize?: boolean;
}

/** Rounds for output: 4 decimals keeps 0.01-point accuracy with room to spare. */
function r4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function points(n: number | null, scale: Scale): number | null {
  return n === null ? null : r4(toPoints(n, scale));
}

function factorPoints(factors: Record<string, number>, scale: Scale): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(factors)) out[name] = r4(toPoints(value, scale));
  return out;
}

function group(g: GroupScore, scale: Scale): AuditGroup {
  return { people: g.people, hours: r4(g.hours), empowerment: points(g.empowerment, scale), desirability: points(g.desirability, scale) };
}

export function buildAuditReport(input: AuditInput, options: AuditOptions = {}): AuditReport {
  const { organization: org, layout, file, format } = input;
  const { scale } = org;
  const tolerance = options.tolerance ?? defaultTolerance(scale);
  const scores = scorePeople(org);
  const metrics = computeMetrics(org, scores, tolerance);
  const hoursByTask = taskHours(org);
  const peopleByTask = new Map<string, number>();
  for (const a of org.assignments) peopleByTask.set(a.taskId, (peopleByTask.get(a.taskId) ?? 0) + 1);
  const alias = options.pseudonymize ? pseudonymizer(org.people.map((p) => p.name), input.issues.flatMap((i) => i.people ?? [])) : null;
  const name = (n: string): string => alias?.name(n) ?? n;
  const issues = alias ? input.issues.map(({ people: _people, ...i }) => ({ ...i, message: alias.text(i.message) })) : input.issues;
  if (alias) {
    const c = metrics.coordinator;
    c.members = c.members.map((m) => ({ ...m, name: name(m.name) }));
    c.levels = c.levels.map((l) => ({ ...l, names: l.names.map(name) }));
    if (c.largestBreak) c.largestBreak = { ...c.largestBreak, lowestAbove: name(c.largestBreak.lowestAbove), highestBelow: name(c.largestBreak.highestBelow) };
  }
  // Matrix layouts name people in column headers.
  const shownLayout = alias
    ? { ...layout, sheets: layout.sheets.map((s) => ({ ...s, columns: s.columns.map((c) => ({ ...c, header: c.field === 'personColumn' ? name(c.header) : c.header })) })) }
    : layout;
  return {
    file,
    format,
    layout: shownLayout,
    scale,
    hoursPerFte: org.hoursPerFte,
    totals: {
      people: org.people.length,
      hours: r4(scores.reduce((a, s) => a + s.hours, 0)),
      tasks: org.tasks.length,
      unratedTasks: org.tasks.filter((t) => t.source === 'unrated').length,
    },
    people: scores.map((s) => ({
      name: name(s.person.name),
      ...(s.person.organization !== undefined ? { organization: s.person.organization } : {}),
      role: s.person.role,
      department: s.person.department,
      hours: r4(s.hours),
      empowerment: points(s.empowerment, scale),
      desirability: points(s.desirability, scale),
      ratedShare: r4(s.ratedShare),
      suggestedShare: r4(s.suggestedShare),
      pay: s.person.annualPay,
      hourlyPay: s.hourlyPay === null ? null : r4(s.hourlyPay),
    })),
    roles: scoreGroups(scores, 'role').map((g) => ({ role: g.name, ...group(g, scale) })),
    departments: scoreGroups(scores, 'department').map((g) => ({ department: g.name, ...group(g, scale) })),
    tasks: org.tasks.map((t) => ({
      name: t.name,
      hours: r4(hoursByTask.get(t.id) ?? 0),
      people: peopleByTask.get(t.id) ?? 0,
      empowerment: points(t.empowerment, scale),
      desirability: points(t.desirability, scale),
      source: t.source,
      reason: t.reason,
      empowermentFactors: factorPoints(t.empowermentFactors, scale),
      desirabilityFactors: factorPoints(t.desirabilityFactors, scale),
    })),
    metrics,
    readings: readMetrics(metrics, scale),
    issues,
    pseudonymized: alias !== null,
  };
}
