/**
 * Where the options curve and the learning cost will be while the worker still computes them (the
 * plan above is final): a polite live status with the seconds so far and a Stop; then why they are
 * missing, if stopped or failed, with a way to propose again. Test hooks: proposal-extras, proposal-extras-stop.
 */
import { useEffect, useState } from 'react';
import { runProposal, stopExtras, useProposal, type ExtrasRun } from '../../state/proposal';

/** What is still coming, in words: "the options curve", "the learning cost", or both. */
function what(todo: ExtrasRun['todo']): string {
  return [todo.options && 'the options curve', todo.learning && 'the learning cost'].filter(Boolean).join(' and ');
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whole seconds since mount, refreshed every second. */
function useSeconds(): number {
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  return Math.round((now - start) / 1000);
}

function Computing({ extras }: { extras: ExtrasRun }) {
  const seconds = useSeconds();
  const doing = extras.step === 'learning' ? 'Weighing the learning cost' : `Still computing ${what(extras.todo)}`;
  return (
    <div className="proposal-extras" data-testid="proposal-extras" data-status="computing">
      {/* Only the words are live: the seconds would be read out every second. */}
      <p role="status" aria-live="polite">
        <span className="busy-dot" aria-hidden="true" />
        {doing}… <span className="muted">The plan above is complete; this fills in when it is done.</span>
      </p>
      <span className="muted" aria-hidden="true">{seconds} s</span>
      <button type="button" data-testid="proposal-extras-stop" onClick={stopExtras}>
        Stop
      </button>
    </div>
  );
}

export function ExtrasStatus() {
  const extras = useProposal((s) => s.extras);
  const running = useProposal((s) => s.running !== null);
  if (!extras) return null;
  if (extras.status === 'computing') return <Computing extras={extras} />;
  return (
    <p className="proposal-extras muted" role="status" data-testid="proposal-extras" data-status={extras.status}>
      {extras.status === 'stopped' ? `Stopped: ${what(extras.todo)} ${extras.todo.options && extras.todo.learning ? 'were' : 'was'} not computed.` : `${capitalized(what(extras.todo))} could not be computed: ${extras.message}`}{' '}
      <button type="button" className="link-button" onClick={() => void runProposal()} disabled={running}>
        Propose again
      </button>
    </p>
  );
}
