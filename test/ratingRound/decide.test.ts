// The group decides a contested task: its values in points of the scale, source council, the note as the reason, the contested flag kept; bad input refused with a clear RangeError.
import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../renderer/src/engine/formats/projectCodec';
import { createProject } from '../../renderer/src/engine/formats/projectFile';
import type { Organization, Task } from '../../renderer/src/engine/model/types';
import { decideTask, MAX_DECISION_NOTE } from '../../renderer/src/engine/ratingRound/decide';

const task = (id: string, extra: Partial<Task> = {}): Task => ({
  id, name: id, empowerment: 0.5, desirability: 0.25, empowermentFactors: { 'Decision authority': 0.9 }, desirabilityFactors: {}, source: 'members', reason: 'median', requires: [], chore: false, ...extra,
});
const org: Organization = {
  people: [], assignments: [], scale: { min: 1, max: 5 }, hoursPerFte: 40,
  tasks: [task('budget', { contested: true }), task('filing', { contested: false })],
};

describe('decideTask', () => {
  it('sets the given dimensions from points of the scale, source council, the trimmed note as the reason, and keeps contested', () => {
    const next = decideTask(org, 'budget', { empowerment: 4 }, '  We agreed it sets the budget for everyone. ');
    const t = next.tasks[0];
    expect(t).toMatchObject({ empowerment: 0.75, desirability: 0.25, source: 'council', reason: 'Decided by the group: We agreed it sets the budget for everyone.', contested: true });
    expect(t.empowermentFactors).toEqual({ 'Decision authority': 0.9 }); // factors kept; the overall value wins
    expect(next.tasks[1]).toBe(org.tasks[1]);
    expect(org.tasks[0].source).toBe('members'); // the input is not mutated
    expect(decideTask(org, 'budget', { empowerment: 1, desirability: 3.5 }, 'split').tasks[0]).toMatchObject({ empowerment: 0, desirability: 0.625 });
  });

  it('leaves a task that is not contested unmarked', () => {
    expect(decideTask(org, 'filing', { desirability: 5 }, 'ok').tasks[1]).toMatchObject({ desirability: 1, source: 'council', contested: false });
  });

  it('refuses values off the scale, no value, an unknown task, and an empty or overlong note', () => {
    expect(() => decideTask(org, 'budget', { empowerment: 6 }, 'x')).toThrow(new RangeError("The group's empowerment must be a number from 1 to 5 (the project's scale); got 6."));
    expect(() => decideTask(org, 'budget', { desirability: 0.5 }, 'x')).toThrow(RangeError);
    expect(() => decideTask(org, 'budget', { desirability: Number.NaN }, 'x')).toThrow(/desirability must be a number from 1 to 5/);
    expect(() => decideTask(org, 'budget', {}, 'x')).toThrow(/needs a value for empowerment, desirability or both/);
    expect(() => decideTask(org, 'nope', { empowerment: 2 }, 'x')).toThrow(/No task "nope"/);
    expect(() => decideTask(org, 'budget', { empowerment: 2 }, '   ')).toThrow(/needs a note/);
    const long = 'a'.repeat(MAX_DECISION_NOTE + 1);
    expect(() => decideTask(org, 'budget', { empowerment: 2 }, long)).toThrow(`at most ${MAX_DECISION_NOTE} characters (it has ${MAX_DECISION_NOTE + 1})`);
    expect(decideTask(org, 'budget', { empowerment: 2 }, ` ${'a'.repeat(MAX_DECISION_NOTE)} `).tasks[0].reason).toHaveLength(MAX_DECISION_NOTE + 'Decided by the group: '.length);
  });

  it('is kept by a saved project', () => {
    const decided = decideTask(org, 'budget', { empowerment: 4 }, 'agreed');
    const read = parseProject(serializeProject(createProject('p', decided)));
    expect(read.ok && read.project.organization.tasks[0]).toMatchObject({ source: 'council', reason: 'Decided by the group: agreed', contested: true });
  });
});
