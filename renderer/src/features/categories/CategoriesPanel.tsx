/**
 * The Overview's "Categories" panel (issue 17 quick category mode), shown when a task with hours has
 * a category: the organization's mix, how many jobs are balanced within ±δ (δ editable, saved in
 * the project, undoable), the people furthest off, and "Balance categories", which leads to the
 * Proposal view in category mode (BalanceLead).
 * Test hooks: categories-panel, category-delta, category-mix-<name> (data-value share),
 * category-balanced (data-value balanced people, data-hours-share), category-furthest-<name>.
 */
import { useMemo } from 'react';
import { pseudonymizer } from '../../engine/analysis/pseudonymize';
import { categoryAuditOf, useCategoryDelta } from '../../state/categories';
import { useWorkspace } from '../../state/workspace';
import { fmtHours, fmtPct } from '../../ui/figure-format';
import { BalanceLead } from './BalanceLead';
import { DeltaInput } from './DeltaInput';
import { balancedLine, deltaPoints, offTheMix } from './categoryText';
import './categories.css';

export function CategoriesPanel() {
  const org = useWorkspace((s) => s.project?.organization ?? null);
  const pseudonymize = useWorkspace((s) => s.pseudonymize);
  const delta = useCategoryDelta();
  const audit = useMemo(() => categoryAuditOf(org, delta), [org, delta]);
  const name = useMemo(() => {
    if (!pseudonymize || !org) return (n: string) => n;
    const alias = pseudonymizer(org.people.map((p) => p.name));
    return (n: string) => alias.name(n);
  }, [org, pseudonymize]);
  if (!org || !audit) return null;

  return (
    <section className="categories card" data-testid="categories-panel" aria-labelledby="categories-title">
      <header className="categories-head">
        <div>
          <h3 id="categories-title">Categories: each job's mix of work against the organization's</h3>
          <p className="muted">
            A job is balanced when every category's share of its hours is within ±{deltaPoints(delta)} points of the organization's share.
          </p>
        </div>
        <label className="categories-delta">
          <span>Band ±</span>
          <DeltaInput />
          <span>points</span>
        </label>
      </header>
      <div className="categories-body">
        <table className="categories-mix" aria-label="The organization's mix of work by category">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" className="num">Share</th>
              <th scope="col" className="num">Hours a week</th>
            </tr>
          </thead>
          <tbody>
            {audit.categories.map((c) => (
              <tr key={c.key} data-testid={`category-mix-${c.name}`} data-value={c.share}>
                <th scope="row">{c.name}</th>
                <td className="num">{fmtPct(c.share)}</td>
                <td className="num">{fmtHours(c.hours)} h</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="categories-people">
          <p className="categories-balanced" data-testid="category-balanced" data-value={audit.balancedPeople} data-hours-share={audit.balancedHoursShare}>
            <strong>{balancedLine(audit)}</strong>
          </p>
          {audit.furthest.length > 0 && (
            <>
              <h4>Furthest off</h4>
              <p className="muted categories-note">The share of a person's hours that would have to change category to match the mix.</p>
              <ul className="categories-furthest">
                {audit.furthest.map((p) => (
                  <li key={p.personId} data-testid={`category-furthest-${name(p.name)}`} data-value={p.score}>
                    <strong>{name(p.name)}</strong>: {offTheMix(audit, p)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      <BalanceLead audit={audit} />
    </section>
  );
}
