/**
 * Task matching for mergers: names normalized, the same task matched automatically and one to one,
 * close variants proposed (never auto-accepted) with a score, similar-but-different tasks never
 * matched, and the two sample organizations' matches exactly as resources/README.md lists them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import';
import { MAX_PROPOSALS_PER_TASK, MIN_PROPOSAL_SCORE, matchTasks, normalizeTaskName, taskWordKey } from '../../renderer/src/engine/merge/match';
import type { TaskMatch } from '../../renderer/src/engine/merge/types';

/** Two organizations with the given task names (ids distinct, so only names can match). */
function match2(a: string[], b: string[]): TaskMatch[] {
  return matchTasks([
    { name: 'Riverside', tasks: a.map((name, i) => ({ id: `r${i}`, name })) },
    { name: 'Eastside', tasks: b.map((name, i) => ({ id: `e${i}`, name })) },
  ]);
}

describe('normalizeTaskName and taskWordKey', () => {
  test.each([
    ['  Hire & Supervise   Staff ', 'hire and supervise staff'],
    ['Door-to-door canvassing', 'door to door canvassing'],
    ['Clean-up / set-up (events)', 'clean up set up events'],
    ['Café rénovation', 'cafe renovation'],
    ["Director's report", 'directors report'],
    ['Fundraising+events', 'fundraising and events'],
    ['IT helpdesk support.', 'it helpdesk support'],
  ])('%j → %j', (name, norm) => expect(normalizeTaskName(name)).toBe(norm));

  test('word order does not change the word key, the words do', () => {
    expect(taskWordKey('Supervise and hire staff')).toBe(taskWordKey('Hire & supervise staff'));
    expect(taskWordKey('Supervise and hire staff')).not.toBe(taskWordKey('Supervise staff'));
  });
});

describe('auto matches', () => {
  test.each([
    ['Grant writing', 'Grant writing', 'same name'],
    ['Budget decisions', 'Budget Decisions', 'same name apart from case'],
    ['Door-to-door canvassing', 'Door to door canvassing', 'same name apart from case, spacing and punctuation'],
    ['Hire and supervise staff', 'Hire & supervise staff', "same name, '&' read as 'and'"],
    ['Hire and supervise staff', 'Supervise & hire staff', "same words in another order; same name, '&' read as 'and'"],
    ['Photocopying, filing', 'Filing / photocopying', 'same words in another order'],
  ])('%j and %j: %s', (a, b, reason) => {
    expect(match2([a], [b])).toEqual([{ a, b, organizationA: 'Riverside', organizationB: 'Eastside', score: 1, status: 'auto', reason }]);
  });

  test('the same ID matches whatever the names', () => {
    const m = matchTasks([
      { name: 'A', tasks: [{ id: 't-17', name: 'Bookkeeping' }] },
      { name: 'B', tasks: [{ id: 't-17', name: 'Ledger work' }] },
    ]);
    expect(m).toEqual([{ a: 'Bookkeeping', b: 'Ledger work', organizationA: 'A', organizationB: 'B', score: 1, status: 'auto', reason: 'same ID' }]);
  });

  test('one to one: each task is matched once, the exact spelling first', () => {
    const m = match2(['Data-entry', 'Data entry', 'data ENTRY.'], ['Data entry', 'DATA ENTRY']);
    expect(m.map((x) => [x.a, x.b, x.reason])).toEqual([
      ['Data-entry', 'DATA ENTRY', 'same name apart from case, spacing and punctuation'],
      ['Data entry', 'Data entry', 'same name'],
    ]);
  });

  test('a task matched automatically gets no proposals', () => {
    // Alone, "Grant writing for foundations" is a variant of "Grant writing"; here B's "Grant writing" is the same task.
    expect(match2(['Grant writing'], ['Grant writing for foundations']).map((x) => x.status)).toEqual(['proposed']);
    const m = match2(['Grant writing'], ['Grant writing for foundations', 'Grant writing']);
    expect(m.map((x) => [x.b, x.status])).toEqual([['Grant writing', 'auto']]);
  });

  test('every pair of organizations, in the order given', () => {
    const m = matchTasks(['A', 'B', 'C'].map((name) => ({ name, tasks: [{ id: name, name: 'Snow removal' }] })));
    expect(m.map((x) => `${x.organizationA}-${x.organizationB}`)).toEqual(['A-B', 'A-C', 'B-C']);
  });
});

/** Similar names of different work: no match of any status. */
const DIFFERENT: [string, string][] = [
  // The brief's list.
  ['Grant writing', 'Grant reporting'],
  ['Grant writing', 'Grant reports'],
  ['Clean offices', 'Clean restrooms'],
  ['Payroll processing', 'Payroll approval'],
  ['Accounts payable', 'Accounts receivable'],
  ['Board reporting', 'Board recruitment'],
  ['Tenant case intake', 'Tenant association meetings'],
  ['Maintain database', 'Maintain personnel files'],
  ['Door-to-door canvassing', 'Canvass shift debrief'],
  ['Supervise canvass shifts', 'Canvass shift debrief'],
  // One letter apart but different words (not typos): unrelated keys, another first letter, short words.
  ['Staff hiring', 'Staff firing'],
  ['Case management', 'Cash management'],
  ['Garden planning', 'Garden planting'],
  ['Youth mentoring', 'Youth monitoring'],
  ['Floor mopping', 'Floor mapping'],
  ['Form 990 preparation', 'Form 1099 preparation'],
  ['Q1 reports', 'Q2 reports'],
  ['Mop and wax floors', 'Mop and sweep floors'],
  // Shared words, different work.
  ['Event planning', 'Event staffing'],
  ['Volunteer recruitment', 'Volunteer recognition'],
  ['Donor stewardship', 'Donor research'],
  ['Membership renewals', 'Membership recruitment'],
  ['Rent collection', 'Rent increases'],
  ['Rent collection', 'Rent assistance'],
  ['Lease renewals', 'Lease violations'],
  ['Lease signing', 'Lease renewals'],
  ['Food pantry intake', 'Food pantry inventory'],
  ['Data entry of contacts', 'Data reports for management'],
  ['Quarterly reports', 'Annual reports'],
  ['Payroll taxes', 'Payroll processing'],
  ['Board meeting minutes', 'Committee meeting minutes'],
  ['Answer phones', 'Answer emails'],
  ['Order office supplies', 'Order building supplies'],
  ['Purchase building supplies', 'Order office supplies'],
  ['Sort incoming mail', 'Sort outgoing mail'],
  ['Bank reconciliation', 'Bank deposits'],
  ['Database cleanup', 'Database backup'],
  ['Event setup', 'Event cleanup'],
  ['Staff training', 'Staff meetings'],
  ['Newsletter writing', 'Newsletter editing'],
  ['Clean break room', 'Clean restrooms'],
  ['Housing court accompaniment', 'Housing court preparation'],
  ['Process donation checks', 'Process expense reports'],
  ['Translate outreach materials', 'Translate legal documents'],
  ['Grant writing', 'Grant reviewing'],
  ['Print flyers', 'Post flyers'],
  ['Phone banking', 'Phone answering'],
  ['Volunteer orientation', 'New member orientation'],
  ['Financial reporting', 'Financial planning'],
  ['Budget decisions', 'Budget reports'],
  ['Tenant organizing', 'Tenant outreach'],
  ['Office cleaning', 'Office moving'],
  ['Youth outreach', 'Youth programs'],
  ['Major donor meetings', 'Major donor research'],
  ['Snow removal', 'Shovel snow and salt walkways'],
  // One shared word against many: too little in common to propose.
  ['Writing', 'Grant writing for foundations'],
];

/** Variants of one task: proposed, never auto-accepted. */
const VARIANTS: [string, string][] = [
  ['Recieve donations', 'Receive donations'],
  ['Database upkeep', 'Data base upkeep'],
  ['Donor database entry', 'Donor database entries'],
  ['Grant reports', 'Grant reporting'],
  ['Grant writing', 'Grant writing for foundations'],
  ['Answer phones', 'Answering the phones'],
  ['Clean offices', 'Office cleaning'],
  ['Data entry of contacts', 'Contact data entry'],
  ['Email and correspondence', 'E-mail and correspondence'],
  ['Clean restrooms', 'Clean rest rooms'],
  ['Bookkeeping', 'Bookeeping'],
  ['Schedule appointments', 'Scheduling appointments'],
  ['Calendar management', 'Calender management'],
  ['Payroll processing', 'Payrol processing'],
  ['Staff meeting facilitation', 'Facilitate staff meetings'],
  ['Reciepts filing', 'Receipt filing'],
  ['Photocopying and filing', 'Photocopying & files'],
  ['Translate outreach materials', 'Translating outreach material'],
  ['Order office supplies', 'Ordering supplies for the office'],
  ['Post on social media', 'Posting to social media'],
  ['Plan fundraising events', 'Fundraising event planning'],
  ['Co-op education workshops', 'Coop education workshop'],
  ['Shovel snow and salt walkways', 'Shovel snow, salt walkways'],
  ['Gift acknowledgment letters', 'Gift acknowledgement letters'],
  ['Benefits application assistance', 'Benefit applications assistance'],
  ['Maintain personnel files', 'Maintaining personnel files'],
  ['Newsletter writing', 'Newsletter writing and layout'],
  ['Bank reconciliation', 'Bank reconciliations'],
];

describe('close variants', () => {
  test.each(DIFFERENT)('%j and %j: no match', (a, b) => {
    expect(match2([a], [b])).toEqual([]);
    expect(match2([b], [a])).toEqual([]);
  });

  test('the different pairs all in one pair of organizations: none of them matched', () => {
    const found = match2([...new Set(DIFFERENT.map(([a]) => a))], [...new Set(DIFFERENT.map(([, b]) => b))]);
    const listed = new Set(DIFFERENT.map(([a, b]) => `${a}|${b}`));
    expect(found.filter((m) => listed.has(`${m.a}|${m.b}`))).toEqual([]);
    // Other pairings of these names are matched ("Grant writing" with "Grant writing for foundations", …), so the matcher did run on them.
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  test.each(VARIANTS)('%j and %j: proposed', (a, b) => {
    for (const [x, y] of [[a, b], [b, a]]) {
      const m = match2([x], [y]);
      expect(m).toHaveLength(1);
      expect(m[0]).toMatchObject({ a: x, b: y, status: 'proposed' });
      expect(m[0].score).toBeGreaterThanOrEqual(MIN_PROPOSAL_SCORE);
      expect(m[0].score).toBeLessThan(1);
      expect(m[0].reason).toMatch(/^close variant: ./);
    }
  });

  test('the reason says what differs', () => {
    const reason = (a: string, b: string) => match2([a], [b])[0].reason;
    expect(reason('Recieve donations', 'Receive donations')).toBe('close variant: "recieve" and "receive" differ by a letter or two (a typo?)');
    expect(reason('Database upkeep', 'Data base upkeep')).toBe('close variant: "data base" written as one word "database"');
    expect(reason('Donor database entry', 'Donor database entries')).toBe('close variant: "entry" and "entries" are forms of one word');
    expect(reason('Grant writing', 'Grant writing for foundations')).toBe('close variant: "Grant writing for foundations" also says "foundations"; small words differ ("for")');
    expect(reason('Clean offices', 'Office cleaning')).toBe('close variant: "clean" and "cleaning" are forms of one word; "offices" and "office" are forms of one word; words in another order');
    expect(reason('Shovel snow and salt walkways', 'Shovel snow, salt walkways')).toBe('close variant: the same apart from small words ("and")');
  });

  test('extra words lower the score; a typo lowers it less than a missing word', () => {
    const score = (a: string, b: string) => match2([a], [b])[0].score;
    expect(score('Grant writing', 'Grant writing for foundations')).toBe(0.8);
    expect(score('Grant writing', 'Grant writing for foundations and corporations')).toBe(0.67);
    expect(score('Recieve donations', 'Receive donations')).toBe(0.9);
    expect(score('Answer phones', 'Answer the phones')).toBe(0.95);
  });

  test(`at most ${MAX_PROPOSALS_PER_TASK} proposals per task, the best`, () => {
    const m = match2(['Grant writing'], ['Grant writing for foundations and corporations', 'Grant writing for foundations', 'Grant writings', 'Grant writing for the city', 'Grant writin']);
    expect(m.map((x) => [x.b, x.score])).toEqual([['Grant writings', 0.95], ['Grant writin', 0.9], ['Grant writing for foundations', 0.8]]);
  });
});

describe('the sample organizations', () => {
  const load = (file: string) => {
    const result = importOrganization(new Uint8Array(readFileSync(path.resolve(__dirname, '../../resources', file))), file);
    if (!result.organization) throw new Error(result.fatal ?? 'no organization');
    return result.organization;
  };
  const matches = matchTasks([
    { name: 'Riverside', tasks: load('sample-organization.xlsx').tasks },
    { name: 'Eastside', tasks: load('sample-partner.xlsx').tasks },
  ]);

  test('20 auto matches: 15 named the same, 5 written differently; nothing proposed', () => {
    expect(matches.every((m) => m.status === 'auto' && m.score === 1)).toBe(true);
    const same = matches.filter((m) => m.reason === 'same name').map((m) => m.a);
    expect(same).toEqual([
      'Strategic planning', 'Board reporting', 'Email and correspondence', 'Financial reporting', 'Grant writing',
      'Stuff mailings', 'Newsletter writing', 'Negotiate with landlords', 'Tenant association meetings',
      'One-on-one tenant conversations', 'Housing court accompaniment', 'Tenant case intake', 'Accounts payable',
      'Bank reconciliation', 'Clean restrooms',
    ]);
    expect(matches.filter((m) => m.reason !== 'same name').map((m) => [m.a, m.b, m.reason])).toEqual([
      ['Budget decisions', 'Budget Decisions', 'same name apart from case'],
      ['Hire and supervise staff', 'Hire & supervise staff', "same name, '&' read as 'and'"],
      ['Door-to-door canvassing', 'Door to door canvassing', 'same name apart from case, spacing and punctuation'],
      ['Answer phones', 'answer phones', 'same name apart from case'],
      ['Clean offices', 'Clean Offices', 'same name apart from case'],
    ]);
  });
});

describe('bounds', () => {
  test('words past 30 letters are codes or run-together text: compared whole, never as typos', () => {
    const code = 'x'.repeat(5000);
    expect(match2([`Review ${code}`], [`Review ${code}y`])).toEqual([]);
    // Thirty letters still may be a typo.
    expect(match2([`Review ${'x'.repeat(30)}`], [`Review ${'x'.repeat(29)}`]).map((m) => m.status)).toEqual(['proposed']);
  });

  test('very long names are matched whole', () => {
    expect(match2(['a '.repeat(3000)], ['A '.repeat(3000)]).map((m) => m.status)).toEqual(['auto']);
  });
});
