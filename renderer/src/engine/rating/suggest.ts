/**
 * Suggested ratings from the built-in task library (taskLibrary.ts). A suggestion is a prior with
 * its provenance shown — source 'suggested', reason `Suggested from "…" (task library)` — and is
 * never presented as the members' rating (DESIGN.md §1 "Who rates", §4 precedence
 * members > file > suggested). Tasks the library cannot place stay 'unrated' and say so.
 *
 * How a task name is rated:
 *  1. Its words are matched against every entry's phrases (syntax in taskLibrary.ts; phrases.ts).
 *  2. More specific wins: a match is dropped when its words lie inside the words matched by a
 *     longer phrase (more pattern words) of another entry — "Clean data" is data cleaning, not
 *     cleaning; "Van hire" is a booking, not hiring.
 *  3. The verb and the head noun decide, not any word (grammar.ts). Each clause ("and", comma,
 *     slash) has a core and a complement ("for the strategy retreat", "of the board"): only the
 *     core's action — a leading verb, or the action noun ending a compound ("grievance filing",
 *     "vendor coordination") — and its object — the head noun, or its nearest known modifier —
 *     count; the rest is context. A two-word phrase also matches as verb and object across
 *     modifiers or in either order ("Clean kitchen toilets", "Grievance filing" = "Filing
 *     grievances"). Only when no core holds anything known, and a core is one word (a bare verb
 *     or action noun), is its complement read the same way ("Talk to reporters").
 *  4. An object more empowering than an action that only handles it (rated 0.5 or less: rote
 *     work, and rendering such as translation or copy editing) is only the material it handles:
 *     "Print board papers" is printing, "Enter budget figures" data entry, "Translate the
 *     strategic plan" translation — in either word order ("Strategic plan typing").
 *  5. Oversight: when an 'oversight' entry (supervise, manage, coordinate, lead, plan, train
 *     others, hire, strategy, chair, facilitate) is the action of a clause, 'activity' entries
 *     rated less empowering than the strongest one are the work overseen, not the work done. An
 *     oversight word that is only the object or a modifier oversees nothing ("Hiring committee
 *     notetaking" is notetaking). 'condition' entries
 *     (night shift, hazard, weekend…) always count, wherever they stand.
 *  6. What remains is averaged per dimension over the entries with an opinion; a dimension no
 *     entry has an opinion on stays null. Each entry counts once, however often it matches. The
 *     reason names what counted, what was overseen and what was read as context.
 * Pure functions: nothing here mutates its input.
 */
import type { Organization, Task } from '../model/types';
import { TASK_LIBRARY, type TaskLibraryEntry } from './taskLibrary';
import { candidatesFor, compileLibrary, EXACT_WORDS, matchAt, tokenize, type CompiledEntry, type CompiledLibrary } from './phrases';
import { clausesOf, isVerbForm, pieceBreaks, shapeClause, type Clause } from './grammar';

const PARTICLE_WORDS: ReadonlySet<string> = new Set(['up', 'out', 'off', 'down', 'away', 'back', 'over']);

export { compilePhrase, inflections, tokenize } from './phrases';

export interface SuggestedRating {
  /** Normalized 0–1, or null when no matching entry has an opinion on empowerment. */
  empowerment: number | null;
  /** Normalized 0–1, or null when no matching entry has an opinion on desirability. */
  desirability: number | null;
  reason: string;
}

/** The reason an unrated task keeps when the library has nothing for it. */
export const UNPLACED_REASON = 'No rating in the file and no match in the task library';

/** One library entry found in a task name, and what became of it. */
export interface LibraryMatch {
  entry: TaskLibraryEntry;
  /** The entry's position in the library. */
  index: number;
  /** The phrase that matched (the most telling one: counted, then most specific, then earliest). */
  phrase: string;
  /** Token positions in tokenize(name), inclusive. */
  start: number;
  end: number;
  /**
   * 'used' counts; 'shadowed' lies inside a longer phrase's match; 'overseen' is an activity
   * less empowering than an oversight entry in the same name; 'context' is a modifier or
   * complement — what the work is about or for, not the work ("strategy" in "Set up chairs for
   * strategy retreat").
   */
  status: 'used' | 'shadowed' | 'overseen' | 'context';
}

interface Hit {
  ce: CompiledEntry;
  phrase: string;
  start: number;
  end: number;
  size: number;
}

const covers = (h: Hit, p: number | null) => p !== null && h.start <= p && p <= h.end;
const contentPhrase = (parts: string[]) => parts.every((w) => !EXACT_WORDS.has(w.replace(/^=/, '')));

/** Phrases read as a verb and its object across modifiers: "Clean kitchen toilets" (clean … toilets), "Grievance filing" (filing grievances). */
function verbObjectHits(tokens: string[], lib: CompiledLibrary, clause: Clause): Hit[] {
  const a = clause.action;
  const o = clause.object[0];
  if (a === null || o === undefined) return [];
  const hits: Hit[] = [];
  for (const { ce, phrase } of candidatesFor(lib, tokens[a])) {
    const n = phrase.words.length;
    if (n < 2) continue;
    if (o > a) {
      const prefixEnd = matchAt(phrase.words.slice(0, -1), tokens, a);
      if (prefixEnd >= 0 && prefixEnd < o && phrase.words[n - 1](tokens[o])) hits.push({ ce, phrase: phrase.text, start: a, end: o, size: n });
    } else if (n === 2 && contentPhrase(phrase.parts) && phrase.words[1](tokens[o])) {
      hits.push({ ce, phrase: phrase.text, start: o, end: a, size: n });
    }
  }
  return hits;
}

/**
 * A phrase that takes the verb with a modifier of another head ("design campaign" in "Design
 * campaign flyers") is not what the clause says when something else names the head. A phrase
 * of verbs only ("copy edit", "type up") is the verb itself, never broken.
 */
function brokenHits(hits: Hit[], clauses: Clause[], tokens: string[]): Set<Hit> {
  const broken = new Set<Hit>();
  for (const c of clauses) {
    const head = c.object[0];
    if (c.action === null || head === undefined || head < c.action) continue;
    for (const h of hits) {
      if (covers(h, c.action) && h.end > c.action && h.end < head && !tokens.slice(c.action + 1, h.end + 1).every((w) => isVerbForm(w) || PARTICLE_WORDS.has(w)) && hits.some((o) => o !== h && covers(o, head) && !covers(o, c.action))) broken.add(h);
    }
  }
  return broken;
}

function literalHits(tokens: string[], lib: CompiledLibrary): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const { ce, phrase } of candidatesFor(lib, tokens[i])) {
      const end = matchAt(phrase.words, tokens, i);
      if (end >= 0) hits.push({ ce, phrase: phrase.text, start: i, end, size: phrase.words.length });
    }
  }
  return hits;
}

type Status = LibraryMatch['status'];
const e = (h: Hit) => h.ce.entry.empowerment;

/**
 * What each live (unshadowed) content hit is in a clause: the action's hits and the object's
 * count, except that an object less empowering than an oversight action is the work overseen,
 * and one more empowering than a rote action is only the material it handles ("Print board
 * papers" is printing, "Enter budget figures" is data entry). Everything else is context.
 */
function judgeClause(clause: Clause, live: Hit[], out: Map<Hit, Status>, actions: Set<Hit>): void {
  const actionHits = live.filter((h) => covers(h, clause.action));
  const objPos = clause.object.find((p) => live.some((h) => covers(h, p)));
  const objectHits = objPos === undefined ? [] : live.filter((h) => covers(h, objPos) && !covers(h, clause.action));
  for (const h of actionHits) {
    out.set(h, 'used');
    actions.add(h);
  }
  const actionE = Math.max(...actionHits.map((h) => e(h) ?? -1));
  const overseer = actionHits.some((h) => h.ce.kind === 'oversight');
  for (const h of objectHits) {
    if (out.get(h) === 'used') continue;
    let status: Status = 'used';
    const oe = e(h);
    if (actionHits.length > 0 && oe !== null && h.ce.kind !== 'condition') {
      if (oe < actionE && overseer && h.ce.kind === 'activity') status = 'overseen';
      else if (oe > actionE && actionE <= HANDLES_AT_MOST) status = 'context';
    }
    out.set(h, status);
  }
}

/**
 * Actions rated at most this (on 0–1) handle their material rather than decide or author it —
 * rote work (typing, printing, notetaking) and skilled rendering (translating, copy editing):
 * the empowering thing they handle does not lift them ("Translate the strategic plan" is translation).
 */
const HANDLES_AT_MOST = 0.5;

/** Every library entry found in a task name with its status, in order of position in the name. */
export function matchTaskLibrary(taskName: string, library: readonly TaskLibraryEntry[] = TASK_LIBRARY): LibraryMatch[] {
  const tokens = tokenize(taskName);
  if (tokens.length === 0) return [];
  const lib = compileLibrary(library);
  let clauses = clausesOf(tokens, pieceBreaks(taskName, tokenize));
  const hits = [...literalHits(tokens, lib), ...clauses.flatMap((c) => verbObjectHits(tokens, lib, c))];
  const broken = brokenHits(hits, clauses, tokens);
  const whole = hits.filter((h) => !broken.has(h));
  const shadowed = (h: Hit) => whole.some((o) => o.ce !== h.ce && o.size > h.size && o.start <= h.start && h.end <= o.end);
  const live = whole.filter((h) => !shadowed(h));
  const content = live.filter((h) => h.ce.kind !== 'condition');
  const status = new Map<Hit, Status>();
  const actions = new Set<Hit>();
  // The cores decide. When they hold nothing the library knows, a core of one word (a bare verb
  // or action noun) takes its object from the complement, read the same way ("Talk to
  // reporters", "Preparation of the budget"); a core with its own object never does ("Staple
  // handouts for the workshop" is not teaching).
  for (let depth = 0; depth < 4 && clauses.length > 0; depth++) {
    for (const c of clauses) judgeClause(c, content, status, actions);
    if (status.size > 0) break;
    clauses = clauses.filter((c) => c.coreEnd < c.end - 1 && c.action === null && c.object.length <= 1).map((c) => shapeClause(tokens, c.coreEnd + 1, c.end));
  }
  // Oversight as the action of any clause: the less empowering activities counted are the work
  // overseen. An oversight word that is only the object or a modifier ("Hiring committee
  // notetaking", "Translate the strategic plan") oversees nothing.
  const oversightE = [...status].filter(([h, st]) => st === 'used' && h.ce.kind === 'oversight' && actions.has(h)).map(([h]) => e(h) ?? 0);
  const threshold = oversightE.length > 0 ? Math.max(...oversightE) : null;
  for (const [h, st] of status) {
    const he = e(h);
    if (st === 'used' && threshold !== null && h.ce.kind === 'activity' && he !== null && he < threshold) status.set(h, 'overseen');
  }
  for (const h of live) if (h.ce.kind === 'condition') status.set(h, 'used');
  const rank: Record<Status, number> = { used: 0, overseen: 1, context: 2, shadowed: 3 };
  const byEntry = new Map<CompiledEntry, { hit: Hit; st: Status }>();
  for (const hit of hits) {
    const st = status.get(hit) ?? (!broken.has(hit) && shadowed(hit) ? 'shadowed' : 'context');
    const cur = byEntry.get(hit.ce);
    const better = !cur || rank[st] < rank[cur.st] || (st === cur.st && (hit.size > cur.hit.size || (hit.size === cur.hit.size && hit.start < cur.hit.start)));
    if (better) byEntry.set(hit.ce, { hit, st });
  }
  return [...byEntry.values()]
    .map(({ hit, st }): LibraryMatch => ({ entry: hit.ce.entry, index: hit.ce.index, phrase: hit.phrase, start: hit.start, end: hit.end, status: st }))
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
  const context = matches.filter((m) => m.status === 'context');
  const empowerment = mean(used.flatMap((m) => (m.entry.empowerment === null ? [] : [m.entry.empowerment])));
  const desirability = mean(used.flatMap((m) => (m.entry.desirability === null ? [] : [m.entry.desirability])));
  const note =
    (overseen.length > 0 ? `; ${quoted(overseen)} counted as work overseen, not done` : '') +
    (context.length > 0 ? `; ${quoted(context)} read as context, not the work done` : '');
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
