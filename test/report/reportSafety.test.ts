/**
 * What the report document may carry (issue 18): no script, no event handler, no reference to
 * anything outside it; every name from the data escaped (organization, people, tasks, scenarios, in
 * text, attributes, the title and the CSS running header); a pseudonymized report names no one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pseudonymizer } from '../../renderer/src/engine/analysis/pseudonymize';
import type { RoundResult } from '../../renderer/src/engine/ratingRound/result';
import type { RoundSensitivity } from '../../renderer/src/engine/ratingRound/sensitivity';
import { buildReportHtml, pseudonymizeProposal, reportRound, reportScenarios, type ReportInput } from '../../renderer/src/engine/report';
import { auditOf, bare, load, riverside, sectionText, textOf, type Sample } from './report.fixture';

let s: Sample;
beforeAll(async () => {
  s = await riverside();
});

/** Markup the document must never hold, whatever the data. */
function unsafe(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('script element');
  // Only inside tags: the same words in escaped text are text.
  for (const tag of html.matchAll(/<[a-z][^>]*>/gi)) {
    // Attribute by attribute, so a quoted value holding the words " href=" is read as the value it is.
    for (const a of tag[0].matchAll(/\s([a-z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
      if (/^(src|href|xlink:href|action|srcset|formaction|poster|background)$/i.test(a[1]) && !a[2].replace(/^["']/, '').startsWith('#')) found.push(`reference: ${a[0]}`);
      if (/^on/i.test(a[1])) found.push(`event handler: ${a[0]}`);
    }
  }
  // url(#pattern) points inside the document (the charts' hatching); anything else would load.
  for (const m of html.matchAll(/url\s*\(\s*(?!["']?#)[^)]*\)/gi)) found.push(`url(): ${m[0]}`);
  if (/@import/i.test(html)) found.push('@import');
  for (const m of html.matchAll(/<(img|iframe|object|embed|link|image|use|foreignObject|base|form|meta http-equiv="refresh")/gi)) found.push(`element: ${m[0]}`);
  return found;
}

const HOSTILE_ORG = '</style><script>alert(1)</script> "Co-op" & \'Sons\'';
const HOSTILE_PERSON = '<img src=x onerror=alert(1)>';
const HOSTILE_TASK = '"><svg onload=alert(2)>';
const HOSTILE_SCENARIO = '<a href="https://evil.example">Plan B</a>';

describe('the report document', () => {
  it('holds no script, no event handler and no external reference', () => {
    const html = buildReportHtml({ ...bare(s.audit), proposal: { label: 'Proposal', full: s.proposal }, scenarios: reportScenarios(s.org, s.scenarios, s.audit.metrics.tolerance), merger: s.merger });
    expect(unsafe(html)).toEqual([]);
    // Internal links only (the contents), and a policy that loads nothing.
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1].startsWith('#'))).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`);
  });

  it('escapes hostile names everywhere they are printed, and still shows them as written', () => {
    const { org, result } = load('sample-organization.xlsx');
    const victim = s.audit.metrics.coordinator.members[0].name;
    const task = 'Strategic planning';
    const hostile = {
      ...org,
      people: org.people.map((p) => (p.name === victim ? { ...p, name: HOSTILE_PERSON } : p)),
      tasks: org.tasks.map((t) => (t.name === task ? { ...t, name: HOSTILE_TASK } : t)),
    };
    const audit = auditOf(hostile, result);
    // Every person of the proposal renamed to markup, through the same path pseudonyms take.
    const renamed = pseudonymizeProposal(s.proposal, { name: (n) => `<b onclick=x>${n}</b>`, text: (t) => t });
    const rename = <T extends { task: string }>(x: T): T => (x.task === task ? { ...x, task: HOSTILE_TASK } : x);
    const tagged = {
      ...renamed,
      care: { ...renamed.care, training: renamed.care.training.map(rename) },
      report: { ...renamed.report, transfers: renamed.report.transfers.map(rename), jobs: renamed.report.jobs.map((j) => ({ ...j, gained: j.gained.map(rename), givenUp: j.givenUp.map(rename), kept: j.kept.map(rename) })) },
    };
    expect(tagged.report.transfers.some((t) => t.task === HOSTILE_TASK)).toBe(true);
    const scenarios = reportScenarios(hostile, s.scenarios.map((x) => ({ ...x, name: HOSTILE_SCENARIO })), audit.metrics.tolerance);
    const input: ReportInput = { ...bare(audit), organization: HOSTILE_ORG, proposal: { label: HOSTILE_SCENARIO, full: tagged }, scenarios };
    const html = buildReportHtml(input);
    expect(unsafe(html)).toEqual([]);
    expect(html).not.toMatch(/<b[\s>]/);
    const text = textOf(html);
    expect(text).toContain(HOSTILE_ORG);
    expect(text).toContain(HOSTILE_PERSON);
    expect(text).toContain(HOSTILE_TASK);
    expect(text).toContain(HOSTILE_SCENARIO);
    expect(text).toContain(`<b onclick=x>${s.proposal.report.transfers[0].to}</b>`);
    // The title and the CSS running header: the style element cannot be closed from inside.
    expect(html).toContain(`<title>&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;Co-op&quot; &amp; &#39;Sons&#39; · Work audit and proposal</title>`);
    const style = html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'));
    expect(style).not.toContain('<');
    expect(style).toContain('@top-left { content: "\\3c \\2f style\\3e \\3c script\\3e alert(1)\\3c \\2f script\\3e  \\22 Co-op\\22  \\26  \\27 Sons\\27  \\b7  Work audit and proposal";');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('names no one when pseudonymized: the audit, the proposal, the scenarios and the round\'s sensitivity carry codes', () => {
    const { org, result } = load('sample-organization.xlsx');
    const audit = auditOf(org, result, true);
    const alias = pseudonymizer(org.people.map((p) => p.name), result.issues.flatMap((i) => i.people ?? []));
    const real = org.people.map((p) => p.name);
    const members = s.audit.metrics.coordinator.members.map((m) => m.name);
    const sensitivity = {
      tolerance: 0.95, contestedRatings: 2, contestedTasks: 2,
      cluster: {
        variants: [{ variant: 'high', members, entering: [real[5]], leaving: [] }], min: members.length, max: members.length + 1, always: members, sometimes: [real[5]],
        text: `The coordinator cluster has ${members.length}–${members.length + 1} people depending on how the contested tasks are rated: at the upper quartiles ${real[5]} joins it.`,
      },
      proposal: null,
    } as unknown as RoundSensitivity;
    const roundResult = { tolerance: 0.95, spreads: [], alpha: { empowerment: 0.7, desirability: null }, forms: [{ file: 'a.xlsx', formId: '1', rater: real[0], used: true, ratings: 10 }] } as unknown as RoundResult;
    const round = reportRound(roundResult, org, sensitivity, alias.name);
    const input: ReportInput = {
      ...bare(audit), proposal: { label: 'Proposal', full: pseudonymizeProposal(s.proposal, alias) },
      scenarios: reportScenarios(org, s.scenarios, audit.metrics.tolerance, alias.name), merger: s.merger, round,
    };
    const html = buildReportHtml(input);
    const leaked = real.filter((n) => html.includes(n) || html.includes(n.replace(/'/g, '&#39;')));
    expect(leaked).toEqual([]);
    expect(round.sensitivity).toContain(`${alias.name(real[5])} joins it`);
    expect(sectionText(html, 'cluster')).toContain(`${alias.name(members[0])} `);
    expect(sectionText(html, 'proposal-changes')).toContain(alias.name(s.proposal.report.transfers[0].from));
    expect(textOf(html)).toContain('People are named by codes (P-001 and so on), not by their names.');
    // Not vacuous: the same report without pseudonyms names them.
    const named = buildReportHtml({ ...input, audit: s.audit, proposal: { label: 'Proposal', full: s.proposal } });
    expect(real.filter((n) => named.includes(n.replace(/'/g, '&#39;'))).length).toBeGreaterThan(30);
  });
});
