/**
 * Finishes a written .xlsx where SheetJS's community edition stops: frozen header rows and a
 * landscape, fit-to-width print setup, patched into each sheet's XML in a re-zipped copy.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface SheetPatch {
  /** Rows to freeze at the top (0 for none). */
  freezeRows: number;
}

/** Elements that must follow pageSetup in CT_Worksheet; the print setup goes before the first of them. */
const AFTER_PAGE_SETUP = /<(headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

function patchSheet(xml: string, patch: SheetPatch): string {
  let out = xml;
  if (patch.freezeRows > 0) {
    const cell = `A${patch.freezeRows + 1}`;
    const pane = `<pane ySplit="${patch.freezeRows}" topLeftCell="${cell}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${cell}" sqref="${cell}"/>`;
    out = out.replace(/<sheetView ([^>]*?)\/>/, `<sheetView $1>${pane}</sheetView>`);
  }
  if (!/<sheetPr\b/.test(out)) out = out.replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  if (!/<pageSetup\b/.test(out)) {
    const print = `${/<pageMargins\b/.test(out) ? '' : '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'}<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`;
    const at = out.search(AFTER_PAGE_SETUP);
    if (at >= 0) out = out.slice(0, at) + print + out.slice(at);
  }
  return out;
}

/** `patches` maps a 1-based sheet index (as in xl/worksheets/sheetN.xml) to its patch. */
export function patchSheets(xlsx: Uint8Array, patches: Map<number, SheetPatch>): Uint8Array {
  const files = unzipSync(xlsx);
  for (const [index, patch] of patches) {
    const path = `xl/worksheets/sheet${index}.xml`;
    if (files[path]) files[path] = strToU8(patchSheet(strFromU8(files[path]), patch));
  }
  return zipSync(files, { level: 6 });
}
