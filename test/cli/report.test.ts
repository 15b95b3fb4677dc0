/**
 * `fairshare report` end to end (issue 18): the built CLI writes a self-contained, script-free HTML
 * report for both samples whose figures are the engine's, adds the proposal `propose` would make, a
 * project's kept scenario and the comparison, leaves no real name when pseudonymized, refuses bad
 * command lines in words with the CLI's exit codes, and prints one PDF through Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { DEFAULT_GRANULARITY } from '../../renderer/src/engine/balance/blocks/types';
import { makeProposal, type FullProposal } from '../../renderer/src/engine/balance/fullProposal';
import { serializeProject } from '../../renderer/src/engine/formats/projectCodec';
import { createProject } from '../../renderer/src/engine/formats/projectFile';
import { importOrganization } from '../../renderer/src/engine/import';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { makeScenario, type Scenario } from '../../renderer/src/engine/scenarios';
import { NO_CHROMIUM } from '../../electron/cli/chromium';
import { cli, ensureFreshCli } from '../helpers/balance-cli';
import { getHighs } from '../helpers/balance-run';

const SAMPLE = path.join('resources', 'sample-organization.xlsx');
const PARTNER = path.join('resources', 'sample-partner.xlsx');
const PROJECT_NAME = 'Riverside "Tenants" <Union> & Co';
/** The Chromium the PDF test prints with; CI installs it, so there a missing one fails rather than skips. */
const CHROMIUM = process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM) || process.env.REQUIRE_E2E === '1';

let dir = '';
let org: Organization;
let proposal: FullProposal;
let wide: Scenario;
let project = '';

function load(file: string): Organization {
  return applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
}

function auditOf(o: Organization, file: string): AuditReport {
  return buildAuditReport({ organization: o, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file, format: 'xlsx' });
}

/** The key-figure card the report shows for a label. */
function card(html: string, label: string): string | null {
  const m = new RegExp(`<div class="figure">([^<]*)</div><div class="label">${label.replace(/[()]/g, '\\$&')}</div>`).exec(html);
  return m ? m[1] : null;
}

function report(...args: string[]) {
  const r = cli('report', ...args);
  return { ...r, html: (file: string) => readFileSync(file, 'utf8') };
}

beforeAll(async () => {
  ensureFreshCli();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-report-cli-'));
  org = load(SAMPLE);
  const highs = await getHighs();
  // `propose`'s defaults, as report --proposal makes it.
  proposal = makeProposal(org, highs, { desirability: true, granularity: DEFAULT_GRANULARITY, file: SAMPLE });
  const widePlan = makeProposal(org, highs, { desirability: true, granularity: DEFAULT_GRANULARITY, tolerance: 2, file: SAMPLE });
  wide = makeScenario(widePlan, org, { id: 'w', name: 'Wide band', createdAt: '2026-01-05T10:00:00.000Z' });
  const narrow = makeScenario(proposal, org, { id: 'n', name: 'Default band', createdAt: '2026-01-06T10:00:00.000Z' });
  project = path.join(dir, 'riverside.fairshare');
  writeFileSync(project, serializeProject({ ...createProject(PROJECT_NAME, org), settings: { hoursPerFte: org.hoursPerFte, tolerance: 0.95 }, scenarios: [narrow, wide] }));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fairshare report --out FILE.html', () => {
  for (const [file, name] of [[SAMPLE, 'sample-organization'], [PARTNER, 'sample-partner']] as const) {
    it(`writes a self-contained report of ${name}: its name on the title page, the engine's figures, no script`, () => {
      const out = path.join(dir, `${name}.html`);
      const r = report(file, '--out', out);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`Wrote ${out}\n`);
      const html = r.html(out);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('<html');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      // Nothing outside the file: links only within it, pictures inline.
      expect(html).not.toMatch(/(?:src|href)\s*=\s*"(?!#|data:)/i);
      expect(html).toContain('<svg');
      expect(html).toMatch(new RegExp(`<header class="title-page"[^>]*>\\s*<div class="org">${name}</div>`));
      const audit = auditOf(load(file), file);
      expect(card(html, 'Absolute Gini (empowerment, points)')).toBe(audit.metrics.empowerment.absoluteGini.toFixed(1));
      expect(card(html, 'Within tolerance')).toBe(`${Math.round(audit.metrics.empowerment.withinTolerance * 100)}%`);
      expect(html).toContain('size: A4;');
      expect(html).toMatch(/<meta name="generator" content="Fairshare \d+\.\d+\.\d+/);
      // Without --proposal there is no proposal section.
      expect(html).not.toContain('id="proposal"');
    });
  }

  it('--name puts the organization\'s name on the title page, escaped', () => {
    const out = path.join(dir, 'named.html');
    expect(report(PARTNER, '--name', 'Eastside <Housing> & Co-op', '--out', out).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<header class="title-page"[^>]*>\s*<div class="org">Eastside &lt;Housing&gt; &amp; Co-op<\/div>/);
    expect(html).not.toContain('<div class="org">sample-partner</div>');
    expect(html).not.toContain('<Housing>');
  });

  it('--proposal adds the proposal propose makes, with its hours moved; --page letter sizes the pages', () => {
    const out = path.join(dir, 'proposal.html');
    const r = report(SAMPLE, '--proposal', '--page', 'letter', '--out', out);
    expect(r.code).toBe(0);
    const html = r.html(out);
    expect(html).toContain('id="proposal"');
    const p = proposal.report;
    expect(p.status).toBe('optimal');
    expect(html).toContain(`${p.movedHours.toFixed(1)} of ${p.totalHours.toFixed(1)} weekly hours change hands`);
    expect(html).toContain('<h2 id="proposal-title">The proposal</h2>');
    expect(html).toContain('size: letter;');
  });

  it('--pseudonymize leaves no real name, gives the audit’s codes, and warns of one-person roles as audit does', () => {
    const out = path.join(dir, 'coded.html');
    const r = report(SAMPLE, '--proposal', '--pseudonymize', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fairshare: warning: ');
    expect(r.stderr).toContain('add --hide-single-roles');
    const html = r.html(out);
    for (const p of org.people) {
      const escaped = p.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      expect(html.includes(p.name) || html.includes(escaped), p.name).toBe(false);
    }
    const codes = JSON.parse(cli('audit', SAMPLE, '--pseudonymize', '--json').stdout).people.map((p: { name: string }) => p.name);
    for (const code of codes) expect(html).toContain(code);
    // The proposal is there, about the same people.
    expect(html).toContain(`${proposal.report.movedHours.toFixed(1)} of`);
  });

  it('--hide-single-roles writes one-person roles as the audit does', () => {
    const out = path.join(dir, 'hidden.html');
    const r = report(SAMPLE, '--pseudonymize', '--hide-single-roles', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const html = r.html(out);
    expect(html).not.toContain('Executive Director');
    expect(html).toContain('Other (hidden: one person each)');
  });
});

describe('fairshare report PROJECT --scenario NAME', () => {
  it('reports the kept plan under its name, the project’s name escaped, and compares the scenarios', () => {
    const out = path.join(dir, 'scenario.html');
    const r = report(project, '--scenario', 'wide BAND', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = r.html(out);
    expect(html).toContain('<div class="org">Riverside &quot;Tenants&quot; &lt;Union&gt; &amp; Co</div>');
    expect(html).not.toContain('<Union>');
    expect(html).toContain('The proposal: Wide band');
    expect(html).toContain(`${wide.summary.movedHours.toFixed(1)} of`);
    expect(html).toContain('id="scenarios"');
    for (const name of ['Current', 'Wide band', 'Default band']) expect(html).toContain(name);
  });

  it('a project alone: its scenarios compared, no plan reported', () => {
    const out = path.join(dir, 'project.html');
    const r = report(project, '--out', out);
    expect(r.code).toBe(0);
    const html = r.html(out);
    expect(html).toContain('id="scenarios"');
    expect(html).not.toContain('id="proposal"');
  });
});

describe('fairshare report refuses in words', () => {
  const refused = (code: number, message: string, ...args: string[]) => {
    const out = path.join(dir, 'refused.html');
    const r = report(...args.map((a) => (a === 'OUT' ? out : a)));
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  };

  it('usage errors exit 2 with the usage', () => {
    refused(2, 'fairshare: report needs --out report.html or --out report.pdf', SAMPLE);
    refused(2, 'fairshare: --page must be a4 or letter, got "a3"', SAMPLE, '--page', 'a3', '--out', 'OUT');
    refused(2, '--out must name an .html or a .pdf file', SAMPLE, '--out', path.join(dir, 'r.docx'));
    refused(2, 'Usage:', SAMPLE, '--page', 'a3', '--out', 'OUT');
    refused(2, "fairshare: --name needs the organization's name", SAMPLE, '--name', ' ', '--out', 'OUT');
  });

  it('an unknown scenario names the scenarios kept (exit 2); a spreadsheet has none (exit 1)', () => {
    refused(2, `fairshare: ${project} has no scenario named "Narrow": its scenarios are "Default band", "Wide band"`, project, '--scenario', 'Narrow', '--out', 'OUT');
    refused(1, `fairshare: ${SAMPLE} is a spreadsheet: scenarios live in Fairshare projects (.fairshare)`, SAMPLE, '--scenario', 'Wide band', '--out', 'OUT');
  });

  it('a file that does not exist exits 1 with one line', () => {
    refused(1, 'fairshare: cannot open nope.xlsx: no such file\n', 'nope.xlsx', '--out', 'OUT');
  });

  it('--chromium /nonexistent: the clear message, before any work, and no PDF', () => {
    const out = path.join(dir, 'never.pdf');
    const r = report(SAMPLE, '--chromium', '/nonexistent', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`fairshare: ${NO_CHROMIUM} (--chromium /nonexistent is not an executable file)\n`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('fairshare report --out FILE.pdf', () => {
  it.skipIf(process.platform === 'win32')('hands Chromium the report page (a fake Chromium that copies it)', () => {
    const fake = path.join(dir, 'fake-chromium');
    writeFileSync(fake, '#!/bin/sh\nfor a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) page="${a#file://}";; esac; done\nprintf "%%PDF-1.4\\n" > "$out"; cat "$page" >> "$out"\n');
    chmodSync(fake, 0o755);
    const out = path.join(dir, 'fake.pdf');
    const r = report(PARTNER, '--chromium', fake, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote ${out}\n`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('%PDF-1.4\n<!DOCTYPE html>')).toBe(true);
    expect(text).toContain('<div class="org">sample-partner</div>');
  });

  for (const [name, file] of [['sample-partner', PARTNER], ['sample-organization', SAMPLE]] as const) {
    it.skipIf(!HAVE_CHROMIUM)(`prints the report of ${name} with Chromium: the title page, the engine's figures, every chart, page numbers, A4`, () => {
      const out = path.join(dir, `${name}.pdf`);
      const r = report(file, '--out', out);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(2);
      // A4 is 595.3 × 841.9 points.
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect(Math.abs(Number(size[1]) - 595.3)).toBeLessThan(1);
      expect(Math.abs(Number(size[2]) - 841.9)).toBeLessThan(1);
      const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
      const first = text.split('\f')[0];
      expect(first).toContain(name);
      expect(first).toContain('Work audit');
      // The title page carries no running header or number; every page after it is numbered.
      expect(text).toContain(`Page 2 of ${pages}`);
      expect(text).toContain(`Page ${pages} of ${pages}`);
      const flat = text.replace(/\s+/g, ' ');
      const audit = auditOf(load(file), file);
      expect(flat).toContain(`The absolute Gini is ${audit.metrics.empowerment.absoluteGini.toFixed(1)} points`);
      // Each reading's figure and the opening of its words (table columns interleave the rest of a wrapped line in the text layer).
      for (const reading of audit.readings) {
        expect(flat, reading.key).toContain(` ${reading.figure} `);
        expect(flat, reading.key).toContain(reading.text.split(/\s+/).slice(0, 5).join(' '));
      }
      // Every chart of the same report as HTML is in the PDF: its title in the text, one drawing each.
      const html = path.join(dir, `${name}.html`);
      expect(report(file, '--out', html).code).toBe(0);
      const titles = [...readFileSync(html, 'utf8').matchAll(/<figcaption class="chart-title">([^<]+)<\/figcaption>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
      expect(titles.length).toBeGreaterThanOrEqual(6);
      for (const t of titles) expect(flat, t).toContain(t);
    }, 180_000);
  }
});
