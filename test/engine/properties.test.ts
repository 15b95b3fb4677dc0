/**
 * Property tests (DESIGN.md §7) on generated long-layout CSVs: 1–30 people, tasks from a pool,
 * hours in whole or half hours, ratings 1–20 (some tasks unrated), comma / semicolon / tab files
 * with decimal commas where the delimiter allows, names written in varying case and spacing.
 *
 * (a) hours are conserved from rows to people; (b) every E_i and D_i is on the scale and within the
 * range of the ratings of the tasks that person does, and equals the hours-weighted mean of a
 * reference model written from DESIGN.md §1/§4; (c) row order does not matter; (d) scaling every
 * row's hours by k leaves E_i and D_i unchanged.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';
import { auditReport } from './helpers';
import type { Organization, Scale } from '../../renderer/src/engine/model/types';

const EPS = 1e-9;
const RUNS = 80;

const TASK_POOL = [
  'Strategy', 'Canvassing', 'Data entry', 'Bookkeeping', 'Filing', 'Cleaning', 'Fundraising',
  'Phone bank', 'Training', 'Reports', 'Grant writing', 'Mail sorting', 'Press contact', 'Payroll',
];
const FIRST = ['Ana', 'Bo', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo'];
const LAST = ['Lima', 'Chen', 'Diaz'];
/** 30 distinct two-word names. */
const NAMES = LAST.flatMap((l) => FIRST.map((f) => `${f} ${l}`));

interface Row {
  person: number;
  task: number;
  /** Hours in half-hour steps: hours = halves / 2. */
  halves: number;
  /** How the name is written on this row: 0 as is, 1 UPPER, 2 lower, 3 extra inner and outer spaces. */
  variant: number;
}

interface Gen {
  rows: Row[];
  /** Per pool task: E and D points (1–20), or null when the file leaves it unrated. */
  ratings: { e: number | null; d: number | null }[];
  delimiter: ',' | ';' | '\t';
  titleRows: number;
}

const STANDARD: Scale[] = [
  { min: 1, max: 5 },
  { min: 1, max: 10 },
  { min: 1, max: 20 },
  { min: 0, max: 100 },
];

function key(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

function writtenName(name: string, variant: number): string {
  switch (variant) {
    case 1: return name.toUpperCase();
    case 2: return name.toLowerCase();
    case 3: return `  ${name.replace(' ', '   ')} `;
    default: return name;
  }
}

const genArb: fc.Arbitrary<Gen> = fc
  .record({
    nPeople: fc.integer({ min: 1, max: 30 }),
    ratings: fc.array(
      fc.record({
        e: fc.option(fc.integer({ min: 1, max: 20 }), { freq: 6 }),
        d: fc.option(fc.integer({ min: 1, max: 20 }), { freq: 6 }),
      }),
      { minLength: TASK_POOL.length, maxLength: TASK_POOL.length },
    ),
    delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
    titleRows: fc.integer({ min: 0, max: 2 }),
  })
  .chain(({ nPeople, ratings, delimiter, titleRows }) =>
    fc
      .array(
        fc.record({
          person: fc.integer({ min: 0, max: nPeople - 1 }),
          task: fc.integer({ min: 0, max: TASK_POOL.length - 1 }),
          halves: fc.integer({ min: 1, max: 80 }),
          variant: fc.integer({ min: 0, max: 3 }),
        }),
        { minLength: 1, maxLength: 80 },
      )
      .map((rows) => ({ rows, ratings, delimiter, titleRows })),
  );

/** Writes a number as the file's locale would: decimal comma for ';' and tab files. */
function num(n: number, delimiter: string): string {
  const s = String(n);
  return delimiter === ',' ? s : s.replace('.', ',');
}

function toCsv(g: Gen, hoursOf: (r: Row) => number = (r) => r.halves / 2): Uint8Array {
  const d = g.delimiter;
  const q = (s: string) => (d === '\t' ? s : `"${s}"`);
  const lines: string[] = [];
  for (let i = 0; i < g.titleRows; i++) lines.push(i === 0 ? 'Quarterly staff time survey' : '');
  lines.push(['Name', 'Task', 'Hours per week', 'Empowerment', 'Desirability'].join(d));
  for (const r of g.rows) {
    const rating = g.ratings[r.task];
    lines.push([
      q(writtenName(NAMES[r.person], r.variant)),
      TASK_POOL[r.task],
      num(hoursOf(r), d),
      rating.e === null ? '' : String(rating.e),
      rating.d === null ? '' : String(rating.d),
    ].join(d));
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

function importGen(g: Gen, hoursOf?: (r: Row) => number): Organization {
  const result = importOrganization(toCsv(g, hoursOf), g.delimiter === '\t' ? 'gen.tsv' : 'gen.csv');
  if (!result.organization) throw new Error(`import failed: ${result.fatal}`);
  const errors = result.issues.filter((i) => i.severity === 'error' && !/168/.test(i.message));
  if (errors.length) throw new Error(`unexpected error issues: ${errors.map((e) => `${e.column}${e.row} ${e.message}`).join('; ')}`);
  return result.organization;
}

/** Smallest standard scale holding the values (DESIGN.md §4), or null without values. */
function detect(values: number[]): Scale | null {
  if (values.length === 0) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return STANDARD.find((s) => lo >= s.min && hi <= s.max) ?? null;
}

interface Expected {
  scale: Scale;
  /** By person key: hours, and E and D in project points (null without rated hours), and the point ranges of their rated tasks. */
  people: Map<string, { hours: number; e: number | null; d: number | null; eRange: [number, number] | null; dRange: [number, number] | null }>;
  totalHours: number;
}

/** The reference model: DESIGN.md §1 job scores and §4 scales, from the generated rows directly. */
function expected(g: Gen, hoursOf: (r: Row) => number = (r) => r.halves / 2): Expected {
  const used = [...new Set(g.rows.map((r) => r.task))];
  const eScale = detect(used.map((t) => g.ratings[t].e).filter((v): v is number => v !== null)) ?? { min: 1, max: 20 };
  const dScale = detect(used.map((t) => g.ratings[t].d).filter((v): v is number => v !== null));
  const dPoints = (d: number) => eScale.min + ((d - dScale!.min) / (dScale!.max - dScale!.min)) * (eScale.max - eScale.min);
  const acc = new Map<string, { hours: number; eM: number; eH: number; dM: number; dH: number; es: number[]; ds: number[] }>();
  let totalHours = 0;
  for (const r of g.rows) {
    const k = key(NAMES[r.person]);
    const a = acc.get(k) ?? { hours: 0, eM: 0, eH: 0, dM: 0, dH: 0, es: [], ds: [] };
    const h = hoursOf(r);
    totalHours += h;
    a.hours += h;
    const { e, d } = g.ratings[r.task];
    if (e !== null) {
      a.eM += h * e;
      a.eH += h;
      a.es.push(e);
    }
    if (d !== null) {
      a.dM += h * dPoints(d);
      a.dH += h;
      a.ds.push(dPoints(d));
    }
    acc.set(k, a);
  }
  const people = new Map<string, Expected['people'] extends Map<string, infer V> ? V : never>();
  for (const [k, a] of acc) {
    people.set(k, {
      hours: a.hours,
      e: a.eH > 0 ? a.eM / a.eH : null,
      d: a.dH > 0 ? a.dM / a.dH : null,
      eRange: a.es.length ? [Math.min(...a.es), Math.max(...a.es)] : null,
      dRange: a.ds.length ? [Math.min(...a.ds), Math.max(...a.ds)] : null,
    });
  }
  return { scale: eScale, people, totalHours };
}

interface Got {
  hours: number;
  e: number | null;
  d: number | null;
}

/** Per person key: hours and scores in project points, straight from scorePeople (unrounded). */
function got(org: Organization): Map<string, Got> {
  const out = new Map<string, Got>();
  const { min, max } = org.scale;
  for (const s of scorePeople(org)) {
    out.set(key(s.person.name), {
      hours: s.hours,
      e: s.empowerment === null ? null : min + s.empowerment * (max - min),
      d: s.desirability === null ? null : min + s.desirability * (max - min),
    });
  }
  return out;
}

function close(a: number | null, b: number | null, eps = EPS): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= eps * Math.max(1, Math.abs(b));
}

describe('properties of the long-layout import and job scores', () => {
  it('(a) hours are conserved from rows to people', () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const org = importGen(g);
        const exp = expected(g);
        const res = got(org);
        // Same people (identity by trimmed, space-collapsed, case-insensitive name).
        expect([...res.keys()].sort()).toEqual([...exp.people.keys()].sort());
        expect(org.people).toHaveLength(exp.people.size);
        // Σ people hours = Σ row hours; each person's hours = Σ of their rows.
        const sum = [...res.values()].reduce((a, p) => a + p.hours, 0);
        expect(Math.abs(sum - exp.totalHours)).toBeLessThanOrEqual(EPS);
        for (const [k, p] of exp.people) expect(Math.abs(res.get(k)!.hours - p.hours)).toBeLessThanOrEqual(EPS);
        // The assignments are the same hours, person × task, and none is negative or zero.
        expect(Math.abs(org.assignments.reduce((a, x) => a + x.hours, 0) - exp.totalHours)).toBeLessThanOrEqual(EPS);
        for (const a of org.assignments) expect(a.hours).toBeGreaterThan(0);
        // The rounded report agrees (hours are multiples of 0.5, so rounding to 4 decimals is exact).
        const report = auditReport(org, [], { layout: 'long', confidence: 1, sheets: [] }, 'gen.csv', 'csv');
        expect(report.totals.hours).toBe(exp.totalHours);
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) E_i and D_i are within the scale, within the range of the person\'s task ratings, and equal the hours-weighted mean', () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const org = importGen(g);
        const exp = expected(g);
        expect(org.scale).toEqual(exp.scale);
        const { min, max } = org.scale;
        const res = got(org);
        for (const [k, p] of exp.people) {
          const r = res.get(k)!;
          for (const [v, range, want] of [
            [r.e, p.eRange, p.e],
            [r.d, p.dRange, p.d],
          ] as const) {
            if (range === null) {
              expect(v).toBeNull();
              continue;
            }
            expect(v).not.toBeNull();
            expect(v!).toBeGreaterThanOrEqual(min - EPS);
            expect(v!).toBeLessThanOrEqual(max + EPS);
            expect(v!).toBeGreaterThanOrEqual(range[0] - EPS);
            expect(v!).toBeLessThanOrEqual(range[1] + EPS);
            expect(close(v, want), `${k}: got ${v}, reference ${want}`).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) results do not depend on row order', () => {
    const arb = genArb.chain((g) =>
      fc
        .shuffledSubarray(g.rows, { minLength: g.rows.length, maxLength: g.rows.length })
        .map((rows) => [g, { ...g, rows }] as const),
    );
    fc.assert(
      fc.property(arb, ([g, shuffled]) => {
        const a = got(importGen(g));
        const b = got(importGen(shuffled));
        expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
        for (const [k, p] of a) {
          const q = b.get(k)!;
          expect(Math.abs(q.hours - p.hours)).toBeLessThanOrEqual(EPS);
          expect(close(q.e, p.e), `${k} E ${q.e} vs ${p.e}`).toBe(true);
          expect(close(q.d, p.d), `${k} D ${q.d} vs ${p.d}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(d) scaling every row\'s hours by k leaves E_i and D_i unchanged (and scales hours by k)', () => {
    fc.assert(
      fc.property(genArb, fc.constantFrom(0.5, 2, 3, 4, 10), (g, k) => {
        const a = got(importGen(g));
        const b = got(importGen(g, (r) => (r.halves / 2) * k));
        expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
        for (const [name, p] of a) {
          const q = b.get(name)!;
          expect(Math.abs(q.hours - p.hours * k)).toBeLessThanOrEqual(EPS * Math.max(1, p.hours * k));
          expect(close(q.e, p.e), `${name} E ${q.e} vs ${p.e}`).toBe(true);
          expect(close(q.d, p.d), `${name} D ${q.d} vs ${p.d}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
