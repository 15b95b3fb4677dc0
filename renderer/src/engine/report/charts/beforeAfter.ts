/**
 * The before/after map: the job map with each person's move under a plan drawn as an arrow from the
 * job before to the job after (people matched by name); a job that does not move is a point.
 */
import type { ReportChart } from '../types';
import type { ChartJob, JobMapOptions } from './api';
import { bandSentence, drawOrder, leftOutSentence, LABELS_UP_TO } from './jobMap';
import { drawMarks, LABEL_GROUP, LabelPlacer, labelSvg, mapBackground, mapJobs, mapLayout, mapLegend, markerStyles, radiusFor, type MapJob } from './map';
import { ACCENT_DARK, fmt1, MARK_DARK, marker, num, safeId, svgDocument, textWidth, truncate } from './svg';

/** A job moves when either score changes by at least this much (points): the one decimal the report shows. */
export const MOVE_EPS = 0.05;

interface Pair {
  before: MapJob;
  after: MapJob;
  moved: boolean;
}

/** People matched by name (the first of a repeated name), with whether their job moved. */
export function pairJobs(before: MapJob[], after: MapJob[]): { pairs: Pair[]; onlyBefore: MapJob[]; onlyAfter: MapJob[] } {
  const afterByName = new Map<string, MapJob>();
  for (const a of after) if (!afterByName.has(a.job.name)) afterByName.set(a.job.name, a);
  const used = new Set<MapJob>();
  const pairs: Pair[] = [];
  const onlyBefore: MapJob[] = [];
  for (const b of before) {
    const a = afterByName.get(b.job.name);
    if (!a || used.has(a)) {
      onlyBefore.push(b);
      continue;
    }
    used.add(a);
    pairs.push({ before: b, after: a, moved: Math.abs(a.e - b.e) >= MOVE_EPS || Math.abs(a.d - b.d) >= MOVE_EPS });
  }
  return { pairs, onlyBefore, onlyAfter: after.filter((a) => !used.has(a)) };
}

function arrowHead(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 1L10 5L0 9z" fill="${colour}"/></marker>`;
}

export function beforeAfterMapChart(before: ChartJob[], after: ChartJob[], o: JobMapOptions): ReportChart {
  const compact = o.compact === true;
  const markedLabel = o.markedLabel ?? 'Coordinator cluster';
  const prefix = safeId(o.id);
  const b = mapJobs(before, o.scale);
  const a = mapJobs(after, o.scale);
  const { pairs, onlyBefore, onlyAfter } = pairJobs(b.rated, a.rated);
  const styles = markerStyles([...b.rated, ...a.rated].map((r) => r.job), o.id, markedLabel, compact);
  const moves = pairs.filter((p) => p.moved);
  const arrowSwatch = `<path d="M-7 0H4" stroke="${ACCENT_DARK}" stroke-width="1.3"/><path d="M2 -3.5L7 0L2 3.5z" fill="${ACCENT_DARK}"/>`;
  const lg = mapLegend(styles, o, moves.length ? [{ swatch: arrowSwatch, label: 'Move: before → after' }] : []);
  const l = mapLayout(o.scale, compact, lg.height);

  // Points: jobs that stay, and people in only one of the two lists (at the place they have).
  const still = [...pairs.filter((p) => !p.moved).map((p) => p.after), ...onlyBefore, ...onlyAfter];
  const maxHours = still.reduce((m, j) => Math.max(m, j.hours), 0);
  const n = pairs.length + onlyBefore.length + onlyAfter.length;
  const radius = (j: MapJob): number => radiusFor(j.hours, maxHours, n, compact);
  const points = drawMarks(drawOrder(still, radius).map((j) => ({ job: j.job, cx: l.sx(j.e), cy: l.sy(j.d), r: radius(j) })), styles);

  // Arrows: a small open mark where the job was, a line to where it goes; marked people's dashed and darker.
  const starts: string[] = [];
  const lines: string[] = [];
  for (const p of [...moves].sort((x, y) => Number(!!x.before.job.marked) - Number(!!y.before.job.marked) || x.before.index - y.before.index)) {
    const m = p.before.job.marked === true;
    const x0 = l.sx(p.before.e);
    const y0 = l.sy(p.before.d);
    const x1 = l.sx(p.after.e);
    const y1 = l.sy(p.after.d);
    starts.push(marker(m ? 'triangle' : 'circle', x0, y0, 2.4, `fill="#ffffff" stroke="${m ? MARK_DARK : ACCENT_DARK}" stroke-width="1"`));
    lines.push(`<path d="M${num(x0)} ${num(y0)}L${num(x1)} ${num(y1)}" stroke="${m ? MARK_DARK : ACCENT_DARK}"${m ? ' stroke-dasharray="4 2"' : ''} marker-end="url(#${prefix}-${m ? 'am' : 'a'})"/>`);
  }

  const labels: string[] = [];
  if (!compact && n <= LABELS_UP_TO) {
    const placer = new LabelPlacer(l.frame);
    for (const j of still) placer.avoid(l.sx(j.e), l.sy(j.d), radius(j));
    for (const p of moves) placer.avoid(l.sx(p.after.e), l.sy(p.after.d), 4);
    for (const j of [...pairs.map((p) => p.after), ...onlyBefore, ...onlyAfter]) {
      const label = truncate(j.job.name, 24);
      const at = placer.place(l.sx(j.e), l.sy(j.d), still.includes(j) ? radius(j) : 4, textWidth(label));
      if (at) labels.push(labelSvg(at, label));
    }
  }

  const defs = styles.defs + arrowHead(`${prefix}-a`, ACCENT_DARK) + arrowHead(`${prefix}-am`, MARK_DARK);
  const body = lg.svg + mapBackground(l, o.scale, o.empowerment, o.desirability)
    + `<g data-series="still">${points}</g>`
    + `<g data-series="moves" fill="none" stroke-width="1.3"><g data-part="starts">${starts.join('')}</g><g data-part="arrows">${lines.join('')}</g></g>`
    + (labels.length ? `<g data-labels="" ${LABEL_GROUP}>${labels.join('')}</g>` : '');
  const unmatched = onlyBefore.length + onlyAfter.length;
  const caption = `Each arrow is a person's job moving from before the plan (open mark) to after (arrowhead); ${moves.length} of ${pairs.length} ${pairs.length === 1 ? 'job moves' : 'jobs move'} and the others are points${moves.some((p) => p.before.job.marked) ? `, and the ${markedLabel.toLowerCase()}'s arrows are dashed` : ''}.`
    + bandSentence(o)
    + (unmatched ? ` ${unmatched} ${unmatched === 1 ? 'person appears' : 'people appear'} on only one side and ${unmatched === 1 ? 'is' : 'are'} drawn as a point.` : '')
    + leftOutSentence(Math.max(b.unrated, a.unrated));
  const desc = `${moves.length} of ${pairs.length} jobs move${o.empowerment ? `; average empowerment ${fmt1(o.empowerment.mean)}` : ''}.`;
  return { id: o.id, title: o.title, caption, svg: svgDocument({ title: o.title, desc, width: l.width, height: l.height, defs, body }) };
}
