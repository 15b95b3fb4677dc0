/**
 * The engine worker's helpers for reading large worksheets on the other cores: started with the
 * engine worker (so SheetJS is compiled before a file arrives), one fewer than the cores, at most 3.
 */
import type { PartJob, PartReader, PartRows } from './parallelRead';
import type { PartRequest, PartResponse } from './sheetPart.worker';

const MAX_HELPERS = 3;

export function startPartPool(cores: number): PartReader | null {
  const count = Math.min(MAX_HELPERS, Math.max(0, cores - 1));
  if (count === 0 || typeof Worker !== 'function') return null;
  let helpers: Worker[];
  try {
    helpers = Array.from({ length: count }, () => new Worker(new URL('./sheetPart.worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return null; // no nested workers here: read on one core
  }
  const waiting = new Map<number, { started: () => void; resolve: (p: PartRows) => void; reject: (e: Error) => void }>();
  // A helper that failed (its script did not load, it crashed) answers nothing again: from then on
  // every part is refused at once and files are read on one core.
  let broken: Error | null = null;
  for (const h of helpers) {
    h.onmessage = (e: MessageEvent<PartResponse>) => {
      const w = waiting.get(e.data.id);
      if (!w) return;
      if ('started' in e.data) return w.started();
      waiting.delete(e.data.id);
      if (e.data.ok) w.resolve(e.data.part);
      else w.reject(new Error(e.data.message));
    };
    h.onerror = (e) => {
      e.preventDefault();
      broken = new Error(e.message || 'a worksheet helper stopped');
      for (const w of waiting.values()) {
        w.started();
        w.reject(new Error(e.message || 'a worksheet helper stopped'));
      }
      waiting.clear();
    };
  }
  let next = 0;
  return {
    parallelism: count,
    read(bytes, sheetIndex, fileName, limits, firstRow) {
      const id = ++next;
      const helper = helpers[id % count];
      if (broken) return { started: Promise.resolve(), rows: Promise.reject(broken) };
      let started = () => {};
      const job: PartJob = {
        started: new Promise<void>((resolve) => (started = resolve)),
        rows: new Promise<PartRows>((resolve, reject) => {
          waiting.set(id, { started, resolve, reject });
          const request: PartRequest = { id, bytes, sheetIndex, fileName, limits, firstRow };
          // The part's bytes are built for this helper alone: hand them over instead of copying.
          helper.postMessage(request, [bytes.buffer as ArrayBuffer]);
        }),
      };
      return job;
    },
  };
}
