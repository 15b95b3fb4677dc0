/**
 * "Balance by: ratings (E and D) | categories": shown when the project's tasks have categories
 * (issue 17 quick category mode); the choice switches the Proposal view's controls and results.
 * Locked while either kind of run is in the worker. Test hooks: proposal-balance-by,
 * proposal-basis-ratings, proposal-basis-categories.
 */
import type { ProposalBasis } from '../../state/proposal';
import { setBasis, useProposal } from '../../state/proposal';
import { useCategories } from '../../state/categories';

export function BalanceBy({ basis }: { basis: ProposalBasis }) {
  const ratingsRun = useProposal((s) => s.running !== null);
  const categoryRun = useCategories((s) => s.running !== null);
  const busy = ratingsRun || categoryRun;
  return (
    <fieldset className="proposal-basis" data-testid="proposal-balance-by" disabled={busy}>
      <legend>Balance by</legend>
      <label>
        <input type="radio" name="proposal-basis" data-testid="proposal-basis-ratings" checked={basis === 'ratings'} onChange={() => setBasis('ratings')} /> ratings (empowerment and desirability)
      </label>
      <label>
        <input type="radio" name="proposal-basis" data-testid="proposal-basis-categories" checked={basis === 'categories'} onChange={() => setBasis('categories')} /> categories of work
      </label>
    </fieldset>
  );
}
