/**
 * A returned rating form's bytes → its ratings: read with the bounded, hostile-file-safe workbook
 * reader, so a file that is not a spreadsheet (or is corrupt or oversized) is one issue, not a crash.
 */
import type { InflateCheck } from './zipGuard';
import { DEFAULT_LIMITS, readWorkbook, WorkbookRefusal } from './readWorkbook';
import { readRatingForm, type FormProject } from '../ratingRound/readForm';
import type { ReadForm } from '../ratingRound/types';

/** The form in `bytes` (named `file` in every message), read against the project's tasks and scale. */
export function readReturnedForm(bytes: Uint8Array, file: string, project: FormProject, inflateCheck?: InflateCheck): ReadForm {
  try {
    const book = readWorkbook(bytes, file, DEFAULT_LIMITS, undefined, inflateCheck);
    return readRatingForm(book, file, project);
  } catch (err) {
    if (!(err instanceof WorkbookRefusal)) throw err;
    return unreadableForm(file, `${err.message}; the form is not used`);
  }
}

/** A form that could not be read at all (not a workbook, missing file…): one error, no ratings. */
export function unreadableForm(file: string, message: string): ReadForm {
  return { file, formId: null, rater: null, raterNumber: null, ratings: [], issues: [{ severity: 'error', message, file, sheet: null, row: null, column: null }] };
}
