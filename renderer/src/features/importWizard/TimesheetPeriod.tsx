// The period time entries are averaged over: two date inputs that re-read the file when left or on Enter, and a reset to the whole weeks found.
import { useEffect, useId, useState } from 'react';
import type { TimesheetReport } from '../../engine/import/types';
import { periodError, periodLine } from './timesheetText';

export interface PeriodChoiceProps {
  period: TimesheetReport['period'];
  found: TimesheetReport['found'];
  /** A valid period the user typed, or null for the whole weeks found. */
  onPeriod: (period: { start: string; end: string } | null) => void;
}

export function PeriodChoice({ period, found, onPeriod }: PeriodChoiceProps) {
  const id = useId();
  const [start, setStart] = useState(period.start);
  const [end, setEnd] = useState(period.end);
  // A re-read (or a reset) brings the period the engine used.
  useEffect(() => {
    setStart(period.start);
    setEnd(period.end);
  }, [period.start, period.end]);
  const error = periodError(start, end);
  // Committed when a field is left or Enter is pressed, not per keystroke: typing a year passes
  // through years like 0002, each a valid date that would re-read the file.
  const commit = () => {
    if (error || (start === period.start && end === period.end)) return;
    onPeriod({ start, end });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    }
  };
  const isFound = start === found.start && end === found.end;
  return (
    <fieldset className="wiz-ts-period" data-testid="timesheet-period">
      <legend>Period used</legend>
      <div className="wiz-ts-period-inputs">
        <span className="wiz-ts-date">
          <label htmlFor={`${id}-start`}>From</label>
          <input
            id={`${id}-start`}
            type="date"
            value={start}
            required
            aria-invalid={error?.field === 'start' || undefined}
            aria-describedby={`${id}-used${error ? ` ${id}-error` : ''}`}
            data-testid="timesheet-start"
            onChange={(e) => setStart(e.target.value)}
            onBlur={commit}
            onKeyDown={onKeyDown}
          />
        </span>
        <span className="wiz-ts-date">
          <label htmlFor={`${id}-end`}>to</label>
          <input
            id={`${id}-end`}
            type="date"
            value={end}
            required
            aria-invalid={error?.field === 'end' || undefined}
            aria-describedby={`${id}-used${error ? ` ${id}-error` : ''}`}
            data-testid="timesheet-end"
            onChange={(e) => setEnd(e.target.value)}
            onBlur={commit}
            onKeyDown={onKeyDown}
          />
        </span>
        <button
          type="button"
          onClick={() => {
            // Typed dates not yet applied go back too; the file is re-read only when a period was in use.
            setStart(found.start);
            setEnd(found.end);
            if (period.chosen) onPeriod(null);
          }}
          disabled={!period.chosen && isFound} data-testid="timesheet-reset">
          Whole weeks found
        </button>
      </div>
      <p className="wiz-hint" id={`${id}-used`} data-testid="timesheet-period-used">
        {period.chosen ? 'Your period' : 'The whole weeks the entries span'}: {periodLine(period)}. Both days are included; a changed date applies when you leave the field or press Enter.
      </p>
      {error && (
        <p className="wiz-error-text" id={`${id}-error`} role="alert" data-testid="timesheet-period-error">
          {error.message} The period still used is {period.start} to {period.end}.
        </p>
      )}
    </fieldset>
  );
}
