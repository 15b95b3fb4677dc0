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
    const pending = api.importSpreadsheet();
    expect(inputs).toHaveLength(1);
    expect(inputs[0].type).toBe('file');
    expect(inputs[0].accept).toContain('.xlsx');
    expect(inputs[0].click).toHaveBeenCalled();

    choose(inputs[0], [new File([new Uint8Array([1, 2, 3])], 'roster.csv')]);
    const picked = await pending;
    expect(picked).toMatchObject({ name: 'roster.csv', kind: 'spreadsheet' });
    const bytes = await api.readDocument(picked!.handle);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([1, 2, 3]);
    vi.restoreAllMocks();
  });

  it('resolves null when the picker is cancelled', async () => {
    const inputs = capturePicker();
    const pending = createBrowserDesktop().importSpreadsheet();
    inputs[0].dispatchEvent(new Event('cancel'));
    await expect(pending).resolves.toBeNull();
    vi.restoreAllMocks();
  });

  it('offers projects and spreadsheets in their own pickers', async () => {
    const inputs = capturePicker();
    const api = createBrowserDesktop();
    const project = api.openProject();
    expect(inputs[0].accept).toBe('.fairshare');
    choose(inputs[0], [new File(['{}'], 'plan.fairshare')]);
    await expect(project).resolves.toMatchObject({ name: 'plan.fairshare', kind: 'project' });
    void api.importSpreadsheet();
    expect(inputs[1].accept).toBe('.xlsx,.xlsm,.xls,.xlsb,.ods,.csv,.tsv');
    vi.restoreAllMocks();
  });

  it('accepts dropped files of the kinds the app opens', async () => {
    const api = createBrowserDesktop();
    await expect(api.openDroppedFile(new File(['a'], 'Roster.XLSX'))).resolves.toMatchObject({ kind: 'spreadsheet' });
    await expect(api.openDroppedFile(new File(['a'], 'plan.fairshare'))).resolves.toMatchObject({ kind: 'project' });
    await expect(api.openDroppedFile(new File(['a'], 'notes.txt'))).resolves.toBeNull();
  });

  it('saves projects and exports as downloads, and reads a saved project back', async () => {
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const api = createBrowserDesktop();
    const saved = await api.saveProject({ handle: null, text: '{"version":2}', saveAs: false, suggestedName: 'Tenants/union' });
    expect(saved).toMatchObject({ name: 'Tenantsunion.fairshare', kind: 'project' });
    expect(new TextDecoder().decode(await api.readDocument(saved!.handle))).toBe('{"version":2}');
    const again = await api.saveProject({ handle: saved!.handle, text: '{"version":2,"x":1}', saveAs: false, suggestedName: '' });
    expect(again?.handle).toBe(saved!.handle);
    await expect(api.exportFile({ format: 'xlsx', suggestedName: 'summary', bytes: new Uint8Array([1]) })).resolves.toBe('summary.xlsx');
    expect(clicks.map((a) => a.download)).toEqual(['Tenantsunion.fairshare', 'Tenantsunion.fairshare', 'summary.xlsx']);
    await expect(api.saveProject({ handle: 'web-404', text: '{}', saveAs: false, suggestedName: '' })).rejects.toThrow(/Unknown project handle/);
    vi.restoreAllMocks();
  });

  it('keeps settings and the autosave in local storage', async () => {
    localStorage.clear();
    const api = createBrowserDesktop();
    await expect(api.getSettings()).resolves.toMatchObject({ hoursPerFte: 40, theme: 'system' });
    await api.setSetting('theme', 'dark');
    await expect(createBrowserDesktop().getSettings()).resolves.toMatchObject({ theme: 'dark' });
    await expect(api.checkRecovery()).resolves.toBeNull();
    await api.writeRecovery('{"version":2}', null);
    await expect(createBrowserDesktop().checkRecovery()).resolves.toMatchObject({ text: '{"version":2}', document: null });
    await api.discardRecovery();
    await expect(api.checkRecovery()).resolves.toBeNull();
  });

  it('deletes one saved column mapping by name, keeping the others', async () => {
    localStorage.clear();
    const api = createBrowserDesktop();
    const march = { sheets: { March: { columns: { B: 'role' }, headers: { B: 'Grade' } } } };
    const old = { sheets: { Staff: { columns: { A: 'person' } } } };
    await api.setSetting('columnMappings', { march, old });
    await expect(api.deleteColumnMapping('march')).resolves.toMatchObject({ columnMappings: { old } });
    await expect(api.deleteColumnMapping('nope')).resolves.toMatchObject({ columnMappings: { old } });
    expect((await createBrowserDesktop().getSettings()).columnMappings).toEqual({ old });
  });

  it('shows unsaved changes in the title and guards unloading', async () => {
    const api = createBrowserDesktop();
    await api.setDocumentState({ dirty: true, title: 'Plan' });
    expect(document.title).toBe('Plan • — Fairshare');
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await api.setDocumentState({ dirty: false, title: 'Plan' });
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('has no recent list or menu in the browser', async () => {
    const api = createBrowserDesktop();
    await expect(api.listRecent()).resolves.toEqual([]);
    await expect(api.openRecent('x')).resolves.toBeNull();
    const unsubscribe = api.onMenuCommand(() => undefined);
    expect(typeof unsubscribe).toBe('function');
    await expect(api.getAppInfo()).resolves.toMatchObject({ version: 'web' });
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
