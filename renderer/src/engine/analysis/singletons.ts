/**
 * Roles and departments held by exactly one person: a pseudonymized export that keeps them gives that
 * person away (P-003 is plainly the Executive Director). Finds them, and hides them in an audit report
 * (their role and department cells, and their names in free text, replaced by one "Other" label) so an
 * export can leave them out.
 */
import type { Organization } from '../model/types';
import type { AuditGroup, AuditReport } from './auditReport';
import { scoreGroups, scorePeople, type GroupScore } from './jobScores';
import { readMetrics } from './readings';
import { toPoints } from '../rating/scale';
import { HIDDEN_GROUP } from './hiddenGroup';

export { HIDDEN_GROUP };

export interface Singletons {
  /** Role and department names as first written, each held by exactly one person. */
  roles: string[];
  departments: string[];
}

interface Grouped {
  role: string | null;
  department: string | null;
}

/** Groups as the audit pools them (jobScores.scoreGroups: case-insensitive); people without one are not a group. */
function ofOne(people: readonly Grouped[], key: 'role' | 'department'): string[] {
  const groups = new Map<string, { name: string; people: number }>();
  for (const p of people) {
    const name = p[key];
    if (name === null || name.trim() === '') continue;
    const g = groups.get(name.toLowerCase()) ?? { name, people: 0 };
    g.people++;
    groups.set(name.toLowerCase(), g);
  }
  return [...groups.values()].filter((g) => g.people === 1).map((g) => g.name);
}

export function findSingletons(people: readonly Grouped[]): Singletons {
  return { roles: ofOne(people, 'role'), departments: ofOne(people, 'department') };
}

export function singletonCount(s: Singletons): number {
  return s.roles.length + s.departments.length;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every role and department name people hold, as written: the names a masker must not cut into. */
export function groupNames(people: readonly Grouped[]): string[] {
  return [...new Set(people.flatMap((p) => [p.role, p.department]).filter((n): n is string => n !== null && n.trim() !== ''))];
}

/**
 * Replaces hidden names in free text (issue messages, chart captions, legends, SVG text) with
 * HIDDEN_GROUP. Free text also holds ordinary words and the kept names, so a hidden name is replaced
 * only where it is written exactly (case-sensitive: "a coordinator cluster" is prose, not the role
 * "Coordinator") and only when it is the longest of all `names` (hidden or kept) matching there:
 * hiding "Organizer" leaves "Lead Organizer", a kept role, whole. A name that is both (a hidden role
 * spelled as a kept department) is hidden. Identity when nothing is hidden.
 */
export function textMasker(s: Singletons, names: readonly string[] = []): (text: string) => string {
  const hidden = new Set([...s.roles, ...s.departments].map((n) => n.trim()).filter(Boolean));
  if (hidden.size === 0) return (text) => text;
  // Longest first: a regex alternation takes the first alternative that matches at a position.
  const all = [...new Set([...hidden, ...names.map((n) => n.trim()).filter(Boolean)])].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(pattern, (name) => (hidden.has(name) ? HIDDEN_GROUP : name));
}

function r4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/**
 * The report with the singleton roles and departments hidden: people's roles and departments, the
 * Roles and Departments tables (the hidden ones pooled into one row, scored from the organization so
 * the pooled scores are exact) and the coordinator cluster are masked field by field, the readings
 * read again from the masked cluster, and only the import's messages (free text) go through
 * textMasker. Figures computed over the real groups (Theil between roles) are left as they are:
 * they name no group. `organization` must be the one the report was built from.
 */
export function hideSingletons(report: AuditReport, organization: Organization, s: Singletons): AuditReport {
  if (singletonCount(s) === 0) return report;
  const hidden = { role: new Set(s.roles.map((n) => n.toLowerCase())), department: new Set(s.departments.map((n) => n.toLowerCase())) };
  const mask = (key: 'role' | 'department', name: string | null): string | null => (name !== null && hidden[key].has(name.toLowerCase()) ? HIDDEN_GROUP : name);
  const text = textMasker(s, groupNames(report.people));
  const org: Organization = { ...organization, people: organization.people.map((p) => ({ ...p, role: mask('role', p.role), department: mask('department', p.department) })) };
  const scores = scorePeople(org);
  const group = (g: GroupScore): AuditGroup => ({
    people: g.people, hours: r4(g.hours),
    empowerment: g.empowerment === null ? null : r4(toPoints(g.empowerment, report.scale)),
    desirability: g.desirability === null ? null : r4(toPoints(g.desirability, report.scale)),
  });
  const c = report.metrics.coordinator;
  const members = c.members.map((m) => ({ ...m, role: mask('role', m.role), department: mask('department', m.department) }));
  const count = (key: 'role' | 'department') => {
    const out = new Map<string, { name: string; people: number }>();
    for (const m of members) {
      const name = m[key] ?? '(none)';
      const e = out.get(name.toLowerCase()) ?? { name, people: 0 };
      e.people++;
      out.set(name.toLowerCase(), e);
    }
    return [...out.values()].sort((a, b) => b.people - a.people || a.name.localeCompare(b.name));
  };
  const metrics = { ...report.metrics, coordinator: { ...c, members, roles: count('role'), departments: count('department') } };
  return {
    ...report,
    people: report.people.map((p) => ({ ...p, role: mask('role', p.role), department: mask('department', p.department) })),
    roles: scoreGroups(scores, 'role').map((g) => ({ role: g.name, ...group(g) })),
    departments: scoreGroups(scores, 'department').map((g) => ({ department: g.name, ...group(g) })),
    metrics,
    // Read again from the masked cluster, the only place readings take a role from: no text masking, so
    // "Coordinator cluster" stays when a role "Coordinator" is hidden.
    readings: readMetrics(metrics, report.scale),
    issues: report.issues.map((i) => ({ ...i, message: text(i.message) })),
    hiddenGroups: { roles: s.roles.length, departments: s.departments.length },
  };
}
