// Choices about whole sheets in the wizard: the Units section (hours in one FTE, the unit of a matrix's cells), and reading a sheet that was not used.
import { useId, useState } from 'react';
import type { ExplicitMapping, SheetReport } from '../../engine/import/types';
import { withUnit } from './mapping';
import { NumberField } from './parts';

export function UnitChoice({ report, mapping, onRemap }: { report: SheetReport; mapping: ExplicitMapping; onRemap: (m: ExplicitMapping) => void }) {
  const unit = mapping.sheets[report.sheet]?.unit ?? (report.unit === 'percent' ? 'percent' : 'hours');
  const name = `wiz-unit-${report.sheet}`;
  return (
    <fieldset className="wiz-unit" data-testid={`wizard-unit-${report.sheet}`}>
      <legend>Grid cells of “{report.sheet}” are</legend>
      <label>
        <input type="radio" name={name} value="hours" checked={unit === 'hours'} onChange={() => onRemap(withUnit(mapping, report.sheet, 'hours'))} /> hours per week
      </label>
      <label>
        <input type="radio" name={name} value="percent" checked={unit === 'percent'} onChange={() => onRemap(withUnit(mapping, report.sheet, 'percent'))} /> % of each person’s time
      </label>
    </fieldset>
  );
}

/** An unused sheet: read it with a given header row. */
export function ReadSheet({ sheet, onRead }: { sheet: string; onRead: (headerRow: number) => void }) {
  const [row, setRow] = useState('1');
  const id = useId();
  const n = Number(row);
  const valid = Number.isInteger(n) && n >= 1 && n <= 1_000_000;
  return (
    <form
      className="wiz-read-sheet"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onRead(n);
      }}
    >
      <span className="wiz-read-sheet-name">“{sheet}”</span>
      <label htmlFor={id}>header row</label>
      <input id={id} type="number" min={1} value={row} onChange={(e) => setRow(e.target.value)} data-testid={`header-row-${sheet}`} />
      <button type="submit" disabled={!valid}>Read this sheet</button>
    </form>
  );
}

/** The Units section: hours in one FTE, and what each grid sheet's cells hold. */
export function UnitsSection({ hoursPerFte, matrices, mapping, onHours, onRemap }: {
  hoursPerFte: number;
  matrices: readonly SheetReport[];
  mapping: ExplicitMapping;
  onHours: (hours: number) => void;
  onRemap: (m: ExplicitMapping) => void;
}) {
  return (
    <section className="wiz-section" aria-labelledby="wiz-units">
      <div className="wiz-section-head">
        <h3 id="wiz-units">Units</h3>
      </div>
      <div className="wiz-units">
        <NumberField label="Hours in one FTE" value={hoursPerFte} min={1} max={168} step={0.5} unit="hours a week" testId="wizard-hours-per-fte" hint="Turns % of time and FTE into hours." onCommit={onHours} />
        {matrices.map((report) => (
          <UnitChoice key={report.sheet} report={report} mapping={mapping} onRemap={onRemap} />
        ))}
      </div>
    </section>
  );
}
