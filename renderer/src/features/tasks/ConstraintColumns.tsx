/**
 * The Tasks table's constraint columns: "Chore" (a checkbox: a chore rotates over the quarter instead
 * of being split) and "Requires" (the qualifications a task requires; opens the qualifications
 * panel beside the table, where they and their holders are edited).
 * Test hooks: task-chore-toggle, task-requires-toggle (data-task-id).
 */
import type { Column } from '../../ui/table-SortableTable';
import { actions } from '../../state/workspace';
import { tasksUi, useTasksUi } from './tasksUi';
import './constraints.css';

export const QUALIFY_PANEL_ID = 'task-qualify-panel';

interface ConstraintRow {
  id: string;
  name: string;
  chore: boolean;
  requires: string[];
}

export const CHORE_HELP = 'A chore rotates over the quarter (one slot a week) instead of being split into slivers among people';

/** A checkbox: ticked, the task rotates as a chore. */
export function ChoreToggle({ row }: { row: ConstraintRow }) {
  return (
    <input
      type="checkbox"
      className="task-chore-toggle"
      data-testid="task-chore-toggle"
      data-task-id={row.id}
      checked={row.chore}
      aria-label={`Chore: ${row.name}`}
      title={row.chore ? `${row.name} rotates as a chore. Untick to divide it like other tasks.` : `${CHORE_HELP}. Tick to make ${row.name} a chore.`}
      onChange={(e) => actions.setChore(row.id, e.target.checked)}
    />
  );
}

/** Opening moves focus into the panel, which comes after the whole table in reading order. */
function toggle(id: string, open: boolean): void {
  tasksUi.set({ qualifyTaskId: open ? null : id, factorsTaskId: null });
  if (!open) requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`#${QUALIFY_PANEL_ID} input`)?.focus());
}

export function RequiresToggle({ row }: { row: ConstraintRow }) {
  const open = useTasksUi((s) => s.qualifyTaskId === row.id);
  const text = row.requires.length ? row.requires.join(', ') : 'anyone';
  return (
    <button
      type="button"
      className={`task-requires-toggle${row.requires.length ? '' : ' none'}`}
      data-testid="task-requires-toggle"
      data-task-id={row.id}
      aria-expanded={open}
      aria-controls={open ? QUALIFY_PANEL_ID : undefined}
      // The visible text starts the name (label in name), then what the button is for.
      aria-label={`${text}: who may do ${row.name}`}
      title={open ? 'Close the qualifications' : row.requires.length ? `Requires ${text}: only people holding it are given new hours on ${row.name}. Edit who holds it.` : `Anyone may be given hours on ${row.name}. Click to require a qualification.`}
      onClick={() => toggle(row.id, open)}
    >
      <span aria-hidden="true" className="task-factors-caret">{open ? '▾' : '▸'}</span>
      <span className="task-requires-text">{text}</span>
    </button>
  );
}

export function constraintColumns<T extends ConstraintRow>(): Column<T>[] {
  return [
    {
      key: 'chore', label: 'Chore', title: CHORE_HELP, width: '5.5rem', className: 'table-cell-input task-chore-cell',
      sortValue: (r) => (r.chore ? 1 : 0), render: (r) => <ChoreToggle row={r} />,
    },
    {
      key: 'requires', label: 'Requires', title: 'Qualifications a person must hold to be given new hours on the task', width: '7.5rem', className: 'table-cell-input',
      sortValue: (r) => (r.requires.length ? r.requires.join(', ') : null), render: (r) => <RequiresToggle row={r} />,
    },
  ];
}

/** Puts focus back on a task's Requires button after its panel closes (when the row is still rendered). */
export function focusRequiresToggle(taskId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="task-requires-toggle"][data-task-id="${taskId.replace(/["\\]/g, '\\$&')}"]`)?.focus());
}
