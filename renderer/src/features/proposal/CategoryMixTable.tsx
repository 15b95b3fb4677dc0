/**
 * Each person's category mix before → after a category plan: their share of hours in every category
 * now and after, how far off the mix the job is (½Σ|s − S|) and whether it is balanced, in a
 * sortable table (rendered in view only past a few hundred people); the people whose jobs change most
 * first. Test hooks: category-mix-table, category-person-row, category-person-score (data-value: the
 * score after), category-person-balanced (data-value "no→yes" and the like).
 */
import { useMemo, useState } from 'react';
import type { CategoryAudit } from '../../engine/categories/shares';
import { SortableTable, type Column, type SortState } from '../../ui/table-SortableTable';
import { fmtHours, fmtPct } from '../../ui/figure-format';
import type { PersonMixChange } from './categoryResultsData';
import './results.css';

function Change({ before, after }: { before: string; after: string }) {
  if (before === after) return <>{after}</>;
  return (
    <>
      <span className="visually-hidden">now </span>
      <span className="category-change-before">{before}</span>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden">, after </span>
      <strong>{after}</strong>
    </>
  );
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function columnsFor(audit: CategoryAudit): Column<PersonMixChange>[] {
  return [
    { key: 'name', label: 'Person', width: '9rem', sortValue: (r) => r.name, render: (r) => r.name, cellTitle: (r) => r.name },
    { key: 'hours', label: 'Hours', title: 'Weekly hours (the same before and after)', numeric: true, width: '5.5rem', sortValue: (r) => r.hours, render: (r) => fmtHours(r.hours) },
    ...audit.categories.map((c): Column<PersonMixChange> => ({
      key: `c-${c.key}`, label: c.name, title: `Share of the job's hours in ${c.name}, now → after (the organization: ${fmtPct(c.share)})`, numeric: true,
      sortValue: (r) => r.after[c.key] ?? 0, render: (r) => <Change before={fmtPct(r.before[c.key] ?? 0)} after={fmtPct(r.after[c.key] ?? 0)} />,
    })),
    {
      key: 'score', label: 'Off the mix', title: '½Σ|s − S|: the share of the job’s hours that would have to change category to match the mix', numeric: true, width: '7.5rem',
      sortValue: (r) => r.scoreAfter, render: (r) => <Change before={fmtPct(r.scoreBefore)} after={fmtPct(r.scoreAfter)} />, cellValue: (r) => r.scoreAfter, testId: 'category-person-score',
    },
    {
      key: 'balanced', label: 'Balanced', width: '6.5rem', sortValue: (r) => Number(r.balancedAfter) * 2 + Number(r.balancedBefore),
      render: (r) => <Change before={yesNo(r.balancedBefore)} after={yesNo(r.balancedAfter)} />, cellValue: (r) => `${yesNo(r.balancedBefore)}→${yesNo(r.balancedAfter)}`, testId: 'category-person-balanced',
    },
  ];
}

export function CategoryMixTable({ audit, mixes }: { audit: CategoryAudit; mixes: readonly PersonMixChange[] }) {
  const columns = useMemo(() => columnsFor(audit), [audit]);
  const [sort, setSort] = useState<SortState | null>(null);
  return (
    <SortableTable
      rows={mixes}
      columns={columns}
      rowKey={(r) => r.personId}
      label="Each person's share of hours by category, now and after the plan"
      testId="category-mix-table"
      rowTestId={() => 'category-person-row'}
      sort={sort}
      onSortChange={setSort}
      className="results-table"
      empty="No one has hours."
    />
  );
}
