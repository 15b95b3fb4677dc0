/**
 * The Merger view's state (issue 16): the organizations added to the open one, the names they go
 * by, and a person's word on the task matches (accepted, rejected, matched by hand, done once with
 * its hours), laid over what the engine finds with applyReviewed. The merger itself is derived
 * (mergerFigures.ts); only these choices are kept. A new project starts a new merger.
 */
import type { Organization } from '../engine/model/types';
import type { PooledOrganization, TaskMatch } from '../engine/merge/types';
import { normalizeTaskName } from '../engine/merge/match';
import { compareNames, prepareName } from '../engine/merge/variant';
import { Store, useStore } from './store';
import { store as workspace } from './workspaceStore';
import { onOtherProject } from './projectChange';

/** An organization added to the merger: read from a spreadsheet, a project or the bundled partner sample. */
export interface Partner {
  /** Stable key for the list (names can be edited). */
  key: string;
  /** As its people know it; unique among the merger's organizations, carried by its people as `organization`. */
  name: string;
  /** The file it came from (for messages). */
  file: string;
  organization: Organization;
}

/** What "Use the merged organization" put in the workspace, so the view still shows the merger it came from. */
export interface AppliedMerger {
  /** The open organization before the merger (the first source). */
  base: Organization;
  pooled: PooledOrganization;
}

export interface MergerState {
  partners: Partner[];
  /** The open organization's name in the merger; null = the project's name. */
  openName: string | null;
  /** A person's word on matches (applyReviewed's `reviewed`): the last entry for a pair counts. */
  reviewed: TaskMatch[];
  /** The label of an organization being read, or null. */
  adding: string | null;
  error: string | null;
  applied: AppliedMerger | null;
}

const initial: MergerState = { partners: [], openName: null, reviewed: [], adding: null, error: null, applied: null };

export const mergerStore = new Store<MergerState>(initial);

export function useMerger<T>(select: (s: MergerState) => T): T {
  return useStore(mergerStore, select);
}

export function resetMerger(): void {
  mergerStore.set(initial);
}

/** A pair of tasks, whichever way round and however spelled (as applyReviewed matches them). */
export function pairKey(m: Pick<TaskMatch, 'a' | 'b' | 'organizationA' | 'organizationB'>): string {
  const a = `${m.organizationA}\u0000${normalizeTaskName(m.a)}`;
  const b = `${m.organizationB}\u0000${normalizeTaskName(m.b)}`;
  return a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`;
}

/** The reviewed list with `entry` as the word on its pair (earlier entries for the pair dropped). */
export function withWord(reviewed: readonly TaskMatch[], entry: TaskMatch): TaskMatch[] {
  const key = pairKey(entry);
  return [...reviewed.filter((r) => pairKey(r) !== key), entry];
}

/** The reviewed list without a word on `match`'s pair: the found status stands again (a hand match goes). */
export function withoutWord(reviewed: readonly TaskMatch[], match: TaskMatch): TaskMatch[] {
  const key = pairKey(match);
  return reviewed.filter((r) => pairKey(r) !== key);
}

/** Accepts or rejects a match shown in the table (its done-once choice kept). */
export function decide(match: TaskMatch, status: 'accepted' | 'rejected'): void {
  mergerStore.set((s) => ({ reviewed: withWord(s.reviewed, { ...match, status }) }));
}

/** Takes back the word on a match: it returns to what the engine found, or goes if matched by hand. */
export function undecide(match: TaskMatch): void {
  mergerStore.set((s) => ({ reviewed: withoutWord(s.reviewed, match) }));
}

/**
 * Marks a pooled (auto or accepted) match done once, with its weekly hours (undefined = the larger
 * of the organizations' totals), or not. The status shown stays: an auto match keeps 'auto'.
 */
export function setDoneOnce(match: TaskMatch, doneOnce: boolean, hours?: number): void {
  if (match.status !== 'auto' && match.status !== 'accepted') return;
  if (hours !== undefined && !(Number.isFinite(hours) && hours >= 0)) return;
  const { doneOnce: _d, hours: _h, ...rest } = match;
  const entry: TaskMatch = { ...rest, ...(doneOnce ? { doneOnce: true, ...(hours !== undefined ? { hours } : {}) } : { doneOnce: false }) };
  mergerStore.set((s) => ({ reviewed: withWord(s.reviewed, entry) }));
}

/** A match made by hand between a task of the open organization and one of an added organization. */
export function handMatch(a: { organization: string; task: string }, b: { organization: string; task: string }): void {
  const score = compareNames(prepareName(a.task), prepareName(b.task))?.score ?? 0;
  const entry: TaskMatch = { a: a.task, b: b.task, organizationA: a.organization, organizationB: b.organization, score, status: 'accepted', reason: 'matched by hand' };
  mergerStore.set((s) => ({ reviewed: withWord(s.reviewed, entry) }));
}

/** Longest organization name accepted, in characters. */
export const MAX_ORGANIZATION_NAME = 100;

/** The problem with `name` for the organization now called `current`, among `names` (all the merger's names), or null. */
export function nameError(name: string, current: string, names: readonly string[]): string | null {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return 'An organization needs a name.';
  if (clean.length > MAX_ORGANIZATION_NAME) return `A name must be at most ${MAX_ORGANIZATION_NAME} characters.`;
  if (names.some((n) => n !== current && n.toLowerCase() === clean.toLowerCase())) return `Another organization is called “${clean}”.`;
  return null;
}

/** `name` made unique among `taken` ("Eastside (2)"), compared without case. */
export function uniqueName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) if (!lower.has(`${name} (${i})`.toLowerCase())) return `${name} (${i})`;
}

/** The reviewed list with an organization renamed (its pairs keep their word). */
export function renamedIn(reviewed: readonly TaskMatch[], from: string, to: string): TaskMatch[] {
  return reviewed.map((r) => ({ ...r, organizationA: r.organizationA === from ? to : r.organizationA, organizationB: r.organizationB === from ? to : r.organizationB }));
}

/** The open organization's name in the merger. */
export function openNameOf(s: Pick<MergerState, 'openName'>, projectName: string): string {
  return s.openName ?? projectName;
}

/** Renames the open organization (key null) or an added one; returns the problem, or null when done. */
export function renameOrganization(key: string | null, name: string): string | null {
  const s = mergerStore.get();
  const projectName = workspace.get().project?.name ?? '';
  const open = openNameOf(s, projectName);
  const current = key === null ? open : s.partners.find((p) => p.key === key)?.name;
  if (current === undefined) return null;
  const names = [open, ...s.partners.map((p) => p.name)];
  const error = nameError(name, current, names);
  if (error) return error;
  const clean = name.replace(/\s+/g, ' ').trim();
  mergerStore.set({
    openName: key === null ? clean : s.openName,
    partners: key === null ? s.partners : s.partners.map((p) => (p.key === key ? { ...p, name: clean } : p)),
    reviewed: renamedIn(s.reviewed, current, clean),
  });
  return null;
}

/** Takes an added organization out of the merger, with the words on its matches. */
export function removePartner(key: string): void {
  const s = mergerStore.get();
  const gone = s.partners.find((p) => p.key === key);
  if (!gone) return;
  mergerStore.set({ partners: s.partners.filter((p) => p !== gone), reviewed: s.reviewed.filter((r) => r.organizationA !== gone.name && r.organizationB !== gone.name) });
}

let serial = 0;

/** Adds an organization read from `file` under a name unique in the merger; returns its key. */
export function addPartner(name: string, file: string, organization: Organization): string {
  const s = mergerStore.get();
  const taken = [openNameOf(s, workspace.get().project?.name ?? ''), ...s.partners.map((p) => p.name)];
  const key = `partner-${++serial}`;
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_ORGANIZATION_NAME) || 'Partner';
  mergerStore.set({ partners: [...s.partners, { key, name: uniqueName(clean, taken), file, organization }], error: null });
  return key;
}

/** Another project opened or imported drops this; edits keep it. */
onOtherProject(resetMerger);
