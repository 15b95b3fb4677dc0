/**
 * Make forms (issue 17): named raters (everyone in the roster by default, an editable list, one per
 * line) or a number of anonymous forms, factor columns or not, saved as one .zip of workbooks.
 * Test hooks: rr-make-forms, rr-raters, rr-save-forms.
 */
import { useEffect, useId, useState } from 'react';
import type { Organization } from '../../engine/model/types';
import { MAX_FORMS } from '../../engine/ratingRound/formSpecs';
import { parseRaters, ratersOf, resetRaters, rosterRaters, setCount, setFactors, setNamed, setRatersText, useRatingRound } from '../../state/ratingRound';
import { makeForms } from '../../state/ratingRoundActions';
import { plural } from '../../ui/figure-format';
import { RoundStatus } from './RoundStatus';

export function MakeForms({ org }: { org: Organization }) {
  const named = useRatingRound((s) => s.named);
  const raters = useRatingRound((s) => s.raters);
  const count = useRatingRound((s) => s.count);
  const factors = useRatingRound((s) => s.factors);
  const busy = useRatingRound((s) => s.busy);
  const list = ratersOf({ raters }, org);
  const [draft, setDraft] = useState(() => list.join('\n'));
  const [countDraft, setCountDraft] = useState(String(count));
  const ids = { raters: useId(), ratersHint: useId(), count: useId(), countHint: useId() };
  // The roster list follows the project until someone edits it; a reset brings it back.
  useEffect(() => {
    if (raters === null) setDraft(rosterRaters(org).join('\n'));
  }, [raters, org]);
  const typed = parseRaters(draft).length;
  const countValue = Number(countDraft);
  const countOk = /^\s*\d+\s*$/.test(countDraft) && countValue >= 1 && countValue <= MAX_FORMS;

  return (
    <section className="rr-section" aria-labelledby="rr-make-title" data-testid="rr-make-forms">
      <h3 id="rr-make-title">1. Make forms</h3>
      <p className="muted rr-lead">
        Each member gets a workbook listing every task (their own first) with cells for empowerment and desirability on the {org.scale.min}–{org.scale.max} scale.
        They may leave tasks they don’t know blank.
      </p>
      <fieldset className="rr-choice">
        <legend>Who rates</legend>
        <label>
          <input type="radio" name="rr-who" checked={named} onChange={() => setNamed(true)} /> Named members
        </label>
        <label>
          <input type="radio" name="rr-who" checked={!named} onChange={() => setNamed(false)} /> Anonymous numbered forms
        </label>
      </fieldset>
      {named ? (
        <div className="rr-raters">
          <label htmlFor={ids.raters}>Raters, one per line</label>
          <textarea
            id={ids.raters}
            data-testid="rr-raters"
            rows={6}
            value={draft}
            aria-describedby={ids.ratersHint}
            onChange={(e) => {
              setDraft(e.target.value);
              setRatersText(e.target.value);
            }}
          />
          <p id={ids.ratersHint} className="muted rr-hint">
            {plural(typed, 'form')} {raters === null ? '(everyone in the roster)' : '(edited list)'}. Someone not in the roster gets a form listing every task by name.
          </p>
          {raters !== null && (
            <button type="button" onClick={resetRaters}>
              Everyone in the roster again
            </button>
          )}
        </div>
      ) : (
        <div className="rr-count">
          <label htmlFor={ids.count}>Number of forms</label>
          <input
            id={ids.count}
            type="number"
            min={1}
            max={MAX_FORMS}
            step={1}
            value={countDraft}
            aria-invalid={countOk ? undefined : true}
            aria-describedby={ids.countHint}
            onChange={(e) => {
              setCountDraft(e.target.value);
              const n = Number(e.target.value);
              if (Number.isSafeInteger(n) && n >= 1 && n <= MAX_FORMS) setCount(n);
            }}
          />
          <span id={ids.countHint} className={countOk ? 'muted rr-hint' : 'rr-error'}>
            {countOk ? 'Numbered forms: no names, each member takes one.' : `A whole number from 1 to ${MAX_FORMS}.`}
          </span>
        </div>
      )}
      <label className="rr-check">
        <input type="checkbox" checked={factors} onChange={(e) => setFactors(e.target.checked)} /> Add the factor columns (the factors the project’s tasks use, else the standard ones)
      </label>
      <div className="rr-actions">
        <button type="button" className="primary" data-testid="rr-save-forms" disabled={!!busy || (named ? typed === 0 : !countOk)} onClick={() => void makeForms()}>
          Save forms…
        </button>
        <span className="muted rr-hint">One .zip with a workbook per form, named like the command line’s (form-01-Name.xlsx).</span>
      </div>
      <RoundStatus section="make" />
    </section>
  );
}
