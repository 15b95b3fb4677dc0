// @vitest-environment happy-dom
// The Rating round view's state (state/ratingRound.ts, ratingRoundFigures.ts, ratingRoundActions.ts)
// on the Riverside sample: forms saved as one .zip named as the CLI names them (one per rater, the
// edited list or anonymous), returned forms read (a file read again replaces its reading, a file that
// is not a form is one located error), the spread's order and filter, the medians used and a
// contested task decided (a note required) as one undo step each, a decision kept when the medians
// are used after it, and a new project starting a new round.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';
import { toPoints } from '../../../renderer/src/engine/rating/scale';
import { collectRound } from '../../../renderer/src/engine/ratingRound/collect';
import { makeFormRound } from '../../../renderer/src/engine/ratingRound/formSpecs';
import type { RatingFormSpec } from '../../../renderer/src/engine/ratingRound/types';
import { formFileName as cliFormFileName } from '../../../electron/cli/ratingsForm';
import { filledForm, type FilledTask } from '../../helpers/rating-forms';

const exported: { format: string; suggestedName: string; bytes: Uint8Array }[] = [];
const docs = new Map<string, Uint8Array>();
const picks: ({ handle: string; name: string; kind: 'spreadsheet' | 'project' } | null)[] = [];
vi.mock('../../../renderer/src/platform/desktop', () => ({
  desktop: () => ({
    importSpreadsheet: async () => picks.shift() ?? null,
    readDocument: async (handle: string) => docs.get(handle)!,
    // As main does for a dropped file: a handle for a spreadsheet, null for anything else.
    openDroppedFile: async (f: File) => {
      if (!/\.xlsx$/.test(f.name)) return null;
      docs.set(`drop:${f.name}`, new Uint8Array(await f.arrayBuffer()));
      return { handle: `drop:${f.name}`, name: f.name, kind: 'spreadsheet' };
    },
    exportFile: async (r: { format: string; suggestedName: string; bytes: Uint8Array }) => {
      exported.push(r);
      return `${r.suggestedName}.${r.format}`;
    },
    setDocumentState: async () => undefined,
  }),
  isElectron: () => false,
  SPREADSHEET_ACCEPT: '.xlsx',
}));
vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({ run: () => Promise.reject(new Error('no worker in this test')), cancelAll: () => undefined }),
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
  beforeImport: () => undefined,
}));

const { actions, commit, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const R = await import('../../../renderer/src/state/ratingRound');
const F = await import('../../../renderer/src/state/ratingRoundFigures');
const A = await import('../../../renderer/src/state/ratingRoundActions');

const file = path.join(__dirname, '..', '..', '..', 'resources', 'sample-organization.xlsx');
const riverside: Organization = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file, { hoursPerFte: 40, mapping: { sheets: {} } }).organization!);
const id = (name: string) => riverside.tasks.find((t) => t.name === name)!.id;
const BUDGET = id('Budget decisions');
const TOLERANCE = 0.95;

/** Three members' E / D: budget decisions' E split 19, 3, 18 (contested); answer phones agreed. */
const TYPED: Record<string, [number, number]>[] = [
  { [BUDGET]: [19, 12], [id('Answer phones')]: [5, 9], [id('Clean restrooms')]: [2, 3] },
  { [BUDGET]: [3, 10], [id('Answer phones')]: [6, 8], [id('Clean restrooms')]: [1, 4] },
  { [BUDGET]: [18, 6], [id('Answer phones')]: [4, 10] },
];
const values = (t: Record<string, [number, number]>): Record<string, FilledTask> => Object.fromEntries(Object.entries(t).map(([k, [e, d]]) => [k, { e, d }]));
const specs: RatingFormSpec[] = makeFormRound(riverside, { project: 'Riverside', raters: ['Margaret Okafor', 'Daniel Reyes', 'Priya Raman'], created: '2026-03-02' }).forms;
const filled = specs.map((s, i) => ({ name: cliFormFileName(s), bytes: filledForm(s, values(TYPED[i])) }));
const asFiles = (list: typeof filled) => list.map((f) => ({ name: f.name, size: f.bytes.length, bytes: async () => f.bytes }));

function roundResult() {
  return collectRound(R.ratingRoundStore.get().forms, store.get().project!.organization, TOLERANCE);
}
const task = (taskId: string) => store.get().project!.organization.tasks.find((t) => t.id === taskId)!;
const points = (v: number | null) => (v === null ? null : toPoints(v, riverside.scale));

beforeEach(() => {
  resetWorkspace();
  commit(createProject('Riverside', riverside), { undoable: false });
  R.resetRatingRound();
  exported.length = 0;
});

describe('making forms', () => {
  it('saves one .zip with a form per person in the roster, named as the CLI names them', async () => {
    await A.makeForms();
    expect(exported).toHaveLength(1);
    expect(exported[0].format).toBe('zip');
    expect(exported[0].suggestedName).toMatch(/^Riverside rating forms \d{4}-\d{2}-\d{2}$/);
    const entries = unzipSync(exported[0].bytes);
    const roster = R.rosterRaters(riverside);
    expect(roster.length).toBe(new Set(riverside.people.map((p) => p.name)).size);
    const created = exported[0].suggestedName.slice(-10);
    const expected = makeFormRound(riverside, { project: 'Riverside', raters: roster, created }).forms;
    expect(Object.keys(entries).sort()).toEqual(expected.map(cliFormFileName).sort());
    // Each entry is that member's workbook: its hidden sheet names the form ID and the rater.
    const first = expected[0];
    const book = XLSX.read(entries[cliFormFileName(first)], { type: 'array' });
    const keys = Object.fromEntries(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets._form, { header: 1 }).map((r) => [r[0], r[1]]));
    expect([keys.formId, keys.rater]).toEqual([first.formId, first.rater]);
    expect(R.ratingRoundStore.get()).toMatchObject({ busy: null, error: null, at: 'make' });
    expect(R.ratingRoundStore.get().status).toMatch(new RegExp(`^Saved ${expected.length} forms in Riverside rating forms`));
  });

  it('an edited list of raters, or anonymous numbered forms with factors; a list that makes no round is said, nothing saved', async () => {
    R.setRatersText('Ann Lee\n\n Bob ; Priya Raman\n');
    expect(R.ratersOf(R.ratingRoundStore.get(), riverside)).toEqual(['Ann Lee', 'Bob', 'Priya Raman']);
    await A.makeForms();
    expect(Object.keys(unzipSync(exported[0].bytes))).toEqual(['form-01-Ann_Lee.xlsx', 'form-02-Bob.xlsx', 'form-03-Priya_Raman.xlsx']);
    expect(R.ratingRoundStore.get().status).toMatch(/Ann Lee is not in the roster/);

    R.setNamed(false);
    R.setCount(3);
    R.setFactors(true);
    await A.makeForms();
    const anon = unzipSync(exported[1].bytes);
    expect(Object.keys(anon)).toEqual(['form-01.xlsx', 'form-02.xlsx', 'form-03.xlsx']);
    const header = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(anon['form-01.xlsx'], { type: 'array' }).Sheets['Rate tasks'], { header: 1 })[9] as string[];
    expect(header.length).toBeGreaterThan(5);

    R.setNamed(true);
    R.setRatersText('Ann\nann');
    await A.makeForms();
    expect(exported).toHaveLength(2);
    expect(R.ratingRoundStore.get().error).toMatch(/^No forms made: the rater "ann" is named twice/);
  });
});

describe('returned forms', () => {
  it('reads several at once; a file read again replaces its reading; a file that is not a form is one error naming it', async () => {
    await A.readForms(asFiles(filled));
    expect(R.ratingRoundStore.get().forms.map((f) => [f.file, f.formId, f.rater, f.ratings.length])).toEqual([
      [filled[0].name, specs[0].formId, 'Margaret Okafor', 6], [filled[1].name, specs[1].formId, 'Daniel Reyes', 6], [filled[2].name, specs[2].formId, 'Priya Raman', 4],
    ]);
    expect(R.ratingRoundStore.get().status).toBe('Read 3 files: 3 forms with ratings to use.');

    // Daniel's form corrected and picked again: his new value replaces the old one.
    const again = filledForm(specs[1], values({ [BUDGET]: [17, 10] }));
    await A.readForms([{ name: filled[1].name, bytes: async () => again }]);
    expect(R.ratingRoundStore.get().forms).toHaveLength(3);
    expect(roundResult().spreads.find((s) => s.taskId === BUDGET && s.dimension === 'empowerment')!.values).toEqual([17, 18, 19]);

    await A.readForms([{ name: 'notes.xlsx', bytes: async () => new TextEncoder().encode('not a workbook') }]);
    const bad = R.ratingRoundStore.get().forms.at(-1)!;
    expect(bad.formId).toBeNull();
    expect(bad.issues).toHaveLength(1);
    expect(bad.issues[0]).toMatchObject({ severity: 'error', file: 'notes.xlsx' });
    expect(roundResult().forms.find((f) => f.file === 'notes.xlsx')!.used).toBe(false);

    await A.readForms([{ name: 'huge.xlsx', size: A.MAX_FORM_BYTES + 1, bytes: async () => { throw new Error('must not be read'); } }]);
    expect(R.ratingRoundStore.get().forms.at(-1)!.issues[0].message).toMatch(/^huge\.xlsx is 16 MB, larger than any rating form/);

    R.removeForm('notes.xlsx');
    expect(R.ratingRoundStore.get().forms.map((f) => f.file)).not.toContain('notes.xlsx');
  });

  it('on the desktop each pick adds a form (a cancelled pick adds nothing); dropped files are read, the others named as refused', async () => {
    docs.set('h1', filled[0].bytes);
    picks.push({ handle: 'h1', name: filled[0].name, kind: 'spreadsheet' }, null);
    await A.pickForm();
    await A.pickForm();
    expect(R.ratingRoundStore.get().forms.map((f) => f.formId)).toEqual([specs[0].formId]);
    await A.dropForms([new File([filled[1].bytes as Uint8Array<ArrayBuffer>], filled[1].name), new File(['x'], 'notes.txt')]);
    expect(R.ratingRoundStore.get().forms.map((f) => f.formId)).toEqual([specs[0].formId, specs[1].formId]);
    expect(R.ratingRoundStore.get()).toMatchObject({ error: 'Not a spreadsheet, not read: notes.txt', at: 'import' });
  });

  it('a problem in a form is located by file, sheet, row and column; the rest of the form is used', async () => {
    const off = filledForm(specs[0], { [BUDGET]: { e: 25, d: 12 } });
    await A.readForms([{ name: 'off.xlsx', bytes: async () => off }]);
    const issue = roundResult().issues.find((i) => i.severity === 'error')!;
    expect(issue).toMatchObject({ file: 'off.xlsx', sheet: 'Rate tasks', column: 'C' });
    expect(issue.row).toBe(11 + specs[0].tasks.findIndex((t) => t.id === BUDGET));
    expect(roundResult().spreads.find((s) => s.taskId === BUDGET && s.dimension === 'desirability')!.values).toEqual([12]);
  });
});

describe('the spread', () => {
  it('lists rated rows only, contested first then by IQR; the filter keeps the contested ones', async () => {
    await A.readForms(asFiles(filled));
    const rows = F.spreadRows(roundResult(), false);
    expect(rows.every((r) => r.raters > 0)).toBe(true);
    expect(rows.map((r) => `${r.name}/${r.dimension}`)).toEqual([
      'Budget decisions/empowerment', 'Budget decisions/desirability', 'Answer phones/desirability', 'Answer phones/empowerment',
      'Clean restrooms/desirability', 'Clean restrooms/empowerment',
    ]);
    expect(rows.map((r) => r.contested)).toEqual([true, true, false, false, false, false]);
    expect(F.spreadRows(roundResult(), true).map((r) => r.dimension)).toEqual(['empowerment', 'desirability']);
    expect(F.contestedTasks(roundResult())).toEqual([{ taskId: BUDGET, name: 'Budget decisions', dimensions: ['empowerment', 'desirability'] }]);
    const hours = F.roundContestedHours(riverside, roundResult());
    const onBudget = riverside.assignments.filter((a) => a.taskId === BUDGET).reduce((s, a) => s + a.hours, 0);
    expect(hours.hours).toBeCloseTo(onBudget, 9);
    expect(hours.tasks).toBe(1);
  });

  it('writes points as the data gives them, at most one decimal', () => {
    expect([F.fmtPoints(12), F.fmtPoints(12.5), F.fmtPoints(12.25), F.fmtPoints(1 / 3), F.fmtPoints(null), F.fmtPoints(-0.01)]).toEqual(['12', '12.5', '12.3', '0.3', '–', '0']);
  });

  it('names forms exactly as the CLI does', () => {
    for (const rater of ['Zoë Ångström', 'O\'Brien, Pat', '***', null]) {
      const spec = { ...specs[0], rater, formId: 'AB12-07' };
      expect(F.formFileName(spec)).toBe(cliFormFileName(spec));
    }
  });
});

describe('the group decides', () => {
  it('Use the medians is one undo step: medians as members’ ratings, kept as overrides, contested flagged', async () => {
    await A.readForms(asFiles(filled));
    const past = store.get().past.length;
    A.useMedians(roundResult());
    expect(store.get().past.length).toBe(past + 1);
    expect(points(task(BUDGET).empowerment)).toBeCloseTo(18, 9);
    expect(points(task(BUDGET).desirability)).toBeCloseTo(10, 9);
    expect(task(BUDGET)).toMatchObject({ source: 'members', contested: true });
    expect(points(store.get().project!.ratingsOverrides![BUDGET].empowerment!)).toBeCloseTo(18, 9);
    expect(store.get().project!.ratingsOverrides![BUDGET]).toMatchObject({ contested: true });
    expect(store.get().project!.ratingsOverrides![id('Answer phones')]).toMatchObject({ contested: false });
    expect(R.ratingRoundStore.get().status).toMatch(/^The members’ medians are now the ratings of 3 tasks/);
    actions.undo();
    expect(task(BUDGET)).toEqual(riverside.tasks.find((t) => t.id === BUDGET));
    expect(store.get().project!.ratingsOverrides ?? {}).toEqual({});
  });

  it('Decide needs a note; a decision is one undo step with source council, and Use the medians after it keeps it', async () => {
    await A.readForms(asFiles(filled));
    A.useMedians(roundResult());
    const past = store.get().past.length;
    expect(A.decide(BUDGET, { empowerment: 12 }, '  ')).toMatch(/needs a note/);
    expect(A.decide(BUDGET, { empowerment: 25 }, 'why')).toMatch(/from 1 to 20/);
    expect(store.get().past.length).toBe(past);
    expect(A.decide(BUDGET, { empowerment: 12 }, 'Agreed at the March meeting')).toBeNull();
    expect(store.get().past.length).toBe(past + 1);
    expect(task(BUDGET)).toMatchObject({ source: 'council', reason: 'Decided by the group: Agreed at the March meeting', contested: true });
    expect(points(task(BUDGET).empowerment)).toBeCloseTo(12, 9);
    expect(points(task(BUDGET).desirability)).toBeCloseTo(10, 9);
    expect(points(store.get().project!.ratingsOverrides![BUDGET].empowerment!)).toBeCloseTo(12, 9);
    expect(store.get().project!.ratingsOverrides![BUDGET]).toMatchObject({ council: 'Agreed at the March meeting', contested: true });

    A.useMedians(roundResult());
    expect(points(task(BUDGET).empowerment)).toBeCloseTo(12, 9);
    expect(task(BUDGET).source).toBe('council');
    expect(R.ratingRoundStore.get().status).toMatch(/Budget decisions keeps the value the group decided/);

    actions.undo();
    actions.undo();
    expect(task(BUDGET).source).toBe('members');
    expect(points(task(BUDGET).empowerment)).toBeCloseTo(18, 9);
  });

  it('a decision before the medians are used marks the task contested, so the audit counts its hours', async () => {
    await A.readForms(asFiles(filled));
    expect(task(BUDGET).contested).toBeUndefined();
    expect(A.decide(BUDGET, { desirability: 9 }, 'the committee decides')).toBeNull();
    expect(task(BUDGET)).toMatchObject({ source: 'council', contested: true });
    expect(points(task(BUDGET).empowerment)).toBeCloseTo(points(riverside.tasks.find((t) => t.id === BUDGET)!.empowerment)!, 9);
  });
});

it('a new project starts a new round', async () => {
  await A.readForms(asFiles(filled.slice(0, 1)));
  R.setRatersText('Ann');
  expect(R.ratingRoundStore.get().forms).toHaveLength(1);
  commit(createProject('Other', riverside), { undoable: false });
  expect(R.ratingRoundStore.get()).toMatchObject({ forms: [], raters: null });
});

it('the roster once per name, in roster order', () => {
  const org: Organization = { ...riverside, people: [...riverside.people.slice(0, 2), { ...riverside.people[0], id: 'dup' }, { ...riverside.people[1], id: 'blank', name: ' ' }] };
  expect(R.rosterRaters(org)).toEqual([riverside.people[0].name, riverside.people[1].name]);
});
