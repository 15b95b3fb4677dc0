/**
 * The Rating round view's actions that reach outside it (issue 17): the forms written and saved as
 * one .zip (one save dialog; a download in web mode), returned forms read (picked, chosen several at
 * once in web mode, or dropped), the medians used and a contested task decided, each one undo step.
 */
import { decideTask, type Decision } from '../engine/ratingRound/decide';
import { FormRoundError, makeFormRound, MAX_FORMS } from '../engine/ratingRound/formSpecs';
import type { RoundResult } from '../engine/ratingRound/result';
import type { ReadForm } from '../engine/ratingRound/types';
import { desktop } from '../platform/desktop';
import { addForms, ratersOf, ratingRoundStore } from './ratingRound';
import { formFileName, localDate, medianOutcome, zipName } from './ratingRoundFigures';
import { commit, store as workspace } from './workspaceStore';

/** The largest returned form read (a filled form is tens of kilobytes; the workbook reader's own limit is far above). */
export const MAX_FORM_BYTES = 16 * 1_048_576;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Lets the page paint between forms: a round of 200 members is written on the main thread. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Writes the round's forms (one per rater, or the anonymous count) into one .zip and saves it. */
export async function makeForms(): Promise<void> {
  const { project } = workspace.get();
  const s = ratingRoundStore.get();
  if (!project || s.busy) return;
  const org = project.organization;
  const created = localDate();
  let round: ReturnType<typeof makeFormRound>;
  try {
    round = makeFormRound(org, { project: project.name, ...(s.named ? { raters: ratersOf(s, org) } : { count: s.count }), factors: s.factors, created });
  } catch (err) {
    if (!(err instanceof FormRoundError)) throw err;
    ratingRoundStore.set({ error: `No forms made: ${err.message}.`, status: null, at: 'make' });
    return;
  }
  try {
    ratingRoundStore.set({ busy: `Writing ${round.forms.length} forms…`, error: null, status: null, at: 'make' });
    const [{ writeRatingForm }, { zipSync }] = await Promise.all([import('../engine/formats/ratingFormWorkbook'), import('fflate')]);
    const files: Record<string, Uint8Array> = {};
    for (const [i, spec] of round.forms.entries()) {
      files[formFileName(spec)] = writeRatingForm(spec);
      if (i % 10 === 9) {
        ratingRoundStore.set({ busy: `Writing forms… ${i + 1} of ${round.forms.length}` });
        await breathe();
      }
    }
    // The workbooks are compressed already: stored as they are.
    const bytes = zipSync(files, { level: 0 });
    const name = await desktop().exportFile({ bytes, suggestedName: zipName(project.name, created), format: 'zip' });
    const notes = round.notes.length ? ` Note: ${round.notes.join('; ')}.` : '';
    ratingRoundStore.set({ busy: null, status: name ? `Saved ${round.forms.length} forms in ${name}.${notes}` : null });
  } catch (err) {
    ratingRoundStore.set({ busy: null, error: `The forms could not be saved: ${message(err)}` });
  }
}

/** A file to read as a returned form: its name and a way to get its bytes (undefined size: unknown until read). */
export interface FormFile {
  name: string;
  size?: number;
  bytes: () => Promise<Uint8Array>;
}

/** Reads returned forms against the open project's tasks and scale; every file gives a ReadForm, unreadable ones one error. */
export async function readForms(files: readonly FormFile[]): Promise<void> {
  const { project } = workspace.get();
  if (!project || files.length === 0 || ratingRoundStore.get().busy) return;
  const org = project.organization;
  const taken = files.slice(0, MAX_FORMS);
  ratingRoundStore.set({ busy: `Reading ${taken.length === 1 ? taken[0].name : `${taken.length} forms`}…`, error: null, status: null, at: 'import' });
  try {
    const { readReturnedForm, unreadableForm } = await import('../engine/formats/returnedForm');
    const read: ReadForm[] = [];
    for (const file of taken) {
      if (file.size !== undefined && file.size > MAX_FORM_BYTES) {
        read.push(unreadableForm(file.name, `${file.name} is ${Math.round(file.size / 1_048_576)} MB, larger than any rating form (at most ${MAX_FORM_BYTES / 1_048_576} MB): the form is not used`));
        continue;
      }
      try {
        read.push(readReturnedForm(await file.bytes(), file.name, { tasks: org.tasks, scale: org.scale }));
      } catch (err) {
        read.push(unreadableForm(file.name, `${file.name} could not be read: ${message(err)}; the form is not used`));
      }
      await breathe();
    }
    addForms(read);
    const skipped = files.length - taken.length;
    const used = read.filter((f) => f.formId !== null).length;
    ratingRoundStore.set({
      busy: null,
      status: `Read ${read.length === 1 ? read[0].file : `${read.length} files`}: ${used} ${used === 1 ? 'form' : 'forms'} with ratings to use.${skipped ? ` ${skipped} more files were not read (at most ${MAX_FORMS} at once).` : ''}`,
    });
  } catch (err) {
    ratingRoundStore.set({ busy: null, error: `The forms could not be read: ${message(err)}` });
  }
}

/** Files chosen in a file input or dropped, read in the page. */
export function readBrowserFiles(files: readonly File[]): Promise<void> {
  return readForms(files.map((f) => ({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) })));
}

/** The desktop's spreadsheet picker (one file per pick; picking again adds to the forms read). */
export async function pickForm(): Promise<void> {
  try {
    const doc = await desktop().importSpreadsheet();
    if (!doc) return;
    await readForms([{ name: doc.name, bytes: () => desktop().readDocument(doc.handle) }]);
  } catch (err) {
    ratingRoundStore.set({ busy: null, error: message(err), at: 'import' });
  }
}

/** Files dropped on the returned forms' area: main issues a handle for each it opens (a spreadsheet); the others are named as refused. */
export async function dropForms(files: readonly File[]): Promise<void> {
  const picked: FormFile[] = [];
  const refused: string[] = [];
  for (const file of files) {
    const doc = await desktop().openDroppedFile(file).catch(() => null);
    if (doc && doc.kind === 'spreadsheet') picked.push({ name: doc.name, size: file.size, bytes: () => desktop().readDocument(doc.handle) });
    else refused.push(file.name);
  }
  await readForms(picked);
  if (refused.length) ratingRoundStore.set({ error: `Not a spreadsheet, not read: ${refused.join(', ')}`, at: 'import' });
}

/** The round's medians become the tasks' ratings (source 'members'), one undo step; tasks the group decided keep their decision. */
export function useMedians(result: RoundResult): void {
  const { project } = workspace.get();
  if (!project) return;
  const { organization, overrides, kept, rated } = medianOutcome(project.organization, result, project.ratingsOverrides);
  if (rated === 0) {
    ratingRoundStore.set({ error: 'No task has a rating in the forms read: nothing to use.', status: null, at: 'decide' });
    return;
  }
  commit({ ...project, organization, ratingsOverrides: overrides });
  const keptText = kept.length ? ` ${kept.length === 1 ? `${kept[0]} keeps` : `${kept.length} tasks keep`} the value the group decided.` : '';
  ratingRoundStore.set({ error: null, at: 'decide', status: `The members’ medians are now the ratings of ${rated} ${rated === 1 ? 'task' : 'tasks'} (Undo takes them back).${keptText}` });
}

/**
 * The group's decision on a contested task (points of the scale, a required note): source 'council',
 * one undo step, the decided values kept as overrides for a re-import. The round found the task
 * contested, so it is marked so (decideTask keeps the flag it has; a task decided before the medians
 * were used has none yet) and the audit counts its hours as resting on contested ratings.
 * Returns the message to show beside the form when the decision is refused, else null.
 */
export function decide(taskId: string, values: Decision, note: string): string | null {
  const { project } = workspace.get();
  if (!project) return 'No project is open.';
  let organization;
  try {
    organization = decideTask(project.organization, taskId, values, note);
  } catch (err) {
    if (err instanceof RangeError) return err.message;
    throw err;
  }
  organization = { ...organization, tasks: organization.tasks.map((t) => (t.id === taskId ? { ...t, contested: true } : t)) };
  const task = organization.tasks.find((t) => t.id === taskId)!;
  const override = { ...project.ratingsOverrides?.[taskId], council: note.trim(), contested: true };
  if (values.empowerment !== undefined && task.empowerment !== null) override.empowerment = task.empowerment;
  if (values.desirability !== undefined && task.desirability !== null) override.desirability = task.desirability;
  commit({ ...project, organization, ratingsOverrides: { ...project.ratingsOverrides, [taskId]: override } });
  ratingRoundStore.set({ deciding: null, error: null, at: 'decide', status: `The group’s decision on ${task.name} is its rating now (source council; Undo takes it back).` });
  return null;
}
