// Bundles the CLI (electron/cli/main.ts + the engine) into one fast-starting CommonJS file.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = 'out/cli/fairshare.cjs';
await build({
  entryPoints: ['electron/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  minify: true,
  legalComments: 'linked',
  banner: { js: '#!/usr/bin/env node' },
  define: { FAIRSHARE_VERSION: JSON.stringify(pkg.version) },
  // HiGHS finds its WebAssembly beside its own module in node_modules; it is loaded only by propose.
  external: ['highs'],
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
