/**
 * End-to-end (issue 17): a rating round in the app. From the Riverside sample: forms made for
 * everyone in the roster download as one .zip holding one form per rater (the IDs and file names the
 * engine and the CLI give); three of them, filled with known values, are imported at once; budget
 * decisions shows contested (19, 3, 18 on 1–20) with its median; the medians are used, the task is
 * decided with a note (an empty note refused first), Tasks & ratings shows the group's value with
 * source council and the Overview's Gini card the engine's figure for it; Undo brings back the
 * members' median; the sensitivity line is the engine's cluster at the contested quartiles, and the
 * exact proposal's hours moved (asked for with a button, solved in the worker) the engine's. axe finds nothing serious in either theme; screenshots at 1440×900 and 1024×700
 * go to test-results/e2e/rating-round-*.png.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import loadHighs from 'highs';
import { expect, it } from 'vitest';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { defaultTolerance } from '../../renderer/src/engine/analysis/metrics';
import { readReturnedForm } from '../../renderer/src/engine/formats/returnedForm';
import { applyRound } from '../../renderer/src/engine/ratingRound/applyRound';
import { collectRound } from '../../renderer/src/engine/ratingRound/collect';
import { decideTask } from '../../renderer/src/engine/ratingRound/decide';
import { makeFormRound } from '../../renderer/src/engine/ratingRound/formSpecs';
import { roundSensitivity } from '../../renderer/src/engine/ratingRound/sensitivity';
import type { RatingFormSpec } from '../../renderer/src/engine/ratingRound/types';
import { formFileName } from '../../electron/cli/ratingsForm';
import { filledForm, type FilledTask } from '../helpers/rating-forms';
import {
  axeAndScrollShots, describeE2E, download, expectNoPageErrors, figureValue, gotoTab, isSerious, ratingInput, runAxe, screenshotPath, settle, useBrowser, XLSX_MIME, type Scheme,
} from './harness';
import { audit, importSample, reading } from './engine';

const sample = importSample();
const org = sample.organization;
const tolerance = defaultTolerance(org.scale);
const BUDGET = 'Budget decisions';
const budget = org.tasks.find((t) => t.name === BUDGET)!;
const byName = (name: string) => org.tasks.find((t) => t.name === name)!.id;

/** What three members typed (E / D), as in test/fixtures/rating-forms: budget decisions' E is split 19, 3, 18. */
const TYPED: Record<string, [number, number]>[] = [
  { 'Strategic planning': [18, 15], [BUDGET]: [19, 12], 'Clean restrooms': [2, 3], 'Answer phones': [5, 9] },
  { 'Strategic planning': [17, 14], [BUDGET]: [3, 10], 'Clean restrooms': [1, 4], 'Answer phones': [6, 8] },
  { 'Strategic planning': [19, 16], [BUDGET]: [18, 6], 'Clean restrooms': [2, 2], 'Answer phones': [4, 10] },
];
const values = (typed: Record<string, [number, number]>): Record<string, FilledTask> =>
  Object.fromEntries(Object.entries(typed).map(([name, [e, d]]) => [byName(name), { e, d }]));

/** The hidden _form sheet's key/value rows of a written form. */
function formKeys(bytes: Uint8Array): Record<string, string> {
  const book = XLSX.read(bytes, { type: 'array' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets._form, { header: 1 });
  const out: Record<string, string> = {};
  for (const r of rows) {
    if (r[0] === 'tasks') break;
    out[String(r[0])] = String(r[1] ?? '');
  }
  return out;
}

async function gotoRound(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Rating round', exact: true }).click();
  await page.getByTestId('rating-round-view').waitFor();
}

/** Makes the roster's forms in the app; returns the zip's entries and the specs the engine makes for the same round. */
async function makeForms(page: Page): Promise<{ entries: Record<string, Uint8Array>; specs: RatingFormSpec[]; zipName: string }> {
  const dl = await download(page, page.getByTestId('rr-save-forms'));
  const entries = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
  const first = formKeys(Object.values(entries)[0]);
  const raters = [...new Set(org.people.map((p) => p.name.trim()))];
  const specs = makeFormRound(org, { project: first.project, raters, created: first.created }).forms;
  return { entries, specs, zipName: dl.suggestedFilename() };
}

/** Picks the three filled forms in one file chooser (the input takes several). */
async function importFilled(page: Page, specs: RatingFormSpec[]): Promise<void> {
  const files = specs.slice(0, 3).map((spec, i) => ({ name: formFileName(spec), mimeType: XLSX_MIME, buffer: Buffer.from(filledForm(spec, values(TYPED[i]))) }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('rr-import').click()]);
  expect(chooser.isMultiple(), 'the returned forms input takes several files').toBe(true);
  await chooser.setFiles(files);
  await page.getByTestId(`spread-row-${budget.id}-empowerment`).waitFor({ timeout: 60_000 });
}

describeE2E('a rating round (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  it('makes forms, imports three filled ones, shows the contested task, decides it with a note and undoes it', async () => {
    const app = await open();
    const { page } = app;
    await gotoRound(page);

    // One form per person in the roster, named and identified as the engine and the CLI make them.
    const { entries, specs, zipName } = await makeForms(page);
    expect(zipName).toMatch(/rating forms \d{4}-\d{2}-\d{2}\.zip$/);
    expect(Object.keys(entries).sort()).toEqual(specs.map(formFileName).sort());
    expect(specs.length).toBe(new Set(org.people.map((p) => p.name.trim())).size);
    for (const spec of specs) {
      const keys = formKeys(entries[formFileName(spec)]);
      expect(keys.formId, formFileName(spec)).toBe(spec.formId);
      expect(keys.rater).toBe(spec.rater);
    }
    await expect.poll(() => page.getByTestId('rr-status-make').textContent()).toMatch(new RegExp(`Saved ${specs.length} forms`));

    // Three filled forms read at once: the spread is the engine's, budget decisions contested and listed first.
    await importFilled(page, specs);
    const forms = specs.slice(0, 3).map((spec, i) => readReturnedForm(filledForm(spec, values(TYPED[i])), formFileName(spec), { tasks: org.tasks, scale: org.scale }));
    const result = collectRound(forms, org, tolerance);
    const budgetE = result.spreads.find((s) => s.taskId === budget.id && s.dimension === 'empowerment')!;
    expect(budgetE.contested).toBe(true);
    const row = page.getByTestId(`spread-row-${budget.id}-empowerment`);
    expect(await row.getAttribute('data-contested')).toBe('true');
    expect(Number(await row.getByTestId('spread-median').getAttribute('data-value'))).toBe(budgetE.median);
    expect(await row.getByTestId('spread-median').textContent()).toBe('18');
    expect(await row.getByRole('img').getAttribute('aria-label')).toBe('Ratings 3, 18, 19 on 1–20; median 18');
    expect(await page.getByTestId('rr-spread').locator('tbody tr').first().getAttribute('data-contested')).toBe('true');
    await page.getByTestId('rr-contested-only').check();
    const contestedRows = await page.getByTestId('rr-spread').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contested')));
    expect(contestedRows).toEqual(result.spreads.filter((s) => s.contested).map(() => 'true'));
    expect(Number(await page.getByTestId('rr-alpha-empowerment').getAttribute('data-value'))).toBeCloseTo(result.alpha.empowerment!, 12);
    for (const f of forms) await page.getByTestId(`rr-form-${f.file}`).waitFor();
    // The sensitivity line: the engine's cluster at the contested ratings' quartiles.
    const sensitivity = roundSensitivity(org, result, tolerance).cluster;
    const line = page.getByTestId('rr-sensitivity');
    expect(await line.locator('.rr-sensitivity-text').textContent()).toBe(sensitivity.text);
    expect([Number(await line.getAttribute('data-min')), Number(await line.getAttribute('data-max'))]).toEqual([sensitivity.min, sensitivity.max]);
    expect(Number(await page.getByTestId('rr-sensitivity-high').locator('td').first().textContent())).toBe(sensitivity.variants[2].members.length);
    // The exact proposal's sensitivity, asked for: the engine's hours moved in each variant, computed here with HiGHS.
    const proposal = roundSensitivity(org, result, tolerance, (await loadHighs()) as unknown as Highs).proposal!;
    expect(proposal.text).toMatch(/^The exact proposal moves/);
    await page.getByTestId('rr-proposal-sensitivity-run').click();
    const moved = page.getByTestId('rr-proposal-sensitivity');
    await moved.waitFor({ timeout: 120_000 });
    expect(await moved.locator('.rr-proposal-sensitivity-text').textContent()).toBe(proposal.text);
    expect([Number(await moved.getAttribute('data-min')), Number(await moved.getAttribute('data-max'))]).toEqual([proposal.min, proposal.max]);
    for (const v of proposal.variants) {
      expect(Number(await page.getByTestId(`rr-proposal-sensitivity-${v.variant}`).getAttribute('data-value'))).toBeCloseTo(v.movedHours!, 6);
    }

    // The medians used (one undo step), then the group's decision with a note.
    await page.getByTestId('rr-use-medians').click();
    await expect.poll(() => page.getByTestId(`rr-contested-${budget.id}`).getAttribute('data-source')).toBe('members');
    await page.getByTestId(`rr-contested-${budget.id}`).getByRole('button', { name: `Decide ${BUDGET}…` }).click();
    const dialog = page.getByTestId('rr-decide-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('rr-decide-empowerment').inputValue()).toBe('18');
    await dialog.getByTestId('rr-decide-empowerment').fill('12');
    await dialog.getByTestId('rr-decide-submit').click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/needs a note/);
    await dialog.getByTestId('rr-decide-note').fill('Agreed at the March meeting: shared by the finance committee');
    await dialog.getByTestId('rr-decide-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId(`rr-contested-${budget.id}`).getAttribute('data-source')).toBe('council');

    // The audit follows: Tasks & ratings shows the group's value and source, the Gini card the engine's figure.
    const medians = applyRound(org, result);
    const decided = decideTask(medians, budget.id, { empowerment: 12 }, 'note');
    const gini = { medians: reading(audit(sample, medians), 'empowerment.gini'), decided: reading(audit(sample, decided), 'empowerment.gini') };
    expect(gini.decided).not.toBeCloseTo(gini.medians, 6);
    await gotoTab(page, 'Tasks & ratings');
    await page.getByTestId('tasks-filter').fill(BUDGET);
    await expect.poll(() => ratingInput(page, 'Empowerment', BUDGET).inputValue()).toBe('12');
    await expect.poll(() => page.getByTestId(`task-row-${BUDGET}`).getByTestId('task-source').textContent()).toMatch(/council/i);
    await gotoTab(page, 'Overview');
    await expect.poll(() => figureValue(page, 'empowerment.gini'), { timeout: 30_000 }).toBeCloseTo(gini.decided, 9);

    // Undo takes the decision back: the members' median and its Gini again.
    await page.locator('#overview-title').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => figureValue(page, 'empowerment.gini'), { timeout: 30_000 }).toBeCloseTo(gini.medians, 9);
    await gotoTab(page, 'Tasks & ratings');
    await expect.poll(() => ratingInput(page, 'Empowerment', BUDGET).inputValue()).toBe('18');
    await expect.poll(() => page.getByTestId(`task-row-${BUDGET}`).getByTestId('task-source').textContent()).toMatch(/member/i);
    expectNoPageErrors(app);
  }, 300_000);

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`has no serious or critical axe findings; screenshots at 1440×900 and 1024×700 (${scheme})`, async () => {
      const app = await open({ scheme });
      const { page } = app;
      await gotoRound(page);
      const empty = await axeAndScrollShots(page, scheme, 'rating-round-empty');
      await page.setViewportSize({ width: 1440, height: 900 });
      const { specs } = await makeForms(page);
      await importFilled(page, specs);
      const serious = await axeAndScrollShots(page, scheme, 'rating-round');
      await page.getByTestId(`rr-contested-${budget.id}`).getByRole('button', { name: `Decide ${BUDGET}…` }).click();
      await page.getByTestId('rr-decide-dialog').waitFor();
      await page.getByTestId('rr-decide-submit').click();
      await page.getByTestId('rr-decide-dialog').getByRole('alert').waitFor();
      await page.setViewportSize({ width: 1440, height: 900 });
      await settle(page);
      const dialog: string[] = [];
      for (const v of await runAxe(page)) if (isSerious(v)) dialog.push(`dialog ${scheme}: [${v.impact}] ${v.id} — ${v.help}`);
      await page.screenshot({ path: screenshotPath(`rating-round-decide-${scheme}-1440`) });
      expect([...empty, ...serious, ...dialog], `serious/critical axe violations (${scheme})`).toEqual([]);
      expectNoPageErrors(app);
    }, 240_000);
  }
});
