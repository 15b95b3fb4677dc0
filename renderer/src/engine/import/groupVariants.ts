/**
 * Finds departments (and roles) that are probably one group written two ways — "Ops" beside
 * "Operations", "HR" beside "Human Resources", "Human-Resources" beside "Human Resources" — and
 * notes the smaller one (an info issue at its first row). Case and spacing already fold into one
 * group in the audit, so they are never noted; two different words never are either: only
 * punctuation or accent variants, acronyms, prefixes and consonant contractions of one word.
 */
import type { Person } from '../model/types';
import { looseTaskKey } from './nearDuplicates';
import type { IssueLog, Loc } from './records';

/** The smaller group is noted only when it has at most this many people ("one or few"). */
export const FEW_PEOPLE = 3;
/** Shortest abbreviation taken as one (two letters only as an acronym: "HR", "IT"). */
const MIN_ABBREVIATION = 3;

const SKIPPED_WORDS = new Set(['and', 'of', 'the', 'for', '&']);

function words(name: string): string[] {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
}

/** Vowels after the first letter: "mktg" has none, "comms" one; a real word has more. */
function innerVowels(s: string): number {
  return (s.slice(1).match(/[aeiouy]/g) ?? []).length;
}

/** True when `s` is a subsequence of `l` (its letters appear in `l` in order). */
function subsequence(s: string, l: string): boolean {
  let i = 0;
  for (const ch of l) if (ch === s[i]) i++;
  return i === s.length;
}

/**
 * Whether two group names (already different ignoring case and spaces) are likely one:
 * "Human-Resources"/"Human Resources" (punctuation), "HR"/"Human Resources" (acronym),
 * "Admin"/"Administration" and "Comms"/"Communications" (prefix, with a plural s),
 * "Mktg"/"Marketing" (consonant contraction).
 */
export function likelySameGroup(a: string, b: string): boolean {
  const ka = looseTaskKey(a);
  const kb = looseTaskKey(b);
  if (ka === '' || kb === '') return false;
  if (ka === kb) return true;
  const [short, long] = ka.length < kb.length ? [a, b] : [b, a];
  const s = words(short).filter((w) => !SKIPPED_WORDS.has(w));
  const l = words(long).filter((w) => !SKIPPED_WORDS.has(w));
  // One word ("HR", "Comms"), or single letters around "&" ("R&D", "R & D").
  if (!(s.length === 1 || s.every((w) => w.length === 1))) return false;
  const abbr = s.join('').replace(/&/g, '');
  if (l.length >= 2) return abbr.length >= 2 && abbr === l.map((w) => w[0]).join('');
  if (l.length !== 1 || s.length !== 1 || abbr.length < MIN_ABBREVIATION) return false;
  const word = l[0];
  if (word === `${abbr}s` || word === `${abbr}es`) return true;
  // A prefix must leave out at least two letters: "Admin"/"Administration", not "Operation"/"Operations" (a plural, above).
  if (word.length < abbr.length + 2) return false;
  if (word.startsWith(abbr) || (abbr.endsWith('s') && word.startsWith(abbr.slice(0, -1)))) return true;
  return abbr[0] === word[0] && innerVowels(abbr) === 0 && subsequence(abbr, word);
}

interface Group {
  name: string;
  people: number;
  loc: Loc | null;
}

function peopleCount(n: number): string {
  return n === 1 ? '1 person' : `${n.toLocaleString('en-US')} people`;
}

/**
 * Notes each small group whose name likely means a bigger (or equal) one. `locate` gives where a
 * role or department name was first read (by its lower-cased name). Groups are compared pairwise, so the work grows with the
 * square of the distinct names; organizations have dozens, and past a few hundred nothing is checked.
 */
export function reportGroupVariants(people: Person[], by: 'department' | 'role', locate: (key: string) => Loc | null, log: IssueLog): void {
  const groups = new Map<string, Group>();
  for (const p of people) {
    const name = p[by];
    if (name === null || name.trim() === '') continue;
    const key = name.toLowerCase();
    const g = groups.get(key);
    if (g) g.people++;
    else groups.set(key, { name, people: 1, loc: locate(key) });
  }
  const list = [...groups.values()];
  if (list.length > 400) return;
  const noted = new Set<Group>();
  for (const [smallAt, small] of list.entries()) {
    if (small.people > FEW_PEOPLE) continue;
    // The likely meaning: the largest group it resembles (the earlier one on a tie), never a smaller one.
    let best: Group | null = null;
    for (const [otherAt, other] of list.entries()) {
      if (other === small || other.people < small.people || noted.has(other)) continue;
      if (other.people === small.people && otherAt > smallAt) continue;
      if (!likelySameGroup(small.name, other.name)) continue;
      if (!best || other.people > best.people) best = other;
    }
    if (!best) continue;
    noted.add(small);
    const label = by === 'department' ? 'Department' : 'Role';
    const row = small.loc ? `, row ${small.loc.row}` : '';
    log.add('info', `${label} "${small.name}" (${peopleCount(small.people)}${row}) may be the same as "${best.name}" (${peopleCount(best.people)}); you can change it in Jobs`, small.loc);
  }
}
