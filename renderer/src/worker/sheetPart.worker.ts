/**
 * A helper of the engine worker: reads one row range of a large worksheet (a part made by
 * sheetSplit) with SheetJS, so a big file is parsed on several cores at once.
 */
import type { ImportLimits } from '../engine/import/types';
import { readPartRows, type PartRows } from './parallelRead';

export interface PartRequest {
  id: number;
  bytes: Uint8Array;
  sheetIndex: number;
  fileName: string;
  limits: ImportLimits;
  firstRow: number;
}

export type PartResponse = { id: number; started: true } | { id: number; ok: true; part: PartRows } | { id: number; ok: false; message: string };

self.onmessage = (event: MessageEvent<PartRequest>) => {
  const { id, bytes, sheetIndex, fileName, limits, firstRow } = event.data;
  (self as unknown as Worker).postMessage({ id, started: true } satisfies PartResponse);
  let reply: PartResponse;
  try {
    reply = { id, ok: true, part: readPartRows(bytes, sheetIndex, fileName, limits, firstRow) };
  } catch (err) {
    reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(reply);
};
