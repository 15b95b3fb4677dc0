/**
 * The merged view: the pooled organization's headline, the tasks its organizations rated apart
 * (each one's rating and the pooled median), the tasks done once with the hours they free for
 * programme work, and the button that makes the merged organization the workspace's for the
 * proposal. Test hooks: merger-merged, merged-{people,hours,meanE,gini}, merger-contested,
 * merger-freed, merger-use.
 */
import type { MergerFigures } from '../../state/mergerFigures';
import { fmtHours, fmtPct, fmtScore } from '../../ui/figure-format';
import { formatNumber } from '../../ui/table-NumberInput';

function Figure({ id, label, value, text, unit }: { id: string; label: string; value: number | null; text: string; unit?: string }) {
  return (
    <div className="merger-figure">
      <dt>{label}</dt>
      <dd data-testid={`merged-${id}`} data-value={value ?? undefined}>
        {text}
        {unit && <span className="merger-unit"> {unit}</span>}
      </dd>
    </div>
  );
}

export function MergedView({ figures, tolerance, onUse, inWorkspace }: { figures: MergerFigures; tolerance: number; onUse: () => void; inWorkspace: boolean }) {
  const h = figures.headline;
  const p = figures.pooled;
  return (
    <section className="merger-section" aria-labelledby="merger-merged-title" data-testid="merger-merged">
      <h3 id="merger-merged-title">Merged view: one organization</h3>
      <dl className="merger-figures">
        <Figure id="people" label="People" value={h.people} text={String(h.people)} />
        <Figure id="hours" label="Hours" value={h.hours} text={fmtHours(h.hours)} unit="h a week" />
        <Figure id="tasks" label="Tasks after pooling" value={p.organization.tasks.length} text={String(p.organization.tasks.length)} />
        <Figure id="meanE" label="Mean empowerment" value={h.meanE} text={fmtScore(h.meanE)} unit="points" />
        <Figure id="gini" label="Absolute Gini of empowerment" value={h.absoluteGini} text={fmtScore(h.absoluteGini)} unit="points" />
        <Figure id="within" label={`Within ±${formatNumber(tolerance)} points of the mean`} value={h.withinTolerance} text={fmtPct(h.withinTolerance)} unit="of hours" />
      </dl>

      <h4>Tasks rated apart</h4>
      {p.contested.length === 0 ? (
        <p className="muted">No shared task is rated more than ±{formatNumber(tolerance)} points apart.</p>
      ) : (
        <>
          <p className="muted merger-intro">Shared tasks the organizations rated more than ±{formatNumber(tolerance)} points apart: the merged organization uses the median. Worth talking over before the merger.</p>
          <div className="merger-table-wrap merger-fit">
            <table className="merger-table merger-narrow" data-testid="merger-contested">
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Rating of</th>
                  {figures.sources.map((s) => (
                    <th key={s.name} scope="col" className="num">{s.name} <span className="merger-unit">points</span></th>
                  ))}
                  <th scope="col" className="num">Pooled (median) <span className="merger-unit">points</span></th>
                </tr>
              </thead>
              <tbody>
                {p.contested.map((c) => (
                  <tr key={`${c.task}\u0000${c.dimension}`}>
                    <th scope="row">{c.task}</th>
                    <td>{c.dimension}</td>
                    {figures.sources.map((s) => {
                      const r = c.ratings.find((x) => x.organization === s.name);
                      return <td key={s.name} className="num">{r ? fmtScore(r.value) : '–'}</td>;
                    })}
                    <td className="num">{fmtScore(c.pooled)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h4>Tasks done once</h4>
      {p.doneOnce.length === 0 ? (
        <p className="muted">None yet: tick “Done once” on a pooled task above (one bookkeeping, one board report…).</p>
      ) : (
        <>
          <p data-testid="merger-freed" data-value={p.freedHours}>
            <strong>{fmtHours(p.freedHours)} h a week</strong> freed for programme work — not people to cut.
          </p>
          <ul className="merger-once-list">
            {p.doneOnce.map((d) => (
              <li key={d.task}>
                {d.task}: {fmtHours(d.before)} h → {fmtHours(d.after)} h a week ({d.byOrganization.map((b) => `${b.organization} frees ${fmtHours(b.freed)} h`).join(', ')})
              </li>
            ))}
          </ul>
        </>
      )}
      {p.notes.map((n) => (
        <p key={n} className="muted">Not applied: {n}</p>
      ))}

      <div className="merger-use card">
        <p>
          {inWorkspace
            ? 'The workspace holds a merged organization. Using this one replaces it (Undo brings the previous one back).'
            : 'Make the merged organization the project’s to plan it in the Proposal view: its people keep their organization of origin. Undo (Ctrl+Z) brings the open organization back.'}
        </p>
        <button type="button" className="primary" data-testid="merger-use" onClick={onUse}>
          Use the merged organization for the proposal
        </button>
      </div>
    </section>
  );
}
