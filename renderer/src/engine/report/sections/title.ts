/** The report's title page (alone on page 1): the organization, the date, what the report covers and who rated how. */
import { esc, count, hours } from '../html';
import { ratingSourcesSentence, roundSentence, toleranceText } from '../input';
import type { ReportInput } from '../types';

/** The report's title, also in the running header: what it covers beyond the audit. */
export function reportTitle(input: ReportInput): string {
  if (input.merger) return 'Merger report';
  if (input.proposal) return 'Work audit and proposal';
  if (input.scenarios.length > 1) return 'Work audit and scenarios';
  return 'Work audit';
}

/** The last segment of a path: a report handed to a client should not carry the author's folders. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The plans compared, beyond "Current". */
function scenarioNames(input: ReportInput): string[] {
  return input.scenarios.slice(1).map((s) => s.name);
}

function covers(input: ReportInput): string[] {
  const a = input.audit;
  // The project may already be the merged organization (the app's "use the merged organization"): its
  // file is then only where the first organization came from, so the line names the pooling instead.
  const merged = input.merger && a.totals.people === input.merger.audit.totals.people && a.totals.tasks === input.merger.audit.totals.tasks;
  const source = merged ? ', the organizations below pooled' : a.file ? `, from ${esc(fileName(a.file))}` : '';
  const out = [`An audit of ${count(a.totals.people, 'person’s job', 'people’s jobs')}: ${hours(a.totals.hours)} hours a week over ${count(a.totals.tasks, 'task')}${source}.`];
  if (input.proposal) {
    const r = input.proposal.full.report;
    const label = input.proposal.label.trim();
    out.push(`${label === '' || label.toLowerCase() === 'proposal' ? 'A proposal' : `The proposal “${esc(label)}”`}: jobs rebalanced to within ${toleranceText(r.tolerance)} of the mean empowerment${r.desirability ? ' and desirability' : ''}.`);
  }
  const names = scenarioNames(input);
  if (names.length) out.push(`A comparison of the organization as it is with ${names.length === 1 ? 'the scenario' : `${names.length} scenarios:`} ${names.map((n) => `“${esc(n)}”`).join(', ')}.`);
  if (input.merger) {
    const orgs = input.merger.pooled.organizations;
    out.push(`A merger of ${orgs.map(esc).join(orgs.length === 2 ? ' and ' : ', ')}: their tasks pooled, each organization on its own (federated) and${input.merger.proposal ? ' the merged plan' : ' together'}.`);
  }
  return out;
}

export function titlePage(input: ReportInput): string {
  const a = input.audit;
  const rated = [esc(ratingSourcesSentence(a))];
  if (input.round) rated.push(esc(roundSentence(input.round)));
  const rows: [string, string][] = [
    ['Date', esc(input.date)],
    ['This report covers', covers(input).map((c) => `<div>${c}</div>`).join('')],
    ['Who rated and how', rated.map((r) => `<div>${r}</div>`).join('')],
    ['Scale and tolerance', esc(`Ratings on a ${a.scale.min}–${a.scale.max} scale; a job within ${toleranceText(a.metrics.tolerance)} of the average counts as balanced.`)],
  ];
  if (a.pseudonymized) {
    const hidden = a.hiddenGroups && a.hiddenGroups.roles + a.hiddenGroups.departments > 0 ? ' Roles and departments held by one person are not named either.' : '';
    rows.push(['Names', esc(`People are named by codes (P-001 and so on), not by their names.${hidden}`)]);
  }
  return `<header class="title-page" id="title">
<div class="org">${esc(input.organization)}</div>
<div class="kind">${esc(reportTitle(input))}</div>
<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<p class="foot">Prepared with ${esc(input.generator)}. Every figure is computed from the organization's own task hours and ratings; the method notes at the end say how.</p>
</header>`;
}
