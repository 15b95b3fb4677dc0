/** What the Tasks & ratings view remembers while other views are shown: filters, sort and the open side panel (factors or qualifications). */
import { Store, useStore } from '../../state/store';
import { actions } from '../../state/workspace';
import type { RatingSource } from '../../engine/model/types';
import type { SortState } from '../../ui/table-SortableTable';

/** 'needs' = suggested or unrated: the tasks the members still have to rate. */
export type SourceFilter = 'all' | 'needs' | RatingSource;

export interface TasksUiState {
  source: SourceFilter;
  filter: string;
  sort: SortState;
  /** The task whose factor panel is open, or null. */
  factorsTaskId: string | null;
  /** The task whose qualifications panel is open, or null (only one panel is open at a time). */
  qualifyTaskId: string | null;
}

export const initialTasksUi: TasksUiState = { source: 'all', filter: '', sort: { key: 'hours', dir: 'descending' }, factorsTaskId: null, qualifyTaskId: null };

export const tasksUi = new Store<TasksUiState>(initialTasksUi);

export function useTasksUi<T>(select: (s: TasksUiState) => T): T {
  return useStore(tasksUi, select);
}

/** Opens Tasks & ratings showing only tasks from one source (e.g. the suggested ones). */
export function openTasks(source: SourceFilter): void {
  tasksUi.set({ source, filter: '' });
  actions.setView('tasks');
}
