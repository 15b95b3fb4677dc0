/** What the Tasks & ratings view remembers while other views are shown: filters, sort and the open factor panel. */
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
}

export const initialTasksUi: TasksUiState = { source: 'all', filter: '', sort: { key: 'hours', dir: 'descending' }, factorsTaskId: null };

export const tasksUi = new Store<TasksUiState>(initialTasksUi);

export function useTasksUi<T>(select: (s: TasksUiState) => T): T {
  return useStore(tasksUi, select);
}

/** Opens Tasks & ratings showing only tasks from one source (e.g. the suggested ones). */
export function openTasks(source: SourceFilter): void {
  tasksUi.set({ source, filter: '' });
  actions.setView('tasks');
}
