/**
 * The Rating round view (issue 17): forms out to the members, returned forms in, every task's
 * spread and the members' agreement, and the group's decisions (the medians used, contested tasks
 * decided with a note), with the sensitivity of the coordinator cluster to the contested ratings.
 * Test hook: rating-round-view.
 */
import { useMemo } from 'react';
import { defaultTolerance } from '../../engine/analysis/metrics';
import { collectRound } from '../../engine/ratingRound/collect';
import { useRatingRound } from '../../state/ratingRound';
import { useWorkspace } from '../../state/workspace';
import { Agreement } from './Agreement';
import { DecideDialog } from './DecideDialog';
import { Decisions } from './Decisions';
import { MakeForms } from './MakeForms';
import { ReturnedForms } from './ReturnedForms';
import { SpreadTable } from './SpreadTable';
import './ratingRound.css';

export function RatingRoundView() {
  const project = useWorkspace((s) => s.project);
  const forms = useRatingRound((s) => s.forms);
  const deciding = useRatingRound((s) => s.deciding);
  const org = project?.organization ?? null;
  const tolerance = project && org ? project.settings.tolerance ?? defaultTolerance(org.scale) : 0;
  // The groups compare raters by the coordinator cluster of the organization as it is rated now.
  const result = useMemo(() => (org && forms.length > 0 ? collectRound(forms, org, tolerance) : null), [org, forms, tolerance]);
  if (!project || !org) return null;
  const rated = result !== null && result.spreads.some((s) => s.raters > 0);

  return (
    <section className="rr" aria-labelledby="rr-title" data-testid="rating-round-view">
      <h2 id="rr-title">Rating round</h2>
      <p className="muted rr-intro">
        The members who do the work rate it together: send everyone a form, read the forms back, see where the group disagrees, and decide. Ratings here are points of
        the project’s {org.scale.min}–{org.scale.max} scale.
      </p>
      <MakeForms org={org} />
      <ReturnedForms result={result} />
      {result && rated ? (
        <>
          <SpreadTable result={result} scale={org.scale} />
          <Agreement result={result} org={org} />
          <Decisions result={result} org={org} tolerance={tolerance} />
        </>
      ) : (
        forms.length > 0 && (
          <p className="card rr-none" data-testid="rr-no-ratings">
            The forms read give no rating of the project’s tasks yet: see the problems above.
          </p>
        )
      )}
      {result && deciding && <DecideDialog key={deciding} taskId={deciding} result={result} org={org} />}
    </section>
  );
}
