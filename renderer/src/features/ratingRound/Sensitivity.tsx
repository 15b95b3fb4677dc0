/**
 * The sensitivity of the round (issue 17): how the coordinator cluster's size moves when the
 * contested tasks are rated at their lower or upper quartile instead of the median.
 * Test hook: rr-sensitivity.
 */
import type { Organization } from '../../engine/model/types';
import type { RoundResult } from '../../engine/ratingRound/result';

// TODO(issue 17): ratingRound/sensitivity.ts roundSensitivity(org, result, tolerance, highs?) has not
// landed yet; this shows a placeholder until it does.
export function Sensitivity(_props: { result: RoundResult; org: Organization; tolerance: number }) {
  return (
    <p className="muted rr-sensitivity" data-testid="rr-sensitivity">
      How the coordinator cluster changes with the contested ratings is not computed yet.
    </p>
  );
}
