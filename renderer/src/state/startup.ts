// What the app does when it opens: offer to restore an autosave after a crash, otherwise open the
// sample organization so there is something to explore on first launch; then autosave every change.
import { actions, engineClient, projectCodec, store } from './workspace';
import { desktop } from '../platform/desktop';

const AUTOSAVE_MS = 5_000;
let started = false;

export async function startup(): Promise<void> {
  if (started) return;
  started = true;
  // Start the engine worker now, so the first import does not wait for it to load.
  engineClient();
  const recovery = await desktop().checkRecovery().catch(() => null);
  if (recovery && window.confirm(`Fairshare found unsaved work from ${new Date(recovery.savedAt).toLocaleString()}. Restore it?`)) {
    await actions.loadProjectText(recovery.text, recovery.document?.handle ?? null);
    store.set({ dirty: true });
  } else {
    if (recovery) await desktop().discardRecovery();
    if (!new URLSearchParams(window.location.search).has('empty')) {
      await actions.beginImport('organization');
      actions.confirmImport();
      store.set({ dirty: false, past: [] });
    }
  }
  let lastSaved = -1;
  setInterval(() => {
    const { project, dirty, revision, handle } = store.get();
    if (!project || !dirty || revision === lastSaved) return;
    lastSaved = revision;
    // Autosave is best effort: a full browser storage must not break editing.
    projectCodec()
      .then(({ serializeProject }) => desktop().writeRecovery(serializeProject(project), handle))
      .catch(() => undefined);
  }, AUTOSAVE_MS);
}
