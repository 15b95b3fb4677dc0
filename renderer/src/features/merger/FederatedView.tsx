/**
 * The federated view: each organization on its own (on the pooled ratings) — people, hours, mean
 * and spread of empowerment, share within ±τ, mean desirability — and the Theil index across all of
 * them split into between and within organizations. Test hooks: merger-federated, fed-<org>-<key>
 * (data-value the engine's number), merger-theil-{total,between,within,share}.
 */
import type { FederatedView as Federated } from '../../engine/merge/federated';
import { fmtHours, fmtPct, fmtScore } from '../../ui/figure-format';
import { formatNumber } from '../../ui/table-NumberInput';

function Cell({ id, value, text }: { id: string; value: number | null; text: string }) {
  return (
    <td className="num" data-testid={id} data-value={value ?? undefined}>
      {text}
    </td>
  );
}

export function FederatedView({ federated, tolerance }: { federated: Federated; tolerance: number }) {
  const t = federated.theil.empowerment;
  const share = t.total > 0 ? t.between / t.total : null;
  const people = federated.organizations.reduce((s, o) => s + o.people, 0);
  return (
    <section className="merger-section" aria-labelledby="merger-fed-title">
      <h3 id="merger-fed-title">Federated view: each organization on its own</h3>
      <div className="merger-table-wrap">
        <table className="merger-table" data-testid="merger-federated">
          <caption>On the pooled ratings; E = empowerment, D = desirability, in points of the project scale. ±τ = ±{formatNumber(tolerance)} points of the organization’s own mean.</caption>
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col" className="num">People</th>
              <th scope="col" className="num">Hours <span className="merger-unit">a week</span></th>
              <th scope="col" className="num">E mean <span className="merger-unit">points</span></th>
              <th scope="col" className="num">E absolute Gini <span className="merger-unit">points</span></th>
              <th scope="col" className="num">Within ±τ <span className="merger-unit">share of hours</span></th>
              <th scope="col" className="num">D mean <span className="merger-unit">points</span></th>
            </tr>
          </thead>
          <tbody>
            {federated.organizations.map((o) => (
              <tr key={o.name}>
                <th scope="row">{o.name}</th>
                <Cell id={`fed-${o.name}-people`} value={o.people} text={String(o.people)} />
                <Cell id={`fed-${o.name}-hours`} value={o.hours} text={`${fmtHours(o.hours)} h`} />
                <Cell id={`fed-${o.name}-meanE`} value={o.empowerment.mean} text={fmtScore(o.empowerment.mean)} />
                <Cell id={`fed-${o.name}-gini`} value={o.empowerment.absoluteGini} text={fmtScore(o.empowerment.absoluteGini)} />
                <Cell id={`fed-${o.name}-within`} value={o.empowerment.withinTolerance} text={fmtPct(o.empowerment.withinTolerance)} />
                <Cell id={`fed-${o.name}-meanD`} value={o.desirability.mean} text={fmtScore(o.desirability.mean)} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="merger-theil" data-testid="merger-theil">
        Theil index of empowerment over all {people} people:{' '}
        <strong data-testid="merger-theil-total" data-value={t.total}>{t.total.toFixed(3)}</strong>; between organizations{' '}
        <strong data-testid="merger-theil-between" data-value={t.between}>{t.between.toFixed(3)}</strong>
        {share !== null && (
          <>
            {' '}(<span data-testid="merger-theil-share" data-value={share}>{fmtPct(share)}</span> of it)
          </>
        )}
        , within them <strong data-testid="merger-theil-within" data-value={t.within}>{t.within.toFixed(3)}</strong>.{' '}
        {share !== null && (
          <span className="muted">{share < 0.5 ? 'Most of the inequality is inside each organization, not between them.' : 'Most of the inequality lies between the organizations.'}</span>
        )}
      </p>
    </section>
  );
}
