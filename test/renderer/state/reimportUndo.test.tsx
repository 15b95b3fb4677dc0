// @vitest-environment happy-dom
// A re-import's change list belongs to that re-import (state/workspace.ts shownChanges): undoing it
// hides the list (it would name the previous file and changes no longer in effect), redo brings it
// back folded into its button, and undoing a later edit leaves an open list be.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ImportResult } from '../../../renderer/src/engine/import/types';

vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => { throw new Error('no worker in this test'); },
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
}));

const { actions, resetWorkspace, shownChanges, store } = await import('../../../renderer/src/state/workspace');
const { ReimportChanges } = await import('../../../renderer/src/features/importWizard/ReimportChanges');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const csv = (lines: string[]) => new TextEncoder().encode(['Name,Task,Hours per week', ...lines].join('\n'));
const OLD = importOrganization(csv(['Ann,Strategy,30', 'Bo,Filing,30']), 'old.csv');
const NEW = importOrganization(csv(['Ann,Strategy,20', 'Bo,Filing,35']), 'new.csv');

function confirm(fileName: string, result: ImportResult, reimport: boolean): void {
  store.set({ pending: { fileName, bytes: new Uint8Array(), result, mapping: { sheets: {} }, hoursPerFte: 40, reimport } });
  actions.confirmImport();
}

let root: Root;
let host: HTMLElement;
const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
/** Applies a store action and lets the component re-render. */
const step = (fn: () => void) => act(async () => fn());

beforeEach(async () => {
  resetWorkspace();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  confirm('old.csv', OLD, false);
  confirm('new.csv', NEW, true);
  await act(async () => root.render(<ReimportChanges />));
});
afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
});

describe('the re-import change list and undo', () => {
  it('is shown after the re-import, gone once it is undone (no “old.csv” list), back folded on redo', async () => {
    expect(byTestId('reimport-changes')!.textContent).toContain('new.csv into old');
    expect(shownChanges(store.get())).not.toBeNull();

    await step(() => actions.undo());
    expect(store.get().project!.sourceFiles.at(-1)!.name).toBe('old.csv');
    expect(shownChanges(store.get())).toBeNull();
    expect(byTestId('reimport-changes')).toBeNull();
    expect(byTestId('reimport-reopen')).toBeNull();
    expect(host.textContent).toBe('');

    await step(() => actions.redo());
    expect(byTestId('reimport-changes')).toBeNull();
    expect(byTestId('reimport-reopen')!.textContent).toBe('Last re-import (new.csv): what changed');
    await step(() => byTestId('reimport-reopen')!.click());
    expect(byTestId('reimport-changes')!.textContent).toContain('new.csv into old');
  });

  it('undoing an edit made after the re-import keeps the list, open as it was', async () => {
    await step(() => actions.setTolerance(2));
    await step(() => actions.undo());
    expect(byTestId('reimport-changes')!.textContent).toContain('new.csv into old');
    await step(() => actions.showChanges(false));
    await step(() => actions.redo());
    expect(byTestId('reimport-reopen')!.textContent).toBe('Last re-import (new.csv): what changed');
  });
});
