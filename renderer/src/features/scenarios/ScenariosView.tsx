/**
 * Scenarios: the proposals kept in the project, with rename, delete, open and apply, and the compare
 * panel — scenario zero (the organization as it is) and up to four scenarios, their figures in one
 * table and small multiples of the job map and ranked jobs on shared axes. Test hooks: scenarios-view,
 * scenarios-empty, compare-panel, compare-hint.
 */
import { useMemo } from 'react';
import { pseudonymizer } from '../../engine/analysis/pseudonymize';
import { defaultTolerance } from '../../engine/analysis/metrics';
import { MAX_COMPARED } from '../../engine/scenarios';
import { comparedScenarios, scenariosOf, useScenarios } from '../../state/scenarios';
import { useWorkspace } from '../../state/workspace';
import { CompareCharts } from './CompareCharts';
import { CompareFigures } from './CompareFigures';
import { compareColumns } from './compareData';
import { ScenarioList } from './ScenarioList';
import './scenarios.css';

export function ScenariosView() {
  const project = useWorkspace((s) => s.project);
  const pseudonymize = useWorkspace((s) => s.pseudonymize);
  const compare = useScenarios((s) => s.compare);
  const scenarios = scenariosOf(project);
  const compared = useMemo(() => comparedScenarios(scenarios, compare), [scenarios, compare]);
  const org = project?.organization ?? null;
  const tolerance = project && org ? project.settings.tolerance ?? defaultTolerance(org.scale) : 0;
  const columns = useMemo(() => {
    if (!org || compared.length === 0) return null;
    // The same codes the audit and the proposal give (people in the organization's order).
    const alias = pseudonymize ? pseudonymizer(org.people.map((p) => p.name)) : null;
    return compareColumns(org, compared, tolerance, alias ? (n) => alias.name(n) : null);
  }, [org, compared, tolerance, pseudonymize]);
  if (!project || !org) return null;
  const stem = `${project.name} – scenarios`;
  return (
    <section className="scenarios" aria-labelledby="scenarios-title" data-testid="scenarios-view">
      <h3 id="scenarios-title">Scenarios</h3>
      <p className="muted scenarios-intro">
        Plans kept with the project, to put to the members. Compare up to {MAX_COMPARED} with the organization as it is now; applying one makes its jobs the
        organization’s, so the next audit starts from it.
      </p>
      {scenarios.length === 0 ? (
        <p className="card scenarios-empty" data-testid="scenarios-empty">No scenarios yet: make a proposal, then use “Keep as scenario”.</p>
      ) : (
        <ScenarioList scenarios={scenarios} compare={compared.map((s) => s.id)} />
      )}
      {columns ? (
        <div className="compare-panel" data-testid="compare-panel" aria-labelledby="compare-title">
          <h3 id="compare-title">Side by side</h3>
          <CompareFigures columns={columns} tolerance={tolerance} />
          <CompareCharts columns={columns} scale={org.scale} tolerance={tolerance} stem={stem} />
        </div>
      ) : (
        scenarios.length > 0 && <p className="muted" data-testid="compare-hint">Tick “Compare” on a scenario to see it beside the organization as it is now.</p>
      )}
    </section>
  );
}
