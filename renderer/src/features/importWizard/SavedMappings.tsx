// Saved column mappings in the wizard: an offer to apply one that fits this file, and "Save this mapping as…".
import { useId, useState } from 'react';
import type { SavedColumnMapping } from '../../../../electron/ipc/contract';
import type { ExplicitMapping, LayoutReport } from '../../engine/import/types';
import { matchingSaved } from './mapping';
import { useReturnFocus } from './parts';

export function SavedMappingOffer({ saved, layout, mapping, onApply }: {
  saved: Record<string, SavedColumnMapping>;
  layout: LayoutReport;
  mapping: ExplicitMapping;
  onApply: (name: string, mapping: ExplicitMapping) => void;
}) {
  const matches = matchingSaved(saved, layout, mapping);
  const [choice, setChoice] = useState(0);
  const id = useId();
  if (matches.length === 0) return null;
  const picked = matches[Math.min(choice, matches.length - 1)];
  return (
    <div className="wiz-banner" data-testid="wizard-saved-mapping" role="region" aria-label="Saved mapping">
      {matches.length === 1 ? (
        <p>
          Your saved mapping <strong>“{picked.name}”</strong> fits this file’s sheets. Apply it to read the columns the way you set them before.
        </p>
      ) : (
        <p>
          <label htmlFor={id}>{matches.length} saved mappings fit this file’s sheets:</label>{' '}
          <select id={id} value={Math.min(choice, matches.length - 1)} onChange={(e) => setChoice(Number(e.target.value))}>
            {matches.map((m, i) => (
              <option key={m.name} value={i}>{m.name}</option>
            ))}
          </select>
        </p>
      )}
      <button type="button" className="primary" onClick={() => onApply(picked.name, { sheets: { ...mapping.sheets, ...picked.mapping.sheets } })}>
        Apply “{picked.name}”
      </button>
    </div>
  );
}

export function SaveMapping({ suggestedName, existing, onSave }: {
  suggestedName: string;
  existing: readonly string[];
  onSave: (name: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(suggestedName);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = useId();
  const trimmed = name.trim();
  const trigger = useReturnFocus(open);

  if (!open) {
    return (
      <div className="wiz-save">
        <button ref={trigger} type="button" onClick={() => { setOpen(true); setStatus(null); setName(suggestedName); }} data-testid="wizard-save-mapping">
          Save this mapping as…
        </button>
        {status && <span role="status" className={status.kind === 'error' ? 'wiz-error-text' : 'wiz-ok-text'}>{status.text}</span>}
      </div>
    );
  }
  return (
    <form
      className="wiz-save"
      aria-label="Save this mapping"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          setOpen(false);
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!trimmed) return;
        onSave(trimmed).then(
          () => { setStatus({ kind: 'ok', text: `Saved as “${trimmed}”.` }); setOpen(false); },
          (err: unknown) => setStatus({ kind: 'error', text: `Could not save: ${err instanceof Error ? err.message : String(err)}` }),
        );
      }}
    >
      <label htmlFor={id}>Mapping name</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus data-testid="wizard-mapping-name" />
      <button type="submit" disabled={!trimmed}>Save</button>
      <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      {existing.includes(trimmed) && <span className="wiz-hint">Replaces the saved mapping of that name.</span>}
      {status?.kind === 'error' && <span role="alert" className="wiz-error-text">{status.text}</span>}
    </form>
  );
}
