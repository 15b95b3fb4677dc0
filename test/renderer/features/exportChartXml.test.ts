// @vitest-environment happy-dom
// A chart exported as SVG is well-formed XML whatever the names in it hold: characters XML 1.0
// forbids (a spreadsheet's terminal escapes, U+FFFE, lone surrogates) are dropped, the rest kept.
import { describe, expect, it } from 'vitest';
import { composeChartSvg, xmlSafe } from '../../../renderer/src/features/charts/exportChart';
import { buildChartTheme } from '../../../renderer/src/features/charts/chartTheme';

const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const HOSTILE = 'Bo\u001b[31mRed\u0007\u202eX\ufffe\ud800!';

function chartWithLabel(label: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg') as SVGSVGElement;
  svg.setAttribute('width', '400');
  svg.setAttribute('height', '200');
  const text = document.createElementNS(ns, 'text');
  text.textContent = label;
  svg.appendChild(text);
  document.body.appendChild(svg);
  return svg;
}

describe('SVG export and XML-illegal characters', () => {
  it('xmlSafe drops exactly the characters XML 1.0 forbids', () => {
    expect(xmlSafe(HOSTILE)).toBe('Bo[31mRed\u202eX!');
    // Tab, newline, CR, a real surrogate pair and other text stay.
    expect(xmlSafe('a\tb\nc\rd 😀 é')).toBe('a\tb\nc\rd 😀 é');
  });

  it('a name with controls in the chart, the title and the legend gives a clean document', () => {
    const { text } = composeChartSvg(chartWithLabel(HOSTILE), {
      title: `Job map ${HOSTILE}`, caption: `Caption ${HOSTILE}`, theme: buildChartTheme(false),
      legend: [{ label: HOSTILE, colour: '#0072B2', symbol: 'circle' }],
    });
    expect(text).not.toMatch(ILLEGAL);
    expect(text).toContain('>Bo[31mRed\u202eX!<');
    expect(text).toContain('Job map Bo[31mRed\u202eX!');
  });
});
