/**
 * Every transfer of a plan (task, from, to, weekly hours) in a sortable, virtualized table,
 * filtered by person (giver or taker), department and task (the host gives the heading). Test hooks: transfers-table,
 * transfer-row, transfer-hours (data-value), transfers-person, transfers-department, transfers-task, transfers-count.
 */
import { useMemo, useState } from 'react';
import type { FullProposal } from '../../engine/balance/fullProposal';
import { SortableTable, type Column, type SortState } from '../../ui/table-SortableTable';
import { fmtCount, fmtHours, plural } from '../../ui/figure-format';
import { departmentsOf, filterTransfers, tasksOf, transferRows, type TransferRow } from './resultsData';
import '../../ui/figure-view.css';
import './results.css';

const withDept = (name: string, dept: string | null) => (dept ? `${name} (${dept})` : name);

const COLUMNS: Column<TransferRow>[] = [
  { key: 'task', label: 'Task', sortValue: (r) => r.task, render: (r) => r.task, cellTitle: (r) => r.task, testId: 'transfer-task' },
  { key: 'from', label: 'From', sortValue: (r) => r.from, render: (r) => r.from, cellTitle: (r) => withDept(r.from, r.fromDepartment), testId: 'transfer-from' },
  { key: 'to', label: 'To', sortValue: (r) => r.to, render: (r) => r.to, cellTitle: (r) => withDept(r.to, r.toDepartment), testId: 'transfer-to' },
  {
    key: 'hours', label: 'Hours a week', title: 'Weekly hours of the task that change hands', numeric: true, width: '10rem',
    sortValue: (r) => r.hours, render: (r) => `${fmtHours(r.hours)} h`, cellValue: (r) => r.hours, testId: 'transfer-hours',
  },
];

export function TransfersTable({ proposal }: { proposal: FullProposal }) {
  const { report } = proposal;
  const rows = useMemo(() => transferRows(report), [report]);
  const departments = useMemo(() => departmentsOf(report.jobs), [report]);
  return <TransferList rows={rows} departments={departments} />;
}

/** The table itself, for any plan's transfers (the category plan's too). */
export function TransferList({ rows, departments }: { rows: readonly TransferRow[]; departments: readonly string[] }) {
  const tasks = useMemo(() => tasksOf(rows), [rows]);
  const [person, setPerson] = useState('');
  const [department, setDepartment] = useState('');
  const [task, setTask] = useState('');
  const [sort, setSort] = useState<SortState>({ key: 'hours', dir: 'descending' });

  const shown = useMemo(() => filterTransfers(rows, { person, department, task }), [rows, person, department, task]);
  const hours = shown.reduce((s, r) => s + r.hours, 0);

  return (
    <div className="transfers">
      <div className="filter-bar results-filters">
        <label>
          Person<span className="visually-hidden"> (transfers)</span>
          <input type="search" value={person} placeholder="Giver or taker" data-testid="transfers-person" onChange={(e) => setPerson(e.target.value)} />
        </label>
        <label>
          Department<span className="visually-hidden"> (transfers)</span>
          <select value={department} data-testid="transfers-department" onChange={(e) => setDepartment(e.target.value)}>
            <option value="">All departments</option>
            {departments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          Task<span className="visually-hidden"> (transfers)</span>
          <select value={task} data-testid="transfers-task" onChange={(e) => setTask(e.target.value)}>
            <option value="">All tasks</option>
            {tasks.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <span className="count" aria-live="polite" data-testid="transfers-count" data-value={hours}>
          {shown.length === rows.length ? plural(rows.length, 'transfer') : `${fmtCount(shown.length)} of ${plural(rows.length, 'transfer')}`}, {fmtHours(hours)} h a week
        </span>
      </div>
      <SortableTable
        rows={shown}
        columns={COLUMNS}
        rowKey={(r) => r.id}
        label="Transfers: task, from, to, hours a week"
        testId="transfers-table"
        rowTestId={() => 'transfer-row'}
        sort={sort}
        onSortChange={setSort}
        className="results-table"
        empty={rows.length === 0 ? 'No hours change hands.' : 'No transfer matches the filters.'}
      />
    </div>
  );
}
