/**
 * Reviewed matches (`fairshare merge --matches FILE`): the file read and validated with errors that
 * name the entry and field, and the reviewed list laid over the found matches (a person's word
 * kept, hand matches added, stale entries dropped).
 */
import { describe, expect, test } from 'vitest';
import { applyReviewed, matchTasks } from '../../renderer/src/engine/merge/match';
import { MAX_MATCHES, MAX_MATCHES_FILE_CHARS, parseMatchesFile } from '../../renderer/src/engine/merge/matchesFile';
import type { TaskMatch } from '../../renderer/src/engine/merge/types';

const found = matchTasks([
  { name: 'Riverside', tasks: ['Grant writing', 'Clean offices', 'Recieve donations', 'Payroll processing'].map((name) => ({ id: name.toLowerCase(), name })) },
  { name: 'Eastside', tasks: ['Grant writing', 'Clean Offices', 'Receive donations', 'Payroll approval', 'Bookkeeping'].map((name) => ({ id: name.toLowerCase(), name })) },
]);

const entry = (over: Partial<TaskMatch> & Pick<TaskMatch, 'a' | 'b' | 'status'>): TaskMatch => ({ organizationA: 'Riverside', organizationB: 'Eastside', score: 0, reason: '', ...over });

describe('parseMatchesFile', () => {
  test('reads the merge --json output and a bare array alike, back to the matches printed', () => {
    expect(found.map((m) => m.status)).toEqual(['auto', 'auto', 'proposed']);
    const report = JSON.stringify({ organizations: [], matches: found, audit: {} }, null, 2);
    expect(parseMatchesFile(report, 'matches.json')).toEqual({ ok: true, matches: found });
    expect(parseMatchesFile(JSON.stringify(found), 'matches.json')).toEqual({ ok: true, matches: found });
  });

  test('absent score and reason read as 0 and ""; null as absent; a byte-order mark is skipped', () => {
    const text = '\uFEFF[{"a":"Snow removal","b":"Shovel snow","organizationA":"Riverside","organizationB":"Eastside","status":"accepted","hours":null,"doneOnce":true,"extra":1}]';
    expect(parseMatchesFile(text, 'm.json')).toEqual({ ok: true, matches: [entry({ a: 'Snow removal', b: 'Shovel snow', status: 'accepted', doneOnce: true })] });
  });

  const valid = entry({ a: 'Grant writing', b: 'Grant writing', status: 'auto', score: 1 });
  const withEntry3 = (third: unknown) => JSON.stringify({ matches: [entry({ a: 'x', b: 'y', status: 'rejected' }), entry({ a: 'p', b: 'q', status: 'accepted' }), third] });
  test.each([
    [{ ...valid, status: 'maybe' }, 'entry 3: "status" must be one of auto, proposed, accepted, rejected'],
    [{ ...valid, status: undefined }, 'entry 3: "status" is missing'],
    [{ ...valid, a: undefined }, 'entry 3: "a" is missing'],
    [{ ...valid, b: 42 }, 'entry 3: "b" must be text'],
    [{ ...valid, organizationA: '  ' }, 'entry 3: "organizationA" must not be empty'],
    [{ ...valid, a: 'x'.repeat(1001) }, 'entry 3: "a" is longer than 1,000 characters'],
    [{ ...valid, score: 1.5 }, 'entry 3: "score" must be a number from 0 to 1'],
    [{ ...valid, score: '1' }, 'entry 3: "score" must be a number from 0 to 1'],
    [{ ...valid, hours: -1 }, 'entry 3: "hours" must be a number of weekly hours from 0 to 16,800,000'],
    [{ ...valid, hours: 16_800_001 }, 'entry 3: "hours" must be a number of weekly hours from 0 to 16,800,000'],
    [{ ...valid, doneOnce: 'yes' }, 'entry 3: "doneOnce" must be true or false'],
    ['Grant writing', 'entry 3: must be an object with a, b, organizationA, organizationB and status'],
    [{ ...valid, organizationB: 'Riverside' }, 'entry 3: "organizationB" must differ from "organizationA" (a match is between two organizations)'],
    [entry({ a: 'X', b: 'Y.', status: 'accepted' }), 'entry 3: the same pair of tasks as entry 1; keep one'],
    [{ ...entry({ a: 'Y', b: ' X ', status: 'accepted' }), organizationA: 'Eastside', organizationB: 'Riverside' }, 'entry 3: the same pair of tasks as entry 1; keep one'],
  ])('entry %j: %s', (third, message) => {
    expect(parseMatchesFile(withEntry3(third), 'matches.json')).toEqual({ ok: false, error: `matches.json: ${message}` });
  });

  test('the same pair, names written differently, is the same pair', () => {
    const text = JSON.stringify([entry({ a: 'Clean offices', b: 'clean OFFICES', status: 'auto' }), entry({ a: 'Clean  Offices.', b: 'Clean offices', status: 'rejected' })]);
    expect(parseMatchesFile(text, 'm.json')).toEqual({ ok: false, error: 'm.json: entry 2: the same pair of tasks as entry 1; keep one' });
  });

  test.each([
    ['[{"a": "x"\n "b": 1}]', 'is not valid JSON (line 2, column 2)'],
    ['[{"a": "x",\n "b": oops}]', 'is not valid JSON'],
    ['', 'is not valid JSON'],
    ['{"organizations": []}', 'must be a list of matches, or an object whose "matches" is one (the output of fairshare merge --json)'],
    ['"matches"', 'must be a list of matches, or an object whose "matches" is one (the output of fairshare merge --json)'],
    ['null', 'must be a list of matches, or an object whose "matches" is one (the output of fairshare merge --json)'],
  ])('%j: %s', (text, message) => {
    expect(parseMatchesFile(text, 'matches.json')).toEqual({ ok: false, error: `matches.json: ${message}` });
  });

  test('bounded: too large a file and too many entries are refused before validating', () => {
    expect(parseMatchesFile(' '.repeat(MAX_MATCHES_FILE_CHARS + 1), 'big.json')).toEqual({ ok: false, error: 'big.json: is larger than 5,000,000 characters' });
    expect(parseMatchesFile(`[${'0,'.repeat(MAX_MATCHES)}0]`, 'many.json')).toEqual({ ok: false, error: 'many.json: has more than 100,000 matches' });
  });

  test('errors never echo a value', () => {
    const secret = 'Salary of the executive director '.repeat(20);
    for (const text of [JSON.stringify([{ ...valid, status: secret }]), JSON.stringify([{ ...valid, a: secret + secret }]), `[{"a": "${secret}", oops}]`]) {
      const result = parseMatchesFile(text, 'm.json');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).not.toContain('Salary');
        expect(result.error.length).toBeLessThan(150);
      }
    }
  });
});

describe('applyReviewed', () => {
  test('nothing reviewed: the found matches unchanged', () => {
    expect(applyReviewed(found, [])).toEqual(found);
  });

  test("a person's word overrides the status; doneOnce and hours come with it", () => {
    const reviewed = [
      entry({ a: 'Recieve donations', b: 'Receive donations', status: 'accepted', doneOnce: true, hours: 6 }),
      entry({ a: 'Grant writing', b: 'Grant writing', status: 'rejected' }),
    ];
    expect(applyReviewed(found, reviewed).map((m) => [m.a, m.status, m.doneOnce, m.hours, m.score])).toEqual([
      ['Grant writing', 'rejected', undefined, undefined, 1],
      ['Clean offices', 'auto', undefined, undefined, 1],
      ['Recieve donations', 'accepted', true, 6, 0.9],
    ]);
  });

  test("reviewed auto or proposed is no one's word: the found status stands, doneOnce only where the task is pooled", () => {
    const reviewed = [
      entry({ a: 'Clean offices', b: 'Clean Offices', status: 'auto', doneOnce: true }),
      entry({ a: 'Recieve donations', b: 'Receive donations', status: 'auto', doneOnce: true, hours: 3 }),
    ];
    const out = applyReviewed(found, reviewed);
    expect(out[1]).toEqual({ ...found[1], doneOnce: true });
    expect(out[2]).toEqual(found[2]);
  });

  test('task names compare normalized, and a pair written the other way round is the same pair', () => {
    const reviewed = [
      entry({ a: 'clean  OFFICES', b: 'Clean offices.', status: 'rejected' }),
      { ...entry({ a: 'Receive donations', b: 'RECIEVE donations', status: 'accepted' }), organizationA: 'Eastside', organizationB: 'Riverside' },
    ];
    const out = applyReviewed(found, reviewed);
    expect(out.map((m) => [m.a, m.b, m.organizationA, m.status])).toEqual([
      ['Grant writing', 'Grant writing', 'Riverside', 'auto'],
      ['Clean offices', 'Clean Offices', 'Riverside', 'rejected'],
      ['Recieve donations', 'Receive donations', 'Riverside', 'accepted'],
    ]);
  });

  test('hand matches are added after the found ones; stale auto or proposed entries are dropped', () => {
    const reviewed = [
      entry({ a: 'Payroll processing', b: 'Bookkeeping', status: 'accepted', doneOnce: true }),
      entry({ a: 'Payroll processing', b: 'Payroll approval', status: 'rejected', score: 0.4, reason: 'different steps', doneOnce: true }),
      entry({ a: 'Grant reports', b: 'Grant reporting', status: 'proposed', score: 0.95 }),
      entry({ a: 'Board reporting', b: 'Board reporting', status: 'auto', score: 1 }),
    ];
    const out = applyReviewed(found, reviewed);
    expect(out.slice(0, 3)).toEqual(found);
    expect(out.slice(3)).toEqual([
      entry({ a: 'Payroll processing', b: 'Bookkeeping', status: 'accepted', reason: 'matched by hand', doneOnce: true }),
      entry({ a: 'Payroll processing', b: 'Payroll approval', status: 'rejected', score: 0.4, reason: 'different steps' }),
    ]);
  });

  test('of two reviewed entries for one pair, the last counts', () => {
    const reviewed = [entry({ a: 'Payroll processing', b: 'Bookkeeping', status: 'accepted' }), entry({ a: 'payroll processing', b: 'bookkeeping', status: 'rejected' })];
    expect(applyReviewed(found, reviewed).slice(3).map((m) => [m.a, m.status, m.reason])).toEqual([['payroll processing', 'rejected', 'rejected by hand']]);
  });
});
