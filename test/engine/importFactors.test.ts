// Factor columns in a file: empowerment factors (decision authority, skill development…) and
// desirability factors (repetition, schedule…) land in their own records, normalized on their
// scale, and stand in for a missing overall E or D as their equal-weight mean.
import { describe, expect, it } from 'vitest';
import { importCsv, orgOf } from './helpers';

describe('importing factor ratings', () => {
  it('keeps empowerment and desirability factors apart, keyed by header', () => {
    const org = orgOf(
      importCsv([
        'Name,Task,Hours,Decision authority,Skill development,Repetition (1-5),Schedule',
        'Ada,Budget,10,5,4,2,3',
        'Bo,Filing,30,1,2,5,4',
      ]),
    );
    const budget = org.tasks.find((t) => t.id === 'budget')!;
    // Factor values 1–5 are read on the 1–5 scale: (v − 1) / 4.
    expect(budget.empowermentFactors).toEqual({ 'Decision authority': 1, 'Skill development': 0.75 });
    expect(budget.desirabilityFactors).toEqual({ 'Repetition (1-5)': 0.25, Schedule: 0.5 });
    expect(budget.empowerment).toBeCloseTo(0.875, 12);
    expect(budget.desirability).toBeCloseTo(0.375, 12);
    expect(budget.reason).toBe("Mean of the file's factor ratings");
    const filing = org.tasks.find((t) => t.id === 'filing')!;
    expect(filing.empowermentFactors).toEqual({ 'Decision authority': 0, 'Skill development': 0.25 });
    expect(filing.desirabilityFactors).toEqual({ 'Repetition (1-5)': 1, Schedule: 0.75 });
  });

  it('an overall rating in the file wins over its factors, which are kept', () => {
    const org = orgOf(importCsv(['Name,Task,Hours,Empowerment (1-20),Decision authority', 'Ada,Budget,10,20,1', 'Bo,Filing,30,1,5']));
    const budget = org.tasks.find((t) => t.id === 'budget')!;
    expect(budget.empowerment).toBe(1);
    expect(budget.empowermentFactors).toEqual({ 'Decision authority': 0 });
    expect(budget.desirabilityFactors).toEqual({});
  });

  it('a factor column headed "__proto__" (mapped by hand) is kept under its column letter, not written into a prototype', () => {
    const r = importCsv(['Name,Task,Hours,Empowerment (1-20),__proto__', 'Ada,Budget,10,20,3', 'Bo,Filing,30,1,5'], {
      mapping: { sheets: { Sheet1: { columns: { E: 'factorE' } } } },
    });
    expect(r.fatal).toBeNull();
    const budget = orgOf(r).tasks.find((t) => t.id === 'budget')!;
    expect(budget.empowerment).toBe(1);
    // 3 on the factors' 1–5 scale.
    expect(budget.empowermentFactors).toEqual({ E: 0.5 });
    expect(Object.getPrototypeOf(budget.empowermentFactors)).toBe(Object.prototype);
  });
});
