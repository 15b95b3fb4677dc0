/**
 * One person's task bundle: their role and department (editable, PersonFactsFields), each task with
 * its weekly hours (editable; 0 removes it after a confirmation), its ratings and their source, a
 * lock (a proposal keeps a locked assignment), a remove button, and a form to add a task.
 * Every change goes through the workspace store (undoable) and re-scores everything.
 * Test hooks: bundle-editor, bundle-title, bundle-suggested, bundle-task-<task name>, bundle-hours, bundle-lock, add-task-name,
 * add-task-hours, add-task-submit.
 */
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { actions, useWorkspace } from '../../state/workspace';
import { toPoints } from '../../engine/rating/scale';
import { NumberInput, parseNumber } from '../../ui/table-NumberInput';
import { fmtHours, fmtPct, fmtScore, fmtSigned } from '../../ui/figure-format';
import { SourceBadge } from '../tasks/SourceBadge';
import type { PersonRow } from './rows';
import { closeOnEscape } from '../../ui/closeOnEscape';
import { PersonFactsFields } from './PersonFactsFields';
import { LockToggle } from './LockToggle';

const MAX_SUGGESTIONS = 200;

function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

export function BundleEditor({ person, onClose }: { person: PersonRow; onClose: () => void }) {
  const project = useWorkspace((s) => s.project);
  const mean = useWorkspace((s) => s.report?.metrics.empowerment.mean ?? null);
  const org = project?.organization;
  const titleId = useId();
  const listId = useId();
  const errorId = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const [taskName, setTaskName] = useState('');
  const [hoursText, setHoursText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const tasksById = useMemo(() => new Map((org?.tasks ?? []).map((t) => [t.id, t])), [org?.tasks]);
  const items = useMemo(
    () =>
      (org?.assignments ?? [])
        .filter((a) => a.personId === person.id)
        .flatMap((a) => {
          const task = tasksById.get(a.taskId);
          return task ? [{ assignment: a, task }] : [];
        }),
    [org?.assignments, person.id, tasksById],
  );
  const ownIds = useMemo(() => new Set(items.map((i) => i.task.id)), [items]);
  const typed = normalizeName(taskName).toLowerCase();
  const suggestions = useMemo(() => {
    const out: string[] = [];
    for (const t of org?.tasks ?? []) {
      if (out.length >= MAX_SUGGESTIONS) break;
      if (!ownIds.has(t.id) && (!typed || t.name.toLowerCase().includes(typed))) out.push(t.name);
    }
    return out;
  }, [org?.tasks, ownIds, typed]);

  if (!org) return null;
  const scale = org.scale;
  const total = items.reduce((a, i) => a + i.assignment.hours, 0);
  const existing = typed ? items.find((i) => i.task.id === typed || i.task.name.toLowerCase() === typed) : undefined;
  const knownTask = typed ? org.tasks.find((t) => t.id === typed || t.name.toLowerCase() === typed) : undefined;

  const close = () => {
    onClose();
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="jobs-table"] tr[aria-selected="true"], [data-testid="jobs-table"] tr[tabindex="0"]')?.focus());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = normalizeName(taskName);
    const hours = parseNumber(hoursText);
    if (!name) return setError('Enter the name of a task');
    if (!Number.isFinite(hours) || hours <= 0) return setError('Enter the weekly hours: a number more than 0');
    if (hours > 168) return setError('A week has 168 hours');
    setError(null);
    actions.addTask(person.id, name, hours);
    setTaskName('');
    setHoursText('');
    nameInput.current?.focus();
  };

  return (
    <aside
      className="bundle side-panel card"
      data-testid="bundle-editor"
      aria-labelledby={titleId}
      onKeyDown={closeOnEscape(close)}
    >
      <header className="bundle-head">
        <div>
          <h3 id={titleId} data-testid="bundle-title">{person.name}</h3>
        </div>
        <button type="button" className="bundle-close" onClick={close} aria-label={`Close ${person.name}’s job`} title="Close (Esc)">
          ×
        </button>
      </header>
      <PersonFactsFields person={person} />

      <dl className="bundle-summary">
        <div>
          <dt>Hours a week</dt>
          <dd data-testid="bundle-total-hours">{fmtHours(total)}</dd>
        </div>
        <div>
          <dt>Empowerment</dt>
          <dd className="figure-stale-dim" data-testid="bundle-e">
            {fmtScore(person.empowerment)}
            {person.empowerment !== null && mean !== null && <span className="muted bundle-gap"> {fmtSigned(person.empowerment - mean)} vs avg</span>}
          </dd>
        </div>
        <div>
          <dt>Desirability</dt>
          <dd className="figure-stale-dim" data-testid="bundle-d">{fmtScore(person.desirability)}</dd>
        </div>
      </dl>
      {person.suggestedShare > 0 && (
        <p className="bundle-suggested figure-stale-dim" data-testid="bundle-suggested">
          <strong>{fmtPct(person.suggestedShare)} of these hours</strong> are on tasks rated only by suggestion: that much of this job’s scores rests on a keyword library, not on the members’ ratings.
        </p>
      )}

      <div className="bundle-tasks">
        <table aria-label={`Tasks of ${person.name}`}>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col" className="num">Hours</th>
              <th scope="col" className="num" title={`Empowerment of the task (${scale.min}–${scale.max})`}>E</th>
              <th scope="col" className="num" title={`Desirability of the task (${scale.min}–${scale.max})`}>D</th>
              <th scope="col">Source</th>
              <th scope="col" title="Locked: a proposal keeps the assignment as it is"><span className="visually-hidden">Lock</span></th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={7} className="muted bundle-empty">
                  No tasks yet. Add one below.
                </td>
              </tr>
            )}
            {items.map(({ assignment, task }) => (
              <tr key={task.id} data-testid={`bundle-task-${task.name}`}>
                <th scope="row" className="bundle-task-name" title={task.name}>
                  {task.name}
                </th>
                <td className="num bundle-hours-cell">
                  <NumberInput
                    value={assignment.hours}
                    label={`Hours on ${task.name}`}
                    testId="bundle-hours"
                    min={0}
                    max={168}
                    decimals={2}
                    messageAt="start"
                    // Short enough to sit beside the field in its cell (below it, it covered the next task's row).
                    validate={(v) => (v < 0 || v > 168 ? 'Not saved: use\u00a00–\u2060168\u00a0h' : null)}
                    onCommit={(v) => {
                      if (v === 0 && !window.confirm(`Remove “${task.name}” from ${person.name}’s job?`)) return false;
                      actions.setHours(person.id, task.id, v);
                    }}
                  />
                </td>
                <td className="num" data-testid="bundle-task-e">{fmtScore(task.empowerment === null ? null : toPoints(task.empowerment, scale))}</td>
                <td className="num" data-testid="bundle-task-d">{fmtScore(task.desirability === null ? null : toPoints(task.desirability, scale))}</td>
                <td>
                  <SourceBadge source={task.source} reason={task.reason} />
                </td>
                <td className="bundle-lock-cell">
                  <LockToggle locked={assignment.locked} taskName={task.name} personName={person.name} onChange={(locked) => actions.setLocked(person.id, task.id, locked)} />
                </td>
                <td className="bundle-remove-cell">
                  <button type="button" className="bundle-remove" aria-label={`Remove ${task.name}`} title={`Remove ${task.name} from this job`} onClick={() => actions.setHours(person.id, task.id, 0)}>
                    <span aria-hidden="true">×</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form className="bundle-add" onSubmit={submit} aria-label={`Add a task to ${person.name}’s job`} noValidate>
        <h4>Add a task</h4>
        <div className="bundle-add-fields">
          <label className="bundle-add-name">
            <span>Task</span>
            <input
              ref={nameInput}
              type="text"
              list={listId}
              value={taskName}
              placeholder="An existing task or a new one"
              autoComplete="off"
              data-testid="add-task-name"
              aria-invalid={error?.includes('name') ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => {
                setTaskName(e.target.value);
                setError(null);
              }}
            />
          </label>
          <datalist id={listId}>
            {suggestions.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <label className="bundle-add-hours">
            <span>Hours a week</span>
            <input
              type="number"
              inputMode="decimal"
              min={0}
              max={168}
              step="any"
              value={hoursText}
              data-testid="add-task-hours"
              aria-invalid={error?.includes('hours') ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => {
                setHoursText(e.target.value);
                setError(null);
              }}
            />
          </label>
          <button type="submit" className="primary" data-testid="add-task-submit">
            Add task
          </button>
        </div>
        {error ? (
          <p className="bundle-add-error" id={errorId} role="alert">
            {error}
          </p>
        ) : existing ? (
          <p className="muted bundle-add-note">Already in this job ({fmtHours(existing.assignment.hours)} h): adding sets its hours to the new figure.</p>
        ) : typed && !knownTask ? (
          <p className="muted bundle-add-note">A new task: it starts unrated — rate it in Tasks &amp; ratings.</p>
        ) : null}
      </form>
    </aside>
  );
}
