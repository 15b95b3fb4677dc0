/**
 * The Proposal view's settings in category mode: the band δ in points (the project's, saved with it;
 * a change is one undo step), the button that makes the category plan in the worker, and while it
 * runs the elapsed time with a Cancel that frees the window at once. Test hooks: category-delta,
 * category-run, category-progress, category-cancel.
 */
import { cancelCategoryBalance, runCategoryBalance, useCategories } from '../../state/categories';
import { DeltaInput } from '../categories/DeltaInput';
import { useElapsed } from './ProposalControls';

function CategoryProgress() {
  const running = useCategories((s) => s.running);
  const elapsed = useElapsed(running?.startedAt ?? null);
  if (!running) return null;
  return (
    <div className="proposal-progress" role="status" data-testid="category-progress">
      <div className="proposal-progress-text">
        <span>Finding the fewest hours to move between categories…</span>
        <span className="muted">{elapsed} s</span>
      </div>
      <span className="busy-track" aria-hidden="true">
        <span className="busy-bar indeterminate" />
      </span>
      <button type="button" data-testid="category-cancel" onClick={cancelCategoryBalance}>
        Cancel
      </button>
    </div>
  );
}

export function CategoryControls() {
  const running = useCategories((s) => s.running !== null);
  return (
    <form
      className="proposal-controls"
      aria-label="Category plan settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) void runCategoryBalance();
      }}
    >
      <label className="proposal-field">
        <span>Every category's share of a job within ±</span>
        <DeltaInput />
        <span>points of the organization's share</span>
      </label>
      <div className="proposal-actions">
        <button type="submit" className="primary" data-testid="category-run" disabled={running}>
          Balance categories
        </button>
      </div>
      <CategoryProgress />
    </form>
  );
}
