// Marker geometry shared by the scatter points, the on-screen legends and the exported legends.
// Plain <circle>/<polygon> elements: cheaper than recharts' d3 symbol paths at thousands of points.
import type { ReactElement } from 'react';
import type { MarkerShape } from './chartTheme';

export type MarkerGeometry = { kind: 'circle'; r: number } | { kind: 'polygon'; points: string };

function poly(cx: number, cy: number, pts: [number, number][]): MarkerGeometry {
  return { kind: 'polygon', points: pts.map(([x, y]) => `${(cx + x).toFixed(2)},${(cy + y).toFixed(2)}`).join(' ') };
}

function star(r: number, spikes: number, inner: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < spikes * 2; i++) {
    const rad = i % 2 === 0 ? r : r * inner;
    const a = (Math.PI * i) / spikes - Math.PI / 2;
    pts.push([rad * Math.cos(a), rad * Math.sin(a)]);
  }
  return pts;
}

/**
 * Geometry of a marker of `area` square pixels centred at (cx, cy); every shape has about the same
 * area as a circle of that area, so size stays comparable across departments.
 */
export function markerGeometry(shape: MarkerShape, cx: number, cy: number, area: number): MarkerGeometry {
  const r = Math.sqrt(Math.max(area, 1) / Math.PI);
  switch (shape) {
    case 'square': {
      const h = Math.sqrt(area) / 2;
      return poly(cx, cy, [[-h, -h], [h, -h], [h, h], [-h, h]]);
    }
    case 'triangle': {
      const s = Math.sqrt((4 * area) / Math.sqrt(3));
      const h = (s * Math.sqrt(3)) / 2;
      return poly(cx, cy, [[0, (-2 * h) / 3], [s / 2, h / 3], [-s / 2, h / 3]]);
    }
    case 'diamond': {
      const d = Math.sqrt(area / 2) * 1.05;
      return poly(cx, cy, [[0, -d * 1.2], [d, 0], [0, d * 1.2], [-d, 0]]);
    }
    case 'star':
      return poly(cx, cy, star(r * 1.45, 5, 0.45));
    case 'wye': {
      // Three arms of width w meeting at the centre; inner corners on the bisectors.
      const R = r * 1.35;
      const w = R * 0.5;
      const pts: [number, number][] = [];
      for (let k = 0; k < 3; k++) {
        const a = (2 * Math.PI * k) / 3 - Math.PI / 2;
        const nx = -Math.sin(a) * (w / 2);
        const ny = Math.cos(a) * (w / 2);
        const tx = Math.cos(a) * R;
        const ty = Math.sin(a) * R;
        const bis = a + Math.PI / 3;
        const d = w / 2 / Math.sin(Math.PI / 3);
        pts.push([tx - nx, ty - ny], [tx + nx, ty + ny], [Math.cos(bis) * d, Math.sin(bis) * d]);
      }
      return poly(cx, cy, pts);
    }
    case 'cross': {
      const a = r * 1.2;
      const b = a / 2.6;
      return poly(cx, cy, [[-b, -a], [b, -a], [b, -b], [a, -b], [a, b], [b, b], [b, a], [-b, a], [-b, b], [-a, b], [-a, -b], [-b, -b]]);
    }
    default:
      return { kind: 'circle', r };
  }
}

export interface MarkerProps {
  shape: MarkerShape;
  cx: number;
  cy: number;
  area: number;
  fill: string;
  stroke: string;
  fillOpacity?: number;
  strokeWidth?: number;
}

export function Marker({ shape, cx, cy, area, fill, stroke, fillOpacity = 0.8, strokeWidth = 1 }: MarkerProps): ReactElement {
  const g = markerGeometry(shape, cx, cy, area);
  return g.kind === 'circle'
    ? <circle cx={cx} cy={cy} r={g.r} fill={fill} fillOpacity={fillOpacity} stroke={stroke} strokeWidth={strokeWidth} />
    : <polygon points={g.points} fill={fill} fillOpacity={fillOpacity} stroke={stroke} strokeWidth={strokeWidth} strokeLinejoin="round" />;
}
