// Hourly pay against empowerment, one mark per person coloured by department (binned above
// AGGREGATE_ABOVE people). Parecon pays for effort and sacrifice: pay rising with empowerment is a
// red flag when the engine's test finds it significant. Without pay in the roster, an explanation instead.
import { memo, useMemo } from 'react';
import { CartesianGrid, ResponsiveContainer, ScatterChart, XAxis, YAxis } from 'recharts';
import type { AuditReport } from '../../engine/analysis/auditReport';
import { ChartCard, TooltipBox } from './ChartCard';
import { outline, type ChartTheme } from './chartTheme';
import { AGGREGATE_ABOVE, binGrid, departmentKeys, fmt1, fmt2, fmtInt, GRID, niceDomain, niceTicks, TABLE_ROWS, type Bin } from './chartData';
import { axisStyle, CHART_HEIGHT, MARGIN, scaleLabel, xLabel, yLabel } from './common';
import type { LegendEntry } from './exportChart';
import { DepartmentTable } from './JobMapChart';
import { density, PointCloudFrame, type CloudPoint } from './PointCloud';
import { binnedNote, ScatterMarks, scatterLegend } from './ScatterMarks';

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}

const money = (n: number) => n.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function BinTip({ active, payload }: TooltipProps) {
  const b = active ? (payload?.[0]?.payload as Bin | undefined) : undefined;
  if (!b) return null;
  return <TooltipBox title={`${fmtInt(b.count)} ${b.count === 1 ? 'person' : 'people'}`} lines={[`Empowerment ${fmt1(b.x0)}–${fmt1(b.x1)}`, `Hourly pay ${money(b.y0)}–${money(b.y1)}`]} />;
}

export interface PayProps {
  report: AuditReport;
  theme: ChartTheme;
  exportStem: string;
}

/** The caption; a red flag only when the engine's test says so (p < 0.05), as the Overview's pay reading does. */
export function spearmanReading(rho: number | null, pValue: number | null = null, redFlag = false): string {
  if (rho === null) return 'There is too little pay data to compare it with empowerment.';
  const p = pValue === null ? '' : `, p ${pValue < 0.001 ? '< 0.001' : `= ${pValue.toFixed(3)}`}`;
  // The technical name stays, with what it measures beside it.
  const r = `Spearman ρ = ${fmt2(rho)} (rank correlation: 1 = pay in the same order as empowerment, 0 = no link)${p}`;
  if (redFlag) return `${r}: hourly pay rises with empowerment — in a participatory audit that is a red flag, since pay should follow effort and sacrifice.`;
  if (rho > 0.2) return `${r}: hourly pay tends to rise with empowerment, but there are too few people to be sure.`;
  if (rho < -0.2) return `${r}: hourly pay falls as empowerment rises, so the less empowering jobs are paid more per hour.`;
  return `${r}: hourly pay hardly moves with empowerment.`;
}

function PayChartImpl({ report, theme, exportStem }: PayProps) {
  const { scale } = report;
  const pay = report.metrics.pay;
  const data = useMemo(() => {
    const people = report.people.filter((p) => p.empowerment !== null && p.hourlyPay !== null && Number.isFinite(p.hourlyPay) && p.hours > 0);
    const aggregate = people.length > AGGREGATE_ABOVE;
    const yDomain = niceDomain(people.map((p) => p.hourlyPay!));
    const depts = departmentKeys({ people }, theme);
    let grid = null;
    let points: CloudPoint[] = [];
    if (aggregate) grid = binGrid(people.map((p) => ({ x: p.empowerment!, y: p.hourlyPay!, w: p.hours })), [scale.min, scale.max], yDomain, GRID, GRID);
    else {
      const { area: scaleArea } = density(people.length);
      points = people.map((p) => {
        const k = depts.of(p);
        return {
          x: p.empowerment!, y: p.hourlyPay!, area: 70 * scaleArea, shape: k.shape, fill: k.colour, stroke: outline(k.colour, theme.dark),
          tip: { title: p.name, lines: [[p.role, p.department].filter(Boolean).join(' · '), `Empowerment ${fmt1(p.empowerment!)}`, `Hourly pay ${money(p.hourlyPay!)}`] },
        };
      });
    }
    return { people, aggregate, yDomain, depts, points, grid };
  }, [report, theme, scale.min, scale.max]);

  const n = data.people.length;
  const none = !pay || n === 0;
  const rho = pay?.spearmanEmpowerment ?? null;
  const caption = none ? 'Pay is not in the roster, so pay cannot be compared with empowerment.' : spearmanReading(rho, pay.pValue, pay.redFlag);
  const summary = none ? caption :
    `Hourly pay against empowerment for ${fmtInt(n)} people${data.aggregate ? `, grouped into a ${GRID} by ${GRID} grid` : ''}. ${rho === null ? '' : `Spearman rank correlation of pay and empowerment ${fmt2(rho)} (1 = the same order, 0 = no link). `}` +
    (pay?.maxMinRatio ? `Highest hourly pay is ${fmt1(pay.maxMinRatio)} times the lowest.` : '');
  const ax = axisStyle(theme);
  const legend: LegendEntry[] = scatterLegend(data.grid, data.depts.keys, theme);
  const sorted = [...data.people].sort((a, b) => b.hourlyPay! - a.hourlyPay!);
  const table = n <= TABLE_ROWS ? (
    <table>
      <caption>Hourly pay and empowerment of each job</caption>
      <thead><tr><th>Name</th><th>Role</th><th>Department</th><th className="num">Empowerment</th><th className="num">Hourly pay</th></tr></thead>
      <tbody>
        {sorted.map((p, i) => (
          <tr key={i}><td>{p.name}</td><td>{p.role}</td><td>{p.department}</td><td className="num">{fmt1(p.empowerment!)}</td><td className="num">{money(p.hourlyPay!)}</td></tr>
        ))}
      </tbody>
    </table>
  ) : (
    <DepartmentTable people={data.people} pay caption={`Averages by department (${fmtInt(n)} people with pay; too many to list one by one)`} />
  );
  const emptyText = (
    <>
      <p><strong>No pay in this roster.</strong> To audit pay against empowerment, add a column with each person’s annual salary or hourly rate to the roster and re-import it.</p>
      <p className="muted">Parecon pays for effort and sacrifice, in practice mostly hours: a chart here would show whether the more empowering jobs are also paid more per hour.</p>
    </>
  );
  return (
    <ChartCard id="pay-vs-e" title="Hourly pay and empowerment" caption={caption} summary={summary} theme={theme} legend={legend} table={none ? <p>No pay data.</p> : table}
      exportStem={`${exportStem} – pay and empowerment`} mode={none ? 'empty' : data.aggregate ? 'binned' : 'points'} empty={none ? emptyText : undefined}
      note={binnedNote(data.grid, n, theme)}>
      <PointCloudFrame points={data.points} ring={theme.text}>
        {(positions) => (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 600, height: CHART_HEIGHT }}>
            <ScatterChart margin={{ ...MARGIN, left: 16 }} accessibilityLayer={false}>
              <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
              <XAxis type="number" dataKey="x" domain={[scale.min, scale.max]} ticks={niceTicks(scale.min, scale.max)} allowDataOverflow {...ax} label={xLabel(theme, `${scaleLabel('Empowerment', scale)} →`)} name="Empowerment" />
              <YAxis type="number" dataKey="y" domain={data.yDomain} ticks={niceTicks(data.yDomain[0], data.yDomain[1])} allowDataOverflow {...ax} width={60} label={yLabel(theme, 'Pay per hour worked')} name="Hourly pay" tickFormatter={(v: number) => fmtInt(v)} />
              <ScatterMarks grid={data.grid} points={data.points} positions={positions} theme={theme} binTip={<BinTip />} />
            </ScatterChart>
          </ResponsiveContainer>
        )}
      </PointCloudFrame>
    </ChartCard>
  );
}

export const PayChart = memo(PayChartImpl);
