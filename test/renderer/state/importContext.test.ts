// @vitest-environment happy-dom
// The import's issues, layout and format live in the workspace store (state/workspace.ts), not in
// module variables: a new import or an opened project replaces them, undo and redo restore them
// with the project, and every audit is computed with the ones that belong to the project shown.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditInput } from '../../../renderer/src/engine/analysis/auditReport';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ImportResult } from '../../../renderer/src/engine/import/types';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { serializeProject } from '../../../renderer/src/engine/formats/projectCodec';

const audits: AuditInput[] = [];
vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => { throw new Error('no worker in this test'); },
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async (input: AuditInput) => {
    audits.push(input);
    return { marker: audits.length };
  },
}));

const { actions, NO_IMPORT, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
/** Ann's negative hours: one error issue, on row 3. */
const FIRST = importOrganization(csv(['Name,Task,Hours per week', 'Ann,Strategy,30', 'Ann,Filing,-5', 'Bo,Filing,30']), 'first.csv');
/** A different file: a tab-separated one, with a text where hours belong on row 2. */
const SECOND = importOrganization(csv(['Name\tTask\tHours per week', 'Ann\tStrategy\tlots', 'Ann\tFiling\t10', 'Bo\tFiling\t30']), 'second.tsv');

function confirm(fileName: string, result: ImportResult, reimport: boolean): void {
  store.set({ pending: { fileName, bytes: new Uint8Array(), result, mapping: { sheets: {} }, hoursPerFte: 40, reimport } });
  actions.confirmImport();
}
const lastAudit = () => audits[audits.length - 1];
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  resetWorkspace();
  audits.length = 0;
});

describe('the import context in the store', () => {
  it('the two files differ in issues, layout and format (so the checks below mean something)', () => {
    expect(FIRST.issues.length).toBeGreaterThan(0);
    expect(SECOND.issues.map((i) => i.message)).not.toEqual(FIRST.issues.map((i) => i.message));
    expect(FIRST.organization!.people).toHaveLength(2);
    expect(SECOND.organization!.people).toHaveLength(2);
  });

  it('a confirmed import puts its issues, layout and format in the store and in the audit', async () => {
    confirm('first.csv', FIRST, false);
    await settle();
    expect(store.get().imported).toEqual({ issues: FIRST.issues, layout: FIRST.layout, format: FIRST.format });
    expect(lastAudit().issues).toBe(FIRST.issues);
    expect(lastAudit().layout).toBe(FIRST.layout);
    expect(lastAudit().format).toBe(FIRST.format);
  });

  it('undo and redo of a re-import restore the import context with the project', async () => {
    confirm('first.csv', FIRST, false);
    confirm('second.tsv', SECOND, true);
    await settle();
    expect(store.get().imported.issues).toBe(SECOND.issues);
    expect(lastAudit().issues).toBe(SECOND.issues);

    actions.undo();
    await settle();
    expect(store.get().project!.sourceFiles.map((f) => f.name)).toEqual(['first.csv']);
    expect(store.get().imported).toEqual({ issues: FIRST.issues, layout: FIRST.layout, format: FIRST.format });
    expect(lastAudit().issues).toBe(FIRST.issues);
    expect(lastAudit().format).toBe(FIRST.format);

    actions.redo();
    await settle();
    expect(store.get().imported.issues).toBe(SECOND.issues);
    expect(lastAudit().issues).toBe(SECOND.issues);
    expect(lastAudit().layout).toBe(SECOND.layout);
  });

  it('an edit keeps the import context, and undoing the edit keeps it too', async () => {
    confirm('first.csv', FIRST, false);
    const taskId = store.get().project!.organization.tasks[0].id;
    actions.rateTask(taskId, { empowerment: 0.5 });
    actions.undo();
    await settle();
    expect(store.get().imported.issues).toBe(FIRST.issues);
    expect(lastAudit().issues).toBe(FIRST.issues);
  });

  it('opening a project clears the import context (a project keeps no import issues)', async () => {
    confirm('first.csv', FIRST, false);
    const text = serializeProject(createProject('Saved', SECOND.organization!));
    await actions.loadProjectText(text, 'h1');
    await settle();
    expect(store.get().imported).toEqual(NO_IMPORT);
    expect(store.get().past).toEqual([]);
    expect(lastAudit().issues).toEqual([]);
    expect(lastAudit().layout.layout).toBe('none');
    // Not the format of the file imported before (the module variables kept it: reset inconsistently).
    expect(lastAudit().format).toBe('fairshare');
  });

  it('a new import after an opened project replaces the context, with no undo back into the old one', async () => {
    await actions.loadProjectText(serializeProject(createProject('Saved', SECOND.organization!)), 'h1');
    confirm('first.csv', FIRST, false);
    await settle();
    expect(store.get().imported.issues).toBe(FIRST.issues);
    expect(store.get().past).toEqual([]);
    expect(lastAudit().issues).toBe(FIRST.issues);
  });
});
