/**
 * Reads one returned rating form (a RawWorkbook from formats/readWorkbook.ts) into ratings on the
 * project's scale, reporting every problem with its file, sheet, row and column and using the rest.
 */
import type { Cell, RawSheet, RawWorkbook } from '../formats/readWorkbook';
import { cellText, columnLetter, isBlank } from '../import/cells';
import type { Scale } from '../model/types';
import { normalizeTaskName } from '../merge/similarity';
import { formatScale } from '../rating/scale';
import { readFormIdentity, unquoted } from './formId';
import { FORM_HEADER_ROW, FORM_ID_SHEET, FORM_SHEET, type FormIssue, type ReadForm, type ReturnedRating } from './types';

export interface FormProject {
  tasks: { id: string; name: string }[];
  scale: Scale;
}

/** Points within this of a scale end count as on it (a converted or re-saved value may carry noise). */
const EPS = 1e-9;
/** A header row is looked for this far down: the instructions above it are a dozen rows. */
const HEADER_SCAN_ROWS = 200;
/** Problems listed per form, at most, with their rows; the rest are counted. */
export const MAX_ROW_ISSUES = 200;
/** Cell text quoted in a message, at most (a cell may hold 32,767 characters). */
const QUOTE_MAX = 60;

/** Cell text as a message quotes it: cut with an ellipsis past QUOTE_MAX characters. */
function quote(text: string): string {
  return `"${text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text}"`;
}

function header(cell: Cell | undefined): string {
  return cellText(cell).toLowerCase();
}

/** "Empowerment", "Empowerment (1-20)", "empowerment (1–20)": the label, with or without its scale. */
function labelIs(cell: Cell | undefined, label: string): boolean {
  return new RegExp(`^${label}(\\s*\\(.*\\))?$`).test(header(cell));
}

interface Columns {
  row: number;
  task: number;
  empowerment: number;
  desirability: number;
  factors: { name: string; col: number }[];
}

function columnsAt(sheet: RawSheet, r: number, factors: string[]): Columns | null {
  const cells = sheet.rows[r] ?? [];
  const find = (label: string) => cells.findIndex((c) => labelIs(c, label));
  const task = find('task');
  const empowerment = find('empowerment');
  const desirability = find('desirability');
  if (task < 0 || empowerment < 0 || desirability < 0) return null;
  const wanted = new Map(factors.map((f) => [normalizeTaskName(f), f]));
  const found: Columns['factors'] = [];
  cells.forEach((c, col) => {
    const name = wanted.get(normalizeTaskName(cellText(c).replace(/\s*\([^)]*\)\s*$/, '')));
    if (name !== undefined && !found.some((f) => f.name === name)) found.push({ name, col });
  });
  return { row: r, task, empowerment, desirability, factors: found };
}

/** The header row: at FORM_HEADER_ROW as written, else the first row carrying the labels (a member inserted or deleted rows). */
function findColumns(sheet: RawSheet, factors: string[]): Columns | null {
  const written = columnsAt(sheet, FORM_HEADER_ROW - 1, factors);
  if (written) return written;
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const found = columnsAt(sheet, r, factors);
    if (found) return found;
  }
  return null;
}

/** A rating as people type it: a number cell, or text that is only a number ("12", "12.5", "12,5"). */
function ratingValue(cell: Cell | undefined): number | 'blank' | 'not a number' {
  if (isBlank(cell)) return 'blank';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'not a number';
  const t = cellText(cell);
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : 'not a number';
}

function emptyForm(file: string, issues: FormIssue[]): ReadForm {
  return { file, formId: null, rater: null, raterNumber: null, ratings: [], issues };
}

/**
 * The ratings of one returned form, in points of the project's scale. A form made on another scale
 * is converted linearly (ratings are an interval scale, so the median and quartiles convert with
 * them) and says so in a warning, rather than refused: the member's judgement still counts.
 */
export function readRatingForm(book: RawWorkbook, file: string, project: FormProject): ReadForm {
  const idSheet = book.sheets.find((s) => s.name === FORM_ID_SHEET) ?? book.sheets.find((s) => s.name.toLowerCase() === FORM_ID_SHEET);
  if (!idSheet) {
    return emptyForm(file, [{ severity: 'error', message: `${file} is not a Fairshare rating form: it has no hidden "${FORM_ID_SHEET}" sheet (the form ID and task list); it is not used`, file, sheet: null, row: null, column: null }]);
  }
  const { identity, issues } = readFormIdentity(idSheet, file);
  if (!identity) return emptyForm(file, issues);
  const form: ReadForm = { file, formId: identity.formId, rater: identity.rater, raterNumber: identity.raterNumber, ratings: [], issues };
  let rowIssues = 0;
  let unlisted = 0;
  const at = (severity: FormIssue['severity'], message: string, sheet: string | null, row: number | null, column: string | null) => {
    // A hostile or mangled form could give one problem per row of 200,000: list the first ones only.
    if (row !== null && ++rowIssues > MAX_ROW_ISSUES) {
      unlisted++;
      return;
    }
    issues.push({ severity, message, file, sheet, row, column });
  };

  const formScale = identity.scale ?? project.scale;
  const sameScale = formScale.min === project.scale.min && formScale.max === project.scale.max;
  if (!sameScale) {
    at('warning', `${file} was made for the ${formatScale(formScale)} scale and the project uses ${formatScale(project.scale)}: its ratings are converted linearly (${formatScale(formScale)} → ${formatScale(project.scale)})`, idSheet.name, null, null);
  }
  const toProject = (v: number) => project.scale.min + ((v - formScale.min) * (project.scale.max - project.scale.min)) / (formScale.max - formScale.min);

  // The hidden list gives each row's task: its id when the project has it, else its name.
  const projectById = new Map(project.tasks.map((t) => [t.id, t]));
  const projectByName = new Map(project.tasks.map((t) => [normalizeTaskName(t.name), t]));
  // Rows are matched by exact name first, then normalized (case, accents, punctuation a member changed).
  const exact = new Map<string, { id: string; name: string; projectId: string | null }>();
  const listed = new Map<string, { id: string; name: string; projectId: string | null }>();
  for (const t of identity.tasks) {
    const key = normalizeTaskName(t.name);
    const inProject = projectById.get(t.id) ?? projectByName.get(key);
    const entry = { id: t.id, name: t.name, projectId: inProject?.id ?? null };
    if (!exact.has(t.name)) exact.set(t.name, entry);
    if (!listed.has(key)) listed.set(key, entry);
  }
  const onForm = new Set([...exact.values()].map((t) => t.projectId).filter((id): id is string => id !== null));
  const missing = project.tasks.filter((t) => !onForm.has(t.id));
  if (missing.length > 0) {
    const names = missing.slice(0, 10).map((t) => quote(t.name)).join(', ') + (missing.length > 10 ? ` and ${missing.length - 10} more` : '');
    at('info', `${file} does not list ${missing.length} of the project's tasks (added after the form was made?): ${names}; this member did not rate ${missing.length === 1 ? 'it' : 'them'}`, idSheet.name, null, null);
  }

  const sheet = book.sheets.find((s) => s.name === FORM_SHEET) ?? book.sheets.find((s) => s !== idSheet && findColumns(s, identity.factors));
  const columns = sheet ? findColumns(sheet, identity.factors) : null;
  if (!sheet || !columns) {
    at('error', `${file} has no row headed "Task", "Empowerment" and "Desirability" on a "${FORM_SHEET}" sheet: no rating can be read`, sheet?.name ?? null, null, null);
    return form;
  }
  const dims: { name: string; col: number; label: string }[] = [
    { name: 'empowerment', col: columns.empowerment, label: 'Empowerment' },
    { name: 'desirability', col: columns.desirability, label: 'Desirability' },
    ...columns.factors.map((f) => ({ name: f.name, col: f.col, label: f.name })),
  ];
  const seenRow = new Map<string, number>();
  for (let r = columns.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const row = r + 1;
    const rated = dims.some((d) => !isBlank(cells[d.col]));
    const name = unquoted(cellText(cells[columns.task]));
    if (name === '') {
      if (rated) at('warning', `A rating on row ${row} has no task name beside it: it is not used`, sheet.name, row, columnLetter(columns.task));
      continue;
    }
    const task = exact.get(name) ?? listed.get(normalizeTaskName(name));
    if (!task) {
      const what = rated ? 'its ratings are not used' : 'the row is ignored';
      at(rated ? 'warning' : 'info', `${quote(name)} is not on the form's task list (the list was edited): ${what}`, sheet.name, row, columnLetter(columns.task));
      continue;
    }
    if (task.projectId === null) {
      if (rated) at('warning', `${quote(name)} is on the form but not in the project (renamed or removed since the form was made): its ratings are not used`, sheet.name, row, columnLetter(columns.task));
      continue;
    }
    const first = seenRow.get(task.projectId);
    if (first !== undefined) {
      if (rated) at('warning', `${quote(name)} appears twice on the form (rows ${first} and ${row}): row ${row} is not used`, sheet.name, row, columnLetter(columns.task));
      continue;
    }
    seenRow.set(task.projectId, row);
    for (const d of dims) {
      const value = ratingValue(cells[d.col]);
      if (value === 'blank') continue;
      const column = columnLetter(d.col);
      if (value === 'not a number') {
        at('error', `${d.label} of ${quote(name)} is ${quote(cellText(cells[d.col]))}, not a number on the ${formatScale(formScale)} scale: it is not used`, sheet.name, row, column);
        continue;
      }
      if (value < formScale.min - EPS || value > formScale.max + EPS) {
        at('error', `${d.label} of ${quote(name)} is ${value}, off the ${formatScale(formScale)} scale: it is not used`, sheet.name, row, column);
        continue;
      }
      const rating: ReturnedRating = { formId: identity.formId, rater: identity.rater, taskId: task.projectId, dimension: d.name, value: sameScale ? value : toProject(value) };
      form.ratings.push(rating);
    }
  }
  if (unlisted > 0) at('warning', `${file}: ${unlisted} more problems on its rows are not listed (the first ${MAX_ROW_ISSUES} are)`, sheet.name, null, null);
  const noRow = [...new Map([...exact.values()].filter((t) => t.projectId !== null && !seenRow.has(t.projectId)).map((t) => [t.projectId, t.name])).values()];
  if (noRow.length > 0) {
    const names = noRow.slice(0, 10).map(quote).join(', ') + (noRow.length > 10 ? ` and ${noRow.length - 10} more` : '');
    at('info', `${noRow.length} of the form's tasks have no row on "${sheet.name}" (deleted?): ${names}; this member did not rate ${noRow.length === 1 ? 'it' : 'them'}`, sheet.name, null, null);
  }
  return form;
}
