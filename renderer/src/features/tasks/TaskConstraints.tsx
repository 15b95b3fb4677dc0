/**
 * The qualifications panel of one task, beside the Tasks table: what the task requires (a short
 * typed list, e.g. "finance") and, for each required qualification, who holds it. A proposal gives
 * new hours on the task only to people holding every qualification it requires; the people who do
 * it now keep theirs. Edits go through the store (undoable) and are saved in the project.
 * Test hooks: qualify-editor, qualify-requires, qualify-requires-save, qualify-error.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Organization, Task } from '../../engine/model/types';
import { cleanQualification, parseQualifications } from '../../state/edits';
import { actions, useWorkspace } from '../../state/workspace';
import { closeOnEscape } from '../../ui/closeOnEscape';
import { QualificationHolders } from './QualificationHolders';
import { focusRequiresToggle, QUALIFY_PANEL_ID } from './ConstraintColumns';
import { tasksUi } from './tasksUi';
import './factors.css';
import './constraints.css';

/** The problem with a typed list of qualifications, or null when every one can be stored. */
export function requiresError(text: string): string | null {
  try {
    parseQualifications(text).forEach(cleanQualification);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

function RequiresForm({ task }: { task: Task }) {
  const current = task.requires.join(', ');
  const [text, setText] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const helpId = useId();
  const errorId = useId();
  const unchanged = parseQualifications(text).join(', ') === current;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = requiresError(text);
    if (problem) return setError(problem);
    actions.setRequires(task.id, parseQualifications(text));
  };
  return (
    <form className="qualify-requires" onSubmit={submit} noValidate aria-label={`What ${task.name} requires`}>
      <label htmlFor={`${helpId}-input`}>Requires</label>
      <div className="qualify-requires-fields">
        <input
          id={`${helpId}-input`}
          type="text"
          value={text}
          placeholder="Nothing: anyone may do it"
          autoComplete="off"
          data-testid="qualify-requires"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${helpId}` : helpId}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="primary" data-testid="qualify-requires-save" disabled={unchanged}>
          Save
        </button>
      </div>
      {error && (
        <p className="qualify-error" id={errorId} role="alert" data-testid="qualify-error">
          {error}
        </p>
      )}
      <p className="muted qualify-note" id={helpId}>
        Qualifications separated by commas, e.g. “finance” or “driving licence, first aid”. A proposal gives new hours on this task only to people who hold every one; the people who do it now keep theirs.
      </p>
    </form>
  );
}

export function TaskConstraints({ org, task }: { org: Organization; task: Task }) {
  const titleId = useId();
  // People's names as Jobs shows them: the report's (pseudonyms when the switch is on), matched by position.
  const people = useWorkspace((s) => s.report?.people);
  const names = useMemo(() => (people && people.length === org.people.length ? people.map((p) => p.name) : undefined), [people, org.people.length]);
  const close = () => {
    tasksUi.set({ qualifyTaskId: null });
    focusRequiresToggle(task.id);
  };
  return (
    <aside id={QUALIFY_PANEL_ID} className="factors side-panel card qualify" data-testid="qualify-editor" aria-labelledby={titleId} onKeyDown={closeOnEscape(close)}>
      <header className="factors-head">
        <div>
          <h3 id={titleId}>{task.name}</h3>
          <p className="muted factors-help">Who may be given new hours on this task in a proposal.</p>
        </div>
        <button type="button" className="factors-close" onClick={close} aria-label={`Close the qualifications of ${task.name}`} title="Close (Esc)">
          ×
        </button>
      </header>
      {/* Keyed by the saved list, so an undo or a save shows the list as it now is. */}
      <RequiresForm key={task.requires.join('\n')} task={task} />
      {task.requires.map((q) => (
        <QualificationHolders key={q} org={org} task={task} qualification={q} names={names} />
      ))}
    </aside>
  );
}
