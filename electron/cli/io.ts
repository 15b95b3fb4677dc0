/** File input and output for the CLI: bounded reads, projects or spreadsheets, atomic writes, Node's fast bounded inflate. */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { kMaxLength } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { importOrganization, importWorkbook, type ImportResult } from '../../renderer/src/engine/import';
import type { ExplicitMapping, ImportOptions, TimesheetMapping } from '../../renderer/src/engine/import/types';
import { DEFAULT_LIMITS, formatBytes } from '../../renderer/src/engine/formats/readWorkbook';
import { Outgrown } from '../../renderer/src/engine/formats/zipGuard';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { fastRead } from '../../renderer/src/worker/parallelRead';
import type { TimesheetArgs } from './args';
import { startPartThreads } from './partThreads';
import type { Project } from '../../renderer/src/engine/formats/projectFile';
import { BadProject, projectImportResult, projectOrganization, readProject } from './project';

/** Nothing usable: its message becomes the one line on stderr (exit 1). */
export class Unusable extends Error {}

export function readInput(file: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new Unusable(`${file} is a folder, not a spreadsheet`);
    size = st.size;
  } catch (err) {
    if (err instanceof Unusable) throw err;
    throw new Unusable(`cannot open ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (size > DEFAULT_LIMITS.maxBytes) {
    throw new Unusable(`${file} is ${formatBytes(size)}, over the size limit of ${formatBytes(DEFAULT_LIMITS.maxBytes)}`);
  }
  return readFileSync(file);
}

/** Writes beside the target and renames, so a crash never leaves a half-written workbook. */
export function writeAtomically(target: string, bytes: Uint8Array): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flush: true });
    renameSync(temp, target);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
    throw new Unusable(`cannot write ${target}: ${(err as Error).message}`);
  }
}

/** Node's zlib is ~10× faster than the portable inflater; maxOutputLength stops a bomb early. */
function zlibInflateCheck(data: Uint8Array, limit: number): void {
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Outgrown();
    throw err;
  }
}

/** fastRead's inflate (the contract of the worker's nativeInflate) on Node's zlib, about twice as fast as its DecompressionStream. */
export async function zlibInflate(data: Uint8Array, limit: number, keep: boolean): Promise<Uint8Array | null> {
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.min(limit + 1, kMaxLength) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Outgrown();
    throw err;
  }
  if (out.length > limit) throw new Outgrown();
  return keep ? out : null;
}

export interface LoadArgs extends Partial<TimesheetArgs> {
  file: string;
  sheet?: string;
  hoursPerFte?: number;
  /** Filled from a project's saved tolerance when not given on the command line. */
  tolerance?: number;
  noSuggest: boolean;
}

/** The timesheet flags given, as the command line spells them (for messages). */
export function timesheetFlags(args: Partial<TimesheetArgs>): string[] {
  return [
    args.period && ('weeks' in args.period ? '--weeks' : '--period'),
    args.includeNonWork && '--include-non-work',
    args.dateOrder && '--date-order',
  ].filter((f): f is string => typeof f === 'string');
}

/**
 * The flags' timesheet choices as a mapping (sheets auto-detected); unset when no flag makes one.
 * The CLI has no saved mapping to merge with: a project is read as its saved organization, not re-imported.
 */
export function timesheetMapping(args: Partial<TimesheetArgs>): ExplicitMapping | undefined {
  const chosen: TimesheetMapping = {};
  if (args.includeNonWork) chosen.includeNonWork = true;
  if (args.dateOrder) chosen.dateOrder = args.dateOrder;
  return Object.keys(chosen).length ? { sheets: {}, timesheet: chosen } : undefined;
}

/** What the importer is asked: the sheet, hours per FTE, the flags' period and timesheet mapping. */
export function importOptions(args: LoadArgs): ImportOptions {
  const mapping = timesheetMapping(args);
  return {
    sheet: args.sheet,
    hoursPerFte: args.hoursPerFte,
    inflateCheck: zlibInflateCheck,
    ...(mapping ? { mapping } : {}),
    ...(args.period ? { period: args.period } : {}),
  };
}

/**
 * Imports a spreadsheet as the app's engine worker does (renderer/src/worker/engine.worker.ts): the
 * ZIP verified by the native inflater, a large worksheet read in row ranges on the other cores.
 * fastRead falls back to the ordinary import on anything it cannot do, so the result and every
 * refusal are importOrganization's own. The helper threads end here, whatever happens.
 */
export async function importSpreadsheet(bytes: Uint8Array, file: string, options: ImportOptions): Promise<ImportResult> {
  const reader = startPartThreads();
  try {
    const fast = await fastRead(bytes, file, options, reader, {}, zlibInflate);
    return 'book' in fast ? importWorkbook(fast.book, file, options) : importOrganization(bytes, file, fast.options);
  } finally {
    await reader?.close();
  }
}

/**
 * Reads and imports a file; unusable input throws Unusable. Suggestions apply unless turned off.
 * A `.fairshare` project gives its saved organization, and its saved tolerance becomes the
 * request's default (written into `args`, so every command that loads honours it). The project itself
 * comes back too, for commands that need more of it (its scenarios, its overrides), read once.
 */
export async function loadOrganization(args: LoadArgs): Promise<{ organization: Organization; result: ImportResult; projectName?: string; project?: Project }> {
  const bytes = readInput(args.file);
  let project;
  try {
    project = await readProject(args.file, bytes);
  } catch (err) {
    if (err instanceof BadProject) throw new Unusable(err.message);
    throw err;
  }
  if (project) {
    if (args.sheet !== undefined) throw new Unusable(`${args.file} is a Fairshare project: --sheet applies to spreadsheets only`);
    if (args.hoursPerFte !== undefined) throw new Unusable(`${args.file} is a Fairshare project: its hours are already per week, --hours-per-fte applies to spreadsheets only`);
    const flags = timesheetFlags(args);
    if (flags.length) throw new Unusable(`${args.file} is a Fairshare project: its hours are already per week, ${flags.join(' and ')} ${flags.length === 1 ? 'applies' : 'apply'} to time-tracking exports only`);
    const organization = projectOrganization(project, args.noSuggest);
    if (organization.people.length === 0) throw new Unusable(`${args.file}: the project has no people`);
    args.tolerance ??= project.settings.tolerance;
    return { organization, result: projectImportResult(organization), projectName: project.name, project };
  }
  const result = await importSpreadsheet(bytes, args.file, importOptions(args));
  if (!result.organization || result.organization.people.length === 0) throw new Unusable(result.fatal ?? `${args.file}: no people found`);
  // A period asked of a file without dates would otherwise be ignored without a word.
  const flags = timesheetFlags(args);
  if (flags.length && !result.timesheet) process.stderr.write(`fairshare: warning: ${args.file} has no dated time entries: ${flags.join(', ')} ignored\n`);
  return { organization: args.noSuggest ? result.organization : applySuggestions(result.organization), result };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
