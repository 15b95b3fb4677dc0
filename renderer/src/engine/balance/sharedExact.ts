/**
 * One exact balance LP shared by everything a `propose` run asks of it: the exact plan (propose),
 * the block plan's bound (planInBlocks) and the learning cost's λ = 0 point used to build and solve
 * the very same LP each — three solves of the most expensive step (≈ 30 s each at 2,000 people
 * with both dimensions). Built once, solved once per tolerance; the owner disposes it.
 */
import type { Organization } from '../model/types';
import { buildModel, type BalanceModel } from './model';
import { BalanceLp, type LpSolution } from './lp';
import type { Highs } from './types';

export class SharedExact {
  readonly model: BalanceModel;
  readonly lp: BalanceLp;
  private readonly solved = new Map<number, LpSolution>();

  /**
   * `tau`: the tolerance (normalized 0–1) first asked; `timeLimit`: seconds per solve.
   * `personHours` as buildModel's (a chore rotation's movable hours per person).
   */
  constructor(
    org: Organization,
    highs: Highs,
    readonly balanceD: boolean,
    readonly personHours: ReadonlyMap<string, number> | undefined,
    tau: number,
    timeLimit: number,
  ) {
    this.model = buildModel(org, balanceD, personHours);
    this.lp = new BalanceLp(this.model, highs, tau, false, timeLimit);
  }

  /** Whether this LP is the one a caller with these settings would build. */
  fits(balanceD: boolean, personHours: ReadonlyMap<string, number> | undefined): boolean {
    return this.balanceD === balanceD && this.personHours === personHours;
  }

  /**
   * The solution at `tau` (normalized); a definite answer (optimal or infeasible) is kept, so a
   * second caller at the same tolerance gets the same plan without solving again.
   */
  solve(tau: number, timeLimit?: number): LpSolution {
    const known = this.solved.get(tau);
    if (known) return known;
    const sol = this.lp.solve(tau, timeLimit);
    if (sol.status === 'optimal' || sol.status === 'infeasible') this.solved.set(tau, sol);
    return sol;
  }

  dispose(): void {
    this.lp.dispose();
  }
}
