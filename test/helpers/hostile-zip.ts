/**
 * Hand-assembled ZIP containers for robustness tests: minimal .xlsx packages and zip bombs.
 *
 * A bomb here is cheap to build: deflate a 16 MiB block of zeros once with a full flush (which ends
 * the output on a byte boundary with a non-final block that refers only to itself), repeat that
 * blob as often as needed and close the stream with an empty final block. 1 GiB of zeros costs
 * ~1 MB of file and a few milliseconds. Sizes stay below 4 GiB, so no ZIP64 is involved.
 */
import * as zlib from 'node:zlib';

const ZERO_BLOCK = 16 * 1024 * 1024;

/** CRC-32 (ISO-HDLC, as ZIP uses it) of `data`, continuing from `prev`. */
export function crc32(data: Uint8Array, prev = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, prev) >>> 0;
  let c = ~prev >>> 0;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A raw-deflate stream plus what an honest ZIP header would say about it. */
export interface DeflatedPayload {
  /** Raw deflate data (no zlib/gzip wrapper), as ZIP method 8 stores it. */
  data: Buffer;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
  /** Real uncompressed size in bytes. */
  size: number;
}

let zeroChunkCache: { full: Buffer; crcBlock: Buffer } | null = null;

function zeroChunk(): { full: Buffer; crcBlock: Buffer } {
  if (!zeroChunkCache) {
    const zeros = Buffer.alloc(ZERO_BLOCK);
    const full = zlib.deflateRawSync(zeros, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
    zeroChunkCache = { full, crcBlock: zeros };
  }
  return zeroChunkCache;
}

/**
 * Raw deflate of `size` zero bytes, built by concatenating flushed blocks (see the file comment).
 * `size` may be anything up to 4 GiB − 1; the result is roughly size / 1000 bytes.
 */
export function deflatedZeros(size: number): DeflatedPayload {
  if (!Number.isInteger(size) || size < 0 || size > 0xfffffffe) throw new RangeError(`bad size ${size}`);
  const { full, crcBlock } = zeroChunk();
  const parts: Buffer[] = [];
  let crc = 0;
  let left = size;
  while (left >= ZERO_BLOCK) {
    parts.push(full);
    crc = crc32(crcBlock, crc);
    left -= ZERO_BLOCK;
  }
  if (left > 0) {
    const tail = Buffer.alloc(left);
    parts.push(zlib.deflateRawSync(tail, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH }));
    crc = crc32(tail, crc);
  }
  // An empty final block closes the stream.
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(parts), crc, size };
}

/** Raw deflate of real bytes. */
export function deflated(bytes: Uint8Array | string): DeflatedPayload {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { data: zlib.deflateRawSync(buf), crc: crc32(buf), size: buf.length };
}

export interface ZipEntry {
  name: string;
  /** Method 8 (deflate) payload, or stored bytes with `stored: true`. */
  payload: DeflatedPayload;
  stored?: boolean;
  /** Lie in the local header: uncompressed size written there (default: the real size). */
  localUncompressedSize?: number;
  /** Lie in the central directory: uncompressed size written there (default: the real size). */
  centralUncompressedSize?: number;
}

/** Stored (method 0) payload of real bytes. */
export function stored(bytes: Uint8Array | string): DeflatedPayload {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { data: buf, crc: crc32(buf), size: buf.length };
}

/** Assembles a ZIP archive (local headers, data, central directory, end record). */
export function buildZip(entries: ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // 2024-01-01 00:00 in DOS format.
  const dosTime = 0;
  const dosDate = ((2024 - 1980) << 9) | (1 << 5) | 1;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.stored ? 0 : 8;
    const csize = e.payload.data.length;
    const localUsz = e.localUncompressedSize ?? e.payload.size;
    const centralUsz = e.centralUncompressedSize ?? e.payload.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(e.payload.crc >>> 0, 14);
    local.writeUInt32LE(csize, 18);
    local.writeUInt32LE(localUsz, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, e.payload.data);

    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4); // version made by
    cd.writeUInt16LE(20, 6); // version needed
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(dosTime, 12);
    cd.writeUInt16LE(dosDate, 14);
    cd.writeUInt32LE(e.payload.crc >>> 0, 16);
    cd.writeUInt32LE(csize, 20);
    cd.writeUInt32LE(centralUsz, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(0, 30); // extra
    cd.writeUInt16LE(0, 32); // comment
    cd.writeUInt16LE(0, 34); // disk
    cd.writeUInt16LE(0, 36); // internal attrs
    cd.writeUInt32LE(0, 38); // external attrs
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);

    offset += local.length + name.length + csize;
  }
  const cdStart = offset;
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0, 4);
  eocd.writeUInt16LE(0, 6);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(cdStart, 16);
  eocd.writeUInt16LE(0, 20);
  return Buffer.concat([...chunks, cdBuf, eocd]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="bin" ContentType="application/octet-stream"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';

const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Work" sheetId="1" r:id="rId1"/></sheets></workbook>';

const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '</Relationships>';

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Sheet XML for a small table (strings inline, numbers as numbers). */
export function sheetXml(rows: (string | number)[][], dimension?: string): string {
  const col = (c: number): string => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const body = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">` +
        row
          .map((v, c) =>
            typeof v === 'number'
              ? `<c r="${col(c)}${r + 1}"><v>${v}</v></c>`
              : `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`,
          )
          .join('') +
        '</row>',
    )
    .join('');
  const dim = dimension ?? `A1:${col(Math.max(0, ...rows.map((r) => r.length - 1)))}${Math.max(1, rows.length)}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="${dim}"/><sheetData>${body}</sheetData></worksheet>`
  );
}

/** The package parts of a one-sheet workbook other than the sheet itself. */
function packageParts(): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', payload: deflated(CONTENT_TYPES) },
    { name: '_rels/.rels', payload: deflated(ROOT_RELS) },
    { name: 'xl/workbook.xml', payload: deflated(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', payload: deflated(WORKBOOK_RELS) },
  ];
}

/** A one-sheet .xlsx whose sheet part is exactly `xml` (e.g. with an absurd <dimension>). */
export function xlsxWithSheetXml(xml: string): Buffer {
  return buildZip([...packageParts(), { name: 'xl/worksheets/sheet1.xml', payload: deflated(xml) }]);
}

/** A plain, valid one-sheet .xlsx built with this module's writer (to check the writer itself). */
export function smallXlsx(rows: (string | number)[][]): Buffer {
  return buildZip([...packageParts(), { name: 'xl/worksheets/sheet1.xml', payload: deflated(sheetXml(rows)) }]);
}

/**
 * An honest zip bomb: a well-formed .xlsx whose only sheet is `size` bytes of zeros, with the true
 * (huge) uncompressed size declared in both the local header and the central directory.
 */
export function singleEntryBombXlsx(size: number): Buffer {
  return buildZip([...packageParts(), { name: 'xl/worksheets/sheet1.xml', payload: deflatedZeros(size) }]);
}

/**
 * A bomb spread over many entries: a valid small sheet plus `count` side entries of `eachSize`
 * zeros each. Every entry alone looks moderate; their total is what is huge.
 */
export function manyEntryBombXlsx(rows: (string | number)[][], count: number, eachSize: number): Buffer {
  const padding = deflatedZeros(eachSize);
  const pads: ZipEntry[] = [];
  for (let i = 0; i < count; i++) pads.push({ name: `xl/media/padding${i + 1}.bin`, payload: padding });
  return buildZip([...packageParts(), { name: 'xl/worksheets/sheet1.xml', payload: deflated(sheetXml(rows)) }, ...pads]);
}

/**
 * A lying zip bomb: the sheet entry inflates to `realSize` zeros but both headers declare only
 * `declaredSize` bytes, so a check of declared sizes alone does not see it.
 */
export function lyingBombXlsx(realSize: number, declaredSize = 4096): Buffer {
  return buildZip([
    ...packageParts(),
    {
      name: 'xl/worksheets/sheet1.xml',
      payload: deflatedZeros(realSize),
      localUncompressedSize: declaredSize,
      centralUncompressedSize: declaredSize,
    },
  ]);
}

/** Sum of the uncompressed sizes the central directory declares (to check a bomb is what it says). */
export function declaredUncompressedTotal(zip: Uint8Array): number {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= 0; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  let total = 0;
  for (let e = 0; e < count; e++) {
    total += b.readUInt32LE(p + 24);
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return total;
}
