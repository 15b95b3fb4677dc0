/**
 * Overview: the audit's key figures, each with its plain-language reading; the coordinator cluster
 * named by role and department; how much of the work is rated only by suggestion; the tolerance.
 * Test hooks: figure-<reading key> (data-value), coordinator-cluster, suggested-share,
 * tolerance-input, report-updating.
 */
import { useMemo, useState } from 'react';
import { actions, useWorkspace } from '../../state/workspace';
import type { AuditReport } from '../../engine/analysis/auditReport';
import type { Reading } from '../../engine/analysis/readings';
import { defaultTolerance } from '../../engine/analysis/metrics';
import type { Project } from '../../engine/formats/projectFile';
import { FigureCard, type FigureCardProps } from '../../ui/figure-FigureCard';
import { UpdatingIndicator, useReportStale } from '../../ui/figure-Updating';
import { NumberInput, formatNumber } from '../../ui/table-NumberInput';
import { fmtCount, fmtHours, fmtPct, fmtScore, fmtSigned, plural } from '../../ui/figure-format';
import { openGroupInJobs, openJobsByEmpowerment, openPersonInJobs } from '../jobs/jobsUi';
import { openTasks } from '../tasks/tasksUi';
import '../../ui/figure-view.css';
import './overview.css';

type CardExtras = Omit<FigureCardProps, 'reading' | 'compact' | 'children'>;

/** The eight key figures, in order, with their card titles, notes and bars. */
function keyFigureExtras(key: string, report: AuditReport): CardExtras | null {
  const m = report.metrics;
  const tau = formatNumber(m.tolerance);
  switch (key) {
    case 'empowerment.gini':
      return { title: 'Gini of empowerment', meter: { value: m.empowerment.gini } };
    case 'empowerment.top20Share':
      return { title: 'Top 20% share', meter: { value: m.empowerment.top20Share, mark: { at: 0.2, label: 'even share 20%' } } };
    case 'empowerment.hoover':
      return { title: 'Work that would have to move', note: 'Hoover index of empowering work', meter: { value: m.empowerment.hoover } };
    case 'empowerment.withinTolerance':
      return { title: 'Within tolerance', note: `share of hours within ±${tau} points of the mean`, meter: { value: m.empowerment.withinTolerance, mark: { at: 1, label: 'goal' } } };
    case 'coordinator':
      return {
        title: 'Coordinator cluster',
        note: m.coordinator.members.length ? `${fmtPct(m.coordinator.hoursShare)} of hours, ${fmtPct(m.coordinator.massShare)} of the empowering work` : `no job is ${formatNumber(m.coordinator.threshold)}+ points above the mean`,
      };
    case 'lowDesirability': {
      const bottom = m.lowDesirability.byEmpowermentTercile.find((t) => t.tercile === 'bottom');
      return { title: 'Onerous work', note: 'low-desirability hours on the least-empowered third', meter: bottom ? { value: bottom.shareOfAll, mark: { at: 1 / 3, label: 'even share 33%' } } : undefined };
    }
    case 'jointAdvantage':
      return { title: 'Joint advantage', note: 'Spearman correlation, E vs D (−1 to 1)' };
    case 'pay':
      return {
        title: 'Pay audit',
        note: m.pay?.spearmanEmpowerment !== null ? 'Spearman correlation, hourly pay vs E' : 'best-paid hour ÷ lowest-paid hour',
        flag: m.pay?.redFlag ? 'Red flag' : undefined,
      };
    default:
      return null;
  }
}

const KEY_FIGURES = [
  'empowerment.gini',
  'empowerment.top20Share',
  'empowerment.hoover',
  'empowerment.withinTolerance',
  'coordinator',
  'lowDesirability',
  'jointAdvantage',
  'pay',
];

/** Hours-weighted share of hours rated only by suggestion, and of hours on tasks with no empowerment rating. */
export function ratingCoverage(report: AuditReport): { hours: number; suggested: number; unrated: number } {
  let hours = 0;
  let suggested = 0;
  let unrated = 0;
  for (const p of report.people) {
    hours += p.hours;
    suggested += p.suggestedShare * p.hours;
    unrated += (1 - p.ratedShare) * p.hours;
  }
  return { hours, suggested: hours > 0 ? suggested / hours : 0, unrated: hours > 0 ? Math.max(0, unrated / hours) : 0 };
}

function ToleranceSetting({ project }: { project: Project }) {
  const { scale } = project.organization;
  const fallback = defaultTolerance(scale);
  const custom = project.settings.tolerance;
  const value = custom ?? fallback;
  const range = scale.max - scale.min;
  return (
    <div className="overview-tolerance">
      <label className="overview-tolerance-field">
        <span>Tolerance ±</span>
        <NumberInput
          value={value}
          label="Tolerance in points"
          testId="tolerance-input"
          min={0}
          max={range / 2}
          step={0.05}
          validate={(v) => (v <= 0 ? 'Must be more than 0' : v > range / 2 ? `At most ${formatNumber(range / 2)} points` : null)}
          onCommit={(v) => actions.setTolerance(v)}
        />
        <span>points</span>
      </label>
      <span className="muted overview-tolerance-note">
        {custom === undefined ? (
          <>default: 5% of the {scale.min}–{scale.max} range</>
        ) : (
          <button type="button" className="link-button" onClick={() => actions.setTolerance(undefined)}>
            Reset to the default ({formatNumber(fallback)})
          </button>
        )}
      </span>
    </div>
  );
}

function CoverageNudge({ report }: { report: AuditReport }) {
  const c = ratingCoverage(report);
  const suggestedTasks = report.tasks.filter((t) => t.source === 'suggested').length;
  const unratedTasks = report.tasks.filter((t) => t.source === 'unrated').length;
  const attention = c.suggested > 0.0005 || c.unrated > 0.0005;
  return (
    <section className={`overview-coverage card${attention ? ' attention' : ''}`} data-testid="suggested-share" data-value={c.suggested} aria-label="Rating coverage">
      {attention ? (
        <>
          <div className="overview-coverage-text">
            {c.suggested > 0.0005 && (
              <p>
                <strong>{fmtPct(c.suggested)} of hours are rated only by suggestion</strong> — rate them in Tasks &amp; ratings.{' '}
                <span className="muted">
                  Suggestions come from a keyword library ({plural(suggestedTasks, 'task')}); the members&apos; own ratings should replace them.
                </span>
              </p>
            )}
            {c.unrated > 0.0005 && (
              <p>
                <strong>{fmtPct(c.unrated)} of hours are on unrated tasks</strong> ({plural(unratedTasks, 'task')}) and are left out of every score.
              </p>
            )}
          </div>
          <div className="overview-coverage-actions">
            {suggestedTasks > 0 && (
              <button type="button" className="primary" onClick={() => openTasks('suggested')}>
                Rate suggested tasks
              </button>
            )}
            {unratedTasks > 0 && (
              <button type="button" onClick={() => openTasks('unrated')}>
                Rate unrated tasks
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="muted">Every hour is on a task rated in the file or by the members — no suggested ratings are in use.</p>
      )}
    </section>
  );
}

const MEMBERS_SHOWN = 12;
const CHIPS_SHOWN = 10;

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

function CoordinatorCluster({ report, personIds }: { report: AuditReport; personIds: Map<string, string> }) {
  const c = report.metrics.coordinator;
  const members = c.members.slice(0, MEMBERS_SHOWN);
  const mean = report.metrics.empowerment.mean;
  const reading = report.readings.find((r) => r.key === 'coordinator');
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
              <strong>{plural(c.members.length, 'person', 'people')}</strong> with <strong>{fmtPct(c.hoursShare)}</strong> of the hours hold{' '}
              <strong>{fmtPct(c.massShare)}</strong> of the empowering work{c.ratio !== null ? ` (${c.ratio.toFixed(1)}× their share of hours)` : ''}.
            </p>
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
                  <tr key={`${m.name}-${i}`} data-testid={`coordinator-member-${m.name}`}>
                    <td>
                      {id ? (
                        <button type="button" className="link-button" onClick={() => openPersonInJobs(id)} title={`Open ${m.name}'s job`}>
                          {m.name}
                        </button>
                      ) : (
                        m.name
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
    </section>
  );
}

function CardGrid({ readings, report, compact, label }: { readings: Reading[]; report: AuditReport; compact?: boolean; label: string }) {
  return (
    <div className={`overview-grid${compact ? ' compact' : ''}`} role="list" aria-label={label}>
      {readings.map((r) => (
        <div role="listitem" key={r.key} className="overview-grid-item">
          <FigureCard reading={r} compact={compact} {...(compact ? {} : keyFigureExtras(r.key, report) ?? {})} />
        </div>
      ))}
    </div>
  );
}

export function OverviewView() {
  const project = useWorkspace((s) => s.project);
  const report = useWorkspace((s) => s.report);
  const stale = useReportStale();
  const personIds = useMemo(() => {
    // Names as the report shows them (pseudonyms too) → person ids, matched by position.
    const map = new Map<string, string>();
    if (!project || !report || report.people.length !== project.organization.people.length) return map;
    report.people.forEach((p, i) => map.set(p.name, project.organization.people[i].id));
    return map;
  }, [project, report]);

  if (!project) return null;
  if (!report) {
    return (
      <section className="overview" aria-labelledby="overview-title" aria-busy="true">
        <h2 id="overview-title">Overview</h2>
        <p className="muted" role="status">Computing the audit…</p>
      </section>
    );
  }

  const byKey = new Map(report.readings.map((r) => [r.key, r]));
  const key = KEY_FIGURES.map((k) => byKey.get(k)).filter((r): r is Reading => r !== undefined);
  const moreE = report.readings.filter((r) => r.key.startsWith('empowerment.') && !KEY_FIGURES.includes(r.key));
  const desirability = report.readings.filter((r) => r.key.startsWith('desirability.'));
  const { totals, scale } = report;

  return (
    <section className="overview" aria-labelledby="overview-title" aria-busy={stale}>
      <header className="view-head">
        <div className="view-title">
          <h2 id="overview-title">Overview</h2>
          <p className="muted">
            {project.name}: {plural(totals.people, 'person', 'people')} · {fmtCount(Math.round(totals.hours))} hours a week · {plural(totals.tasks, 'task')} · rated on the {scale.min}–{scale.max} scale
          </p>
        </div>
        <UpdatingIndicator />
        <ToleranceSetting project={project} />
      </header>

      <CoverageNudge report={report} />

      <section aria-labelledby="key-figures-title" className="overview-section">
        <h3 id="key-figures-title" className="overview-section-title">Empowerment: key figures</h3>
        {key.length === 0 ? (
          <p>{byKey.get('empowerment.mean')?.text ?? 'No task has an empowerment rating yet.'}</p>
        ) : (
          <CardGrid readings={key} report={report} label="Key figures" />
        )}
        {!byKey.has('pay') && (
          <p className="muted overview-pay-missing" data-testid="pay-audit-missing">
            Pay audit: the roster has no pay column, so pay cannot be compared with empowerment.
          </p>
        )}
      </section>

      <CoordinatorCluster report={report} personIds={personIds} />

      {moreE.length > 0 && (
        <section aria-labelledby="more-e-title" className="overview-section">
          <h3 id="more-e-title" className="overview-section-title">More on empowerment</h3>
          <CardGrid readings={moreE} report={report} compact label="More empowerment figures" />
        </section>
      )}

      {desirability.length > 0 && (
        <section aria-labelledby="desirability-title" className="overview-section secondary">
          <h3 id="desirability-title" className="overview-section-title">Desirability</h3>
          <p className="muted overview-section-note">
            Desirability should balance too, but empowerment comes first: these figures read the same way for how pleasant, safe and interesting the work is.
          </p>
          <CardGrid readings={desirability} report={report} compact label="Desirability figures" />
        </section>
      )}
    </section>
  );
}
