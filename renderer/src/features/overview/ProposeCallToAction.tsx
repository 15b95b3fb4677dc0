/**
 * The Overview's way from diagnosis to prescription: how many people the band leaves out, and a
 * button that opens the Proposal view and makes the default proposal. Test hook: propose-cta.
 */
import type { AuditReport } from '../../engine/analysis/auditReport';
import { runProposal, proposalStore } from '../../state/proposal';
import { actions } from '../../state/workspace';

export function ProposeCallToAction({ report }: { report: AuditReport }) {
  const within = report.metrics.empowerment.withinTolerance;
  if (report.metrics.empowerment.mean === null) return null;
  const open = () => {
    actions.setView('proposal');
    const s = proposalStore.get();
    if (!s.result && !s.running) void runProposal();
  };
  return (
    <div className="card overview-cta">
      <p>
        {within >= 1 - 1e-9
          ? 'Every job is within the band of the mean empowerment.'
          : `${Math.round((1 - within) * 100)}% of the hours are in jobs outside the band of the mean empowerment.`}{' '}
        A proposal divides the work again so every job is within it, moving as few hours as whole blocks allow.
      </p>
      <button type="button" className="primary" data-testid="propose-cta" onClick={open}>
        Propose balanced jobs
      </button>
    </div>
  );
}
