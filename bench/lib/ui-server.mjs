// The web app for the UI benchmark: built (cached in bench/.cache/ui-web/ by a hash of its sources),
// served with `vite preview` and driven in headless Chromium — the same recipe as the end-to-end
// tests, from scripts/webPreview.mjs.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import * as web from '../../scripts/webPreview.mjs';

export const { ROOT, CHROMIUM_ARGS, startPreview } = web;

/** The Chromium to drive ($CHROMIUM_PATH, else the usual install paths), or null. */
export function findBrowser() {
  return web.findBrowser().path;
}

/** The web bundle for the benchmark; returns its directory. */
export function buildWeb(log = console.log) {
  return web.buildWeb(join(ROOT, 'bench', '.cache', 'ui-web'), { keep: 3, log });
}

/** Headless Chromium; launch() gives it a fresh temporary user-data directory. Each measurement uses a new context (fresh storage). */
export async function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 120_000 });
}
