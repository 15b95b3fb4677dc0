/**
 * Reads a returned rating form's hidden sheet (FORM_ID_SHEET): its key | value rows and the task
 * list that matches the form's rows to the project's tasks, whatever the member re-sorted or re-saved.
 */
import type { Cell, RawSheet } from '../formats/readWorkbook';
import { cellText } from '../import/cells';
import type { Scale } from '../model/types';
import { normalizeTaskName } from '../merge/similarity';
import { FORM_ID_SHEET, FORM_LAYOUT_VERSION, type FormIssue } from './types';

export interface FormIdentity {
  formId: string;
  rater: string | null;
  raterNumber: number | null;
  /** The scale written into the form; null when the form does not say (the project's is used). */
  scale: Scale | null;
  factors: string[];
  /** The form's task list in form order, with the 1-based row on FORM_ID_SHEET. */
  tasks: { id: string; name: string; row: number }[];
}

/** Rows of the hidden sheet are few (nine keys and one per task); keys compared case-blind. */
function keyOf(cell: Cell | undefined): string {
  return cellText(cell).toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Text as it was given to the form writer: a value that could be read as a formula is written with a
 * leading quote (formats/sheetCells neutralize; formats/ratingFormWorkbook formCellText undoes it there,
 * repeated here to keep SheetJS out of the engine's imports).
 */
export function unquoted(text: string): string {
  return /^'[=+\-@\t\r\n]/.test(text) ? text.slice(1) : text;
}

function finite(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const t = cellText(cell);
  return /^[+-]?\d+(?:\.\d+)?$/.test(t) ? Number(t) : null;
}

/**
 * The form's identity, or the issues that make it unreadable (no layout version, another layout,
 * no form ID). Problems that leave it readable (no scale written) come back in `issues` too.
 */
export function readFormIdentity(sheet: RawSheet, file: string): { identity: FormIdentity | null; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const at = (severity: FormIssue['severity'], message: string, row: number | null, column: string | null): void => {
    issues.push({ severity, message, file, sheet: sheet.name, row, column });
  };
  const values = new Map<string, { cell: Cell | undefined; row: number }>();
  let tasksFrom = -1;
  for (let r = 0; r < sheet.rows.length; r++) {
    const key = keyOf(sheet.rows[r]?.[0]);
    if (key === 'tasks') {
      tasksFrom = r + 1;
      break;
    }
    if (key !== '' && !values.has(key)) values.set(key, { cell: sheet.rows[r]?.[1], row: r + 1 });
  }
  const layout = values.get('layout');
  if (!layout) {
    at('error', `${file}: the hidden "${FORM_ID_SHEET}" sheet has no layout row, so it is not a Fairshare rating form this version can read; the form is not used`, null, null);
    return { identity: null, issues };
  }
  const version = finite(layout.cell);
  if (version !== FORM_LAYOUT_VERSION) {
    const shown = cellText(layout.cell) || 'blank';
    at('error', `${file} has form layout ${shown}; this version of Fairshare reads layout ${FORM_LAYOUT_VERSION}: the form is not used (make new forms and send them again)`, layout.row, 'B');
    return { identity: null, issues };
  }
  const formId = unquoted(cellText(values.get('formid')?.cell));
  if (formId === '') {
    at('error', `${file} has no form ID on the hidden "${FORM_ID_SHEET}" sheet: the form is not used`, values.get('formid')?.row ?? null, 'B');
    return { identity: null, issues };
  }
  const rater = unquoted(cellText(values.get('rater')?.cell)) || null;
  const raterNumber = finite(values.get('raternumber')?.cell);
  const min = finite(values.get('scalemin')?.cell);
  const max = finite(values.get('scalemax')?.cell);
  let scale: Scale | null = null;
  if (min !== null && max !== null && max > min) scale = { min, max };
  else at('warning', `${file} does not say which scale it was made for (scaleMin, scaleMax): its ratings are read on the project's scale`, values.get('scalemin')?.row ?? null, 'B');
  const factors = cellText(values.get('factors')?.cell)
    .split(';')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const tasks: FormIdentity['tasks'] = [];
  if (tasksFrom < 0) at('error', `${file} has no task list on the hidden "${FORM_ID_SHEET}" sheet: no row of the form can be matched to a task`, null, null);
  else {
    for (let r = tasksFrom; r < sheet.rows.length; r++) {
      const id = unquoted(cellText(sheet.rows[r]?.[0]));
      const name = unquoted(cellText(sheet.rows[r]?.[1]));
      if (id === '' && name === '') continue;
      tasks.push({ id: id || normalizeTaskName(name), name: name || id, row: r + 1 });
    }
  }
  return { identity: { formId, rater, raterNumber, scale, factors, tasks }, issues };
}
