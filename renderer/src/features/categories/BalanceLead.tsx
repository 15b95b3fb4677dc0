/**
 * The Overview's way into a category plan: "Balance categories" opens the Proposal view in category
 * mode and starts the run there (one state, state/categories.ts, so both show the same plan); when a
 * plan for the organization and δ as they are is ready, one line says what it does and leads to it.
 * Test hooks: category-balance, category-plan-ready (data-before, data-after, data-people), category-plan-open.
 */
import { useMemo } from 'react';
import type { CategoryAudit } from '../../engine/categories/shares';
import { withAllocation } from '../../engine/categories/plan';
import { categoryShares } from '../../engine/categories/shares';
import { planCurrency, runCategoryBalance, useCategories } from '../../state/categories';
import { setBasis } from '../../state/proposal';
import { actions, useWorkspace } from '../../state/workspace';
import { fmtHours } from '../../ui/figure-format';
import { deltaPoints } from './categoryText';

function openProposal(run: boolean): void {
  setBasis('categories');
  actions.setView('proposal');
  if (run) void runCategoryBalance();
}

export function BalanceLead({ audit }: { audit: CategoryAudit }) {
  const running = useCategories((s) => s.running !== null);
  const plan = useCategories((s) => s.plan);
  const planFor = useCategories((s) => s.planFor);
  const project = useWorkspace((s) => s.project);
  const ready = plan?.status === 'optimal' && planCurrency({ plan, planFor }, project) === 'current' ? plan : null;
  const after = useMemo(() => (ready && project ? categoryShares(withAllocation(project.organization, ready.allocation), ready.delta).balancedPeople : null), [ready, project]);

  return (
    <div className="categories-balance">
      <div className="categories-balance-head">
        <button type="button" className="primary" data-testid="category-balance" disabled={running} onClick={() => openProposal(true)}>
          Balance categories
        </button>
        <span className="muted">
          Opens the Proposal view in category mode: the fewest hours moved between people so every job is within ±{deltaPoints(audit.delta)} points of the mix.
        </span>
      </div>
      {running && (
        <p className="muted" role="status">
          A category plan is being made in the Proposal view.{' '}
          <button type="button" className="link-button" onClick={() => openProposal(false)}>Go there</button>
        </p>
      )}
      {ready && after !== null && (
        <p data-testid="category-plan-ready" data-before={audit.balancedPeople} data-after={after} data-people={audit.people.length}>
          A plan is ready: {audit.balancedPeople} → {after} of {audit.people.length} jobs balanced, {fmtHours(ready.movedHours)} h a week changing hands.{' '}
          <button type="button" className="link-button" data-testid="category-plan-open" onClick={() => openProposal(false)}>
            See it in the Proposal view
          </button>
        </p>
      )}
    </div>
  );
}
