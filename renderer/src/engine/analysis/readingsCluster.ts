/**
 * The coordinator cluster's reading: who is more than 2τ above the mean, how far, whether the ranked
 * jobs show a clear group or a gradual slope, who is above τ and 3τ, and which memberships rest on
 * suggested ratings. When the clearest break sits below fewer people than the cluster holds, the reading
 * says so ("break most clearly below the top 5"), so the group it calls clear is never larger than the
 * cluster. With no empowerment rating at all it says that no job can be compared, not that there is no
 * cluster.
 */
import type { CoordinatorCluster } from './metrics';
import type { Reading } from './readings';
import { gap1, isAre, list, pct, people, pts } from './readingsFormat';

function level(c: CoordinatorCluster, multiple: 1 | 2 | 3): number {
  return c.levels.find((l) => l.multiple === multiple)?.names.length ?? 0;
}

/**
 * The cluster's shape in a few words, for headings (CLI, workbook): "none", "a gradual slope", "a clear
 * group of 7", or "7 people, the clearest break below the top 5" when the clear break sits inside the cluster.
 */
export function clusterShapeLabel(c: CoordinatorCluster): string {
  const n = c.members.length;
  const b = c.largestBreak;
  if (c.kind === 'none' || n === 0) return 'none';
  if (c.kind === 'gradual' || !b) return 'a gradual slope';
  return b.above < n ? `${people(n)}, the clearest break below the top ${b.above}` : `a clear group of ${n}`;
}

/** The distance the break states: to the next job, or to the average when the next job is below it. */
function breakDistance(gap: number, toMean: boolean): string {
  return toMean ? `${gap1(gap)} points above the average (everyone else is at or below it)` : `${gap1(gap)} points above everyone else`;
}

/** The shape of the ranked jobs above the mean, and how many people are above τ and 3τ. */
function shape(c: CoordinatorCluster, tolerance: number): string {
  const n = c.members.length;
  const n1 = level(c, 1);
  const n3 = level(c, 3);
  const b = c.largestBreak;
  const sensitivity = `${people(n1)} ${isAre(n1)} more than ${pts(tolerance)} points above the average and ${people(n3)} more than ${pts(3 * tolerance)} points`;
  const Sensitivity = `${sensitivity[0].toUpperCase()}${sensitivity.slice(1)}`;
  if (c.kind === 'clear' && b && b.above < n) {
    const rest = n - b.above;
    return ` The ranked jobs break most clearly below the top ${b.above} (a gap of ${gap1(b.gap)} points); the other ${rest} ${isAre(rest)} more than ${pts(c.threshold)} points above the average too, without such a gap. ${Sensitivity}.`;
  }
  if (c.kind === 'clear' && b) {
    return ` The ranked jobs show a clear group of ${b.above}, ${breakDistance(b.gap, b.toMean)}. ${Sensitivity}.`;
  }
  const largest = b ? `the largest break between neighbours is ${gap1(b.gap)} points; ` : '';
  return ` The ranked jobs show a gradual slope, with no clear break: ${largest}${people(n)} ${isAre(n)} more than twice the tolerance above, ${sensitivity}.`;
}

/** The members' roles, in the order of each role's highest member (members are ranked highest E first); people without a role are left out. */
function roleList(c: CoordinatorCluster): string {
  const roles = new Map<string, { name: string; people: number }>();
  for (const m of c.members) {
    if (m.role === null || m.role.trim() === '') continue;
    const key = m.role.toLowerCase();
    const r = roles.get(key) ?? { name: m.role, people: 0 };
    r.people++;
    roles.set(key, r);
  }
  return list([...roles.values()].map((r) => (r.people > 1 ? `${r.name} (${r.people})` : r.name)));
}

export function clusterReading(c: CoordinatorCluster, tolerance: number, ratedPeople = 1): Reading {
  const n = c.members.length;
  if (ratedPeople === 0) {
    return {
      key: 'coordinator', label: 'Coordinator cluster', figure: '—', value: null, format: null,
      text: 'No task has an empowerment rating yet, so no job can be compared with the average and the coordinator cluster cannot be looked for.',
    };
  }
  if (n === 0) {
    const n1 = level(c, 1);
    const near = n1 > 0 ? ` ${people(n1)} ${isAre(n1)} more than ${pts(tolerance)} points above it.` : '';
    return {
      key: 'coordinator', label: 'Coordinator cluster', figure: 'none', value: 0, format: 'integer',
      text: `No job is more than ${pts(c.threshold)} points (twice the tolerance) above the average empowerment: there is no coordinator cluster.${near}`,
    };
  }
  const roles = roleList(c);
  const onSuggestions = c.members.filter((m) => m.restsOnSuggestions).length;
  const suggested = onSuggestions > 0 ? ` ${onSuggestions} of them ${isAre(onSuggestions)} in it only because of suggested ratings.` : '';
  return {
    key: 'coordinator', label: 'Coordinator cluster', figure: people(n), value: n, format: 'integer',
    text: `${people(n)} (${pct(c.hoursShare)} of hours)${roles ? ` — ${roles} —` : ''} ${isAre(n)} more than ${pts(c.threshold)} points (twice the tolerance) above the average empowerment, on average ${gap1(c.gap ?? 0)} points above it, and hold${n === 1 ? 's' : ''} ${pct(c.massShare)} of the empowering work (measured from the bottom of the scale): a coordinator cluster.${shape(c, tolerance)}${suggested}`,
  };
}
