/**
 * End-to-end: a clean console on load (issue 12). Opening the app with the sample organization and
 * the start screen (?empty) logs no console error or warning (a CSP directive the browser ignores,
 * a missing favicon) and no request fails or answers 4xx/5xx; the page's CSP arrives as an HTTP
 * header with frame-ancestors, and the page's own <meta> policy leaves frame-ancestors out.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, e2e, launchBrowser, toolbarButton, waitIdle } from './harness';

interface Load {
  messages: string[];
  failed: string[];
  cspHeader: string | null;
  page: Page;
}

/** Opens the app in a fresh context with listeners attached before the first request. */
async function load(browser: Browser, empty: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const messages: string[] = [];
  const failed: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') messages.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => messages.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
  });
  const response = await page.goto(`${e2e.baseURL}${empty ? '?empty' : ''}`, { waitUntil: 'load' });
  await toolbarButton(page, empty ? 'Import…' : 'Re-import into this project…').waitFor({ state: 'visible', timeout: 60_000 });
  if (!empty) await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
  await waitIdle(page);
  // The views are fetched just after the first paint (App.tsx preloadViews) and the favicon after load.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  return { messages, failed, cspHeader: (await response?.headerValue('content-security-policy')) ?? null, page };
}

describeE2E('a clean console on load (end-to-end, Chromium)', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const empty of [false, true]) {
    it(`${empty ? 'the start screen (?empty)' : 'the sample organization'}: no console errors or warnings, no failed requests`, async () => {
      const { messages, failed, cspHeader, page } = await load(browser!, empty);
      try {
        expect(messages, `console messages on load:\n${messages.join('\n')}`).toEqual([]);
        expect(failed, `failed requests on load:\n${failed.join('\n')}`).toEqual([]);
        // The policy the meta tag cannot carry is in the header.
        expect(cspHeader, 'Content-Security-Policy header').toMatch(/frame-ancestors 'none'/);
        const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(meta ?? '').not.toMatch(/frame-ancestors/);
        // The favicon is the app's own.
        const icon = await page.locator('link[rel="icon"]').getAttribute('href');
        expect(icon, 'link rel=icon').toBeTruthy();
        const iconResponse = await page.request.get(new URL(icon!, page.url()).href);
        expect(iconResponse.status(), `favicon ${icon}`).toBe(200);
      } finally {
        await page.context().close();
      }
    });
  }
});
