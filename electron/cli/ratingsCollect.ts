/**
 * `fairshare ratings collect PROJECT_OR_FILE FORM… [--json] [--out project.fairshare]` (issue 17):
 * returned rating forms read and collected — spreads, contested tasks, alpha, who rates how — and,
 * with --out, the project written with the members' medians as its ratings; and the sensitivity: the
 * coordinator cluster and the exact proposal with the contested ratings at their quartiles. Exit 0 when at least one
 * form was used, 1 when none could be (the report still says why, form by form).
 */
import { roundOverrides } from '../../renderer/src/engine/ratingRound/overrides';
import { basename, extname } from 'node:path';
import { defaultTolerance } from '../../renderer/src/engine/analysis/metrics';
import { readReturnedForm, unreadableForm } from '../../renderer/src/engine/formats/returnedForm';
import { createProject, type Project } from '../../renderer/src/engine/formats/projectFile';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applyRound, contestedHours } from '../../renderer/src/engine/ratingRound/applyRound';
import { collectRound } from '../../renderer/src/engine/ratingRound/collect';
import type { RoundResult } from '../../renderer/src/engine/ratingRound/result';
import { roundSensitivity, type RoundSensitivity } from '../../renderer/src/engine/ratingRound/sensitivity';
import type { ReadForm } from '../../renderer/src/engine/ratingRound/types';
import { loadOrganization, readInput, Unusable, writeAtomically } from './io';
import { roundJson, roundText } from './ratingsText';

export interface RatingsCollectRequest {
  file: string;
  forms: string[];
  json: boolean;
  out?: string;
  tolerance?: number;
  noSuggest: boolean;
}

/** One returned form, read whole but bounded (readInput's size limit, the workbook reader's limits). */
function readForm(file: string, org: Organization): ReadForm {
  let bytes: Uint8Array;
  try {
    bytes = readInput(file);
  } catch (err) {
    if (err instanceof Unusable) return unreadableForm(file, `${err.message}; the form is not used`);
    throw err;
  }
  return readReturnedForm(bytes, file, { tasks: org.tasks, scale: org.scale });
}


/** The project to write: the input project with the round applied, or a new one around a spreadsheet's organization. */
function projectOut(args: RatingsCollectRequest, existing: Project | undefined, applied: Organization, result: RoundResult, tolerance: number): Project {
  const now = new Date();
  const base: Project = existing ?? {
    ...createProject(basename(args.file, extname(args.file)), applied, now),
    sourceFiles: [{ name: basename(args.file), importedAt: now.toISOString() }],
  };
  const settings = args.tolerance !== undefined || !existing ? { ...base.settings, tolerance } : base.settings;
  return { ...base, organization: applied, settings, ratingsOverrides: roundOverrides(base.ratingsOverrides, result, applied) };
}

/** The round's sensitivity; the solver (three exact solves) is loaded only when some rating is contested. */
async function sensitivityOf(org: Organization, result: RoundResult, tolerance: number): Promise<RoundSensitivity> {
  if (!result.spreads.some((s) => s.contested)) return roundSensitivity(org, result, tolerance);
  // From node_modules, as `propose` loads it (kept out of the bundle so the other commands start fast).
  const { default: loadHighs } = await import('highs');
  return roundSensitivity(org, result, tolerance, await loadHighs());
}

export async function ratingsCollect(args: RatingsCollectRequest): Promise<number> {
  const load = { file: args.file, noSuggest: args.noSuggest, tolerance: args.tolerance };
  const { organization, project } = await loadOrganization(load);
  // A project's saved tolerance fills `load.tolerance` when none was given.
  const tolerance = load.tolerance ?? defaultTolerance(organization.scale);
  const forms = args.forms.map((f) => readForm(f, organization));
  const result = collectRound(forms, organization, tolerance);
  const applied = applyRound(organization, result);
  const anyUsed = result.forms.some((f) => f.used && f.ratings > 0);
  let written: string | null = null;
  if (args.out && anyUsed) {
    const { serializeProject } = await import('../../renderer/src/engine/formats/projectCodec');
    writeAtomically(args.out, new TextEncoder().encode(serializeProject(projectOut(args, project, applied, result, tolerance))));
    written = args.out;
  }
  const hours = contestedHours(applied);
  const sensitivity = anyUsed ? await sensitivityOf(organization, result, tolerance) : null;
  process.stdout.write(args.json ? JSON.stringify(roundJson(result, hours, written, sensitivity), null, 2) + '\n' : roundText(result, hours, written, sensitivity));
  if (!anyUsed) {
    process.stderr.write(`fairshare: no returned form gave a usable rating${args.out ? `; ${args.out} not written` : ''}\n`);
    return 1;
  }
  return 0;
}
