/**
 * Issue 14 "What must hold" on the benchmark's largest generated organization, 2,000 people, with
 * the default options (both dimensions): every invariant of generated.helpers.ts planAndCheck. In a
 * file of its own because the exact LP alone takes about 40 s here (see bench/README.md, propose).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { getHighs } from '../helpers/balance-run';
import { generated, planAndCheck } from './generated.helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

describe('the 2,000-person generated organization, default options (E and D)', () => {
  it('every job within the band on E and D, whole blocks, minimum block, ≤ 3 new tasks, totals exact, plan ≥ bound', () => {
    const p = planAndCheck(highs, generated(2000));
    expect(p.gap!).toBeLessThanOrEqual(0.2);
  }, 400_000);
});
