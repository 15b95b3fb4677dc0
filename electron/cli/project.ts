/**
 * `.fairshare` projects as CLI input (DESIGN.md §4): the saved organization with its ratings and
 * settings, read with the app's own validating codec, never as a spreadsheet.
 */
import { PROJECT_EXTENSION, type Project } from '../../renderer/src/engine/formats/projectFile';
import type { ImportResult } from '../../renderer/src/engine/import/types';
import type { Organization } from '../../renderer/src/engine/model/types';

/** Why the input is not usable as a project: one line for stderr (exit 1). */
export class BadProject extends Error {}

function hasProjectExtension(file: string): boolean {
  return file.toLowerCase().endsWith(`.${PROJECT_EXTENSION}`);
}

/** A JSON object at the start, after an optional BOM and white space: no spreadsheet format begins so. */
function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b;
}

/**
 * The project in `bytes`, or null when the input is not one (and should be read as a spreadsheet).
 * Named `.fairshare`, it must be a valid project; otherwise only a JSON text that parses as a
 * project counts as one. Throws BadProject with the codec's message (which never echoes values).
 */
export async function readProject(file: string, bytes: Uint8Array): Promise<Project | null> {
  const named = hasProjectExtension(file);
  if (!named && !looksLikeJson(bytes)) return null;
  // Loaded only for projects: the codec brings zod, whose start-up a spreadsheet audit need not pay.
  const { parseProject } = await import('../../renderer/src/engine/formats/projectCodec');
  const parsed = parseProject(new TextDecoder('utf-8').decode(bytes));
  if (parsed.ok) return parsed.project;
  if (named) throw new BadProject(`${file}: ${parsed.error}`);
  return null;
}

/** The saved organization, without its suggested ratings when the user asked for none. */
export function projectOrganization(project: Project, noSuggest: boolean): Organization {
  const org = project.organization;
  if (!noSuggest) return org;
  return {
    ...org,
    tasks: org.tasks.map((t) => (t.source === 'suggested' ? { ...t, empowerment: null, desirability: null, source: 'unrated', reason: null } : t)),
  };
}

/**
 * What the audit shows beside a project's organization: a project keeps no import issues or
 * layout (the app shows those only right after an import), so there are none to report.
 */
export function projectImportResult(organization: Organization): ImportResult {
  return { organization, fatal: null, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, format: PROJECT_EXTENSION };
}
