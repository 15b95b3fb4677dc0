// The shared setup of the hostile-input tests: a temporary folder for generated files, seeded random bytes, plausible tables and workbooks, and the checks that a CLI run refused (or imported) cleanly, quickly and with bounded memory.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, expect } from 'vitest';
import { mulberry32 } from '../../scripts/prng.mjs';
import { crashSigns, describeRun, lines, messageWithoutName, refusalProblems, runCli, type CliRun } from './hostile-cli';

/** A refusal must come this fast (spawn included), generous for a loaded 2-CPU machine. */
export const QUICK_MS = 10_000;
/** Peak resident memory a refusal may use; inflating any of the bombs would blow far past it. */
export const MAX_RSS_MB = 512;
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** Deterministic pseudo-random bytes (the low byte of each mulberry32 draw), so a failure reproduces. */
export function randomBytes(n: number, seed: number): Buffer {
  const next = mulberry32(seed);
  const out = Buffer.alloc(n);
  // mulberry32 returns its 32-bit state output divided by 2^32: multiplying back is exact.
  for (let i = 0; i < n; i++) out[i] = (next() * 0x1_0000_0000) & 0xff;
  return out;
}

export const HEADER = ['Name', 'Role', 'Department', 'Task', 'Hours per week', 'Empowerment', 'Desirability'];

/** A plausible long-layout table of `n` data rows. */
export function longRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([`Person ${i % 40}`, `Role ${i % 5}`, `Dept ${i % 3}`, `Task ${i % 17}`, 2 + (i % 9), 1 + (i % 20), 1 + ((i * 7) % 20)]);
  }
  return rows;
}

export function toCsv(rows: (string | number)[][]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

export function workbookBytes(rows: (string | number)[][], bookType: XLSX.BookType): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Work');
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer;
}

export interface HostileFiles {
  /** The temporary folder, created before the file's tests and removed after them. */
  dir: string;
  /** Writes a generated file into `dir` and returns its path. */
  write(name: string, data: Uint8Array | string): string;
  /** Asserts a clean, quick, bounded refusal whose message (file name removed) matches every pattern. */
  expectRefusal(file: string, patterns: RegExp[], extraArgs?: string[]): Promise<CliRun>;
  /** For inputs that may legitimately import or be refused: either way clean, quick and bounded. */
  expectImportOrRefusal(file: string): Promise<CliRun>;
}

/**
 * Call once at the top level of a test file: registers the hooks that create and remove the folder
 * and, at the end, print every CLI run on a generated file so the messages can be judged.
 */
export function useHostileFiles(): HostileFiles {
  const dir = path.join(tmpdir(), `fairshare-hostile-${randomUUID()}`);
  const seen: CliRun[] = [];

  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (seen.length) {
      const rows = seen.map((r) => {
        const file = path.basename(r.args[1] ?? '');
        const said = r.code === 0 ? '(imported)' : JSON.stringify(lines(r.stderr).join(' / '));
        return `  ${file.padEnd(24)} exit ${r.code ?? r.signal}  ${String(r.ms).padStart(5)} ms  ${String(r.maxRssMb ?? '?').padStart(4)} MB  ${said}`;
      });
      console.log(['', '=== hostile inputs: what the CLI said ===', ...rows, ''].join('\n'));
    }
  });

  function write(name: string, data: Uint8Array | string): string {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  }

  async function expectRefusal(file: string, patterns: RegExp[], extraArgs: string[] = []): Promise<CliRun> {
    const r = await runCli(['audit', file, ...extraArgs], { timeoutMs: 30_000, maxOldSpaceMb: 512 });
    seen.push(r);
    const info = describeRun(r);
    expect(refusalProblems(r), info).toEqual([]);
    const line = lines(r.stderr)[0];
    expect(line.includes(path.basename(file)), `the message should name the file ${path.basename(file)}\n${info}`).toBe(true);
    const msg = messageWithoutName(r, file);
    for (const re of patterns) expect(msg, `message should match ${re}\n${info}`).toMatch(re);
    expect(r.ms, `took ${r.ms} ms, over ${QUICK_MS} ms\n${info}`).toBeLessThan(QUICK_MS);
    expect(r.maxRssMb, `peak RSS unknown\n${info}`).not.toBeNull();
    expect(r.maxRssMb!, `peak RSS ${r.maxRssMb} MB, over ${MAX_RSS_MB} MB\n${info}`).toBeLessThanOrEqual(MAX_RSS_MB);
    return r;
  }

  async function expectImportOrRefusal(file: string): Promise<CliRun> {
    const r = await runCli(['audit', file, '--json'], { timeoutMs: 30_000, maxOldSpaceMb: 512 });
    seen.push(r);
    const info = describeRun(r);
    expect(r.timedOut, info).toBe(false);
    expect([0, 1], info).toContain(r.code);
    if (r.code === 0) {
      const parsed = JSON.parse(r.stdout) as { people?: unknown[] };
      expect(Array.isArray(parsed.people), info).toBe(true);
      expect(parsed.people!.length, info).toBeGreaterThan(0);
      expect(crashSigns(r.stderr), info).toEqual([]);
    } else {
      expect(refusalProblems(r), info).toEqual([]);
    }
    expect(r.ms, `took ${r.ms} ms, over ${QUICK_MS} ms\n${info}`).toBeLessThan(QUICK_MS);
    expect(r.maxRssMb!, `peak RSS ${r.maxRssMb} MB, over ${MAX_RSS_MB} MB\n${info}`).toBeLessThanOrEqual(MAX_RSS_MB);
    return r;
  }

  return { dir, write, expectRefusal, expectImportOrRefusal };
}
