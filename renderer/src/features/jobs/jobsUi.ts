/**
 * What the Jobs view remembers while other views are shown: the selected person, the table shown
 * (people, roles or departments), filters and sort. Other views open a person here.
 */
import { Store, useStore } from '../../state/store';
import { actions } from '../../state/workspace';
import type { SortState } from '../../ui/table-SortableTable';

export type JobsMode = 'people' | 'roles' | 'departments';

export interface JobsUiState {
  selectedPersonId: string | null;
  mode: JobsMode;
  filter: string;
  /** Department shown ('' = all). */
  department: string;
  /** Role shown ('' = all), set by opening a role. */
  role: string;
  sort: Record<JobsMode, SortState>;
  /** A person opened from another view, whose row takes the focus once the Jobs view shows it. */
  focusRequest: string | null;
}

export const initialJobsUi: JobsUiState = {
  selectedPersonId: null,
  mode: 'people',
  filter: '',
  department: '',
  role: '',
  sort: {
    people: { key: 'empowerment', dir: 'descending' },
    roles: { key: 'empowerment', dir: 'descending' },
    departments: { key: 'empowerment', dir: 'descending' },
  },
  focusRequest: null,
};

export const jobsUi = new Store<JobsUiState>(initialJobsUi);

export function useJobsUi<T>(select: (s: JobsUiState) => T): T {
  return useStore(jobsUi, select);
}

/**
 * Shows one person's job in the Jobs view (clearing filters that would hide them), their row
 * focused: the link that opened it is gone with the view it was in, and focus must not fall to the page.
 */
export function openPersonInJobs(personId: string): void {
  jobsUi.set({ selectedPersonId: personId, mode: 'people', filter: '', department: '', role: '', focusRequest: personId });
  actions.setView('jobs');
}

/** Shows the people of one role or department in the Jobs view. */
export function openGroupInJobs(by: 'role' | 'department', name: string): void {
  jobsUi.set(by === 'department' ? { mode: 'people', filter: '', department: name, role: '' } : { mode: 'people', filter: '', department: '', role: name });
  actions.setView('jobs');
}

/** Shows everyone, most empowered first (e.g. the whole coordinator cluster at the top). */
export function openJobsByEmpowerment(): void {
  jobsUi.set((s) => ({ mode: 'people', filter: '', department: '', role: '', sort: { ...s.sort, people: { key: 'empowerment', dir: 'descending' } } }));
  actions.setView('jobs');
}
