/**
 * The job map: every rated job by empowerment (x) and desirability (y) over the whole project scale,
 * mark area proportional to weekly hours, marked jobs as triangles, the band(s) mean ± τ shaded.
 */
import type { ReportChart } from '../types';
import type { ChartJob, JobMapOptions } from './api';
import { coincident, drawMarks, LABEL_GROUP, LabelPlacer, labelSvg, mapBackground, mapJobs, mapLayout, mapLegend, markerStyles, namesLabel, radiusFor, type MapJob } from './map';
import { fmt1, INK, svgDocument, text, textWidth, truncate } from './svg';
import { pts } from '../../analysis/readingsFormat';

/** Jobs named one by one on the map up to this many (and never on compact maps). */
export const LABELS_UP_TO = 25;
/** Counts on marks that stand for several jobs, up to this many jobs (past it they would clutter). */
const COUNTS_UP_TO = 200;

/** Drawing order: large marks first so small ones stay visible, marked jobs on top; ties by input order. */
export function drawOrder(jobs: MapJob[], radius: (j: MapJob) => number): MapJob[] {
  return [...jobs].sort((a, b) => Number(!!a.job.marked) - Number(!!b.job.marked) || radius(b) - radius(a) || a.index - b.index);
}

/** "3 unrated jobs are left out." or "". */
export function leftOutSentence(n: number, what = 'unrated'): string {
  if (n <= 0) return '';
  return ` ${n} ${what} ${n === 1 ? 'job is' : 'jobs are'} left out.`;
}

/** What the bands mean, for captions. */
export function bandSentence(o: Pick<JobMapOptions, 'empowerment' | 'desirability'>): string {
  const b = o.empowerment ?? o.desirability;
  if (!b) return '';
  const which = o.empowerment && o.desirability ? 'The shaded bands are each average' : o.empowerment ? 'The shaded band is the average empowerment' : 'The shaded band is the average desirability';
  return ` ${which} ± ${pts(b.tolerance)} points (dashed lines: the averages); a balanced job sits inside ${o.empowerment && o.desirability ? 'both' : 'it'}.`;
}

export function jobMapChart(jobs: ChartJob[], o: JobMapOptions): ReportChart {
  const compact = o.compact === true;
  const markedLabel = o.markedLabel ?? 'Coordinator cluster';
  const { rated, unrated } = mapJobs(jobs, o.scale);
  const styles = markerStyles(rated.map((r) => r.job), o.id, markedLabel, compact);
  const lg = mapLegend(styles, o);
  const l = mapLayout(o.scale, compact, lg.height);
  const maxHours = rated.reduce((a, r) => Math.max(a, r.hours), 0);
  const radius = (j: MapJob): number => radiusFor(j.hours, maxHours, rated.length, compact);

  const marks = drawMarks(drawOrder(rated, radius).map((j) => ({ job: j.job, cx: l.sx(j.e), cy: l.sy(j.d), r: radius(j) })), styles);

  // Names (few jobs) or counts on marks that stand for several jobs (to the one decimal shown).
  const notes: string[] = [];
  let unlabelled = 0;
  const groups = [...coincident(rated).values()];
  if (!compact && rated.length <= LABELS_UP_TO) {
    const placer = new LabelPlacer(l.frame);
    for (const j of rated) placer.avoid(l.sx(j.e), l.sy(j.d), radius(j));
    // Largest marks first, so the labels that most need room get it; then left to right.
    const ordered = [...groups].sort((a, b) => radius(b[0]) - radius(a[0]) || a[0].e - b[0].e || a[0].index - b[0].index);
    for (const g of ordered) {
      const label = truncate(namesLabel(g.map((j) => j.job.name)), 30);
      const r = Math.max(...g.map(radius));
      const at = placer.place(l.sx(g[0].e), l.sy(g[0].d), r, textWidth(label));
      if (at) notes.push(labelSvg(at, label));
      else unlabelled += g.length;
    }
  } else if (!compact && rated.length <= COUNTS_UP_TO) {
    for (const g of groups) {
      if (g.length < 2) continue;
      const r = Math.max(...g.map(radius));
      notes.push(text(l.sx(g[0].e) + r * 0.75 + 1, l.sy(g[0].d) - r * 0.75 - 1, `×${g.length}`, `font-weight="600" fill="${INK}"`));
    }
  }

  const body = lg.svg + mapBackground(l, o.scale, o.empowerment, o.desirability)
    + `<g data-series="jobs">${marks}</g>`
    + (notes.length ? `<g data-labels="" ${LABEL_GROUP}>${notes.join('')}</g>` : '');
  const marked = rated.filter((r) => r.job.marked).length;
  const caption = `Each mark is a job: further right is more empowering, higher is more desirable, and a mark's area is proportional to its weekly hours`
    + `${marked ? `; triangles are the ${markedLabel.toLowerCase()} (${marked})` : ''}`
    + `${!compact && rated.length > LABELS_UP_TO && rated.length <= COUNTS_UP_TO && groups.some((g) => g.length > 1) ? '; ×n marks n jobs with the same scores' : ''}.`
    + bandSentence(o) + leftOutSentence(unrated)
    + (unlabelled ? ` ${unlabelled === 1 ? 'One name is' : `${unlabelled} names are`} not printed where ${unlabelled === 1 ? 'it' : 'they'} would overlap.` : '');
  const desc = `${rated.length} jobs${o.empowerment ? `; average empowerment ${fmt1(o.empowerment.mean)}` : ''}${o.desirability ? `; average desirability ${fmt1(o.desirability.mean)}` : ''}.`;
  return { id: o.id, title: o.title, caption, svg: svgDocument({ title: o.title, desc, width: l.width, height: l.height, defs: styles.defs, body }) };
}
