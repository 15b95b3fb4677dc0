/**
 * Suggested ratings from the built-in task library (taskLibrary.ts). A suggestion is a prior with
 * its provenance shown — source 'suggested', reason `Suggested from "…" (task library)` — and is
 * never presented as the members' rating (DESIGN.md §1 "Who rates", §4 precedence
 * members > file > suggested). Tasks the library cannot place stay 'unrated' and say so.
 *
 * How a task name is rated:
 *  1. Its words are matched against every entry's phrases (syntax in taskLibrary.ts).
 *  2. More specific wins: a match is dropped when its words lie inside the words matched by a
 *     longer phrase (more pattern words) of another entry — "Clean data" is data cleaning, not
 *     cleaning; "Cleaning toilets" is the toilets entry alone; "Van hire" is a booking, not
 *     hiring. Matches that merely overlap both count.
 *  3. Oversight: when an 'oversight' entry (supervise, manage, coordinate, lead, plan, train
 *     others, hire, strategy, chair, facilitate) matches, 'activity' entries rated less empowering than the
 *     strongest oversight entry are the work overseen, not the work done, and are left out
 *     (listed in the reason). 'condition' entries (night shift, hazard, weekend…) always count.
 *  4. What remains is averaged per dimension over the entries with an opinion; a dimension no
 *     entry has an opinion on stays null. Each entry counts once, however often it matches.
 * Pure functions: nothing here mutates its input.
 */
import type { Organization, Task } from '../model/types';
import { TASK_LIBRARY, type TaskLibraryEntry, type TaskLibraryKind } from './taskLibrary';

export interface SuggestedRating {
  /** Normalized 0–1, or null when no matching entry has an opinion on empowerment. */
  empowerment: number | null;
  /** Normalized 0–1, or null when no matching entry has an opinion on desirability. */
  desirability: number | null;
  reason: string;
}

/** The reason an unrated task keeps when the library has nothing for it. */
export const UNPLACED_REASON = 'No rating in the file and no match in the task library';

/** Words that may sit between the words of a phrase ("clean the toilets"), at most MAX_FILLER at a time. */
const FILLER = new Set(['the', 'a', 'an', 'of', 'our', 'all', 'its', 'their', 'his', 'her', 'my', 'your', 'this', 'that', 'these', 'those', 'new', 'any', 'some']);
const MAX_FILLER = 3;
/** Short function words in patterns match only themselves (no "the" → "thing" by e-dropping). */
const EXACT_WORDS = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'at', 'by', 'for', 'up', 'out', 'off', 'down', 'with', 'you', 'your', 'all', 'it', 'from']);

/** Words of a task name: lowercase, accents and apostrophes dropped, "&" read as "and", split on anything else. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A word and its regular inflections (see taskLibrary.ts): plural, -ing, -ed, e-dropping, y → ies, doubled consonant. */
export function inflections(word: string): string[] {
  const out = new Set([word]);
  if (!/^[a-z]+$/.test(word) || EXACT_WORDS.has(word)) return [...out];
  for (const suffix of ['s', 'es', 'ing', 'ed']) out.add(word + suffix);
  if (word.endsWith('e')) {
    out.add(word + 'd');
    out.add(word.slice(0, -1) + 'ing');
  }
  if (/[^aeiou]y$/.test(word)) {
    out.add(word.slice(0, -1) + 'ies');
    out.add(word.slice(0, -1) + 'ied');
  }
  if (/[^aeiou][aeiou][^aeiouwxy]$/.test(word)) {
    const last = word[word.length - 1];
    out.add(word + last + 'ing');
    out.add(word + last + 'ed');
  }
  return [...out];
}

type WordTest = (token: string) => boolean;

interface CompiledWord {
  test: WordTest;
  /** Tokens it matches (exact and inflected words), or null for a prefix. */
  forms: ReadonlySet<string> | null;
  /** The prefix of a `word*`, else null. */
  prefix: string | null;
}

/** One pattern word as a test on a token; throws on a malformed word. */
function compileWord(word: string, phrase: string): CompiledWord {
  const m = /^(=?)([a-z0-9]+)(\*?)$/.exec(word);
  if (!m || (m[1] && m[3])) throw new Error(`task library: malformed word "${word}" in "${phrase}"`);
  const stem = m[2];
  if (m[3]) {
    if (stem.length < 3) throw new Error(`task library: prefix "${word}" in "${phrase}" is too short (3 letters at least)`);
    return { test: (t) => t.startsWith(stem), forms: null, prefix: stem };
  }
  const forms = new Set(m[1] ? [stem] : inflections(stem));
  return { test: (t) => forms.has(t), forms, prefix: null };
}

interface CompiledPhrase {
  text: string;
  words: WordTest[];
  first: CompiledWord;
}

interface CompiledEntry {
  index: number;
  entry: TaskLibraryEntry;
  kind: TaskLibraryKind;
  phrases: CompiledPhrase[];
}

interface Candidate {
  ce: CompiledEntry;
  phrase: CompiledPhrase;
}

/** A library ready to match: phrases indexed by the tokens their first word can match. */
interface CompiledLibrary {
  entries: CompiledEntry[];
  /** First words that are exact or inflected: by token. */
  byForm: Map<string, Candidate[]>;
  /** First words that are prefixes: by their first three letters (prefixes have at least three). */
  byPrefix: Map<string, Candidate[]>;
}

/** Checks a pattern phrase and compiles it; throws with the phrase on a malformed one. */
export function compilePhrase(phrase: string): CompiledPhrase {
  if (phrase !== phrase.trim() || phrase.length === 0 || /\s{2,}/.test(phrase)) throw new Error(`task library: malformed phrase "${phrase}"`);
  const words = phrase.split(' ').map((w) => compileWord(w, phrase));
  return { text: phrase, words: words.map((w) => w.test), first: words[0] };
}

const compiledCache = new WeakMap<readonly TaskLibraryEntry[], CompiledLibrary>();

function compileLibrary(library: readonly TaskLibraryEntry[]): CompiledLibrary {
  let compiled = compiledCache.get(library);
  if (!compiled) {
    const entries = library.map((entry, index) => ({ index, entry, kind: entry.kind ?? 'activity', phrases: entry.pattern.map(compilePhrase) }));
    const byForm = new Map<string, Candidate[]>();
    const byPrefix = new Map<string, Candidate[]>();
    const add = (map: Map<string, Candidate[]>, key: string, c: Candidate) => {
      const list = map.get(key);
      if (list) list.push(c);
      else map.set(key, [c]);
    };
    for (const ce of entries) {
      for (const phrase of ce.phrases) {
        const { forms, prefix } = phrase.first;
        if (prefix !== null) add(byPrefix, prefix.slice(0, 3), { ce, phrase });
        else for (const f of forms!) add(byForm, f, { ce, phrase });
      }
    }
    compiled = { entries, byForm, byPrefix };
    compiledCache.set(library, compiled);
  }
  return compiled;
}

/** End token index of `words` matched from token `start` (fillers allowed between words), or -1. */
function matchAt(words: WordTest[], tokens: string[], start: number): number {
  if (!words[0](tokens[start])) return -1;
  const rest = (k: number, from: number): number => {
    if (k === words.length) return from - 1;
    for (let j = from, skipped = 0; j < tokens.length && skipped <= MAX_FILLER; j++, skipped++) {
      if (words[k](tokens[j])) {
        const end = rest(k + 1, j + 1);
        if (end >= 0) return end;
      }
      if (!FILLER.has(tokens[j])) break;
    }
    return -1;
  };
  return rest(1, start + 1);
}

/** One library entry found in a task name, and what became of it. */
export interface LibraryMatch {
  entry: TaskLibraryEntry;
  /** The entry's position in the library. */
  index: number;
  /** The phrase that matched (the most specific one, earliest in the name). */
  phrase: string;
  /** Token positions in tokenize(name), inclusive. */
  start: number;
  end: number;
  /**
   * 'used' counts; 'shadowed' lies inside a longer phrase's match; 'overseen' is an activity
   * less empowering than an oversight entry in the same name.
   */
  status: 'used' | 'shadowed' | 'overseen';
}

interface Hit {
  ce: CompiledEntry;
  phrase: string;
  start: number;
  end: number;
  size: number;
}

/** Every library entry found in a task name with its status, in order of position in the name. */
export function matchTaskLibrary(taskName: string, library: readonly TaskLibraryEntry[] = TASK_LIBRARY): LibraryMatch[] {
  const tokens = tokenize(taskName);
  if (tokens.length === 0) return [];
  const { byForm, byPrefix } = compileLibrary(library);
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const { ce, phrase } of [...(byForm.get(tokens[i]) ?? []), ...(byPrefix.get(tokens[i].slice(0, 3)) ?? [])]) {
      const end = matchAt(phrase.words, tokens, i);
      if (end >= 0) hits.push({ ce, phrase: phrase.text, start: i, end, size: phrase.words.length });
    }
  }
  const shadowed = (h: Hit) => hits.some((o) => o.ce !== h.ce && o.size > h.size && o.start <= h.start && h.end <= o.end);
  // One representative per entry: its first unshadowed hit (most specific, then earliest), else its first hit.
  const byEntry = new Map<CompiledEntry, { hit: Hit; live: boolean }>();
  for (const h of hits) {
    const live = !shadowed(h);
    const cur = byEntry.get(h.ce);
    const better = !cur || (live && !cur.live) || (live === cur.live && (h.size > cur.hit.size || (h.size === cur.hit.size && h.start < cur.hit.start)));
    if (better) byEntry.set(h.ce, { hit: h, live });
  }
  const reps = [...byEntry.values()];
  const oversightE = reps.filter((r) => r.live && r.hit.ce.kind === 'oversight').map((r) => r.hit.ce.entry.empowerment ?? 0);
  const threshold = oversightE.length > 0 ? Math.max(...oversightE) : null;
  return reps
    .map(({ hit, live }): LibraryMatch => {
      const { entry, kind, index } = hit.ce;
      let status: LibraryMatch['status'] = live ? 'used' : 'shadowed';
      if (live && threshold !== null && kind === 'activity' && entry.empowerment !== null && entry.empowerment < threshold) status = 'overseen';
      return { entry, index, phrase: hit.phrase, start: hit.start, end: hit.end, status };
    })
    .sort((a, b) => a.start - b.start || a.index - b.index);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round3(values.reduce((s, v) => s + v, 0) / values.length);
}

const quoted = (ms: LibraryMatch[]) => ms.map((m) => `"${m.entry.label}"`).join(', ');

/**
 * The library's suggested rating for a task name: normalized E and D (null for a dimension no
 * matching entry has an opinion on) with the reason; null when nothing in the library matches.
 */
export function suggestRating(taskName: string, library: readonly TaskLibraryEntry[] = TASK_LIBRARY): SuggestedRating | null {
  const matches = matchTaskLibrary(taskName, library);
  const used = matches.filter((m) => m.status === 'used');
  if (used.length === 0) return null;
  const overseen = matches.filter((m) => m.status === 'overseen');
  const empowerment = mean(used.flatMap((m) => (m.entry.empowerment === null ? [] : [m.entry.empowerment])));
  const desirability = mean(used.flatMap((m) => (m.entry.desirability === null ? [] : [m.entry.desirability])));
  const note = overseen.length > 0 ? `; ${quoted(overseen)} counted as work overseen, not done` : '';
  return { empowerment, desirability, reason: `Suggested from ${quoted(used)} (task library${note})` };
}

/**
 * A new organization in which every 'unrated' task the library can place is 'suggested' with the
 * library's normalized ratings and reason, and every one it cannot place stays 'unrated' with
 * UNPLACED_REASON. Tasks rated by the file or the members are returned untouched.
 */
export function applySuggestions(org: Organization, library: readonly TaskLibraryEntry[] = TASK_LIBRARY): Organization {
  return {
    ...org,
    tasks: org.tasks.map((t): Task => {
      if (t.source !== 'unrated') return t;
      const s = suggestRating(t.name, library);
      if (!s) return { ...t, reason: UNPLACED_REASON };
      return { ...t, empowerment: s.empowerment, desirability: s.desirability, source: 'suggested', reason: s.reason };
    }),
  };
}

/** The tasks still unrated (after applySuggestions: the ones the library could not place), in order. */
export function unratedTasks(org: Organization): Task[] {
  return org.tasks.filter((t) => t.source === 'unrated');
}
