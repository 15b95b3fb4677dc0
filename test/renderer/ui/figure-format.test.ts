// The shared number formats: ratings with the precision a scale supports, hours as the file gave
// them, and number fields' values (the tolerance as written).
import { describe, expect, it } from 'vitest';
import { fmtHours, fmtRating, ratingDecimals } from '../../../renderer/src/ui/figure-format';
import { formatNumber } from '../../../renderer/src/ui/table-NumberInput';
import { ratingProblem } from '../../../renderer/src/features/tasks/ratingProblem';

const scale = (min: number, max: number) => ({ min, max });

describe('fmtRating', () => {
  it('shows one decimal on 1–20 and smaller scales, trailing zeros dropped', () => {
    expect(ratingDecimals(scale(1, 20))).toBe(1);
    expect(ratingDecimals(scale(1, 5))).toBe(1);
    expect(fmtRating(17.72, scale(1, 20))).toBe('17.7');
    expect(fmtRating(4.25, scale(1, 20))).toBe('4.3');
    expect(fmtRating(6, scale(1, 20))).toBe('6');
    expect(fmtRating(1 + 19 * 0.7, scale(1, 20))).toBe('14.3'); // 14.299999999999999 as computed
    expect(fmtRating(3.25, scale(1, 10))).toBe('3.3');
  });

  it('shows whole points on scales of 50 points or more', () => {
    expect(ratingDecimals(scale(0, 100))).toBe(0);
    expect(fmtRating(72.35, scale(0, 100))).toBe('72');
  });

  it('is empty when there is no rating', () => {
    expect(fmtRating(null, scale(1, 20))).toBe('');
    expect(fmtRating(Number.NaN, scale(1, 20))).toBe('');
  });
});

describe('fmtHours', () => {
  it('keeps the decimals the file gave, up to quarter hours, with thousands separators', () => {
    expect(fmtHours(1238.5)).toBe('1,238.5');
    expect(fmtHours(1238.5)).not.toBe('1,239');
    expect(fmtHours(37.25)).toBe('37.25');
    expect(fmtHours(40)).toBe('40');
    expect(fmtHours(0.1 + 0.2)).toBe('0.3');
    expect(fmtHours(12345.75)).toBe('12,345.75');
    expect(fmtHours(null)).toBe('–');
  });
});

describe('number fields', () => {
  it('write the default tolerance as 0.95, not its float 0.9500000000000001', () => {
    expect(0.05 * 19).toBe(0.9500000000000001);
    expect(formatNumber(0.05 * 19)).toBe('0.95');
    expect(formatNumber(2 * 0.05 * 19)).toBe('1.9');
  });
});

describe('ratingProblem', () => {
  it('refuses ratings off the scale, in words that fit beside the cell', () => {
    expect(ratingProblem(25, scale(1, 20))).toBe('Not saved: use\u00a01–\u206020');
    expect(ratingProblem(0, scale(1, 20))).not.toBeNull();
    expect(ratingProblem(1, scale(1, 20))).toBeNull();
    expect(ratingProblem(20, scale(1, 20))).toBeNull();
  });
});

describe('scores round the same way however they were computed', () => {
  it('a score of exactly 14.25 or 11.65 shows one way, also when the 0–1 normalization left float noise', async () => {
    const { fmtScore, fmtSigned } = await import('../../../renderer/src/ui/figure-format');
    const { fmt1 } = await import('../../../renderer/src/features/charts/chartData');
    const { toPoints } = await import('../../../renderer/src/engine/rating/scale');
    const s = { min: 1, max: 20 };
    for (const exact of [14.25, 11.65, 10.75, 7.55]) {
      // Through the normalization 14.25 comes back as 14.249999999999998 (14.2 with toFixed, 14.3 exact).
      const viaScale = toPoints((exact - 1) / 19, s);
      expect(fmtScore(viaScale), `${exact} via the scale`).toBe(fmtScore(exact));
      expect(fmt1(viaScale), `${exact} via the scale, charts`).toBe(fmt1(exact));
      expect(fmtRating(viaScale, s), `${exact} via the scale, rating`).toBe(fmtRating(exact, s));
    }
    expect(toPoints((14.25 - 1) / 19, s)).not.toBe(14.25);
    expect(fmtScore(toPoints((14.25 - 1) / 19, s))).toBe('14.3');
    expect(fmtSigned(0.25 - 1e-12)).toBe('+0.3');
  });
});
