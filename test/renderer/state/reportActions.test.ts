// @vitest-environment happy-dom
// The report's actions (state/reportActions.ts): a build is asked for only when what the report is
// made from changed; the PDF goes through the DesktopApi with the page size the report was laid out
// for and the project's name; File → Export PDF report… opens the Report view and exports once the
// report is ready; a failed export is said; nothing is exported while building.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import type { Organization } from '../../../renderer/src/engine/model/types';

const exportReportPdf = vi.fn(async (_request: { html: string; suggestedName: string; pageSize: string }): Promise<string | null> => 'Co-op report.pdf');
vi.mock('../../../renderer/src/platform/desktop', () => ({
  desktop: () => ({ exportReportPdf, setDocumentState: async () => undefined }),
  isElectron: () => true,
}));
const buildReport = vi.fn(async () => undefined);
vi.mock('../../../renderer/src/state/report', async (original) => ({ ...(await original<object>()), buildReport }));

const { commit, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const { reportStore } = await import('../../../renderer/src/state/report');
const A = await import('../../../renderer/src/state/reportActions');

const ORG: Organization = {
  people: [{ id: 'a', name: 'A', role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] }],
  tasks: [{ id: 't', name: 'T', empowerment: 0.5, desirability: 0.5, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: null, requires: [], chore: false }],
  assignments: [{ personId: 'a', taskId: 't', hours: 10, locked: false }],
  scale: { min: 1, max: 20 },
  hoursPerFte: 40,
};
const BUILT = { html: '<!DOCTYPE html><title>r</title>', pageSize: 'Letter' as const, parts: [] };

beforeEach(() => {
  resetWorkspace();
  commit(createProject('Co-op', ORG), { undoable: false });
  reportStore.set({ status: 'idle', built: null, error: null, exporting: false, exportWhenReady: false });
  exportReportPdf.mockClear();
  buildReport.mockClear();
});

describe('ensureReport', () => {
  it('builds once for the same sources, again when one of them changes or the last build failed', () => {
    const audit = {};
    A.ensureReport([audit, 'A4']);
    expect(buildReport).toHaveBeenCalledTimes(1);
    reportStore.set({ status: 'ready' });
    A.ensureReport([audit, 'A4']);
    expect(buildReport).toHaveBeenCalledTimes(1);
    A.ensureReport([audit, 'Letter']);
    expect(buildReport).toHaveBeenCalledTimes(2);
    reportStore.set({ status: 'failed' });
    A.ensureReport([audit, 'Letter']);
    expect(buildReport).toHaveBeenCalledTimes(3);
  });
});

describe('exportReport', () => {
  it('sends the built report with its page size and the project’s name, and says what was written', async () => {
    reportStore.set({ status: 'ready', built: BUILT });
    await A.exportReport();
    expect(exportReportPdf).toHaveBeenCalledWith({ html: BUILT.html, suggestedName: 'Co-op report', pageSize: 'Letter' });
    expect(store.get().notice).toEqual({ kind: 'info', text: 'Exported Co-op report.pdf' });
    expect(reportStore.get().exporting).toBe(false);
  });

  it('exports nothing while the report is being built', async () => {
    reportStore.set({ status: 'building', built: BUILT });
    await A.exportReport();
    expect(exportReportPdf).not.toHaveBeenCalled();
  });

  it('shows the failure as a notice', async () => {
    reportStore.set({ status: 'ready', built: BUILT });
    exportReportPdf.mockRejectedValueOnce(new Error('The PDF was not ready after 90 seconds; try again.'));
    await A.exportReport();
    expect(store.get().notice).toEqual({ kind: 'error', text: 'The PDF was not ready after 90 seconds; try again.' });
    expect(reportStore.get().exporting).toBe(false);
  });
});

describe('File → Export PDF report…', () => {
  it('opens the Report view and exports once the report is ready, once', async () => {
    reportStore.set({ status: 'building', built: null });
    A.exportReportFromMenu();
    expect(store.get().view).toBe('report');
    A.exportIfAsked();
    expect(exportReportPdf).not.toHaveBeenCalled();
    reportStore.set({ status: 'ready', built: BUILT });
    A.exportIfAsked();
    await vi.waitFor(() => expect(exportReportPdf).toHaveBeenCalledOnce());
    A.exportIfAsked();
    expect(exportReportPdf).toHaveBeenCalledOnce();
  });

  it('does nothing without a project', () => {
    resetWorkspace();
    A.exportReportFromMenu();
    expect(reportStore.get().exportWhenReady).toBe(false);
    expect(store.get().view).toBe('start');
  });
});
