// @vitest-environment happy-dom
// Web-mode DesktopApi: the <input type=file> fallback used outside Electron.
import { describe, expect, it, vi } from 'vitest';
import { createBrowserDesktop, desktop, isElectron } from '../../../renderer/src/platform/desktop';

function capturePicker() {
  const inputs: HTMLInputElement[] = [];
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
    const el = create(tag);
    if (el instanceof HTMLInputElement) {
      vi.spyOn(el, 'click').mockImplementation(() => undefined); // no real picker in tests
      inputs.push(el);
    }
    return el;
  }) as typeof document.createElement);
  return inputs;
}

function choose(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('createBrowserDesktop', () => {
  it('reports the web version', async () => {
    await expect(createBrowserDesktop().getVersion()).resolves.toBe('web');
  });

  it('opens a file through a file input and reads back its bytes', async () => {
    const inputs = capturePicker();
    const api = createBrowserDesktop();
    const pending = api.openSpreadsheet();
    expect(inputs).toHaveLength(1);
    expect(inputs[0].type).toBe('file');
    expect(inputs[0].accept).toContain('.xlsx');
    expect(inputs[0].click).toHaveBeenCalled();

    choose(inputs[0], [new File([new Uint8Array([1, 2, 3])], 'roster.csv')]);
    const picked = await pending;
    expect(picked?.name).toBe('roster.csv');
    const bytes = await api.readDocument(picked!.handle);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([1, 2, 3]);
    vi.restoreAllMocks();
  });

  it('resolves null when the picker is cancelled', async () => {
    const inputs = capturePicker();
    const pending = createBrowserDesktop().openSpreadsheet();
    inputs[0].dispatchEvent(new Event('cancel'));
    await expect(pending).resolves.toBeNull();
    vi.restoreAllMocks();
  });

  it('refuses unknown handles', async () => {
    await expect(createBrowserDesktop().readDocument('web-99')).rejects.toThrow(/Unknown document handle/);
  });
});

describe('desktop()', () => {
  it('falls back to the browser implementation without a preload', async () => {
    expect(isElectron()).toBe(false);
    await expect(desktop().getVersion()).resolves.toBe('web');
  });
});
