/**
 * Rating scales: which scale a file's ratings are on, and the linear maps between a scale's
 * points and the normalized 0–1 ratings the engine keeps internally (DESIGN.md §4).
 */
import type { Scale } from '../model/types';

/** The default project scale: Albert's "rank of 1 to 20". */
export const DEFAULT_SCALE: Scale = { min: 1, max: 20 };

/** Scales a file may use without saying so, smallest first. */
export const STANDARD_SCALES: readonly Scale[] = [
  { min: 1, max: 5 },
  { min: 1, max: 10 },
  { min: 1, max: 20 },
  { min: 0, max: 100 },
];

/**
 * The scale of a set of ratings: the header's hint when there is one, else the smallest standard
 * scale that holds every value; null when no standard scale holds them all.
 */
export function detectScale(values: readonly number[], hint: Scale | null): Scale | null {
  if (hint) return hint;
  if (values.length === 0) return null;
  for (const s of STANDARD_SCALES) if (values.every((v) => v >= s.min && v <= s.max)) return s;
  return null;
}

/** Points on `scale` → normalized 0–1. */
export function normalize(points: number, scale: Scale): number {
  return (points - scale.min) / (scale.max - scale.min);
}

/** Normalized 0–1 → points on `scale`. */
export function toPoints(normalized: number, scale: Scale): number {
  return scale.min + normalized * (scale.max - scale.min);
}

export function inScale(points: number, scale: Scale): boolean {
  return points >= scale.min && points <= scale.max;
}

export function formatScale(scale: Scale): string {
  return `${scale.min}–${scale.max}`;
}

/** Median of a non-empty list (used when one task carries different ratings on different rows). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
