/**
 * `fairshare propose --categories [--delta D]` (issue 17 quick category mode): balances each
 * person's mix of task categories within ±D points of the organization's instead of E/D, and prints
 * the moves as text or JSON `{ categories: {status, delta, movedHours, transfers, before, after} }`.
 * Exits 0 whatever the status (as propose does); 2 for what category mode cannot do (--out).
 */
import type { Highs } from 'highs';
import { balanceCategories, type CategoryBlocker } from '../../renderer/src/engine/categories/balance';
import { withAllocation } from '../../renderer/src/engine/categories/plan';
import { DEFAULT_MIN_BLOCK as MIN_BLOCK } from '../../renderer/src/engine/balance/blocks/types';
import { categoryShares, DEFAULT_CATEGORY_DELTA } from '../../renderer/src/engine/categories/shares';
import type { ImportIssue, Organization } from '../../renderer/src/engine/model/types';
import { UsageError } from './argValues';
import type { ProposeArgs } from './args';
import { categoriesJson, categoriesLines, points, type CategoriesJson } from './categoriesText';
import { loadOrganization } from './io';
import { count } from './summary';
import { oneLine } from './terminal';

/** --delta D: points of the organization's share, 0 to 100 ("10" or "10%" = ±10 points). */
export function categoryDeltaValue(flag: string, v: string | undefined): number {
  const text = (v ?? '').trim().replace(/%$/, '');
  const n = Number(text);
  // 0.1 would be a tenth of a point: almost surely meant as 10 points, so it is refused, not guessed.
  if (text === '' || !Number.isFinite(n) || n < 0 || n > 100 || (n > 0 && n < 1)) {
    throw new UsageError(`${flag} must be points of the organization's share from 0 to 100, e.g. ${flag} 10 for ±10 points, got "${v ?? ''}"`);
  }
  return n / 100;
}

export interface CategoryMove {
  taskId: string;
  task: string;
  /** Person ids, and names. */
  from: string;
  to: string;
  fromName: string;
  toName: string;
  hours: number;
}

export interface CategoriesProposal {
  status: 'optimal' | 'balanced' | 'infeasible' | 'time-limit' | 'failed' | 'no-categories';
  /** δ in share units (0.1 = ±10 points). */
  delta: number;
  movedHours: number;
  /** The exact minimum; movedHours exceeds it by the cost of whole 0.5-h blocks. */
  lpMovedHours: number;
  blocks: boolean;
  transfers: CategoryMove[];
  /** Transfers giving someone under 1 h a week of a task new to them that the plan could not avoid. */
  shortTransfers: number;
  blockers: CategoryBlocker[];
  before: CategoriesJson;
  after: CategoriesJson | null;
}

/** The proposal in category mode for an organization (exported for tests: no file, no solver loading). */
export function categoriesProposal(org: Organization, highs: Highs, delta: number): CategoriesProposal {
  const before = categoryShares(org, delta);
  const base = { delta, movedHours: 0, lpMovedHours: 0, blocks: false, transfers: [], shortTransfers: 0, blockers: [], before: categoriesJson(before), after: null };
  if (!before.hasCategories) return { ...base, status: 'no-categories' };
  const plan = balanceCategories(org, highs, delta);
  if (plan.status !== 'optimal') return { ...base, status: plan.status, blockers: plan.blockers };
  const person = new Map(org.people.map((p) => [p.id, p.name]));
  const task = new Map(org.tasks.map((t) => [t.id, t.name]));
  const after = categoryShares(withAllocation(org, plan.allocation), delta);
  return {
    status: plan.transfers.length ? 'optimal' : 'balanced', delta, movedHours: plan.movedHours, lpMovedHours: plan.lpMovedHours, blocks: plan.blocks, shortTransfers: plan.shortTransfers,
    transfers: plan.transfers.map((t) => ({ taskId: t.taskId, task: task.get(t.taskId) ?? t.taskId, from: t.from, to: t.to, fromName: person.get(t.from) ?? t.from, toName: person.get(t.to) ?? t.to, hours: t.hours })),
    blockers: [], before: base.before, after: categoriesJson(after),
  };
}

const h = (x: number) => `${Math.round(x * 100) / 100} h`;
const pct = (s: number) => `${Math.round(s * 100)}%`;

export function formatCategoriesProposal(p: CategoriesProposal, file: string, issues: readonly ImportIssue[], org: Organization): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const lines = errors + warnings ? [`The file has ${count(errors, 'error')} and ${count(warnings, 'warning')} (fairshare audit lists them); the plan leaves out what they left out.`, ''] : [];
  lines.push(`${oneLine(file)}: balancing categories of work to ±${points(p.delta)} points of the organization's mix`);
  if (p.status === 'no-categories') {
    lines.push('No task has a category, so there is nothing to balance: add a "Category" column (e.g. Managerial, Content, Administrative, Maintenance) to the tasks.');
    return lines.join('\n');
  }
  const audit = categoryShares(org, p.delta);
  lines.push(...categoriesLines(audit));
  if (p.status === 'infeasible') {
    lines.push('', `Cannot be met at ±${points(p.delta)} points${p.blockers.length ? ':' : '.'}`);
    for (const b of p.blockers) lines.push(`  ${oneLine(b.name)}: ${oneLine(b.reason)}`);
    lines.push('  Unlock their hours or widen the band (--delta).');
  } else if (p.status === 'time-limit' || p.status === 'failed') {
    lines.push('', `No plan (${p.status === 'time-limit' ? 'no answer within the time limit' : 'the solver failed'}).`);
  } else if (p.status === 'balanced') {
    lines.push('', `Every job is already within ±${points(p.delta)} points of the mix: nothing needs to move.`);
  } else {
    const total = p.before.totalHours;
    const exact = p.blocks ? `in whole 0.5-h blocks; the exact minimum is ${h(p.lpMovedHours)}` : 'not all in whole 0.5-h blocks: some bands are narrower than a block';
    lines.push('', `${Math.round(p.movedHours * 100) / 100} of ${Math.round(total * 100) / 100} weekly hours change hands (${pct(p.movedHours / total)}), in ${count(p.transfers.length, 'transfer')} (${exact}).`);
    lines.push(
      p.shortTransfers
        ? `${count(p.shortTransfers, 'transfer')} ${p.shortTransfers === 1 ? 'gives' : 'give'} someone under ${MIN_BLOCK} h a week of a task new to them (the bands leave them too little to take): worth merging by hand.`
        : `Every task new to someone is taken at ${MIN_BLOCK} h a week or more.`,
    );
    lines.push(`Balanced jobs: ${p.before.balancedPeople} → ${p.after!.balancedPeople} of ${p.before.people}; hours in balanced jobs ${pct(p.before.balancedHoursShare)} → ${pct(p.after!.balancedHoursShare)}.`);
    lines.push('', 'Moves (each giver hands hours of their own tasks in the category, largest first):');
    for (const t of p.transfers) lines.push(`  ${oneLine(t.task)}: ${oneLine(t.fromName)} → ${oneLine(t.toName)} ${h(t.hours)}`);
  }
  return lines.join('\n');
}

export async function proposeCategories(args: ProposeArgs): Promise<number> {
  if (args.out) {
    process.stderr.write('fairshare: --out is not written in category mode yet: use --json or the text output\n');
    return 2;
  }
  const { organization, result } = await loadOrganization(args);
  // Loaded only when a plan is asked for, from node_modules (as propose does).
  const { default: loadHighs } = await import('highs');
  const highs = (await loadHighs()) as Highs;
  const p = categoriesProposal(organization, highs, args.categoryDelta ?? DEFAULT_CATEGORY_DELTA);
  process.stdout.write(args.json ? JSON.stringify({ categories: p }, null, 2) + '\n' : formatCategoriesProposal(p, args.file, result.issues, organization) + '\n');
  return 0;
}
