/**
 * End-to-end (issue 15): the app prescribes. From the sample: the Overview's call to action runs the
 * default proposal; the figures after are the engine's (recomputed in Node from the transfers the app
 * exports, and the exact bound equal to makeProposal's); a point on the options curve re-plans at that
 * tolerance; the exported workbook parses with the right totals; axe finds nothing serious in either
 * theme. The plan is painted before its options curve, which follows and fills its section; at
 * 200 people the curve still being computed can be stopped, the plan staying. With 2,000 people,
 * Cancel frees the window within 200 ms while the solver runs.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import loadHighs from 'highs';
import { beforeAll, expect, it } from 'vitest';
import { makeProposal, type FullProposal } from '../../renderer/src/engine/balance/fullProposal';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';
import { computeMetrics } from '../../renderer/src/engine/analysis/metrics';
import type { Organization } from '../../renderer/src/engine/model/types';
// @ts-expect-error plain JavaScript generator shared with the benchmarks
import { buildWorkbook } from '../../bench/generate-workbook.mjs';
import { confirmWizard, describeE2E, download, expectNoPageErrors, gotoTab, isSerious, jobRow, runAxe, settle, startImport, useBrowser, XLSX_MIME } from './harness';
import { importSample, SAMPLE_NAME } from './engine';
import { categoryShares } from '../../renderer/src/engine/categories/shares';
import type { Page } from 'playwright-core';

const RUN_TIMEOUT = 120_000;

async function waitForResults(page: Page, tolerance?: number): Promise<void> {
  const results = page.getByTestId('proposal-results');
  await results.waitFor({ state: 'visible', timeout: RUN_TIMEOUT });
  await page.getByTestId('proposal-progress').waitFor({ state: 'detached', timeout: RUN_TIMEOUT });
  if (tolerance !== undefined) await expect.poll(async () => Number(await results.getAttribute('data-tolerance')), { timeout: RUN_TIMEOUT }).toBe(tolerance);
}

/**
 * Arms an observer in the page that notes, after every DOM change, whether the plan is painted (results
 * in, progress line gone) and whether the options curve is: `phases()` then tells whether the plan was
 * ever on screen while its curve section still said it was computing, and whether the curve came after.
 */
async function watchPhases(page: Page): Promise<() => Promise<{ planFirst: boolean; curveAfter: boolean; pendingNote: string | null }>> {
  await page.evaluate(() => {
    const seen = { planFirst: false, curveAfter: false, pendingNote: null as string | null };
    (window as unknown as { __phases: typeof seen }).__phases = seen;
    const look = () => {
      const plan = !!document.querySelector('[data-testid="proposal-results"]') && !document.querySelector('[data-testid="proposal-progress"]');
      const curve = !!document.querySelector('[data-testid="option-point"]');
      const pending = document.querySelector('[data-testid="proposal-extras"][data-status="computing"]');
      if (plan && !curve && pending) {
        seen.planFirst = true;
        seen.pendingNote ??= pending.querySelector('[role="status"]')?.textContent ?? null;
      }
      if (seen.planFirst && curve && !pending) seen.curveAfter = true;
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { __phases: { planFirst: boolean; curveAfter: boolean; pendingNote: string | null } }).__phases);
}

async function figure(page: Page, key: string): Promise<number> {
  const v = await page.getByTestId(`proposal-figure-${key}`).getAttribute('data-value');
  if (v === null) throw new Error(`proposal-figure-${key} has no data-value`);
  return Number(v);
}

/** The organization after the transfers (task, from, to, hours), matched by names as the workbook gives them. */
function applyTransfers(org: Organization, transfers: { task: string; from: string; to: string; hours: number }[]): Organization {
  const person = new Map(org.people.map((p) => [p.name, p.id]));
  const task = new Map(org.tasks.map((t) => [t.name, t.id]));
  const hours = new Map<string, number>();
  const key = (p: string, t: string) => `${p}\u0000${t}`;
  for (const a of org.assignments) hours.set(key(a.personId, a.taskId), (hours.get(key(a.personId, a.taskId)) ?? 0) + a.hours);
  for (const t of transfers) {
    const [from, to, id] = [person.get(t.from)!, person.get(t.to)!, task.get(t.task)!];
    hours.set(key(from, id), (hours.get(key(from, id)) ?? 0) - t.hours);
    hours.set(key(to, id), (hours.get(key(to, id)) ?? 0) + t.hours);
  }
  const assignments = [...hours].filter(([, h]) => h > 1e-9).map(([k, h]) => {
    const [personId, taskId] = k.split('\u0000');
    return { personId, taskId, hours: h, locked: false };
  });
  return { ...org, assignments };
}

describeE2E('the Proposal view (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  let engine: FullProposal;

  beforeAll(async () => {
    const highs = await loadHighs();
    engine = makeProposal(sample.organization, highs, { desirability: true, granularity: 0.5, minBlock: 1, maxNewTasks: 3, file: SAMPLE_NAME });
  });

  it("runs the default proposal from the Overview, shows the engine's figures, and exports a workbook with the right totals", async () => {
    const app = await open();
    const { page } = app;
    const phases = await watchPhases(page);
    await page.getByTestId('propose-cta').click();
    await expect.poll(() => page.getByRole('tab', { name: 'Proposal', exact: true }).getAttribute('aria-selected')).toBe('true');
    await waitForResults(page);
    expect(await page.getByTestId('proposal-results').getAttribute('data-status')).toBe('optimal');
    // The sample's tasks have no category: the view balances ratings and offers no other basis.
    expect(categoryShares(sample.organization).hasCategories).toBe(false);
    expect(await page.getByTestId('proposal-view').getAttribute('data-basis')).toBe('ratings');
    expect(await page.getByTestId('proposal-balance-by').count()).toBe(0);
    // The plan was on screen while its options curve was still being computed, and the curve came after.
    await page.getByTestId('option-point').first().waitFor({ state: 'visible', timeout: RUN_TIMEOUT });
    await page.getByTestId('learning-cost').waitFor({ state: 'visible', timeout: RUN_TIMEOUT });
    await expect.poll(() => page.getByTestId('proposal-extras').count()).toBe(0);
    const seen = await phases();
    expect(seen.planFirst, 'the plan painted while its curve section said it was computing').toBe(true);
    expect(seen.pendingNote).toMatch(/Still computing the options curve/);
    expect(seen.curveAfter, 'the curve filled its section after the plan').toBe(true);
    // The curve's points are the engine's (makeProposal in Node: the same LP optima).
    expect(await page.getByTestId('option-point').count()).toBe(engine.report.options.length);

    // The exact minimum is the LP optimum: the same in the browser's HiGHS as in Node's.
    expect(Math.abs((await figure(page, 'bound')) - engine.report.bound!)).toBeLessThan(1e-6);

    // The figures after, against the engine's own metrics of the plan the app exports.
    const dl = await download(page, page.getByTestId('proposal-export'));
    const book = XLSX.read(readFileSync((await dl.path())!));
    expect(book.SheetNames).toEqual(expect.arrayContaining(['Summary', 'Proposed jobs', 'Transfers']));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Transfers, { header: 1 }).slice(1) as [string, string, string, number][];
    const transfers = rows.map(([task, from, to, hours]) => ({ task, from, to, hours }));
    const moved = transfers.reduce((s, t) => s + t.hours, 0);
    expect(Math.abs(moved - (await figure(page, 'movedHours')))).toBeLessThan(1e-6);
    const after = applyTransfers(sample.organization, transfers);
    const total = (o: Organization) => o.assignments.reduce((s, a) => s + a.hours, 0);
    expect(Math.abs(total(after) - total(sample.organization))).toBeLessThan(1e-6);
    const tolerance = Number(await page.getByTestId('proposal-results').getAttribute('data-tolerance'));
    const m = computeMetrics(after, scorePeople(after), tolerance);
    expect(Math.abs((await figure(page, 'absoluteGini')) - m.empowerment.absoluteGini)).toBeLessThan(1e-4);
    expect(Math.abs((await figure(page, 'withinTolerance')) - m.empowerment.withinTolerance)).toBeLessThan(1e-4);
    expect(await figure(page, 'coordinatorPeople')).toBe(m.coordinator.members.length);
    expect(Math.abs((await figure(page, 'desirabilityAbsoluteGini')) - m.desirability.absoluteGini)).toBeLessThan(1e-4);
    // Every job within the band, as the engine says of this plan.
    expect(m.empowerment.withinTolerance).toBeGreaterThan(1 - 1e-9);
    expectNoPageErrors(app);
  });

  it('a point on the options curve re-plans at that tolerance', async () => {
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Proposal');
    await page.getByTestId('proposal-run').click();
    await waitForResults(page);
    const first = await figure(page, 'movedHours');
    const point = page.locator('[data-testid="option-point"][data-tolerance="2"]');
    await point.click();
    await waitForResults(page, 2);
    const wider = await figure(page, 'movedHours');
    // A wider band never needs more hours moved than the default ±0.95.
    expect(wider).toBeLessThan(first);
    expectNoPageErrors(app);
  });

  it('a task locked in the bundle editor is kept by the proposal', async () => {
    const app = await open();
    const { page } = app;
    // Without the lock the default plan takes Strategic planning hours from the Executive Director.
    const before = engine.report.transfers.filter((t) => t.from === 'Margaret Okafor' && t.task === 'Strategic planning');
    expect(before.length).toBeGreaterThan(0);
    await gotoTab(page, 'Jobs');
    await jobRow(page, 'Margaret Okafor').click();
    await page.getByTestId('bundle-editor').waitFor({ state: 'visible' });
    const lock = page.getByRole('button', { name: 'Lock Strategic planning for Margaret Okafor' });
    await lock.click();
    await expect.poll(() => lock.getAttribute('aria-pressed')).toBe('true');
    await gotoTab(page, 'Proposal');
    await page.getByTestId('proposal-run').click();
    await waitForResults(page);
    const dl = await download(page, page.getByTestId('proposal-export'));
    const book = XLSX.read(readFileSync((await dl.path())!));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Transfers, { header: 1 }).slice(1) as [string, string, string, number][];
    expect(rows.filter(([task, from]) => task === 'Strategic planning' && from === 'Margaret Okafor')).toEqual([]);
    const jobs = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Proposed jobs']);
    const margaret = jobs.find((j) => j.Name === 'Margaret Okafor')!;
    expect(String(margaret['Given up'] ?? '')).not.toContain('Strategic planning');
    expectNoPageErrors(app);
  });

  it('keeps two scenarios, compares them with the organization, applies one and undoes it', async () => {
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Proposal');
    const keep = async (name: string) => {
      await page.getByTestId('keep-scenario-name').fill(name);
      await page.getByTestId('keep-scenario-button').click();
      await expect.poll(() => page.getByTestId('scenario-row').filter({ hasText: name }).count()).toBe(1);
    };
    await page.getByTestId('proposal-run').click();
    await waitForResults(page);
    const moved = await figure(page, 'movedHours');
    await keep('Default ±0.95');
    await page.locator('[data-testid="option-point"][data-tolerance="2"]').click();
    await waitForResults(page, 2);
    await keep('Wider ±2');
    // Compare both with scenario zero, the organization as it is.
    for (const name of ['Default ±0.95', 'Wider ±2']) await page.getByRole('checkbox', { name: `Compare ${name}` }).check();
    const rows = page.getByTestId('compare-row');
    await expect.poll(() => rows.count()).toBe(3);
    const titles = await rows.locator('th').allTextContents();
    expect(titles[1]).toContain('Default ±0.95');
    expect(titles[2]).toContain('Wider ±2');
    // Apply the default plan: the Overview's figures become the plan's; undo brings the old ones back.
    await gotoTab(page, 'Overview');
    const giniBefore = Number(await page.getByTestId('figure-empowerment.absoluteGini').getAttribute('data-value'));
    await gotoTab(page, 'Proposal');
    const row = page.getByTestId('scenario-row').filter({ hasText: 'Default ±0.95' });
    await row.getByTestId('scenario-apply').click();
    await row.getByTestId('scenario-apply-confirm').click();
    await gotoTab(page, 'Overview');
    await expect.poll(async () => Number(await page.getByTestId('figure-empowerment.absoluteGini').getAttribute('data-value')), { timeout: 30_000 }).toBeLessThan(giniBefore);
    const applied = Number(await page.getByTestId('figure-empowerment.absoluteGini').getAttribute('data-value'));
    expect(Math.abs(applied - engine.report.after.absoluteGini)).toBeLessThan(0.05);
    expect(moved).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(async () => Number(await page.getByTestId('figure-empowerment.absoluteGini').getAttribute('data-value')), { timeout: 30_000 }).toBe(giniBefore);
    expectNoPageErrors(app);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical problem on the Proposal view (${scheme})`, async () => {
      const app = await open({ scheme });
      const { page } = app;
      await gotoTab(page, 'Proposal');
      await page.getByTestId('proposal-run').click();
      await waitForResults(page);
      await settle(page);
      const serious = (await runAxe(page)).filter(isSerious);
      expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expectNoPageErrors(app);
    });
  }

  it('with 200 people, the options curve still being computed can be stopped: the plan stays, and proposing again brings the curve', async () => {
    const app = await open({ empty: true });
    const { page } = app;
    const { bytes } = buildWorkbook(200) as { bytes: Buffer };
    await startImport(page, { name: 'long-200.xlsx', mimeType: XLSX_MIME, buffer: bytes });
    await confirmWizard(page);
    await gotoTab(page, 'Proposal');
    await page.getByTestId('proposal-run').click();
    await waitForResults(page);
    const moved = await figure(page, 'movedHours');
    // Five curve points and two learning-cost plans at 200 people take seconds: the Stop is there once
    // the job map, cards and tables (drawn in the background after the figures) are in.
    await page.getByTestId('before-after-charts').waitFor({ state: 'visible', timeout: RUN_TIMEOUT });
    await page.getByTestId('proposal-drawing').waitFor({ state: 'detached' });
    const stop = page.getByTestId('proposal-extras-stop');
    await stop.waitFor({ state: 'visible' });
    const answer = await page.evaluate(
      () =>
        new Promise<{ ms: number; status: string | null }>((resolve) => {
          const t0 = performance.now();
          (document.querySelector('[data-testid="proposal-extras-stop"]') as HTMLButtonElement).click();
          setTimeout(() => resolve({ ms: performance.now() - t0, status: document.querySelector('[data-testid="proposal-extras"]')?.getAttribute('data-status') ?? null }), 0);
        }),
    );
    expect(answer.status).toBe('stopped');
    expect(answer.ms, 'Stop answered in').toBeLessThan(200);
    await expect.poll(() => page.getByTestId('proposal-extras').textContent()).toMatch(/Stopped: the options curve and the learning cost were not computed/);
    // The plan is still shown, and no curve arrives later (the worker was stopped).
    await page.waitForTimeout(1000);
    expect(await figure(page, 'movedHours')).toBe(moved);
    expect(await page.getByTestId('option-point').count()).toBe(0);
    // Proposing again makes the same plan and, this time, its curve.
    await page.getByTestId('proposal-extras').getByRole('button', { name: 'Propose again' }).click();
    await waitForResults(page);
    await page.getByTestId('option-point').first().waitFor({ state: 'visible', timeout: RUN_TIMEOUT });
    expect(await figure(page, 'movedHours')).toBe(moved);
    expectNoPageErrors(app);
  });

  it('with 2,000 people, Cancel frees the window within 200 ms while the solver runs', async () => {
    // From the start screen, so the file is a new project (not a re-import into the sample).
    const app = await open({ empty: true });
    const { page } = app;
    const { bytes } = buildWorkbook(2000) as { bytes: Buffer };
    await startImport(page, { name: 'long-2000.xlsx', mimeType: XLSX_MIME, buffer: bytes });
    await confirmWizard(page);
    await gotoTab(page, 'Proposal');
    await page.getByTestId('proposal-run').click();
    await page.getByTestId('proposal-progress').waitFor({ state: 'visible' });
    await page.waitForTimeout(1500);
    // The click, then the next frame: what the person sees after pressing Cancel.
    const answer = await page.evaluate(
      () =>
        new Promise<{ ms: number; gone: boolean }>((resolve) => {
          const t0 = performance.now();
          (document.querySelector('[data-testid="proposal-cancel"]') as HTMLButtonElement).click();
          // A task after the click's own: React has committed by then (discrete events flush synchronously).
          setTimeout(() => resolve({ ms: performance.now() - t0, gone: !document.querySelector('[data-testid="proposal-progress"]') }), 0);
        }),
    );
    // And the window answers the next click at once (a setting of the view: switching views would
    // time the 2,000-row Jobs table's first render instead).
    const next = await page.evaluate(
      () =>
        new Promise<{ ms: number; checked: boolean }>((resolve) => {
          const radio = [...document.querySelectorAll<HTMLInputElement>('input[name="dimensions"]')].find((r) => !r.checked)!;
          const t0 = performance.now();
          radio.click();
          setTimeout(() => resolve({ ms: performance.now() - t0, checked: radio.checked }), 0);
        }),
    );
    expect(next.checked).toBe(true);
    expect(next.ms, 'the next click answered in').toBeLessThan(200);
    expect(answer.gone).toBe(true);
    expect(answer.ms, 'Cancel answered in').toBeLessThan(200);
    expectNoPageErrors(app);
  });
});
