// A realistic proposal for the Proposal view's chart tests: the engine's makeProposal on the Riverside sample (both dimensions, 0.5 h blocks).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeProposal, type FullProposal } from '../../../renderer/src/engine/balance/fullProposal';
import type { JobChange } from '../../../renderer/src/engine/balance/proposalReport';
import { importOrganization } from '../../../renderer/src/engine/import';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';
import { getHighs } from '../../helpers/balance-run';

let made: Promise<FullProposal> | null = null;

/** The sample organization's default proposal, made once per test file. */
export function riversideProposal(): Promise<FullProposal> {
  made ??= getHighs().then((highs) => {
    const file = path.join(__dirname, '..', '..', '..', 'resources', 'sample-organization.xlsx');
    const org = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
    return makeProposal(org, highs, { desirability: true, granularity: 0.5, file: 'sample' });
  });
  return made;
}

/** The jobs repeated (names numbered) up to n people, for an organization of n. */
export function manyJobs(jobs: readonly JobChange[], n: number): JobChange[] {
  return Array.from({ length: n }, (_, i) => ({ ...jobs[i % jobs.length], name: `${jobs[i % jobs.length].name} ${Math.floor(i / jobs.length) + 1}` }));
}
