/**
 * Finishes a written .xlsx where SheetJS's community edition stops: frozen header rows and the print
 * setup (orientation, fit to the page width, a footer with the sheet's name and page numbers),
 * patched into a sheet's XML (dataValidation.ts patchSheetXml re-zips). Repeated header rows are a
 * defined name SheetJS writes itself.
 */
export interface SheetPatch {
  /** Rows to freeze at the top (0 for none). */
  freezeRows: number;
  /** Landscape unless said otherwise. */
  orientation?: 'landscape' | 'portrait';
  /** Pages across the sheet is scaled to when printed (1 unless said otherwise), as many pages down as it takes. */
  fitToWidth?: number;
  /** Text at the left of the printed footer (the sheet's name follows it; page x of n is on the right); none when omitted. */
  footer?: string;
}

/** Elements that must follow pageSetup in CT_Worksheet; the print setup goes before the first of them. */
const AFTER_PAGE_SETUP = /<(headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** Footer text: XML-escaped, and "&" doubled, since a single one starts a footer code (&P, &A…). */
function footerText(text: string): string {
  return text.replace(/&/g, '&&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The sheet XML with the freeze and print setup of `patch`. */
export function patchSheet(xml: string, patch: SheetPatch): string {
  let out = xml;
  if (patch.freezeRows > 0) {
    const cell = `A${patch.freezeRows + 1}`;
    const pane = `<pane ySplit="${patch.freezeRows}" topLeftCell="${cell}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${cell}" sqref="${cell}"/>`;
    out = out.replace(/<sheetView ([^>]*?)\/>/, `<sheetView $1>${pane}</sheetView>`);
  }
  if (!/<sheetPr\b/.test(out)) out = out.replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  if (!/<pageSetup\b/.test(out)) {
    const wide = Math.max(1, Math.round(patch.fitToWidth ?? 1));
    const footer = patch.footer === undefined ? ''
      : `<headerFooter><oddFooter>&amp;L${footerText(patch.footer)}&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>`;
    const print = `${/<pageMargins\b/.test(out) ? '' : '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'}<pageSetup orientation="${patch.orientation ?? 'landscape'}" fitToWidth="${wide}" fitToHeight="0"/>${footer}`;
    const at = out.search(AFTER_PAGE_SETUP);
    if (at >= 0) out = out.slice(0, at) + print + out.slice(at);
  }
  return out;
}
