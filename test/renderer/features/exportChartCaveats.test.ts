// @vitest-environment happy-dom
// What an exported chart carries besides the chart (exportChart.composeChartSvg): the footer lines
// (organization and date, rating sources), a label under every bar, and hidden names masked in every
// text of the image — title, caption, axis texts and legend.
import { describe, expect, it } from 'vitest';
import { composeChartSvg } from '../../../renderer/src/features/charts/exportChart';
import { buildChartTheme } from '../../../renderer/src/features/charts/chartTheme';
import { textMasker, HIDDEN_GROUP } from '../../../renderer/src/engine/analysis/singletons';

const NS = 'http://www.w3.org/2000/svg';

/** A drawn bar chart as recharts leaves it: bars in .recharts-bar-rectangle groups, an axis title below them. */
function barChart(heights: number[]): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg') as SVGSVGElement;
  svg.setAttribute('width', '400');
  svg.setAttribute('height', '300');
  svg.setAttribute('viewBox', '0 0 400 300');
  heights.forEach((h, i) => {
    const g = document.createElementNS(NS, 'g');
    g.setAttribute('class', 'recharts-layer recharts-bar-rectangle');
    const rect = document.createElementNS(NS, 'rect');
    for (const [k, v] of Object.entries({ x: 60 + i * 30, y: 250 - h, width: 24, height: h })) rect.setAttribute(k, String(v));
    g.appendChild(rect);
    svg.appendChild(g);
  });
  const axis = document.createElementNS(NS, 'text');
  axis.setAttribute('class', 'recharts-label');
  axis.setAttribute('y', '280');
  axis.textContent = 'Executive Director and 2 more';
  svg.appendChild(axis);
  document.body.appendChild(svg);
  return svg;
}

function texts(svg: string): string[] {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
}

describe('exported chart caveats', () => {
  const theme = buildChartTheme(false);
  const frame = { title: 'Ranked jobs', caption: 'Jobs ranked.', legend: [], theme };

  it('writes the footer lines under the chart, and the image grows to hold them', () => {
    const chart = barChart([100, 80, 40]);
    const plain = composeChartSvg(chart, frame);
    const footer = ['Acme Union · exported 2026-12-07 with Fairshare', 'Ratings: 62% of hours rated by the members, 30% by suggestion, 8% unrated.'];
    const withFooter = composeChartSvg(chart, { ...frame, footer });
    // Wrapped to the image's width: the footer's texts, read in order, are the lines.
    const doc = new DOMParser().parseFromString(withFooter.text, 'image/svg+xml');
    expect([...doc.querySelectorAll('g.export-footer text')].map((t) => t.textContent).join(' ')).toBe(footer.join(' '));
    expect(texts(plain.text)).not.toContain(footer[0]);
    expect(withFooter.height).toBeGreaterThanOrEqual(plain.height + 2 * 15);
  });

  it('labels every bar once, in order, below the bars, and moves the axis title below the labels', () => {
    const out = composeChartSvg(barChart([100, 80, 40]), { ...frame, barLabels: ['P-001', 'P-007', 'P-003'] });
    const doc = new DOMParser().parseFromString(out.text, 'image/svg+xml');
    const labels = [...doc.querySelectorAll('g.bar-labels text')];
    expect(labels.map((l) => l.textContent)).toEqual(['P-001', 'P-007', 'P-003']);
    // Each label hangs from the bars' bottom (y 250) at its bar's centre, rotated to read upwards.
    expect(labels[1].getAttribute('transform')).toMatch(/^translate\(\d+(\.\d)? 254\.0\) rotate\(-90\)$/);
    const axis = [...doc.querySelectorAll('text')].find((t) => t.textContent?.includes('and 2 more'))!;
    expect(Number(axis.getAttribute('y'))).toBeGreaterThan(280);
  });

  it('leaves the bars unlabelled when the labels do not match them one to one', () => {
    const out = composeChartSvg(barChart([100, 80]), { ...frame, barLabels: ['only one'] });
    expect(texts(out.text)).not.toContain('only one');
  });

  it('masks hidden role and department names in the title, caption, chart texts, legend and footer', () => {
    const mask = textMasker({ roles: ['Executive Director'], departments: ['Leadership'] });
    const out = composeChartSvg(barChart([100]), {
      title: 'Ranked jobs', caption: 'The Executive Director leads.', theme, mask,
      legend: [{ label: 'Leadership', colour: '#0072B2', symbol: 'rect' }], footer: ['Leadership · exported'],
    });
    expect(out.text).not.toMatch(/Executive Director|Leadership/);
    expect(out.text.split(HIDDEN_GROUP).length - 1).toBe(4);
  });
});
