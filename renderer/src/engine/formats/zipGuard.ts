/**
 * Checks a ZIP container (xlsx, xlsm, xlsb, ods) before SheetJS inflates it, so a zip bomb is
 * refused instead of exhausting memory or time.
 *
 * Memory: SheetJS inflates each entry with its pure-JS inflater into a buffer of the size the
 * *local* header declares and never grows it when that size is non-zero. So we bound the sum of
 * declared sizes, and where a local header declares 0 (data-descriptor writers) we copy the central
 * directory's size into a private copy of the bytes; an entry that declares no size is refused.
 * Time: a header may lie (declare 4 KB for 4 GB of output), and SheetJS would decode it all. So each
 * deflated entry is inflated once here with a running count, in small pushes, and refused as soon as
 * it outgrows its declared size.
 */
import { Inflate } from 'fflate';
import { formatBytes } from './bytes';

export class ContainerRefusal extends Error {}

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_ENTRIES = 10_000;
/** Compressed bytes fed per push while verifying: bounds one push's output to ~1032 × this. */
const VERIFY_CHUNK = 16_384;

/** Thrown by an inflate check when a stream inflates past its limit. */
export class Outgrown extends Error {}

/**
 * Inflates a raw-deflate stream only to check its size: throws Outgrown as soon as the output
 * passes `limit` bytes, any other error for a damaged stream. Hosts may pass a faster one
 * (the CLI uses Node's zlib with maxOutputLength).
 */
export type InflateCheck = (data: Uint8Array, limit: number) => void;

/** The portable check: fflate, fed in small pushes so a bomb is stopped early. */
export const fflateInflateCheck: InflateCheck = (data, limit) => {
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new Outgrown();
  });
  for (let at = 0; at < data.length; at += VERIFY_CHUNK) {
    inflater.push(data.subarray(at, Math.min(data.length, at + VERIFY_CHUNK)), at + VERIFY_CHUNK >= data.length);
  }
};

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function setU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/** One ZIP entry as its directory describes it. */
export interface ZipEntry {
  /** Path inside the container, one character per byte (as SheetJS reads it; OOXML part names are ASCII). */
  name: string;
  /** The path's bytes as stored, written back unchanged when the container is rebuilt. */
  nameBytes: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The entry's bytes as stored in the file (compressed for method 8). */
  data: Uint8Array;
  /** Uncompressed size declared by its headers. */
  declared: number;
  crc: number;
}

/**
 * Reads the ZIP directory and checks every size it declares, without inflating: the entries that
 * must still be verified by inflating them, and the bytes SheetJS may read (a patched copy when a
 * local header lacked sizes). Throws ContainerRefusal with a one-line reason.
 */
export function scanZip(bytes: Uint8Array, maxUncompressedBytes: number): { entries: ZipEntry[]; deflated: ZipEntry[]; safe: Uint8Array } {
  // The same end record SheetJS will use: the last signature in the file, searched from 4 bytes
  // before its end. Searching from 22 bytes before it, as the format would suggest, would let a fake
  // record hidden in the real one's comment send SheetJS to a directory this check never read.
  const minEocd = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 4; i >= minEocd; i--) {
    if (u32(bytes, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ContainerRefusal('the ZIP container has no directory (the file is truncated or damaged)');
  if (eocd + 22 > bytes.length) throw new ContainerRefusal('the ZIP directory record is cut short (the file is truncated or damaged)');
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new ContainerRefusal('the ZIP container uses ZIP64 sizes, which only files far over the size limit need');
  }
  if (count > MAX_ENTRIES) throw new ContainerRefusal(`the ZIP container has ${count} entries, over the limit of ${MAX_ENTRIES}`);
  if (cdOffset >= bytes.length) throw new ContainerRefusal('the ZIP directory points outside the file (the file is truncated or damaged)');

  let patched: Uint8Array | null = null;
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let e = 0; e < count; e++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CD_SIG) {
      throw new ContainerRefusal('the ZIP directory is damaged (the file is truncated or not a real workbook)');
    }
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const cdCompressed = u32(bytes, p + 20);
    const cdSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen));
    const name = String.fromCharCode(...nameBytes);
    p += 46 + nameLen + extraLen + commentLen;

    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL_SIG) {
      throw new ContainerRefusal('a ZIP entry points outside the file (the file is truncated or damaged)');
    }
    const localSize = u32(bytes, localOffset + 22);
    const localCompressed = u32(bytes, localOffset + 18);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    const compressed = localCompressed || cdCompressed;
    if (cdSize === 0xffffffff || localSize === 0xffffffff) {
      throw new ContainerRefusal('a ZIP entry uses ZIP64 sizes, far over the size limit');
    }
    const declared = Math.max(cdSize, localSize);
    // A deflate stream is at least 2 bytes; "0 compressed bytes" would have SheetJS inflate whatever
    // follows the header with no size to stop at, and there would be nothing here to check.
    if (method === 8 && compressed === 0) throw new ContainerRefusal('a compressed ZIP entry declares no compressed data (a damaged file or a zip bomb)');
    if (method === 8 && localSize === 0 && cdCompressed > 0) {
      // SheetJS would inflate without a bound; give it the directory's size or refuse.
      if (cdSize === 0) throw new ContainerRefusal('a compressed ZIP entry declares no uncompressed size (possible zip bomb)');
      patched ??= bytes.slice();
      setU32(patched, localOffset + 22, cdSize);
    }
    total += declared;
    if (total > maxUncompressedBytes) {
      throw new ContainerRefusal(
        `the ZIP container declares over ${formatBytes(total)} uncompressed, over the limit of ${formatBytes(maxUncompressedBytes)} (possible zip bomb)`,
      );
    }
    if (dataStart + compressed > bytes.length) throw new ContainerRefusal('a ZIP entry runs past the end of the file (the file is truncated)');
    entries.push({ name, nameBytes, method, data: bytes.subarray(dataStart, dataStart + compressed), declared, crc });
  }
  return { entries, deflated: entries.filter((e) => e.method === 8), safe: patched ?? bytes };
}

function inflateRefusal(err: unknown): ContainerRefusal {
  if (err instanceof Outgrown) return new ContainerRefusal('a ZIP entry inflates to more than its declared size (a damaged file or a zip bomb)');
  return new ContainerRefusal('a ZIP entry is damaged (its compressed data cannot be read)');
}

/**
 * Validates the container and returns the bytes SheetJS may safely read (a patched copy when a
 * local header lacked sizes). Throws ContainerRefusal with a one-line reason.
 */
export function guardZip(bytes: Uint8Array, maxUncompressedBytes: number, inflateCheck: InflateCheck = fflateInflateCheck): Uint8Array {
  const { deflated, safe } = scanZip(bytes, maxUncompressedBytes);
  for (const entry of deflated) {
    try {
      inflateCheck(entry.data, entry.declared);
    } catch (err) {
      throw inflateRefusal(err);
    }
  }
  return safe;
}

/** For bytes whose entries were already inflated and counted (the worker's native check): no second inflation. */
export const skipInflateCheck: InflateCheck = () => undefined;
