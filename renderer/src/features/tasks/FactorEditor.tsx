/**
 * The factor panel of one task (DESIGN.md §1, "Factors"): the standard empowerment and
 * desirability factors plus any others the task has, each rated on the project scale, and how
 * the task's E and D follow from them (equal-weight means). Edits go through the store (undoable).
 * Test hooks: factor-editor, factor-derivation-empowerment, factor-derivation-desirability.
 */
import { useId, useRef } from 'react';
import type { Scale, Task } from '../../engine/model/types';
import { countFactors, FACTOR_KINDS, factorDirection, factorLabels, factorMean, factorsOf, findFactorKey, STANDARD_FACTORS, type FactorKind } from '../../engine/rating/factors';
import { normalize, toPoints } from '../../engine/rating/scale';
import { actions } from '../../state/workspace';
import { NumberInput } from '../../ui/table-NumberInput';
import { fmtRating, ratingDecimals } from '../../ui/figure-format';
import { ratingProblem } from './ratingProblem';
import { SOURCE_HELP, SourceBadge } from './SourceBadge';
import { FACTOR_PANEL_ID, focusFactorToggle } from './FactorToggle';
import { tasksUi } from './tasksUi';
import { closeOnEscape } from '../../ui/closeOnEscape';
import './factors.css';

const TITLES: Record<FactorKind, string> = { empowerment: 'Empowerment factors', desirability: 'Desirability factors' };

/** The standard factors first (under the name the task stores them by, if it has them), then the task's own. */
export function factorList(task: Task, kind: FactorKind): { label: string; key: string; value: number | null }[] {
  const factors = factorsOf(task, kind);
  const used = new Set<string>();
  const standard = STANDARD_FACTORS[kind].map((label) => {
    const key = findFactorKey(factors, label);
    if (key !== undefined) used.add(key);
    return { label, key: key ?? label, value: key === undefined ? null : factors[key] };
  });
  const ownKeys = Object.keys(factors).filter((k) => !used.has(k));
  const labels = factorLabels(ownKeys, STANDARD_FACTORS[kind]);
  return [...standard, ...ownKeys.map((k, i) => ({ label: labels[i], key: k, value: factors[k] }))];
}

/** How the task's E (or D) follows from its factors, in words. */
export function derivation(task: Task, kind: FactorKind, scale: Scale): string {
  const letter = kind === 'empowerment' ? 'E' : 'D';
  const factors = factorsOf(task, kind);
  const n = Object.keys(factors).length;
  const overall = task[kind];
  const pts = (x: number) => fmtRating(toPoints(x, scale), scale);
  const mean = factorMean(factors);
  if (mean === null) return overall === null ? `${letter} is not rated yet: rate a factor and ${letter} becomes their mean.` : `${letter} = ${pts(overall)}, rated as a whole (no ${kind} factors rated).`;
  if (overall !== null && Math.abs(overall - mean) < 1e-9) return n === 1 ? `${letter} = ${pts(mean)}: the one ${kind} factor rated.` : `${letter} = ${pts(mean)}: mean of the ${countFactors(n, kind)} rated.`;
  if (overall === null) return `${letter} is not rated; the mean of the ${countFactors(n, kind)} rated would be ${pts(mean)}.`;
  return `${letter} = ${pts(overall)}, rated as a whole: it wins over the mean of the ${countFactors(n, kind)} rated (${pts(mean)}).`;
}

function FactorGroup({ task, kind, scale, onEnter }: { task: Task; kind: FactorKind; scale: Scale; onEnter: (input: HTMLInputElement, up: boolean) => void }) {
  const groupId = useId();
  const validate = (v: number) => ratingProblem(v, scale);
  return (
    <fieldset className="factors-group">
      <legend>{TITLES[kind]}</legend>
      <p className="factors-derivation" data-testid={`factor-derivation-${kind}`} aria-live="polite">
        {derivation(task, kind, scale)}
      </p>
      <ul className="factors-list">
        {factorList(task, kind).map((f, i) => (
          <li key={f.key} className={f.value === null ? undefined : 'rated'}>
            <span className="factors-name" title={`${f.label}: ${factorDirection(f.key, kind, scale)}`}>
              {f.label}
              {/* Which end is which, always in sight: a D factor named after a burden is rated backwards from its name. */}
              <small id={`${groupId}-${i}`} className="factors-direction" data-testid={`factor-direction-${kind}`}>{factorDirection(f.key, kind, scale)}</small>
            </span>
            <NumberInput
              value={f.value === null ? null : toPoints(f.value, scale)}
              label={`${f.label} of ${task.name}`}
              describedBy={`${groupId}-${i}`}
              testId={`factor-${kind}`}
              min={scale.min}
              max={scale.max}
              placeholder="–"
              decimals={ratingDecimals(scale)}
              validate={validate}
              messageAt="start"
              onCommit={(v) => actions.rateFactor(task.id, kind, f.key, normalize(v, scale))}
              onClear={() => actions.rateFactor(task.id, kind, f.key, null)}
              onEnter={onEnter}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function FactorEditor({ task, scale }: { task: Task; scale: Scale }) {
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const close = () => {
    tasksUi.set({ factorsTaskId: null });
    focusFactorToggle(task.id);
  };
  // Enter moves down the panel's fields, like the table's rating columns.
  const onEnter = (input: HTMLInputElement, up: boolean) => {
    const inputs = [...(panel.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    inputs[inputs.indexOf(input) + (up ? -1 : 1)]?.focus();
  };

  return (
    <aside
      ref={panel}
      id={FACTOR_PANEL_ID}
      className="factors side-panel card"
      data-testid="factor-editor"
      aria-labelledby={titleId}
      onKeyDown={closeOnEscape(close)}
    >
      <header className="factors-head">
        <div>
          <h3 id={titleId}>{task.name}</h3>
          <p className="factors-source">
            <SourceBadge source={task.source} reason={task.reason} />
            <span className="muted">{task.reason ?? SOURCE_HELP[task.source]}</span>
          </p>
        </div>
        <button type="button" className="factors-close" onClick={close} aria-label={`Close the factors of ${task.name}`} title="Close (Esc)">
          ×
        </button>
      </header>
      <p className="muted factors-help">
        Rate each factor from {scale.min} to {scale.max}; E and D become their equal-weight means. Empty a field to clear it.
      </p>
      {FACTOR_KINDS.map((kind) => (
        <FactorGroup key={kind} task={task} kind={kind} scale={scale} onEnter={onEnter} />
      ))}
    </aside>
  );
}
