/**
 * Where keyboard focus goes once the import wizard closes: the changes panel's heading after a
 * re-import, the Overview's heading after a new import. Without it focus went back to the button
 * that opened the wizard, or to the page body when that button had gone (the start screen's).
 */

/** How long to wait for the view to render (the Overview's code may still be loading). */
const WAIT_MS = 5_000;

/** The Overview's heading once its figures are shown (the heading while the audit computes is replaced). */
export const OVERVIEW_HEADING = '.overview .view-title #overview-title';

export function focusAfterImport(selector: string): void {
  const started = performance.now();
  const step = () => {
    // The wizard's own clean-up gives focus back to where it was; this runs after it has gone.
    const wizardOpen = document.querySelector('[data-testid="import-wizard"]') !== null;
    const target = document.querySelector<HTMLElement>(selector);
    if (!wizardOpen && target) {
      // A heading is not focusable by default; -1 takes it out of the Tab order all the same.
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
      return;
    }
    if (performance.now() - started < WAIT_MS) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
