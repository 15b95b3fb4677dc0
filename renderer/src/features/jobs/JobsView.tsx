/**
 * Jobs: every person's job (hours, empowerment, desirability, pay) in a sortable, filterable table,
 * with roles and departments as alternative tables; selecting a person opens their task bundle for
 * editing. Test hooks: jobs-table, job-row-<name>, job-role, job-department, job-e, job-d, job-hours, job-pay,
 * job-hourly-pay, job-suggested, roles-table, role-row-<role>, departments-table, department-row-<name>,
 * jobs-filter, jobs-department, bundle-editor.
 */
import { useCallback, useMemo } from 'react';
import { useWorkspace } from '../../state/workspace';
import type { AuditGroup, AuditReport } from '../../engine/analysis/auditReport';
import { SortableTable, type Column } from '../../ui/table-SortableTable';
import { UpdatingIndicator, useReportStale } from '../../ui/figure-Updating';
import { fmtCount, fmtHours, fmtMoney, fmtPct, fmtRate, fmtScore, fmtSigned, plural } from '../../ui/figure-format';
import { jobsUi, useJobsUi, type JobsMode } from './jobsUi';
import { departmentsOf, filterPeople, personRows, type PersonRow } from './rows';
import { BundleEditor } from './BundleEditor';
import { useFocusRequest } from './useFocusRequest';
import { useNarrowWindow } from '../../ui/useNarrowWindow';
import { shortHeader } from '../../ui/table-ShortHeader';
import '../../ui/figure-view.css';
import '../../ui/panel-layout.css';
import './jobs.css';

type GroupRow = AuditGroup & { name: string };

const personKey = (r: PersonRow) => r.id;

function filterGroups(rows: GroupRow[], filter: string): GroupRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length ? rows.filter((r) => words.every((w) => r.name.toLowerCase().includes(w))) : rows;
}
const groupKey = (r: GroupRow) => r.name;

/** A score's tooltip when part of it rests on suggested ratings. */
const restsOn = (r: PersonRow) => (r.suggestedShare > 0 ? `${fmtPct(r.suggestedShare)} of this job’s hours are on tasks rated only by suggestion` : undefined);

function personColumns(report: AuditReport | null, rows: PersonRow[], compact: boolean, narrow: boolean): Column<PersonRow>[] {
  const mean = report?.metrics.empowerment.mean ?? null;
  const tolerance = report?.metrics.tolerance ?? 0;
  const scale = report ? `${report.scale.min}–${report.scale.max}` : '';
  const hasPay = rows.some((r) => r.pay !== null);
  const hasHourly = rows.some((r) => r.hourlyPay !== null);
  const hasSuggested = rows.some((r) => r.suggestedShare > 0);
  const cols: Column<PersonRow>[] = [
    { key: 'name', label: 'Name', sortValue: (r) => r.name, render: (r) => r.name, testId: 'job-name', cellTitle: (r) => r.name },
    { key: 'role', label: 'Role', sortValue: (r) => r.role, render: (r) => r.role ?? '—', cellTitle: (r) => r.role ?? undefined, testId: 'job-role' },
    { key: 'department', label: 'Department', width: '9rem', sortValue: (r) => r.department, render: (r) => r.department ?? '—', testId: 'job-department' },
    { key: 'hours', label: 'Hours', title: 'Weekly hours on all tasks', numeric: true, width: '5rem', sortValue: (r) => r.hours, render: (r) => fmtHours(r.hours), testId: 'job-hours', cellValue: (r) => r.hours },
    {
      key: 'empowerment', label: shortHeader('Empowerment', 'E', narrow), title: `Job empowerment: hours-weighted mean of the task ratings (${scale})`, numeric: true, width: narrow ? '4.5rem' : '9.5rem',
      sortValue: (r) => r.empowerment, render: (r) => fmtScore(r.empowerment), testId: 'job-e', cellValue: (r) => r.empowerment, cellTitle: restsOn,
    },
    {
      key: 'gap', label: narrow ? 'vs avg' : 'vs average', title: `Points above or below the average empowerment${mean !== null ? ` (${fmtScore(mean)})` : ''}; bold outside the tolerance`, numeric: true, width: narrow ? '5.5rem' : '7.5rem',
      sortValue: (r) => (r.empowerment === null || mean === null ? null : r.empowerment - mean),
      render: (r) => {
        if (r.empowerment === null || mean === null) return '–';
        const gap = r.empowerment - mean;
        const out = Math.abs(gap) > tolerance + 1e-9;
        return <span className={out ? (gap > 0 ? 'gap-above' : 'gap-below') : 'gap-within'}>{fmtSigned(gap)}</span>;
      },
    },
    {
      key: 'desirability', label: shortHeader('Desirability', 'D', narrow), title: `Job desirability: hours-weighted mean of the task ratings (${scale})`, numeric: true, width: narrow ? '4.5rem' : '8.5rem',
      sortValue: (r) => r.desirability, render: (r) => fmtScore(r.desirability), testId: 'job-d', cellValue: (r) => r.desirability, cellTitle: restsOn,
    },
  ];
  // Beside the scores, since it says how far to trust them; kept when the bundle editor narrows the table.
  if (hasSuggested) {
    cols.push({
      // Two lines: the whole name fits beside the bundle editor, where a one-line header would be cut.
      key: 'suggested', label: <span className="jobs-th-wrap">Hours rated by suggestion</span>, title: 'Share of this job’s hours on tasks rated only by a suggestion (a keyword library, not the members or the file): that much of its scores rests on it', numeric: true, width: '8.5rem',
      sortValue: (r) => r.suggestedShare, render: (r) => (r.suggestedShare > 0 ? fmtPct(r.suggestedShare) : <span className="muted">–</span>), testId: 'job-suggested', cellValue: (r) => r.suggestedShare,
    });
  }
  // Beside the bundle editor: names and roles get the room (a department name is short).
  if (compact) return cols.filter((c) => c.key !== 'gap').map((c) => (c.key === 'department' ? { ...c, width: '8.5rem' } : c));
  if (hasPay) cols.push({ key: 'pay', label: 'Pay', title: 'Annual pay from the roster', numeric: true, width: '6.5rem', sortValue: (r) => r.pay, render: (r) => fmtMoney(r.pay), testId: 'job-pay', cellValue: (r) => r.pay });
  if (hasHourly) cols.push({ key: 'hourlyPay', label: 'Hourly', title: 'Hourly pay: the rate given, or annual pay ÷ 52 ÷ weekly hours', numeric: true, width: '5.5rem', sortValue: (r) => r.hourlyPay, render: (r) => fmtRate(r.hourlyPay), testId: 'job-hourly-pay', cellValue: (r) => r.hourlyPay });
  return cols;
}

function groupColumns(kind: 'role' | 'department', report: AuditReport | null): Column<GroupRow>[] {
  const mean = report?.metrics.empowerment.mean ?? null;
  const prefix = kind === 'role' ? 'role' : 'department';
  return [
    { key: 'name', label: kind === 'role' ? 'Role' : 'Department', sortValue: (r) => r.name, render: (r) => r.name, testId: `${prefix}-name` },
    { key: 'people', label: 'People', numeric: true, width: '6.5rem', sortValue: (r) => r.people, render: (r) => fmtCount(r.people), testId: `${prefix}-people`, cellValue: (r) => r.people },
    { key: 'hours', label: 'Hours', numeric: true, width: '6rem', sortValue: (r) => r.hours, render: (r) => fmtHours(r.hours), testId: `${prefix}-hours` },
    { key: 'empowerment', label: 'Empowerment', numeric: true, width: '9.5rem', sortValue: (r) => r.empowerment, render: (r) => fmtScore(r.empowerment), testId: `${prefix}-e`, cellValue: (r) => r.empowerment },
    {
      key: 'gap', label: 'vs average', numeric: true, width: '7.5rem', sortValue: (r) => (r.empowerment === null || mean === null ? null : r.empowerment - mean),
      render: (r) => (r.empowerment === null || mean === null ? '–' : fmtSigned(r.empowerment - mean)),
    },
    { key: 'desirability', label: 'Desirability', numeric: true, width: '9rem', sortValue: (r) => r.desirability, render: (r) => fmtScore(r.desirability), testId: `${prefix}-d`, cellValue: (r) => r.desirability },
  ];
}

function ModeToggle({ mode, counts }: { mode: JobsMode; counts: Record<JobsMode, number> }) {
  const labels: Record<JobsMode, string> = { people: 'People', roles: 'Roles', departments: 'Departments' };
  return (
    <div className="segmented" role="group" aria-label="Show">
      {(Object.keys(labels) as JobsMode[]).map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => jobsUi.set({ mode: m })} data-testid={`jobs-mode-${m}`}>
          {labels[m]} <span className="segmented-count">{fmtCount(counts[m])}</span>
        </button>
      ))}
    </div>
  );
}

export function JobsView() {
  const project = useWorkspace((s) => s.project);
  const report = useWorkspace((s) => s.report);
  const stale = useReportStale();
  const { mode, filter, department, role, sort, selectedPersonId } = useJobsUi((s) => s);
  const org = project?.organization;
  useFocusRequest();

  const rows = useMemo(() => (org ? personRows(org, report) : []), [org, report]);
  const departments = useMemo(() => (org ? departmentsOf(org) : []), [org]);
  const shownPeople = useMemo(() => {
    const byDept = filterPeople(rows, filter, department);
    return role ? byDept.filter((r) => (r.role ?? '').toLowerCase() === role.toLowerCase()) : byDept;
  }, [rows, filter, department, role]);
  const bundleOpen = mode === 'people' && selectedPersonId !== null && rows.some((r) => r.id === selectedPersonId);
  // Short score headers in a narrow window and beside the bundle editor, where names need the room.
  const narrow = useNarrowWindow();
  const peopleCols = useMemo(() => personColumns(report, rows, bundleOpen, narrow || bundleOpen), [report, rows, bundleOpen, narrow]);
  const roleCols = useMemo(() => groupColumns('role', report), [report]);
  const deptCols = useMemo(() => groupColumns('department', report), [report]);
  const roleRows = useMemo<GroupRow[]>(() => (report?.roles ?? []).map((r) => ({ ...r, name: r.role })), [report]);
  const deptRows = useMemo<GroupRow[]>(() => (report?.departments ?? []).map((d) => ({ ...d, name: d.department })), [report]);
  const shownRoles = useMemo(() => filterGroups(roleRows, filter), [roleRows, filter]);
  const shownDepts = useMemo(() => filterGroups(deptRows, filter), [deptRows, filter]);

  const selectPerson = useCallback((r: PersonRow) => jobsUi.set({ selectedPersonId: r.id }), []);
  const openRole = useCallback((r: GroupRow) => jobsUi.set({ mode: 'people', role: r.name, department: '', filter: '' }), []);
  const openDept = useCallback((r: GroupRow) => jobsUi.set({ mode: 'people', department: r.name, role: '', filter: '' }), []);

  if (!project || !org) return null;
  const selected = selectedPersonId ? rows.find((r) => r.id === selectedPersonId) : undefined;
  const counts = { people: rows.length, roles: roleRows.length, departments: deptRows.length };
  const shownCount = mode === 'people' ? shownPeople.length : mode === 'roles' ? shownRoles.length : shownDepts.length;
  const total = counts[mode];
  const noun = mode === 'people' ? ['person', 'people'] : mode === 'roles' ? ['role', 'roles'] : ['department', 'departments'];

  return (
    <section className="jobs" aria-labelledby="jobs-title" aria-busy={stale}>
      <header className="view-head">
        <div className="view-title">
          <h2 id="jobs-title">Jobs</h2>
          <p className="muted">
            A job’s score is the hours-weighted mean of its tasks’ ratings on the {org.scale.min}–{org.scale.max} scale. Select a person to see and edit their tasks.
          </p>
        </div>
        <UpdatingIndicator />
      </header>

      <div className="filter-bar">
        <ModeToggle mode={mode} counts={counts} />
        <label>
          <span className="visually-hidden">Filter</span>
          <input
            type="search"
            value={filter}
            placeholder={mode === 'people' ? 'Filter by name, role or department' : `Filter ${noun[1]}`}
            aria-label={mode === 'people' ? 'Filter people by name, role or department' : `Filter ${noun[1]}`}
            data-testid="jobs-filter"
            onChange={(e) => jobsUi.set({ filter: e.target.value })}
          />
        </label>
        {mode === 'people' && (
          <label>
            Department
            <select value={department} onChange={(e) => jobsUi.set({ department: e.target.value })} data-testid="jobs-department">
              <option value="">All departments</option>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
        {mode === 'people' && role && (
          <span className="chip" data-testid="jobs-role-filter">
            Role: {role}
            <button type="button" className="chip-remove" aria-label={`Show every role, not only ${role}`} onClick={() => jobsUi.set({ role: '' })}>
              ×
            </button>
          </span>
        )}
        <span className="count" aria-live="polite">
          {shownCount === total ? plural(total, noun[0], noun[1]) : `${fmtCount(shownCount)} of ${plural(total, noun[0], noun[1])}`}
        </span>
      </div>

      <div className={`jobs-body panel-layout${bundleOpen ? ' with-panel' : ''}`}>
        {mode === 'people' && (
          <SortableTable
            rows={shownPeople}
            columns={peopleCols}
            rowKey={personKey}
            label="People and their jobs"
            testId="jobs-table"
            rowTestId={(r) => `job-row-${r.name}`}
            sort={sort.people}
            onSortChange={(s) => jobsUi.set({ sort: { ...jobsUi.get().sort, people: s } })}
            onActivate={selectPerson}
            selectedKey={selectedPersonId}
            className={`figure-stale-dim${bundleOpen ? '' : ' jobs-people-full'}`}
            empty={rows.length ? 'Nobody matches the filter.' : 'This organization has no people.'}
          />
        )}
        {mode === 'roles' && (
          <SortableTable
            rows={shownRoles}
            columns={roleCols}
            rowKey={groupKey}
            label="Roles"
            testId="roles-table"
            rowTestId={(r) => `role-row-${r.name}`}
            sort={sort.roles}
            onSortChange={(s) => jobsUi.set({ sort: { ...jobsUi.get().sort, roles: s } })}
            onActivate={openRole}
            className="figure-stale-dim jobs-groups"
            empty="No role matches the filter."
          />
        )}
        {mode === 'departments' && (
          <SortableTable
            rows={shownDepts}
            columns={deptCols}
            rowKey={groupKey}
            label="Departments"
            testId="departments-table"
            rowTestId={(r) => `department-row-${r.name}`}
            sort={sort.departments}
            onSortChange={(s) => jobsUi.set({ sort: { ...jobsUi.get().sort, departments: s } })}
            onActivate={openDept}
            className="figure-stale-dim jobs-groups"
            empty="No department matches the filter."
          />
        )}
        {mode === 'people' && selected && <BundleEditor key={selected.id} person={selected} onClose={() => jobsUi.set({ selectedPersonId: null })} />}
      </div>
      {mode !== 'people' && <p className="muted jobs-hint">Select a {noun[0]} to see its people.</p>}
    </section>
  );
}
