// The .fairshare project file: round trip, validation with field-named errors, and the
// version 1 → 2 → 3 migrations.
import { describe, expect, it } from 'vitest';
import { createProject, PROJECT_VERSION, type Project } from '../../renderer/src/engine/formats/projectFile';
import {
  migrateV1toV2,
  migrateV2toV3,
  parseProject,
  serializeProject,
  type OrganizationV2,
  type ProjectV1,
  type ProjectV2,
} from '../../renderer/src/engine/formats/projectCodec';
import type { Organization } from '../../renderer/src/engine/model/types';
import { importCsv, orgOf } from './helpers';

function smallOrganization(): Organization {
  return {
    people: [
      { id: 'ada', name: 'Ada Byron', role: 'Director', department: 'Admin', fte: 1, contractHours: 40, annualPay: 90000, hourlyRate: null, qualifications: [] },
      { id: 'bo', name: 'Bo Chen', role: 'Organizer', department: 'Field', fte: 0.5, contractHours: null, annualPay: null, hourlyRate: 25, qualifications: ['driving'] },
    ],
    tasks: [
      { id: 'strategy', name: 'Strategy', empowerment: 0.9, desirability: 0.7, empowermentFactors: { 'decision authority': 1 }, desirabilityFactors: { Repetition: 0.4 }, source: 'file', reason: null, requires: [], chore: false },
      { id: 'cleaning', name: 'Cleaning', empowerment: 0.1, desirability: 0.2, empowermentFactors: {}, desirabilityFactors: {}, source: 'suggested', reason: 'keyword "clean"', requires: [], chore: true },
    ],
    assignments: [
      { personId: 'ada', taskId: 'strategy', hours: 30, locked: false },
      { personId: 'ada', taskId: 'cleaning', hours: 2, locked: false },
      { personId: 'bo', taskId: 'cleaning', hours: 20, locked: true },
    ],
    scale: { min: 1, max: 20 },
    hoursPerFte: 40,
  };
}

/** The same organization as a version 1 or 2 file holds it: every factor in one record. */
function oldOrganization(): OrganizationV2 {
  const org = smallOrganization();
  return { ...org, tasks: org.tasks.map(({ empowermentFactors, desirabilityFactors, ...t }) => ({ ...t, factors: { ...empowermentFactors, ...desirabilityFactors } })) };
}

function project(): Project {
  return {
    ...createProject('Tenants union', smallOrganization(), new Date('2025-01-02T03:04:05.000Z')),
    sourceFiles: [
      {
        name: 'roster.xlsx',
        importedAt: '2025-01-01T10:00:00.000Z',
        mapping: { sheets: { Staff: { role: 'long', headerRow: 2, columns: { A: 'person', D: 'hours' } } } },
      },
    ],
    settings: { scale: { min: 1, max: 10 }, tolerance: 0.45, hoursPerFte: 37.5 },
    ratingsOverrides: { cleaning: { desirability: 0.05 }, strategy: { empowermentFactors: { 'Skill development': 0.75, 'decision authority': null } } },
  };
}

function v1File(overrides: Partial<ProjectV1> = {}): ProjectV1 {
  return {
    version: 1,
    savedAt: '2024-06-30T12:00:00.000Z',
    name: 'Old project',
    organization: oldOrganization(),
    sourceFile: 'staff.csv',
    hoursPerFte: 35,
    tolerance: 1,
    ...overrides,
  };
}

function expectError(text: string, pattern: RegExp): string {
  const result = parseProject(text);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error).toMatch(pattern);
  return result.error;
}

describe('serializeProject / parseProject', () => {
  it('round-trips a project, stamping the save time', () => {
    const text = serializeProject(project(), new Date('2025-03-04T05:06:07.000Z'));
    expect(text.endsWith('\n')).toBe(true);
    const parsed = parseProject(text);
    expect(parsed).toEqual({
      ok: true,
      migratedFrom: null,
      project: { ...project(), savedAt: '2025-03-04T05:06:07.000Z' },
    });
  });

  it('round-trips a time-entries source: its mapping choices and the basis of its weekly hours; refuses a malformed basis', () => {
    const source = {
      name: 'clockify.csv', importedAt: '2026-11-02T09:00:00.000Z',
      mapping: { sheets: {}, timesheet: { includeNonWork: true, dateOrder: 'dmy' as const } },
      timesheet: { entries: 1240, start: '2026-10-05', end: '2026-11-01', weeks: 4 },
    };
    const p = { ...project(), sourceFiles: [source] };
    const parsed = parseProject(serializeProject(p, new Date('2026-11-02T10:00:00.000Z')));
    expect(parsed.ok && parsed.project.sourceFiles).toEqual([source]);
    const bad = JSON.parse(serializeProject(p));
    bad.sourceFiles[0].timesheet.start = 'October';
    expectError(JSON.stringify(bad), /ISO date/);
  });

  it('round-trips an organization produced by the importer', () => {
    const org = orgOf(
      importCsv(['Name,Role,Department,Task,Hours,Empowerment,Desirability', 'Ada,Lead,Admin,Budget,10,18,12', 'Bo,Staff,Field,Filing,30,3,4']),
    );
    const parsed = parseProject(serializeProject(createProject('Imported', org)));
    expect(parsed.ok && parsed.project.organization).toEqual(org);
  });

  it('accepts a byte-order mark and drops unknown fields', () => {
    const data = { ...JSON.parse(serializeProject(project())), extra: { anything: true } };
    const parsed = parseProject(`\uFEFF${JSON.stringify(data)}`);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && 'extra' in parsed.project).toBe(false);
  });

  it('refuses to serialize an invalid project', () => {
    const bad = project();
    bad.organization.assignments[0].hours = -1;
    expect(() => serializeProject(bad)).toThrow(/organization\.assignments\.0\.hours/);
  });
});

describe('parseProject errors', () => {
  it('refuses non-JSON, non-objects and files without a version', () => {
    expectError('PK\u0003\u0004 not json', /not valid JSON/);
    expectError('[1,2]', /expected a JSON object/);
    expectError('null', /expected a JSON object/);
    expectError('{"name":"x"}', /no format version/);
    expectError('{"version":"2"}', /no format version/);
    expectError('{"version":0}', /no format version/);
  });

  it('refuses files from a newer version with a clear message', () => {
    const data = { ...JSON.parse(serializeProject(project())), version: PROJECT_VERSION + 1 };
    expectError(JSON.stringify(data), new RegExp(`newer version of Fairshare \\(format ${PROJECT_VERSION + 1}\\).*up to ${PROJECT_VERSION}`));
  });

  it('names the wrong field without echoing personal data', () => {
    const data = JSON.parse(serializeProject(project()));
    data.organization.people[1].annualPay = 'Bo Chen earns a secret';
    data.organization.tasks[0].empowerment = 1.5;
    const error = expectError(JSON.stringify(data), /Invalid project file/);
    expect(error).toContain('organization.people.1.annualPay');
    expect(error).toContain('organization.tasks.0.empowerment');
    expect(error).not.toContain('secret');
    expect(error).not.toContain('Bo Chen');
  });

  it('checks cross-references and duplicates in the organization', () => {
    const data = JSON.parse(serializeProject(project()));
    data.organization.assignments.push({ personId: 'ghost', taskId: 'strategy', hours: 1, locked: false });
    data.organization.tasks.push({ ...data.organization.tasks[0] });
    const error = expectError(JSON.stringify(data), /Invalid project file/);
    expect(error).toContain('organization.assignments.3.personId: refers to no person');
    expect(error).toContain('organization.tasks.2.id: duplicate task id');
  });

  it('an assignment that refers to no task is refused, naming the field', () => {
    const data = JSON.parse(serializeProject(project()));
    data.organization.assignments[1].taskId = 'ghost task';
    const error = expectError(JSON.stringify(data), /Invalid project file/);
    expect(error).toBe('Invalid project file: organization.assignments.1.taskId: refers to no task');
  });

  it('"__proto__" as a record key is refused, never written into a prototype', () => {
    // zod's records drop such keys silently; the codec refuses the file and says where.
    for (const [where, json] of [
      ['ratingsOverrides', (d: string) => d.replace('"ratingsOverrides": {', '"ratingsOverrides": {\n    "__proto__": { "empowerment": 0.5 },')],
      ['organization.tasks.0.empowermentFactors', (d: string) => d.replace('"empowermentFactors": {', '"empowermentFactors": {\n "__proto__": 0.5,')],
      ['sourceFiles.0.mapping.sheets', (d: string) => d.replace('"sheets": {', '"sheets": {\n "__proto__": { "role": "long" },')],
    ] as const) {
      const text = json(serializeProject(project()));
      expect(text, where).toContain('"__proto__"');
      const parsed = parseProject(text);
      expect(parsed.ok, where).toBe(false);
      if (!parsed.ok) expect(parsed.error, where).toBe(`Invalid project file: ${where}: "__proto__" is a reserved name`);
    }
    expect(({} as Record<string, unknown>).empowerment).toBeUndefined();
  });

  it('absurd numbers get the import\'s bounds: hours, pay, FTE, a person\'s total, scale and tolerance', () => {
    const cases: [string, (d: ReturnType<typeof JSON.parse>) => void, RegExp][] = [
      ['1e308 hours', (d) => (d.organization.assignments[0].hours = 1e308), /organization\.assignments\.0\.hours: must be below 1,000,000 hours a week/],
      ['1e11 hours', (d) => (d.organization.assignments[0].hours = 1e11), /organization\.assignments\.0\.hours: must be below 1,000,000/],
      ['a person past the bound in total', (d) => { d.organization.assignments[0].hours = 600_000; d.organization.assignments[1].hours = 600_000; }, /organization\.assignments\.1\.hours: brings a person's hours to 1,000,000 a week or more/],
      ['a billion in pay', (d) => (d.organization.people[0].annualPay = 1e9), /organization\.people\.0\.annualPay: must be below 1,000,000,000/],
      ['an hourly rate of 1e20', (d) => (d.organization.people[1].hourlyRate = 1e20), /organization\.people\.1\.hourlyRate: must be below/],
      ['contract hours of 1e6', (d) => (d.organization.people[0].contractHours = 1e6), /organization\.people\.0\.contractHours: must be below 1,000,000/],
      ['an FTE of 1e5', (d) => (d.organization.people[0].fte = 1e5), /organization\.people\.0\.fte: must be below 10,000 FTE/],
      ['a scale to 1e300', (d) => (d.organization.scale = { min: 1, max: 1e300 }), /organization\.scale\.max: must be within/],
      ['a tolerance of 1e9', (d) => (d.settings.tolerance = 1e9), /settings\.tolerance: must be within/],
      ['200 hours per FTE', (d) => (d.settings.hoursPerFte = 200), /settings\.hoursPerFte: must be at most 168/],
    ];
    for (const [what, edit, message] of cases) {
      const data = JSON.parse(serializeProject(project()));
      edit(data);
      const parsed = parseProject(JSON.stringify(data));
      expect(parsed.ok, what).toBe(false);
      if (!parsed.ok) expect(parsed.error, what).toMatch(message);
    }
    // Just below the bounds loads.
    const data = JSON.parse(serializeProject(project()));
    data.organization.assignments[0].hours = 999_990;
    data.organization.people[0].annualPay = 999_999_999;
    expect(parseProject(JSON.stringify(data)).ok).toBe(true);
  });

  it('checks scales, settings and mappings', () => {
    const data = JSON.parse(serializeProject(project()));
    data.organization.scale = { min: 5, max: 5 };
    data.settings.hoursPerFte = 0;
    data.sourceFiles[0].mapping.sheets.Staff.columns = { '../A': 'person', B: 'salary' };
    const error = expectError(JSON.stringify(data), /Invalid project file/);
    expect(error).toMatch(/organization\.scale: min must be below max/);
    expect(error).toMatch(/settings\.hoursPerFte: must be positive/);
    expect(error).toMatch(/sourceFiles\.0\.mapping\.sheets\.Staff\.columns/);
  });

  it('summarizes long lists of problems', () => {
    const data = JSON.parse(serializeProject(project()));
    for (const a of data.organization.assignments) a.hours = 'x';
    for (const p of data.organization.people) p.fte = 'x';
    for (const t of data.organization.tasks) t.chore = 'x';
    const error = expectError(JSON.stringify(data), /and \d+ more/);
    expect(error.split(';').length).toBe(5);
  });

  it('refuses oversized input before parsing', () => {
    expectError(' '.repeat(64 * 1024 * 1024 + 1), /too large/);
  });
});

describe('migration from version 1', () => {
  it('upgrades an old project file and says so', () => {
    const parsed = parseProject(JSON.stringify(v1File()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.project).toEqual({
      version: 3,
      savedAt: '2024-06-30T12:00:00.000Z',
      name: 'Old project',
      organization: smallOrganization(),
      sourceFiles: [{ name: 'staff.csv', importedAt: '2024-06-30T12:00:00.000Z' }],
      settings: { hoursPerFte: 35, tolerance: 1 },
    });
    // Saving the upgraded project writes the current format, which reads back without migration.
    const again = parseProject(serializeProject(parsed.project));
    expect(again.ok && again.migratedFrom).toBeNull();
    expect(again.ok && again.project.version).toBe(PROJECT_VERSION);
  });

  it('fills defaults a version 1 file could leave out', () => {
    const migrated = migrateV1toV2(v1File({ sourceFile: null, hoursPerFte: undefined, tolerance: undefined }));
    expect(migrated.sourceFiles).toEqual([]);
    expect(migrated.settings).toEqual({ hoursPerFte: 40 }); // the organization's hours per FTE
  });

  it('validates the old format before upgrading it', () => {
    const old = { ...v1File(), sourceFile: 42 };
    expectError(JSON.stringify(old), /Invalid project file \(format 1\): sourceFile/);
  });
});

describe('migration from version 2', () => {
  function v2File(factors: Record<string, number>): ProjectV2 {
    const org = oldOrganization();
    return {
      version: 2,
      savedAt: '2025-02-01T09:00:00.000Z',
      name: 'Before factor kinds',
      organization: { ...org, tasks: [{ ...org.tasks[0], factors }, org.tasks[1]] },
      sourceFiles: [{ name: 'ratings.xlsx', importedAt: '2025-01-31T09:00:00.000Z' }],
      settings: { hoursPerFte: 40 },
      ratingsOverrides: { strategy: { empowerment: 0.95 } },
    };
  }

  it('sorts each factor by name: desirability synonyms (any case, spacing or scale hint) to D, the rest to E', () => {
    const migrated = migrateV2toV3(
      v2File({ 'Decision authority': 0.9, ' PHYSICAL STRAIN ': 0.2, 'Repetition (1-5)': 0.5, 'control of pace': 0.6, Teaching: 0.7, 'Hazard pay': 0.3 }),
    );
    const strategy = migrated.organization.tasks[0];
    expect(strategy.empowermentFactors).toEqual({ 'Decision authority': 0.9, Teaching: 0.7, 'Hazard pay': 0.3 });
    expect(strategy.desirabilityFactors).toEqual({ ' PHYSICAL STRAIN ': 0.2, 'Repetition (1-5)': 0.5, 'control of pace': 0.6 });
    expect('factors' in strategy).toBe(false);
    expect(migrated.organization.tasks[1]).toMatchObject({ empowermentFactors: {}, desirabilityFactors: {} });
    // Ratings, overrides and everything else are carried over unchanged.
    expect(strategy.empowerment).toBe(0.9);
    expect(migrated.version).toBe(3);
    expect(migrated.ratingsOverrides).toEqual({ strategy: { empowerment: 0.95 } });
    expect(migrated.sourceFiles).toEqual(v2File({}).sourceFiles);
  });

  it('reads a version 2 file, says it was upgraded, and saves it as the current version', () => {
    const parsed = parseProject(JSON.stringify(v2File({ 'decision authority': 1, Schedule: 0.25 })));
    expect(parsed.ok && parsed.migratedFrom).toBe(2);
    if (!parsed.ok) return;
    expect(parsed.project.organization.tasks[0]).toMatchObject({ empowermentFactors: { 'decision authority': 1 }, desirabilityFactors: { Schedule: 0.25 } });
    const again = parseProject(serializeProject(parsed.project));
    expect(again.ok && again.migratedFrom).toBeNull();
    expect(again.ok && again.project).toEqual({ ...parsed.project, savedAt: again.ok ? again.project.savedAt : '' });
  });

  it('validates the version 2 format before upgrading it', () => {
    const bad = JSON.parse(JSON.stringify(v2File({ Repetition: 2 })));
    expectError(JSON.stringify(bad), /Invalid project file \(format 2\): organization\.tasks\.0\.factors\.Repetition/);
    // A version 2 file does not have the version 3 fields; the old `factors` is required.
    const current = JSON.parse(serializeProject(project()));
    expectError(JSON.stringify({ ...current, version: 2 }), /Invalid project file \(format 2\): organization\.tasks\.0\.factors/);
  });
});

describe('factor edits in ratingsOverrides', () => {
  it('round-trips set and cleared factor edits and refuses out-of-range ones', () => {
    const parsed = parseProject(serializeProject(project()));
    expect(parsed.ok && parsed.project.ratingsOverrides?.strategy).toEqual({ empowermentFactors: { 'Skill development': 0.75, 'decision authority': null } });
    const data = JSON.parse(serializeProject(project()));
    data.ratingsOverrides.strategy.desirabilityFactors = { Schedule: 3 };
    expectError(JSON.stringify(data), /ratingsOverrides\.strategy\.desirabilityFactors\.Schedule: must be between 0 and 1/);
  });
});
