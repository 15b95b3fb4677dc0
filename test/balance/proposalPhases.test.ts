/**
 * A proposal in two phases (issue 15, results on screen sooner): makeProposalPlan gives everything
 * but the options curve and the learning cost, proposalExtras adds them on the same exact LP, and
 * makeProposal — the two composed — gives the very report the one-call makeProposal gave before the
 * split (proposalPhases.oneShot.ts), byte for byte as JSON, on the Riverside sample under the
 * default settings, empowerment only, exact hours, qualifications from current, chores rotating, a
 * balanced organization and an infeasible one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addProposalExtras, disposePending, makeProposal, makeProposalPlan, proposalExtras, type ProposalSettings } from '../../renderer/src/engine/balance/fullProposal';
import { propose } from '../../renderer/src/engine/balance/propose';
import { SharedExact } from '../../renderer/src/engine/balance/sharedExact';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { importOrganization } from '../../renderer/src/engine/import';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { getHighs } from '../helpers/balance-run';
import { oneShotProposal } from './proposalPhases.oneShot';

let highs: Highs;
let sample: Organization;
beforeAll(async () => {
  highs = await getHighs();
  const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
  sample = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
});
afterEach(() => vi.restoreAllMocks());

const DEFAULT: ProposalSettings = { desirability: true, granularity: 0.5, minBlock: 1, maxNewTasks: 3, file: 'sample-organization.xlsx' };
/** Every assignment locked: nothing can move, so the default band cannot be met. */
const locked = (o: Organization): Organization => ({ ...o, assignments: o.assignments.map((a) => ({ ...a, locked: true })) });

const CASES: [string, (o: Organization) => Organization, (o: Organization) => Partial<ProposalSettings>][] = [
  ['the default settings', (o) => o, () => ({})],
  ['empowerment only', (o) => o, () => ({ desirability: false })],
  ['exact hours (no blocks)', (o) => o, () => ({ granularity: 0 })],
  ['qualifications from current', (o) => o, () => ({ qualifyFromCurrent: true })],
  ['two chores rotating', (o) => o, (o) => ({ choreIds: o.tasks.slice(0, 2).map((t) => t.id) })],
  ['a band every job is in already (balanced)', (o) => o, () => ({ tolerance: 19 })],
  ['every assignment locked (infeasible)', locked, () => ({})],
];

describe('makeProposal composed of the plan and its extras', () => {
  it.each(CASES)('gives the one-call report byte for byte: %s', (_name, orgOf, patch) => {
    const org = orgOf(sample);
    const settings = { ...DEFAULT, ...patch(org) };
    const before = oneShotProposal(org, highs, settings);
    const composed = makeProposal(org, highs, settings);
    // As JSON, so the keys' order counts too (the CLI prints the report with --json).
    expect(JSON.stringify(composed)).toBe(JSON.stringify(before));
    const plan = makeProposalPlan(org, highs, settings);
    const byHand = plan.pending ? addProposalExtras(plan.proposal, proposalExtras(plan.pending)) : plan.proposal;
    expect(JSON.stringify(byHand)).toBe(JSON.stringify(before));
  });

  it('leaves the options curve and the learning cost of an optimal plan to the second phase, and the rest is final', () => {
    const full = makeProposal(sample, highs, DEFAULT);
    const { proposal, pending } = makeProposalPlan(sample, highs, DEFAULT);
    expect(full.report.status).toBe('optimal');
    expect(pending?.todo).toEqual({ options: true, learning: true });
    expect(proposal.report.options).toEqual([]);
    expect(proposal.report).not.toHaveProperty('learningCost');
    // Everything else is what the full proposal shows.
    const { options: _o, learningCost: _l, ...rest } = full.report;
    const { options: _p, ...planRest } = proposal.report;
    expect(planRest).toEqual(rest);
    expect(proposal.care).toEqual(full.care);
    expect(proposal.allocationIds).toEqual(full.allocationIds);
    // The extras: five points of the curve (0.5, 1, 2, 3 and the current spread), λ = 0, 1, 2.
    const extras = proposalExtras(pending!);
    expect(extras.options?.points.map((p) => p.tolerance)).toEqual(full.report.options.map((p) => p.tolerance));
    expect(extras.options?.points).toHaveLength(5);
    expect(extras.learningCost?.map((l) => l.lambda)).toEqual([0, 1, 2]);
    // λ = 0 is the exact plan the LP kept from the first phase: its hours moved are the bound.
    expect(extras.learningCost![0].movedHours).toBeCloseTo(full.report.bound!, 9);
  });

  it('traces the curve of an infeasible proposal in the plan phase (a second phase would repeat the diagnosis)', () => {
    const { proposal, pending } = makeProposalPlan(locked(sample), highs, DEFAULT);
    expect(proposal.report.status).toBe('infeasible');
    expect(pending).toBeNull();
    expect(proposal.report.options.length).toBeGreaterThan(0);
    expect(proposal.report.diagnosis?.message).toBeTruthy();
  });

  it('a balanced organization still gets its curve later, with no learning cost to weigh', () => {
    const { proposal, pending } = makeProposalPlan(sample, highs, { ...DEFAULT, tolerance: 19 });
    expect(proposal.report.status).toBe('balanced');
    expect(pending?.todo).toEqual({ options: true, learning: false });
    disposePending(pending);
  });

  it('frees the exact LP once the extras are computed, and disposePending frees one never asked for', () => {
    const dispose = vi.spyOn(SharedExact.prototype, 'dispose');
    const first = makeProposalPlan(sample, highs, DEFAULT);
    expect(dispose).not.toHaveBeenCalled();
    proposalExtras(first.pending!);
    expect(dispose).toHaveBeenCalledTimes(1);
    const second = makeProposalPlan(sample, highs, DEFAULT);
    disposePending(second.pending);
    expect(dispose).toHaveBeenCalledTimes(2);
    // A plan with nothing to come frees its LP itself.
    makeProposalPlan(locked(sample), highs, DEFAULT);
    expect(dispose).toHaveBeenCalledTimes(3);
  });

  it('after a main solve slower than a curve point may take, leaves the curve out with the note propose gives', () => {
    // A clock that jumps 25 s during every exact solve: the main solve "takes" 25 s, over the 10 s rule.
    let clock = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const solve = SharedExact.prototype.solve;
    vi.spyOn(SharedExact.prototype, 'solve').mockImplementation(function (this: SharedExact, tau: number, limit?: number) {
      clock += 25_000;
      return solve.call(this, tau, limit);
    });
    const alone = propose(sample, highs, { tolerance: 0.95, desirability: true });
    expect(alone.options).toEqual([]);
    expect(alone.optionsNote).toMatch(/left out: the exact plan took 25 s/);
    const { proposal, pending } = makeProposalPlan(sample, highs, DEFAULT);
    expect(proposal.report.options).toEqual([]);
    expect(proposal.report.optionsNote).toBe(alone.optionsNote);
    // The learning cost (not a curve) is still to come.
    expect(pending?.todo).toEqual({ options: false, learning: true });
    disposePending(pending);
  });
});
