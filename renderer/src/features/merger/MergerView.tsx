/**
 * The Merger view, "Plan a merger" (issue 16): other organizations added to the open one, their
 * task matches reviewed, the federated and merged views, and the merged organization used for the
 * proposal. Once the workspace holds it and the Proposal view has a current plan for it, the
 * programme hours, the work crossing organizations and the control after the plan are shown.
 * Test hooks: merger-view, merger-in-workspace, merger-goto-proposal.
 */
import { useMemo } from 'react';
import { defaultTolerance } from '../../engine/analysis/metrics';
import { useMerger } from '../../state/merger';
import { applyMergedOrganization } from '../../state/mergerActions';
import { afterPlan, findMatches, isMerged, mergeSources, mergerFigures, pooledInWorkspace } from '../../state/mergerFigures';
import { useProposal } from '../../state/proposal';
import { actions, useWorkspace } from '../../state/workspace';
import { mergeOutcome } from '../../engine/merge/outcome';
import { FederatedView } from './FederatedView';
import { MatchesReview } from './MatchesReview';
import { MergedView } from './MergedView';
import { Organizations } from './Organizations';
import { Outcome } from './Outcome';
import './merger.css';

const EMPTY: never[] = [];

export function MergerView() {
  const project = useWorkspace((s) => s.project);
  const revision = useWorkspace((s) => s.revision);
  const partners = useMerger((s) => s.partners);
  const openName = useMerger((s) => s.openName);
  const reviewed = useMerger((s) => s.reviewed);
  const applied = useMerger((s) => s.applied);
  const result = useProposal((s) => s.result);
  const resultRevision = useProposal((s) => s.resultRevision);

  const org = project?.organization ?? null;
  const merged = org !== null && isMerged(org);
  // While the workspace holds the merged organization, the merger is planned from the one it replaced.
  const base = org === null ? null : merged ? applied?.base ?? null : org;
  const name = openName ?? project?.name ?? '';
  const tolerance = project && org ? project.settings.tolerance ?? defaultTolerance(org.scale) : 0;
  const sources = useMemo(() => (base ? mergeSources(base, name, partners) : EMPTY), [base, name, partners]);
  const found = useMemo(() => (sources.length > 1 ? findMatches(sources) : EMPTY), [sources]);
  const figures = useMemo(() => (sources.length > 1 ? mergerFigures(sources, found, reviewed, tolerance) : null), [sources, found, reviewed, tolerance]);
  const inWorkspace = useMemo(() => (org && merged ? pooledInWorkspace(org, applied) : null), [org, merged, applied]);
  const current = result !== null && resultRevision === revision && !!result.allocationIds && (result.report.status === 'optimal' || result.report.status === 'balanced');
  const outcome = useMemo(() => {
    if (!inWorkspace) return null;
    return current && result?.allocationIds ? afterPlan(inWorkspace, result.allocationIds) : mergeOutcome(inWorkspace, null);
  }, [inWorkspace, current, result]);
  if (!project || !org) return null;

  return (
    <section className="merger" aria-labelledby="merger-title" data-testid="merger-view">
      <h2 id="merger-title">Plan a merger</h2>
      <p className="muted merger-intro">
        Pool other organizations with this one: their tasks matched into one list, the work re-divided into balanced jobs. Every person keeps their
        organization of origin, and the figures show that no side’s programme work is swallowed and who would control the money.
      </p>
      {inWorkspace && (
        <div className="card merger-workspace" role="status" data-testid="merger-in-workspace" data-planned={current ? 'true' : 'false'}>
          <p>
            The project holds the merged organization: {org.people.length} people from {inWorkspace.organizations.join(' and ')}.{' '}
            {current
              ? 'Below: what the Proposal view’s plan does to each side.'
              : result && resultRevision !== revision
                ? 'The proposal was made before the last change: run it again to see the figures after its plan.'
                : 'Run the proposal to see the figures after its plan.'}{' '}
            Undo (Ctrl+Z) brings back the organization it replaced.
          </p>
          <button type="button" data-testid="merger-goto-proposal" onClick={() => actions.setView('proposal')}>
            Go to the Proposal
          </button>
        </div>
      )}
      {/* With the merged organization in the workspace, what its plan does comes first; planning another merger follows. */}
      {inWorkspace && outcome && <Outcome outcome={outcome} organizations={inWorkspace.organizations} />}
      {base ? (
        <Organizations open={base} openName={name} openFile={merged ? 'the organization before the merger' : 'the open project'} />
      ) : (
        <p className="card">Its organizations were pooled before this project was opened: add organizations to the open project before merging.</p>
      )}
      {figures ? (
        <>
          <MatchesReview figures={figures} />
          <FederatedView federated={figures.federated} tolerance={tolerance} />
          <MergedView figures={figures} tolerance={tolerance} inWorkspace={merged} onUse={() => applyMergedOrganization(figures)} />
        </>
      ) : (
        base && <p className="muted merger-empty" data-testid="merger-empty">Add an organization to see its tasks matched with this one’s and the merged organization.</p>
      )}
      {!inWorkspace && figures && <Outcome outcome={figures.before} organizations={figures.pooled.organizations} />}
    </section>
  );
}
