// Test runner configuration: engine, CLI and main-process tests run in Node ("unit"); the
// end-to-end tests drive the web build in Chromium ("e2e", test/e2e/, after the unit tests).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // electron-store imports electron at load; inlined, it sees the tests' vi.mock('electron')
    // instead of the real package (which would try to download the Electron binary).
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          // Rebuilds out/cli/fairshare.cjs when the engine or the CLI is newer, so CLI tests never run an old bundle.
          globalSetup: ['test/cli/globalSetup.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds the web bundle once, serves it with `vite preview`, finds Chromium (or skips with a message).
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // One browser at a time, after the unit tests, so timings are not fought over on a small machine.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
