/**
 * The Proposal view in category mode (issue 17): what the category plan does — figures before →
 * after, each person's mix now and after, the transfers, the mix chart — or why there is none (locks
 * that block the band, a solver that ran out of time), with Apply as one undo step. A plan made for
 * an earlier organization or another δ is shown dimmed, named as such, with "Balance again".
 * Test hooks: category-plan, category-plan-status (data-status), category-plan-stale (data-reason),
 * category-apply, category-apply-error, chart-category-plan-mix.
 */
import { useMemo, useState } from 'react';
import { pseudonymizer } from '../../engine/analysis/pseudonymize';
import type { CategoryPlan } from '../../engine/categories/balance';
import type { Organization } from '../../engine/model/types';
import { applyCategoryPlan, categoryDeltaOf, planCurrency, runCategoryBalance, useCategories } from '../../state/categories';
import { useWorkspace } from '../../state/workspace';
import { fmtHours, plural } from '../../ui/figure-format';
import { useChartTheme } from '../charts/chartTheme';
import { MixChart } from '../categories/CategoryMixChart';
import { beforeAfterRows } from '../categories/categoryChartData';
import { deltaPoints } from '../categories/categoryText';
import { CategoryFigures } from './CategoryFigures';
import { CategoryMixTable } from './CategoryMixTable';
import { categoryResults } from './categoryResultsData';
import { TransferList } from './TransfersTable';

/** People whose bars are drawn (two bars each); the data table lists everyone. */
const CHART_PEOPLE = 30;

function NoPlan({ plan, name }: { plan: CategoryPlan; name: (n: string) => string }) {
  return (
    <div className="proposal-status card" role="status" data-testid="category-plan-status" data-status={plan.status}>
      <p>
        <strong>
          {plan.status === 'infeasible'
            ? `No plan balances every job within ±${deltaPoints(plan.delta)} points: locked hours stand in the way.`
            : plan.status === 'time-limit'
              ? 'The solver ran out of time before it found the best plan.'
              : 'The solver failed.'}
        </strong>
      </p>
      {plan.blockers.length > 0 && (
        <ul>
          {plan.blockers.map((b) => (
            <li key={b.personId}>
              {name(b.name)}: {b.reason}
            </li>
          ))}
        </ul>
      )}
      {plan.status === 'infeasible' && <p className="muted">Unlock their hours (Jobs) or widen the band.</p>}
    </div>
  );
}

function PlanResults({ org, plan, name }: { org: Organization; plan: CategoryPlan; name: (n: string) => string }) {
  const theme = useChartTheme();
  const projectName = useWorkspace((s) => s.project?.name ?? 'Fairshare');
  const results = useMemo(() => categoryResults(org, plan, name), [org, plan, name]);
  const rows = useMemo(() => beforeAfterRows(results.before, results.after, name), [results, name]);
  const [applyError, setApplyError] = useState<string | null>(null);
  if (plan.transfers.length === 0) {
    return (
      <p className="proposal-status card" role="status" data-testid="category-plan-status" data-status="balanced">
        Every job is already within ±{deltaPoints(plan.delta)} points of the organization's mix in every category: nothing needs to move.
      </p>
    );
  }
  const caption = `Each job's mix now (pale) and after the plan, against the organization's (top); furthest off now first. ${results.balancedBefore} → ${results.balancedAfter} of ${results.people} jobs within ±${deltaPoints(plan.delta)} points.`;
  return (
    <>
      <CategoryFigures results={results} plan={plan} />
      <div className="proposal-apply">
        <button type="button" className="primary" data-testid="category-apply" onClick={() => setApplyError(applyCategoryPlan())}>
          Apply: make these the jobs
        </button>
        <span className="muted">{plural(plan.transfers.length, 'transfer')}; Undo brings the present jobs back.</span>
        {applyError && (
          <span className="proposal-error" role="alert" data-testid="category-apply-error">
            {applyError}
          </span>
        )}
      </div>
      <section className="proposal-section" aria-labelledby="category-mixes-title">
        <h3 id="category-mixes-title">Each job's mix, now → after</h3>
        <CategoryMixTable audit={results.before} mixes={results.mixes} />
      </section>
      <section className="proposal-section" aria-labelledby="category-transfers-title">
        <h3 id="category-transfers-title">
          Transfers <span className="muted">({results.transfers.length}, {fmtHours(plan.movedHours)} h a week)</span>
        </h3>
        <p className="muted proposal-note">Within each category, givers hand hours of their own tasks in it, largest first, to the people who need more of that category.</p>
        <TransferList rows={results.transfers} departments={results.departments} />
      </section>
      <MixChart
        id="category-plan-mix" title="Category mix of each job, now and after" audit={results.before} rows={rows} drawn={1 + 2 * CHART_PEOPLE}
        caption={caption} theme={theme} exportStem={`${projectName} – category plan mix`}
        note={results.people > CHART_PEOPLE ? `The ${CHART_PEOPLE} jobs furthest off now are drawn; the data table lists everyone.` : undefined}
      />
    </>
  );
}

export function CategoryResults() {
  const project = useWorkspace((s) => s.project);
  const pseudonymize = useWorkspace((s) => s.pseudonymize);
  const plan = useCategories((s) => s.plan);
  const planFor = useCategories((s) => s.planFor);
  const error = useCategories((s) => s.error);
  const running = useCategories((s) => s.running !== null);
  const name = useMemo(() => {
    if (!pseudonymize || !planFor) return (n: string) => n;
    const alias = pseudonymizer(planFor.people.map((p) => p.name));
    return (n: string) => alias.name(n);
  }, [planFor, pseudonymize]);
  if (!project) return null;
  const currency = planCurrency({ plan, planFor }, project);
  return (
    <>
      {error && (
        <p className="proposal-error" role="alert">
          The category plan failed: {error}
        </p>
      )}
      {(currency === 'organization' || currency === 'delta') && (
        <p className="proposal-stale card" role="note" data-testid="category-plan-stale" data-reason={currency}>
          {currency === 'delta'
            ? `This plan was made at ±${deltaPoints(plan!.delta)} points; the band is now ±${deltaPoints(categoryDeltaOf(project))}.`
            : 'This plan was made before the latest changes to the organization.'}{' '}
          <button type="button" className="link-button" onClick={() => void runCategoryBalance()} disabled={running}>
            Balance again
          </button>
        </p>
      )}
      {plan && planFor && (
        <div className={currency === 'current' ? 'proposal-results' : 'proposal-results stale'} data-testid="category-plan" data-status={plan.status} data-delta={plan.delta}>
          {plan.status === 'optimal' ? <PlanResults org={planFor} plan={plan} name={name} /> : <NoPlan plan={plan} name={name} />}
        </div>
      )}
    </>
  );
}
