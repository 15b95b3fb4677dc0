/**
 * The CLI's PartReader on node:worker_threads: parts of one large worksheet (sheetSplit, via the
 * engine worker's fastRead) read by SheetJS on the other cores. This file is also the helpers'
 * own entry (bundled as sheet-part.cjs beside the CLI by scripts/build-cli.mjs): loaded in a
 * worker thread started from here, it answers part requests instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ImportLimits } from '../../renderer/src/engine/import/types';
import { readPartRows, type PartJob, type PartReader, type PartRows } from '../../renderer/src/worker/parallelRead';

/** Told to the helper through workerData, so loading this file elsewhere off the main thread does nothing. */
const ROLE = 'fairshare-sheet-part';
/** The helpers' bundle, written beside the CLI's (see scripts/build-cli.mjs). */
export const PART_SCRIPT = 'sheet-part.cjs';
/** Threads reading at once, the main thread's own part included. */
const MAX_THREADS = 4;

interface PartRequest {
  id: number;
  bytes: Uint8Array;
  sheetIndex: number;
  fileName: string;
  limits: ImportLimits;
  firstRow: number;
}
type PartResponse = { id: number; ok: true; part: PartRows } | { id: number; ok: false; message: string };

export interface PartThreads extends PartReader {
  /** Terminates every helper started; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * A reader with one helper fewer than the cores (the main thread reads the first part), at most 3.
 * Helpers are started on the first part asked for, so a small file costs no thread at all; they
 * boot while the main thread reads its own, larger, part. Null on one core.
 * `script` is the helpers' bundle (default: sheet-part.cjs beside this bundle).
 */
export function startPartThreads(options: { cores?: number; script?: string } = {}): PartThreads | null {
  const count = Math.min(MAX_THREADS, options.cores ?? availableParallelism()) - 1;
  const script = options.script ?? join(__dirname, PART_SCRIPT);
  // Without the helpers' bundle (the CLI file copied alone) the main thread would read its part
  // before hearing a helper failed, then the whole file again: read it once, at once.
  if (count < 1 || !existsSync(script)) return null;
  const helpers: Worker[] = [];
  const waiting = new Map<number, { helper: Worker; resolve: (p: PartRows) => void; reject: (e: Error) => void }>();
  let broken: Error | null = null;
  let closed = false;
  let next = 0;

  // A helper that failed (its bundle missing, a crash) answers nothing again: its parts and all
  // later ones are refused, and fastRead reads the file the ordinary way.
  const fail = (err: Error) => {
    broken ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  // Only a helper with a part in hand keeps the process alive: an idle one never delays the exit.
  const settle = (helper: Worker) => {
    if (![...waiting.values()].some((w) => w.helper === helper)) helper.unref();
  };
  const helper = (i: number): Worker => {
    if (helpers[i]) return helpers[i];
    const h = new Worker(script, { workerData: { role: ROLE } });
    h.on('message', (m: PartResponse) => {
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      if (m.ok) w.resolve(m.part);
      else w.reject(new Error(m.message));
      settle(h);
    });
    h.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    h.on('messageerror', (e) => fail(e instanceof Error ? e : new Error('a worksheet helper sent an unreadable answer')));
    h.on('exit', (code) => fail(new Error(`a worksheet helper stopped (exit ${code})`)));
    helpers[i] = h;
    return h;
  };

  return {
    parallelism: count,
    read(bytes, sheetIndex, fileName, limits, firstRow): PartJob {
      if (broken || closed) return { started: Promise.resolve(), rows: Promise.reject(broken ?? new Error('the worksheet helpers are closed')) };
      const id = ++next;
      let h: Worker;
      try {
        h = helper(id % count);
      } catch (err) {
        fail(err as Error);
        return { started: Promise.resolve(), rows: Promise.reject(err as Error) };
      }
      const rows = new Promise<PartRows>((resolve, reject) => {
        waiting.set(id, { helper: h, resolve, reject });
        h.ref();
        // The part's bytes are built for this helper alone: hand them over instead of copying.
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        const request: PartRequest = { id, bytes: whole ? bytes : bytes.slice(), sheetIndex, fileName, limits, firstRow };
        h.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
      });
      // Unlike a nested Web Worker, a Node helper boots and takes its messages on its own thread
      // whether or not this one is busy: the main thread need not wait before reading its part.
      return { started: Promise.resolve(), rows };
    },
    async close() {
      closed = true;
      fail(new Error('the worksheet helpers are closed'));
      await Promise.all(helpers.map((h) => h.terminate().catch(() => undefined)));
    },
  };
}

// The helper's side: read the part, keep its own rows, send them back (or the refusal's message).
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === ROLE) {
  const port = parentPort;
  port.on('message', (req: PartRequest) => {
    let reply: PartResponse;
    try {
      // The same bytes seen as a Buffer: SheetJS slices the container once per entry, and a
      // Buffer's slice is a view where a Uint8Array's is a copy (of the whole part, ~0.3 s each).
      const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
      reply = { id: req.id, ok: true, part: readPartRows(bytes, req.sheetIndex, req.fileName, req.limits, req.firstRow) };
    } catch (err) {
      reply = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
