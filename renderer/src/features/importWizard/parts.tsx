// Small pieces the wizard's sections share: a confidence badge and a number field that commits on Enter or blur.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { CONFIDENCE_WORDS, confidenceLevel, percent } from './labels';

export function Confidence({ value, testId }: { value: number; testId?: string }) {
  const level = confidenceLevel(value);
  return (
    <span className={`wiz-conf wiz-conf-${level}`} data-testid={testId} title={`Confidence ${percent(value)}: ${CONFIDENCE_WORDS[level]}`}>
      <span className="wiz-conf-dot" aria-hidden="true" />
      {percent(value)}
      {level !== 'high' && <span className="wiz-conf-word"> · {CONFIDENCE_WORDS[level]}</span>}
    </span>
  );
}

export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Called with a valid, changed value when the field is left or Enter is pressed. */
  onCommit: (value: number) => void;
  testId?: string;
  hint?: string;
  /** Shown after the input, e.g. "hours". */
  unit?: string;
  hideLabel?: boolean;
  className?: string;
}

export function NumberField({ label, value, min, max, step = 1, onCommit, testId, hint, unit, hideLabel, className }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parsed = Number(text.replace(',', '.'));
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed >= min && parsed <= max;
  const commit = () => {
    if (valid && parsed !== value) onCommit(parsed);
    else if (!valid) setText(String(value));
  };
  return (
    <span className={`wiz-number ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={!valid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      {unit && <span className="muted">{unit}</span>}
      {hint && <span id={`${id}-hint`} className="wiz-hint">{!valid ? `Enter a number from ${min} to ${max}. ` : ''}{hint}</span>}
    </span>
  );
}

/** Gives focus back to `trigger` when a small inline form it opened closes. */
export function useReturnFocus(open: boolean): RefObject<HTMLButtonElement | null> {
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return trigger;
}
