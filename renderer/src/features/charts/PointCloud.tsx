// Scatter marks drawn as one plain layer inside a recharts chart (the chart supplies the axes and
// scales), with a tooltip found by nearest-point search on pointer moves. recharts' own <Scatter>
// makes a component per point with its own event wiring — about 0.3 ms each, which is over a second
// for two charts of 2,000 people; plain <circle>/<polygon> elements are several times cheaper, and
// hovering re-renders only the tooltip, never the marks.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import { useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { MarkerShape } from './chartTheme';
import { TooltipBox } from './ChartCard';
import { Marker } from './markers';

export interface CloudPoint {
  x: number;
  y: number;
  /** Marker area in square pixels. */
  area: number;
  shape: MarkerShape;
  fill: string;
  stroke: string;
  tip: { title: string; lines: string[] };
  /** People at this mark when more than one share its scores (shown as a number on the mark). */
  count?: number;
}

/** Colours of the count badge: the chart's background and text, so it reads in both themes. */
export interface BadgeColours {
  fill: string;
  text: string;
}

/**
 * Smaller, lighter marks as people get more numerous, so a crowd stays readable: area factor 1 up
 * to 150 people, falling with √n to 0.3; fill opacity from 0.72 to 0.45.
 */
export function density(n: number): { area: number; opacity: number } {
  const area = Math.min(1, Math.max(0.3, Math.sqrt(150 / Math.max(1, n))));
  return { area, opacity: n <= 150 ? 0.72 : n <= 600 ? 0.6 : 0.45 };
}

/** Pixel positions of the drawn marks (x0, y0, x1, y1, …), filled in by the layer. */
export type Positions = MutableRefObject<Float64Array | null>;

/** Where a mark's count badge sits (pixels): centred up-right of the mark, 15 px tall, as wide as its label. */
function badgeBox(cx: number, cy: number, area: number, count: number): { bx: number; by: number; w: number; label: string } {
  const r = Math.sqrt(area / Math.PI);
  const label = count > 99 ? '99+' : String(count);
  return { bx: cx + r * 0.75, by: cy - r * 0.75, w: 6 + 6 * label.length, label };
}

/**
 * The mark whose count badge is under the point (pixels), -1 when none: a badge sits over its
 * neighbours, so pointing at it must name its own mark, not the nearest centre. Where badges
 * overlap, the one whose middle is nearest wins (their rounded corners leave the other visible).
 */
export function badgeAt(points: readonly CloudPoint[], pos: Float64Array, x: number, y: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < points.length; i++) {
    const count = points[i].count ?? 0;
    if (count < 2 || !Number.isFinite(pos[2 * i])) continue;
    const { bx, by, w } = badgeBox(pos[2 * i], pos[2 * i + 1], points[i].area, count);
    const d = (x - bx) ** 2 + (y - by) ** 2;
    if (Math.abs(x - bx) <= w / 2 && Math.abs(y - by) <= 7.5 && d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

/** A number badge on a mark's upper right, in SVG so exports carry it; its accessible text is in the chart's note and tooltip. */
function CountBadge({ cx, cy, area, count, colours }: { cx: number; cy: number; area: number; count: number; colours: BadgeColours }) {
  const { bx, by, w, label } = badgeBox(cx, cy, area, count);
  return (
    // data-cx/-cy: the mark's centre in the chart's pixels, a test hook for pointing at it.
    <g className="point-count" data-count={count} data-cx={cx} data-cy={cy}>
      <rect x={bx - w / 2} y={by - 7.5} width={w} height={15} rx={7.5} fill={colours.fill} stroke={colours.text} strokeWidth={1} />
      <text x={bx} y={by} dy="0.35em" textAnchor="middle" fontSize={10.5} fontWeight={700} fill={colours.text}>{label}</text>
    </g>
  );
}

/** Must be rendered inside a recharts cartesian chart. Marks go in zIndex 500 (over areas, under lines); count badges above every mark. */
function PointsLayerImpl({ points, positions, fillOpacity = 0.72, badge }: { points: readonly CloudPoint[]; positions: Positions; fillOpacity?: number; badge?: BadgeColours }) {
  const xs = useXAxisScale();
  const ys = useYAxisScale();
  const drawn = useMemo(() => {
    if (!xs || !ys) return null;
    const pos = new Float64Array(points.length * 2);
    // Large marks first, so small ones stay visible on top of them.
    const order = points.map((_, i) => i).sort((a, b) => points[b].area - points[a].area);
    const badges: { count: number; node: ReactNode }[] = [];
    const marks = order.map((i) => {
      const p = points[i];
      const cx = xs(p.x) ?? NaN;
      const cy = ys(p.y) ?? NaN;
      pos[2 * i] = cx;
      pos[2 * i + 1] = cy;
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
      if (badge && p.count && p.count > 1) badges.push({ count: p.count, node: <CountBadge key={`c${i}`} cx={cx} cy={cy} area={p.area} count={p.count} colours={badge} /> });
      return <Marker key={i} shape={p.shape} cx={cx} cy={cy} area={p.area} fill={p.fill} stroke={p.stroke} fillOpacity={fillOpacity} />;
    });
    // Where badges overlap, the larger count is drawn last, on top.
    return { pos, marks, badges: badges.sort((a, b) => a.count - b.count).map((b) => b.node) };
  }, [points, xs, ys, fillOpacity, badge]);
  useLayoutEffect(() => {
    positions.current = drawn?.pos ?? null;
  }, [drawn, positions]);
  return (
    <ZIndexLayer zIndex={500}>
      <g className="point-cloud" data-count={points.length}>{drawn?.marks}{drawn?.badges}</g>
    </ZIndexLayer>
  );
}

export const PointsLayer = memo(PointsLayerImpl);

interface Hover {
  index: number;
  /** Mark centre relative to the frame. */
  left: number;
  top: number;
  /** Frame width, to flip the tooltip left near the right edge. */
  width: number;
}

/** Finds the mark nearest to a point (within `radius` pixels); -1 when none. */
export function nearest(pos: Float64Array, x: number, y: number, radius: number): number {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < pos.length; i += 2) {
    const dx = pos[i] - x;
    const dy = pos[i + 1] - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i / 2;
    }
  }
  return best;
}

/**
 * A frame around a chart that contains a PointsLayer: shows the nearest mark's tooltip and a ring
 * around it while the pointer is over the chart. `children` receives the positions ref to pass to
 * the layer.
 */
export function PointCloudFrame({ points, ring, children }: { points: readonly CloudPoint[]; ring: string; children: (positions: Positions) => ReactNode }) {
  const positions = useRef<Float64Array | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const onMove = useCallback((ev: React.PointerEvent<HTMLDivElement>) => {
    const pos = positions.current;
    const el = frame.current;
    const svg = el?.querySelector('.recharts-wrapper > svg');
    if (!pos || !el || !svg) return;
    const f = el.getBoundingClientRect();
    const s = svg.getBoundingClientRect();
    const x = ev.clientX - s.left;
    const y = ev.clientY - s.top;
    const onBadge = badgeAt(points, pos, x, y);
    const i = onBadge >= 0 ? onBadge : nearest(pos, x, y, 14);
    setHover((h) => {
      if (i < 0) return h === null ? h : null;
      if (h?.index === i) return h;
      return { index: i, left: s.left - f.left + pos[2 * i], top: s.top - f.top + pos[2 * i + 1], width: f.width };
    });
  }, [points]);
  const p = hover ? points[hover.index] : undefined;
  const r = p ? Math.sqrt(p.area / Math.PI) + 4 : 0;
  return (
    <div className="point-cloud-frame" ref={frame} onPointerMove={onMove} onPointerLeave={() => setHover(null)}>
      {children(positions)}
      {hover && p && (
        <>
          <div className="point-ring" style={{ left: hover.left - r, top: hover.top - r, width: 2 * r, height: 2 * r, borderColor: ring }} aria-hidden="true" />
          <div
            className="point-tip"
            style={hover.left > hover.width - 220 ? { right: hover.width - hover.left + r + 6, top: hover.top } : { left: hover.left + r + 6, top: hover.top }}
          >
            <TooltipBox title={p.tip.title} lines={p.tip.lines} />
          </div>
        </>
      )}
    </div>
  );
}
