/**
 * The wizard's Time entries section, shown when the file held dated time entries: what was found,
 * the period the entries are averaged over (changeable), what is left out, time off counted or not,
 * the date order when the file does not settle it, where tasks came from, and each person's weeks.
 * Every choice re-reads the file; the period is this file's, the other choices go with the mapping.
 */
import { useId } from 'react';
import type { ExplicitMapping, TimesheetReport } from '../../engine/import/types';
import { withTimesheet } from './mapping';
import { TimesheetPeople } from './TimesheetPeople';
import { PeriodChoice } from './TimesheetPeriod';
import { nonWorkText, outsideText, summaryLine, taskFromText } from './timesheetText';

export interface TimesheetSectionProps {
  report: TimesheetReport;
  mapping: ExplicitMapping;
  onRemap: (mapping: ExplicitMapping) => void;
  /** A period typed by the user, or null for the whole weeks the entries span. */
  onPeriod: (period: { start: string; end: string } | null) => void;
}

function DateOrder({ mapping, report, onRemap }: { mapping: ExplicitMapping; report: TimesheetReport; onRemap: (m: ExplicitMapping) => void }) {
  const id = useId();
  const order = mapping.timesheet?.dateOrder ?? (report.dateOrder.order === 'dmy' ? 'dmy' : 'mdy');
  const choose = (dateOrder: 'mdy' | 'dmy') => onRemap(withTimesheet(mapping, { dateOrder }));
  return (
    <fieldset className="wiz-unit wiz-ts-order" data-testid="timesheet-date-order" aria-describedby={`${id}-why`}>
      <legend>Dates like 03/04/2026 are</legend>
      <label>
        <input type="radio" name={`${id}-order`} value="mdy" checked={order === 'mdy'} onChange={() => choose('mdy')} /> month/day (March 4)
      </label>
      <label>
        <input type="radio" name={`${id}-order`} value="dmy" checked={order === 'dmy'} onChange={() => choose('dmy')} /> day/month (3 April)
      </label>
      <p className="wiz-hint" id={`${id}-why`}>
        No date in the file has a day above 12, so it does not say which comes first; {order === 'mdy' ? 'month/day' : 'day/month'} is used.
      </p>
    </fieldset>
  );
}

export function TimesheetSection({ report, mapping, onRemap, onPeriod }: TimesheetSectionProps) {
  const id = useId();
  const outside = outsideText(report.outside);
  const taskFrom = taskFromText(report.taskFrom);
  const included = mapping.timesheet?.includeNonWork ?? report.nonWork.included;
  return (
    <section className="wiz-section" aria-labelledby="wiz-timesheet" data-testid="wizard-timesheet">
      <div className="wiz-section-head">
        <h3 id="wiz-timesheet">Time entries</h3>
        <p className="muted">Each person’s hours on a task are summed over the period and divided by its weeks.</p>
      </div>
      <p className="wiz-ts-summary" data-testid="timesheet-summary">{summaryLine(report)}</p>
      <PeriodChoice period={report.period} found={report.found} onPeriod={onPeriod} />
      {outside && <p className="wiz-ts-note" data-testid="timesheet-outside">{outside}</p>}
      <div className="wiz-ts-nonwork">
        <label>
          <input
            type="checkbox"
            checked={included}
            aria-describedby={`${id}-nonwork`}
            data-testid="timesheet-nonwork"
            onChange={(e) => onRemap(withTimesheet(mapping, { includeNonWork: e.target.checked }))}
          />{' '}
          Count time off, holidays and sick leave as work
        </label>
        <p className="wiz-hint" id={`${id}-nonwork`} data-testid="timesheet-nonwork-found">{nonWorkText(report.nonWork)}</p>
      </div>
      {report.dateOrder.assumed && <DateOrder mapping={mapping} report={report} onRemap={onRemap} />}
      {taskFrom && <p className="wiz-ts-note" data-testid="timesheet-task-from">{taskFrom}</p>}
      <TimesheetPeople people={report.people} />
    </section>
  );
}
