/**
 * The "Categories" section of `fairshare audit` (issue 17 quick category mode), as text and JSON:
 * the organization's mix, the share of hours in balanced jobs and the people furthest off, with δ.
 * Shares print as percents and δ as points (0.10 = ±10 points); JSON keeps shares 0–1.
 */
import { categoryShares, DEFAULT_CATEGORY_DELTA, type CategoryAudit, type PersonCategoryMix } from '../../renderer/src/engine/categories/shares';
import type { Organization } from '../../renderer/src/engine/model/types';
import { count } from './summary';
import { oneLine } from './terminal';

/** How a person is named in the output: their name, or the audit's pseudonym. */
export type NameOf = (name: string) => string;

/** The audit's category section, or null when no task with hours has a category (the section is left out). */
export function categoryAuditFor(org: Organization, delta: number = DEFAULT_CATEGORY_DELTA): CategoryAudit | null {
  const a = categoryShares(org, delta);
  return a.hasCategories ? a : null;
}

const pct = (s: number) => `${Math.round(s * 100)}%`;
const hrs = (h: number) => `${Math.round(h * 10) / 10} h`;
/** δ in points: 0.1 → "10". */
export const points = (delta: number) => String(Math.round(delta * 1000) / 10);

function nameOfCategory(a: CategoryAudit, key: string): string {
  return a.categories.find((c) => c.key === key)?.name ?? key;
}

/** "Cy: 60% of hours off the mix (Administrative 80% against 20%)". */
function personLine(a: CategoryAudit, p: PersonCategoryMix, name: NameOf): string {
  const c = a.categories.find((x) => x.key === p.worst.key)!;
  return `    ${oneLine(name(p.name))}: ${pct(p.score)} of hours off the mix (${oneLine(c.name)} ${pct(p.shares[c.key])} against ${pct(c.share)})`;
}

export function categoriesLines(a: CategoryAudit, name: NameOf = (n) => n): string[] {
  const lines = [
    `Categories (balanced: every share within ±${points(a.delta)} points of the organization's):`,
    `  The organization's mix: ${a.categories.map((c) => `${oneLine(c.name)} ${pct(c.share)} (${hrs(c.hours)})`).join(', ')}`,
    `  ${a.balancedPeople} of ${count(a.people.length, 'person', 'people')} balanced; ${pct(a.balancedHoursShare)} of hours are in balanced jobs`,
  ];
  if (a.furthest.length) {
    lines.push(`  Furthest off (the share of a person's hours that would have to change category to match the mix):`);
    for (const p of a.furthest) lines.push(personLine(a, p, name));
  }
  return lines;
}

/** Shares by category name (JSON readers see names, not internal keys). */
function byName(a: CategoryAudit, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [nameOfCategory(a, k), v]));
}

export interface CategoriesJson {
  /** δ in share units (0.1 = ±10 points). */
  delta: number;
  totalHours: number;
  categories: { name: string; hours: number; share: number }[];
  balancedPeople: number;
  people: number;
  balancedHoursShare: number;
  furthest: { name: string; score: number; category: string; gap: number }[];
  jobs: { name: string; hours: number; score: number; balanced: boolean; shares: Record<string, number> }[];
}

export function categoriesJson(a: CategoryAudit, name: NameOf = (n) => n): CategoriesJson {
  return {
    delta: a.delta,
    totalHours: a.totalHours,
    categories: a.categories.map((c) => ({ name: c.name, hours: c.hours, share: c.share })),
    balancedPeople: a.balancedPeople,
    people: a.people.length,
    balancedHoursShare: a.balancedHoursShare,
    furthest: a.furthest.map((p) => ({ name: name(p.name), score: p.score, category: nameOfCategory(a, p.worst.key), gap: p.worst.gap })),
    jobs: a.people.map((p) => ({ name: name(p.name), hours: p.hours, score: p.score, balanced: p.balanced, shares: byName(a, p.shares) })),
  };
}
