// @vitest-environment happy-dom
// What the wizard's pending import keeps across re-reads (state/workspace.ts): "Re-import anyway"
// holds only for the people it was answered for, and a new organization is read with the user's
// hours per FTE, not the open project's (a re-import keeps the project's).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ExplicitMapping } from '../../../renderer/src/engine/import/types';

// The worker's import, run here: the options the store passes are the ones the file is read with.
vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => { throw new Error('no worker in this test'); },
  importInWorker: async (bytes: Uint8Array, fileName: string, options: { hoursPerFte: number; mapping: ExplicitMapping }) => importOrganization(bytes, fileName, options),
  auditInWorker: async () => ({}),
}));

const { actions, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const { desktop } = await import('../../../renderer/src/platform/desktop');

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
/** The open project: Ann and Bo, read at 40 hours per FTE. */
const PROJECT_FILE = csv(['Name,Task,% of time', 'Ann,Strategy,50%', 'Bo,Filing,100%']);
/** Other people under two name columns: "Name" is detected, "Other name" can be mapped instead. */
const OTHERS = csv(['Name,Other name,Task,% of time', 'Cy,Dee,Strategy,50%', 'Eve,Fay,Filing,100%']);

/** Opens the file as a new project read at `hoursPerFte`, as the wizard's confirm does. */
function openProject(hoursPerFte: number): void {
  const result = importOrganization(PROJECT_FILE, 'staff.csv', { hoursPerFte });
  store.set({ pending: { fileName: 'staff.csv', bytes: PROJECT_FILE, result, mapping: { sheets: {} }, hoursPerFte, reimport: false } });
  actions.confirmImport();
}
/** The user's own setting, as the settings screen stores it. */
const userHoursPerFte = (h: number) => localStorage.setItem('fairshare:settings', JSON.stringify({ hoursPerFte: h }));
async function importFile(bytes: Uint8Array, name: string, reimport: boolean): Promise<void> {
  vi.spyOn(desktop(), 'readDocument').mockResolvedValue(bytes);
  await actions.importDocument({ name, handle: 'h' }, reimport);
}
const names = () => store.get().pending!.result.organization!.people.map((p) => p.name);
const hoursOf = (name: string) => {
  const org = store.get().pending!.result.organization!;
  const id = org.people.find((p) => p.name === name)!.id;
  return org.assignments.filter((a) => a.personId === id).reduce((sum, a) => sum + a.hours, 0);
};

beforeEach(() => {
  resetWorkspace();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('"Re-import anyway" and a re-mapping', () => {
  beforeEach(async () => {
    openProject(40);
    await importFile(OTHERS, 'others.csv', true);
    expect(names()).toEqual(['Cy', 'Eve']);
    actions.acceptLowOverlap();
  });

  it('reading other people after the answer asks again: confirm does nothing until answered anew', async () => {
    await actions.remapImport({ sheets: { Sheet1: { columns: { A: 'skip', B: 'person' } } } }, 40);
    expect(names()).toEqual(['Dee', 'Fay']);
    expect(store.get().pending!.overlapAccepted).toBe(false);
    actions.confirmImport();
    expect(store.get().pending).not.toBeNull();
    expect(store.get().project!.organization.people.map((p) => p.name)).toEqual(['Ann', 'Bo']);
    actions.acceptLowOverlap();
    actions.confirmImport();
    expect(store.get().project!.organization.people.map((p) => p.name)).toEqual(['Dee', 'Fay']);
  });

  it('a re-read of the same people (hours per FTE changed) keeps the answer', async () => {
    await actions.remapImport({ sheets: {} }, 38);
    expect(store.get().pending!.overlapAccepted).toBe(true);
  });
});

describe('hours per FTE for a new organization', () => {
  beforeEach(() => {
    openProject(40);
    userHoursPerFte(37.5);
  });

  it('a new import uses the user’s setting, not the open project’s', async () => {
    await importFile(OTHERS, 'others.csv', false);
    expect(store.get().pending!.hoursPerFte).toBe(37.5);
    expect(hoursOf('Eve')).toBe(37.5);
    actions.confirmImport();
    expect(store.get().project!.settings.hoursPerFte).toBe(37.5);
  });

  it('a re-import uses the project’s', async () => {
    await importFile(PROJECT_FILE, 'staff.csv', true);
    expect(store.get().pending!.hoursPerFte).toBe(40);
    expect(hoursOf('Bo')).toBe(40);
  });

  it('"Start a new project" from the overlap question re-reads the file with the user’s setting', async () => {
    await importFile(OTHERS, 'others.csv', true);
    expect(hoursOf('Eve')).toBe(40);
    await actions.importAsNewProject();
    expect(store.get().pending!.reimport).toBe(false);
    expect(store.get().pending!.hoursPerFte).toBe(37.5);
    expect(hoursOf('Eve')).toBe(37.5);
    actions.confirmImport();
    expect(store.get().project!.name).toBe('others');
    expect(store.get().project!.settings.hoursPerFte).toBe(37.5);
  });
});
