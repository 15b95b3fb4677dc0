/**
 * Shared helpers for the Overview, Jobs and Tasks & ratings component tests (happy-dom): a small
 * organization, loading it into the workspace store with its report, rendering a view, and
 * driving inputs the way React listens to them. Each test file mocks the engine worker with
 * overview-jobs-tasks.engine.ts so reports are computed in-process.
 */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { buildAuditReport } from '../../../renderer/src/engine/analysis/auditReport';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import type { Organization, RatingSource } from '../../../renderer/src/engine/model/types';
import { resetWorkspace, store } from '../../../renderer/src/state/workspace';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function task(id: string, name: string, e: number | null, d: number | null, source: RatingSource) {
  return { id, name, empowerment: e, desirability: d, empowermentFactors: {}, desirabilityFactors: {}, source, reason: source === 'suggested' ? `Suggested from "${id}" (task library)` : source === 'file' ? 'Rated in the file' : null, requires: [], chore: false };
}

function person(id: string, name: string, role: string, department: string, annualPay: number | null) {
  return { id, name, role, department, fte: 1, contractHours: null, annualPay, hourlyRate: null, qualifications: [] };
}

/**
 * Six people on a 1–10 scale (so points ≠ normalized values): a director and a manager holding
 * the planning, organizers in the middle, a canvasser and a cleaner with the rote work.
 */
export function smallOrganization(): Organization {
  const people = [
    person('p1', 'Ada Director', 'Director', 'Leadership', 104000),
    person('p2', 'Ben Manager', 'Manager', 'Leadership', 83200),
    person('p3', 'Cleo Organizer', 'Organizer', 'Organizing', 52000),
    person('p4', 'Dev Organizer', 'Organizer', 'Organizing', 52000),
    person('p5', 'Eve Canvasser', 'Canvasser', 'Canvass', 41600),
    person('p6', 'Finn Cleaner', 'Cleaner', 'Facilities', 39000),
  ];
  // normalized ratings: points = 1 + 9·r on 1–10
  const tasks = [
    task('strategic planning', 'Strategic planning', 1, 0.9, 'file'),
    task('budget decisions', 'Budget decisions', 8 / 9, 0.5, 'file'),
    task('meetings', 'Meetings', 5 / 9, 5 / 9, 'file'),
    task('door knocking', 'Door knocking', 2 / 9, 2 / 9, 'suggested'),
    task('cleaning', 'Cleaning', 0, 1 / 9, 'file'),
    task('filing', 'Filing', null, null, 'unrated'),
  ];
  const a = (personId: string, taskId: string, hours: number) => ({ personId, taskId, hours, locked: false });
  const assignments = [
    a('p1', 'strategic planning', 30), a('p1', 'budget decisions', 10),
    a('p2', 'budget decisions', 20), a('p2', 'meetings', 20),
    a('p3', 'meetings', 20), a('p3', 'door knocking', 20),
    a('p4', 'meetings', 16), a('p4', 'door knocking', 20), a('p4', 'filing', 4),
    a('p5', 'door knocking', 36), a('p5', 'filing', 4),
    a('p6', 'cleaning', 40),
  ];
  return { people, tasks, assignments, scale: { min: 1, max: 10 }, hoursPerFte: 40 };
}

/** Puts an organization in the workspace as an open project with a current report. */
export function loadOrganization(org: Organization, view: 'overview' | 'jobs' | 'tasks' = 'overview'): void {
  resetWorkspace();
  const project = createProject('Test org', org);
  const report = buildAuditReport({ organization: org, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: 'test.xlsx', format: 'xlsx' });
  store.set({ project, report, revision: 1, reportRevision: 1, view });
}

/** The report the engine gives for the workspace's current organization and tolerance. */
export function currentEngineReport() {
  const { project } = store.get();
  if (!project) throw new Error('no project');
  return buildAuditReport(
    { organization: project.organization, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: 'test.xlsx', format: 'xlsx' },
    { tolerance: project.settings.tolerance },
  );
}

export interface Mounted {
  container: HTMLElement;
  root: Root;
  unmount: () => void;
}

export async function mount(element: ReactElement): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(element));
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets the (mocked) worker answer and React re-render. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const el = root.querySelector<T>(`[data-testid="${CSS.escape(id)}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export function allByTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T[] {
  return [...root.querySelectorAll<T>(`[data-testid="${CSS.escape(id)}"]`)];
}

export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const el = root.querySelector<T>(`[aria-label="${CSS.escape(label)}"]`);
  if (!el) throw new Error(`no element labelled "${label}"`);
  return el;
}

/** Types a value the way React's onChange sees it. */
export async function type(input: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  const proto = input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    input.focus();
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export async function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

export async function click(target: HTMLElement): Promise<void> {
  await act(async () => target.click());
}

export async function blur(target: HTMLElement): Promise<void> {
  await act(async () => target.blur());
}

/** Typed value committed with Enter, then the report recomputed. */
export async function enter(input: HTMLInputElement, value: string): Promise<void> {
  await type(input, value);
  await press(input, 'Enter');
  await settle();
}
