/**
 * What an export must carry and leave out: the report it is written from (current, and pseudonymized
 * when Pseudonymize is on), the one-person roles and departments it hides when the user chose so
 * (asked again whenever the project or its set of one-person names changes), and the lines every exported chart ends with (organization, date, rating
 * sources). Kept apart from the workspace store, which it reads through the functions it is given.
 */
import type { AuditReport } from '../engine/analysis/auditReport';
import type { Singletons } from '../engine/analysis/singletons';
import type { Project } from '../engine/formats/projectFile';
import { Store, useStore } from './store';

export type SingletonChoice = 'hide' | 'as-is';

export interface SingletonPrompt {
  singletons: Singletons;
  /** What the answer holds for (singletonKey). */
  key: string;
  /** What is being exported, for the dialog's text ("the Excel summary", "the Ranked jobs chart"). */
  what: string;
  answer: (choice: SingletonChoice | null) => void;
}

/** An answer and the project and one-person names it was given for. */
export interface RememberedChoice {
  key: string;
  choice: SingletonChoice;
}

export interface ExportsState {
  /** The last answer to "hide one-person roles and departments?"; null until given. */
  singletonChoice: RememberedChoice | null;
  prompt: SingletonPrompt | null;
}

export const exportsStore = new Store<ExportsState>({ singletonChoice: null, prompt: null });

export function useExports<T>(select: (s: ExportsState) => T): T {
  return useStore(exportsStore, select);
}

/** The parts of the workspace an export reads. */
export interface ExportSource {
  project: Project | null;
  report: AuditReport | null;
  pseudonymize: boolean;
  revision: number;
  reportRevision: number;
}

/**
 * What an answer holds for: the project and its exact set of one-person roles and departments. "Export
 * as is" given for the sample must not let another organization's (or an edited project's) one-person
 * roles out unasked, so any change to either asks again.
 */
// Loaded on the first export, not with the toolbar: hiding one-person groups re-scores the report
// with the readings and their bands, a sizeable part of the engine the first screen does not need.
const masking = () => import('../engine/analysis/singletons');
const sources = () => import('../engine/analysis/ratingSources');

export function singletonKey(project: string, s: Singletons): string {
  const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));
  return JSON.stringify([project, sorted(s.roles), sorted(s.departments)]);
}

/** Answers the question on screen: a choice is remembered for its project and names; null is Cancel. */
export function answerSingletons(choice: SingletonChoice | null): void {
  const { prompt } = exportsStore.get();
  exportsStore.set({ prompt: null, ...(choice && prompt ? { singletonChoice: { key: prompt.key, choice } } : {}) });
  prompt?.answer(choice);
}

/** The choice remembered for these names in this project, or the user's answer to the dialog; null when they cancel. */
function askAboutSingletons(project: string, singletons: Singletons, what: string): Promise<SingletonChoice | null> {
  const key = singletonKey(project, singletons);
  const remembered = exportsStore.get().singletonChoice;
  if (remembered?.key === key) return Promise.resolve(remembered.choice);
  // A question still open (a second export clicked behind the dialog) is cancelled first.
  exportsStore.get().prompt?.answer(null);
  return new Promise((answer) => exportsStore.set({ prompt: { singletons, key, what, answer } }));
}

/** True when the report on screen is the one for the current project and names setting. */
export function reportIsCurrent(s: ExportSource): boolean {
  return s.report !== null && s.reportRevision === s.revision && s.report.pseudonymized === s.pseudonymize;
}

/**
 * One-person roles and departments to hide from `report` of `project` (none unless it is pseudonymized
 * and the user chose to hide them); null when cancelled.
 */
export async function singletonsToHide(report: AuditReport, project: string, what: string): Promise<Singletons | null> {
  const none: Singletons = { roles: [], departments: [] };
  if (!report.pseudonymized) return none;
  const { findSingletons, singletonCount } = await masking();
  const found = findSingletons(report.people);
  if (singletonCount(found) === 0) return none;
  const choice = await askAboutSingletons(project, found, what);
  if (choice === null) return null;
  return choice === 'hide' ? found : none;
}

/**
 * The report an Excel export is written from: brought up to date first (a Pseudonymize click may be
 * a moment ahead of its report), one-person groups hidden when chosen. Null when the user cancels.
 */
export async function reportForExport(get: () => ExportSource, refresh: () => Promise<void>, what: string): Promise<AuditReport | null> {
  if (!reportIsCurrent(get())) await refresh();
  const s = get();
  if (!s.project || !s.report || !reportIsCurrent(s)) throw new Error(`The audit is still being brought up to date, so ${what} was not exported; try again in a moment.`);
  const hide = await singletonsToHide(s.report, s.project.name, what);
  if (!hide) return null;
  return (await masking()).hideSingletons(s.report, s.project.organization, hide);
}

/** The date an export is stamped with (the day, as the workbook's "Generated" row). */
export function exportDate(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface ChartExportContext {
  /** Lines written under the chart: organization and date, rating sources, names. */
  footer: string[];
  /** Replaces hidden role and department names in any text of the chart. */
  mask: (text: string) => string;
}

/** The footer and mask for a chart exported from `report` (the one on screen); null when the user cancels. */
export async function chartExportContext(s: ExportSource, report: AuditReport, what: string): Promise<ChartExportContext | null> {
  if (report !== s.report || !reportIsCurrent(s)) throw new Error('the charts are still being brought up to date; try again in a moment');
  const organization = s.project?.name ?? report.file.replace(/\.[^.]+$/, '');
  const hide = await singletonsToHide(report, organization, what);
  if (!hide) return null;
  const [{ singletonCount, textMasker, groupNames }, { ratingSourceShares, ratingSourcesLine }] = await Promise.all([masking(), sources()]);
  const names = !report.pseudonymized ? null
    : singletonCount(hide) > 0 ? 'Names pseudonymized; roles and departments of one person hidden.' : 'Names pseudonymized.';
  return {
    footer: [`${organization} · exported ${exportDate()} with Fairshare`, ratingSourcesLine(ratingSourceShares(report.tasks)), ...(names ? [names] : [])],
    // Every role and department name, so a kept one ("Lead Organizer") is never cut into.
    mask: textMasker(hide, groupNames(report.people)),
  };
}
