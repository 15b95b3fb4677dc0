// @vitest-environment happy-dom
// Adding organizations to the merger (state/mergerActions.ts) through the desktop API: a .fairshare
// project goes by its own name, a spreadsheet is read by the engine worker's import job (suggested
// ratings on), a file that cannot be read is said and adds nothing, a cancelled picker does nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, expect, it, vi } from 'vitest';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { serializeProject } from '../../../renderer/src/engine/formats/projectCodec';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';

const partner: Organization = importOrganization(new Uint8Array(readFileSync(path.join(__dirname, '..', '..', '..', 'resources', 'sample-partner.xlsx'))), 'sample-partner.xlsx').organization!;
const docs = new Map<string, Uint8Array>();
const picked: { next: { handle: string; name: string; kind: 'project' | 'spreadsheet' } | null } = { next: null };
const run = vi.fn();

vi.mock('../../../renderer/src/platform/desktop', () => ({
  desktop: () => ({
    openProject: async () => picked.next,
    importSpreadsheet: async () => picked.next,
    openSample: async () => picked.next,
    readDocument: async (handle: string) => docs.get(handle)!,
    getSettings: async () => ({ hoursPerFte: 37.5 }),
    setDocumentState: async () => undefined,
  }),
}));
vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({ run, cancelAll: () => undefined }),
  importInWorker: () => { throw new Error('not used'); },
  auditInWorker: async () => ({}),
}));

const { commit, resetWorkspace } = await import('../../../renderer/src/state/workspace');
const M = await import('../../../renderer/src/state/merger');
const { addOrganization } = await import('../../../renderer/src/state/mergerActions');

beforeEach(() => {
  resetWorkspace();
  commit(createProject('Riverside', partner), { undoable: false });
  M.resetMerger();
  run.mockReset();
  docs.clear();
});

it('a .fairshare project is added under its own name, made unique in the merger', async () => {
  docs.set('p1', new TextEncoder().encode(serializeProject(createProject('Riverside', partner))));
  picked.next = { handle: 'p1', name: 'co-op.fairshare', kind: 'project' };
  await addOrganization('project');
  expect(M.mergerStore.get().partners.map((p) => [p.name, p.file, p.organization.people.length])).toEqual([['Riverside (2)', 'co-op.fairshare', 13]]);
  expect(M.mergerStore.get()).toMatchObject({ adding: null, error: null });
  expect(run).not.toHaveBeenCalled();
});

it('a spreadsheet is read by the worker’s import with suggestions and the user’s hours per FTE, named after its file', async () => {
  docs.set('s1', new Uint8Array([1, 2, 3]));
  picked.next = { handle: 's1', name: 'Eastside Co-op.xlsx', kind: 'spreadsheet' };
  run.mockResolvedValueOnce({ organization: partner, fatal: null, issues: [] });
  await addOrganization('spreadsheet');
  expect(run).toHaveBeenCalledWith('import', { bytes: docs.get('s1'), fileName: 'Eastside Co-op.xlsx', options: { hoursPerFte: 37.5, mapping: { sheets: {} } }, suggest: true });
  expect(M.mergerStore.get().partners.map((p) => p.name)).toEqual(['Eastside Co-op']);
});

it('a file that cannot be read is said and adds nothing; a cancelled picker does nothing', async () => {
  docs.set('s2', new Uint8Array([0]));
  picked.next = { handle: 's2', name: 'notes.csv', kind: 'spreadsheet' };
  run.mockResolvedValueOnce({ organization: null, fatal: 'no header row found', issues: [] });
  await addOrganization('spreadsheet');
  expect(M.mergerStore.get()).toMatchObject({ partners: [], adding: null, error: 'notes.csv could not be read as an organization: no header row found' });
  docs.set('p2', new TextEncoder().encode('{"not": "a project"}'));
  picked.next = { handle: 'p2', name: 'x.fairshare', kind: 'project' };
  await addOrganization('project');
  expect(M.mergerStore.get().error).toMatch(/^x\.fairshare: /);
  picked.next = null;
  M.mergerStore.set({ error: null });
  await addOrganization('spreadsheet');
  expect(M.mergerStore.get()).toMatchObject({ partners: [], error: null, adding: null });
});
