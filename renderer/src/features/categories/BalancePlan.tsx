/**
 * "Balance categories": runs the category LP in the engine worker at the panel's δ and shows the
 * plan — hours moved (and the exact minimum when whole 0.5-h blocks cost more), balanced jobs
 * before → after, every transfer — with "Apply", which makes it the organization's jobs (one undo step).
 * Test hooks: category-balance, category-balance-progress, category-plan, category-moved (data-value),
 * category-lp-moved (data-value), category-balanced-after (data-before, data-after, data-people),
 * category-transfer (rows), category-apply, category-plan-error.
 */
import { useMemo, useState } from 'react';
import type { CategoryAudit } from '../../engine/categories/shares';
import type { Organization } from '../../engine/model/types';
import { applyCategoryPlan, planFigures, planIsCurrent, runCategoryBalance, useCategories } from '../../state/categories';
import { useWorkspace } from '../../state/workspace';
import { fmtHours, fmtPct, plural } from '../../ui/figure-format';
import { deltaPoints } from './categoryText';

/** Float noise between the block plan and the exact optimum, in hours: below it they are the same. */
const SAME = 1e-6;

export function BalancePlan({ org, audit, name }: { org: Organization; audit: CategoryAudit; name: (n: string) => string }) {
  const running = useCategories((s) => s.running);
  const plan = useCategories((s) => s.plan);
  const error = useCategories((s) => s.error);
  const current = useCategories((s) => s);
  const revision = useWorkspace((s) => s.revision);
  const [applyError, setApplyError] = useState<string | null>(null);
  const isCurrent = planIsCurrent(current, revision);
  const figures = useMemo(() => (plan && plan.status === 'optimal' && isCurrent ? planFigures(org, plan, name) : null), [org, plan, name, isCurrent]);

  return (
    <div className="categories-balance">
      <div className="categories-balance-head">
        <button type="button" className="primary" data-testid="category-balance" disabled={running} onClick={() => { setApplyError(null); void runCategoryBalance(); }}>
          Balance categories
        </button>
        <span className="muted">The fewest hours moved between people so every job is within ±{deltaPoints(audit.delta)} points of the mix, in half-hour blocks where the bands allow.</span>
      </div>
      {running && (
        <div className="categories-progress" role="status" data-testid="category-balance-progress">
          <progress aria-label="Balancing the categories" />
          <span>Balancing the categories…</span>
        </div>
      )}
      {error && <p className="categories-error" role="alert" data-testid="category-plan-error">The balance failed: {error}</p>}
      {plan && !isCurrent && !running && <p className="muted" data-testid="category-plan-stale">The organization changed since this plan was made: balance again.</p>}
      {plan && isCurrent && plan.status !== 'optimal' && (
        <div className="categories-error" role="alert" data-testid="category-plan-error">
          <p>
            {plan.status === 'infeasible'
              ? `No plan balances everyone within ±${deltaPoints(plan.delta)} points: locked hours stand in the way.`
              : plan.status === 'time-limit'
                ? 'The solver ran out of time before it found the best plan.'
                : 'The solver failed.'}
          </p>
          {plan.blockers.length > 0 && (
            <ul>
              {plan.blockers.map((b) => (
                <li key={b.personId}>{name(b.name)}: {b.reason}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {plan && figures && (
        <div className="categories-plan" data-testid="category-plan">
          <p>
            <span data-testid="category-moved" data-value={plan.movedHours}>
              <strong>{fmtHours(plan.movedHours)} hours a week</strong> change hands
            </span>
            {plan.movedHours - plan.lpMovedHours > SAME ? (
              <span data-testid="category-lp-moved" data-value={plan.lpMovedHours}> (the exact minimum is {fmtHours(plan.lpMovedHours)} h; whole half-hour blocks cost the rest)</span>
            ) : (
              <span data-testid="category-lp-moved" data-value={plan.lpMovedHours}> (the exact minimum)</span>
            )}
            .
          </p>
          <p data-testid="category-balanced-after" data-before={figures.balancedBefore} data-after={figures.balancedAfter} data-people={figures.people}>
            Balanced jobs: <strong>{figures.balancedBefore} → {figures.balancedAfter} of {figures.people}</strong>; {fmtPct(figures.hoursShareAfter)} of hours in balanced jobs after.
          </p>
          {figures.transfers.length > 0 && (
            // Scrolls past a dozen rows; focusable so keyboard users can scroll it.
            <div className="categories-transfers-frame" tabIndex={0} role="region" aria-label="The plan's transfers">
            <table className="categories-transfers">
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col" className="num">Hours a week</th>
                </tr>
              </thead>
              <tbody>
                {figures.transfers.map((t, i) => (
                  <tr key={i} data-testid="category-transfer">
                    <td>{t.task}</td>
                    <td>{t.from}</td>
                    <td>{t.to}</td>
                    <td className="num" data-value={t.hours}>{fmtHours(t.hours)} h</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
          <div className="categories-apply">
            <button type="button" data-testid="category-apply" onClick={() => setApplyError(applyCategoryPlan())}>
              Apply: make these the jobs
            </button>
            <span className="muted">{plural(figures.transfers.length, 'transfer')}; Undo brings the present jobs back.</span>
          </div>
        </div>
      )}
      {applyError && <p className="categories-error" role="alert">{applyError}</p>}
    </div>
  );
}
