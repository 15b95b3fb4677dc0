/**
 * The engine worker client replaced by one that runs the audit in-process, for the Overview, Jobs
 * and Tasks & ratings component tests:
 *   vi.mock('…/renderer/src/worker/client', () => import('./overview-jobs-tasks.engine'));
 * Imports nothing that imports the worker client (the mock would wait on itself).
 */
import { buildAuditReport, type AuditInput, type AuditOptions } from '../../../renderer/src/engine/analysis/auditReport';

export class EngineClient {
  run(kind: string, args: { input: AuditInput; options: AuditOptions }): Promise<unknown> {
    if (kind !== 'audit') return Promise.reject(new Error(`not mocked: ${kind}`));
    return Promise.resolve(buildAuditReport(args.input, args.options));
  }

  cancelAll(): void {}
}
