/**
 * Writes one member's rating form (issue 17) in the layout ratingRound/types.ts documents: the
 * instructions, the task table with validated rating cells, and the hidden form ID sheet.
 */
import * as XLSX from 'xlsx';
import { FORM_COLUMNS, FORM_HEADER_ROW, FORM_ID_SHEET, FORM_LAYOUT_VERSION, FORM_SHEET, type RatingFormSpec } from '../ratingRound/types';
import type { Scale } from '../model/types';
import { factorDirection, STANDARD_FACTORS, type FactorKind } from '../rating/factors';
import { factorNameKey } from '../import/headers';
import { toCell } from './sheetCells';
import { patchSheet } from './sheetXmlPatch';
import { addDataValidations, patchSheetXml, type ValidationRule } from './dataValidation';
import { addCellStyles, styleCells } from './cellStyles';
import { formInstructions } from './ratingFormText';
import { linesIn, rowPoints, twoLineLength, wordLines } from './textLines';

/** The most points a scale may have for its rating cells to be a dropdown (a longer list is a chore to pick from). */
export const DROPDOWN_MAX_POINTS = 20;

/**
 * Column widths in characters (Task grows with the names up to its cap; long names wrap). The form
 * prints one page wide, so the factor columns are narrow, their heads turned upright over two lines:
 * thirteen factors then print at about two thirds of full size on a landscape page instead of half.
 */
const WIDTH = { taskMin: 26, taskMax: 38, hours: 11, rating: 13, factor: 7, comment: 24 };
/** Points of height per character of an upright bold head (its lines run up the cell). */
const UPRIGHT_POINTS_PER_CHAR = 6.3;
/**
 * Columns of width (characters) that print upright: a form without factors (about 100) prints portrait
 * at nine tenths of full size, more tasks a page than landscape; a wider form prints landscape.
 */
const PORTRAIT_WIDTH = 110;

/**
 * A text cell as written into a form, back as it was given: text that could be read as a formula
 * is written with a leading quote (sheetCells neutralize), which the reader of a returned form drops.
 */
export function formCellText(written: string): string {
  return /^'[=+\-@\t\r\n]/.test(written) ? written.slice(1) : written;
}

/** The header of a factor column: the factor's name and the scale, e.g. "Decision authority (1-20)". */
export function factorHeader(name: string, scale: Scale): string {
  return `${name} (${scale.min}-${scale.max})`;
}

/** The header row of a form with these factors: FORM_COLUMNS with the factor columns before Comment. */
export function formHeader(factors: readonly string[], scale: Scale): string[] {
  const [task, hours, e, d, comment] = FORM_COLUMNS;
  return [task, hours, e, d, ...factors.map((f) => factorHeader(f, scale)), comment];
}

/** Whether a factor is a desirability factor by its standard name; a project's own factor is unknown (null). */
function factorKind(name: string): FactorKind | null {
  const key = factorNameKey(name);
  for (const kind of ['desirability', 'empowerment'] as const) if (STANDARD_FACTORS[kind].some((s) => factorNameKey(s) === key)) return kind;
  return null;
}

/** Whole points when both ends are whole; a list of them when there are few enough. */
function ruleKind(scale: Scale): ValidationRule['type'] {
  const whole = Number.isInteger(scale.min) && Number.isInteger(scale.max);
  if (!whole) return 'decimal';
  return scale.max - scale.min + 1 <= DROPDOWN_MAX_POINTS ? 'list' : 'whole';
}

function letter(c: number): string {
  return XLSX.utils.encode_col(c);
}

/** The validation rules of the rating columns (E, D, then each factor), one per column so each has its own prompt. */
function ratingRules(spec: RatingFormSpec, first: number, last: number): ValidationRule[] {
  const { scale } = spec;
  const type = ruleKind(scale);
  const list = type === 'list' ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i)) : undefined;
  const what = type === 'decimal' ? 'a number' : 'a whole number';
  const error = `Write ${what} from ${scale.min} to ${scale.max}, or leave the cell blank if you don't know the task.`;
  const column = (c: number, promptTitle: string, prompt: string): ValidationRule => ({
    sqref: `${letter(c)}${first}:${letter(c)}${last}`, type, min: scale.min, max: scale.max, list,
    errorTitle: 'Not on the scale', error, promptTitle, prompt,
  });
  return [
    column(2, 'Empowerment', `${scale.min} = least empowering, ${scale.max} = most empowering. Blank if you don't know.`),
    column(3, 'Desirability', `${scale.min} = least pleasant, ${scale.max} = most pleasant (higher is better). Blank if you don't know.`),
    ...spec.factors.map((f, i) => {
      const kind = factorKind(f);
      const prompt = kind ? factorDirection(f, kind, scale) : `${scale.min} = least, ${scale.max} = most empowering or pleasant; higher is better`;
      return column(4 + i, f.slice(0, 32), `${prompt}. Blank if you don't know.`);
    }),
  ];
}

/** Rows of the hidden form ID sheet: key | value, then the task list (id | name) in form order. */
function idRows(spec: RatingFormSpec): (string | number | null)[][] {
  return [
    ['layout', FORM_LAYOUT_VERSION],
    ['formId', spec.formId],
    ['project', spec.project],
    ['rater', spec.rater],
    ['raterNumber', spec.raterNumber],
    ['scaleMin', spec.scale.min],
    ['scaleMax', spec.scale.max],
    ['factors', spec.factors.length ? spec.factors.join('; ') : null],
    ['created', spec.created],
    ['tasks', null],
    ...spec.tasks.map((t) => [t.id, t.name]),
  ];
}

function sheetOf(rows: (string | number | null)[][]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxCol = 0;
  rows.forEach((row, r) => row.forEach((v, c) => {
    const cell = toCell(v);
    if (!cell) return;
    ws[XLSX.utils.encode_cell({ r, c })] = cell;
    maxCol = Math.max(maxCol, c);
  }));
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: maxCol } });
  return ws;
}

/** The form's .xlsx bytes. */
export function writeRatingForm(spec: RatingFormSpec): Uint8Array {
  const header = formHeader(spec.factors, spec.scale);
  const last = header.length - 1;
  const longest = Math.max(0, ...spec.tasks.map((t) => t.name.length));
  const widths = [Math.min(WIDTH.taskMax, Math.max(WIDTH.taskMin, longest + 2)), WIDTH.hours, WIDTH.rating, WIDTH.rating, ...spec.factors.map(() => WIDTH.factor), WIDTH.comment];
  const total = widths.reduce((a, b) => a + b, 0);
  const instructions = formInstructions(spec, ruleKind(spec.scale));
  const rows: (string | number | null)[][] = [
    ...instructions.map((line) => [line || null]),
    header,
    ...spec.tasks.map((t) => [t.name, t.ownHours === null ? null : Math.round(t.ownHours * 100) / 100]),
  ];
  const ws = sheetOf(rows);
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: last } });
  ws['!cols'] = widths.map((wch) => ({ wch }));
  // The instructions span the whole width: the form prints one page wide, so no line is cut at a page's edge.
  ws['!merges'] = instructions.map((_, r) => ({ s: { r, c: 0 }, e: { r, c: last } }));
  const isFactor = (c: number): boolean => c >= 4 && c < last;
  const headerLines = Math.max(...header.map((h, c) => (isFactor(c) ? 1 : wordLines(h, Math.floor(widths[c] * 1.05)))));
  const upright = Math.max(0, ...header.map((h, c) => (isFactor(c) ? twoLineLength(h) * UPRIGHT_POINTS_PER_CHAR + 10 : 0)));
  ws['!rows'] = [
    // An instruction the form does not need (the factors line without factors) is a thin gap, not a blank line.
    ...instructions.map((line, r) => ({ hpt: r === 0 ? 22 : line === '' ? 4 : rowPoints(Math.max(1, linesIn(line, total - 2))) })),
    { hpt: Math.max(rowPoints(headerLines) + 2, upright) },
    // Proportional text runs about a tenth narrower than the digits a width counts.
    ...spec.tasks.map((t) => ({ hpt: rowPoints(wordLines(t.name, Math.floor((widths[0] - 1) * 1.1))) })),
  ];
  ws['!margins'] = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, FORM_SHEET);
  XLSX.utils.book_append_sheet(wb, sheetOf(idRows(spec)), FORM_ID_SHEET);
  wb.Workbook = {
    Sheets: [{}, { Hidden: 1 }],
    // The header row is printed on every page of a long form (the form is one page wide, so no column needs repeating).
    Names: [{ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: `'${FORM_SHEET}'!$${FORM_HEADER_ROW}:$${FORM_HEADER_ROW}` }],
  };
  const written = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  const first = FORM_HEADER_ROW + 1;
  const lastRow = FORM_HEADER_ROW + Math.max(1, spec.tasks.length);
  let ids: number[] = [];
  const styles = (xml: string): string => {
    const added = addCellStyles(xml, [
      { bold: true, size: 15 }, // title
      { wrap: true, vertical: 'top' }, // instructions
      { bold: true, wrap: true, vertical: 'center', border: true, fill: 'E8E8E8' }, // header
      { wrap: true, vertical: 'center', border: true }, // task name, hours, comment
      { vertical: 'center', border: true, fill: 'FFF6D5' }, // a cell to fill in
      { bold: true, wrap: true, upright: true, vertical: 'bottom', horizontal: 'center', border: true, fill: 'E8E8E8' }, // a factor's head
    ]);
    ids = added.ids;
    return added.xml;
  };
  return patchSheetXml(written, new Map([[1, (xml: string) => {
    const [title, text, head, plain, input, factorHead] = ids;
    const cells = new Map<string, number>();
    instructions.forEach((_, r) => cells.set(`A${r + 1}`, r === 0 ? title : text));
    header.forEach((_, c) => cells.set(`${letter(c)}${FORM_HEADER_ROW}`, isFactor(c) ? factorHead : head));
    for (let r = first; r <= FORM_HEADER_ROW + spec.tasks.length; r++) {
      header.forEach((_, c) => cells.set(`${letter(c)}${r}`, c >= 2 && c < last ? input : plain));
    }
    // Not frozen: the instructions above the header fill most of a laptop's screen.
    const validated = addDataValidations(styleCells(xml, cells), ratingRules(spec, first, lastRow));
    return patchSheet(validated, { freezeRows: 0, orientation: total > PORTRAIT_WIDTH ? 'landscape' : 'portrait', fitToWidth: 1, footer: `Form ${spec.formId} · ` });
  }]]), new Map([['xl/styles.xml', styles]]));
}
