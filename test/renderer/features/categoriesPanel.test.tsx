// @vitest-environment happy-dom
// The Overview's Categories panel (features/categories/CategoriesPanel.tsx): shown only when a task
// has a category; on the South End Press fixture it lists the mix, "0 of 10 people balanced" and
// Ken Brandt furthest off in the CLI's words; a new δ typed in the field changes the count.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';

vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({ run: () => Promise.reject(new Error('no worker in this test')), cancelAll: () => undefined }),
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
  beforeImport: () => undefined,
}));
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const { commit, resetWorkspace } = await import('../../../renderer/src/state/workspace');
const { resetCategories } = await import('../../../renderer/src/state/categories');
const { CategoriesPanel } = await import('../../../renderer/src/features/categories/CategoriesPanel');

let org: Organization;
beforeAll(() => {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'categories', 'south-end-press.csv');
  org = importOrganization(new Uint8Array(readFileSync(file)), 'south-end-press.csv', { hoursPerFte: 40, mapping: { sheets: {} } }).organization!;
});

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  resetWorkspace();
  resetCategories();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function show(o: Organization): void {
  commit(createProject('South End Press', o), { undoable: false });
  act(() => root.render(<CategoriesPanel />));
}
const byTestId = (id: string) => host.querySelector(`[data-testid="${id}"]`);

describe('CategoriesPanel', () => {
  it('shows the mix, the balanced count and the people furthest off', () => {
    show(org);
    expect(byTestId('categories-panel')).not.toBeNull();
    expect(byTestId('category-mix-Content')!.textContent).toBe('Content44%142 h');
    expect(byTestId('category-mix-(none)')!.textContent).toBe('(none)1%4 h');
    expect(byTestId('category-balanced')!.textContent).toBe('0 of 10 people balanced; 0% of hours are in balanced jobs');
    expect(byTestId('category-furthest-Ken Brandt')!.textContent).toBe('Ken Brandt: 81% of hours off the mix (Maintenance 100% against 19%)');
    expect(byTestId('category-balance')!.textContent).toBe('Balance categories');
  });

  it('is not shown when no task has a category', () => {
    show({ ...org, tasks: org.tasks.map((t) => ({ ...t, category: undefined })) });
    expect(byTestId('categories-panel')).toBeNull();
  });

  it('counts again at a δ typed in the field (±30: three balanced), and refuses 0', () => {
    show(org);
    const input = byTestId('category-delta') as HTMLInputElement;
    const type = (v: string) => act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    type('30');
    expect(byTestId('category-balanced')!.getAttribute('data-value')).toBe('3');
    type('0');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('category-balanced')!.getAttribute('data-value')).toBe('3');
  });
});
