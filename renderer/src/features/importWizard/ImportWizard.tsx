// Import wizard (placeholder): confirm the pending import as detected.
import { actions, useWorkspace } from '../../state/workspace';

export function ImportWizard() {
  const pending = useWorkspace((s) => s.pending);
  if (!pending) return null;
  return (
    <div role="dialog" aria-modal="true" aria-label="Import a spreadsheet" className="card">
      <p>{pending.fileName}: {pending.result.fatal ?? `${pending.result.organization?.people.length ?? 0} people`}</p>
      <button type="button" className="primary" onClick={actions.confirmImport} disabled={!pending.result.organization}>Import</button>
      <button type="button" onClick={actions.cancelImport}>Cancel</button>
    </div>
  );
}
