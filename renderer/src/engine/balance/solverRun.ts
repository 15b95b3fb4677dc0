/**
 * Runs one HiGHS model under a time limit and classifies the outcome, so no solver call can hang
 * or throw past the optimizer: a time limit or an internal solver failure becomes a status.
 */
import type { Highs } from 'highs';

export type RunStatus = 'optimal' | 'infeasible' | 'time-limit' | 'failed';

type HighsModel = ReturnType<Highs['createModel']>;

/**
 * Seconds each kind of solve may take (HiGHS `time_limit`, wall clock, per solve). The main solve
 * may take two minutes: at 2,000 people with both dimensions it needs about 40 s on a 2-core
 * machine, and without it there is no plan at all (the host shows progress and can cancel).
 */
export const TIME_LIMITS = { main: 120, option: 10, diagnosis: 5, rounding: 10 } as const;

/**
 * Runs the model (its options already set, `time_limit` included) and classifies the result. The
 * interior-point method occasionally fails on an infeasible model (HiGHS status -1) where simplex
 * proves infeasibility, so a failure or unclassified status is retried once with simplex from
 * scratch, within what is left of the same time limit (HiGHS counts it cumulatively).
 */
export function runWithLimit(highs: Highs, model: HighsModel): RunStatus {
  const s = highs.constants.modelStatus;
  const classify = (): RunStatus | null => {
    const code = model.getModelStatus();
    if (code === s.optimal) return 'optimal';
    if (code === s.infeasible || code === s.unboundedOrInfeasible) return 'infeasible';
    if (code === s.timeLimit) return 'time-limit';
    return null;
  };
  model.zeroAllClocks();
  try {
    model.run();
    const first = classify();
    if (first) return first;
  } catch {
    // fall through to simplex
  }
  try {
    model.clearSolver();
    model.options.set({ solver: 'simplex' });
    model.run();
    return classify() ?? 'failed';
  } catch {
    return 'failed';
  }
}
