/**
 * End-to-end (issue 18): the report in web mode. From the sample: the bundled partner is merged in,
 * the merged organization used and its proposal made; the Report tab builds the report (proposal and
 * merger ticked); "Print or save as PDF…" opens it as a blob: document in a tab of its own and prints
 * it. That document is printed to PDF by Chromium (page.pdf, the CSS page size), and the PDF read back
 * with pdftotext: the title page (organization, date), the key figures equal to the engine's, every
 * chart's title (as many as the <svg> in the document), the proposal and merger sections, the running
 * header and page numbers; A4 and Letter pages. Each page is rendered with `pdftoppm -png -r 60` to
 * test-results/e2e/report-pages/ to be looked at. axe finds nothing serious in the view in either theme.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { applyReviewed, matchTasks } from '../../renderer/src/engine/merge/match';
import { poolOrganizations } from '../../renderer/src/engine/merge/pool';
import { axeAndScrollShots, describeE2E, e2e, expectNoPageErrors, UI_TIMEOUT, useBrowser, type Scheme } from './harness';
import { importBytes, importSample, ROOT } from './engine';

const RUN_TIMEOUT = 180_000;
const TOLERANCE = 0.95;
const PAGES_DIR = path.join(e2e.resultsDir, 'report-pages');

const riverside = importSample().organization;
const eastside = importBytes(readFileSync(path.join(ROOT, 'resources', 'sample-partner.xlsx')), 'sample-partner.xlsx').organization;

const work = mkdtempSync(path.join(tmpdir(), 'fairshare-report-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Whitespace (line breaks, the PDF's spacing) and soft hyphens collapsed, so a title wrapped over two lines still matches. */
const flat = (text: string) => text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();

/** A poppler-utils tool's output; a missing tool is named with its package. */
function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdftoppm', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: install poppler-utils (apt-get install -y poppler-utils; .ci/run does)`);
    throw err;
  }
}

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return poppler('pdftotext', [...range, file, '-']);
}

function pdfPages(file: string): { pages: number; size: string } {
  const info = poppler('pdfinfo', [file]);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]), size: /^Page size:\s+(.+)$/m.exec(info)![1] };
}

/** Merger tab → the bundled partner added → "Use the merged organization" → its proposal made. */
async function mergeAndPropose(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Merger', exact: true }).click();
  await page.getByTestId('merger-add-sample').click();
  await page.getByTestId('merger-org-Eastside Housing Co-op').waitFor({ timeout: 60_000 });
  await page.getByTestId('merger-use').click();
  await expect.poll(() => page.getByRole('tab', { name: 'Proposal', exact: true }).getAttribute('aria-selected')).toBe('true');
  await page.getByTestId('proposal-run').click();
  await page.getByTestId('proposal-results').waitFor({ timeout: RUN_TIMEOUT });
  await page.getByTestId('proposal-progress').waitFor({ state: 'detached', timeout: RUN_TIMEOUT });
  expect(await page.getByTestId('proposal-results').getAttribute('data-status')).toBe('optimal');
}

async function openReport(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Report', exact: true }).click();
  await page.getByTestId('report-view').waitFor();
  await expect.poll(() => page.getByTestId('report-status').getAttribute('data-status'), { timeout: RUN_TIMEOUT, message: 'report built' }).toBe('ready');
}

/** "Print or save as PDF…" → the report's own tab, once the app has asked it to print. */
async function printTab(page: Page): Promise<Page> {
  const [tab] = await Promise.all([page.context().waitForEvent('page', { timeout: UI_TIMEOUT }), page.getByTestId('report-export').click()]);
  await tab.waitForLoadState('load');
  await expect.poll(() => tab.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0), { timeout: UI_TIMEOUT, message: 'print() called on the report tab' }).toBe(1);
  return tab;
}

describeE2E('the report (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  it('prints the merged sample with its proposal to PDF through the browser, with the engine’s figures, every chart and section', async () => {
    const app = await open();
    const { page } = app;
    // Headless Chromium has no print dialog: print() is recorded instead, in the app and in every tab it opens.
    await page.context().addInitScript(() => {
      window.print = () => {
        const w = window as unknown as { __printed?: number };
        w.__printed = (w.__printed ?? 0) + 1;
      };
    });
    const project = (await page.title()).replace(/ — Fairshare$/, '').replace(/ •$/, '');
    await mergeAndPropose(page);
    const moved = Number(await page.getByTestId('proposal-figure-movedHours').getAttribute('data-value'));
    const bound = Number(await page.getByTestId('proposal-figure-bound').getAttribute('data-value'));
    const giniShown = Number(await (async () => {
      await page.getByRole('tab', { name: 'Overview', exact: true }).click();
      const card = page.getByTestId('figure-empowerment.absoluteGini');
      await card.waitFor();
      return card.getAttribute('data-value');
    })());

    // The merged organization's audit, computed in Node as the app pools it (matches as found).
    const sources = [{ name: project, organization: riverside, file: 'r' }, { name: 'Eastside Housing Co-op', organization: eastside, file: 'e' }];
    const pooled = poolOrganizations(sources, applyReviewed(matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks }))), []), { tolerance: TOLERANCE });
    const audit = buildAuditReport({ organization: pooled.organization, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: 'merged', format: 'merger' }, { tolerance: TOLERANCE });
    expect(giniShown).toBeCloseTo(audit.metrics.empowerment.absoluteGini, 9);

    await openReport(page);
    for (const part of ['proposal', 'merger'] as const) expect(await page.getByTestId(`report-part-${part}`).isChecked(), part).toBe(true);
    const frame = page.getByTestId('report-frame');
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin');
    const inFrame = await frame.evaluate((f: HTMLIFrameElement) => f.contentDocument?.querySelectorAll('figure.chart').length ?? 0);
    expect(inFrame).toBeGreaterThan(0);
    expect(await page.getByTestId('report-export').textContent()).toBe('Print or save as PDF…');

    const tab = await printTab(page);
    expect(tab.url()).toMatch(/^blob:/);
    const html = await tab.content();
    const charts = await tab.evaluate(() => [...document.querySelectorAll('figure.chart')].map((f) => ({ id: f.id, title: f.querySelector('.chart-title')?.textContent ?? '' })));
    const svgs = (html.match(/<svg[\s>]/g) ?? []).length;
    expect(charts.length).toBeGreaterThanOrEqual(8);
    expect(svgs, 'one <svg> per chart').toBe(charts.length);
    expect(charts.length, 'the report tab shows the charts the view shows').toBe(inFrame);
    const sections = await tab.evaluate(() => [...document.querySelectorAll('nav.contents li')].map((li) => li.textContent ?? ''));

    const pdf = path.join(work, 'report-a4.pdf');
    writeFileSync(pdf, await tab.pdf({ preferCSSPageSize: true, printBackground: true }));
    const { pages, size } = pdfPages(pdf);
    expect(size).toMatch(/ pts \(A4\)$/);
    expect(pages).toBeGreaterThan(5);

    // The title page: the organization and the date.
    const title = flat(pdfText(pdf, 1));
    expect(title).toContain(project);
    expect(title).toContain(new Date().toISOString().slice(0, 10));
    expect(title).toContain('Merger report');
    const text = flat(pdfText(pdf));
    // The key figures' readings as the engine computes them (one decimal for points, whole percents for shares).
    const m = audit.metrics.empowerment;
    expect(text).toContain(`${audit.totals.people} people, ${audit.totals.hours.toFixed(1)} hours a week, ${audit.totals.tasks} tasks`);
    expect(text).toContain(`The absolute Gini is ${m.absoluteGini.toFixed(1)} points`);
    expect(text).toContain(`${Math.round(m.withinTolerance * 100)}% of hours are in jobs within ±0.95 points of the average empowerment (${m.mean!.toFixed(1)})`);
    expect(text).toContain(`${audit.metrics.coordinator.members.length} people (`);
    // The proposal's hours moved and exact bound, as the Proposal view shows them (its own test checks them against the engine).
    expect(text).toContain(`${moved.toFixed(1)} of ${audit.totals.hours.toFixed(1)} weekly hours change hands`);
    expect(text).toContain(`is ${bound.toFixed(1)} hours`);
    // Every chart's title, every section's heading, the running header and page numbers.
    for (const c of charts) expect(text, `chart ${c.id}`).toContain(flat(c.title));
    for (const s of sections) expect(text, `section ${s}`).toContain(flat(s));
    expect(sections.some((s) => s.startsWith('The proposal'))).toBe(true);
    expect(sections).toEqual(expect.arrayContaining(['The merger']));
    expect(text).toContain(`Page 2 of ${pages}`);
    expect(flat(pdfText(pdf, 2))).toContain(`${project} · Merger report`);

    // Every page as a picture, to be looked at.
    rmSync(PAGES_DIR, { recursive: true, force: true });
    mkdirSync(PAGES_DIR, { recursive: true });
    poppler('pdftoppm', ['-png', '-r', '60', pdf, path.join(PAGES_DIR, 'a4')]);
    expect(readdirSync(PAGES_DIR).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
    await tab.close();

    // Letter: the document is laid out again for it, and Chromium prints Letter pages.
    await page.getByTestId('report-page-size').selectOption('Letter');
    await expect.poll(() => page.getByTestId('report-status').getAttribute('data-status'), { timeout: RUN_TIMEOUT }).toBe('ready');
    const letterTab = await printTab(page);
    const letter = path.join(work, 'report-letter.pdf');
    writeFileSync(letter, await letterTab.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdfPages(letter).size).toMatch(/ pts \(letter\)$/);
    await letterTab.close();

    expect(await axeAndScrollShots(page, 'light', 'report-merged'), 'serious/critical axe violations').toEqual([]);
    // The app's CSP lets the srcdoc frame and its inline style through (and the report tab).
    expect(app.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expectNoPageErrors(app);
  }, 360_000);

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`has no serious or critical axe findings; screenshots at 1440×900 and 1024×700 (${scheme})`, async () => {
      const app = await open({ scheme });
      const { page } = app;
      await openReport(page);
      // With nothing but the audit, no part to tick; the export is offered.
      expect(await page.getByTestId('report-part-proposal').count()).toBe(0);
      expect(await page.getByTestId('report-export').isEnabled()).toBe(true);
      const serious = await axeAndScrollShots(page, scheme, 'report');
      expect(serious, `serious/critical axe violations (${scheme})`).toEqual([]);
      expectNoPageErrors(app);
    }, 240_000);
  }
});
