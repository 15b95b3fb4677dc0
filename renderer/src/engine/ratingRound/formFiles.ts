/** The file names of rating forms, the same from the CLI (`ratings form`) and the app's zip of forms. */
import type { RatingFormSpec } from './types';

/** A file name part from a person's name: letters without accents, digits, "_" for the rest; "" when nothing is left. */
export function safeFilePart(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^[_.-]+|[_.-]+$/g, '').slice(0, 60).replace(/[_.-]+$/, '');
}

/** "form-01-Ann_Lee.xlsx", or "form-01.xlsx" for an anonymous form (or a name with no safe character). */
export function formFileName(spec: RatingFormSpec): string {
  const number = spec.formId.slice(spec.formId.lastIndexOf('-') + 1);
  const who = spec.rater === null ? '' : safeFilePart(spec.rater);
  return `form-${number}${who ? `-${who}` : ''}.xlsx`;
}
