/**
 * The Merger view's actions that reach outside it: reading another organization (a spreadsheet
 * through the engine worker's import, with the main import's suggested ratings; a .fairshare
 * project; the bundled partner sample) and putting the merged organization in the workspace as one
 * undoable edit, then opening the Proposal view on it.
 */
import type { PickedDocument, SampleName } from '../../../electron/ipc/contract';
import type { Organization } from '../engine/model/types';
import { desktop } from '../platform/desktop';
import { engineClient } from './engineJobs';
import { addPartner, mergerStore } from './merger';
import type { MergerFigures } from './mergerFigures';
import { commit, projectCodec, store as workspace } from './workspaceStore';

/** The name an organization goes by by default: its file's name without the extension. */
export function nameOfFile(fileName: string): string {
  return fileName.replace(/\.[^./\\]+$/, '').trim() || fileName;
}

/** Reads a picked document into an organization and its default name; throws a message for the person. */
export async function readOrganization(doc: PickedDocument): Promise<{ name: string; organization: Organization }> {
  const bytes = await desktop().readDocument(doc.handle);
  if (doc.kind === 'project') {
    const parsed = (await projectCodec()).parseProject(new TextDecoder().decode(bytes));
    if (!parsed.ok) throw new Error(`${doc.name}: ${parsed.error}`);
    return { name: parsed.project.name.trim() || nameOfFile(doc.name), organization: parsed.project.organization };
  }
  const { hoursPerFte } = await desktop().getSettings();
  // As the import wizard reads a new file: detected columns, the user's hours per FTE, suggested ratings.
  const result = await engineClient().run('import', { bytes, fileName: doc.name, options: { hoursPerFte, mapping: { sheets: {} } }, suggest: true });
  if (!result.organization) throw new Error(`${doc.name} could not be read as an organization: ${result.fatal ?? 'no people and tasks found'}`);
  return { name: nameOfFile(doc.name), organization: result.organization };
}

/** Adds an organization to the merger: 'spreadsheet' or 'project' opens the file picker; a sample name reads that bundled workbook. */
export async function addOrganization(source: 'spreadsheet' | 'project' | SampleName, label?: string): Promise<void> {
  if (mergerStore.get().adding) return;
  try {
    const doc = source === 'spreadsheet' ? await desktop().importSpreadsheet() : source === 'project' ? await desktop().openProject() : await desktop().openSample(source);
    if (!doc) return;
    mergerStore.set({ adding: `Reading ${doc.name}…`, error: null });
    const read = await readOrganization(doc);
    addPartner(label ?? read.name, doc.name, read.organization);
    mergerStore.set({ adding: null });
  } catch (err) {
    mergerStore.set({ adding: null, error: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * Replaces the workspace's organization with the pooled one (one undo step: Ctrl+Z brings the open
 * organization back) and opens the Proposal view, whose Run then plans the merged organization.
 */
export function applyMergedOrganization(figures: MergerFigures): void {
  const { project } = workspace.get();
  if (!project || figures.sources.length < 2) return;
  mergerStore.set({ applied: { base: figures.sources[0].organization, pooled: figures.pooled } });
  commit({ ...project, organization: figures.pooled.organization });
  workspace.set({ view: 'proposal' });
}
