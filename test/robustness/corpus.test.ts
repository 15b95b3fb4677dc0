/**
 * Every real-world spreadsheet in ../shared/corpus/sheetjs must either import (exit 0, JSON with at
 * least one person) or be refused cleanly (exit 1, one plain line on stderr) — never crash, never
 * hang. Prints a summary of the outcomes and the distinct refusal messages.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crashSigns, describeRun, ensureCliBuilt, limiter, lines, refusalProblems, repoRoot, runCli, type CliRun } from '../helpers/hostile-cli';

const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'sheetjs');
const required = Boolean(process.env.REQUIRE_CORPUS || process.env.CI);
const PER_FILE_TIMEOUT_MS = 30_000;
const CONCURRENCY = 2;

/** SheetJS and other libraries' console chatter that must not reach the CLI's stderr. */
const LIBRARY_NOISE = [
  /ODS number format may be incorrect/i,
  /Bad (compressed|uncompressed) size/i,
  /Bad CRC32/i,
  /Unsupported .* record/i,
  /sheetjs|\bcfb\b|xlsx\.js/i,
];

const corpusPresent = existsSync(corpusDir) && statSync(corpusDir).isDirectory();
const files = corpusPresent
  ? readdirSync(corpusDir)
      .filter((f) => f !== 'LICENSE' && !f.startsWith('.') && statSync(path.join(corpusDir, f)).isFile())
      .sort()
  : [];

interface Outcome {
  file: string;
  kind: 'imported' | 'refused' | 'bad';
  people: number | null;
  message: string | null;
  ms: number;
  stderrOnSuccess: string | null;
  problems: string[];
}

const outcomes: Outcome[] = [];

/** The refusal with the file's own name replaced, so the same reason groups across files. */
function genericMessage(line: string, file: string): string {
  const full = path.join(corpusDir, file);
  return line.split(full).join('<file>').split(file).join('<file>');
}

function judge(file: string, r: CliRun): Outcome {
  const problems: string[] = [];
  const base = { file, ms: r.ms, people: null as number | null, message: null as string | null, stderrOnSuccess: null as string | null };
  if (r.timedOut) return { ...base, kind: 'bad', problems: [`timed out after ${PER_FILE_TIMEOUT_MS} ms`] };
  if (r.code === 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.stdout);
    } catch (e) {
      problems.push(`exit 0 but stdout is not valid JSON (${(e as Error).message})`);
    }
    const people = (parsed as { people?: unknown } | undefined)?.people;
    if (parsed !== undefined) {
      if (!Array.isArray(people)) problems.push('exit 0 but the JSON has no people array');
      else if (people.length === 0) problems.push('exit 0 but people[] is empty (exit 0 means at least one person)');
    }
    const signs = crashSigns(r.stderr);
    if (signs.length) problems.push(`stderr on success looks like a crash: ${signs.join(', ')}`);
    const noise = LIBRARY_NOISE.filter((re) => re.test(r.stderr));
    if (noise.length) problems.push(`library noise on stderr: ${noise.map(String).join(', ')}`);
    return {
      ...base,
      kind: problems.length ? 'bad' : 'imported',
      people: Array.isArray(people) ? people.length : null,
      stderrOnSuccess: r.stderr.trim() === '' ? null : r.stderr.trim(),
      problems,
    };
  }
  if (r.code === 1) {
    const p = refusalProblems(r);
    const first = lines(r.stderr)[0] ?? '';
    return { ...base, kind: p.length ? 'bad' : 'refused', message: genericMessage(first, file), problems: p };
  }
  problems.push(r.signal ? `killed by ${r.signal} (a crash)` : `exit code ${r.code} (only 0 or 1 are allowed for a file)`);
  return { ...base, kind: 'bad', problems };
}

function printSummary(): void {
  if (outcomes.length === 0) return;
  const by = (k: Outcome['kind']): Outcome[] => outcomes.filter((o) => o.kind === k);
  const counts = new Map<string, string[]>();
  for (const o of outcomes) {
    if (o.message === null) continue;
    const list = counts.get(o.message) ?? [];
    list.push(o.file);
    counts.set(o.message, list);
  }
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const out: string[] = [];
  out.push('');
  out.push(`=== Fairshare corpus summary (${corpusDir}) ===`);
  out.push(`files: ${outcomes.length}; imported: ${by('imported').length}; refused cleanly: ${by('refused').length}; FAILED: ${by('bad').length}`);
  const byExt = new Map<string, { imported: number; refused: number; bad: number }>();
  for (const o of outcomes) {
    const ext = path.extname(o.file).toLowerCase() || '(none)';
    const e = byExt.get(ext) ?? { imported: 0, refused: 0, bad: 0 };
    e[o.kind]++;
    byExt.set(ext, e);
  }
  out.push(
    'by extension: ' +
      [...byExt.entries()]
        .sort()
        .map(([ext, e]) => `${ext} ${e.imported} imported / ${e.refused} refused${e.bad ? ` / ${e.bad} FAILED` : ''}`)
        .join('; '),
  );
  out.push('distinct refusal messages (count, message, examples):');
  for (const [msg, list] of [...counts.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    out.push(`  ${String(list.length).padStart(3)}  ${msg}    [${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''}]`);
  }
  const chatty = outcomes.filter((o) => o.stderrOnSuccess);
  if (chatty.length) {
    out.push(`imports that still wrote to stderr: ${chatty.length}`);
    for (const o of chatty.slice(0, 10)) out.push(`  ${o.file}: ${JSON.stringify(o.stderrOnSuccess!.slice(0, 200))}`);
  }
  if (by('bad').length) {
    out.push('failures:');
    for (const o of by('bad')) out.push(`  ${o.file}: ${o.problems.join('; ')}`);
  }
  out.push(`slowest: ${slowest.map((o) => `${o.file} ${o.ms} ms`).join(', ')}`);
  out.push('');
  console.log(out.join('\n'));
  try {
    const dir = path.join(repoRoot, 'test-results', 'robustness');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'corpus-summary.json'), JSON.stringify({ corpusDir, outcomes }, null, 2));
  } catch {
    // The summary file is a convenience; the printed summary is what matters.
  }
}

if (!corpusPresent) {
  if (required) {
    test('the shared corpus is present', () => {
      throw new Error(`corpus folder ${corpusDir} is missing, and REQUIRE_CORPUS or CI is set`);
    });
  } else {
    console.warn(`[robustness] SKIPPING the corpus test: ${corpusDir} not found (set REQUIRE_CORPUS=1 to make this fail)`);
    test.skip(`corpus (skipped: ${corpusDir} not found)`, () => {});
  }
} else {
  describe('shared corpus: every file imports or is refused cleanly', () => {
    const pool = limiter(CONCURRENCY);

    beforeAll(() => {
      ensureCliBuilt();
    }, 240_000);

    afterAll(() => {
      printSummary();
    });

    test('the corpus has files', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    // Queued tests wait for the pool, so each test's budget covers a few runs ahead of it.
    test.concurrent.each(files)(
      '%s',
      async (file) => {
        const full = path.join(corpusDir, file);
        const r = await pool(() => runCli(['audit', full, '--json'], { timeoutMs: PER_FILE_TIMEOUT_MS }));
        const outcome = judge(file, r);
        outcomes.push(outcome);
        expect(outcome.problems, `${file}: ${outcome.problems.join('; ')}\n${describeRun(r)}`).toEqual([]);
      },
      PER_FILE_TIMEOUT_MS * 4 + 10_000,
    );
  });
}
