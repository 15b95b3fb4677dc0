/**
 * The unit project's CLI rebuild (test/cli/freshCli.ts): a bundle older than any engine or CLI
 * source is rebuilt once, a fresh one is left alone, and a failed rebuild never leaves the old
 * bundle to be tested. Runs against a scratch tree with a stand-in build script.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliIsStale, rebuildCliIfStale } from './freshCli';

let root = '';
let bundle = '';
const at = (file: string, seconds: number) => utimesSync(path.join(root, file), seconds, seconds);

/** A build script that records each run and writes the bundle (or fails, when told to). */
function buildScript(fail: boolean): void {
  writeFileSync(path.join(root, 'scripts', 'build-cli.mjs'), `
    import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
    appendFileSync('builds.log', 'x');
    ${fail ? "console.error('ERROR: No matching export'); process.exit(1);" : "mkdirSync('out/cli', { recursive: true }); writeFileSync('out/cli/fairshare.cjs', 'new');"}
  `);
  at('scripts/build-cli.mjs', 1_000);
}
const builds = () => (existsSync(path.join(root, 'builds.log')) ? readFileSync(path.join(root, 'builds.log'), 'utf8').length : 0);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'fairshare-fresh-cli-'));
  for (const d of ['renderer/src/engine/analysis', 'electron/cli', 'scripts', 'out/cli']) mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(path.join(root, 'renderer/src/engine/analysis/metrics.ts'), 'export {}');
  writeFileSync(path.join(root, 'electron/cli/main.ts'), 'export {}');
  writeFileSync(path.join(root, 'package.json'), '{}');
  for (const f of ['renderer/src/engine/analysis/metrics.ts', 'electron/cli/main.ts', 'package.json']) at(f, 1_000);
  bundle = path.join(root, 'out/cli/fairshare.cjs');
  writeFileSync(bundle, 'old');
  at('out/cli/fairshare.cjs', 2_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the CLI bundle is rebuilt when its sources are newer', () => {
  it('a bundle newer than every source is fresh; a newer engine or CLI file, or none, makes it stale', () => {
    buildScript(false);
    expect(cliIsStale(root, bundle)).toBe(false);
    at('renderer/src/engine/analysis/metrics.ts', 3_000);
    expect(cliIsStale(root, bundle)).toBe(true);
    at('renderer/src/engine/analysis/metrics.ts', 1_000);
    at('electron/cli/main.ts', 3_000);
    expect(cliIsStale(root, bundle)).toBe(true);
    rmSync(bundle);
    expect(cliIsStale(root, bundle)).toBe(true);
  });

  it('rebuilds a stale bundle once, then leaves it alone', () => {
    buildScript(false);
    expect(rebuildCliIfStale(root, bundle)).toBe('fresh');
    expect(builds()).toBe(0);
    at('renderer/src/engine/analysis/metrics.ts', 3_000);
    expect(rebuildCliIfStale(root, bundle)).toBe('rebuilt');
    expect(readFileSync(bundle, 'utf8')).toBe('new');
    expect(rebuildCliIfStale(root, bundle)).toBe('fresh');
    expect(builds()).toBe(1);
  });

  it('a failed rebuild moves the old bundle aside and says why', () => {
    buildScript(true);
    at('electron/cli/main.ts', 3_000);
    const outcome = rebuildCliIfStale(root, bundle);
    expect(outcome).toMatch(/^could not rebuild the CLI \(exit 1\): ERROR: No matching export/);
    expect(existsSync(bundle)).toBe(false);
    expect(readFileSync(`${bundle}.stale`, 'utf8')).toBe('old');
  });
});
