/**
 * The workspace's actions, the only way components change it: editing the project (undoable),
 * importing (importActions.ts), opening, saving and exporting. Components read the state with
 * useWorkspace; the store and its types live in workspaceStore.ts and are re-exported here.
 */
import { timesheetBasisText, type Project } from '../engine/formats/projectFile';
import { desktop } from '../platform/desktop';
import { engineClient } from './engineJobs';
import { exportDate, reportForExport } from './exports';
import { setAssignmentHours, setTaskRating, addTaskToPerson, setTaskFactor, setPersonFacts, type PersonFacts } from './edits';
import { setAssignmentLocked, setQualification, setQualificationFor, setTaskChore, setTaskRequires } from './edits';
import { recordFactorEdit } from './reimport';
import type { FactorKind } from '../engine/rating/factors';
import { importActions } from './importActions';
import { commit, editOrganization, fail, NO_IMPORT, projectCodec, refreshReport, shownChanges, store, type View, type WorkspaceState } from './workspaceStore';

export * from './workspaceStore';

/**
 * Whether the open change list stays open once `project` is restored: undoing the re-import hides
 * it, and redo then brings it back folded (shown in full once); undoing a later edit leaves it be.
 */
function stillOpen(s: WorkspaceState, project: Project): boolean {
  return s.changesOpen && shownChanges({ ...s, project }) !== null;
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
    editOrganization((o) => setPersonFacts(o, personId, facts));
  },

  /** Locks (or unlocks) a person's task: a proposal keeps its hours. Undoable. */
  setLocked(personId: string, taskId: string, locked: boolean): void {
    editOrganization((o) => setAssignmentLocked(o, personId, taskId, locked));
  },

  /** Marks a task as a chore (rotated over the quarter) or not. Undoable. */
  setChore(taskId: string, chore: boolean): void {
    editOrganization((o) => setTaskChore(o, taskId, chore));
  },

  /** The qualifications a task requires; a proposal gives new hours on it only to people holding all of them. Undoable. */
  setRequires(taskId: string, requires: string[]): void {
    editOrganization((o) => setTaskRequires(o, taskId, requires));
  },

  /** Gives or takes away one person's qualification. Undoable. */
  setQualification(personId: string, qualification: string, held: boolean): void {
    editOrganization((o) => setQualification(o, personId, qualification, held));
  },

  /** Gives or takes away a qualification from several people in one undo step. */
  setQualificationFor(personIds: string[], qualification: string, held: boolean): void {
    editOrganization((o) => setQualificationFor(o, personIds, qualification, held));
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

  ...importActions,

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
    store.set({ handle, past: [], future: [], view: 'overview', changes: null, changesFor: null, changesOpen: false, notice: parsed.migratedFrom ? { kind: 'info', text: `Upgraded from an older project format (version ${parsed.migratedFrom}).` } : null });
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
      const basis = project.sourceFiles.at(-1)?.timesheet;
      const bytes = await engineClient().run('summaryWorkbook', { report, generatedAt: exportDate(), hoursBasis: basis ? timesheetBasisText(basis) : null });
      const name = await desktop().exportFile({ bytes, suggestedName: `${project.name} summary`, format: 'xlsx' });
      store.set({ busy: null, notice: name ? { kind: 'info', text: `Exported ${name}` } : null });
    } catch (err) {
      fail(err);
    }
  },
};
