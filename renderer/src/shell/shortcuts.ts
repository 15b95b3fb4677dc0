// Keyboard shortcuts and the desktop menu's commands, wired to the workspace's actions. Ctrl/Cmd+I
// imports a new organization; re-importing into the open project is the toolbar's or the menu's.
import { useEffect } from 'react';
import { actions, fail, store } from '../state/workspace';
import { desktop } from '../platform/desktop';
import { openDocument } from '../features/importWizard/actions';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      // Number cells hand Ctrl/Cmd+Z to the app (data-undo="app"); other fields keep the browser's text undo.
      const inField = (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && e.target.dataset.undo !== 'app';
      const key = e.key.toLowerCase();
      if (key === 'z' && !inField) {
        e.preventDefault();
        if (e.shiftKey) actions.redo();
        else actions.undo();
      } else if (key === 'y' && !inField) {
        e.preventDefault();
        actions.redo();
      } else if (key === 's') {
        e.preventDefault();
        void actions.save(e.shiftKey);
      } else if (key === 'o') {
        e.preventDefault();
        void actions.openProject();
      } else if (key === 'i') {
        // Always a new project: a shortcut pressed by habit must never replace the open project's people.
        e.preventDefault();
        void actions.beginImport('dialog');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function useMenuCommands(): void {
  useEffect(
    () =>
      desktop().onMenuCommand((cmd) => {
        switch (cmd.type) {
          case 'new-from-sample': return void actions.beginImport('organization');
          case 'open-project': return void actions.openProject();
          case 'import-spreadsheet': return void actions.beginImport('dialog');
          case 'reimport-spreadsheet': return void actions.beginImport('dialog', !!store.get().project);
          // A save for the close or quit prompt is answered either way: main closes the window or
          // quits when saved, and keeps everything open when not (Save As cancelled, write failed).
          case 'save':
            return void actions.save().then((saved) => (cmd.closeAfter ? desktop().saveBeforeCloseDone(saved) : undefined));
          case 'save-as': return void actions.save(true);
          case 'export-summary': return void actions.exportSummary();
          // Loaded on use: the report's state reaches into every view's, which the first paint does not need.
          case 'export-report': return void import('../state/reportActions').then((m) => m.exportReportFromMenu()).catch((err: unknown) => fail(err));
          case 'undo': return actions.undo();
          case 'redo': return actions.redo();
          case 'open-recent':
            return void desktop().openRecent(cmd.id).then((doc) => doc && openDocument(doc));
          case 'open-document':
            return void openDocument(cmd.document);
        }
      }),
    [],
  );
}
