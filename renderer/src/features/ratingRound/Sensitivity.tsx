/**
 * The sensitivity of the round (issue 17): the coordinator cluster recomputed with every contested
 * rating at its lower quartile, median and upper quartile ("the coordinator cluster has 6–8 people
 * depending on how the contested tasks are rated"), and who joins or leaves it in each case.
 * The cluster is computed here without the solver; the exact proposal's hours moved in each case
 * (three LP solves) on request, in the engine worker (state/ratingRoundSensitivity.ts).
 * Test hooks: rr-sensitivity (data-min, data-max: the cluster's fewest and most members),
 * rr-proposal-sensitivity-run, rr-proposal-sensitivity (data-min, data-max: hours moved),
 * rr-proposal-sensitivity-<variant> (data-value: hours moved, '' for no proposal).
 */
import { useMemo } from 'react';
import type { Organization } from '../../engine/model/types';
import type { RoundResult } from '../../engine/ratingRound/result';
import { roundSensitivity, type RoundSensitivity, type SensitivityVariant } from '../../engine/ratingRound/sensitivity';
import { computeProposalSensitivity, useProposalSensitivity, type SensitivityKey } from '../../state/ratingRoundSensitivity';

const AT: Record<SensitivityVariant, string> = { low: 'Lower quartiles', median: 'Medians', high: 'Upper quartiles' };

const list = (names: readonly string[]) => (names.length ? names.join(', ') : '–');

/** Hours a week as the engine's line writes them (one decimal). */
const fmtHours = (h: number) => String(Math.round(h * 10) / 10);

function ProposalFigures({ proposal }: { proposal: NonNullable<RoundSensitivity['proposal']> }) {
  return (
    <div data-testid="rr-proposal-sensitivity" data-min={proposal.min ?? ''} data-max={proposal.max ?? ''}>
      <p className="rr-proposal-sensitivity-text">{proposal.text}</p>
      <ul>
        {proposal.variants.map((v) => (
          <li key={v.variant} data-testid={`rr-proposal-sensitivity-${v.variant}`} data-value={v.movedHours ?? ''}>
            {AT[v.variant]}: {v.movedHours === null ? `no proposal (${v.status})` : `${fmtHours(v.movedHours)} hours a week moved`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The exact proposal's part: a button (three solves), the busy line, then the figures or the failure. */
function ProposalSensitivity({ sensitivityKey }: { sensitivityKey: SensitivityKey }) {
  const s = useProposalSensitivity(sensitivityKey);
  if (s.value?.proposal) return <ProposalFigures proposal={s.value.proposal} />;
  return (
    <>
      <div className="rr-use">
        <p>The exact proposal (empowerment and desirability balanced within ±τ) can be solved three times, with the contested ratings at their lower quartiles, medians and upper quartiles.</p>
        <button type="button" data-testid="rr-proposal-sensitivity-run" disabled={s.busy} onClick={() => void computeProposalSensitivity(sensitivityKey)}>
          {s.busy ? 'Computing…' : 'Compute the proposal’s sensitivity'}
        </button>
      </div>
      <p role="status" className="muted">{s.busy ? 'Solving the three proposals…' : ''}</p>
      {s.error && <p role="alert" className="rr-error">{s.error}</p>}
    </>
  );
}

export function Sensitivity({ result, org, tolerance }: { result: RoundResult; org: Organization; tolerance: number }) {
  // Three audits of the organization with the round applied; the cluster only, so no solver is loaded.
  const s = useMemo(() => roundSensitivity(org, result, tolerance), [org, result, tolerance]);
  const key = useMemo(() => ({ org, result, tolerance }), [org, result, tolerance]);
  return (
    <div className="rr-sensitivity" data-testid="rr-sensitivity" data-min={s.cluster.min} data-max={s.cluster.max}>
      <h4>Sensitivity</h4>
      <p className="rr-sensitivity-text">{s.cluster.text}</p>
      <div className="rr-table-wrap rr-fit">
        <table className="rr-table">
          <caption>
            The coordinator cluster (jobs 2τ or more above the mean empowerment) with the medians used and the {s.contestedRatings} contested{' '}
            {s.contestedRatings === 1 ? 'rating' : 'ratings'} at…
          </caption>
          <thead>
            <tr>
              <th scope="col">Contested ratings at</th>
              <th scope="col" className="num">People</th>
              <th scope="col">Join it</th>
              <th scope="col">Leave it</th>
            </tr>
          </thead>
          <tbody>
            {s.cluster.variants.map((v) => (
              <tr key={v.variant} data-testid={`rr-sensitivity-${v.variant}`}>
                <th scope="row">{AT[v.variant]}</th>
                <td className="num">{v.members.length}</td>
                <td className="rr-names">{v.variant === 'median' ? '(the reference)' : list(v.entering)}</td>
                <td className="rr-names">{v.variant === 'median' ? '' : list(v.leaving)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProposalSensitivity sensitivityKey={key} />
    </div>
  );
}
