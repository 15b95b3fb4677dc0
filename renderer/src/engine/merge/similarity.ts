/**
 * How alike two task names are, word by word, for the merger's proposals: normalized names, light
 * stemming (plural and -ing/-ed forms), typo tolerance and a coverage score that rules out names
 * whose content words differ ("Grant writing" vs "Grant reporting").
 */

/** Lowercase, accents folded, "&" and "+" read as "and", punctuation/hyphens/slashes as spaces, spaces collapsed. */
export function normalizeTaskName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // An apostrophe joins its word ("director's" → "directors"), it does not split it.
    .replace(/['\u2018\u2019`\u00b4]/g, '')
    .replace(/[&+]/g, ' and ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/** normalizeTaskName's words sorted: the same key for the same words in any order. */
export function taskWordKey(name: string): string {
  const norm = normalizeTaskName(name);
  return norm === '' ? '' : norm.split(' ').sort().join(' ');
}

/** Words that carry no task content: they neither count toward a match nor rule one out. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'for', 'to', 'with', 'on', 'in', 'at', 'by', 'from', 'into',
  'per', 'via', 'as', 'about', 'our', 'their', 'its', 'all', 'any', 'etc',
]);

const VOWELS = /[aeiouy]/;

/** The word without a plural ending ("entries" → "entry", "boxes" → "box", "reports" → "report"). */
export function singular(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * A light stem: plurals and -ing/-ed endings off, -ation as -ate, a final "e" off and a final
 * double consonant single, so "entries"/"entry", "reports"/"reporting", "filing"/"files",
 * "planning"/"plans", "facilitation"/"facilitate" meet. Deliberately no -er/-ment rules and -ize
 * kept apart from -ization: "organizer", "organizing" and "organization" are different work.
 */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let w = singular(word);
  if (/ied$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
  // "facilitation"/"facilitate", "translation"/"translating": the act and its doing are one task.
  if (/ation$/.test(w) && w.length >= 9) w = w.slice(0, -3);
  for (const end of ['ing', 'ed']) {
    const rest = w.slice(0, -end.length);
    if (w.endsWith(end) && rest.length >= 3 && VOWELS.test(rest)) {
      w = rest;
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !/[aeioulsz]/.test(w[n - 1])) w = w.slice(0, -1);
  return w;
}

// ---------------------------------------------------------------------------------------
// Typos

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Keys next to each other on a QWERTY keyboard: a slip of the finger is a typo, "planning"/"planting" is not. */
const NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (x: string | undefined, y: string | undefined) => {
    if (!x || !y) return;
    map.set(x, (map.get(x) ?? '') + y);
    map.set(y, (map.get(y) ?? '') + x);
  };
  ROWS.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      add(row[i], row[i + 1]);
      // The row below is offset half a key to the right: its key i sits under keys i and i+1 above.
      if (r < ROWS.length - 1) add(ROWS[r + 1][i], row[i]), add(ROWS[r + 1][i], row[i + 1]);
    }
  });
  return map;
})();

/** Words shorter than this must be equal: in short words one letter is a different word ("case"/"cash" aside, "tax"/"tab"). */
export const MIN_TYPO_LENGTH = 4;
/**
 * Words this long or longer may differ by two edits, shorter ones by one. Ten, not eight: at
 * nine letters two edits already turn "mentoring" into "monitoring".
 */
export const TWO_TYPOS_FROM = 10;
/** Longer "words" are codes or run-together text, compared whole: this bounds the typo index and the edit distance's work. */
export const MAX_TYPO_LENGTH = 30;
/** Swapping one vowel for another is a spelling slip only in long words ("calender"); in short ones it is another word ("mopping"/"mapping"). */
const VOWEL_SLIP_FROM = 8;

/**
 * Optimal-string-alignment distance where a substitution costs 1 only when it is a plausible slip
 * (neighbouring keys, or a vowel for a vowel in a long word) and 2 otherwise; stops past `max`.
 */
function typoDistance(x: string, y: string, max: number): number {
  const vowelSlips = Math.min(x.length, y.length) >= VOWEL_SLIP_FROM;
  const subCost = (p: string, q: string) => {
    if (p === q) return 0;
    if (NEIGHBOURS.get(p)?.includes(q)) return 1;
    return vowelSlips && VOWELS.test(p) && VOWELS.test(q) ? 1 : 2;
  };
  const m = y.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= m; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + subCost(x[i - 1], y[j - 1]));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1] && x[i - 1] !== y[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[m];
}

/** Edits allowed between two words of these lengths (0: they must be equal). */
export function typoAllowance(x: string, y: string): number {
  const shorter = Math.min(x.length, y.length);
  if (shorter < MIN_TYPO_LENGTH || Math.max(x.length, y.length) > MAX_TYPO_LENGTH) return 0;
  return shorter >= TWO_TYPOS_FROM ? 2 : 1;
}

/** Whether two different words look like one word mistyped: same first letter, few plausible edits, no digits. */
export function isTypo(x: string, y: string): boolean {
  const max = typoAllowance(x, y);
  if (max === 0 || x[0] !== y[0] || Math.abs(x.length - y.length) > max || /\d/.test(x + y)) return false;
  return typoDistance(x, y, max) <= max;
}

/** Variants of a word with one letter deleted, and the word: words one edit apart share one (the typo index). */
export function deletionKeys(word: string): string[] {
  const keys = [word];
  if (word.length < MIN_TYPO_LENGTH || word.length > MAX_TYPO_LENGTH) return keys;
  for (let i = 1; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  // Two edits apart in long words: their first five letters usually survive.
  if (word.length >= TWO_TYPOS_FROM) keys.push(`^${word.slice(0, 5)}`);
  return keys;
}
