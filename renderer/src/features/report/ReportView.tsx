/**
 * The Report view (issue 18): what the printable report covers (the audit, and the proposal, the
 * scenarios, the merger and the rating round when there are any), its page size, the PDF (desktop) or
 * the browser's print (web), and the report itself in a sandboxed iframe with no scripts, exactly as
 * it prints. Test hooks: report-view, report-part-<part>, report-page-size, report-export,
 * report-status (data-status), report-error, report-frame.
 */
import { useEffect, useMemo } from 'react';
import { isElectron } from '../../platform/desktop';
import { useMerger } from '../../state/merger';
import { useProposal } from '../../state/proposal';
import { useRatingRound } from '../../state/ratingRound';
import { proposalSensitivityStore } from '../../state/ratingRoundSensitivity';
import { useStore } from '../../state/store';
import { setPageSize, setPartIncluded, useReport, type PageSize, type ReportPart } from '../../state/report';
import { ensureReport, exportIfAsked, exportReport, rebuildReport } from '../../state/reportActions';
import { currentProposal, mergerOnScreen, REPORT_PARTS } from '../../state/reportInput';
import { scenariosOf, useScenarios } from '../../state/scenarios';
import { useWorkspace } from '../../state/workspace';
import './report.css';

const PART_LABEL: Record<ReportPart, string> = {
  proposal: 'The proposal on screen',
  scenarios: 'The scenarios compared',
  merger: 'The merger',
  round: 'The rating round',
};

/** The parts the workspace has something for now. */
function useAvailableParts(): Record<ReportPart, boolean> {
  const project = useWorkspace((s) => s.project);
  const revision = useWorkspace((s) => s.revision);
  const pseudonymize = useWorkspace((s) => s.pseudonymize);
  const result = useProposal((s) => s.result);
  const resultRevision = useProposal((s) => s.resultRevision);
  const resultPseudonymized = useProposal((s) => s.resultPseudonymized);
  const partners = useMerger((s) => s.partners);
  const forms = useRatingRound((s) => s.forms);
  return {
    proposal: currentProposal({ result, resultRevision, resultPseudonymized }, revision, pseudonymize) !== null,
    scenarios: scenariosOf(project).length > 0,
    merger: mergerOnScreen(project, { partners }),
    round: forms.length > 0,
  };
}

/** Everything the report is made from, by identity: a change to any of them builds it again. */
function useReportSources(): readonly unknown[] | null {
  const report = useWorkspace((s) => s.report);
  const current = useWorkspace((s) => s.report !== null && s.reportRevision === s.revision);
  const pseudonymize = useWorkspace((s) => s.pseudonymize);
  const proposal = useProposal((s) => s.result);
  const proposalRevision = useProposal((s) => s.resultRevision);
  const compare = useScenarios((s) => s.compare);
  const partners = useMerger((s) => s.partners);
  const reviewed = useMerger((s) => s.reviewed);
  const openName = useMerger((s) => s.openName);
  const applied = useMerger((s) => s.applied);
  const forms = useRatingRound((s) => s.forms);
  const sensitivity = useStore(proposalSensitivityStore, (s) => s.value);
  const pageSize = useReport((s) => s.pageSize);
  const omit = useReport((s) => s.omit);
  return useMemo(
    // Only once the audit on screen is the current one: the report waits for it rather than being built twice.
    () => (current ? [report, pseudonymize, proposal, proposalRevision, compare, partners, reviewed, openName, applied, forms, sensitivity, pageSize, omit] : null),
    [current, report, pseudonymize, proposal, proposalRevision, compare, partners, reviewed, openName, applied, forms, sensitivity, pageSize, omit],
  );
}

function statusText(status: string, exporting: boolean, electron: boolean): string {
  if (exporting) return electron ? 'Printing the PDF…' : 'Opening the print dialog…';
  if (status === 'building') return 'Building the report…';
  if (status === 'ready') return 'The report is ready.';
  if (status === 'cancelled') return 'Not built: the question about one-person roles and departments was cancelled.';
  return '';
}

export function ReportView() {
  const project = useWorkspace((s) => s.project);
  const available = useAvailableParts();
  const sources = useReportSources();
  const pageSize = useReport((s) => s.pageSize);
  const omit = useReport((s) => s.omit);
  const status = useReport((s) => s.status);
  const built = useReport((s) => s.built);
  const error = useReport((s) => s.error);
  const exporting = useReport((s) => s.exporting);
  const exportAsked = useReport((s) => s.exportWhenReady);
  const electron = isElectron();

  useEffect(() => {
    if (sources) ensureReport(sources);
  }, [sources]);
  // After the build effect: a menu export waits for the report it may just have started.
  useEffect(() => exportIfAsked(), [status, exportAsked]);

  if (!project) return null;
  const present = REPORT_PARTS.filter((p) => available[p]);
  const busy = status === 'building';
  return (
    <section className="report" aria-labelledby="report-title" data-testid="report-view">
      <h2 id="report-title">Report</h2>
      <p className="muted report-intro">
        The audit as a document to hand to the members or a client, with its figures, charts and method notes. Pseudonymize applies to it as to the exports.
      </p>
      <div className="card report-controls">
        <fieldset className="report-parts">
          <legend>It covers the audit and</legend>
          {present.length === 0 && <p className="muted">nothing else yet: a proposal, scenarios, a merger or a rating round join it once there is one.</p>}
          {present.map((part) => (
            <label key={part}>
              <input type="checkbox" data-testid={`report-part-${part}`} checked={!omit[part]} onChange={(e) => setPartIncluded(part, e.target.checked)} />
              {PART_LABEL[part]}
            </label>
          ))}
        </fieldset>
        <label className="report-size">
          Page size
          <select data-testid="report-page-size" value={pageSize} onChange={(e) => setPageSize(e.target.value as PageSize)}>
            <option value="A4">A4</option>
            <option value="Letter">Letter</option>
          </select>
        </label>
        <button type="button" className="primary" data-testid="report-export" disabled={status !== 'ready' || exporting} onClick={() => void exportReport()}>
          {electron ? 'Export PDF…' : 'Print or save as PDF…'}
        </button>
      </div>
      <p className="report-status muted" role="status" data-testid="report-status" data-status={status}>
        {statusText(status, exporting, electron)}
      </p>
      {(status === 'failed' || status === 'cancelled') && (
        <div className="report-error" role={status === 'failed' ? 'alert' : undefined} data-testid="report-error">
          {error && <p>The report could not be built: {error}</p>}
          <button type="button" onClick={rebuildReport}>Build it again</button>
        </div>
      )}
      {built && (
        <div className={`report-frame-wrap${busy ? ' report-stale' : ''}`} aria-busy={busy}>
          <iframe
            className="report-frame"
            data-testid="report-frame"
            title={`The report${busy ? ' (being brought up to date)' : ''}, as it prints`}
            // No allow-scripts (the report has none); allow-same-origin lets the app read it for its height and the tests.
            sandbox="allow-same-origin"
            srcDoc={built.html}
          />
        </div>
      )}
    </section>
  );
}
