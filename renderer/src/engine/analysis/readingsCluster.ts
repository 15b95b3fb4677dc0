/**
 * The coordinator cluster's reading: who is more than 2τ above the mean, how far, whether the ranked
 * jobs show a clear group or a gradual slope, who is above τ and 3τ, and which memberships rest on
 * suggested ratings.
 */
import type { CoordinatorCluster } from './metrics';
import type { Reading } from './readings';
import { gap1, isAre, list, pct, people, pts } from './readingsFormat';

function level(c: CoordinatorCluster, multiple: 1 | 2 | 3): number {
  return c.levels.find((l) => l.multiple === multiple)?.names.length ?? 0;
}

/** The shape of the ranked jobs above the mean, and how many people are above τ and 3τ. */
function shape(c: CoordinatorCluster, tolerance: number): string {
  const n = c.members.length;
  const n1 = level(c, 1);
  const n3 = level(c, 3);
  const b = c.largestBreak;
  const sensitivity = `${people(n1)} ${isAre(n1)} more than ${pts(tolerance)} points above the average and ${people(n3)} more than ${pts(3 * tolerance)} points`;
  if (c.kind === 'clear' && b) {
    return ` The ranked jobs show a clear group of ${b.above}, ${gap1(b.gap)} points above everyone else. ${sensitivity[0].toUpperCase()}${sensitivity.slice(1)}.`;
  }
  const largest = b ? `the largest break between neighbours is ${gap1(b.gap)} points; ` : '';
  return ` The ranked jobs show a gradual slope, with no clear break: ${largest}${people(n)} ${isAre(n)} more than twice the tolerance above, ${sensitivity}.`;
}

export function clusterReading(c: CoordinatorCluster, tolerance: number): Reading {
  const n = c.members.length;
  if (n === 0) {
    const n1 = level(c, 1);
    const near = n1 > 0 ? ` ${people(n1)} ${isAre(n1)} more than ${pts(tolerance)} points above it.` : '';
    return {
      key: 'coordinator', label: 'Coordinator cluster', figure: 'none', value: 0, format: 'integer',
      text: `No job is more than ${pts(c.threshold)} points (twice the tolerance) above the average empowerment: there is no coordinator cluster.${near}`,
    };
  }
  const roles = list(c.roles.map((r) => (r.people > 1 ? `${r.name} (${r.people})` : r.name)));
  const onSuggestions = c.members.filter((m) => m.restsOnSuggestions).length;
  const suggested = onSuggestions > 0 ? ` ${onSuggestions} of them ${isAre(onSuggestions)} in it only because of suggested ratings.` : '';
  return {
    key: 'coordinator', label: 'Coordinator cluster', figure: people(n), value: n, format: 'integer',
    text: `${people(n)} (${pct(c.hoursShare)} of hours) — ${roles} — ${isAre(n)} more than ${pts(c.threshold)} points (twice the tolerance) above the average empowerment, on average ${gap1(c.gap ?? 0)} points above it, and hold${n === 1 ? 's' : ''} ${pct(c.massShare)} of the empowering work: a coordinator cluster.${shape(c, tolerance)}${suggested}`,
  };
}
