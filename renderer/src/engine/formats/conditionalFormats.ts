/**
 * Conditional formats for written .xlsx sheets, which SheetJS's community edition cannot write:
 * colour scales over rating columns and arrows marking the balance band, patched into the sheet XML
 * as `<conditionalFormatting>` in the place CT_Worksheet requires.
 */

/** A colour scale: each number stop gets its colour, values between are blended (2 or 3 stops). */
export interface ColorScale {
  kind: 'colorScale';
  /** Cells covered, e.g. "E2:E41 F2:F41": one rule over several columns puts them on one scale. */
  sqref: string;
  stops: { value: number; color: string }[];
}

/**
 * The balance band as grey arrows: ↓ below `low`, → from `low` to `high` inclusive, ↑ above `high`
 * (|x − mean| ≤ τ is within, as the engine counts it).
 */
export interface BandArrows {
  kind: 'band';
  sqref: string;
  low: number;
  high: number;
}

export type ConditionalFormat = ColorScale | BandArrows;

/** Elements that follow conditionalFormatting in CT_Worksheet: the rules go before the first of them. */
const AFTER_CONDITIONAL = /<(dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** A value as the file writes it: finite, no exponent surprises for ordinary ratings. */
function number(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`a conditional format needs finite values, got ${n}`);
  return String(n);
}

function ruleXml(f: ConditionalFormat, priority: number): string {
  if (f.kind === 'colorScale') {
    if (f.stops.length < 2 || f.stops.length > 3) throw new RangeError(`a colour scale has 2 or 3 stops, got ${f.stops.length}`);
    const cfvo = f.stops.map((s) => `<cfvo type="num" val="${number(s.value)}"/>`).join('');
    const colors = f.stops.map((s) => `<color rgb="FF${s.color}"/>`).join('');
    return `<cfRule type="colorScale" priority="${priority}"><colorScale>${cfvo}${colors}</colorScale></cfRule>`;
  }
  if (!(f.low <= f.high)) throw new RangeError(`a band needs low ≤ high, got ${f.low} and ${f.high}`);
  // Icon i shows from threshold i up; gte="0" makes the top one strictly above the band.
  return `<cfRule type="iconSet" priority="${priority}"><iconSet iconSet="3ArrowsGray"><cfvo type="percent" val="0"/><cfvo type="num" val="${number(f.low)}"/><cfvo type="num" val="${number(f.high)}" gte="0"/></iconSet></cfRule>`;
}

/**
 * The sheet XML with `formats` added, priorities in the given order. Rules on the same cells share one
 * <conditionalFormatting>: LibreOffice shows only the first of two elements over the same range (a
 * colour scale hides the arrows), Excel shows both either way.
 */
export function addConditionalFormats(xml: string, formats: readonly ConditionalFormat[]): string {
  if (formats.length === 0) return xml;
  const taken = [...xml.matchAll(/<cfRule\b[^>]*priority="(\d+)"/g)].map((m) => Number(m[1]));
  const first = Math.max(0, ...taken) + 1;
  const bySqref = new Map<string, string[]>();
  formats.forEach((f, i) => {
    if (!/^[A-Z]+\d+(:[A-Z]+\d+)?( [A-Z]+\d+(:[A-Z]+\d+)?)*$/.test(f.sqref)) throw new RangeError(`not a list of cell ranges: ${f.sqref}`);
    bySqref.set(f.sqref, [...(bySqref.get(f.sqref) ?? []), ruleXml(f, first + i)]);
  });
  const body = [...bySqref].map(([sqref, rules]) => `<conditionalFormatting sqref="${sqref}">${rules.join('')}</conditionalFormatting>`).join('');
  const existing = xml.lastIndexOf('</conditionalFormatting>');
  if (existing >= 0) {
    const at = existing + '</conditionalFormatting>'.length;
    return xml.slice(0, at) + body + xml.slice(at);
  }
  const at = xml.search(AFTER_CONDITIONAL);
  if (at < 0) throw new RangeError('not a worksheet: no place for conditional formatting');
  return xml.slice(0, at) + body + xml.slice(at);
}
