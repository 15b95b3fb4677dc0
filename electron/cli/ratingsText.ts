/** `fairshare ratings collect` output: the round as JSON (the CLI contract of issue 17) and as text. */
import type { RoundResult } from '../../renderer/src/engine/ratingRound/result';
import type { RoundSensitivity } from '../../renderer/src/engine/ratingRound/sensitivity';
import { count } from './summary';
import { oneLine } from './terminal';

/** Issues printed before "… and N more (use --json)". */
const MAX_ISSUES = 30;
/** Tasks listed in the text output, contested first. */
const MAX_TASKS = 40;

/** Points rounded to 10⁻⁶ so quartiles like 12.749999999 print as the number they are. */
function tidy(n: number | null): number | null {
  return n === null ? null : Math.round(n * 1e6) / 1e6;
}

/**
 * `--json`: tasks[] {name, dimension, raters, median, q1, q3, contested}, alpha, groups[], issues[] (and the
 * forms, readings, contested hours after the round, and the sensitivity when a form was used).
 */
export function roundJson(r: RoundResult, hours: { hours: number; share: number }, written: string | null, sensitivity: RoundSensitivity | null = null) {
  return {
    tolerance: r.tolerance,
    forms: r.forms,
    tasks: r.spreads.map((s) => ({ name: s.name, dimension: s.dimension, raters: s.raters, median: tidy(s.median), q1: tidy(s.q1), q3: tidy(s.q3), contested: s.contested, values: s.values })),
    alpha: r.alpha,
    alphaReading: { empowerment: r.alphaReading.empowerment.text, desirability: r.alphaReading.desirability.text },
    groups: r.groups.map((g) => ({ ...g, groups: g.groups.map((x) => ({ ...x, median: tidy(x.median), gap: tidy(x.gap) })) })),
    contestedHours: { hours: tidy(hours.hours), share: tidy(hours.share) },
    ...(sensitivity ? { sensitivity: sensitivityJson(sensitivity) } : {}),
    issues: r.issues,
    ...(written ? { written } : {}),
  };
}

function sensitivityJson(s: RoundSensitivity) {
  const p = s.proposal;
  return {
    ...s,
    proposal: p && { ...p, min: tidy(p.min), max: tidy(p.max), variants: p.variants.map((v) => ({ ...v, movedHours: tidy(v.movedHours) })) },
  };
}

function pts(n: number | null): string {
  return n === null ? '—' : String(Math.round(n * 100) / 100);
}

function signed(n: number | null): string {
  return n === null ? '—' : `${n > 0 ? '+' : ''}${pts(n)}`;
}

function pad(s: string, w: number): string {
  return s.length >= w ? s.slice(0, w - 1) + '…' : s + ' '.repeat(w - s.length);
}

/** The round in words: forms used, each task's spread (contested first), agreement, who rates how, issues. */
export function roundText(r: RoundResult, hours: { hours: number; share: number } | null, written: string | null, sensitivity: RoundSensitivity | null = null): string {
  const used = r.forms.filter((f) => f.used).length;
  const out = [`Rating round: ${count(used, 'form')} used of ${r.forms.length} returned; τ = ${pts(r.tolerance)} points (contested: IQR above ${pts(2 * r.tolerance)}, or a split into both extreme thirds)`];
  const rated = r.spreads.filter((s) => s.raters > 0);
  const contested = rated.filter((s) => s.contested);
  out.push('', `${count(contested.length, 'contested rating')} of ${rated.length} rated (task × dimension):`);
  const shown = [...contested, ...rated.filter((s) => !s.contested)].slice(0, MAX_TASKS);
  out.push(`  ${pad('Task', 34)} ${pad('Dimension', 13)} Raters  Median  Q1–Q3`);
  for (const s of shown) {
    out.push(`  ${pad(oneLine(s.name), 34)} ${pad(s.dimension, 13)} ${pad(String(s.raters), 7)} ${pad(pts(s.median), 7)} ${pts(s.q1)}–${pts(s.q3)}${s.contested ? '  contested' : ''}`);
  }
  if (rated.length > shown.length) out.push(`  … and ${rated.length - shown.length} more (use --json)`);
  const unrated = r.spreads.length - rated.length;
  if (unrated > 0) out.push(`  ${count(unrated, 'task rating')} no one gave (task × dimension): those keep their rating`);
  out.push('', 'Agreement (Krippendorff’s alpha, interval):');
  out.push(`  Empowerment: ${r.alphaReading.empowerment.text}`, `  Desirability: ${r.alphaReading.desirability.text}`);
  out.push('', 'Who rates how (median of each group’s task medians; gap = median difference from the other raters on the tasks both rated):');
  for (const g of r.groups) {
    if (g.groups.length === 0) continue;
    out.push(`  ${g.by === 'coordinator' ? 'Coordinator cluster vs everyone else' : 'By department'}, ${g.dimension}:`);
    for (const x of g.groups) out.push(`    ${pad(oneLine(x.name), 30)} ${count(x.raters, 'rater')}, median ${pts(x.median)}, gap ${signed(x.gap)} (${count(x.sharedTasks, 'shared task')})`);
  }
  if (hours) out.push('', `Hours resting on contested ratings: ${pts(hours.hours)} a week (${(hours.share * 100).toFixed(1)}% of all hours)`);
  if (sensitivity) {
    out.push('', `Sensitivity (${count(sensitivity.contestedRatings, 'contested rating')} at the lower quartile, median and upper quartile):`, `  ${oneLine(sensitivity.cluster.text)}`);
    if (sensitivity.proposal) out.push(`  ${oneLine(sensitivity.proposal.text)}`);
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const list = r.issues.filter((i) => i.severity === severity);
    if (list.length === 0) continue;
    out.push('', `${count(list.length, severity)}:`);
    for (const i of list.slice(0, MAX_ISSUES)) {
      const where = [!i.message.includes(i.file) && i.file, i.sheet && `sheet "${i.sheet}"`, i.row !== null && `row ${i.row}`, i.column && `column ${i.column}`].filter(Boolean).join(', ');
      out.push(`  ${oneLine(i.message)}${where ? ` (${where})` : ''}`);
    }
    if (list.length > MAX_ISSUES) out.push(`  … and ${list.length - MAX_ISSUES} more (use --json)`);
  }
  if (written) out.push('', `Wrote ${written}`);
  return out.join('\n') + '\n';
}
