/**
 * The training the proposal needs (who, which task, its weekly hours, one-off training hours over
 * the quarter, who can train them) with the total, and the notice on tasks that usually need a
 * qualification when the file names none. Renders nothing when there is neither. Test hooks:
 * training-plan, training-table, training-row, training-total (data-value), qualification-notice.
 */
import { useMemo, useState } from 'react';
import type { FullProposal } from '../../engine/balance/fullProposal';
import type { QualificationNotice, TrainingRow } from '../../engine/balance/planCare';
import { SortableTable, type Column, type SortState } from '../../ui/table-SortableTable';
import { fmtHours, plural } from '../../ui/figure-format';
import './results.css';

type Row = TrainingRow & { id: string };

const names = (list: readonly string[], max = 3) => (list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`);

const COLUMNS: Column<Row>[] = [
  { key: 'person', label: 'Person', sortValue: (r) => r.person, render: (r) => r.person, cellTitle: (r) => r.person, testId: 'training-person' },
  { key: 'task', label: 'Task', sortValue: (r) => r.task, render: (r) => r.task, cellTitle: (r) => `${r.task}: E ${r.taskEmpowerment.toFixed(1)} points against ${r.personEmpowerment.toFixed(1)} for the job now`, testId: 'training-task' },
  { key: 'weekly', label: 'Hours a week', title: 'Weekly hours of the task the person takes on', numeric: true, width: '9.5rem', sortValue: (r) => r.weeklyHours, render: (r) => `${fmtHours(r.weeklyHours)} h`, cellValue: (r) => r.weeklyHours },
  { key: 'training', label: 'Training', title: 'One-off training hours over the quarter', numeric: true, width: '7.5rem', sortValue: (r) => r.trainingHours, render: (r) => `${fmtHours(r.trainingHours)} h`, cellValue: (r) => r.trainingHours, testId: 'training-hours' },
  { key: 'trainers', label: 'Trainers', title: 'Who does the task now, most hours first', sortValue: (r) => r.trainers[0] ?? null, render: (r) => (r.trainers.length ? names(r.trainers, 2) : <span className="muted">no one does it now</span>), cellTitle: (r) => r.trainers.join(', ') || undefined },
];

function Notice({ q }: { q: QualificationNotice }) {
  const moved = q.tasks.filter((t) => t.hoursToNewPeople > 1e-9);
  return (
    <div className="qualification-notice" data-testid="qualification-notice" role="note">
      <h4>Qualifications</h4>
      <p>The file names no qualifications, requirements or locks, so the plan may give any task to anyone.</p>
      {q.qualifiedFromCurrent ? (
        <p>{q.tasks.length === 1 ? 'One task usually needs' : `${q.tasks.length} tasks usually need`} a qualification; they stay with the people who do them now.</p>
      ) : (
        <p>
          {q.tasks.length === 1 ? 'One task usually needs' : `${q.tasks.length} tasks usually need`} a qualification. The plan moves{' '}
          <strong data-testid="qualification-hours" data-value={q.hoursToNewPeople}>{fmtHours(q.hoursToNewPeople)} h a week</strong> of them to people who never did similar work. Check that they may do it, or keep
          these tasks with the people who do them now.
        </p>
      )}
      <ul>
        {(q.qualifiedFromCurrent ? q.tasks : moved).map((t) => (
          <li key={t.task}>
            <strong>{t.task}</strong> ({t.why}, {fmtHours(t.weeklyHours)} h a week)
            {t.hoursToNewPeople > 1e-9 && <>: {fmtHours(t.hoursToNewPeople)} h to {names(t.newPeople)}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TrainingPlan({ proposal }: { proposal: FullProposal }) {
  const { report, care } = proposal;
  const training = report.training ?? care.training;
  const total = report.trainingHours ?? care.trainingHours;
  const notice = report.qualifications !== undefined ? report.qualifications : care.qualifications;
  const rows = useMemo<Row[]>(() => training.map((t, i) => ({ ...t, id: String(i) })), [training]);
  const [sort, setSort] = useState<SortState>({ key: 'person', dir: 'ascending' });
  const hasNotice = !!notice && notice.tasks.length > 0;
  if (rows.length === 0 && !hasNotice) return null;
  const people = new Set(training.map((t) => t.person)).size;

  return (
    <section className="training-plan" data-testid="training-plan" aria-labelledby="training-title">
      <h3 id="training-title" className="results-title">Training</h3>
      {rows.length > 0 && (
        <>
          <p className="training-total" data-testid="training-total" data-value={total}>
            {plural(people, 'person', 'people')} take on {plural(rows.length, 'task')} well above their job’s empowerment now:{' '}
            <strong>{fmtHours(total)} h of training</strong> over the quarter in all.
          </p>
          <SortableTable rows={rows} columns={COLUMNS} rowKey={(r) => r.id} label="Training: person, task, hours a week, training hours, trainers" testId="training-table" rowTestId={() => 'training-row'} sort={sort} onSortChange={setSort} className="results-table" />
        </>
      )}
      {hasNotice && <Notice q={notice} />}
    </section>
  );
}
