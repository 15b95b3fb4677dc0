/**
 * Building the report's input the same way in the app and the CLI (issue 18): a rating round as the
 * report states it (forms, distinct raters, alpha, contested and decided tasks, the sensitivity sentence
 * with pseudonyms), the scenario comparison (Current first, at most four more), and the sentences.
 */
import { describe, expect, it } from 'vitest';
import { applyRound } from '../../renderer/src/engine/ratingRound/applyRound';
import { collectRound } from '../../renderer/src/engine/ratingRound/collect';
import { roundSensitivity } from '../../renderer/src/engine/ratingRound/sensitivity';
import { budgetForms, org, TAU } from '../ratingRound/contestedBudget';
import { scenarioFigures } from '../../renderer/src/engine/scenarios';
import { CURRENT_NAME, reportRound, reportScenarios, roundSentence } from '../../renderer/src/engine/report';
import { riverside } from './report.fixture';

// Two forms by the same named rater (spelt differently), two by another, one unnamed: 3 raters.
const forms = budgetForms(['Ann Lee', 'ann  lee', 'Bo Chan', 'Bo Chan', null]);

describe('reportRound', () => {
  const result = collectRound(forms, org, TAU);
  const applied = applyRound(org, result);
  const sensitivity = roundSensitivity(org, result, TAU);

  it('counts the forms used, the distinct raters, the contested and decided tasks, and keeps the alpha', () => {
    const decided = { ...applied, tasks: applied.tasks.map((t) => (t.id === 'budget' ? { ...t, source: 'council' as const } : t)) };
    const r = reportRound(result, decided, sensitivity);
    expect(r).toEqual({ forms: 5, raters: 3, alpha: result.alpha, contestedTasks: 1, decidedTasks: 1, sensitivity: sensitivity.cluster.text });
    expect(r.sensitivity).toBe('The coordinator cluster has 1–2 people depending on how the contested tasks are rated: at the lower quartiles Bo leaves it.');
    expect(reportRound(result, applied, null)).toMatchObject({ decidedTasks: 0, sensitivity: null });
  });

  it('renames the people its sentence names', () => {
    const r = reportRound(result, applied, sensitivity, (n) => `P-${n.length}${n.toLowerCase()}`);
    expect(r.sensitivity).toBe('The coordinator cluster has 1–2 people depending on how the contested tasks are rated: at the lower quartiles P-2bo leaves it.');
  });

  it('reads as one sentence', () => {
    expect(roundSentence({ forms: 5, raters: 3, alpha: { empowerment: 0.812, desirability: null }, contestedTasks: 1, decidedTasks: 0, sensitivity: null }))
      .toBe("A rating round: 5 forms returned by 3 raters; agreement between raters (Krippendorff's alpha) 0.81 for empowerment; 1 task contested.");
  });
});

describe('reportScenarios', () => {
  it('puts Current first, then the scenarios (at most four), each scored as the engine scores it, names renamed', async () => {
    const s = await riverside();
    const many = [...s.scenarios, ...s.scenarios, ...s.scenarios].map((x, i) => ({ ...x, id: `s${i}`, name: `Plan ${i}` }));
    const out = reportScenarios(s.org, many, 0.95, (n) => `#${n}`);
    expect(out.map((x) => x.name)).toEqual([CURRENT_NAME, 'Plan 0', 'Plan 1', 'Plan 2', 'Plan 3']);
    // Every figure as the engine scores the plan, but hours moved as the plan counted them when kept:
    // with chores rotating, the allocation's spread of the chores is a rota, not hours changing hands.
    expect(out[1].figures).toEqual({ ...scenarioFigures(s.org, many[0].allocation, 0.95), movedHours: out[1].figures.movedHours });
    expect(out[1].figures.movedHours).toBeCloseTo(s.proposal.report.movedHours, 6);
    expect(s.proposal.rotation, 'the fixture rotates chores').not.toBeNull();
    expect(Math.abs(scenarioFigures(s.org, many[0].allocation, 0.95).movedHours - s.proposal.report.movedHours), 'counted from the allocation, the rota adds hours').toBeGreaterThan(1);
    expect(out[0].figures.movedHours).toBe(0);
    expect(out[1].jobs.map((j) => j.name)).toEqual(s.org.people.map((p) => `#${p.name}`));
  });
});
