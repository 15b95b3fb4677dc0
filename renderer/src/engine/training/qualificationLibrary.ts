/**
 * Data: the kinds of work that usually need a qualification (issue 14, "Qualifications first"), as
 * families of task-library entries. Edit this file to change which tasks are flagged; the matching
 * is in qualifications.ts and reuses the task library's grammar (rating/suggest.ts).
 *
 * A family names the task-library entries (by their `label` in rating/taskLibrary.ts) that belong
 * to it, plus `extra` entries for work the library does not know (clinical and licensed trades):
 * those use the library's pattern syntax. A task belongs to a family when one of the family's
 * entries *counts* in the task name by the library's rules — it is the action or its object
 * ("Hire and supervise staff"), or work overseen ("Supervise bookkeeping") — and not when it is
 * only context or material ("Set up chairs for the finance committee", "Print budget reports").
 *
 * Our defaults, not a source's: a family is here when doing the work badly harms someone outside
 * the job (money, legal exposure, health, a licence, another person's job) and organizations
 * usually ask for training, a certificate or a track record before handing it over. Deliberately
 * left out: broad words ("manage", "coordinate", "security", "clinic", "electric") that flag too
 * much ordinary work ("Manage social media", "Legal advice clinic", "Pay the electric bill").
 */
import type { TaskLibraryEntry } from '../rating/taskLibrary';

export interface QualificationFamily {
  /** Stable key, e.g. 'finance'. */
  id: string;
  /** Short reason shown with a task ("finance", "supervising others"). */
  why: string;
  /** TASK_LIBRARY labels that belong to the family (checked at first use: an unknown label throws). */
  libraryLabels: readonly string[];
  /**
   * Phrases the task library lacks, in its syntax. Their E and D only steer the library's grammar
   * (oversight and rote handling, see suggest.ts); they are never shown as suggested ratings.
   */
  extra: readonly TaskLibraryEntry[];
}

const extra = (label: string, empowerment: number, ...pattern: string[]): TaskLibraryEntry => ({ label: `qualification: ${label}`, empowerment, desirability: 0.4, pattern });

export const QUALIFICATION_FAMILIES: readonly QualificationFamily[] = [
  {
    id: 'finance',
    why: 'finance',
    libraryLabels: ['budget', 'financial planning', 'finance', 'audit', 'tax', 'bookkeeping', 'accounting', 'payroll', 'invoices and expenses'],
    extra: [],
  },
  {
    id: 'legal',
    why: 'legal',
    libraryLabels: ['legal', 'paralegal support', 'compliance and insurance'],
    extra: [extra('legal', 0.7, 'legal advice', 'legal clinic*', 'immigration advice', 'housing court', 'eviction defen*', 'court filing*', 'file court*', 'legal aid')],
  },
  {
    id: 'licensed',
    why: 'licensed or certified',
    libraryLabels: ['driving'],
    extra: [
      extra('licensed trades and machinery', 0.3, 'electrician*', 'electrical repair*', 'electrical work*', 'electrical install*', 'rewir*', 'plumber*', '=plumbing', 'plumbing repair*', 'plumbing work*', 'gas appliance*', 'gas safety', 'boiler*', 'forklift*', 'fork lift*', 'cdl', 'commercial driv*', 'hgv', 'heavy goods', 'pesticide*', 'asbestos', 'chainsaw*', 'scaffold*'),
      extra('certificates', 0.35, 'first aid*', 'food hygiene', 'food safety', 'serve alcohol', 'lifeguard*', 'security guard*', 'door supervis*'),
    ],
  },
  {
    id: 'clinical',
    why: 'clinical',
    libraryLabels: ['counselling', 'care work'],
    extra: [extra('clinical', 0.65, 'clinical', 'nurse', 'nurses', 'nursing', 'medical', 'medication*', 'medicine*', 'patient*', 'diagnos*', 'prescri*', 'vaccin*', 'physiotherap*', 'dental', 'mental health assessment*', 'psychiatr*')],
  },
  {
    id: 'supervising',
    why: 'supervising others',
    libraryLabels: ['hiring', 'supervise', 'firing and discipline', 'performance reviews', 'train others', 'human resources'],
    extra: [extra('people management', 0.8, 'manage staff', 'manage team*', 'manage people', 'manage volunteer*', 'staff management', 'people management', 'team lead*')],
  },
  {
    id: 'safeguarding',
    why: 'work with children or vulnerable adults',
    libraryLabels: ['safeguarding', 'childcare'],
    extra: [],
  },
];
