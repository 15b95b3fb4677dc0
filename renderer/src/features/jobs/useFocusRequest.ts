/** Moves the focus to the row of a person opened from another view, once the Jobs table has drawn it. */
import { useEffect } from 'react';
import { jobsUi, useJobsUi } from './jobsUi';

/** How often and how long to look for the row, in ms: a long table draws it after scrolling its window to it. */
const RETRY_MS = 25;
const GIVE_UP_MS = 2000;

export function useFocusRequest(): void {
  const request = useJobsUi((s) => s.focusRequest);
  useEffect(() => {
    if (request === null) return;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Timers, not animation frames: a hidden or headless page may issue no frames at all.
    const attempt = () => {
      const row = document.querySelector<HTMLElement>('[data-testid="jobs-table"] tr[aria-selected="true"]');
      if (row) {
        row.scrollIntoView?.({ block: 'nearest' });
        row.focus({ preventScroll: true });
      }
      if (row || Date.now() - started >= GIVE_UP_MS) jobsUi.set({ focusRequest: null });
      else timer = setTimeout(attempt, RETRY_MS);
    };
    attempt();
    return () => clearTimeout(timer);
  }, [request]);
}
