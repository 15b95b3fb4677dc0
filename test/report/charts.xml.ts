/**
 * Helpers for the report chart tests: a strict XML well-formedness check (happy-dom's DOMParser lets a
 * bare "&" and repeated attributes through), parsing to a DOM for queries, and reading a chart's data
 * back from its own tick labels, so positions are checked against the axis a reader sees.
 */
import { Window } from 'happy-dom';
import { expect } from 'vitest';

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function checkText(s: string, where: string): void {
  if (s.includes('<')) throw new Error(`'<' in ${where}: ${s.slice(0, 60)}`);
  if (s.replace(ENTITY, '').includes('&')) throw new Error(`bare '&' in ${where}: ${s.slice(0, 60)}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s)) throw new Error(`control character in ${where}`);
}

/** Throws unless `xml` is one well-formed element: balanced tags, quoted unique attributes, escaped text. */
export function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textPart = xml.slice(i, lt < 0 ? xml.length : lt);
    if (textPart) {
      if (stack.length === 0 && textPart.trim()) throw new Error(`text outside the root: ${textPart.slice(0, 40)}`);
      checkText(textPart, 'text');
    }
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
      continue;
    }
    // A tag: attribute values may hold '>' only when escaped, which checkText forbids unescaped '<' and '&'.
    const m = /^<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(lt));
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    const [whole, close, name, attrs, selfClose] = m;
    if (!NAME.test(name)) throw new Error(`bad tag name ${name}`);
    if (close) {
      if (attrs.trim() || selfClose) throw new Error(`attributes on a closing tag ${name}`);
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
    } else {
      const seen = new Set<string>();
      for (const a of attrs.matchAll(/([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        if (!NAME.test(a[1])) throw new Error(`bad attribute name ${a[1]}`);
        if (seen.has(a[1])) throw new Error(`repeated attribute ${a[1]} on <${name}>`);
        seen.add(a[1]);
        checkText(a[3] ?? a[4], `attribute ${a[1]}`);
      }
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(name);
    }
    i = lt + whole.length;
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

const window = new Window();

/** The chart's <svg> as a DOM element, after the strict check. */
export function parseSvg(svg: string): Element {
  assertWellFormed(svg);
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror').length).toBe(0);
  return doc.documentElement as unknown as Element;
}

/** A map from data to viewBox units read from an axis's tick labels (their numbers and positions). */
export function axisMap(root: Element, axis: 'x' | 'y'): { toView: (v: number) => number; toData: (u: number) => number } {
  const texts = [...root.querySelectorAll(`g[data-axis="${axis}"] text`)];
  const ticks = texts.map((t) => ({ v: parseFloat((t.textContent ?? '').replace('%', '')) / ((t.textContent ?? '').endsWith('%') ? 100 : 1), u: Number(t.getAttribute(axis)) }));
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const a = ticks[0];
  const b = ticks[ticks.length - 1];
  // y tick labels sit 3.5 units below their line (baseline centring of 10-unit text).
  const off = axis === 'y' ? 3.5 : 0;
  const k = (b.u - a.u) / (b.v - a.v);
  // Every tick agrees with the line through the first and the last.
  for (const t of ticks) expect(Math.abs(a.u + (t.v - a.v) * k - t.u)).toBeLessThan(0.02);
  return { toView: (v) => a.u - off + (v - a.v) * k, toData: (u) => a.v + (u + off - a.u) / k };
}

/** Centre of a circle, or centroid of a polygon's vertices (the triangles of marked jobs). */
export function centre(el: Element): [number, number] {
  if (el.tagName.toLowerCase() === 'circle') return [Number(el.getAttribute('cx')), Number(el.getAttribute('cy'))];
  const pts = (el.getAttribute('points') ?? '').trim().split(/\s+/).map((p) => p.split(',').map(Number));
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

/** Every element of the tree. */
export function elementCount(root: Element): number {
  return root.querySelectorAll('*').length + 1;
}

/** The rules every chart keeps: one <svg> root with viewBox, role, label and title; no size, scripts or outside references; short numbers; readable text. */
export function assertChartRules(svg: string): Element {
  const root = parseSvg(svg);
  expect(root.tagName.toLowerCase()).toBe('svg');
  expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  expect(root.getAttribute('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(root.getAttribute('role')).toBe('img');
  expect(root.getAttribute('aria-label')).toBeTruthy();
  expect(root.getAttribute('width')).toBeNull();
  expect(root.getAttribute('height')).toBeNull();
  expect(root.querySelector('title')?.textContent).toBe(root.getAttribute('aria-label'));
  expect(root.querySelectorAll('script, foreignObject, foreignobject, image, use, a, style').length).toBe(0);
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) {
      expect(a.name.toLowerCase().startsWith('on'), `${a.name} on <${el.tagName}>`).toBe(false);
      expect(a.name.toLowerCase().endsWith('href'), `${a.name} on <${el.tagName}>`).toBe(false);
      // References only to this chart's own definitions.
      for (const ref of a.value.matchAll(/url\(#([^)]+)\)/g)) expect(root.querySelector(`[id="${ref[1]}"]`), ref[1]).not.toBeNull();
      expect(a.value, `${a.name}="${a.value.slice(0, 40)}"`).not.toMatch(/url\((?!#)|\d\.\d{3,}/);
    }
    const size = el.getAttribute('font-size');
    if (size !== null) expect(Number(size)).toBeGreaterThanOrEqual(9);
  }
  return root;
}
