/**
 * The task matches to review: what the engine found (auto, proposed) with a person's word laid over
 * it — accept, reject, take the word back, match two tasks by hand, mark a pooled task done once
 * with its weekly hours. Test hooks: merger-matches, match-row-<A>~<B>, merger-match-filter,
 * merger-hand-a, merger-hand-b, merger-hand-match; the match-status cell's data-value is the status.
 */
import { useMemo, useState } from 'react';
import type { MatchStatus, TaskMatch } from '../../engine/merge/types';
import { decide, handMatch, pairKey, setDoneOnce, undecide, useMerger } from '../../state/merger';
import { doneOnceDefault, type MergerFigures } from '../../state/mergerFigures';
import { NumberInput } from '../../ui/table-NumberInput';
import { SortableTable, type Column, type SortState } from '../../ui/table-SortableTable';

const STATUS_LABEL: Record<MatchStatus, string> = { auto: 'Same task', proposed: 'Proposed', accepted: 'Accepted', rejected: 'Rejected' };
const FILTERS: { value: MatchStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All matches' },
  { value: 'auto', label: 'Same task (found)' },
  { value: 'proposed', label: 'Proposed' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'rejected', label: 'Rejected' },
];

const pairText = (m: TaskMatch) => `${m.a} (${m.organizationA}) and ${m.b} (${m.organizationB})`;
export const matchRowId = (m: TaskMatch) => `match-row-${m.a}~${m.b}`;

function Decision({ m, worded }: { m: TaskMatch; worded: boolean }) {
  return (
    <span className="merger-decision">
      {(m.status === 'proposed' || m.status === 'rejected') && (
        <button type="button" onClick={() => decide(m, 'accepted')} aria-label={`Accept ${pairText(m)}`}>
          Accept
        </button>
      )}
      {m.status !== 'rejected' && (
        <button type="button" onClick={() => decide(m, 'rejected')} aria-label={`Reject ${pairText(m)}`}>
          Reject
        </button>
      )}
      {worded && (m.status === 'accepted' || m.status === 'rejected') && (
        <button type="button" onClick={() => undecide(m)} aria-label={`Reset ${pairText(m)} to what was found`}>
          Reset
        </button>
      )}
    </span>
  );
}

function DoneOnce({ m, fallback }: { m: TaskMatch; fallback: number }) {
  if (m.status !== 'auto' && m.status !== 'accepted') return <span className="muted">–</span>;
  return (
    <span className="merger-once">
      <label>
        <input type="checkbox" checked={!!m.doneOnce} onChange={(e) => setDoneOnce(m, e.target.checked, m.hours)} aria-label={`Done once: ${pairText(m)}`} />
        Done once
      </label>
      {m.doneOnce && (
        <>
          <NumberInput
            value={m.hours ?? fallback}
            label={`Weekly hours of ${m.a} done once`}
            min={0}
            onCommit={(h) => setDoneOnce(m, true, h)}
            validate={(h) => (h < 0 ? 'Hours must be 0 or more' : null)}
            className="merger-once-hours"
            messageAt="start"
          />
          <span className="muted">h a week</span>
        </>
      )}
    </span>
  );
}

/** Two selects and a button: a task of the open organization matched with one of an added organization. */
function HandMatch({ figures }: { figures: MergerFigures }) {
  const [open, ...added] = figures.sources;
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const byName = (names: string[]) => [...names].sort((x, y) => x.localeCompare(y));
  const submit = () => {
    const [org, task] = b.split('\u0000');
    if (!a || !task) return;
    handMatch({ organization: open.name, task: a }, { organization: org, task });
    setA('');
    setB('');
  };
  return (
    <form className="merger-hand" onSubmit={(e) => (e.preventDefault(), submit())} aria-labelledby="merger-hand-title">
      <span id="merger-hand-title" className="merger-hand-title">Match by hand</span>
      <label>
        Task of {open.name}
        <select value={a} onChange={(e) => setA(e.target.value)} data-testid="merger-hand-a">
          <option value="">Choose a task…</option>
          {byName(open.organization.tasks.map((t) => t.name)).map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </select>
      </label>
      <label>
        Task of {added.length === 1 ? added[0].name : 'an added organization'}
        <select value={b} onChange={(e) => setB(e.target.value)} data-testid="merger-hand-b">
          <option value="">Choose a task…</option>
          {added.map((s) => (
            <optgroup key={s.name} label={s.name}>
              {byName(s.organization.tasks.map((t) => t.name)).map((n) => (
                <option key={n} value={`${s.name}\u0000${n}`}>{n}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!a || !b} data-testid="merger-hand-match">
        Match
      </button>
    </form>
  );
}

export function MatchesReview({ figures }: { figures: MergerFigures }) {
  const reviewed = useMerger((s) => s.reviewed);
  const [filter, setFilter] = useState<MatchStatus | 'all'>('all');
  const [sort, setSort] = useState<SortState | null>(null);
  const worded = useMemo(() => new Set(reviewed.filter((r) => r.status === 'accepted' || r.status === 'rejected').map(pairKey)), [reviewed]);
  const counts = useMemo(() => {
    const c: Record<string, number> = { all: figures.matches.length, auto: 0, proposed: 0, accepted: 0, rejected: 0 };
    for (const m of figures.matches) c[m.status]++;
    return c;
  }, [figures.matches]);
  const rows = filter === 'all' ? figures.matches : figures.matches.filter((m) => m.status === filter);
  const columns: Column<TaskMatch>[] = [
    { key: 'a', label: 'Task', sortValue: (m) => m.a, render: (m) => <TaskCell task={m.a} org={m.organizationA} />, className: 'merger-task-cell', cellTitle: (m) => `${m.a} (${m.organizationA})` },
    { key: 'b', label: 'Matched with', sortValue: (m) => m.b, render: (m) => <TaskCell task={m.b} org={m.organizationB} />, className: 'merger-task-cell', cellTitle: (m) => `${m.b} (${m.organizationB})` },
    { key: 'score', label: 'Score', title: 'Similarity of the names, 0–1 (1 = the same after normalizing)', numeric: true, width: '5rem', sortValue: (m) => m.score, cellValue: (m) => m.score, render: (m) => m.score.toFixed(2), testId: 'match-score' },
    { key: 'status', label: 'Status', width: '7rem', sortValue: (m) => m.status, render: (m) => (
        <span className={`merger-status-${m.status}`}>
          {STATUS_LABEL[m.status]}
          <span className="visually-hidden">: {m.reason}</span>
        </span>
      ), cellTitle: (m) => m.reason, cellValue: (m) => m.status, testId: 'match-status' },
    { key: 'decision', label: 'Decision', width: '10rem', render: (m) => <Decision m={m} worded={worded.has(pairKey(m))} />, className: 'table-cell-input' },
    { key: 'once', label: 'Done once', title: 'The pooled task is done once after the merger; the hours it no longer needs go to programme work', width: '17rem', render: (m) => <DoneOnce m={m} fallback={doneOnceDefault(figures, m)} />, className: 'table-cell-input' },
  ];
  return (
    <section className="merger-section" aria-labelledby="merger-matches-title">
      <h3 id="merger-matches-title">Matching tasks</h3>
      <p className="muted merger-intro">
        Tasks with the same name (apart from case, spacing, punctuation, “&amp;” for “and” and word order) are pooled into one. Close variants are
        proposed and stay apart until you accept them. A pooled task done once frees the hours the merged organization no longer needs
        {` (default: the larger of the two totals)`}.
      </p>
      <div className="merger-toolbar">
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as MatchStatus | 'all')} data-testid="merger-match-filter">
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label} ({counts[f.value]})
              </option>
            ))}
          </select>
        </label>
        <HandMatch figures={figures} />
      </div>
      <SortableTable
        rows={rows}
        columns={columns}
        rowKey={pairKey}
        label="Task matches"
        testId="merger-matches"
        rowTestId={matchRowId}
        sort={sort}
        onSortChange={setSort}
        rowHeight={54}
        empty={filter === 'all' ? 'No two tasks look alike: match tasks by hand above.' : 'No match with this status.'}
        className="merger-matches"
      />
    </section>
  );
}

function TaskCell({ task, org }: { task: string; org: string }) {
  return (
    <span className="merger-task">
      <span className="merger-task-name">{task}</span>
      <span className="muted merger-task-org">{org}</span>
    </span>
  );
}
