/**
 * Matches the tasks of the organizations going into a merger: the same task by ID or normalized
 * name is pooled without asking (one to one), close variants are proposed with a score for a
 * person's word, and a reviewed list (`--matches FILE`) is laid over what is found.
 */
import type { Task } from '../model/types';
import type { TaskMatch } from './types';
import { normalizeTaskName, taskWordKey } from './similarity';
import { compareNames, fullMask, prepareName, variantKeys, type PreparedName } from './variant';

export { normalizeTaskName, taskWordKey };
export { MIN_PROPOSAL_SCORE, MAX_PROPOSAL_SCORE } from './variant';

/** Proposals kept per task (each side), best first: a reviewer weighs a few, not a ranked list of every name sharing a word. */
export const MAX_PROPOSALS_PER_TASK = 3;

type TaskRef = Pick<Task, 'id' | 'name'>;
interface Source { name: string; tasks: readonly TaskRef[] }

/** One organization's tasks taken apart once, for every pair it is in. */
interface Side {
  name: string;
  tasks: readonly TaskRef[];
  names: PreparedName[];
  /** Auto-match keys by kind, best kind first, each a map from key to task indices in order. */
  keys: Map<string, number[]>[];
  /** Variant index (built when the side is first the later organization of a pair). */
  index: Map<string, number[]> | null;
  /** Variant keys by task, computed when first needed and kept for the side's other pairs. */
  variantKeys: (Map<string, number> | undefined)[];
}

function keysOf(side: Side, i: number): Map<string, number> {
  return (side.variantKeys[i] ??= variantKeys(side.names[i]));
}

/** The kinds of sameness an auto match rests on, best first (the one-to-one choice keeps the best). */
const AUTO_KINDS: { key: (t: TaskRef, p: PreparedName) => string; reason: (a: string, b: string) => string }[] = [
  { key: (t) => t.name.trim(), reason: () => 'same name' },
  { key: (_, p) => p.norm, reason: (a, b) => andReason(a, b) ?? (a.trim().toLowerCase() === b.trim().toLowerCase() ? 'same name apart from case' : 'same name apart from case, spacing and punctuation') },
  { key: (t) => `\u0000${t.id}`, reason: () => 'same ID' },
  { key: (t) => taskWordKey(t.name), reason: (a, b) => ['same words in another order', andReason(a, b)].filter(Boolean).join('; ') },
];

/** "'&' read as 'and'" when one name writes "and" as a sign and the other does not. */
function andReason(a: string, b: string): string | null {
  for (const sign of ['&', '+']) if (a.includes(sign) !== b.includes(sign)) return `same name, '${sign}' read as 'and'`;
  return null;
}

function prepare(source: Source): Side {
  const names = source.tasks.map((t) => prepareName(t.name));
  const keys = AUTO_KINDS.map((kind) => {
    const map = new Map<string, number[]>();
    source.tasks.forEach((t, i) => {
      const k = kind.key(t, names[i]);
      // An empty normalized name ("???") is the same as nothing: no auto match on it.
      if (k === '' || k === '\u0000') return;
      const list = map.get(k);
      if (list) list.push(i);
      else map.set(k, [i]);
    });
    return map;
  });
  return { name: source.name, tasks: source.tasks, names, keys, index: null, variantKeys: [] };
}

/** Variant keys → flat [task index, word mask, task index, word mask, …]. */
function variantIndex(side: Side): Map<string, number[]> {
  if (side.index) return side.index;
  const index = new Map<string, number[]>();
  side.names.forEach((_, i) => {
    for (const [k, mask] of keysOf(side, i)) {
      const list = index.get(k);
      if (list) list.push(i, mask);
      else index.set(k, [i, mask]);
    }
  });
  return (side.index = index);
}

interface Found { ai: number; bi: number; match: TaskMatch }

/** Auto matches, one to one: kind by kind, best first, each later task taking the first free earlier one. */
function autoMatches(A: Side, B: Side, usedA: Uint8Array, usedB: Uint8Array): Found[] {
  const found: Found[] = [];
  AUTO_KINDS.forEach((kind, k) => {
    // Lists are consumed from the front as their tasks are taken, so a group of look-alikes costs its size once.
    const start = new Map<string, number>();
    B.tasks.forEach((tb, bi) => {
      if (usedB[bi]) return;
      const key = kind.key(tb, B.names[bi]);
      const list = A.keys[k].get(key);
      if (!list) return;
      let i = start.get(key) ?? 0;
      while (i < list.length && usedA[list[i]]) i++;
      start.set(key, i);
      if (i === list.length) return;
      const ai = list[i];
      usedA[ai] = usedB[bi] = 1;
      const ta = A.tasks[ai];
      found.push({ ai, bi, match: { a: ta.name, b: tb.name, organizationA: A.name, organizationB: B.name, score: 1, status: 'auto', reason: kind.reason(ta.name, tb.name) } });
    });
  });
  return found;
}

/** Close variants among the tasks neither side matched automatically, at most MAX_PROPOSALS_PER_TASK per task. */
function proposals(A: Side, B: Side, usedA: Uint8Array, usedB: Uint8Array): Found[] {
  const index = variantIndex(B);
  const fullB = B.names.map(fullMask);
  // Per later task, for the earlier task in hand (stamp = ai + 1): which words of each side the shared keys cover.
  const stamp = new Uint32Array(B.tasks.length);
  const coverA = new Uint32Array(B.tasks.length);
  const coverB = new Uint32Array(B.tasks.length);
  const touched: number[] = [];
  const all: Found[] = [];
  A.names.forEach((pa, ai) => {
    if (usedA[ai]) return;
    touched.length = 0;
    for (const [key, maskA] of keysOf(A, ai)) {
      const list = index.get(key);
      if (!list) continue;
      for (let e = 0; e < list.length; e += 2) {
        const bi = list[e];
        if (stamp[bi] !== ai + 1) {
          stamp[bi] = ai + 1;
          coverA[bi] = coverB[bi] = 0;
          touched.push(bi);
        }
        coverA[bi] |= maskA;
        coverB[bi] |= list[e + 1];
      }
    }
    const fullA = fullMask(pa);
    for (const bi of touched) {
      // Only names whose shared keys cover one side word for word can be variants: the rest are never compared.
      if (usedB[bi] || ((coverA[bi] & fullA) !== fullA && (coverB[bi] & fullB[bi]) !== fullB[bi])) continue;
      const v = compareNames(pa, B.names[bi]);
      if (v) all.push({ ai, bi, match: { a: A.tasks[ai].name, b: B.tasks[bi].name, organizationA: A.name, organizationB: B.name, score: v.score, status: 'proposed', reason: v.reason } });
    }
  });
  all.sort((x, y) => y.match.score - x.match.score || x.ai - y.ai || x.bi - y.bi);
  const countA = new Uint16Array(A.tasks.length);
  const countB = new Uint16Array(B.tasks.length);
  return all.filter(({ ai, bi }) => {
    if (countA[ai] >= MAX_PROPOSALS_PER_TASK || countB[bi] >= MAX_PROPOSALS_PER_TASK) return false;
    countA[ai]++;
    countB[bi]++;
    return true;
  });
}

/**
 * Matches between the tasks of every pair of sources i < j (organizations in the order given).
 * Within a pair, matches come in the earlier organization's task order, its auto match first, then
 * its proposals by score. A task matched automatically gets no proposals in that pair.
 */
export function matchTasks(sources: readonly Source[]): TaskMatch[] {
  const sides = sources.map(prepare);
  const out: TaskMatch[] = [];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const [A, B] = [sides[i], sides[j]];
      const usedA = new Uint8Array(A.tasks.length);
      const usedB = new Uint8Array(B.tasks.length);
      const found = [...autoMatches(A, B, usedA, usedB), ...proposals(A, B, usedA, usedB)];
      const rank = (f: Found) => (f.match.status === 'auto' ? 0 : 1);
      found.sort((x, y) => x.ai - y.ai || rank(x) - rank(y) || y.match.score - x.match.score || x.bi - y.bi);
      for (const f of found) out.push(f.match);
    }
  }
  return out;
}

/** One pair of tasks whichever way round it is written; task names compared normalized. */
function pairKeys(m: Pick<TaskMatch, 'a' | 'b' | 'organizationA' | 'organizationB'>): [string, string] {
  const a = normalizeTaskName(m.a);
  const b = normalizeTaskName(m.b);
  return [JSON.stringify([m.organizationA, a, m.organizationB, b]), JSON.stringify([m.organizationB, b, m.organizationA, a])];
}

const pooled = (status: TaskMatch['status']) => status === 'auto' || status === 'accepted';

/**
 * The found matches with a reviewed list laid over them. A reviewed entry for a found pair (either
 * way round) gives its person's word — accepted or rejected — and its doneOnce/hours; a reviewed
 * 'auto' or 'proposed' is no one's word, so the found status stands. Reviewed accepted/rejected
 * pairs not found are added after (hand matches); reviewed auto/proposed pairs no longer found are
 * dropped (the files changed). doneOnce and hours are kept only on pooled (auto/accepted) matches.
 * Of reviewed entries for one pair, the last counts.
 */
export function applyReviewed(found: readonly TaskMatch[], reviewed: readonly TaskMatch[]): TaskMatch[] {
  const byKey = new Map<string, TaskMatch>();
  for (const r of reviewed) byKey.set(pairKeys(r)[0], r);
  const used = new Set<TaskMatch>();
  const withWord = (base: TaskMatch, r: TaskMatch, status: TaskMatch['status']): TaskMatch => {
    const { doneOnce: _d, hours: _h, ...rest } = base;
    const m: TaskMatch = { ...rest, status };
    if (pooled(status) && r.doneOnce !== undefined) m.doneOnce = r.doneOnce;
    if (pooled(status) && r.hours !== undefined) m.hours = r.hours;
    return m;
  };
  const out = found.map((f) => {
    const [forward, backward] = pairKeys(f);
    const r = byKey.get(forward) ?? byKey.get(backward);
    if (!r) return f;
    used.add(r);
    return withWord(f, r, r.status === 'accepted' || r.status === 'rejected' ? r.status : f.status);
  });
  for (const r of byKey.values()) {
    if (used.has(r) || !(r.status === 'accepted' || r.status === 'rejected')) continue;
    const reason = r.reason.trim() || (r.status === 'accepted' ? 'matched by hand' : 'rejected by hand');
    out.push(withWord({ ...r, reason }, r, r.status));
  }
  return out;
}
