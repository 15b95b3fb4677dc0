/**
 * The choices a proposal is made with (tolerance, dimensions, block size, minimum block, new tasks
 * per person, qualifications), the button that makes it, and while it runs its progress with a
 * Cancel that frees the window at once. Test hooks: proposal-run, proposal-cancel, proposal-progress,
 * proposal-tolerance, proposal-granularity, proposal-min-block, proposal-max-new.
 */
import { useEffect, useState } from 'react';
import type { ProposalStep } from '../../engine/balance/fullProposal';
import { cancelProposal, effectiveTolerance, runProposal, setControls, useProposal } from '../../state/proposal';
import { useWorkspace } from '../../state/workspace';
import { NumberInput } from '../../ui/table-NumberInput';
import { ToleranceInput } from '../../ui/ToleranceInput';

const STEP_LABEL: Record<ProposalStep, string> = {
  exact: 'Finding the exact minimum of hours to move…',
  blocks: 'Putting the plan in whole blocks…',
  learning: 'Weighing the learning cost…',
  care: 'Working out training and the rotation…',
};

const GRANULARITIES = [
  { value: 0, label: 'Exact (fractions of an hour)' },
  { value: 0.25, label: '¼ h' },
  { value: 0.5, label: '½ h (default)' },
  { value: 1, label: '1 h' },
];

/** Seconds since `since`, refreshed every second while mounted. */
export function useElapsed(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.round((now - since) / 1000));
}

function Progress() {
  const running = useProposal((s) => s.running);
  const elapsed = useElapsed(running?.startedAt ?? null);
  if (!running) return null;
  const label = running.step ? STEP_LABEL[running.step] : 'Starting the solver…';
  return (
    <div className="proposal-progress" role="status" data-testid="proposal-progress">
      <div className="proposal-progress-text">
        <span>{label}</span>
        <span className="muted">{elapsed} s</span>
      </div>
      <span className="busy-track" aria-hidden="true">
        <span className="busy-bar" style={{ width: `${Math.round((running.done / Math.max(1, running.total)) * 100)}%` }} />
      </span>
      <button type="button" data-testid="proposal-cancel" onClick={cancelProposal}>
        Cancel
      </button>
    </div>
  );
}

export function ProposalControls() {
  const controls = useProposal((s) => s.controls);
  const running = useProposal((s) => s.running !== null);
  const project = useWorkspace((s) => s.project);
  if (!project) return null;
  const { scale } = project.organization;
  const range = scale.max - scale.min;
  const tolerance = effectiveTolerance(controls);
  return (
    <form
      className="proposal-controls"
      aria-label="Proposal settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) void runProposal();
      }}
    >
      <label className="proposal-field">
        <ToleranceInput value={tolerance} range={range} testId="proposal-tolerance" onCommit={(v) => setControls({ tolerance: v })} />
      </label>
      <fieldset className="proposal-field proposal-dimensions">
        <legend>Balance</legend>
        <label>
          <input type="radio" name="dimensions" checked={controls.desirability} onChange={() => setControls({ desirability: true })} /> empowerment and desirability
        </label>
        <label>
          <input type="radio" name="dimensions" checked={!controls.desirability} onChange={() => setControls({ desirability: false })} /> empowerment only
        </label>
      </fieldset>
      <label className="proposal-field">
        <span>Hours change in blocks of</span>
        <select data-testid="proposal-granularity" value={controls.granularity} onChange={(e) => setControls({ granularity: Number(e.target.value) })}>
          {GRANULARITIES.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <label className="proposal-field">
        <span>A new task at least</span>
        <NumberInput value={controls.minBlock} label="Minimum block of a new task, hours a week" testId="proposal-min-block" min={0} step={0.5} validate={(v) => (v < 0 ? 'Must be 0 or more' : null)} onCommit={(v) => setControls({ minBlock: v })} />
        <span>h a week</span>
      </label>
      <label className="proposal-field">
        <span>At most</span>
        <NumberInput value={controls.maxNewTasks} label="Most new tasks per person" testId="proposal-max-new" min={0} step={1} decimals={0} validate={(v) => (!Number.isInteger(v) || v < 0 ? 'A whole number, 0 or more' : null)} onCommit={(v) => setControls({ maxNewTasks: v })} />
        <span>new tasks per person</span>
      </label>
      <label className="proposal-field proposal-check">
        <input type="checkbox" checked={controls.qualifyFromCurrent} onChange={(e) => setControls({ qualifyFromCurrent: e.target.checked })} />
        <span>Only people who do them now take tasks that usually need a qualification</span>
      </label>
      <div className="proposal-actions">
        <button type="submit" className="primary" data-testid="proposal-run" disabled={running}>
          Propose balanced jobs
        </button>
      </div>
      <Progress />
    </form>
  );
}
