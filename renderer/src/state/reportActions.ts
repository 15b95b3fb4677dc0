/**
 * The report's actions that reach outside its view: building it when what it covers changed, the PDF
 * (desktop: main prints it and asks where to save; web: the browser's print dialog on the report in
 * a tab of its own) and File → Export PDF report…, which opens the Report view and exports once built.
 */
import { MAX_REPORT_HTML_CHARS } from '../../../electron/ipc/contract';
import { desktop } from '../platform/desktop';
import { buildReport, reportStore } from './report';
import { fail, store as workspace } from './workspaceStore';

/** What the last build was asked for: the identities of everything the report is made from. */
let builtFrom: readonly unknown[] | null = null;

function same(a: readonly unknown[] | null, b: readonly unknown[]): boolean {
  return a !== null && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * Builds the report unless the last build was for exactly these sources (compared by identity: the
 * workspace's audit, the proposal, the scenarios compared, the merger, the round, page size, parts).
 */
export function ensureReport(sources: readonly unknown[]): void {
  const { status } = reportStore.get();
  if (same(builtFrom, sources) && (status === 'ready' || status === 'building')) return;
  builtFrom = sources;
  void buildReport();
}

/** Builds the report again whatever it was built from (Try again). */
export function rebuildReport(): void {
  void buildReport();
}

/** The report on screen as a PDF: a file written by main on the desktop, the print dialog in a browser. */
export async function exportReport(): Promise<void> {
  const { built, status, exporting } = reportStore.get();
  const { project } = workspace.get();
  if (!built || status !== 'ready' || exporting || !project) return;
  if (built.html.length > MAX_REPORT_HTML_CHARS) {
    reportStore.set({ status: 'failed', error: `The report is too large to print (${Math.round(built.html.length / 1e6)} million characters): leave out the proposal or the merger and try again.` });
    return;
  }
  reportStore.set({ exporting: true });
  try {
    const name = await desktop().exportReportPdf({ html: built.html, suggestedName: `${project.name} report`, pageSize: built.pageSize });
    if (name) workspace.set({ notice: { kind: 'info', text: `Exported ${name}` } });
  } catch (err) {
    fail(err);
  } finally {
    reportStore.set({ exporting: false });
  }
}

/** File → Export PDF report…: opens the Report view; the view exports once the report is built. */
export function exportReportFromMenu(): void {
  if (!workspace.get().project) return;
  reportStore.set({ exportWhenReady: true });
  workspace.set({ view: 'report' });
}

/** Called by the view after each render: runs an export the menu asked for once the report is ready. */
export function exportIfAsked(): void {
  const s = reportStore.get();
  if (!s.exportWhenReady || s.status !== 'ready') return;
  reportStore.set({ exportWhenReady: false });
  void exportReport();
}
