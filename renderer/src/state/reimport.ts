/**
 * Re-importing an updated spreadsheet into an existing project: the members' ratings carry over
 * to tasks of the same name, and the changes (people added or removed, hours changed) are listed.
 */
import type { Organization } from '../engine/model/types';
import type { RatingOverride } from '../engine/formats/projectFile';

export interface ChangeSummary {
  added: string[];
  removed: string[];
  hoursChanged: { name: string; before: number; after: number }[];
  ratingsKept: number;
}

function hoursByPerson(org: Organization): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of org.assignments) m.set(a.personId, (m.get(a.personId) ?? 0) + a.hours);
  return m;
}

/** Applies members' ratings (by task id) to an organization; returns it and how many applied. */
export function applyOverrides(org: Organization, overrides: Record<string, RatingOverride> | undefined): { organization: Organization; applied: number } {
  if (!overrides) return { organization: org, applied: 0 };
  let applied = 0;
  const tasks = org.tasks.map((t) => {
    const o = overrides[t.id];
    if (!o) return t;
    applied++;
    return {
      ...t,
      empowerment: o.empowerment ?? t.empowerment,
      desirability: o.desirability ?? t.desirability,
      source: 'members' as const,
      reason: 'Rated by the members in Fairshare',
    };
  });
  return { organization: { ...org, tasks }, applied };
}

export function compareOrganizations(before: Organization, after: Organization, ratingsKept: number): ChangeSummary {
  const b = new Map(before.people.map((p) => [p.id, p]));
  const a = new Map(after.people.map((p) => [p.id, p]));
  const hb = hoursByPerson(before);
  const ha = hoursByPerson(after);
  const hoursChanged: ChangeSummary['hoursChanged'] = [];
  for (const [id, p] of a) {
    if (!b.has(id)) continue;
    const x = hb.get(id) ?? 0;
    const y = ha.get(id) ?? 0;
    if (Math.abs(x - y) > 0.005) hoursChanged.push({ name: p.name, before: x, after: y });
  }
  return {
    added: [...a.values()].filter((p) => !b.has(p.id)).map((p) => p.name),
    removed: [...b.values()].filter((p) => !a.has(p.id)).map((p) => p.name),
    hoursChanged,
    ratingsKept,
  };
}
