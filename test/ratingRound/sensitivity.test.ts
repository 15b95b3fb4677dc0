// Sensitivity of the round: a contested task whose rating decides whether Bo is in the coordinator cluster gives a 1–2 people range, Bo leaving at the lower quartiles; the exact proposal solved per variant equals solving each variant directly.
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { propose } from '../../renderer/src/engine/balance/propose';
import type { Organization } from '../../renderer/src/engine/model/types';
import { normalize } from '../../renderer/src/engine/rating/scale';
import { applyRound } from '../../renderer/src/engine/ratingRound/applyRound';
import { collectRound } from '../../renderer/src/engine/ratingRound/collect';
import { roundSensitivity } from '../../renderer/src/engine/ratingRound/sensitivity';
import { budgetForms, org, S20, TAU } from './contestedBudget';

const forms = budgetForms([null, null, null, null, null]);
const result = collectRound(forms, org, TAU);

describe('roundSensitivity', () => {
  it('the round contests the budget only, at Q1 8, median 11, Q3 14', () => {
    expect(result.spreads.filter((s) => s.contested).map((s) => [s.taskId, s.dimension, s.q1, s.median, s.q3])).toEqual([['budget', 'empowerment', 8, 11, 14]]);
  });

  it('says the cluster has 1–2 people depending on the contested task, and that Bo leaves it at the lower quartiles', () => {
    const s = roundSensitivity(org, result, TAU);
    expect(s).toMatchObject({ tolerance: TAU, contestedRatings: 1, contestedTasks: 1, proposal: null });
    expect(s.cluster.variants).toEqual([
      { variant: 'low', members: ['Ann'], entering: [], leaving: ['Bo'] },
      { variant: 'median', members: ['Ann', 'Bo'], entering: [], leaving: [] },
      { variant: 'high', members: ['Ann', 'Bo'], entering: [], leaving: [] },
    ]);
    expect([s.cluster.min, s.cluster.max, s.cluster.always, s.cluster.sometimes]).toEqual([1, 2, ['Ann'], ['Bo']]);
    expect(s.cluster.text).toBe('The coordinator cluster has 1–2 people depending on how the contested tasks are rated: at the lower quartiles Bo leaves it.');
  });

  it('with the budget agreed (no contested rating) the cluster does not depend on it', () => {
    const agreed = collectRound(forms.map((f) => ({ ...f, ratings: f.ratings.map((r) => (r.taskId === 'budget' ? { ...r, value: 11 } : r)) })), org, TAU);
    const s = roundSensitivity(org, agreed, TAU);
    expect(s.contestedRatings).toBe(0);
    expect([s.cluster.min, s.cluster.max, s.cluster.sometimes]).toEqual([2, 2, []]);
    expect(s.cluster.text).toBe('The coordinator cluster has 2 people; no rating is contested, so it does not depend on one.');
  });

  it('a group decision before the round is not what is varied: the variants start from the round applied', () => {
    const decided: Organization = { ...org, tasks: org.tasks.map((t) => (t.id === 'budget' ? { ...t, empowerment: normalize(20, S20), source: 'council' } : t)) };
    expect(roundSensitivity(decided, result, TAU).cluster.variants.map((v) => v.members.length)).toEqual([1, 2, 2]);
  });

  it('solves the exact proposal per variant: hours moved as propose gives on each variant built by hand', async () => {
    const highs = (await loadHighs()) as unknown as Highs;
    const s = roundSensitivity(org, result, TAU, highs);
    const applied = applyRound(org, result);
    const at = (e: number): Organization => ({ ...applied, tasks: applied.tasks.map((t) => (t.id === 'budget' ? { ...t, empowerment: normalize(e, S20) } : t)) });
    const direct = [8, 11, 14].map((e) => propose(at(e), highs, { tolerance: TAU, granularity: 0, desirability: true, skipOptions: true }));
    expect(direct.every((p) => p.status === 'optimal')).toBe(true);
    expect(s.proposal!.variants.map((v) => [v.variant, v.status])).toEqual([['low', 'optimal'], ['median', 'optimal'], ['high', 'optimal']]);
    s.proposal!.variants.forEach((v, i) => expect(v.movedHours).toBeCloseTo(direct[i].movedHours, 6));
    const moved = direct.map((p) => p.movedHours);
    expect(s.proposal!.min).toBeCloseTo(Math.min(...moved), 6);
    expect(s.proposal!.max).toBeCloseTo(Math.max(...moved), 6);
    expect(Math.max(...moved) - Math.min(...moved)).toBeGreaterThan(0.1); // the contested rating matters to the plan too
    expect(s.proposal!.text).toMatch(/^The exact proposal moves [\d.]+–[\d.]+ hours a week depending on how the contested tasks are rated\.$/);
  });
});
