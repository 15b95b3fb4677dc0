/**
 * Global setup of the end-to-end project (vitest.config.ts, project "e2e"), once per run:
 * find Chromium, build the web bundle (skipped when the sources have not changed since the last
 * build), serve it with `vite preview` on a free 127.0.0.1 port, and hand the URL to the test files.
 *
 * No browser: the suite is skipped with a visible message — unless REQUIRE_E2E=1 (set by .ci/run),
 * where a missing browser fails every end-to-end test. A failed build or a preview server that does
 * not answer fail them too, either way; a browser that exists but does not start fails in the tests.
 * (Failing the tests rather than throwing here lets the unit tests of the same run still report.)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWeb, findBrowser, ROOT, startPreview } from '../../scripts/webPreview.mjs';

export interface E2EConfig {
  /** Why the suite is skipped, or null when it runs. */
  skip: string | null;
  /** Why the suite cannot run although it must (REQUIRE_E2E=1 without a browser, build or server failure): every test fails with it. */
  error: string | null;
  /** http://127.0.0.1:PORT/ serving the web build. */
  baseURL: string;
  /** The Chromium executable. */
  browserPath: string;
  /** Where screenshots go (git-ignored). */
  resultsDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EConfig;
  }
}

const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');
/** Web builds by source hash; a private output so a concurrent `npm run build:web` cannot clobber the served files. */
const BUILD_CACHE = path.join(ROOT, 'test-results', 'e2e-web');

function banner(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '═'.repeat(width + 4);
  console.warn(`\n╔${rule}╗\n${lines.map((l) => `║  ${l.padEnd(width)}  ║`).join('\n')}\n╚${rule}╝\n`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const required = process.env.REQUIRE_E2E === '1';
  const browser = findBrowser();
  const none: E2EConfig = { skip: null, error: null, baseURL: '', browserPath: '', resultsDir: RESULTS_DIR };
  if (!browser.path) {
    const reason = `no Chromium found (looked at ${browser.looked.join(', ')}; set CHROMIUM_PATH or apt-get install -y chromium)`;
    if (required) {
      banner(['END-TO-END TESTS FAIL: REQUIRE_E2E=1 but', reason]);
      project.provide('e2e', { ...none, error: `REQUIRE_E2E=1 but ${reason}` });
    } else {
      const lines = ['END-TO-END TESTS SKIPPED', reason, 'Set REQUIRE_E2E=1 to make a missing browser fail the run.'];
      banner(lines);
      project.provide('e2e', { ...none, skip: reason });
      // Again at the end, where it is not scrolled away by the unit tests' output.
      return async () => banner(lines);
    }
    return async () => undefined;
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    const outDir = buildWeb(BUILD_CACHE, { keep: 4, log: (line) => console.log(`[e2e] ${line}`) });
    preview = await startPreview(outDir);
    console.log(`[e2e] serving ${path.relative(ROOT, outDir)} at ${preview.url}; browser ${browser.path}`);
  } catch (err) {
    const message = `[e2e] ${err instanceof Error ? err.message : String(err)}`;
    console.error(message);
    project.provide('e2e', { ...none, browserPath: browser.path, error: message });
    return async () => undefined;
  }
  project.provide('e2e', { ...none, baseURL: preview.url, browserPath: browser.path });
  return preview.stop;
}
