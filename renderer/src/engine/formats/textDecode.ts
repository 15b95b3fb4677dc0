/**
 * Turns the bytes of a delimited text file into a string and finds its delimiter:
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when it has a BOM,
 * otherwise Windows-1252 (what Excel on Windows writes).
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/**
 * Windows-1252's printable characters at 0x80–0x9F (€, curly quotes, dashes…). Decoded by hand:
 * Node 20's TextDecoder('windows-1252') maps these bytes as Latin-1 control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const chars = new Array<string>(chunk.length);
    for (let k = 0; k < chunk.length; k++) {
      const b = chunk[k];
      chars[k] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    out += chars.join('');
  }
  return out;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/**
 * True when the bytes look like text rather than a binary format (few control bytes). ESC and BEL
 * do not count: terminal escape sequences pasted into names are hostile text, not binary, and are
 * read (and stripped wherever text reaches a terminal) rather than refusing a small file outright.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if ((b < 9 && b !== 0x07) || (b > 13 && b < 32 && b !== 0x1b)) control++;
  }
  return control <= n * 0.01;
}

/** Characters of a text file looked at to pick its delimiter. */
const SNIFF_CHARS = 65_536;

/** Delimiters we recognize, in order of preference on ties. */
const CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * Picks the delimiter from the first lines, counting only outside double quotes: among
 * delimiters whose most common per-line count covers at least 60% of lines, the one splitting
 * lines into the most fields (title rows and decimal commas give a comma a consistent count of
 * one); otherwise the most consistent. A leading `sep=X` line wins outright.
 */
export function sniffDelimiter(text: string, fileName: string): string {
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) return sep[1];
  const lines: string[] = [];
  let cur = '';
  let quoted = false;
  // The first 64 KB decide: a file without line breaks must not be copied character by character.
  const end = Math.min(text.length, SNIFF_CHARS);
  for (let i = 0; i < end && lines.length < 30; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if ((ch === '\n' || ch === '\r') && !quoted) {
      if (cur.trim() !== '') lines.push(cur);
      cur = '';
    } else if (!quoted || ch !== '"') {
      cur += quoted ? '' : ch;
    }
  }
  if (cur.trim() !== '' && lines.length < 30) lines.push(cur);
  const fallback: string = /\.tsv$|\.tab$/i.test(fileName) ? '\t' : ',';
  const stats = CANDIDATES.map((d) => {
    const freq = new Map<number, number>();
    for (const l of lines) {
      const c = l.split(d).length - 1;
      if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    }
    const [mode, modeCount] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    return { d, mode, consistency: lines.length ? modeCount / lines.length : 0 };
  }).filter((s) => s.mode > 0);
  if (stats.length === 0) return fallback;
  const steady = stats.filter((s) => s.consistency >= 0.6);
  const pool = steady.length ? steady.sort((a, b) => b.mode - a.mode || b.consistency - a.consistency) : stats.sort((a, b) => b.consistency - a.consistency || b.mode - a.mode);
  return pool[0].d;
}
