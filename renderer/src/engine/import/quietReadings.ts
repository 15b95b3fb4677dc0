/**
 * Notes for time amounts read from text that is not a plain number ("4 hrs", "4 h/wk", "3,5"): the
 * importer reads them and says so in info issues, grouped per column so a sheet of thousands of such
 * cells gives one note (text it cannot read, "about 5", stays an error).
 */
import { showNumber } from './bounds';
import type { IssueLog, Loc } from './records';

/** Individual notes per column up to this many cells; past it, one note with a count and the first few. */
const ONE_BY_ONE = 3;
/** Cells quoted in a grouped note. */
const QUOTED = 3;
/** Longest cell text quoted, in characters. */
const QUOTE_MAX = 40;

/**
 * True for text a spreadsheet user would call a plain number in this file: digits with at most a
 * decimal point (or, in a file written with decimal commas, a decimal comma), optionally a
 * trailing % where a percent was read. Anything else that was read as a number gets a note.
 */
export function isPlainNumberText(text: string, decimalComma: boolean, percent: boolean): boolean {
  const s = percent ? text.trim().replace(/\s*%$/, '') : text.trim();
  return decimalComma ? /^(\d+(,\d+)?|,\d+)$/.test(s) : /^(\d+(\.\d+)?|\.\d+)$/.test(s);
}

interface Reading {
  loc: Loc;
  text: string;
  shown: string;
}

function quote(text: string): string {
  return `"${text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text}"`;
}

/** What a read value is called: "4 hours", "1 hour", "25%", "0.5 FTE", "0.5". */
export function shownAmount(value: number, percent: boolean, unit: 'hours' | 'contracted hours' | 'FTE' | null): string {
  if (percent) return `${showNumber(value * 100)}%`;
  const n = showNumber(value);
  if (unit === null) return n;
  return unit === 'hours' && value === 1 ? '1 hour' : `${n} ${unit}`;
}

/** Collects the readings of one sheet, per column, and turns them into notes. */
export class QuietReadings {
  /** Column letter → header and the cells read there, in row order. */
  private readonly byColumn = new Map<string, { header: string; count: number; first: Reading[] }>();

  add(loc: Loc, header: string, text: string, shown: string): void {
    const key = loc.column ?? '';
    let col = this.byColumn.get(key);
    if (!col) this.byColumn.set(key, (col = { header, count: 0, first: [] }));
    col.count++;
    // Only the first few are kept: a grouped note quotes no more, so memory stays flat on huge sheets.
    if (col.first.length < Math.max(ONE_BY_ONE, QUOTED) + 1) col.first.push({ loc, text, shown });
  }

  /** Writes the notes (each at its cell, or a grouped one at the column's first such cell) and forgets them. */
  flush(log: IssueLog): void {
    for (const { header, count, first } of this.byColumn.values()) {
      const column = header ? `column "${header}"` : 'this column';
      if (count <= ONE_BY_ONE) {
        for (const r of first) log.add('info', `Read ${quote(r.text)} in ${column} as ${r.shown}; check it if the cell meant something else`, r.loc);
        continue;
      }
      const examples = first.slice(0, QUOTED).map((r) => `row ${r.loc.row} ${quote(r.text)} as ${r.shown}`).join(', ');
      log.add('info', `${count.toLocaleString('en-US')} cells in ${column} are not plain numbers (words, units or separators) and were read as numbers (${examples}, …); check them if any meant something else`, first[0].loc);
    }
    this.byColumn.clear();
  }
}
