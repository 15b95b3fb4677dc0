/**
 * The import wizard's actions: reading a spreadsheet into the wizard, re-reading it with another
 * mapping, asking before a re-import whose people are mostly not the project's, and accepting it
 * as a new project or into the open one (listing what the file changes and which in-app edits it
 * overrides).
 */
import type { ExplicitMapping, ImportResult, TimesheetPeriod } from '../engine/import/types';
import { createProject } from '../engine/formats/projectFile';
import { SAMPLE_TITLES, type SampleName } from '../../../electron/ipc/contract';
import { desktop } from '../platform/desktop';
import { importInWorker } from './engineJobs';
import { keepConstraints } from './keepConstraints';
import { applyOverrides, compareOrganizations, peopleOverlap } from './reimport';
import { overriddenEdits } from './orgFacts';
import { commit, fail, store, type ImportContext } from './workspaceStore';

/** Whether two reads of a file found the same people (by id, as peopleOverlap matches them). */
function samePeople(a: ImportResult, b: ImportResult): boolean {
  const ids = (r: ImportResult) => (r.organization?.people.map((p) => p.id) ?? []).sort().join('\n');
  return ids(a) === ids(b);
}

export const importActions = {
  /** Reads a spreadsheet and opens the import wizard on it (auto-detected mapping). */
  async beginImport(source: 'dialog' | SampleName, reimport = false): Promise<void> {
    try {
      const picked = source === 'dialog' ? await desktop().importSpreadsheet() : await desktop().openSample(source);
      const title = source === 'organization' || source === 'partner' ? SAMPLE_TITLES[source] : undefined;
      if (picked) await importActions.importDocument(picked, reimport, title);
    } catch (err) {
      fail(err);
    }
  },

  /** Reads a spreadsheet main has issued a handle for (picked, recent, dropped) into the import wizard. */
  async importDocument(picked: { name: string; handle: string }, reimport = false, projectName?: string): Promise<void> {
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
      store.set({ busy: null, pending: { fileName: picked.name, ...(projectName ? { projectName } : {}), bytes, result, mapping, hoursPerFte, reimport: reimport && !!project } });
    } catch (err) {
      fail(err);
    }
  },

  /**
   * Re-reads the pending file with a changed mapping, hours per FTE or (time entries) period:
   * `period` undefined keeps the pending one, null goes back to the whole weeks the entries span.
   */
  async remapImport(mapping: ExplicitMapping, hoursPerFte: number, period?: TimesheetPeriod | null): Promise<void> {
    const { pending } = store.get();
    if (!pending) return;
    const chosen = period === undefined ? pending.period : period ?? undefined;
    try {
      store.set({ busy: { label: 'Reading with the new mapping…', progress: null } });
      const audit = { tolerance: pending.reimport ? store.get().project?.settings.tolerance : undefined, pseudonymize: store.get().pseudonymize };
      const result = await importInWorker(pending.bytes, pending.fileName, { hoursPerFte, mapping, ...(chosen ? { period: chosen } : {}) }, audit);
      store.set({ busy: null });
      // The wizard may have been cancelled (or replaced) while the file was re-read.
      if (store.get().pending?.bytes !== pending.bytes) return;
      const current = store.get().pending!;
      // "Re-import anyway" answered for the people read then; other people read now ask again.
      const overlapAccepted = current.overlapAccepted && samePeople(current.result, result);
      store.set({ pending: { ...current, result, mapping, hoursPerFte, overlapAccepted, period: chosen } });
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
      if (Object.keys(pending.mapping.sheets).length > 0 || hoursPerFte !== pending.hoursPerFte) await importActions.remapImport({ sheets: {} }, hoursPerFte);
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
    const ts = pending.result.timesheet;
    const source = {
      name: pending.fileName, importedAt: new Date().toISOString(), mapping: pending.mapping,
      // Weekly hours from time entries are averages: the project keeps over what, for its exports.
      ...(ts ? { timesheet: { entries: ts.counted, start: ts.period.start, end: ts.period.end, weeks: ts.period.weeks } } : {}),
    };
    // The file's organization as read, kept so the next re-import can tell what was edited in the app since.
    const importedOrganization = pending.result.organization;
    if (pending.reimport && project) {
      const rated = applyOverrides(importedOrganization, project.ratingsOverrides);
      const applied = rated.applied;
      // Locks, chores, requirements and qualifications set in the app survive the new file, as ratings do.
      const { organization } = keepConstraints(project.organization, project.importedOrganization, rated.organization);
      const overridden = project.importedOrganization ? overriddenEdits(project.importedOrganization, project.organization, importedOrganization) : null;
      const changes = compareOrganizations(project.organization, organization, applied, overridden);
      // What changed is shown once, on the Overview, and belongs to this re-import's source entry.
      store.set({ pending: null, changes, changesFor: source, changesOpen: true, view: 'overview' });
      commit({ ...project, organization, importedOrganization, sourceFiles: [...project.sourceFiles, source], settings: { ...project.settings, hoursPerFte: pending.hoursPerFte } }, { imported });
    } else {
      const created = createProject(pending.projectName ?? pending.fileName.replace(/\.[^.]+$/, ''), importedOrganization);
      store.set({ pending: null, changes: null, changesFor: null, changesOpen: false, past: [], future: [], handle: null, view: 'overview' });
      commit({ ...created, importedOrganization, sourceFiles: [source], settings: { ...created.settings, hoursPerFte: pending.hoursPerFte } }, { undoable: false, imported });
    }
  },
};
