/**
 * Driving the web build in Chromium for the end-to-end tests: launch the browser the global setup
 * found, open the app served by `vite preview`, and helpers named after what a user does (import
 * through the wizard, switch tabs, read a figure card). Selectors are the views' agreed hooks:
 * accessible names, roles and data-testid attributes.
 *
 * A test file is `describeE2E(name, () => { const { open } = useBrowser(); it(…, async () => { const app = await open(); … }) })`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/webPreview.mjs';

export const e2e = inject('e2e');


/** How long to wait for the app to show something (generous: the machine may be busy with other tests). */
export const UI_TIMEOUT = 30_000;

/** `describe` that is skipped, with the reason in its name, when the global setup found no browser. */
export function describeE2E(name: string, body: () => void): void {
  if (e2e.skip) describe.skip(`${name} — SKIPPED: ${e2e.skip}`, body);
  else describe(name, body);
}

export async function launchBrowser(): Promise<Browser> {
  if (e2e.error) throw new Error(`end-to-end tests cannot run: ${e2e.error}`);
  // launch() gives every browser a fresh temporary user-data directory.
  return chromium.launch({ executablePath: e2e.browserPath, headless: true, args: CHROMIUM_ARGS, timeout: 120_000 });
}

export type Scheme = 'light' | 'dark';

export interface OpenOptions {
  /** Start with nothing loaded (`?empty`, the start screen) instead of the sample organization. */
  empty?: boolean;
  scheme?: Scheme;
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions in the page (a failing test prints them). */
  pageErrors: string[];
  /** console.error messages, including CSP violations. */
  consoleErrors: string[];
}

/**
 * Opens the app in a new browser context (fresh storage): with the sample organization loaded as
 * on a first start, or with `empty` (`?empty`) on the start screen.
 */
export async function openApp(browser: Browser, options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    colorScheme: options.scheme ?? 'light',
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.stack ?? err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  // window.confirm (restore an autosave?) cannot appear in a fresh context; dismiss anything else.
  page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
  await page.goto(`${e2e.baseURL}${options.empty ? '?empty' : ''}`, { waitUntil: 'load' });
  await toolbarButton(page, options.empty ? 'Import…' : 'Re-import into this project…').waitFor({ state: 'visible', timeout: 60_000 });
  if (!options.empty) await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
  await waitIdle(page);
  return { page, context, pageErrors, consoleErrors };
}

export async function closeApp(app: AppPage | undefined): Promise<void> {
  await app?.context.close().catch(() => undefined);
}

export interface E2EBrowser {
  /** Opens the app (see openApp) in the block's browser; it is closed after the test. */
  open(options?: OpenOptions): Promise<AppPage>;
  /** The apps the running test has opened, in order (emptied after each test). */
  readonly opened: readonly AppPage[];
}

/**
 * The browser of a describeE2E block, registered as its hooks: launched before the block's tests
 * (when the global setup found that the tests must run but cannot, e.g. REQUIRE_E2E=1 without a
 * browser, the launch throws that reason and every test of the block fails with it) and closed after
 * them; every app a test opens with `open` is closed after that test. Each app collects its page's
 * uncaught exceptions (AppPage.pageErrors), which fail the test at its expectNoPageErrors.
 */
export function useBrowser(): E2EBrowser {
  let browser: Browser | undefined;
  const opened: AppPage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const app of opened.splice(0)) await closeApp(app);
  });
  return {
    opened,
    async open(options = {}) {
      if (!browser) throw new Error('useBrowser(): open() is for the tests, after the browser is launched');
      const app = await openApp(browser, options);
      opened.push(app);
      return app;
    },
  };
}

/** Fails when the page threw: a test passing over an uncaught exception would hide a bug. */
export function expectNoPageErrors(app: AppPage): void {
  expect(app.pageErrors, `uncaught exceptions in the page:\n${app.pageErrors.join('\n')}`).toEqual([]);
}

/** Waits until no busy overlay (role=progressbar) is shown. */
export async function waitIdle(page: Page): Promise<void> {
  await page.locator('.busy[role="progressbar"]').waitFor({ state: 'detached', timeout: 120_000 });
}

/** The app's header with the toolbar groups (File, Edit, Export and view): toolbar buttons are found by accessible name inside it. */
export function toolbar(page: Page): Locator {
  return page.locator('header').filter({ has: page.getByRole('toolbar') }).first();
}

export function toolbarButton(page: Page, name: string): Locator {
  return toolbar(page).getByRole('button', { name, exact: true });
}

export type FileArg = string | { name: string; mimeType: string; buffer: Buffer };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Clicks something that opens a file picker (an <input type=file> in web mode) and picks `file`. */
export async function pickFile(page: Page, trigger: Locator, file: FileArg): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: UI_TIMEOUT }), trigger.click()]);
  await chooser.setFiles(file);
}

/** Clicks something that downloads a file (save, export) and returns the download. */
export async function download(page: Page, trigger: Locator): Promise<Download> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), trigger.click()]);
  const failure = await dl.failure();
  if (failure) throw new Error(`download of ${dl.suggestedFilename()} failed: ${failure}`);
  return dl;
}

export function wizard(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Import a spreadsheet' });
}

/** Toolbar Import… (or Re-import into this project… when a project is open) → pick `file` → the wizard is shown. */
export async function startImport(page: Page, file: FileArg): Promise<Locator> {
  const reimport = await toolbarButton(page, 'Re-import into this project…').isVisible();
  await pickFile(page, toolbarButton(page, reimport ? 'Re-import into this project…' : 'Import…'), file);
  const dialog = wizard(page);
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  await waitIdle(page);
  return dialog;
}

/** Confirms the wizard and waits for the workspace (tabs) to show the imported organization. */
export async function confirmWizard(page: Page): Promise<void> {
  const confirm = page.getByTestId('wizard-confirm');
  await expect.poll(() => confirm.isEnabled(), { timeout: 60_000, message: 'wizard-confirm enabled' }).toBe(true);
  await confirm.click();
  await wizard(page).waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ state: 'visible' });
  await waitIdle(page);
}

export type Tab = 'Overview' | 'Jobs' | 'Tasks & ratings' | 'Charts' | 'Proposal';

export async function gotoTab(page: Page, name: Tab): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: UI_TIMEOUT, message: `tab "${name}" selected` }).toBe('true');
}

/** A number shown in the UI: the element's data-value when it has one, else parsed from its text. */
export interface Shown {
  value: number;
  /** Half a unit of the last shown digit (0 for a data-value): how far the shown number may be from the exact one. */
  precision: number;
  text: string;
}

export function parseShown(text: string): Shown | null {
  const cleaned = text.replace(/\u2212/g, '-').replace(/[\s\u00a0\u202f,]/g, '');
  const m = /-?\d+(?:\.(\d+))?/.exec(cleaned);
  if (!m) return null;
  const decimals = m[1]?.length ?? 0;
  return { value: Number(m[0]), precision: 0.5 * 10 ** -decimals + 1e-9, text };
}

export async function readShown(locator: Locator): Promise<Shown | null> {
  if ((await locator.count()) === 0) return null;
  const raw = await locator.first().getAttribute('data-value');
  const text = (await locator.first().textContent()) ?? '';
  if (raw !== null && raw.trim() !== '' && Number.isFinite(Number(raw))) return { value: Number(raw), precision: 1e-9, text };
  return parseShown(text);
}

/** The data-value of the Overview card `figure-${key}` (null when the card is missing). */
export async function figureValue(page: Page, key: string): Promise<number | null> {
  const card = page.getByTestId(`figure-${key}`);
  if ((await card.count()) === 0) return null;
  const raw = await card.first().getAttribute('data-value');
  return raw === null || raw.trim() === '' ? null : Number(raw);
}

export function jobsTable(page: Page): Locator {
  return page.getByTestId('jobs-table');
}

export function jobRow(page: Page, name: string): Locator {
  return page.getByTestId(`job-row-${name}`);
}

/** Names of the people in the Jobs table, from the rows' data-testid. */
export async function jobNames(page: Page): Promise<string[]> {
  return jobsTable(page)
    .locator('[data-testid^="job-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('job-row-'.length)));
}

/** A person's E (or D) as shown in the Jobs table. */
export async function jobScore(page: Page, name: string, which: 'job-e' | 'job-d' = 'job-e'): Promise<Shown | null> {
  return readShown(jobRow(page, name).getByTestId(which));
}

/** Waits (up to 30 s) until the Jobs table shows `expected` as `name`'s E, to the digits it shows; `when` leads the failure message. */
export async function expectJobE(page: Page, name: string, expected: number, when: string): Promise<void> {
  await expect
    .poll(async () => {
      const shown = await jobScore(page, name);
      return shown !== null && Math.abs(shown.value - expected) <= shown.precision;
    }, { timeout: 30_000, message: `${when}: job-e of ${name} shows ${JSON.stringify((await jobScore(page, name))?.text)}, engine ${expected}` })
    .toBe(true);
}

export function ratingInput(page: Page, dimension: 'Empowerment' | 'Desirability', task: string): Locator {
  return page.getByLabel(`${dimension} of ${task}`, { exact: true });
}

/** Types a new value into a number field and leaves it (Tab), as a user would. */
export async function enterNumber(field: Locator, value: number): Promise<void> {
  await field.scrollIntoViewIfNeeded();
  await field.fill(String(value));
  await field.press('Tab');
}

/** |shown − expected| within what the display can show; a readable failure otherwise. */
export function expectShown(shown: Shown | null, expected: number, what: string): void {
  expect(shown, `${what}: nothing shown`).not.toBeNull();
  const diff = Math.abs(shown!.value - expected);
  expect(diff <= shown!.precision, `${what}: shows ${JSON.stringify(shown!.text)} (${shown!.value}), the engine says ${expected}`).toBe(true);
}

export function screenshotPath(name: string): string {
  mkdirSync(e2e.resultsDir, { recursive: true });
  return path.join(e2e.resultsDir, `${name}.png`);
}

/** Lets React commit and charts finish drawing. */
export async function settle(page: Page): Promise<void> {
  // Two frames, or half a second if Chromium produces none: after a large viewport change headless
  // Chromium sometimes stops issuing animation frames, and an evaluate has no timeout of its own
  // (a CI run hung here for the test's whole 240 s).
  await page.evaluate(
    () =>
      new Promise<void>((r) => {
        const fallback = setTimeout(r, 500);
        requestAnimationFrame(() => requestAnimationFrame(() => {
          clearTimeout(fallback);
          r();
        }));
      }),
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let axeSource: string | undefined;

/** axe-core's violations on the page (every impact). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so the page's CSP (scripts from 'self' only) stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;void 0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** The violations no screen may have. */
export const isSerious = (v: AxeViolation): boolean => v.impact === 'serious' || v.impact === 'critical';

/**
 * Axe at 1440×900 and 1024×700 in one theme, and screenshots of the whole view scrolled through
 * (the main area scrolls, not the page) as `${stem}-${scheme}-${width}-${i}.png`; returns the
 * serious and critical findings as lines (the rest are logged).
 */
export async function axeAndScrollShots(page: Page, scheme: Scheme, stem: string): Promise<string[]> {
  const serious: string[] = [];
  for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
    await page.setViewportSize(size);
    await settle(page);
    for (const v of await runAxe(page)) {
      const line = `${stem} ${scheme} ${size.width}: [${v.impact}] ${v.id} — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`;
      if (isSerious(v)) serious.push(line);
      else console.log(`[axe] ${line}`);
    }
    const main = page.locator('main.content');
    const height = await main.evaluate((el) => el.scrollHeight);
    for (let top = 0, i = 1; top < height && i <= 6; top += size.height - 150, i++) {
      await main.evaluate((el, y) => el.scrollTo(0, y), top);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`${stem}-${scheme}-${size.width}-${i}`) });
    }
    await main.evaluate((el) => el.scrollTo(0, 0));
  }
  return serious;
}
