/**
 * Decide a contested task (issue 17): a value per dimension in points of the scale (the contested
 * ones start at the median; a blank one keeps its rating) and a required note, in a modal dialog.
 * Test hooks: rr-decide-dialog, rr-decide-<dimension>, rr-decide-note, rr-decide-submit.
 */
import { useId, useState } from 'react';
import type { Organization } from '../../engine/model/types';
import { MAX_DECISION_NOTE, type Decision } from '../../engine/ratingRound/decide';
import type { RoundResult } from '../../engine/ratingRound/result';
import { toPoints } from '../../engine/rating/scale';
import { openDecide } from '../../state/ratingRound';
import { decide } from '../../state/ratingRoundActions';
import { DIMENSION_LABEL, fmtPoints } from '../../state/ratingRoundFigures';
import { fmtRating } from '../../ui/figure-format';
import { Modal } from '../../ui/wizard-modal';

const DIMENSIONS = ['empowerment', 'desirability'] as const;

export function DecideDialog({ taskId, result, org }: { taskId: string; result: RoundResult; org: Organization }) {
  const task = org.tasks.find((t) => t.id === taskId);
  const spreads = result.spreads.filter((s) => s.taskId === taskId);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(DIMENSIONS.map((d) => {
      const s = spreads.find((x) => x.dimension === d);
      return [d, s?.contested && s.median !== null ? fmtPoints(s.median) : ''];
    })),
  );
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), note: useId(), error: useId(), e: useId(), d: useId() };
  if (!task) return null;
  const { min, max } = org.scale;

  const submit = () => {
    const decision: Decision = {};
    for (const d of DIMENSIONS) {
      const text = values[d].trim().replace(',', '.');
      if (text === '') continue;
      const n = Number(text);
      if (!Number.isFinite(n)) return setError(`${DIMENSION_LABEL[d]} must be a number from ${min} to ${max}, or blank to keep the rating.`);
      decision[d] = n;
    }
    setError(decide(taskId, decision, note));
  };

  return (
    <Modal label={`Decide ${task.name}`} onCancel={() => openDecide(null)} className="rr-decide" testId="rr-decide-dialog">
      <form
        className="rr-decide-body"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h3 id={ids.title}>Decide “{task.name}”</h3>
        <p className="muted">
          The group sets the value it agrees on, in points of the {min}–{max} scale, and says why. The rating’s source becomes <strong>council</strong>; the task stays
          marked contested, so the audit still counts its hours as resting on contested ratings.
        </p>
        <div className="rr-decide-fields">
          {DIMENSIONS.map((d) => {
            const s = spreads.find((x) => x.dimension === d);
            const id = d === 'empowerment' ? ids.e : ids.d;
            return (
              <div key={d} className="rr-decide-field">
                <label htmlFor={id}>
                  {DIMENSION_LABEL[d]} <span className="rr-unit">(points, {min}–{max})</span>
                </label>
                <input
                  id={id}
                  type="number"
                  min={min}
                  max={max}
                  step="any"
                  inputMode="decimal"
                  data-testid={`rr-decide-${d}`}
                  value={values[d]}
                  onChange={(e) => setValues((v) => ({ ...v, [d]: e.target.value }))}
                  data-autofocus={d === 'empowerment' ? true : undefined}
                />
                <span className="muted rr-hint">
                  {s && s.raters > 0
                    ? `${s.contested ? 'Contested' : 'Not contested'}: median ${fmtPoints(s.median)}, Q1–Q3 ${fmtPoints(s.q1)}–${fmtPoints(s.q3)}, ${s.raters} raters (${s.values.map(fmtPoints).join(', ')})`
                    : 'No one rated it in this round'}
                  . Now {fmtRating(task[d] === null ? null : toPoints(task[d]!, org.scale), org.scale) || 'unrated'}; blank keeps it.
                </span>
              </div>
            );
          })}
        </div>
        <label htmlFor={ids.note}>Why the group chose this (required)</label>
        <textarea
          id={ids.note}
          data-testid="rr-decide-note"
          rows={3}
          maxLength={MAX_DECISION_NOTE}
          value={note}
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {error && (
          <p id={ids.error} className="rr-error" role="alert">
            {error}
          </p>
        )}
        <div className="rr-actions rr-decide-actions">
          <button type="button" onClick={() => openDecide(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="rr-decide-submit">
            Decide
          </button>
        </div>
      </form>
    </Modal>
  );
}
