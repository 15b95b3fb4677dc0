/**
 * The UI's handle on the engine worker: promise per job, progress callbacks, and cancellation by
 * terminating the worker (HiGHS cannot be interrupted) and starting a fresh one.
 */
import type { EngineJobs, EngineRequest, EngineResponse, JobKind } from './protocol';
import { packArgs, unpackResult } from './packedOrganization';

export type Progress = (phase: string, done: number, total: number) => void;

interface Pending {
  kind: JobKind;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: Progress;
}

export class JobCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

export class EngineClient {
  private worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly spawn: () => Worker = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' })) {
    this.worker = this.start();
  }

  private start(): Worker {
    const w = this.spawn();
    w.onmessage = (e: MessageEvent<EngineResponse>) => {
      const msg = e.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress?.(msg.phase, msg.done, msg.total);
      else {
        this.pending.delete(msg.id);
        if (msg.type === 'done') p.resolve(unpackResult(p.kind, msg.value));
        else p.reject(new Error(msg.message));
      }
    };
    w.onerror = (e) => {
      const err = new Error(e.message || 'The engine stopped unexpectedly');
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    return w;
  }

  run<K extends JobKind>(kind: K, args: EngineJobs[K]['args'], onProgress?: Progress): Promise<EngineJobs[K]['result']> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind, resolve: resolve as (v: unknown) => void, reject, onProgress });
      const packed = packArgs(kind, args);
      this.worker.postMessage({ id, kind, args: packed.value } as EngineRequest, packed.transfer);
    });
  }

  /** Stops every running job (their promises reject with JobCancelled) and starts a fresh worker. */
  cancelAll(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new JobCancelled());
    this.pending.clear();
    this.worker = this.start();
  }

  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}
