/**
 * Whether two task names are close variants of one task, with a score and the reason in words:
 * every content word of the shorter name must be met in the other (same word, same stem, a typo,
 * or two words written as one); extra words in the longer name lower the score.
 */
import { STOP_WORDS, deletionKeys, isTypo, normalizeTaskName, singular, stem } from './similarity';

/**
 * Lowest score proposed. With every word of the shorter name met, the score is the share of all
 * content words met: one extra word for each shared one passes (2 of 3 words: 0.67), two extra
 * for one does not (1 of 3: 0.5) — a one-word name is not a variant of every name holding it.
 */
export const MIN_PROPOSAL_SCORE = 0.6;
/** Highest score of a proposal: 1 is kept for names equal after normalizing (auto matches). */
export const MAX_PROPOSAL_SCORE = 0.95;

/** How much a word met in the other name counts: the same word fully, its other forms a little less. */
const QUALITY = { same: 1, compound: 0.95, stem: 0.9, typo: 0.8 } as const;

/** A task name taken apart once for all its comparisons. */
export interface PreparedName {
  name: string;
  norm: string;
  /** Content words (stop words out, each once, in order); all words when the name has only stop words. */
  words: string[];
  stems: string[];
  /** The content words without plural endings (typos are looked for there too: "reciepts"/"receipt"). */
  singulars: string[];
  /** Stop words, each once. */
  stops: string[];
}

export function prepareName(name: string): PreparedName {
  const norm = normalizeTaskName(name);
  const all = norm === '' ? [] : norm.split(' ');
  let words = [...new Set(all.filter((w) => !STOP_WORDS.has(w)))];
  if (words.length === 0) words = [...new Set(all)];
  return { name, norm, words, stems: words.map(stem), singulars: words.map(singular), stops: [...new Set(all.filter((w) => STOP_WORDS.has(w)))] };
}

/** Names with more content words than this are compared whenever they share a key (the bit masks below have 30 bits). */
const MASK_WORDS = 30;

/** The bit mask with a bit for each content word of the name: a candidate pair must meet them all on one side. */
export function fullMask(p: PreparedName): number {
  return p.words.length > MASK_WORDS ? 0 : (1 << p.words.length) - 1;
}

/**
 * Index keys of a name, each with the mask of the content words it stands for: two names that may
 * be variants share keys covering every word of one of them (stems, joined neighbours, typo
 * neighbourhoods).
 */
export function variantKeys(p: PreparedName): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (key: string, mask: number) => keys.set(key, (keys.get(key) ?? 0) | mask);
  p.words.forEach((w, i) => {
    const bit = i < MASK_WORDS ? 1 << i : 0;
    add(`s:${p.stems[i]}`, bit);
    // "data base" meets "database": the two words joined are indexed as one, standing for both.
    if (i + 1 < p.words.length) add(`s:${stem(w + p.words[i + 1])}`, bit | (i + 1 < MASK_WORDS ? 1 << (i + 1) : 0));
    for (const k of deletionKeys(w)) add(`d:${k}`, bit);
    if (p.singulars[i] !== w) for (const k of deletionKeys(p.singulars[i])) add(`d:${k}`, bit);
  });
  return keys;
}

type Kind = keyof typeof QUALITY;
interface Token { text: string; stem: string; singular: string; joined: boolean }
interface Met { quality: number; kind: Kind; other: string }

/** Joins neighbouring words whose concatenation is a word of the other name ("data base" → "database"). */
function tokens(p: PreparedName, other: PreparedName): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < p.words.length; i++) {
    if (i + 1 < p.words.length) {
      const joined = stem(p.words[i] + p.words[i + 1]);
      if (other.stems.includes(joined) && !other.stems.includes(p.stems[i])) {
        out.push({ text: `${p.words[i]} ${p.words[i + 1]}`, stem: joined, singular: joined, joined: true });
        i++;
        continue;
      }
    }
    out.push({ text: p.words[i], stem: p.stems[i], singular: p.singulars[i], joined: false });
  }
  return out;
}

/** How one word is met in the other name, best first; null when it is not. */
function meet(t: Token, others: readonly Token[]): Met | null {
  let best: Met | null = null;
  for (const o of others) {
    let m: Met | null = null;
    if (t.text === o.text) m = { quality: QUALITY.same, kind: 'same', other: o.text };
    else if (t.stem === o.stem) m = { quality: t.joined || o.joined ? QUALITY.compound : QUALITY.stem, kind: t.joined || o.joined ? 'compound' : 'stem', other: o.text };
    else if (!t.joined && !o.joined && (isTypo(t.text, o.text) || isTypo(t.singular, o.singular))) m = { quality: QUALITY.typo, kind: 'typo', other: o.text };
    if (m && (!best || m.quality > best.quality)) best = m;
    if (best?.quality === 1) break;
  }
  return best;
}

export interface Variant {
  /** In (0, MAX_PROPOSAL_SCORE], two decimals. */
  score: number;
  reason: string;
}

/** The two names as close variants of one task, or null when a content word of the shorter is not met (or the score is too low). */
export function compareNames(a: PreparedName, b: PreparedName): Variant | null {
  if (a.words.length === 0 || b.words.length === 0) return null;
  const ta = tokens(a, b);
  const tb = tokens(b, a);
  // The shorter name must be met word for word; at equal length, both must.
  const mustA = ta.length <= tb.length;
  const mustB = tb.length <= ta.length;
  const metA: (Met | null)[] = [];
  for (const t of ta) {
    const m = meet(t, tb);
    if (!m && mustA) return null;
    metA.push(m);
  }
  const metB: (Met | null)[] = [];
  for (const t of tb) {
    const m = meet(t, ta);
    if (!m && mustB) return null;
    metB.push(m);
  }
  const sum = (ms: (Met | null)[]) => ms.reduce((s, m) => s + (m?.quality ?? 0), 0);
  const raw = (sum(metA) + sum(metB)) / (ta.length + tb.length);
  const score = Math.round(Math.min(raw, MAX_PROPOSAL_SCORE) * 100) / 100;
  if (score < MIN_PROPOSAL_SCORE) return null;
  return { score, reason: describe(a, b, ta, tb, metA, metB) };
}

const quote = (s: string) => `"${s}"`;

function describe(a: PreparedName, b: PreparedName, ta: Token[], tb: Token[], metA: (Met | null)[], metB: (Met | null)[]): string {
  const notes: string[] = [];
  ta.forEach((t, i) => {
    const m = metA[i];
    if (!m || m.kind === 'same') return;
    if (m.kind === 'stem') notes.push(`${quote(t.text)} and ${quote(m.other)} are forms of one word`);
    else if (m.kind === 'typo') notes.push(`${quote(t.text)} and ${quote(m.other)} differ by a letter or two (a typo?)`);
    else notes.push(t.joined ? `${quote(t.text)} written as one word ${quote(m.other)}` : `${quote(m.other)} written as one word ${quote(t.text)}`);
  });
  const extra = (p: PreparedName, ts: Token[], ms: (Met | null)[]) => {
    const words = ts.filter((_, i) => !ms[i]).map((t) => quote(t.text));
    if (words.length) notes.push(`${quote(p.name.trim())} also says ${words.join(', ')}`);
  };
  extra(a, ta, metA);
  extra(b, tb, metB);
  const stems = (ts: Token[]) => ts.map((t) => t.stem);
  const [sa, sb] = [stems(ta), stems(tb)];
  if (sa.join(' ') !== sb.join(' ') && [...sa].sort().join(' ') === [...sb].sort().join(' ')) notes.push('words in another order');
  const small = [...a.stops.filter((w) => !b.stops.includes(w)), ...b.stops.filter((w) => !a.stops.includes(w))];
  if (small.length) notes.push(notes.length ? `small words differ (${small.slice(0, 3).map(quote).join(', ')})` : `the same apart from small words (${small.slice(0, 3).map(quote).join(', ')})`);
  return `close variant: ${notes.join('; ')}`;
}
