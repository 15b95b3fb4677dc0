/**
 * The suggestion library on realistic task names (issue 11): at least 90% of the list in
 * test/fixtures/suggest/task-names.ts within the ranges written for it, none of the known misses
 * that favoured formal authority, and word order never changing what the work is.
 */
import { describe, expect, it } from 'vitest';
import { matchTaskLibrary, suggestRating } from '../../renderer/src/engine/rating/suggest';
import { LOWER_THAN, REALISTIC_TASKS, SAME_WORK, type ExpectedTask, type Range } from '../fixtures/suggest/task-names';
import { HELD_OUT_TASKS } from '../fixtures/suggest/task-names-heldout';
import { CLERICAL_CONTROLS, CLERICAL_PAIRS, CLERICAL_TASKS } from '../fixtures/suggest/task-names-clerical';
import { rated, usedLabels } from '../helpers/suggest-fixtures';

/** Normalized 0–1 to points on 1–20. */
const points = (v: number | null | undefined) => (v === null || v === undefined ? null : 1 + 19 * v);
const within = (v: number | null, [lo, hi]: Range) => v !== null && v >= lo - 1e-9 && v <= hi + 1e-9;

function verdict(t: ExpectedTask): string | null {
  const s = suggestRating(t.name);
  if (t.e === 'unrated') return s === null ? null : `expected unrated, got E ${points(s.empowerment)?.toFixed(1)} (${s.reason})`;
  if (!s) return `expected E ${t.e.join('–')}, got unrated`;
  const e = points(s.empowerment);
  const d = points(s.desirability);
  if (!within(e, t.e)) return `E ${e?.toFixed(1)} outside ${t.e.join('–')} (${s.reason})`;
  if (t.d && !within(d, t.d)) return `D ${d?.toFixed(1)} outside ${t.d.join('–')} (${s.reason})`;
  return null;
}

describe('suggestions on 150+ realistic task names', () => {
  it('the list is big enough, its names unique, and at most 10% of it expected unrated', () => {
    expect(REALISTIC_TASKS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(REALISTIC_TASKS.map((t) => t.name.toLowerCase())).size).toBe(REALISTIC_TASKS.length);
    expect(REALISTIC_TASKS.filter((t) => t.e === 'unrated').length).toBeLessThanOrEqual(REALISTIC_TASKS.length * 0.1);
  });

  it('at least 90% fall within their written ranges', () => {
    const misses = REALISTIC_TASKS.flatMap((t) => {
      const v = verdict(t);
      return v === null ? [] : [`${t.name}: ${v}`];
    });
    const hitRate = 1 - misses.length / REALISTIC_TASKS.length;
    expect(hitRate, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('a held-out list, written after the tuning, mostly falls within its ranges too', () => {
    // Measured: 43/61 blind; 47/61 after the complement rule and four library corrections it
    // revealed. Most misses left are names the library has no word for (bag groceries, price
    // tagging): unrated, not wrongly rated. A floor against regressions, not a target.
    const hits = HELD_OUT_TASKS.filter((t) => verdict(t) === null).length;
    expect(hits / HELD_OUT_TASKS.length).toBeGreaterThanOrEqual(0.75);
    const wronglyRated = HELD_OUT_TASKS.filter((t) => verdict(t) !== null && suggestRating(t.name) !== null);
    expect(wronglyRated.length / HELD_OUT_TASKS.length).toBeLessThanOrEqual(0.1);
  });

  it('none of the known misses (issue 11) is back', () => {
    const e = (name: string) => points(rated(name).empowerment)!;
    expect(e('Set up chairs for strategy retreat')).toBeLessThanOrEqual(7);
    expect(e('Strategy session notetaking')).toBeLessThanOrEqual(9);
    expect(e('Enter budget figures')).toBeLessThanOrEqual(7);
    // "Dismiss" fires people, not meetings; the library does not know what dismissing a meeting is.
    expect(suggestRating('Dismiss meeting')).toBeNull();
    expect(e('Dismiss staff member')).toBeGreaterThanOrEqual(15);
    expect(e('Supervise canvass shifts')).toBeLessThan(e('Executive director duties'));
    expect(e('Vendor coordination')).toBeGreaterThanOrEqual(7);
    expect(e('Vendor coordination')).toBeLessThanOrEqual(12);
    expect(rated('Filing grievances')).toEqual(rated('Grievance filing'));
    expect(usedLabels('Talk to reporters')).toEqual(['media']);
    expect(e('Talk to reporters')).toBeGreaterThanOrEqual(12);
    expect(usedLabels('Onboarding paperwork')).not.toContain('train others');
    expect(e('Onboarding paperwork')).toBeLessThanOrEqual(8);
  });

  it.each(SAME_WORK)('word order does not change the work: "%s" = "%s"', (a, b) => {
    expect(rated(a).empowerment).toBe(rated(b).empowerment);
    expect(rated(a).desirability).toBe(rated(b).desirability);
  });

  it.each(LOWER_THAN)('"%s" is less empowering than "%s"', (lower, higher) => {
    expect(rated(lower).empowerment!).toBeLessThan(rated(higher).empowerment!);
  });
});

describe('support work on powerful material is support work (issue 11 review)', () => {
  const hitRate = (list: readonly ExpectedTask[]) => {
    const misses = list.flatMap((t) => {
      const v = verdict(t);
      return v === null ? [] : [`${t.name}: ${v}`];
    });
    return { rate: 1 - misses.length / list.length, misses: misses.join('\n') };
  };

  it('a held-out list of 50+ clerical names, written before the fix, falls within its ranges (measured 41/59 before, 59/59 after)', () => {
    expect(CLERICAL_TASKS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(CLERICAL_TASKS.map((t) => t.name.toLowerCase())).size).toBe(CLERICAL_TASKS.length);
    const { rate, misses } = hitRate(CLERICAL_TASKS);
    expect(rate, misses).toBeGreaterThanOrEqual(0.9);
  });

  it('the powerful action itself stays high (controls)', () => {
    expect(CLERICAL_CONTROLS.length).toBeGreaterThanOrEqual(15);
    const { rate, misses } = hitRate(CLERICAL_CONTROLS);
    expect(rate, misses).toBeGreaterThanOrEqual(0.9);
  });

  it.each(CLERICAL_PAIRS)('word order does not change the work: "%s" = "%s"', (a, b) => {
    expect(rated(a).empowerment).toBe(rated(b).empowerment);
    expect(rated(a).desirability).toBe(rated(b).desirability);
  });

  it("the reviewer's names", () => {
    const e = (name: string) => points(rated(name).empowerment)!;
    expect(rated('Hiring committee notetaking')).toEqual(rated('Take notes for the hiring committee'));
    expect(e('Hiring committee notetaking')).toBe(e('Strategy session notetaking'));
    expect(e('Type up strategic plan')).toBe(e('Strategic plan typing'));
    expect(e('Type up strategic plan')).toBe(e('Format the strategic plan'));
    expect(e('Type up strategic plan')).toBeLessThanOrEqual(8);
    expect(e('Translate strategic plan')).toBe(e('Translate materials into Spanish'));
    expect(e('Translate strategic plan')).toBeLessThanOrEqual(11);
    expect(rated('Translate strategic plan').reason).not.toContain('work overseen');
    expect(usedLabels('Translate strategic plan')).toEqual(['translation']);
    expect(e('Copy edit fundraising strategy')).toBe(e('Fundraising strategy copy editing'));
    expect(e('Copy edit fundraising strategy')).toBeLessThanOrEqual(11);
    expect(e('Assemble board packets')).toBe(e('Board packet assembly'));
    expect(e('Assemble board packets')).toBeLessThanOrEqual(7);
  });

  it('beyond the list: the same rules on names written after the fix', () => {
    const e = (name: string) => points(rated(name).empowerment)!;
    // A noun-like verb before a plural action noun is the verb: scheduling visits is scheduling.
    expect(rated('Schedule lobbying visits')).toEqual(rated('Lobbying visit scheduling'));
    expect(usedLabels('Schedule lobbying visits')).toEqual(['scheduling']);
    expect(e('Compile the board pack')).toBeLessThanOrEqual(7);
    expect(e('Campaign strategy document formatting')).toBeLessThanOrEqual(8);
    expect(e('Policy paper translation')).toBe(e('Translate strategic plan'));
  });

  it('an oversight word that is only the object or a modifier oversees nothing', () => {
    for (const name of ['Hiring committee notetaking', 'Hiring interview scheduling', 'Hiring paperwork filing', 'Write the strategic plan']) {
      expect(matchTaskLibrary(name).filter((m) => m.status === 'overseen'), name).toEqual([]);
    }
    // An oversight verb that is the action still oversees.
    expect(rated('Supervise the campaign team').reason).toContain('"campaigning" counted as work overseen');
  });

  it.each([
    ['Type up strategic plan', 'Write the strategic plan'],
    ['Hiring committee notetaking', 'Chair the hiring committee'],
    ['Take minutes at contract negotiations', 'Negotiate the contract'],
    ['Enter budget forecasts', 'Decide the budget'],
    ['Print the campaign plan', 'Draft campaign strategy'],
    ['Translate strategic plan', 'Strategic plan drafting'],
  ])('"%s" is less empowering than "%s"', (lower, higher) => {
    expect(rated(lower).empowerment!).toBeLessThan(rated(higher).empowerment!);
  });
});

describe('the reason names what decided and what was only context', () => {
  it('a purpose complement is context, and the reason says so', () => {
    expect(rated('Set up chairs for strategy retreat').reason).toBe('Suggested from "setup and teardown" (task library; "strategy" read as context, not the work done)');
    const m = matchTaskLibrary('Set up chairs for strategy retreat');
    expect(m.find((x) => x.entry.label === 'strategy')?.status).toBe('context');
  });

  it('a rote action on empowering material stays rote: printing board papers is printing', () => {
    expect(usedLabels('Print board papers')).toEqual(['photocopying']);
    expect(rated('Print board papers').reason).toContain('"board" read as context');
  });

  it('a substantive action keeps a more empowering object: writing board reports is board work too', () => {
    expect(usedLabels('Write board reports')).toEqual(['writing', 'board']);
  });

  it('with nothing known in a one-word core, the complement is read: "Preparation of the budget" is budget work', () => {
    expect(usedLabels('Preparation of the budget')).toEqual(['budget']);
    // A core with an object of its own keeps the complement as context, even when it knows nothing.
    expect(suggestRating('Staple handouts for the workshop')).toBeNull();
  });

  it('commas and slashes separate pieces of work', () => {
    expect(usedLabels('Reception/phones')).toEqual(['reception', 'answer phones']);
    expect(usedLabels('Admin, finance')).toEqual(['administration', 'finance']);
  });
});
