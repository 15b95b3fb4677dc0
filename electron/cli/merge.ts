/**
 * `fairshare merge`: two or more organizations pooled (issue 16) — their task matches, the
 * federated figures, the merged audit and, unless --federated, the merged plan — as text, JSON
 * and a workbook. Exit 0 whatever the plan's status; 1 when an input or the matches file is unusable.
 */
import { basename, extname } from 'node:path';
import { matchTasks, applyReviewed } from '../../renderer/src/engine/merge/match';
import { parseMatchesFile } from '../../renderer/src/engine/merge/matchesFile';
import { planMerger, type MergerResult } from '../../renderer/src/engine/merge/planMerger';
import type { MergeSource, TaskMatch } from '../../renderer/src/engine/merge/types';
import type { ImportIssue } from '../../renderer/src/engine/model/types';
import { writeMergerWorkbook } from '../../renderer/src/engine/formats/mergerWorkbook';
import type { MergeArgs } from './args';
import { loadOrganization, readInput, today, Unusable, writeAtomically } from './io';
import { mergerJson, mergerLines, outcomeLines } from './mergeText';
import { formatProposal } from './propose';

/** Names made unique ("sample (2)") when two files carry the same one. */
function unique(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = n.toLowerCase();
    const c = (seen.get(k) ?? 0) + 1;
    seen.set(k, c);
    return c === 1 ? n : `${n} (${c})`;
  });
}

export async function merge(args: MergeArgs): Promise<number> {
  const loaded: Omit<MergeSource, 'name'>[] = [];
  const issues: ImportIssue[] = [];
  const given: string[] = [];
  let tolerance = args.tolerance;
  for (const [i, file] of args.files.entries()) {
    const load = { file, noSuggest: args.noSuggest, tolerance: i === 0 ? tolerance : undefined };
    const { organization, result, projectName } = await loadOrganization(load);
    // The first organization's scale is the project scale, and its saved tolerance the default.
    if (i === 0) tolerance = load.tolerance;
    // Named as asked, else by a project's own name, else by the file's name without its extension.
    given.push(args.names?.[i] ?? (projectName?.trim() || basename(file, extname(file))));
    loaded.push({ organization, file });
    issues.push(...result.issues);
  }
  const names = unique(given);
  const sources: MergeSource[] = loaded.map((l, i) => ({ ...l, name: names[i] }));
  let matches: TaskMatch[] = matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks })));
  if (args.matches) {
    const parsed = parseMatchesFile(new TextDecoder('utf-8').decode(readInput(args.matches)), args.matches);
    if (!parsed.ok) throw new Unusable(parsed.error);
    matches = applyReviewed(matches, parsed.matches);
  }
  // Loaded only when a plan is made, from node_modules (kept out of the bundle so the CLI starts fast).
  const highs = await (await import('highs')).default();
  const result: MergerResult = planMerger(sources, matches, highs, {
    federated: args.federated, noCrossTransfers: args.noCrossTransfers, tolerance, desirability: args.desirability,
    granularity: args.granularity, minBlock: args.minBlock, maxNewTasks: args.maxNewTasks, file: names.join(' + '),
  });
  for (const note of result.pooled.notes) process.stderr.write(`fairshare: warning: ${args.matches ?? 'matches'}: ${note}\n`);
  if (args.out) writeAtomically(args.out, writeMergerWorkbook(result, today()));
  if (args.json) {
    process.stdout.write(JSON.stringify(mergerJson(result, issues), null, 2) + '\n');
    return 0;
  }
  const p = result.proposal;
  const plan = p ? ['', formatProposal(p.report, p.care, p.rotation, p.rotationNote, issues, undefined, p.learningSkipped)] : [];
  process.stdout.write([...mergerLines(result), ...plan, ...outcomeLines(result)].join('\n') + (args.out ? `\n\nWrote ${args.out}\n` : '\n'));
  return 0;
}
