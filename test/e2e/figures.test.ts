/**
 * End-to-end: the numbers the app shows are the engine's. The Overview's figure cards against the
 * AuditReport computed in Node from the same sample workbook; the tolerance setting; and the
 * exported Excel summary, whose downloaded bytes must parse and carry the report's numbers.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import type { AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { describeE2E, download, enterNumber, expectNoPageErrors, figureValue, gotoTab, toolbar, toolbarButton, useBrowser, waitIdle } from './harness';
import { audit, importSample, reading } from './engine';

/** The keys the Overview must show as cards (issue 6: Gini, top-20% share, Hoover, within tolerance, coordinator, pay). */
const REQUIRED_CARDS = ['empowerment.gini', 'empowerment.top20Share', 'empowerment.hoover', 'empowerment.withinTolerance', 'coordinator', 'pay'];

describeE2E('figures and export (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  const report = audit(sample);

  it("shows the engine's figures on the Overview cards (to 1e-9) and names the coordinator cluster", async () => {
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Overview');
    await expect
      .poll(() => page.locator('[data-testid^="figure-"]').count(), { timeout: 30_000, message: 'figure-* cards on the Overview' })
      .toBeGreaterThan(0);
    const cards = await page
      .locator('[data-testid^="figure-"]')
      .evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-testid')!.slice('figure-'.length), value: e.getAttribute('data-value') })));
    const shown = new Map(cards.map((c) => [c.key, c.value]));
    const missing = REQUIRED_CARDS.filter((k) => !shown.has(k));
    expect(missing, `Overview cards missing (data-testid figure-<key>); shown: ${[...shown.keys()].join(', ')}`).toEqual([]);

    const problems: string[] = [];
    for (const [key, raw] of shown) {
      const expected = report.readings.find((r) => r.key === key);
      if (!expected) continue; // a card that is not a reading (e.g. the rated share): nothing to compare with here
      if (expected.value === null) {
        if (raw !== null && raw !== '') problems.push(`${key}: shows data-value=${raw}, the engine has no number`);
        continue;
      }
      const value = raw === null || raw === '' ? NaN : Number(raw);
      if (!(Math.abs(value - expected.value) <= 1e-9)) problems.push(`${key}: data-value=${raw}, engine ${expected.value}`);
    }
    expect(problems, 'figure cards that differ from the engine').toEqual([]);
    expect(REQUIRED_CARDS.every((k) => report.readings.some((r) => r.key === k)), 'the engine reports every required reading for the sample').toBe(true);

    // The cluster is named by role (and department).
    const cluster = page.getByTestId('coordinator-cluster');
    await expect.poll(() => cluster.count(), { message: 'data-testid coordinator-cluster' }).toBeGreaterThan(0);
    const clusterText = (await cluster.first().textContent()) ?? '';
    const roles = report.metrics.coordinator.roles.map((r) => r.name);
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.filter((r) => !clusterText.includes(r)), `coordinator-cluster text: ${clusterText.slice(0, 400)}`).toEqual([]);
    expectNoPageErrors(app);
  });

  it('recomputes "within tolerance" when the tolerance is changed', async () => {
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Overview');
    const input = page.getByTestId('tolerance-input');
    await expect.poll(() => input.count(), { message: 'data-testid tolerance-input' }).toBeGreaterThan(0);
    const tolerance = 2;
    const expected = audit(sample, sample.organization, { tolerance });
    expect(reading(expected, 'empowerment.withinTolerance')).not.toBeCloseTo(reading(report, 'empowerment.withinTolerance'), 6);
    await enterNumber(input.first(), tolerance);
    for (const key of ['empowerment.withinTolerance', 'coordinator']) {
      await expect
        .poll(() => figureValue(page, key), { timeout: 30_000, message: `figure-${key} after tolerance ${tolerance}` })
        .toBeCloseTo(reading(expected, key), 9);
    }
    expectNoPageErrors(app);
  });

  it("exports an Excel summary whose bytes parse and whose People sheet has the engine's numbers (and pseudonymizes)", async () => {
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Overview');
    const exportButton = toolbarButton(page, 'Export Excel summary…');
    await expect.poll(() => exportButton.isEnabled(), { timeout: 30_000 }).toBe(true);
    const dl = await download(page, exportButton);
    expect(dl.suggestedFilename()).toMatch(/\.xlsx$/);
    await waitIdle(page);
    const book = XLSX.read(readFileSync((await dl.path())!), { type: 'buffer' });
    compareSummary(book, report, false);

    // Pseudonymized: the same numbers, P-codes instead of names.
    const pseudo = toolbar(page).getByRole('checkbox', { name: 'Pseudonymize' });
    await pseudo.check();
    await expect.poll(() => pseudo.isChecked()).toBe(true);
    await waitIdle(page);
    // Pseudonymized, the sample's one-person roles are asked about first (test/e2e/exports.test.ts); kept here.
    const dl2Event = page.waitForEvent('download', { timeout: 60_000 });
    await exportButton.click();
    await page.getByRole('dialog', { name: 'One-person roles and departments' }).getByRole('button', { name: 'Export as is', exact: true }).click();
    const dl2 = await dl2Event;
    const book2 = XLSX.read(readFileSync((await dl2.path())!), { type: 'buffer' });
    compareSummary(book2, audit(sample, sample.organization, { pseudonymize: true }), true);
    expectNoPageErrors(app);
  });
});

function compareSummary(book: XLSX.WorkBook, report: AuditReport, pseudonymized: boolean): void {
  expect(book.SheetNames).toEqual(expect.arrayContaining(['Summary', 'People', 'Tasks', 'Metrics']));
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.People, { header: 1, raw: true, defval: null });
  expect(rows[0]).toEqual(['Name', 'Role', 'Department', 'Hours per week', 'Empowerment', 'Desirability', 'Rated share', 'Suggested share', 'Annual pay', 'Hourly pay']);
  const body = rows.slice(1).filter((r) => r.some((c) => c !== null));
  expect(body.length, 'people in the People sheet').toBe(report.people.length);
  const problems: string[] = [];
  const num = (x: unknown) => (x === null || x === undefined || x === '' ? null : typeof x === 'number' ? x : NaN);
  report.people.forEach((p, i) => {
    const r = body[i];
    if (r[0] !== p.name) problems.push(`row ${i + 2}: name ${String(r[0])}, engine ${p.name}`);
    const pairs: [string, unknown, number | null][] = [
      ['hours', r[3], p.hours], ['empowerment', r[4], p.empowerment], ['desirability', r[5], p.desirability], ['rated share', r[6], p.ratedShare],
      ['suggested share', r[7], p.suggestedShare], ['annual pay', r[8], p.pay], ['hourly pay', r[9], p.hourlyPay],
    ];
    for (const [what, cell, expected] of pairs) {
      const got = num(cell);
      if (expected === null ? got !== null : got === null || !(Math.abs(got - expected) <= 1e-9)) problems.push(`${p.name} ${what}: sheet ${String(cell)}, engine ${expected}`);
    }
  });
  expect(problems, 'People sheet cells that differ from the engine').toEqual([]);
  if (pseudonymized) {
    expect(body.every((r) => /^P-\d+$/.test(String(r[0]))), `pseudonymized names: ${body.slice(0, 3).map((r) => r[0]).join(', ')}`).toBe(true);
  }
  // The Summary sheet's key figures are the readings.
  const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Summary, { header: 1, raw: true, defval: null });
  for (const key of ['empowerment.gini', 'empowerment.hoover']) {
    const r = report.readings.find((x) => x.key === key)!;
    const row = summary.find((s) => s[0] === r.label);
    expect(row, `Summary row "${r.label}"`).toBeDefined();
    expect(Math.abs(Number(row![1]) - r.value!), `Summary ${r.label}: ${String(row![1])} vs ${r.value}`).toBeLessThanOrEqual(1e-9);
  }
}
