/**
 * Overview: the audit's key figures, each with its plain-language reading. The figures in points of
 * the scale, which depend only on differences between jobs, lead; the relative ones follow, each
 * saying that it is measured from the bottom of the scale. A warning comes first when most of the
 * audit rests on suggested ratings; then the coordinator cluster with its sensitivity; the tolerance.
 * Test hooks: figure-<reading key> (data-value), coordinator-cluster, suggested-share,
 * suggested-notice, tolerance-input, report-updating.
 */
import { useMemo } from 'react';
import { actions, useWorkspace } from '../../state/workspace';
import type { Reading } from '../../engine/analysis/readings';
import { defaultTolerance } from '../../engine/analysis/metrics';
import type { Project } from '../../engine/formats/projectFile';
import { UpdatingIndicator, useReportStale } from '../../ui/figure-Updating';
import { formatNumber } from '../../ui/table-NumberInput';
import { ToleranceInput } from '../../ui/ToleranceInput';
import { fmtHours, plural } from '../../ui/figure-format';
import { BURDEN_FIGURES, CardGrid, HEADLINE_FIGURES, RELATIVE_CARDS } from './figureCards';
import { CoordinatorPanel } from './CoordinatorPanel';
import { CategoriesPanel } from '../categories/CategoriesPanel';
import { CoverageNotice } from './CoverageNotice';
import { ProposeCallToAction } from './ProposeCallToAction';
import { fromBottom } from './scaleZero';
import '../../ui/figure-view.css';
import './overview.css';

function ToleranceSetting({ project }: { project: Project }) {
  const { scale } = project.organization;
  const fallback = defaultTolerance(scale);
  const custom = project.settings.tolerance;
  const value = custom ?? fallback;
  const range = scale.max - scale.min;
  return (
    <div className="overview-tolerance">
      <label className="overview-tolerance-field">
        <ToleranceInput value={value} range={range} testId="tolerance-input" onCommit={(v) => actions.setTolerance(v)} />
      </label>
      <span className="muted overview-tolerance-note">
        {custom === undefined ? (
          <>default: 5% of the {scale.min}–{scale.max} range</>
        ) : (
          <button type="button" className="link-button" onClick={() => actions.setTolerance(undefined)}>
            Reset to the default ({formatNumber(fallback)})
          </button>
        )}
      </span>
    </div>
  );
}

export function OverviewView() {
  const project = useWorkspace((s) => s.project);
  const report = useWorkspace((s) => s.report);
  const stale = useReportStale();
  const personIds = useMemo(() => {
    // Names as the report shows them (pseudonyms too) → person ids, matched by position.
    const map = new Map<string, string>();
    if (!project || !report || report.people.length !== project.organization.people.length) return map;
    report.people.forEach((p, i) => map.set(p.name, project.organization.people[i].id));
    return map;
  }, [project, report]);

  if (!project) return null;
  if (!report) {
    return (
      <section className="overview" aria-labelledby="overview-title" aria-busy="true">
        <h2 id="overview-title">Overview</h2>
        <p className="muted" role="status">Computing the audit…</p>
      </section>
    );
  }

  const byKey = new Map(report.readings.map((r) => [r.key, r]));
  const pick = (keys: string[]) => keys.map((k) => byKey.get(k)).filter((r): r is Reading => r !== undefined);
  const headline = pick(HEADLINE_FIGURES);
  const burden = pick(BURDEN_FIGURES);
  const relative = pick(RELATIVE_CARDS);
  const shown = new Set([...HEADLINE_FIGURES, ...BURDEN_FIGURES, ...RELATIVE_CARDS, 'empowerment.mean']);
  // Any other empowerment reading the engine adds still shows, compact, after the relative ones.
  const more = report.readings.filter((r) => r.key.startsWith('empowerment.') && !shown.has(r.key));
  const desirability = report.readings.filter((r) => r.key.startsWith('desirability.'));
  const { totals, scale } = report;

  return (
    <section className="overview" aria-labelledby="overview-title" aria-busy={stale}>
      <header className="view-head">
        <div className="view-title">
          <h2 id="overview-title">Overview</h2>
          <p className="muted">
            {project.name}: {plural(totals.people, 'person', 'people')} · {fmtHours(totals.hours)} hours a week · {plural(totals.tasks, 'task')} · rated on the {scale.min}–{scale.max} scale
          </p>
        </div>
        <UpdatingIndicator />
        <ToleranceSetting project={project} />
      </header>

      <CoverageNotice report={report} />

      <section aria-labelledby="key-figures-title" className="overview-section">
        <h3 id="key-figures-title" className="overview-section-title">Empowerment: how far apart the jobs are</h3>
        {headline.length === 0 ? (
          <p>{byKey.get('empowerment.mean')?.text ?? 'No task has an empowerment rating yet.'}</p>
        ) : (
          <>
            <p className="muted overview-section-note">In points of the {scale.min}–{scale.max} scale: these depend only on the differences between jobs, not on where the scale starts.</p>
            <CardGrid readings={headline} report={report} label="Key figures" />
          </>
        )}
      </section>

      <CoordinatorPanel report={report} personIds={personIds} />
      <ProposeCallToAction report={report} />
      <CategoriesPanel />

      {burden.length > 0 && (
        <section aria-labelledby="burden-title" className="overview-section">
          <h3 id="burden-title" className="overview-section-title">Who carries what</h3>
          {burden.length > 0 && <CardGrid readings={burden} report={report} label="Onerous work, joint advantage and pay" />}
          {!byKey.has('pay') && (
            <p className="muted overview-pay-missing" data-testid="pay-audit-missing">
              Pay audit: the roster has no pay column, so pay cannot be compared with empowerment.
            </p>
          )}
        </section>
      )}

      {relative.length > 0 && (
        <section aria-labelledby="relative-title" className="overview-section">
          <h3 id="relative-title" className="overview-section-title">Shares of the empowering work, {fromBottom(scale)}</h3>
          <p className="muted overview-section-note">
            These count a rating of {scale.min} as no empowerment at all, so adding the same number to every rating would change them without changing any job. Read them beside the figures in points above.
          </p>
          <CardGrid readings={relative} report={report} label="Relative figures" />
        </section>
      )}

      {more.length > 0 && <CardGrid readings={more} report={report} compact label="More empowerment figures" />}

      {desirability.length > 0 && (
        <section aria-labelledby="desirability-title" className="overview-section secondary">
          <h3 id="desirability-title" className="overview-section-title">Desirability</h3>
          <p className="muted overview-section-note">
            Desirability should balance too, but empowerment comes first: these figures read the same way for how pleasant, safe and interesting the work is.
          </p>
          <CardGrid readings={desirability} report={report} compact label="Desirability figures" />
        </section>
      )}
    </section>
  );
}
