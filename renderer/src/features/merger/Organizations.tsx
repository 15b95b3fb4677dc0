/**
 * The organizations going into the merger: the open one and each one added (a spreadsheet, a
 * .fairshare project or the bundled partner sample), each with an editable name and, for the added
 * ones, a Remove button. Test hooks: merger-organizations, merger-org-<name>, merger-add-sample.
 */
import { useEffect, useId, useState } from 'react';
import { SAMPLE_TITLES } from '../../../../electron/ipc/contract';
import type { Organization } from '../../engine/model/types';
import { removePartner, renameOrganization, useMerger } from '../../state/merger';
import { addOrganization } from '../../state/mergerActions';
import { fmtHours, plural } from '../../ui/figure-format';

const hoursOf = (org: Organization) => org.assignments.reduce((s, a) => s + a.hours, 0);

/** A name field that commits on Enter or leaving it; a refused name stays typed with the reason beside it. */
function NameField({ value, partnerKey, label }: { value: string; partnerKey: string | null; label: string }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);
  const commit = () => {
    if (draft === value) return setError(null);
    setError(renameOrganization(partnerKey, draft));
  };
  return (
    <span className="merger-name">
      <input
        type="text"
        value={draft}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') {
            setDraft(value);
            setError(null);
          }
        }}
      />
      {error && (
        <span id={errorId} className="merger-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** `openFile` says where the open organization is: the open project, or the one the merged organization replaced. */
export function Organizations({ open, openName, openFile }: { open: Organization | null; openName: string; openFile: string }) {
  const partners = useMerger((s) => s.partners);
  const adding = useMerger((s) => s.adding);
  const error = useMerger((s) => s.error);
  const rows = [
    ...(open ? [{ key: null as string | null, name: openName, file: openFile, organization: open }] : []),
    ...partners.map((p) => ({ key: p.key as string | null, name: p.name, file: p.file, organization: p.organization })),
  ];
  return (
    <section className="merger-section" aria-labelledby="merger-orgs-title" data-testid="merger-organizations">
      <h3 id="merger-orgs-title">Organizations</h3>
      <ul className="merger-orgs">
        {rows.map((r) => (
          <li key={r.key ?? 'open'} className="merger-org" data-testid={`merger-org-${r.name}`}>
            <NameField value={r.name} partnerKey={r.key} label={r.key === null ? 'Name of the open organization' : `Name of the organization from ${r.file}`} />
            <span className="muted merger-org-facts">
              {plural(r.organization.people.length, 'person', 'people')}, {fmtHours(hoursOf(r.organization))} h a week, {plural(r.organization.tasks.length, 'task')} · {r.file}
            </span>
            {r.key !== null && (
              <button type="button" onClick={() => removePartner(r.key as string)} aria-label={`Remove ${r.name}`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="merger-add" role="group" aria-label="Add an organization">
        <button type="button" className={partners.length ? undefined : 'primary'} onClick={() => void addOrganization('spreadsheet')} disabled={!!adding || !open}>
          Add an organization (spreadsheet)…
        </button>
        <button type="button" onClick={() => void addOrganization('project')} disabled={!!adding || !open}>
          Add a project (.fairshare)…
        </button>
        <button type="button" data-testid="merger-add-sample" onClick={() => void addOrganization('partner', SAMPLE_TITLES.partner)} disabled={!!adding || !open}>
          Add the sample partner ({SAMPLE_TITLES.partner})
        </button>
      </div>
      <p className="merger-status" role="status">
        {adding ?? ''}
      </p>
      {error && (
        <p className="merger-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
