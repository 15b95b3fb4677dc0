/**
 * What the app should show, computed in Node with the engine the app runs in its worker: the
 * sample workbook imported with suggestions, and audit reports after the same edits a test makes
 * in the browser. Also the "updated spreadsheet" a re-import test feeds back in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { importOrganization, type ImportResult } from '../../renderer/src/engine/import';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { buildAuditReport, type AuditOptions, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { normalize } from '../../renderer/src/engine/rating/scale';
import { setAssignmentHours, setTaskRating } from '../../renderer/src/state/edits';
import type { Organization } from '../../renderer/src/engine/model/types';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_NAME = 'sample-organization.xlsx';
export const SAMPLE_PATH = path.join(ROOT, 'resources', SAMPLE_NAME);
/** The app's default (DEFAULT_USER_SETTINGS.hoursPerFte). */
export const HOURS_PER_FTE = 40;

export interface Imported {
  result: ImportResult;
  organization: Organization;
  file: string;
}

/** Imports workbook bytes as the app's worker does (auto-detected mapping, then suggested ratings). */
export function importBytes(bytes: Uint8Array, file: string): Imported {
  const result = importOrganization(new Uint8Array(bytes), file, { hoursPerFte: HOURS_PER_FTE, mapping: { sheets: {} } });
  if (!result.organization) throw new Error(`engine could not import ${file}: ${result.fatal}`);
  return { result, file, organization: applySuggestions(result.organization) };
}

export function importSample(): Imported {
  return importBytes(readFileSync(SAMPLE_PATH), SAMPLE_NAME);
}

export function audit(imported: Imported, organization: Organization = imported.organization, options: AuditOptions = {}): AuditReport {
  const { result, file } = imported;
  return buildAuditReport({ organization, issues: result.issues, layout: result.layout, file, format: result.format }, options);
}

function taskId(org: Organization, taskName: string): string {
  const task = org.tasks.find((t) => t.name === taskName);
  if (!task) throw new Error(`no task "${taskName}"`);
  return task.id;
}

function personId(org: Organization, name: string): string {
  const person = org.people.find((p) => p.name === name);
  if (!person) throw new Error(`no person "${name}"`);
  return person.id;
}

/** The organization after a members' rating in points of the project scale (as typed in Tasks & ratings). */
export function withRating(org: Organization, taskName: string, points: { empowerment?: number; desirability?: number }): Organization {
  const rating: { empowerment?: number; desirability?: number } = {};
  if (points.empowerment !== undefined) rating.empowerment = normalize(points.empowerment, org.scale);
  if (points.desirability !== undefined) rating.desirability = normalize(points.desirability, org.scale);
  return setTaskRating(org, taskId(org, taskName), rating);
}

export function withHours(org: Organization, personName: string, taskName: string, hours: number): Organization {
  return setAssignmentHours(org, personId(org, personName), taskId(org, taskName), hours);
}

/** A task's rating in points, as the Tasks view shows it. */
export function ratingPoints(imported: Imported, taskName: string, dimension: 'empowerment' | 'desirability'): number {
  const task = audit(imported).tasks.find((t) => t.name === taskName);
  if (!task || task[dimension] === null) throw new Error(`no ${dimension} rating for "${taskName}"`);
  return task[dimension]!;
}

export function hoursOn(org: Organization, personName: string, taskName: string): number {
  const pid = personId(org, personName);
  const tid = taskId(org, taskName);
  return org.assignments.filter((a) => a.personId === pid && a.taskId === tid).reduce((s, a) => s + a.hours, 0);
}

export function reading(report: AuditReport, key: string): number {
  const r = report.readings.find((x) => x.key === key);
  if (!r || r.value === null) throw new Error(`the report has no reading "${key}"`);
  return r.value;
}

export function person(report: AuditReport, name: string): AuditReport['people'][number] {
  const p = report.people.find((x) => x.name === name);
  if (!p) throw new Error(`the report has no person "${name}"`);
  return p;
}

export interface UpdatedWorkbook {
  buffer: Buffer;
  removed: string;
  changed: { name: string; task: string; hoursBefore: number; hoursAfter: number; totalBefore: number; totalAfter: number };
}

/**
 * The sample as its owner might update it: `changedPerson` works `extraHours` more on their first
 * task, and `removedPerson` has left (gone from the roster and the task list). Written with SheetJS.
 */
export function updatedSample(changedPerson = 'Aisha Bello', extraHours = 5, removedPerson = 'Chloe Martin'): UpdatedWorkbook {
  const wb = XLSX.read(readFileSync(SAMPLE_PATH), { type: 'buffer' });
  const rowsOf = (sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, raw: true, defval: null });
  const roster = rowsOf('Roster');
  const tasks = rowsOf('Tasks');
  const nameCol = (rows: unknown[][]) => rows[0].findIndex((h) => h === 'Name');
  const taskCol = tasks[0].findIndex((h) => h === 'Task');
  const hoursCol = tasks[0].findIndex((h) => h === 'Hours per week');
  const rn = nameCol(roster);
  const tn = nameCol(tasks);
  if (rn < 0 || tn < 0 || taskCol < 0 || hoursCol < 0) throw new Error('the sample workbook no longer has the expected Roster/Tasks headers');
  const totalOf = (name: string) => tasks.filter((r) => r[tn] === name).reduce((s, r) => s + Number(r[hoursCol]), 0);
  const first = tasks.find((r) => r[tn] === changedPerson);
  if (!first) throw new Error(`no task rows for ${changedPerson}`);
  if (!roster.some((r) => r[rn] === removedPerson)) throw new Error(`no roster row for ${removedPerson}`);
  const totalBefore = totalOf(changedPerson);
  const hoursBefore = Number(first[hoursCol]);
  first[hoursCol] = hoursBefore + extraHours;
  const keep = (rows: unknown[][], col: number) => rows.filter((r, i) => i === 0 || r[col] !== removedPerson);
  wb.Sheets.Roster = XLSX.utils.aoa_to_sheet(keep(roster, rn));
  wb.Sheets.Tasks = XLSX.utils.aoa_to_sheet(keep(tasks, tn));
  const buffer = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return {
    buffer,
    removed: removedPerson,
    changed: { name: changedPerson, task: String(first[taskCol]), hoursBefore, hoursAfter: hoursBefore + extraHours, totalBefore, totalAfter: totalBefore + extraHours },
  };
}
