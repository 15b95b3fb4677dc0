// A table header that shows a short form (E, D) in narrow windows while screen readers, and the header's tooltip, keep the word.
import type { ReactNode } from 'react';

export function shortHeader(word: string, short: string, narrow: boolean): ReactNode {
  return narrow ? <><span aria-hidden="true">{short}</span><span className="visually-hidden">{word}</span></> : word;
}
