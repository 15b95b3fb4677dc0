/**
 * Checks an HTML or XML spreadsheet (SpreadsheetML 2003, an .html/.htm table saved as .xls) before
 * SheetJS parses it, the way zipGuard checks ZIP containers: SheetJS builds objects for every tag,
 * so a 62 MB nested table took 2.9 GB. Counting tags, cells, rows and nesting first is one linear
 * pass with no allocation per character; files past the bounds are refused with one line.
 */

export class MarkupRefusal extends Error {}

export interface MarkupLimits {
  /** Opening tags of any kind. */
  maxTags: number;
  /** Table cells: HTML <td>/<th>, SpreadsheetML <Cell>. */
  maxCells: number;
  /** Table rows: HTML <tr>, SpreadsheetML <Row>. */
  maxRows: number;
  /** Tables inside tables (HTML). */
  maxTableNesting: number;
  /** Element depth of an XML document (well-formed, so every open tag is closed). */
  maxXmlDepth: number;
}

/**
 * Measured on SheetJS 0.20 (Node 20): about 500 bytes of heap per cell, so 500,000 cells stay near
 * 250 MB; real exports have a table or two, never nested deeper than a few levels.
 */
export const DEFAULT_MARKUP_LIMITS: MarkupLimits = {
  maxTags: 1_500_000,
  maxCells: 500_000,
  maxRows: 200_000,
  maxTableNesting: 4,
  maxXmlDepth: 64,
};

const LT = 60; // <
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;

/** A file's text, or its bytes when it is in an ASCII-compatible encoding (tags are ASCII): no decoded copy is needed. */
export type MarkupText = string | Uint8Array;

function codeAt(t: MarkupText, i: number): number {
  return typeof t === 'string' ? t.charCodeAt(i) : t[i];
}

function find(t: MarkupText, ch: string, from: number): number {
  return typeof t === 'string' ? t.indexOf(ch, from) : t.indexOf(ch.charCodeAt(0), from);
}

function startsAt(t: MarkupText, seq: string, i: number): boolean {
  if (typeof t === 'string') return t.startsWith(seq, i);
  for (let k = 0; k < seq.length; k++) if (t[i + k] !== seq.charCodeAt(k)) return false;
  return true;
}

function findSeq(t: MarkupText, seq: string, from: number): number {
  if (typeof t === 'string') return t.indexOf(seq, from);
  for (let i = t.indexOf(seq.charCodeAt(0), from); i >= 0; i = t.indexOf(seq.charCodeAt(0), i + 1)) if (startsAt(t, seq, i)) return i;
  return -1;
}

function isNameChar(c: number): boolean {
  // Letters, digits, ':', '-', '_', '.'.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 45 || c === 95 || c === 46;
}

/** The tag's local name in lowercase ("ss:Cell" → "cell"), only for the few short names we count. */
function localName(t: MarkupText, start: number, end: number): string {
  let from = start;
  for (let k = end - 1; k >= start; k--) {
    if (codeAt(t, k) === 58) {
      from = k + 1;
      break;
    }
  }
  if (end - from > 5) return '';
  let name = '';
  for (let k = from; k < end; k++) name += String.fromCharCode(codeAt(t, k) | 0x20);
  return name;
}

export interface MarkupCounts {
  tags: number;
  cells: number;
  rows: number;
  tableNesting: number;
  xmlDepth: number;
}

/**
 * Counts the markup of `text`, stopping with MarkupRefusal as soon as a bound is passed.
 * Comments, CDATA, declarations and processing instructions are skipped; a tag left open at the
 * end stops the count (SheetJS reads no further either).
 */
export function guardMarkup(text: MarkupText, limits: MarkupLimits = DEFAULT_MARKUP_LIMITS): MarkupCounts {
  const xml = isXmlDeclared(text);
  const counts: MarkupCounts = { tags: 0, cells: 0, rows: 0, tableNesting: 0, xmlDepth: 0 };
  let depth = 0;
  let tables = 0;
  const n = text.length;
  let i = find(text, '<', 0);
  while (i >= 0 && i + 1 < n) {
    const c1 = codeAt(text, i + 1);
    let end: number;
    if (c1 === BANG) {
      if (startsAt(text, '<!--', i)) end = findSeq(text, '-->', i + 4) + 2;
      else if (startsAt(text, '<![CDATA[', i)) end = findSeq(text, ']]>', i + 9) + 2;
      else end = find(text, '>', i + 2);
      if (end < 2) break;
      i = find(text, '<', end + 1);
      continue;
    }
    if (c1 === QUESTION) {
      end = find(text, '>', i + 2);
      if (end < 0) break;
      i = find(text, '<', end + 1);
      continue;
    }
    const closing = c1 === SLASH;
    const start = closing ? i + 2 : i + 1;
    let j = start;
    while (j < n && isNameChar(codeAt(text, j))) j++;
    if (j === start) {
      // A lone "<" in text ("a < b"): not a tag.
      i = find(text, '<', i + 1);
      continue;
    }
    end = find(text, '>', j);
    if (end < 0) break;
    const name = localName(text, start, j);
    if (closing) {
      if (depth > 0) depth--;
      if (name === 'table' && tables > 0) tables--;
    } else {
      const selfClosing = codeAt(text, end - 1) === SLASH;
      if (++counts.tags > limits.maxTags) {
        throw new MarkupRefusal(`the file has more than ${limits.maxTags.toLocaleString('en-US')} tags, over the limit for HTML and XML spreadsheets; save it as .xlsx or .csv`);
      }
      if (name === 'td' || name === 'th' || name === 'cell') {
        if (++counts.cells > limits.maxCells) {
          throw new MarkupRefusal(`the file has more than ${limits.maxCells.toLocaleString('en-US')} table cells, over the limit for HTML and XML spreadsheets; save it as .xlsx or .csv`);
        }
      } else if (name === 'tr' || name === 'row') {
        if (++counts.rows > limits.maxRows) {
          throw new MarkupRefusal(`the file has more than ${limits.maxRows.toLocaleString('en-US')} rows, the row limit`);
        }
      } else if (name === 'table' && !selfClosing) {
        tables++;
        if (tables > counts.tableNesting) counts.tableNesting = tables;
        if (tables > limits.maxTableNesting) {
          throw new MarkupRefusal(`the file has tables nested more than ${limits.maxTableNesting} deep; no spreadsheet export does that (a damaged or hostile file)`);
        }
      }
      if (xml && !selfClosing) {
        depth++;
        if (depth > counts.xmlDepth) counts.xmlDepth = depth;
        if (depth > limits.maxXmlDepth) {
          throw new MarkupRefusal(`the file's XML is nested more than ${limits.maxXmlDepth} levels deep; no spreadsheet export does that (a damaged or hostile file)`);
        }
      }
    }
    // Skips any "<" inside the tag's attributes: the scan stays linear whatever the input.
    i = find(text, '<', end + 1);
  }
  return counts;
}

/** True when the document starts with an XML declaration (after a BOM or blanks). */
function isXmlDeclared(t: MarkupText): boolean {
  let k = 0;
  const n = Math.min(t.length, 4096);
  while (k < n && [0xfeff, 0xef, 0xbb, 0xbf, 32, 9, 10, 13].includes(codeAt(t, k))) k++;
  return startsAt(t, '<?xml', k) || startsAt(t, '<?XML', k);
}

/** True when text would go to SheetJS's HTML/XML reader: its first non-blank character is "<". */
export function looksLikeMarkup(text: string): boolean {
  for (let k = 0; k < text.length && k < 4096; k++) {
    const c = text.charCodeAt(k);
    if (c === LT) return true;
    if (c !== 0xfeff && c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return false;
}
