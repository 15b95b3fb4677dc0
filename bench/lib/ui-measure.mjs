// In-page timing for the UI benchmark. An init script (injected before the app's own scripts,
// through the DevTools protocol, so the page's CSP does not apply) defines
//
//   window.__fsWatch(name, test) → Promise<ms>   resolves when test() first holds, after the next paint
//   window.__fsMarks                              every resolved mark, in ms since navigation start
//
// "After the next paint" is the usual approximation: the DOM change is seen by a MutationObserver,
// then a requestAnimationFrame callback (the frame that will paint it) posts a MessageChannel message,
// which runs once that frame has been produced. Times are performance.now(), i.e. milliseconds since
// the navigation started (performance.timeOrigin), so they include page load.

export const CHART_IDS = ['job-map', 'ranked-jobs', 'lorenz', 'theil', 'low-desirability', 'pay-vs-e'];

/** Runs in the page (serialized by Playwright's addInitScript). */
export function pageInit(chartIds) {
  const DATA_MARKS = '.point-cloud > *, .recharts-scatter-symbol, .recharts-bar-rectangle, .recharts-area-area, .recharts-line-curve';
  const marks = {};
  Object.defineProperty(window, '__fsMarks', { value: marks });
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb();
    ch.port2.postMessage(0);
  });
  const watch = (name, test) =>
    new Promise((resolve) => {
      const done = () => afterPaint(() => resolve((marks[name] = performance.now())));
      let ok = false;
      try {
        ok = test();
      } catch {
        ok = false;
      }
      if (ok) return done();
      const mo = new MutationObserver(() => {
        let hit = false;
        try {
          hit = test();
        } catch {
          hit = false;
        }
        if (hit) {
          mo.disconnect();
          done();
        }
      });
      mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  const byText = (selector, text) => [...document.querySelectorAll(selector)].find((el) => el.textContent.trim() === text) ?? null;
  const conditions = {
    appReady: () => byText('header button', 'Import…') !== null,
    wizardShown: () => {
      const b = document.querySelector('[role="dialog"] [data-testid="wizard-confirm"]');
      return !!b && !b.disabled;
    },
    overviewShown: () => !!document.querySelector('[data-testid="figure-empowerment.gini"][data-value]'),
    jobsRows: () => !!document.querySelector('[data-testid="jobs-table"] [data-testid^="job-row-"]'),
    // Every chart card has drawn its data marks (recharts points, bars, areas, lines, or the job map's
    // own point layer), or shows its "nothing to draw" explanation instead (e.g. no pay in the file).
    chartsDrawn: () =>
      chartIds.every((id) => {
        const c = document.querySelector(`[data-testid="chart-${id}"]`);
        if (!c) return false;
        if (c.querySelector('.chart-empty')) return true;
        return c.querySelector(DATA_MARKS) !== null;
      }),
  };
  Object.defineProperty(window, '__fsWatch', { value: (name, test) => watch(name, typeof test === 'function' ? test : conditions[test ?? name]) });
  Object.defineProperty(window, '__fsClick', {
    value: (selectorOrTab) => {
      const el = selectorOrTab.startsWith('tab:') ? byText('[role="tab"]', selectorOrTab.slice(4)) : document.querySelector(selectorOrTab);
      if (!el) throw new Error(`nothing to click: ${selectorOrTab}`);
      el.click();
    },
  });
  // For other benchmark files (bench/lib/ui-proposal.mjs): the same "after the next paint" and chart marks.
  Object.defineProperty(window, '__fsAfterPaint', { value: afterPaint });
  Object.defineProperty(window, '__fsDataMarks', { value: DATA_MARKS });
  // The first paint of the toolbar is known only from the start.
  Object.defineProperty(window, '__fsBoot', { value: watch('appReady', conditions.appReady) });
}

/** Awaits a promise with a time limit (page.evaluate itself has none). */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

/** Arms a watch, performs a click in the same task (no driver latency in between), resolves to { start, end }. */
export async function clickAndWatch(page, { click, watch, mark }, timeoutMs) {
  return withTimeout(
    page.evaluate(
      ({ click, watch, mark }) => {
        const start = (window.__fsMarks[mark] = performance.now());
        const done = window.__fsWatch(watch);
        window.__fsClick(click);
        return done.then((end) => ({ start, end }));
      },
      { click, watch, mark },
    ),
    timeoutMs,
    `${watch} after clicking ${click}`,
  );
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
