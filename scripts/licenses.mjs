// Collects the licence texts of every package the app ships (the production dependency tree
// plus Electron itself), for the About box. Used by electron.vite.config.ts at build time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying)([-.][\w.-]*)?$/i;

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Node's lookup: <from>/node_modules/<name>, then each parent folder's, up to the root. */
function resolvePackageDir(name, fromDir, root) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return null;
  }
}

function licenseText(dir) {
  const files = readdirSync(dir).filter((f) => LICENSE_FILE.test(f)).sort();
  return files.length ? files.map((f) => readFileSync(path.join(dir, f), 'utf8').trim()).join('\n\n') : null;
}

function licenseName(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  return 'see package';
}

/** Entries for the production dependencies of the package at `root`, sorted by name. */
export function collectLicenses(root, extra = ['electron']) {
  const rootPkg = readJson(path.join(root, 'package.json'));
  const entries = new Map();
  const queue = [...Object.keys(rootPkg.dependencies ?? {}), ...extra].map((name) => ({ name, from: root }));
  while (queue.length > 0) {
    const { name, from } = queue.shift();
    const dir = resolvePackageDir(name, from, root);
    if (!dir || entries.has(dir)) continue;
    const pkg = readJson(path.join(dir, 'package.json'));
    entries.set(dir, { name: pkg.name ?? name, version: pkg.version ?? '', license: licenseName(pkg), text: licenseText(dir) });
    // Electron's own runtime needs nothing from node_modules.
    if (!extra.includes(name)) {
      for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir });
    }
  }
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** One plain-text document with every licence. */
export function formatLicenses(entries) {
  const header =
    'Fairshare includes the following open-source software. Chromium, which Electron embeds, ' +
    'lists its own components in the LICENSES.chromium.html file next to the app.\n';
  const body = entries.map((e) => `${e.name} ${e.version} (${e.license})\n\n${e.text ?? '(no licence file in the package)'}`);
  return [header, ...body].join(`\n\n${'-'.repeat(72)}\n\n`) + '\n';
}
