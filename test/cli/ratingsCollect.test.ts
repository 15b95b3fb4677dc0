/**
 * `fairshare ratings collect` in process (the module; main.ts wiring is the lead's): a Riverside
 * project and three filled forms give the JSON contract, a missing file and a PDF are issues rather
 * than crashes, the sensitivity is printed, --out writes the project with the medians as members' ratings, and no usable form exits 1.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ratingsCollect } from '../../electron/cli/ratingsCollect';
import { parseProject, serializeProject } from '../../renderer/src/engine/formats/projectCodec';
import { createProject } from '../../renderer/src/engine/formats/projectFile';
import { importOrganization } from '../../renderer/src/engine/import';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { normalize } from '../../renderer/src/engine/rating/scale';
import { makeFormSpecs } from '../../renderer/src/engine/ratingRound/formSpecs';
import { filledForm } from '../helpers/rating-forms';

/* eslint-disable @typescript-eslint/no-explicit-any */
const sample = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
const org = applySuggestions(importOrganization(new Uint8Array(readFileSync(sample)), sample).organization!);
let dir = '';
let project = '';
let forms: string[] = [];
const [t0, t1] = org.tasks;

/** Runs the command, returning its exit code and what it printed on stdout and stderr. */
async function run(args: Parameters<typeof ratingsCollect>[0]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: any) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: any) => ((err += String(s)), true));
  try {
    const code = await ratingsCollect(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-ratings-'));
  project = path.join(dir, 'riverside.fairshare');
  writeFileSync(project, serializeProject({ ...createProject('Riverside', org), settings: { hoursPerFte: 40, tolerance: 1.5 } }));
  const specs = makeFormSpecs(org, { project: 'Riverside', count: 3, created: '2026-10-05' });
  const values = [
    { [t0.id]: { e: 4, d: 10 }, [t1.id]: { e: 1 } },
    { [t0.id]: { e: 5, d: 11 }, [t1.id]: { e: 20 } },
    { [t0.id]: { e: 6, d: 12 }, [t1.id]: { e: 19 } },
  ];
  forms = specs.map((s, i) => {
    const f = path.join(dir, `form-${i + 1}.xlsx`);
    writeFileSync(f, filledForm(s, values[i]));
    return f;
  });
  writeFileSync(path.join(dir, 'scan.pdf'), '%PDF-1.4\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ratings collect', () => {
  it('prints the JSON contract: tasks, alpha, groups, issues (a missing file and a PDF among them)', async () => {
    const missing = path.join(dir, 'nope.xlsx');
    const pdf = path.join(dir, 'scan.pdf');
    const { code, out } = await run({ file: project, forms: [...forms, missing, pdf], json: true, noSuggest: false });
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.tolerance).toBe(1.5); // the project's saved tolerance
    const e0 = j.tasks.find((t: any) => t.name === t0.name && t.dimension === 'empowerment');
    expect(e0).toEqual({ name: t0.name, dimension: 'empowerment', raters: 3, median: 5, q1: 4.5, q3: 5.5, contested: false, values: [4, 5, 6] });
    expect(j.tasks.find((t: any) => t.name === t1.name && t.dimension === 'empowerment')).toMatchObject({ raters: 3, median: 19, contested: true });
    expect(Object.keys(j.alpha)).toEqual(['empowerment', 'desirability']);
    expect(j.groups.length).toBeGreaterThan(0);
    expect(j.issues.filter((i: any) => i.severity === 'error').map((i: any) => i.file)).toEqual([missing, pdf]);
    expect(j.forms.map((f: any) => f.used)).toEqual([true, true, true, false, false]);
  });

  it('prints text with the contested tasks first and the hours on them', async () => {
    const { code, out } = await run({ file: project, forms, json: false, noSuggest: false });
    expect(code).toBe(0);
    expect(out).toMatch(/3 forms used of 3 returned/);
    expect(out).toMatch(/1 contested rating of 3 rated/);
    expect(out).toMatch(/Hours resting on contested ratings: \d/);
  });

  it('adds the sensitivity: the cluster and the exact proposal at the contested ratings’ quartiles (JSON and text)', async () => {
    const { code, out } = await run({ file: project, forms, json: true, noSuggest: false });
    expect(code).toBe(0);
    const s = JSON.parse(out).sensitivity;
    expect(s).toMatchObject({ tolerance: 1.5, contestedRatings: 1, contestedTasks: 1 });
    expect(s.cluster.variants.map((v: any) => v.variant)).toEqual(['low', 'median', 'high']);
    expect(s.cluster.min).toBe(Math.min(...s.cluster.variants.map((v: any) => v.members.length)));
    expect(s.cluster.text).toMatch(/^The coordinator cluster has /);
    expect(s.proposal.variants.map((v: any) => v.variant)).toEqual(['low', 'median', 'high']);
    expect(s.proposal.text).toMatch(/^The exact proposal /);
    const text = (await run({ file: project, forms, json: false, noSuggest: false })).out;
    expect(text).toContain('Sensitivity (1 contested rating at the lower quartile, median and upper quartile):');
    expect(text).toContain(`  ${s.cluster.text}`);
    expect(text).toContain(`  ${s.proposal.text}`);
    // One form judges nothing contested: the cluster is said not to depend on it, and no solver runs.
    const one = JSON.parse((await run({ file: project, forms: [forms[0]], json: true, noSuggest: false })).out).sensitivity;
    expect(one).toMatchObject({ contestedRatings: 0, proposal: null });
    expect(one.cluster.text).toMatch(/no rating is contested/);
  });

  it('--out writes the project with the medians as the members’ ratings, kept as overrides', async () => {
    const target = path.join(dir, 'after.fairshare');
    const { code } = await run({ file: project, forms, json: true, out: target, noSuggest: false });
    expect(code).toBe(0);
    const parsed = parseProject(readFileSync(target, 'utf-8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const task = parsed.project.organization.tasks.find((t) => t.id === t1.id)!;
    expect(task).toMatchObject({ source: 'members', contested: true });
    expect(task.empowerment).toBeCloseTo(normalize(19, org.scale), 12);
    expect(parsed.project.ratingsOverrides?.[t1.id]?.empowerment).toBeCloseTo(normalize(19, org.scale), 12);
    expect(parsed.project.settings.tolerance).toBe(1.5);
    expect(parsed.project.name).toBe('Riverside');
  });

  it('exits 1 when no form gives a usable rating, and writes no project', async () => {
    const target = path.join(dir, 'none.fairshare');
    const { code, err, out } = await run({ file: project, forms: [path.join(dir, 'scan.pdf')], json: false, out: target, noSuggest: false });
    expect(code).toBe(1);
    expect(err).toMatch(/no returned form gave a usable rating; .*none\.fairshare not written/);
    expect(out).toMatch(/scan\.pdf is a PDF document/);
    expect(() => readFileSync(target)).toThrow();
  });
});
