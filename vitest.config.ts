// Test runner configuration: engine, CLI and main-process tests run in Node.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // electron-store imports electron at load; inlined, it sees the tests' vi.mock('electron')
    // instead of the real package (which would try to download the Electron binary).
    server: { deps: { inline: ['electron-store'] } },
  },
});
