/**
 * The `.fairshare` project file's shape: its current version's types and a new project. Reading
 * (zod validation, upgrades from older versions) and writing live in projectCodec.ts, which the
 * app loads only when a project is opened or saved: zod is a quarter of the start-up code.
 *
 * Format history
 * - version 1 (pre-release): one `sourceFile` name, `hoursPerFte` and `tolerance` at the
 *   top level, no saved column mappings.
 * - version 2: `sourceFiles[]` with import time and the column mapping used, project
 *   `settings {scale?, tolerance?, hoursPerFte}`, optional `ratingsOverrides`.
 * - version 3 (current): a task's one `factors` record becomes `empowermentFactors` and
 *   `desirabilityFactors`; `ratingsOverrides` may carry the members' factor edits. Later, still
 *   version 3: an optional `importedOrganization` (files without it open as before; older
 *   versions of the app ignore it). Later, still version 3: optional `scenarios`, the proposals kept
 *   by name (engine/scenarios; files without them open as before; older versions of the app drop them).
 *   Later, still version 3: an optional `settings.categoryDelta`, the category band δ (files
 *   without it use the default ±10 points; older versions of the app drop it).
 * A migration turns each version into the next; `parseProject` applies them in order and
 * reports where it started, so the app can say "upgraded from an older format".
 *
 * Error messages name the field that is wrong and never echo its value: project files hold
 * people's names and pay.
 */
import type { ExplicitMapping } from '../import/types';
import type { Organization, Scale } from '../model/types';
import type { Scenario } from '../scenarios/types';

export const PROJECT_EXTENSION = 'fairshare';
export const PROJECT_VERSION = 3;
/** A project file larger than this is refused before parsing (no real organization comes close). */
export const MAX_PROJECT_CHARS = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------
// Current version (3)

/** A spreadsheet the project was built from: its display name only, never its path. */
export interface SourceFile {
  name: string;
  /** ISO 8601 time of the import. */
  importedAt: string;
  /** The column mapping the user confirmed, so a re-import reads the file the same way. */
  mapping?: ExplicitMapping;
  /** For time entries: what the weekly hours are averages of (entries, inclusive ISO dates, weeks). */
  timesheet?: TimesheetBasis;
}

/** The basis of weekly hours read from time entries, kept so exports can say what the hours are. */
export interface TimesheetBasis {
  entries: number;
  start: string;
  end: string;
  weeks: number;
}

/** "1,240 time entries, 2026-10-05 to 2026-11-01 (4 weeks)": what a project's weekly hours are averages of. */
export function timesheetBasisText(b: TimesheetBasis): string {
  const weeks = Math.round(b.weeks * 100) / 100;
  return `${b.entries.toLocaleString('en-US')} time ${b.entries === 1 ? 'entry' : 'entries'}, ${b.start} to ${b.end} (${weeks} ${weeks === 1 ? 'week' : 'weeks'})`;
}

export interface ProjectSettings {
  /** The project rating scale in points; absent means the organization's scale. */
  scale?: Scale;
  /** Balance tolerance in points of the project scale; absent means 5% of the range. */
  tolerance?: number;
  /** Hours in one FTE. */
  hoursPerFte: number;
  /**
   * Quick category mode's band δ as a share of hours, 0–1 (0.10 = ±10 points); absent means the
   * default, 10 points (engine/categories/shares.ts).
   */
  categoryDelta?: number;
}

/**
 * A members' rating that replaces the file's or the suggested one, normalized 0–1 like Task, so a
 * re-import keeps it. An overall value wins over factor edits of its kind; without one, the E or D
 * is the mean of the task's factors after the edits.
 */
export interface RatingOverride {
  empowerment?: number;
  desirability?: number;
  /** Factor edits by factor name: a rating, or null for a factor the members cleared. */
  empowermentFactors?: Record<string, number | null>;
  desirabilityFactors?: Record<string, number | null>;
  /** The group decided the values (source 'council'), with this note; absent for the members' ratings. */
  council?: string;
  /** A rating round judged the task contested (true) or not (false); absent when none judged it. */
  contested?: boolean;
}

export interface Project {
  version: typeof PROJECT_VERSION;
  /** ISO 8601 time of the last save. */
  savedAt: string;
  name: string;
  organization: Organization;
  sourceFiles: SourceFile[];
  settings: ProjectSettings;
  /** Keyed by task id. */
  ratingsOverrides?: Record<string, RatingOverride>;
  /**
   * The organization as the last import read it from its file (before the members' ratings), so a
   * re-import can list the edits made in the app since then that the new file overrides. Absent in
   * projects saved before it was kept.
   */
  importedOrganization?: Organization;
  /** Proposals kept by name (issue 15), oldest first; absent in projects saved before there were any. */
  scenarios?: Scenario[];
}

/** A new, unsaved project around an imported organization. */
export function createProject(name: string, organization: Organization, now: Date = new Date()): Project {
  return {
    version: PROJECT_VERSION,
    savedAt: now.toISOString(),
    name,
    organization,
    sourceFiles: [],
    settings: { hoursPerFte: organization.hoursPerFte },
  };
}
