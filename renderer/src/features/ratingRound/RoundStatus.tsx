/**
 * A section's status line and error: what the last action taken in it is doing or did, shown beside
 * its buttons (each section keeps its live region, so a change is announced where it happened).
 * Test hooks: rr-status-<section>, rr-error-<section>.
 */
import { useRatingRound, type RoundSection } from '../../state/ratingRound';

export function RoundStatus({ section }: { section: RoundSection }) {
  const here = useRatingRound((s) => s.at === section);
  const busy = useRatingRound((s) => s.busy);
  const status = useRatingRound((s) => s.status);
  const error = useRatingRound((s) => s.error);
  return (
    <div className="rr-live">
      <p className="rr-status" role="status" data-testid={`rr-status-${section}`}>
        {here ? busy ?? status ?? '' : ''}
      </p>
      {here && error && (
        <p className="rr-error" role="alert" data-testid={`rr-error-${section}`}>
          {error}
        </p>
      )}
    </div>
  );
}
