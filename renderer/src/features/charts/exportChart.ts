// Exporting a chart as a file that stands alone: the chart's <svg> cloned with its computed styles
// written inline, framed by the chart's title, caption and legend on the theme's background. PNG is
// that SVG drawn into a canvas at 2× (the CSP allows blob: images, and a same-origin SVG image does
// not taint the canvas). Every export ends with its caveats (organization, date, rating sources), may
// label its bars (Ranked jobs: names or pseudonyms) and may have role and department names masked.
import { desktop } from '../../platform/desktop';
import type { ChartTheme, MarkerShape } from './chartTheme';
import { markerGeometry } from './markers';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type LegendSymbol = MarkerShape | 'line' | 'dashed' | 'band' | 'rect';

export interface LegendEntry {
  label: string;
  colour: string;
  symbol: LegendSymbol;
  /** Outline colour for markers and bands. */
  stroke?: string;
}

export interface ExportFrame {
  title: string;
  caption: string;
  legend: readonly LegendEntry[];
  theme: ChartTheme;
  /** Lines written under the legend: organization and date, rating sources, names (state/exports.ts). */
  footer?: readonly string[];
  /** One label per bar, in the order the bars are drawn, written under each bar (rotated). */
  barLabels?: readonly string[];
  /** Applied to every text in the image (hides one-person role and department names). */
  mask?: (text: string) => string;
}

// Inherited properties are written only where they differ from the parent; the others where they
// differ from their initial value.
const INHERITED = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap',
  'stroke-linejoin', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline',
  'visibility', 'paint-order', 'shape-rendering',
] as const;
const NOT_INHERITED: [string, string][] = [['opacity', '1'], ['display', 'inline']];

/** Chart parts that only exist while the pointer is over the chart. */
const TRANSIENT = '.recharts-tooltip-cursor, .recharts-active-dot, .recharts-active-shape';

function copyStyles(source: Element, target: Element, parent: CSSStyleDeclaration | null): void {
  const cs = getComputedStyle(source);
  const decl: string[] = [];
  for (const p of INHERITED) {
    const v = cs.getPropertyValue(p);
    if (v && (!parent || parent.getPropertyValue(p) !== v)) decl.push(`${p}:${v}`);
  }
  for (const [p, initial] of NOT_INHERITED) {
    const v = cs.getPropertyValue(p);
    if (v && v !== initial && !(p === 'display' && v !== 'none')) decl.push(`${p}:${v}`);
  }
  if (decl.length) target.setAttribute('style', decl.join(';'));
  else target.removeAttribute('style');
  target.removeAttribute('tabindex');
  const sKids = source.children;
  const tKids = target.children;
  for (let i = 0; i < sKids.length && i < tKids.length; i++) copyStyles(sKids[i], tKids[i], cs);
}

/** A deep copy of a rendered <svg> with its computed styles inline, transient hover marks removed. */
export function inlineSvg(source: SVGSVGElement): SVGSVGElement {
  const clone = source.cloneNode(true) as SVGSVGElement;
  copyStyles(source, clone, null);
  clone.querySelectorAll(TRANSIENT).forEach((el) => el.remove());
  clone.removeAttribute('role');
  return clone;
}

function el<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = doc.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Width of a text in pixels (canvas measure; an estimate where no canvas exists). */
export function textWidth(text: string, size: number, font: string, weight = 400): number {
  if (measureCtx === undefined) {
    try {
      measureCtx = document.createElement('canvas').getContext('2d');
    } catch {
      measureCtx = null;
    }
  }
  if (measureCtx) {
    measureCtx.font = `${weight} ${size}px ${font}`;
    const w = measureCtx.measureText(text).width;
    if (w > 0) return w;
  }
  return text.length * size * 0.56;
}

/** Greedy word wrap to a width. */
export function wrap(text: string, width: number, size: number, font: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, size, font) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function legendSymbol(doc: Document, e: LegendEntry, x: number, cy: number): SVGElement {
  const g = el(doc, 'g', {});
  switch (e.symbol) {
    case 'line':
    case 'dashed':
      g.appendChild(el(doc, 'line', { x1: x, y1: cy, x2: x + 16, y2: cy, stroke: e.colour, 'stroke-width': 2, ...(e.symbol === 'dashed' ? { 'stroke-dasharray': '4 3' } : {}) }));
      break;
    case 'band':
    case 'rect':
      g.appendChild(el(doc, 'rect', { x, y: cy - 6, width: 16, height: 12, fill: e.colour, stroke: e.stroke ?? 'none', ...(e.symbol === 'band' ? { 'stroke-dasharray': '3 2' } : {}) }));
      break;
    default: {
      const geo = markerGeometry(e.symbol, x + 8, cy, 70);
      const common = { fill: e.colour, 'fill-opacity': 0.85, stroke: e.stroke ?? e.colour, 'stroke-width': 1 };
      g.appendChild(geo.kind === 'circle' ? el(doc, 'circle', { cx: x + 8, cy, r: geo.r, ...common }) : el(doc, 'polygon', { points: geo.points, ...common }));
    }
  }
  return g;
}

/** Applies `mask` to every text leaf of the chart (axis ticks, labels, <title>s). */
function maskTexts(body: SVGSVGElement, mask: (text: string) => string): void {
  body.querySelectorAll('text, tspan, title, desc').forEach((e) => {
    if (e.children.length === 0 && e.textContent) e.textContent = mask(e.textContent);
  });
}

/**
 * Writes `labels` under the bars of the chart (one per `.recharts-bar-rectangle`, in order), rotated to
 * read upwards, and moves whatever sat below the bars (the x-axis title) down to make room. Returns the
 * height added. Labels are sized to the bars, never above 11 px, never below 5 px (150 bars).
 */
function labelBars(body: SVGSVGElement, labels: readonly string[], theme: ChartTheme): number {
  const doc = body.ownerDocument;
  const bars = [...body.querySelectorAll('.recharts-bar-rectangle rect, .recharts-bar-rectangle path')];
  const boxes = bars.map((b) => ({ x: Number(b.getAttribute('x')), y: Number(b.getAttribute('y')), w: Number(b.getAttribute('width')), h: Number(b.getAttribute('height')) }))
    .filter((b) => [b.x, b.y, b.w, b.h].every(Number.isFinite));
  if (boxes.length === 0 || boxes.length !== labels.length) return 0;
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  const size = Math.max(5, Math.min(11, Math.min(...boxes.map((b) => b.w)) * 0.9));
  const band = Math.ceil(Math.min(140, Math.max(...labels.map((l) => textWidth(l, size, theme.font)))) + 8);
  body.querySelectorAll('text').forEach((t) => {
    const y = Number(t.getAttribute('y'));
    if (Number.isFinite(y) && y > bottom + 1) t.setAttribute('y', String(y + band));
  });
  const g = el(doc, 'g', { class: 'bar-labels', 'font-size': size, fill: theme.text });
  boxes.forEach((b, i) => {
    const x = b.x + b.w / 2 + size / 3;
    g.appendChild(el(doc, 'text', { x: 0, y: 0, 'text-anchor': 'end', transform: `translate(${x.toFixed(1)} ${(bottom + 4).toFixed(1)}) rotate(-90)` }, labels[i]));
  });
  body.appendChild(g);
  return band;
}

/**
 * The standalone SVG document for a chart: background, title, wrapped caption, the chart itself
 * (styles inline, bars labelled when asked), a legend and the footer below it.
 */
export function composeChartSvg(chart: SVGSVGElement, frame: ExportFrame): { text: string; width: number; height: number } {
  const doc = chart.ownerDocument;
  const { theme } = frame;
  const box = chart.getBoundingClientRect();
  const chartW = Math.round(Number(chart.getAttribute('width')) || box.width || 600);
  const chartH = Math.round(Number(chart.getAttribute('height')) || box.height || 320);
  const pad = 16;
  const width = Math.max(chartW, 360);
  const mask = frame.mask ?? ((t: string) => t);
  const captionLines = wrap(mask(frame.caption), width - 2 * pad, 12, theme.font);
  let y = pad;
  const root = el(doc, 'svg', { width, height: 0, 'font-family': theme.font, 'font-size': 12 });
  const title = el(doc, 'title', {}, mask(frame.title));
  root.appendChild(title);
  const bg = el(doc, 'rect', { x: 0, y: 0, width, height: 0, fill: theme.surface });
  root.appendChild(bg);
  y += 16;
  root.appendChild(el(doc, 'text', { x: pad, y, fill: theme.text, 'font-size': 16, 'font-weight': 600 }, mask(frame.title)));
  for (const line of captionLines) {
    y += 17;
    root.appendChild(el(doc, 'text', { x: pad, y, fill: theme.muted, 'font-size': 12 }, line));
  }
  y += 10;
  const body = inlineSvg(chart);
  if (frame.mask) maskTexts(body, frame.mask);
  const band = frame.barLabels?.length ? labelBars(body, frame.barLabels, theme) : 0;
  body.setAttribute('x', '0');
  body.setAttribute('y', String(y));
  body.setAttribute('width', String(chartW));
  body.setAttribute('height', String(chartH + band));
  // The chart's own coordinates, grown by the label band (a viewBox of the old height would squash it).
  body.setAttribute('viewBox', `0 0 ${chartW} ${chartH + band}`);
  body.removeAttribute('class');
  root.appendChild(body);
  y += chartH + band;
  // Legend: entries flow left to right and wrap.
  if (frame.legend.length) {
    y += 8;
    let x = pad;
    let rowY = y + 8;
    for (const e of frame.legend) {
      const label = mask(e.label);
      const w = 22 + textWidth(label, 12, theme.font) + 16;
      if (x + w > width - pad && x > pad) {
        x = pad;
        rowY += 20;
      }
      root.appendChild(legendSymbol(doc, e, x, rowY));
      root.appendChild(el(doc, 'text', { x: x + 22, y: rowY + 4, fill: theme.text, 'font-size': 12 }, label));
      x += w;
    }
    y = rowY + 10;
  }
  // The caveats: who and when, where the ratings come from, whether names are real.
  if (frame.footer?.length) {
    y += 8;
    const g = el(doc, 'g', { class: 'export-footer', fill: theme.muted, 'font-size': 11 });
    for (const line of frame.footer.flatMap((l) => wrap(mask(l), width - 2 * pad, 11, theme.font))) {
      y += 15;
      g.appendChild(el(doc, 'text', { x: pad, y }, line));
    }
    root.appendChild(g);
  }
  const height = Math.ceil(y + pad);
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  bg.setAttribute('height', String(height));
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${xmlSafe(new XMLSerializer().serializeToString(root))}`;
  return { text, width, height };
}

/**
 * Characters XML 1.0 forbids anywhere in a document (C0 controls but tab, newline and CR; U+FFFE,
 * U+FFFF; surrogates without their pair). A name from a spreadsheet may hold them, and XMLSerializer
 * writes them as they are: the .svg would then be refused by every XML reader.
 */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without XML-illegal characters (they cannot be escaped: XML 1.0 has no reference for them). */
export function xmlSafe(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** Draws an SVG document into a canvas at `scale`× and returns PNG bytes. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Drawing the chart is not supported here');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be turned into a PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name without characters file systems refuse, with the extension. */
export function chartFileName(stem: string, extension: 'png' | 'svg'): string {
  const clean = stem.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Fairshare chart';
  return `${clean}.${extension}`;
}

/** Hands the file to the user: the save dialog in the app, a download in web mode. */
export async function deliverChartFile(bytes: Uint8Array, suggestedName: string, format: 'png' | 'svg'): Promise<string | null> {
  return desktop().exportFile({ bytes, suggestedName: chartFileName(suggestedName, format).replace(/\.(png|svg)$/, ''), format });
}

/** Renders the chart in `container` to a file of the format and hands it to the user. */
export async function exportChart(container: HTMLElement, frame: ExportFrame, stem: string, format: 'png' | 'svg'): Promise<string | null> {
  const svg = container.querySelector<SVGSVGElement>('.recharts-wrapper > svg, svg.recharts-surface');
  if (!svg) throw new Error('The chart has not been drawn yet');
  const { text, width, height } = composeChartSvg(svg, frame);
  const bytes = format === 'svg' ? new TextEncoder().encode(text) : await svgToPng(text, width, height, 2);
  return deliverChartFile(bytes, stem, format);
}
