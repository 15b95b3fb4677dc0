// Shorthands for the suggested-rating tests: the library's suggestion for a task name, and the labels of the entries that count for it.
import { matchTaskLibrary, suggestRating } from '../../renderer/src/engine/rating/suggest';

/** The suggestion for a name, failing the test when the library has none. */
export function rated(name: string) {
  const s = suggestRating(name);
  if (!s) throw new Error(`no suggestion for "${name}"`);
  return s;
}

/** Labels of the entries that count for a name. */
export const usedLabels = (name: string) => matchTaskLibrary(name).filter((m) => m.status === 'used').map((m) => m.entry.label);
