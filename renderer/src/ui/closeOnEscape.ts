/** The keydown handler of a panel or small form that Escape closes. */
import type { KeyboardEvent } from 'react';

/**
 * Closes on Escape and keeps the key there, so an enclosing dialog or panel stays open; a key a
 * control inside already handled (an input reverting its edit) closes nothing.
 */
export function closeOnEscape(close: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
  };
}
