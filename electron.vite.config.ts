// Build configuration for the three Electron targets. Our layout (electron/, renderer/) is
// not electron-vite's src/main|preload|renderer convention, so every entry is explicit.
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { devContentSecurityPolicy, metaContentSecurityPolicy } from './electron/main/csp';
import { collectLicenses, formatLicenses } from './scripts/licenses.mjs';

const root = import.meta.dirname;
const at = (...parts: string[]) => resolve(root, ...parts);

/**
 * `electron-vite dev` only: React Fast Refresh injects an inline module script, which the
 * production CSP forbids. Built files keep the strict policy untouched.
 */
function devCsp(): Plugin {
  return {
    name: 'fairshare:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(metaContentSecurityPolicy(), metaContentSecurityPolicy(devContentSecurityPolicy())),
  };
}

const LICENSES_MODULE = 'virtual:fairshare-licenses';

/** Main's About box text: the licences of every package the app ships, gathered at build time. */
function licenses(): Plugin {
  const resolved = `\0${LICENSES_MODULE}`;
  return {
    name: 'fairshare:licenses',
    resolveId: (id) => (id === LICENSES_MODULE ? resolved : undefined),
    load: (id) =>
      id === resolved ? `export default ${JSON.stringify(formatLicenses(collectLicenses(root)))};` : undefined,
  };
}

export default defineConfig({
  main: {
    plugins: [licenses()],
    build: {
      outDir: at('out/main'),
      rolldownOptions: {
        input: { index: at('electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // Bundle everything: a sandboxed preload can require 'electron' and nothing else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    publicDir: at('renderer/public'),
    plugins: [react(), devCsp()],
    worker: { format: 'es' },
    build: {
      outDir: at('out/renderer'),
      rolldownOptions: {
        input: { index: at('renderer/index.html') },
      },
    },
  },
});
