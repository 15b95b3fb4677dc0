// One merger measurement, run in its own process by bench/merge.mjs (bundled with esbuild, 'highs'
// external). Prints one JSON object on stdout.
//
//   node merge-runner.cjs PEOPLE [--desirability] [--federated] [--extras]
//
// Two organizations of PEOPLE people each are generated (bench/lib/propose-org.mjs with two seeds:
// their task pools overlap in part, the shared tasks rated differently), the second one's task
// names written as people write them (lower case, "&" for "and", extra spaces) so matching has
// work to do. Then, each timed: matchTasks, planMerger (pool, merged audit, federated view and the
// merged proposal with its default block plan; E only unless --desirability; the options curve and
// learning cost only with --extras, as the app computes them after painting the plan).
import loadHighs from 'highs';
import { matchTasks } from '../../renderer/src/engine/merge/match';
import { planMerger } from '../../renderer/src/engine/merge/planMerger';
import type { MergeSource } from '../../renderer/src/engine/merge/types';
import type { Organization } from '../../renderer/src/engine/model/types';
// @ts-expect-error plain JavaScript helper shared with the benchmark scripts
import { generateOrganization } from './propose-org.mjs';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The second organization's task names as its spreadsheet might spell them. */
function respelled(org: Organization): Organization {
  const name = (n: string, i: number) => (i % 3 === 0 ? n.toLowerCase() : i % 3 === 1 ? n.replace(/ /g, '  ') : n);
  const tasks = org.tasks.map((t, i) => ({ ...t, name: name(t.name, i), id: `b:${t.id}` }));
  const id = new Map(org.tasks.map((t, i) => [t.id, tasks[i].id]));
  return { ...org, tasks, assignments: org.assignments.map((a) => ({ ...a, taskId: id.get(a.taskId)! })) };
}

async function main() {
  const [peopleArg, ...flags] = process.argv.slice(2);
  const people = Number(peopleArg);
  const desirability = flags.includes('--desirability');
  const a: Organization = generateOrganization(people).org;
  const b: Organization = respelled(generateOrganization(people, 777).org);
  const sources: MergeSource[] = [{ name: 'A', organization: a, file: 'a' }, { name: 'B', organization: b, file: 'b' }];
  const highs = await loadHighs();
  const t0 = now();
  const matches = matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks })));
  const t1 = now();
  const phases: Record<string, number> = {};
  let last = now();
  let lastStep = 'pool';
  const result = planMerger(sources, matches, highs, { federated: flags.includes('--federated'), noCrossTransfers: false, desirability, granularity: 0.5, file: 'bench', planOnly: !flags.includes('--extras') }, (step) => {
    const t = now();
    phases[lastStep] = (phases[lastStep] ?? 0) + (t - last);
    last = t;
    lastStep = step;
  });
  const t2 = now();
  phases[lastStep] = (phases[lastStep] ?? 0) + (t2 - last);
  const report = result.proposal?.report;
  const programmeKept = result.outcome.programme.every((p) => p.after === null || Math.abs(p.after - p.before) < 1e-6);
  process.stdout.write(JSON.stringify({
    people: people * 2, tasks: [a.tasks.length, b.tasks.length], pooledTasks: result.pooled.organization.tasks.length,
    matches: { auto: matches.filter((m) => m.status === 'auto').length, proposed: matches.filter((m) => m.status === 'proposed').length },
    contested: result.pooled.contested.length,
    matchMs: t1 - t0, planMs: t2 - t1, totalMs: t2 - t0, phases,
    status: report?.status ?? null, movedHours: report?.movedHours ?? null, bound: report?.bound ?? null,
    crossingHours: result.outcome.crossing?.hours ?? null, programmeKept,
  }) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
