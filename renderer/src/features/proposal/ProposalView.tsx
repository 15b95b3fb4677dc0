/**
 * The Proposal view: the choices, the run, and what the plan does — figures before → after, the
 * options curve (a click re-plans at that tolerance; it follows the plan, computed after it), the job map before and after, each person's
 * new job, the transfers, training and the chore rotation — or, when the band cannot be reached,
 * why in plain words with one click to the tightest reachable tolerance.
 * Kept scenarios and their comparison follow the results (features/scenarios). When the tasks have
 * categories, "Balance by" switches to category mode (issue 17): the category plan instead.
 * Test hooks: proposal-view (data-basis), proposal-status, proposal-stale, proposal-tightest, proposal-export, proposal-options.
 */
import { memo, useDeferredValue, useEffect, useMemo } from 'react';
import type { FullProposal } from '../../engine/balance/fullProposal';
import { exportProposal, prepareSolver, runProposal, useProposal } from '../../state/proposal';
import { useWorkspace } from '../../state/workspace';
import { basisFor, hasCategories, useCategories } from '../../state/categories';
import { fmtHours } from '../../ui/figure-format';
import { formatNumber } from '../../ui/table-NumberInput';
import { KeepScenario } from '../scenarios/KeepScenario';
import { ScenariosView } from '../scenarios/ScenariosView';
import { BalanceBy } from './BalanceBy';
import { BeforeAfterCharts } from './BeforeAfterCharts';
import { CategoryControls } from './CategoryControls';
import { CategoryResults } from './CategoryResults';
import { ExtrasStatus } from './ExtrasStatus';
import { LearningCost } from './LearningCost';
import { OptionsCurve } from './OptionsCurve';
import { PersonCards } from './PersonCards';
import { ProposalControls } from './ProposalControls';
import { ProposalFigures } from './ProposalFigures';
import { RotationGrid } from './RotationGrid';
import { TrainingPlan } from './TrainingPlan';
import { TransfersTable } from './TransfersTable';
import '../../ui/figure-view.css';
import './proposal.css';

/** What happened, in one paragraph, for every status but a plan to show. */
function StatusNote({ proposal }: { proposal: FullProposal }) {
  const r = proposal.report;
  if (r.status === 'optimal') return null;
  if (r.status === 'infeasible') {
    const tightest = r.diagnosis?.tightestTolerance ?? null;
    return (
      <div className="proposal-status card" role="status" data-testid="proposal-status" data-status={r.status}>
        <p>
          <strong>No plan keeps every job within ±{formatNumber(r.tolerance)} points.</strong> {r.diagnosis?.message}
        </p>
        {tightest !== null && (
          // Rounded up to a hundredth so the tolerance asked is never just below the reachable one.
          <button type="button" data-testid="proposal-tightest" onClick={() => void runProposal({ tolerance: Math.ceil(tightest * 100 - 1e-9) / 100 })}>
            Use the tightest reachable tolerance (±{formatNumber(Math.ceil(tightest * 100 - 1e-9) / 100)} points)
          </button>
        )}
      </div>
    );
  }
  const text =
    r.status === 'balanced'
      ? `Every job is already within ±${formatNumber(r.tolerance)} points of the mean: nothing needs to move.`
      : r.before.mean === null
        ? 'No task is rated for empowerment, so no two jobs can be compared: rate the tasks first (Tasks & ratings).'
        : `No proposal: ${r.statusMessage ?? r.status}.`;
  return (
    <p className="proposal-status card" role="status" data-testid="proposal-status" data-status={r.status}>
      {text}
    </p>
  );
}

/** Kept scenarios and their comparison take no props: the curve filling in the result above need not redraw their charts. */
const Scenarios = memo(ScenariosView);

/** The figures and any warnings of the plan; memoized, so the curve filling in later does not render them again. */
const PlanHead = memo(function PlanHead({ plan }: { plan: FullProposal }) {
  const r = plan.report;
  return (
    <>
      <ProposalFigures proposal={plan} />
      {r.blocks && (r.blocks.outOfBand.length > 0 || r.blocks.overNewTasks.length > 0) && (
        <div className="card proposal-warnings" role="note">
          {r.blocks.outOfBand.map((o) => (
            <p key={`${o.person}-${o.dimension}`}>{o.message}</p>
          ))}
          {r.blocks.overNewTasks.map((o) => (
            <p key={o.person}>
              {o.person} {o.message}
            </p>
          ))}
        </div>
      )}
    </>
  );
});

/** The options curve and the learning cost, or where they will be while the worker still computes them. */
function OptionsSection({ report: r, running }: { report: FullProposal['report']; running: boolean }) {
  const computing = useProposal((s) => s.extras?.status === 'computing');
  const curveToCome = useProposal((s) => s.extras?.todo.options === true);
  return (
    <section className="proposal-section" aria-labelledby="proposal-options-title" aria-busy={computing} data-testid="proposal-options">
      <h3 id="proposal-options-title">How far to rebalance</h3>
      {r.options.length > 0 ? (
        <OptionsCurve options={r.options} current={r.tolerance} scale={r.scale} onPick={(t) => void runProposal({ tolerance: t })} disabled={running} />
      ) : (
        !curveToCome && <p className="muted">{r.optionsNote ?? 'No options curve for this plan.'}</p>
      )}
      {r.learningCost && <LearningCost points={r.learningCost} />}
      <ExtrasStatus />
    </section>
  );
}

/** The job map, new jobs, transfers, training and rotation of the plan; memoized like PlanHead (hundreds of cards and rows). */
const PlanBody = memo(function PlanBody({ plan }: { plan: FullProposal }) {
  const r = plan.report;
  return (
    <>
      <BeforeAfterCharts proposal={plan} />
      <section className="proposal-section" aria-labelledby="proposal-people-title">
        <h3 id="proposal-people-title">New jobs</h3>
        <PersonCards proposal={plan} />
      </section>
      <section className="proposal-section" aria-labelledby="proposal-transfers-title">
        <h3 id="proposal-transfers-title">
          Transfers <span className="muted">({r.transfers.length}, {fmtHours(r.movedHours)} h a week)</span>
        </h3>
        <TransfersTable proposal={plan} />
      </section>
      <TrainingPlan proposal={plan} />
      {plan.rotationNote && <p className="muted">{plan.rotationNote}</p>}
      {plan.rotation && (
        <section className="proposal-section" aria-labelledby="proposal-rotation-title">
          <h3 id="proposal-rotation-title">Chore rotation over {plan.rotation.weeks} weeks</h3>
          <RotationGrid rotation={plan.rotation} />
        </section>
      )}
    </>
  );
});

/**
 * `plan` is the result as first painted and `proposal` the result with its extras: everything but the
 * options section is drawn from `plan`, whose identity the extras do not change.
 */
function Results({ proposal, plan, running }: { proposal: FullProposal; plan: FullProposal; running: boolean }) {
  // The charts, cards and tables (hundreds of elements) are rendered in the background, in slices
  // that let key presses through, after the figures are painted; until then a note stands in.
  const body = useDeferredValue(plan, null);
  return (
    <>
      <PlanHead plan={plan} />
      <OptionsSection report={proposal.report} running={running} />
      {body === plan ? (
        <PlanBody plan={body} />
      ) : (
        <p className="muted" role="status" data-testid="proposal-drawing">
          Drawing the job map, the new jobs and the transfers…
        </p>
      )}
    </>
  );
}

/** The view in category mode (issue 17): the band δ, the category plan's run and its results. */
function CategoryMode() {
  const running = useCategories((s) => s.running !== null);
  return (
    <section className="proposal" aria-labelledby="proposal-title" data-testid="proposal-view" data-basis="categories" aria-busy={running}>
      <div className="proposal-head">
        <h2 id="proposal-title">Proposal</h2>
      </div>
      <p className="muted proposal-intro">
        Balanced jobs by category of work: every job's share of hours in each category within the band of the organization's share, with as few hours
        changing hands as whole half-hour blocks allow. Nothing changes in the organization until you apply a plan.
      </p>
      <BalanceBy basis="categories" />
      <CategoryControls />
      <CategoryResults />
    </section>
  );
}

export function ProposalView() {
  const project = useWorkspace((s) => s.project);
  // The solver loads while the person looks at the settings, not after the click.
  useEffect(() => prepareSolver(), []);
  const revision = useWorkspace((s) => s.revision);
  const result = useProposal((s) => s.result);
  const plan = useProposal((s) => s.plan);
  const resultRevision = useProposal((s) => s.resultRevision);
  const error = useProposal((s) => s.error);
  const running = useProposal((s) => s.running !== null);
  const chosen = useProposal((s) => s.basis);
  const org = project?.organization ?? null;
  const categories = useMemo(() => hasCategories(org), [org]);
  const basis = useMemo(() => basisFor(chosen, org), [chosen, org]);
  if (!project) return null;
  if (basis === 'categories') return <CategoryMode />;
  const stale = result !== null && resultRevision !== revision;
  return (
    <section className="proposal" aria-labelledby="proposal-title" data-testid="proposal-view" data-basis="ratings" aria-busy={running}>
      <div className="proposal-head">
        <h2 id="proposal-title">Proposal</h2>
        <div className="proposal-head-actions">
          <KeepScenario />
          {result && result.report.status === 'optimal' && (
            <button type="button" data-testid="proposal-export" onClick={() => void exportProposal()} disabled={running}>
              Export proposal workbook…
            </button>
          )}
        </div>
      </div>
      <p className="muted proposal-intro">
        Balanced jobs for the coming quarter: every job within the band of the mean, with as few hours changing hands as whole blocks allow. Nothing
        changes in the organization until you apply a plan.
      </p>
      {categories && <BalanceBy basis="ratings" />}
      <ProposalControls />
      {error && (
        <p className="proposal-error" role="alert">
          The proposal failed: {error}
        </p>
      )}
      {stale && (
        <p className="proposal-stale card" role="note" data-testid="proposal-stale">
          This proposal was made before the latest changes to the organization.{' '}
          <button type="button" className="link-button" onClick={() => void runProposal()} disabled={running}>
            Propose again
          </button>
        </p>
      )}
      {result && (
        <div className={stale ? 'proposal-results stale' : 'proposal-results'} data-testid="proposal-results" data-tolerance={result.report.tolerance} data-status={result.report.status}>
          <StatusNote proposal={result} />
          {result.report.status === 'optimal' && <Results proposal={result} plan={plan ?? result} running={running} />}
        </div>
      )}
      <Scenarios />
    </section>
  );
}
