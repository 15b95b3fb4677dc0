/**
 * Identity of people across sheets (DESIGN.md §4): an ID column wins when present, otherwise
 * names compared trimmed, space-collapsed and case-insensitively. Conflicting facts about one
 * person are error issues; the first value is kept.
 */
import type { Person } from '../model/types';
import { nameKey, type IssueLog, type Loc, type PersonRecord } from './records';

interface Entry {
  person: Person;
  loc: Loc;
  ids: Set<string>;
  /** The first ID as written, kept for display and as the stable key. */
  firstId: string | null;
}

const FACTS = [
  ['role', 'role'],
  ['department', 'department'],
  ['fte', 'FTE'],
  ['contractHours', 'contracted hours'],
  ['annualPay', 'pay'],
  ['hourlyRate', 'hourly pay'],
] as const;

function where(loc: Loc): string {
  return `${loc.sheet} row ${loc.row}`;
}

export class PeopleRegistry {
  private readonly byId = new Map<string, Entry>();
  private readonly byName = new Map<string, Entry>();
  private readonly entries: Entry[] = [];
  /** Unknown-person reports already made, so a matrix column is reported once. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly log: IssueLog,
    private readonly hasRoster: boolean,
  ) {}

  private find(id: string | null, name: string | null): Entry | undefined {
    if (id !== null) {
      const hit = this.byId.get(id.toLowerCase());
      if (hit) return hit;
      // A name already seen without an ID is the same person; with another ID it is not.
      const byName = name === null ? undefined : this.byName.get(nameKey(name));
      return byName && byName.ids.size === 0 ? byName : undefined;
    }
    return name === null ? undefined : this.byName.get(nameKey(name));
  }

  private create(rec: PersonRecord): Entry {
    const name = rec.name ?? rec.id ?? '?';
    const entry: Entry = {
      person: {
        id: '', name, role: rec.role, department: rec.department, fte: rec.fte, contractHours: rec.contractHours,
        annualPay: rec.annualPay, hourlyRate: rec.hourlyRate, qualifications: [...rec.qualifications],
      },
      loc: rec.loc,
      ids: new Set(),
      firstId: null,
    };
    this.entries.push(entry);
    this.index(entry, rec);
    return entry;
  }

  private index(entry: Entry, rec: PersonRecord): void {
    if (rec.id !== null && !entry.ids.has(rec.id.toLowerCase())) {
      entry.firstId ??= rec.id;
      entry.ids.add(rec.id.toLowerCase());
      this.byId.set(rec.id.toLowerCase(), entry);
    }
    if (rec.name !== null && !this.byName.has(nameKey(rec.name))) this.byName.set(nameKey(rec.name), entry);
  }

  private merge(entry: Entry, rec: PersonRecord): void {
    const p = entry.person;
    if (rec.name !== null && nameKey(rec.name) !== nameKey(p.name) && rec.id !== null && entry.ids.has(rec.id.toLowerCase())) {
      this.log.add('warning', `ID ${rec.id} is "${p.name}" in ${where(entry.loc)} but "${rec.name}" here; treated as one person`, rec.loc, [p.name, rec.name]);
    }
    for (const [key, label] of FACTS) {
      const next = rec[key];
      if (next === null) continue;
      const cur = p[key];
      if (cur === null) {
        (p as unknown as Record<string, unknown>)[key] = next;
      } else if (typeof cur === 'string' ? nameKey(cur) !== nameKey(String(next)) : Math.abs((cur as number) - (next as number)) > 1e-9) {
        this.log.add('error', `"${p.name}" has conflicting ${label}: "${cur}" in ${where(entry.loc)} but "${next}" here; the first is kept`, rec.loc, [p.name]);
      }
    }
    for (const q of rec.qualifications) if (!p.qualifications.includes(q)) p.qualifications.push(q);
    if (p.name === rec.id && rec.name !== null) p.name = rec.name;
    this.index(entry, rec);
  }

  /**
   * Adds or merges a person record. With a roster, records from other sheets only add facts to
   * people the roster names; unknown people are left to resolve(), which reports their hours.
   */
  add(rec: PersonRecord): void {
    const hit = this.find(rec.id, rec.name);
    if (hit) this.merge(hit, rec);
    else if (!this.hasRoster || rec.fromRoster) this.create(rec);
  }

  /**
   * The person a work row names. With a roster, an unknown name is an error and null is returned
   * (a misspelt name must not become a phantom colleague); without one, the person is created.
   */
  resolve(id: string | null, name: string | null, loc: Loc): Person | null {
    const hit = this.find(id, name);
    if (hit) return hit.person;
    if (this.hasRoster) {
      const label = name ?? `ID ${id}`;
      const key = `${label}\u0000${loc.sheet}\u0000${loc.row}\u0000${loc.column}`;
      if (this.reported.has(key)) return null;
      this.reported.add(key);
      this.log.add('error', `"${label}" is not in the roster; these hours are not counted (check the spelling or add them to the roster)`, loc, [label]);
      return null;
    }
    return this.create({ id, name, role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [], fromRoster: false, loc }).person;
  }

  /** Every person in first-seen order, with final stable IDs (roster ID, else normalized name). */
  finish(): { people: Person[]; locOf: Map<Person, Loc> } {
    const used = new Set<string>();
    const locOf = new Map<Person, Loc>();
    for (const e of this.entries) {
      const base = e.firstId ?? `name:${nameKey(e.person.name)}`;
      let id = base;
      for (let k = 2; used.has(id); k++) id = `${base}#${k}`;
      used.add(id);
      e.person.id = id;
      locOf.set(e.person, e.loc);
    }
    return { people: this.entries.map((e) => e.person), locOf };
  }
}
