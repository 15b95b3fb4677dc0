/**
 * Wizard actions beyond workspace.ts: importing a document that already has a handle (a recent
 * file, a dropped file, one the OS opened), opening either kind of document, and saved mappings.
 */
import type { PickedDocument, SavedColumnMapping, UserSettings } from '../../../../electron/ipc/contract';
import { desktop } from '../../platform/desktop';
import { actions, store } from '../../state/workspace';

function fail(err: unknown): void {
  store.set({ busy: null, notice: { kind: 'error', text: err instanceof Error ? err.message : String(err) } });
}

/** Like actions.beginImport, for a spreadsheet main already issued a handle for. */
export function beginImportDocument(doc: PickedDocument, reimport = false): Promise<void> {
  return actions.importDocument(doc, reimport);
}

/** Opens a document by its kind: a project replaces the workspace, a spreadsheet goes through the wizard. */
export async function openDocument(doc: PickedDocument): Promise<void> {
  if (doc.kind === 'spreadsheet') return beginImportDocument(doc);
  try {
    const bytes = await desktop().readDocument(doc.handle);
    await actions.loadProjectText(new TextDecoder().decode(bytes), doc.handle);
  } catch (err) {
    fail(err);
  }
}

/** Opens an entry of the recent list; says so when the file has gone. */
export async function openRecentDocument(id: string, name: string): Promise<boolean> {
  try {
    const doc = await desktop().openRecent(id);
    if (!doc) {
      store.set({ notice: { kind: 'error', text: `${name} is no longer there; it was removed from the recent list.` } });
      return false;
    }
    await openDocument(doc);
    return true;
  } catch (err) {
    fail(err);
    return false;
  }
}

export async function loadSavedMappings(): Promise<UserSettings['columnMappings']> {
  try {
    return (await desktop().getSettings()).columnMappings ?? {};
  } catch {
    return {};
  }
}

/** Removes the saved mapping `name`; returns all saved mappings. */
export async function deleteMapping(name: string): Promise<UserSettings['columnMappings']> {
  return (await desktop().deleteColumnMapping(name)).columnMappings;
}

/** Stores a mapping under `name` (replacing one of the same name); returns all saved mappings. */
export async function saveMapping(name: string, mapping: SavedColumnMapping): Promise<UserSettings['columnMappings']> {
  const current = await loadSavedMappings();
  const next = { ...current, [name]: mapping };
  return (await desktop().setSetting('columnMappings', next)).columnMappings;
}
