// The Proposal view in the UI benchmark (issue 15): click → plan painted, click → options curve painted,
// and input latency while the solver runs.
//
// For each size: a fresh browser context imports bench/data/long-<N>.xlsx and waits until the Overview
// has its figures (the workspace is interactive), opens the Proposal tab and
//   1. clicks "Propose balanced jobs" and times until the plan is painted — [data-testid="proposal-results"]
//      in the DOM and [data-testid="proposal-progress"] gone, after the next paint — and then until the
//      options curve is: no [data-testid="proposal-extras"] left (the curve and the learning cost filled
//      in, or the note that the curve is left out). The steps the progress line and then the curve's
//      status showed are timed on the way; the before/after charts' marks are timed too;
//   2. starts a second run and, every `inputEvery` ms for `inputSeconds` s while it runs (the plan or
//      its curve), presses a key in the tolerance field (a digit, then Backspace: real key events
//      through the DevTools protocol, handled by React as a draft, never committed), timed from the key
//      event's timestamp to the next paint after React's update; then clicks Cancel (or, once the plan
//      is painted, the curve's Stop) if the run is still going, timed to the paint without it.
// A run that outlasts `timeoutMs` is cancelled and reported as "> N s".
import { ensureWorkbook } from '../generate-workbook.mjs';
import { median, withTimeout } from './ui-measure.mjs';

/** Issue 15's goals: click → results (the plan) painted, by people; input latency while the solver runs. */
export const PROPOSAL_GOALS_MS = { 200: 2000, 2000: 6000 };
export const TARGET_INPUT_MS = 100;

/**
 * The progress line's texts (renderer/src/features/proposal/ProposalControls.tsx), then the curve's
 * status (ExtrasStatus.tsx), by their start. "care" ends with the plan painted; "curve" starts there.
 */
const STEPS = [
  ['Starting', 'start'],
  ['Finding the exact', 'exact'],
  ['Putting the plan', 'blocks'],
  ['Working out', 'care'],
  ['Still computing', 'curve'],
  ['Weighing', 'learning'],
];
const STEP_KEYS = STEPS.map(([, k]) => k);
const stepOf = (label) => STEPS.find(([p]) => label.startsWith(p))?.[1] ?? label;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const errText = (err) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

/** Start screen → Import… → the workbook → confirm → the Overview's Gini card has its value. */
async function importWorkbook(page, url, file, stepMs) {
  await page.goto(`${url}?empty`, { timeout: stepMs });
  await withTimeout(page.evaluate(() => window.__fsBoot), stepMs, 'app ready');
  const importButton = page.locator('header').filter({ has: page.getByRole('toolbar') }).first().getByRole('button', { name: 'Import…', exact: true });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: stepMs }), importButton.click()]);
  await chooser.setFiles(file);
  await page.getByTestId('wizard-confirm').click({ timeout: stepMs });
  await page.locator('[data-testid="figure-empowerment.gini"][data-value]').waitFor({ timeout: stepMs });
}

/** In the page: clicks `selector` and resolves after the paint in which `until` holds ('controls': Run is enabled; 'stopped': no progress line); ms from the click. */
function clickUntil(page, selector, until, timeoutMs, what) {
  return withTimeout(
    page.evaluate(
      ({ selector, until }) => {
        const tests = {
          controls: () => {
            const b = document.querySelector('[data-testid="proposal-run"]');
            return !!b && !b.disabled;
          },
          stopped: () => !document.querySelector('[data-testid="proposal-progress"], [data-testid="proposal-extras"][data-status="computing"]'),
        };
        const done = window.__fsWatch(`until-${until}`, tests[until]);
        const t0 = performance.now();
        document.querySelector(selector).click();
        return done.then((t) => t - t0);
      },
      { selector, until },
    ),
    timeoutMs,
    what,
  );
}

/** The plan being made, or its curve still being computed. */
const running = (page) => page.evaluate(() => !!document.querySelector('[data-testid="proposal-progress"], [data-testid="proposal-extras"][data-status="computing"]'));

/**
 * The timed run. In the page: arm the watches, click Run, and record each progress text as it changes
 * (window.__fsProposalRun, readable after a timeout). Resolves when the options curve is painted
 * (or left out), with the plan's time as `end` and the curve's as `curve`.
 */
function timedRun(page, timeoutMs) {
  return withTimeout(
    page.evaluate(() => {
      const run = { start: 0, steps: [], end: null, curve: null, curvePoints: 0, charts: null, status: null, error: null };
      window.__fsProposalRun = run;
      const label = () =>
        document.querySelector('[data-testid="proposal-progress"] .proposal-progress-text span')?.textContent ??
        document.querySelector('[data-testid="proposal-extras"][data-status="computing"] [role="status"]')?.textContent?.trim() ??
        null;
      let last = null;
      const mo = new MutationObserver(() => {
        const l = label();
        if (l !== null && l !== last) run.steps.push({ label: (last = l), t: performance.now() - run.start });
      });
      mo.observe(document, { subtree: true, childList: true, characterData: true });
      const finished = () => !document.querySelector('[data-testid="proposal-progress"]') && (!!document.querySelector('[data-testid="proposal-results"]') || !!document.querySelector('.proposal-error'));
      const marks = window.__fsDataMarks;
      const chartsDrawn = () => {
        const cards = [...document.querySelectorAll('[data-testid="before-after-charts"] [data-testid^="chart-"]')];
        return cards.length === 3 && cards.every((c) => c.querySelector('.chart-empty') || c.querySelector(marks));
      };
      const results = window.__fsWatch('proposalResults', finished);
      const curveDone = window.__fsWatch('proposalCurve', () => finished() && !document.querySelector('[data-testid="proposal-extras"]'));
      const charts = window.__fsWatch('proposalCharts', chartsDrawn);
      run.start = performance.now();
      document.querySelector('[data-testid="proposal-run"]').click();
      return results.then(async (end) => {
        run.end = end - run.start;
        const el = document.querySelector('[data-testid="proposal-results"]');
        run.status = el?.getAttribute('data-status') ?? null;
        run.tolerance = Number(el?.getAttribute('data-tolerance') ?? Number.NaN);
        run.error = document.querySelector('.proposal-error')?.textContent ?? null;
        // The charts come with an optimal plan only; give them 30 s after the results.
        const t = await Promise.race([charts, new Promise((r) => setTimeout(() => r(null), run.status === 'optimal' ? 30_000 : 0))]);
        run.charts = t === null ? null : t - run.start;
        run.curve = (await curveDone) - run.start;
        run.curvePoints = document.querySelectorAll('[data-testid="option-point"]').length;
        mo.disconnect();
        return run;
      });
    }),
    timeoutMs,
    'proposal results',
  );
}

/**
 * Per-step durations (ms) from the texts' times: the plan's last step ends with the plan painted (its
 * answer's transfer and React's render included), the curve's with the curve painted.
 */
function stepDurations(steps, end, curveEnd) {
  const out = {};
  steps.forEach((s, i) => {
    const key = stepOf(s.label);
    const next = steps[i + 1]?.t ?? curveEnd ?? end ?? s.t;
    // The plan's steps stop at the plan painted, even when the curve's first text came a frame later.
    const stop = key !== 'curve' && key !== 'learning' && end !== null ? Math.min(next, end) : next;
    out[key] = (out[key] ?? 0) + Math.max(0, stop - s.t);
  });
  return out;
}

/** In the page: a probe on the tolerance field; each key press → { ms, updated, running }. */
function installProbe(page) {
  return page.evaluate(() => {
    const input = document.querySelector('[data-testid="proposal-tolerance"]');
    const probe = { samples: [], eventTiming: [], longTasks: [] };
    window.__fsInputProbe = probe;
    let pending = null;
    input.addEventListener('keydown', (e) => {
      pending = { t0: e.timeStamp, key: e.key, before: input.value, keydownAt: performance.now() - e.timeStamp };
    }, true);
    // At the target, before React's root listener: React's update is flushed before the next frame.
    input.addEventListener('input', () => {
      const p = pending;
      pending = null;
      if (!p) return;
      p.inputAt = performance.now() - p.t0;
      window.__fsAfterPaint(() => {
        p.ms = performance.now() - p.t0;
        p.updated = input.value !== p.before;
        probe.samples.push(p);
      });
    }, true);
    // The browser's own figure (Event Timing API, as INP uses it; 8 ms steps, only events of 16 ms or more).
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.target === input) probe.eventTiming.push({ name: e.name, duration: e.duration });
      }).observe({ type: 'event', durationThreshold: 16 });
    } catch {
      /* no Event Timing */
    }
    // Main-thread tasks of 50 ms or more (what delays a key press), with their start.
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    } catch {
      /* no Long Tasks API */
    }
  });
}

async function latencyRun(page, { inputSeconds, inputEvery, stepMs }) {
  const tolerance = page.getByTestId('proposal-tolerance');
  await tolerance.click({ timeout: stepMs });
  await page.keyboard.press('End');
  await installProbe(page);
  // Start the run without moving the focus from the field (an in-page click on the button).
  await page.evaluate(() => {
    window.__fsInputProbe.started = performance.now();
    document.querySelector('[data-testid="proposal-run"]').click();
  });
  await page.getByTestId('proposal-progress').waitFor({ state: 'attached', timeout: stepMs });
  // When the progress line goes (painted): a key whose event came before it counts as "while the solver
  // runs", also if the page could handle it only after (e.g. while the results are rendered).
  await page.evaluate(() => {
    const probe = window.__fsInputProbe;
    probe.stopped = null;
    window.__fsWatch('runStopped', () => !document.querySelector('[data-testid="proposal-progress"], [data-testid="proposal-extras"][data-status="computing"]')).then((t) => (probe.stopped = t));
  });
  const until = Date.now() + inputSeconds * 1000;
  let typed = false;
  while (Date.now() < until) {
    const next = Date.now() + inputEvery;
    await page.keyboard.press(typed ? 'Backspace' : '5');
    typed = !typed;
    if (!(await running(page))) break;
    await sleep(Math.max(0, next - Date.now()));
  }
  if (typed) await page.keyboard.press('Backspace');
  await sleep(100);
  const probe = await page.evaluate(() => window.__fsInputProbe);
  let cancelMs = null;
  let cancelled = null;
  if (await running(page)) {
    // Cancel while the plan is made; once it is painted, the curve's Stop.
    cancelled = (await page.evaluate(() => !!document.querySelector('[data-testid="proposal-progress"]'))) ? 'plan' : 'curve';
    cancelMs = await clickUntil(page, cancelled === 'plan' ? '[data-testid="proposal-cancel"]' : '[data-testid="proposal-extras-stop"]', 'stopped', stepMs, cancelled === 'plan' ? 'Cancel' : 'Stop');
  }
  await page.keyboard.press('Escape');
  const samples = probe.samples.filter((s) => probe.stopped === null || s.t0 < probe.stopped);
  const r1 = (v) => Math.round(v * 10) / 10;
  const worst = samples.reduce((w, s) => (w === null || s.ms > w.ms ? s : w), null);
  const longest = probe.longTasks.filter((t) => t.start >= probe.started).reduce((w, t) => (w === null || t.duration > w.duration ? t : w), null);
  return {
    samples: samples.map((s) => r1(s.ms)),
    // The worst key press: when its keydown handler ran and its input event, ms after the key event.
    worst: worst && { ms: r1(worst.ms), key: worst.key, keydownAt: r1(worst.keydownAt), inputAt: r1(worst.inputAt), atRunMs: r1(worst.t0 - probe.started), runStoppedMs: probe.stopped === null ? null : r1(probe.stopped - probe.started) },
    longestTask: longest && { ms: r1(longest.duration), atRunMs: r1(longest.start - probe.started) },
    longTasks: probe.longTasks.filter((t) => t.start >= probe.started).length,
    notUpdated: samples.filter((s) => !s.updated).length,
    eventTimingWorst: probe.eventTiming.length ? Math.max(...probe.eventTiming.map((e) => e.duration)) : null,
    cancelMs,
    cancelled,
    finished: cancelMs === null,
  };
}

/** One size, one run: a fresh context; the timed run, then the latency run. */
async function proposalRun(ctx, n, file) {
  const { freshPage, url, stepMs, timeoutMs } = ctx;
  const { context, page, errors } = await freshPage();
  const r = { people: n, pageErrors: errors, error: null, timedOut: false };
  try {
    await importWorkbook(page, url, file, stepMs);
    await sleep(ctx.settleMs); // a person's time to find the tab; the workspace's background work settles
    r.tabToControls = await clickUntil(page, '#tab-proposal', 'controls', stepMs, 'Proposal tab');
    try {
      const run = await timedRun(page, timeoutMs);
      Object.assign(r, { clickToResults: run.end, clickToCurve: run.curve, curvePoints: run.curvePoints, clickToCharts: run.charts, status: run.status, tolerance: run.tolerance, runError: run.error, steps: run.steps });
    } catch (err) {
      if (!/no answer within/.test(errText(err))) throw err;
      r.timedOut = true;
      const partial = await page.evaluate(() => ({ steps: window.__fsProposalRun?.steps ?? [], end: window.__fsProposalRun?.end ?? null }));
      r.steps = partial.steps;
      // The plan may have come in time and only its curve not.
      if (partial.end !== null) r.clickToResults = partial.end;
      const planning = await page.evaluate(() => !!document.querySelector('[data-testid="proposal-progress"]'));
      r.cancelAfterTimeout = await clickUntil(page, planning ? '[data-testid="proposal-cancel"]' : '[data-testid="proposal-extras-stop"]', 'stopped', stepMs, planning ? 'Cancel' : 'Stop');
    }
    r.stepMs = stepDurations(r.steps ?? [], r.timedOut ? timeoutMs : r.clickToResults, r.timedOut ? timeoutMs : r.clickToCurve);
    Object.assign(r, { latency: await latencyRun(page, ctx) });
  } catch (err) {
    r.error = errText(err);
  } finally {
    await context.close().catch(() => undefined);
  }
  return r;
}

/**
 * The proposal phase. `freshPage()` gives { context, page, errors } with ui-measure's init script.
 * Returns one row per size: every run, and medians.
 */
export async function proposalBench({ freshPage, url, sizes, runs, timeoutMs, stepMs, inputSeconds = 5, inputEvery = 250, settleMs = 1000 }) {
  const ctx = { freshPage, url, stepMs, timeoutMs, inputSeconds, inputEvery, settleMs };
  const rows = [];
  for (const n of sizes) {
    const wb = ensureWorkbook(n);
    const list = [];
    for (let i = 0; i < runs; i++) {
      const r = await proposalRun(ctx, n, wb.file);
      list.push(r);
      if (r.error) break;
    }
    const med = (f) => median(list.map(f).filter((v) => v !== null && v !== undefined));
    const timedOut = list.some((r) => r.timedOut);
    const samples = list.flatMap((r) => r.latency?.samples ?? []);
    rows.push({
      people: n,
      runs: list,
      error: list.find((r) => r.error)?.error ?? null,
      timedOut,
      goalMs: PROPOSAL_GOALS_MS[n] ?? null,
      median: {
        tabToControls: med((r) => r.tabToControls),
        // A run that timed out counts as the timeout (a lower bound), so the median is never flattered.
        clickToResults: med((r) => (r.timedOut && r.clickToResults == null ? timeoutMs : r.clickToResults)),
        clickToCurve: med((r) => (r.timedOut ? timeoutMs : r.clickToCurve)),
        clickToCharts: med((r) => r.clickToCharts),
        steps: Object.fromEntries(STEP_KEYS.map((k) => [k, med((r) => r.stepMs?.[k])])),
        cancel: med((r) => r.latency?.cancelMs),
      },
      status: [...new Set(list.map((r) => r.status).filter(Boolean))].join(', ') || null,
      curvePoints: Math.max(0, ...list.map((r) => r.curvePoints ?? 0)),
      cancelled: [...new Set(list.map((r) => r.latency?.cancelled).filter(Boolean))].join(', ') || null,
      input: {
        samples: samples.length,
        median: median(samples),
        p90: samples.length ? [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * 0.9))] : null,
        worst: samples.length ? Math.max(...samples) : null,
        notUpdated: list.reduce((s, r) => s + (r.latency?.notUpdated ?? 0), 0),
        eventTimingWorst: list.reduce((w, r) => (r.latency?.eventTimingWorst == null ? w : Math.max(w ?? 0, r.latency.eventTimingWorst)), null),
        worstKey: list.map((r) => r.latency?.worst).filter(Boolean).reduce((w, k) => (w === null || k.ms > w.ms ? k : w), null),
        longestTask: list.map((r) => r.latency?.longestTask).filter(Boolean).reduce((w, t) => (w === null || t.ms > w.ms ? t : w), null),
      },
    });
  }
  return rows;
}

/** Prints the tables; returns verdicts { target, value, ok }. */
export function printProposal(rows, { fmt, timeoutMs, inputSeconds, inputEvery, runs }) {
  const sec = (ms) => (ms === null || ms === undefined ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
  const over = (r, v) => (r.timedOut && v >= timeoutMs ? `> ${Math.round(timeoutMs / 1000)} s` : sec(v));
  console.log(`\nProposal: click → plan painted, click → options curve painted (medians of ${runs} run${runs === 1 ? '' : 's'}; default settings: both dimensions, ½ h blocks)`);
  console.log('people   Proposal tab   click→plan   goal     click→curve   │ starting     exact    blocks      care │     curve  learning │ charts drawn   status');
  for (const r of rows) {
    const m = r.median;
    const s = m.steps;
    const curve = r.curvePoints ? `${over(r, m.clickToCurve)}` : `${over(r, m.clickToCurve)} (left out)`;
    console.log(
      `${String(r.people).padStart(6)}   ${sec(m.tabToControls).padStart(12)}   ${over(r, m.clickToResults).padStart(10)}   ${(r.goalMs ? `< ${r.goalMs / 1000} s` : '').padEnd(6)}   ${curve.padStart(11)}   │ ${[s.start, s.exact, s.blocks, s.care].map((v) => sec(v).padStart(8)).join('  ')} │ ${[s.curve, s.learning].map((v) => sec(v).padStart(8)).join('  ')} │ ${sec(m.clickToCharts).padStart(12)}   ${r.status ?? '—'}` +
        (r.error ? `   FAILED: ${r.error}` : ''),
    );
    const errs = r.runs.flatMap((x) => x.pageErrors);
    if (errs.length) console.log(`        page errors: ${[...new Set(errs)].slice(0, 3).join(' | ')}`);
  }
  console.log('  the steps as the progress line showed them (starting: until the worker\'s first step; care ends with the plan painted, the answer\'s transfer and React\'s render included),');
  console.log('  then as the curve\'s status showed them (curve: the options curve; learning: the learning cost, ending with both painted). "left out": no curve (its note says why).');
  console.log(`\nInput latency while the solver runs (a key in the tolerance field every ${inputEvery} ms for up to ${inputSeconds} s of a second run; key event → next paint)`);
  console.log('people   samples   median    p90     worst    Event Timing worst   longest task   Cancel→stopped (of)');
  for (const r of rows) {
    const i = r.input;
    console.log(
      `${String(r.people).padStart(6)}   ${String(i.samples).padStart(7)}   ${fmt(i.median).padStart(6)}   ${fmt(i.p90).padStart(6)}   ${fmt(i.worst).padStart(6)}   ${(i.eventTimingWorst === null ? '< 16 ms' : fmt(i.eventTimingWorst)).padStart(18)}   ${fmt(i.longestTask?.ms).padStart(12)}   ${(r.median.cancel === null ? 'finished' : `${fmt(r.median.cancel)} (${r.cancelled ?? '—'})`).padStart(14)}` +
        (i.notUpdated ? `   (${i.notUpdated} key presses not shown)` : ''),
    );
    const w = i.worstKey;
    if (w && w.ms >= TARGET_INPUT_MS)
      console.log(`        worst key: pressed ${sec(w.atRunMs)} into the run${w.runStoppedMs === null ? '' : ` (results painted at ${sec(w.runStoppedMs)})`}, its keydown handled after ${fmt(w.keydownAt)}, its input after ${fmt(w.inputAt)}`);
  }
  console.log('  Event Timing: the browser\'s own duration of the slowest key event (keydown, keypress, input or keyup; to the frame\'s presentation, 8 ms steps, only ≥ 16 ms);');
  console.log('  longest task: the longest main-thread task of the runs sampled (Long Tasks API, ≥ 50 ms), keys or not.');
  const verdicts = [];
  for (const r of rows) {
    if (!r.goalMs) continue;
    const v = r.median.clickToResults;
    const ok = v !== null && v < r.goalMs;
    verdicts.push({ target: `proposal click → plan painted < ${r.goalMs / 1000} s at ${r.people} people`, value: v, timedOut: r.timedOut, ok });
  }
  const all = rows.flatMap((r) => r.runs.flatMap((x) => x.latency?.samples ?? []));
  const worst = all.length ? Math.max(...all) : null;
  verdicts.push({ target: `input latency while the solver runs < ${TARGET_INPUT_MS} ms (worst of ${all.length})`, value: worst, ok: worst !== null && worst < TARGET_INPUT_MS });
  return verdicts;
}
