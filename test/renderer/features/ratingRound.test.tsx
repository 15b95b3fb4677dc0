// @vitest-environment happy-dom
// The Rating round view rendered on the Riverside sample: the empty state (the roster as the raters,
// no form read), anonymous forms with a count checked as typed, the spread once forms are read
// (contested first, dot strips labelled with every rating, the contested filter), alpha and the
// sensitivity shown, and Decide… refusing an empty note, then deciding with one (source council).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { readReturnedForm } from '../../../renderer/src/engine/formats/returnedForm';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';
import { makeFormRound } from '../../../renderer/src/engine/ratingRound/formSpecs';
import { roundSensitivity } from '../../../renderer/src/engine/ratingRound/sensitivity';
import { collectRound } from '../../../renderer/src/engine/ratingRound/collect';
import { filledForm } from '../../helpers/rating-forms';

vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({ run: () => Promise.reject(new Error('no worker in this test')), cancelAll: () => undefined }),
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
  beforeImport: () => undefined,
}));

const { commit, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const R = await import('../../../renderer/src/state/ratingRound');
const { RatingRoundView } = await import('../../../renderer/src/features/ratingRound/RatingRoundView');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const file = path.join(__dirname, '..', '..', '..', 'resources', 'sample-organization.xlsx');
let org: Organization;
let BUDGET = '';
let PHONES = '';
beforeAll(() => {
  org = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file, { hoursPerFte: 40, mapping: { sheets: {} } }).organization!);
  BUDGET = org.tasks.find((t) => t.name === 'Budget decisions')!.id;
  PHONES = org.tasks.find((t) => t.name === 'Answer phones')!.id;
});

let root: ReturnType<typeof createRoot> | null = null;
let host: HTMLElement;
beforeEach(() => {
  resetWorkspace();
  commit(createProject('Riverside', org), { undoable: false });
  R.resetRatingRound();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<RatingRoundView />));
});
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
});

const q = <T extends Element = HTMLElement>(sel: string) => host.querySelector<T>(sel) ?? document.querySelector<T>(sel);
const byTestId = <T extends Element = HTMLElement>(id: string) => q<T>(`[data-testid="${id}"]`);
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name) as HTMLButtonElement;
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function readThree() {
  const specs = makeFormRound(org, { project: 'Riverside', raters: ['Margaret Okafor', 'Daniel Reyes', 'Priya Raman'], created: '2026-03-02' }).forms;
  const typed = [[19, 12, 5, 9], [3, 10, 6, 8], [18, 6, 4, 10]];
  return specs.map((s, i) => readReturnedForm(filledForm(s, { [BUDGET]: { e: typed[i][0], d: typed[i][1] }, [PHONES]: { e: typed[i][2], d: typed[i][3] } }), `f${i + 1}.xlsx`, { tasks: org.tasks, scale: org.scale }));
}

it('starts with the roster as the raters and says no form is read yet', () => {
  const raters = byTestId<HTMLTextAreaElement>('rr-raters')!;
  expect(raters.value.split('\n')).toEqual(R.rosterRaters(org));
  expect(host.textContent).toContain(`${R.rosterRaters(org).length} forms (everyone in the roster)`);
  expect(host.textContent).toContain('No returned form read yet');
  expect(byTestId('rr-spread')).toBeNull();
  expect(byTestId<HTMLButtonElement>('rr-save-forms')!.disabled).toBe(false);
  // An emptied list makes no forms: the button says so by being off.
  act(() => type(raters, '  \n'));
  expect(byTestId<HTMLButtonElement>('rr-save-forms')!.disabled).toBe(true);
});

it('anonymous forms take a count from 1 to 500, checked as typed', () => {
  const anonymous = [...host.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1];
  act(() => anonymous.click());
  const count = q<HTMLInputElement>('input[type="number"]')!;
  expect(count.labels?.[0]?.textContent).toBe('Number of forms');
  act(() => type(count, '0'));
  expect(count.getAttribute('aria-invalid')).toBe('true');
  expect(byTestId<HTMLButtonElement>('rr-save-forms')!.disabled).toBe(true);
  act(() => type(count, '12'));
  expect(R.ratingRoundStore.get().count).toBe(12);
  expect(byTestId<HTMLButtonElement>('rr-save-forms')!.disabled).toBe(false);
});

it('shows the spread contested first with labelled dot strips, alpha, the sensitivity, and the contested filter', () => {
  const forms = readThree();
  act(() => R.addForms(forms));
  const rows = [...byTestId('rr-spread')!.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-testid'));
  expect(rows).toEqual([`spread-row-${BUDGET}-empowerment`, `spread-row-${BUDGET}-desirability`, `spread-row-${PHONES}-desirability`, `spread-row-${PHONES}-empowerment`]);
  const budget = byTestId(`spread-row-${BUDGET}-empowerment`)!;
  expect(budget.querySelector('svg')!.getAttribute('aria-label')).toBe('Ratings 3, 18, 19 on 1–20; median 18');
  expect(budget.querySelectorAll('circle')).toHaveLength(3);
  expect(budget.querySelector('[data-testid="spread-iqr"]')!.textContent).toBe('10.5–18.5 (8)');
  const result = collectRound(forms, org, 0.95);
  expect(byTestId('rr-alpha-empowerment')!.textContent).toContain(result.alpha.empowerment!.toFixed(3));
  expect(byTestId('rr-sensitivity')!.textContent).toContain(roundSensitivity(org, result, 0.95).cluster.text);
  act(() => byTestId<HTMLInputElement>('rr-contested-only')!.click());
  expect(byTestId('rr-spread')!.querySelectorAll('tbody tr')).toHaveLength(2);
});

it('Decide… refuses an empty note, then decides with one: source council, the dialog closes', () => {
  act(() => R.addForms(readThree()));
  act(() => byTestId(`rr-contested-${BUDGET}`)!.querySelector('button')!.click());
  const dialog = byTestId('rr-decide-dialog')!;
  expect(dialog.getAttribute('role')).toBe('dialog');
  const e = byTestId<HTMLInputElement>('rr-decide-empowerment')!;
  expect(e.value).toBe('18');
  expect(e.labels?.[0]?.textContent).toContain('Empowerment');
  act(() => type(e, '12'));
  act(() => byTestId<HTMLButtonElement>('rr-decide-submit')!.click());
  expect(dialog.querySelector('[role="alert"]')!.textContent).toMatch(/needs a note/);
  expect(store.get().project!.organization.tasks.find((t) => t.id === BUDGET)!.source).not.toBe('council');
  act(() => type(byTestId<HTMLTextAreaElement>('rr-decide-note')!, 'Agreed at the meeting'));
  act(() => byTestId<HTMLButtonElement>('rr-decide-submit')!.click());
  expect(byTestId('rr-decide-dialog')).toBeNull();
  expect(store.get().project!.organization.tasks.find((t) => t.id === BUDGET)!.source).toBe('council');
  expect(byTestId(`rr-contested-${BUDGET}`)!.getAttribute('data-source')).toBe('council');
  expect(byTestId('rr-status-decide')!.textContent).toMatch(/decision on Budget decisions/);
  expect(button('Use the medians').disabled).toBe(false);
});
