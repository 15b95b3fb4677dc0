/** Parses `fairshare merge`'s command line (issue 16) into a typed request, or a usage error. */
import { DEFAULT_GRANULARITY } from '../../renderer/src/engine/balance/blocks/types';
import { granularityValue, nameValue, positiveNumber, splitFlag, taskCount, UsageError } from './argValues';
import type { MergeArgs } from './args';

/** Organizations in one merger, at most: each is read whole into memory. */
export const MAX_MERGE_FILES = 20;

export function parseMerge(rest: string[]): MergeArgs {
  const out: MergeArgs = { command: 'merge', files: [], federated: false, noCrossTransfers: false, desirability: true, granularity: DEFAULT_GRANULARITY, noSuggest: false, json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = splitFlag(arg);
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case '--json': out.json = true; break;
      case '--no-suggest': out.noSuggest = true; break;
      case '--federated': out.federated = true; break;
      case '--no-cross-transfers': out.noCrossTransfers = true; break;
      case '--empowerment-only': out.desirability = false; break;
      case '--tolerance': out.tolerance = positiveNumber(flag, value()); break;
      case '--min-block': out.minBlock = positiveNumber(flag, value()); break;
      case '--max-new-tasks': out.maxNewTasks = taskCount(flag, value()); break;
      case '--granularity': out.granularity = granularityValue(flag, value()); break;
      case '--names': {
        const names = (value() ?? '').split(';').map((s) => s.trim());
        if (names.some((n) => n === '')) throw new UsageError('--names needs one name per file separated by ";", e.g. --names "Riverside;Eastside"');
        if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new UsageError('--names: each organization needs its own name');
        out.names = names;
        break;
      }
      case '--matches': out.matches = nameValue(flag, value()); break;
      case '--out': out.out = nameValue(flag, value()); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}" for merge`);
        out.files.push(arg);
    }
  }
  if (out.files.length < 2) throw new UsageError(`merge needs two or more FILEs, got ${out.files.length}`);
  if (out.files.length > MAX_MERGE_FILES) throw new UsageError(`merge takes at most ${MAX_MERGE_FILES} FILEs, got ${out.files.length}`);
  if (out.names && out.names.length !== out.files.length) throw new UsageError(`--names gives ${out.names.length} names for ${out.files.length} files`);
  if (out.federated && out.noCrossTransfers) throw new UsageError('--no-cross-transfers applies to the merged plan, which --federated leaves out: give one');
  return out;
}
