/**
 * The XML of a native Excel scatter chart (DrawingML chart part) and of the drawing that places it
 * on a sheet, written by hand because SheetJS's community edition writes no charts (nativeChart.ts
 * adds them to the package). Element order follows the ECMA-376 schema: Excel "repairs" a file
 * whose chart has an element out of place.
 */
import { escapeXml } from './xmlEscape';

/** One value series of a chart, read from cells and cached for viewers that do not recalculate. */
export interface ChartValues {
  /** The formula of the cells, e.g. 'People'!$E$2:$E$41 (or a union of ranges in parentheses). */
  ref: string;
  /** The cells' values in the order of the reference (0-based point index = position in it). */
  values: number[];
  /** Number format of the cached values, e.g. "0.0". */
  formatCode: string;
}

export interface ScatterChartSpec {
  title: string;
  /** Name of the one series (shown to screen readers and in Excel's "Select data"). */
  seriesName: string;
  x: ChartValues;
  y: ChartValues;
  xTitle: string;
  yTitle: string;
  /** Both axes run over [min, max] (the project's rating scale). */
  min: number;
  max: number;
  /** Marker fill and outline, RRGGBB. */
  color: string;
  outline: string;
}

export const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** A number as a chart value: finite, in plain decimal notation JavaScript and Excel both read. */
function value(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`a chart value must be finite, got ${n}`);
  return String(n);
}

function rich(text: string, size: number, bold: boolean, rotated: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  const body = rotated ? '<a:bodyPr rot="-5400000" vert="horz"/>' : '<a:bodyPr/>';
  return `<c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}"${b}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function title(text: string, size: number, bold: boolean, rotated = false): string {
  return `<c:title>${rich(text, size, bold, rotated)}<c:overlay val="0"/></c:title>`;
}

function numRef(v: ChartValues): string {
  const points = v.values.map((n, i) => `<c:pt idx="${i}"><c:v>${value(n)}</c:v></c:pt>`).join('');
  return `<c:numRef><c:f>${escapeXml(v.ref)}</c:f><c:numCache><c:formatCode>${escapeXml(v.formatCode)}</c:formatCode><c:ptCount val="${v.values.length}"/>${points}</c:numCache></c:numRef>`;
}

const GRID = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
const AXIS_LINE = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>';

/** A value axis over [min, max] crossing `other`; `bottom` is the x axis, otherwise the y axis on the left. */
function valueAxis(id: number, other: number, bottom: boolean, axisTitle: string, min: number, max: number): string {
  // Whole-point ticks every 1, 2, 5… points, about ten of them, so a rating reads off the grid.
  const span = max - min;
  const unit = [1, 2, 5, 10, 20, 25, 50].find((u) => span / u <= 10) ?? Math.ceil(span / 10);
  return `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/><c:max val="${value(max)}"/><c:min val="${value(min)}"/></c:scaling>`
    + `<c:delete val="0"/><c:axPos val="${bottom ? 'b' : 'l'}"/>${GRID}${title(axisTitle, 1000, true, !bottom)}`
    + '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + `${AXIS_LINE}<c:crossAx val="${other}"/><c:crosses val="min"/><c:crossBetween val="midCat"/><c:majorUnit val="${unit}"/></c:valAx>`;
}

/** The chart part (xl/charts/chartN.xml): one marker-only series, both axes fixed to the scale. */
export function scatterChartXml(spec: ScatterChartSpec): string {
  if (!(spec.max > spec.min)) throw new RangeError(`a chart axis needs min < max, got ${spec.min} and ${spec.max}`);
  if (spec.x.values.length !== spec.y.values.length) throw new RangeError('a scatter series needs as many x values as y values');
  const [X, Y] = [500100, 500200];
  // No line between points ("lineMarker" with the line switched off): the order of the rows means nothing.
  const series = `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(spec.seriesName)}</c:v></c:tx>`
    + '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>'
    + `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="${spec.color}"><a:alpha val="80000"/></a:srgbClr></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="${spec.outline}"/></a:solidFill></a:ln></c:spPr></c:marker>`
    + `<c:xVal>${numRef(spec.x)}</c:xVal><c:yVal>${numRef(spec.y)}</c:yVal><c:smooth val="0"/></c:ser>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>`
    + `<c:chart>${title(spec.title, 1300, true)}<c:autoTitleDeleted val="0"/>`
    + `<c:plotArea><c:layout/><c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}<c:axId val="${X}"/><c:axId val="${Y}"/></c:scatterChart>`
    + `${valueAxis(X, Y, true, spec.xTitle, spec.min, spec.max)}${valueAxis(Y, X, false, spec.yTitle, spec.min, spec.max)}</c:plotArea>`
    + '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
    + '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>'
    + '</c:chartSpace>';
}

/** A cell corner with an offset into the cell, in EMU (914400 to the inch, 9525 to a pixel at 96 dpi). */
export interface AnchorPoint {
  col: number;
  row: number;
  colOff: number;
  rowOff: number;
}

function marker(tag: 'from' | 'to', p: AnchorPoint): string {
  return `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>${Math.round(p.colOff)}</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>${Math.round(p.rowOff)}</xdr:rowOff></xdr:${tag}>`;
}

/**
 * The drawing part (xl/drawings/drawingN.xml) holding one chart between two cell corners; `chartRel`
 * is the drawing's relationship id of the chart part, `description` its alternative text.
 */
export function drawingXml(from: AnchorPoint, to: AnchorPoint, chartRel: string, name: string, description: string): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor editAs="oneCell">${marker('from', from)}${marker('to', to)}`
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(name)}" descr="${escapeXml(description)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${escapeXml(chartRel)}"/></a:graphicData></a:graphic>`
    + '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
}
