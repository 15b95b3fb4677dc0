// Plain-language lines for what a re-import changes: an in-app edit the file overrides, a task's hours, a person's details.
import type { FactValue, OverriddenEdit } from '../../state/orgFacts';
import type { TaskHoursChange } from '../../state/reimport';
import { fmtHours } from '../../ui/figure-format';
import { formatNumber } from './labels';

/** Weekly hours as the file gave them (fmtHours: up to two decimals, 2.25 h stays 2.25 h). */
export function hoursText(h: number): string {
  return `${fmtHours(h)} h`;
}

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  role: 'role',
  department: 'department',
  fte: 'FTE',
  contractHours: 'contracted hours',
  annualPay: 'annual pay',
  hourlyRate: 'hourly pay',
  qualifications: 'qualifications',
  requires: 'requires',
  chore: 'chore',
};

export function fieldWord(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

export function valueText(v: FactValue | undefined): string {
  if (v === undefined || v === null || v === '') return 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return formatNumber(v, 2);
  return `“${v}”`;
}

const hours = (v: FactValue | undefined) => (typeof v === 'number' ? hoursText(v) : 'none');

/** One overridden edit, without the person's name (lists group by person): what the app has and what the file brings. */
export function overrideText(e: OverriddenEdit): string {
  const s = e.subject;
  const task = `“${e.task ?? ''}”`;
  if (s.kind === 'assignment' && s.field === 'hours') {
    if (e.imported === undefined) {
      return e.file === undefined
        ? `added task ${task} (${hours(e.app)}): not in the file, will be removed`
        : `added task ${task} (${hours(e.app)}) → ${hours(e.file)} in the file`;
    }
    if (e.app === undefined) return `removed ${task} (was ${hours(e.imported)}): the file has ${hours(e.file)}, it comes back`;
    return e.file === undefined
      ? `${e.task}: ${hours(e.app)} in the app → not in the file, will be removed`
      : `${e.task}: ${hours(e.app)} in the app → ${hours(e.file)} in the file`;
  }
  if (s.kind === 'assignment') return `${task} locked: ${valueText(e.app)} in the app → ${valueText(e.file)} in the file`;
  const what = s.kind === 'task' ? `task ${task} ${fieldWord(s.field)}` : fieldWord(s.field);
  if (e.file === undefined) return `${what}: ${valueText(e.app)} in the app → not in the file, will be removed`;
  return `${what}: ${valueText(e.app)} in the app → ${valueText(e.file)} in the file`;
}

/** One task of a job, before and after: "Grant writing 4 h → 6 h", "Newsletter 3 h → removed". */
export function taskChangeText(t: TaskHoursChange): string {
  const edited = t.appEdit ? ' (edited in the app)' : '';
  if (t.before === null) return `${t.task}: new, ${hoursText(t.after ?? 0)}${edited}`;
  if (t.after === null) return `${t.task}: ${hoursText(t.before)} → removed${edited}`;
  return `${t.task}: ${hoursText(t.before)} → ${hoursText(t.after)}${edited}`;
}
