// Registers one IPC handler per DesktopApi method; every call checks its sender frame and
// validates its arguments before the handler runs.
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import type { z } from 'zod';
import { CHANNELS, type DesktopInvokeApi } from '../ipc/contract';
import type { ErrorLogger } from './errorLog';
import type { IpcHandlers } from './handlers';
import { APP_HOST, APP_SCHEME } from './protocol';

/** Our app:// page, or (in development only) the vite dev server the window loaded. */
export function isTrustedSenderUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host.toLowerCase() === APP_HOST && !url.username && !url.password;
  }
  if (devServerUrl && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return url.origin === new URL(devServerUrl).origin;
  }
  return false;
}

export function isTrustedSender(frame: WebFrameMain | null, devServerUrl?: string): boolean {
  // null: the frame navigated away or was destroyed before the message arrived.
  if (!frame) return false;
  // We embed no frames, so only a top-level frame may talk to main.
  if (frame.parent !== null) return false;
  return isTrustedSenderUrl(frame.url, devServerUrl);
}

/** A short description of what is wrong with the arguments; zod never echoes the values. */
export function describeArgumentError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      // The first path element is the argument's position.
      const [position, ...rest] = issue.path;
      const where = position === undefined ? 'arguments' : `argument ${Number(position) + 1}${rest.length ? ` (${rest.join('.')})` : ''}`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** What every Handler<K> is, seen without its method's types. */
interface UniformHandler {
  args: z.ZodType<readonly unknown[]>;
  run: (event: IpcMainInvokeEvent, ...args: readonly unknown[]) => Promise<unknown>;
}

export interface IpcOptions {
  devServerUrl?: string;
  log?: ErrorLogger;
}

export function registerIpcHandlers(handlers: IpcHandlers, options: IpcOptions = {}): void {
  for (const method of Object.keys(CHANNELS) as (keyof DesktopInvokeApi)[]) {
    const channel = CHANNELS[method];
    // Each entry is checked against the contract by IpcHandlers; here they are used uniformly.
    const { args: schema, run } = handlers[method] as unknown as UniformHandler;
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, options.devServerUrl)) {
        options.log?.(`ipc ${method}`, new Error('Refused a call from an untrusted sender'));
        throw new Error(`Refused ${channel} from an untrusted sender`);
      }
      const parsed = schema.safeParse(args);
      if (!parsed.success) {
        const error = new TypeError(`Invalid arguments for ${method}: ${describeArgumentError(parsed.error)}`);
        options.log?.(`ipc ${method}`, error);
        throw error;
      }
      try {
        return await run(event, ...parsed.data);
      } catch (error) {
        options.log?.(`ipc ${method}`, error);
        throw error;
      }
    });
  }
}
