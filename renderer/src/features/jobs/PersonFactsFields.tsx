/**
 * A person's Role and Department in their bundle editor, editable: text fields offering the
 * organization's existing names, saved on Enter or on leaving the field (undoable, and the audit's
 * role and department figures recompute), Escape reverts the typing. A name that cannot be stored
 * (empty, too long) stays in the field marked invalid and unsaved, with the message below it.
 * Ctrl/Cmd+Z in a field is the app's undo, as in the number cells.
 * Test hooks: person-role, person-department, person-fact-error.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { actions, useWorkspace } from '../../state/workspace';
import { factError, type PersonFacts } from '../../state/edits';
import { departmentsOf, rolesOf, type PersonRow } from './rows';

type Kind = keyof PersonFacts;

const LABEL: Record<Kind, string> = { role: 'Role', department: 'Department' };

function FactField({ kind, person, options }: { kind: Kind; person: PersonRow; options: string[] }) {
  const stored = person[kind] ?? '';
  const [text, setText] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const errorId = useId();
  // Undo, redo or a re-import changes the stored name: show it (any typing is superseded).
  useEffect(() => {
    setText(stored);
    setError(null);
  }, [stored]);

  const unchanged = (value: string) => value.replace(/\s+/g, ' ').trim() === stored;
  const save = () => {
    // A person without a role keeps none when the field is left empty: that is no edit.
    if (unchanged(text) || (stored === '' && text.trim() === '')) {
      setText(stored);
      setError(null);
      return;
    }
    const problem = factError(kind, text);
    setError(problem);
    if (problem === null) actions.editPerson(person.id, { [kind]: text });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && (!unchanged(text) || error !== null)) {
      // Reverting is this key's whole job: the panel stays open (closeOnEscape skips handled keys).
      e.preventDefault();
      setText(stored);
      setError(null);
    } else if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')) {
      // As in number cells: never the browser's text undo (it would put back a name the store no
      // longer holds, and leaving the field would save it as a new edit). Unsaved typing is
      // discarded; otherwise the key goes on to the app's undo/redo (data-undo="app").
      e.preventDefault();
      if (!unchanged(text) || error !== null) {
        e.stopPropagation();
        setText(stored);
        setError(null);
      }
    }
  };

  return (
    <label className={`person-fact${error ? ' invalid' : ''}`}>
      <span>{LABEL[kind]}</span>
      <input
        type="text"
        list={listId}
        value={text}
        // Only for a person without one: an emptied field is an edit to refuse, not "no role".
        placeholder={stored === '' ? `No ${kind}` : undefined}
        autoComplete="off"
        maxLength={500}
        aria-label={`${LABEL[kind]} of ${person.name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={`person-${kind}`}
        data-undo="app"
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={save}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {error && (
        <span className="person-fact-error" id={errorId} role="alert" data-testid="person-fact-error">
          {`${LABEL[kind]} of ${person.name}: ${error}; not saved (Esc puts back “${stored || `no ${kind}`}”)`}
        </span>
      )}
    </label>
  );
}

export function PersonFactsFields({ person }: { person: PersonRow }) {
  const org = useWorkspace((s) => s.project?.organization);
  const roles = useMemo(() => (org ? rolesOf(org) : []), [org]);
  const departments = useMemo(() => (org ? departmentsOf(org) : []), [org]);
  return (
    <div className="person-facts" role="group" aria-label={`${person.name}’s role and department (Enter saves, Esc reverts)`}>
      <FactField kind="role" person={person} options={roles} />
      <FactField kind="department" person={person} options={departments} />
    </div>
  );
}
