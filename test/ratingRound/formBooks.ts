// Returned rating forms built by hand as RawWorkbooks (the layout of ratingRound/types.ts), for the reader and collector tests.
import type { Cell, RawWorkbook } from '../../renderer/src/engine/formats/readWorkbook';
import type { Scale } from '../../renderer/src/engine/model/types';
import { FORM_COLUMNS, FORM_HEADER_ROW, FORM_ID_SHEET, FORM_LAYOUT_VERSION, FORM_SHEET } from '../../renderer/src/engine/ratingRound/types';

export interface BookSpec {
  formId?: string;
  rater?: string | null;
  raterNumber?: number;
  scale?: Scale;
  layout?: Cell;
  factors?: string[];
  /** The hidden task list: [id, name]. */
  tasks: [string, string][];
  /** Form rows under the header: [task name, E, D] (or more cells for factor columns). */
  rows: Cell[][];
  /** Rows inserted above the header (a member added a line to the instructions). */
  insertedRows?: number;
  /** Extra header cells between Desirability and Comment (factor columns). */
  factorHeaders?: string[];
}

/** The hidden sheet's rows: key | value, then "tasks" and id | name. */
export function idRows(spec: BookSpec): Cell[][] {
  const scale = spec.scale ?? { min: 1, max: 20 };
  return [
    ['layout', spec.layout === undefined ? FORM_LAYOUT_VERSION : spec.layout],
    ['formId', spec.formId ?? 'R7K2-01'],
    ['project', 'Riverside'],
    ['rater', spec.rater ?? ''],
    ['raterNumber', spec.raterNumber ?? 1],
    ['scaleMin', scale.min],
    ['scaleMax', scale.max],
    ['factors', (spec.factors ?? []).join('; ')],
    ['created', '2026-10-05'],
    ['tasks'],
    ...spec.tasks.map(([id, name]) => [id, name]),
  ];
}

/** A form as readWorkbook would give it back: instructions, the header at FORM_HEADER_ROW (+ inserted rows), task rows with hours blank. */
export function formBook(spec: BookSpec): RawWorkbook {
  const instructions: Cell[][] = Array.from({ length: FORM_HEADER_ROW - 1 + (spec.insertedRows ?? 0) }, (_, i) =>
    i === 1 ? ['Empowerment: how much the task lets you decide and learn (higher is more empowering).'] : i === 2 ? ['Desirability: how pleasant the task is.'] : [],
  );
  const factorHeaders = spec.factorHeaders ?? [];
  const header: Cell[] = [FORM_COLUMNS[0], FORM_COLUMNS[1], FORM_COLUMNS[2], FORM_COLUMNS[3], ...factorHeaders, FORM_COLUMNS[4]];
  const rows: Cell[][] = spec.rows.map(([name, ...ratings]) => [name, null, ...ratings]);
  return {
    format: 'xlsx',
    decimalComma: false,
    encoding: null,
    sheets: [
      { name: FORM_SHEET, rows: [...instructions, header, ...rows] },
      { name: FORM_ID_SHEET, rows: idRows(spec) },
    ],
  };
}
