/**
 * Filled rating forms for round-trip tests (issue 17): a written form with known values typed into
 * its cells, as a member's spreadsheet would save them, keeping the hidden sheet, styles and validation.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { writeRatingForm } from '../../renderer/src/engine/formats/ratingFormWorkbook';
import { FORM_HEADER_ROW, type RatingFormSpec } from '../../renderer/src/engine/ratingRound/types';

/** What a member typed for one task: numbers, or text to test a collector's complaints ("seven", "25"). */
export interface FilledTask {
  e?: number | string;
  d?: number | string;
  /** By factor name as in spec.factors. */
  factors?: Record<string, number | string>;
  comment?: string;
}

function escapeXml(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Column letters of a form's cells: E, D, each factor, Comment (0-based columns 2, 3, 4…, last). */
export function formColumns(spec: RatingFormSpec): { e: string; d: string; factors: Record<string, string>; comment: string } {
  const col = (c: number): string => XLSX.utils.encode_col(c);
  return {
    e: col(2),
    d: col(3),
    factors: Object.fromEntries(spec.factors.map((f, i) => [f, col(4 + i)])),
    comment: col(4 + spec.factors.length),
  };
}

/** 1-based sheet row of a task on the form. */
export function taskRow(spec: RatingFormSpec, taskId: string): number {
  const i = spec.tasks.findIndex((t) => t.id === taskId);
  if (i < 0) throw new Error(`task ${taskId} is not on form ${spec.formId}`);
  return FORM_HEADER_ROW + 1 + i;
}

/** The form written and filled with `values` (by task id); every other cell stays as written. */
export function filledForm(spec: RatingFormSpec, values: Record<string, FilledTask>): Uint8Array {
  const files = unzipSync(writeRatingForm(spec));
  let xml = strFromU8(files['xl/worksheets/sheet1.xml']);
  const cols = formColumns(spec);
  for (const [taskId, v] of Object.entries(values)) {
    const row = taskRow(spec, taskId);
    const put: [string, number | string | undefined][] = [
      [cols.e, v.e], [cols.d, v.d], [cols.comment, v.comment],
      ...Object.entries(v.factors ?? {}).map(([f, x]): [string, number | string] => {
        if (!(f in cols.factors)) throw new Error(`factor ${f} is not on form ${spec.formId}`);
        return [cols.factors[f], x];
      }),
    ];
    for (const [col, value] of put) {
      if (value === undefined) continue;
      const ref = `${col}${row}`;
      // The writer leaves every input cell as an empty styled cell, <c r="C11" s="5"/>.
      const empty = new RegExp(`<c r="${ref}"( s="\\d+")?/>`);
      if (!empty.test(xml)) throw new Error(`cell ${ref} is not an empty cell of form ${spec.formId}`);
      const body = typeof value === 'number' ? `><v>${value}</v></c>` : ` t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
      xml = xml.replace(empty, (_m, s: string | undefined) => `<c r="${ref}"${s ?? ''}${body}`);
    }
  }
  files['xl/worksheets/sheet1.xml'] = strToU8(xml);
  return zipSync(files, { level: 6 });
}
