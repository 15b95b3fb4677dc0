/**
 * The rows of the category mix chart: the organization's mix first (the reference bar), then each
 * person's shares, furthest off the mix (highest score) first, up to `limit` people. Shares are 0–1
 * under keys c0, c1, … in the audit's category order (a category key may be empty: "(none)").
 */
import type { CategoryAudit } from '../../engine/categories/shares';

export interface MixRow {
  label: string;
  /** ½Σ|s − S|, 0–1; 0 for the reference bar. */
  score: number;
  balanced: boolean;
  reference: boolean;
  [share: `c${number}`]: number;
}

export const ORGANIZATION_LABEL = 'Organization';

export function mixRows(audit: CategoryAudit, name: (n: string) => string = (n) => n, limit = Infinity): MixRow[] {
  const shares = (of: (key: string) => number) => Object.fromEntries(audit.categories.map((c, i) => [`c${i}`, of(c.key)]));
  const reference: MixRow = { label: ORGANIZATION_LABEL, score: 0, balanced: true, reference: true, ...shares((k) => audit.categories.find((c) => c.key === k)!.share) };
  const people = [...audit.people]
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((p): MixRow => ({ label: name(p.name), score: p.score, balanced: p.balanced, reference: false, ...shares((k) => p.shares[k] ?? 0) }));
  return [reference, ...people];
}
