/**
 * Turns the bytes of a delimited text file into a string and finds its delimiter:
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when it has a BOM,
 * otherwise Windows-1252 (what Excel on Windows writes).
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
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
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** True when the bytes look like text rather than a binary format (few control bytes). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control <= n * 0.01;
}

/** Delimiters we recognize, in order of preference on ties. */
const CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * Picks the delimiter whose count per line is most consistent over the first lines,
 * counting only outside double quotes. A leading `sep=X` line wins outright.
 */
export function sniffDelimiter(text: string, fileName: string): string {
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) return sep[1];
  const lines: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 30; i++) {
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
  let best: string = /\.tsv$|\.tab$/i.test(fileName) ? '\t' : ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const withAny = counts.filter((c) => c > 0);
    if (withAny.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of withAny) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, modeCount] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    // Consistency matters more than raw count: a comma inside "12,5" values is not a delimiter.
    const score = (modeCount / lines.length) * 10 + Math.min(mode, 20) / 20;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}
