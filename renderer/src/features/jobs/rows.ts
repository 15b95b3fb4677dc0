/**
 * The Jobs view's rows: the project's people (the live organization, so ids and new edits are
 * current) with their scores from the audit report, matched by position (report.people is in
 * organization order; names may be pseudonyms there).
 */
import type { AuditReport } from '../../engine/analysis/auditReport';
import type { Organization } from '../../engine/model/types';

export interface PersonRow {
  id: string;
  /** As the report shows it (a pseudonym when pseudonymizing). */
  name: string;
  role: string | null;
  department: string | null;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
  pay: number | null;
  hourlyPay: number | null;
  suggestedShare: number;
  /** Lower-cased name, role and department for the text filter. */
  search: string;
}

export function personRows(org: Organization, report: AuditReport | null): PersonRow[] {
  const matched = report !== null && report.people.length === org.people.length;
  return org.people.map((p, i) => {
    const r = matched ? report.people[i] : undefined;
    const name = r?.name ?? p.name;
    return {
      id: p.id,
      name,
      role: p.role,
      department: p.department,
      hours: r?.hours ?? 0,
      empowerment: r?.empowerment ?? null,
      desirability: r?.desirability ?? null,
      pay: r?.pay ?? p.annualPay,
      hourlyPay: r?.hourlyPay ?? null,
      suggestedShare: r?.suggestedShare ?? 0,
      search: `${name}\u0000${p.role ?? ''}\u0000${p.department ?? ''}`.toLowerCase(),
    };
  });
}

/** Rows whose name, role or department contains every word of the filter, in the department chosen. */
export function filterPeople(rows: PersonRow[], filter: string, department: string): PersonRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const dept = department.toLowerCase();
  if (!words.length && !dept) return rows;
  return rows.filter((r) => (!dept || (r.department ?? '').toLowerCase() === dept) && words.every((w) => r.search.includes(w)));
}

/** Departments (or roles) of the organization, sorted, without duplicates (case-insensitive, as the audit groups them). */
export function departmentsOf(org: Organization, by: 'department' | 'role' = 'department'): string[] {
  const seen = new Map<string, string>();
  for (const p of org.people) {
    const name = p[by];
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Roles of the organization, sorted, without duplicates (case-insensitive). */
export function rolesOf(org: Organization): string[] {
  return departmentsOf(org, 'role');
}
