// The wizard's issues list: every problem the importer found, with where it is, filterable by severity.
import { useMemo, useState } from 'react';
import type { ImportIssue, Severity } from '../../engine/model/types';
import { issueLocation, SEVERITY_LABELS } from './labels';

const SHOWN_AT_FIRST = 100;
const ORDER: Severity[] = ['error', 'warning', 'info'];

export function severityCounts(issues: readonly ImportIssue[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

export function Issues({ issues }: { issues: readonly ImportIssue[] }) {
  const [filter, setFilter] = useState<Severity | 'all'>('all');
  const [showAll, setShowAll] = useState(false);
  const counts = useMemo(() => severityCounts(issues), [issues]);
  const sorted = useMemo(() => [...issues].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity)), [issues]);
  const shown = filter === 'all' ? sorted : sorted.filter((i) => i.severity === filter);
  const visible = showAll ? shown : shown.slice(0, SHOWN_AT_FIRST);

  return (
    <div className="wiz-issues" data-testid="wizard-issues">
      {issues.length === 0 ? (
        <p className="wiz-all-clear">No problems found: every row was read.</p>
      ) : (
        <>
          <div className="wiz-filter" role="group" aria-label="Show issues by severity">
            <button type="button" aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
              All <span className="wiz-count">{issues.length}</span>
            </button>
            {ORDER.filter((sev) => counts[sev] > 0 || filter === sev).map((sev) => (
              <button key={sev} type="button" aria-pressed={filter === sev} onClick={() => setFilter(sev)} data-testid={`wizard-issues-${sev}`}>
                <span className={`wiz-sev-dot wiz-sev-${sev}`} aria-hidden="true" />
                {SEVERITY_LABELS[sev].many} <span className="wiz-count">{counts[sev]}</span>
              </button>
            ))}
          </div>
          <table className="wiz-table wiz-issue-table">
            <caption className="visually-hidden">Import issues{filter === 'all' ? '' : `: ${SEVERITY_LABELS[filter].many.toLowerCase()} only`}</caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Where</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((issue, n) => (
                <tr key={n} className={`wiz-issue wiz-issue-${issue.severity}`}>
                  <td>
                    <span className={`wiz-sev wiz-sev-${issue.severity}`}>{SEVERITY_LABELS[issue.severity].one}</span>
                  </td>
                  <td className="wiz-where">{issueLocation(issue)}</td>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > visible.length && (
            <button type="button" className="wiz-link" onClick={() => setShowAll(true)}>
              Show all {shown.length.toLocaleString('en-US')} issues
            </button>
          )}
        </>
      )}
    </div>
  );
}
