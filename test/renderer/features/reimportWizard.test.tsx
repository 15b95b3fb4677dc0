// @vitest-environment happy-dom
// The wizard's re-import parts and its "nothing to import" state as components: the question before
// re-importing a file of other people (confirm waits for the answer), the edits the file overrides,
// and a header that never shows a confidence beside a fatal message.
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { ImportResult } from '../../../renderer/src/engine/import/types';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { setAssignmentHours } from '../../../renderer/src/state/edits';
import { resetWorkspace, store } from '../../../renderer/src/state/workspace';
import { ImportWizard } from '../../../renderer/src/features/importWizard/ImportWizard';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SAMPLE = new Uint8Array(readFileSync('resources/sample-organization.xlsx'));
const sample = importOrganization(SAMPLE, 'sample-organization.xlsx');
const csv = (text: string) => new TextEncoder().encode(text);
const others = importOrganization(csv('Name,Task,Hours per week\nAma Adeyemi,Run drop-in sessions,20\nBilal Brennan,Run drop-in sessions,20\n'), 'youth.csv');
const badRows = importOrganization(csv('Name,Task,Hours per week\nAna,Filing,lots\n'), 'bad.csv');

let root: Root;
let host: HTMLElement;
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const confirmButton = () => byTestId('wizard-confirm') as HTMLButtonElement;

function pend(fileName: string, result: ImportResult, reimport: boolean) {
  store.set({ pending: { fileName, bytes: new Uint8Array(), result, mapping: { sheets: {} }, hoursPerFte: 40, reimport } });
}
async function render() {
  await act(async () => root.render(<ImportWizard />));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

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
});

describe('the wizard when re-importing', () => {
  it('asks before re-importing a file none of whose people are in the project; confirm waits for the answer', async () => {
    store.set({ project: createProject('Riverside', sample.organization!) });
    pend('youth.csv', others, true);
    await render();
    expect(byTestId('wizard-overlap')!.textContent).toContain('None of the 2 people in this file are in Riverside: start a new project with them instead?');
    expect(confirmButton().disabled).toBe(true);
    await act(async () => byTestId('wizard-reimport-anyway')!.click());
    expect(byTestId('wizard-overlap')).toBeNull();
    expect(byTestId('wizard-overlap-accepted')!.textContent).toContain('40 of its 40 people are not in this file and will be removed');
    expect(confirmButton().disabled).toBe(false);
  });

  it('lists the edits the file overrides, and says so when the project cannot know them', async () => {
    const org = sample.organization!;
    const margaret = org.people.find((p) => p.name === 'Margaret Okafor')!.id;
    const edited = setAssignmentHours(org, margaret, 'strategic planning', 20);
    store.set({ project: { ...createProject('Riverside', edited), importedOrganization: org } });
    pend('sample-organization.xlsx', sample, true);
    await render();
    expect(byTestId('reimport-overridden')!.textContent).toMatch(/Margaret Okafor · Strategic planning: 20 h in the app → \d+(\.\d+)? h in the file/);
    expect(byTestId('wizard-overlap')).toBeNull();

    await act(async () => root.unmount());
    root = createRoot(host);
    store.set({ project: createProject('Riverside', edited) });
    await render();
    expect(byTestId('reimport-overridden')!.textContent).toContain('can’t be listed');
  });
});

describe('the wizard with nothing to import', () => {
  it('a header read at 100% with every row failed: no confidence in the header, the message names the rows', async () => {
    expect(badRows.layout.confidence).toBe(1);
    pend('bad.csv', badRows, false);
    await render();
    expect(byTestId('wizard-layout')!.textContent).not.toMatch(/%/);
    expect(byTestId('wizard-fatal')!.textContent).toContain('The column headers were read, but there is nothing to import.');
    expect(byTestId('wizard-fatal')!.textContent).toContain('has 1 row under its header, but no task hours could be read from it (see its error)');
  });
});
