/**
 * The Overview's coordinator cluster: who is more than 2τ above the mean, named by role and
 * department, how the membership changes at τ, 2τ and 3τ, whether the ranked jobs show a real break
 * or a gradual slope, and which memberships rest on suggested ratings.
 * Test hooks: coordinator-cluster, coordinator-member-<name>, coordinator-e, coordinator-suggested,
 * cluster-levels, cluster-level-<1|2|3>, cluster-break.
 */
import { useState } from 'react';
import type { AuditReport } from '../../engine/analysis/auditReport';
import type { CoordinatorCluster } from '../../engine/analysis/metrics';
import { formatNumber } from '../../ui/table-NumberInput';
import { fmtCount, fmtHours, fmtPct, fmtScore, fmtSigned, plural } from '../../ui/figure-format';
import { openGroupInJobs, openJobsByEmpowerment, openPersonInJobs } from '../jobs/jobsUi';

const MEMBERS_SHOWN = 12;
const CHIPS_SHOWN = 10;
const NAMES_SHOWN = 6;

function Chips({ items, label, by }: { items: { name: string; people: number }[]; label: string; by: 'role' | 'department' }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, CHIPS_SHOWN);
  return (
    <ul className="overview-chips" aria-label={label}>
      {shown.map((r) => (
        <li key={r.name}>
          <button type="button" className="chip" onClick={() => openGroupInJobs(by, r.name)} title={by === 'role' ? `Show the ${r.name} role in Jobs` : `Show the ${r.name} department in Jobs`}>
            {r.name}
            {(by === 'department' || r.people > 1) && <span className="chip-count">{fmtCount(r.people)}</span>}
          </button>
        </li>
      ))}
      {items.length > CHIPS_SHOWN && (
        <li>
          <button type="button" className="link-button overview-more" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? 'Show fewer' : `${items.length - CHIPS_SHOWN} more…`}
          </button>
        </li>
      )}
    </ul>
  );
}

function names(list: string[]): string {
  if (list.length === 0) return 'nobody';
  const head = list.slice(0, NAMES_SHOWN).join(', ');
  return list.length > NAMES_SHOWN ? `${head} and ${fmtCount(list.length - NAMES_SHOWN)} more` : head;
}

/** Who is in at τ, 2τ and 3τ: a cluster that halves or doubles with the threshold is a matter of where the line is drawn. */
function Sensitivity({ c }: { c: CoordinatorCluster }) {
  return (
    <div className="overview-cluster-sensitivity">
      <h4>How the line changes it</h4>
      <table className="overview-levels" data-testid="cluster-levels" aria-label="People above the mean at once, twice and three times the tolerance">
        <thead>
          <tr>
            <th scope="col">More than … above the mean</th>
            <th scope="col" className="num">People</th>
            <th scope="col" className="num">Share of hours</th>
            <th scope="col">Who</th>
          </tr>
        </thead>
        <tbody>
          {c.levels.map((l) => (
            <tr key={l.multiple} data-testid={`cluster-level-${l.multiple}`} className={l.multiple === 2 ? 'current' : undefined}>
              <th scope="row">
                {formatNumber(l.threshold)} points ({l.multiple === 1 ? 'τ' : `${l.multiple}τ`}){l.multiple === 2 ? ', the cluster' : ''}
              </th>
              <td className="num">{fmtCount(l.names.length)}</td>
              <td className="num">{fmtPct(l.hoursShare)}</td>
              <td className="overview-level-names" title={l.names.join(', ')}>{names(l.names)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="overview-break" data-testid="cluster-break" data-kind={c.kind}>{breakText(c)}</p>
    </div>
  );
}

/** Whether the ranked jobs show a real break, in words. */
export function breakText(c: CoordinatorCluster): string {
  const b = c.largestBreak;
  if (!b) return 'Nobody is above the mean: there is no break to look for.';
  // A gap that ends at the mean is measured from the lowest job above it down to the mean, not to
  // the next job (which is below the mean): name the mean, not that job.
  const where = b.toMean ? `between ${b.lowestAbove} and the mean; ${b.highestBelow}, the next down, is below it` : `between ${b.lowestAbove} and ${b.highestBelow}`;
  const next = b.toMean ? 'the mean' : 'the next one';
  if (c.kind === 'clear') return `A clear break: the top ${plural(b.above, 'job')} sit ${fmtScore(b.gap)} points above ${next} (${where}).`;
  const size = `the largest gap between neighbouring jobs above the mean is ${fmtScore(b.gap)} points (${where})`;
  if (c.kind === 'none') return `No coordinator cluster; ${size}.`;
  return `No clear break: a gradual slope; ${size}.`;
}

export function CoordinatorPanel({ report, personIds }: { report: AuditReport; personIds: Map<string, string> }) {
  const c = report.metrics.coordinator;
  const members = c.members.slice(0, MEMBERS_SHOWN);
  const mean = report.metrics.empowerment.mean;
  const reading = report.readings.find((r) => r.key === 'coordinator');
  const onSuggestions = c.members.filter((m) => m.restsOnSuggestions).length;
  return (
    <section className="overview-cluster card" data-testid="coordinator-cluster" aria-labelledby="cluster-title">
      <header className="overview-cluster-head">
        <h3 id="cluster-title">Who holds the empowering work: the coordinator cluster</h3>
        <p className="muted">
          People whose job rates more than {formatNumber(c.threshold)} points (twice the tolerance) above the average empowerment of {fmtScore(mean)}.
        </p>
      </header>
      {c.members.length === 0 ? (
        <p>{reading?.text ?? 'There is no coordinator cluster.'}</p>
      ) : (
        <div className="overview-cluster-body">
          <div className="overview-cluster-groups">
            <p className="overview-cluster-summary">
              <strong>{plural(c.members.length, 'person', 'people')}</strong> with <strong>{fmtPct(c.hoursShare)}</strong> of the hours, on average{' '}
              <strong>{fmtSigned(c.gap)} points</strong> above the mean, hold <strong>{fmtPct(c.massShare)}</strong> of the empowering work
              {c.ratio !== null ? ` (${c.ratio.toFixed(1)}× their share of hours, measured from the bottom of the scale)` : ''}.
            </p>
            {onSuggestions > 0 && (
              <p className="overview-cluster-suggested" data-testid="cluster-suggested">
                <strong>{plural(onSuggestions, 'member is', 'members are')} in the cluster only because of suggested ratings</strong> (marked below): rate their tasks to confirm.
              </p>
            )}
            <h4>By role</h4>
            <Chips items={c.roles} by="role" label="Coordinator cluster by role" />
            <h4>By department</h4>
            <Chips items={c.departments} by="department" label="Coordinator cluster by department" />
          </div>
          <table className="overview-members" aria-label="Members of the coordinator cluster">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Department</th>
                <th scope="col" className="num">Hours</th>
                <th scope="col" className="num" title="Job empowerment on the project scale">Empowerment</th>
                <th scope="col" className="num" title="Points above the hours-weighted average">vs average</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m, i) => {
                const id = personIds.get(m.name);
                return (
                  <tr key={`${m.name}-${i}`} data-testid={`coordinator-member-${m.name}`} className={m.restsOnSuggestions ? 'on-suggestions' : undefined}>
                    <td>
                      {id ? (
                        <button type="button" className="link-button" onClick={() => openPersonInJobs(id)} title={`Open ${m.name}'s job`}>
                          {m.name}
                        </button>
                      ) : (
                        m.name
                      )}
                      {m.restsOnSuggestions && (
                        <span className="overview-suggested-mark" data-testid="coordinator-suggested" title="Without the suggested ratings this job would not be more than twice the tolerance above the mean">
                          {' '}on suggestions
                        </span>
                      )}
                    </td>
                    <td>{m.role ?? '—'}</td>
                    <td>{m.department ?? '—'}</td>
                    <td className="num">{fmtHours(m.hours)}</td>
                    <td className="num" data-testid="coordinator-e">{fmtScore(m.empowerment)}</td>
                    <td className="num">{mean === null ? '–' : fmtSigned(m.empowerment - mean)}</td>
                  </tr>
                );
              })}
            </tbody>
            {c.members.length > members.length && (
              <tfoot>
                <tr>
                  <td colSpan={6}>
                    <span className="muted">and {plural(c.members.length - members.length, 'more person', 'more people')} — </span>
                    <button type="button" className="link-button" onClick={openJobsByEmpowerment}>
                      see everyone in Jobs, most empowered first
                    </button>
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      <Sensitivity c={c} />
    </section>
  );
}
