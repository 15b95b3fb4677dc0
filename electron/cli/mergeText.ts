/** `fairshare merge`'s output: the merger's figures as text lines and as the `--json` object (issue 16). */
import type { MergerResult } from '../../renderer/src/engine/merge/planMerger';
import type { ImportIssue } from '../../renderer/src/engine/model/types';
import { count } from './summary';
import { hours } from './proposeCare';
import { oneLine } from './terminal';

/** Numbers to 4 decimals, deep: solver float noise (286.00000000003 h) is not precision. */
function rounded<T>(x: T): T {
  if (typeof x === 'number') return (Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : x) as T;
  if (Array.isArray(x)) return x.map(rounded) as T;
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, rounded(v)])) as T;
  return x;
}

/** The `--json` object (DESIGN.md §4 and issue 16's contract, plus the figures behind the text). */
export function mergerJson(r: MergerResult, issues: readonly ImportIssue[]) {
  return {
    tolerance: r.tolerance,
    organizations: rounded(r.federated.organizations),
    matches: r.matches.map((m) => ({ ...m, score: Math.round(m.score * 1000) / 1000 })),
    contested: rounded(r.pooled.contested),
    doneOnce: rounded(r.pooled.doneOnce),
    freedHours: rounded(r.pooled.freedHours),
    theil: rounded(r.federated.theil.empowerment),
    theilDesirability: rounded(r.federated.theil.desirability),
    audit: r.audit,
    ...(r.federatedPlans ? { federatedPlans: rounded(r.federatedPlans) } : {}),
    ...(r.proposal ? { proposal: r.proposal.report } : {}),
    ...(r.noCrossNote ? { noCrossNote: r.noCrossNote } : {}),
    programme: rounded(r.outcome.programme),
    control: rounded(r.outcome.control),
    crossing: rounded(r.outcome.crossing),
    notes: r.pooled.notes,
    issues,
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const pts = (x: number | null) => (x === null ? '—' : x.toFixed(1));
const pad = (s: string, w: number) => (s.length >= w ? s.slice(0, w - 1) + '…' : s + ' '.repeat(w - s.length));
const quote = (s: string) => `"${oneLine(s)}"`;

/** Who is merged, how their tasks matched, the contested ratings, the tasks done once and the federated view. */
export function mergerLines(r: MergerResult): string[] {
  const orgs = r.federated.organizations;
  const people = orgs.reduce((s, o) => s + o.people, 0);
  const total = orgs.reduce((s, o) => s + o.hours, 0);
  const lines = [`Merging ${orgs.map((o) => `${o.name} (${count(o.people, 'person', 'people')}, ${hours(o.hours)} a week)`).join(' and ')}: one organization of ${people} people and ${hours(total)} a week.`];
  const auto = r.matches.filter((m) => m.status === 'auto').length;
  const accepted = r.matches.filter((m) => m.status === 'accepted').length;
  const proposed = r.matches.filter((m) => m.status === 'proposed');
  const rejected = r.matches.filter((m) => m.status === 'rejected').length;
  lines.push(`Tasks: ${r.pooled.organization.tasks.length} after pooling; ${count(auto, 'match', 'matches')} found automatically (the same task by ID or by name, however it is written)${accepted ? `, ${accepted} accepted by hand` : ''}${rejected ? `, ${rejected} rejected` : ''}.`);
  if (proposed.length) {
    lines.push(`${count(proposed.length, 'close variant')} proposed, kept apart until a person accepts ${proposed.length === 1 ? 'it' : 'them'} (print --json, set "status" to "accepted" or "rejected", pass the file back with --matches):`);
    for (const m of proposed.slice(0, 10)) lines.push(`  ${quote(m.a)} (${oneLine(m.organizationA)}) ~ ${quote(m.b)} (${oneLine(m.organizationB)}), score ${m.score.toFixed(2)}: ${m.reason}`);
    if (proposed.length > 10) lines.push(`  … and ${proposed.length - 10} more (--json lists them all)`);
  }
  const scale = r.audit.scale;
  if (r.pooled.contested.length) {
    lines.push(`Ratings on ${oneLine(orgs[0].name)}'s scale ${scale.min}–${scale.max}; where organizations rated a task more than ±${r.tolerance} points apart, the pooled rating is their median and the task is contested:`);
    for (const c of r.pooled.contested) lines.push(`  ${quote(c.task)} ${c.dimension}: ${c.ratings.map((x) => `${oneLine(x.organization)} ${pts(x.value)}`).join(', ')} → ${pts(c.pooled)}`);
  } else lines.push(`Ratings on ${oneLine(orgs[0].name)}'s scale ${scale.min}–${scale.max}; no shared task is rated more than ±${r.tolerance} points apart.`);
  if (r.pooled.doneOnce.length) {
    lines.push(`Done once after the merger: ${hours(r.pooled.freedHours)} a week freed for programme work (not people to cut):`);
    for (const d of r.pooled.doneOnce) lines.push(`  ${quote(d.task)}: ${hours(d.before)} → ${hours(d.after)} (${d.byOrganization.map((b) => `${oneLine(b.organization)} frees ${hours(b.freed)}`).join(', ')})`);
  }
  for (const n of r.pooled.notes) lines.push(`Not applied: ${oneLine(n)}`);
  lines.push('', 'Federated view (each organization on its own, on the pooled ratings):');
  lines.push(`  ${pad('Organization', 28)}${pad('People', 8)}${pad('Hours', 10)}${pad('E mean', 8)}${pad('E abs. Gini', 13)}${pad(`Within ±${r.tolerance}`, 13)}${pad('D mean', 8)}`);
  for (const o of orgs) lines.push(`  ${pad(oneLine(o.name), 28)}${pad(String(o.people), 8)}${pad(o.hours.toFixed(1), 10)}${pad(pts(o.empowerment.mean), 8)}${pad(o.empowerment.absoluteGini.toFixed(2), 13)}${pad(pct(o.empowerment.withinTolerance), 13)}${pad(pts(o.desirability.mean), 8)}`);
  const t = r.federated.theil.empowerment;
  const share = t.total > 0 ? ` (${pct(t.between / t.total)})` : '';
  lines.push(`Theil index of empowerment over all ${people} people: ${t.total.toFixed(4)}; between organizations ${t.between.toFixed(4)}${share}, within them ${t.within.toFixed(4)}.`);
  for (const f of r.federatedPlans ?? []) {
    lines.push(`  ${oneLine(f.organization)} balanced within itself: ${f.status === 'optimal' ? `${hours(f.movedHours)} change hands in ${count(f.transfers, 'transfer')}${f.bound !== null ? ` (exact minimum ${hours(f.bound)})` : ''}` : f.status === 'balanced' ? 'already within the band' : f.status}.`);
  }
  return lines;
}

/** What the merged plan does to each side: work crossing organizations, programme hours kept, who controls the money. */
export function outcomeLines(r: MergerResult): string[] {
  const o = r.outcome;
  const lines: string[] = [''];
  if (r.noCrossNote) lines.push(r.noCrossNote);
  if (o.crossing) {
    lines.push(`Work crossing organizations in the merged plan: ${hours(o.crossing.hours)} a week. ${o.crossing.byOrganization.map((b) => `${oneLine(b.organization)} takes on ${hours(b.took)} of work others did and passes on ${hours(b.gave)}`).join('; ')}.`);
  }
  const orgRows = o.programme.filter((p) => p.department === null);
  lines.push(`Programme hours by organization of origin (all the work each brought), before → after the merged plan: ${orgRows.map((p) => `${oneLine(p.organization)} ${hours(p.before)} → ${p.after === null ? '(no plan)' : hours(p.after)}`).join('; ')}.`);
  if (o.control.length) {
    const orgs = r.pooled.organizations;
    lines.push('', `Who controls the money, hiring and strategy: share of each task's hours held by the top 10% of people (${orgs.map(oneLine).join(', ')} before; merged after):`);
    for (const c of o.control) {
      const before = c.before.map((b) => (b.hours > 0 ? `${pct(b.top10Share)} of ${hours(b.hours)}` : '—')).join(' | ');
      lines.push(`  ${pad(oneLine(c.task), 40)}${before}  →  ${c.after ? `${pct(c.after.top10Share)} of ${hours(c.after.hours)} (${count(c.after.people, 'person', 'people')})` : '(no plan)'}`);
    }
  } else lines.push('No task is recognized as carrying control over money, hiring or strategy.');
  return lines;
}
