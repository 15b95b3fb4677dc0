/**
 * The report's HTML building blocks: the one escape every piece of user text goes through, number
 * formats at the report's precision (scores one decimal, shares whole percents, hours one decimal),
 * tables whose long lists are capped with a sentence saying how many rows were left out, and figures.
 */
import { pct as sharePct, pts, snap } from '../analysis/readingsFormat';
import { escapeXml } from './charts/svg';
import type { ReportChart } from './types';

/** The one escape for text from the user's data (names, tasks, roles, file names) in HTML text and attributes: the charts' own. */
export const esc = escapeXml;

const absent = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || !Number.isFinite(x);

// Float noise is snapped first (the readings' snap), so a table rounds 14.249999999999998 as the charts do.
/** A score in points of the project scale, one decimal; "—" when unrated. */
export function score(x: number | null | undefined): string {
  return absent(x) ? '—' : noNegativeZero(snap(x).toFixed(1));
}

/** A share (0–1) as a whole percent, as the readings print it; "—" when absent. */
export function pct(x: number | null | undefined): string {
  return absent(x) ? '—' : sharePct(x);
}

/** Weekly hours, one decimal. */
export function hours(x: number | null | undefined): string {
  return absent(x) ? '—' : noNegativeZero(snap(x).toFixed(1));
}

/** An index (Gini, Theil) with the decimals it needs to be read; "—" when absent. */
export function index(x: number | null | undefined, decimals = 2): string {
  return absent(x) ? '—' : noNegativeZero(snap(x).toFixed(decimals));
}

/** A tolerance or other setting in points, as the user gave it (up to two decimals: 0.95, 2): the readings' pts. */
export const setting = pts;

function noNegativeZero(s: string): string {
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** "1 person", "3 people". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "A, B and C"; past `max` names, "A, B and 3 more". Names are escaped. */
export function nameList(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max).map(esc);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0] ?? '';
}

export interface Column {
  label: string;
  /** Right-aligned figures. */
  num?: boolean;
  /** Width hint, e.g. "30%". */
  width?: string;
}

export interface TableOptions {
  /** Largest number of body rows printed; the rest are counted in `more`'s sentence. */
  cap?: number;
  /** The sentence for rows left out, e.g. (n) => `… and ${n} more transfers: see the proposal workbook.` */
  more?: (left: number) => string;
  /** "compact": as wide as its content (short two- or three-column tables); "grid": the rotation grid. */
  className?: string;
  /** Rows (already HTML) printed after the body rows, whatever the cap: totals. */
  foot?: string[][];
}

/** Most rows a long list prints before it says how many more there are (a 2,000-person plan stays a readable report). */
export const ROW_CAP = 300;

/** Tables of at most this many rows are never split across pages. */
const SHORT_TABLE = 10;

/**
 * A table; cells are HTML (callers escape user text). The header repeats on every printed page
 * (thead as a table header group) and no row is cut by a page break (CSS on tr).
 */
export function table(columns: readonly Column[], rows: readonly string[][], options: TableOptions = {}): string {
  const cap = options.cap ?? ROW_CAP;
  const shown = rows.slice(0, cap);
  const left = rows.length - shown.length;
  const th = columns.map((c) => `<th scope="col"${c.num ? ' class="num"' : ''}${c.width ? ` style="width:${c.width}"` : ''}>${esc(c.label)}</th>`).join('');
  const tr = (cells: readonly string[]) => `<tr>${cells.map((cell, i) => `<td${columns[i]?.num ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`;
  const foot = options.foot?.length ? `<tfoot>${options.foot.map(tr).join('')}</tfoot>` : '';
  const note = left > 0 ? `<p class="more">${esc(options.more ? options.more(left) : `… and ${left} more rows.`)}</p>` : '';
  // A short table moves whole to the next page rather than leave a row or two behind.
  const classes = [options.className, shown.length <= SHORT_TABLE ? 'keep' : ''].filter(Boolean).join(' ');
  return `<table${classes ? ` class="${classes}"` : ''}><thead><tr>${th}</tr></thead><tbody>${shown.map(tr).join('')}</tbody>${foot}</table>${note}`;
}

/**
 * A chart as a figure that a page break never cuts: its title, the SVG and its caption (chart text
 * escaped here). Small multiples leave their captions out (`caption: false`): one paragraph explains them all.
 */
export function figure(chart: ReportChart, options: { caption?: boolean } = {}): string {
  const caption = options.caption === false ? '' : `<p class="caption">${esc(chart.caption)}</p>`;
  return `<figure class="chart" id="${esc(chart.id)}"><figcaption class="chart-title">${esc(chart.title)}</figcaption>${chart.svg}${caption}</figure>`;
}

/** A sub-heading and its content: the heading never ends a page (CSS break-after: avoid on headings). */
export function titled(heading: string, body: string, level: 3 | 4 = 3): string {
  return `<h${level}>${esc(heading)}</h${level}>${body}`;
}

/** A small block a page break never cuts (a heading with its short text, a summary). */
export function keep(body: string): string {
  return `<div class="keep">${body}</div>`;
}

export function para(text: string): string {
  return `<p>${esc(text)}</p>`;
}

/** A major section of the report: it starts on a new page and is listed in the contents. */
export interface Section {
  id: string;
  title: string;
  html: string;
}
