/**
 * Ratings read from files and job scores (DESIGN.md §1 "Job scores", §4 "Scale and ratings"):
 * a file's E scale becomes the project scale, D on another scale is mapped linearly onto it, and
 * E_i / D_i are hours-weighted means over rated hours. Expected values are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { scoreGroups, scorePeople, taskHours } from '../../renderer/src/engine/analysis/jobScores';
import { normalize } from '../../renderer/src/engine/rating/scale';
import type { Organization } from '../../renderer/src/engine/model/types';
import { describeIssues, importCsv, issuesOf, orgOf, reportOf } from './helpers';

function people(lines: string[]) {
  const r = importCsv(lines);
  const rep = reportOf(r);
  return { r, rep, by: new Map(rep.people.map((p) => [p.name, p])) };
}

describe('ratings in the file', () => {
  it('1–5 scale from the header hint: E_Ana = (10·5 + 30·1)/40 = 2, D_Ana = (10·4 + 30·2)/40 = 2.5', () => {
    const { r, rep, by } = people([
      'Name,Task,Hours,Empowerment (1-5),Desirability (1-5)',
      'Ana,Strategy,10,5,4',
      'Ana,Filing,30,1,2',
      'Bo,Filing,40,1,2',
    ]);
    expect(rep.scale).toEqual({ min: 1, max: 5 });
    expect(by.get('Ana')!.empowerment).toBeCloseTo(2, 9);
    expect(by.get('Ana')!.desirability).toBeCloseTo(2.5, 9);
    expect(by.get('Bo')!.empowerment).toBeCloseTo(1, 9);
    expect(by.get('Bo')!.desirability).toBeCloseTo(2, 9);
    expect(issuesOf(r, 'error'), describeIssues(r)).toEqual([]);
    const strategy = orgOf(r).tasks.find((t) => t.id === 'strategy')!;
    expect(strategy.empowerment).toBe(1); // 5 on 1–5 → 1
    expect(strategy.desirability).toBe(0.75); // 4 on 1–5 → 0.75
    expect(strategy.source).toBe('file');
  });

  it('a hint wins over the values: "(1-10)" with values ≤ 5 stays 1–10', () => {
    // E: Ana (10·4 + 30·1)/40 = 1.75 on 1–10. D "(1-5)": Strategy 5 → 1, Filing 3 → 0.5;
    // Ana D̂ = (10·1 + 30·0.5)/40 = 0.625 → 1 + 0.625·9 = 6.625 on 1–10; Bo D̂ = 0.5 → 5.5.
    const { rep, by } = people([
      'Name,Task,Hours,Empowerment (1-10),Desirability (1-5)',
      'Ana,Strategy,10,4,5',
      'Ana,Filing,30,1,3',
      'Bo,Filing,40,1,3',
    ]);
    expect(rep.scale).toEqual({ min: 1, max: 10 });
    expect(by.get('Ana')!.empowerment).toBeCloseTo(1.75, 9);
    expect(by.get('Ana')!.desirability).toBeCloseTo(6.625, 9);
    expect(by.get('Bo')!.desirability).toBeCloseTo(5.5, 9);
  });

  it('D on 0–100 is mapped onto E\'s 1–10 scale', () => {
    // Ê: Strategy (10−1)/9 = 1, Filing 0 → Ana (10·1)/40 = 0.25 → 1 + 0.25·9 = 3.25.
    // D̂: Strategy 50/100 = 0.5, Filing 0 → Ana (10·0.5)/40 = 0.125 → 1 + 0.125·9 = 2.125; Bo 0 → 1.
    const { rep, by } = people(['Name,Task,Hours,E (1-10),D (0-100)', 'Ana,Strategy,10,10,50', 'Ana,Filing,30,1,0', 'Bo,Filing,40,1,0']);
    expect(rep.scale).toEqual({ min: 1, max: 10 });
    expect(by.get('Ana')!.empowerment).toBeCloseTo(3.25, 9);
    expect(by.get('Ana')!.desirability).toBeCloseTo(2.125, 9);
    expect(by.get('Bo')!.empowerment).toBeCloseTo(1, 9);
    expect(by.get('Bo')!.desirability).toBeCloseTo(1, 9);
    const strategy = rep.tasks.find((t) => t.name === 'Strategy')!;
    expect(strategy.desirability).toBeCloseTo(5.5, 9); // 0.5 of 1–10
  });

  it('scales detected without hints: E values 2, 7 → 1–10; a D of 0 forces 0–100', () => {
    // E: Ana (10·7 + 30·2)/40 = 3.25. D̂: Strategy 0.8, Filing 0 → Ana 0.2 → 1 + 0.2·9 = 2.8.
    const { rep, by } = people(['Name,Task,Hours,Empowerment,Desirability', 'Ana,Strategy,10,7,80', 'Ana,Filing,30,2,0']);
    expect(rep.scale).toEqual({ min: 1, max: 10 });
    expect(by.get('Ana')!.empowerment).toBeCloseTo(3.25, 9);
    expect(by.get('Ana')!.desirability).toBeCloseTo(2.8, 9);
  });

  it('no ratings at all: default 1–20 scale, E_i null, every task unrated', () => {
    const { rep, by } = people(['Name,Task,Hours', 'Ana,Strategy,10']);
    expect(rep.scale).toEqual({ min: 1, max: 20 });
    expect(by.get('Ana')!.empowerment).toBeNull();
    expect(by.get('Ana')!.desirability).toBeNull();
    expect(by.get('Ana')!.ratedShare).toBe(0);
    expect(rep.tasks[0].source).toBe('unrated');
  });

  it('an out-of-scale rating is an error at its cell and not used', () => {
    // Hint 1–5; a 7 in E3 is outside it. Ana's E then comes from Strategy only: 4.
    const r = importCsv(['Name,Task,Hours,Empowerment (1-5)', 'Ana,Strategy,10,4', 'Ana,Filing,30,7']);
    const errors = issuesOf(r, 'error');
    expect(errors, describeIssues(r)).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 3, column: 'D' });
    expect(reportOf(r).people[0].empowerment).toBeCloseTo(4, 9);
  });
});

describe('job scores: hours-weighted means over rated hours', () => {
  const lines = [
    'Name,Department,Task,Hours,Empowerment,Desirability',
    'Ana,Field,Strategy,10,15,12',
    'Ana,Field,Filing,30,3,6',
    'Ana,Field,Misc,20,,',
    'Bo,Admin,Misc,40,,',
    'Cy,Admin,Filing,20,3,6',
  ];

  it('E_i and D_i ignore unrated hours; ratedShare is the rated part of the hours', () => {
    // Scale 1–20. Ana: E = (10·15 + 30·3)/40 = 6, D = (10·12 + 30·6)/40 = 7.5, ratedShare 40/60.
    const { rep, by } = people(lines);
    expect(rep.scale).toEqual({ min: 1, max: 20 });
    const ana = by.get('Ana')!;
    expect(ana.hours).toBe(60);
    expect(ana.empowerment).toBeCloseTo(6, 9);
    expect(ana.desirability).toBeCloseTo(7.5, 9);
    expect(ana.ratedShare).toBeCloseTo(2 / 3, 4);
    expect(by.get('Bo')!.empowerment).toBeNull();
    expect(by.get('Bo')!.ratedShare).toBe(0);
    expect(by.get('Cy')!.empowerment).toBeCloseTo(3, 9);
  });

  it('scorePeople keeps normalized scores and masses: Ê_Ana = (6 − 1)/19, M = 10·14/19 + 30·2/19', () => {
    const org = orgOf(importCsv(lines));
    const scores = new Map(scorePeople(org).map((s) => [s.person.name, s]));
    const ana = scores.get('Ana')!;
    expect(ana.empowerment).toBeCloseTo(normalize(6, { min: 1, max: 20 }), 12);
    expect(ana.empowermentMass).toBeCloseTo((10 * 14 + 30 * 2) / 19, 12);
    expect(ana.ratedHoursE).toBe(40);
    expect(ana.hours).toBe(60);
    expect(scores.get('Bo')!.empowerment).toBeNull();
  });

  it('departments pool their people over rated hours: Admin E = Cy\'s 3 (Bo is unrated)', () => {
    const { rep } = people(lines);
    const admin = rep.departments.find((d) => d.department === 'Admin')!;
    expect(admin.people).toBe(2);
    expect(admin.hours).toBe(60);
    expect(admin.empowerment).toBeCloseTo(3, 9);
    const field = rep.departments.find((d) => d.department === 'Field')!;
    expect(field.empowerment).toBeCloseTo(6, 9);
  });

  it('task hours add up over people', () => {
    const org = orgOf(importCsv(lines));
    const h = taskHours(org);
    expect(h.get('filing')).toBe(50);
    expect(h.get('misc')).toBe(60);
    expect(h.get('strategy')).toBe(10);
  });

  it('a hand-built organization: shared task hours split, part-timers compared per hour', () => {
    // 1–20 scale. Task A ê = 1 (20 points), task B ê = 0 (1 point).
    // Full-timer F: 30 h A + 10 h B → Ê = 0.75 → 15.25 points. Part-timer P: 15 h A + 5 h B → same 0.75.
    const org: Organization = {
      scale: { min: 1, max: 20 },
      hoursPerFte: 40,
      people: ['F', 'P'].map((n) => ({ id: n, name: n, role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] })),
      tasks: [
        { id: 'a', name: 'A', empowerment: 1, desirability: 0.5, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: null, requires: [], chore: false },
        { id: 'b', name: 'B', empowerment: 0, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: null, requires: [], chore: false },
      ],
      assignments: [
        { personId: 'F', taskId: 'a', hours: 30, locked: false },
        { personId: 'F', taskId: 'b', hours: 10, locked: false },
        { personId: 'P', taskId: 'a', hours: 15, locked: false },
        { personId: 'P', taskId: 'b', hours: 5, locked: false },
      ],
    };
    const s = scorePeople(org);
    expect(s[0].empowerment).toBeCloseTo(0.75, 12);
    expect(s[1].empowerment).toBeCloseTo(0.75, 12);
    // D only rated on A: each person's D is A's 0.5 over their A hours.
    expect(s[0].desirability).toBeCloseTo(0.5, 12);
    expect(s[0].ratedHoursD).toBe(30);
    const g = scoreGroups(s, 'role');
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ name: '(none)', people: 2, hours: 60 });
    expect(g[0].empowerment).toBeCloseTo(0.75, 12);
  });
});
