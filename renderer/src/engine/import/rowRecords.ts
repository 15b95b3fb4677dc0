/** Reading one row's records (a person, a rating, a work amount) and a column's first look, shared by the sheet readers in extract.ts. */
import { ANY_AMOUNT, CONTRACT_HOURS, DESIRABILITY, EMPOWERMENT, FACTOR, HOURLY_PAY, HOURS, PAY, PERSON_FTE, SHARE, TASK_FTE } from './bounds';
import { columnLetter, isBlankRow } from './cells';
import { columnsOf, type RecognizedSheet } from './recognize';
import { cleanName, IssueLog, type PersonRecord, type RatingRecord, type RatingValue, type WorkRecord } from './records';
import { DataRow, totalsLabel, type RowContext } from './sheetRows';

/** Per sheet: what unmarked FTE numbers are divided by (100 under an "FTE %" header holding 80, 100…). */
const fteDivisors = new WeakMap<RecognizedSheet, number>();

/** The person's FTE on this row: "80%" is 0.8, and so is 80 under a header that says %. */
export function fteOf(row: DataRow, ctx: RowContext): number | null {
  const c = row.col('fte');
  if (c === null) return null;
  let divisor = fteDivisors.get(ctx.rec);
  if (divisor === undefined) {
    divisor = /%|percent/i.test(ctx.rec.headerAt.get(c) ?? '') ? shareDivisor(ctx, [c]) : 1;
    fteDivisors.set(ctx.rec, divisor);
  }
  const a = row.amountAt(c, PERSON_FTE);
  return a === null ? null : a.percent ? a.value : a.value / divisor;
}

export function personFromRow(row: DataRow, ctx: RowContext, fromRoster: boolean): PersonRecord {
  const name = row.text('person');
  const role = row.text('role');
  const department = row.text('department');
  return {
    id: row.text('personId'),
    name: name === null ? null : cleanName(name),
    role,
    department,
    ...(role !== null ? { roleLoc: row.loc(row.col('role')) } : {}),
    ...(department !== null ? { departmentLoc: row.loc(row.col('department')) } : {}),
    fte: fteOf(row, ctx),
    contractHours: row.number('contractHours', CONTRACT_HOURS),
    annualPay: row.number('annualPay', PAY),
    hourlyRate: row.number('hourlyRate', HOURLY_PAY),
    qualifications: row.list('qualifications'),
    fromRoster,
    loc: row.loc(row.col('person') ?? row.col('personId')),
  };
}

/** A factor's name: its header, or its column letter when it has none or one no record may hold as a key. */
function factorName(rec: RecognizedSheet, c: number): string {
  const header = rec.headerAt.get(c);
  return header && header !== '__proto__' ? header : columnLetter(c);
}

/** The factors of a sheet without factor columns: shared by every row, so frozen against writes. */
const NO_FACTORS: Record<string, RatingValue> = Object.freeze({});

/** The row's category of work (issue 17), spaces collapsed; its length is checked where tasks are built. */
function categoryOf(row: DataRow): RatingRecord['category'] {
  const t = row.text('category');
  return t === null ? null : { value: cleanName(t), loc: row.loc(row.col('category')) };
}

export function ratingFromRow(row: DataRow, rec: RecognizedSheet, task: string): RatingRecord | null {
  const e = row.col('empowerment');
  const d = row.col('desirability');
  const factorE = columnsOf(rec, 'factorE');
  const factorD = columnsOf(rec, 'factorD');
  const out: RatingRecord = {
    task,
    empowerment: e === null ? null : row.rating(e, EMPOWERMENT),
    desirability: d === null ? null : row.rating(d, DESIRABILITY),
    factorsE: factorE.length ? {} : NO_FACTORS,
    factorsD: factorD.length ? {} : NO_FACTORS,
    requires: row.list('requires'),
    chore: row.flag('chore'),
    category: categoryOf(row),
  };
  let factors = 0;
  for (const c of factorE) {
    const v = row.rating(c, FACTOR);
    if (v) {
      out.factorsE[factorName(rec, c)] = v;
      factors++;
    }
  }
  for (const c of factorD) {
    const v = row.rating(c, FACTOR);
    if (v) {
      out.factorsD[factorName(rec, c)] = v;
      factors++;
    }
  }
  const any = out.empowerment || out.desirability || out.requires.length > 0 || out.chore !== null || out.category !== null || factors > 0;
  return any ? out : null;
}

/** Every readable amount in the given columns below the header, without reporting anything (a first look). */
export function* peekAmounts(ctx: RowContext, cols: readonly number[]): Generator<{ r: number; c: number; value: number; percent: boolean }> {
  const quiet: RowContext = { ...ctx, log: new IssueLog(''), readings: undefined };
  for (let r = ctx.rec.headerRow ?? 0; r < ctx.sheet.rows.length; r++) {
    const row = new DataRow(quiet, r, ctx.sheet.rows[r] ?? []);
    if (totalsLabel(row.cells) !== null || isBlankRow(row.cells)) continue;
    for (const c of cols) {
      const a = row.amountAt(c, ANY_AMOUNT);
      if (a) yield { r, c, ...a };
    }
  }
}

/**
 * Decides for a share-of-time column whether unmarked numbers are fractions or percents:
 * DESIGN.md §4 says shares that are all ≤ 1 are fractions. Returns the divisor for unmarked numbers.
 */
export function shareDivisor(ctx: RowContext, cols: readonly number[]): number {
  let max = 0;
  for (const a of peekAmounts(ctx, cols)) if (!a.percent) max = Math.max(max, a.value);
  return max <= 1 ? 1 : 100;
}

/** Reads one work amount cell (hours, or a share of time) into a WorkRecord unit and value. */
export function readAmount(row: DataRow, c: number, unit: 'hours' | 'percent' | 'fte', divisor: number): { amount: number; unit: WorkRecord['unit'] } | null {
  const what = unit === 'percent' ? SHARE : unit === 'fte' ? TASK_FTE : HOURS;
  const a = row.amountAt(c, what);
  if (!a) return null;
  if (a.percent) return { amount: a.value, unit: 'percent' };
  if (unit === 'percent') return { amount: a.value / divisor, unit };
  return { amount: a.value, unit };
}
