/**
 * How much of the audit rests on suggested ratings and unrated tasks, with the way to rate them.
 * An audit with more than half its rated hours on suggestions says so first, as a warning above
 * every figure (the engine's `suggested` reading then comes first).
 * Test hooks: suggested-share (data-value), suggested-notice.
 */
import type { AuditReport } from '../../engine/analysis/auditReport';
import { fmtPct, plural } from '../../ui/figure-format';
import { openTasks } from '../tasks/tasksUi';

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

export function CoverageNotice({ report }: { report: AuditReport }) {
  const c = ratingCoverage(report);
  // The engine puts its `suggested` reading first exactly when more than half the rated hours rest on suggestions.
  const first = report.readings[0]?.key === 'suggested' ? report.readings[0] : null;
  const suggestedTasks = report.tasks.filter((t) => t.source === 'suggested').length;
  const unratedTasks = report.tasks.filter((t) => t.source === 'unrated').length;
  const attention = first !== null || c.suggested > 0.0005 || c.unrated > 0.0005;
  const className = `overview-coverage card${first ? ' urgent' : attention ? ' attention' : ''}`;
  return (
    <section className={className} data-testid="suggested-share" data-value={c.suggested} aria-label="Rating coverage">
      {attention ? (
        <>
          <div className="overview-coverage-text">
            {first ? (
              <div data-testid="suggested-notice">
                <h3 className="overview-coverage-title">Most of this audit rests on suggested ratings</h3>
                <p>{first.text}</p>
              </div>
            ) : (
              c.suggested > 0.0005 && (
                <p>
                  <strong>{fmtPct(c.suggested)} of hours are rated only by suggestion</strong> — rate them in Tasks &amp; ratings.{' '}
                  <span className="muted">
                    Suggestions come from a keyword library ({plural(suggestedTasks, 'task')}); the members&apos; own ratings should replace them.
                  </span>
                </p>
              )
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
