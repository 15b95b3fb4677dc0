/**
 * Recognizes column headers by synonym, case- and spacing-insensitively, and reads the hints
 * people write into headers: a rating scale ("(1-10)", "/5", "0–100") and a unit ("%", "FTE").
 */
import type { FieldName } from './types';
import type { Scale } from '../model/types';

/** Header field before we know whether the sheet lists tasks: "hours" on a roster means contract hours. */
export type HeaderField = Exclude<FieldName, 'personColumn' | 'taskColumn' | 'skip'>;

const SYNONYMS: Record<HeaderField, string[]> = {
  person: ['name', 'names', 'staff member', 'staff', 'staff name', 'employee', 'employee name', 'person', 'worker', 'member', 'full name', 'team member', 'who', 'staffer', 'individual', 'user', 'user name', 'username', 'member name', 'mitarbeiter', 'benutzer', 'nutzer', 'mitglied', 'employe', 'utilisateur', 'membre', 'empleado', 'usuario', 'miembro'],
  personId: ['id', 'employee id', 'staff id', 'emp id', 'person id', 'employee number', 'staff number', 'employee no', 'staff no', 'payroll id', 'payroll number', 'member id', 'badge'],
  role: ['role', 'roles', 'position', 'title', 'job title', 'job', 'position title', 'job role', 'post', 'rolle', 'rollen', 'rol', 'roles de usuario'],
  department: ['department', 'dept', 'team', 'unit', 'division', 'program', 'programme', 'section', 'area', 'department team', 'group', 'abteilung', 'gruppe', 'groupe', 'grupo', 'departamento', 'equipo', 'equipe'],
  fte: ['fte', 'full time equivalent', 'fte %'],
  // Hours a person is contracted for, never time on a task: read first, or "Contract hours" would take the hours column.
  contractHours: ['contract hours', 'contracted hours', 'contractual hours', 'hours contracted', 'standard hours', 'scheduled hours', 'contract hrs', 'contracted hours per week', 'contract hours per week'],
  annualPay: ['salary', 'annual salary', 'pay', 'annual pay', 'wage', 'wages', 'compensation', 'annual wage', 'salary per year', 'yearly pay', 'gross pay', 'annual compensation'],
  hourlyRate: ['hourly rate', 'hourly pay', 'hourly wage', 'pay per hour', 'rate per hour', 'pay rate', 'rate', 'wage per hour', 'pay hr', 'pay hour'],
  qualifications: ['qualifications', 'qualification', 'skills', 'skill', 'certifications', 'certified'],
  task: ['task', 'tasks', 'activity', 'activities', 'duty', 'duties', 'task name', 'responsibility', 'responsibilities', 'work item', 'function', 'task activity', 'task description', 'aufgabe', 'tatigkeit', 'tache', 'tarea', 'actividad', 'activite'],
  hours: ['hours', 'hrs', 'hrs wk', 'hours per week', 'weekly hours', 'hours week', 'hrs week', 'h wk', 'hours wk', 'hrs per week', 'time', 'hours per person', 'hrs per person', 'weekly hrs', 'hours a week', 'hrs week per person', 'h week',
    // Time-tracking exports: Toggl's "Duration", Clockify's "Duration (h)" and "Duration (decimal)", Harvest's "Hours".
    'duration', 'duration decimal', 'duration h', 'hours decimal', 'hours worked', 'hours logged', 'logged hours', 'time spent', 'time logged',
    'dauer', 'dauer dezimal', 'stunden', 'duree', 'duree decimale', 'heures', 'duracion', 'duracion decimal', 'horas'],
  percent: ['% of time', 'percent of time', 'share of time', '% time', 'time %', 'percent', 'share', 'time share', 'allocation', '% allocation', 'percentage', 'percentage of time', '%'],
  taskFte: ['task fte', 'fte on task'],
  empowerment: ['empowerment', 'e', 'emp', 'empowerment rating', 'empowering', 'empowerment score', 'e rating'],
  desirability: ['desirability', 'd', 'des', 'desirability rating', 'desirable', 'desirability score', 'd rating'],
  factorE: ['decision authority', 'access to strategic information', 'strategic information', 'skill development', 'coordinating others', 'coordination', 'external representation', 'planning and problem solving', 'planning problem solving'],
  factorD: ['physical strain', 'physical strain and hazard', 'hazard', 'environment', 'repetition', 'control of pace', 'pace', 'emotional load', 'emotional load and conflict', 'conflict', 'schedule', 'intrinsic interest'],
  headcount: ['headcount', 'head count', 'number of staff', 'staff count', 'positions', 'count', 'n', 'number of people', 'no of staff', 'num staff', 'people', 'number', '# staff', 'staff number in role', 'posts'],
  requires: ['requires', 'required qualifications', 'requirements', 'qualification required', 'required', 'requires qualification'],
  locked: ['locked', 'lock', 'fixed'],
  chore: ['chore', 'is chore'],
  // Issue 17 quick category mode: a named kind of work ("Managerial", "Content", "Maintenance"…).
  category: ['category', 'categories', 'task category', 'work category', 'category of work', 'kind of work', 'type of work', 'work type', 'task type', 'kind of task', 'type of task'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'details', 'memo'],
  // Dated time entries (Harvest, Toggl Track, Clockify, a shared timesheet).
  date: ['date', 'start date', 'spent date', 'day', 'entry date', 'work date', 'date worked', 'date of work', 'worked on',
    // Exports in the user's language (accents are dropped before matching): German, French, Spanish.
    'datum', 'startdatum', 'date de debut', 'fecha', 'fecha de inicio'],
  firstName: ['first name', 'firstname', 'given name', 'forename'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
  project: ['project', 'project name', 'projekt', 'projet', 'proyecto'],
  description: ['description', 'entry description', 'time entry description', 'beschreibung', 'descripcion'],
};

/** Lowercase, accents removed, punctuation to spaces, "#" and "%" kept as words. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' % ')
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9%#]+/g, ' ')
    .trim();
}

/** The header without parenthesised hints like "(1-20)" or "(hrs)". */
function stripHints(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/\b\d+\s*(?:-|–|—|to)\s*\d+\b|\/\s*\d+\b/g, ' ');
}

/** A header without its scale hint, for showing beside values on another scale: "Repetition (1-5)" → "Repetition". */
export function withoutScaleHint(header: string): string {
  const bare = stripHints(header).replace(/\s+/g, ' ').trim();
  return bare === '' ? header.trim() : bare;
}

const LOOKUP = new Map<string, HeaderField>();
for (const [field, words] of Object.entries(SYNONYMS) as [HeaderField, string[]][]) {
  for (const w of words) if (!LOOKUP.has(normalizeHeader(w))) LOOKUP.set(normalizeHeader(w), field);
}

/**
 * The comparable form of a factor name: "Decision Authority (1-5)" and "decision authority" are the
 * same factor, so a file's header and a name typed in the app meet.
 */
export function factorNameKey(name: string): string {
  return normalizeHeader(stripHints(name)) || name.trim().toLowerCase();
}

/** Whether a name is one of the desirability factor synonyms (exactly, ignoring case, spacing and scale hints). */
export function isDesirabilityFactorName(name: string): boolean {
  return (LOOKUP.get(normalizeHeader(name)) ?? LOOKUP.get(normalizeHeader(stripHints(name)))) === 'factorD';
}

/** The unit named inside a header's brackets: "(% of time)", "[percent]", "(share)" → percent; "(FTE)" → task FTE. */
function unitInHints(text: string): 'percent' | 'taskFte' | null {
  const hints = (text.match(/\([^)]*\)|\[[^\]]*\]/g) ?? []).map(normalizeHeader).join(' ');
  if (/%|\bpercent|\bshare\b|\bproportion/.test(hints)) return 'percent';
  if (/\bfte\b/.test(hints)) return 'taskFte';
  return null;
}

export interface HeaderMatch {
  field: HeaderField;
  confidence: number;
}

/** Single-letter and very short synonyms only count as exact matches, never as parts of longer headers. */
const PARTIAL_ORDER: [RegExp, HeaderField][] = [
  [/%|\bpercent|\bshare of\b|\bproportion/, 'percent'],
  [/\bempower/, 'empowerment'],
  [/\bdesirab/, 'desirability'],
  [/\bheadcount|\bhead count|\bnumber of (staff|people|positions)/, 'headcount'],
  [/\bhourly|\bper hour|\bpay rate/, 'hourlyRate'],
  [/\bsalary|\bannual (pay|wage)|\bcompensation/, 'annualPay'],
  [/\bcontract(ed|ual)? (hours|hrs)\b/, 'contractHours'],
  [/\b(hours?|hrs)\b/, 'hours'],
  [/\bfte\b/, 'fte'],
  [/\bcategor/, 'category'],
  [/\b(task|activity|duty|duties|responsibilit)/, 'task'],
  // A bare "ID" names the person only when it leads the header: "Invoice ID" or "Task ID" is something else's.
  [/\b(employee|staff|person|member|user|worker|payroll) (id|number|no|code)\b|^id\b/, 'personId'],
  [/\b(name|employee|staff member|worker)\b/, 'person'],
  [/\b(job title|role|position|title)\b/, 'role'],
  [/\b(department|dept|team|division|unit|programme|program)\b/, 'department'],
  [/\b(qualification|skill|certif)/, 'qualifications'],
  [/\brequire/, 'requires'],
  [/\b(note|comment|remark)/, 'notes'],
];

/** Fields a yes/no column ("Employee?", "Billable?") never holds, though its words name them. */
const KEYS_NOT_QUESTIONS = new Set<HeaderField>(['person', 'personId', 'role', 'department', 'task', 'date', 'project']);

/** Matches one header cell; null when it names nothing we know. */
export function matchHeader(text: string): HeaderMatch | null {
  const m = matchWords(text);
  // Harvest's "Employee?" holds Yes/No beside First Name and Last Name: a question, not a name.
  if (m && KEYS_NOT_QUESTIONS.has(m.field) && /\?\s*$/.test(text)) return null;
  return m;
}

function matchWords(text: string): HeaderMatch | null {
  const full = normalizeHeader(text);
  if (full === '') return null;
  const whole = LOOKUP.get(full);
  if (whole) return { field: whole, confidence: 1 };
  const bare = LOOKUP.get(normalizeHeader(stripHints(text)));
  // "Hours (% of time)" or "Time (FTE)": the bracketed unit decides, or 25 and 75 would be read as hours.
  if (bare === 'hours') return { field: unitInHints(text) ?? 'hours', confidence: 1 };
  if (bare) return { field: bare, confidence: 1 };
  // "Hours (% of time)" and the like: a percent sign decides the unit.
  for (const [re, field] of PARTIAL_ORDER) if (re.test(full)) return { field, confidence: 0.7 };
  return null;
}

/**
 * A label that marks a totals column or row: the whole cell is "Total", "Totals", "Grand total",
 * "Subtotal", "Sum", "Total hours", "TOTAL:"… A task called "Overall strategy" is not one.
 */
export function isTotalLabel(text: string): boolean {
  // Cheap rejection first: this runs on every data row.
  if (!/^\W*(grand|sub|overall|total|sum)/i.test(text)) return false;
  return /^(grand |sub ?|overall )?(totals?|sum)( (hours|hrs|time|%|percent|fte|per week|week))?$/.test(normalizeHeader(text));
}

/** A rating scale written in a header: "(1-10)", "1–5", "/10", "0-100", "out of 20". */
export function scaleHint(text: string): Scale | null {
  const range = /(\d+)\s*(?:-|–|—|to)\s*(\d+)/.exec(text);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if (max > min && max <= 1000) return { min, max };
  }
  const outOf = /(?:\/|out of)\s*(\d+)/i.exec(text);
  if (outOf) {
    const max = Number(outOf[1]);
    if (max === 100) return { min: 0, max };
    if (max > 1) return { min: 1, max };
  }
  return null;
}
