/**
 * The printable report's contract (issue 18): what the app and the CLI hand the engine, and the
 * chart functions the report draws with. The report is one self-contained HTML document (inline SVG
 * and CSS, no scripts) that prints the same in the app, in a browser and through Chromium's PDF.
 */
import type { AuditReport } from '../analysis/auditReport';
import type { FullProposal } from '../balance/fullProposal';
import type { MergerResult } from '../merge/planMerger';
import type { ScenarioFigures, ScenarioJob } from '../scenarios/figures';

export type PageSize = 'A4' | 'Letter';

/** One plan in the scenario comparison; the organization as it is comes first ("Current", scenario zero). */
export interface ReportScenario {
  name: string;
  figures: ScenarioFigures;
  /** Jobs under the plan, scores in points. */
  jobs: ScenarioJob[];
}

/** A rating round's outcome as the report states it (engine/ratingRound); null fields were not measured. */
export interface ReportRound {
  /** Returned forms used. */
  forms: number;
  /** Distinct raters among them. */
  raters: number;
  /** Krippendorff's alpha (interval) per dimension. */
  alpha: { empowerment: number | null; desirability: number | null };
  /** Tasks marked contested in either dimension, and tasks the group then decided (source 'council'). */
  contestedTasks: number;
  decidedTasks: number;
  /** The sensitivity sentence ("the cluster has 6–8 people depending on how the contested tasks are rated"), null when not computed. */
  sensitivity: string | null;
}

export interface ReportInput {
  /** The organization's (project's) name, for the title page and the running header. */
  organization: string;
  /** The day the report is dated, YYYY-MM-DD (the caller's clock: the engine is pure). */
  date: string;
  /** "Fairshare 0.1.0", printed in the method notes. */
  generator: string;
  pageSize: PageSize;
  /** The audit, already pseudonymized (and one-person groups hidden) when the user asked. */
  audit: AuditReport;
  /** The proposal to report and what it is called ("Proposal" or a scenario's name); null for none. Its names are pseudonymized like the audit's. */
  proposal: { label: string; full: FullProposal } | null;
  /** Scenarios compared side by side (at most 4 besides "Current"); empty for none. */
  scenarios: ReportScenario[];
  /** A merger of this organization with others; null for none. */
  merger: MergerResult | null;
  round: ReportRound | null;
}

/** A chart drawn for the report: an SVG element as text (no scripts, no external references) and a caption. */
export interface ReportChart {
  /** Stable id, e.g. "job-map", used as the figure's id and by tests. */
  id: string;
  title: string;
  /** `<svg …>…</svg>`, with a viewBox and role="img" and an aria-label. */
  svg: string;
  /** One or two sentences: what the chart shows and how to read it. */
  caption: string;
}
