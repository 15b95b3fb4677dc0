/**
 * Each person's new job as a card (kept, taken on, given up, training, E and D before → after),
 * sorted and filtered, the first CARD_PAGE shown with "Show more" (the host gives the heading). Test hooks: person-card
 * (data-person), person-card-e / person-card-d (data-before, data-value), person-cards-filter,
 * person-cards-department, person-cards-sort, person-cards-more.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { FullProposal } from '../../engine/balance/fullProposal';
import { fmtCount, fmtHours, fmtScore, fmtSigned, plural } from '../../ui/figure-format';
import { departmentsOf, filterCards, personCards, sortCards, type CardSort, type PersonCard } from './resultsData';
import '../../ui/figure-view.css';
import './results.css';

/** Cards rendered at first and added by each "Show more" (thousands of people would take seconds to draw). */
export const CARD_PAGE = 60;

const SORTS: { value: CardSort; label: string }[] = [
  { value: 'change', label: 'Who changes most' },
  { value: 'name', label: 'Name' },
  { value: 'empowerment', label: 'Largest change in empowerment' },
  { value: 'desirability', label: 'Largest change in desirability' },
];

function TaskList({ title, rows, kind }: { title: string; rows: { task: string; hours: number }[]; kind: string }) {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => b.hours - a.hours);
  return (
    <div className={`person-card-tasks ${kind}`} data-testid={`person-card-${kind}`}>
      <h4>{title}</h4>
      <ul>
        {sorted.map((r) => (
          <li key={r.task}>
            <span className="person-card-task">{r.task}</span>
            <span className="person-card-hours">{fmtHours(r.hours)} h</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Score({ label, before, after, testId }: { label: string; before: number | null; after: number | null; testId: string }) {
  const change = before === null || after === null ? null : after - before;
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId} data-before={before ?? undefined} data-value={after ?? undefined}>
        <span className="visually-hidden">before </span>{fmtScore(before)}
        <span aria-hidden="true"> → </span><span className="visually-hidden">, after </span>
        <strong>{fmtScore(after)}</strong> <span className="person-card-unit">points</span>
        {change !== null && <span className="person-card-change"> ({fmtSigned(change)})</span>}
      </dd>
    </div>
  );
}

function Card({ card }: { card: PersonCard }) {
  const titleId = useId();
  const j = card.job;
  const facts = [j.role, j.department, `${fmtHours(j.hours)} h a week`].filter(Boolean).join(' · ');
  return (
    <li className="person-card card" data-testid="person-card" data-person={j.name} aria-labelledby={titleId}>
      <header>
        <h3 id={titleId}>{j.name}</h3>
        <p className="muted">{facts}</p>
      </header>
      <dl className="person-card-scores">
        <Score label="Empowerment" before={j.empowermentBefore} after={j.empowermentAfter} testId="person-card-e" />
        <Score label="Desirability" before={j.desirabilityBefore} after={j.desirabilityAfter} testId="person-card-d" />
      </dl>
      {card.change <= 1e-9 && <p className="muted person-card-same">No change: keeps every task and hour.</p>}
      <TaskList title="Takes on" rows={j.gained} kind="gained" />
      <TaskList title="Gives up" rows={j.givenUp} kind="given-up" />
      <TaskList title="Keeps" rows={j.kept} kind="kept" />
      {card.training.length > 0 && (
        <div className="person-card-tasks training" data-testid="person-card-training">
          <h4>Training over the quarter</h4>
          <ul>
            {card.training.map((t) => (
              <li key={t.task}>
                <span className="person-card-task">{t.task}{t.trainers.length > 0 && <span className="muted"> from {t.trainers.slice(0, 2).join(', ')}{t.trainers.length > 2 ? ` and ${t.trainers.length - 2} more` : ''}</span>}</span>
                <span className="person-card-hours">{fmtHours(t.trainingHours)} h</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

export function PersonCards({ proposal }: { proposal: FullProposal }) {
  const { report, care } = proposal;
  const [text, setText] = useState('');
  const [department, setDepartment] = useState('');
  const [sort, setSort] = useState<CardSort>('change');
  const [limit, setLimit] = useState(CARD_PAGE);
  const query = useDeferredValue(text);

  const cards = useMemo(() => personCards(report, report.training ?? care.training), [report, care]);
  const departments = useMemo(() => departmentsOf(report.jobs), [report]);
  const shown = useMemo(() => sortCards(filterCards(cards, query, department), sort), [cards, query, department, sort]);
  const visible = shown.slice(0, limit);
  const more = Math.min(CARD_PAGE, shown.length - visible.length);
  const refilter = <T,>(set: (v: T) => void) => (v: T) => { set(v); setLimit(CARD_PAGE); };

  return (
    <div className="person-cards">
      <div className="filter-bar results-filters">
        <label>
          Filter<span className="visually-hidden"> (new jobs)</span>
          <input type="search" value={text} placeholder="Name, role, department or task" data-testid="person-cards-filter" onChange={(e) => refilter(setText)(e.target.value)} />
        </label>
        <label>
          Department<span className="visually-hidden"> (new jobs)</span>
          <select value={department} data-testid="person-cards-department" onChange={(e) => refilter(setDepartment)(e.target.value)}>
            <option value="">All departments</option>
            {departments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          Sort by<span className="visually-hidden"> (new jobs)</span>
          <select value={sort} data-testid="person-cards-sort" onChange={(e) => refilter(setSort)(e.target.value as CardSort)}>
            {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
        <span className="count" aria-live="polite" data-testid="person-cards-count">
          {shown.length === cards.length ? plural(cards.length, 'person', 'people') : `${fmtCount(shown.length)} of ${plural(cards.length, 'person', 'people')}`}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="muted results-empty">No one matches the filter.</p>
      ) : (
        <ul className="person-card-grid" aria-label="New jobs, one card per person">
          {visible.map((c) => <Card key={c.index} card={c} />)}
        </ul>
      )}
      {more > 0 && (
        <div className="results-more">
          <span className="muted">Showing {fmtCount(visible.length)} of {fmtCount(shown.length)}</span>
          <button type="button" data-testid="person-cards-more" onClick={() => setLimit((l) => l + CARD_PAGE)}>
            Show {fmtCount(more)} more
          </button>
        </div>
      )}
    </div>
  );
}
