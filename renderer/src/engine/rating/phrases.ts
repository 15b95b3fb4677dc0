/**
 * Task-library phrases as word tests: tokenizing a task name, the inflections a pattern word
 * matches, compiling the library's phrases (syntax in taskLibrary.ts) and matching one phrase at
 * a position. suggest.ts decides which matches count.
 */
import type { TaskLibraryEntry, TaskLibraryKind } from './taskLibrary';

/** Words that may sit between the words of a phrase ("clean the toilets"), at most MAX_FILLER at a time. */
export const FILLER: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'our', 'all', 'its', 'their', 'his', 'her', 'my', 'your', 'this', 'that', 'these', 'those', 'new', 'any', 'some']);
export const MAX_FILLER = 3;
/** Short function words in patterns match only themselves (no "the" → "thing" by e-dropping). */
export const EXACT_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'at', 'by', 'for', 'up', 'out', 'off', 'down', 'with', 'you', 'your', 'all', 'it', 'from']);

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

export type WordTest = (token: string) => boolean;

export interface CompiledWord {
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

export interface CompiledPhrase {
  text: string;
  /** The pattern's words as written. */
  parts: string[];
  words: WordTest[];
  first: CompiledWord;
}

export interface CompiledEntry {
  index: number;
  entry: TaskLibraryEntry;
  kind: TaskLibraryKind;
  phrases: CompiledPhrase[];
}

export interface Candidate {
  ce: CompiledEntry;
  phrase: CompiledPhrase;
}

/** A library ready to match: phrases indexed by the tokens their first word can match. */
export interface CompiledLibrary {
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
  return { text: phrase, parts: phrase.split(' '), words: words.map((w) => w.test), first: words[0] };
}

const compiledCache = new WeakMap<readonly TaskLibraryEntry[], CompiledLibrary>();

export function compileLibrary(library: readonly TaskLibraryEntry[]): CompiledLibrary {
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
export function matchAt(words: WordTest[], tokens: string[], start: number): number {
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


/** Phrases whose first word can match a token. */
export function candidatesFor(lib: CompiledLibrary, token: string): Candidate[] {
  return [...(lib.byForm.get(token) ?? []), ...(lib.byPrefix.get(token.slice(0, 3)) ?? [])];
}
