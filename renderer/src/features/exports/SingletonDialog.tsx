// Asked before a pseudonymized export when a role or department has one person (its code would give
// that person away): hide those roles and departments, export as is, or cancel. The answer holds for
// the session while the project and its one-person names stay the same (state/exports.ts).
import { createPortal } from 'react-dom';
import { Modal } from '../../ui/wizard-modal';
import { answerSingletons, useExports } from '../../state/exports';
import { HIDDEN_GROUP } from '../../engine/analysis/hiddenGroup';
import { list } from '../../engine/analysis/readingsFormat';
import { plural } from '../../ui/figure-format';
import './exports.css';

export function SingletonDialog() {
  const prompt = useExports((s) => s.prompt);
  if (!prompt) return null;
  const { roles, departments } = prompt.singletons;
  const counted = [roles.length ? plural(roles.length, 'role', 'roles') : '', departments.length ? plural(departments.length, 'department', 'departments') : ''].filter(Boolean).join(' and ');
  const one = roles.length + departments.length === 1;
  // Portalled to <body>: it is opened from the toolbar and from chart cards, and belongs inside neither.
  return createPortal(
    <Modal label="One-person roles and departments" onCancel={() => answerSingletons(null)} className="singleton-dialog" testId="singleton-dialog">
      <div className="singleton-body">
        <h2>{counted} {one ? 'has' : 'have'} one person</h2>
        <p>
          Names are pseudonymized, but in {prompt.what} a role or department held by one person still shows who that person is
          (the only {roles[0] ?? departments[0]} is easy to recognize).
        </p>
        <ul>
          {roles.length > 0 && <li>Roles: {list(roles)}</li>}
          {departments.length > 0 && <li>Departments: {list(departments)}</li>}
        </ul>
        <p className="muted">
          Hiding writes “{HIDDEN_GROUP}” in their place in the Excel summary and chart exports. The organization’s figures
          stay as they are; in the Roles and Departments tables the hidden ones are pooled into one row, with that row’s own
          figures. Fairshare keeps your answer for this project until the app is closed, and asks again if its one-person
          roles or departments change.
        </p>
      </div>
      <div className="singleton-actions">
        <button type="button" className="primary" data-autofocus onClick={() => answerSingletons('hide')}>{`Hide those ${[roles.length > 0 ? 'roles' : '', departments.length > 0 ? 'departments' : ''].filter(Boolean).join(' and ')}`}</button>
        <button type="button" onClick={() => answerSingletons('as-is')}>Export as is</button>
        <button type="button" onClick={() => answerSingletons(null)}>Cancel</button>
      </div>
    </Modal>,
    document.body,
  );
}
