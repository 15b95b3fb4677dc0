/**
 * The Report view's state (issue 18): the page size, the parts left out, and the report document built
 * from the workspace — the audit as the exports write it (pseudonymized, one-person groups hidden when
 * chosen), the current proposal, the compared scenarios, the merger and the rating round — by the
 * engine worker (0.3 s at 2,000 people with a proposal). A build superseded by a newer one is dropped.
 */
import { version } from '../../../package.json';
import type { AuditReport } from '../engine/analysis/auditReport';
import type { PageSize, ReportInput } from '../engine/report/types';
import { JobCancelled } from '../worker/client';
import type { ReportJobArgs } from '../worker/protocol';
import { auditInWorker, engineClient } from './engineJobs';
import { exportDate, reportForExport, singletonsToHide } from './exports';
import { mergerStore } from './merger';
import { onOtherProject } from './projectChange';
import { proposalStore } from './proposal';
import { ratingRoundStore } from './ratingRound';
import { proposalSensitivityStore } from './ratingRoundSensitivity';
import { currentProposal, maskMerger, maskProposal, mergerForReport, proposalSensitivityFor, roundResultFor, scenariosForReport, type ReportPart } from './reportInput';
import { scenariosStore } from './scenarios';
import { Store, useStore } from './store';
import { refreshReport, store as workspace } from './workspaceStore';

export type { PageSize, ReportPart };

export type ReportStatus = 'idle' | 'building' | 'ready' | 'failed' | 'cancelled';

export interface BuiltReport {
  html: string;
  /** The page size its CSS lays it out for (what the PDF is printed at). */
  pageSize: PageSize;
  /** The parts it covers. */
  parts: ReportPart[];
}

export interface ReportState {
  pageSize: PageSize;
  /** Parts the person left out (every part present is in by default). */
  omit: Record<ReportPart, boolean>;
  status: ReportStatus;
  built: BuiltReport | null;
  error: string | null;
  exporting: boolean;
  /** File → Export PDF report… asked before the report was ready: exported once it is. */
  exportWhenReady: boolean;
}

const initial: ReportState = {
  pageSize: 'A4', omit: { proposal: false, scenarios: false, merger: false, round: false }, status: 'idle', built: null, error: null, exporting: false, exportWhenReady: false,
};

export const reportStore = new Store<ReportState>(initial);

export function useReport<T>(select: (s: ReportState) => T): T {
  return useStore(reportStore, select);
}

export function setPageSize(pageSize: PageSize): void {
  reportStore.set({ pageSize });
}

export function setPartIncluded(part: ReportPart, included: boolean): void {
  reportStore.set((s) => ({ omit: { ...s.omit, [part]: !included } }));
}

/** "Fairshare 0.1.0": the app's version, the same in the desktop app and in web mode. */
export const GENERATOR = `Fairshare ${version}`;

/** The project's tolerance, points (its own, else 5% of the scale). */
/** The masker of one-person roles and departments the user chose to hide, or null for none. */
async function hiddenGroupsMasker(report: AuditReport, projectName: string): Promise<((name: string) => string) | null> {
  const hide = await singletonsToHide(report, projectName, 'the report');
  if (!hide) return null;
  const { singletonCount, textMasker, groupNames } = await import('../engine/analysis/singletons');
  return singletonCount(hide) === 0 ? null : textMasker(hide, groupNames(report.people));
}

/** The report's job for the worker, from the workspace now; null when the person cancelled the one-person-groups question. */
export async function gatherReport(pageSize: PageSize, omit: Record<ReportPart, boolean>): Promise<{ args: ReportJobArgs; parts: ReportPart[] } | null> {
  const audit = await reportForExport(workspace.get, refreshReport, 'the report');
  if (!audit) return null;
  const { project, revision, pseudonymize, report: shown } = workspace.get();
  if (!project || !shown) return null;
  const org = project.organization;
  // The audit's own τ: the project's, or the default it already worked out.
  const tolerance = audit.metrics.tolerance;
  // The same answer as reportForExport's (remembered for this project and its names): no second question.
  const mask = await hiddenGroupsMasker(shown, project.name);
  const parts: ReportPart[] = [];

  const full = omit.proposal ? null : currentProposal(proposalStore.get(), revision, pseudonymize);
  if (full) parts.push('proposal');
  const scenarios = omit.scenarios ? [] : scenariosForReport(project, scenariosStore.get().compare);
  if (scenarios.length) parts.push('scenarios');
  let merger = omit.merger
    ? null
    : await mergerForReport({ project, revision, pseudonymize, audit, merger: mergerStore.get(), proposal: proposalStore.get(), tolerance }, (pooled) =>
        auditInWorker({ organization: pooled, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: `${project.name} merger`, format: 'merger' }, { tolerance, pseudonymize }),
      );
  if (merger) parts.push('merger');
  if (merger && mask) merger = maskMerger(merger, mask);
  const result = omit.round ? null : roundResultFor(ratingRoundStore.get().forms, org, tolerance);
  if (result) parts.push('round');

  const input: Omit<ReportInput, 'scenarios' | 'round'> = {
    organization: project.name,
    date: exportDate(),
    generator: GENERATOR,
    pageSize,
    audit,
    proposal: full ? { label: 'Proposal', full: mask ? maskProposal(full, mask) : full } : null,
    merger,
  };
  const round = result ? { result, proposal: proposalSensitivityFor(proposalSensitivityStore.get(), org, result, tolerance) } : null;
  return { args: { input, organization: org, scenarios, round, tolerance, pseudonymize }, parts };
}

let serial = 0;

/** Builds the report for the workspace as it is now; a newer build (or another project) drops this one's answer. */
export async function buildReport(): Promise<void> {
  const { project } = workspace.get();
  if (!project) return;
  const run = ++serial;
  const { pageSize, omit } = reportStore.get();
  reportStore.set({ status: 'building', error: null });
  try {
    const gathered = await gatherReport(pageSize, omit);
    if (run !== serial) return;
    if (!gathered) {
      reportStore.set({ status: 'cancelled', exportWhenReady: false });
      return;
    }
    const html = await engineClient().run('reportHtml', gathered.args);
    if (run !== serial) return;
    reportStore.set({ status: 'ready', built: { html, pageSize, parts: gathered.parts } });
  } catch (err) {
    if (run !== serial) return;
    // The proposal's Cancel restarts the worker and takes this job with it.
    const message = err instanceof JobCancelled ? 'The report was interrupted while it was being built.' : err instanceof Error ? err.message : String(err);
    reportStore.set({ status: 'failed', error: message, exportWhenReady: false });
  }
}

/** Another project drops the report (the page size and the parts left out stay). */
export function resetReport(): void {
  serial++;
  reportStore.set((s) => ({ ...initial, pageSize: s.pageSize, omit: s.omit }));
}

onOtherProject(resetReport);
