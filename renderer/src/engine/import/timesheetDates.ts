/**
 * Calendar dates and durations as time-tracking exports write them. Dates become day numbers
 * (whole days since 1970-01-01, so weeks are plain arithmetic, free of time zones); durations
 * become hours.
 */
import type { Cell } from '../formats/readWorkbook';
import type { IsoDate } from './types';

/** Days since 1970-01-01 (UTC calendar, no time of day). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
/** Day number of Excel's day 0 (1899-12-30, the epoch that absorbs its 1900 leap-year bug). */
const EXCEL_EPOCH: DayNumber = -25_569;
/** Spreadsheet serial dates we accept: 1954 to 2119, so a stray duration or count is never a date. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export function dayFromParts(y: number, m: number, d: number): DayNumber | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2200)) return null;
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 31 April into 1 May: a date that does not exist is not read.
  if (new Date(ms).getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function isoDate(day: DayNumber): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** "2026-10-05" → day number; null for anything else (including impossible dates). */
export function dayFromIso(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? dayFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function mondayOf(day: DayNumber): DayNumber {
  return day - weekday(day);
}

export function sundayOf(day: DayNumber): DayNumber {
  return day - weekday(day) + 6;
}

function year(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** A date written with slashes, dashes or dots, day and month in an order the file must settle. */
export interface SlashedDate {
  a: number;
  b: number;
  y: number;
}

/** What a date cell holds: a day, a date whose day/month order is not yet known, or nothing readable. */
export type DateReading = { day: DayNumber } | { slashed: SlashedDate } | null;

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+\s*(?:[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+[\d:.]+\s*(?:[AaPp][Mm])?)?$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-,]+(\d{4}|\d{2})$/;
const MONTH_NAME_DAY = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

function month(name: string): number | null {
  return MONTHS[name.slice(0, 4).toLowerCase()] ?? MONTHS[name.slice(0, 3).toLowerCase()] ?? null;
}

/**
 * Reads a date cell: ISO ("2026-10-05", with an optional time), slashed, dashed or dotted day and
 * month ("10/05/2026", "05.10.2026": order settled later from the whole column), month names
 * ("5 Oct 2026", "Oct 5, 2026") or a spreadsheet serial number.
 */
export function readDate(cell: Cell | undefined): DateReading {
  if (typeof cell === 'number') {
    if (cell < SERIAL_MIN || cell > SERIAL_MAX) return null;
    return { day: EXCEL_EPOCH + Math.floor(cell) };
  }
  if (typeof cell !== 'string') return null;
  const t = cell.trim();
  let m = ISO.exec(t);
  if (m) {
    const day = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    return day === null ? null : { day };
  }
  m = SLASHED.exec(t);
  if (m) {
    const slashed = { a: Number(m[1]), b: Number(m[3]), y: year(m[4]) };
    // Dots are the European day.month.year; slashes and dashes wait for the column to settle the order.
    if (m[2] === '.') {
      const day = dayFromParts(slashed.y, slashed.b, slashed.a);
      return day === null ? null : { day };
    }
    return slashed.a > 31 || slashed.b > 31 ? null : { slashed };
  }
  m = DAY_MONTH_NAME.exec(t);
  if (m) {
    const mo = month(m[2]);
    const day = mo === null ? null : dayFromParts(year(m[3]), mo, Number(m[1]));
    return day === null ? null : { day };
  }
  m = MONTH_NAME_DAY.exec(t);
  if (m) {
    const mo = month(m[1]);
    const day = mo === null ? null : dayFromParts(Number(m[3]), mo, Number(m[2]));
    return day === null ? null : { day };
  }
  return null;
}

/** The day of a slashed date in the given order; null when it does not exist (31/02). */
export function slashedDay(s: SlashedDate, order: 'mdy' | 'dmy'): DayNumber | null {
  return order === 'mdy' ? dayFromParts(s.y, s.a, s.b) : dayFromParts(s.y, s.b, s.a);
}

/**
 * Reads a duration in hours: a number (decimal hours), "7.5", "7,5" (decimal comma files),
 * "7:30", "07:30:00", "1h 30m", "45m", "1.5 h". Null for anything else; never negative.
 */
export function readDuration(cell: Cell | undefined, decimalComma: boolean): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? cell : null;
  if (typeof cell !== 'string') return null;
  const t = cell.trim();
  let m = /^(\d+):([0-5]?\d)(?::([0-5]?\d(?:[.,]\d+)?))?$/.exec(t);
  if (m) return Number(m[1]) + Number(m[2]) / 60 + (m[3] ? Number(m[3].replace(',', '.')) / 3600 : 0);
  m = /^(?:(\d+(?:[.,]\d+)?)\s*h(?:rs?|ours?)?)?\s*(?:(\d+(?:[.,]\d+)?)\s*m(?:in(?:utes?|s)?)?)?$/i.exec(t);
  if (m && (m[1] || m[2])) return (m[1] ? Number(m[1].replace(',', '.')) : 0) + (m[2] ? Number(m[2].replace(',', '.')) / 60 : 0);
  // One entry is never a thousand hours, so "1,5" is one and a half in any file; "1,500" is refused below.
  m = /^(\d+(?:[.,]\d+)?|[.,]\d+)$/.exec(t);
  if (!m) return null;
  if (!decimalComma && /^\d+,\d{3}$/.test(t)) return null;
  return Number(m[1].replace(',', '.'));
}
