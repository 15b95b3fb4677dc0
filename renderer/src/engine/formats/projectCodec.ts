/**
 * Reads and writes `.fairshare` project text: zod validation on every load and save, and the
 * migrations from older versions (format history in projectFile.ts). Shared by the app (loaded on
 * first use), its main process and the CLI.
 *
 * Error messages name the field that is wrong and never echo its value: project files hold
 * people's names and pay.
 */
import { z } from 'zod';
import type { ExplicitMapping, FieldName, SheetMapping, SheetRole } from '../import/types';
import type { Assignment, Organization, Person, RatingSource, Scale, Task } from '../model/types';
import { MAX_FTE, MAX_HOURS, MAX_PAY, MAX_RATING } from '../import/bounds';
import { isDesirabilityFactorName } from '../import/headers';
import { scenariosSchema } from '../scenarios/schema';
import { MAX_PROJECT_CHARS, PROJECT_VERSION, type Project, type ProjectSettings, type RatingOverride, type SourceFile } from './projectFile';

// ---------------------------------------------------------------------------------------
// Older versions (1, 2), kept only to be migrated

/** A task before version 3: empowerment and desirability factors in one record. */
export type TaskV2 = Omit<Task, 'empowermentFactors' | 'desirabilityFactors'> & { factors: Record<string, number> };
export type OrganizationV2 = Omit<Organization, 'tasks'> & { tasks: TaskV2[] };

export interface ProjectV2 extends Omit<Project, 'version' | 'organization' | 'ratingsOverrides' | 'importedOrganization'> {
  version: 2;
  organization: OrganizationV2;
  ratingsOverrides?: Record<string, Pick<RatingOverride, 'empowerment' | 'desirability'>>;
}

export interface ProjectV1 {
  version: 1;
  savedAt: string;
  name: string;
  organization: OrganizationV2;
  /** Display name of the one spreadsheet the project came from. */
  sourceFile: string | null;
  hoursPerFte?: number;
  tolerance?: number;
}

// ---------------------------------------------------------------------------------------
// Schemas

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const nonNegative = finite.refine((n) => n >= 0, 'must not be negative');
const positive = finite.refine((n) => n > 0, 'must be positive');
/** Hours in one FTE: at most the hours in a week. */
const hoursPerFte = positive.refine((n) => n <= 168, 'must be at most 168 (the hours in a week)');
const unit = finite.refine((n) => n >= 0 && n <= 1, 'must be between 0 and 1');
/** A non-negative amount below an import bound (import/bounds.ts): a project file is held to the same bounds as a spreadsheet. */
const below = (max: number, what: string) => nonNegative.refine((n) => n < max, `must be below ${max.toLocaleString('en-US')} ${what}`);
const hours = below(MAX_HOURS, 'hours a week');
const pay = below(MAX_PAY, '(no real pay is that large)');
const fte = below(MAX_FTE, 'FTE');
const points = finite.refine((n) => Math.abs(n) < MAX_RATING, `must be within ±${MAX_RATING.toLocaleString('en-US')} points`);
const text = (max: number) => z.string().max(max);
/** Record keys: "__proto__" would vanish into the prototype of the parsed object. */
const key = (max: number) => z.string().max(max).refine((k) => k !== '__proto__', 'is a reserved name');
const isoTime = z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date and time');

const scaleSchema: z.ZodType<Scale> = z
  .object({ min: points, max: points })
  .refine((s) => s.min < s.max, 'min must be below max');

const personSchema: z.ZodType<Person> = z.object({
  id: text(500).min(1),
  name: text(500),
  role: text(500).nullable(),
  department: text(500).nullable(),
  fte: fte.nullable(),
  contractHours: hours.nullable(),
  annualPay: pay.nullable(),
  hourlyRate: pay.nullable(),
  qualifications: z.array(text(500)),
  organization: text(500).optional(),
});

const ratingSources = ['council', 'members', 'file', 'suggested', 'unrated'] as const satisfies readonly RatingSource[];

const taskFields = {
  id: text(1000).min(1),
  name: text(1000),
  empowerment: unit.nullable(),
  desirability: unit.nullable(),
  source: z.enum(ratingSources),
  reason: text(2000).nullable(),
  requires: z.array(text(500)),
  chore: z.boolean(),
  control: z.boolean().optional(),
  contested: z.boolean().optional(),
  category: text(200).optional(),
};
const factorRecord = z.record(key(200), unit);

const taskSchema: z.ZodType<Task> = z.object({ ...taskFields, empowermentFactors: factorRecord, desirabilityFactors: factorRecord });
const taskV2Schema: z.ZodType<TaskV2> = z.object({ ...taskFields, factors: factorRecord });

const assignmentSchema: z.ZodType<Assignment> = z.object({
  personId: text(500),
  taskId: text(1000),
  hours,
  locked: z.boolean(),
});

/** An organization whose tasks are read with `task`, with the cross-references the engine relies on checked. */
function organizationOf<T extends { id: string }>(task: z.ZodType<T>) {
  return z
    .object({
      people: z.array(personSchema),
      tasks: z.array(task),
      assignments: z.array(assignmentSchema),
      scale: scaleSchema,
      hoursPerFte: hoursPerFte,
    })
    .superRefine((org, ctx) => {
      const people = new Set<string>();
      org.people.forEach((p, i) => {
        if (people.has(p.id)) ctx.addIssue({ code: 'custom', path: ['people', i, 'id'], message: 'duplicate person id' });
        people.add(p.id);
      });
      const tasks = new Set<string>();
      org.tasks.forEach((t, i) => {
        if (tasks.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: 'duplicate task id' });
        tasks.add(t.id);
      });
      // Each row is bounded above; a person's total is too, since the metrics sum it (DESIGN.md §3).
      const totals = new Map<string, number>();
      org.assignments.forEach((a, i) => {
        const total = (totals.get(a.personId) ?? 0) + a.hours;
        totals.set(a.personId, total);
        if (total >= MAX_HOURS && total - a.hours < MAX_HOURS) {
          ctx.addIssue({ code: 'custom', path: ['assignments', i, 'hours'], message: `brings a person's hours to ${MAX_HOURS.toLocaleString('en-US')} a week or more` });
        }
        if (!people.has(a.personId)) {
          ctx.addIssue({ code: 'custom', path: ['assignments', i, 'personId'], message: 'refers to no person' });
        }
        if (!tasks.has(a.taskId)) {
          ctx.addIssue({ code: 'custom', path: ['assignments', i, 'taskId'], message: 'refers to no task' });
        }
      });
    });
}

/** The organization, with the cross-references the engine relies on checked. */
export const organizationSchema: z.ZodType<Organization> = organizationOf(taskSchema);
const organizationV2Schema: z.ZodType<OrganizationV2> = organizationOf(taskV2Schema);

const fieldNames = [
  'person', 'personId', 'role', 'department', 'fte', 'contractHours', 'annualPay', 'hourlyRate',
  'qualifications', 'task', 'hours', 'percent', 'taskFte', 'empowerment', 'desirability', 'factorE',
  'factorD', 'headcount', 'requires', 'locked', 'chore', 'category', 'notes', 'date', 'firstName', 'lastName', 'project',
  'description', 'personColumn', 'taskColumn', 'skip',
] as const satisfies readonly FieldName[];
const sheetRoles = ['long', 'matrix', 'roster', 'ratings', 'role-headcount', 'timesheet', 'ignored'] as const satisfies readonly SheetRole[];

const sheetMappingSchema: z.ZodType<SheetMapping> = z.object({
  role: z.enum(sheetRoles).optional(),
  headerRow: z.number().int().min(1).optional(),
  columns: z.record(z.string().regex(/^[A-Z]{1,3}$/, 'must be a column letter'), z.enum(fieldNames)).optional(),
  unit: z.enum(['hours', 'percent']).optional(),
});

/** A saved column mapping; also used by the app's settings for reusable mappings. */
export const explicitMappingSchema: z.ZodType<ExplicitMapping> = z.object({
  sheets: z.record(key(300), sheetMappingSchema),
  timesheet: z.object({ includeNonWork: z.boolean().optional(), dateOrder: z.enum(['mdy', 'dmy']).optional() }).optional(),
});

const sourceFileSchema: z.ZodType<SourceFile> = z.object({
  name: text(500),
  importedAt: isoTime,
  mapping: explicitMappingSchema.optional(),
  timesheet: z.object({
    entries: z.number().int().min(0).max(1e9),
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date'),
    end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date'),
    weeks: z.number().positive().max(10_000),
  }).optional(),
});

const settingsSchema: z.ZodType<ProjectSettings> = z.object({
  scale: scaleSchema.optional(),
  tolerance: points.refine((n) => n >= 0, 'must not be negative').optional(),
  hoursPerFte: hoursPerFte,
  categoryDelta: unit.optional(),
});

const factorEdits = z.record(key(200), unit.nullable()).optional();
const overrideSchema: z.ZodType<RatingOverride> = z.object({
  empowerment: unit.optional(),
  desirability: unit.optional(),
  empowermentFactors: factorEdits,
  desirabilityFactors: factorEdits,
  council: text(500).optional(),
  contested: z.boolean().optional(),
});

const projectFields = {
  savedAt: isoTime,
  name: text(500),
  sourceFiles: z.array(sourceFileSchema),
  settings: settingsSchema,
};

export const projectSchema: z.ZodType<Project> = z.object({
  ...projectFields,
  version: z.literal(PROJECT_VERSION),
  organization: organizationSchema,
  ratingsOverrides: z.record(key(1000), overrideSchema).optional(),
  importedOrganization: organizationSchema.optional(),
  scenarios: scenariosSchema.optional(),
});

const projectV2Schema: z.ZodType<ProjectV2> = z.object({
  ...projectFields,
  version: z.literal(2),
  organization: organizationV2Schema,
  ratingsOverrides: z.record(key(1000), z.object({ empowerment: unit.optional(), desirability: unit.optional() })).optional(),
});

const projectV1Schema: z.ZodType<ProjectV1> = z.object({
  version: z.literal(1),
  savedAt: isoTime,
  name: text(500),
  organization: organizationV2Schema,
  sourceFile: text(500).nullable(),
  hoursPerFte: hoursPerFte.optional(),
  tolerance: points.refine((n) => n >= 0, 'must not be negative').optional(),
});

// ---------------------------------------------------------------------------------------
// Migrations

/** Version 1 → 2: the single source file becomes a list; loose settings move under `settings`. */
export function migrateV1toV2(v1: ProjectV1): ProjectV2 {
  const settings: ProjectSettings = { hoursPerFte: v1.hoursPerFte ?? v1.organization.hoursPerFte };
  if (v1.tolerance !== undefined) settings.tolerance = v1.tolerance;
  return {
    version: 2,
    savedAt: v1.savedAt,
    name: v1.name,
    organization: v1.organization,
    sourceFiles: v1.sourceFile === null ? [] : [{ name: v1.sourceFile, importedAt: v1.savedAt }],
    settings,
  };
}

/**
 * Version 2 → 3: each old factor goes to desirability when its name is one of the importer's
 * desirability factor synonyms (headers.ts), else to empowerment. Version 2 kept no record of the
 * kind, and a factor column the importer recognized by name is the common case.
 */
export function migrateV2toV3(v2: ProjectV2): Project {
  const tasks = v2.organization.tasks.map(({ factors, ...task }): Task => {
    const empowermentFactors: Record<string, number> = {};
    const desirabilityFactors: Record<string, number> = {};
    for (const [name, value] of Object.entries(factors)) (isDesirabilityFactorName(name) ? desirabilityFactors : empowermentFactors)[name] = value;
    return { ...task, empowermentFactors, desirabilityFactors };
  });
  return { ...v2, version: 3, organization: { ...v2.organization, tasks } };
}

// ---------------------------------------------------------------------------------------
// Parse and serialize

export type ParseProjectResult =
  | { ok: true; project: Project; /** The version the file was written in, when it was upgraded. */ migratedFrom: number | null }
  | { ok: false; error: string };

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > shown.length ? ` (and ${error.issues.length - shown.length} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * The path of the first "__proto__" key anywhere in parsed JSON, or null. zod's records drop such
 * keys without a word, so a file carrying one (a tampered file: the app never writes it) is refused
 * here instead, before anything could copy it into a prototype.
 */
function reservedKeyPath(data: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: data, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const k of Object.keys(value)) {
      const at = path === '' ? k : `${path}.${k}`;
      if (k === '__proto__') return path === '' ? '(top level)' : path;
      stack.push({ value: (value as Record<string, unknown>)[k], path: at });
    }
  }
  return null;
}

function fail(error: string): ParseProjectResult {
  return { ok: false, error };
}

/** Reads a project file's text, upgrading older versions; never throws. */
export function parseProject(source: string): ParseProjectResult {
  if (source.length > MAX_PROJECT_CHARS) return fail('Not a Fairshare project: the file is too large.');
  let data: unknown;
  try {
    data = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch {
    return fail('Not a Fairshare project: the file is not valid JSON.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('Not a Fairshare project: expected a JSON object.');
  }
  const reserved = reservedKeyPath(data);
  if (reserved !== null) return fail(`Invalid project file: ${reserved}: "__proto__" is a reserved name`);
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('Not a Fairshare project: it has no format version.');
  }
  if (version > PROJECT_VERSION) {
    return fail(
      `This project was saved by a newer version of Fairshare (format ${version}); this version reads formats up to ${PROJECT_VERSION}.`,
    );
  }

  if (version < PROJECT_VERSION) {
    let v2: ProjectV2;
    if (version === 1) {
      const v1 = projectV1Schema.safeParse(data);
      if (!v1.success) return fail(`Invalid project file (format 1): ${describeIssues(v1.error)}`);
      v2 = migrateV1toV2(v1.data);
    } else {
      const parsed = projectV2Schema.safeParse(data);
      if (!parsed.success) return fail(`Invalid project file (format 2): ${describeIssues(parsed.error)}`);
      v2 = parsed.data;
    }
    const upgraded = projectSchema.safeParse(migrateV2toV3(v2));
    if (!upgraded.success) return fail(`Could not upgrade the project file: ${describeIssues(upgraded.error)}`);
    return { ok: true, project: upgraded.data, migratedFrom: version };
  }

  const current = projectSchema.safeParse(data);
  if (!current.success) return fail(`Invalid project file: ${describeIssues(current.error)}`);
  return { ok: true, project: current.data, migratedFrom: null };
}

/** The file text for a project, stamped with the save time; throws if the project is invalid. */
export function serializeProject(project: Project, savedAt: Date = new Date()): string {
  const stamped = { ...project, version: PROJECT_VERSION, savedAt: savedAt.toISOString() };
  const checked = projectSchema.safeParse(stamped);
  if (!checked.success) throw new Error(`Refusing to save an invalid project: ${describeIssues(checked.error)}`);
  return `${JSON.stringify(checked.data, null, 2)}\n`;
}
