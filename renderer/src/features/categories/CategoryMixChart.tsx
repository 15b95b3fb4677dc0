/**
 * The category mix chart (issue 17): one stacked horizontal bar per person — their shares of hours
 * by category — under the organization's mix as the reference bar, furthest off the mix first. The
 * Charts view shows it when a task with hours has a category; the Proposal view draws a plan's mix
 * now and after with MixChart. Test hooks: chart-<id> (ChartCard), category-chart-row (data table rows).
 */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pseudonymizer } from '../../engine/analysis/pseudonymize';
import { categoryAuditOf, useCategoryDelta } from '../../state/categories';
import { useWorkspace } from '../../state/workspace';
import { fmtPct } from '../../ui/figure-format';
import { ChartCard, TooltipBox } from '../charts/ChartCard';
import type { ChartTheme } from '../charts/chartTheme';
import { axisStyle, MARGIN, xLabel } from '../charts/common';
import type { LegendEntry } from '../charts/exportChart';
import { NO_CATEGORY_KEY, type CategoryAudit } from '../../engine/categories/shares';
import { deltaPoints } from './categoryText';
import { mixRows, type MixRow } from './categoryChartData';

/** People drawn (the data table lists as many); beyond it the chart is a wall of bars. */
const PEOPLE_SHOWN = 60;
const ROW_HEIGHT = 26;
/** Opacity of a mix now beside the mix after a plan. */
const FADED = 0.5;
/** Room for a name and " · after" at 12 px. */
const LABEL_WIDTH = 150;

function MixTip({ active, payload, names }: { active?: boolean; payload?: readonly { payload?: unknown }[]; names: string[] }) {
  const r = active ? (payload?.[0]?.payload as MixRow | undefined) : undefined;
  if (!r) return null;
  return <TooltipBox title={r.label} lines={[...names.map((n, i) => `${n} ${fmtPct(r[`c${i}`])}`), !r.reference && `${fmtPct(r.score)} of hours off the mix`]} />;
}

export interface MixChartProps {
  id: string;
  title: string;
  /** The audit the categories, colours and reference bar come from (the organization now). */
  audit: CategoryAudit;
  /** The bars: mixRows or beforeAfterRows; the first is the organization's. */
  rows: MixRow[];
  /** Rows drawn (the data table lists all of them). */
  drawn: number;
  caption: string;
  note?: string;
  theme: ChartTheme;
  exportStem: string;
}

/** One stacked bar per row of shares by category, the organization's on top. */
export function MixChart({ id, title, audit, rows, drawn: shownRows, caption, note, theme, exportStem }: MixChartProps) {
  const names = audit.categories.map((c) => c.name);
  const colour = (i: number) => (audit.categories[i].key === NO_CATEGORY_KEY ? theme.other : theme.categorical[i % theme.categorical.length]);
  const legend: LegendEntry[] = names.map((n, i) => ({ label: n, colour: colour(i), symbol: 'rect' }));
  const drawn = rows.slice(0, shownRows);
  const height = drawn.length * ROW_HEIGHT + 60;
  const ax = axisStyle(theme);
  const summary = `${title}. Organization: ${names.map((n, i) => `${n} ${fmtPct(rows[0][`c${i}`])}`).join(', ')}. ${caption}`;
  const table = (
    <table>
      <caption>Each job's share of hours by category, against the organization's</caption>
      <thead><tr><th>Job</th>{names.map((n) => <th key={n} className="num">{n}</th>)}<th className="num">Off the mix</th><th>Balanced</th></tr></thead>
      <tbody>
        {rows.map((r, k) => (
          <tr key={k} data-testid="category-chart-row">
            <td>{r.label}</td>
            {names.map((n, i) => <td key={n} className="num">{fmtPct(r[`c${i}`])}</td>)}
            <td className="num">{r.reference ? '–' : fmtPct(r.score)}</td>
            <td>{r.reference ? '–' : r.balanced ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartCard id={id} title={title} caption={caption} summary={summary} theme={theme} legend={legend} table={table}
      exportStem={exportStem} mode="bars" wide note={note ?? (rows.length > drawn.length ? `The first ${drawn.length - 1} bars after the organization's are drawn; the data table lists everyone.` : undefined)}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
        <BarChart data={drawn} layout="vertical" margin={{ ...MARGIN, left: 8 }} barCategoryGap="20%" accessibilityLayer={false}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} {...ax} tickFormatter={(v: number) => fmtPct(v)} label={xLabel(theme, 'Share of the job’s hours')} />
          <YAxis type="category" dataKey="label" {...ax} tick={{ fill: theme.text, fontSize: 12 }} width={LABEL_WIDTH} interval={0} />
          {names.map((n, i) => (
            <Bar key={n} dataKey={`c${i}`} stackId="mix" fill={colour(i)} isAnimationActive={false} name={n}>
              {drawn.map((r, k) => <Cell key={k} fillOpacity={r.faded ? FADED : 1} />)}
            </Bar>
          ))}
          <Tooltip content={<MixTip names={names} />} isAnimationActive={false} cursor={{ fill: theme.band }} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** The Charts view's chart: the organization's mix now, at the project's δ. */
function CategoryMixChartImpl({ theme, exportStem }: { theme: ChartTheme; exportStem: string }) {
  const org = useWorkspace((s) => s.project?.organization ?? null);
  const pseudonymize = useWorkspace((s) => s.pseudonymize);
  const delta = useCategoryDelta();
  const audit = useMemo(() => categoryAuditOf(org, delta), [org, delta]);
  const rows = useMemo(() => {
    if (!audit || !org) return [];
    const alias = pseudonymize ? pseudonymizer(org.people.map((p) => p.name)) : null;
    return mixRows(audit, alias ? (n) => alias.name(n) : undefined);
  }, [audit, org, pseudonymize]);
  if (!audit) return null;
  const caption = `${audit.balancedPeople} of ${audit.people.length} jobs are within ±${deltaPoints(delta)} points of the organization's mix in every category; the bars compare each job's mix with the organization's (top), furthest off first.`;
  return (
    <MixChart id="category-mix" title="Category mix of each job" audit={audit} rows={rows} drawn={PEOPLE_SHOWN + 1} caption={caption} theme={theme} exportStem={`${exportStem} – category mix`}
      note={rows.length > PEOPLE_SHOWN + 1 ? `The ${PEOPLE_SHOWN} jobs furthest off are drawn; the data table lists everyone.` : undefined} />
  );
}

export const CategoryMixChart = memo(CategoryMixChartImpl);
