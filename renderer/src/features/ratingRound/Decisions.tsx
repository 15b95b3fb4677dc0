/**
 * The group decides (issue 17): "Use the medians" makes the round's medians the tasks' ratings
 * (source members, one undo step); each contested task is listed with what the project holds for it
 * now and a Decide… button (source council, with a note); the sensitivity line follows.
 * Test hooks: rr-decide, rr-use-medians, rr-contested-<taskId>.
 */
import type { Organization } from '../../engine/model/types';
import type { RoundResult } from '../../engine/ratingRound/result';
import { toPoints } from '../../engine/rating/scale';
import { openDecide, useRatingRound } from '../../state/ratingRound';
import { useMedians } from '../../state/ratingRoundActions';
import { contestedTasks, DIMENSION_LABEL } from '../../state/ratingRoundFigures';
import { fmtRating } from '../../ui/figure-format';
import { RoundStatus } from './RoundStatus';
import { Sensitivity } from './Sensitivity';

export function Decisions({ result, org, tolerance }: { result: RoundResult; org: Organization; tolerance: number }) {
  const busy = useRatingRound((s) => s.busy);
  const contested = contestedTasks(result);
  const rated = result.spreads.some((s) => s.raters > 0);
  const byId = new Map(org.tasks.map((t) => [t.id, t]));
  const now = (taskId: string) => {
    const t = byId.get(taskId);
    if (!t) return '–';
    const p = (v: number | null) => fmtRating(v === null ? null : toPoints(v, org.scale), org.scale) || '–';
    const source = t.source === 'council' ? 'decided by the group' : t.source === 'members' ? 'the members’' : t.source === 'file' ? 'from the file' : t.source;
    return `E ${p(t.empowerment)}, D ${p(t.desirability)} (${source})`;
  };
  return (
    <section className="rr-section" aria-labelledby="rr-decide-title" data-testid="rr-decide">
      <h3 id="rr-decide-title">4. The group decides</h3>
      <div className="rr-use">
        <p>
          Use the medians: every task rated in the forms takes the median of its ratings as its empowerment and desirability (source <strong>members</strong>). Tasks the
          group already decided keep their decision. One step: Undo (Ctrl+Z) takes it back.
        </p>
        <button type="button" className="primary" data-testid="rr-use-medians" disabled={!rated || !!busy} onClick={() => useMedians(result)}>
          Use the medians
        </button>
      </div>
      <RoundStatus section="decide" />
      {contested.length === 0 ? (
        <p className="muted rr-none">No task is contested: the medians can stand as the group’s ratings.</p>
      ) : (
        <>
          <h4>Contested tasks</h4>
          <ul className="rr-contested-list">
            {contested.map((c) => (
              <li key={c.taskId} data-testid={`rr-contested-${c.taskId}`} data-source={byId.get(c.taskId)?.source ?? ''}>
                <span className="rr-contested-name">
                  <strong>{c.name}</strong> <span className="muted">contested in {c.dimensions.map((d) => DIMENSION_LABEL[d].toLowerCase()).join(' and ')}</span>
                </span>
                <span className="rr-contested-now">Now: {now(c.taskId)}</span>
                <button type="button" onClick={() => openDecide(c.taskId)} aria-label={`Decide ${c.name}…`}>
                  Decide…
                </button>
              </li>
            ))}
          </ul>
          <Sensitivity result={result} org={org} tolerance={tolerance} />
        </>
      )}
    </section>
  );
}
