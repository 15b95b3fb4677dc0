/**
 * Walks the data rows of a recognized sheet: skips blank rows, reports totals and note rows
 * (never dropping them silently), and reads typed values out of mapped columns.
 */
import type { Cell, RawSheet } from '../formats/readWorkbook';
import { belongs, showBound, showNumber, type Quantity } from './bounds';
import { cellText, columnLetter, isBlank, isBlankRow, isNonFiniteText, parseFlag, parseList, parseNumber } from './cells';
import { isTotalLabel, scaleHint } from './headers';
import { columnsOf, type RecognizedSheet } from './recognize';
import { isPlainNumberText, shownAmount, type QuietReadings } from './quietReadings';
import type { IssueLog, Loc, RatingValue } from './records';
import type { FieldName } from './types';
import type { Scale } from '../model/types';

/** What a missing list column reads as: shared by every row, so frozen against accidental pushes. */
const NO_ITEMS = Object.freeze([]) as unknown as string[];

/** Scale hints by header, per sheet: a long sheet asks for the same two headers on every row. */
const hintCache = new WeakMap<RecognizedSheet, Map<number, Scale | null>>();

function headerHint(rec: RecognizedSheet, c: number): Scale | null {
  let hints = hintCache.get(rec);
  if (!hints) hintCache.set(rec, (hints = new Map()));
  let hint = hints.get(c);
  if (hint === undefined) hints.set(c, (hint = scaleHint(rec.headerAt.get(c) ?? '')));
  return hint;
}

export interface RowContext {
  sheet: RawSheet;
  rec: RecognizedSheet;
  log: IssueLog;
  decimalComma: boolean;
  /** Where amounts read from text that is not a plain number are noted; absent for a first look. */
  readings?: QuietReadings;
}

/** A data row with helpers to read its mapped columns. */
export class DataRow {
  constructor(
    private readonly ctx: RowContext,
    readonly index: number,
    readonly cells: Cell[],
  ) {}

  /** 1-based row number as a spreadsheet shows it. */
  get rowNumber(): number {
    return this.index + 1;
  }

  loc(col: number | null): Loc {
    return { sheet: this.ctx.sheet.name, row: this.rowNumber, column: col === null ? null : columnLetter(col) };
  }

  col(field: FieldName): number | null {
    return columnsOf(this.ctx.rec, field)[0] ?? null;
  }

  text(field: FieldName): string | null {
    const c = this.col(field);
    if (c === null) return null;
    const t = cellText(this.cells[c]);
    return t === '' ? null : t;
  }

  /**
   * A non-negative number from a mapped column; null when blank. Text, negatives, non-finite
   * and absurdly large values become error issues saying what the column should hold and what
   * was done instead, and also return null: such a value is never used.
   */
  number(field: FieldName, what: Quantity): number | null {
    const c = this.col(field);
    if (c === null) return null;
    return this.numberAt(c, what);
  }

  numberAt(c: number, what: Quantity): number | null {
    const cell = this.cells[c];
    // Most cells are plain numbers: no parse and no allocation per cell.
    if (typeof cell === 'number' && cell >= 0 && cell < what.max) return cell;
    return this.amountAt(c, what)?.value ?? null;
  }

  /** Like numberAt, but says whether the cell carried a % sign (then value is a fraction: 25% → 0.25). */
  amountAt(c: number, what: Quantity): { value: number; percent: boolean } | null {
    const cell = this.cells[c];
    if (isBlank(cell)) return null;
    const parsed = parseNumber(cell, this.ctx.decimalComma);
    if (!parsed) {
      const shown = cellText(cell).slice(0, 60);
      const message = isNonFiniteText(cell)
        ? `Not a finite number ("${shown}") where ${belongs(what)}; ${what.dropped}`
        : `Text "${shown}" where ${belongs(what)}; ${what.dropped}`;
      this.ctx.log.add('error', message, this.loc(c));
      return null;
    }
    if (parsed.value < 0) {
      this.ctx.log.add('error', `Negative number ${showNumber(parsed.value)} where ${belongs(what)}; ${what.dropped}`, this.loc(c));
      return null;
    }
    if (parsed.value >= what.max) {
      const shown = parsed.percent ? `${showNumber(parsed.value * 100)}%` : showNumber(parsed.value);
      this.ctx.log.add('error', `${shown} is too large to be ${what.noun} in any real organization (the limit is ${showBound(what.max)}); ${what.dropped}`, this.loc(c));
      return null;
    }
    if (what.words && this.ctx.readings && typeof cell === 'string' && !isPlainNumberText(cell, this.ctx.decimalComma, parsed.percent)) {
      this.ctx.readings.add(this.loc(c), this.ctx.rec.headerAt.get(c) ?? '', cellText(cell), shownAmount(parsed.value, parsed.percent, what.words.unit));
    }
    return parsed;
  }

  /** A rating cell with the scale hint of its header. */
  rating(c: number, what: Quantity): RatingValue | null {
    const value = this.numberAt(c, what);
    if (value === null) return null;
    return { value, hint: headerHint(this.ctx.rec, c), loc: this.loc(c) };
  }

  flag(field: FieldName): boolean | null {
    const c = this.col(field);
    return c === null || isBlank(this.cells[c]) ? null : parseFlag(this.cells[c]);
  }

  list(field: FieldName): string[] {
    const c = this.col(field);
    return c === null ? NO_ITEMS : parseList(this.cells[c]);
  }

  /** True when any cell outside the given columns reads as a number. */
  hasNumbers(): boolean {
    return this.cells.some((cell) => typeof cell === 'number' || (typeof cell === 'string' && parseNumber(cell, this.ctx.decimalComma) !== null));
  }
}

/** The totals label of a row ("Total" in one of its first four cells), or null. */
export function totalsLabel(cells: Cell[]): string | null {
  for (let c = 0; c < 4 && c < cells.length; c++) {
    const t = cellText(cells[c]);
    if (t !== '') return isTotalLabel(t) ? t : null;
  }
  return null;
}

/** Yields data rows below the header; reports and skips totals rows. */
export function* dataRows(ctx: RowContext): Generator<DataRow> {
  const start = ctx.rec.headerRow ?? 0;
  let rows = 0;
  for (let r = start; r < ctx.sheet.rows.length; r++) {
    const cells = ctx.sheet.rows[r] ?? [];
    if (isBlankRow(cells)) continue;
    const total = totalsLabel(cells);
    if (total !== null) {
      ctx.log.add('info', `Totals row "${total}" skipped (totals are recomputed)`, { sheet: ctx.sheet.name, row: r + 1, column: null });
      continue;
    }
    rows++;
    yield new DataRow(ctx, r, cells);
  }
  ctx.rec.dataRows = rows;
}

/** Reports a row that has no key value: a note when it holds only text, an error when it holds numbers. */
export function reportKeylessRow(ctx: RowContext, row: DataRow, keyName: string): void {
  const text = row.cells.map(cellText).filter((t) => t !== '').join(' ').slice(0, 60);
  if (row.hasNumbers()) {
    ctx.log.add('error', `The row has values but no ${keyName}; it is not used`, row.loc(row.col(keyName === 'task' ? 'task' : 'person')));
  } else {
    ctx.log.add('info', `Row skipped: no ${keyName} (looks like a note: "${text}")`, row.loc(null));
  }
}
