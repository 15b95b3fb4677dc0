/**
 * The workspace: the open project, undo/redo over its edits, the audit report the worker keeps in
 * step with it, and the import wizard's pending import. Components read it with useWorkspace and
 * change it only through these actions.
 */
import type { AuditReport } from '../engine/analysis/auditReport';
import type { ExplicitMapping, ImportResult } from '../engine/import/types';
import type { Organization } from '../engine/model/types';
import { createProject, PROJECT_EXTENSION, type Project, type SourceFile } from '../engine/formats/projectFile';
import type { ProposalReport } from '../engine/balance/proposalReport';
import type { SampleName } from '../../../electron/ipc/contract';
import { desktop } from '../platform/desktop';
import { auditInWorker, engineClient, importInWorker } from './engineJobs';
import { Store, useStore } from './store';
import { exportDate, reportForExport } from './exports';
import { setAssignmentHours, setTaskRating, addTaskToPerson, setTaskFactor, samePersonFacts, setPersonFacts, type PersonFacts } from './edits';
import { applyOverrides, compareOrganizations, peopleOverlap, recordFactorEdit, type ChangeSummary } from './reimport';
import { overriddenEdits } from './orgFacts';
import type { FactorKind } from '../engine/rating/factors';

/**
 * The project reader and writer (zod and the format migrations, a quarter of the start-up code
 * otherwise) load on first open or save; the app fetches them just after its first paint.
 */
export const projectCodec = () =>
  import('../engine/formats/projectCodec').catch(() => {
    throw new Error('Fairshare could not load the code that reads and writes projects; restart it and try again.');
  });

export type View = 'start' | 'overview' | 'jobs' | 'tasks' | 'charts' | 'proposal';

export interface PendingImport {
  fileName: string;
  bytes: Uint8Array;
  result: ImportResult;
  mapping: ExplicitMapping;
  hoursPerFte: number;
  /** True when the import will replace the open project's organization (keeping its ratings). */
  reimport: boolean;
  /** The user chose to re-import although few of the file's people are the project's (reimport.peopleOverlap). */
  overlapAccepted?: boolean;
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
  proposal: ProposalReport | null;
  busy: { label: string; progress: number | null } | null;
  notice: { kind: 'info' | 'error'; text: string } | null;
  view: View;
  pseudonymize: boolean;
}

const HISTORY_LIMIT = 200;

const initial: WorkspaceState = {
  project: null, imported: NO_IMPORT, handle: null, dirty: false, past: [], future: [], report: null, revision: 0, reportRevision: -1,
  pending: null, changes: null, changesFor: null, changesOpen: false, proposal: null, busy: null, notice: null, view: 'start', pseudonymize: false,
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

/** Whether two reads of a file found the same people (by id, as peopleOverlap matches them). */
function samePeople(a: ImportResult, b: ImportResult): boolean {
  const ids = (r: ImportResult) => (r.organization?.people.map((p) => p.id) ?? []).sort().join('\n');
  return ids(a) === ids(b);
}

/**
 * Whether the open change list stays open once `project` is restored: undoing the re-import hides
 * it, and redo then brings it back folded (shown in full once); undoing a later edit leaves it be.
 */
function stillOpen(s: WorkspaceState, project: Project): boolean {
  return s.changesOpen && shownChanges({ ...s, project }) !== null;
}

function fail(err: unknown): void {
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
    fail(err);
  }
}

/**
 * Replaces the project (and, when given, its import context; otherwise the current one stays),
 * recording the previous pair for undo.
 */
function commit(project: Project, options: { undoable?: boolean; dirty?: boolean; imported?: ImportContext } = {}): void {
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

export function editOrganization(edit: (org: Organization) => Organization): void {
  const { project } = store.get();
  if (!project) return;
  try {
    commit({ ...project, organization: edit(project.organization) });
  } catch (err) {
    fail(err);
  }
}

export const actions = {
  setView(view: View): void {
    store.set({ view });
  },

  dismissNotice(): void {
    store.set({ notice: null });
  },

  rateTask(taskId: string, rating: { empowerment?: number | null; desirability?: number | null }): void {
    const { project } = store.get();
    if (!project) return;
    const overrides = { ...project.ratingsOverrides, [taskId]: { ...project.ratingsOverrides?.[taskId], ...Object.fromEntries(Object.entries(rating).filter(([, v]) => v !== null && v !== undefined)) } };
    commit({ ...project, organization: setTaskRating(project.organization, taskId, rating), ratingsOverrides: overrides });
  },

  /** Sets (or clears, with null) one factor of a task, normalized 0–1; its E or D becomes the mean of its factors. Undoable. */
  rateFactor(taskId: string, kind: FactorKind, factorName: string, value: number | null): void {
    const { project } = store.get();
    if (!project) return;
    try {
      const organization = setTaskFactor(project.organization, taskId, kind, factorName, value);
      const before = project.organization.tasks.find((t) => t.id === taskId);
      const after = organization.tasks.find((t) => t.id === taskId);
      if (organization === project.organization || !before || !after) return;
      commit({ ...project, organization, ratingsOverrides: recordFactorEdit(project.ratingsOverrides, before, after, kind, factorName, value) });
    } catch (err) {
      fail(err);
    }
  },

  setHours(personId: string, taskId: string, hours: number): void {
    editOrganization((org) => setAssignmentHours(org, personId, taskId, hours));
  },

  addTask(personId: string, taskName: string, hours: number): void {
    editOrganization((org) => addTaskToPerson(org, personId, taskName, hours));
  },

  /** A person's role and/or department as typed in Jobs (undoable); a change to the names they have records nothing. */
  editPerson(personId: string, facts: PersonFacts): void {
    const org = store.get().project?.organization;
    if (org && samePersonFacts(org, personId, facts)) return;
    editOrganization((o) => setPersonFacts(o, personId, facts));
  },

  setTolerance(tolerance: number | undefined): void {
    const { project } = store.get();
    if (project) commit({ ...project, settings: { ...project.settings, tolerance } });
  },

  setPseudonymize(pseudonymize: boolean): void {
    store.set((s) => ({ pseudonymize, revision: s.revision + 1 }));
    void refreshReport();
  },

  undo(): void {
    const { past, project, imported } = store.get();
    if (!past.length || !project) return;
    const previous = past[past.length - 1];
    store.set((s) => ({ ...previous, past: past.slice(0, -1), future: [{ project, imported }, ...s.future], dirty: true, revision: s.revision + 1, changesOpen: stillOpen(s, previous.project) }));
    void refreshReport();
  },

  redo(): void {
    const { future, project, imported } = store.get();
    if (!future.length || !project) return;
    store.set((s) => ({ ...future[0], future: future.slice(1), past: [...s.past, { project, imported }], dirty: true, revision: s.revision + 1, changesOpen: stillOpen(s, future[0].project) }));
    void refreshReport();
  },

  /** Reads a spreadsheet and opens the import wizard on it (auto-detected mapping). */
  async beginImport(source: 'dialog' | SampleName, reimport = false): Promise<void> {
    try {
      const picked = source === 'dialog' ? await desktop().importSpreadsheet() : await desktop().openSample(source);
      if (picked) await actions.importDocument(picked, reimport);
    } catch (err) {
      fail(err);
    }
  },

  /** Reads a spreadsheet main has issued a handle for (picked, recent, dropped) into the import wizard. */
  async importDocument(picked: { name: string; handle: string }, reimport = false): Promise<void> {
    try {
      store.set({ busy: { label: `Reading ${picked.name}…`, progress: null } });
      const bytes = await desktop().readDocument(picked.handle);
      const settings = await desktop().getSettings();
      const { project } = store.get();
      const mapping = reimport ? project?.sourceFiles.at(-1)?.mapping ?? { sheets: {} } : { sheets: {} };
      // A re-import reads FTE columns as the project does; a new organization as the user's setting says.
      const hoursPerFte = reimport && project ? project.settings.hoursPerFte : settings.hoursPerFte;
      const audit = { tolerance: reimport ? project?.settings.tolerance : undefined, pseudonymize: store.get().pseudonymize };
      const result = await importInWorker(bytes, picked.name, { hoursPerFte, mapping }, audit);
      store.set({ busy: null, pending: { fileName: picked.name, bytes, result, mapping, hoursPerFte, reimport: reimport && !!project } });
    } catch (err) {
      fail(err);
    }
  },

  /** Re-reads the pending file with a changed mapping or hours per FTE. */
  async remapImport(mapping: ExplicitMapping, hoursPerFte: number): Promise<void> {
    const { pending } = store.get();
    if (!pending) return;
    try {
      store.set({ busy: { label: 'Reading with the new mapping…', progress: null } });
      const audit = { tolerance: pending.reimport ? store.get().project?.settings.tolerance : undefined, pseudonymize: store.get().pseudonymize };
      const result = await importInWorker(pending.bytes, pending.fileName, { hoursPerFte, mapping }, audit);
      store.set({ busy: null });
      // The wizard may have been cancelled (or replaced) while the file was re-read.
      if (store.get().pending?.bytes !== pending.bytes) return;
      const current = store.get().pending!;
      // "Re-import anyway" answered for the people read then; other people read now ask again.
      const overlapAccepted = current.overlapAccepted && samePeople(current.result, result);
      store.set({ pending: { ...current, result, mapping, hoursPerFte, overlapAccepted } });
    } catch (err) {
      fail(err);
    }
  },

  cancelImport(): void {
    store.set({ pending: null });
  },

  /** The pending re-import becomes a new project, its file read afresh with the detected mapping. */
  async importAsNewProject(): Promise<void> {
    const { pending } = store.get();
    if (!pending) return;
    store.set({ pending: { ...pending, reimport: false, overlapAccepted: false } });
    try {
      // The project's saved mapping and hours per FTE were for its own file; a new organization gets
      // its columns detected and the user's hours per FTE.
      const { hoursPerFte } = await desktop().getSettings();
      if (store.get().pending?.bytes !== pending.bytes) return; // cancelled or replaced meanwhile
      if (Object.keys(pending.mapping.sheets).length > 0 || hoursPerFte !== pending.hoursPerFte) await actions.remapImport({ sheets: {} }, hoursPerFte);
    } catch (err) {
      fail(err);
    }
  },

  /** Re-import anyway, although few of the file's people are in the project. */
  acceptLowOverlap(): void {
    const { pending } = store.get();
    if (pending) store.set({ pending: { ...pending, overlapAccepted: true } });
  },

  showChanges(open: boolean): void {
    store.set({ changesOpen: open });
  },

  /** Accepts the wizard's import: a new project, or the open project's organization replaced. */
  confirmImport(): void {
    const { pending, project } = store.get();
    if (!pending?.result.organization) return;
    // A file whose people are mostly not the project's is never re-imported without the user's say.
    if (pending.reimport && project && !pending.overlapAccepted && peopleOverlap(project.organization, pending.result.organization).low) return;
    const imported: ImportContext = { issues: pending.result.issues, layout: pending.result.layout, format: pending.result.format };
    const source = { name: pending.fileName, importedAt: new Date().toISOString(), mapping: pending.mapping };
    // The file's organization as read, kept so the next re-import can tell what was edited in the app since.
    const importedOrganization = pending.result.organization;
    if (pending.reimport && project) {
      const { organization, applied } = applyOverrides(importedOrganization, project.ratingsOverrides);
      const overridden = project.importedOrganization ? overriddenEdits(project.importedOrganization, project.organization, importedOrganization) : null;
      const changes = compareOrganizations(project.organization, organization, applied, overridden);
      // What changed is shown once, on the Overview, and belongs to this re-import's source entry.
      store.set({ pending: null, changes, changesFor: source, changesOpen: true, view: 'overview' });
      commit({ ...project, organization, importedOrganization, sourceFiles: [...project.sourceFiles, source], settings: { ...project.settings, hoursPerFte: pending.hoursPerFte } }, { imported });
    } else {
      const created = createProject(pending.fileName.replace(/\.[^.]+$/, ''), importedOrganization);
      store.set({ pending: null, changes: null, changesFor: null, changesOpen: false, past: [], future: [], handle: null, view: 'overview' });
      commit({ ...created, importedOrganization, sourceFiles: [source], settings: { ...created.settings, hoursPerFte: pending.hoursPerFte } }, { undoable: false, imported });
    }
  },

  async openProject(): Promise<void> {
    try {
      const picked = await desktop().openProject();
      if (!picked) return;
      const text = new TextDecoder().decode(await desktop().readDocument(picked.handle));
      await actions.loadProjectText(text, picked.handle);
    } catch (err) {
      fail(err);
    }
  },

  /** Replaces the workspace with the project in `text`; never rejects (a failure is shown as a notice). */
  async loadProjectText(text: string, handle: string | null): Promise<void> {
    let codec: Awaited<ReturnType<typeof projectCodec>>;
    try {
      codec = await projectCodec();
    } catch (err) {
      fail(err);
      return;
    }
    const parsed = codec.parseProject(text);
    if (!parsed.ok) {
      fail(new Error(parsed.error));
      return;
    }
    store.set({ handle, past: [], future: [], view: 'overview', changes: null, changesFor: null, changesOpen: false, proposal: null, notice: parsed.migratedFrom ? { kind: 'info', text: `Upgraded from an older project format (version ${parsed.migratedFrom}).` } : null });
    commit(parsed.project, { undoable: false, dirty: false, imported: NO_IMPORT });
  },

  async save(saveAs = false): Promise<boolean> {
    const { project, handle } = store.get();
    if (!project) return false;
    try {
      const { serializeProject } = await projectCodec();
      const text = serializeProject(project);
      const saved = await desktop().saveProject({ text, handle: saveAs ? null : handle, suggestedName: project.name, saveAs });
      if (!saved) return false;
      store.set({ handle: saved.handle, dirty: false, notice: { kind: 'info', text: `Saved ${saved.name}` } });
      void desktop().setDocumentState({ dirty: false, title: project.name });
      void desktop().discardRecovery();
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  },

  async exportSummary(): Promise<void> {
    const { project } = store.get();
    if (!store.get().report || !project) return;
    try {
      // Current and pseudonymized as the toggle says, one-person groups hidden if the user chose so; null: cancelled.
      const report = await reportForExport(store.get, refreshReport, 'the Excel summary');
      if (!report) return;
      store.set({ busy: { label: 'Writing the Excel summary…', progress: null } });
      const bytes = await engineClient().run('summaryWorkbook', { report, generatedAt: exportDate() });
      const name = await desktop().exportFile({ bytes, suggestedName: `${project.name} summary`, format: 'xlsx' });
      store.set({ busy: null, notice: name ? { kind: 'info', text: `Exported ${name}` } : null });
    } catch (err) {
      fail(err);
    }
  },
};

/** For tests and the start screen: replace everything with a fresh state. */
export function resetWorkspace(): void {
  store.set(initial);
}
