// The memory bound for HTML and XML spreadsheets (formats/markupGuard.ts): markup is counted in one
// linear pass and refused past its limits before SheetJS builds objects for it (issue 11).
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKUP_LIMITS, guardMarkup, MarkupRefusal, type MarkupLimits } from '../../renderer/src/engine/formats/markupGuard';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { hoursByName, orgOf } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);

const HTML_EXPORT =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><!-- <td><td><td> not cells --></head><body>' +
  '<table><tr><th>Name</th><th>Task</th><th>Hours</th></tr><tr><td>Ana</td><td>Filing</td><td>10</td></tr>' +
  '<tr><td>Bo</td><td>Phones &lt; 5</td><td>5</td></tr></table></body></html>';

const SPREADSHEET_ML =
  '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
  '<Worksheet ss:Name="Work"><Table>' +
  '<Row><Cell><Data ss:Type="String">Name</Data></Cell><Cell><Data ss:Type="String">Task</Data></Cell><Cell><Data ss:Type="String">Hours</Data></Cell></Row>' +
  '<Row><Cell><Data ss:Type="String">Ana</Data></Cell><Cell><Data ss:Type="String">Filing</Data></Cell><Cell><Data ss:Type="Number">10</Data></Cell></Row>' +
  '<Row><Cell ss:Index="3"/></Row></Table></Worksheet></Workbook>';

function refusal(text: string | Uint8Array, limits?: Partial<MarkupLimits>): string {
  try {
    guardMarkup(text, { ...DEFAULT_MARKUP_LIMITS, ...limits });
  } catch (err) {
    if (err instanceof MarkupRefusal) return err.message;
    throw err;
  }
  return '(accepted)';
}

describe('counting markup', () => {
  it('an HTML export: cells, rows and tables counted; comments, doctype and "&lt;" are not tags', () => {
    const counts = guardMarkup(HTML_EXPORT);
    expect(counts).toEqual({ tags: 17, cells: 9, rows: 3, tableNesting: 1, xmlDepth: 0 });
    expect(guardMarkup(enc(HTML_EXPORT))).toEqual(counts);
  });

  it('SpreadsheetML: <ss:Cell>/<Cell> and <Row> counted, self-closing tags do not deepen, depth measured', () => {
    const counts = guardMarkup(SPREADSHEET_ML);
    expect(counts).toEqual({ tags: 19, cells: 7, rows: 3, tableNesting: 1, xmlDepth: 6 });
    expect(guardMarkup(enc(SPREADSHEET_ML))).toEqual(counts);
  });
});

describe('refusals, each naming its limit', () => {
  it('tables nested deeper than the limit (the 62 MB bomb\'s shape), at any size', () => {
    const nested = (n: number) => `<html><body>${'<table><tr><td>'.repeat(n)}x${'</td></tr></table>'.repeat(n)}</body></html>`;
    expect(refusal(nested(4))).toBe('(accepted)');
    expect(refusal(nested(5))).toBe('the file has tables nested more than 4 deep; no spreadsheet export does that (a damaged or hostile file)');
    // Closed tables do not add up: four side by side are depth 1.
    expect(guardMarkup(`${'<table><tr><td>x</td></tr></table>'.repeat(4)}`).tableNesting).toBe(1);
  });

  it('cells, rows and tags past their limits', () => {
    const rows = (n: number, cells: number) => `<table>${`<tr>${'<td>1</td>'.repeat(cells)}</tr>`.repeat(n)}</table>`;
    expect(refusal(rows(10, 10), { maxCells: 100 })).toBe('(accepted)');
    expect(refusal(rows(10, 11), { maxCells: 100 })).toBe('the file has more than 100 table cells, over the limit for HTML and XML spreadsheets; save it as .xlsx or .csv');
    expect(refusal(rows(101, 1), { maxRows: 100 })).toBe('the file has more than 100 rows, the row limit');
    expect(refusal(`<div>${'<b>x</b>'.repeat(1000)}</div>`, { maxTags: 1000 })).toBe('the file has more than 1,000 tags, over the limit for HTML and XML spreadsheets; save it as .xlsx or .csv');
  });

  it('XML nested deeper than the limit; HTML\'s unclosed tags (<p>, <br>) do not count as depth', () => {
    const deep = (n: number) => `<?xml version="1.0"?><Workbook>${'<a>'.repeat(n)}${'</a>'.repeat(n)}</Workbook>`;
    expect(refusal(deep(63))).toBe('(accepted)');
    expect(refusal(deep(64))).toBe("the file's XML is nested more than 64 levels deep; no spreadsheet export does that (a damaged or hostile file)");
    expect(refusal(`<html><body>${'<p>text<br>'.repeat(500)}</body></html>`)).toBe('(accepted)');
  });

  it('stays linear on markup that never closes (no rescanning to the end from every "<")', () => {
    // 15,000 closed tags: milliseconds when linear, seconds when each tag rescans the text before it.
    for (const text of ['<b>x</b>'.repeat(15_000), '<a '.repeat(2_000_000), '<a:b'.repeat(1_500_000), '<!--'.repeat(1_500_000), `<td x="${'<'.repeat(6_000_000)}">`]) {
      const started = performance.now();
      guardMarkup(text);
      expect(performance.now() - started, text.slice(0, 8)).toBeLessThan(500);
    }
  });
});

describe('through the importer', () => {
  it('an HTML table saved as .xls and SpreadsheetML 2003 still import', () => {
    expect(Object.fromEntries(hoursByName(orgOf(importOrganization(enc(HTML_EXPORT), 'staff.xls'))))).toEqual({ Ana: 10, Bo: 5 });
    expect(Object.fromEntries(hoursByName(orgOf(importOrganization(enc(SPREADSHEET_ML), 'staff.xml'))))).toEqual({ Ana: 10 });
  });

  it('a nested table is refused with the file name, whether it is sniffed as HTML or read as text starting with "<"', () => {
    const bomb = `${'<table><tr><td>'.repeat(50)}x`;
    for (const [name, text] of [['bomb.html', `<html><body>${bomb}`], ['bomb.csv', `<body>${bomb}`], ['bomb.xls', `\uFEFF  <div>${bomb}`]]) {
      const r = importOrganization(enc(text), name);
      expect(r.fatal, name).toBe(`${name}: the file has tables nested more than 4 deep; no spreadsheet export does that (a damaged or hostile file)`);
    }
  });

  it('a text file of several megabytes without a line break is read in bounded time (the delimiter is sniffed from 64 KB)', () => {
    const started = performance.now();
    const r = importOrganization(enc(`<div>${'<p>'.repeat(1_600_000)}`), 'one-line.csv');
    expect(r.fatal).toBe('one-line.csv: the file has more than 1,500,000 tags, over the limit for HTML and XML spreadsheets; save it as .xlsx or .csv');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a CSV whose text merely mentions tags is not markup', () => {
    const r = importOrganization(enc('Name,Task,Hours\nAna,Fix <table> layout,10\n'), 'notes.csv');
    expect(orgOf(r).tasks.map((t) => t.name)).toEqual(['Fix <table> layout']);
  });
});
