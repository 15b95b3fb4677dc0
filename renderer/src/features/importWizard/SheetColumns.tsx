// One used sheet in the wizard: its role, header row and the table of column → field, each re-assignable.
import { useId, useState } from 'react';
import type { ExplicitMapping, FieldName, SheetReport, SheetRole } from '../../engine/import/types';
import type { ImportIssue } from '../../engine/model/types';
import { FIELD_NAMES, fieldLabel, ROLE_LABELS } from './labels';
import { columnIndex, headerKey, mappingRows, withColumn, withHeaderRow, type SeenColumn } from './mapping';
import { Confidence, NumberField, useReturnFocus } from './parts';
import { closeOnEscape } from '../../ui/closeOnEscape';

export interface SheetColumnsProps {
  report: SheetReport;
  mapping: ExplicitMapping;
  issues: readonly ImportIssue[];
  /** What the importer first made of each column in this wizard (key: headerKey). */
  seen: ReadonlyMap<string, SeenColumn>;
  onRemap: (mapping: ExplicitMapping) => void;
}

function FieldSelect({ value, label, testId, onChange, id, role }: { value: FieldName; label?: string; testId?: string; onChange: (f: FieldName) => void; id?: string; role: SheetRole }) {
  return (
    <select id={id} value={value} aria-label={label} data-testid={testId} onChange={(e) => onChange(e.target.value as FieldName)}>
      {FIELD_NAMES.map((f) => (
        <option key={f} value={f}>{fieldLabel(f, role)}</option>
      ))}
    </select>
  );
}

/** For a column the importer did not report (a header it did not know): pick its letter and field. */
function AddColumn({ report, mapping, onRemap, taken }: { report: SheetReport; mapping: ExplicitMapping; onRemap: (m: ExplicitMapping) => void; taken: Set<string> }) {
  const [open, setOpen] = useState(false);
  const [letter, setLetter] = useState('');
  const [field, setField] = useState<FieldName>('person');
  const id = useId();
  const upper = letter.trim().toUpperCase();
  const valid = columnIndex(upper) >= 0 && !taken.has(upper);
  const trigger = useReturnFocus(open);
  if (!open) {
    return (
      <button ref={trigger} type="button" className="wiz-link" onClick={() => setOpen(true)}>
        Read another column of “{report.sheet}”…
      </button>
    );
  }
  return (
    <form
      className="wiz-add-column"
      aria-label={`Read another column of ${report.sheet}`}
      onKeyDown={closeOnEscape(() => setOpen(false))}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        onRemap(withColumn(mapping, report, upper, field));
        setOpen(false);
        setLetter('');
      }}
    >
      <label htmlFor={`${id}-letter`}>Column</label>
      <input id={`${id}-letter`} value={letter} onChange={(e) => setLetter(e.target.value)} size={3} maxLength={3} placeholder="G" autoFocus aria-invalid={(letter !== '' && !valid) || undefined} />
      <label htmlFor={`${id}-field`}>read as</label>
      <FieldSelect id={`${id}-field`} value={field} onChange={setField} role={report.role} />
      <button type="submit" disabled={!valid}>Apply</button>
      <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      {letter !== '' && !valid && <span className="wiz-hint">{taken.has(upper) ? `Column ${upper} is already in the table.` : 'Enter a column letter, e.g. G.'}</span>}
    </form>
  );
}

export function SheetColumns({ report, mapping, issues, seen, onRemap }: SheetColumnsProps) {
  const headingId = useId();
  const own = mapping.sheets[report.sheet];
  const rows = mappingRows(report, own, issues, seen);
  const unit = report.unit === 'percent' ? '% of time' : report.unit === 'fte' ? 'FTE' : null;
  return (
    <section className="wiz-sheet" aria-labelledby={headingId} data-testid={`wizard-sheet-${report.sheet}`}>
      <div className="wiz-sheet-head">
        <h4 id={headingId}>
          <span className="muted">Sheet</span> {report.sheet}
        </h4>
        {report.role !== 'ignored' && <Confidence value={report.confidence} />}
      </div>
      <div className="wiz-sheet-meta">
        <p>
          <span className="wiz-role">{ROLE_LABELS[report.role]}</span>
          <span className="muted"> · {report.dataRows.toLocaleString('en-US')} data rows{unit ? ` · cells in ${unit}` : ''}</span>
        </p>
        <NumberField
          className="wiz-header-row"
          label="Header row"
          value={report.headerRow ?? 1}
          min={1}
          max={1_000_000}
          testId={`header-row-${report.sheet}`}
          onCommit={(row) => onRemap(withHeaderRow(mapping, report.sheet, row))}
        />
      </div>
      {rows.length === 0 ? (
        <p className="muted">No columns were recognized under this header row.</p>
      ) : (
        <div className="wiz-scroll-x">
        <table className="wiz-table wiz-columns">
          <caption className="visually-hidden">Columns of sheet {report.sheet}</caption>
          <thead>
            <tr>
              <th scope="col" className="wiz-col-letter">Column</th>
              <th scope="col">Header</th>
              <th scope="col">Read as</th>
              <th scope="col" className="num">Confidence</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const header = row.header || '(no header)';
              const skipped = row.field === 'skip';
              const first = seen.get(headerKey(report.sheet, report.headerRow, row.column));
              const chosen = own?.columns?.[row.column] !== undefined && (!first || first.field !== row.field);
              return (
                <tr key={row.column} className={skipped ? 'wiz-skipped' : row.confidence < 0.6 ? 'wiz-unsure' : undefined}>
                  <td className="wiz-col-letter">{row.column}</td>
                  <td className="wiz-header" title={header}>{header}</td>
                  <td>
                    <FieldSelect
                      value={row.field}
                      role={report.role}
                      label={`Field for column ${row.column} (${header})`}
                      testId={`mapping-${report.sheet}-${row.column}`}
                      onChange={(field) => onRemap(withColumn(mapping, report, row.column, field))}
                    />
                  </td>
                  <td className="num">
                    {chosen ? <span className="wiz-chosen">your choice</span> : row.origin === 'unrecognized' ? <span className="muted">not recognized</span> : <Confidence value={first?.confidence ?? row.confidence} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      <AddColumn report={report} mapping={mapping} onRemap={onRemap} taken={new Set(rows.map((r) => r.column))} />
    </section>
  );
}
