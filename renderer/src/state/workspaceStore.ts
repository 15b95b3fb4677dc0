/**
 * The workspace's state and its core: the store, the project's commit with undo history, the audit
 * report kept in step with it by the worker, and the types the actions share (workspace.ts
 * assembles the actions; importActions.ts holds the import wizard's).
 */
import type { AuditReport } from '../engine/analysis/auditReport';
import type { ExplicitMapping, ImportResult, TimesheetPeriod } from '../engine/import/types';
import type { Organization } from '../engine/model/types';
import { PROJECT_EXTENSION, type Project, type SourceFile } from '../engine/formats/projectFile';
import { desktop } from '../platform/desktop';
import { auditInWorker, engineClient } from './engineJobs';
import { JobCancelled } from '../worker/client';
import { Store, useStore } from './store';
import type { ChangeSummary } from './reimport';

/**
 * The project reader and writer (zod and the format migrations, a quarter of the start-up code
 * otherwise) load on first open or save; the app fetches them just after its first paint.
 */
export const projectCodec = () =>
  import('../engine/formats/projectCodec').catch(() => {
    throw new Error('Fairshare could not load the code that reads and writes projects; restart it and try again.');
  });

export type View = 'start' | 'overview' | 'jobs' | 'tasks' | 'charts' | 'proposal' | 'merger' | 'ratingRound' | 'report';

export interface PendingImport {
  fileName: string;
  /** The name a new project takes (a bundled sample's own name); absent: the file's name without its extension. */
  projectName?: string;
  bytes: Uint8Array;
  result: ImportResult;
  mapping: ExplicitMapping;
  hoursPerFte: number;
  /** True when the import will replace the open project's organization (keeping its ratings). */
  reimport: boolean;
  /** The user chose to re-import although few of the file's people are the project's (reimport.peopleOverlap). */
  overlapAccepted?: boolean;
  /**
   * For a time-tracking export: the period chosen in the wizard (absent: the whole weeks the entries
   * span). Belongs to this file only: not saved with the mapping, and a new file starts without it.
   */
  period?: TimesheetPeriod;
}

/**
 * What the import that built the open organization found: its issues, layout and file format,
 * shown beside the project but not saved in the project file (a project opened from disk has none).
 */
export interface ImportContext {
  issues: ImportResult['issues'];
  layout: ImportResult['layout'] | null;
  format: string;
}

/** One undo step: the project and the import context that went with it. */
export interface Snapshot {
  project: Project;
  imported: ImportContext;
}

export const NO_IMPORT: ImportContext = { issues: [], layout: null, format: PROJECT_EXTENSION };

export interface WorkspaceState {
  project: Project | null;
  /** The import context of `project`; restored with it by undo and redo. */
  imported: ImportContext;
  handle: string | null;
  dirty: boolean;
  past: Snapshot[];
  future: Snapshot[];
  report: AuditReport | null;
  /** Incremented per change; a report is current when it was computed for this revision. */
  revision: number;
  reportRevision: number;
  pending: PendingImport | null;
  /**
   * What the last re-import changed, kept until the next import or project; shown in full while
   * changesOpen, and only while the project's last source file is `changesFor` (see shownChanges).
   */
  changes: ChangeSummary | null;
  /** The source file entry the re-import that produced `changes` added. */
  changesFor: SourceFile | null;
  changesOpen: boolean;
  busy: { label: string; progress: number | null } | null;
  notice: { kind: 'info' | 'error'; text: string } | null;
  view: View;
  pseudonymize: boolean;
}

const HISTORY_LIMIT = 200;

const initial: WorkspaceState = {
  project: null, imported: NO_IMPORT, handle: null, dirty: false, past: [], future: [], report: null, revision: 0, reportRevision: -1,
  pending: null, changes: null, changesFor: null, changesOpen: false, busy: null, notice: null, view: 'start', pseudonymize: false,
};

export const store = new Store<WorkspaceState>(initial);
export { engineClient };

export function useWorkspace<T>(select: (s: WorkspaceState) => T): T {
  return useStore(store, select);
}

/**
 * The last re-import's changes while they are in effect: undoing the re-import brings back a
 * project whose last source file is an earlier one (its changes would be listed under that file's
 * name), redo brings the entry back. The entry is compared by identity, not by importedAt (two
 * imports can share a millisecond): every edit and undo snapshot carries the same object.
 */
export function shownChanges(s: Pick<WorkspaceState, 'project' | 'changes' | 'changesFor'>): ChangeSummary | null {
  return s.changes && s.changesFor && s.project?.sourceFiles.at(-1) === s.changesFor ? s.changes : null;
}

export function fail(err: unknown): void {
  store.set({ busy: null, notice: { kind: 'error', text: err instanceof Error ? err.message : String(err) } });
}

/** Recomputes the audit report for the current project in the worker; stale answers are dropped. */
export async function refreshReport(): Promise<void> {
  const { project, imported, revision, pseudonymize } = store.get();
  if (!project) return;
  const last = project.sourceFiles[project.sourceFiles.length - 1];
  const options = { tolerance: project.settings.tolerance, pseudonymize };
  const input = { organization: project.organization, issues: imported.issues, layout: imported.layout ?? { layout: 'none' as const, confidence: 0, sheets: [] }, file: last?.name ?? project.name, format: imported.format };
  try {
    const report = await auditInWorker(input, options);
    if (store.get().revision === revision) store.set({ report, reportRevision: revision });
  } catch (err) {
    // Cancelling a proposal stops the worker's other jobs too; whoever cancelled asks again.
    if (!(err instanceof JobCancelled)) fail(err);
  }
}

/**
 * Replaces the project (and, when given, its import context; otherwise the current one stays),
 * recording the previous pair for undo.
 */
export function commit(project: Project, options: { undoable?: boolean; dirty?: boolean; imported?: ImportContext } = {}): void {
  store.set((s) => ({
    project,
    imported: options.imported ?? s.imported,
    past: options.undoable === false || !s.project ? s.past : [...s.past, { project: s.project, imported: s.imported }].slice(-HISTORY_LIMIT),
    future: options.undoable === false ? s.future : [],
    dirty: options.dirty ?? true,
    revision: s.revision + 1,
  }));
  void refreshReport();
  void desktop().setDocumentState({ dirty: store.get().dirty, title: project.name });
}

/** Applies a pure edit as one undo step; an edit that returns the organization it was given changed nothing and records nothing. */
export function editOrganization(edit: (org: Organization) => Organization): void {
  const { project } = store.get();
  if (!project) return;
  try {
    const organization = edit(project.organization);
    if (organization !== project.organization) commit({ ...project, organization });
  } catch (err) {
    fail(err);
  }
}

/** For tests and the start screen: replace everything with a fresh state. */
export function resetWorkspace(): void {
  store.set(initial);
}
