/**
 * What the merger does to each side: programme hours by organization (and department) of origin
 * before and, with a merged plan, after; the work crossing organizations; and who controls the
 * money — each control task's top-10% share before (in each organization) and after the plan.
 * Test hooks: merger-programme, programme-<org>-{before,after}, merger-crossing, merger-control,
 * control-<task>-after.
 */
import type { ControlConcentration } from '../../engine/merge/control';
import type { MergeOutcome } from '../../engine/merge/outcome';
import { fmtHours, fmtPct } from '../../ui/figure-format';

function Share({ c, id }: { c: ControlConcentration | null; id?: string }) {
  if (!c) return <td className="num muted" data-testid={id}>no plan yet</td>;
  if (c.hours <= 0) return <td className="num muted" data-testid={id}>–</td>;
  return (
    <td className="num" data-testid={id} data-value={c.top10Share}>
      {fmtPct(c.top10Share)} <span className="merger-unit">of {fmtHours(c.hours)} h, {c.people} {c.people === 1 ? 'person' : 'people'}</span>
    </td>
  );
}

export function Outcome({ outcome, organizations }: { outcome: MergeOutcome; organizations: string[] }) {
  const orgRows = outcome.programme.filter((p) => p.department === null);
  const deptRows = outcome.programme.filter((p) => p.department !== null);
  const planned = orgRows.some((p) => p.after !== null);
  const c = outcome.crossing;
  return (
    <>
      <section className="merger-section" aria-labelledby="merger-programme-title">
        <h3 id="merger-programme-title">Nobody’s programme is swallowed</h3>
        <p className="muted merger-intro">
          The weekly hours of the work each organization brought, before the merger and after the merged plan, whoever does it then. A plan keeps
          every task’s hours, so the two are equal.
        </p>
        <div className="merger-table-wrap merger-fit">
          <table className="merger-table merger-narrow" data-testid="merger-programme">
            <thead>
              <tr>
                <th scope="col">Organization of origin</th>
                <th scope="col" className="num">Before <span className="merger-unit">h a week</span></th>
                <th scope="col" className="num">After the plan <span className="merger-unit">h a week</span></th>
              </tr>
            </thead>
            <tbody>
              {orgRows.map((p) => (
                <tr key={p.organization}>
                  <th scope="row">{p.organization}</th>
                  <td className="num" data-testid={`programme-${p.organization}-before`} data-value={p.before}>{fmtHours(p.before)} h</td>
                  <td className={`num${p.after === null ? ' muted' : ''}`} data-testid={`programme-${p.organization}-after`} data-value={p.after ?? undefined}>
                    {p.after === null ? 'no plan yet' : `${fmtHours(p.after)} h`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {deptRows.length > 0 && (
          <details className="merger-details">
            <summary>By department of origin</summary>
            <div className="merger-table-wrap merger-fit">
              <table className="merger-table merger-narrow">
                <thead>
                  <tr>
                    <th scope="col">Organization</th>
                    <th scope="col">Department</th>
                    <th scope="col" className="num">Before <span className="merger-unit">h a week</span></th>
                    {planned && <th scope="col" className="num">After <span className="merger-unit">h a week</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {deptRows.map((p) => (
                    <tr key={`${p.organization}\u0000${p.department}`}>
                      <td>{p.organization}</td>
                      <td>{p.department}</td>
                      <td className="num">{fmtHours(p.before)} h</td>
                      {planned && <td className="num">{p.after === null ? '–' : `${fmtHours(p.after)} h`}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
        {c && (
          <p data-testid="merger-crossing" data-value={c.hours}>
            Work crossing organizations in the merged plan: <strong>{fmtHours(c.hours)} h a week</strong>
            {c.byOrganization.length > 0 && ` — ${c.byOrganization.map((b) => `${b.organization} takes on ${fmtHours(b.took)} h of work others did and passes on ${fmtHours(b.gave)} h`).join('; ')}`}.
            {c.tasks.length > 0 && <span className="muted"> Most of it on {c.tasks.slice(0, 3).map((t) => `${t.task} (${fmtHours(t.hours)} h)`).join(', ')}.</span>}
          </p>
        )}
      </section>
      <section className="merger-section" aria-labelledby="merger-control-title">
        <h3 id="merger-control-title">Who controls the money</h3>
        <p className="muted merger-intro">
          Tasks that carry control over money, hiring and strategy, and how concentrated each is: the share of its hours held by the top 10% of
          people (at least one person) — in each organization before the merger, in all of them together, and in the merged organization after the plan.
        </p>
        {outcome.control.length === 0 ? (
          <p>No task is recognized as carrying control over money, hiring or strategy.</p>
        ) : (
          <div className="merger-table-wrap">
            <table className="merger-table" data-testid="merger-control">
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  {organizations.map((o) => (
                    <th key={o} scope="col" className="num">{o} before <span className="merger-unit">top 10% share</span></th>
                  ))}
                  <th scope="col" className="num">Merged, before the plan <span className="merger-unit">top 10% share</span></th>
                  <th scope="col" className="num">Merged, after the plan <span className="merger-unit">top 10% share</span></th>
                </tr>
              </thead>
              <tbody>
                {outcome.control.map((row) => (
                  <tr key={row.task}>
                    <th scope="row">
                      {row.task}
                      {row.kinds.length > 0 && <span className="muted merger-kinds"> ({row.kinds.join(', ')})</span>}
                    </th>
                    {organizations.map((o) => (
                      <Share key={o} c={row.before.find((b) => b.organization === o) ?? null} />
                    ))}
                    <Share c={row.pooledBefore} />
                    <Share c={row.after} id={`control-${row.task}-after`} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
