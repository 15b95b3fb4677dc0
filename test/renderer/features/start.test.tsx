// @vitest-environment happy-dom
// The start view: its three actions, the recent projects from the DesktopApi, and its headings.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserDesktop } from '../../../renderer/src/platform/desktop';
import { actions, resetWorkspace, store } from '../../../renderer/src/state/workspace';
import { StartView } from '../../../renderer/src/features/start/StartView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// A desktop with two recent documents; set before the app first asks for desktop().
const api = createBrowserDesktop(document, null);
const projectText = JSON.stringify({ version: 2 });
const fake = {
  ...api,
  listRecent: vi.fn(async () => [
    { id: 'r1', name: 'Riverside.fairshare', kind: 'project' as const },
    { id: 'r2', name: 'Gone.fairshare', kind: 'project' as const },
  ]),
  openRecent: vi.fn(async (id: string) => (id === 'r1' ? { handle: 'h1', name: 'Riverside.fairshare', kind: 'project' as const } : null)),
  readDocument: vi.fn(async () => new TextEncoder().encode(projectText)),
};
Object.defineProperty(window, 'desktop', { value: fake, configurable: true });

let root: Root;
let host: HTMLElement;

async function render() {
  await act(async () => root.render(<StartView />));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}
const byTestId = (id: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;

beforeEach(() => {
  resetWorkspace();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

describe('StartView', () => {
  it('offers the sample, an import and a project, as buttons named by their titles', async () => {
    const begin = vi.spyOn(actions, 'beginImport').mockResolvedValue();
    const open = vi.spyOn(actions, 'openProject').mockResolvedValue();
    await render();
    expect(document.querySelector('h1')!.textContent).toBe('Fairshare');
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Begin', 'Start from a template', 'Recent projects', 'How it works', 'Files it reads']);
    expect(byTestId('start-sample').textContent).toBe('Open the sample organization');
    expect(byTestId('start-sample').getAttribute('aria-describedby')).toBeTruthy();
    await act(async () => byTestId('start-sample').click());
    expect(begin).toHaveBeenLastCalledWith('organization');
    await act(async () => byTestId('start-import').click());
    expect(begin).toHaveBeenLastCalledWith('dialog');
    await act(async () => byTestId('start-open').click());
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('lists recent projects and opens one through openRecent → readDocument → loadProjectText', async () => {
    const load = vi.spyOn(actions, 'loadProjectText').mockResolvedValue(undefined);
    await render();
    const items = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="start-recent"] button')];
    expect(items.map((b) => b.textContent)).toEqual(['Riverside.fairshareProject', 'Gone.fairshareProject']);
    await act(async () => items[0].click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(fake.openRecent).toHaveBeenCalledWith('r1');
    expect(load).toHaveBeenCalledWith(projectText, 'h1');
  });

  it('says so when a recent file has gone', async () => {
    await render();
    const items = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="start-recent"] button')];
    await act(async () => items[1].click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(store.get().notice?.text).toMatch(/Gone\.fairshare is no longer there/);
  });
});
