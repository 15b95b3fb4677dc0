/**
 * `fairshare report` (issue 18): the printable report of a spreadsheet or a project — its audit, a
 * proposal or a kept scenario, the project's scenarios compared — as one self-contained HTML file,
 * or printed to PDF by a Chromium (chromium.ts).
 */
import { basename, extname } from 'node:path';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { pseudonymizer } from '../../renderer/src/engine/analysis/pseudonymize';
import { findSingletons, hideSingletons, HIDDEN_GROUP, type Singletons } from '../../renderer/src/engine/analysis/singletons';
import { DEFAULT_GRANULARITY } from '../../renderer/src/engine/balance/blocks/types';
import { makeProposal } from '../../renderer/src/engine/balance/fullProposal';
import { PROJECT_EXTENSION } from '../../renderer/src/engine/formats/projectFile';
import type { Organization } from '../../renderer/src/engine/model/types';
import { buildReportHtml, reportScenarios } from '../../renderer/src/engine/report';
import type { ReportInput } from '../../renderer/src/engine/report/types';
import { applyScenario, MAX_COMPARED, type Scenario } from '../../renderer/src/engine/scenarios';
import { singletonWarning } from './audit';
import { findChromium, printToPdf } from './chromium';
import { loadOrganization, today, Unusable, writeAtomically } from './io';
import type { ReportArgs } from './reportArgs';
import { findScenario, scenarioProposal, UnknownScenario } from './reportScenario';
import { oneLine } from './terminal';

declare const FAIRSHARE_VERSION: string;

function warn(text: string): void {
  process.stderr.write(`fairshare: warning: ${text}\n`);
}

/**
 * The organization as the report names it: people by their codes when pseudonymized (the audit's
 * codes: the same names feed the same pseudonymizer), one-person roles and departments hidden when asked.
 */
function shownOrganization(org: Organization, issuePeople: string[], args: ReportArgs, singletons: Singletons | null): Organization {
  const alias = args.pseudonymize ? pseudonymizer(org.people.map((p) => p.name), issuePeople) : null;
  const hidden = singletons ? { role: new Set(singletons.roles.map((n) => n.toLowerCase())), department: new Set(singletons.departments.map((n) => n.toLowerCase())) } : null;
  const mask = (key: 'role' | 'department', v: string | null) => (v !== null && hidden?.[key].has(v.toLowerCase()) ? HIDDEN_GROUP : v);
  if (!alias && !hidden) return org;
  return { ...org, people: org.people.map((p) => ({ ...p, name: alias ? alias.name(p.name) : p.name, role: mask('role', p.role), department: mask('department', p.department) })) };
}

/** The scenarios to compare: the chosen one first, then the others the project keeps, as many as the comparison holds; those that no longer fit are left out with a warning. */
function compared(org: Organization, scenarios: readonly Scenario[], chosen: Scenario | null): Scenario[] {
  const ordered = chosen ? [chosen, ...scenarios.filter((s) => s !== chosen)] : [...scenarios];
  const fitting = ordered.filter((s) => {
    const fit = applyScenario(org, s);
    if (!fit.ok) warn(`left out of the comparison: ${fit.error}`);
    return fit.ok;
  });
  if (fitting.length > MAX_COMPARED) warn(`the comparison holds ${MAX_COMPARED} scenarios: ${fitting.slice(MAX_COMPARED).map((s) => `"${s.name}"`).join(', ')} left out`);
  return fitting.slice(0, MAX_COMPARED);
}

/** Everything the engine's report needs, from the command line's choices. */
export async function reportInput(args: ReportArgs): Promise<ReportInput> {
  const { organization: org, result, projectName, project } = await loadOrganization(args);
  const isProject = result.format === PROJECT_EXTENSION;
  if (args.scenario !== undefined && !isProject) throw new Unusable(`${args.file} is a spreadsheet: scenarios live in Fairshare projects (.fairshare); keep a proposal as a scenario in the app and save the project`);
  const scenarios = project?.scenarios ?? [];
  const chosen = args.scenario !== undefined ? findScenario(scenarios, args.scenario, args.file) : null;

  const built = buildAuditReport(
    { organization: org, issues: result.issues, layout: result.layout, file: args.file, format: result.format },
    { tolerance: args.tolerance, pseudonymize: args.pseudonymize },
  );
  let audit: AuditReport = built;
  let singletons: Singletons | null = null;
  if (args.pseudonymize) {
    const found = findSingletons(built.people);
    if (args.hideSingleRoles) {
      singletons = found;
      audit = hideSingletons(built, org, found);
    } else {
      const warning = singletonWarning(found);
      if (warning) warn(warning);
    }
  }
  const shown = shownOrganization(org, result.issues.flatMap((i) => i.people ?? []), args, singletons);
  // The audit's τ in points (the flag, the project's, or 5% of the range): the comparison is read at it.
  const tolerance = audit.metrics.tolerance;

  let proposal: ReportInput['proposal'] = null;
  if (args.proposal) {
    // Loaded only when a plan is made, from node_modules (kept out of the bundle so the CLI starts fast).
    const highs = await (await import('highs')).default();
    // `propose`'s defaults: both dimensions, whole blocks, chores marked in the file rotating.
    const full = makeProposal(shown, highs, { tolerance: args.tolerance, desirability: true, granularity: DEFAULT_GRANULARITY, file: args.file });
    proposal = { label: 'Proposal', full };
  } else if (chosen) {
    const { full, note } = scenarioProposal(shown, chosen, args.file);
    if (note) warn(`scenario "${chosen.name}": ${note}`);
    proposal = { label: chosen.name, full };
  }
  const kept = compared(shown, scenarios, chosen);
  return {
    organization: args.name ?? (projectName?.trim() || basename(args.file, extname(args.file))),
    date: today(),
    generator: `Fairshare ${typeof FAIRSHARE_VERSION === 'string' ? FAIRSHARE_VERSION : 'dev'}`,
    pageSize: args.pageSize,
    audit,
    proposal,
    scenarios: kept.length ? reportScenarios(shown, kept, tolerance) : [],
    merger: null,
    round: null,
  };
}

export async function report(args: ReportArgs): Promise<number> {
  // A PDF needs a Chromium: said before any work is done.
  const chromium = args.format === 'pdf' ? findChromium(args.chromium) : null;
  let input: ReportInput;
  try {
    input = await reportInput(args);
  } catch (err) {
    if (!(err instanceof UnknownScenario)) throw err;
    process.stderr.write(`fairshare: ${oneLine(err.message)}\n`);
    return 2;
  }
  const html = buildReportHtml(input);
  if (chromium) await printToPdf(chromium, html, args.out);
  else writeAtomically(args.out, new TextEncoder().encode(html));
  process.stdout.write(`Wrote ${args.out}\n`);
  return 0;
}
