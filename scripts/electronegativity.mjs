// Runs Electronegativity (Electron security checks) over the built app in out/ and fails on
// any finding except the notice that a preload script exists. Builds first when out/ is
// missing or older than the sources. Offline: its translation download is replaced by its
// bundled English texts and its online check (Electron releases with security fixes) is skipped.
//
//   node scripts/electronegativity.mjs [--no-build] [--json]
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'out');
const require = createRequire(import.meta.url);

/** The one finding we expect: the window has a preload (it is how the page gets the DesktopApi). */
export const ALLOWED = new Set(['PRELOAD_JS_CHECK']);
/** Needs the network (GitHub's list of Electron releases). */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const args = new Set(process.argv.slice(2));

function newestMtime(target) {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

function needsBuild() {
  const built = path.join(OUT, 'main', 'index.js');
  if (!existsSync(built) || !existsSync(path.join(OUT, 'preload', 'index.cjs')) || !existsSync(path.join(OUT, 'renderer', 'index.html'))) {
    return true;
  }
  const sources = ['electron/main', 'electron/preload', 'electron/ipc', 'renderer/index.html', 'electron.vite.config.ts'];
  const newestSource = Math.max(...sources.map((s) => newestMtime(path.join(ROOT, s))));
  return newestSource > statSync(built).mtimeMs;
}

function build() {
  console.log('electronegativity: building the app (electron-vite build)…');
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Electronegativity fetches translations at start-up; give it its bundled English instead. */
function installOfflineTranslations(packageDir) {
  const i18nModule = require.resolve(path.join(packageDir, 'dist', 'locales', 'i18n.js'));
  const i18n = require(require.resolve('i18n', { paths: [packageDir] }));
  const load = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.join(packageDir, 'dist', 'locales'),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: { __esModule: true, default: load } };
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'));
  return pkg.version;
}

async function scan(run, input) {
  const result = await run(
    {
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion(),
      parserPlugins: [],
    },
    false,
  );
  return result;
}

async function main() {
  if (!args.has('--no-build') && needsBuild()) build();
  if (!existsSync(path.join(OUT, 'main', 'index.js'))) {
    console.error('electronegativity: out/main/index.js is missing; run `npm run build`.');
    process.exit(1);
  }

  const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  installOfflineTranslations(packageDir);
  const run = require('@doyensec/electronegativity');

  // Electronegativity reads .js and .html but not .cjs: scan a copy of out/ in which the
  // preload is also present as .js. (out/cli is the Node CLI, not part of the Electron app.)
  const copy = mkdtempSync(path.join(tmpdir(), 'fairshare-eng-'));
  const started = Date.now();
  let result;
  try {
    for (const part of ['main', 'preload', 'renderer']) cpSync(path.join(OUT, part), path.join(copy, part), { recursive: true });
    copyFileSync(path.join(OUT, 'preload', 'index.cjs'), path.join(copy, 'preload', 'index.cjs.js'));
    result = await scan(run, copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }

  const findings = result.issues.map((issue) => ({
    id: issue.id,
    file: path.join('out', issue.file),
    line: issue.location?.line ?? 0,
    severity: issue.severity?.name ?? String(issue.severity),
    confidence: issue.confidence?.name ?? String(issue.confidence),
    description: issue.description,
    allowed: ALLOWED.has(issue.id),
  }));
  const errors = result.errors.map((error) => ({ file: path.relative(copy, error.file), message: error.message, tolerable: error.tolerable }));

  const checks = result.globalChecks + result.atomicChecks;
  if (args.has('--json')) {
    console.log(JSON.stringify({ checks, findings, errors }, null, 2));
  } else {
    console.log(`electronegativity: ${checks} checks over out/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const f of findings) {
      console.log(`  ${f.allowed ? 'notice ' : 'FINDING'} ${f.id} ${f.severity}/${f.confidence} ${f.file}:${f.line} — ${f.description}`);
    }
    for (const e of errors) console.log(`  ${e.tolerable ? 'warning' : 'ERROR  '} could not parse ${e.file}: ${e.message}`);
  }

  const failures = findings.filter((f) => !f.allowed);
  const fatalErrors = errors.filter((e) => !e.tolerable);
  if (!findings.some((f) => f.id === 'PRELOAD_JS_CHECK')) {
    console.error('electronegativity: expected the preload notice; did the scan see out/main/index.js?');
    process.exit(1);
  }
  if (failures.length > 0 || fatalErrors.length > 0) {
    console.error(`electronegativity: ${failures.length} finding(s), ${fatalErrors.length} file(s) not parsed`);
    process.exit(1);
  }
  console.log('electronegativity: no findings besides the preload notice');
}

await main();
