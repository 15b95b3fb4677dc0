/**
 * `report --scenario`'s proposal (electron/cli/reportScenario.ts) and `report`'s command line
 * (electron/cli/reportArgs.ts): a kept scenario rebuilt as a full proposal gives the report the
 * proposal it was kept from — the same hours moved, transfers, jobs, figures, training and rotation
 * — and a plan that no longer fits, or a name the project does not keep, is refused in words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../electron/cli/args';
import { findScenario, scenarioProposal } from '../../electron/cli/reportScenario';
import type { FullProposal } from '../../renderer/src/engine/balance/fullProposal';
import { makeProposal } from '../../renderer/src/engine/balance/fullProposal';
import { makeScenario, type Scenario } from '../../renderer/src/engine/scenarios';
import { getHighs } from '../helpers/balance-run';
import { riverside, type Riverside } from '../engine/scenarios.fixture';

let R: Riverside;
let kept: Scenario;
let rebuilt: FullProposal;

beforeAll(async () => {
  R = await riverside();
  kept = makeScenario(R.proposal, R.org, { id: 's1', name: 'Default band', createdAt: '2026-01-05T10:00:00.000Z' });
  rebuilt = scenarioProposal(R.org, kept, 'sample').full;
});

describe('scenarioProposal', () => {
  it('gives the proposal the scenario was kept from: hours moved, allocation, jobs, figures, bound', () => {
    const a = R.proposal.report;
    const b = rebuilt.report;
    expect(b.status).toBe('optimal');
    expect(b.movedHours).toBeCloseTo(a.movedHours, 9);
    expect(b.movedHours).toBeCloseTo(kept.summary.movedHours, 9);
    expect(b.movedOnSuggested).toBeCloseTo(a.movedOnSuggested, 9);
    expect(b.before).toEqual(a.before);
    expect(b.after).toEqual(a.after);
    expect(b.jobs).toEqual(a.jobs);
    expect(b.allocation).toEqual(a.allocation.filter((x) => x.hours > 0));
    expect([b.tolerance, b.desirability, b.granularity, b.bound, b.totalHours]).toEqual([a.tolerance, a.desirability, a.granularity, a.bound, a.totalHours]);
    expect(b.gap).toBeCloseTo(a.gap!, 9);
    expect(b.flags).toEqual(a.flags);
    expect(b.lowDesirabilityTasks).toEqual(a.lowDesirabilityTasks);
  });

  it('transfers add up to the hours moved, task by task as the plan changes them', () => {
    const t = rebuilt.report.transfers;
    expect(t.length).toBeGreaterThan(0);
    expect(t.reduce((s, x) => s + x.hours, 0)).toBeCloseTo(rebuilt.report.movedHours, 9);
    const byTask = (rows: { task: string; hours: number }[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(r.task, (m.get(r.task) ?? 0) + r.hours);
      return m;
    };
    const given = byTask(R.proposal.report.transfers);
    for (const [task, h] of byTask(t)) expect(h).toBeCloseTo(given.get(task) ?? 0, 9);
  });

  it('training, qualifications and the chore rotation are the original’s', () => {
    expect(rebuilt.care).toEqual(R.proposal.care);
    expect(rebuilt.rotation).toEqual(R.proposal.rotation);
    expect(rebuilt.report.rotation).toEqual(R.proposal.report.rotation);
    expect(rebuilt.allocationIds).toEqual(kept.allocation);
  });

  it('a plan whose chores rotated gets the same rotation back, from the chores’ names and weeks it kept', async () => {
    // The two least desirable tasks rotate over 6 weeks.
    const chores = [...R.org.tasks].filter((t) => t.desirability !== null).sort((a, b) => a.desirability! - b.desirability!).slice(0, 2);
    const made = makeProposal(R.org, await getHighs(), { desirability: true, granularity: 0.5, file: 'sample', choreIds: chores.map((t) => t.id), rotationWeeks: 6 });
    expect(made.rotation?.chores.map((c) => c.task).sort()).toEqual(chores.map((t) => t.name).sort());
    const again = scenarioProposal(R.org, makeScenario(made, R.org, { id: 's3', name: 'Rotating', createdAt: '2026-01-06T10:00:00.000Z' }), 'sample').full;
    expect(again.rotation).toEqual(made.rotation);
    expect(again.report.flags).toEqual(made.report.flags);
    // Hours moved as propose counts them: from the organization with its chores already rotated.
    expect(again.report.movedHours).toBeCloseTo(made.report.movedHours, 9);
    expect(again.report.movedOnSuggested).toBeCloseTo(made.report.movedOnSuggested, 9);
    expect(again.report.transfers.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(made.report.movedHours, 9);
    expect(again.report.jobs).toEqual(made.report.jobs);
    expect(again.care).toEqual(made.care);
  });

  it('names people as the organization given names them (a pseudonymized one gives codes)', () => {
    const coded = { ...R.org, people: R.org.people.map((p, i) => ({ ...p, name: `P-${i}` })) };
    const names = new Set(scenarioProposal(coded, kept, 'sample').full.report.jobs.map((j) => j.name));
    expect([...names].every((n) => n.startsWith('P-'))).toBe(true);
    expect(names.size).toBe(R.org.people.length);
  });

  it('refuses a plan that no longer fits the organization, in the app’s words', () => {
    const fewer = { ...R.org, people: R.org.people.slice(1) };
    expect(() => scenarioProposal(fewer, kept, 'sample')).toThrow('“Default band” cannot be applied: it gives work to 1 person who is no longer in the organization');
  });
});

describe('findScenario', () => {
  it('finds a name however it is spaced or cased, and lists the names kept when it is not one', () => {
    const other = { ...kept, id: 's2', name: 'Wide' };
    expect(findScenario([kept, other], '  default   BAND ', 'p.fairshare')).toBe(kept);
    expect(() => findScenario([kept, other], 'Narrow', 'p.fairshare')).toThrow('p.fairshare has no scenario named "Narrow": its scenarios are "Default band", "Wide"');
    expect(() => findScenario([], 'Narrow', 'p.fairshare')).toThrow('it keeps no scenarios');
  });
});

describe('report command line', () => {
  const usage = (...argv: string[]) => {
    try {
      parseArgs(argv);
    } catch (e) {
      if (e instanceof UsageError) return e.message;
      throw e;
    }
    return null;
  };

  it('reads the options, the page size in any case, HTML or PDF from --out', () => {
    expect(parseArgs(['report', 'org.xlsx', '--out', 'r.html'])).toEqual({ command: 'report', file: 'org.xlsx', noSuggest: false, proposal: false, pseudonymize: false, hideSingleRoles: false, pageSize: 'A4', out: 'r.html', format: 'html' });
    expect(parseArgs(['report', 'p.fairshare', '--scenario', 'Wide band', '--pseudonymize', '--hide-single-roles', '--page=Letter', '--chromium', '/opt/c', '--out=R.PDF', '--tolerance', '2'])).toMatchObject({ scenario: 'Wide band', pseudonymize: true, hideSingleRoles: true, pageSize: 'Letter', chromium: '/opt/c', format: 'pdf', tolerance: 2 });
    expect(parseArgs(['report', 'o.csv', '--proposal', '--out', 'x.htm'])).toMatchObject({ proposal: true, format: 'html' });
  });

  it('says what is wrong with a command line it cannot run', () => {
    expect(usage('report', 'org.xlsx')).toBe('report needs --out report.html or --out report.pdf');
    expect(usage('report', '--out', 'r.html')).toBe('report needs a FILE');
    expect(usage('report', 'a.xlsx', 'b.xlsx', '--out', 'r.html')).toBe('report takes one FILE, got 2');
    expect(usage('report', 'org.xlsx', '--out', 'r.docx')).toBe('--out must name an .html or a .pdf file, got "r.docx"');
    expect(usage('report', 'org.xlsx', '--page', 'a3', '--out', 'r.html')).toBe('--page must be a4 or letter, got "a3"');
    expect(usage('report', 'org.xlsx', '--page')).toBe('--page must be a4 or letter, got ""');
    expect(usage('report', 'p.fairshare', '--proposal', '--scenario', 'X', '--out', 'r.html')).toBe('--proposal and --scenario both choose the plan to report: give one');
    expect(usage('report', 'p.fairshare', '--scenario', ' ', '--out', 'r.html')).toBe('--scenario needs the name of a scenario kept in the project');
    expect(usage('report', 'org.xlsx', '--hide-single-roles', '--out', 'r.html')).toBe('--hide-single-roles needs --pseudonymize');
    expect(usage('report', 'org.xlsx', '--chromium', '/opt/c', '--out', 'r.html')).toBe('--chromium prints a PDF: give --out report.pdf, or leave --chromium out');
    expect(usage('report', 'org.xlsx', '--json', '--out', 'r.html')).toBe('unknown option "--json" for report');
  });
});
