// Document handles, recent files and command-line documents.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { documentKindOf, DocumentRegistry, isHandle } from '../../electron/main/documents';
import { documentPathsFromArgv } from '../../electron/main/fileArgs';
import { isRecentId, pushRecent, RecentFiles } from '../../electron/main/recentFiles';
import { MemoryStore, Settings } from '../../electron/main/settings';

const abs = (...p: string[]) => path.resolve('/', ...p);

describe('DocumentRegistry', () => {
  it('issues opaque, stable handles per path and kind', () => {
    const docs = new DocumentRegistry();
    const a = docs.issue(abs('home', 'a', 'plan.fairshare'), 'project');
    expect(isHandle(a.handle)).toBe(true);
    expect(a).toMatchObject({ name: 'plan.fairshare', kind: 'project' });
    expect(docs.issue(abs('home', 'a', 'plan.fairshare'), 'project').handle).toBe(a.handle);
    expect(docs.resolve(a.handle)).toBe(abs('home', 'a', 'plan.fairshare'));
  });

  it('makes only project files writable, and never read-only samples', () => {
    const docs = new DocumentRegistry();
    const project = docs.issue(abs('p.fairshare'), 'project');
    const sheet = docs.issue(abs('s.xlsx'), 'spreadsheet');
    const sample = docs.issue(abs('sample.fairshare'), 'project', { writable: false });
    expect(docs.resolveWritableProject(project.handle)).toBe(abs('p.fairshare'));
    expect(docs.resolveWritableProject(sheet.handle)).toBeUndefined();
    expect(docs.resolveWritableProject(sample.handle)).toBeUndefined();
    expect(docs.resolveWritableProject(crypto.randomUUID())).toBeUndefined();
  });

  it('refuses relative paths', () => {
    expect(() => new DocumentRegistry().issue('plan.fairshare', 'project')).toThrow(/absolute/);
  });

  it('knows the kinds by extension', () => {
    expect(documentKindOf('/a/b.FAIRSHARE')).toBe('project');
    for (const ext of ['xlsx', 'xlsm', 'xls', 'xlsb', 'ods', 'csv', 'tsv', 'XLSX']) expect(documentKindOf(`/a/b.${ext}`)).toBe('spreadsheet');
    for (const name of ['/a/b.txt', '/a/b.exe', '/a/xlsx', '/a/b.xlsx.lnk', '/a/.fairshare.bak']) expect(documentKindOf(name), name).toBeNull();
  });
});

describe('documentPathsFromArgv', () => {
  it('keeps document arguments, resolved against the working folder', () => {
    const cwd = abs('home', 'a');
    const argv = ['/opt/Fairshare/fairshare', '--enable-logging', 'plan.fairshare', '../b/roster.xlsx', abs('x.csv'), 'notes.txt', '-psn_0_1234', 'plan.fairshare'];
    expect(documentPathsFromArgv(argv, cwd)).toEqual([abs('home', 'a', 'plan.fairshare'), abs('home', 'b', 'roster.xlsx'), abs('x.csv')]);
  });

  it('skips the dev app folder, flags, URLs and strange arguments', () => {
    expect(documentPathsFromArgv(['electron', '.', '--inspect=5858', 'https://evil.example/a.xlsx', 'a\0.xlsx', ''], '/w')).toEqual([]);
    expect(documentPathsFromArgv(['fairshare'], '/w')).toEqual([]);
  });
});

describe('recent files', () => {
  it('puts the newest first, without duplicates, at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = pushRecent(list, `/f${i}.xlsx`, 'linux');
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/f11.xlsx');
    expect(pushRecent(list, '/f5.xlsx', 'linux').filter((p) => p === '/f5.xlsx')).toHaveLength(1);
    expect(pushRecent(['C:\\A\\Plan.fairshare'], 'c:\\a\\plan.fairshare', 'win32')).toEqual(['c:\\a\\plan.fairshare']);
    expect(pushRecent(['/A.xlsx'], '/a.xlsx', 'linux')).toEqual(['/a.xlsx', '/A.xlsx']);
  });

  it('mirrors the list to the OS and the menu, and hides paths behind per-run ids', () => {
    const settings = new Settings(new MemoryStore());
    const os = { addRecentDocument: vi.fn(), clearRecentDocuments: vi.fn() };
    const onChange = vi.fn();
    const recent = new RecentFiles(settings, os, onChange, 'linux');
    recent.add('/home/a/plan.fairshare');
    recent.add('/home/a/roster.xlsx');
    expect(os.addRecentDocument).toHaveBeenCalledWith('/home/a/roster.xlsx');
    expect(onChange).toHaveBeenCalledTimes(2);

    const list = recent.list();
    expect(list.map((r) => r.name)).toEqual(['roster.xlsx', 'plan.fairshare']);
    expect(list.every((r) => isRecentId(r.id))).toBe(true);
    expect(JSON.stringify(list)).not.toContain('/home/a');
    expect(recent.resolve(list[1].id)).toBe('/home/a/plan.fairshare');
    // Another run has another key: yesterday's ids mean nothing today.
    expect(new RecentFiles(settings, os, onChange, 'linux').resolve(list[1].id)).toBeUndefined();

    recent.remove('/home/a/roster.xlsx');
    expect(recent.paths()).toEqual(['/home/a/plan.fairshare']);
    recent.clear();
    expect(recent.list()).toEqual([]);
    expect(os.clearRecentDocuments).toHaveBeenCalled();
  });

  it('ignores stored entries that are not documents (hand-edited settings)', () => {
    const store = new MemoryStore();
    store.set('recentFiles', ['/etc/passwd', '/home/a/roster.xlsx']);
    const recent = new RecentFiles(new Settings(store), { addRecentDocument: vi.fn(), clearRecentDocuments: vi.fn() });
    expect(recent.list().map((r) => r.name)).toEqual(['roster.xlsx']);
  });
});
