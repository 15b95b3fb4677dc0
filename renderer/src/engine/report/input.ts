/**
 * What the app and the CLI both need to build a ReportInput the same way: the scenario comparison
 * (scenario zero then the kept plans, figures by the engine's own scoring), a rating round as the
 * report states it, the sentences on who rated and how, and a proposal with its people's names
 * replaced by the audit's pseudonyms.
 */
import type { AuditReport } from '../analysis/auditReport';
import { ratingSourceShares, sameSources, sourcesPhrase } from '../analysis/ratingSources';
import type { FullProposal } from '../balance/fullProposal';
import type { Organization } from '../model/types';
import type { RoundResult } from '../ratingRound/result';
import type { RoundSensitivity } from '../ratingRound/sensitivity';
import { MAX_COMPARED, scenarioOutcome, type Scenario } from '../scenarios';
import { count, index, setting } from './html';
import type { ReportRound, ReportScenario } from './types';

/** Scenario zero's name in the comparison. */
export const CURRENT_NAME = 'Current';

/** Renames people: a pseudonymizer (analysis/pseudonymize.ts) has both. */
export interface Alias {
  name(name: string): string;
  /** Replaces every quoted known name ("Ana Diaz") in a sentence. */
  text(message: string): string;
}

/**
 * "Current" (the organization as it is) then up to MAX_COMPARED scenarios, each scored with the
 * audit's own functions at tolerance τ (points); `alias` renames the jobs' people (pseudonymize).
 */
export function reportScenarios(org: Organization, scenarios: readonly Scenario[], tolerance: number, alias?: (name: string) => string): ReportScenario[] {
  const plans: { name: string; scenario: Scenario | null }[] = [{ name: CURRENT_NAME, scenario: null }, ...scenarios.slice(0, MAX_COMPARED).map((s) => ({ name: s.name, scenario: s }))];
  return plans.map((p) => {
    const out = scenarioOutcome(org, p.scenario ? p.scenario.allocation : null, tolerance, p.scenario?.settings.chores);
    return { name: p.name, figures: out.figures, jobs: alias ? out.jobs.map((j) => ({ ...j, name: alias(j.name) })) : out.jobs };
  });
}

/** Replaces each of `names` (longest first, so "Ana Diaz" goes before "Ana") written whole in `text`. */
function replaceNames(text: string, names: readonly string[], alias: (name: string) => string): string {
  const sorted = [...new Set(names)].filter((n) => n.trim() !== '').sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return text;
  const pattern = new RegExp(sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(pattern, (n) => alias(n));
}

/**
 * A rating round as the report states it. `org` is the organization with the round applied and any
 * decisions taken (tasks the group decided have source 'council'); `sensitivity` the round's, or null
 * when not computed. Its sentences name people: `alias` renames them.
 */
export function reportRound(result: RoundResult, org: Organization, sensitivity: RoundSensitivity | null, alias?: (name: string) => string): ReportRound {
  const used = result.forms.filter((f) => f.used);
  // A form without a rater's name is one rater of its own.
  const named = new Set(used.filter((f) => f.rater !== null && f.rater.trim() !== '').map((f) => f.rater!.replace(/\s+/g, ' ').trim().toLowerCase()));
  const unnamed = used.filter((f) => f.rater === null || f.rater.trim() === '').length;
  const contested = new Set(result.spreads.filter((s) => s.contested).map((s) => s.taskId));
  let text: string | null = null;
  if (sensitivity) {
    text = [sensitivity.cluster.text, sensitivity.proposal?.text].filter((t): t is string => !!t).join(' ');
    if (alias) text = replaceNames(text, sensitivity.cluster.variants.flatMap((v) => [...v.members, ...v.entering, ...v.leaving]), alias);
  }
  return {
    forms: used.length,
    raters: named.size + unnamed,
    alpha: { ...result.alpha },
    contestedTasks: contested.size,
    decidedTasks: org.tasks.filter((t) => t.source === 'council').length,
    sensitivity: text,
  };
}

function capital(s: string): string {
  return s ? `${s[0].toUpperCase()}${s.slice(1)}` : s;
}

/** Who rated and how, from the audit's tasks: the sources' shares of hours ("92% of hours rated in the file, 8% by suggestion."). */
export function ratingSourcesSentence(audit: AuditReport): string {
  const s = ratingSourceShares(audit.tasks);
  if (s.hours === 0) return 'No hours to rate.';
  if (sameSources(s)) return `${capital(sourcesPhrase(s.empowerment))}.`;
  return `Empowerment: ${sourcesPhrase(s.empowerment)}; desirability: ${sourcesPhrase(s.desirability)}.`;
}

/** The round in one sentence: forms, raters, agreement (Krippendorff's alpha) and the contested and decided tasks. */
export function roundSentence(r: ReportRound): string {
  const alpha = (['empowerment', 'desirability'] as const).filter((d) => r.alpha[d] !== null).map((d) => `${index(r.alpha[d])} for ${d}`);
  const parts = [`${count(r.forms, 'form')} returned by ${count(r.raters, 'rater')}`];
  if (alpha.length) parts.push(`agreement between raters (Krippendorff's alpha) ${alpha.join(' and ')}`);
  if (r.contestedTasks > 0) parts.push(`${count(r.contestedTasks, 'task')} contested`);
  if (r.decidedTasks > 0) parts.push(`${count(r.decidedTasks, 'task')} decided by the group`);
  return `A rating round: ${parts.join('; ')}.`;
}

/**
 * The proposal with every person named by `alias` (the audit's pseudonyms): jobs, transfers, the
 * allocation, training and its trainers, the rotation, and the messages that quote names.
 */
export function pseudonymizeProposal(full: FullProposal, alias: Alias): FullProposal {
  const n = alias.name;
  const r = full.report;
  const blocks = r.blocks
    ? {
        ...r.blocks,
        overNewTasks: r.blocks.overNewTasks.map((o) => ({ ...o, person: n(o.person), message: alias.text(o.message) })),
        outOfBand: r.blocks.outOfBand.map((o) => ({ ...o, person: n(o.person), message: alias.text(o.message), fix: alias.text(o.fix) })),
        remainders: r.blocks.remainders.map((o) => ({ ...o, person: n(o.person) })),
      }
    : r.blocks;
  const rotation = full.rotation
    ? { ...full.rotation, slots: full.rotation.slots.map((s) => ({ ...s, person: n(s.person) })), perPerson: full.rotation.perPerson.map((p) => ({ ...p, person: n(p.person) })), notes: full.rotation.notes.map(alias.text) }
    : null;
  const care = {
    ...full.care,
    training: full.care.training.map((t) => ({ ...t, person: n(t.person), trainers: t.trainers.map(n) })),
    qualifications: full.care.qualifications ? { ...full.care.qualifications, tasks: full.care.qualifications.tasks.map((t) => ({ ...t, newPeople: t.newPeople.map(n) })) } : null,
  };
  return {
    ...full,
    care,
    rotation,
    rotationNote: full.rotationNote === null ? null : alias.text(full.rotationNote),
    report: {
      ...r,
      statusMessage: r.statusMessage === null ? null : alias.text(r.statusMessage),
      allocation: r.allocation.map((a) => ({ ...a, person: n(a.person) })),
      transfers: r.transfers.map((t) => ({ ...t, from: n(t.from), to: n(t.to) })),
      jobs: r.jobs.map((j) => ({ ...j, name: n(j.name) })),
      diagnosis: r.diagnosis ? { ...r.diagnosis, message: alias.text(r.diagnosis.message), blockers: r.diagnosis.blockers.map((b) => ({ ...b, name: b.kind === 'person' || b.kind === 'lock' ? n(b.name) : b.name, message: alias.text(b.message) })) } : null,
      roundingViolations: r.roundingViolations.map((v) => ({ ...v, person: n(v.person) })),
      ...(r.training ? { training: r.training.map((t) => ({ ...t, person: n(t.person), trainers: t.trainers.map(n) })) } : {}),
      ...(r.qualifications ? { qualifications: { ...r.qualifications, tasks: r.qualifications.tasks.map((t) => ({ ...t, newPeople: t.newPeople.map(n) })) } } : {}),
      ...(r.rotation !== undefined ? { rotation } : {}),
      ...(blocks !== undefined ? { blocks } : {}),
    },
  };
}

/** The tolerance as the report's prose writes it: "±0.95 points". */
export function toleranceText(tolerance: number): string {
  const t = setting(tolerance);
  return `±${t} point${t === '1' ? '' : 's'}`;
}
