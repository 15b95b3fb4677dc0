// Factor direction (issue 11: "every D factor says which end is good"): each factor names what the
// bottom and the top of the project's own scale mean, D factors say the top is the good end, and a
// file's own factor gets the same generic direction every factor has.
import { describe, expect, it } from 'vitest';
import { directedFactorLabel, factorDirection, factorEnds, STANDARD_FACTORS } from '../../renderer/src/engine/rating/factors';

describe('factor direction', () => {
  it('every standard D factor names both ends on the project scale and says which is good', () => {
    for (const scale of [{ min: 1, max: 20 }, { min: 1, max: 5 }, { min: 0, max: 100 }]) {
      for (const name of STANDARD_FACTORS.desirability) {
        const text = factorDirection(name, 'desirability', scale);
        const { low, high } = factorEnds(name, 'desirability');
        expect(text).toBe(`${scale.min} = ${low}, ${scale.max} = ${high}; higher is better`);
        expect(low).not.toBe(high);
        expect(low.length).toBeGreaterThan(2);
      }
    }
  });

  it('the burden-named factors read backwards from their names: heavy strain is the bottom', () => {
    expect(directedFactorLabel('Physical strain and hazard', 'Physical strain and hazard', 'desirability', { min: 1, max: 20 }))
      .toBe('Physical strain and hazard: 1 = very heavy, 20 = none; higher is better');
    expect(factorDirection('Emotional load and conflict', 'desirability', { min: 1, max: 10 })).toBe('1 = very heavy, 10 = none; higher is better');
    expect(factorDirection('Repetition', 'desirability', { min: 1, max: 20 })).toBe('1 = the same steps all day, 20 = varied; higher is better');
  });

  it('every standard E factor names both ends and says higher is more empowering, not better', () => {
    for (const name of STANDARD_FACTORS.empowerment) {
      const text = factorDirection(name, 'empowerment', { min: 1, max: 10 });
      const { low, high } = factorEnds(name, 'empowerment');
      expect(text).toBe(`1 = ${low}, 10 = ${high}; higher is more empowering`);
      expect(low).not.toBe(high);
    }
    expect(factorDirection('Decision authority', 'empowerment', { min: 1, max: 20 })).toBe('1 = decides nothing, 20 = decides for the whole organization; higher is more empowering');
  });

  it('finds a standard factor whatever its case or a file\'s scale hint, and gives a file\'s own factor the generic ends', () => {
    expect(factorEnds('physical STRAIN and hazard (1-5)', 'desirability')).toEqual({ low: 'very heavy', high: 'none' });
    expect(factorDirection('Noise', 'desirability', { min: 1, max: 20 })).toBe('1 = least desirable, 20 = most desirable; higher is better');
    expect(factorDirection('Team spirit', 'empowerment', { min: 0, max: 100 })).toBe('0 = least empowering, 100 = most empowering; higher is more empowering');
  });

  it('writes fractional scale ends without float noise', () => {
    expect(factorDirection('Schedule', 'desirability', { min: 0.1 + 0.2, max: 7 })).toMatch(/^0\.3 = .*, 7 = /);
  });
});
