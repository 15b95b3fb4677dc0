/**
 * The rows of the category mix chart: the organization's mix first (the reference bar), then each
 * person's shares, furthest off the mix (highest score) first, up to `limit` people; or, for a plan,
 * each person's mix now and after it. Shares are 0–1 under keys c0, c1, … in the audit's category
 * order (a category key may be empty: "(none)").
 */
import type { CategoryAudit } from '../../engine/categories/shares';

export interface MixRow {
  label: string;
  /** ½Σ|s − S|, 0–1; 0 for the reference bar. */
  score: number;
  balanced: boolean;
  reference: boolean;
  /** Drawn pale: a person's mix now, beside their mix after a plan. */
  faded?: boolean;
  [share: `c${number}`]: number;
}

export const ORGANIZATION_LABEL = 'Organization';

const shareKeys = (audit: CategoryAudit, of: (key: string) => number) => Object.fromEntries(audit.categories.map((c, i) => [`c${i}`, of(c.key)]));

export function mixRows(audit: CategoryAudit, name: (n: string) => string = (n) => n, limit = Infinity): MixRow[] {
  const shares = (of: (key: string) => number) => shareKeys(audit, of);
  const reference: MixRow = { label: ORGANIZATION_LABEL, score: 0, balanced: true, reference: true, ...shares((k) => audit.categories.find((c) => c.key === k)!.share) };
  const people = [...audit.people]
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((p): MixRow => ({ label: name(p.name), score: p.score, balanced: p.balanced, reference: false, ...shares((k) => p.shares[k] ?? 0) }));
  return [reference, ...people];
}

/**
 * A plan's chart: the organization's mix, then per person (furthest off now first, up to `limit`
 * people) two bars, "Name · now" and "Name · after". `after` is the audit of the plan's allocation:
 * the same people, hours and categories.
 */
export function beforeAfterRows(before: CategoryAudit, after: CategoryAudit, name: (n: string) => string = (n) => n, limit = Infinity): MixRow[] {
  const [reference] = mixRows(before, name, 0);
  const afterOf = new Map(after.people.map((p) => [p.personId, p]));
  const rows: MixRow[] = [reference];
  const people = [...before.people].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
  for (const p of people) {
    const q = afterOf.get(p.personId) ?? p;
    rows.push({ label: `${name(p.name)} · now`, score: p.score, balanced: p.balanced, reference: false, faded: true, ...shareKeys(before, (k) => p.shares[k] ?? 0) });
    rows.push({ label: `${name(p.name)} · after`, score: q.score, balanced: q.balanced, reference: false, ...shareKeys(before, (k) => q.shares[k] ?? 0) });
  }
  return rows;
}
