/**
 * Job scores (DESIGN.md §1 "Job scores"): each person's hours-weighted mean empowerment and
 * desirability over their rated hours, and the same pooled over roles and departments.
 * Scores here are normalized 0–1; reports convert them to the project scale.
 */
import type { Organization, Person, Task } from '../model/types';

export interface PersonScore {
  person: Person;
  /** Weekly hours on all tasks. */
  hours: number;
  /** Normalized 0–1 mean over hours with an empowerment rating; null when none are rated. */
  empowerment: number | null;
  desirability: number | null;
  /** Σ h·ê over E-rated hours (the person's empowerment mass) and the E-rated hours. */
  empowermentMass: number;
  ratedHoursE: number;
  desirabilityMass: number;
  ratedHoursD: number;
  /** Share (0–1) of hours on tasks with an empowerment rating (any source), and on tasks whose rating is a suggestion. */
  ratedShare: number;
  suggestedShare: number;
  /** Pay per hour: the hourly rate given, else annual ÷ 52 ÷ weekly hours; null without pay. */
  hourlyPay: number | null;
}

export interface GroupScore {
  name: string;
  people: number;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
}

function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

export function hourlyPayOf(person: Person, weeklyHours: number): number | null {
  if (person.hourlyRate !== null) return person.hourlyRate;
  if (person.annualPay === null) return null;
  const hours = weeklyHours > 0 ? weeklyHours : person.contractHours ?? 0;
  return hours > 0 ? person.annualPay / 52 / hours : null;
}

/** Scores every person, in the organization's order. */
export function scorePeople(org: Organization): PersonScore[] {
  const tasks = new Map<string, Task>(org.tasks.map((t) => [t.id, t]));
  const acc = new Map<string, { hours: number; eM: number; eH: number; dM: number; dH: number; rated: number; suggested: number }>();
  for (const p of org.people) acc.set(p.id, { hours: 0, eM: 0, eH: 0, dM: 0, dH: 0, rated: 0, suggested: 0 });
  for (const a of org.assignments) {
    const s = acc.get(a.personId);
    const t = tasks.get(a.taskId);
    if (!s || !t) continue;
    s.hours += a.hours;
    if (t.empowerment !== null) {
      s.eM += a.hours * t.empowerment;
      s.eH += a.hours;
    }
    if (t.desirability !== null) {
      s.dM += a.hours * t.desirability;
      s.dH += a.hours;
    }
    if (t.empowerment !== null) s.rated += a.hours;
    if (t.source === 'suggested') s.suggested += a.hours;
  }
  return org.people.map((person) => {
    const s = acc.get(person.id)!;
    return {
      person,
      hours: s.hours,
      empowerment: ratio(s.eM, s.eH),
      desirability: ratio(s.dM, s.dH),
      empowermentMass: s.eM,
      ratedHoursE: s.eH,
      desirabilityMass: s.dM,
      ratedHoursD: s.dH,
      ratedShare: ratio(s.rated, s.hours) ?? 0,
      suggestedShare: ratio(s.suggested, s.hours) ?? 0,
      hourlyPay: hourlyPayOf(person, s.hours),
    };
  });
}

/** Pools people by role or department: scores are hours-weighted over the group's rated hours. */
export function scoreGroups(scores: PersonScore[], by: 'role' | 'department'): GroupScore[] {
  const groups = new Map<string, { name: string; people: number; hours: number; eM: number; eH: number; dM: number; dH: number }>();
  for (const s of scores) {
    const name = s.person[by] ?? '(none)';
    const key = name.toLowerCase();
    const g = groups.get(key) ?? { name, people: 0, hours: 0, eM: 0, eH: 0, dM: 0, dH: 0 };
    g.people++;
    g.hours += s.hours;
    g.eM += s.empowermentMass;
    g.eH += s.ratedHoursE;
    g.dM += s.desirabilityMass;
    g.dH += s.ratedHoursD;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    name: g.name, people: g.people, hours: g.hours, empowerment: ratio(g.eM, g.eH), desirability: ratio(g.dM, g.dH),
  }));
}

/** Weekly hours per task over all people. */
export function taskHours(org: Organization): Map<string, number> {
  const out = new Map<string, number>(org.tasks.map((t) => [t.id, 0]));
  for (const a of org.assignments) out.set(a.taskId, (out.get(a.taskId) ?? 0) + a.hours);
  return out;
}
