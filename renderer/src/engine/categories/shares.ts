/**
 * Quick category mode (issue 17): each person's share of hours in each category of work against the
 * organization's share, the balance score ½Σ_c|s_pc − S_c| and who is balanced within ±δ.
 *
 * Units: hours are weekly hours as in Assignment; every share (S_c, s_pc, δ, the score) is a
 * fraction 0–1 of hours (0.10 = 10 percentage points). Tasks without a category count in the
 * category "(none)", so every person's shares add up to 1, as the organization's do.
 */
import type { Organization } from '../model/types';
import { byCodeUnit } from './canonical';

/** The default band: a person is balanced when each of their shares is within 10 points of the organization's. */
export const DEFAULT_CATEGORY_DELTA = 0.1;
/** How tasks without a category are named in reports. */
export const NO_CATEGORY_NAME = '(none)';
/** The key of tasks without a category: no real category has an empty name (see categoryKey). */
export const NO_CATEGORY_KEY = '';
/**
 * Slack on the band, in share units: a solver's answer on the band's edge may overshoot it by float
 * noise (≈1e-9 h); a millionth of a share is far below anything a report shows.
 */
export const BAND_SLACK = 1e-6;
/** How many people `furthest` lists. */
const FURTHEST = 5;

/** Categories compared case-insensitively with spaces collapsed; a blank category is none. */
export function categoryKey(category: string | undefined): string {
  return (category ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface CategoryShare {
  /** categoryKey of the name; NO_CATEGORY_KEY for tasks without one. */
  key: string;
  /** The first spelling met in task order, or "(none)". */
  name: string;
  /** Weekly hours of the organization in this category (H_c). */
  hours: number;
  /** S_c = H_c / H, 0–1. */
  share: number;
}

export interface PersonCategoryMix {
  personId: string;
  name: string;
  /** The person's weekly hours (h_i); only people with hours are listed. */
  hours: number;
  /** Weekly hours per category key (every category of the organization, 0 where none). */
  hoursBy: Record<string, number>;
  /** s_pc per category key, 0–1. */
  shares: Record<string, number>;
  /** ½Σ_c|s_pc − S_c|, 0–1: 0 = the organization's mix exactly, 1 = no overlap at all. */
  score: number;
  /** The category furthest from the organization's share and the signed gap s_pc − S_c (share units). */
  worst: { key: string; gap: number };
  /** Every |s_pc − S_c| ≤ δ. */
  balanced: boolean;
}

export interface CategoryAudit {
  /** δ in share units (0.10 = 10 points). */
  delta: number;
  /** Whether any task with hours has a category: without one there is nothing to balance. */
  hasCategories: boolean;
  /** The organization's mix, largest share first, "(none)" last. */
  categories: CategoryShare[];
  /** Total weekly hours (H). */
  totalHours: number;
  /** People with hours, in the organization's order. */
  people: PersonCategoryMix[];
  balancedPeople: number;
  /** Share of all hours (0–1) worked by balanced people: their jobs already match the mix. */
  balancedHoursShare: number;
  /** Up to five unbalanced people, highest score first. */
  furthest: PersonCategoryMix[];
}

/** The category key of each task id, and the display name of each key (first spelling in task order). */
export function taskCategories(org: Organization): { keyOf: Map<string, string>; nameOf: Map<string, string> } {
  const keyOf = new Map<string, string>();
  const nameOf = new Map<string, string>([[NO_CATEGORY_KEY, NO_CATEGORY_NAME]]);
  for (const t of org.tasks) {
    const k = categoryKey(t.category);
    keyOf.set(t.id, k);
    if (!nameOf.has(k)) nameOf.set(k, t.category!.trim().replace(/\s+/g, ' '));
  }
  return { keyOf, nameOf };
}

/** Weekly hours per person and category key (positive hours only; a task missing from the list counts as none). */
export function hoursByPersonCategory(org: Organization, keyOf: Map<string, string>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const a of org.assignments) {
    if (!(a.hours > 0)) continue;
    const k = keyOf.get(a.taskId) ?? NO_CATEGORY_KEY;
    let m = out.get(a.personId);
    if (!m) out.set(a.personId, (m = new Map()));
    m.set(k, (m.get(k) ?? 0) + a.hours);
  }
  return out;
}

/** The organization's mix and each person's against it, with δ in share units (default 0.10). */
export function categoryShares(org: Organization, delta: number = DEFAULT_CATEGORY_DELTA): CategoryAudit {
  const { keyOf, nameOf } = taskCategories(org);
  const byPerson = hoursByPersonCategory(org, keyOf);
  const totals = new Map<string, number>();
  let total = 0;
  for (const m of byPerson.values()) {
    for (const [k, h] of m) {
      totals.set(k, (totals.get(k) ?? 0) + h);
      total += h;
    }
  }
  const categories: CategoryShare[] = [...totals]
    .map(([key, hours]) => ({ key, name: nameOf.get(key)!, hours, share: total > 0 ? hours / total : 0 }))
    // Ties by key, by code unit: the order feeds the category LP, so it must not follow a locale.
    .sort((a, b) => Number(a.key === NO_CATEGORY_KEY) - Number(b.key === NO_CATEGORY_KEY) || b.hours - a.hours || byCodeUnit(a.key, b.key));

  const people: PersonCategoryMix[] = [];
  for (const p of org.people) {
    const m = byPerson.get(p.id);
    const h = m ? [...m.values()].reduce((s, x) => s + x, 0) : 0;
    if (!m || !(h > 0)) continue;
    const hoursBy: Record<string, number> = {};
    const shares: Record<string, number> = {};
    let sumAbs = 0;
    let worst = { key: categories[0].key, gap: 0 };
    for (const c of categories) {
      const hc = m.get(c.key) ?? 0;
      hoursBy[c.key] = hc;
      shares[c.key] = hc / h;
      const gap = hc / h - c.share;
      sumAbs += Math.abs(gap);
      if (Math.abs(gap) > Math.abs(worst.gap)) worst = { key: c.key, gap };
    }
    people.push({ personId: p.id, name: p.name, hours: h, hoursBy, shares, score: sumAbs / 2, worst, balanced: Math.abs(worst.gap) <= delta + BAND_SLACK });
  }
  const balanced = people.filter((p) => p.balanced);
  const furthest = people.filter((p) => !p.balanced).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, FURTHEST);
  return {
    delta,
    hasCategories: categories.some((c) => c.key !== NO_CATEGORY_KEY),
    categories,
    totalHours: total,
    people,
    balancedPeople: balanced.length,
    balancedHoursShare: total > 0 ? balanced.reduce((s, p) => s + p.hours, 0) / total : 1,
    furthest,
  };
}
