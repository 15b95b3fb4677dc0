/**
 * Tasks & ratings: every task with its weekly hours and people, its empowerment and desirability
 * as editable numbers on the project scale, its factor ratings (a panel beside the table), whether
 * it is a chore and what it requires (a qualifications panel), and where the rating comes from. A
 * rating edit is the members' (source "members"); every edit goes through the store (undoable).
 * Test hooks: tasks-table, task-row-<name>, task-name, task-hours, task-people, task-e-input,
 * task-d-input, task-factors-toggle, task-chore-toggle, task-requires-toggle, task-source, task-accept
 * (suggested rows), tasks-filter, tasks-source-filter, factor-editor, qualify-editor.
 */
import { useCallback, useMemo } from 'react';
import { useNarrowWindow } from '../../ui/useNarrowWindow';
import { shortHeader } from '../../ui/table-ShortHeader';
import { actions, useWorkspace } from '../../state/workspace';
import type { RatingSource, Scale } from '../../engine/model/types';
import { normalize } from '../../engine/rating/scale';
import { SortableTable, type Column } from '../../ui/table-SortableTable';
import { NumberInput } from '../../ui/table-NumberInput';
import { UpdatingIndicator, useReportStale } from '../../ui/figure-Updating';
import { fmtCount, fmtHours, plural, ratingDecimals } from '../../ui/figure-format';
import { ratingProblem } from './ratingProblem';
import { taskRows, type TaskRow } from './taskRows';
import { SOURCE_HELP, SourceBadge } from './SourceBadge';
import { tasksUi, useTasksUi, type SourceFilter } from './tasksUi';
import { factorsColumn } from './FactorToggle';
import { FactorEditor } from './FactorEditor';
import { constraintColumns } from './ConstraintColumns';
import { TaskConstraints } from './TaskConstraints';
import '../../ui/figure-view.css';
import '../../ui/panel-layout.css';
import './tasks.css';

export { taskRows, type TaskRow } from './taskRows';

const SOURCE_ORDER: Record<RatingSource, number> = { unrated: 0, suggested: 1, file: 2, members: 3, council: 4 };
const FILTER_LABELS: Record<SourceFilter, string> = {
  all: 'All sources',
  needs: 'Needs rating',
  suggested: 'Suggested',
  unrated: 'Unrated',
  file: 'File',
  members: 'Members',
  council: 'Decided by the group',
};

function matchesSource(source: RatingSource, filter: SourceFilter): boolean {
  return filter === 'all' || (filter === 'needs' ? source === 'suggested' || source === 'unrated' : source === filter);
}

/** Moves focus to the same rating input in the next (or previous) task row, like a spreadsheet. */
function focusNextRow(input: HTMLInputElement, up: boolean): void {
  const testId = input.dataset.testid;
  let row = input.closest('tr')?.[up ? 'previousElementSibling' : 'nextElementSibling'];
  while (row && !row.hasAttribute('data-row-index')) row = row[up ? 'previousElementSibling' : 'nextElementSibling'];
  row?.querySelector<HTMLInputElement>(`input[data-testid="${testId}"]`)?.focus();
}

function ratingColumn(dim: 'empowerment' | 'desirability', scale: Scale, narrow: boolean): Column<TaskRow> {
  const label = dim === 'empowerment' ? 'Empowerment' : 'Desirability';
  const validate = (v: number) => ratingProblem(v, scale);
  return {
    key: dim,
    // A narrow window shows the letter (the word stays for screen readers and in the tooltip), so Task keeps its room.
    label: shortHeader(label, label[0], narrow),
    title: dim === 'empowerment' ? `How empowering the task is (${scale.min}–${scale.max}, higher = more empowering)` : `How desirable the task is (${scale.min}–${scale.max}, higher = more pleasant, safe, interesting)`,
    numeric: true,
    // Room beside the field for a two-line message ("Not saved: use 1–20"), so it covers no other cell;
    // in a narrow window the message goes under the field instead (the row grows while it shows).
    width: narrow ? '6rem' : '10rem',
    className: narrow ? 'table-cell-input message-under' : 'table-cell-input',
    sortValue: (r) => r[dim],
    render: (r) => (
      <NumberInput
        value={r[dim]}
        label={`${label} of ${r.name}`}
        testId={dim === 'empowerment' ? 'task-e-input' : 'task-d-input'}
        min={scale.min}
        max={scale.max}
        placeholder="unrated"
        // Whole points are how people rate: a tenth of a point (a suggestion's 17.72, a file's 4.25) is all the precision a rating has.
        decimals={ratingDecimals(scale)}
        validate={validate}
        messageAt="start"
        onCommit={(v) => actions.rateTask(r.id, { [dim]: normalize(v, scale) })}
        onEnter={focusNextRow}
      />
    ),
  };
}

/** With the factor panel open, the Why column gives way: the panel shows the task's reason. */
function columns(scale: Scale, withReason: boolean, narrow: boolean): Column<TaskRow>[] {
  const all: Column<TaskRow>[] = [
    { key: 'name', label: 'Task', sortValue: (r) => r.name, render: (r) => r.name, testId: 'task-name', cellTitle: (r) => r.name, className: 'task-name' },
    { key: 'hours', label: 'Hours', title: 'Weekly hours on the task, over everyone who does it', numeric: true, width: '4.75rem', sortValue: (r) => r.hours, render: (r) => fmtHours(r.hours), testId: 'task-hours', cellValue: (r) => r.hours },
    { key: 'people', label: 'People', title: 'How many people do the task', numeric: true, width: '5.5rem', sortValue: (r) => r.people, render: (r) => fmtCount(r.people), testId: 'task-people', cellValue: (r) => r.people },
    ratingColumn('empowerment', scale, narrow),
    ratingColumn('desirability', scale, narrow),
    factorsColumn<TaskRow>(),
    ...constraintColumns<TaskRow>(),
    {
      key: 'source', label: 'Source', title: 'Where the rating comes from: the members, the file, a suggestion, or nothing yet', width: '6.5rem',
      sortValue: (r) => SOURCE_ORDER[r.source], render: (r) => <SourceBadge source={r.source} reason={r.reason} />,
    },
    {
      // Narrow windows: room for the Accept button (the reason is the cell's tooltip), so Task keeps its room.
      key: 'reason', label: 'Why', title: 'Why the rating is what it is', sortValue: (r) => r.reason, cellTitle: (r) => r.reason ?? SOURCE_HELP[r.source], className: 'task-reason', width: narrow ? '5.5rem' : undefined,
      render: (r) => (
        <>
          {r.source === 'suggested' && r.empowerment !== null && (
            <button
              type="button"
              className="task-accept"
              data-testid="task-accept"
              aria-label={`Accept the suggested rating of ${r.name}`}
              title="Keep these numbers as the members’ rating"
              onClick={() => actions.rateTask(r.id, { empowerment: normalize(r.empowerment!, scale), ...(r.desirability !== null ? { desirability: normalize(r.desirability, scale) } : {}) })}
            >
              Accept
            </button>
          )}
          <span className="muted">{r.reason ?? SOURCE_HELP[r.source]}</span>
        </>
      ),
    },
  ];
  return withReason ? all : all.filter((c) => c.key !== 'reason');
}

const taskKey = (r: TaskRow) => r.id;

export function TasksView() {
  const project = useWorkspace((s) => s.project);
  const stale = useReportStale();
  const { source, filter, sort, factorsTaskId, qualifyTaskId } = useTasksUi((s) => s);
  const org = project?.organization;
  const scale = org?.scale;

  const rows = useMemo(() => (org ? taskRows(org) : []), [org]);
  const factorTask = factorsTaskId === null ? undefined : org?.tasks.find((t) => t.id === factorsTaskId);
  const qualifyTask = factorTask || qualifyTaskId === null ? undefined : org?.tasks.find((t) => t.id === qualifyTaskId);
  const panelOpen = factorTask !== undefined || qualifyTask !== undefined;
  const narrow = useNarrowWindow();
  // With a panel open the table is as narrow as a narrow window's: its rating columns shrink so Task keeps room.
  const cols = useMemo(() => (scale ? columns(scale, !panelOpen, narrow || panelOpen) : []), [scale, panelOpen, narrow]);
  const counts = useMemo(() => {
    const c: Record<SourceFilter, number> = { all: rows.length, needs: 0, suggested: 0, unrated: 0, file: 0, members: 0, council: 0 };
    for (const r of rows) {
      c[r.source]++;
      if (r.source === 'suggested' || r.source === 'unrated') c.needs++;
    }
    return c;
  }, [rows]);
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return rows.filter((r) => matchesSource(r.source, source) && words.every((w) => r.name.toLowerCase().includes(w)));
  }, [rows, source, filter]);
  const rowTestId = useCallback((r: TaskRow) => `task-row-${r.name}`, []);

  if (!project || !org || !scale) return null;

  return (
    <section className="tasks" aria-labelledby="tasks-title" aria-busy={stale}>
      <header className="view-head">
        <div className="view-title">
          <h2 id="tasks-title">Tasks &amp; ratings</h2>
          <p className="muted">
            Rate each task from {scale.min} to {scale.max}: empowerment (decision-making, planning, skills) and desirability (pleasant, safe, interesting). Your ratings replace the file’s and the suggestions, and every job is re-scored at once. Factors rate a task point by point; its E and D become their means. A proposal rotates chores over the quarter and gives new hours on a task only to people holding what it requires. Enter moves down; Ctrl+Z undoes.
          </p>
        </div>
        <UpdatingIndicator />
      </header>

      <div className="filter-bar">
        <label>
          <span className="visually-hidden">Filter tasks by name</span>
          <input type="search" value={filter} placeholder="Filter tasks" aria-label="Filter tasks by name" data-testid="tasks-filter" onChange={(e) => tasksUi.set({ filter: e.target.value })} />
        </label>
        <label>
          Source
          <select value={source} onChange={(e) => tasksUi.set({ source: e.target.value as SourceFilter })} data-testid="tasks-source-filter">
            {(Object.keys(FILTER_LABELS) as SourceFilter[]).map((k) => (
              <option key={k} value={k}>
                {FILTER_LABELS[k]} ({fmtCount(counts[k])})
              </option>
            ))}
          </select>
        </label>
        <ul className="tasks-legend" aria-label="Ratings by source">
          {(['council', 'members', 'file', 'suggested', 'unrated'] as const).map((k) => (
            <li key={k}>
              <button type="button" className="tasks-legend-item" aria-pressed={source === k} title={`${SOURCE_HELP[k]}. Show only these.`} onClick={() => tasksUi.set({ source: source === k ? 'all' : k })}>
                <span className={`source-dot source-${k}`} aria-hidden="true" />
                {k} <span className="tasks-legend-count">{fmtCount(counts[k])}</span>
              </button>
            </li>
          ))}
        </ul>
        <span className="count" aria-live="polite">
          {shown.length === rows.length ? plural(rows.length, 'task') : `${fmtCount(shown.length)} of ${plural(rows.length, 'task')}`}
        </span>
      </div>

      <div className={`tasks-body panel-layout${panelOpen ? ' with-panel' : ''}`}>
        <SortableTable
          rows={shown}
          columns={cols}
          rowKey={taskKey}
          label="Tasks and their ratings"
          testId="tasks-table"
          rowTestId={rowTestId}
          sort={sort}
          onSortChange={(s) => tasksUi.set({ sort: s })}
          rowHeight={40}
          className="tasks-table"
          empty={rows.length ? 'No task matches the filter.' : 'This organization has no tasks.'}
          selectedKey={(factorTask ?? qualifyTask)?.id ?? null}
        />
        {factorTask && <FactorEditor key={factorTask.id} task={factorTask} scale={scale} />}
        {qualifyTask && <TaskConstraints key={qualifyTask.id} org={org} task={qualifyTask} />}
      </div>
    </section>
  );
}
