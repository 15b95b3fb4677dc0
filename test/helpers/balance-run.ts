/**
 * Running the optimizer in tests: one HiGHS instance per test file, and `tryPropose`, which turns
 * an exception into a value so a property can say "propose threw on this input" with the input's
 * seed instead of stopping at the first throw.
 */
import loadHighs from 'highs';
import { propose } from '../../renderer/src/engine/balance/propose';
import type { Highs, Proposal, ProposeOptions } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';

let highs: Promise<Highs> | null = null;
export function getHighs(): Promise<Highs> {
  highs ??= loadHighs() as Promise<Highs>;
  return highs;
}

export type Outcome = { ok: true; proposal: Proposal } | { ok: false; error: string };

export function tryPropose(o: Organization, h: Highs, options: ProposeOptions): Outcome {
  try {
    return { ok: true, proposal: propose(o, h, options) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** Ratings and assignments of an organization in one line, for failure messages. */
export function describeOrg(o: Organization): string {
  const pts = (x: number | null) => (x === null ? '–' : String(Math.round((o.scale.min + x * (o.scale.max - o.scale.min)) * 1000) / 1000));
  const tasks = o.tasks.map((t) => `${t.id}(E${pts(t.empowerment)} D${pts(t.desirability)}${t.requires.length ? ` req ${t.requires.join('+')}` : ''})`).join(' ');
  const people = o.people.map((p) => `${p.id}${p.qualifications.length ? `[${p.qualifications.join('+')}]` : ''}`).join(' ');
  const work = o.assignments.map((a) => `${a.personId}:${a.taskId}=${a.hours}${a.locked ? 'L' : ''}`).join(' ');
  return `tasks ${tasks}; people ${people}; work ${work}`;
}
