// @vitest-environment happy-dom
// The import wizard as a component: what it shows for a pending import, and which actions it calls.
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ImportResult } from '../../../renderer/src/engine/import/types';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { actions, resetWorkspace, store } from '../../../renderer/src/state/workspace';
import { ImportWizard } from '../../../renderer/src/features/importWizard/ImportWizard';
import { ReimportChanges } from '../../../renderer/src/features/importWizard/ReimportChanges';
import { FIELD_NAMES } from '../../../renderer/src/features/importWizard/labels';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const read = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));
const SAMPLE = read('../../../resources/sample-organization.xlsx');
const sample = importOrganization(SAMPLE, 'sample-organization.xlsx');

let root: Root;
let host: HTMLElement;

function pend(result: ImportResult, extra: Partial<NonNullable<ReturnType<typeof store.get>['pending']>> = {}) {
  store.set({ pending: { fileName: 'sample-organization.xlsx', bytes: SAMPLE, result, mapping: { sheets: {} }, hoursPerFte: 40, reimport: false, ...extra } });
}

async function render(node: React.ReactNode) {
  await act(async () => root.render(node));
  await act(async () => new Promise((r) => setTimeout(r, 0))); // settings load
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')!;
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);

beforeEach(() => {
  resetWorkspace();
  localStorage.clear();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

describe('ImportWizard', () => {
  it('is a labelled modal dialog showing the file, the layout, the columns, a preview and the issues', async () => {
    pend(sample);
    await render(<ImportWizard />);
    expect(dialog().getAttribute('aria-modal')).toBe('true');
    expect(dialog().getAttribute('aria-label')).toBe('Import a spreadsheet');
    expect(dialog().textContent).toContain('sample-organization.xlsx');
    expect(byTestId('wizard-layout')!.textContent).toMatch(/Roster and tasks on separate sheets.*100%/);

    const select = byTestId<HTMLSelectElement>('mapping-Roster-D')!;
    expect(select.getAttribute('aria-label')).toBe('Field for column D (Department)');
    expect(select.value).toBe('department');
    expect([...select.options].map((o) => o.value)).toEqual(FIELD_NAMES);

    const preview = byTestId('wizard-preview')!;
    expect(preview.textContent).toContain('Margaret Okafor');
    expect(preview.textContent).toContain('16.8'); // her E on 1–20
    expect(preview.querySelectorAll('tbody tr')).toHaveLength(20);
    expect(byTestId('wizard-issues')!.textContent).toContain('About');
    expect(byTestId<HTMLButtonElement>('wizard-confirm')!.disabled).toBe(false);
  });

  it('re-reads the file with one column changed and every other column kept as detected', async () => {
    const remap = vi.spyOn(actions, 'remapImport').mockResolvedValue();
    pend(sample);
    await render(<ImportWizard />);
    const select = byTestId<HTMLSelectElement>('mapping-Roster-D')!;
    await act(async () => {
      select.value = 'skip';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(remap).toHaveBeenCalledTimes(1);
    const [mapping, hours] = remap.mock.calls[0];
    expect(hours).toBe(40);
    expect(mapping.sheets.Roster.columns).toEqual({ A: 'personId', B: 'person', C: 'role', D: 'skip', E: 'fte', F: 'annualPay' });
  });

  it('re-reads with a new hours per FTE when the field is left', async () => {
    const remap = vi.spyOn(actions, 'remapImport').mockResolvedValue();
    pend(sample);
    await render(<ImportWizard />);
    const input = byTestId<HTMLInputElement>('wizard-hours-per-fte')!;
    await act(async () => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      set.call(input, '37.5');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(remap).toHaveBeenCalledWith({ sheets: {} }, 37.5);
  });

  it('cancels on Escape, but not while the file is being re-read', async () => {
    const cancel = vi.spyOn(actions, 'cancelImport');
    pend(sample);
    await render(<ImportWizard />);
    await act(async () => store.set({ busy: { label: 'Reading…', progress: null } }));
    await act(async () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(cancel).not.toHaveBeenCalled();
    await act(async () => store.set({ busy: null }));
    await act(async () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('keeps Tab inside the dialog', async () => {
    pend(sample);
    await render(<ImportWizard />);
    expect(document.activeElement).toBe(dialog());
    const confirm = byTestId<HTMLButtonElement>('wizard-confirm')!;
    confirm.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    await act(async () => document.dispatchEvent(tab));
    expect(tab.defaultPrevented).toBe(true);
    expect(dialog().contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(confirm);
  });

  it('shows a fatal result as an alert and disables Import', async () => {
    const bad = importOrganization(new TextEncoder().encode('Alpha,Beta\n1,2\n'), 'nothing.csv');
    expect(bad.fatal).toBeTruthy();
    pend(bad, { fileName: 'nothing.csv' });
    await render(<ImportWizard />);
    expect(document.querySelector('[role="alert"]')!.textContent).toContain(bad.fatal!);
    expect(byTestId<HTMLButtonElement>('wizard-confirm')!.disabled).toBe(true);
    expect(byTestId('wizard-layout')!.textContent).toContain('No usable layout found');
  });

  it('lists issues with where they are and filters them by severity', async () => {
    const result = importOrganization(read('../../fixtures/import/bad-rows.xlsx'), 'bad-rows.xlsx');
    pend(result, { fileName: 'bad-rows.xlsx' });
    await render(<ImportWizard />);
    const issues = byTestId('wizard-issues')!;
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(issues.textContent).toMatch(/Tasks, row \d+, column [A-Z]/);
    await act(async () => byTestId('wizard-issues-error')!.click());
    expect(issues.querySelectorAll('tbody tr')).toHaveLength(errors.length);
  });

  it('says a re-import keeps the members’ ratings', async () => {
    const project = createProject('Riverside', sample.organization!);
    store.set({ project: { ...project, ratingsOverrides: { 'strategic planning': { empowerment: 0.5 } } } });
    pend(sample, { reimport: true });
    await render(<ImportWizard />);
    expect(byTestId('wizard-reimport')!.textContent).toMatch(/Re-importing into Riverside: members’ ratings are kept \(1 task rated in Fairshare\)/);
  });

  it('saves the mapping to settings and offers it for the next file with the same sheets', async () => {
    const remap = vi.spyOn(actions, 'remapImport').mockResolvedValue();
    localStorage.setItem('fairshare:settings', JSON.stringify({ columnMappings: { 'No departments': { sheets: { Roster: { columns: { D: 'skip' } } } } } }));
    pend(sample);
    await render(<ImportWizard />);
    const offer = byTestId('wizard-saved-mapping')!;
    expect(offer.textContent).toContain('No departments');
    await act(async () => offer.querySelector('button')!.click());
    expect(remap.mock.calls[0][0].sheets.Roster.columns).toEqual({ D: 'skip' });

    await act(async () => byTestId('wizard-save-mapping')!.click());
    const name = byTestId<HTMLInputElement>('wizard-mapping-name')!;
    expect(name.value).toBe('sample-organization');
    await act(async () => name.form!.requestSubmit());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const stored = JSON.parse(localStorage.getItem('fairshare:settings')!);
    expect(stored.columnMappings['sample-organization'].sheets.Tasks.columns).toEqual({ A: 'personId', B: 'person', C: 'task', D: 'hours' });
  });
});

describe('managing saved mappings', () => {
  const stored = () => JSON.parse(localStorage.getItem('fairshare:settings')!).columnMappings as Record<string, unknown>;
  const button = (name: string) => [...dialog().querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name || b.textContent === name)!;

  it('deletes a saved mapping from the list, and undoes it while the wizard is open', async () => {
    localStorage.setItem('fairshare:settings', JSON.stringify({ columnMappings: { 'No departments': { sheets: { Roster: { columns: { D: 'skip' } } } }, Other: { sheets: { Elsewhere: {} } } } }));
    pend(sample);
    await render(<ImportWizard />);
    const toggle = byTestId<HTMLButtonElement>('wizard-manage-mappings')!;
    expect(toggle.textContent).toBe('Manage saved mappings (2)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain('Roster · 1 column');

    await act(async () => button('Delete saved mapping “No departments”').click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(Object.keys(stored())).toEqual(['Other']);
    expect(byTestId('wizard-saved-mapping')).toBeNull(); // the offer went with it
    const undo = button('Undo deleting “No departments”');
    expect(document.activeElement).toBe(undo);
    expect(dialog().querySelector('[role="status"]:not(.wiz-note)')?.textContent).toBe('Deleted “No departments”.');

    await act(async () => undo.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(Object.keys(stored()).sort()).toEqual(['No departments', 'Other']);
    expect(byTestId('wizard-saved-mapping')!.textContent).toContain('No departments');
    expect(document.activeElement).toBe(button('Delete saved mapping “No departments”'));

    // Escape closes the panel (not the wizard) and gives focus back to its button.
    await act(async () => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    expect(panel.hidden).toBe(true);
    expect(store.get().pending).not.toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('says before and after that saving under a name in use replaces that mapping', async () => {
    localStorage.setItem('fairshare:settings', JSON.stringify({ columnMappings: { 'sample-organization': { sheets: { Roster: { columns: { D: 'skip' } } } } } }));
    pend(sample);
    await render(<ImportWizard />);
    await act(async () => byTestId('wizard-save-mapping')!.click());
    const name = byTestId<HTMLInputElement>('wizard-mapping-name')!;
    expect(byTestId('wizard-mapping-submit')!.textContent).toBe('Replace');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)!.textContent).toContain('A saved mapping is already called “sample-organization”: saving replaces it.');
    await act(async () => name.form!.requestSubmit());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(dialog().textContent).toContain('Replaced the saved mapping “sample-organization”.');
    const saved = stored()['sample-organization'] as { sheets: Record<string, { headers?: Record<string, string> }> };
    expect(saved.sheets.Roster.headers).toMatchObject({ B: 'Name' });
  });
});

describe('ReimportChanges', () => {
  it('lists what changed on the Overview; Hide folds it into a button that opens it again', async () => {
    // The change list shows while the project's last source file is the re-import's (changesFor).
    const source = { name: 'sample-organization.xlsx', importedAt: '2024-05-01T09:00:00.000Z', mapping: { sheets: {} } };
    store.set({
      project: { ...createProject('Riverside', sample.organization!), sourceFiles: [source] },
      changesFor: source,
      view: 'overview',
      changesOpen: true,
      changes: { added: ['Nadia New'], removed: ['Chloe Martin'], hoursChanged: [{ name: 'Aisha Bello', before: 40, after: 45, tasks: [{ task: 'Grant writing', before: 4, after: 9 }] }], detailsChanged: [], ratingsKept: 3, overridden: [] },
    });
    await render(<ReimportChanges />);
    const panel = byTestId('reimport-changes')!;
    expect(panel.textContent).toContain('Nadia New');
    expect(panel.textContent).toContain('Chloe Martin');
    expect(panel.textContent).toMatch(/Aisha Bello\s*40\s*45\s*\+5\s*Grant writing: 4 h → 9 h/);
    expect(panel.textContent).toContain('3 tasks rated in Fairshare carried over');
    await act(async () => panel.querySelector<HTMLButtonElement>('button[aria-label="Hide what changed in the re-import"]')!.click());
    expect(store.get().changes).not.toBeNull();
    expect(byTestId('reimport-changes')).toBeNull();
    await act(async () => byTestId('reimport-reopen')!.click());
    expect(byTestId('reimport-changes')).not.toBeNull();
  });
});
