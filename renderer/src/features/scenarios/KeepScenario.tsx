/**
 * "Keep as scenario": a name field and a button for the Proposal view's header, keeping the plan on
 * screen in the project (one undo step). Disabled, with the reason in its description, while there is
 * no current plan. Test hooks: keep-scenario, keep-scenario-name, keep-scenario-button, keep-scenario-message.
 */
import { useId, useState, type FormEvent } from 'react';
import { MAX_SCENARIO_NAME } from '../../engine/scenarios';
import { useProposal } from '../../state/proposal';
import { blockerOf, keepScenario, scenariosOf, suggestedName } from '../../state/scenarios';
import { useWorkspace } from '../../state/workspace';
import './scenarios.css';

export function KeepScenario() {
  const project = useWorkspace((s) => s.project);
  const revision = useWorkspace((s) => s.revision);
  const result = useProposal((s) => s.result);
  const resultRevision = useProposal((s) => s.resultRevision);
  const running = useProposal((s) => s.running);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const id = useId();
  if (!project) return null;
  const blocked = blockerOf({ project, revision }, { result, resultRevision, running });
  const placeholder = suggestedName(scenariosOf(project));

  function submit(ev: FormEvent) {
    ev.preventDefault();
    const kept = name.trim() === '' ? placeholder : name.replace(/\s+/g, ' ').trim();
    const error = keepScenario(name);
    if (error) setMessage({ kind: 'error', text: error });
    else {
      setMessage({ kind: 'ok', text: `Kept “${kept}” — see Scenarios.` });
      setName('');
    }
  }

  return (
    <form className="keep-scenario" data-testid="keep-scenario" onSubmit={submit} aria-label="Keep this plan as a scenario">
      <label htmlFor={`${id}-name`}>Scenario name</label>
      <input id={`${id}-name`} data-testid="keep-scenario-name" type="text" value={name} placeholder={placeholder} maxLength={MAX_SCENARIO_NAME}
        onChange={(e) => { setName(e.target.value); setMessage(null); }} disabled={blocked !== null} aria-describedby={`${id}-msg`} />
      <button type="submit" data-testid="keep-scenario-button" disabled={blocked !== null} aria-describedby={`${id}-msg`}>
        Keep as scenario
      </button>
      <span id={`${id}-msg`} data-testid="keep-scenario-message" className={message?.kind === 'error' && !blocked ? 'keep-scenario-error' : 'muted keep-scenario-note'} role={message?.kind === 'error' && !blocked ? 'alert' : 'status'}>
        {blocked && result ? blocked : message?.text ?? ''}
      </span>
    </form>
  );
}
