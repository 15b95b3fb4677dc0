/**
 * The native job-map chart on the Excel summary's Summary sheet: its parts are in the package, every
 * part well-formed with a content type, every relationship resolves, the series read exactly the rated
 * people's People cells with the engine's scores cached, and hostile names are escaped.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import { seriesRef } from '../../renderer/src/engine/formats/nativeChart';
import { scatterChartXml } from '../../renderer/src/engine/formats/chartXml';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { assertWellFormed } from '../report/charts.xml';
import { describeIssues, importCsv, issuesOf, orgOf } from './helpers';
import { csvReport, read } from './summaryWorkbook.helpers';

type Parts = Record<string, string>;

function parts(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** Well-formed after its XML declaration (the strict checker takes one element). */
function wellFormed(xml: string): void {
  assertWellFormed(xml.replace(/^<\?xml[^>]*\?>\s*/, ''));
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;|&#39;/g, "'").replace(/&amp;/g, '&');
}

/** A part's relationships: id → resolved part path. */
function relationships(p: Parts, part: string): Map<string, string> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '';
  const relsPath = `${dir ? `${dir}/` : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
  const out = new Map<string, string>();
  for (const m of (p[relsPath] ?? '').matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)) {
    if (/^https?:/.test(m[2])) continue;
    const segments = (m[2].startsWith('/') ? m[2].slice(1) : `${dir}/${m[2]}`).split('/');
    const resolved: string[] = [];
    for (const s of segments) if (s === '..') resolved.pop(); else if (s && s !== '.') resolved.push(s);
    out.set(m[1], resolved.join('/'));
  }
  return out;
}

/** The 0-based rows a series formula covers on `sheet`'s column `col`, in order. */
function refRows(ref: string, sheet: string, col: string): number[] {
  const rows: number[] = [];
  const quoted = `'${sheet.replace(/'/g, "''")}'`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = ref.startsWith('(') ? ref.slice(1, -1) : ref;
  for (const area of body.split(',')) {
    const m = new RegExp(`^${quoted}!\\$${col}\\$(\\d+)(?::\\$${col}\\$(\\d+))?$`).exec(area);
    if (!m) throw new Error(`not a range of ${sheet} column ${col}: ${area}`);
    for (let r = Number(m[1]); r <= Number(m[2] ?? m[1]); r++) rows.push(r - 1);
  }
  return rows;
}

function series(chart: string, axis: 'xVal' | 'yVal'): { ref: string; values: number[]; count: number } {
  const body = new RegExp(`<c:${axis}>(.*?)</c:${axis}>`).exec(chart)![1];
  return {
    ref: unescape(/<c:f>(.*?)<\/c:f>/.exec(body)![1]),
    values: [...body.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => Number(m[2])),
    count: Number(/<c:ptCount val="(\d+)"\/>/.exec(body)![1]),
  };
}

/** A report where the third of four people has only an unrated task, so the rated rows are not one run. */
function gappedReport(): AuditReport {
  const r = importCsv([
    'Name,Role,Department,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
    'Ana <b>&amp; "Co",Director,Leadership,Strategy,25,18,15',
    "Bo O'Chen,Organizer,Organizing,Canvassing,30,9,12",
    'Cy Lima,Organizer,Organizing,Zqxv wibble,20,,',
    'Dee Park,Clerk,Office,Data entry,20,3,4',
    'Eve Ng,Clerk,Office,Filing,10,4,6',
  ]);
  expect(issuesOf(r, 'error'), describeIssues(r)).toEqual([]);
  return buildAuditReport({ organization: orgOf(r), issues: r.issues, layout: r.layout, file: 'staff.csv', format: r.format });
}

function checkPackage(bytes: Uint8Array, report: AuditReport): void {
  const p = parts(bytes);
  for (const path of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/worksheets/_rels/sheet1.xml.rels']) expect(Object.keys(p)).toContain(path);
  for (const [path, xml] of Object.entries(p)) if (/\.(xml|rels)$/.test(path)) expect(() => wellFormed(xml), path).not.toThrow();

  // Every part has a content type: an override by name or a default by extension.
  const types = p['[Content_Types].xml'];
  const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]));
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  for (const path of Object.keys(p)) {
    if (path === '[Content_Types].xml') continue;
    expect(overrides.has(path) || defaults.has(path.split('.').pop()!.toLowerCase()), path).toBe(true);
  }
  expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
  expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');

  // Every relationship resolves to a part, and every r:id used in a part is one of its relationships.
  for (const path of Object.keys(p).filter((x) => x.endsWith('.rels'))) {
    const owner = path.replace(/_rels\//, '').replace(/\.rels$/, '');
    for (const [id, target] of relationships(p, owner)) expect(p[target], `${path} ${id} → ${target}`).toBeDefined();
  }
  for (const path of Object.keys(p).filter((x) => /\.xml$/.test(x))) {
    const rels = relationships(p, path);
    for (const m of p[path].matchAll(/\br:id="([^"]+)"/g)) expect(rels.has(m[1]), `${path} r:id ${m[1]}`).toBe(true);
  }
  // The drawing hangs on the Summary sheet, and the chart on the drawing.
  const sheetOf = relationships(p, 'xl/workbook.xml');
  const summaryId = /<sheet name="Summary" sheetId="\d+" r:id="([^"]+)"/.exec(p['xl/workbook.xml'])![1];
  const summaryPath = sheetOf.get(summaryId)!;
  const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(p[summaryPath])![1];
  expect(relationships(p, summaryPath).get(drawingId)).toBe('xl/drawings/drawing1.xml');
  expect(relationships(p, 'xl/drawings/drawing1.xml').get(/<c:chart [^>]*r:id="([^"]+)"/.exec(p['xl/drawings/drawing1.xml'])![1])).toBe('xl/charts/chart1.xml');
  // <drawing> is the last element of these before </worksheet>, after the print setup (CT_Worksheet order).
  expect(p[summaryPath]).toMatch(/<headerFooter>.*<rowBreaks\b.*<drawing r:id="[^"]+"\/><\/worksheet>$/);

  // The series read the People sheet's Empowerment and Desirability cells of exactly the rated people.
  const chart = p['xl/charts/chart1.xml'];
  const people = read(bytes).Sheets.People;
  const head = XLSX.utils.sheet_to_json<string[]>(people, { header: 1 })[0];
  const [eCol, dCol] = [XLSX.utils.encode_col(head.indexOf('Empowerment')), XLSX.utils.encode_col(head.indexOf('Desirability'))];
  const ratedRows = report.people.flatMap((q, i) => (q.empowerment !== null && q.desirability !== null ? [i + 1] : []));
  const x = series(chart, 'xVal');
  const y = series(chart, 'yVal');
  expect(refRows(x.ref, 'People', eCol)).toEqual(ratedRows);
  expect(refRows(y.ref, 'People', dCol)).toEqual(ratedRows);
  for (const [s, col] of [[x, eCol], [y, dCol]] as const) {
    expect(s.count).toBe(ratedRows.length);
    // The cache holds what the referenced cells hold (a viewer that does not recalculate shows the same points).
    expect(s.values).toEqual(ratedRows.map((r) => people[`${col}${r + 1}`].v));
  }
  expect(x.values).toEqual(report.people.filter((q) => q.empowerment !== null && q.desirability !== null).map((q) => q.empowerment));
  expect(y.values).toEqual(report.people.filter((q) => q.empowerment !== null && q.desirability !== null).map((q) => q.desirability));

  // Marker-only scatter on the project scale, with the titles asked for.
  expect(chart).toContain('<c:scatterStyle val="lineMarker"/>');
  expect(chart).toMatch(/<c:ser>.*<c:spPr><a:ln w="19050"><a:noFill\/><\/a:ln><\/c:spPr><c:marker>/);
  expect([...chart.matchAll(/<c:scaling><c:orientation val="minMax"\/><c:max val="([^"]+)"\/><c:min val="([^"]+)"\/><\/c:scaling>/g)].map((m) => [Number(m[2]), Number(m[1])]))
    .toEqual([[report.scale.min, report.scale.max], [report.scale.min, report.scale.max]]);
  const texts = [...chart.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
  expect(texts).toEqual(['The job map: every job by empowerment and desirability', 'Empowerment (points)', 'Desirability (points)']);
  const axIds = [...chart.matchAll(/<c:scatterChart>.*?<c:axId val="(\d+)"\/><c:axId val="(\d+)"\/><\/c:scatterChart>/g)][0].slice(1);
  const crosses = [...chart.matchAll(/<c:valAx><c:axId val="(\d+)"\/>.*?<c:crossAx val="(\d+)"\/>/g)].map((m) => [m[1], m[2]]);
  expect(crosses).toEqual([[axIds[0], axIds[1]], [axIds[1], axIds[0]]]);

  // Anchored below every row of text, where the printed page breaks.
  const from = /<xdr:from><xdr:col>0<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/.exec(p['xl/drawings/drawing1.xml'])!;
  const lastText = Math.max(...[...p[summaryPath].matchAll(/<row r="(\d+)"[^>]*>(?=<c )/g)].map((m) => Number(m[1])));
  expect(Number(from[1])).toBeGreaterThanOrEqual(lastText);
  expect(p[summaryPath]).toContain(`<brk id="${from[1]}" max="16383" man="1"/>`);
}

describe('the job map chart in the Excel summary', () => {
  it('is a well-formed, consistent package whose series are the People sheet\'s rated cells', () => {
    const report = csvReport();
    const bytes = writeSummaryWorkbook(report, '2025-01-01');
    checkPackage(bytes, report);
    // Read back through SheetJS: the figures are unchanged by the chart.
    const wb = read(bytes);
    expect(wb.SheetNames.slice(0, 2)).toEqual(['Summary', 'People']);
    expect(XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.People).map((row) => [row.Name, row.Empowerment, row.Desirability]))
      .toEqual(report.people.map((q) => [q.name, q.empowerment ?? undefined, q.desirability ?? undefined]));
  });

  it('leaves out an unrated person in the middle (a union of ranges), with hostile names in the data', () => {
    const report = gappedReport();
    const unrated = report.people.findIndex((q) => q.empowerment === null);
    expect(unrated, 'the fixture needs an unrated person between rated ones').toBeGreaterThan(0);
    expect(unrated).toBeLessThan(report.people.length - 1);
    const bytes = writeSummaryWorkbook(report);
    checkPackage(bytes, report);
    expect(series(parts(bytes)['xl/charts/chart1.xml'], 'xVal').ref).toMatch(/^\('People'!\$E\$\d+(:\$E\$\d+)?,'People'!/);
  });

  it('writes no chart when nobody is rated on both dimensions', () => {
    const report = csvReport();
    const none = { ...report, people: report.people.map((q) => ({ ...q, desirability: null })) };
    const p = parts(writeSummaryWorkbook(none));
    expect(Object.keys(p).filter((k) => /chart|drawing/.test(k))).toEqual([]);
  });

  it('quotes and escapes a hostile sheet name and titles', () => {
    const name = `O'Brien & <Co> "x"`;
    const ref = seriesRef(name, 4, [1, 2, 3, 5, 8, 9]);
    expect(ref).toBe(`('O''Brien & <Co> "x"'!$E$2:$E$4,'O''Brien & <Co> "x"'!$E$6,'O''Brien & <Co> "x"'!$E$9:$E$10)`);
    expect(refRows(ref, name, 'E')).toEqual([1, 2, 3, 5, 8, 9]);
    const xml = scatterChartXml({
      title: 'A < B & "C"', seriesName: '<script>', xTitle: 'x & y', yTitle: "it's", min: 0, max: 10, color: '000000', outline: '000000',
      x: { ref, values: [1, 2, 3, 4, 5, 6], formatCode: '0.0' }, y: { ref, values: [6, 5, 4, 3, 2, 1], formatCode: '0.0' },
    });
    expect(() => wellFormed(xml)).not.toThrow();
    expect(series(xml, 'xVal').ref).toBe(ref);
    expect([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1]))).toEqual(['A < B & "C"', 'x & y', "it's"]);
    expect(xml).not.toContain('<script>');
    expect(() => scatterChartXml({ title: '', seriesName: '', xTitle: '', yTitle: '', min: 1, max: 1, color: '000000', outline: '000000', x: { ref, values: [], formatCode: '' }, y: { ref, values: [], formatCode: '' } })).toThrow(RangeError);
  });
});
