/**
 * Reads a reviewed matches file (`fairshare merge --matches FILE`): the `merge --json` output or a
 * bare array of matches, validated entry by entry. Errors name the file, the entry (counted from 1)
 * and the field, and never echo a value: names can be long, and a file can be anything.
 */
import { z } from 'zod';
import { normalizeTaskName } from './similarity';
import type { MatchStatus, TaskMatch } from './types';

/** Largest file read, in characters: a reviewed list of 100,000 matches fits with room to spare. */
export const MAX_MATCHES_FILE_CHARS = 5_000_000;
/** Most entries read: far more than two organizations' tasks can pair up in a review. */
export const MAX_MATCHES = 100_000;
/** Most weekly hours of a task done once: 100,000 people full-time (168 hours, the week). */
export const MAX_MATCH_HOURS = 168 * 100_000;
const MAX_NAME = 1000;
const MAX_REASON = 2000;

const STATUSES = ['auto', 'proposed', 'accepted', 'rejected'] as const satisfies readonly MatchStatus[];

const text = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'is missing' : 'must be text') })
    .max(max, { error: `is longer than ${max.toLocaleString('en-US')} characters` });
const name = text(MAX_NAME).refine((s) => s.trim() !== '', 'must not be empty');
/** A number within bounds; null is read as absent (a JSON writer may print absent fields as null). */
const number = (ok: (n: number) => boolean, what: string) =>
  z.number({ error: `must be ${what}` }).refine((n) => Number.isFinite(n) && ok(n), `must be ${what}`).nullish();

const entrySchema = z.object(
  {
    a: name,
    b: name,
    organizationA: name,
    organizationB: name,
    status: z.enum(STATUSES, { error: (iss) => (iss.input === undefined ? 'is missing' : `must be one of ${STATUSES.join(', ')}`) }),
    score: number((n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    reason: text(MAX_REASON).nullish(),
    doneOnce: z.boolean({ error: 'must be true or false' }).nullish(),
    hours: number((n) => n >= 0 && n <= MAX_MATCH_HOURS, `a number of weekly hours from 0 to ${MAX_MATCH_HOURS.toLocaleString('en-US')}`),
  },
  { error: 'must be an object with a, b, organizationA, organizationB and status' },
);

export type ParseMatchesResult = { ok: true; matches: TaskMatch[] } | { ok: false; error: string };

/** Where a JSON syntax error is, from the parser's "at position N" when it gives one (never the text around it). */
function jsonError(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return 'is not valid JSON';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `is not valid JSON (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

/**
 * A reviewed matches file: the `fairshare merge --json` output (an object with `matches`) or a bare
 * array of matches. Absent score reads as 0, absent reason as "". Two entries for one pair of tasks
 * (either way round, names compared normalized) are an error: which one counts would be a guess.
 */
export function parseMatchesFile(text: string, file: string): ParseMatchesResult {
  const fail = (error: string): ParseMatchesResult => ({ ok: false, error: `${file}: ${error}` });
  if (text.length > MAX_MATCHES_FILE_CHARS) return fail(`is larger than ${MAX_MATCHES_FILE_CHARS.toLocaleString('en-US')} characters`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail(jsonError(text, err instanceof Error ? err.message : ''));
  }
  const list = Array.isArray(json) ? json : json !== null && typeof json === 'object' && 'matches' in json ? (json as { matches: unknown }).matches : undefined;
  if (!Array.isArray(list)) return fail('must be a list of matches, or an object whose "matches" is one (the output of fairshare merge --json)');
  if (list.length > MAX_MATCHES) return fail(`has more than ${MAX_MATCHES.toLocaleString('en-US')} matches`);
  const matches: TaskMatch[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const parsed = entrySchema.safeParse(list[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length ? `"${issue.path.join('.')}" ` : '';
      return fail(`entry ${i + 1}: ${field}${issue.message}`);
    }
    const e = parsed.data;
    if (e.organizationA === e.organizationB) return fail(`entry ${i + 1}: "organizationB" must differ from "organizationA" (a match is between two organizations)`);
    const [a, b] = [normalizeTaskName(e.a), normalizeTaskName(e.b)];
    const forward = JSON.stringify([e.organizationA, a, e.organizationB, b]);
    const earlier = seen.get(forward) ?? seen.get(JSON.stringify([e.organizationB, b, e.organizationA, a]));
    if (earlier !== undefined) return fail(`entry ${i + 1}: the same pair of tasks as entry ${earlier + 1}; keep one`);
    seen.set(forward, i);
    const match: TaskMatch = { a: e.a, b: e.b, organizationA: e.organizationA, organizationB: e.organizationB, score: e.score ?? 0, status: e.status, reason: e.reason ?? '' };
    if (e.doneOnce != null) match.doneOnce = e.doneOnce;
    if (e.hours != null) match.hours = e.hours;
    matches.push(match);
  }
  return { ok: true, matches };
}
