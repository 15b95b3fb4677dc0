/**
 * Slices that hold work about one project (a proposal, a merger, a rating round) drop it when
 * another project is opened or imported, and keep it through edits of the same one.
 */
import { store as workspace } from './workspaceStore';

/** A project as a whole, not its revisions: its name and when its first file was imported. */
function projectKey(): string {
  const p = workspace.get().project;
  return p ? `${p.name}\u0000${p.sourceFiles[0]?.importedAt ?? ''}` : '';
}

/** Calls `reset` each time the workspace comes to hold another project. */
export function onOtherProject(reset: () => void): void {
  let shownFor = projectKey();
  workspace.subscribe(() => {
    const key = projectKey();
    if (key === shownFor) return;
    shownFor = key;
    reset();
  });
}
