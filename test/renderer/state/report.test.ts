// @vitest-environment happy-dom
// The Report view's state (state/report.ts, reportInput.ts, reportActions.ts) on the Riverside sample:
// the report's input is the workspace's — the project's name, today, "Fairshare <version>", the page
// size, the audit as exports write it — plus the proposal only while it is current, the scenarios
// compared (else the kept ones), the merger on screen (the engine's pooled and federated figures)
// and the rating round; the worker's job (run here in-process) gives the document. Pseudonymized,
// one-person groups are hidden in the proposal too; a cancelled question or a failure is said.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAuditReport } from '../../../renderer/src/engine/analysis/auditReport';
import { HIDDEN_GROUP } from '../../../renderer/src/engine/analysis/hiddenGroup';
import { pseudonymizer } from '../../../renderer/src/engine/analysis/pseudonymize';
import { findSingletons } from '../../../renderer/src/engine/analysis/singletons';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { readReturnedForm } from '../../../renderer/src/engine/formats/returnedForm';
import { importOrganization } from '../../../renderer/src/engine/import';
import { federatedView } from '../../../renderer/src/engine/merge/federated';
import { applyReviewed, matchTasks } from '../../../renderer/src/engine/merge/match';
import { poolOrganizations } from '../../../renderer/src/engine/merge/pool';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';
import { collectRound } from '../../../renderer/src/engine/ratingRound/collect';
import { makeFormRound } from '../../../renderer/src/engine/ratingRound/formSpecs';
import { pseudonymizeProposal } from '../../../renderer/src/engine/report';
import { makeScenario } from '../../../renderer/src/engine/scenarios';
import type { EngineJobs, JobKind, ReportJobArgs } from '../../../renderer/src/worker/protocol';
import { reportJob } from '../../../renderer/src/worker/reportJob';
import { formFileName } from '../../../electron/cli/ratingsForm';
import { riverside, type Riverside } from '../../engine/scenarios.fixture';
import { filledForm } from '../../helpers/rating-forms';

const ROOT = path.join(__dirname, '..', '..', '..');
const jobs: { kind: JobKind; args: unknown }[] = [];
let failNext: string | null = null;
vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({
    run: async <K extends JobKind>(kind: K, args: EngineJobs[K]['args']) => {
      jobs.push({ kind, args });
      if (kind !== 'reportHtml') throw new Error(`unexpected job ${kind}`);
      if (failNext) throw new Error(failNext);
      // The worker's handler, on a structured clone as the worker receives it.
      return reportJob(structuredClone(args as ReportJobArgs));
    },
    cancelAll: () => undefined,
  }),
  importInWorker: () => { throw new Error('no import in this test'); },
  auditInWorker: async (input: Parameters<typeof buildAuditReport>[0], options: Parameters<typeof buildAuditReport>[1]) => buildAuditReport(structuredClone(input), options),
  beforeImport: () => undefined,
}));

const { actions, commit, refreshReport, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const { proposalStore, resetProposal } = await import('../../../renderer/src/state/proposal');
const { scenariosStore } = await import('../../../renderer/src/state/scenarios');
const { addPartner, resetMerger } = await import('../../../renderer/src/state/merger');
const { addForms, resetRatingRound } = await import('../../../renderer/src/state/ratingRound');
const { proposalSensitivityStore, resetProposalSensitivity } = await import('../../../renderer/src/state/ratingRoundSensitivity');
const { answerSingletons, exportDate, exportsStore } = await import('../../../renderer/src/state/exports');
const R = await import('../../../renderer/src/state/report');

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TOLERANCE = 0.95;
const eastside = applySuggestions(importOrganization(new Uint8Array(readFileSync(path.join(ROOT, 'resources', 'sample-partner.xlsx'))), 'sample-partner.xlsx').organization!);

let F: Riverside;
beforeAll(async () => {
  F = await riverside();
});

const lastArgs = (): ReportJobArgs => jobs.filter((j) => j.kind === 'reportHtml').at(-1)!.args as ReportJobArgs;

/** A fresh workspace holding Riverside with its audit, nothing else. */
async function open(name = 'Riverside Tenants'): Promise<void> {
  resetWorkspace();
  resetProposal();
  resetMerger();
  resetRatingRound();
  resetProposalSensitivity();
  scenariosStore.set({ compare: [] });
  exportsStore.set({ singletonChoice: null, prompt: null });
  R.reportStore.set({ pageSize: 'A4', omit: { proposal: false, scenarios: false, merger: false, round: false } });
  commit(createProject(name, F.org), { undoable: false });
  await refreshReport();
  jobs.length = 0;
  failNext = null;
}

function showProposal(): void {
  proposalStore.set({ result: F.proposal, plan: F.proposal, resultRevision: store.get().revision, resultPseudonymized: store.get().pseudonymize });
}

beforeEach(() => open());

describe('the report of the audit', () => {
  it('is built in the worker from the project: its name, today, Fairshare and its version, the page size and the audit on screen', async () => {
    await R.buildReport();
    const s = R.reportStore.get();
    expect(s.status).toBe('ready');
    const args = lastArgs();
    expect(args.input).toMatchObject({ organization: 'Riverside Tenants', date: exportDate(), generator: `Fairshare ${VERSION}`, pageSize: 'A4', proposal: null, merger: null });
    expect(args.input.audit.metrics).toEqual(store.get().report!.metrics);
    expect(args).toMatchObject({ scenarios: [], round: null, tolerance: TOLERANCE, pseudonymize: false });
    expect(s.built!.parts).toEqual([]);
    expect(s.built!.pageSize).toBe('A4');
    expect(s.built!.html).toContain('Riverside Tenants');
    expect(s.built!.html).toContain(`Fairshare ${VERSION}`);
    expect(s.built!.html).not.toMatch(/<script/i);
  });

  it('lays it out for Letter when asked', async () => {
    R.setPageSize('Letter');
    await R.buildReport();
    expect(lastArgs().input.pageSize).toBe('Letter');
    expect(R.reportStore.get().built!.pageSize).toBe('Letter');
  });

  it('says why when the worker fails, and keeps nothing half-built', async () => {
    failNext = 'out of memory';
    await R.buildReport();
    expect(R.reportStore.get()).toMatchObject({ status: 'failed', error: 'out of memory', built: null });
  });

  it('drops a build overtaken by a newer one', async () => {
    const first = R.buildReport();
    R.setPageSize('Letter');
    const second = R.buildReport();
    await Promise.all([first, second]);
    expect(R.reportStore.get().built!.pageSize).toBe('Letter');
  });
});

describe('the parts it covers', () => {
  it('takes the proposal on screen only while it is current for the revision and the Pseudonymize setting', async () => {
    showProposal();
    await R.buildReport();
    expect(lastArgs().input.proposal).toEqual({ label: 'Proposal', full: F.proposal });
    expect(R.reportStore.get().built!.parts).toEqual(['proposal']);
    // An edit since: out of date.
    actions.setTolerance(1.5);
    await refreshReport();
    await R.buildReport();
    expect(lastArgs().input.proposal).toBeNull();
    // Made with names shown, then Pseudonymize turned on: left out too.
    actions.setPseudonymize(true);
    await refreshReport();
    showProposal();
    proposalStore.set({ resultPseudonymized: false });
    const build = R.buildReport();
    await vi.waitFor(() => expect(exportsStore.get().prompt).not.toBeNull());
    answerSingletons('as-is');
    await build;
    expect(lastArgs().input.audit.pseudonymized).toBe(true);
    expect(lastArgs().input.proposal).toBeNull();
  });

  it('leaves out a part the person unticks', async () => {
    showProposal();
    R.setPartIncluded('proposal', false);
    await R.buildReport();
    expect(lastArgs().input.proposal).toBeNull();
    expect(R.reportStore.get().built!.parts).toEqual([]);
  });

  it('compares the scenarios ticked in the Scenarios view, else the ones kept', async () => {
    const now = new Date('2026-01-05T10:00:00Z');
    const a = makeScenario(F.proposal, F.org, { id: 'a', name: 'Default band', createdAt: now.toISOString() });
    const b = makeScenario(F.wide, F.org, { id: 'b', name: 'Two points', createdAt: now.toISOString() });
    commit({ ...store.get().project!, scenarios: [a, b] });
    await refreshReport();
    await R.buildReport();
    expect(lastArgs().scenarios.map((s) => s.name)).toEqual(['Default band', 'Two points']);
    scenariosStore.set({ compare: ['b'] });
    await R.buildReport();
    expect(lastArgs().scenarios.map((s) => s.name)).toEqual(['Two points']);
    expect(R.reportStore.get().built!.parts).toEqual(['scenarios']);
    expect(R.reportStore.get().built!.html).toContain('Two points');
  });

  it('reports the merger on screen with the engine’s pooled organization, federated view and merged audit', async () => {
    addPartner('Eastside', 'sample-partner.xlsx', eastside);
    await R.buildReport();
    const merger = lastArgs().input.merger!;
    const sources = [{ name: 'Riverside Tenants', organization: F.org, file: 'Riverside Tenants' }, { name: 'Eastside', organization: eastside, file: 'sample-partner.xlsx' }];
    const pooled = poolOrganizations(sources, applyReviewed(matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks }))), []), { tolerance: TOLERANCE });
    expect(merger.pooled.organizations).toEqual(['Riverside Tenants', 'Eastside']);
    expect(merger.federated).toEqual(federatedView(pooled, TOLERANCE));
    expect(merger.audit.people).toHaveLength(F.org.people.length + eastside.people.length);
    expect(merger.audit.metrics.empowerment.absoluteGini).toBeCloseTo(buildAuditReport({ organization: pooled.organization, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: 'm', format: 'merger' }, { tolerance: TOLERANCE }).metrics.empowerment.absoluteGini, 12);
    expect(merger.proposal).toBeNull();
    expect(R.reportStore.get().built!.parts).toEqual(['merger']);
  });

  it('reports the rating round with the proposal sensitivity the Rating round view computed for the same round', async () => {
    const id = (name: string) => F.org.tasks.find((t) => t.name === name)!.id;
    const typed = [[19, 12], [3, 10], [18, 6]];
    const specs = makeFormRound(F.org, { project: 'Riverside', raters: ['A', 'B', 'C'], created: '2026-03-02' }).forms;
    const forms = specs.map((s, i) => readReturnedForm(filledForm(s, { [id('Budget decisions')]: { e: typed[i][0], d: typed[i][1] } }), formFileName(s), { tasks: F.org.tasks, scale: F.org.scale }));
    addForms(forms);
    const proposal = { variants: [], min: 200, max: 210, text: 'The exact proposal moves 200–210 hours a week.' };
    // Computed by the view on its own copy of the same round.
    proposalSensitivityStore.set({ key: { org: store.get().project!.organization, result: collectRound(forms, F.org, TOLERANCE), tolerance: TOLERANCE }, busy: false, value: { tolerance: TOLERANCE, contestedRatings: 1, contestedTasks: 1, cluster: { variants: [], min: 0, max: 0, always: [], sometimes: [], text: '' }, proposal }, error: null });
    await R.buildReport();
    const round = lastArgs().round!;
    expect(round.result.spreads).toEqual(collectRound(forms, F.org, TOLERANCE).spreads);
    expect(round.proposal).toEqual(proposal);
    expect(R.reportStore.get().built!.parts).toEqual(['round']);
    // Computed for another tolerance: not this round's.
    proposalSensitivityStore.set((s) => ({ key: { ...s.key!, tolerance: 2 } }));
    await R.buildReport();
    expect(lastArgs().round!.proposal).toBeNull();
  });
});

describe('pseudonymized', () => {
  it('asks about one-person roles and departments once, hides them in the audit and the proposal, and names people by code', async () => {
    const singles = findSingletons(store.get().report!.people);
    expect(singles.roles.length).toBeGreaterThan(0);
    actions.setPseudonymize(true);
    await refreshReport();
    // As the worker makes it when Pseudonymize is on: people by the audit's codes.
    const coded = pseudonymizeProposal(F.proposal, pseudonymizer(F.org.people.map((p) => p.name)));
    proposalStore.set({ result: coded, plan: coded, resultRevision: store.get().revision, resultPseudonymized: true });
    const build = R.buildReport();
    await vi.waitFor(() => expect(exportsStore.get().prompt).not.toBeNull());
    answerSingletons('hide');
    await build;
    const input = lastArgs().input;
    expect(input.audit.pseudonymized).toBe(true);
    expect(input.audit.hiddenGroups?.roles).toBe(singles.roles.length);
    const roles = new Set(input.proposal!.full.report.jobs.map((j) => j.role));
    for (const r of singles.roles) expect(roles.has(r)).toBe(false);
    expect(roles.has(HIDDEN_GROUP)).toBe(true);
    expect(lastArgs().pseudonymize).toBe(true);
    expect(R.reportStore.get().built!.html).not.toContain(F.org.people[0].name);
    // Answered once: the next build does not ask again.
    await R.buildReport();
    expect(exportsStore.get().prompt).toBeNull();
  });

  it('is not built when the question is cancelled', async () => {
    actions.setPseudonymize(true);
    await refreshReport();
    const build = R.buildReport();
    await vi.waitFor(() => expect(exportsStore.get().prompt).not.toBeNull());
    answerSingletons(null);
    await build;
    expect(R.reportStore.get().status).toBe('cancelled');
    expect(jobs).toEqual([]);
  });
});
