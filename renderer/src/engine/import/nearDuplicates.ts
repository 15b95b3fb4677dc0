/**
 * Finds task names that differ only in punctuation, spacing or accents ("Data-entry", "Data Entry.")
 * and notes them: they are probably one task, but merging them is the user's call, so the import
 * keeps them apart and says so (an info issue at the later spelling's first row).
 */
import { nameKey, type IssueLog, type Loc } from './records';

/** Lowercase letters and digits only, accents removed: the form two spellings of one task share. */
export function looseTaskKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Notes each group of task names that match loosely but not exactly (exactly = trimmed, case-insensitive). */
export function reportNearDuplicateTasks(named: Iterable<{ task: string; loc: Loc }>, log: IssueLog): void {
  // loose key → exact key → first spelling and where it was first seen, in order of appearance.
  const groups = new Map<string, Map<string, { name: string; loc: Loc }>>();
  // One pass per distinct spelling, not per row: a large sheet repeats a few dozen names thousands of times.
  const seen = new Set<string>();
  for (const { task, loc } of named) {
    if (seen.has(task)) continue;
    seen.add(task);
    const loose = looseTaskKey(task);
    if (loose === '') continue;
    let spellings = groups.get(loose);
    if (!spellings) groups.set(loose, (spellings = new Map()));
    const exact = nameKey(task);
    if (!spellings.has(exact)) spellings.set(exact, { name: task.trim(), loc });
  }
  for (const spellings of groups.values()) {
    if (spellings.size < 2) continue;
    const all = [...spellings.values()];
    const quoted = all.map((s) => `"${s.name}"`);
    const list = quoted.length === 2 ? `${quoted[0]} and ${quoted[1]}` : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
    log.add('info', `Tasks ${list} differ only in punctuation, spacing or accents and may be one task; they are kept apart unless written the same way`, all[1].loc);
  }
}
