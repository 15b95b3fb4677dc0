// Scenarios in the .fairshare project file: a round trip keeps them exactly, projects saved without
// them still open, and hostile or broken scenarios are refused with the field named, never its value.
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject, type Project } from '../../renderer/src/engine/formats/projectFile';
import { parseProject, serializeProject } from '../../renderer/src/engine/formats/projectCodec';
import { makeScenario, MAX_SCENARIOS, type Scenario } from '../../renderer/src/engine/scenarios';
import { riverside } from './scenarios.fixture';

let base: Project;
let one: Scenario;
let two: Scenario;
beforeAll(async () => {
  const R = await riverside();
  base = createProject('Riverside', R.org, new Date('2026-01-05T10:00:00.000Z'));
  one = makeScenario(R.proposal, R.org, { id: 's1', name: 'Default band', createdAt: '2026-01-05T10:00:00.000Z' });
  two = makeScenario(R.wide, R.org, { id: 's2', name: 'Wide band ±2', createdAt: '2026-01-05T10:05:00.000Z' });
});

/** Parses the project with its first scenario changed by `edit` (on the JSON, as a tampered file would be). */
function withFirst(edit: (s: Record<string, unknown>) => void, project: Project = { ...base, scenarios: [one, two] }): string {
  const data = JSON.parse(serializeProject(project));
  edit(data.scenarios[0]);
  return JSON.stringify(data);
}
const errorOf = (text: string) => {
  const r = parseProject(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('scenarios in the project file', () => {
  it('round-trips two scenarios exactly, hours to the last bit', () => {
    const project = { ...base, scenarios: [one, two] };
    const parsed = parseProject(serializeProject(project, new Date('2026-01-06T00:00:00.000Z')));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.project.scenarios).toEqual([one, two]);
    expect(parsed.project.scenarios![0].allocation.map((a) => a.hours)).toEqual(one.allocation.map((a) => a.hours));
    expect(parsed.migratedFrom).toBeNull();
  });

  it('opens a project saved without scenarios (none then), and an empty list stays empty', () => {
    const text = serializeProject(base);
    expect(text).not.toContain('scenarios');
    const parsed = parseProject(text);
    expect(parsed.ok && parsed.project.scenarios).toBeUndefined();
    const empty = parseProject(serializeProject({ ...base, scenarios: [] }));
    expect(empty.ok && empty.project.scenarios).toEqual([]);
  });

  it('refuses broken numbers, pairs and names, naming the field and not echoing the value', () => {
    expect(errorOf(withFirst((s) => { (s.allocation as { hours: number }[])[2].hours = -3; }))).toBe('Invalid project file: scenarios.0.allocation.2.hours: must be positive');
    expect(errorOf(withFirst((s) => { (s.allocation as { hours: number }[])[0].hours = 0; }))).toBe('Invalid project file: scenarios.0.allocation.0.hours: must be positive');
    expect(errorOf(withFirst((s) => { (s.allocation as { hours: number }[])[0].hours = 2e6; }))).toContain('scenarios.0.allocation.0.hours: must be below 1,000,000 hours a week');
    // JSON's 1e999 reads as Infinity.
    expect(errorOf(withFirst((s) => { (s.summary as { movedHours: number }).movedHours = 12345; }).replace('"movedHours":12345', '"movedHours":1e999'))).toContain('scenarios.0.summary.movedHours: Invalid input: expected number');
    const rows = one.allocation;
    expect(errorOf(withFirst((s) => { s.allocation = [...rows, rows[0]]; }))).toContain(`scenarios.0.allocation.${rows.length}: gives the same person the same task twice`);
    const secret = 'Ada Lovelace SECRET';
    const longName = errorOf(withFirst((s) => { s.name = `${secret}${'x'.repeat(200)}`; }));
    expect(longName).toContain('scenarios.0.name');
    expect(longName).not.toContain('SECRET');
    expect(errorOf(withFirst((s) => { s.createdAt = 'yesterday'; }))).toContain('scenarios.0.createdAt: must be an ISO date and time');
    expect(errorOf(withFirst((s) => { (s.summary as { after: { withinTolerance: number } }).after.withinTolerance = 1.5; }))).toContain('scenarios.0.summary.after.withinTolerance: must be between 0 and 1');
    expect(errorOf(withFirst((s) => { (s.settings as { rotationWeeks: number }).rotationWeeks = 0.5; }))).toContain('scenarios.0.settings.rotationWeeks');
  });

  it('refuses duplicate ids, more than the most scenarios, a reserved key and a person’s hours past the bound', () => {
    expect(errorOf(withFirst((s) => { s.id = 's2'; }))).toBe('Invalid project file: scenarios.1.id: duplicate scenario id');
    const many = Array.from({ length: MAX_SCENARIOS + 1 }, (_, i) => ({ ...two, allocation: two.allocation.slice(0, 3), id: `s${i}`, name: `S${i}` }));
    const text = JSON.stringify({ ...JSON.parse(serializeProject(base)), scenarios: many });
    expect(errorOf(text)).toBe(`Invalid project file: scenarios: must have at most ${MAX_SCENARIOS} scenarios`);
    expect(errorOf(withFirst((s) => { s.settings = JSON.parse('{"__proto__": {"polluted": true}}'); }))).toBe('Invalid project file: scenarios.0.settings: "__proto__" is a reserved name');
    const p = one.allocation[0].personId;
    const heavy = withFirst((s) => { s.allocation = [{ personId: p, taskId: 'a', hours: 600_000 }, { personId: p, taskId: 'b', hours: 600_000 }]; });
    expect(errorOf(heavy)).toContain('scenarios.0.allocation.1.hours: brings a person\'s hours to 1,000,000 a week or more');
  });

  it('keeps a scenario that names people no longer in the organization (applying it is refused instead)', () => {
    const text = withFirst((s) => { (s.allocation as { personId: string }[])[0].personId = 'someone-who-left'; });
    const parsed = parseProject(text);
    expect(parsed.ok && parsed.project.scenarios![0].allocation[0].personId).toBe('someone-who-left');
  });

  it('refuses to save an invalid scenario', () => {
    expect(() => serializeProject({ ...base, scenarios: [{ ...one, name: '' }] })).toThrow('Refusing to save an invalid project: scenarios.0.name');
  });
});
