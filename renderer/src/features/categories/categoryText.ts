/**
 * The words of category mode in the app, as the CLI words them (electron/cli/categoriesText.ts):
 * shares as whole percents, δ as points, "N% of hours off the mix (Category s% against S%)".
 */
import type { CategoryAudit, PersonCategoryMix } from '../../engine/categories/shares';
import { fmtPct } from '../../ui/figure-format';

/** δ in points: 0.1 → "10". */
export const deltaPoints = (delta: number): string => String(Math.round(delta * 1000) / 10);

export function categoryName(a: CategoryAudit, key: string): string {
  return a.categories.find((c) => c.key === key)?.name ?? key;
}

/** "81% of hours off the mix (Maintenance 100% against 19%)". */
export function offTheMix(a: CategoryAudit, p: PersonCategoryMix): string {
  const c = a.categories.find((x) => x.key === p.worst.key)!;
  return `${fmtPct(p.score)} of hours off the mix (${c.name} ${fmtPct(p.shares[c.key])} against ${fmtPct(c.share)})`;
}

/** "3 of 10 people balanced; 41% of hours are in balanced jobs". */
export function balancedLine(a: CategoryAudit): string {
  const n = a.people.length;
  return `${a.balancedPeople} of ${n} ${n === 1 ? 'person' : 'people'} balanced; ${fmtPct(a.balancedHoursShare)} of hours are in balanced jobs`;
}
