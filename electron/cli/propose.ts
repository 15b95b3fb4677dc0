/**
 * `fairshare propose`: the rebalanced jobs, as text, JSON and a proposal workbook. Exits 0 whatever
 * the proposal's status (infeasible, invalid input, time limit): the status says what happened.
 */
import { propose as solve } from '../../renderer/src/engine/balance/propose';
import { buildProposalReport, type ProposalReport } from '../../renderer/src/engine/balance/proposalReport';
import { writeProposalWorkbook } from '../../renderer/src/engine/formats/proposalWorkbook';
import type { ProposeArgs } from './args';
import { loadOrganization, today, writeAtomically } from './io';

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function formatProposal(r: ProposalReport): string {
  const lines = [`${r.file}: rebalancing to ±${r.tolerance} points of the mean empowerment${r.desirability ? ' and desirability' : ''}`];
  if (r.status === 'invalid-input' || r.status === 'time-limit' || r.status === 'solver-failed') {
    lines.push(`No proposal (${r.status}): ${r.statusMessage ?? ''}`);
  } else if (r.status === 'infeasible') {
    lines.push(`Cannot be met. ${r.diagnosis?.message ?? ''}`);
  } else if (r.status === 'balanced') {
    lines.push('Every job is already within the band: nothing needs to move.');
  } else {
    const suggested = r.movedOnSuggested > 0 ? ` ${r.movedOnSuggested.toFixed(1)} h of them are on tasks with suggested ratings.` : '';
    lines.push(`${r.movedHours.toFixed(1)} of ${r.totalHours.toFixed(0)} weekly hours change hands (${pct(r.movedHours / r.totalHours)}), in ${r.transfers.length} transfers.${suggested}`);
    lines.push(`Empowerment Gini ${r.before.gini.toFixed(2)} → ${r.after.gini.toFixed(2)}; within tolerance ${pct(r.before.withinTolerance)} → ${pct(r.after.withinTolerance)} of hours; coordinator cluster ${r.before.coordinatorPeople} → ${r.after.coordinatorPeople} people.`);
    if (r.granularity > 0) lines.push(`${r.rounded ? `Rounded to ${r.granularity} h` : `Asked to round to ${r.granularity} h`}: ${r.roundingNote}`);
    const biggest = [...r.jobs].filter((j) => j.gained.length).sort((a, b) => b.gained.reduce((s, g) => s + g.hours, 0) - a.gained.reduce((s, g) => s + g.hours, 0)).slice(0, 8);
    if (biggest.length) lines.push('', 'Largest changes:');
    for (const j of biggest) {
      lines.push(`  ${j.name} (${j.role ?? '—'}): E ${j.empowermentBefore?.toFixed(1)} → ${j.empowermentAfter?.toFixed(1)}; takes ${j.gained.map((g) => `${g.task} ${g.hours} h`).join(', ')}; gives up ${j.givenUp.map((g) => `${g.task} ${g.hours} h`).join(', ') || 'nothing'}`);
    }
  }
  if (r.options.length) {
    lines.push('', 'Options (tolerance → hours moved, Gini after):');
    for (const o of r.options) lines.push(`  ±${o.tolerance}: ${o.status === 'optimal' ? `${o.movedHours?.toFixed(1)} h, Gini ${o.gini?.toFixed(2)}` : o.status === 'time-limit' ? 'no answer within the time limit' : 'cannot be met'}`);
  }
  return lines.join('\n');
}

export async function propose(args: ProposeArgs): Promise<number> {
  const { organization } = loadOrganization(args);
  // Loaded only for propose, from node_modules (kept out of the bundle so audit starts fast).
  const { default: loadHighs } = await import('highs');
  const highs = await loadHighs();
  const proposal = solve(organization, highs, { tolerance: args.tolerance, desirability: args.desirability, granularity: args.granularity });
  const report = buildProposalReport(organization, proposal, args.file, args.granularity);
  if (args.out) writeAtomically(args.out, writeProposalWorkbook(report, today()));
  process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatProposal(report) + (args.out ? `\nWrote ${args.out}\n` : '\n'));
  return 0;
}
