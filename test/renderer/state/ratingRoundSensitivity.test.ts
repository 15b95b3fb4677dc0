// @vitest-environment happy-dom
// The proposal's sensitivity in the Rating round view (state/ratingRoundSensitivity.ts) on the
// Riverside sample with budget decisions contested: the request goes to the engine's
// `roundSensitivity` job (run here in-process with HiGHS, as the worker runs it), is busy until it
// answers, gives the engine's figures for the organization, round and τ asked for only, reports a
// failure, goes back to idle when cancelled, and a new project drops it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import loadHighs from 'highs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Highs } from '../../../renderer/src/engine/balance/types';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { readReturnedForm } from '../../../renderer/src/engine/formats/returnedForm';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';
import { collectRound } from '../../../renderer/src/engine/ratingRound/collect';
import { makeFormRound } from '../../../renderer/src/engine/ratingRound/formSpecs';
import { roundSensitivity } from '../../../renderer/src/engine/ratingRound/sensitivity';
import { JobCancelled } from '../../../renderer/src/worker/client';
import type { EngineJobs, JobKind } from '../../../renderer/src/worker/protocol';
import { formFileName } from '../../../electron/cli/ratingsForm';
import { filledForm, type FilledTask } from '../../helpers/rating-forms';

const highs = (await loadHighs()) as unknown as Highs;
/** What the mocked worker does next: run the job, hold it until released, or fail. */
let mode: 'run' | 'fail' | 'cancel' = 'run';
const jobs: { kind: JobKind; args: unknown }[] = [];
let gate: Promise<void> = Promise.resolve();
vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({
    run: async <K extends JobKind>(kind: K, args: EngineJobs[K]['args']) => {
      jobs.push({ kind, args });
      await gate;
      if (mode === 'fail') throw new Error('the solver ran out of memory');
      if (mode === 'cancel') throw new JobCancelled();
      const a = args as EngineJobs['roundSensitivity']['args'];
      // The worker's handler: the engine with the solver, on a structured clone of the arguments.
      return roundSensitivity(structuredClone(a.organization), structuredClone(a.result), a.tolerance, highs);
    },
    cancelAll: () => undefined,
  }),
  importInWorker: () => { throw new Error('no import in this test'); },
  auditInWorker: async () => ({}),
  beforeImport: () => undefined,
}));

const { commit, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const S = await import('../../../renderer/src/state/ratingRoundSensitivity');

const file = path.join(__dirname, '..', '..', '..', 'resources', 'sample-organization.xlsx');
const riverside: Organization = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file, { hoursPerFte: 40, mapping: { sheets: {} } }).organization!);
const id = (name: string) => riverside.tasks.find((t) => t.name === name)!.id;
const TOLERANCE = 0.95;
const TYPED: Record<string, [number, number]>[] = [
  { [id('Budget decisions')]: [19, 12], [id('Answer phones')]: [5, 9] },
  { [id('Budget decisions')]: [3, 10], [id('Answer phones')]: [6, 8] },
  { [id('Budget decisions')]: [18, 6], [id('Answer phones')]: [4, 10] },
];
const values = (t: Record<string, [number, number]>): Record<string, FilledTask> => Object.fromEntries(Object.entries(t).map(([k, [e, d]]) => [k, { e, d }]));
const specs = makeFormRound(riverside, { project: 'Riverside', raters: ['A', 'B', 'C'], created: '2026-03-02' }).forms;
const forms = specs.map((s, i) => readReturnedForm(filledForm(s, values(TYPED[i])), formFileName(s), { tasks: riverside.tasks, scale: riverside.scale }));
const result = collectRound(forms, riverside, TOLERANCE);
const key = { org: riverside, result, tolerance: TOLERANCE };
const expected = roundSensitivity(riverside, result, TOLERANCE, highs).proposal!;

beforeEach(() => {
  resetWorkspace();
  commit(createProject('Riverside', riverside), { undoable: false });
  S.resetProposalSensitivity();
  mode = 'run';
  gate = Promise.resolve();
  jobs.length = 0;
});

describe("the proposal's sensitivity", () => {
  it('the round has contested ratings and the engine moves a number of hours in each variant', () => {
    expect(result.spreads.some((s) => s.contested)).toBe(true);
    expect(expected.variants.every((v) => v.movedHours !== null)).toBe(true);
    expect(expected.text).toMatch(/^The exact proposal moves [\d.]+(–[\d.]+)? hours a week/);
  });

  it('is busy while the worker solves, then holds the engine’s figures for what was asked', async () => {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const done = S.computeProposalSensitivity(key);
    expect(S.sensitivityFor(S.proposalSensitivityStore.get(), key)).toMatchObject({ busy: true, value: null, error: null });
    // A second click while it runs sends nothing more.
    await S.computeProposalSensitivity(key);
    release();
    await done;
    expect(jobs).toHaveLength(1);
    expect(jobs[0].kind).toBe('roundSensitivity');
    expect(jobs[0].args).toEqual({ organization: riverside, result, tolerance: TOLERANCE });
    const s = S.sensitivityFor(S.proposalSensitivityStore.get(), key);
    expect(s.busy).toBe(false);
    expect(s.value!.proposal).toEqual(expected);
    expect(s.value!.proposal!.variants.map((v) => v.movedHours)).toEqual(expected.variants.map((v) => v.movedHours));
  });

  it('is not shown for another organization, round or τ', async () => {
    await S.computeProposalSensitivity(key);
    const st = S.proposalSensitivityStore.get();
    expect(S.sensitivityFor(st, key).value).not.toBeNull();
    for (const other of [{ ...key, org: { ...riverside } }, { ...key, result: { ...result } }, { ...key, tolerance: 1.5 }]) {
      expect(S.sensitivityFor(st, other)).toMatchObject({ busy: false, value: null, error: null });
    }
  });

  it('a newer request for another round supersedes the one still running', async () => {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const first = S.computeProposalSensitivity(key);
    const other = { ...key, tolerance: 1.5 };
    const second = S.computeProposalSensitivity(other);
    release();
    await Promise.all([first, second]);
    expect(S.sensitivityFor(S.proposalSensitivityStore.get(), key).value).toBeNull();
    expect(S.sensitivityFor(S.proposalSensitivityStore.get(), other).value!.tolerance).toBe(1.5);
  });

  it('a failure is said; a cancelled job goes back to the button', async () => {
    mode = 'fail';
    await S.computeProposalSensitivity(key);
    expect(S.sensitivityFor(S.proposalSensitivityStore.get(), key)).toMatchObject({ busy: false, value: null });
    expect(S.proposalSensitivityStore.get().error).toBe("The proposal's sensitivity could not be computed: the solver ran out of memory");
    mode = 'cancel';
    await S.computeProposalSensitivity(key);
    expect(S.proposalSensitivityStore.get()).toMatchObject({ key: null, busy: false, value: null, error: null });
  });

  it('another project drops the figures', async () => {
    await S.computeProposalSensitivity(key);
    expect(S.proposalSensitivityStore.get().value).not.toBeNull();
    commit(createProject('Another', riverside), { undoable: false });
    expect(S.proposalSensitivityStore.get()).toMatchObject({ key: null, value: null });
  });
});
