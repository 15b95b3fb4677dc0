// The both-dimensions table of bench/propose.mjs (issue 14): empowerment only next to empowerment and desirability.
import { loadavg } from 'node:os';
import { int, printTable, round, sec } from './report.mjs';

/** A phase's in-process milliseconds from a runner's output. */
export const phaseMs = (out, phase) => out?.phases?.find((x) => x.phase === phase)?.ms ?? null;

/**
 * Empowerment only next to empowerment and desirability: one `agg` and one `full` run of each per size
 * (a full run at 2,000 people with both takes minutes, so no repeats). `options s` is the options
 * curve alone: the full run's in-process time minus the agg run's. `run(mode, people, opts, timeoutMs)`
 * is propose.mjs's child-process measurement.
 */
export async function bothDimensions(opts, run) {
  console.log(`\nBoth dimensions (propose's default since issue 14) next to empowerment only, tolerance ±${opts.tolerance} points; one run each, its own process.`);
  const out = [];
  for (const people of opts.bothSizes) {
    const row = { people, load1m: round(loadavg()[0], 2) };
    for (const [key, desirability] of [['empowerment', false], ['both', true]]) {
      process.stdout.write(`${int(people)} people, ${key}: `);
      const o = { ...opts, desirability };
      const agg = await run('agg', people, o, opts.timeoutS * 1000);
      const full = await run('full', people, o, opts.timeoutS * 1000);
      process.stdout.write(`${agg.error ?? 'ok'}, ${full.error ?? 'ok'}\n`);
      const a = agg.out;
      const f = full.out;
      row[key] = {
        status: a?.status ?? agg.error,
        classes: a?.model.classes ?? null,
        columns: a?.model.columns ?? null,
        rows: a?.model.rows ?? null,
        proposeMs: round(a?.wallMs, 1),
        solveMs: round(phaseMs(a, 'solve'), 1),
        processMs: round(agg.proc.wallMs, 1),
        moved: a?.moved ?? null,
        withOptionsMs: round(f?.wallMs, 1),
        withOptionsProcessMs: round(full.proc.wallMs, 1),
        // propose traces the curve only after a plan; without one there is no curve to time.
        optionsMs: a && f?.options?.length ? round(f.wallMs - a.wallMs, 1) : null,
        optionStatuses: f?.options?.length ? f.options.map((x) => `${x.tolerance}:${x.status}`) : null,
      };
    }
    out.push(row);
  }
  const s = (ms) => (ms === null || ms === undefined ? '–' : sec(ms, 2));
  const cells = (x) => [x.status, x.classes === null ? '–' : `${x.classes} / ${int(x.columns)}×${int(x.rows)}`, s(x.solveMs), s(x.proposeMs), s(x.processMs), s(x.optionsMs), x.optionStatuses === null ? 'no curve (no plan)' : x.optionStatuses.filter((t) => !t.endsWith(':optimal')).join(' ') || 'all optimal'];
  printTable(
    ['people', 'load', 'E: status', 'classes / cols×rows', 'solve s', 'propose s', 'process s', 'options s', 'options not optimal', 'E+D: status', 'classes / cols×rows', 'solve s', 'propose s', 'process s', 'options s', 'options not optimal'],
    out.map((r) => [int(r.people), r.load1m.toFixed(2), ...cells(r.empowerment), ...cells(r.both)]),
    [true, true, false, false, true, true, true, true, false, false, false, true, true, true, true, false],
  );
  console.log('solve s: the LP solve inside propose (HiGHS, wall); propose s: propose(…, {skipOptions: true}) in-process; process s: that whole child\n' +
    'process (Node start-up, generating the organization, loading HiGHS, propose, checks); options s: the options curve alone (full run − agg run).\n' +
    'Issue-14 targets at 2,000 people, both dimensions: the plan < 5 s whole process, the options curve < 3 s.');
  return out;
}
