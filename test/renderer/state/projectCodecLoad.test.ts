// Opening a project when the project reader (state/workspace.projectCodec, fetched after the first
// paint) cannot be loaded: the user gets a plain notice and loadProjectText still resolves, so
// crash recovery and the open flows never end in an unhandled rejection.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../renderer/src/engine/formats/projectCodec', () => {
  throw new Error('Failed to fetch dynamically imported module: app://fairshare/assets/projectCodec-x.js');
});

import { actions, resetWorkspace, store } from '../../../renderer/src/state/workspace';

describe('the project reader fails to load', () => {
  it('loadProjectText resolves and says so in plain words; the workspace is untouched', async () => {
    resetWorkspace();
    await expect(actions.loadProjectText('{"version": 3}', 'h1')).resolves.toBeUndefined();
    const { notice, project, handle } = store.get();
    expect(notice?.kind).toBe('error');
    expect(notice?.text).toBe('Fairshare could not load the code that reads and writes projects; restart it and try again.');
    expect(project).toBeNull();
    expect(handle).toBeNull();
  });

  it('saving says the same, and reports nothing saved', async () => {
    resetWorkspace();
    // save() needs a project to write; the reader is not needed to make one.
    const { createProject } = await import('../../../renderer/src/engine/formats/projectFile');
    store.set({ project: createProject('P', { people: [], tasks: [], assignments: [], scale: { min: 1, max: 20 }, hoursPerFte: 40 }) });
    await expect(actions.save()).resolves.toBe(false);
    expect(store.get().notice?.text).toMatch(/could not load the code that reads and writes projects/);
  });
});
