/**
 * The "Factors" disclosure button of a task row, which opens the factor panel beside the table
 * (outside it, so the windowed table can drop the row while the panel stays open).
 * Test hook: task-factors-toggle (data-task-id).
 */
import type { Column } from '../../ui/table-SortableTable';
import { tasksUi, useTasksUi } from './tasksUi';
import './factors.css';

export const FACTOR_PANEL_ID = 'task-factor-panel';

interface FactorRow {
  id: string;
  name: string;
  /** Factors rated, empowerment and desirability together. */
  factors: number;
}

/** Opening moves focus into the panel: it comes after the whole table in reading order. */
function toggle(id: string, open: boolean): void {
  tasksUi.set({ factorsTaskId: open ? null : id, qualifyTaskId: null });
  if (!open) requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`#${FACTOR_PANEL_ID} input`)?.focus());
}

export function FactorToggle({ row }: { row: FactorRow }) {
  const open = useTasksUi((s) => s.factorsTaskId === row.id);
  return (
    <button
      type="button"
      className={`task-factors-toggle${row.factors ? '' : ' unrated'}`}
      data-testid="task-factors-toggle"
      data-task-id={row.id}
      aria-expanded={open}
      aria-controls={open ? FACTOR_PANEL_ID : undefined}
      // The visible "Factors 3" starts the name (WCAG 2.5.3, label in name); the commas are pauses.
      aria-label={row.factors ? `Factors, ${row.factors} rated, for ${row.name}` : `Factors for ${row.name}`}
      title={open ? 'Close the factor ratings' : 'Rate the task factor by factor'}
      onClick={() => toggle(row.id, open)}
    >
      <span aria-hidden="true" className="task-factors-caret">{open ? '▾' : '▸'}</span>
      {/* Spaces between the words, so "Factors 3" reads as two words (label in name). */}
      {'Factors '}
      {row.factors > 0 && <span className="task-factors-count">{row.factors}</span>}
    </button>
  );
}

export function factorsColumn<T extends FactorRow>(): Column<T> {
  return {
    key: 'factors',
    label: 'Factors',
    title: 'Rate a task factor by factor (decision authority, repetition…); its E and D become the means',
    width: '7rem',
    sortValue: (r) => r.factors,
    numeric: true,
    className: 'table-cell-input',
    render: (r) => <FactorToggle row={r} />,
  };
}

/** Puts focus back on a task's toggle after its panel closes (when the row is still rendered). */
export function focusFactorToggle(taskId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="task-factors-toggle"][data-task-id="${taskId.replace(/["\\]/g, '\\$&')}"]`)?.focus());
}
