/**
 * The sensitivity of the round (issue 17): the coordinator cluster recomputed with every contested
 * rating at its lower quartile, median and upper quartile ("the coordinator cluster has 6–8 people
 * depending on how the contested tasks are rated"), and who joins or leaves it in each case.
 * Computed here without the solver: the proposal's sensitivity is the CLI's (`ratings collect`).
 * Test hook: rr-sensitivity (data-min, data-max: the cluster's fewest and most members).
 */
import { useMemo } from 'react';
import type { Organization } from '../../engine/model/types';
import type { RoundResult } from '../../engine/ratingRound/result';
import { roundSensitivity, type SensitivityVariant } from '../../engine/ratingRound/sensitivity';

const AT: Record<SensitivityVariant, string> = { low: 'Lower quartiles', median: 'Medians', high: 'Upper quartiles' };

const list = (names: readonly string[]) => (names.length ? names.join(', ') : '–');

export function Sensitivity({ result, org, tolerance }: { result: RoundResult; org: Organization; tolerance: number }) {
  // Three audits of the organization with the round applied; the cluster only, so no solver is loaded.
  const s = useMemo(() => roundSensitivity(org, result, tolerance), [org, result, tolerance]);
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
    </div>
  );
}
