// Colours for the charts, resolved to concrete values for the current theme (light or dark via
// data-theme on <html>), so SVG attributes never depend on CSS variables and exports stand alone.
import { useMemo, useSyncExternalStore } from 'react';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'wye' | 'cross';

export interface ChartTheme {
  dark: boolean;
  text: string;
  muted: string;
  grid: string;
  surface: string;
  surface2: string;
  accent: string;
  /** Fill of the tolerance box / band. */
  band: string;
  /** Department colours (Okabe–Ito, colour-blind safe), paired with marker shapes. */
  categorical: readonly string[];
  /** Colour of the "Other departments" series. */
  other: string;
  /** Five steps from few to many hours, for heat maps (one hue, rising contrast with the surface). */
  sequential: readonly string[];
  /** The two parts of a Theil split: between groups (strong) and within groups (light). */
  between: string;
  within: string;
  font: string;
}

export const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'star', 'wye', 'cross'];

// Okabe & Ito (2008). Light: yellow dropped (invisible on white), black kept. Dark: the deep blue
// is replaced by sky blue, black by near-white, and yellow joins.
const LIGHT_CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#1d1d1b'];
const DARK_CATEGORICAL = ['#56B4E9', '#E69F00', '#1FB58A', '#F07A3A', '#E08DBE', '#F0E442', '#ececE8'];

const LIGHT_VARS = { text: '#1d1d1b', muted: '#5b5b57', border: '#d8d8d2', surface: '#ffffff', surface2: '#f0f0ec', accent: '#1f5fa8' };
const DARK_VARS = { text: '#ececE8', muted: '#a9a9a3', border: '#3b3c39', surface: '#202120', surface2: '#2a2b29', accent: '#6ea8f0' };
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

function hexToRgb(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function rgbToHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** Linear mix of two hex colours in sRGB: t = 0 gives a, 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  if (!x || !y) return t < 0.5 ? a : b;
  return rgbToHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** The outline of a marker: darker than its fill on light backgrounds, lighter on dark ones. */
export function outline(colour: string, dark: boolean): string {
  return dark ? mix(colour, '#ffffff', 0.25) : mix(colour, '#000000', 0.3);
}

function readVar(style: CSSStyleDeclaration | null, name: string, fallback: string): string {
  const v = style?.getPropertyValue(name).trim();
  return v ? v : fallback;
}

export function buildChartTheme(dark: boolean, style: CSSStyleDeclaration | null = null): ChartTheme {
  const d = dark ? DARK_VARS : LIGHT_VARS;
  const text = readVar(style, '--text', d.text);
  const surface = readVar(style, '--surface', d.surface);
  const accent = readVar(style, '--accent', d.accent);
  const seqFrom = dark ? '#24405f' : '#d6e4f5';
  const seqTo = dark ? '#d8e9ff' : '#0b3566';
  return {
    dark,
    text,
    muted: readVar(style, '--muted', d.muted),
    grid: readVar(style, '--border', d.border),
    surface,
    surface2: readVar(style, '--surface-2', d.surface2),
    accent,
    band: dark ? 'rgba(110, 168, 240, 0.16)' : 'rgba(31, 95, 168, 0.10)',
    categorical: dark ? DARK_CATEGORICAL : LIGHT_CATEGORICAL,
    other: dark ? '#8a8a84' : '#8c8c86',
    sequential: [0, 0.25, 0.5, 0.75, 1].map((t) => mix(seqFrom, seqTo, t)),
    between: dark ? '#6ea8f0' : '#1f5fa8',
    within: dark ? '#45699a' : '#a9c3e3',
    font: FONT,
  };
}

function subscribe(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined') return () => undefined;
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

function snapshot(): string {
  return document.documentElement.dataset.theme ?? 'light';
}

/** The chart colours for the theme on <html>; re-renders when the theme changes. */
export function useChartTheme(): ChartTheme {
  const mode = useSyncExternalStore(subscribe, snapshot, () => 'light');
  return useMemo(() => buildChartTheme(mode === 'dark', getComputedStyle(document.documentElement)), [mode]);
}
