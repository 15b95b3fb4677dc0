// Bundles the CLI (electron/cli/main.ts + the engine) into one fast-starting CommonJS file, and
// beside it sheet-part.cjs, the worker threads that read a large worksheet's parts (electron/cli/partThreads.ts).
// Written beside the target and renamed: tests that spawn the CLI while another run rebuilds it
// see the old bundle or the new one, never half of one.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = process.env.FAIRSHARE_CLI_OUT ?? 'out/cli/fairshare.cjs';
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  write: false,
  minify: true,
  legalComments: 'linked',
  banner: { js: '#!/usr/bin/env node' },
  define: { FAIRSHARE_VERSION: JSON.stringify(pkg.version) },
  // HiGHS finds its WebAssembly beside its own module in node_modules; it is loaded only by propose.
  external: ['highs'],
  logLevel: 'warning',
};
// The CLI finds the helpers' bundle beside its own file (__dirname), wherever it is run from.
const [part, cli] = await Promise.all([
  build({ ...common, entryPoints: ['electron/cli/partThreads.ts'], outfile: path.join(path.dirname(outfile), 'sheet-part.cjs'), banner: undefined }),
  build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile }),
]);
mkdirSync(path.dirname(outfile), { recursive: true });
// The helpers first: a CLI bundle newer than its sources (test/cli/freshCli.ts) has fresh helpers too.
for (const file of [...part.outputFiles, ...cli.outputFiles]) {
  const temp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temp, file.contents, { mode: 0o755 });
  renameSync(temp, file.path);
}
chmodSync(outfile, 0o755);
