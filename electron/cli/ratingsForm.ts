/**
 * `fairshare ratings form`: one rating form workbook per member (or numbered anonymous forms) for
 * a rating round (issue 17), written into a folder. Exit 0 when written, 1 when the input or the
 * folder is unusable, 2 when the request makes no round (both or neither of raters and count…).
 */
import { formFileName, safeFilePart } from '../../renderer/src/engine/ratingRound/formFiles';
import { mkdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { formRequestProblem, FormRoundError, makeFormRound } from '../../renderer/src/engine/ratingRound/formSpecs';
import { writeRatingForm } from '../../renderer/src/engine/formats/ratingFormWorkbook';
import { loadOrganization, today, Unusable, writeAtomically } from './io';
import type { RatingsFormArgs as ParsedFormArgs } from './ratingsArgs';

/** What `ratings form` needs: the parsed command line without its command tag. */
export type RatingsFormArgs = Omit<ParsedFormArgs, 'command'>;

/** Splits --raters "Ann Lee; Bob" into names; empty entries ("Ann;;Bob", a trailing ";") are dropped. */
export function splitRaters(text: string): string[] {
  return text.split(';').map((s) => s.trim()).filter((s) => s !== '');
}

/** Why these arguments make no round (for args.ts to throw as a UsageError), or null. */
export function ratingsFormProblem(args: Pick<RatingsFormArgs, 'raters' | 'count'>): string | null {
  const problem = formRequestProblem(args.raters, args.count);
  return problem && `ratings form: ${problem.replace('named raters', '--raters').replace('a count of anonymous forms', '--count N')}`;
}

export { formFileName, safeFilePart };

/** The output folder, created when missing; refused when it is a file. */
function prepareFolder(out: string): void {
  let isDir: boolean | null = null;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    // missing: made below
  }
  if (isDir === false) throw new Unusable(`--out ${out} is a file: give a folder for the forms`);
  if (isDir === null) {
    try {
      mkdirSync(out, { recursive: true });
    } catch (err) {
      throw new Unusable(`cannot make the folder ${out}: ${(err as Error).message}`);
    }
  }
}

export async function ratingsForm(args: RatingsFormArgs): Promise<number> {
  const problem = ratingsFormProblem(args);
  if (problem) {
    process.stderr.write(`fairshare: ${problem}\n`);
    return 2;
  }
  const { organization, projectName } = await loadOrganization({ file: args.file, noSuggest: args.noSuggest });
  // The project's own name, else the file's name without its extension.
  const project = projectName?.trim() || basename(args.file, extname(args.file));
  let round;
  try {
    round = makeFormRound(organization, { project, raters: args.raters, count: args.count, factors: args.factors, created: today() });
  } catch (err) {
    if (err instanceof FormRoundError) throw new Unusable(`${args.file}: ${err.message}`);
    throw err;
  }
  prepareFolder(args.out);
  const lines: string[] = [];
  for (const form of round.forms) {
    const name = formFileName(form);
    writeAtomically(join(args.out, name), writeRatingForm(form));
    const own = form.tasks.filter((t) => t.ownHours !== null).length;
    const who = form.rater === null ? `anonymous form ${form.raterNumber}` : `${form.rater}${own ? `, ${own} own task${own === 1 ? '' : 's'} first` : ''}`;
    lines.push(`${name}  ${form.formId}  ${who}`);
  }
  for (const note of round.notes) process.stderr.write(`fairshare: warning: ${note}\n`);
  const first = round.forms[0];
  const factors = first.factors.length ? `, ${first.factors.length} factors` : '';
  lines.push('', `Wrote ${round.forms.length} form${round.forms.length === 1 ? '' : 's'} (${first.tasks.length} tasks, scale ${first.scale.min}-${first.scale.max}${factors}) to ${args.out}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
