/**
 * The Excel summary (renderer/src/engine/formats/summaryWorkbook.ts), written and read back with SheetJS:
 * sheets, numeric cells with formats equal to the report, column widths, autofilters, frozen header panes
 * (in the sheet XML), a well-ordered worksheet XML, factor sheets. Formula injection: summaryWorkbookInjection.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { importCsv, orgOf } from './helpers';
import { allCells, cell, csvReport, DATA_SHEETS, read, rowOf, SHEETS } from './summaryWorkbook.helpers';

describe('summary workbook of a small imported organization', () => {
  const report = csvReport();
  const bytes = writeSummaryWorkbook(report, '2025-01-31');
  const wb = read(bytes);

  it('has the sheets Summary, People, Roles, Departments, Tasks, Metrics, Issues in that order', () => {
    expect(wb.SheetNames).toEqual(SHEETS);
  });

  it('People: one row per person; hours, E, D, shares and pay are numeric cells with a number format equal to the report', () => {
    const ws = wb.Sheets.People;
    expect(cell(ws, 0, 0)?.v).toBe('Name');
    expect(report.people).toHaveLength(4);
    report.people.forEach((p, i) => {
      const r = i + 1;
      expect(cell(ws, r, 0)?.v).toBe(p.name);
      expect(cell(ws, r, 1)?.v).toBe(p.role);
      expect(cell(ws, r, 2)?.v).toBe(p.department);
      const want: [number, number | null][] = [[3, p.hours], [4, p.empowerment], [5, p.desirability], [6, p.ratedShare], [7, p.suggestedShare], [8, p.pay], [9, p.hourlyPay]];
      for (const [c, v] of want) {
        const x = cell(ws, r, c);
        if (v === null) {
          expect(x, `${p.name} col ${c}`).toBeUndefined();
          continue;
        }
        expect(x?.t, `${p.name} col ${c}`).toBe('n');
        expect(Math.abs((x!.v as number) - v), `${p.name} col ${c}`).toBeLessThanOrEqual(1e-9);
        expect(typeof x!.z, `${p.name} col ${c} number format`).toBe('string');
      }
    });
    // Spot values by hand: Ana 25 + 15 = 40 h; E = (25·18 + 15·14)/40 = 16.5; hourly 62400/52/40 = 30.
    const ana = cell(ws, 1 + report.people.findIndex((p) => p.name === 'Ana Diaz'), 3)!;
    expect(ana.v).toBe(40);
    expect(ana.z).toBe('0.0');
    const anaRow = 1 + report.people.findIndex((p) => p.name === 'Ana Diaz');
    expect(cell(ws, anaRow, 4)!.v as number).toBeCloseTo(16.5, 9);
    expect(cell(ws, anaRow, 9)!.v as number).toBeCloseTo(30, 9);
    expect(cell(ws, anaRow, 6)!.z).toBe('0%');
  });

  it('Roles, Departments and Tasks carry the report\'s numbers', () => {
    const roles = wb.Sheets.Roles;
    report.roles.forEach((g, i) => {
      expect(cell(roles, i + 1, 0)?.v).toBe(g.role);
      expect(cell(roles, i + 1, 1)?.v).toBe(g.people);
      expect(cell(roles, i + 1, 2)?.v).toBeCloseTo(g.hours, 9);
    });
    const depts = wb.Sheets.Departments;
    report.departments.forEach((g, i) => expect(cell(depts, i + 1, 0)?.v).toBe(g.department));
    const tasks = wb.Sheets.Tasks;
    report.tasks.forEach((t, i) => {
      expect(cell(tasks, i + 1, 0)?.v).toBe(t.name);
      expect(cell(tasks, i + 1, 1)?.v).toBeCloseTo(t.hours, 9);
      expect(cell(tasks, i + 1, 5)?.v).toBe(t.source);
      if (t.empowerment === null) expect(cell(tasks, i + 1, 3)).toBeUndefined();
      else expect(cell(tasks, i + 1, 3)?.v).toBeCloseTo(t.empowerment, 9);
    });
  });

  it('Metrics: Gini, Hoover and Theil equal report.metrics (numeric, formatted)', () => {
    const ws = wb.Sheets.Metrics;
    const g = rowOf(ws, 'Gini');
    expect(cell(ws, g, 1)?.t).toBe('n');
    expect(cell(ws, g, 1)?.v as number).toBeCloseTo(report.metrics.empowerment.gini, 12);
    expect(cell(ws, g, 2)?.v as number).toBeCloseTo(report.metrics.desirability.gini, 12);
    expect(cell(ws, g, 1)?.z).toBe('0.000');
    expect(cell(ws, rowOf(ws, 'Hoover index'), 1)?.v as number).toBeCloseTo(report.metrics.empowerment.hoover, 12);
    expect(cell(ws, rowOf(ws, 'Theil T'), 1)?.v as number).toBeCloseTo(report.metrics.empowerment.theil.department.total, 12);
    expect(cell(ws, rowOf(ws, 'Hours within tolerance'), 1)?.v as number).toBeCloseTo(report.metrics.empowerment.withinTolerance, 12);
    expect(cell(ws, rowOf(ws, 'Palma-style ratio (top 20% ÷ bottom 40%)'), 1)?.v as number).toBeCloseTo(report.metrics.empowerment.palma!, 12);
    const pay = report.metrics.pay!;
    expect(cell(ws, rowOf(ws, 'Highest ÷ lowest'), 1)?.v as number).toBeCloseTo(pay.maxMinRatio!, 12);
  });

  it('Metrics: interval-scale rows (absolute Gini, top fifth, within tolerance) before the relative ones, under a line giving their zero', () => {
    const ws = wb.Sheets.Metrics;
    const e = report.metrics.empowerment;
    const d = report.metrics.desirability;
    const a = rowOf(ws, 'Absolute Gini (points)');
    expect(cell(ws, a, 1)?.v as number).toBeCloseTo(e.absoluteGini, 12);
    expect(cell(ws, a, 2)?.v as number).toBeCloseTo(d.absoluteGini, 12);
    expect(cell(ws, rowOf(ws, 'Top fifth of hours: points above the mean'), 1)?.v as number).toBeCloseTo(e.top20Gap, 12);
    const zero = rowOf(ws, 'Measured from the bottom of the scale (a rating of 1 counts as none at all)');
    expect(a).toBeLessThan(zero);
    expect(rowOf(ws, 'Hours within tolerance')).toBeLessThan(zero);
    for (const label of ['Gini', 'Top 20% share', 'Hoover index', 'Theil T']) expect(rowOf(ws, label), label).toBeGreaterThan(zero);
    expect(cell(ws, rowOf(ws, 'Rated hours resting on suggested ratings'), 1)?.v).toBe(report.metrics.suggested.empowermentHoursShare);
  });

  it('Metrics: the coordinator cluster at τ, 2τ and 3τ, its largest break, members marked when they rest on suggestions; pay p-value', () => {
    const ws = wb.Sheets.Metrics;
    const c = report.metrics.coordinator;
    for (const l of c.levels) {
      const r = rowOf(ws, `${l.multiple}τ`);
      expect(cell(ws, r, 1)?.v as number).toBeCloseTo(l.threshold, 12);
      expect(cell(ws, r, 2)?.v).toBe(l.names.length);
      expect(cell(ws, r, 3)?.v as number).toBeCloseTo(l.hoursShare, 12);
      expect(cell(ws, r, 4)?.v ?? '').toBe(l.names.join(', '));
    }
    expect(cell(ws, rowOf(ws, 'Largest break between neighbours (points)'), 1)?.v as number).toBeCloseTo(c.largestBreak!.gap, 12);
    expect(cell(ws, rowOf(ws, 'Points above the mean (hours-weighted)'), 1)?.v as number).toBeCloseTo(c.gap!, 12);
    // The heading names the clear group only when the break sits below the whole cluster; else it says where the break is.
    const n = c.members.length;
    const b = c.largestBreak;
    const kind = c.kind === 'none' ? 'no cluster' : c.kind === 'gradual' ? 'a gradual slope'
      : b!.above < n ? `${n} people, the clearest break below the top ${b!.above}` : `a clear group of ${n}`;
    expect(cell(ws, rowOf(ws, `Coordinator cluster (more than ${c.threshold.toFixed(2)} points above the mean): ${kind}`), 0)).toBeDefined();
    // Relative figures of the cluster say where they measure from.
    expect(cell(ws, rowOf(ws, 'Share of empowering work (measured from the bottom of the scale)'), 1)?.v as number).toBeCloseTo(c.massShare, 12);
    expect(cell(ws, rowOf(ws, 'Ratio: share of empowering work ÷ share of hours (measured from the bottom of the scale)'), 1)?.v as number).toBeCloseTo(c.ratio!, 12);
    const header = rowOf(ws, 'Name');
    expect(cell(ws, header, 5)?.v).toBe('In the cluster only because of suggested ratings');
    c.members.forEach((m, i) => {
      expect(cell(ws, header + 1 + i, 0)?.v).toBe(m.name);
      expect(cell(ws, header + 1 + i, 5)?.v).toBe(m.restsOnSuggestions ? 'Yes' : 'No');
    });
    expect(cell(ws, rowOf(ws, 'One-sided p-value (pay rising with empowerment)'), 1)?.v as number).toBeCloseTo(report.metrics.pay!.pValue!, 12);
  });

  it('Summary: tolerance 0.95 points, people count, the readings', () => {
    const ws = wb.Sheets.Summary;
    expect(cell(ws, rowOf(ws, 'Tolerance (points)'), 1)?.v as number).toBeCloseTo(0.95, 12);
    expect(cell(ws, rowOf(ws, 'People'), 1)?.v).toBe(4);
    expect(cell(ws, rowOf(ws, 'Generated'), 1)?.v).toBe('2025-01-31');
    expect(cell(ws, rowOf(ws, 'File'), 1)?.v).toBe('staff.csv');
    const k = rowOf(ws, 'Key figure');
    report.readings.forEach((x, i) => expect(cell(ws, k + 1 + i, 2)?.v).toBe(x.text));
  });

  it('every sheet has column widths (!cols)', () => {
    for (const name of SHEETS) {
      const cols = wb.Sheets[name]['!cols'];
      expect(cols, name).toBeDefined();
      const range = XLSX.utils.decode_range(wb.Sheets[name]['!ref']!);
      expect(cols!.length, name).toBe(range.e.c + 1);
      for (const c of cols!) expect(c.wch ?? c.wpx, name).toBeGreaterThan(0);
    }
    // The Name column fits the longest name (at least 8 characters wide).
    expect(wb.Sheets.People['!cols']![0].wch!).toBeGreaterThanOrEqual(8);
  });

  it('data sheets have an autofilter over the header and every data row', () => {
    const last: Record<string, number> = {
      People: report.people.length + 1, Roles: report.roles.length + 1, Departments: report.departments.length + 1,
      Tasks: report.tasks.length + 1, Issues: report.issues.length + 1,
    };
    for (const name of DATA_SHEETS) {
      const af = wb.Sheets[name]['!autofilter'];
      expect(af, name).toBeDefined();
      const r = XLSX.utils.decode_range(af!.ref);
      expect(r.s.r, name).toBe(0);
      expect(r.e.r + 1, name).toBe(last[name]);
    }
    expect(wb.Sheets.Metrics['!autofilter']).toBeDefined();
  });

  it('sheet XML: frozen header pane on data sheets (not on Summary) and CT_Worksheet element order', () => {
    const files = unzipSync(bytes);
    expect(files['[Content_Types].xml']).toBeDefined();
    SHEETS.forEach((name, i) => {
      const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]);
      if (name === 'Summary') {
        expect(xml, name).not.toContain('state="frozen"');
      } else {
        expect(xml, name).toMatch(/<sheetView [^>]*>\s*<pane [^>]*ySplit="1"[^>]*state="frozen"/);
        expect(xml, name).toMatch(/topLeftCell="A2"/);
      }
      // Excel refuses a worksheet whose children are out of order.
      const order = ['<sheetPr', '<dimension', '<sheetViews', '<cols', '<sheetData', '<autoFilter', '<pageMargins', '<pageSetup'];
      const at = order.map((tag) => xml.indexOf(tag));
      for (let k = 0; k < at.length; k++) expect(at[k], `${name} ${order[k]}`).toBeGreaterThan(0);
      for (let k = 1; k < at.length; k++) expect(at[k], `${name}: ${order[k - 1]} before ${order[k]}`).toBeGreaterThan(at[k - 1]);
      expect(xml.match(/<sheetPr\b/g), name).toHaveLength(1);
      expect(xml.match(/<sheetView\b/g), name).toHaveLength(1);
      const ignored = xml.indexOf('<ignoredErrors');
      if (ignored >= 0) expect(ignored, name).toBeGreaterThan(xml.indexOf('<pageSetup'));
    });
  });

  it('the workbook read back by the importer\'s own reader path does not crash (round trip of bytes)', () => {
    // The summary is not an import format, but it must be a well-formed xlsx the app can open again.
    const res = importOrganization(bytes, 'summary.xlsx');
    expect(res.format).toBe('xlsx');
  });
});

describe('the sample organization', () => {
  it('resources/sample-organization.xlsx: People numbers and the Metrics Gini match the report', () => {
    const file = join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
    const r = importOrganization(new Uint8Array(readFileSync(file)), file);
    const report = buildAuditReport({ organization: orgOf(r), issues: r.issues, layout: r.layout, file, format: r.format });
    const wb = read(writeSummaryWorkbook(report));
    expect(wb.SheetNames).toEqual(SHEETS);
    const ws = wb.Sheets.People;
    report.people.forEach((p, i) => {
      expect(cell(ws, i + 1, 0)?.v).toBe(p.name);
      expect(cell(ws, i + 1, 3)?.v as number).toBeCloseTo(p.hours, 9);
      if (p.empowerment !== null) expect(Math.abs((cell(ws, i + 1, 4)?.v as number) - p.empowerment)).toBeLessThanOrEqual(1e-9);
      if (p.desirability !== null) expect(Math.abs((cell(ws, i + 1, 5)?.v as number) - p.desirability)).toBeLessThanOrEqual(1e-9);
    });
    const m = wb.Sheets.Metrics;
    expect(cell(m, rowOf(m, 'Gini'), 1)?.v).toBe(report.metrics.empowerment.gini);
    // 40 people: the Palma row is the true Palma.
    expect(() => rowOf(m, 'Palma ratio (top 10% ÷ bottom 40%)')).not.toThrow();
    // Coordinator members listed by name below the cluster header.
    const names = new Set(report.metrics.coordinator.members.map((x) => x.name));
    const listed = allCells(wb).filter((c) => c.sheet === 'Metrics' && c.ref.startsWith('A') && names.has(String(c.cell.v)));
    expect(listed).toHaveLength(names.size);
  });
});

describe('factor ratings in the audit report and the summary workbook', () => {
  const r = importCsv([
    'Name,Task,Hours,Empowerment (1-20),Schedule (1-5),Skill development (1-5),Decision authority (1-5)',
    'Ada,Budget,10,20,3,4,5',
    'Bo,Filing,30,1,5,,',
    'Bo,Mopping,5,2,,,',
  ]);
  const report = buildAuditReport({ organization: orgOf(r), issues: r.issues, layout: r.layout, file: 'f.csv', format: r.format });

  it('the report gives each task its factors on the project scale (1–20), and none for a task without', () => {
    const budget = report.tasks.find((t) => t.name === 'Budget')!;
    // 5 on 1–5 is the top of the scale: 20 points; 3 on 1–5 is the middle: 10.5 points.
    expect(budget.empowermentFactors).toEqual({ 'Decision authority (1-5)': 20, 'Skill development (1-5)': 15.25 });
    expect(budget.desirabilityFactors).toEqual({ 'Schedule (1-5)': 10.5 });
    expect(report.tasks.find((t) => t.name === 'Filing')!.desirabilityFactors).toEqual({ 'Schedule (1-5)': 20 });
    expect(report.tasks.find((t) => t.name === 'Mopping')).toMatchObject({ empowermentFactors: {}, desirabilityFactors: {} });
  });

  it('a Task factors sheet after Tasks: factors in DESIGN.md\'s order whatever the file\'s, only tasks with factors', () => {
    const wb = read(writeSummaryWorkbook(report));
    expect(wb.SheetNames).toEqual(['Summary', 'People', 'Roles', 'Departments', 'Tasks', 'Task factors', 'Metrics', 'Issues']);
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(wb.Sheets['Task factors'], { header: 1, defval: null });
    expect(rows).toEqual([
      // The file's "(1-5)" is dropped: the values are points on the project scale.
      // Each header says which end of the project's 1–20 scale is which.
      ['Task', 'Decision authority (E): 1 = decides nothing, 20 = decides for the whole organization; higher is more empowering',
        'Skill development (E): 1 = learns nothing new, 20 = builds new skills all the time; higher is more empowering',
        'Schedule (D): 1 = unsocial or unpredictable hours, 20 = regular hours of one\'s choosing; higher is better'],
      ['Budget', 20, 15.25, 10.5],
      ['Filing', null, null, 20],
    ]);
  });

  it('two factors that differ only by their scale hint get a column each, headed with their full names', () => {
    const twice: AuditReport = {
      ...report,
      tasks: [
        { ...report.tasks[0], name: 'Filing', empowermentFactors: {}, desirabilityFactors: { 'Repetition (1-5)': 5, 'Repetition (1-10)': 1, Schedule: 3 } },
        { ...report.tasks[0], name: 'Budget', empowermentFactors: {}, desirabilityFactors: { 'Repetition (1-10)': 7 } },
      ],
    };
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(read(writeSummaryWorkbook(twice)).Sheets['Task factors'], { header: 1, defval: null });
    expect(rows).toEqual([
      ['Task', 'Repetition (1-5) (D): 1 = the same steps all day, 20 = varied; higher is better', 'Repetition (1-10) (D): 1 = the same steps all day, 20 = varied; higher is better',
        'Schedule (D): 1 = unsocial or unpredictable hours, 20 = regular hours of one\'s choosing; higher is better'],
      ['Filing', 5, 1, 3],
      ['Budget', null, 7, null],
    ]);
  });

  it('no Task factors sheet when no task has factors', () => {
    expect(read(writeSummaryWorkbook(csvReport())).SheetNames).toEqual(SHEETS);
  });
});

describe('summary workbook without departments or roles', () => {
  it('leaves the Theil between/within cells empty (one group has no split); and Theil T stays', () => {
    const r = importCsv([
      'Name,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
      'Ana,Strategy,40,18,15',
      'Bo,Canvassing,40,9,12',
      'Cy,Cleaning,40,2,2',
    ]);
    const report = buildAuditReport({ organization: orgOf(r), issues: r.issues, layout: r.layout, file: 'flat.csv', format: r.format });
    expect(report.metrics.empowerment.theil.department.total).toBeGreaterThan(0);
    const ws = read(writeSummaryWorkbook(report)).Sheets.Metrics;
    for (const label of ['Theil between departments', 'Theil within departments', 'Theil between roles', 'Theil within roles']) {
      const row = rowOf(ws, label);
      expect(cell(ws, row, 1)?.v, label).toBeUndefined();
      expect(cell(ws, row, 2)?.v, label).toBeUndefined();
    }
    expect(cell(ws, rowOf(ws, 'Theil T'), 1)?.v as number).toBeCloseTo(report.metrics.empowerment.theil.department.total, 12);
  });
});
