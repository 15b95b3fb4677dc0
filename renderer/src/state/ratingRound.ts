/**
 * The Rating round view's state (issue 17): who the forms are for (named raters, by default the
 * roster, or a count of anonymous forms, factors or not), the returned forms read so far, the
 * spread filter and the contested task being decided. The round's figures are derived from the
 * forms (ratingRoundFigures.ts); only these choices are kept. A new project starts a new round.
 */
import type { Organization } from '../engine/model/types';
import type { ReadForm } from '../engine/ratingRound/types';
import { Store, useStore } from './store';
import { onOtherProject } from './projectChange';

export type RoundSection = 'make' | 'import' | 'decide';

export interface RatingRoundState {
  /** Named forms (one per rater) or anonymous numbered ones. */
  named: boolean;
  /** The raters' names as edited, one per line; null = everyone in the roster. */
  raters: string[] | null;
  /** Anonymous forms to make. */
  count: number;
  /** Factor columns beside E and D. */
  factors: boolean;
  /** Returned forms read, in the order added (a file added again replaces its earlier reading). */
  forms: ReadForm[];
  /** What is being read or written now, or null. */
  busy: string | null;
  /** The last action's failure (a file that could not be read at all, a save that failed). */
  error: string | null;
  /** What the last action did, for the status line. */
  status: string | null;
  /** The section the last action belongs to: its status and error show there, beside the button used. */
  at: RoundSection;
  /** Show only contested task × dimension rows. */
  contestedOnly: boolean;
  /** The contested task the Decide dialog is open for, or null. */
  deciding: string | null;
}

const initial: RatingRoundState = {
  named: true, raters: null, count: 10, factors: false, forms: [], busy: null, error: null, status: null, at: 'make', contestedOnly: false, deciding: null,
};

export const ratingRoundStore = new Store<RatingRoundState>(initial);

export function useRatingRound<T>(select: (s: RatingRoundState) => T): T {
  return useStore(ratingRoundStore, select);
}

export function resetRatingRound(): void {
  ratingRoundStore.set(initial);
}

/** Everyone in the roster by name, in roster order, each name once (two people may share one). */
export function rosterRaters(org: Organization): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of org.people) {
    const name = p.name.trim();
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** The raters a round goes to: the edited list, else the roster. */
export function ratersOf(s: Pick<RatingRoundState, 'raters'>, org: Organization): string[] {
  return s.raters ?? rosterRaters(org);
}

/** Names typed one per line (or separated by ";"): trimmed, blank lines dropped. */
export function parseRaters(text: string): string[] {
  return text.split(/[\n;]/).map((s) => s.trim()).filter((s) => s !== '');
}

export function setRatersText(text: string): void {
  ratingRoundStore.set({ raters: parseRaters(text) });
}

export function resetRaters(): void {
  ratingRoundStore.set({ raters: null });
}

export function setNamed(named: boolean): void {
  ratingRoundStore.set({ named });
}

export function setCount(count: number): void {
  if (Number.isSafeInteger(count) && count >= 1) ratingRoundStore.set({ count });
}

export function setFactors(factors: boolean): void {
  ratingRoundStore.set({ factors });
}

export function setContestedOnly(contestedOnly: boolean): void {
  ratingRoundStore.set({ contestedOnly });
}

export function openDecide(taskId: string | null): void {
  ratingRoundStore.set({ deciding: taskId });
}

/**
 * The forms with `added` read in: a file of a name already read replaces the earlier reading (the
 * member's corrected form picked again), every other one is appended in the order given.
 */
export function withForms(forms: readonly ReadForm[], added: readonly ReadForm[]): ReadForm[] {
  const out = [...forms];
  for (const f of added) {
    const at = out.findIndex((o) => o.file === f.file);
    if (at >= 0) out[at] = f;
    else out.push(f);
  }
  return out;
}

export function addForms(added: readonly ReadForm[]): void {
  ratingRoundStore.set((s) => ({ forms: withForms(s.forms, added) }));
}

export function removeForm(file: string): void {
  ratingRoundStore.set((s) => ({ forms: s.forms.filter((f) => f.file !== file) }));
}

export function clearForms(): void {
  ratingRoundStore.set({ forms: [], deciding: null, status: null, error: null, at: 'import' });
}

/** Another project opened or imported drops this; edits keep it. */
onOtherProject(resetRatingRound);
