/**
 * Every figure resources/README.md quotes about the two sample organizations, computed from the
 * CLI's default run (`fairshare audit FILE --json`) and looked up in the README's text, so the
 * README cannot drift from what the shipped samples and the engine actually give.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, test } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliPath = path.join(repoRoot, 'out', 'cli', 'fairshare.cjs');
const ORG = path.join(repoRoot, 'resources', 'sample-organization.xlsx');
const PARTNER = path.join(repoRoot, 'resources', 'sample-partner.xlsx');
/** The README with its line breaks folded, so a figure may wrap. */
const readme = readFileSync(path.join(repoRoot, 'resources', 'README.md'), 'utf8').replace(/\s+/g, ' ');

interface Person { name: string; role: string; department: string; hours: number; empowerment: number; desirability: number; hourlyPay: number | null }
interface Dim { mean: number; gini: number; absoluteGini: number; withinTolerance: number; palma: number; palmaKind: string }
interface Report {
  people: Person[];
  tasks: { name: string; source: string; empowerment: number | null }[];
  issues: { severity: string; message: string }[];
  readings: { key: string; band?: { level: string; limits: { tolerance: number; twice: number } | null } }[];
  metrics: {
    tolerance: number;
    empowerment: Dim;
    coordinator: {
      members: { name: string; role: string; restsOnSuggestions: boolean }[];
      kind: string;
      largestBreak: { gap: number; above: number } | null;
    };
    pay: { spearmanEmpowerment: number; pValue: number; redFlag: boolean };
    suggested: { empowermentHoursShare: number };
  };
}

function audit(file: string): Report {
  const r = spawnSync(process.execPath, [cliPath, 'audit', file, '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

const one = (x: number) => x.toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const thousands = (x: number) => Math.round(x).toLocaleString('en-US');
const hoursOf = (ps: Person[]) => ps.reduce((a, p) => a + p.hours, 0);
const meanE = (ps: Person[]) => ps.reduce((a, p) => a + p.hours * p.empowerment, 0) / hoursOf(ps);

function quotes(text: string): void {
  expect(readme.includes(text), `resources/README.md should say: ${text}`).toBe(true);
}

describe('resources/README.md: Riverside (sample-organization.xlsx)', () => {
  let r: Report;
  const byRole = (role: string) => r.people.filter((p) => p.role === role);
  beforeAll(() => {
    r = audit(ORG);
  });

  test('size: people, weekly hours, task rows and distinct tasks, the unrated ones', () => {
    quotes(`${r.people.length} staff, ${thousands(hoursOf(r.people))} hours a week`);
    const wb = XLSX.read(readFileSync(ORG), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Tasks, { header: 1, blankrows: false }).length - 1;
    quotes(`(${rows} rows, 4–10 tasks each)`);
    quotes(`${r.tasks.length} distinct tasks.`);
    const suggested = r.tasks.filter((t) => t.source === 'suggested').map((t) => t.name);
    quotes(`${suggested.length} (≈${Math.round((suggested.length / r.tasks.length) * 20) * 5}%) are listed with empty ratings`);
    for (const name of suggested) quotes(name);
  });

  test('the mean, Leadership and the interval-scale figures', () => {
    const m = r.metrics.empowerment;
    const lead = meanE(r.people.filter((p) => p.department === 'Leadership'));
    quotes(`hours-weighted mean E ${one(m.mean)} on 1–20; Leadership ${one(lead)}, i.e. ${one(lead - m.mean)} points above`);
    quotes(`absolute Gini ${one(m.absoluteGini)} points (two hours of work picked at random differ by ${one(2 * m.absoluteGini)} points`);
    quotes(`${pct(m.withinTolerance)} of hours are within ±${Math.round(r.metrics.tolerance * 100) / 100} points of the mean`);
    quotes(`is ${m.gini.toFixed(2)};`);
  });

  test('Palma with its even share, and the "Is this high?" bands of the headline figures', () => {
    const m = r.metrics.empowerment;
    expect(m.palmaKind).toBe('palma');
    quotes(`the Palma ratio is ${m.palma.toFixed(2)} (0.25 if every hour were equally empowering)`);
    const band = (key: string) => r.readings.find((x) => x.key === key)!.band!;
    for (const key of ['empowerment.absoluteGini', 'empowerment.withinTolerance', 'empowerment.top20Gap', 'coordinator', 'empowerment.gini', 'empowerment.top20Share', 'empowerment.palma', 'empowerment.hoover']) {
      expect(band(key).level, key).toBe('high');
    }
    quotes('every headline figure is high');
    const t = r.metrics.tolerance;
    quotes(`the absolute Gini of ${one(m.absoluteGini)} points against at most ${Math.round(band('empowerment.absoluteGini').limits!.twice * 100) / 100} if every job were within ±${Math.round(2 * t * 100) / 100} points (2τ)`);
  });

  test('the top of the ranking, its break, the coordinator cluster and who rests on suggestions', () => {
    const ranked = [...r.people].sort((a, b) => b.empowerment - a.empowerment);
    const c = r.metrics.coordinator;
    expect(c.kind).toBe('clear');
    const top = ranked.slice(0, c.largestBreak!.above);
    quotes(top.map((p) => `${p.role} ${one(p.empowerment)}`).join(', '));
    quotes(`then a break of ${one(c.largestBreak!.gap)} points`);
    const rest = ranked.slice(c.largestBreak!.above, c.members.length);
    quotes(`the ${rest[0].role} at ${one(rest[0].empowerment)} and the ${rest[1].role} at ${one(rest[1].empowerment)}. These ${c.members.length} are the coordinator cluster`);
    expect(c.largestBreak!.above).toBeLessThan(c.members.length);
    quotes(`with the clearest break below the top ${c.largestBreak!.above};`);
    const onSuggestions = c.members.filter((x) => x.restsOnSuggestions);
    expect(onSuggestions).toHaveLength(1);
    quotes(`the ${onSuggestions[0].role} is in it only because of suggested ratings`);
  });

  test('the bottom: custodians, then the rote jobs, all with desirability below 8', () => {
    const custodians = [...byRole('Custodian'), ...byRole('Night Custodian')].map((p) => p.empowerment).sort((a, b) => a - b);
    quotes(`the custodians at ${custodians.map(one).join(' and ')}`);
    const rote = ['Administrative Assistant', 'Receptionist', 'Data Entry Clerk', 'Canvasser'].flatMap(byRole);
    const es = rote.map((p) => p.empowerment);
    quotes(`canvassers ${one(Math.min(...es))}–${one(Math.max(...es))}, all with desirability below 8`);
    for (const p of [...rote, ...byRole('Custodian'), ...byRole('Night Custodian')]) expect(p.desirability, p.name).toBeLessThan(8);
  });

  test('pay, its significance, the suggested share and the import issues', () => {
    const pays = r.people.map((p) => p.hourlyPay!).sort((a, b) => a - b);
    const p = r.metrics.pay;
    expect(p.redFlag).toBe(true);
    expect(p.pValue).toBeLessThan(0.001);
    quotes(`$${pays[0].toFixed(2)}–$${pays[pays.length - 1].toFixed(2)} an hour, Spearman(hourly pay, E) ${p.spearmanEmpowerment.toFixed(2)}, one-sided p < 0.001`);
    quotes(`${pct(r.metrics.suggested.empowermentHoursShare)} of the rated hours rest on suggested ratings`);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].message).toMatch(/"About"/);
    quotes('no errors or warnings on import (one note: the About sheet is not used)');
  });
});

describe('resources/README.md: Eastside (sample-partner.xlsx)', () => {
  test('size, the range of E and its mean, the shared and unrated tasks', () => {
    const r = audit(PARTNER);
    const org = audit(ORG);
    quotes(`co-op of ${r.people.length} staff (${thousands(hoursOf(r.people))} hours a week`);
    const es = r.people.map((p) => p.empowerment);
    quotes(`E ranges ${one(Math.min(...es))}–${one(Math.max(...es))} around a mean of ${one(r.metrics.empowerment.mean)}`);
    quotes(`Its ${r.tasks.length} tasks overlap`);
    const orgTasks = new Map(org.tasks.map((t) => [t.name, t]));
    const same = r.tasks.filter((t) => orgTasks.has(t.name));
    quotes(`${same.length} named exactly the same`);
    for (const name of ['Board reporting', 'One-on-one tenant conversations']) {
      const here = r.tasks.find((t) => t.name === name)!.empowerment!;
      const there = orgTasks.get(name)!.empowerment!;
      quotes(`"${name}" (${here} here, ${there}`);
    }
    const unrated = r.tasks.filter((t) => t.source === 'suggested').map((t) => t.name);
    quotes(`${unrated.length} unrated (${unrated.join(', ')})`);
  });
});
