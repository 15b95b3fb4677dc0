/**
 * End-to-end: exports carry their caveats and do not give people away. A chart exported as SVG ends
 * with the organization, the date and the rating sources, and the Ranked jobs export labels its bars
 * with names, or with P-codes only when Pseudonymize is on; the PNG is the same composed image. With
 * Pseudonymize on, exporting asks about the one-person roles (the sample has 18), and "Hide those roles
 * and departments" gives a workbook that names none of them; the answer is remembered.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import { findSingletons, HIDDEN_GROUP } from '../../renderer/src/engine/analysis/singletons';
import { ratingSourceShares, ratingSourcesLine } from '../../renderer/src/engine/analysis/ratingSources';
import { describeE2E, expectNoPageErrors, gotoTab, isSerious, runAxe, screenshotPath, settle, toolbar, toolbarButton, useBrowser, waitIdle } from './harness';
import { audit, importSample } from './engine';
import { SAMPLE_TITLES } from '../../electron/ipc/contract';

/** Every text node of an SVG document, entities decoded. */
function svgTexts(svg: string): string[] {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/>([^<>]+)</g)].map((m) => decode(m[1]).trim()).filter(Boolean);
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function rankedCard(page: Page): Locator {
  return page.getByTestId('chart-ranked-jobs');
}

async function exportRanked(page: Page, format: 'SVG' | 'PNG', answer?: string): Promise<Buffer> {
  const button = rankedCard(page).getByRole('button', { name: `Export Ranked jobs as ${format}` });
  await expect.poll(() => button.isEnabled(), { timeout: 30_000, message: `Export Ranked jobs as ${format} enabled` }).toBe(true);
  const downloaded = page.waitForEvent('download', { timeout: 60_000 });
  await button.click();
  if (answer) await singletonDialog(page).getByRole('button', { name: answer, exact: true }).click();
  const dl = await downloaded;
  return readFileSync((await dl.path())!);
}

function singletonDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'One-person roles and departments' });
}

async function pseudonymize(page: Page): Promise<void> {
  const box = toolbar(page).getByRole('checkbox', { name: 'Pseudonymize' });
  await box.check();
  await expect.poll(() => box.isChecked()).toBe(true);
  await waitIdle(page);
}

/** The text cells of a workbook, by sheet. */
function textCells(book: XLSX.WorkBook): { sheet: string; text: string }[] {
  return book.SheetNames.flatMap((sheet) => Object.entries(book.Sheets[sheet]).filter(([ref, c]) => !ref.startsWith('!') && typeof (c as XLSX.CellObject).v === 'string')
    .map(([, c]) => ({ sheet, text: String((c as XLSX.CellObject).v) })));
}

describeE2E('exports with their caveats (end-to-end, Chromium)', () => {
  const { open } = useBrowser();
  const sample = importSample();
  const named = audit(sample);
  const coded = audit(sample, sample.organization, { pseudonymize: true });
  const ratingsLine = ratingSourcesLine(ratingSourceShares(named.tasks));
  const singletons = findSingletons(named.people);

  it('the sample is what the test needs: 18 one-person roles, no one-person department, some suggested hours', () => {
    expect(singletons.roles).toHaveLength(18);
    expect(singletons.departments).toEqual([]);
    expect(ratingsLine).toMatch(/^Ratings: \d+% of hours rated in the file, \d+% by suggestion\.$/);
  });

  it('Ranked jobs SVG and PNG: organization, date, rating sources; bars labelled with names, then with P-codes only', async () => {
    const app = await open();
    const { page } = app;
    await gotoTab(page, 'Charts');
    await rankedCard(page).waitFor({ state: 'visible' });
    const today = new Date().toISOString().slice(0, 10);

    const svg = (await exportRanked(page, 'SVG')).toString('utf8');
    const texts = svgTexts(svg);
    expect(texts, 'footer line with organization and date').toContain(`${SAMPLE_TITLES.organization} · exported ${today} with Fairshare`);
    expect(texts, 'footer line on rating sources').toContain(ratingsLine);
    const people = named.people.filter((p) => p.empowerment !== null).map((p) => p.name);
    expect(people.filter((n) => !texts.includes(n)), 'people without a bar label').toEqual([]);

    // The PNG is the same composed image (footer and labels included), drawn at 2×.
    const png = await exportRanked(page, 'PNG');
    writeFileSync(screenshotPath('export-ranked-jobs'), png); // for a person to look at
    const size = pngSize(png);
    const h = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)![1]);
    const w = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)![1]);
    expect(size).toEqual({ width: 2 * w, height: 2 * h });

    await pseudonymize(page);
    const pseudo = (await exportRanked(page, 'SVG', 'Export as is')).toString('utf8');
    const pTexts = svgTexts(pseudo);
    writeFileSync(screenshotPath('export-ranked-jobs-pseudonymized').replace(/\.png$/, '.svg'), pseudo);
    const leaked = named.people.map((p) => p.name).filter((n) => pseudo.includes(n));
    expect(leaked, 'real names in the pseudonymized export').toEqual([]);
    const codes = coded.people.filter((p) => p.empowerment !== null).map((p) => p.name);
    expect(codes.every((c) => /^P-\d{3}$/.test(c))).toBe(true);
    expect(codes.filter((c) => !pTexts.includes(c)), 'P-codes without a bar label').toEqual([]);
    expect(pTexts).toContain('Names pseudonymized.');
    expectNoPageErrors(app);
  });

  it('pseudonymized Excel summary: asks about the 18 one-person roles; Hide gives a workbook naming none of them; remembered', async () => {
    const app = await open();
    const { page } = app;
    await pseudonymize(page);
    const exportButton = toolbarButton(page, 'Export Excel summary…');
    await expect.poll(() => exportButton.isEnabled(), { timeout: 30_000 }).toBe(true);

    // Cancel writes nothing.
    await exportButton.click();
    const dialog = singletonDialog(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getByRole('heading').textContent()).toBe('18 roles have one person');
    // Keyboard: focus starts on "Hide…", Tab reaches the other answers, and it passes axe.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Hide those roles'); // the sample has one-person roles, no one-person department
    await settle(page);
    await page.screenshot({ path: screenshotPath('export-singleton-dialog') });
    expect((await runAxe(page)).filter(isSerious), 'serious axe violations with the dialog open').toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const downloaded = page.waitForEvent('download', { timeout: 60_000 });
    await exportButton.click();
    await dialog.getByRole('button', { name: 'Hide those roles', exact: true }).click();
    const bytes = readFileSync((await (await downloaded).path())!);
    writeFileSync(screenshotPath('export-summary-hidden').replace(/\.png$/, '.xlsx'), bytes);
    const book = XLSX.read(bytes, { type: 'buffer' });
    const cells = textCells(book).filter((c) => c.sheet !== 'Tasks' && c.sheet !== 'Task factors');
    const named18 = singletons.roles.map((r) => new RegExp(`(?<![\\p{L}])${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu'));
    const found = cells.filter((c) => named18.some((re) => re.test(c.text))).map((c) => `${c.sheet}: ${c.text.slice(0, 80)}`);
    expect(found, 'one-person roles named in the workbook').toEqual([]);
    const roles = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Roles, { header: 1 }).slice(1).map((r) => r[0]);
    expect(roles).toContain(HIDDEN_GROUP);
    expect(roles).toContain('Organizer');
    const people = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.People, { header: 1 }).slice(1);
    expect(people.filter((r) => r[1] === HIDDEN_GROUP)).toHaveLength(18);
    expect(people.every((r) => /^P-\d{3}$/.test(String(r[0])))).toBe(true);
    // The Summary says where the ratings come from.
    const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Summary, { header: 1 });
    expect(summary.some((r) => r.includes(ratingsLine)), `Summary sheet with "${ratingsLine}"`).toBe(true);

    // Remembered for the session: the next export asks nothing.
    const again = page.waitForEvent('download', { timeout: 60_000 });
    await exportButton.click();
    await again;
    expect(await dialog.count()).toBe(0);
    expectNoPageErrors(app);
  });
});
