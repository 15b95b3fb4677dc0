/**
 * End-to-end (issue 12): an invalid number of hours (−3, 200) typed in a person's bundle editor in
 * Jobs is never stored (their hours and the undo history stay as they were), and its message sits
 * beside the field inside its own cell, covering neither the next task's row nor the other cells.
 */
import { expect, it } from 'vitest';
import { describeE2E, expectNoPageErrors, gotoTab, jobRow, jobsTable, screenshotPath, settle, toolbarButton, useBrowser } from './harness';
import { inside, overlaps } from './boxes';

const PERSON = 'Margaret Okafor';

describeE2E('invalid hours in the bundle editor (end-to-end, Chromium)', () => {
  const { open } = useBrowser();

  for (const size of [{ width: 1024, height: 700 }, { width: 1440, height: 900 }]) {
    it(`at ${size.width}×${size.height}: −3 and 200 are not stored; the message stays inside its cell`, async () => {
      const app = await open();
      const { page } = app;
      await page.setViewportSize(size);
      await gotoTab(page, 'Jobs');
      await jobsTable(page).waitFor({ state: 'visible' });
      await jobRow(page, PERSON).click();
      const editor = page.getByTestId('bundle-editor');
      await editor.waitFor({ state: 'visible' });
      const field = editor.getByTestId('bundle-hours').first();
      const original = await field.inputValue();
      expect(await toolbarButton(page, 'Undo').isDisabled(), 'no edit yet').toBe(true);

      for (const typed of ['-3', '200']) {
        await field.click();
        await field.fill(typed);
        await field.press('Enter');
        await settle(page);
        expect(await field.getAttribute('aria-invalid')).toBe('true');
        expect(await toolbarButton(page, 'Undo').isDisabled(), `${typed}: nothing stored`).toBe(true);
        const boxes = await field.evaluate((el) => {
          const box = (e: Element) => {
            const r = e.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          };
          const cell = el.closest('td')!;
          const row = cell.closest('tr')!;
          const next = row.nextElementSibling;
          const msg = cell.querySelector('.table-input-error');
          return {
            cell: box(cell),
            message: msg ? box(msg) : null,
            text: msg?.textContent ?? '',
            nextRow: next ? box(next) : null,
            siblings: [...row.children].filter((c) => c !== cell).map(box),
          };
        });
        expect(boxes.text).toMatch(/not saved.*0\s*–\s*\u2060?168/is);
        expect(boxes.message, 'the message is shown').not.toBeNull();
        expect(inside(boxes.message!, boxes.cell), `${typed}: message inside its cell`).toBe(true);
        if (boxes.nextRow) expect(overlaps(boxes.message!, boxes.nextRow), `${typed}: message over the next row`).toBe(false);
        for (const s of boxes.siblings) expect(overlaps(boxes.message!, s), `${typed}: message over a neighbouring cell`).toBe(false);
      }
      await page.screenshot({ path: screenshotPath(`bundle-hours-invalid-${size.width}`) });
      await field.press('Escape');
      expect(await field.inputValue()).toBe(original);
      expect(await toolbarButton(page, 'Undo').isDisabled()).toBe(true);
      expectNoPageErrors(app);
    });
  }
});
