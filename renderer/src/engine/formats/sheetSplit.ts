/**
 * Splits one large worksheet of an .xlsx into row ranges that SheetJS can parse at the same time
 * in several workers: each part is the same container with that worksheet cut down to a run of
 * whole <row> elements. SheetJS still does all the parsing; this only decides where to cut.
 *
 * A cut is made only before a <row> that carries its own r="…" number, so every part's rows keep
 * their true positions; anything unusual (no sheetData, no numbered rows, too few rows) means no
 * split, and the caller reads the file the ordinary way.
 */
import { inflateSync } from 'fflate';
import type { ZipEntry } from './zipGuard';

/** Worksheet XML below this many bytes is parsed whole: a split would cost more than it saves. */
export const MIN_SPLIT_BYTES = 2 * 1_048_576;

const enc = new TextEncoder();

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number, to = hay.length): number {
  const first = needle[0];
  const last = to - needle.length;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    if (hay[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = hay.length - needle.length; i >= 0; i--) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** True when the byte after a tag name ends the name (so "<row" is not "<rowBreaks"). */
function endsName(b: number | undefined): boolean {
  return b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** The 0-based row number a <row …> start tag at `at` declares, or null when it has no r attribute. */
function rowNumberAt(xml: Uint8Array, at: number): number | null {
  let end = at;
  while (end < xml.length && xml[end] !== 0x3e) end++;
  const tag = new TextDecoder().decode(xml.subarray(at, end));
  const m = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
  return m ? Number(m[1]) - 1 : null;
}

export interface WorksheetParts {
  /** Complete worksheet documents: the original head and tail around each run of rows. */
  docs: Uint8Array[];
  /** The 0-based sheet row at which each part's rows begin (0 for the first part). */
  firstRows: number[];
}

/**
 * Cuts worksheet XML into at most `parts` documents, each holding whole rows: the first part
 * `firstWeight` times the size of each other (its reader has no messages to exchange, so it may
 * take more), the others equal. Null when the sheet cannot be cut safely.
 */
export function splitWorksheetXml(xml: Uint8Array, parts: number, firstWeight = 1): WorksheetParts | null {
  if (parts < 2) return null;
  // The element may carry a namespace prefix (<x:sheetData>); rows then carry the same one.
  const named = indexOf(xml, enc.encode('sheetData'), 0);
  if (named < 1) return null;
  let lt = named - 1;
  while (lt > 0 && xml[lt] !== 0x3c && named - lt < 32) lt--;
  if (xml[lt] !== 0x3c) return null;
  const prefix = new TextDecoder().decode(xml.subarray(lt + 1, named));
  if (prefix !== '' && !/^[A-Za-z_][\w.-]*:$/.test(prefix)) return null;
  let bodyStart = named + 'sheetData'.length;
  while (bodyStart < xml.length && xml[bodyStart] !== 0x3e) bodyStart++;
  if (xml[bodyStart - 1] === 0x2f) return null; // <sheetData/>: nothing to cut
  bodyStart++;
  const bodyEnd = lastIndexOf(xml, enc.encode(`</${prefix}sheetData>`));
  if (bodyEnd < bodyStart) return null;

  const rowOpen = enc.encode(`<${prefix}row`);
  const cuts: number[] = [bodyStart];
  const firstRows: number[] = [0];
  for (let k = 1; k < parts; k++) {
    let at = bodyStart + Math.floor(((bodyEnd - bodyStart) * (firstWeight + k - 1)) / (firstWeight + parts - 1));
    for (;;) {
      at = indexOf(xml, rowOpen, at, bodyEnd);
      if (at < 0 || endsName(xml[at + rowOpen.length])) break;
      at += rowOpen.length;
    }
    if (at < 0 || at <= cuts[cuts.length - 1]) continue;
    const row = rowNumberAt(xml, at);
    if (row === null) return null;
    if (row <= firstRows[firstRows.length - 1]) return null; // rows out of order: leave it to SheetJS
    cuts.push(at);
    firstRows.push(row);
  }
  if (cuts.length < 2) return null;
  const head = xml.subarray(0, bodyStart);
  const tail = xml.subarray(bodyEnd);
  const docs = cuts.map((from, i) => {
    const to = i + 1 < cuts.length ? cuts[i + 1] : bodyEnd;
    const doc = new Uint8Array(head.length + (to - from) + tail.length);
    doc.set(head, 0);
    doc.set(xml.subarray(from, to), head.length);
    doc.set(tail, head.length + (to - from));
    return doc;
  });
  return { docs, firstRows };
}

/** The part path of the worksheet a workbook lists at `index`, via its relationships; null when unclear. */
export function worksheetPaths(entries: ZipEntry[]): string[] | null {
  const text = (name: string): string | null => {
    const e = entries.find((x) => x.name === name);
    if (!e) return null;
    try {
      return new TextDecoder().decode(e.method === 8 ? inflateSync(e.data, { out: new Uint8Array(e.declared) }) : e.data);
    } catch {
      return null;
    }
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return null;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
    const target = /\bTarget\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const paths: string[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const id = /\br:id\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1] ?? /\b\w+:id\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (!path) return null;
    paths.push(path);
  }
  return paths;
}

/** The container again, with one entry's content replaced by `data`, stored uncompressed. */
export function withEntryReplaced(entries: ZipEntry[], name: string, data: Uint8Array): Uint8Array {
  const records = entries.map((e) => (e.name === name ? { ...e, method: 0, data, declared: data.length, crc: 0 } : e));
  // The names' own bytes: re-encoding a non-ASCII name would rename the part and lose its sheet.
  const names = records.map((r) => r.nameBytes);
  let size = 22;
  records.forEach((r, i) => (size += 30 + names[i].length + r.data.length + 46 + names[i].length));
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  const header = (sig: number, r: (typeof records)[number], nameBytes: Uint8Array, central: boolean, offset: number) => {
    view.setUint32(p, sig, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true);
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed
    view.setUint16(p + 2, 0, true); // flags: sizes in the header, no descriptor
    view.setUint16(p + 4, r.method, true);
    view.setUint32(p + 6, 0, true); // DOS time and date
    // SheetJS does not check CRCs; a replaced part is ours and gets 0 rather than a second pass over it.
    view.setUint32(p + 10, r.crc, true);
    view.setUint32(p + 14, r.data.length, true);
    view.setUint32(p + 18, r.declared, true);
    view.setUint16(p + 22, nameBytes.length, true);
    view.setUint16(p + 24, 0, true);
    p += 26;
    if (central) {
      view.setUint16(p, 0, true); // comment length
      view.setUint16(p + 2, 0, true); // disk
      view.setUint16(p + 4, 0, true); // internal attributes
      view.setUint32(p + 6, 0, true); // external attributes
      view.setUint32(p + 10, offset, true);
      p += 14;
    }
    out.set(nameBytes, p);
    p += nameBytes.length;
  };
  // The replaced part's data goes first; the central directory keeps the original order. SheetJS's
  // unzip copies the container from each deflated entry to its end: after the large part, not over it.
  const replaced = records.findIndex((r) => r.name === name);
  const order = [...records.keys()].sort((a, b) => Number(b === replaced) - Number(a === replaced));
  for (const i of order) {
    const r = records[i];
    offsets[i] = p;
    header(0x04034b50, r, names[i], false, 0);
    out.set(r.data, p);
    p += r.data.length;
  }
  const cdStart = p;
  records.forEach((r, i) => header(0x02014b50, r, names[i], true, offsets[i]));
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, records.length, true);
  view.setUint16(p + 10, records.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}
