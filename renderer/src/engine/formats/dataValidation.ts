/**
 * Data validation for written .xlsx sheets, which SheetJS's community edition cannot write: rules
 * patched into the sheet XML as `<dataValidations>`, in the place CT_Worksheet requires.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface ValidationRule {
  /** Cells the rule covers, e.g. "C11:D40" or "C11:D40 F11:F40". */
  sqref: string;
  /** whole/decimal: a number between min and max; list: one of `list` (a dropdown). */
  type: 'whole' | 'decimal' | 'list';
  min?: number;
  max?: number;
  list?: string[];
  /** Shown when a value breaks the rule (Excel caps the title at 32 characters, the text at 255). */
  errorTitle: string;
  error: string;
  /** Shown when the cell is selected; optional. */
  promptTitle?: string;
  prompt?: string;
}

/** Elements that follow dataValidations in CT_Worksheet: the rules go before the first of them. */
const AFTER_VALIDATIONS = /<(hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** Excel refuses a whole workbook whose rule text is over its limits, so the text is cut to them. */
function cut(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit - 1) + '…';
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r?\n/g, '&#10;');
}

function text(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function ruleXml(rule: ValidationRule): string {
  let formulas: string;
  if (rule.type === 'list') {
    const items = rule.list ?? [];
    // A literal list is one quoted formula of at most 255 characters, its items split by commas.
    const joined = items.join(',');
    if (items.length === 0 || joined.length > 255 || items.some((i) => /[,"]/.test(i))) throw new RangeError(`a dropdown list must be 1 to 255 characters without commas or quotes, got "${joined.slice(0, 60)}"`);
    formulas = `<formula1>"${text(joined)}"</formula1>`;
  } else {
    if (rule.min === undefined || rule.max === undefined || !Number.isFinite(rule.min) || !Number.isFinite(rule.max) || rule.min > rule.max) {
      throw new RangeError(`a ${rule.type} rule needs finite bounds min ≤ max, got ${rule.min} and ${rule.max}`);
    }
    formulas = `<formula1>${rule.min}</formula1><formula2>${rule.max}</formula2>`;
  }
  const operator = rule.type === 'list' ? '' : ' operator="between"';
  const prompt = rule.prompt ? ` showInputMessage="1" promptTitle="${attr(cut(rule.promptTitle ?? '', 32))}" prompt="${attr(cut(rule.prompt, 255))}"` : '';
  return `<dataValidation type="${rule.type}"${operator} allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="${attr(cut(rule.errorTitle, 32))}" error="${attr(cut(rule.error, 255))}"${prompt} sqref="${attr(rule.sqref)}">${formulas}</dataValidation>`;
}

/** The sheet XML with `rules` added (after any rules it already has). */
export function addDataValidations(xml: string, rules: readonly ValidationRule[]): string {
  if (rules.length === 0) return xml;
  const body = rules.map(ruleXml).join('');
  if (/<dataValidations\b/.test(xml)) {
    const count = (xml.match(/<dataValidation\b/g) ?? []).length + rules.length;
    return xml.replace(/<dataValidations\b[^>]*>/, `<dataValidations count="${count}">`).replace('</dataValidations>', `${body}</dataValidations>`);
  }
  const at = xml.search(AFTER_VALIDATIONS);
  if (at < 0) throw new RangeError('not a worksheet: no place for data validation');
  return `${xml.slice(0, at)}<dataValidations count="${rules.length}">${body}</dataValidations>${xml.slice(at)}`;
}

/**
 * `edits` maps a 1-based sheet index (as in xl/worksheets/sheetN.xml) to a change of its XML;
 * `parts` changes other parts by path (e.g. xl/styles.xml), and runs first, so a sheet edit can use what it added.
 */
export function patchSheetXml(xlsx: Uint8Array, edits: Map<number, (xml: string) => string>, parts?: Map<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(xlsx);
  const edit = (path: string, change: (xml: string) => string): void => {
    if (!files[path]) throw new RangeError(`the workbook has no ${path}`);
    files[path] = strToU8(change(strFromU8(files[path])));
  };
  for (const [path, change] of parts ?? []) edit(path, change);
  for (const [index, change] of edits) edit(`xl/worksheets/sheet${index}.xml`, change);
  return zipSync(files, { level: 6 });
}
