/** Global setup of the unit project (vitest.config.ts): the CLI bundle is rebuilt when its sources are newer. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildCliIfStale } from './freshCli';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const outcome = rebuildCliIfStale(root, path.join(root, 'out', 'cli', 'fairshare.cjs'));
  if (outcome === 'rebuilt') console.log('[fairshare] rebuilt out/cli/fairshare.cjs: its sources were newer');
  else if (outcome !== 'fresh') console.warn(`[fairshare] ${outcome}; the CLI tests will report it`);
}
