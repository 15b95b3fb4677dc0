// Saved column mappings in the wizard: the offer of one that fits this file, "Save this mapping as…" and "Manage saved mappings".
import { useEffect, useId, useRef, useState } from 'react';
import type { SavedColumnMapping } from '../../../../electron/ipc/contract';
import type { ExplicitMapping, LayoutReport } from '../../engine/import/types';
import { deleteMapping, saveMapping } from './actions';
import { useReturnFocus } from './parts';
import { describeMissing, matchingSaved, type FileSheet } from './savedMatch';
import { closeOnEscape } from '../../ui/closeOnEscape';

type Saved = Record<string, SavedColumnMapping>;

export function SavedMappingOffer({ saved, layout, mapping, files, onApply }: {
  saved: Saved;
  layout: LayoutReport;
  mapping: ExplicitMapping;
  files: readonly FileSheet[];
  /** `missing`: what to tell the user about saved columns not found, or null. */
  onApply: (name: string, mapping: ExplicitMapping, missing: string | null) => void;
}) {
  const matches = matchingSaved(saved, layout, mapping, files);
  const [choice, setChoice] = useState(0);
  const id = useId();
  if (matches.length === 0) return null;
  const picked = matches[Math.min(choice, matches.length - 1)];
  const missing = picked.missing.length ? describeMissing(picked.missing, picked.sheets) : null;
  return (
    <div className="wiz-banner" data-testid="wizard-saved-mapping" role="region" aria-label="Saved mapping">
      <div className="wiz-banner-text">
        {matches.length === 1 ? (
          <p>
            Your saved mapping <strong>“{picked.name}”</strong> fits this file. Apply it to read the columns the way you set them before.
          </p>
        ) : (
          <p>
            <label htmlFor={id}>{matches.length} saved mappings fit this file:</label>{' '}
            <select id={id} value={Math.min(choice, matches.length - 1)} onChange={(e) => setChoice(Number(e.target.value))}>
              {matches.map((m, i) => (
                <option key={m.name} value={i}>{m.name}</option>
              ))}
            </select>
          </p>
        )}
        {picked.renamed.map((r) => (
          <p key={r.saved} className="wiz-hint">Its sheet “{r.saved}” is read from “{r.file}”, found by its column headers.</p>
        ))}
        {missing && <p className="wiz-missing" data-testid="wizard-saved-missing">{missing}.</p>}
      </div>
      <button type="button" className="primary" onClick={() => onApply(picked.name, { ...mapping, sheets: { ...mapping.sheets, ...picked.mapping.sheets }, ...(picked.mapping.timesheet ? { timesheet: { ...mapping.timesheet, ...picked.mapping.timesheet } } : {}) }, missing)}>
        Apply “{picked.name}”
      </button>
    </div>
  );
}

function SaveMapping({ suggestedName, existing, onSave, open, setOpen }: {
  suggestedName: string;
  existing: readonly string[];
  onSave: (name: string) => Promise<void>;
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const [name, setName] = useState(suggestedName);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = useId();
  const trimmed = name.trim();
  // Saving under a name in use replaces that mapping: the button and a hint say so before, the status after.
  const replacing = existing.includes(trimmed);
  const trigger = useReturnFocus(open);

  if (!open) {
    return (
      <>
        <button ref={trigger} type="button" onClick={() => { setOpen(true); setStatus(null); setName(suggestedName); }} data-testid="wizard-save-mapping">
          Save this mapping as…
        </button>
        {status && <span role="status" className={status.kind === 'error' ? 'wiz-error-text' : 'wiz-ok-text'}>{status.text}</span>}
      </>
    );
  }
  return (
    <form
      className="wiz-save"
      aria-label="Save this mapping"
      onKeyDown={closeOnEscape(() => setOpen(false))}
      onSubmit={(e) => {
        e.preventDefault();
        if (!trimmed) return;
        const replaced = replacing;
        onSave(trimmed).then(
          () => { setStatus({ kind: 'ok', text: replaced ? `Replaced the saved mapping “${trimmed}”.` : `Saved as “${trimmed}”.` }); setOpen(false); },
          (err: unknown) => setStatus({ kind: 'error', text: `Could not save: ${err instanceof Error ? err.message : String(err)}` }),
        );
      }}
    >
      <label htmlFor={id}>Mapping name</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus aria-describedby={replacing ? `${id}-hint` : undefined} data-testid="wizard-mapping-name" />
      <button type="submit" disabled={!trimmed} data-testid="wizard-mapping-submit">{replacing ? 'Replace' : 'Save'}</button>
      <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      {replacing && <span id={`${id}-hint`} className="wiz-hint wiz-replace-hint">A saved mapping is already called “{trimmed}”: saving replaces it.</span>}
      {status?.kind === 'error' && <span role="alert" className="wiz-error-text">{status.text}</span>}
    </form>
  );
}

/** "Roster, Tasks · 9 columns": enough to tell saved mappings apart. */
function summary(mapping: SavedColumnMapping): string {
  const sheets = Object.keys(mapping.sheets);
  const columns = Object.values(mapping.sheets).reduce((n, s) => n + Object.keys(s.columns ?? {}).length, 0);
  return `${sheets.join(', ') || 'no sheets'} · ${columns} ${columns === 1 ? 'column' : 'columns'}`;
}

/**
 * The saved mappings with a Delete button each. Deleting takes effect at once and can be undone
 * while the wizard is open (the deleted mapping is kept here), so no confirmation is asked.
 */
function ManageMappings({ saved, onDelete, onRestore }: {
  saved: Saved;
  onDelete: (name: string) => Promise<void>;
  onRestore: (name: string, mapping: SavedColumnMapping) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [deleted, setDeleted] = useState<ReadonlyMap<string, SavedColumnMapping>>(new Map());
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const panelId = useId();
  const trigger = useReturnFocus(open);
  // The row's other button takes focus when its button goes away, so keyboard users stay in place.
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus === null) return;
    buttons.current.get(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const names = [...new Set([...Object.keys(saved), ...deleted.keys()])].sort((a, b) => a.localeCompare(b));
  const count = Object.keys(saved).length;
  if (names.length === 0) return null;
  const fail = (err: unknown) => setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
  const remove = (name: string) => {
    const mapping = saved[name];
    onDelete(name).then(() => {
      setDeleted((d) => new Map(d).set(name, mapping));
      setStatus({ kind: 'ok', text: `Deleted “${name}”.` });
      setFocus(`undo\0${name}`);
    }, fail);
  };
  const restore = (name: string) => {
    const mapping = deleted.get(name);
    if (!mapping) return;
    onRestore(name, mapping).then(() => {
      setDeleted((d) => { const next = new Map(d); next.delete(name); return next; });
      setStatus({ kind: 'ok', text: `Restored “${name}”.` });
      setFocus(`delete\0${name}`);
    }, fail);
  };
  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <div
      className="wiz-manage"
      // Escape closes the open panel (from its button too) rather than the whole wizard.
      onKeyDown={open ? closeOnEscape(() => setOpen(false)) : undefined}
    >
      <button ref={trigger} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} data-testid="wizard-manage-mappings">
        Manage saved mappings ({count})
      </button>
      <div
        id={panelId}
        className="wiz-manage-panel"
        role="group"
        aria-label="Saved mappings"
        hidden={!open}
      >
        <p className="wiz-manage-title">Saved mappings</p>
        <ul>
          {names.map((name) => {
            const gone = !(name in saved);
            return (
              <li key={name} className={gone ? 'wiz-manage-deleted' : undefined} data-testid={`saved-mapping-${name}`}>
                <span className="wiz-manage-name">
                  <span>{name}</span>
                  <span className="wiz-hint">{gone ? 'Deleted' : summary(saved[name])}</span>
                </span>
                {gone ? (
                  <button ref={ref(`undo\0${name}`)} type="button" onClick={() => restore(name)} aria-label={`Undo deleting “${name}”`}>Undo</button>
                ) : (
                  <button ref={ref(`delete\0${name}`)} type="button" onClick={() => remove(name)} aria-label={`Delete saved mapping “${name}”`}>Delete</button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <span role="status" className={status?.kind === 'error' ? 'wiz-error-text' : 'visually-hidden'}>{status?.text}</span>
    </div>
  );
}

/** The footer's saved-mapping controls; `current` is the mapping as it would be saved now. */
export function SavedMappingControls({ saved, onSaved, suggestedName, current }: {
  saved: Saved;
  onSaved: (all: Saved) => void;
  suggestedName: string;
  current: () => SavedColumnMapping;
}) {
  const [saving, setSaving] = useState(false);
  return (
    <div className="wiz-save">
      <SaveMapping suggestedName={suggestedName} existing={Object.keys(saved)} onSave={async (name) => onSaved(await saveMapping(name, current()))} open={saving} setOpen={setSaving} />
      {/* Hidden, not unmounted, while a name is typed: the footer stays one row, and deletions stay undoable. */}
      <div hidden={saving}>
        <ManageMappings
          saved={saved}
          onDelete={async (name) => onSaved(await deleteMapping(name))}
          onRestore={async (name, mapping) => onSaved(await saveMapping(name, mapping))}
        />
      </div>
    </div>
  );
}
