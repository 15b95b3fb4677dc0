/**
 * Recognizes time-tracking entries that are not work — time off, holidays, sick days, leave —
 * which exports log beside work (Harvest's "Time Off" project, a "Holiday" task, a "Sick"
 * description). They are left out of work hours by default, so a week of vacation is not a task.
 */

/** One part of a label, lower-cased: the whole of it must be one of these to count. */
const NON_WORK = new RegExp(
  '^(?:' +
    [
      '(?:paid |unpaid )?time off', 'pto', 'paid time off', 'toil', 'vacations?', 'holidays?', 'public holidays?', 'bank holidays?',
      'national holidays?', 'sick(?:ness)?(?: leave| days?| time| note)?', 'illness', 'medical leave',
      '(?:annual|parental|maternity|paternity|sick|medical|unpaid|family|bereavement|compassionate|personal|special|study) leave',
      'leave', 'leave of absence', 'absences?', 'absent', 'days? off', 'out of office', 'ooo', 'personal days?', 'annual holiday',
      // The same in exports written in German, French and Spanish (accents dropped first).
      'urlaub', 'krank(?:heit)?', 'feiertage?', 'abwesenheit', 'conges?(?: payes)?', 'maladie', 'jours? feries?', 'vacaciones', 'enfermedad', 'festivos?', 'baja',
    ].join('|') +
    ')$',
);

const cache = new Map<string, boolean>();

/**
 * True when a label (a project, task or description) names time off. Labels are split at the
 * separators people use for nesting ("Internal / Time off", "Leave - Sick", "Admin: Holiday"), and
 * one part must be time off as a whole: "Leave request processing" is work.
 */
export function isNonWorkLabel(label: string): boolean {
  let hit = cache.get(label);
  if (hit === undefined) {
    if (cache.size > 20_000) cache.clear();
    const parts = label.toLowerCase().split(/\s+[-–—/:|&]\s+|[/:|(),;]|\s+-\s*/);
    hit = parts.some((p) => NON_WORK.test(p.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim()));
    cache.set(label, hit);
  }
  return hit;
}
