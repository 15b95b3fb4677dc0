/**
 * The rating-source shares and the line every export carries (engine/analysis/ratingSources.ts): shares
 * of all hours, a dimension left unrated counted as unrated, the largest source first, tiny shares
 * never shown as 0% or 100%.
 */
import { describe, expect, it } from 'vitest';
import { percentText, ratingSourceShares, ratingSourcesLine } from '../../renderer/src/engine/analysis/ratingSources';

describe('ratingSourceShares and ratingSourcesLine', () => {
  it('62 h by the members, 30 h by suggestion, 8 h unrated', () => {
    const s = ratingSourceShares([
      { hours: 62, source: 'members', empowerment: 10, desirability: 10 },
      { hours: 30, source: 'suggested', empowerment: 5, desirability: 4 },
      { hours: 8, source: 'unrated', empowerment: null, desirability: null },
      { hours: 0, source: 'file', empowerment: 3, desirability: 3 },
    ]);
    expect(s.hours).toBe(100);
    expect(s.empowerment).toEqual({ council: 0, members: 0.62, file: 0, suggested: 0.3, unrated: 0.08 });
    expect(ratingSourcesLine(s)).toBe('Ratings: 62% of hours rated by the members, 30% by suggestion, 8% unrated.');
  });

  it('names both dimensions when they differ, and says "rated by suggestion" when suggestions lead', () => {
    const s = ratingSourceShares([
      { hours: 70, source: 'suggested', empowerment: 5, desirability: null },
      { hours: 30, source: 'file', empowerment: 5, desirability: 6 },
    ]);
    expect(ratingSourcesLine(s)).toBe('Ratings: empowerment 70% of hours rated by suggestion, 30% rated in the file; desirability 70% of hours unrated, 30% rated in the file.');
  });

  it("counts the group's decisions (source council) as their own source, named first when they lead", () => {
    const s = ratingSourceShares([
      { hours: 60, source: 'council', empowerment: 10, desirability: 10 },
      { hours: 40, source: 'members', empowerment: 5, desirability: 4 },
    ]);
    expect(s.empowerment).toEqual({ council: 0.6, members: 0.4, file: 0, suggested: 0, unrated: 0 });
    expect(ratingSourcesLine(s)).toBe('Ratings: 60% of hours decided by the group, 40% rated by the members.');
  });

  it('no hours; a share too small to round to 1% is "<1%", one just short of all ">99%"', () => {
    expect(ratingSourcesLine(ratingSourceShares([]))).toBe('Ratings: no hours to rate.');
    expect([percentText(0.001), percentText(0.999), percentText(0), percentText(1)]).toEqual(['<1%', '>99%', '0%', '100%']);
  });
});
