/**
 * The Proposal results' pure helpers on a real proposal (the Riverside sample, both dimensions,
 * 0.5 h blocks, two chores rotating): task hours before/after add up, the least-empowered third
 * matches the audit's, cards sort and filter, transfers filter, the rotation grid adds up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProposal, type FullProposal } from '../../../renderer/src/engine/balance/fullProposal';
import type { JobChange } from '../../../renderer/src/engine/balance/proposalReport';
import { computeMetrics } from '../../../renderer/src/engine/analysis/metrics';
import { scorePeople } from '../../../renderer/src/engine/analysis/jobScores';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';
import {
  choreAbbreviations, departmentsOf, desirabilityOfThird, filterCards, filterTransfers, leastEmpoweredThird, onerousHoursOfThird, peopleWithinBand, personCards,
  rotationRows, sortCards, taskHours, transferRows,
} from '../../../renderer/src/features/proposal/resultsData';
import { getHighs } from '../../helpers/balance-run';

let org: Organization;
let proposal: FullProposal;
beforeAll(async () => {
  const file = path.join(__dirname, '..', '..', '..', 'resources', 'sample-organization.xlsx');
  org = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
  const choreIds = org.tasks.filter((t) => ['Mop and wax floors', 'Empty trash and recycling'].includes(t.name)).map((t) => t.id);
  proposal = makeProposal(org, await getHighs(), { desirability: true, granularity: 0.5, file: 'sample', choreIds });
});

const job = (name: string, hours: number, e: number | null, d: number | null, dAfter = d): JobChange => ({
  name, role: null, department: null, hours, empowermentBefore: e, empowermentAfter: e, desirabilityBefore: d, desirabilityAfter: dAfter,
  kept: [{ task: 'Kept', hours }], gained: [], givenUp: [], newTasks: 0,
});
const total = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);

describe('task hours and the least-empowered third', () => {
  it('every job keeps its hours: kept + given up = kept + gained = its hours', () => {
    expect(proposal.report.jobs).toHaveLength(40);
    for (const j of proposal.report.jobs) {
      const h = taskHours(j);
      expect(total(h.before)).toBeCloseTo(j.hours, 6);
      expect(total(h.after)).toBeCloseTo(j.hours, 6);
    }
  });

  it('takes a third of all hours, from the people lowest in E before', () => {
    const jobs = proposal.report.jobs;
    const part = leastEmpoweredThird(jobs);
    const hours = jobs.reduce((s, j) => s + j.hours, 0);
    expect(jobs.reduce((s, j, i) => s + part[i] * j.hours, 0)).toBeCloseTo(hours / 3, 6);
    const inThird = jobs.filter((_, i) => part[i] > 0).map((j) => j.empowermentBefore!);
    const outside = jobs.filter((_, i) => part[i] === 0).map((j) => j.empowermentBefore!);
    expect(Math.max(...inThird)).toBeLessThanOrEqual(Math.min(...outside));
    // Hand-made: three equal jobs, the lowest alone is the third; an unrated job is left out.
    expect(leastEmpoweredThird([job('a', 10, 3, 5), job('b', 10, 1, 5), job('c', 10, 2, 5), job('u', 10, null, 5)])).toEqual([0, 1, 0, 0]);
  });

  it('the onerous hours before equal the audit’s; after, the same people’s low-desirability hours in the allocation', () => {
    const low = org.tasks.filter((t) => t.desirability !== null && t.desirability <= 1 / 3 + 1e-9);
    expect(low.length).toBeGreaterThan(0);
    const jobs = proposal.report.jobs;
    const o = onerousHoursOfThird(jobs, new Set(low.map((t) => t.name)));
    const audit = computeMetrics(org, scorePeople(org), proposal.report.tolerance).lowDesirability.byEmpowermentTercile.find((t) => t.tercile === 'bottom')!;
    expect(o.before!).toBeCloseTo(audit.lowDesirabilityHours, 3);
    const part = new Map(jobs.map((j, i) => [j.name, leastEmpoweredThird(jobs)[i]]));
    const lowNames = new Set(low.map((t) => t.name));
    const after = proposal.report.allocation.filter((a) => lowNames.has(a.task)).reduce((s, a) => s + (part.get(a.person) ?? 0) * a.hours, 0);
    expect(o.after!).toBeCloseTo(after, 6);
    expect(o.after!).toBeLessThan(o.before!);
  });

  it('the third’s desirability is the hours-weighted mean of its jobs, before and after', () => {
    expect(desirabilityOfThird([job('a', 10, 3, 9), job('b', 30, 1, 4, 6), job('c', 20, 2, 8)])).toEqual({ before: 4, after: 6 });
    const d = desirabilityOfThird(proposal.report.jobs);
    expect(d.after!).toBeGreaterThan(d.before!);
  });

  it('counts people within ±τ of the mean: all 40 after on Riverside', () => {
    const r = proposal.report;
    const band = peopleWithinBand(r);
    expect(band.people).toBe(40);
    expect(band.after).toBe(40);
    expect(band.before).toBe(r.jobs.filter((j) => Math.abs(j.empowermentBefore! - r.before.mean!) <= r.tolerance + 1e-9).length);
    expect(band.before).toBeLessThan(40);
  });
});

describe('person cards', () => {
  it('carry the change in hours, E and D, and the person’s training rows', () => {
    const cards = personCards(proposal.report, proposal.care.training);
    const m = cards.find((c) => c.job.name === 'Margaret Okafor')!;
    const sum = (rows: { hours: number }[]) => rows.reduce((s, x) => s + x.hours, 0);
    expect(m.change).toBeCloseTo(sum(m.job.gained) + sum(m.job.givenUp), 9);
    expect(m.eChange).toBeCloseTo(m.job.empowermentAfter! - m.job.empowermentBefore!, 9);
    for (const c of cards) expect(c.training).toEqual(proposal.care.training.filter((t) => t.person === c.job.name));
    expect(cards.filter((c) => c.training.length > 0).length).toBeGreaterThan(1);
  });

  it('sort by most change, by name, by the size of the E or D change', () => {
    const cards = personCards(proposal.report, []);
    const change = sortCards(cards, 'change').map((c) => c.change);
    expect(change).toEqual([...change].sort((a, b) => b - a));
    expect(change[0]).toBeGreaterThan(change[change.length - 1]);
    const names = sortCards(cards, 'name').map((c) => c.job.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const e = sortCards(cards, 'empowerment').map((c) => Math.abs(c.eChange!));
    expect(e).toEqual([...e].sort((a, b) => b - a));
    const d = sortCards(cards, 'desirability').map((c) => Math.abs(c.dChange!));
    expect(d).toEqual([...d].sort((a, b) => b - a));
  });

  it('filter by every word in name, role, department or a task, and by department', () => {
    const cards = personCards(proposal.report, []);
    const mop = filterCards(cards, 'mop floors', '');
    expect(mop.length).toBeGreaterThan(0);
    expect(mop.length).toBeLessThan(cards.length);
    for (const c of mop) expect([...c.job.kept, ...c.job.gained, ...c.job.givenUp].some((t) => t.task === 'Mop and wax floors')).toBe(true);
    const depts = departmentsOf(proposal.report.jobs);
    expect(depts.length).toBeGreaterThan(1);
    const inDept = filterCards(cards, '', depts[0]);
    expect(inDept.map((c) => c.job.name)).toEqual(proposal.report.jobs.filter((j) => j.department === depts[0]).map((j) => j.name));
    expect(filterCards(cards, 'margaret', '').map((c) => c.job.name)).toEqual(['Margaret Okafor']);
    expect(filterCards(cards, 'margaret', depts.find((x) => x !== 'Leadership')!)).toEqual([]);
  });
});

describe('transfers', () => {
  it('carry both departments and filter by person (giver or taker), department and task', () => {
    const rows = transferRows(proposal.report);
    expect(rows).toHaveLength(proposal.report.transfers.length);
    const dept = new Map(proposal.report.jobs.map((j) => [j.name, j.department]));
    for (const r of rows) expect([r.fromDepartment, r.toDepartment]).toEqual([dept.get(r.from), dept.get(r.to)]);
    const none = { person: '', department: '', task: '' };
    expect(filterTransfers(rows, none)).toHaveLength(rows.length);
    const kevin = filterTransfers(rows, { ...none, person: 'kevin tran' });
    expect(kevin.length).toBeGreaterThan(0);
    expect(kevin).toEqual(rows.filter((r) => r.from === 'Kevin Tran' || r.to === 'Kevin Tran'));
    const lead = filterTransfers(rows, { ...none, department: 'Leadership' });
    expect(lead).toEqual(rows.filter((r) => r.fromDepartment === 'Leadership' || r.toDepartment === 'Leadership'));
    expect(lead.length).toBeLessThan(rows.length);
    const task = rows[0].task;
    expect(filterTransfers(rows, { ...none, task })).toEqual(rows.filter((r) => r.task === task));
  });
});

describe('the rotation grid', () => {
  it('puts every slot in its person’s week; each row adds up to their chore hours', () => {
    const r = proposal.rotation!;
    const rows = rotationRows(r);
    expect(rows.map((x) => x.person)).toEqual(r.perPerson.map((p) => p.person));
    expect(rows.reduce((s, x) => s + x.weeks.flat().length, 0)).toBe(r.slots.length);
    for (const row of rows) {
      expect(row.weeks).toHaveLength(13);
      expect(row.weeks.flat().reduce((s, c) => s + c.hours, 0)).toBeCloseTo(row.choreHours, 9);
    }
    const first = r.slots[0];
    expect(rows.find((x) => x.person === first.person)!.weeks[first.week - 1]).toContainEqual({ task: first.task, hours: first.hours });
  });

  it('abbreviates chores to unique initials', () => {
    const a = choreAbbreviations(['Mop and wax floors', 'Empty trash and recycling', 'Mop windows floors', 'Mop']);
    expect(a.get('Mop and wax floors')).toBe('MWF');
    expect(a.get('Empty trash and recycling')).toBe('ETR');
    expect(new Set(a.values()).size).toBe(4);
    expect(a.get('Mop windows floors')).toBe('MOWF');
  });
});
