/**
 * The engine in a Web Worker, so parsing, scoring and solving never block the UI. HiGHS is loaded
 * on first use, from the WASM file Vite emits; cancelling a job means terminating this worker.
 */
import highsUrl from 'highs/runtime?url';
import type { Highs } from 'highs';
import { importOrganization, importWorkbook } from '../engine/import';
import { applySuggestions } from '../engine/rating/suggest';
import { buildAuditReport } from '../engine/analysis/auditReport';
import { balanceCategories } from '../engine/categories/balance';
import { disposePending, makeProposalPlan, proposalExtras, type PendingExtras } from '../engine/balance/fullProposal';
import { pseudonymizer } from '../engine/analysis/pseudonymize';
import { writeSummaryWorkbook } from '../engine/formats/summaryWorkbook';
import { writeProposalWorkbook } from '../engine/formats/proposalWorkbook';
import { roundSensitivity } from '../engine/ratingRound/sensitivity';
import { reportJob } from './reportJob';
import { STALE_PLAN, type EngineJobs, type EngineRequest, type EngineResponse, type JobKind } from './protocol';
import { auditKept, keepImport } from './keptImport';
import { hasNativeInflate } from './nativeInflate';
import { fastRead } from './parallelRead';
import { packResult, unpackArgs } from './packedOrganization';
import { startPartPool } from './partPool';

// Started with the worker, so the helpers have compiled SheetJS before the first file arrives.
const NATIVE_INFLATE = hasNativeInflate();
const partReader = NATIVE_INFLATE ? startPartPool(navigator.hardwareConcurrency || 1) : null;

let highs: Promise<Highs> | null = null;

/** The latest plan's exact LP, kept for its extras; one at a time (a newer plan frees the older). */
let kept: { token: number; pending: PendingExtras } | null = null;
let lastToken = 0;

function release(): PendingExtras | null {
  const pending = kept?.pending ?? null;
  kept = null;
  return pending;
}

function loadSolver(): Promise<Highs> {
  highs ??= import('highs').then(({ default: load }) => load({ locateFile: () => highsUrl }));
  return highs;
}

function post(message: EngineResponse, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(message, transfer);
}

type Handlers = { [K in JobKind]: (args: EngineJobs[K]['args'], id: number) => EngineJobs[K]['result'] | Promise<EngineJobs[K]['result']> };

const handlers: Handlers = {
  import: async ({ bytes, fileName, options, suggest, keepAs, prepareAudit }) => {
    const fast = NATIVE_INFLATE ? await fastRead(bytes, fileName, options, partReader) : { options };
    const read = 'book' in fast ? importWorkbook(fast.book, fileName, options) : importOrganization(bytes, fileName, fast.options);
    const result = read.organization && suggest ? { ...read, organization: applySuggestions(read.organization) } : read;
    if (keepAs !== undefined) keepImport(keepAs, fileName, result, prepareAudit);
    return result;
  },
  audit: ({ input, options }) => ('importRef' in input ? auditKept(input.importRef, options) : buildAuditReport(input, options)),
  balanceCategories: async ({ organization, delta }) => balanceCategories(organization, await loadSolver(), delta),
  propose: async ({ organization, settings, pseudonymize }, id) => {
    const solver = await loadSolver();
    // The same codes the audit gives (people first, in hash order), so a shared proposal matches a shared audit.
    const alias = pseudonymize ? pseudonymizer(organization.people.map((p) => p.name)) : null;
    const org = alias ? { ...organization, people: organization.people.map((p) => ({ ...p, name: alias.name(p.name) })) } : organization;
    disposePending(release());
    const { proposal, pending } = makeProposalPlan(org, solver, settings, (step, done, total) => post({ id, type: 'progress', phase: step, done, total }));
    if (!pending) return { plan: proposal, extras: null };
    kept = { token: ++lastToken, pending };
    return { plan: proposal, extras: { todo: pending.todo, token: kept.token } };
  },
  proposeExtras: ({ token }, id) => {
    if (kept?.token !== token) throw new Error(STALE_PLAN);
    return proposalExtras(release()!, (step, done, total) => post({ id, type: 'progress', phase: step, done, total }));
  },
  prepareSolver: async () => {
    await loadSolver();
    return null;
  },
  summaryWorkbook: ({ report, generatedAt, hoursBasis }) => writeSummaryWorkbook(report, generatedAt, hoursBasis ?? null),
  proposalWorkbook: ({ report, generatedAt }) => writeProposalWorkbook(report, generatedAt),
  roundSensitivity: async ({ organization, result, tolerance }) => roundSensitivity(organization, result, tolerance, await loadSolver()),
  reportHtml: (args) => reportJob(args),
};

self.onmessage = async (event: MessageEvent<EngineRequest>) => {
  const { id, kind, args } = event.data;
  try {
    const result = await (handlers[kind] as (a: unknown, id: number) => unknown)(unpackArgs(kind, args), id);
    const { value, transfer } = packResult(kind, result);
    post({ id, type: 'done', value }, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : transfer);
  } catch (err) {
    post({ id, type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
