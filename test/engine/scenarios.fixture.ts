// The Riverside sample and two of its proposals (the default tolerance and ±2 points), made once per test file, for the scenario tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeProposal, type FullProposal } from '../../renderer/src/engine/balance/fullProposal';
import { importOrganization } from '../../renderer/src/engine/import';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { getHighs } from '../helpers/balance-run';

export interface Riverside {
  org: Organization;
  proposal: FullProposal;
  wide: FullProposal;
}

let made: Promise<Riverside> | null = null;

export function riverside(): Promise<Riverside> {
  made ??= getHighs().then((highs) => {
    const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
    const org = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
    const proposal = makeProposal(org, highs, { desirability: true, granularity: 0.5, file: 'sample' });
    const wide = makeProposal(org, highs, { desirability: true, granularity: 0.5, tolerance: 2, file: 'sample' });
    return { org, proposal, wide };
  });
  return made;
}
