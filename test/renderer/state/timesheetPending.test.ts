// @vitest-environment happy-dom
// The period chosen for a time-tracking export lives in the pending import only: every re-read
// passes it on until it is reset, a new file starts without it, and it is not saved with the
// mapping (whose timesheet choices are).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ImportOptions } from '../../../renderer/src/engine/import/types';

const reads: ImportOptions[] = [];
vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => { throw new Error('no worker in this test'); },
  importInWorker: async (bytes: Uint8Array, fileName: string, options: ImportOptions) => {
    reads.push(options);
    return importOrganization(bytes, fileName, options);
  },
  auditInWorker: async () => ({}),
}));

const { actions, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const { desktop } = await import('../../../renderer/src/platform/desktop');
const { timesheetBasisText } = await import('../../../renderer/src/engine/formats/projectFile');

const FILE = new TextEncoder().encode(['Date,User,Task,Hours', '2026-10-05,Ann,Filing,8', '2026-10-13,Ann,Filing,6'].join('\n'));
const OCT = { start: '2026-10-12', end: '2026-10-18' };

async function importFile(name: string): Promise<void> {
  vi.spyOn(desktop(), 'readDocument').mockResolvedValue(FILE);
  await actions.importDocument({ name, handle: 'h' }, false);
}

beforeEach(() => {
  resetWorkspace();
  localStorage.clear();
  vi.restoreAllMocks();
  reads.length = 0;
});

describe('the chosen period', () => {
  it('is passed on every re-read until reset, and a new file starts without it', async () => {
    await importFile('time.csv');
    expect(reads[0].period).toBeUndefined();
    await actions.remapImport({ sheets: {} }, 40, OCT);
    expect(reads[1].period).toEqual(OCT);
    expect(store.get().pending!.period).toEqual(OCT);
    // Another change (time off counted) keeps the period.
    await actions.remapImport({ sheets: {}, timesheet: { includeNonWork: true } }, 40);
    expect(reads[2].period).toEqual(OCT);
    expect(store.get().pending!.period).toEqual(OCT);
    await actions.remapImport({ sheets: {} }, 40, null);
    expect(reads[3].period).toBeUndefined();
    expect(store.get().pending!.period).toBeUndefined();

    await actions.remapImport({ sheets: {} }, 40, OCT);
    await importFile('next-month.csv');
    expect(reads.at(-1)!.period).toBeUndefined();
    expect(store.get().pending!.period).toBeUndefined();
  });

  it('is not saved with the project’s mapping; the timesheet choices are, and a re-import reads with them', async () => {
    await importFile('time.csv');
    await actions.remapImport({ sheets: {}, timesheet: { includeNonWork: true } }, 40, OCT);
    actions.confirmImport();
    const source = store.get().project!.sourceFiles.at(-1)!;
    expect(source.mapping).toEqual({ sheets: {}, timesheet: { includeNonWork: true } });
    expect(JSON.stringify(source.mapping)).not.toContain('2026-10-12');
    // What the weekly hours are averages of is kept beside the mapping, for the exports to say.
    expect(source.timesheet).toEqual({ entries: 1, start: '2026-10-12', end: '2026-10-18', weeks: 1 });
    expect(timesheetBasisText(source.timesheet!)).toBe('1 time entry, 2026-10-12 to 2026-10-18 (1 week)');

    vi.spyOn(desktop(), 'readDocument').mockResolvedValue(FILE);
    await actions.importDocument({ name: 'next-month.csv', handle: 'h' }, true);
    expect(reads.at(-1)!.mapping).toEqual({ sheets: {}, timesheet: { includeNonWork: true } });
    expect(reads.at(-1)!.period).toBeUndefined();
  });
});
