// App info and the About box: version, runtime and the licences of what the app ships.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutBoxOptions, buildAppInfo, licencesBoxOptions } from '../../electron/main/appInfo';
import { collectLicenses, formatLicenses } from '../../scripts/licenses.mjs';

describe('app info', () => {
  it('reports versions and licences, and the About box shows them', () => {
    const info = buildAppInfo('Fairshare', '0.1.0', { electron: '45.5.0', chrome: '140.0', node: '22.20.0' }, 'linux', 'MIT …');
    expect(info).toEqual({ name: 'Fairshare', version: '0.1.0', electron: '45.5.0', chrome: '140.0', node: '22.20.0', platform: 'linux', licenses: 'MIT …' });
    const about = aboutBoxOptions(info);
    expect(about.message).toBe('Fairshare 0.1.0');
    expect(about.detail).toContain('Electron 45.5.0');
    expect(about.buttons).toEqual(['OK', 'Licences…']);
    expect(licencesBoxOptions({ ...info, licenses: 'x'.repeat(10_000) }).detail!.length).toBeLessThan(6100);
  });

  it('collects the licence of every package the app ships', () => {
    const entries = collectLicenses(path.resolve('.'));
    const names = entries.map((e) => e.name);
    for (const name of ['react', 'react-dom', 'recharts', '@e965/xlsx', 'highs', 'zod', 'fflate', 'electron-store', 'electron']) {
      expect(names, name).toContain(name);
    }
    // Dev tools are not shipped.
    for (const name of ['vitest', 'typescript', '@doyensec/electronegativity', 'electron-vite']) expect(names).not.toContain(name);
    expect(entries.every((e) => e.text !== null)).toBe(true);
    const text = formatLicenses(entries);
    expect(text).toContain('@e965/xlsx 0.20.3 (Apache-2.0)');
    expect(text).toMatch(/Permission is hereby granted/);
  });
});
