/**
 * How many lines a text takes wrapped in a cell of a given width (in characters of the column
 * width, the width of a digit): written row heights come from this, since a row height written
 * into the file is what Excel shows (it does not grow a row to fit wrapped text on opening).
 */

/** Points one line of the 12-point default font takes, and the padding of a row. */
export const LINE_POINTS = 15.5;
export const ROW_PADDING = 2;

/** Lines a wrapped prose text takes in a cell `width` characters wide (proportional text runs narrower than the width's digits). */
export function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil((para.length * 0.8) / Math.max(1, width))), 0);
}

/** Lines a short text (a header, a task name) takes wrapped word by word in `width` characters; a longer word breaks. */
export function wordLines(text: string, width: number): number {
  let total = 0;
  for (const para of text.split('\n')) {
    let lines = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = used === 0 ? word.length : used + 1 + word.length;
      if (next <= width) {
        used = next;
        continue;
      }
      const pieces = Math.ceil(word.length / width);
      lines += (used > 0 ? 1 : 0) + pieces - 1;
      used = word.length - (pieces - 1) * width;
    }
    total += lines;
  }
  return total;
}

/** The tallest row Excel accepts, in points. */
export const MAX_ROW_POINTS = 409;

/** Height in points of a row of `lines` lines of `size`-point text (at most Excel's 409). */
export function rowPoints(lines: number, size = 12): number {
  return Math.min(MAX_ROW_POINTS, Math.ceil(lines * LINE_POINTS * (size / 12) + ROW_PADDING));
}

/** Characters in the longer line of a head wrapped over two lines as evenly as its words allow. */
export function twoLineLength(text: string): number {
  const words = text.split(/\s+/).filter(Boolean);
  let best = text.length;
  for (let i = 1; i < words.length; i++) best = Math.min(best, Math.max(words.slice(0, i).join(' ').length, words.slice(i).join(' ').length));
  return best;
}
