/**
 * A number input for table cells that commits on Enter or when it loses focus (Escape reverts),
 * checks the value first and shows what is wrong beside it (aria-invalid + aria-describedby).
 * An invalid value is never stored: Enter keeps it in the field, marked invalid, to be corrected;
 * leaving the field puts the stored value back and keeps the message as a "not saved" note.
 */
import { useEffect, useId, useRef, useState } from 'react';
import './table-NumberInput.css';

export interface NumberInputProps {
  value: number | null;
  /** Accessible name, e.g. "Hours on Filing". */
  label: string;
  /** Called with a valid changed value; return false to put the old value back (e.g. a declined confirm). */
  onCommit: (value: number) => boolean | void;
  /** An error message for a value that cannot be used, or null. */
  validate?: (value: number) => string | null;
  min?: number;
  max?: number;
  step?: number | 'any';
  testId?: string;
  className?: string;
  /** Shown as the placeholder when the value is null. */
  placeholder?: string;
  /** Digits kept when showing the value. */
  decimals?: number;
  /** After Enter committed (or nothing changed): e.g. move to the next row's input. */
  onEnter?: (input: HTMLInputElement, shiftKey: boolean) => void;
  /** Makes the value optional: emptying the field and leaving it calls this instead of asking for a number. */
  onClear?: () => void;
  /** Id of an element that describes the field (e.g. which end of the scale is which), read after its name. */
  describedBy?: string;
  /**
   * Where the message goes: 'start' in the flow before the field (table cells whose rows must stay
   * uncovered: the message wraps into the cell's free space), 'below' floating under it.
   */
  messageAt?: 'start' | 'below';
}

export function formatNumber(value: number | null, decimals = 2): string {
  if (value === null || !Number.isFinite(value)) return '';
  const f = 10 ** decimals;
  return String(Math.round(value * f) / f);
}

/** Reads what was typed: "7.5", "7,5", " 12 ". NaN when it is not a number. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return t === '' ? Number.NaN : Number(t);
}

export function NumberInput(props: NumberInputProps) {
  const { value, label, onCommit, validate, min, max, step = 'any', testId, className, placeholder, decimals = 2, onEnter, onClear, describedBy, messageAt = 'below' } = props;
  const shown = formatNumber(value, decimals);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // What was typed when the error was found: named in the announcement, and after leaving the field
  // (which puts the stored value back) the message is a note about it.
  const [rejected, setRejected] = useState('');
  const errorId = useId();
  // The value just committed, until the new value comes back as a prop: a blur right after Enter
  // (focus moving on) must not commit it a second time.
  const committed = useRef<number | null>(null);

  useEffect(() => {
    committed.current = null;
    setDraft(shown);
    setError(null);
  }, [shown]);

  const revert = () => {
    setDraft(shown);
    setError(null);
  };

  const refuse = (message: string) => {
    setError(message);
    setRejected(draft.trim());
  };

  const commit = (): boolean => {
    if (draft.trim() === shown) {
      setError(null);
      return true;
    }
    const n = parseNumber(draft);
    if (!Number.isFinite(n)) {
      if (draft.trim() === '' && value !== null && onClear) {
        setError(null);
        onClear();
        return true;
      }
      if (draft.trim() === '' && value === null) setError(null);
      else refuse('Enter a number');
      return false;
    }
    const problem = validate?.(n) ?? null;
    if (problem) {
      refuse(problem);
      return false;
    }
    setError(null);
    if ((value !== null && Math.abs(n - value) < 1e-9) || (committed.current !== null && Math.abs(n - committed.current) < 1e-9)) return true;
    if (onCommit(n) === false) {
      revert();
      return false;
    }
    committed.current = n;
    return true;
  };

  // Invalid while the refused text is still in the field; once it is put back, only the note remains.
  const invalid = error !== null && draft !== shown;
  const message = error && (
    <span className="table-input-error" role="alert">
      <span className="visually-hidden">{`${label}: ${rejected || 'the value'} ${invalid ? 'is not saved' : 'was not saved'}. `}</span>
      <span id={errorId}>{error}</span>
    </span>
  );

  return (
    <span className={`table-input message-${messageAt}${invalid ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      {messageAt === 'start' && message}
      <input
        type="number"
        inputMode="decimal"
        value={draft}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[describedBy, error ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        data-testid={testId}
        data-undo="app"
        onChange={(e) => {
          setDraft(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (commit()) onEnter?.(e.currentTarget, e.shiftKey);
          } else if (e.key === 'Escape') {
            if (draft !== shown || error) {
              e.preventDefault();
              e.stopPropagation();
              revert();
            }
          } else if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')) {
            // Never the browser's own undo: it puts back text the store no longer holds, and the blur
            // then commits it as a new (members') rating. Uncommitted typing is discarded, like Escape;
            // otherwise the key goes on to the app's undo/redo (the input is marked data-undo="app").
            e.preventDefault();
            if (draft !== shown || error) {
              e.stopPropagation();
              revert();
            }
          }
        }}
        onFocus={() => {
          if (error && !invalid) setError(null);
        }}
        onBlur={() => {
          // Leaving with a value that cannot be stored: the field shows the stored value again.
          if (!commit()) setDraft(shown);
        }}
        onWheel={(e) => e.currentTarget.blur()}
      />
      {messageAt === 'below' && message}
    </span>
  );
}
