/**
 * The proposal's sensitivity to the contested ratings in the Rating round view (issue 17): the
 * exact proposal solved three times in the engine worker (contested ratings at their lower
 * quartiles, medians and upper quartiles), on request, since each is an LP solve. The figures
 * belong to the organization, round and τ they were asked for: another of any of them hides them.
 */
import type { Organization } from '../engine/model/types';
import type { RoundResult } from '../engine/ratingRound/result';
import type { RoundSensitivity } from '../engine/ratingRound/sensitivity';
import { JobCancelled } from '../worker/client';
import { engineClient } from './engineJobs';
import { onOtherProject } from './projectChange';
import { Store, useStore } from './store';

/** What the figures were computed for: compared by identity (the view memoizes the round on its forms). */
export interface SensitivityKey {
  org: Organization;
  result: RoundResult;
  tolerance: number;
}

export interface ProposalSensitivityState {
  /** The request last made, or null. */
  key: SensitivityKey | null;
  busy: boolean;
  /** The worker's answer for `key` (its `proposal` part is the one shown; the cluster is computed in the view). */
  value: RoundSensitivity | null;
  error: string | null;
}

const initial: ProposalSensitivityState = { key: null, busy: false, value: null, error: null };

export const proposalSensitivityStore = new Store<ProposalSensitivityState>(initial);

function sameKey(a: SensitivityKey | null, b: SensitivityKey): boolean {
  return a !== null && a.org === b.org && a.result === b.result && a.tolerance === b.tolerance;
}

/** The state as it applies to `key`: idle when the last request was for another organization, round or τ. */
export function sensitivityFor(s: ProposalSensitivityState, key: SensitivityKey): ProposalSensitivityState {
  return sameKey(s.key, key) ? s : initial;
}

export function useProposalSensitivity(key: SensitivityKey): ProposalSensitivityState {
  return useStore(proposalSensitivityStore, (s) => sensitivityFor(s, key));
}

let serial = 0;

/**
 * Asks the worker for roundSensitivity(org, result, tolerance) with the solver; one request at a time
 * (a second for the same key while the first runs is ignored; one for another key supersedes it).
 */
export async function computeProposalSensitivity(key: SensitivityKey): Promise<void> {
  const s = proposalSensitivityStore.get();
  if (s.busy && sameKey(s.key, key)) return;
  const run = ++serial;
  proposalSensitivityStore.set({ key, busy: true, value: null, error: null });
  try {
    const value = await engineClient().run('roundSensitivity', { organization: key.org, result: key.result, tolerance: key.tolerance });
    if (run === serial) proposalSensitivityStore.set({ busy: false, value });
  } catch (err) {
    if (run !== serial) return;
    // Cancelled with the other engine jobs (the Proposal view's Cancel): back to the button.
    if (err instanceof JobCancelled) proposalSensitivityStore.set(initial);
    else proposalSensitivityStore.set({ busy: false, error: `The proposal's sensitivity could not be computed: ${err instanceof Error ? err.message : String(err)}` });
  }
}

export function resetProposalSensitivity(): void {
  serial++;
  proposalSensitivityStore.set(initial);
}

onOtherProject(resetProposalSensitivity);
