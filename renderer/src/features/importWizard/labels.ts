// Human words for the importer's codes: fields, layouts, sheet roles, confidence and severities.
import type { FieldName, LayoutKind, SheetRole } from '../../engine/import/types';
import type { Severity } from '../../engine/model/types';

/** Every field a column can be read as, in the order the picker lists them. */
export const FIELD_LABELS: Record<FieldName, string> = {
  person: 'Person (name)',
  firstName: 'First name',
  lastName: 'Last name',
  personId: 'Person ID',
  role: 'Role / title',
  department: 'Department',
  fte: 'FTE',
  contractHours: 'Contracted hours/week',
  annualPay: 'Annual pay',
  hourlyRate: 'Hourly pay',
  qualifications: 'Qualifications',
  task: 'Task',
  project: 'Project',
  description: 'Description',
  date: 'Date',
  hours: 'Hours per week',
  percent: '% of time',
  taskFte: 'FTE on the task',
  empowerment: 'Empowerment (E)',
  desirability: 'Desirability (D)',
  factorE: 'E factor',
  factorD: 'D factor',
  headcount: 'Headcount',
  requires: 'Requires (qualifications)',
  locked: 'Locked (do not move)',
  chore: 'Chore',
  category: 'Category (kind of work)',
  notes: 'Notes',
  personColumn: 'One person’s hours (grid)',
  taskColumn: 'One task’s hours (grid)',
  skip: 'Skip (not read)',
};

export const FIELD_NAMES = Object.keys(FIELD_LABELS) as FieldName[];

/** A field's label on a sheet of `role`: a time entry's hours are its duration, not hours per week. */
export function fieldLabel(field: FieldName, role?: SheetRole): string {
  return role === 'timesheet' && field === 'hours' ? 'Hours (duration of the entry)' : FIELD_LABELS[field];
}

export function isFieldName(value: string): value is FieldName {
  return Object.hasOwn(FIELD_LABELS, value);
}

export const LAYOUT_LABELS: Record<LayoutKind, string> = {
  long: 'One row per person and task',
  'matrix-tasks-by-people': 'Grid: tasks down, people across',
  'matrix-people-by-tasks': 'Grid: people down, tasks across',
  'roster+tasks': 'Roster and tasks on separate sheets',
  'role-headcount': 'Roles with headcounts',
  timesheet: 'Time entries (timesheet)',
  none: 'No usable layout found',
};

export const ROLE_LABELS: Record<SheetRole, string> = {
  long: 'Person × task rows',
  matrix: 'Grid of hours',
  roster: 'Roster of people',
  ratings: 'Task ratings',
  'role-headcount': 'Roles with headcounts',
  timesheet: 'Time entries (timesheet)',
  ignored: 'Not used',
};

export const SHEET_ROLES = Object.keys(ROLE_LABELS) as SheetRole[];

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** How sure the importer is, in a word; the CSS colours it. */
export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  return confidence >= 0.9 ? 'high' : confidence >= 0.6 ? 'medium' : 'low';
}

export const CONFIDENCE_WORDS = { high: 'sure', medium: 'likely', low: 'a guess' } as const;

export const SEVERITY_LABELS: Record<Severity, { one: string; many: string }> = {
  error: { one: 'Error', many: 'Errors' },
  warning: { one: 'Warning', many: 'Warnings' },
  info: { one: 'Note', many: 'Notes' },
};

/** Where an issue is, as a spreadsheet user would say it: "Tasks, row 14, column D". */
export function issueLocation(issue: { sheet: string | null; row: number | null; column: string | null }): string {
  const parts: string[] = [];
  if (issue.sheet) parts.push(issue.sheet);
  if (issue.row !== null) parts.push(`row ${issue.row}`);
  if (issue.column) parts.push(`column ${issue.column}`);
  return parts.join(', ') || 'whole file';
}

export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
