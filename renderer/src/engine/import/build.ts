/**
 * Turns extracted records into an Organization: resolves people, converts shares of time and FTE
 * into weekly hours, merges repeated person × task rows, and checks each person's total hours
 * against 168 h, 100% and their roster FTE (DESIGN.md §3–4). Warns, never normalizes.
 */
import type { Assignment, Organization, Person } from '../model/types';
import { MAX_HOURS, showBound, showNumber } from './bounds';
import { reportGroupVariants } from './groupVariants';
import { reportNearDuplicateTasks } from './nearDuplicates';
import { PeopleRegistry } from './people';
import { nameKey, type Extracted, type IssueLog, type Loc } from './records';
import { rateTasks } from './taskRatings';

/** Hours in a week: more than this per person is impossible. */
const HOURS_PER_WEEK = 168;

interface PersonTally {
  hours: number;
  share: number;
  usedShares: boolean;
  usedHours: boolean;
  loc: Loc;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** FTE used to turn a share of time into hours: the row's, else the roster's, else contracted hours, else 1. */
function fteFor(rowFte: number | null, person: Person, hoursPerFte: number): number {
  if (rowFte !== null) return rowFte;
  if (person.fte !== null) return person.fte;
  if (person.contractHours !== null) return person.contractHours / hoursPerFte;
  return 1;
}

/** Every task name the file mentions, with where: work rows, then rating rows. */
function* taskMentions(ex: Extracted): Generator<{ task: string; loc: Loc }> {
  for (const w of ex.work) yield w;
  for (const r of ex.ratings) {
    const loc = r.empowerment?.loc ?? r.desirability?.loc;
    if (loc) yield { task: r.task, loc };
  }
}

/** Where each role or department name (lower-cased) was first read. */
function firstSeen(ex: Extracted, by: 'department' | 'role'): (key: string) => Loc | null {
  const seen = new Map<string, Loc>();
  for (const rec of ex.people) {
    const name = rec[by];
    const loc = by === 'department' ? rec.departmentLoc : rec.roleLoc;
    if (name !== null && loc && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), loc);
  }
  return (key) => seen.get(key) ?? null;
}

export function buildOrganization(ex: Extracted, log: IssueLog, hoursPerFte: number): Organization {
  const registry = new PeopleRegistry(log, ex.hasRoster);
  for (const rec of ex.people) registry.add(rec);

  // Person → task key → merged row; nested rather than keyed by a joined string, one per row.
  const byPair = new Map<Person, Map<string, { person: Person; taskId: string; hours: number; locked: boolean; loc: Loc }>>();
  const pairs: { person: Person; taskId: string; hours: number; locked: boolean; loc: Loc }[] = [];
  const tally = new Map<Person, PersonTally>();
  for (const w of ex.work) {
    const person = registry.resolve(w.personId, w.personName, w.personLoc);
    if (!person) continue;
    let hours: number;
    if (w.unit === 'hours') hours = w.amount;
    else if (w.unit === 'fte') hours = w.amount * hoursPerFte;
    else hours = w.amount * fteFor(w.rowFte, person, hoursPerFte) * hoursPerFte;
    // Each amount is bounded where it is read, but a share times an FTE can still come to absurd hours.
    if (!(hours < MAX_HOURS)) {
      log.add('error', `"${person.name}" comes to ${showNumber(hours)} hours a week on "${w.task}" here, beyond any real organization (the limit is ${showBound(MAX_HOURS)}); these hours are not counted`, w.loc, [person.name]);
      continue;
    }
    let t = tally.get(person);
    if (!t) tally.set(person, (t = { hours: 0, share: 0, usedShares: false, usedHours: false, loc: w.loc }));
    t.hours += hours;
    if (w.unit === 'percent') {
      t.share += w.amount;
      t.usedShares = true;
    } else t.usedHours = true;
    if (hours === 0) continue;
    const taskId = nameKey(w.task);
    let ofPerson = byPair.get(person);
    if (!ofPerson) byPair.set(person, (ofPerson = new Map()));
    const prev = ofPerson.get(taskId);
    if (prev) {
      log.add('warning', `"${person.name}" has "${w.task}" on more than one row (also ${prev.loc.sheet} row ${prev.loc.row}); the hours are added`, w.loc, [person.name]);
      prev.hours += hours;
      prev.locked ||= w.locked;
    } else {
      const pair = { person, taskId, hours, locked: w.locked, loc: w.loc };
      ofPerson.set(taskId, pair);
      pairs.push(pair);
    }
  }

  const rated = rateTasks(ex.work.map((w) => w.task), ex.ratings, log);
  reportNearDuplicateTasks(taskMentions(ex), log);
  const { people, locOf } = registry.finish();
  for (const by of ['department', 'role'] as const) reportGroupVariants(people, by, firstSeen(ex, by), log);

  const excluded = new Set<Person>();
  for (const p of people) {
    const t = tally.get(p);
    const where = t?.loc ?? locOf.get(p) ?? null;
    if (!t || t.hours === 0) {
      log.add('warning', `"${p.name}" has no task hours`, locOf.get(p) ?? null, [p.name]);
      continue;
    }
    if (t.hours >= MAX_HOURS) {
      // Never passed on: such totals overflow the metrics' sums and stall the solver.
      log.add('error', `"${p.name}" has ${showNumber(t.hours)} hours a week in all, beyond any real organization (the limit is ${showBound(MAX_HOURS)}); none of their hours are counted`, where, [p.name]);
      excluded.add(p);
      continue;
    }
    if (t.hours > HOURS_PER_WEEK) {
      log.add('error', `"${p.name}" has ${fmt(t.hours)} hours a week, more than the ${HOURS_PER_WEEK} in a week; counted as given, so check the file`, where, [p.name]);
    }
    if (t.usedShares && Math.abs(t.share - 1) > 0.005) {
      log.add('warning', `"${p.name}"'s shares of time add up to ${fmt(t.share * 100)}%, not 100% (kept as given)`, where, [p.name]);
    }
    const expected = p.contractHours ?? (p.fte !== null ? p.fte * hoursPerFte : null);
    if (expected !== null && t.usedHours && !t.usedShares && Math.abs(t.hours - expected) > Math.max(0.5, expected * 0.05)) {
      const basis = p.contractHours !== null ? `${fmt(expected)} contracted hours` : `FTE ${fmt(p.fte!)} = ${fmt(expected)} h`;
      log.add('warning', `"${p.name}"'s task hours total ${fmt(t.hours)} h but the roster says ${basis}`, where, [p.name]);
    }
  }

  const assignments: Assignment[] = pairs.filter((a) => !excluded.has(a.person)).map((a) => ({ personId: a.person.id, taskId: a.taskId, hours: a.hours, locked: a.locked }));
  return { people, tasks: [...rated.tasks.values()], assignments, scale: rated.scale, hoursPerFte };
}
